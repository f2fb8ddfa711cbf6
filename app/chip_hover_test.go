package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
)

// noHoverDelay makes previews show at once for the test.
func noHoverDelay(t testing.TB) {
	old := hoverDelay
	hoverDelay = 0
	t.Cleanup(func() { hoverDelay = old })
}

// pointAt is a point inside o, in window coordinates.
func pointAt(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).AddXY(5, 5)
}

const hoverCaption = "Zeile eins: Tag der offenen Tür im Rathaus\nZeile zwei\nZeile drei\nZeile vier\nZeile fünf bleibt weg"

func TestHoverPreviewShowsThePostAndHidesOnLeave(t *testing.T) {
	noHoverDelay(t)
	u, s := newCalendarUI(t, data.Post{Title: "Tag der offenen Tür", Date: day(2026, 12, 8), Time: at(9, 30), Caption: hoverCaption})
	ps, _ := u.Workspace().PostsBetween(context.Background(), *day(2026, 12, 8), *day(2026, 12, 8))
	pics := importPictures(t, u, "rathaus.jpg")
	if err := u.Workspace().AttachMedia(context.Background(), ps[0].ID, []int64{pics[0].ID}); err != nil {
		t.Fatal(err)
	}
	s.reload()
	u.Wait()
	c := chipsOn(s, *day(2026, 12, 8))[0]
	test.MoveMouse(u.win.Canvas(), pointAt(c))
	card := s.hover.shown()
	if card == nil {
		t.Fatal("no preview while the pointer rests on the chip")
	}
	// Shown at once from the loaded plan: no job had to run for the text.
	assertShows(t, card, "Tag der offenen Tür", "Di 08.12.2026 · 09:30", "Instagram", "Status: Entwurf", "Zeile eins", "Zeile vier")
	if contains(texts(card), "Zeile fünf") {
		t.Error("the preview shows more than the caption's first four lines")
	}
	if img := previewImage(card); img == nil || img.Image != nil {
		t.Fatal("the preview has no box for the picture, or read it on the UI goroutine")
	}
	u.Wait() // the thumbnail's job
	if img := previewImage(card); img.Image == nil {
		t.Error("the picture's thumbnail did not arrive")
	}
	// Inside the window and off the chip.
	pos, size := card.Position(), card.Size()
	win := s.hover.layer.Size()
	if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > win.Width || pos.Y+size.Height > win.Height {
		t.Errorf("preview at %v size %v outside the screen %v", pos, size, win)
	}
	test.MoveMouse(u.win.Canvas(), fyne.NewPos(2, 2))
	if s.hover.shown() != nil {
		t.Error("the preview stays after the pointer left the chip")
	}
}

// previewImage is the thumbnail box of a preview card.
func previewImage(o fyne.CanvasObject) *canvas.Image {
	var found *canvas.Image
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *canvas.Image:
			found = w
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}

func TestHoverWaitsForThePointerToRest(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Adventsmarkt", Date: day(2026, 12, 8)})
	var fire func()
	stopped := 0
	s.hover.after = func(d time.Duration, f func()) func() bool {
		if d != hoverDelay || d > 300*time.Millisecond {
			t.Errorf("delay %v", d)
		}
		fire = f
		return func() bool { stopped++; return true }
	}
	c := chipsOn(s, *day(2026, 12, 8))[0]
	c.MouseIn(mouseAt(c))
	if s.hover.shown() != nil || fire == nil {
		t.Fatal("the preview came before the rest, or no timer was started")
	}
	c.MouseMoved(mouseAt(c)) // moving within the chip keeps the one timer
	fire()
	u.Wait() // the timer's callback goes through the UI goroutine
	if s.hover.shown() == nil {
		t.Fatal("no preview after the rest")
	}
	assertShows(t, s.hover.shown(), "Adventsmarkt")
	c.MouseOut()
	// Just after a preview closed the next comes at once (reading chip
	// after chip); later the rest is needed again.
	now := time.Now()
	s.hover.now = func() time.Time { return now }
	c.MouseIn(mouseAt(c))
	if s.hover.shown() == nil {
		t.Error("no preview at once right after the last one")
	}
	c.MouseOut()
	now = now.Add(time.Second)
	// Leaving before the rest: the timer is stopped and a late tick shows nothing.
	c.MouseIn(mouseAt(c))
	if s.hover.shown() != nil {
		t.Error("a preview without the rest a second after the last")
	}
	c.MouseOut()
	if stopped == 0 {
		t.Error("the timer was not stopped on leaving")
	}
	fire()
	u.Wait()
	if s.hover.shown() != nil {
		t.Error("a preview showed after the pointer had left")
	}
}

