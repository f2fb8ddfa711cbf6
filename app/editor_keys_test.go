package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// pressShortcut presses the modifier with key as the desktop (GLFW) driver
// delivers it: Ctrl+C/V/X/A/Z/Y become Fyne's named shortcuts, anything
// else with Ctrl a desktop.CustomShortcut; a focused widget that takes
// shortcuts gets it instead of the window (driver/glfw window.go,
// triggersShortcut).
func pressShortcut(t *testing.T, u *UI, mod fyne.KeyModifier, key fyne.KeyName) {
	t.Helper()
	var s fyne.Shortcut
	if mod == fyne.KeyModifierControl {
		switch key {
		case fyne.KeyC:
			s = &fyne.ShortcutCopy{Clipboard: u.app.Clipboard()}
		case fyne.KeyV:
			s = &fyne.ShortcutPaste{Clipboard: u.app.Clipboard()}
		case fyne.KeyX:
			s = &fyne.ShortcutCut{Clipboard: u.app.Clipboard()}
		case fyne.KeyA:
			s = &fyne.ShortcutSelectAll{}
		case fyne.KeyZ:
			s = &fyne.ShortcutUndo{}
		case fyne.KeyY:
			s = &fyne.ShortcutRedo{}
		}
	}
	if s == nil {
		s = &desktop.CustomShortcut{KeyName: key, Modifier: mod}
	}
	c := u.win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	sc, ok := c.(fyne.Shortcutable)
	if !ok {
		t.Fatal("the test canvas takes no shortcuts")
	}
	sc.TypedShortcut(s)
}

// pressKey presses a key as the driver delivers it: to the focused widget,
// else to the window.
func pressKey(u *UI, key fyne.KeyName) {
	c := u.win.Canvas()
	ev := &fyne.KeyEvent{Name: key}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// openNewPostEditor opens the editor for a new post on 9.12.2026 as Strg+N
// does and returns it.
func openNewPostEditor(t *testing.T, u *UI, s *calendarScreen) *editor {
	t.Helper()
	s.selected = *day(2026, 12, 9)
	pressShortcut(t, u, fyne.KeyModifierControl, fyne.KeyN)
	u.Wait()
	if u.editor == nil || topOverlay(u) == nil {
		t.Fatal("Strg+N opened no editor")
	}
	return u.editor
}

func postsOn9Dec(t *testing.T, u *UI) []data.Post {
	t.Helper()
	ps, err := u.Workspace().PostsBetween(context.Background(), *day(2026, 12, 9), *day(2026, 12, 9))
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestEditorCancelAsksOnlyWhenSomethingChanged(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})

	// Nothing typed: Abbrechen closes at once.
	openNewPostEditor(t, u, s)
	test.Tap(findButton(t, topOverlay(u), "Abbrechen"))
	u.Wait()
	if topOverlay(u) != nil {
		t.Fatalf("Abbrechen without changes left %v on screen", texts(topOverlay(u)))
	}

	// Typed a title: Abbrechen asks; Weiter bearbeiten keeps the text.
	ed := openNewPostEditor(t, u, s)
	test.Type(ed.title, "Adventsmarkt öffnet")
	test.Tap(findButton(t, topOverlay(u), "Abbrechen"))
	assertShows(t, topOverlay(u), "Änderungen verwerfen?", "Verwerfen", "Weiter bearbeiten")
	test.Tap(findButton(t, topOverlay(u), "Weiter bearbeiten"))
	if u.editor != ed || ed.title.Text != "Adventsmarkt öffnet" {
		t.Fatalf("Weiter bearbeiten lost the editor or its text (%q)", ed.title.Text)
	}
	assertShows(t, topOverlay(u), "Adventsmarkt öffnet")

	// Asked again, Verwerfen closes without saving.
	test.Tap(findButton(t, topOverlay(u), "Abbrechen"))
	test.Tap(findButton(t, topOverlay(u), "Verwerfen"))
	u.Wait()
	if topOverlay(u) != nil || u.editor != nil {
		t.Fatal("Verwerfen left the editor open")
	}
	if ps := postsOn9Dec(t, u); len(ps) != 0 {
		t.Fatalf("Verwerfen saved %+v", ps)
	}
}

