package app

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// Sizes of the month's pieces in the default window (1240x700, which fits
// a 1366x768 laptop with its taskbar); the goldens are rendered at these.
var (
	goldenDaySize  = fyne.NewSize(106, 113)
	goldenWeekSize = fyne.NewSize(90, 113)
	goldenChipSize = fyne.NewSize(100, 22)
)

// goldenPosts is a full Christmas week: long German titles with umlauts,
// several posts on the holiday, times and ideas of other channels.
func goldenPosts() []data.Post {
	return []data.Post{
		{Title: "Weihnachtsgrüße des Oberbürgermeisters an alle Bürgerinnen und Bürger", Date: day(2026, 12, 25), Time: at(9, 0)},
		{Title: "Öffnungszeiten der Bürgerbüros über die Feiertage", Date: day(2026, 12, 25), Time: at(11, 30)},
		{Title: "Müllabfuhr: geänderte Abholtermine zwischen den Jahren", Date: day(2026, 12, 25)},
		{Title: "Glühweinausschank für den guten Zweck – Dankeschön!", Date: day(2026, 12, 25), Time: at(17, 0)},
		{Title: "Straßensperrung Königstraße wegen Silvesterfeuerwerk", Date: day(2026, 12, 22), Time: at(8, 15), Status: data.StatusApproved},
	}
}

// textOverflow lists every visible text below o that reaches beyond
// width, measured from o's left edge.
func textOverflow(o fyne.CanvasObject, width float32) []string {
	var out []string
	var walk func(o fyne.CanvasObject, x float32)
	walk = func(o fyne.CanvasObject, x float32) {
		if !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *canvas.Text:
			end := x + fyne.MeasureText(w.Text, w.TextSize, w.TextStyle).Width
			if w.Text != "" && end > width+0.5 {
				out = append(out, fmt.Sprintf("%q ends at %.1f of %.1f", w.Text, end, width))
			}
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c, x+c.Position().X)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wid).Objects() {
				walk(c, x+c.Position().X)
			}
		}
	}
	walk(o, 0)
	return out
}

func cellOn(t *testing.T, s *calendarScreen, d calendar.Date) *dayCell {
	t.Helper()
	for _, c := range s.month.days {
		if c.date == d {
			return c
		}
	}
	t.Fatalf("no cell for %v", d)
	return nil
}

