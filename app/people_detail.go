package app

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// personDetail is the pane beside the list: the person's details, their
// consents newest first, and where their pictures are used.
type personDetail struct {
	s       *peopleScreen
	u       *UI
	content fyne.CanvasObject
	stack   *fyne.Container
	form    fyne.CanvasObject
	hint    fyne.CanvasObject // nobody chosen

	p        data.Person // as read (ID 0: a new person)
	consents []data.Consent
	shown    bool // a person (or a new one) is in the pane
	dirty    bool // fields edited since load or save
	filling  bool // fields are being set by load, not typed

	heading   *widget.Label
	number    *widget.Label
	stateIcon *widget.Icon
	state     *widget.Label // the consent state today, as in the list
	name      *keyEntry
	role      *widget.Select
	born      *keyEntry
	bornRow   fyne.CanvasObject
	minorNote *widget.Label
	guardians *fyne.Container
	guardRows []guardianRow
	guardBox  fyne.CanvasObject
	addGuard  *widget.Button
	contact   *keyEntry
	notes     *keyEntry
	problem   *widget.Label // a validation error, in her words
	save      *widget.Button
	print     *widget.Button

	consentBox  *fyne.Container
	addConsent  *widget.Button
	consentPart fyne.CanvasObject
	usage       *fyne.Container
	usagePart   fyne.CanvasObject
	dlg         *consentDialog // the consent dialog opened last (tests look into it)
	pictures    int            // how many pictures the shown person is on
}

type guardianRow struct {
	name, contact *keyEntry
	row           fyne.CanvasObject
}

func newPersonDetail(s *peopleScreen) *personDetail {
	d := &personDetail{s: s, u: s.u}
	d.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.heading.SizeName = theme.SizeNameSubHeadingText
	d.heading.Wrapping = fyne.TextWrapWord
	d.number = widget.NewLabel("")
	d.number.SizeName = theme.SizeNameCaptionText
	changed := func(string) { d.edited() }
	d.name = newKeyEntry(false, nil)
	d.name.OnChanged = changed
	var roles []string
	for _, r := range data.Roles() {
		roles = append(roles, lang.L(r.Key()))
	}
	d.role = widget.NewSelect(roles, func(string) { d.edited(); d.showMinor() })
	d.born = newKeyEntry(false, nil)
	d.born.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	d.born.OnChanged = func(string) { d.edited(); d.showMinor() }
	d.minorNote = widget.NewLabel("")
	d.minorNote.Wrapping = fyne.TextWrapWord
	d.minorNote.SizeName = theme.SizeNameCaptionText
	d.guardians = container.NewVBox()
	d.addGuard = widget.NewButtonWithIcon(lang.L("Add guardian"), theme.ContentAddIcon(), func() {
		d.addGuardian(data.Guardian{})
		d.edited()
	})
	d.contact = newKeyEntry(true, nil)
	d.contact.SetMinRowsVisible(2)
	d.contact.SetPlaceHolder(lang.L("Phone, e-mail, department …"))
	d.contact.OnChanged = changed
	d.notes = newKeyEntry(true, nil)
	d.notes.SetMinRowsVisible(2)
	d.notes.OnChanged = changed
	d.problem = widget.NewLabel("")
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Importance = widget.DangerImportance
	d.problem.Hide()
	d.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), d.onSave)
	d.save.Importance = widget.HighImportance
	d.print = widget.NewButtonWithIcon(lang.L("Print consent form …"), theme.DocumentPrintIcon(), d.onPrint)

	field := func(caption string, o fyne.CanvasObject) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewBorder(l, nil, nil, nil, o)
	}
	// The date of birth is asked of everyone: a 16-year-old trainee or
	// visitor is a minor as much as a pupil, and the rule goes by the date.
	d.bornRow = field(lang.L("Date of birth (optional)"), container.NewBorder(nil, nil, nil, nil, d.born))
	d.guardBox = field(lang.L("Guardians"), container.NewVBox(d.guardians, container.NewHBox(d.addGuard)))
	details := container.NewVBox(
		container.NewGridWithColumns(2, field(lang.L("Name"), d.name), field(lang.L("Role"), d.role)),
		d.bornRow, d.minorNote, d.guardBox,
		// Side by side: the consents below should be in view without
		// scrolling on a 1366x768 screen.
		container.NewGridWithColumns(2, field(lang.L("Contact"), d.contact), field(lang.L("Notes"), d.notes)),
		d.problem,
		container.NewHBox(d.save, d.print),
	)

	d.consentBox = container.NewVBox()
	d.addConsent = widget.NewButtonWithIcon(lang.L("Record consent …"), theme.ContentAddIcon(), func() {
		d.dlg = d.u.openConsentDialog(d.p, nil, d.reloadAll)
	})
	d.consentPart = section(lang.L("Consents"),
		lang.L("Each consent as given, newest first. A correction is kept in the change log; what the person agrees to later is a new consent."),
		container.NewVBox(d.consentBox, container.NewHBox(d.addConsent)))
	d.usage = container.NewVBox()
	d.usagePart = section(lang.L("Pictures and posts"), "", d.usage)

	if d.u.ws != nil && d.u.ws.ReadOnly() {
		for _, b := range []*widget.Button{d.save, d.addGuard, d.addConsent} {
			b.Disable()
		}
	}
	d.stateIcon = widget.NewIcon(nil)
	d.state = widget.NewLabel("")
	d.form = container.NewVScroll(container.NewPadded(narrow(900, container.NewVBox(
		container.NewBorder(nil, nil, nil, d.number, d.heading),
		container.NewBorder(nil, nil, d.stateIcon, nil, d.state),
		details, d.consentPart, d.usagePart))))
	d.hint = emptyState(theme.AccountIcon(), lang.L("People"),
		lang.L("Choose a person on the left to see their details and consents, or record a new person."), nil)
	d.stack = container.NewStack(d.hint)
	d.content = d.stack
	return d
}

