package app

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// consentDialog records a consent as given on the paper form ("Einwilligung
// erfassen …") or corrects one recorded before. What she typed stays when
// the data layer refuses it; the refusal shows as its sentence.
type consentDialog struct {
	u     *UI
	p     data.Person
	old   *data.Consent // the consent being corrected; nil: a new one
	after func()
	dlg   *dialog.CustomDialog

	given     *keyEntry
	form      *widget.RadioGroup
	givenBy   *widget.RadioGroup
	platforms *checkGrid
	channels  *checkGrid
	chanList  []data.Channel
	purposes  *checkGrid
	scope     *widget.RadioGroup
	shoot     *keyEntry
	shootFrom *keyEntry
	shootTo   *keyEntry
	shootBox  fyne.CanvasObject
	datesBox  fyne.CanvasObject
	items     []int64
	itemsText *widget.Label
	itemsBox  fyne.CanvasObject
	until     *keyEntry
	informed  *widget.Check
	notes     *keyEntry
	scanPath  string // a scan chosen in this dialog, imported on save
	scanText  *widget.Label
	problem   *widget.Label
	save      *widget.Button
	printForm *widget.Button // nil when correcting
}

// The picture scopes of the dialog, in display order: a shoot by its
// dates, every picture the person is marked on, chosen pictures.
const (
	scopeShootDates = iota
	scopeAllOfPerson
	scopeChosen
)

// the choices of the radio groups, in display order
var (
	consentForms = []data.ConsentForm{data.FormWritten, data.FormElectronic}
	givenByAll   = []data.GivenBy{data.GivenBySelf, data.GivenByGuardians, data.GivenByBoth}
)

// openConsentDialog opens the dialog for person p: a new consent (old
// nil) or a correction of old. after runs once it is saved.
func (u *UI) openConsentDialog(p data.Person, old *data.Consent, after func()) *consentDialog {
	if u.ws == nil || u.ws.ReadOnly() {
		return nil
	}
	d := &consentDialog{u: u, p: p, old: old, after: after}
	if u.shell != nil && u.shell.people != nil {
		for _, ch := range u.shell.people.channels {
			if !ch.Disabled || old != nil && slices.Contains(old.ChannelIDs, ch.ID) {
				d.chanList = append(d.chanList, ch)
			}
		}
	}
	d.build()
	d.fill()
	title := lang.L("Record consent for {{.Name}}", map[string]any{"Name": p.Name})
	if old != nil {
		title = lang.L("Correct consent of {{.Date}}", map[string]any{"Date": old.GivenOn.String()})
	}
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { d.dlg.Hide() })
	d.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), d.onSave)
	d.save.Importance = widget.HighImportance
	body := container.NewVScroll(container.NewPadded(d.layout()))
	d.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, d.problem, nil, nil, body), u.win)
	buttons := []fyne.CanvasObject{cancel, d.save}
	// A correction fixes the record of a paper already signed: nothing to
	// print. A new consent may want the paper first.
	if old == nil {
		d.printForm = widget.NewButtonWithIcon(lang.L("Print consent form …"), theme.DocumentPrintIcon(), d.onPrint)
		buttons = []fyne.CanvasObject{cancel, d.printForm, d.save}
	}
	d.dlg.SetButtons(buttons)
	sz := u.win.Canvas().Size()
	d.dlg.Resize(fyne.NewSize(min(max(760, sz.Width*0.6), sz.Width-40), sz.Height*0.86))
	d.dlg.Show()
	return d
}

