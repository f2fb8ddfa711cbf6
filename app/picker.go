package app

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"feedtakt/data"
)

// pickMedia lets her choose items from the Mediathek (same grid, search and
// filters as the Mediathek, several at once) and hands the chosen ones to
// onChosen; cancelling calls nothing.
//
// Interim: the real picker is being built; until it lands this says so.
func (u *UI) pickMedia(onChosen func([]data.Media)) {
	_ = onChosen
	dialog.ShowInformation(lang.L("Media"), lang.L("Choosing from the media library is not available yet."), u.win)
}