// isNew reports whether the pane holds a person not saved yet.
func (d *personDetail) isNew() bool { return d.shown && d.p.ID == 0 }

func (d *personDetail) edited() {
	if !d.filling {
		d.dirty = true
	}
}

// leave runs then when the pane may change: at once when nothing is
// unsaved, else after she agrees to drop the changes (cancelled runs when
// she keeps them).
func (d *personDetail) leave(then, cancelled func()) {
	leaveEdits(d.u, &d.dirty, d.name.Text, lang.L("the new person"), then, cancelled)
}

// showNew empties the pane for a new person.
func (d *personDetail) showNew() {
	d.pictures = 0
	d.fill(data.Person{Role: data.RoleEmployee}, nil)
	d.heading.SetText(lang.L("New person"))
	d.consentPart.Hide()
	d.usagePart.Hide()
	d.print.Hide()
	d.u.win.Canvas().Focus(d.name)
}

// load reads person id with consents, pictures and posts and shows them.
func (d *personDetail) load(id int64) {
	type facts struct {
		p        data.Person
		consents []data.Consent
		pictures []int64
		posts    []data.PostRef
	}
	fetch(d.u, func(ws *data.Workspace, ctx context.Context) (facts, error) {
		var f facts
		var err error
		if f.p, err = ws.Person(ctx, id); err != nil {
			return f, err
		}
		if f.consents, err = ws.Consents(ctx, id); err != nil {
			return f, err
		}
		if f.pictures, err = ws.PicturesOfPerson(ctx, id); err != nil {
			return f, err
		}
		f.posts, err = ws.PersonUsage(ctx, id)
		return f, err
	}, func(f facts, err error) {
		if d.s.selID != id {
			return // she chose another meanwhile
		}
		if err != nil {
			if errors.Is(err, data.ErrNotFound) {
				d.s.selID = 0
				d.shown = false
				d.stack.Objects = []fyne.CanvasObject{d.hint}
				d.stack.Refresh()
				d.s.reload()
				return
			}
			d.u.showError(lang.L("The person could not be read."), err)
			return
		}
		d.pictures = len(f.pictures)
		d.fill(f.p, f.consents)
		d.showUsage(len(f.pictures), f.posts)
	})
}

