package app

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/assets"
	"feedtakt/data"
)

// menuItemNamed finds the item labelled label in the window's main menu.
func menuItemNamed(t *testing.T, mm *fyne.MainMenu, label string) *fyne.MenuItem {
	t.Helper()
	var all []string
	for _, m := range mm.Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
			all = append(all, m.Label+" → "+it.Label)
		}
	}
	t.Fatalf("no menu item %q; the menus hold %s", label, strings.Join(all, ", "))
	return nil
}

// Hilfe → Tastenkürzel lists every shortcut of the table the window binds
// from, under its group, in German.
func TestShortcutListShowsEveryBinding(t *testing.T) {
	u, _ := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})
	menuItemNamed(t, u.mainMenu(), "Tastenkürzel").Action()
	top := topOverlay(u)
	if top == nil {
		t.Fatal("Tastenkürzel opened nothing")
	}
	assertShows(t, top, "Tastenkürzel", "Allgemein", "Kalender", "Beitragseditor", "Mediathek",
		"Strg+N", "Strg+S", "Strg+C", "Strg+A", "Pfeiltasten", "Bild auf / Bild ab", "Entf", "Esc")
	shown := texts(top)
	for _, b := range keyBindings() {
		k, what := b.keyText(), lang.L(b.what)
		if !contains(shown, k) || !contains(shown, what) {
			t.Errorf("the list lacks %q – %q", k, what)
		}
		if what == b.what && !strings.HasPrefix(b.what, "Esc") {
			t.Errorf("%q has no German text", b.what)
		}
	}
	assertNotShows(t, top, "Ctrl+")
}

// allKeyNames are the keys a person can press, for sweeping a screen's key
// handling.
func allKeyNames() []fyne.KeyName {
	keys := []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn, fyne.KeyTab, fyne.KeyBackspace, fyne.KeyInsert,
		fyne.KeyDelete, fyne.KeyRight, fyne.KeyLeft, fyne.KeyDown, fyne.KeyUp, fyne.KeyPageUp, fyne.KeyPageDown,
		fyne.KeyHome, fyne.KeyEnd, fyne.KeySpace, fyne.KeyEnter, fyne.KeyPlus, fyne.KeyMinus, fyne.KeyPeriod, fyne.KeyComma}
	for c := 'A'; c <= 'Z'; c++ {
		keys = append(keys, fyne.KeyName(string(c)))
	}
	for c := '0'; c <= '9'; c++ {
		keys = append(keys, fyne.KeyName(string(c)))
	}
	for i := 1; i <= 12; i++ {
		keys = append(keys, fyne.KeyName(fmt.Sprintf("F%d", i)))
	}
	return keys
}

// Every key the calendar takes is listed, and every listed calendar key is
// taken: the list and the handling cannot part.
func TestCalendarKeysAreListed(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})
	listed := map[fyne.KeyName]bool{}
	for _, b := range keyBindings() {
		for _, k := range b.typed {
			if b.group != keysCalendar {
				t.Errorf("key %s listed under %s, but only the calendar's keys are checked", k, b.group)
			}
			listed[k] = true
		}
	}
	for _, k := range allKeyNames() {
		s.selPost = 0
		took := s.typedKey(&fyne.KeyEvent{Name: k})
		u.Wait()
		for topOverlay(u) != nil { // Enter opened a new post
			u.win.Canvas().Overlays().Remove(topOverlay(u))
		}
		u.editor = nil
		if took != listed[k] {
			t.Errorf("key %s: the calendar takes it %v, listed %v", k, took, listed[k])
		}
	}
}

// No code binds a shortcut or a window-wide key beside keys.go's table,
// where the list would not see it.
func TestShortcutsAreBoundOnlyFromTheTable(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	bind := regexp.MustCompile(`\.AddShortcut\(|\.SetOnTypedKey\(|\.SetOnTypedRune\(`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "keys.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if loc := bind.FindIndex(b); loc != nil {
			t.Errorf("%s binds a key outside keys.go's table: %q", f, b[loc[0]:loc[1]])
		}
	}
}

