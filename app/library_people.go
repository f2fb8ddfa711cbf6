package app

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// picturePeople is the detail pane's "Personen auf dem Bild": where the
// picture's rights stand (the rule's findings as sentences), the people
// shown (a click opens the person), "Person hinzufügen …", and the
// decision that nobody identifiable is shown. The rule is asked for any
// channel and Öffentlichkeitsarbeit; whether the picture may appear on a
// post's channels on its day, the post's editor says.
type picturePeople struct {
	d       *mediaDetail
	content fyne.CanvasObject

	badge    *rightsBadge
	state    *widget.Label   // the state in words
	findings *widget.Label   // the rule's findings, a sentence a line
	actions  *fyne.Container // per person with a problem: to the person or the withdrawal page
	rows     *fyne.Container
	add      *widget.Button
	decision *widget.RadioGroup // keine erkennbaren Personen / nur Menschenmenge
	filling  bool               // the radio is being set from the data, not by her
	scope    *widget.Label      // what an ok state is valid for
	legend   *widget.Button     // "Was die Zeichen bedeuten …"

	mediaID int64
	rights  data.PictureRights
	picker  *personPicker // the open "Person hinzufügen" dialog (tests reach it)
}

// decisionOptions are the radio's options, in the order of decisionOrder.
func decisionOptions() []string {
	return []string{lang.L("No identifiable people"), lang.L("Only a crowd, not identifiable")}
}

var decisionOrder = []data.PeopleDecision{data.DecisionNone, data.DecisionCrowd}

func newPicturePeople(d *mediaDetail) *picturePeople {
	p := &picturePeople{d: d}
	p.badge = newRightsBadge()
	p.state = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.state.Wrapping = fyne.TextWrapWord
	p.findings = widget.NewLabel("")
	p.findings.Wrapping = fyne.TextWrapWord
	p.actions = container.NewVBox()
	p.rows = container.NewVBox()
	p.add = widget.NewButtonWithIcon(lang.L("Add person …"), theme.ContentAddIcon(), p.choosePerson)
	p.decision = widget.NewRadioGroup(decisionOptions(), p.decisionChosen)
	if d.s.u.ws.ReadOnly() {
		p.add.Disable()
		p.decision.Disable()
	}
	head := widget.NewLabelWithStyle(lang.L("People in the picture"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	or := widget.NewLabel(lang.L("Or, when nobody can be recognised:"))
	or.SizeName = theme.SizeNameCaptionText
	// What an ok state is valid for, shown only then: under "ungeklärt"
	// or "fehlt" any sentence about a check reads like an all-clear.
	p.scope = widget.NewLabel(lang.L("Valid for: public relations, all channels; whether a post may use the picture, the post checks for its channels and its day."))
	p.scope.Wrapping = fyne.TextWrapWord
	p.scope.SizeName = theme.SizeNameCaptionText
	p.scope.Hide()
	p.legend = widget.NewButtonWithIcon(lang.L("What the signs mean …"), theme.InfoIcon(), func() { showRightsLegend(d.s.u.win) })
	p.legend.Importance = widget.LowImportance
	state := container.NewBorder(nil, nil, container.NewCenter(p.badge.content), nil, p.state)
	p.content = container.NewVBox(head, state, p.scope, p.findings, p.actions, p.rows, container.NewHBox(p.add), or, p.decision, container.NewHBox(p.legend))
	return p
}

// load reads the rights of item id and shows them.
func (p *picturePeople) load(id int64) {
	p.mediaID = id
	p.rights = data.PictureRights{}
	p.fill()
	fetch(p.d.s.u, func(ws *data.Workspace, ctx context.Context) (data.PictureRights, error) {
		return ws.PictureRights(ctx, id)
	},
		func(r data.PictureRights, err error) {
			if p.mediaID != id {
				return
			}
			if err != nil {
				p.state.SetText(lang.L("Could not be read."))
				return
			}
			p.rights = r
			p.fill()
			p.d.s.setRights(r)
		})
}

// fill shows p.rights: the state with its sign, the findings, the people
// with their remove buttons and the decision.
func (p *picturePeople) fill() {
	r := p.rights
	p.badge.set(r.State)
	p.state.SetText(rightsHeading(r))
	p.scope.Hidden = r.MediaID == 0 || r.State != data.RightsOK
	var lines []string
	for _, f := range r.Findings {
		lines = append(lines, message(f.Message()))
	}
	p.findings.SetText(strings.Join(lines, "\n"))
	p.findings.Hidden = len(lines) == 0
	// A way on from each person with a problem: a withdrawal to its page
	// (where the person's pictures were and will be used and what to
	// remove), a missing or ended consent to the person, where she
	// records one.
	p.actions.RemoveAll()
	var linked []int64
	for _, f := range r.Findings {
		if f.PersonID == 0 || slices.Contains(linked, f.PersonID) {
			continue
		}
		id := f.PersonID
		name, _ := f.Args["Person"].(string)
		var l *widget.Hyperlink
		switch f.Reason {
		case data.ReasonWithdrawn, data.ReasonWithdrawnLater:
			l = widget.NewHyperlink(lang.L("Edit the withdrawal of {{.Person}} …", map[string]any{"Person": name}), nil)
			l.OnTapped = func() { p.d.s.u.showWithdrawal(id) }
		case data.ReasonMissing, data.ReasonGuardians, data.ReasonOwnConsent, data.ReasonOutOfScope, data.ReasonExpired:
			l = widget.NewHyperlink(lang.L("To {{.Person}}: record a consent …", map[string]any{"Person": name}), nil)
			l.OnTapped = func() { p.d.s.u.showPerson(id) }
		default:
			continue
		}
		linked = append(linked, id)
		// A link that wraps: a long name must not widen the pane.
		l.Wrapping = fyne.TextWrapWord
		p.actions.Add(l)
	}
	p.rows.RemoveAll()
	ro := p.d.s.u.ws.ReadOnly()
	for _, person := range r.People {
		id := person.ID
		name := widget.NewHyperlink(person.Name, nil)
		name.OnTapped = func() { p.d.s.u.showPerson(id) }
		role := widget.NewLabel(lang.L(person.Role.Key()))
		// Worded, not only a minus: she must see that it takes the person
		// off this picture (the person and the consents stay).
		remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.ContentRemoveIcon(), func() { p.remove(id) })
		remove.Importance = widget.LowImportance
		if ro {
			remove.Disable()
		}
		// The name wraps: a long one must not widen the pane.
		name.Wrapping = fyne.TextWrapWord
		p.rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(role, remove), name))
	}
	p.filling = true
	switch i := slices.Index(decisionOrder, r.Decision); {
	case i >= 0:
		p.decision.SetSelected(decisionOptions()[i])
	default:
		p.decision.SetSelected("")
	}
	p.filling = false
	p.content.Refresh()
	p.d.relayout()
}