func mouseAt(o fyne.CanvasObject) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{AbsolutePosition: pointAt(o)}}
}

func TestHoverClosesOnClickAndScroll(t *testing.T) {
	noHoverDelay(t)
	var posts []data.Post
	for i := 0; i < 12; i++ {
		posts = append(posts, data.Post{Title: "Beitrag " + string(rune('A'+i)), Date: day(2026, 12, 8), Time: at(8+i, 0)})
	}
	u, s := newCalendarUI(t, posts...)
	c := chipsOn(s, *day(2026, 12, 8))[0]
	test.MoveMouse(u.win.Canvas(), pointAt(c))
	if s.hover.shown() == nil {
		t.Fatal("no preview")
	}
	test.Tap(c)
	if s.hover.shown() != nil {
		t.Fatal("the preview stays after a click")
	}
	c.MouseMoved(mouseAt(c))
	if s.hover.shown() != nil {
		t.Error("the preview came back without the pointer leaving the chip")
	}
	c.MouseOut()

	// The week: a column full of chips scrolls under the pointer.
	s.modeSel.SetSelected("Woche")
	u.Wait()
	var col *weekColumn
	for _, wc := range s.week.cols {
		if wc.date == *day(2026, 12, 8) {
			col = wc
		}
	}
	wc := col.chips[0]
	test.MoveMouse(u.win.Canvas(), pointAt(wc))
	if s.hover.shown() == nil {
		t.Fatal("no preview in the week")
	}
	scroll := scrollUnder(s.views, pointAt(wc))
	if scroll == nil {
		t.Fatal("no scroll below the week's chip")
	}
	scroll.Refresh() // what the window's next frame does: the column gets its full height
	// The wheel as the window hands it over (test.Scroll leaves out the
	// position): to the layer's catcher, the topmost scrollable there.
	s.hover.catcher.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{AbsolutePosition: pointAt(wc)}, Scrolled: fyne.NewDelta(0, -40)})
	if s.hover.shown() != nil {
		t.Error("the preview stays while the column scrolls")
	}
	if scroll.Offset.Y == 0 {
		t.Error("the wheel did not scroll the column under the preview")
	}
}

func TestHoverPreviewOfAFreeSlotAndCaptionStart(t *testing.T) {
	setLanguage("de")
	p := &plan{look: lookups{channelByID: map[int64]data.Channel{1: {ID: 1, Name: "Instagram"}}}}
	slot := data.Slot{Title: "Azubi-Freitag", Date: *day(2026, 12, 11), Time: data.Clock{Hour: 12}, Channels: []int64{1}}
	pv := p.previewFor(chipInfo{slot: &slot})
	if pv.title != "Azubi-Freitag" || pv.status != "Serientermin, frei – zum Füllen doppelklicken" || pv.channels != "Instagram" || pv.when != "Fr 11.12.2026 · 12:00" {
		t.Errorf("slot preview = %+v", pv)
	}
	long := strings.Repeat("Wort ", 100)
	if got := captionStart(long); len([]rune(got)) > previewChars+2 || !strings.HasSuffix(got, "…") {
		t.Errorf("long caption start = %q", got)
	}
	if got := captionStart("\n\nEins\n\nZwei\n"); got != "Eins\nZwei" {
		t.Errorf("caption start = %q", got)
	}
}

func TestHoverTextShowsTheFullTextOnlyWhenCut(t *testing.T) {
	noHoverDelay(t)
	test.NewTempApp(t)
	h := newHoverLayer(func(f func()) { f() })
	short := newHoverText(h, "Nikolaus")
	long := newHoverText(h, "Internationaler Tag der Menschen mit Behinderung")
	box := container.NewVBox(short, long)
	w := test.NewTempWindow(t, h.over(box))
	w.Resize(fyne.NewSize(400, 300))
	short.Resize(fyne.NewSize(200, 36))
	long.Resize(fyne.NewSize(120, 36))
	test.MoveMouse(w.Canvas(), pointAt(short))
	if h.shown() != nil {
		t.Error("a preview for a text that fits")
	}
	test.MoveMouse(w.Canvas(), pointAt(long))
	if h.shown() == nil {
		t.Fatal("no preview for a cut text")
	}
	assertShows(t, h.shown(), "Internationaler Tag der Menschen mit Behinderung")
	test.MoveMouse(w.Canvas(), fyne.NewPos(390, 290))
	if h.shown() != nil {
		t.Error("the full text stays after leaving")
	}
}