func (d *consentDialog) build() {
	d.given = newKeyEntry(false, nil)
	d.given.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	d.form = widget.NewRadioGroup([]string{lang.L("in writing"), lang.L("electronic")}, nil)
	d.form.Horizontal = true
	d.form.Required = true
	d.givenBy = widget.NewRadioGroup([]string{lang.L("the person"), lang.L("the guardians"), lang.L("the person and the guardians")}, nil)
	d.givenBy.Horizontal = true
	d.givenBy.Required = true
	var pl []string
	for _, p := range data.Platforms() {
		pl = append(pl, platformName(p))
	}
	d.platforms = newCheckGrid(pl, 5)
	var ch []string
	for _, c := range d.chanList {
		ch = append(ch, c.Name)
	}
	d.channels = newCheckGrid(ch, 4)
	var pu []string
	for _, p := range data.Purposes() {
		pu = append(pu, lang.L(p.Key()))
	}
	d.purposes = newCheckGrid(pu, 4)
	d.scope = widget.NewRadioGroup([]string{lang.L("pictures of a shoot or event, by the date taken"),
		lang.L("every picture the person is marked on"), lang.L("chosen pictures")}, func(string) { d.showScope() })
	d.scope.Required = true
	d.shoot = newKeyEntry(false, nil)
	d.shoot.SetPlaceHolder(lang.L("e.g. Sommerfest 2026, Azubi-Fotoshooting"))
	d.shootFrom = newKeyEntry(false, nil)
	d.shootFrom.SetPlaceHolder(lang.L("from DD.MM.YYYY"))
	d.shootTo = newKeyEntry(false, nil)
	d.shootTo.SetPlaceHolder(lang.L("to DD.MM.YYYY (empty: same day)"))
	d.itemsText = widget.NewLabel("")
	choose := widget.NewButtonWithIcon(lang.L("Choose pictures …"), theme.MediaPhotoIcon(), func() {
		d.u.pickMedia(func(ms []data.Media) {
			for _, m := range ms {
				if !slices.Contains(d.items, m.ID) {
					d.items = append(d.items, m.ID)
				}
			}
			d.showItems()
		})
	})
	clear := widget.NewButton(lang.L("Remove all"), func() { d.items = nil; d.showItems() })
	clear.Importance = widget.LowImportance
	// The name is asked for both shoot scopes (it is printed on the form);
	// the dates only when they pick the pictures.
	d.datesBox = container.NewVBox(container.NewGridWithColumns(2, d.shootFrom, d.shootTo),
		hintLabel(lang.L("Feedtakt matches by date only: the consent covers the pictures the person is marked on whose Aufnahmedatum lies in this period. The name is for you and the printed form.")))
	d.shootBox = container.NewVBox(d.shoot, d.datesBox)
	d.itemsBox = container.NewHBox(d.itemsText, choose, clear)
	d.until = newKeyEntry(false, nil)
	d.until.SetPlaceHolder(lang.L("empty: until withdrawn"))
	d.informed = widget.NewCheck(lang.L("informed of the right to withdraw"), nil)
	d.notes = newKeyEntry(true, nil)
	d.notes.SetMinRowsVisible(2)
	d.scanText = widget.NewLabel("")
	d.scanText.Wrapping = fyne.TextWrapWord
	d.problem = widget.NewLabel("")
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Importance = widget.DangerImportance
	d.problem.Hide()
}

func hintLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

func (d *consentDialog) layout() fyne.CanvasObject {
	field := func(caption string, o ...fyne.CanvasObject) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewVBox(append([]fyne.CanvasObject{l}, o...)...)
	}
	attach := widget.NewButtonWithIcon(lang.L("Attach scanned consent form …"), theme.UploadIcon(), func() {
		d.u.chooseConsentScan(func(path string) {
			d.scanPath = path
			d.showScan()
		})
	})
	scanRow := container.NewBorder(nil, nil, nil, attach, d.scanText)
	if d.old != nil && d.old.FormMediaID != 0 {
		id := d.old.FormMediaID
		open := widget.NewButtonWithIcon(lang.L("Open consent form"), theme.FileIcon(), func() { d.u.openMediaFile(id) })
		scanRow = container.NewBorder(nil, nil, nil, container.NewHBox(open, attach), d.scanText)
	}
	chans := []fyne.CanvasObject{hintLabel(lang.L("Channel type: every channel of that type, also future ones; single channel: only this account.")),
		widget.NewLabel(lang.L("Channel types:")), d.platforms.content}
	if len(d.chanList) > 0 {
		chans = append(chans, widget.NewLabel(lang.L("Single channels:")), d.channels.content)
	}
	return container.NewVBox(
		container.NewGridWithColumns(2, field(lang.L("Given on"), d.given), field(lang.L("Valid until"), d.until)),
		field(lang.L("Form"), d.form),
		field(lang.L("Given by"), d.givenBy),
		field(lang.L("Channels"), chans...),
		field(lang.L("Purposes"), d.purposes.content),
		field(lang.L("Pictures"), d.scope, d.shootBox, d.itemsBox),
		d.informed,
		field(lang.L("Notes"), d.notes),
		field(lang.L("Signed consent form"), scanRow),
	)
}