// rightsHeading is the state of a picture's rights in a sentence: what is
// decided, and whether that is in order.
func rightsHeading(r data.PictureRights) string {
	if r.MediaID == 0 {
		return ""
	}
	if r.State != data.RightsOK {
		// The worst finding names the state more closely than the badge
		// can: an ended consent is "abgelaufen", not "fehlt"; an ending
		// licence is not an ending consent.
		for _, f := range r.Findings {
			switch {
			case f.Reason == data.ReasonExpired && r.State == data.RightsMissing:
				return lang.L("Consent expired")
			case f.Reason == data.ReasonExpiring && r.State == data.RightsExpiring:
				return lang.L("Consent expiring")
			}
		}
		if r.State == data.RightsExpiring {
			return lang.L("Licence expiring")
		}
		return rightsName(r.State)
	}
	switch r.Decision {
	case data.DecisionNone:
		return lang.L("In order: no identifiable people.")
	case data.DecisionCrowd:
		return lang.L("In order: only a crowd, nobody identifiable.")
	}
	return lang.L("Consent valid: everyone shown has given a valid consent.")
}

// change runs op on the item and shows its rights read anew.
func (p *picturePeople) change(op func(ws *data.Workspace, ctx context.Context, id int64) error) {
	id := p.mediaID
	if id == 0 {
		return
	}
	var r data.PictureRights
	p.d.s.u.do(func(ws *data.Workspace, ctx context.Context) error {
		if err := op(ws, ctx, id); err != nil {
			return err
		}
		var err error
		r, err = ws.PictureRights(ctx, id)
		return err
	}, func(err error) {
		if err != nil {
			p.d.s.u.showError(lang.L("The people in the picture could not be saved."), err)
			p.load(id)
			return
		}
		p.d.s.setRights(r)
		if p.mediaID == id {
			p.rights = r
			p.fill()
		}
	})
}

func (p *picturePeople) peopleIDs() []int64 {
	var ids []int64
	for _, person := range p.rights.People {
		ids = append(ids, person.ID)
	}
	return ids
}

// remove takes a person off the picture; the last one removed leaves it
// ungeklärt.
func (p *picturePeople) remove(personID int64) {
	ids := slices.DeleteFunc(p.peopleIDs(), func(id int64) bool { return id == personID })
	p.change(func(ws *data.Workspace, ctx context.Context, id int64) error {
		return ws.SetPicturePeople(ctx, id, ids)
	})
}