// TestMonthFitsTheWindow: at the default window size and at 1366x768 the
// whole calendar screen fits without horizontal overflow, and no text in
// any day or week cell runs over its cell.
func TestMonthFitsTheWindow(t *testing.T) {
	u, s := newCalendarUI(t, goldenPosts()...)
	s.goTo(*day(2026, 12, 25))
	for _, sz := range []fyne.Size{{Width: 1240, Height: 700}, {Width: 1366, Height: 768}} {
		u.win.Resize(sz)
		u.Wait()
		if min := u.win.Content().MinSize(); min.Width > sz.Width || min.Height > sz.Height {
			t.Errorf("%v window: the calendar needs %v", sz, min)
		}
		for _, c := range s.month.days {
			if c.Size().Width < 90 {
				t.Errorf("%v window: day cell only %v wide", sz, c.Size().Width)
			}
			for _, o := range textOverflow(c, c.Size().Width) {
				t.Errorf("%v window, %v: %s", sz, c.date, o)
			}
		}
		for _, w := range s.month.weeks {
			for _, o := range textOverflow(w, w.Size().Width) {
				t.Errorf("%v window, week of %v: %s", sz, w.monday, o)
			}
		}
		// The week and the list fit too, and the heading is shown whole.
		for _, mode := range []string{"Woche", "Liste", "Monat"} {
			s.modeSel.SetSelected(mode)
			u.Wait()
			if min := u.win.Content().MinSize(); min.Width > sz.Width {
				t.Errorf("%v window, %s: the calendar needs %v", sz, mode, min)
			}
			whole := widget.NewLabelWithStyle(s.heading.Text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			whole.SizeName = s.heading.SizeName
			// The desktop driver draws text about a tenth wider than the
			// test driver measures it (seen at 1240 px: cut there, whole
			// here), hence the margin.
			need := whole.MinSize().Width * 1.12
			if s.heading.Size().Width < need {
				t.Errorf("%v window, %s: heading %q cut (%v of %v)", sz, mode, s.heading.Text, s.heading.Size().Width, need)
			}
		}
	}
}

// TestGoldenMonthCellWeekCellAndChip renders a holiday cell with four
// posts, its week cell and one chip at the sizes they have in the default
// window, against markup goldens in testdata/.
func TestGoldenMonthCellWeekCellAndChip(t *testing.T) {
	u, s := newCalendarUI(t, goldenPosts()...)
	s.goTo(*day(2026, 12, 25))
	u.Wait()
	cell := cellOn(t, s, *day(2026, 12, 25))
	if !cell.holiday || len(cell.infos) != 4 {
		t.Fatalf("25.12.: holiday %v, %d posts", cell.holiday, len(cell.infos))
	}
	var week *weekCell
	for _, w := range s.month.weeks {
		if w.monday == *day(2026, 12, 21) {
			week = w
		}
	}
	info := cell.infos[0]
	chip := newChip(&chipEvents{}, false)
	chip.set(info, true)

	for _, g := range []struct {
		name string
		o    fyne.CanvasObject
		size fyne.Size
	}{
		{"month_cell_holiday.xml", cell, goldenDaySize},
		{"week_cell.xml", week, goldenWeekSize},
		{"chip_selected.xml", chip, goldenChipSize},
	} {
		g.o.Resize(g.size)
		if min := g.o.MinSize(); min.Width > g.size.Width {
			t.Errorf("%s needs %v, has %v", g.name, min, g.size)
		}
		for _, o := range textOverflow(g.o, g.size.Width) {
			t.Errorf("%s: %s", g.name, o)
		}
		test.AssertObjectRendersToMarkup(t, g.name, g.o)
	}
}

// goldenWideDaySize is a day cell of the month at 1920x1080: room for
// two-line chips.
var goldenWideDaySize = fyne.NewSize(180, 160)

// TestGoldenMonthCellTwoLinesSlotAndBadges renders a day with room to
// spare: two posts and a free series slot as two-line chips — the title
// wrapped with an ellipsis at the end, "kein Text" on a post without any
// text, "keine Uhrzeit" on one without a time, the slot dashed and "frei"
// — against a markup golden; no text leaves its chip.
func TestGoldenMonthCellTwoLinesSlotAndBadges(t *testing.T) {
	u, s := newCalendarUI(t,
		data.Post{Title: "Tag der offenen Tür im Rathaus mit Führungen durch alle Ämter und Musik", Date: day(2026, 12, 23), Time: at(10, 0)},
		data.Post{Title: "Weihnachtsmarkt: Aufbau", Caption: "Ab Montag stehen die Buden.", Date: day(2026, 12, 23), Status: data.StatusApproved})
	ctx := context.Background()
	sr := data.Series{Title: "Azubi-Dienstag: Einblicke", Rule: calendar.Recurrence{Kind: calendar.Weekly, Weekday: time.Wednesday, Start: *day(2026, 12, 23), Hour: 14}}
	if err := u.Workspace().SaveSeries(ctx, &sr); err != nil {
		t.Fatal(err)
	}
	s.reload()
	u.Wait()
	cell := cellOn(t, s, *day(2026, 12, 23))
	cell.Resize(goldenWideDaySize)
	cell.Refresh()
	if len(cell.infos) != 3 {
		t.Fatalf("23.12.: %d chips", len(cell.infos))
	}
	byTitle := map[string]*chip{}
	for _, c := range cell.chips {
		if c.Visible() {
			byTitle[c.info.title] = c
		}
	}
	long, market, slot := byTitle["Tag der offenen Tür im Rathaus mit Führungen durch alle Ämter und Musik"], byTitle["Weihnachtsmarkt: Aufbau"], byTitle["Azubi-Dienstag: Einblicke"]
	if long == nil || market == nil || slot == nil {
		t.Fatalf("chips shown: %v", byTitle)
	}
	lr := test.WidgetRenderer(long).(*chipRenderer)
	if long.lines != 2 || lr.lines[1].Hidden || lr.lines[1].Text == "" || !strings.HasSuffix(lr.lines[1].Text, "…") {
		t.Errorf("long title not on two lines with an ellipsis: %q / %q", lr.lines[0].Text, lr.lines[1].Text)
	}
	if !lr.noText.Visible() || lr.noTime.Visible() || !long.info.noText {
		t.Errorf("post without text: kein Text %v, keine Uhrzeit %v", lr.noText.Visible(), lr.noTime.Visible())
	}
	mr := test.WidgetRenderer(market).(*chipRenderer)
	if mr.noText.Visible() || !mr.noTime.Visible() {
		t.Errorf("post without time: kein Text %v, keine Uhrzeit %v", mr.noText.Visible(), mr.noTime.Visible())
	}
	sr2 := test.WidgetRenderer(slot).(*chipRenderer)
	dashes := 0
	for _, d := range sr2.dashes {
		if d.Visible() {
			dashes++
		}
	}
	if sr2.free.Hidden || sr2.free.Text != "frei" || dashes < 20 || sr2.bg.FillColor.(color.NRGBA).A != 0 || !sr2.status.Hidden {
		t.Errorf("free slot: frei hidden %v %q, %d dashes, fill %v", sr2.free.Hidden, sr2.free.Text, dashes, sr2.bg.FillColor)
	}
	for _, o := range textOverflow(cell, goldenWideDaySize.Width) {
		t.Errorf("23.12.: %s", o)
	}
	for _, c := range cell.chips {
		for _, o := range textOverflow(c, c.Size().Width) {
			t.Errorf("chip %q: %s", c.info.title, o)
		}
	}
	test.AssertObjectRendersToMarkup(t, "month_cell_two_lines.xml", cell)
}

// TestLegendOneLineExplainsAll: the legend below the month and the week
// names every status, the free slot, the three missing-badges and the
// Rubrik colour on one line that fits the month at 1366x768; tapping its
// consent badge shows every consent and licence mark.
func TestLegendOneLineExplainsAll(t *testing.T) {
	u, s := newCalendarUI(t, goldenPosts()...)
	u.win.Resize(fyne.NewSize(1366, 768))
	u.Wait()
	lg := s.month.content.(*fyne.Container).Objects[1].(*fyne.Container).Objects[1].(*container.Scroll)
	assertShows(t, lg, "Idee", "Entwurf", "Zur Freigabe", "Freigegeben", "Veröffentlicht", "Verworfen",
		"frei", "Serientermin", "fehlt:", "Text", "Bild", "Uhrzeit", "Einwilligung …", "Farbe = Rubrik")
	row := lg.Content
	if need, has := row.MinSize().Width, lg.Size().Width; need > has {
		t.Errorf("legend needs %v, has %v at 1366x768", need, has)
	}
	if h := row.MinSize().Height; h > chipHeight+2 {
		t.Errorf("legend is %v high: more than one line", h)
	}
	var consent *tapArea
	walkObjects(row, func(o fyne.CanvasObject) {
		if ta, ok := o.(*tapArea); ok {
			consent = ta
		}
	})
	if consent == nil {
		t.Fatal("no tappable consent item in the legend")
	}
	test.Tap(consent)
	top := topOverlay(u)
	if top == nil {
		t.Fatal("tapping the consent badge shows nothing")
	}
	assertShows(t, top, "widerrufen", "ungeklärt", "Lizenz abgelaufen")
}

// TestDayNamesReadable: a long action-day name in a narrow day cell is
// shown whole on two lines, or sensibly abbreviated ("Tag d. offenen
// Denkmals") — not cut after a few letters — and the full name stays in
// markText for the hover.
func TestDayNamesReadable(t *testing.T) {
	_, s := newCalendarUI(t)
	d := calendar.NewDate(2026, 9, 13)
	long := "Tag des offenen Denkmals"
	p := &plan{marks: map[calendar.Date][]data.DayMark{d: {{Kind: data.MarkActionDay, Label: long}}}}
	cell := newDayCell(s)
	cell.set(p, d, true, false, false, false)
	shown := func() string {
		t := cell.marks.Text
		if cell.marks2.Visible() {
			t = strings.TrimSpace(t + " " + cell.marks2.Text)
		}
		return t
	}
	cell.Resize(goldenDaySize)
	cell.Refresh()
	if got := shown(); got != long || !cell.marks2.Visible() {
		t.Errorf("106 px cell shows %q (two lines %v), want %q whole", got, cell.marks2.Visible(), long)
	}
	for _, o := range textOverflow(cell, goldenDaySize.Width) {
		t.Error(o)
	}
	// A short cell (a month of six weeks on a small screen): one line,
	// abbreviated before it is cut.
	cell.Resize(fyne.NewSize(160, 70))
	cell.Refresh()
	if got := shown(); got != "Tag d. offenen Denkmals" {
		t.Errorf("short cell shows %q", got)
	}
	if cell.markText != long {
		t.Errorf("markText %q, want the full name", cell.markText)
	}
}