// fill sets the fields from the consent being corrected, or the defaults
// of a new one: today, in writing, given by whoever must for the person's
// age. Purposes and pictures are not preset: they must be read off the
// paper, and a preset ticked by mistake would widen what she agreed to.
func (d *consentDialog) fill() {
	today := d.u.ws.Today()
	c := data.Consent{GivenOn: today, Form: data.FormWritten, GivenBy: data.GivenBySelf}
	if d.p.MinorOn(today) {
		c.GivenBy = data.GivenByGuardians
	}
	if d.old != nil {
		c = *d.old
	}
	d.given.SetText(c.GivenOn.String())
	d.form.SetSelected(d.form.Options[max(slices.Index(consentForms, c.Form), 0)])
	d.givenBy.SetSelected(d.givenBy.Options[max(slices.Index(givenByAll, c.GivenBy), 0)])
	var sel []string
	for _, p := range c.Platforms {
		sel = append(sel, platformName(p))
	}
	d.platforms.SetSelected(sel)
	sel = nil
	for _, ch := range d.chanList {
		if slices.Contains(c.ChannelIDs, ch.ID) {
			sel = append(sel, ch.Name)
		}
	}
	d.channels.SetSelected(sel)
	sel = nil
	for _, p := range c.Purposes {
		sel = append(sel, lang.L(p.Key()))
	}
	d.purposes.SetSelected(sel)
	d.shoot.SetText(c.Shoot)
	d.shootFrom.SetText(dateText(c.ShootFrom))
	d.shootTo.SetText(dateText(c.ShootTo))
	d.items = slices.Clone(c.MediaIDs)
	switch {
	case d.old == nil:
		d.scope.SetSelected("")
	case c.Pictures == data.ScopeItems:
		d.scope.SetSelected(d.scope.Options[scopeChosen])
	case c.ShootFrom == nil && c.ShootTo == nil:
		d.scope.SetSelected(d.scope.Options[scopeAllOfPerson])
	default:
		d.scope.SetSelected(d.scope.Options[scopeShootDates])
	}
	d.until.SetText(dateText(c.ValidUntil))
	d.informed.SetChecked(c.Informed)
	d.notes.SetText(c.Notes)
	d.showItems()
	d.showScope()
	d.showScan()
}

func dateText(d *calendar.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func (d *consentDialog) showScope() {
	if d.shootBox == nil {
		return
	}
	d.shootBox.Hide()
	d.itemsBox.Hide()
	switch slices.Index(d.scope.Options, d.scope.Selected) {
	case scopeShootDates:
		d.shootBox.Show()
		d.datesBox.Show()
	case scopeAllOfPerson:
		d.shootBox.Show()
		d.datesBox.Hide()
	case scopeChosen:
		d.itemsBox.Show()
	}
}

func (d *consentDialog) showItems() {
	if len(d.items) == 0 {
		d.itemsText.SetText(lang.L("No picture chosen"))
		return
	}
	d.itemsText.SetText(lang.N("{{.Count}} picture chosen", len(d.items), map[string]any{"Count": len(d.items)}))
}

func (d *consentDialog) showScan() {
	switch {
	case d.scanPath != "":
		d.scanText.SetText(lang.L("Attached on saving: {{.File}}", map[string]any{"File": filepath.Base(d.scanPath)}))
	case d.old != nil && d.old.FormMediaID != 0:
		d.scanText.SetText(lang.L("A scanned consent form is attached."))
	default:
		d.scanText.SetText(lang.L("No scanned form yet: a PDF or a photo of the signed paper."))
	}
}

// parseOptionalDate reads an optional date field; ok is false for text
// that is not a date.
func parseOptionalDate(s string) (*calendar.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, true
	}
	day, err := calendar.ParseDate(s)
	if err != nil {
		return nil, false
	}
	return &day, true
}

