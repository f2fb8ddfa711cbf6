package app

import (
	"context"
	"errors"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// consentState is what one consent says today: the person's state as the
// rule computes it for this consent (with withdrawals of the person's
// other consents that reach it), and the date that goes with it.
func consentState(p data.Person, c data.Consent, all []data.Consent, today calendar.Date) (data.PersonState, string) {
	// The rule's own sum over this consent and the withdrawals recorded on
	// or after it was given: one rule, one place.
	set := []data.Consent{c}
	for _, o := range all {
		if o.ID != c.ID && o.Withdrawal != nil && !o.Withdrawal.On.Before(c.GivenOn) {
			set = append(set, o)
		}
	}
	st := data.PersonStateOn(p, set, today)
	switch st {
	case data.PersonOK:
		if c.ValidUntil != nil {
			return st, lang.L("valid until {{.Date}}", map[string]any{"Date": c.ValidUntil.String()})
		}
		return st, lang.L("valid, no end date")
	case data.PersonExpiring:
		return st, lang.L("ends on {{.Date}}", map[string]any{"Date": c.ValidUntil.String()})
	case data.PersonWithdrawn:
		on := c.Withdrawal
		for _, o := range set {
			if o.Withdrawal != nil && (on == nil || o.Withdrawal.On.Before(on.On)) {
				on = o.Withdrawal
			}
		}
		return st, lang.L("withdrawn on {{.Date}}", map[string]any{"Date": on.On.String()})
	}
	minor := p.MinorOn(today)
	switch {
	case c.ValidUntil != nil && c.ValidUntil.Before(today):
		return st, lang.L("ended on {{.Date}}", map[string]any{"Date": c.ValidUntil.String()})
	case minor && c.GivenBy == data.GivenBySelf:
		return st, lang.L("not valid: the guardians' consent is missing")
	case !minor && c.GivenBy == data.GivenByGuardians:
		return st, lang.L("no longer valid: of age, the person's own consent is needed")
	}
	return st, lang.L("not valid")
}

func consentFormName(f data.ConsentForm) string {
	if f == data.FormElectronic {
		return lang.L("electronic")
	}
	return lang.L("in writing")
}

func givenByName(g data.GivenBy) string {
	switch g {
	case data.GivenByGuardians:
		return lang.L("by the guardians")
	case data.GivenByBoth:
		return lang.L("by the person and the guardians")
	}
	return lang.L("by the person")
}

// consentScopeText words channels and purposes of a consent.
func consentScopeText(c data.Consent, channels map[int64]string) (string, string) {
	var chans []string
	for _, p := range c.Platforms {
		chans = append(chans, platformName(p))
	}
	for _, id := range c.ChannelIDs {
		if n, ok := channels[id]; ok {
			chans = append(chans, n)
		}
	}
	var purposes []string
	for _, p := range c.Purposes {
		purposes = append(purposes, lang.L(p.Key()))
	}
	return strings.Join(chans, ", "), strings.Join(purposes, ", ")
}

// consentPicturesText words which pictures a consent covers.
func consentPicturesText(c data.Consent) string {
	if c.Pictures == data.ScopeItems {
		return lang.N("{{.Count}} chosen picture", len(c.MediaIDs), map[string]any{"Count": len(c.MediaIDs)})
	}
	s := lang.L("all pictures of “{{.Shoot}}”", map[string]any{"Shoot": c.Shoot})
	switch {
	case c.ShootFrom != nil && c.ShootTo != nil && *c.ShootFrom == *c.ShootTo:
		s += " (" + c.ShootFrom.String() + ")"
	case c.ShootFrom != nil && c.ShootTo != nil:
		s += " (" + c.ShootFrom.String() + " – " + c.ShootTo.String() + ")"
	case c.ShootFrom != nil:
		s += " (" + lang.L("from {{.Date}}", map[string]any{"Date": c.ShootFrom.String()}) + ")"
	case c.ShootTo != nil:
		s += " (" + lang.L("until {{.Date}}", map[string]any{"Date": c.ShootTo.String()}) + ")"
	}
	return s
}

// consentCard is one consent in the person's pane: when and how it was
// given, its state today in word and shape, what it covers, and what she
// can do with it.
func (d *personDetail) consentCard(c data.Consent, today calendar.Date) fyne.CanvasObject {
	u := d.u
	st, word := consentState(d.p, c, d.consents, today)
	head := widget.NewLabelWithStyle(lang.L("Consent of {{.Date}}", map[string]any{"Date": c.GivenOn.String()})+
		" · "+consentFormName(c.Form)+" · "+givenByName(c.GivenBy), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	state := widget.NewLabel(word)
	state.Wrapping = fyne.TextWrapWord
	chans, purposes := consentScopeText(c, u.channelNames())
	lines := []string{
		lang.L("Channels: {{.List}}", map[string]any{"List": chans}),
		lang.L("Purposes: {{.List}}", map[string]any{"List": purposes}),
		lang.L("Pictures: {{.What}}", map[string]any{"What": consentPicturesText(c)}),
	}
	if c.Informed {
		lines = append(lines, lang.L("Informed of the right to withdraw"))
	} else {
		lines = append(lines, lang.L("Not recorded as informed of the right to withdraw"))
	}
	if c.Withdrawal != nil {
		// The date is in the state line above ("widerrufen am …"); here
		// only how it came and the note, so the card says it once.
		var w []string
		if c.Withdrawal.Via != "" {
			w = append(w, lang.L("Withdrawal received by: {{.Via}}", map[string]any{"Via": c.Withdrawal.Via}))
		}
		if c.Withdrawal.Note != "" {
			w = append(w, c.Withdrawal.Note)
		}
		if len(w) > 0 {
			lines = append(lines, strings.Join(w, " – "))
		}
	}
	if strings.TrimSpace(c.Notes) != "" {
		lines = append(lines, c.Notes)
	}
	body := widget.NewLabel(strings.Join(lines, "\n"))
	body.Wrapping = fyne.TextWrapWord

	ro := u.ws.ReadOnly()
	var buttons []fyne.CanvasObject
	if c.FormMediaID != 0 {
		id := c.FormMediaID
		buttons = append(buttons, widget.NewButtonWithIcon(lang.L("Open consent form"), theme.FileIcon(), func() { u.openMediaFile(id) }))
	} else {
		attach := widget.NewButtonWithIcon(lang.L("Attach scanned consent form …"), theme.UploadIcon(), func() {
			u.chooseConsentScan(func(path string) { d.attachForm(c.ID, path) })
		})
		if ro {
			attach.Disable()
		}
		buttons = append(buttons, attach)
	}
	if c.Withdrawal == nil {
		correct := widget.NewButtonWithIcon(lang.L("Correct …"), theme.DocumentCreateIcon(), func() {
			cc := c
			d.dlg = u.openConsentDialog(d.p, &cc, d.reloadAll)
		})
		withdraw := widget.NewButtonWithIcon(lang.L("Record withdrawal …"), theme.CancelIcon(), func() {
			u.openWithdrawalDialog(d.p, c, d.reloadAll)
		})
		if ro {
			correct.Disable()
			withdraw.Disable()
		}
		buttons = append(buttons, correct, withdraw)
	} else {
		// The withdrawal page stays reachable: the checklist is ticked off
		// over days, and the erasure may come later.
		pid := d.p.ID
		buttons = append(buttons, widget.NewButtonWithIcon(lang.L("Handle withdrawal …"), theme.ListIcon(), func() {
			u.showWithdrawal(pid)
		}))
	}
	icon := widget.NewIcon(personStateIcon(st))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	stateRow := container.NewBorder(nil, nil, icon, nil, state)
	return container.NewStack(bg, container.NewPadded(container.NewVBox(head, stateRow, body, container.NewHBox(buttons...))))
}

// channelNames maps the workspace's channels by id, as the Personen
// screen last read them (a channel list is short).
func (u *UI) channelNames() map[int64]string {
	out := map[int64]string{}
	if u.shell != nil && u.shell.people != nil {
		for _, ch := range u.shell.people.channels {
			out[ch.ID] = ch.Name
		}
	}
	return out
}

// scanExtensions are the files a scanned consent form may be: a PDF or a
// photo of the paper.
var scanExtensions = []string{".pdf", ".jpg", ".jpeg", ".png", ".heic", ".tif", ".tiff", ".webp"}

// chooseConsentScan asks for the scanned form (the system's own dialog on
// Windows) and hands its path to done; another kind of file is refused
// with a sentence.
func (u *UI) chooseConsentScan(done func(path string)) {
	u.openFiles(lang.L("Choose the scanned consent form"), data.DocumentsDir(), mediaFiles, func(paths []string) {
		if len(paths) == 0 {
			return
		}
		p := paths[0]
		if !slices.Contains(scanExtensions, strings.ToLower(filepath.Ext(p))) {
			dialog.ShowInformation(lang.L("Not a scanned form"),
				lang.L("Please choose a PDF or a photo of the signed form."), u.win)
			return
		}
		done(p)
	})
}

// importConsentScan puts the scanned form into the Mediathek (the same
// import as every other file) and attaches it to the consent.
func importConsentScan(ctx context.Context, ws *data.Workspace, consentID int64, path string) error {
	res, err := ws.ImportFiles(ctx, []string{path}, data.ImportFilesOptions{})
	if err != nil {
		return err
	}
	if len(res.Results) == 0 {
		return errScanNotRead
	}
	r := res.Results[0]
	if r.Outcome == data.ImportSkipped || r.Media.ID == 0 {
		if r.Err != nil {
			return r.Err
		}
		return errScanNotRead
	}
	return ws.SetConsentForm(ctx, consentID, r.Media.ID)
}

// errScanNotRead is a scan the import gave no item for.
var errScanNotRead = errors.New("scanned form was not imported")

// attachForm imports the scan at path and attaches it to consent id.
func (d *personDetail) attachForm(consentID int64, path string) {
	u := d.u
	u.runShown(lang.L("Attaching the form"), func(ctx context.Context, j *job) func() {
		err := importConsentScan(ctx, u.ws, consentID, path)
		return func() {
			if err != nil {
				u.showError(lang.L("The form could not be attached."), err)
			}
			d.reloadAll()
		}
	})
}

// openMediaFile opens a Mediathek item's file (a scanned form) in the
// system's viewer.
func (u *UI) openMediaFile(id int64) {
	fetch(u, func(ws *data.Workspace, ctx context.Context) (data.Media, error) { return ws.Media(ctx, id) },
		func(m data.Media, err error) {
			if err != nil {
				u.showError(lang.L("The form could not be opened."), err)
				return
			}
			u.openFile(filepath.Join(u.ws.Dir(), filepath.FromSlash(m.Path)))
		})
}

// openFile opens a file in the system's viewer for its type.
func (u *UI) openFile(path string) {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/… becomes file:///C:/…
	}
	if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: p}); err != nil {
		u.showError(lang.L("The file could not be opened."), err)
	}
}

