package app

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/exchange"
)

// "Einwilligungserklärung drucken": the pre-filled paper form as PDF, so
// that what is signed and what is recorded match. It is written to a file
// she chooses (folder and name, as the plan export does) and opened in the
// system viewer to print.

// consentFormOf fills the form for person p with the scope of c (nil: the
// boxes stay empty to tick by hand).
func (u *UI) consentFormOf(p data.Person, c *data.Consent) exchange.ConsentForm {
	f := exchange.ConsentForm{Person: p.Name, BornOn: p.BornOn, Guardian: p.MinorOn(u.ws.Today())}
	if c != nil {
		f.Guardian = f.Guardian || c.GivenBy != data.GivenBySelf
		f.Platforms, f.Purposes, f.ValidUntil = c.Platforms, c.Purposes, c.ValidUntil
		names := u.channelNames()
		for _, id := range c.ChannelIDs {
			if n, ok := names[id]; ok {
				f.Channels = append(f.Channels, n)
			}
		}
		if c.Pictures == data.ScopeShoot {
			f.Event, f.EventFrom, f.EventTo = c.Shoot, c.ShootFrom, c.ShootTo
		}
	}
	if f.Guardian {
		for _, g := range p.Guardians {
			f.Guardians = append(f.Guardians, g.Name)
		}
	}
	return f
}

// onPrint prints the form for the shown person, with the scope of the
// newest consent not withdrawn (a new form for the same shoot), or empty
// boxes.
func (d *personDetail) onPrint() {
	if d.p.ID == 0 {
		return
	}
	var c *data.Consent
	for i := len(d.consents) - 1; i >= 0; i-- {
		if d.consents[i].Withdrawal == nil {
			cc := d.consents[i]
			// Who signs goes by the person's age today, not by who
			// signed the old form: a child has come of age meanwhile.
			cc.GivenBy = data.GivenBySelf
			c = &cc
			break
		}
	}
	p, _ := d.collect()
	d.u.printConsentForm(d.u.consentFormOf(p, c))
}

// onPrint prints the form with what is typed in the dialog so far.
func (d *consentDialog) onPrint() {
	c, problem := d.collect()
	if problem != "" {
		d.showProblem(problem)
		return
	}
	d.problem.Hide()
	d.u.printConsentForm(d.u.consentFormOf(d.p, &c))
}

// printConsentForm asks for folder and file name, writes the form with the
// authority's name and the wording from the settings, and offers to open
// it for printing.
func (u *UI) printConsentForm(form exchange.ConsentForm) {
	folder := widget.NewEntry()
	folder.SetText(data.DocumentsDir())
	name := widget.NewEntry()
	name.SetText(exchange.ConsentFormName(form.Person))
	choose := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(uri fyne.ListableURI, err error) {
			if err == nil && uri != nil {
				folder.SetText(uri.Path())
			}
		}, u.win)
		if loc, err := storage.ListerForURI(storage.NewFileURI(folder.Text)); err == nil {
			d.SetLocation(loc)
		}
		d.Resize(fyne.NewSize(760, 520))
		d.Show()
	})
	what := lang.L("A consent form for {{.Name}}", map[string]any{"Name": form.Person})
	if form.Guardian {
		what = lang.L("A consent form for the guardians of {{.Name}}", map[string]any{"Name": form.Person})
	}
	intro := widget.NewLabel(what + " " + lang.L("with the authority, the shoot, channels, purposes and period filled in. The wording is set in Settings."))
	intro.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("", intro),
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, choose, folder)),
		widget.NewFormItem(lang.L("File name"), name),
	}
	d := dialog.NewForm(lang.L("Print consent form"), lang.L("Save as PDF"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		n := strings.TrimSpace(name.Text)
		if n == "" {
			n = exchange.ConsentFormName(form.Person)
		}
		if !strings.EqualFold(filepath.Ext(n), ".pdf") {
			n += ".pdf"
		}
		path := filepath.Join(strings.TrimSpace(folder.Text), n)
		u.writeAsking(path, func() { u.writeConsentForm(form, path) })
	}, u.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
}

// writeConsentForm fills in the authority and the wording and writes the
// PDF in the background.
func (u *UI) writeConsentForm(form exchange.ConsentForm, path string) {
	ws := u.ws
	u.runShown(lang.L("Writing the consent form"), func(ctx context.Context, j *job) func() {
		err := writeConsentFormFile(ctx, ws, form, path)
		return func() {
			if err != nil {
				u.showError(lang.L("The consent form could not be written to {{.File}}.", map[string]any{"File": path}), err)
				return
			}
			dialog.ShowConfirm(lang.L("Consent form saved"),
				lang.L("Saved as {{.File}}. Open it now to print?", map[string]any{"File": path}), func(yes bool) {
					if yes {
						u.openFile(path)
					}
				}, u.win)
		}
	})
}

// writeConsentFormFile is the form's PDF with the workspace's authority
// and wording, written atomically to path.
func writeConsentFormFile(ctx context.Context, ws *data.Workspace, form exchange.ConsentForm, path string) error {
	st, err := ws.Settings(ctx)
	if err != nil {
		return err
	}
	if form.Text, err = ws.ConsentFormText(ctx); err != nil {
		return err
	}
	form.Authority = st.Organisation
	return exchange.WriteConsentFormFile(path, form)
}
