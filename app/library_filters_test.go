package app

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

func TestPeriodPresetsComputeTheDays(t *testing.T) {
	d := calendar.NewDate
	for _, c := range []struct {
		name     string
		p        periodPreset
		today    calendar.Date
		from, to calendar.Date
		open     bool
	}{
		{"all", periodAll, d(2026, 12, 2), calendar.Date{}, calendar.Date{}, true},
		{"custom has no days of its own", periodCustom, d(2026, 12, 2), calendar.Date{}, calendar.Date{}, true},
		{"last 30 days", periodLast30Days, d(2026, 3, 15), d(2026, 2, 14), d(2026, 3, 15), false},
		{"this month", periodThisMonth, d(2026, 12, 2), d(2026, 12, 1), d(2026, 12, 31), false},
		{"this month, February of a leap year", periodThisMonth, d(2028, 2, 29), d(2028, 2, 1), d(2028, 2, 29), false},
		{"last month", periodLastMonth, d(2026, 3, 31), d(2026, 2, 1), d(2026, 2, 28), false},
		{"last month in January is last December", periodLastMonth, d(2026, 1, 1), d(2025, 12, 1), d(2025, 12, 31), false},
		{"last month, leap February", periodLastMonth, d(2024, 3, 10), d(2024, 2, 1), d(2024, 2, 29), false},
		{"this year", periodThisYear, d(2026, 12, 31), d(2026, 1, 1), d(2026, 12, 31), false},
		{"last year", periodLastYear, d(2026, 1, 1), d(2025, 1, 1), d(2025, 12, 31), false},
	} {
		from, to := periodRange(c.p, c.today)
		if c.open {
			if from != nil || to != nil {
				t.Errorf("%s: %v – %v, want open", c.name, from, to)
			}
			continue
		}
		if from == nil || to == nil || *from != c.from || *to != c.to {
			t.Errorf("%s: %v – %v, want %v – %v", c.name, from, to, c.from, c.to)
		}
	}
	if len(periodNames()) != int(periodCustom)+1 {
		t.Errorf("%d period names for %d presets", len(periodNames()), periodCustom+1)
	}
}

func TestParsePeriodSaysWhatIsWrong(t *testing.T) {
	_, _ = newTestUI(t, Config{}) // German translations
	d := calendar.NewDate
	for _, c := range []struct {
		from, to string
		want     string // the message; "" when fine
		a, b     *calendar.Date
	}{
		{"01.05.2019", "31.05.2019", "", ptr(d(2019, 5, 1)), ptr(d(2019, 5, 31))},
		{" 1.5.2019 ", "", "", ptr(d(2019, 5, 1)), nil},
		{"", "2019-05-31", "", nil, ptr(d(2019, 5, 31))},
		{"32.01.2026", "", "Von: Das Datum „32.01.2026“ ist ungültig; bitte wie 01.12.2026 schreiben.", nil, nil},
		{"01.01.2026", "morgen", "Bis: Das Datum „morgen“ ist ungültig; bitte wie 01.12.2026 schreiben.", nil, nil},
		{"31.05.2019", "01.05.2019", "Der Zeitraum endet vor dem Beginn: 01.05.2019 liegt vor 31.05.2019.", nil, nil},
		{" ", "", "Bitte geben Sie mindestens einen der beiden Tage an.", nil, nil},
	} {
		a, b, err := parsePeriod(c.from, c.to)
		if c.want != "" {
			if got := explain(err); got != c.want {
				t.Errorf("%q–%q: %q, want %q", c.from, c.to, got, c.want)
			}
			continue
		}
		if err != nil || !sameDay(a, c.a) || !sameDay(b, c.b) {
			t.Errorf("%q–%q: %v – %v, %v", c.from, c.to, a, b, err)
		}
	}
}

