package app

import (
	"context"
	"strconv"
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

// peopleScreen lists the people who appear in pictures, with the state of
// their consent, and edits the one chosen in the pane on the right: her
// paper folder of Einwilligungen, searchable.
type peopleScreen struct {
	u       *UI
	content fyne.CanvasObject

	search *widget.Entry
	filter *widget.Select
	add    *widget.Button
	count  *widget.Label
	list   *widget.List
	body   *fyne.Container // the list, or an explanation when there is nobody
	empty  fyne.CanvasObject
	none   fyne.CanvasObject // no match for search and filter
	detail *personDetail

	items    []data.PersonListItem
	channels []data.Channel  // for the consents' scope, read with the list
	twins    map[string]bool // names that more than one listed person has
	total    int             // people in the workspace, whatever the search
	selID    int64           // the person shown in the pane
	loading  bool            // a list is being read; selecting rows is ours, not hers
}

// peopleFilters are the filter choices in display order.
var peopleFilters = []data.PersonFilter{data.PeopleAll, data.PeopleMissing, data.PeopleExpiring, data.PeopleWithdrawn}

func peopleFilterName(f data.PersonFilter) string {
	switch f {
	case data.PeopleMissing:
		return lang.L("Consent missing")
	case data.PeopleExpiring:
		return lang.L("Ends within 30 days")
	case data.PeopleWithdrawn:
		return lang.L("Withdrawn")
	}
	return lang.L("All people")
}

func newPeopleScreen(u *UI) *peopleScreen {
	p := &peopleScreen{u: u}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(lang.L("Search by name …"))
	p.search.OnChanged = func(string) { p.reload() }
	var names []string
	for _, f := range peopleFilters {
		names = append(names, peopleFilterName(f))
	}
	p.filter = widget.NewSelect(names, func(string) { p.reload() })
	p.filter.SetSelectedIndex(0)
	p.add = widget.NewButtonWithIcon(lang.L("New person …"), theme.ContentAddIcon(), p.onNew)
	p.add.Importance = widget.HighImportance
	p.count = widget.NewLabel("")
	p.count.SizeName = theme.SizeNameCaptionText

	p.list = widget.NewList(func() int { return len(p.items) }, func() fyne.CanvasObject { return newPersonRow(u.ws.Today()) }, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(p.items) {
			o.(*personRow).set(p.items[i], p.twins[p.items[i].Name])
		}
	})
	p.list.OnSelected = func(i widget.ListItemID) {
		if p.loading || i >= len(p.items) {
			return
		}
		id := p.items[i].ID
		if id == p.selID {
			return
		}
		p.detail.leave(func() { p.open(id) }, func() { p.selectRow() })
	}
	p.detail = newPersonDetail(p)

	p.empty = emptyState(theme.AccountIcon(), lang.L("Nobody recorded yet"),
		lang.L("Record here the people who appear in your pictures, with their consents: when they were given, for which channels and purposes, until when, and the signed form. Feedtakt then checks for every planned post whether everyone shown may appear on its channels, and helps when someone withdraws."),
		nil)
	emptyAdd := widget.NewButtonWithIcon(lang.L("New person …"), theme.ContentAddIcon(), p.onNew)
	emptyAdd.Importance = widget.HighImportance
	p.empty = container.NewBorder(nil, container.NewCenter(emptyAdd), nil, nil, p.empty)
	p.none = container.NewCenter(widget.NewLabel(lang.L("Nobody matches the search and filter.")))
	p.body = container.NewStack(p.list)

	if u.ws != nil && u.ws.ReadOnly() {
		p.add.Disable()
		emptyAdd.Disable()
	}
	bar := container.NewBorder(nil, nil, nil, p.add, p.search)
	filterRow := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Show:")), p.count, p.filter)
	left := container.NewBorder(container.NewVBox(bar, filterRow), nil, nil, nil, p.body)
	left = container.NewBorder(nil, container.NewHBox(withdrawalsButton(u)), nil, nil, left) // Erledigte Widerrufe …: back to a checklist after an erasure
	split := container.NewHSplit(left, p.detail.content)
	split.Offset = 0.38
	p.content = split
	return p
}