// openWithdrawalDialog records the withdrawal of consent c: the day, how
// it reached the office and a note. A refusal of the data layer shows in
// the dialog, which keeps what she typed; afterwards the withdrawal page
// shows where the person's pictures are used.
func (u *UI) openWithdrawalDialog(p data.Person, c data.Consent, after func()) {
	on := newKeyEntry(false, nil)
	on.SetText(u.ws.Today().String())
	via := widget.NewSelectEntry([]string{lang.L("Letter"), lang.L("E-mail"), lang.L("In person"), lang.L("By phone")})
	via.SetPlaceHolder(lang.L("Letter, e-mail, in person …"))
	note := newKeyEntry(true, nil)
	note.SetMinRowsVisible(3)
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	problem.Hide()
	intro := widget.NewLabel(lang.L("{{.Name}} withdraws the consent of {{.Date}}. The pictures may then no longer be used; the next page shows where they appear.",
		map[string]any{"Name": p.Name, "Date": c.GivenOn.String()}))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Withdrawn on"), on),
		widget.NewFormItem(lang.L("Received by"), via),
		widget.NewFormItem(lang.L("Note"), note),
	)
	var dlg *dialog.CustomDialog
	save := widget.NewButtonWithIcon(lang.L("Record withdrawal"), theme.ConfirmIcon(), nil)
	save.Importance = widget.DangerImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { dlg.Hide() })
	save.OnTapped = func() {
		day, err := calendar.ParseDate(strings.TrimSpace(on.Text))
		if err != nil {
			problem.SetText(lang.L("Please write the date as 27.11.2026."))
			problem.Show()
			return
		}
		wd := data.Withdrawal{On: day, Via: via.Text, Note: note.Text}
		save.Disable()
		u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.WithdrawConsent(ctx, c.ID, wd) }, func(err error) {
			save.Enable()
			var inv *data.InvalidError
			switch {
			case errors.As(err, &inv):
				problem.SetText(explain(err))
				problem.Show()
			case err != nil:
				u.showError(lang.L("The withdrawal could not be recorded."), err)
			default:
				dlg.Hide()
				if after != nil {
					after()
				}
				u.showWithdrawal(p.ID)
			}
		})
	}
	dlg = dialog.NewCustomWithoutButtons(lang.L("Record withdrawal"), container.NewVBox(intro, form, problem), u.win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, save})
	dlg.Resize(fyne.NewSize(620, dlg.MinSize().Height))
	dlg.Show()
	u.win.Canvas().Focus(on)
}
