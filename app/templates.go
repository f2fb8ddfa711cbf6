package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/caption"
)

// templatesScreen is the Vorlagen screen: her caption templates, hashtag
// sets and snippets in a searchable list, one kind at a time, and the one
// chosen edited in the pane on the right — so no caption starts from a
// blank page.
type templatesScreen struct {
	u       *UI
	content fyne.CanvasObject

	kind   data.TemplateKind
	kinds  []*widget.Button // the segmented choice of the kind, in templateKinds' order
	search *widget.Entry
	add    *widget.Button
	dup    *widget.Button
	del    *widget.Button
	list   *widget.List
	body   *fyne.Container // the list, an empty state or "nothing matches"
	empty  map[data.TemplateKind]fyne.CanvasObject
	none   fyne.CanvasObject
	pane   *templatePane

	all      []data.Template // every kind, as read
	items    []data.Template // the listed ones: this kind, matching the search
	look     lookups         // channels and topics, read with the list
	limits   map[data.Platform]caption.Limits
	settings data.Settings
	selID    int64 // the template shown in the pane
	loading  bool  // the list is being set; selecting rows is ours, not hers
}

// templateKinds are the kinds in the order of the choice above the list.
var templateKinds = []data.TemplateKind{data.KindCaption, data.KindHashtags, data.KindSnippet}

// templateKindName is the plural word for a kind, for the choice and the
// counts.
func templateKindName(k data.TemplateKind) string {
	switch k {
	case data.KindHashtags:
		return lang.L("Hashtag sets")
	case data.KindSnippet:
		return lang.L("Snippets")
	}
	return lang.L("Caption templates")
}

func newTemplatesScreen(u *UI) *templatesScreen {
	s := &templatesScreen{u: u, kind: data.KindCaption, empty: map[data.TemplateKind]fyne.CanvasObject{}}
	ro := u.ws != nil && u.ws.ReadOnly()
	for _, k := range templateKinds {
		b := widget.NewButton(templateKindName(k), func() { s.onKind(k) })
		s.kinds = append(s.kinds, b)
	}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("Search name and text …"))
	s.search.OnChanged = func(string) { s.filter() }
	s.add = widget.NewButtonWithIcon(lang.L("New"), theme.ContentAddIcon(), s.onNew)
	s.add.Importance = widget.HighImportance
	s.dup = widget.NewButtonWithIcon(lang.L("Duplicate"), theme.ContentCopyIcon(), s.onDuplicate)
	s.del = widget.NewButtonWithIcon(lang.L("Delete …"), theme.DeleteIcon(), s.onDelete)

	s.list = widget.NewList(func() int { return len(s.items) }, func() fyne.CanvasObject { return newTemplateRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.items) {
				o.(*templateRow).set(s.items[i], s)
			}
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if s.loading || i >= len(s.items) {
			return
		}
		id := s.items[i].ID
		if id == s.selID {
			return
		}
		s.pane.leave(func() { s.open(id) }, s.selectRow)
	}
	s.pane = newTemplatePane(s)

	for _, k := range templateKinds {
		var title, text string
		switch k {
		case data.KindCaption:
			title = lang.L("No caption templates yet")
			text = lang.L("A template fills a post's title and text – with placeholders such as {Datum} or {Ort}, and with its own shorter text for X or Bluesky where needed.")
		case data.KindHashtags:
			title = lang.L("No hashtag sets yet")
			text = lang.L("A hashtag set is a list of hashtags for one subject, e.g. “Ausbildung”. A template’s {Hashtags} puts it in, cut to what each platform allows.")
		case data.KindSnippet:
			title = lang.L("No snippets yet")
			text = lang.L("Snippets are pieces of text you use again and again: a signature per channel, “Jetzt bewerben: {Link}”, the data-protection line, the office’s address. The post editor inserts them at the cursor.")
		}
		// The list's own Neu sits right below: a second one here would
		// stand just above it.
		s.empty[k] = emptyState(theme.DocumentIcon(), title, text, nil)
	}
	s.none = container.NewCenter(widget.NewLabel(lang.L("Nothing matches the search.")))
	s.body = container.NewStack(s.list)
	if ro {
		s.add.Disable()
	}
	s.showKind()

	choice := container.NewGridWithColumns(len(s.kinds))
	for _, b := range s.kinds {
		choice.Add(b)
	}
	buttons := container.NewHBox(s.add, s.dup, s.del)
	left := container.NewBorder(container.NewVBox(choice, s.search), buttons, nil, nil, s.body)
	split := container.NewHSplit(left, s.pane.content)
	split.Offset = 0.3
	s.content = split
	return s
}