func TestEditorEscCancelsAndCtrlSSavesWhileTyping(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})
	openNewPostEditor(t, u, s)
	if u.win.Canvas().Focused() == nil {
		t.Fatal("no field has the focus when the editor opens")
	}
	// Esc in the focused title of an untouched editor closes it.
	pressKey(u, fyne.KeyEscape)
	u.Wait()
	if topOverlay(u) != nil {
		t.Fatal("Esc did not close the untouched editor")
	}

	ed := openNewPostEditor(t, u, s)
	test.Type(ed.title, "Mit Strg+S gespeichert")
	pressKey(u, fyne.KeyEscape)
	assertShows(t, topOverlay(u), "Änderungen verwerfen?")
	test.Tap(findButton(t, topOverlay(u), "Weiter bearbeiten"))
	u.win.Canvas().Focus(ed.title)

	// Strg+S while the cursor is in the title saves.
	pressShortcut(t, u, fyne.KeyModifierControl, fyne.KeyS)
	u.Wait()
	ps := postsOn9Dec(t, u)
	if len(ps) != 1 || ps[0].Title != "Mit Strg+S gespeichert" {
		t.Fatalf("after Strg+S in the title: %+v", ps)
	}
	if topOverlay(u) != nil {
		t.Error("the editor stayed open after saving")
	}

	// Esc with nothing focused (after a click on the dialog) still cancels.
	ed = openNewPostEditor(t, u, s)
	test.Type(ed.notes, "Freigabe fehlt")
	u.win.Canvas().Unfocus()
	pressKey(u, fyne.KeyEscape)
	assertShows(t, topOverlay(u), "Änderungen verwerfen?")
}

func TestClosingTheWindowAsksAboutUnsavedEdits(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})
	isOpen := func() bool {
		for _, w := range fyne.CurrentApp().Driver().AllWindows() {
			if w == u.win {
				return true
			}
		}
		return false
	}
	ed := openNewPostEditor(t, u, s)
	test.Type(ed.caption, "Noch nicht gespeichert")
	u.requestClose() // the window's close button (its close intercept)
	if !isOpen() {
		t.Fatal("the window closed without asking")
	}
	assertShows(t, topOverlay(u), "Änderungen verwerfen?")
	test.Tap(findButton(t, topOverlay(u), "Weiter bearbeiten"))
	if !isOpen() || ed.caption.Text != "Noch nicht gespeichert" {
		t.Fatal("Weiter bearbeiten closed the window or lost the text")
	}
	u.requestClose()
	test.Tap(findButton(t, topOverlay(u), "Verwerfen"))
	if isOpen() {
		t.Fatal("Verwerfen did not close the window")
	}
}

func TestClosingTheWindowWithoutEditsDoesNotAsk(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})
	openNewPostEditor(t, u, s)
	u.requestClose()
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w == u.win {
			t.Fatal("the window stayed open although nothing was typed")
		}
	}
}

func TestCtrlCOnSelectedChipCopiesItsText(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Zum Kopieren", Date: day(2026, 12, 8), Caption: "Heute im Archiv 📚 #AzubiDienstag"})
	test.Tap(chipsOn(s, *day(2026, 12, 8))[0])
	u.Wait()
	u.win.Canvas().Unfocus()
	u.app.Clipboard().SetContent("vorher")
	pressShortcut(t, u, fyne.KeyModifierControl, fyne.KeyC)
	u.Wait()
	if got := u.app.Clipboard().Content(); got != "Heute im Archiv 📚 #AzubiDienstag" {
		t.Fatalf("clipboard after Strg+C: %q", got)
	}
}

