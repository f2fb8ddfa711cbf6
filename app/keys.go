package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// bindKeys sets the window's shortcuts: Ctrl+N new post on the selected day,
// Ctrl+D duplicate the selected post, Ctrl+F search, Ctrl+S save (in the
// editor and the settings), arrows/Enter/Delete in the calendar.
func (u *UI) bindKeys() {
	c := u.win.Canvas()
	add := func(key fyne.KeyName, f func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { f() })
	}
	add(fyne.KeyN, u.keyNewPost)
	add(fyne.KeyD, func() {
		if cal := u.calendarIfShown(); cal != nil && cal.selPost != 0 && !u.ws.ReadOnly() {
			cal.duplicate(cal.selPost)
		}
	})
	add(fyne.KeyF, u.keySearch)
	add(fyne.KeyS, u.keySave)
	// Ctrl+C on a selected post copies its text, because the post goes out
	// by hand in the platform's own tool. The desktop driver turns Ctrl+C
	// into fyne.ShortcutCopy (never a custom shortcut on C), and gives it to
	// a focused widget first, so a text field keeps its own Ctrl+C.
	c.AddShortcut(&fyne.ShortcutCopy{}, func(fyne.Shortcut) { u.copySelectedPost() })
	// Strg+A and Esc select all loaded items or none in the Mediathek and
	// the picker; a focused text field keeps its own Strg+A.
	c.AddShortcut(&fyne.ShortcutSelectAll{}, func(fyne.Shortcut) {
		if b := u.activeBrowser(); b != nil {
			b.selectAll()
		}
	})
	c.SetOnTypedKey(u.typedKey)
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
	switch {
	case u.editor != nil && u.editor.dlg != nil && u.win.Canvas().Overlays().Top() != nil:
		u.editor.onSave()
	case u.shell != nil && u.shell.tabs.SelectedIndex() == screenSettings && !u.ws.ReadOnly():
		u.shell.settings.onSaveGeneral()
	case u.shell != nil && u.shell.tabs.SelectedIndex() == screenMedia && !u.ws.ReadOnly() && u.win.Canvas().Overlays().Top() == nil:
		u.shell.library.detail.saveEdits()
	case u.shell != nil && u.shell.tabs.SelectedIndex() == screenPeople && u.win.Canvas().Overlays().Top() == nil:
		u.shell.people.detail.onSave()
	case u.shell != nil && u.shell.tabs.SelectedIndex() == screenTemplates && u.win.Canvas().Overlays().Top() == nil:
		u.shell.templates.pane.onSave()
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
// "Text kopieren", placeholders filled, with Windows line breaks.
func (u *UI) copySelectedPost() {
	cal := u.calendarIfShown()
	if cal == nil || cal.selPost == 0 || u.win.Canvas().Focused() != nil {
		return
	}
	copyFinalText(u, cal.selPost)
}

// calendarIfShown returns the calendar when it is the visible screen and no
// text field has the keyboard.
func (u *UI) calendarIfShown() *calendarScreen {
	if u.shell == nil || u.ws == nil || u.shell.tabs.SelectedIndex() != screenCalendar {
		return nil
	}
	if u.win.Canvas().Overlays().Top() != nil {
		return nil
	}
	return u.shell.calendar
}