// choosePerson opens the person picker; the chosen person is added.
func (p *picturePeople) choosePerson() {
	p.picker = newPersonPicker(p.d.s.u, p.peopleIDs(), false, func(chosen []int64) {
		ids := append(p.peopleIDs(), chosen...)
		p.change(func(ws *data.Workspace, ctx context.Context, id int64) error {
			return ws.SetPicturePeople(ctx, id, ids)
		})
	})
}

// decisionChosen records "keine erkennbaren Personen" or "nur
// Menschenmenge"; taking the choice back (a second click) makes the
// picture ungeklärt. People already chosen are removed, after asking.
func (p *picturePeople) decisionChosen(choice string) {
	if p.filling {
		return
	}
	dec := data.DecisionUnclear
	if i := slices.Index(decisionOptions(), choice); i >= 0 {
		dec = decisionOrder[i]
	}
	set := func() {
		p.change(func(ws *data.Workspace, ctx context.Context, id int64) error {
			return ws.SetPictureDecision(ctx, id, dec)
		})
	}
	if dec == data.DecisionUnclear && len(p.rights.People) > 0 {
		return // a radio without a choice while people are shown: nothing to take back
	}
	if n := len(p.rights.People); n > 0 {
		dialog.ShowConfirm(lang.L("Remove the people?"),
			lang.N("The picture shows {{.Count}} chosen person. Record “{{.Choice}}” and remove them from the picture?", n,
				map[string]any{"Count": n, "Choice": choice}),
			func(ok bool) {
				if ok {
					set()
					return
				}
				p.fill()
			}, p.d.s.u.win)
		return
	}
	set()
}

// personPicker is the dialog "Person hinzufügen": a search over the
// people with their role and consent state, so that two people of the
// same name are told apart. One person is chosen by a click; with multi
// (the bulk pane) several are ticked and added together.
type personPicker struct {
	u       *UI
	d       dialog.Dialog
	search  *widget.Entry
	list    *widget.List
	empty   *widget.Label
	all     []data.PersonListItem
	shown   []data.PersonListItem
	exclude []int64
	multi   bool
	ticked  map[int64]bool
	chosen  func(ids []int64)
	create  *widget.Button // "Neue Person anlegen …"
	form    dialog.Dialog  // its open form (tests reach it)
	name    *widget.Entry
	role    *widget.Select
}

func newPersonPicker(u *UI, exclude []int64, multi bool, chosen func(ids []int64)) *personPicker {
	pp := &personPicker{u: u, exclude: exclude, multi: multi, ticked: map[int64]bool{}, chosen: chosen}
	pp.search = widget.NewEntry()
	pp.search.SetPlaceHolder(lang.L("Search by name …"))
	pp.search.OnChanged = func(string) { pp.filter() }
	pp.empty = widget.NewLabel("")
	pp.empty.Wrapping = fyne.TextWrapWord
	pp.empty.Hide()
	pp.list = widget.NewList(func() int { return len(pp.shown) }, func() fyne.CanvasObject {
		name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		about := widget.NewLabel("")
		about.SizeName = theme.SizeNameCaptionText
		about.Truncation = fyne.TextTruncateEllipsis
		tick := widget.NewIcon(theme.CheckButtonIcon())
		return container.NewBorder(nil, nil, tick, nil, container.NewVBox(name, about))
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= len(pp.shown) {
			return
		}
		it := pp.shown[i]
		row := o.(*fyne.Container)
		texts := row.Objects[0].(*fyne.Container)
		texts.Objects[0].(*widget.Label).SetText(it.Name)
		texts.Objects[1].(*widget.Label).SetText(pp.about(it))
		tick := row.Objects[1].(*widget.Icon)
		tick.Hidden = !pp.multi
		if pp.ticked[it.ID] {
			tick.SetResource(theme.CheckButtonCheckedIcon())
		} else {
			tick.SetResource(theme.CheckButtonIcon())
		}
	})
	pp.list.OnSelected = func(i widget.ListItemID) {
		pp.list.UnselectAll()
		if i < len(pp.shown) {
			pp.pick(pp.shown[i].ID)
		}
	}
	// Someone not yet recorded is recorded here, without leaving the
	// picture for the Personen screen; the consent comes later, there.
	pp.create = widget.NewButtonWithIcon(lang.L("Create new person …"), theme.ContentAddIcon(), pp.newPerson)
	if u.ws.ReadOnly() {
		pp.create.Disable()
	}
	body := container.NewBorder(container.NewVBox(pp.search, pp.empty), container.NewHBox(pp.create), nil, nil, pp.list)
	sized := container.NewGridWrap(fyne.NewSize(460, 380), body)
	if multi {
		pp.d = dialog.NewCustomConfirm(lang.L("Add people"), lang.L("Add"), lang.L("Cancel"), sized, func(ok bool) {
			if ok {
				pp.done()
			}
		}, u.win)
	} else {
		pp.d = dialog.NewCustom(lang.L("Add person"), lang.L("Cancel"), sized, u.win)
	}
	pp.d.Show()
	u.win.Canvas().Focus(pp.search)
	fetch(u, func(ws *data.Workspace, ctx context.Context) ([]data.PersonListItem, error) {
		return ws.People(ctx, data.PeopleQuery{})
	}, func(all []data.PersonListItem, err error) {
		if err != nil {
			pp.empty.SetText(lang.L("Could not be read."))
			pp.empty.Show()
			return
		}
		pp.all = slices.DeleteFunc(all, func(it data.PersonListItem) bool { return slices.Contains(exclude, it.ID) })
		pp.filter()
	})
	return pp
}

