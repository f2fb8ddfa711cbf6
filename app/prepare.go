package app

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"feedtakt/data"
)

// prepareForChannel opens "Für Kanal vorbereiten …" for picture m: choose a
// target format, drag the crop frame, write a JPEG without metadata into
// the workspace's upload folder. post, when not nil, names the file after
// the post (and the chosen channel).
//
// Interim: the real dialog is being built; until it lands this says so.
func (u *UI) prepareForChannel(m data.Media, post *data.Post) {
	_, _ = m, post
	dialog.ShowInformation(lang.L("Media"), lang.L("Preparing a picture for a channel is not available yet."), u.win)
}
