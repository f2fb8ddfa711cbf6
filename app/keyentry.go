package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// keyEntry is a text field that hands on to the window what a text field
// has no use for. A focused widget.Entry receives every key and shortcut
// and silently drops the ones it does not know, so without this Esc and
// Strg+S never reach the editor while the cursor is in a field — which is
// always, since the title has the focus when the editor opens.
type keyEntry struct {
	widget.Entry
	onEsc func() // Esc pressed in the field; nil: the field keeps it
}

// newKeyEntry makes a one-line (multi false) or multi-line text field;
// onEsc runs when Esc is pressed in it.
func newKeyEntry(multi bool, onEsc func()) *keyEntry {
	e := &keyEntry{onEsc: onEsc}
	e.MultiLine = multi
	if multi {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs onEsc for Esc and leaves every other key to the field.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEsc != nil {
		e.onEsc()
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut passes Ctrl plus a letter (Strg+S, Strg+N …) on to the
// window's shortcuts: a text field's own shortcuts (copy, paste, select
// all, undo) arrive as named shortcuts, and its custom ones use arrows,
// Backspace and Delete, so no letter shortcut is lost to the field.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && isLetterKey(cs.KeyName) {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			if sc, ok := c.(fyne.Shortcutable); ok {
				sc.TypedShortcut(s)
				return
			}
		}
	}
	e.Entry.TypedShortcut(s)
}

func isLetterKey(k fyne.KeyName) bool {
	return len(k) == 1 && k[0] >= 'A' && k[0] <= 'Z'
}