func TestPeriodTextIsShortWithinAYear(t *testing.T) {
	_, _ = newTestUI(t, Config{})
	d := calendar.NewDate
	for _, c := range []struct {
		from, to *calendar.Date
		want     string
	}{
		{ptr(d(2026, 12, 1)), ptr(d(2026, 12, 31)), "Aufnahme 01.12. – 31.12.2026"},
		{ptr(d(2025, 12, 20)), ptr(d(2026, 1, 5)), "Aufnahme 20.12.2025 – 05.01.2026"},
		{ptr(d(2025, 12, 20)), nil, "Aufnahme ab 20.12.2025"},
		{nil, ptr(d(2026, 1, 5)), "Aufnahme bis 05.01.2026"},
		{nil, nil, ""},
	} {
		if got := periodText(c.from, c.to); got != c.want {
			t.Errorf("%v – %v: %q, want %q", c.from, c.to, got, c.want)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func sameDay(a, b *calendar.Date) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// tagFixture imports the fixture and tags two of its pictures.
func tagFixture(t *testing.T, u *UI, s *libraryScreen) {
	t.Helper()
	importFixture(t, u, s)
	closeOverlays(u)
	ids := map[string]int64{}
	for _, m := range s.items {
		ids[m.OriginalName] = m.ID
	}
	ctx := context.Background()
	ws := u.Workspace()
	if err := ws.SetMediaTags(ctx, []int64{ids["rathaus.jpg"], ids["burg.jpg"]}, []string{"Altstadt"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetMediaTags(ctx, []int64{ids["rathaus.jpg"]}, []string{"Rathaus"}, nil); err != nil {
		t.Fatal(err)
	}
}

func closeOverlays(u *UI) {
	for top := u.win.Canvas().Overlays().Top(); top != nil; top = u.win.Canvas().Overlays().Top() {
		u.win.Canvas().Overlays().Remove(top)
	}
}

func TestLibraryTagFilterNarrowsTheGridAndResetClearsAll(t *testing.T) {
	u, s := openLibrary(t)
	tagFixture(t, u, s)
	f := s.filters

	test.Tap(f.tagButton)
	u.Wait()
	if !f.tagPopup.Visible() {
		t.Fatal("the tag list did not open")
	}
	assertShows(t, f.tagPopup, "Alle Schlagwörter", "Altstadt", "Rathaus")
	if len(f.shown) != 2 || f.shown[0].Tag != "Altstadt" || f.shown[0].Count != 2 {
		t.Fatalf("tag list %+v", f.shown)
	}
	// The filter field narrows the list; Enter takes the first match.
	test.Type(f.tagFilter, "RAT")
	if len(f.shown) != 1 || f.shown[0].Tag != "Rathaus" {
		t.Fatalf("filtered tag list %+v", f.shown)
	}
	f.tagFilter.OnSubmitted(f.tagFilter.Text)
	u.Wait()
	if f.tagPopup.Visible() {
		t.Error("the tag list stays open after choosing")
	}
	if got := tileNames(s); !slices.Equal(got, []string{"rathaus.jpg"}) {
		t.Errorf("tag Rathaus shows %v", got)
	}
	assertShows(t, s.content, "Schlagwort: Rathaus", "Filter: Schlagwort „Rathaus“", "Filter zurücksetzen")

	// A click in the list chooses too.
	test.Tap(f.tagButton)
	u.Wait()
	f.tagList.Select(1) // Altstadt, after "Alle Schlagwörter"
	u.Wait()
	if got := tileNames(s); !slices.Equal(got, []string{"burg.jpg", "rathaus.jpg"}) {
		t.Errorf("tag Altstadt shows %v", got)
	}

	// With a search and a kind on top, one click clears them all.
	s.search.SetText("burg")
	u.Wait()
	s.kind.SetSelectedIndex(1)
	u.Wait()
	assertShows(t, f.active, "Suche „burg“", "Bilder", "Schlagwort „Altstadt“")
	if f.reset.Disabled() {
		t.Fatal("Filter zurücksetzen is disabled while filters are active")
	}
	gen := s.gen
	test.Tap(f.reset)
	u.Wait()
	if s.gen != gen+1 {
		t.Errorf("reset ran %d queries, want 1", s.gen-gen)
	}
	if len(s.items) != 4 || s.search.Text != "" || s.kind.SelectedIndex() != 0 || f.tag != "" {
		t.Errorf("after reset: %d items, search %q, kind %d, tag %q", len(s.items), s.search.Text, s.kind.SelectedIndex(), f.tag)
	}
	if !f.reset.Disabled() || f.active.Text != "" {
		t.Errorf("after reset the row still says %q (reset enabled: %t)", f.active.Text, !f.reset.Disabled())
	}
	assertShows(t, s.content, "Alle Schlagwörter")
}

// A tag given in the detail pane is in the tag list the next time it opens.
func TestLibraryTagListFollowsTagEdits(t *testing.T) {
	u, s := openLibrary(t)
	tagFixture(t, u, s)
	f := s.filters
	selectByName(t, u, s, "sommerfest.jpg")
	s.detail.tags.SetText("Sommerfest, Altstadt")
	test.Tap(s.detail.save)
	u.Wait()

	test.Tap(f.tagButton)
	u.Wait()
	var got []string
	for _, tc := range f.shown {
		got = append(got, tc.Tag)
		if tc.Tag == "Altstadt" && tc.Count != 3 {
			t.Errorf("Altstadt counted %d times, want 3", tc.Count)
		}
	}
	if !slices.Equal(got, []string{"Altstadt", "Rathaus", "Sommerfest"}) {
		t.Errorf("tags after the edit %v", got)
	}
}

// importAged imports two pictures whose Aufnahmedatum is their file date
// (the generated JPEGs have no EXIF): one of May 2019, one of two days ago.
func importAged(t *testing.T, u *UI, s *libraryScreen) {
	t.Helper()
	dir := t.TempDir()
	old := writeJPEG(t, dir, "mai2019.jpg", "burg", 11)
	recent := writeJPEG(t, dir, "neu.jpg", "team", 12)
	may := time.Date(2019, 5, 10, 12, 0, 0, 0, data.WorkspaceZone())
	twoDays := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(old, may, may); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(recent, twoDays, twoDays); err != nil {
		t.Fatal(err)
	}
	s.importPaths([]string{dir})
	u.Wait()
	closeOverlays(u)
}

func TestLibraryPeriodFilterPresetAndCustomPeriod(t *testing.T) {
	u, s := openLibrary(t)
	importAged(t, u, s)
	f := s.filters

	f.period.SetSelectedIndex(int(periodLast30Days))
	u.Wait()
	if got := tileNames(s); !slices.Equal(got, []string{"neu.jpg"}) {
		t.Errorf("last 30 days shows %v", got)
	}
	today := u.Workspace().Today()
	assertShows(t, f.active, periodText(ptr(today.AddDays(-29)), &today))

	// Eigener Zeitraum: a bad day is said in the dialog, which stays open.
	f.period.SetSelectedIndex(int(periodCustom))
	u.Wait()
	c := f.custom
	if c == nil {
		t.Fatal("no dialog for the custom period")
	}
	test.Type(c.from, "32.05.2019")
	test.Tap(c.apply)
	u.Wait()
	if f.custom == nil || c.msg.Text != "Von: Das Datum „32.05.2019“ ist ungültig; bitte wie 01.12.2026 schreiben." {
		t.Fatalf("bad day: dialog open %t, message %q", f.custom != nil, c.msg.Text)
	}
	c.from.SetText("01.05.2019")
	c.to.SetText("31.5.2019")
	test.Tap(c.apply)
	u.Wait()
	if f.custom != nil {
		t.Error("the dialog stays open after a good period")
	}
	if got := tileNames(s); !slices.Equal(got, []string{"mai2019.jpg"}) {
		t.Errorf("May 2019 shows %v", got)
	}
	assertShows(t, f.active, "Filter: Aufnahme 01.05. – 31.05.2019")
	if f.editCustom.Hidden {
		t.Error("no button to change the custom period")
	}

	// Cancelling a second custom dialog keeps the applied period.
	test.Tap(f.editCustom)
	u.Wait()
	if f.custom == nil || f.custom.from.Text != "01.05.2019" {
		t.Fatal("the custom dialog does not show the applied days")
	}
	f.custom.d.Hide()
	u.Wait()
	if f.period.SelectedIndex() != int(periodCustom) || len(s.items) != 1 {
		t.Errorf("after cancelling: period %d, %d items", f.period.SelectedIndex(), len(s.items))
	}
	f.period.SetSelectedIndex(int(periodAll))
	u.Wait()
	if len(s.items) != 2 || f.active.Text != "" {
		t.Errorf("all periods: %d items, %q", len(s.items), f.active.Text)
	}
}

// Both toolbar rows fit the Mediathek at the narrow window sizes, with a
// tag and a period chosen (the widest state of the filter row).
func TestLibraryToolbarFitsNarrowWindows(t *testing.T) {
	u, s := openLibrary(t)
	tagFixture(t, u, s)
	s.filters.setTag("Ein recht langes Schlagwort für die Stadtverwaltung")
	s.filters.period.SetSelectedIndex(int(periodLastMonth))
	u.Wait()
	for _, w := range []float32{1240, 1366} {
		u.win.Resize(fyne.NewSize(w, 700))
		u.win.Content().Refresh()                     // the desktop driver re-lays out every frame
		top := s.content.(*fyne.Container).Objects[1] // the Border's top: both rows
		if min, got := top.MinSize().Width, s.content.Size().Width; min > got {
			t.Errorf("at %v px the toolbar needs %.0f px of %.0f", w, min, got)
		}
		if min, got := s.filters.content.MinSize().Width, s.filters.content.Size().Width; min > got || got == 0 {
			t.Errorf("at %v px the filter row needs %.0f px of %.0f", w, min, got)
		}
		if over := textOverflow(s.filters.content, s.filters.content.Size().Width); len(over) > 0 {
			t.Errorf("at %v px: %v", w, over)
		}
		if b := s.filters.tagButton; b.MinSize().Width > tagButtonWidth {
			t.Errorf("the tag button %q needs %.0f px of %d", b.Text, b.MinSize().Width, tagButtonWidth)
		}
	}
}
