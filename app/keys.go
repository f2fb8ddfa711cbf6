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
	add(fyne.KeyN, func() {
		if cal := u.calendarIfShown(); cal != nil {
			cal.newPostOn(&cal.selected)
		} else if u.shell != nil && u.shell.tabs.SelectedIndex() == screenIdeas {
			u.shell.calendar.newPostOn(nil)
		}
	})
	add(fyne.KeyD, func() {
		if cal := u.calendarIfShown(); cal != nil && cal.selPost != 0 && !u.ws.ReadOnly() {
			cal.duplicate(cal.selPost)
		}
	})
	add(fyne.KeyF, func() {
		if u.shell == nil {
			return
		}
		u.shell.selectScreen(screenCalendar)
		u.win.Canvas().Focus(u.shell.calendar.search)
	})
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if cal := u.calendarIfShown(); cal != nil {
			cal.typedKey(ev)
		}
	})
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