// query is what the search field and the filter ask for.
func (p *peopleScreen) query() data.PeopleQuery {
	i := max(p.filter.SelectedIndex(), 0)
	return data.PeopleQuery{Text: p.search.Text, Filter: peopleFilters[i]}
}

// reload reads the list again; called when the screen is shown and after
// every change.
func (p *peopleScreen) reload() {
	if p.u.ws == nil {
		return
	}
	q := p.query()
	type result struct {
		items    []data.PersonListItem
		total    int
		channels []data.Channel
	}
	fetch(p.u, func(ws *data.Workspace, ctx context.Context) (result, error) {
		items, err := ws.People(ctx, q)
		if err != nil {
			return result{}, err
		}
		all, err := ws.People(ctx, data.PeopleQuery{})
		if err != nil {
			return result{}, err
		}
		chans, err := ws.Channels(ctx)
		return result{items, len(all), chans}, err
	}, func(r result, err error) {
		if err != nil {
			p.u.showError(lang.L("The people could not be read."), err)
			return
		}
		if q != p.query() {
			return // she typed on; a newer read follows
		}
		p.items, p.total, p.channels = r.items, r.total, r.channels
		seen := map[string]bool{}
		p.twins = map[string]bool{}
		for _, it := range r.items {
			p.twins[it.Name] = seen[it.Name]
			seen[it.Name] = true
		}
		p.count.SetText(lang.N("{{.Count}} person", len(r.items), map[string]any{"Count": formatCount(len(r.items))}))
		switch {
		case r.total == 0:
			p.body.Objects = []fyne.CanvasObject{p.empty}
		case len(r.items) == 0:
			p.body.Objects = []fyne.CanvasObject{p.none}
		default:
			p.body.Objects = []fyne.CanvasObject{p.list}
		}
		p.body.Refresh()
		p.list.Refresh()
		p.selectRow()
	})
}

// selectRow marks the shown person in the list (or nothing), without
// opening anything.
func (p *peopleScreen) selectRow() {
	p.loading = true
	defer func() { p.loading = false }()
	for i, it := range p.items {
		if it.ID == p.selID {
			p.list.Select(i)
			p.list.ScrollTo(i)
			return
		}
	}
	p.list.UnselectAll()
}

// open shows person id in the pane.
func (p *peopleScreen) open(id int64) {
	p.selID = id
	p.detail.load(id)
	p.selectRow()
}

// onNew starts a new person in the pane.
func (p *peopleScreen) onNew() {
	if p.u.ws == nil || p.u.ws.ReadOnly() {
		return
	}
	p.detail.leave(func() {
		p.selID = 0
		p.list.UnselectAll()
		p.detail.showNew()
	}, nil)
}

// showPerson switches to the Personen screen with the person opened; a
// search or filter that hides the person is cleared.
func (u *UI) showPerson(personID int64) {
	if u.shell == nil || u.shell.people == nil {
		return
	}
	p := u.shell.people
	u.shell.selectScreen(screenPeople)
	p.detail.leave(func() {
		visible := false
		for _, it := range p.items {
			visible = visible || it.ID == personID
		}
		if !visible && (p.search.Text != "" || p.filter.SelectedIndex() != 0) {
			p.search.OnChanged, p.filter.OnChanged = nil, nil
			p.search.SetText("")
			p.filter.SetSelectedIndex(0)
			p.search.OnChanged = func(string) { p.reload() }
			p.filter.OnChanged = func(string) { p.reload() }
		}
		p.open(personID)
		p.reload()
	}, nil)
}

// personRow is a row of the list: the state as icon and word (told apart
// without colour), the name, and role, age and number below, so two
// people of the same name can be told apart.
type personRow struct {
	widget.BaseWidget
	icon  *widget.Icon
	name  *widget.Label
	about *widget.Label
	state *widget.Label
	today calendar.Date
}

func newPersonRow(today calendar.Date) fyne.CanvasObject {
	r := &personRow{today: today, icon: widget.NewIcon(nil), name: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		about: widget.NewLabel(""), state: widget.NewLabel("")}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.about.Truncation = fyne.TextTruncateEllipsis
	r.about.SizeName = theme.SizeNameCaptionText
	r.ExtendBaseWidget(r)
	return r
}

func (r *personRow) CreateRenderer() fyne.WidgetRenderer {
	text := container.New(&tightVBox{}, r.name, r.about)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.icon, r.state, text))
}

