package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// consentFixture is a calendar with three posts on 8.12.2026 on Instagram
// (Anna without consent, an ungeklärt picture, a clean one) and a
// published one with Anna, and Anna herself.
type consentFixture struct {
	u    *UI
	s    *calendarScreen
	anna data.Person
	pics []data.Media // anna, ungeklärt, nobody
}

func newConsentFixture(t *testing.T) *consentFixture {
	t.Helper()
	u, s := newCalendarUI(t,
		data.Post{Title: "Anna im Archiv", Date: day(2026, 12, 8), Caption: "x"},
		data.Post{Title: "Flur", Date: day(2026, 12, 8), Caption: "x"},
		data.Post{Title: "Rathaus", Date: day(2026, 12, 8), Caption: "x"},
		data.Post{Title: "Schon draußen", Date: day(2026, 12, 8), Caption: "x", Status: data.StatusPublished},
	)
	ctx := context.Background()
	ws := u.Workspace()
	f := &consentFixture{u: u, s: s}
	f.pics = importPictures(t, u, "anna.jpg", "flur.jpg", "rathaus.jpg")
	f.anna = data.Person{Name: "Anna Beispiel", Role: data.RoleTrainee}
	if err := ws.SavePerson(ctx, &f.anna); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetPicturePeople(ctx, f.pics[0].ID, []int64{f.anna.ID}); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetPictureDecision(ctx, f.pics[2].ID, data.DecisionNone); err != nil {
		t.Fatal(err)
	}
	ps, err := ws.PostsBetween(ctx, *day(2026, 12, 8), *day(2026, 12, 8))
	if err != nil {
		t.Fatal(err)
	}
	link := map[string]int64{"Anna im Archiv": f.pics[0].ID, "Flur": f.pics[1].ID, "Rathaus": f.pics[2].ID, "Schon draußen": f.pics[0].ID}
	for _, p := range ps {
		if err := ws.AttachMedia(ctx, p.ID, []int64{link[p.Title]}); err != nil {
			t.Fatal(err)
		}
	}
	s.reload()
	u.Wait()
	return f
}

// Planned posts with a blocking finding carry the strong badge, those
// with an ungeklärt picture the light one, in the month, the week (with
// the hint) and the list; published posts none.
func TestConsentMarksInCalendar(t *testing.T) {
	f := newConsentFixture(t)
	s := f.s
	marks := map[string]consentLevel{}
	for _, c := range chipsOn(s, *day(2026, 12, 8)) {
		r := test.WidgetRenderer(c).(*chipRenderer)
		marks[c.info.title] = c.info.consent
		if r.consent.Visible() != (c.info.consent != consentOK) {
			t.Errorf("%s: badge shown %v, level %v", c.info.title, r.consent.Visible(), c.info.consent)
		}
	}
	want := map[string]consentLevel{"Anna im Archiv": consentBlocked, "Flur": consentUnclear, "Rathaus": consentOK, "Schon draußen": consentOK}
	if !mapsEqual(marks, want) {
		t.Errorf("month chips %v, want %v", marks, want)
	}

	s.modeSel.SetSelected("Woche")
	u := f.u
	u.Wait()
	details := map[string]string{}
	for _, col := range s.week.cols {
		for _, c := range col.chips {
			if c.info.post != nil {
				details[c.info.title] = c.info.detail
			}
		}
	}
	if !strings.Contains(details["Anna im Archiv"], "Einwilligung fehlt: Anna Beispiel auf Instagram") {
		t.Errorf("week hint: %q", details["Anna im Archiv"])
	}
	if !strings.Contains(details["Flur"], "Ungeklärt, wer zu sehen ist: flur.jpg") {
		t.Errorf("week hint: %q", details["Flur"])
	}

	s.modeSel.SetSelected("Liste")
	s.selected = *day(2026, 12, 1)
	s.reload()
	u.Wait()
	col4, col7 := map[string]string{}, map[string]string{}
	for i, r := range s.list.rows {
		l := widget.NewLabel("")
		s.list.updateCell(widget.TableCellID{Row: i, Col: 4}, l)
		col4[r.post.Title] = l.Text
		s.list.updateCell(widget.TableCellID{Row: i, Col: 7}, l)
		col7[r.post.Title] = l.Text
	}
	if want := map[string]string{"Anna im Archiv": "Einwilligung fehlt", "Flur": "ungeklärt", "Rathaus": "", "Schon draußen": ""}; !mapsEqual(col4, want) {
		t.Errorf("list column Bild: %v, want %v", col4, want)
	}
	if !strings.HasPrefix(col7["Anna im Archiv"], "Einwilligung fehlt: Anna Beispiel auf Instagram") {
		t.Errorf("list hints: %q", col7["Anna im Archiv"])
	}
}

