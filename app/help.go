// The Hilfe menu: the list of shortcuts (from keys.go's table), the
// manual (assets/manual, Markdown) and Über Feedtakt.

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/assets"
)

// helpMenu is Hilfe: Handbuch, Tastenkürzel, Über Feedtakt.
func (u *UI) helpMenu() *fyne.Menu {
	manual := fyne.NewMenuItem(lang.L("Manual"), u.showManual)
	manual.Icon = theme.HelpIcon()
	keys := fyne.NewMenuItem(lang.L("Keyboard shortcuts"), u.showShortcuts)
	about := fyne.NewMenuItem(lang.L("About Feedtakt"), u.showAbout)
	return fyne.NewMenu(lang.L("Help"), manual, keys, fyne.NewMenuItemSeparator(), about)
}

// helpSize is the size of a help dialog in a window of size win: wide
// enough for a line of text, most of the window's height.
func helpSize(win fyne.Size, width float32) fyne.Size {
	return fyne.NewSize(min(width, win.Width*0.95), min(max(win.Height*0.88, 400), win.Height))
}

// showShortcuts is Hilfe → Tastenkürzel: every shortcut of keyBindings,
// under its group's heading.
func (u *UI) showShortcuts() {
	d := dialog.NewCustom(lang.L("Keyboard shortcuts"), lang.L("Close"),
		container.NewVScroll(shortcutList()), u.win)
	d.Resize(helpSize(u.win.Canvas().Size(), 820))
	d.Show()
}

// shortcutList lays out keyBindings in one table, so the columns line up
// across groups: a heading per group, then the keys in bold beside what
// they do.
func shortcutList() fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	group := ""
	for _, b := range keyBindings() {
		if b.group != group {
			group = b.group
			head := widget.NewLabelWithStyle(lang.L(group), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			head.SizeName = theme.SizeNameSubHeadingText
			grid.Add(head)
			grid.Add(layout.NewSpacer())
		}
		grid.Add(widget.NewLabelWithStyle(b.keyText(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(lang.L(b.what)))
	}
	note := widget.NewLabelWithStyle(lang.L("In text fields, Ctrl+C, Ctrl+X, Ctrl+V, Ctrl+A and Ctrl+Z work as usual."), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(grid, widget.NewSeparator(), note)
}

// showManual is Hilfe → Handbuch: the short manual in the UI language,
// scrolling, in a dialog most of the window's height.
func (u *UI) showManual() {
	text := widget.NewRichTextFromMarkdown(assets.ManualText(language))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Manual"), lang.L("Close"), container.NewVScroll(text), u.win)
	d.Resize(helpSize(u.win.Canvas().Size(), 860))
	d.Show()
}

// showAbout is Hilfe → Über Feedtakt.
func (u *UI) showAbout() {
	meta := u.app.Metadata()
	dialog.ShowInformation(lang.L("About Feedtakt"),
		lang.L("Feedtakt {{.Version}}\nPlans the social media of a public authority, offline.", map[string]any{"Version": nonEmpty(meta.Version, "dev")}), u.win)
}