// The menus show their shortcuts: each item of the table carries it, and
// Hilfe holds Handbuch, Tastenkürzel and Über Feedtakt.
func TestMenusShowTheirShortcuts(t *testing.T) {
	u, _ := newCalendarUI(t)
	mm := u.mainMenu()
	var labels []string
	for _, m := range mm.Items {
		labels = append(labels, m.Label)
	}
	if strings.Join(labels, ",") != "Datei,Bearbeiten,Hilfe" {
		t.Errorf("menus %v", labels)
	}
	for label, key := range map[string]fyne.KeyName{"Neuer Beitrag": fyne.KeyN, "Beitrag duplizieren": fyne.KeyD,
		"Suchen": fyne.KeyF, "Speichern": fyne.KeyS, "Beenden": fyne.KeyQ} {
		it := menuItemNamed(t, mm, label)
		ks, ok := it.Shortcut.(fyne.KeyboardShortcut)
		if !ok || ks.Key() != key || ks.Mod() != fyne.KeyModifierShortcutDefault {
			t.Errorf("%s: shortcut %#v, want Strg+%s", label, it.Shortcut, key)
		}
	}
	ids := 0
	for _, b := range keyBindings() {
		if b.id == "" {
			continue
		}
		ids++
		if it := menuItemNamed(t, mm, lang.L(b.label)); it.Shortcut == nil || it.Shortcut.ShortcutName() != b.short.ShortcutName() {
			t.Errorf("menu item %s: shortcut %v, want %v", it.Label, it.Shortcut, b.short)
		}
	}
	if ids != 5 {
		t.Errorf("%d bindings have a menu item, want 5", ids)
	}
	for _, l := range []string{"Handbuch", "Tastenkürzel", "Über Feedtakt"} {
		menuItemNamed(t, mm, l)
	}
	// Strg+C and Strg+A must stay with a focused text field: never menu
	// items (the desktop driver runs menu shortcuts before the field).
	for _, m := range mm.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && (it.Shortcut.ShortcutName() == (&fyne.ShortcutCopy{}).ShortcutName() ||
				it.Shortcut.ShortcutName() == (&fyne.ShortcutSelectAll{}).ShortcutName()) {
				t.Errorf("menu item %s takes %s from text fields", it.Label, it.Shortcut.ShortcutName())
			}
		}
	}
}

// A menu item's shortcut does what the item does: Bearbeiten → Neuer
// Beitrag opens the editor like Strg+N.
func TestMenuNewPostOpensTheEditor(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})
	s.selected = *day(2026, 12, 9)
	menuItemNamed(t, u.mainMenu(), "Neuer Beitrag").Action()
	u.Wait()
	if u.editor == nil || topOverlay(u) == nil {
		t.Fatal("Bearbeiten → Neuer Beitrag opened no editor")
	}
	assertShows(t, topOverlay(u), "Neuer Beitrag")
}

// Hilfe → Handbuch shows the German manual, its title as the first
// heading, scrolling in a dialog within the window.
func TestManualOpensWithItsFirstHeading(t *testing.T) {
	u, _ := newCalendarUI(t)
	menuItemNamed(t, u.mainMenu(), "Handbuch").Action()
	top := topOverlay(u)
	if top == nil {
		t.Fatal("Handbuch opened nothing")
	}
	var rt *widget.RichText
	visit(top, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RichText); ok && rt == nil {
			rt = r
		}
	})
	if rt == nil || len(rt.Segments) == 0 {
		t.Fatal("the manual shows no text")
	}
	first, ok := rt.Segments[0].(*widget.TextSegment)
	if !ok || first.Text != "Feedtakt – Handbuch" || first.Style != widget.RichTextStyleHeading {
		t.Fatalf("first segment %#v, want the heading „Feedtakt – Handbuch“", rt.Segments[0])
	}
	assertShows(t, top, "Was ist heute fällig?", "Was fehlt noch?", "Wie poste ich?", "Einwilligungen", "Sicherungen", "Schließen")
	if sz, win := top.Size(), u.win.Canvas().Size(); sz.Width > win.Width || sz.Height > win.Height {
		t.Errorf("manual %v larger than the window %v", sz, win)
	}
}

// The English manual has the German one's sections, in the same order.
func TestManualsHaveTheSameSections(t *testing.T) {
	heads := func(md string) (n int) {
		for _, l := range strings.Split(md, "\n") {
			if strings.HasPrefix(l, "#") {
				n++
			}
		}
		return n
	}
	de, en := assets.ManualText("de"), assets.ManualText("en")
	if heads(de) < 8 || heads(de) != heads(en) {
		t.Errorf("German manual has %d headings, English %d", heads(de), heads(en))
	}
	if !strings.HasPrefix(en, "# Feedtakt – Manual") {
		t.Errorf("English manual starts %q", en[:min(40, len(en))])
	}
}

// The manual wraps as words at every width a dialog can have: Fyne 2.7's
// RichText breaks a segment into one letter per line when the segment
// before it ends at the very end of a line, so bold or italic words may
// only open a paragraph or a list item, never stand inside one.
func TestManualWrapsWordsAtEveryWidth(t *testing.T) {
	test.NewTempApp(t)
	for _, code := range []string{"de", "en"} {
		rt := widget.NewRichTextFromMarkdown(assets.ManualText(code))
		rt.Wrapping = fyne.TextWrapWord
		for w := float32(380); w <= 1100; w += 3 {
			rt.Resize(fyne.NewSize(w, rt.MinSize().Height))
			var letters []string
			visit(rt, func(o fyne.CanvasObject) {
				if tx, ok := o.(*canvas.Text); ok && o.Visible() {
					if r := []rune(strings.TrimSpace(tx.Text)); len(r) == 1 && unicode.IsLetter(r[0]) {
						letters = append(letters, tx.Text)
					}
				}
			})
			if len(letters) > 0 {
				t.Fatalf("%s manual at width %v: lines of single letters %q", code, w, letters)
			}
		}
	}
}
