package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// keyBinding is one line of Hilfe → Tastenkürzel. The window-wide ones
// (short and run set) are bound from this table too, and the menus take
// their items from it, so the list cannot go stale: a shortcut is bound
// where it is listed. Lines without run name keys a screen handles itself
// (the calendar's arrows, Esc in the editor), listed here; a test checks
// the calendar takes no key that is not listed.
type keyBinding struct {
	id    string        // for the menus: "new", "save" …
	group string        // the heading it is listed under (an English lang key)
	keys  string        // the keys as shown, when short is nil (an English lang key)
	short fyne.Shortcut // the window-wide shortcut; nil: handled on a screen
	typed []fyne.KeyName
	what  string // what it does (an English lang key)
	label string // the menu item's text, when it has one (an English lang key)
	run   func(u *UI)
}

// ctrl is Strg plus a letter, as the desktop driver delivers it.
func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// Groups of the shortcut list, in order.
const (
	keysGeneral  = "General"
	keysCalendar = "Calendar"
	keysEditor   = "Post editor"
	keysMedia    = "Media library"
)

// keyBindings are all the app's shortcuts, grouped as Hilfe → Tastenkürzel
// lists them. Strg+C and Strg+A are Fyne's named shortcuts: a text field
// with the cursor keeps its own copy and select-all, so they must never
// become menu items (the desktop driver gives menu shortcuts precedence
// over the focused field).
func keyBindings() []keyBinding {
	return []keyBinding{
		{id: "save", group: keysGeneral, short: ctrl(fyne.KeyS), what: "Save (post, settings, file details in the media library, person, template)", label: "Save", run: (*UI).keySave},
		{id: "quit", group: keysGeneral, short: ctrl(fyne.KeyQ), what: "Quit Feedtakt (asks about unsaved changes)", label: "Quit", run: (*UI).quit},
		{group: keysGeneral, keys: "Tab / Shift+Tab", what: "Next / previous field"},

		{id: "new", group: keysCalendar, short: ctrl(fyne.KeyN), what: "New post on the selected day (in the idea board: new idea)", label: "New post", run: (*UI).keyNewPost},
		{id: "duplicate", group: keysCalendar, short: ctrl(fyne.KeyD), what: "Duplicate the selected post", label: "Duplicate post", run: (*UI).keyDuplicate},
		{id: "search", group: keysCalendar, short: ctrl(fyne.KeyF), what: "Search posts (results while you type)", label: "Search", run: (*UI).keySearch},
		{group: keysCalendar, short: &fyne.ShortcutCopy{}, what: "Copy the final text of the selected post", run: (*UI).copySelectedPost},
		{group: keysCalendar, keys: "Arrow keys", typed: []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown}, what: "Choose the day (left/right: a day, up/down: a week)"},
		{group: keysCalendar, keys: "Page up / Page down", typed: []fyne.KeyName{fyne.KeyPageUp, fyne.KeyPageDown}, what: "Previous / next month or week"},
		{group: keysCalendar, keys: "Enter", typed: []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter}, what: "Open the selected post (or a new one on the day)"},
		{group: keysCalendar, keys: "Del", typed: []fyne.KeyName{fyne.KeyDelete}, what: "Delete the selected post (asks first)"},
		{group: keysCalendar, keys: "Double-click", what: "On a day: new post; on a post: open it"},

		{group: keysEditor, keys: "Ctrl+S", what: "Save and close, from any field"},
		{group: keysEditor, keys: "Esc", what: "Close (asks when something changed)"},

		{group: keysMedia, short: &fyne.ShortcutSelectAll{}, what: "Select all files shown (also in the picker)", run: (*UI).keySelectAll},
		{group: keysMedia, keys: "Esc", what: "Clear the selection (in the picker: close it)"},
		{group: keysMedia, keys: "Ctrl+click / Shift+click", what: "Select several files / a range"},
		{group: keysMedia, keys: "Arrow keys", what: "In “Prepare for channel …”: move the frame"},
	}
}

// keyText is how a binding's keys are written: "Strg+S", or its keys text.
func (b keyBinding) keyText() string {
	switch s := b.short.(type) {
	case *desktop.CustomShortcut:
		return shortcutText(s.Modifier, s.KeyName)
	case fyne.KeyboardShortcut:
		return shortcutText(s.Mod(), s.Key())
	}
	return lang.L(b.keys)
}

// shortcutText writes a modifier and key the German way: Strg+S.
func shortcutText(mod fyne.KeyModifier, key fyne.KeyName) string {
	var s string
	if mod&fyne.KeyModifierControl != 0 {
		s += lang.L("Ctrl") + "+"
	}
	if mod&fyne.KeyModifierSuper != 0 {
		s += "Cmd+"
	}
	if mod&fyne.KeyModifierShift != 0 {
		s += lang.L("Shift") + "+"
	}
	return s + string(key)
}