// collect reads the fields into a consent; a date that cannot be read is
// said in her words.
func (d *consentDialog) collect() (data.Consent, string) {
	var c data.Consent
	if d.old != nil {
		c = *d.old
	}
	c.PersonID = d.p.ID
	badDate := lang.L("Please write the date as 27.11.2026.")
	given, err := calendar.ParseDate(strings.TrimSpace(d.given.Text))
	if err != nil {
		return c, badDate
	}
	c.GivenOn = given
	c.Form = consentForms[max(slices.Index(d.form.Options, d.form.Selected), 0)]
	if i := slices.Index(d.givenBy.Options, d.givenBy.Selected); i >= 0 {
		c.GivenBy = givenByAll[i]
	} else {
		c.GivenBy = ""
	}
	c.Platforms = nil
	for i, p := range data.Platforms() {
		if slices.Contains(d.platforms.Selected(), d.platforms.options[i]) {
			c.Platforms = append(c.Platforms, p)
		}
	}
	c.ChannelIDs = nil
	for _, ch := range d.chanList {
		if slices.Contains(d.channels.Selected(), ch.Name) {
			c.ChannelIDs = append(c.ChannelIDs, ch.ID)
		}
	}
	c.Purposes = nil
	for i, p := range data.Purposes() {
		if slices.Contains(d.purposes.Selected(), d.purposes.options[i]) {
			c.Purposes = append(c.Purposes, p)
		}
	}
	var ok bool
	c.Pictures, c.Shoot, c.MediaIDs = data.ScopeShoot, d.shoot.Text, slices.Clone(d.items)
	c.ShootFrom, c.ShootTo = nil, nil
	switch slices.Index(d.scope.Options, d.scope.Selected) {
	case scopeChosen:
		c.Pictures = data.ScopeItems
	case scopeShootDates:
		if c.ShootFrom, ok = parseOptionalDate(d.shootFrom.Text); !ok {
			return c, badDate
		}
		if c.ShootTo, ok = parseOptionalDate(d.shootTo.Text); !ok {
			return c, badDate
		}
		if c.ShootTo == nil {
			c.ShootTo = c.ShootFrom // one day
		}
	}
	if c.ValidUntil, ok = parseOptionalDate(d.until.Text); !ok {
		return c, badDate
	}
	c.Informed, c.Notes = d.informed.Checked, d.notes.Text
	return c, ""
}

func (d *consentDialog) showProblem(s string) {
	d.problem.SetText(s)
	d.problem.Show()
}

// onSave adds (or corrects) the consent, then imports and attaches a scan
// chosen here. A refusal stays in the open dialog.
func (d *consentDialog) onSave() {
	c, problem := d.collect()
	switch {
	case problem != "":
	case d.scope.Selected == "":
		problem = lang.L("Please choose which pictures the consent covers.")
	case slices.Index(d.scope.Options, d.scope.Selected) == scopeShootDates && c.ShootFrom == nil:
		problem = lang.L("Please give the day of the shoot (from), so Feedtakt can find its pictures by the date taken.")
	}
	if problem != "" {
		d.showProblem(problem)
		return
	}
	u, scan, isNew := d.u, d.scanPath, d.old == nil
	d.save.Disable()
	u.runShown(lang.L("Saving the consent"), func(ctx context.Context, j *job) func() {
		var err error
		if isNew {
			err = u.ws.AddConsent(ctx, &c)
		} else {
			err = u.ws.CorrectConsent(ctx, &c)
		}
		var scanErr error
		if err == nil && scan != "" {
			scanErr = importConsentScan(ctx, u.ws, c.ID, scan)
		}
		return func() {
			d.save.Enable()
			var inv *data.InvalidError
			switch {
			case errors.As(err, &inv):
				d.showProblem(explain(err))
				return
			case err != nil:
				u.showError(lang.L("The consent could not be saved."), err)
				return
			}
			d.dlg.Hide()
			if d.after != nil {
				d.after()
			}
			if scanErr != nil {
				u.showError(lang.L("The consent is saved, but the scanned form could not be attached."), scanErr)
			}
		}
	})
}

// checkGrid is a set of ticks laid out in columns: thirteen channel types
// in one row would be wider than a 1366 px screen, and in one column
// taller than it.
type checkGrid struct {
	options []string
	checks  []*widget.Check
	content *fyne.Container
}

func newCheckGrid(options []string, columns int) *checkGrid {
	g := &checkGrid{options: options, content: container.NewGridWithColumns(columns)}
	for _, o := range options {
		c := widget.NewCheck(o, nil)
		g.checks = append(g.checks, c)
		g.content.Add(c)
	}
	return g
}

// Selected lists the ticked options in display order.
func (g *checkGrid) Selected() []string {
	var out []string
	for i, c := range g.checks {
		if c.Checked {
			out = append(out, g.options[i])
		}
	}
	return out
}

// SetSelected ticks exactly the options named.
func (g *checkGrid) SetSelected(names []string) {
	for i, c := range g.checks {
		c.SetChecked(slices.Contains(names, g.options[i]))
	}
}