// reloadAll reads the shown person and the list again (after a consent
// was recorded, corrected or withdrawn).
func (d *personDetail) reloadAll() {
	if d.p.ID != 0 {
		d.load(d.p.ID)
	}
	d.s.reload()
}

// fill puts p into the fields.
func (d *personDetail) fill(p data.Person, consents []data.Consent) {
	d.filling = true
	defer func() { d.filling = false }()
	d.p, d.consents, d.shown, d.dirty = p, consents, true, false
	d.heading.SetText(p.Name)
	d.number.SetText("")
	if p.ID != 0 {
		d.number.SetText(lang.L("No. {{.ID}}", map[string]any{"ID": strconv.FormatInt(p.ID, 10)}))
	}
	if p.ID == 0 {
		d.stateIcon.Hide()
		d.state.Hide()
	} else {
		st := data.ListState(data.PersonStateOn(p, consents, d.u.ws.Today()), d.pictures)
		d.stateIcon.SetResource(personStateIcon(st))
		d.state.SetText(lang.L("Consent today: {{.State}}", map[string]any{"State": personStateWord(st)}))
		if st == data.PersonNoPictures {
			d.state.SetText(lang.L("No consent recorded; the person is on no picture yet."))
		}
		d.stateIcon.Show()
		d.state.Show()
	}
	d.name.SetText(p.Name)
	d.role.SetSelectedIndex(max(slices.Index(data.Roles(), p.Role), 0))
	d.born.SetText("")
	if p.BornOn != nil {
		d.born.SetText(p.BornOn.String())
	}
	d.guardians.RemoveAll()
	d.guardRows = nil
	for _, g := range p.Guardians {
		d.addGuardian(g)
	}
	d.contact.SetText(p.Contact)
	d.notes.SetText(p.Notes)
	d.problem.Hide()
	d.showMinor()
	d.showConsents()
	d.consentPart.Show()
	d.usagePart.Show()
	d.print.Show()
	d.stack.Objects = []fyne.CanvasObject{d.form}
	d.stack.Refresh()
}

// addGuardian adds a row for a guardian.
func (d *personDetail) addGuardian(g data.Guardian) {
	gr := guardianRow{name: newKeyEntry(false, nil), contact: newKeyEntry(false, nil)}
	gr.name.SetPlaceHolder(lang.L("Name"))
	gr.name.SetText(g.Name)
	gr.contact.SetPlaceHolder(lang.L("Phone or e-mail"))
	gr.contact.SetText(g.Contact)
	gr.name.OnChanged = func(string) { d.edited() }
	gr.contact.OnChanged = func(string) { d.edited() }
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i, r := range d.guardRows {
			if r.name == gr.name {
				d.guardRows = slices.Delete(d.guardRows, i, i+1)
				d.guardians.Remove(r.row)
				break
			}
		}
		d.edited()
		d.showMinor()
	})
	if d.u.ws != nil && d.u.ws.ReadOnly() {
		remove.Disable()
	}
	gr.row = container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(2, gr.name, gr.contact))
	d.guardRows = append(d.guardRows, gr)
	d.guardians.Add(gr.row)
	d.showMinor()
}

// showMinor shows the guardians where they matter: for a minor by the
// date of birth or the role, or when they were recorded anyway. The date
// of birth is shown for every role.
func (d *personDetail) showMinor() {
	role := d.selectedRole()
	born, err := calendar.ParseDate(strings.TrimSpace(d.born.Text))
	minor := role == data.RoleMinor
	if err == nil {
		minor = data.Person{Role: role, BornOn: &born}.MinorOn(d.u.ws.Today())
	}
	if minor || len(d.guardRows) > 0 {
		d.guardBox.Show()
	} else {
		d.guardBox.Hide()
	}
	switch {
	case role == data.RoleMinor && strings.TrimSpace(d.born.Text) == "":
		d.minorNote.SetText(lang.L("With the date of birth, Feedtakt knows when the guardians' consent no longer suffices (at 18 the person's own is needed)."))
		d.minorNote.Show()
	case err == nil && minor:
		d.minorNote.SetText(lang.L("Minor: the guardians must consent. Of age on {{.Date}}.",
			map[string]any{"Date": calendar.NewDate(born.Year+18, born.Month, born.Day).String()}))
		d.minorNote.Show()
	case err == nil && role == data.RoleMinor:
		d.minorNote.SetText(lang.L("Of age by the date of birth: the person's own consent is needed now."))
		d.minorNote.Show()
	default:
		d.minorNote.Hide()
	}
}

