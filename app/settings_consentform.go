package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// consentFormSection is the Einstellungen part that edits the wording of
// the printed Einwilligungserklärung, so the office can use its legal
// department's text; the facts (authority, person, event, channels,
// purposes, period) are filled in by the printout.
type consentFormSection struct {
	u        *UI
	content  fyne.CanvasObject
	title    *widget.Entry
	intro    *widget.Entry
	guardian *widget.Entry
	withdraw *widget.Entry
	closing  *widget.Entry
	address  *widget.Entry // postal address of the office
	email    *widget.Entry // e-mail for withdrawals
	dpo      *widget.Entry // the Datenschutzbeauftragte/r
	problem  *widget.Label
	saved    *widget.Label
	save     *widget.Button
	reset    *widget.Button
}

// consentFormSection is the section for the settings screen.
func (s *settingsScreen) consentFormSection() fyne.CanvasObject {
	return newConsentFormSection(s.u).content
}

func newConsentFormSection(u *UI) *consentFormSection {
	f := &consentFormSection{u: u}
	multi := func() *widget.Entry {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(5)
		return e
	}
	f.title = widget.NewEntry()
	f.intro, f.guardian, f.withdraw, f.closing = multi(), multi(), multi(), multi()
	f.address = widget.NewMultiLineEntry()
	f.address.SetMinRowsVisible(3)
	f.address.SetPlaceHolder(lang.L("Name of the office, street, postcode and town"))
	f.email = widget.NewEntry()
	f.email.SetPlaceHolder(lang.L("e.g. presse@example.de"))
	f.dpo = widget.NewMultiLineEntry()
	f.dpo.SetMinRowsVisible(2)
	f.dpo.SetPlaceHolder(lang.L("Name or office, address, e-mail"))
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	f.saved = widget.NewLabel("")
	f.save = widget.NewButtonWithIcon(lang.L("Save form text"), theme.DocumentSaveIcon(), f.onSave)
	// The default text has no contacts: resetting the wording keeps them.
	f.reset = widget.NewButtonWithIcon(lang.L("Insert the default text"), theme.HistoryIcon(), func() {
		t := data.DefaultConsentFormText()
		t.Address, t.WithdrawalEmail, t.DataProtection = f.address.Text, f.email.Text, f.dpo.Text
		f.show(t)
	})
	if u.ws.ReadOnly() {
		f.save.Disable()
		f.reset.Disable()
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Postal address"), f.address),
		widget.NewFormItem(lang.L("E-mail for withdrawals"), f.email),
		widget.NewFormItem(lang.L("Data protection officer"), f.dpo),
		widget.NewFormItem(lang.L("Heading"), f.title),
		widget.NewFormItem(lang.L("Declaration"), f.intro),
		widget.NewFormItem(lang.L("For minors"), f.guardian),
		widget.NewFormItem(lang.L("Right to withdraw"), f.withdraw),
		widget.NewFormItem(lang.L("Closing"), f.closing),
	)
	f.content = section(lang.L("Consent form"),
		lang.L("The wording of the printed Einwilligungserklärung in Personen. Address, e-mail and data protection officer are printed at the top, so a withdrawal and the data protection information can reach you; a contact left empty prints a line to fill in. Authority, person, event, channels, purposes, period and signature lines are filled in; a part of the text left empty prints the default text."),
		container.NewVBox(form, f.problem, container.NewHBox(f.save, f.reset, f.saved)))
	fetch(u, (*data.Workspace).ConsentFormText, func(t data.ConsentFormText, err error) {
		if err != nil {
			u.showError(lang.L("The text of the consent form could not be read."), err)
			return
		}
		f.show(t)
	})
	return f
}

func (f *consentFormSection) show(t data.ConsentFormText) {
	f.title.SetText(t.Title)
	f.intro.SetText(t.Intro)
	f.guardian.SetText(t.GuardianIntro)
	f.withdraw.SetText(t.Withdrawal)
	f.closing.SetText(t.Closing)
	f.address.SetText(t.Address)
	f.email.SetText(t.WithdrawalEmail)
	f.dpo.SetText(t.DataProtection)
}

func (f *consentFormSection) onSave() {
	t := data.ConsentFormText{Title: f.title.Text, Intro: f.intro.Text, GuardianIntro: f.guardian.Text,
		Withdrawal: f.withdraw.Text, Closing: f.closing.Text,
		Address: f.address.Text, WithdrawalEmail: f.email.Text, DataProtection: f.dpo.Text}
	f.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.SaveConsentFormText(ctx, t) }, func(err error) {
		var inv *data.InvalidError
		switch {
		case errors.As(err, &inv):
			f.problem.SetText(explain(err))
			f.problem.Show()
		case err != nil:
			f.u.showError(lang.L("The text of the consent form could not be saved."), err)
		default:
			f.problem.Hide()
			f.saved.SetText(lang.L("Saved."))
		}
	})
}