// bindKeys binds the window-wide shortcuts of keyBindings; Esc and the
// calendar's keys arrive in typedKey.
func (u *UI) bindKeys() {
	c := u.win.Canvas()
	for _, b := range keyBindings() {
		if b.short == nil || b.run == nil {
			continue
		}
		run := b.run
		c.AddShortcut(b.short, func(fyne.Shortcut) { run(u) })
	}
	c.SetOnTypedKey(u.typedKey)
}

// menuItem is the menu item of binding id: its label, action and shortcut
// (shown beside it).
func (u *UI) menuItem(id string) *fyne.MenuItem {
	for _, b := range keyBindings() {
		if b.id == id {
			run := b.run
			it := fyne.NewMenuItem(lang.L(b.label), func() { run(u) })
			it.Shortcut = b.short
			return it
		}
	}
	panic("no key binding " + id)
}

// keyNewPost is Ctrl+N: a new post on the calendar's selected day, or an
// idea on the Ideenspeicher.
func (u *UI) keyNewPost() {
	if u.win.Canvas().Overlays().Top() != nil {
		return // a dialog is open (text fields pass Ctrl+letters on)
	}
	if cal := u.calendarIfShown(); cal != nil {
		cal.newPostOn(&cal.selected)
	} else if u.shell != nil && u.shell.tabs.SelectedIndex() == screenIdeas {
		u.shell.calendar.newPostOn(nil)
	}
}

// keyDuplicate is Ctrl+D: the calendar's selected post is duplicated.
func (u *UI) keyDuplicate() {
	if cal := u.calendarIfShown(); cal != nil && cal.selPost != 0 && !u.ws.ReadOnly() {
		cal.duplicate(cal.selPost)
	}
}

// keySelectAll is Strg+A outside a text field: all loaded items of the
// Mediathek or the picker; a focused text field keeps its own Strg+A.
func (u *UI) keySelectAll() {
	if b := u.activeBrowser(); b != nil {
		b.selectAll()
	}
}

// keySearch is Ctrl+F: the calendar's search.
func (u *UI) keySearch() {
	if u.shell == nil || u.win.Canvas().Overlays().Top() != nil {
		return
	}
	u.shell.selectScreen(screenCalendar)
	u.win.Canvas().Focus(u.shell.calendar.search)
}

// keySave is Ctrl+S: the open editor, the settings, the Mediathek's
// detail pane, the person in Personen or the template in Vorlagen saves.
func (u *UI) keySave() {
	dialogOpen := u.win.Canvas().Overlays().Top() != nil
	if u.editor != nil && u.editor.dlg != nil && dialogOpen {
		u.editor.onSave()
		return
	}
	if u.shell == nil {
		return
	}
	switch u.shell.tabs.SelectedIndex() {
	case screenSettings:
		if !u.ws.ReadOnly() {
			u.shell.settings.onSaveGeneral()
		}
	case screenMedia:
		if !u.ws.ReadOnly() && !dialogOpen {
			u.shell.library.detail.saveEdits()
		}
	case screenPeople:
		if !dialogOpen {
			u.shell.people.detail.onSave()
		}
	case screenTemplates:
		if !dialogOpen {
			u.shell.templates.pane.onSave()
		}
	}
}

// typedKey is a key no widget took: Esc clears the Mediathek's (or the
// picker's) selection or leaves the editor; the calendar takes the rest.
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	if b := u.activeBrowser(); ev.Name == fyne.KeyEscape && b != nil && b.escape() {
		return
	}
	if ev.Name == fyne.KeyEscape && u.editor != nil && u.editor.dlg != nil && u.win.Canvas().Overlays().Top() != nil {
		u.editor.onCancel()
		return
	}
	if cal := u.calendarIfShown(); cal != nil {
		cal.typedKey(ev)
	}
}

// copySelectedPost puts the final text of the selected post on the
// clipboard (Strg+C in the calendar): the same text as the chip menu's
// "Text kopieren", placeholders filled, with Windows line breaks. The
// desktop driver turns Ctrl+C into fyne.ShortcutCopy and gives it to a
// focused text field first, so a field keeps its own Ctrl+C.
func (u *UI) copySelectedPost() {
	cal := u.calendarIfShown()
	if cal == nil || cal.selPost == 0 || u.win.Canvas().Focused() != nil {
		return
	}
	copyFinalText(u, cal.selPost)
}

// calendarIfShown returns the calendar when it is the visible screen and no
// dialog is open.
func (u *UI) calendarIfShown() *calendarScreen {
	if u.shell == nil || u.ws == nil || u.shell.tabs.SelectedIndex() != screenCalendar {
		return nil
	}
	if u.win.Canvas().Overlays().Top() != nil {
		return nil
	}
	return u.shell.calendar
}