func (d *personDetail) selectedRole() data.Role {
	i := d.role.SelectedIndex()
	if i < 0 {
		return data.RoleEmployee
	}
	return data.Roles()[i]
}

// collect reads the fields into a person; a date that cannot be read is
// said in her words.
func (d *personDetail) collect() (data.Person, string) {
	p := d.p
	p.Name, p.Role = d.name.Text, d.selectedRole()
	p.BornOn = nil
	if t := strings.TrimSpace(d.born.Text); t != "" {
		born, err := calendar.ParseDate(t)
		if err != nil {
			return p, lang.L("Please write the date of birth as 27.11.2010.")
		}
		p.BornOn = &born
	}
	p.Guardians = nil
	for _, g := range d.guardRows {
		p.Guardians = append(p.Guardians, data.Guardian{Name: g.name.Text, Contact: g.contact.Text})
	}
	p.Contact, p.Notes = d.contact.Text, d.notes.Text
	return p, ""
}

// onSave saves the fields (the button and Strg+S); a validation error
// shows under the fields, which keep what she typed.
func (d *personDetail) onSave() {
	if !d.shown || d.u.ws == nil || d.u.ws.ReadOnly() {
		return
	}
	p, problem := d.collect()
	if problem != "" {
		d.showProblem(problem)
		return
	}
	d.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.SavePerson(ctx, &p) }, func(err error) {
		var inv *data.InvalidError
		switch {
		case errors.As(err, &inv):
			d.showProblem(explain(err))
		case err != nil:
			d.u.showError(lang.L("The person could not be saved."), err)
		default:
			d.dirty = false
			d.s.selID = p.ID
			d.problem.Hide()
			d.load(p.ID)
			d.s.reload()
		}
	})
}

func (d *personDetail) showProblem(s string) {
	d.problem.SetText(s)
	d.problem.Show()
}

// showConsents lists the consents, newest first, each with its state
// today.
func (d *personDetail) showConsents() {
	d.consentBox.RemoveAll()
	if len(d.consents) == 0 {
		l := widget.NewLabel(lang.L("No consent recorded. Until one is, this person's pictures cannot be approved for posting."))
		l.Wrapping = fyne.TextWrapWord
		d.consentBox.Add(l)
		return
	}
	today := d.u.ws.Today()
	for i := len(d.consents) - 1; i >= 0; i-- {
		d.consentBox.Add(d.consentCard(d.consents[i], today))
	}
}

// showUsage says on how many pictures the person is and lists the posts
// that use them.
func (d *personDetail) showUsage(pictures int, posts []data.PostRef) {
	d.usage.RemoveAll()
	d.usage.Add(widget.NewLabel(lang.N("On {{.Count}} picture", pictures, map[string]any{"Count": formatCount(pictures)}) +
		" · " + lang.N("in {{.Count}} post", len(posts), map[string]any{"Count": formatCount(len(posts))})))
	const shown = 8
	for i, r := range posts {
		if i == shown {
			d.usage.Add(widget.NewLabel(lang.L("… and {{.N}} more", map[string]any{"N": len(posts) - shown})))
			break
		}
		postID := r.ID
		l := widget.NewHyperlink(postRefText(r), nil)
		l.Wrapping = fyne.TextWrapWord
		l.OnTapped = func() { d.openPost(postID) }
		d.usage.Add(l)
	}
}

// openPost opens a post that uses the person's pictures in the editor;
// after a save the calendar and the pane are read again.
func (d *personDetail) openPost(id int64) {
	u := d.u
	fetch(u, func(ws *data.Workspace, ctx context.Context) (data.Post, error) { return ws.Post(ctx, id) },
		func(p data.Post, err error) {
			if err != nil {
				u.showError(lang.L("The post could not be opened."), err)
				return
			}
			openEditor(u, p, func() {
				u.shell.calendar.afterChange()
				d.reloadAll()
			})
		})
}
