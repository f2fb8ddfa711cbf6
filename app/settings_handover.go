package app

import (
	"context"
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// handoverNotesForm edits the office's texts for the person who covers
// (Netiquette, Ansprechpartner, Hinweise für die Vertretung); the
// Vertretungsmappe prints them.
type handoverNotesForm struct {
	u                           *UI
	netiquette, contacts, hints *widget.Entry
	save                        *widget.Button
}

// handoverNotesSection is the section "Für die Vertretung" of the tab
// Organisation.
func (s *settingsScreen) handoverNotesSection() fyne.CanvasObject {
	f := &handoverNotesForm{u: s.u}
	entry := func(place string) *widget.Entry {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(4)
		e.SetPlaceHolder(place)
		e.Validator = func(t string) error {
			if utf8.RuneCountInString(t) > data.MaxHandoverText {
				return fmt.Errorf("%s", lang.L("At most {{.Max}} characters.", map[string]any{"Max": data.MaxHandoverText}))
			}
			return nil
		}
		return e
	}
	f.netiquette = entry(lang.L("e.g. Answer questions within a working day; delete insults and advertising; hand press enquiries to the press office."))
	f.contacts = entry(lang.L("e.g. Head of unit: Ms Beispiel, phone 123; IT service desk: phone 456"))
	f.hints = entry(lang.L("Anything else the person covering should know."))
	f.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	if s.u.ws.ReadOnly() {
		for _, e := range []*widget.Entry{f.netiquette, f.contacts, f.hints} {
			e.Disable()
		}
		f.save.Disable()
	}
	s.handover = f
	return section(lang.L("For the person covering"), lang.L("The handover report (Vertretungsmappe) prints these texts. Where channel access is documented goes into each channel's form; never write a password."),
		container.NewVBox(
			widget.NewForm(
				widget.NewFormItem(lang.L("Netiquette"), f.netiquette),
				widget.NewFormItem(lang.L("Contacts"), f.contacts),
				widget.NewFormItem(lang.L("Notes for the person covering"), f.hints),
			),
			container.NewHBox(layout.NewSpacer(), f.save),
		))
}

// load fills the form from the workspace.
func (f *handoverNotesForm) load() {
	fetch(f.u, (*data.Workspace).HandoverNotes, func(n data.HandoverNotes, err error) {
		if err != nil {
			f.u.showError(lang.L("The notes for the person covering could not be read."), err)
			return
		}
		f.netiquette.SetText(n.Netiquette)
		f.contacts.SetText(n.Contacts)
		f.hints.SetText(n.Hints)
	})
}

func (f *handoverNotesForm) onSave() {
	n := data.HandoverNotes{Netiquette: f.netiquette.Text, Contacts: f.contacts.Text, Hints: f.hints.Text}
	f.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.SaveHandoverNotes(ctx, n) }, func(err error) {
		if err != nil {
			f.u.showError(lang.L("The notes for the person covering could not be saved."), err)
			return
		}
		f.load()
	})
}