func TestNewPostShowsNoExampleValues(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})
	ed := openNewPostEditor(t, u, s)
	for _, f := range []struct {
		name  string
		entry *keyEntry
	}{{"time", ed.time}, {"published on", ed.pubDate}} {
		if f.entry.Text == "" && !looksEmpty(f.entry.PlaceHolder) {
			t.Errorf("%s field shows %q in grey: looks like a value", f.name, f.entry.PlaceHolder)
		}
	}
	test.Type(ed.title, "Ohne Uhrzeit")
	test.Tap(ed.saveB)
	u.Wait()
	ps := postsOn9Dec(t, u)
	if len(ps) != 1 || ps[0].Time != nil {
		t.Fatalf("saved %+v", ps)
	}
}

// looksEmpty says whether a placeholder is plainly a hint, not a value:
// no digits in it.
func looksEmpty(ph string) bool {
	for _, r := range ph {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

// TestDateFormsShowNoExampleValues opens every form of the dates screen
// and the idea's date dialog: an empty field's grey hint must not look
// like a date, time or number the person could take for data.
func TestDateFormsShowNoExampleValues(t *testing.T) {
	u, s := newTestDatesScreen(t)
	check := func(form string) {
		t.Helper()
		top := topOverlay(u)
		if top == nil {
			t.Fatalf("%s: no form open", form)
		}
		for _, e := range entriesIn(top) {
			if e.Text == "" && !looksEmpty(e.PlaceHolder) {
				t.Errorf("%s: empty field shows %q in grey", form, e.PlaceHolder)
			}
		}
		for _, e := range entriesIn(top) {
			e.SetText("") // a field the person emptied
			if !looksEmpty(e.PlaceHolder) {
				t.Errorf("%s: emptied field shows %q in grey", form, e.PlaceHolder)
			}
		}
		u.win.Canvas().Overlays().Remove(top)
	}
	for _, f := range []struct {
		name string
		add  *widget.Button
	}{{"series", s.addSeries}, {"own date", s.addOwn}, {"quiet period", s.addQuiet}} {
		test.Tap(f.add)
		u.Wait()
		check(f.name)
	}
	ideas := newIdeasScreen(u)
	ideas.giveDate(data.Post{ID: 1, Title: "Idee"})
	check("give an idea a date")
}

// The question's safe answer stands out and Speichern keeps the text: the
// post is saved and then the window closes.
func TestDiscardQuestionOffersSavingAndWeighsItsButtons(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})
	ed := openNewPostEditor(t, u, s)
	test.Type(ed.title, "Adventsmarkt öffnet")
	u.requestClose()
	q := topOverlay(u)
	assertShows(t, q, "Der neue Beitrag ist noch nicht gespeichert.")
	if b := findButton(t, q, "Weiter bearbeiten"); b.Importance != widget.HighImportance {
		t.Errorf("Weiter bearbeiten has importance %v, want the highlighted safe choice", b.Importance)
	}
	if b := findButton(t, q, "Verwerfen"); b.Importance != widget.DangerImportance {
		t.Errorf("Verwerfen has importance %v, want it marked as dangerous", b.Importance)
	}
	test.Tap(findButton(t, q, "Speichern"))
	u.Wait()
	if ps := postsOn9Dec(t, u); len(ps) != 1 || ps[0].Title != "Adventsmarkt öffnet" {
		t.Fatalf("Speichern saved %+v, want the typed post", ps)
	}
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w == u.win {
			t.Fatal("the window stayed open after Speichern")
		}
	}
}

// Strg+S with the cursor in the text (a multi-line field, which keeps
// most keys to itself) saves the post.
func TestEditorCtrlSSavesFromTheCaption(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})
	ed := openNewPostEditor(t, u, s)
	test.Type(ed.title, "Aus dem Text gespeichert")
	u.win.Canvas().Focus(ed.caption)
	test.Type(ed.caption, "Zeile eins\nZeile zwei")
	if u.win.Canvas().Focused() != ed.caption {
		t.Fatal("the caption does not have the cursor")
	}
	pressShortcut(t, u, fyne.KeyModifierControl, fyne.KeyS)
	u.Wait()
	ps := postsOn9Dec(t, u)
	if len(ps) != 1 || ps[0].Caption != "Zeile eins\nZeile zwei" {
		t.Fatalf("after Strg+S in the caption: %+v", ps)
	}
	if topOverlay(u) != nil {
		t.Error("the editor stayed open after saving")
	}
}

