package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// pickMedia lets her choose items from the Mediathek (same grid, search and
// filters as the Mediathek, several at once) and hands the chosen ones to
// onChosen in the order she chose them; cancelling calls nothing.
func (u *UI) pickMedia(onChosen func([]data.Media)) {
	if u.ws == nil || u.shell == nil || u.shell.library == nil {
		return
	}
	lib := u.shell.library
	// The picker's grid is the Mediathek's grid component with its own
	// query and selection; decoded thumbnails are shared.
	b := newMediaBrowser(u, lib.images)
	// Its thumbnail feeder ends with the dialog (or the workspace).
	ctx, stop := context.WithCancel(b.poolCtx)
	b.feeder.ctx = ctx
	b.empty = emptyState(theme.MediaPhotoIcon(), lang.L("The media library is empty"),
		lang.L("Import pictures in the media library first, or drag files onto the post."), nil)
	b.main = b.grid
	b.body = container.NewStack(b.main)

	choose := widget.NewButtonWithIcon("", theme.ConfirmIcon(), nil)
	choose.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), nil)
	hint := widget.NewLabel(lang.L("Ctrl+click chooses several, Shift+click a range."))
	hint.SizeName = theme.SizeNameCaptionText
	counted := func() {
		n := len(b.sel)
		choose.SetText(lang.L("Choose ({{.Count}})", map[string]any{"Count": formatCount(n)}))
		if n == 0 {
			choose.Disable()
		} else {
			choose.Enable()
		}
	}
	b.onSelect = counted
	counted()

	content := container.NewBorder(container.NewPadded(container.NewVBox(b.bar, b.filters.content)), hint, nil, nil, b.body)
	d := dialog.NewCustomWithoutButtons(lang.L("Choose from the media library"), content, u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, choose})
	closed := false
	end := func() {
		if closed {
			return
		}
		closed = true
		stop()
		if lib.picking == b {
			lib.picking = nil
		}
	}
	d.SetOnClosed(end)
	choose.OnTapped = func() {
		chosen := b.selected()
		end()
		d.Hide()
		if len(chosen) > 0 && onChosen != nil {
			onChosen(chosen)
		}
	}
	cancel.OnTapped = func() {
		end()
		d.Hide()
	}
	// Esc clears the selection, and a second Esc closes the picker
	// (rather than the post editor below it).
	b.dismiss = cancel.OnTapped
	lib.picking = b
	sz := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(max(640, sz.Width*0.9), max(480, sz.Height*0.9)))
	d.Show()
	b.reload()
}