// about is a person's second line: role and consent state, and for two
// people of the same name their contact or number.
func (pp *personPicker) about(it data.PersonListItem) string {
	parts := []string{lang.L(it.Role.Key()), lang.L("Consent today: {{.State}}", map[string]any{"State": personStateWord(it.State)})}
	twin := slices.ContainsFunc(pp.all, func(o data.PersonListItem) bool {
		return o.ID != it.ID && strings.EqualFold(o.Name, it.Name)
	})
	if twin {
		if it.Contact != "" {
			parts = append(parts, strings.ReplaceAll(it.Contact, "\n", ", "))
		}
		parts = append(parts, lang.L("No. {{.ID}}", map[string]any{"ID": it.ID}))
	}
	return strings.Join(parts, " · ")
}

// filter shows the people whose name contains the search (umlauts and
// case as typed; a few hundred people).
func (pp *personPicker) filter() {
	text := strings.ToLower(strings.TrimSpace(pp.search.Text))
	pp.shown = pp.shown[:0]
	for _, it := range pp.all {
		if strings.Contains(strings.ToLower(it.Name), text) {
			pp.shown = append(pp.shown, it)
		}
	}
	switch {
	case len(pp.all) == 0:
		pp.empty.SetText(lang.L("No people recorded yet (or everyone is already in the picture). People are recorded under “People” in the navigation."))
		pp.empty.Show()
	case len(pp.shown) == 0:
		pp.empty.SetText(lang.L("Nobody of that name."))
		pp.empty.Show()
	default:
		pp.empty.Hide()
	}
	pp.list.Refresh()
}

// newPerson asks for the new person's name (what she searched for) and
// role, records the person and chooses them.
func (pp *personPicker) newPerson() {
	pp.name = widget.NewEntry()
	pp.name.SetText(strings.TrimSpace(pp.search.Text))
	var roles []string
	for _, r := range data.Roles() {
		roles = append(roles, lang.L(r.Key()))
	}
	pp.role = widget.NewSelect(roles, nil)
	pp.role.PlaceHolder = lang.L("Choose a role …")
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Name"), pp.name), widget.NewFormItem(lang.L("Role"), pp.role)}
	pp.form = dialog.NewForm(lang.L("Create new person"), lang.L("Create and add"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			pp.createPerson()
		}
	}, pp.u.win)
	pp.form.Resize(fyne.NewSize(420, 0))
	pp.form.Show()
	pp.u.win.Canvas().Focus(pp.name)
}

// createPerson records the person of the form and chooses them.
func (pp *personPicker) createPerson() {
	person := data.Person{Name: pp.name.Text}
	if i := pp.role.SelectedIndex(); i >= 0 {
		person.Role = data.Roles()[i]
	}
	pp.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.SavePerson(ctx, &person) }, func(err error) {
		if err != nil {
			pp.u.showError(lang.L("The person could not be saved."), err)
			return
		}
		pp.all = append(pp.all, data.PersonListItem{Person: person, State: data.PersonMissing})
		if pp.multi {
			pp.ticked[person.ID] = true
			pp.search.SetText(person.Name)
			pp.filter()
			return
		}
		pp.pick(person.ID)
	})
}

// pick chooses a person: at once, or ticked for "Hinzufügen".
func (pp *personPicker) pick(id int64) {
	if pp.multi {
		pp.ticked[id] = !pp.ticked[id]
		pp.list.Refresh()
		return
	}
	pp.d.Hide()
	pp.chosen([]int64{id})
}

func (pp *personPicker) done() {
	var ids []int64
	for _, it := range pp.all {
		if pp.ticked[it.ID] {
			ids = append(ids, it.ID)
		}
	}
	if len(ids) > 0 {
		pp.chosen(ids)
	}
}
