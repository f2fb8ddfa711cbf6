package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// peopleScreen lists the people who appear in pictures, with their consents.
// SEAM (issue 8): a helper fills this screen.
type peopleScreen struct {
	u       *UI
	content fyne.CanvasObject
}

func newPeopleScreen(u *UI) *peopleScreen {
	p := &peopleScreen{u: u}
	p.content = emptyState(theme.AccountIcon(), lang.L("People"),
		lang.L("People who appear in pictures, with their consents."), nil)
	return p
}

// reload reads the list again; called when the screen is shown.
func (p *peopleScreen) reload() {}

// showPerson switches to the Personen screen with the person opened.
// SEAM (issue 8): filled with the Personen screen.
func (u *UI) showPerson(personID int64) {
	if u.shell != nil {
		u.shell.selectScreen(screenPeople)
	}
}