// A clicked tick box or choice keeps the keyboard in Fyne; Esc still
// leaves the editor, asking when something changed.
func TestEditorEscAfterClickingATickBoxOrChoice(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})
	ed := openNewPostEditor(t, u, s)
	u.win.Canvas().Focus(ed.topic) // as a click on the choice does
	pressKey(u, fyne.KeyEscape)
	u.Wait()
	if topOverlay(u) != nil {
		t.Fatal("Esc in the untouched editor's Rubrik choice did not close it")
	}

	ed = openNewPostEditor(t, u, s)
	test.Tap(ed.channels[0]) // untick Instagram: a change, and the focus
	if u.win.Canvas().Focused() != ed.channels[0] {
		t.Fatalf("the tick box did not take the keyboard (focused: %T)", u.win.Canvas().Focused())
	}
	pressKey(u, fyne.KeyEscape)
	assertShows(t, topOverlay(u), "Änderungen verwerfen?")
	test.Tap(findButton(t, topOverlay(u), "Verwerfen"))
	u.Wait()
	if topOverlay(u) != nil || u.editor != nil {
		t.Fatal("Verwerfen left the editor open")
	}
}

// The editor fills most of the window: bigger on a 1920x1080 screen than
// on a 1366x768 laptop, never larger than the window.
func TestEditorSizeFollowsTheWindow(t *testing.T) {
	small, big := editorSize(fyne.NewSize(1366, 740)), editorSize(fyne.NewSize(1920, 1040))
	if small.Width > 1366 || small.Height > 740 || small.Width < 1200 || small.Height < 680 {
		t.Errorf("at 1366x740: %v", small)
	}
	if big.Width < 1700 || big.Height < 980 || big.Width > 1920 || big.Height > 1040 {
		t.Errorf("at 1920x1040: %v", big)
	}
	if tiny := editorSize(fyne.NewSize(800, 600)); tiny.Width > 800 || tiny.Height > 600 {
		t.Errorf("at 800x600: %v", tiny)
	}
}

// On a 1366x768 laptop the character counter and the checks stay in sight
// beside a long text: not at the end of the scrolled preview.
func TestEditorCounterAndChecksInSightAt1366(t *testing.T) {
	long := strings.Repeat("Heute zeigt uns Lena, wie alte Bauakten im Stadtarchiv gereinigt werden. ", 20)
	u, s := newCalendarUI(t, data.Post{Title: "Lang", Date: day(2026, 12, 8), Caption: long})
	u.win.Resize(fyne.NewSize(1366, 740))
	ps, _ := u.Workspace().PostsBetween(context.Background(), *day(2026, 12, 8), *day(2026, 12, 8))
	s.openPost(ps[0].ID)
	u.Wait()
	ed := u.editor
	if ed == nil {
		t.Fatal("no editor")
	}
	d := fyne.CurrentApp().Driver()
	win := u.win.Canvas().Size()
	for name, o := range map[string]fyne.CanvasObject{"counter": ed.preview.counter.box, "checks": ed.checks.content} {
		if !o.Visible() {
			t.Errorf("%s hidden", name)
			continue
		}
		pos := d.AbsolutePositionForObject(o)
		if pos.Y+min(o.Size().Height, 20) > win.Height || o.Size().Height == 0 {
			t.Errorf("%s at %v (size %v), below the window's %v", name, pos, o.Size(), win)
		}
	}
	if !contains(texts(ed.preview.counter.box), "/ 2.200") {
		t.Errorf("counter shows %v", texts(ed.preview.counter.box))
	}
}