func mapsEqual[K comparable, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// The editor's lines follow the channels and the date as typed; saving
// as Freigegeben is refused with a message naming person, channel and
// reason, and everything typed stays.
func TestEditorConsentLinesAndBlockedApproval(t *testing.T) {
	f := newConsentFixture(t)
	u, s := f.u, f.s
	ctx := context.Background()
	ws := u.Workspace()
	// Anna agreed to Instagram until 10.12.2026.
	until := calendar.NewDate(2026, 12, 10)
	c := data.Consent{PersonID: f.anna.ID, GivenOn: calendar.NewDate(2026, 11, 1), Form: data.FormWritten, GivenBy: data.GivenBySelf,
		Platforms: []data.Platform{data.Instagram}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeShoot, Shoot: "Archiv",
		ValidUntil: &until}
	if err := ws.AddConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}
	var id int64
	ps, _ := ws.PostsBetween(ctx, *day(2026, 12, 8), *day(2026, 12, 8))
	for _, p := range ps {
		if p.Title == "Anna im Archiv" {
			id = p.ID
		}
	}
	ed := openPostEditor(t, u, s, id)
	ed.mediaBox.append(f.pics[1:2]) // the ungeklärt one too
	u.Wait()
	lines := ed.mediaBox.consentLines
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "anna.jpg: Anna Beispiel: Die Einwilligung für Instagram läuft am 10.12.2026 ab.") ||
		!strings.Contains(lines[1], "flur.jpg: Ungeklärt") || !strings.Contains(lines[1], "In der Mediathek festlegen") {
		t.Fatalf("lines on 08.12.: %q", lines)
	}
	assertShows(t, topOverlay(u), "Einwilligungen und Rechte für Instagram am 08.12.2026:")

	// Typed a later date: her consent has ended then.
	ed.date.SetText("12.12.2026")
	u.Wait()
	if got := ed.mediaBox.consentLines; len(got) != 2 || got[0] != "anna.jpg: Anna Beispiel: Die Einwilligung für Instagram ist am 10.12.2026 abgelaufen." {
		t.Fatalf("lines on 12.12.: %q", got)
	}
	if !ed.consentHint.Visible() || ed.consentHint.Text != "Noch nicht freigebbar: 1 Bild darf so nicht verwendet werden – siehe Medien." {
		t.Errorf("status hint %v %q", ed.consentHint.Visible(), ed.consentHint.Text)
	}
	// Without a channel the rule asks about any channel.
	ed.channels[0].SetChecked(false)
	u.Wait()
	assertShows(t, topOverlay(u), "Einwilligungen und Rechte für alle Kanäle am 12.12.2026:")
	ed.channels[0].SetChecked(true)
	u.Wait()
	// A half-typed date leaves the lines as they were.
	ed.date.SetText("12.12.")
	u.Wait()
	if got := ed.mediaBox.consentLines; len(got) != 2 || !strings.Contains(got[0], "abgelaufen") {
		t.Fatalf("lines with a half-typed date: %q", got)
	}
	ed.date.SetText("12.12.2026")
	ed.caption.SetText("Neuer Text, nicht verlieren")
	ed.status.SetSelectedIndex(slices.Index(data.Statuses(), data.StatusApproved))
	ed.onSave()
	u.Wait()
	if u.editor != ed {
		t.Fatal("the editor closed after a refused save")
	}
	assertShows(t, topOverlay(u), "Nicht freigegeben: Einwilligung oder Lizenz fehlt",
		"Der Beitrag kann nicht mit dem Status „Freigegeben“ gespeichert werden:",
		"• Anna Beispiel: Die Einwilligung für Instagram ist am 10.12.2026 abgelaufen.")
	if ed.caption.Text != "Neuer Text, nicht verlieren" || ed.date.Text != "12.12.2026" {
		t.Errorf("typed text lost: %q %q", ed.caption.Text, ed.date.Text)
	}
	if p, _ := ws.Post(ctx, id); p.Status != data.StatusDraft || p.Caption != "x" {
		t.Errorf("refused save stored %+v", p)
	}

	// Back on the 8th (covered) without the ungeklärt picture: approved.
	ed.date.SetText("08.12.2026")
	ed.mediaBox.remove(1)
	u.Wait()
	if got := ed.mediaBox.consentLines; len(got) != 1 || !strings.Contains(got[0], "läuft am 10.12.2026 ab") {
		t.Fatalf("after removing: %q", got)
	}
	if ed.consentHint.Visible() {
		t.Error("the status hint stays without a blocked picture")
	}
	ed.onSave()
	u.Wait()
	if p, _ := ws.Post(ctx, id); p.Status != data.StatusApproved || p.Caption != "Neuer Text, nicht verlieren" {
		t.Errorf("approved save: %+v", p)
	}
}