// set shows it; twin says another listed person has the same name, so
// the number tells them apart.
func (r *personRow) set(it data.PersonListItem, twin bool) {
	r.icon.SetResource(personStateIcon(it.State))
	r.name.SetText(it.Name)
	r.about.SetText(personAbout(it.Person, r.today, twin))
	r.state.SetText(personStateWord(it.State))
	r.state.Importance = personStateImportance(it.State)
	r.Refresh() // lays the row out again: the state word's width changed
}

// tightVBox stacks its objects without the theme's padding between them,
// for a name with a caption line under it.
type tightVBox struct{}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	pad := theme.Padding()
	for _, o := range objs {
		h := o.MinSize().Height - pad
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h+pad))
		y += h
	}
}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	pad := theme.Padding()
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height - pad
	}
	return s.AddWidthHeight(0, pad)
}

// personAbout is the caption under a name: role, for a minor the
// guardians, and the number that tells two people of the same name apart.
func personAbout(p data.Person, today calendar.Date, number bool) string {
	s := lang.L(p.Role.Key())
	if p.MinorOn(today) {
		// The role Kind/Jugendliche/r says it already.
		if p.Role != data.RoleMinor {
			s += " · " + lang.L("minor")
		}
		if n := len(p.Guardians); n > 0 {
			s += " · " + lang.N("{{.Count}} guardian", n, map[string]any{"Count": n})
		} else {
			s += " · " + lang.L("no guardian recorded")
		}
	}
	if number {
		s += " · " + lang.L("No. {{.ID}}", map[string]any{"ID": strconv.FormatInt(p.ID, 10)})
	}
	return s
}

// personStateWord names the state of a person's consent with the short
// words used everywhere (gültig, fehlt, widerrufen, läuft ab), and "auf
// keinem Bild" for a person without consent who is on no picture.
func personStateWord(s data.PersonState) string {
	switch s {
	case data.PersonOK:
		return lang.L("valid")
	case data.PersonExpiring:
		return lang.L("ends soon")
	case data.PersonWithdrawn:
		return lang.L("withdrawn")
	case data.PersonNoPictures:
		return lang.L("on no picture")
	}
	return lang.L("missing")
}

// personStateIcon draws the state in a shape of its own (tick, clock,
// cross, error sign), so it reads in greyscale and for colour-blind eyes
// too; the colour only repeats it. A person on no picture is grey: there
// is nothing to do yet.
func personStateIcon(s data.PersonState) fyne.Resource {
	switch s {
	case data.PersonOK:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case data.PersonExpiring:
		return theme.NewWarningThemedResource(theme.HistoryIcon())
	case data.PersonWithdrawn:
		return theme.NewErrorThemedResource(theme.CancelIcon())
	case data.PersonNoPictures:
		return theme.NewDisabledResource(theme.MediaPhotoIcon())
	}
	return theme.NewErrorThemedResource(theme.ErrorIcon())
}

// personStateImportance colours the state word: grey for a person on no
// picture, the theme's text colour else (the icon carries the colour).
func personStateImportance(s data.PersonState) widget.Importance {
	if s == data.PersonNoPictures {
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// leaveEdits is how a pane with unsaved edits is left (Personen,
// Vorlagen): then runs at once when nothing is unsaved or the workspace is
// read-only, else after she agrees to drop the changes to name (unnamed
// when it has none yet), which clears dirty; cancelled runs when she keeps
// them.
func leaveEdits(u *UI, dirty *bool, name, unnamed string, then, cancelled func()) {
	if !*dirty || (u.ws != nil && u.ws.ReadOnly()) {
		then()
		return
	}
	if name = strings.TrimSpace(name); name == "" {
		name = unnamed
	}
	confirmDiscard(u, name, func() {
		*dirty = false
		then()
	}, cancelled)
}

// confirmDiscard asks whether unsaved changes of name may be dropped.
func confirmDiscard(u *UI, name string, yes, no func()) {
	dialog.ShowConfirm(lang.L("Discard changes?"),
		lang.L("The changes to {{.Name}} are not saved. Discard them?", map[string]any{"Name": name}), func(ok bool) {
			if ok {
				yes()
			} else if no != nil {
				no()
			}
		}, u.win)
}