// onKind shows the list of another kind; the pane keeps what it shows.
func (s *templatesScreen) onKind(k data.TemplateKind) {
	if s.kind == k {
		return
	}
	s.kind = k
	s.showKind()
	s.filter()
}

// showKind marks the chosen kind and names the counts.
func (s *templatesScreen) showKind() {
	n := map[data.TemplateKind]int{}
	for _, t := range s.all {
		n[t.Kind]++
	}
	for i, k := range templateKinds {
		b := s.kinds[i]
		b.SetText(templateKindName(k) + " (" + formatCount(n[k]) + ")")
		if k == s.kind {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
}

// reload reads the templates, channels, topics and limits again; called
// when the screen is shown and after every change.
func (s *templatesScreen) reload() {
	if s.u.ws == nil {
		return
	}
	type result struct {
		all      []data.Template
		look     lookups
		limits   map[data.Platform]caption.Limits
		settings data.Settings
	}
	fetch(s.u, func(ws *data.Workspace, ctx context.Context) (result, error) {
		var r result
		var err error
		if r.all, err = ws.Templates(ctx, ""); err != nil {
			return r, err
		}
		if r.look, err = loadLookups(ctx, ws); err != nil {
			return r, err
		}
		if r.limits, err = ws.PlatformLimits(ctx); err != nil {
			return r, err
		}
		r.settings, err = ws.Settings(ctx)
		return r, err
	}, func(r result, err error) {
		if err != nil {
			s.u.showError(lang.L("The templates could not be read."), err)
			return
		}
		s.all, s.look, s.limits, s.settings = r.all, r.look, r.limits, r.settings
		s.showKind()
		s.filter()
		s.pane.refreshChoices()
	})
}

// filter lists the templates of the chosen kind that match the search in
// name, title, text, variants or notes; no database needed.
func (s *templatesScreen) filter() {
	q := s.search.Text
	s.items = s.items[:0]
	total := 0
	for _, t := range s.all {
		if t.Kind != s.kind {
			continue
		}
		total++
		if templateMatches(t, q) {
			s.items = append(s.items, t)
		}
	}
	switch {
	case total == 0:
		s.body.Objects = []fyne.CanvasObject{s.empty[s.kind]}
	case len(s.items) == 0:
		s.body.Objects = []fyne.CanvasObject{s.none}
	default:
		s.body.Objects = []fyne.CanvasObject{s.list}
	}
	s.body.Refresh()
	s.list.Refresh()
	s.selectRow()
	s.showButtons()
}

// templateMatches says whether t holds q in its name, texts or notes —
// its own texts per channel included — by data's rule (case ignored,
// umlauts matched with their vowels).
func templateMatches(t data.Template, q string) bool {
	if t.Matches(q) {
		return true
	}
	for _, v := range t.Variants {
		if (data.Template{Body: v.Body}).Matches(q) {
			return true
		}
	}
	return false
}

// showButtons enables Duplizieren and Löschen for a saved template in the
// pane.
func (s *templatesScreen) showButtons() {
	if s.u.ws == nil || s.u.ws.ReadOnly() || s.pane.t.ID == 0 || !s.pane.shown {
		s.dup.Disable()
		s.del.Disable()
		return
	}
	s.dup.Enable()
	s.del.Enable()
}

// selectRow marks the shown template in the list (or nothing), without
// opening anything.
func (s *templatesScreen) selectRow() {
	s.loading = true
	defer func() { s.loading = false }()
	for i, t := range s.items {
		if t.ID == s.selID {
			s.list.Select(i)
			s.list.ScrollTo(i)
			return
		}
	}
	s.list.UnselectAll()
}

// open shows template id in the pane.
func (s *templatesScreen) open(id int64) {
	s.selID = id
	s.pane.load(id)
	s.selectRow()
}

// onNew starts a new template of the listed kind in the pane.
func (s *templatesScreen) onNew() {
	if s.u.ws == nil || s.u.ws.ReadOnly() {
		return
	}
	kind := s.kind
	s.pane.leave(func() {
		s.selID = 0
		s.list.UnselectAll()
		s.pane.showNew(kind)
		s.showButtons()
	}, nil)
}

// onDuplicate copies the shown template ("Name (Kopie)") and opens the copy.
func (s *templatesScreen) onDuplicate() {
	id := s.pane.t.ID
	if id == 0 || s.u.ws.ReadOnly() {
		return
	}
	s.pane.leave(func() {
		fetch(s.u, func(ws *data.Workspace, ctx context.Context) (data.Template, error) {
			return ws.DuplicateTemplate(ctx, id)
		},
			func(t data.Template, err error) {
				if err != nil {
					s.u.showError(lang.L("The template could not be duplicated."), err)
					return
				}
				s.open(t.ID)
				s.reload()
			})
	}, nil)
}

// onDelete asks, naming the template, and deletes it; what was made from
// it keeps its text.
func (s *templatesScreen) onDelete() {
	t := s.pane.t
	if t.ID == 0 || s.u.ws.ReadOnly() {
		return
	}
	var question string
	switch t.Kind {
	case data.KindHashtags:
		question = lang.L("Delete the hashtag set “{{.Name}}”? Texts that already hold its hashtags keep them; posts and templates whose {Hashtags} stands for this set have no set afterwards.", map[string]any{"Name": t.Name})
	case data.KindSnippet:
		question = lang.L("Delete the snippet “{{.Name}}”? Posts it was inserted into keep their text.", map[string]any{"Name": t.Name})
	default:
		question = lang.L("Delete the caption template “{{.Name}}”? Posts made from it keep their text; a series that starts from it starts without a template afterwards.", map[string]any{"Name": t.Name})
	}
	ws := s.u.ws
	s.u.confirmDelete(lang.L("Delete template?"), question, lang.L("The template could not be deleted."),
		func(ctx context.Context) error { return ws.DeleteTemplate(ctx, t.ID) },
		func(deleted bool) {
			if !deleted {
				return
			}
			if s.pane.t.ID == t.ID {
				s.selID = 0
				s.pane.clear()
			}
			s.reload()
		})
}

// templateRow is a row of the list: the Rubrik's colour, the name, and
// below it Rubrik, channels and the first line of the text (the tags of a
// set).
type templateRow struct {
	widget.BaseWidget
	colour *canvas.Rectangle
	name   *widget.Label
	about  *widget.Label
	text   *widget.Label
}

func newTemplateRow() fyne.CanvasObject {
	r := &templateRow{colour: canvas.NewRectangle(theme.Color(theme.ColorNameDisabled)),
		name:  widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		about: widget.NewLabel(""), text: widget.NewLabel("")}
	r.colour.SetMinSize(fyne.NewSize(6, 0))
	r.colour.CornerRadius = 3
	for _, l := range []*widget.Label{r.name, r.about, r.text} {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	r.about.SizeName = theme.SizeNameCaptionText
	r.text.SizeName = theme.SizeNameCaptionText
	r.ExtendBaseWidget(r)
	return r
}

func (r *templateRow) CreateRenderer() fyne.WidgetRenderer {
	text := container.New(&tightVBox{}, r.name, r.about, r.text)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.colour, nil, text))
}

// set shows t with the names of its Rubrik and channels.
func (r *templateRow) set(t data.Template, s *templatesScreen) {
	r.name.SetText(t.Name)
	var about []string
	if tp, ok := s.look.topicByID[t.TopicID]; ok && t.TopicID != 0 {
		about = append(about, tp.Name)
		r.colour.FillColor = parseHex(tp.Color)
	} else {
		r.colour.FillColor = theme.Color(theme.ColorNameSeparator)
	}
	r.colour.Refresh()
	about = append(about, templateChannels(s.look, t.Channels))
	if t.Kind == data.KindCaption && len(t.Variants) > 0 {
		about = append(about, lang.N("{{.Count}} own channel text", len(t.Variants), map[string]any{"Count": len(t.Variants)}))
	}
	r.about.SetText(strings.Join(about, " · "))
	r.text.SetText(firstTextLine(t.Body))
}

// templateChannels names a template's channels short, or says it is meant
// for all.
func templateChannels(look lookups, ids []int64) string {
	if len(ids) == 0 {
		return lang.L("all channels")
	}
	if names := channelNames(look, ids); names != "" {
		return names
	}
	return lang.L("all channels")
}

// firstTextLine is the first non-empty line of a text, for the list.
func firstTextLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}