// BenchmarkHoverPreview is the UI goroutine's part of a chip preview: the
// card made from the loaded plan and laid out (the thumbnail comes later
// from a job). The issue allows 300 ms from rest to preview, 250 of them
// the rest itself.
func BenchmarkHoverPreview(b *testing.B) {
	hoverDelay = 0
	defer func() { hoverDelay = 250 * time.Millisecond }()
	dir := newBenchWorkspace(b)
	a := test.NewTempApp(b)
	u := New(a, Config{Workspace: dir, Lang: "de", queued: true, DemoDir: b.TempDir()})
	u.Wait()
	defer u.closeWorkspace()
	u.win.Resize(fyne.NewSize(1366, 768))
	s := u.shell.calendar
	s.goTo(*day(2027, 3, 15))
	u.Wait()
	var chips []*chip
	for _, d := range s.month.days {
		for _, c := range d.chips {
			if c.Visible() {
				chips = append(chips, c)
			}
		}
	}
	if len(chips) == 0 {
		b.Fatal("no chips")
	}
	b.ResetTimer()
	var worst time.Duration
	for i := 0; i < b.N; i++ {
		c := chips[i%len(chips)]
		t0 := time.Now()
		c.MouseIn(mouseAt(c))
		if s.hover.shown() == nil {
			b.Fatal("no preview")
		}
		if d := time.Since(t0); d > worst {
			worst = d
		}
		c.MouseOut()
		s.hover.lastOut = time.Time{}
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
}

// BenchmarkFirstPictures is what the hover preview adds to loading a
// month (loadPlan): each post's first picture, for 300 posts in the month.
func BenchmarkFirstPictures(b *testing.B) {
	dir := newBenchWorkspace(b)
	ws, err := data.Open(context.Background(), dir, data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	posts, err := ws.PostsBetween(context.Background(), *day(2027, 3, 1), *day(2027, 3, 31))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := firstPictures(context.Background(), ws, posts, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(posts)), "posts")
}

// TestHoverOnCutTextsShowsTheWholeName: a day's names shown cut (or
// abbreviated) show in full when the pointer rests on them, not elsewhere
// in the day and not when they show in full.
func TestHoverOnCutTextsShowsTheWholeName(t *testing.T) {
	noHoverDelay(t)
	test.NewTempApp(t)
	h := newHoverLayer(func(f func()) { f() })
	cut := canvas.NewText("Internationaler Tag d…", nil)
	whole := canvas.NewText("Nikolaus", nil)
	cell := container.NewWithoutLayout(cut, whole)
	w := test.NewTempWindow(t, h.over(cell))
	w.Resize(fyne.NewSize(500, 400))
	cut.Move(fyne.NewPos(10, 10))
	cut.Resize(cut.MinSize())
	whole.Move(fyne.NewPos(10, 100))
	whole.Resize(whole.MinSize())
	full := "Internationaler Tag der Menschen mit Behinderung"
	at := func(o fyne.CanvasObject) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).AddXY(3, 3)
	}
	h.restOnTexts(cell, full, at(cut), cut)
	if h.shown() == nil {
		t.Fatal("no full name over the cut one")
	}
	assertShows(t, h.shown(), full)
	h.restOnTexts(cell, full, fyne.NewPos(300, 300), cut)
	if h.shown() != nil {
		t.Error("the full name stays with the pointer elsewhere in the day")
	}
	h.restOnTexts(cell, "Nikolaus", at(whole), whole)
	if h.shown() != nil {
		t.Error("a name shown in full gets a preview")
	}
}

// TestMonthDayShowsItsCutNameInFull: a long own date cut in the month's
// day cell shows in full when the pointer rests on it.
func TestMonthDayShowsItsCutNameInFull(t *testing.T) {
	noHoverDelay(t)
	u, s := newCalendarUI(t, data.Post{Title: "Irgendwas", Date: day(2026, 12, 8)})
	name := "Tag der offenen Tür im Rathaus mit Führungen durch alle Ämter"
	od := data.OwnDate{Date: *day(2026, 12, 9), Name: name}
	if err := u.Workspace().SaveOwnDate(context.Background(), &od); err != nil {
		t.Fatal(err)
	}
	s.reload()
	u.Wait()
	var cell *dayCell
	for _, d := range s.month.days {
		if d.date == *day(2026, 12, 9) {
			cell = d
		}
	}
	if cell == nil || cell.markText != name || cell.marks.Text == name {
		t.Fatalf("the day's name is not there or not cut: %q", cell.marks.Text)
	}
	test.MoveMouse(u.win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(cell.marks).AddXY(4, 4))
	if s.hover.shown() == nil {
		t.Fatal("no full name over the cut one")
	}
	assertShows(t, s.hover.shown(), name)
	test.MoveMouse(u.win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(cell).AddXY(20, 80))
	if s.hover.shown() != nil {
		t.Error("the name stays with the pointer lower in the day")
	}
}
