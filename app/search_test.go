package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

func rowTitles(s *calendarScreen) []string {
	var out []string
	for _, r := range s.list.rows {
		out = append(out, r.post.Date.String()+" "+r.post.Title)
	}
	return out
}

// headerButton finds the list's column header showing text.
func headerButton(t *testing.T, s *calendarScreen, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	visit(s.list.table, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no column header %q", text)
	}
	return found
}

// TestSearchIsLiveOrderedByDateAndHonestlyHeaded types into the toolbar's
// search like a person, without Enter: the list shows the hits, earliest
// first as "▲ Datum" says, under a heading that names the search (not "Ab
// <day>" above posts from before that day); tapping the header turns the
// order round.
func TestSearchIsLiveOrderedByDateAndHonestlyHeaded(t *testing.T) {
	u, s := newCalendarUI(t,
		data.Post{Title: "Führung durchs Rathaus", Date: day(2026, 12, 15)},
		data.Post{Title: "Adventsführung im Museum", Date: day(2026, 12, 2)},
		data.Post{Title: "Führung Kläranlage", Date: day(2026, 11, 3)},
		data.Post{Title: "Weihnachtsmarkt", Date: day(2026, 12, 9)},
		data.Post{Title: "Führung Sternwarte bei Nacht", Date: day(2026, 12, 9), Time: at(19, 0)},
	)
	if s.mode != viewMonth {
		t.Fatal("calendar not in the month view")
	}
	if got := entriesIn(s.list.content); len(got) != 0 {
		t.Fatalf("the list has a text filter of its own besides the search (%d fields)", len(got))
	}
	u.win.Canvas().Focus(s.search)
	test.Type(s.search, "führung")
	u.Wait()
	if s.mode != viewList {
		t.Fatal("typing did not show the results")
	}
	want := []string{"03.11.2026 Führung Kläranlage", "09.12.2026 Führung Sternwarte bei Nacht", "15.12.2026 Führung durchs Rathaus"}
	if got := rowTitles(s); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("results %v, want %v", got, want)
	}
	if h := s.heading.Text; h != "Suche: „führung“" {
		t.Errorf("heading %q", h)
	}
	assertShows(t, s.list.content, "3 Treffer für „führung“")

	test.Tap(headerButton(t, s, "Datum"))
	u.Wait()
	if got := rowTitles(s); got[0] != want[2] || got[2] != want[0] {
		t.Errorf("after tapping Datum: %v", got)
	}

	// Emptying the field brings the agenda back, with its own heading.
	s.search.SetText("")
	u.Wait()
	if s.list.searching() || !strings.HasPrefix(s.heading.Text, "Ab ") {
		t.Errorf("after clearing: heading %q", s.heading.Text)
	}
}

// TestSearchDropsTheResultOfAnOlderQuery: while she types, an older query
// never overwrites the newer one's results.
func TestSearchDropsTheResultOfAnOlderQuery(t *testing.T) {
	u, s := newCalendarUI(t,
		data.Post{Title: "Alte Fenster", Date: day(2026, 12, 1)},
		data.Post{Title: "Führung Schloss", Date: day(2026, 12, 2)},
	)
	s.modeSel.SetSelected("Liste")
	u.Wait()
	s.search.SetText("Führung")
	s.search.SetText("Fenster")
	u.Wait()
	if got := rowTitles(s); len(got) != 1 || !strings.Contains(got[0], "Alte Fenster") {
		t.Fatalf("results %v", got)
	}
	// A slow older search finishing last is dropped too.
	s.onSearch("Führung", 0)
	u.jobs.Wait() // its result waits for the UI goroutine
	s.onSearch("Fenster", 0)
	u.Wait()
	if got := rowTitles(s); len(got) != 1 || !strings.Contains(got[0], "Alte Fenster") {
		t.Fatalf("results %v", got)
	}
}

