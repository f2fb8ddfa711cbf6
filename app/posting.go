package app

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"feedtakt/data"
)

// openPosting shows the Posten view for post p: per channel the final text
// to copy, per picture its alt text and upload file, and marking the post
// published. changed runs after something was stored (a channel marked).
//
// Seam: the editor and the calendar call this; the view itself is being
// built (issue 9) and replaces this body.
func openPosting(u *UI, p data.Post, changed func()) {
	_ = p
	_ = changed
	dialog.ShowInformation(lang.L("Templates"), lang.L("available with the caption templates"), u.win)
}