// TestSearchSaysWhenThereAreMoreThanItShows: the store gives at most 200
// hits; the list must not claim "200 Treffer" as if that were all.
func TestSearchSaysWhenThereAreMoreThanItShows(t *testing.T) {
	u, s := newCalendarUI(t)
	ctx := context.Background()
	cs, _ := u.Workspace().Channels(ctx)
	for i := 0; i < data.MaxSearchResults+5; i++ {
		p := data.Post{Title: "Pressemitteilung " + itoaTest(i), Date: day(2027, 1+i%12, 1+i%28), Channels: []data.PostChannel{{ChannelID: cs[0].ID}}}
		if err := u.Workspace().CreatePost(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	s.onSearch("Pressemitteilung", 0)
	u.Wait()
	assertShows(t, s.list.content, "mehr als 200 Treffer für „Pressemitteilung“ — Suche verfeinern")
	if contains(texts(s.list.content), "200 Treffer für") && !contains(texts(s.list.content), "mehr als") {
		t.Error("claims 200 hits")
	}
	// The first 200 by date: January's come first.
	if first := s.list.rows[0].post.Date; first.Month != 1 || first.Day != 1 {
		t.Errorf("first hit %v", first)
	}
}

// TestListColumnsShareTheWidth: at 1366 and 1920 px the columns fill the
// list exactly, the title is the widest, the notes stand right next to it
// and the Bild column counts the pictures.
func TestListColumnsShareTheWidth(t *testing.T) {
	u, s := newCalendarUI(t,
		data.Post{Title: "Zwei Bilder", Date: day(2026, 12, 8), Caption: "x"},
		data.Post{Title: "Ein Bild", Date: day(2026, 12, 9), Caption: "x"},
		data.Post{Title: "Ohne Bild", Date: day(2026, 12, 10), Caption: "x"})
	ctx := context.Background()
	pics := importPictures(t, u, "a.jpg", "b.jpg")
	for _, p := range pics {
		if err := u.Workspace().SetPictureDecision(ctx, p.ID, data.DecisionNone); err != nil {
			t.Fatal(err)
		}
	}
	ps, _ := u.Workspace().PostsBetween(ctx, *day(2026, 12, 8), *day(2026, 12, 10))
	for _, p := range ps {
		ids := map[string][]int64{"Zwei Bilder": {pics[0].ID, pics[1].ID}, "Ein Bild": {pics[0].ID}}[p.Title]
		if err := u.Workspace().AttachMedia(ctx, p.ID, ids); err != nil {
			t.Fatal(err)
		}
	}
	s.modeSel.SetSelected("Liste")
	s.selected = *day(2026, 12, 1)
	s.reload()
	u.Wait()
	for _, w := range []float32{1366, 1920} {
		u.win.Resize(fyne.NewSize(w, 768))
		tw := s.list.table.Size().Width
		sum := float32(len(listOrder)) * theme.Padding() // the table's gap after each column
		widest, title := float32(0), float32(0)
		for i, cw := range s.list.widths {
			sum += cw
			widest = max(widest, cw)
			if listOrder[i] == 3 {
				title = cw
			}
		}
		if d := sum - tw; d > 0.5 || d < -0.5 || tw < 500 {
			t.Errorf("at %v px the columns take %v of the list's %v", w, sum, tw)
		}
		if title != widest {
			t.Errorf("at %v px the title column (%v) is not the widest (%v)", w, title, widest)
		}
	}
	if listOrder[2] != 3 || listOrder[3] != 7 {
		t.Error("the notes do not stand next to the title")
	}
	if headerButton(t, s, "Hinweise") == nil {
		t.Fatal("no notes column")
	}
	got := map[string]string{}
	for i, r := range s.list.rows {
		l := widget.NewLabel("")
		s.list.updateCell(widget.TableCellID{Row: i, Col: 4}, l)
		got[r.post.Title] = l.Text
	}
	if got["Zwei Bilder"] != "2 Bilder" || got["Ein Bild"] != "Bild ✓" || got["Ohne Bild"] != "kein Bild" {
		t.Errorf("Bild column: %v", got)
	}
}

// TestListRowRightClickOffersThePostMenu: the list's rows have the chip's
// menu; a left click still opens the post.
func TestListRowRightClickOffersThePostMenu(t *testing.T) {
	const long = "Listenbeitrag mit einem sehr langen Titel, der in keine Spalte passt: Tag der offenen Tür"
	u, s := newCalendarUI(t, data.Post{Title: long, Date: day(2026, 12, 8)})
	s.modeSel.SetSelected("Liste")
	s.selected = *day(2026, 12, 1)
	s.reload()
	u.Wait()
	var cell *listCell
	visit(s.list.table, func(o fyne.CanvasObject) {
		if c, ok := o.(*listCell); ok && c.Visible() && c.row == 0 && cell == nil {
			cell = c
		}
	})
	if cell == nil {
		t.Fatal("no cell of the first row")
	}
	test.TapSecondary(cell)
	if topOverlay(u) == nil {
		t.Fatal("no menu on a right click in the list")
	}
	assertShows(t, topOverlay(u), "Öffnen", "Status ändern", "Verschieben auf …", "Löschen …")
	u.win.Canvas().Overlays().Remove(topOverlay(u))

	// A title cut in its column shows in full when the pointer rests on it.
	noHoverDelay(t)
	var title *listCell
	visit(s.list.table, func(o fyne.CanvasObject) {
		if c, ok := o.(*listCell); ok && c.Visible() && c.label.Text == long {
			title = c
		}
	})
	if title == nil || !labelCut(title.label) {
		t.Fatal("the long title's cell is missing or not cut")
	}
	test.MoveMouse(u.win.Canvas(), pointAt(title))
	if s.hover.shown() == nil {
		t.Fatal("no full text for a cut title")
	}
	assertShows(t, s.hover.shown(), long)
	test.MoveMouse(u.win.Canvas(), fyne.NewPos(2, 2))
	if s.hover.shown() != nil {
		t.Error("the full title stays after leaving")
	}

	test.Tap(cell)
	u.Wait()
	if u.editor == nil || u.editor.post.Title != long {
		t.Error("a click on the row does not open the post")
	}
}
