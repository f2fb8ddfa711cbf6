package app

import (
	"context"
	"encoding/json"
	"errors"
	"image/color"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/caption"
)

// templatePane is the pane beside the Vorlagen list: one template, hashtag
// set or snippet with the fields of its kind, the notes on its
// placeholders while she types, and for a caption template a preview for
// one channel with that platform's count.
type templatePane struct {
	s       *templatesScreen
	u       *UI
	content fyne.CanvasObject
	stack   *fyne.Container
	form    fyne.CanvasObject
	hint    fyne.CanvasObject // nothing chosen

	t       data.Template // as read (ID 0: a new one)
	shown   bool          // a template (or a new one) is in the pane
	dirty   bool          // fields edited since load or save
	filling bool          // fields are being set by load, not typed

	heading    *widget.Label
	kindLabel  *widget.Label
	name       *keyEntry
	title      *keyEntry
	titleRow   fyne.CanvasObject
	topic      *widget.Select
	topicIDs   []int64 // beside topic's options, after "(keine)"
	topicRow   fyne.CanvasObject
	channels   *fyne.Container
	chanIDs    []int64
	checks     []*widget.Check
	bodyHead   *widget.Label
	body       *templateEntry
	bodyHint   *widget.Label
	insert     *widget.Button // Platzhalter einfügen
	insertRow  fyne.CanvasObject
	notesText  *fyne.Container // CheckTemplate's notes under the text
	tagInfo    *fyne.Container // a hashtag set's tags as stored, and what was changed
	hashSet    *widget.Select
	hashIDs    []int64 // beside hashSet's options, after "(keins)"
	hashRow    fyne.CanvasObject
	captionRow fyne.CanvasObject // title and hashtag set: a caption template's

	variants    *fyne.Container
	variantRows []*variantRow
	addVariant  *widget.Button
	variantPart fyne.CanvasObject

	notes *keyEntry

	previewPart  fyne.CanvasObject
	previewChan  *widget.Select
	previewIDs   []int64
	previewText  *widget.Label
	previewCount *widget.Label
	previewNote  *widget.Label

	problem *widget.Label // a refusal of the data layer, in her words
	save    *widget.Button

	fields *fyne.Container // the fields, one below the other
	scroll *container.Scroll

	target *templateEntry // where Platzhalter einfügen inserts: the text last focused
}

// variantRow is a caption template's own text for one channel.
type variantRow struct {
	channelID int64
	text      *templateEntry
	row       fyne.CanvasObject
}

// templateEntry is a multi-line text field of the pane that tells the pane
// when it gets the focus, so the placeholder menu inserts where she was
// writing.
type templateEntry struct {
	keyEntry
	onFocus func()
}

func newTemplateEntry(rows int) *templateEntry {
	e := &templateEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained remembers this field as the place to insert into.
func (e *templateEntry) FocusGained() {
	if e.onFocus != nil {
		e.onFocus()
	}
	e.Entry.FocusGained()
}

// insertAt puts text at the field's cursor (replacing a selection) the way
// pasting does, so Strg+Z takes it back.
func (e *templateEntry) insertAt(text string) {
	e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: &textClipboard{text}})
}

// textClipboard is a clipboard holding one text, for insertAt.
type textClipboard struct{ s string }

func (c *textClipboard) Content() string     { return c.s }
func (c *textClipboard) SetContent(s string) { c.s = s }

func newTemplatePane(s *templatesScreen) *templatePane {
	d := &templatePane{s: s, u: s.u}
	d.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.heading.SizeName = theme.SizeNameSubHeadingText
	d.heading.Wrapping = fyne.TextWrapWord
	d.kindLabel = widget.NewLabel("")
	d.kindLabel.SizeName = theme.SizeNameCaptionText
	changed := func(string) { d.edited() }
	d.name = newKeyEntry(false, nil)
	d.name.OnChanged = func(string) { d.edited() }
	d.title = newKeyEntry(false, nil)
	d.title.SetPlaceHolder(lang.L("empty: the post keeps its title"))
	d.title.OnChanged = func(string) { d.edited(); d.showChecks() }
	d.topic = widget.NewSelect(nil, func(string) { d.edited(); d.showPreview() })
	d.channels = container.NewGridWrap(fyne.NewSize(150, 36))
	d.body = newTemplateEntry(7)
	d.body.onFocus = func() { d.target = d.body }
	d.body.OnChanged = func(string) { d.edited(); d.showChecks() }
	d.target = d.body
	d.bodyHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.bodyHint = widget.NewLabel("")
	d.bodyHint.Wrapping = fyne.TextWrapWord
	d.bodyHint.SizeName = theme.SizeNameCaptionText
	d.insert = widget.NewButtonWithIcon(lang.L("Insert placeholder"), theme.ContentAddIcon(), d.onInsertMenu)
	d.notesText = container.NewVBox()
	d.tagInfo = container.NewVBox()
	d.hashSet = widget.NewSelect(nil, func(string) { d.edited(); d.showPreview() })
	d.variants = container.NewVBox()
	d.addVariant = widget.NewButtonWithIcon(lang.L("Own text for channel …"), theme.ContentAddIcon(), d.onAddVariantMenu)
	d.notes = newKeyEntry(true, nil)
	d.notes.SetMinRowsVisible(2)
	d.notes.SetPlaceHolder(lang.L("For you and colleagues: when to use it, what to check …"))
	d.notes.OnChanged = changed
	d.previewChan = widget.NewSelect(nil, func(string) { d.showPreview() })
	d.previewText = widget.NewLabel("")
	d.previewText.Wrapping = fyne.TextWrapWord
	d.previewCount = widget.NewLabel("")
	d.previewCount.TextStyle = fyne.TextStyle{Bold: true}
	d.previewNote = widget.NewLabel("")
	d.previewNote.Wrapping = fyne.TextWrapWord
	d.previewNote.SizeName = theme.SizeNameCaptionText
	d.problem = widget.NewLabel("")
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Importance = widget.DangerImportance
	d.problem.Hide()
	d.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), d.onSave)
	d.save.Importance = widget.HighImportance

	field := func(caption string, o fyne.CanvasObject) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewBorder(l, nil, nil, nil, o)
	}
	d.titleRow = field(lang.L("Post title (optional)"), d.title)
	d.topicRow = field(lang.L("Topic"), d.topic)
	d.hashRow = field(lang.L("Hashtag set for {Hashtags}"), d.hashSet)
	d.captionRow = container.NewGridWithColumns(2, d.titleRow, d.hashRow)
	chanHint := widget.NewLabel(lang.L("None ticked: meant for every channel."))
	chanHint.SizeName = theme.SizeNameCaptionText
	d.insertRow = container.NewHBox(d.insert)
	bodyPart := container.NewVBox(
		container.NewBorder(nil, nil, nil, d.insertRow, d.bodyHead),
		d.body, d.bodyHint, d.notesText, d.tagInfo, spacer(2*theme.Padding()))
	d.variantPart = section(lang.L("Own text per channel"),
		lang.L("A shorter or different text for one channel, e.g. for X or Bluesky; it becomes that channel’s own text in the post."),
		container.NewVBox(d.variants, container.NewHBox(d.addVariant)))
	d.previewPart = templatePreviewPanel(
		container.NewVBox(widget.NewLabelWithStyle(lang.L("Preview"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			container.NewBorder(nil, nil, widget.NewLabel(lang.L("Channel:")), nil, d.previewChan), d.previewCount, d.previewNote),
		container.NewVScroll(d.previewText), nil)

	d.fields = container.NewVBox(
		container.NewGridWithColumns(2, field(lang.L("Name"), d.name), d.topicRow),
		d.captionRow,
		field(lang.L("Channels"), container.NewVBox(d.channels, chanHint)),
		bodyPart,
		d.variantPart,
		field(lang.L("Notes"), d.notes),
		d.problem,
	)
	if d.u.ws != nil && d.u.ws.ReadOnly() {
		for _, b := range []*widget.Button{d.save, d.insert, d.addVariant} {
			b.Disable()
		}
	}
	scroll := container.NewVScroll(container.NewPadded(narrow(900, container.NewVBox(
		container.NewBorder(nil, nil, nil, d.kindLabel, d.heading), d.fields))))
	d.scroll = scroll
	// Speichern below the scrolled fields, always in view.
	// The preview stays in view while she scrolls the fields: beside them
	// on a wide screen, below them on a narrow one.
	// The bar is opaque: Fyne's software painter (screenshots, tests) does
	// not clip a text field's own scroll to the scroll around it.
	bar := container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameBackground)), container.NewPadded(container.NewHBox(d.save)))
	d.form = container.NewBorder(nil, bar, nil, nil, container.New(&besidePreview{}, scroll, d.previewPart))
	d.hint = emptyState(theme.DocumentIcon(), lang.L("Templates"),
		lang.L("Choose a template, hashtag set or snippet on the left, or make a new one."), nil)
	d.stack = container.NewStack(d.hint)
	d.content = d.stack
	return d
}

// templatePreviewPanel is the preview's panel: the heading, channel and count on
// top, the rendered text scrolling in the middle, the note below, on the
// background of a section.
func templatePreviewPanel(top, text, bottom fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	return container.NewPadded(container.NewStack(bg, container.NewPadded(container.NewBorder(top, bottom, nil, nil, text))))
}

// besidePreview lays out the pane's fields (first object) and the preview
// (second): side by side when the pane is wide enough for both, else the
// preview docked below the fields, so the count is always in view.
type besidePreview struct{}

// previewSideBySide is the pane width from which the preview goes beside
// the fields (the pane is about 870 px at 1366, 1,300 px at 1920): side by
// side, both have the window's full height, which a 768 px screen needs.
const previewSideBySide = 820

func (besidePreview) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	fields, preview := objs[0], objs[1]
	if !preview.Visible() {
		fields.Move(fyne.NewPos(0, 0))
		fields.Resize(size)
		return
	}
	if size.Width >= previewSideBySide {
		side := min(max(size.Width*0.4, 340), 520)
		fields.Move(fyne.NewPos(0, 0))
		fields.Resize(fyne.NewSize(size.Width-side, size.Height))
		preview.Move(fyne.NewPos(size.Width-side, 0))
		preview.Resize(fyne.NewSize(side, size.Height))
		return
	}
	h := min(max(size.Height*0.4, preview.MinSize().Height), size.Height/2)
	fields.Move(fyne.NewPos(0, 0))
	fields.Resize(fyne.NewSize(size.Width, size.Height-h))
	preview.Move(fyne.NewPos(0, size.Height-h))
	preview.Resize(fyne.NewSize(size.Width, h))
}

func (besidePreview) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := objs[0].MinSize()
	if objs[1].Visible() {
		p := objs[1].MinSize()
		s = fyne.NewSize(max(s.Width, p.Width), s.Height+p.Height)
	}
	return s
}

// spacer is empty room of height h in a VBox.
func spacer(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(0, h))
	return r
}

// channelLabel names a channel with its platform where the name does not
// say it already: "Karriere (Instagram)", but "X".
func channelLabel(c data.Channel) string {
	p := platformName(c.Platform)
	if strings.EqualFold(strings.TrimSpace(c.Name), p) {
		return c.Name
	}
	return c.Name + " (" + p + ")"
}

// templateKindOne is the singular word for a kind, beside the heading.
func templateKindOne(k data.TemplateKind) string {
	switch k {
	case data.KindHashtags:
		return lang.L("Hashtag set")
	case data.KindSnippet:
		return lang.L("Snippet")
	}
	return lang.L("Caption template")
}

func (d *templatePane) edited() {
	if !d.filling {
		d.dirty = true
	}
}

// readOnly says the workspace cannot be changed.
func (d *templatePane) readOnly() bool { return d.u.ws != nil && d.u.ws.ReadOnly() }

// leave runs then when the pane may change: at once when nothing is
// unsaved, else after she agrees to drop the changes (cancelled runs when
// she keeps them).
func (d *templatePane) leave(then, cancelled func()) {
	leaveEdits(d.u, &d.dirty, d.name.Text, lang.L("the new template"), then, cancelled)
}

// clear shows the hint again (the shown template was deleted).
func (d *templatePane) clear() {
	d.shown, d.dirty, d.t = false, false, data.Template{}
	d.stack.Objects = []fyne.CanvasObject{d.hint}
	d.stack.Refresh()
	d.s.showButtons()
}

// showNew empties the pane for a new template of kind.
func (d *templatePane) showNew(kind data.TemplateKind) {
	d.fill(data.Template{Kind: kind})
	switch kind {
	case data.KindHashtags:
		d.heading.SetText(lang.L("New hashtag set"))
	case data.KindSnippet:
		d.heading.SetText(lang.L("New snippet"))
	default:
		d.heading.SetText(lang.L("New caption template"))
	}
	d.u.win.Canvas().Focus(d.name)
}

// load reads template id and shows it.
func (d *templatePane) load(id int64) {
	fetch(d.u, func(ws *data.Workspace, ctx context.Context) (data.Template, error) { return ws.Template(ctx, id) },
		func(t data.Template, err error) {
			if d.s.selID != id {
				return // she chose another meanwhile
			}
			if err != nil {
				if errors.Is(err, data.ErrNotFound) {
					d.s.selID = 0
					d.clear()
					d.s.reload()
					return
				}
				d.u.showError(lang.L("The template could not be read."), err)
				return
			}
			d.fill(t)
		})
}

// fill puts t into the fields and shows the ones of its kind.
func (d *templatePane) fill(t data.Template) {
	d.filling = true
	defer func() { d.filling = false }()
	d.t, d.shown, d.dirty = t, true, false
	d.heading.SetText(t.Name)
	d.kindLabel.SetText(templateKindOne(t.Kind))
	d.name.SetText(t.Name)
	d.title.SetText(t.Title)
	d.body.SetText(t.Body)
	d.notes.SetText(t.Notes)
	d.refreshChoices()
	d.variants.RemoveAll()
	d.variantRows = nil
	for _, v := range t.Variants {
		d.addVariantRow(v.ChannelID, v.Body)
	}
	d.target = d.body
	d.problem.Hide()

	caption := t.Kind == data.KindCaption
	hashtags := t.Kind == data.KindHashtags
	showIf(d.captionRow, caption)
	showIf(d.variantPart, caption)
	showIf(d.previewPart, t.Kind != data.KindHashtags)
	showIf(d.topicRow, t.Kind != data.KindSnippet)
	showIf(d.insertRow, !hashtags)
	showIf(d.tagInfo, hashtags)
	showIf(d.notesText, !hashtags)
	rows := 7
	if hashtags {
		rows = 4 // a set is a line or two; the notes below need the room
	}
	d.body.SetMinRowsVisible(rows)
	switch t.Kind {
	case data.KindHashtags:
		d.bodyHead.SetText(lang.L("Hashtags"))
		d.bodyHint.SetText(lang.L("Separated by spaces, commas or lines; the “#” is added where it is missing."))
		d.body.SetPlaceHolder("#Ausbildung #Azubi #KarriereImÖffentlichenDienst")
	case data.KindSnippet:
		d.bodyHead.SetText(lang.L("Text"))
		d.bodyHint.SetText(lang.L("Inserted at the cursor in the post editor; its placeholders are filled like a template’s."))
		d.body.SetPlaceHolder(lang.L("e.g. Jetzt bewerben: {Link}"))
	default:
		d.bodyHead.SetText(lang.L("Text"))
		d.bodyHint.SetText(lang.L("Placeholders such as {Datum} are filled per channel when posting; your own fields such as {Ort} are asked when the template is used."))
		d.body.SetPlaceHolder(lang.L("e.g. Heute am {Wochentag} stellen wir Ihnen unseren Ausbildungsberuf {Ausbildungsberuf} vor …"))
	}
	d.applyReadOnly()
	d.showChecks()
	d.stack.Objects = []fyne.CanvasObject{d.form}
	d.stack.Refresh()
	d.s.showButtons()
}

// applyReadOnly keeps a read-only workspace's fields from being typed in.
func (d *templatePane) applyReadOnly() {
	if !d.readOnly() {
		return
	}
	for _, e := range []*widget.Entry{&d.name.Entry, &d.title.Entry, &d.body.Entry, &d.notes.Entry} {
		e.Disable()
	}
	for _, r := range d.variantRows {
		r.text.Disable()
	}
	d.topic.Disable()
	d.hashSet.Disable()
	for _, c := range d.checks {
		c.Disable()
	}
}

func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}

// refreshChoices fills the choices that depend on the workspace (topics,
// channels, hashtag sets, the preview's channel) from the list's last
// read, keeping what is chosen in the fields.
func (d *templatePane) refreshChoices() {
	if !d.shown {
		return
	}
	wasFilling := d.filling
	d.filling = true
	defer func() { d.filling = wasFilling }()
	look := d.s.look

	topicID := d.t.TopicID
	if !wasFilling {
		topicID = d.selectedTopic()
	}
	opts := []string{lang.L("(no topic)")}
	d.topicIDs = nil
	for _, tp := range look.topics {
		opts = append(opts, tp.Name)
		d.topicIDs = append(d.topicIDs, tp.ID)
	}
	d.topic.SetOptions(opts)
	d.topic.SetSelectedIndex(max(slices.Index(d.topicIDs, topicID)+1, 0))

	setID := d.t.HashtagSetID
	if !wasFilling {
		setID = d.selectedSet()
	}
	opts = []string{lang.L("(no set)")}
	d.hashIDs = nil
	for _, t := range d.s.all {
		if t.Kind == data.KindHashtags {
			opts = append(opts, t.Name)
			d.hashIDs = append(d.hashIDs, t.ID)
		}
	}
	d.hashSet.SetOptions(opts)
	d.hashSet.SetSelectedIndex(max(slices.Index(d.hashIDs, setID)+1, 0))

	chosen := d.t.Channels
	if !wasFilling {
		chosen = d.selectedChannels()
	}
	d.channels.RemoveAll()
	d.checks, d.chanIDs = nil, nil
	for _, c := range look.channels {
		if c.Disabled && !slices.Contains(chosen, c.ID) {
			continue
		}
		ch := widget.NewCheck(c.Name, func(bool) { d.edited() })
		ch.Checked = slices.Contains(chosen, c.ID)
		d.checks = append(d.checks, ch)
		d.chanIDs = append(d.chanIDs, c.ID)
		d.channels.Add(ch)
	}

	prev := d.previewChannel()
	d.previewIDs = nil
	opts = nil
	for _, c := range look.channels {
		if !c.Disabled {
			opts = append(opts, channelLabel(c))
			d.previewIDs = append(d.previewIDs, c.ID)
		}
	}
	d.previewChan.SetOptions(opts)
	if i := slices.Index(d.previewIDs, prev); i >= 0 {
		d.previewChan.SetSelectedIndex(i)
	} else if len(opts) > 0 {
		d.previewChan.SetSelectedIndex(0)
	}
	d.applyReadOnly()
	d.showPreview()
}

func (d *templatePane) selectedTopic() int64 {
	if i := d.topic.SelectedIndex(); i > 0 && i-1 < len(d.topicIDs) {
		return d.topicIDs[i-1]
	}
	return 0
}

func (d *templatePane) selectedSet() int64 {
	if i := d.hashSet.SelectedIndex(); i > 0 && i-1 < len(d.hashIDs) {
		return d.hashIDs[i-1]
	}
	return 0
}

func (d *templatePane) selectedChannels() []int64 {
	var out []int64
	for i, c := range d.checks {
		if c.Checked {
			out = append(out, d.chanIDs[i])
		}
	}
	return out
}

func (d *templatePane) previewChannel() int64 {
	if i := d.previewChan.SelectedIndex(); i >= 0 && i < len(d.previewIDs) {
		return d.previewIDs[i]
	}
	return 0
}

// --- Placeholders ---

// placeholderHelp is the one-line explanation of a built-in placeholder in
// the menu.
func placeholderHelp(name string) string {
	switch name {
	case caption.Datum:
		return lang.L("the post’s day, e.g. 27.11.2026")
	case caption.Wochentag:
		return lang.L("the post’s weekday, e.g. Freitag")
	case caption.Uhrzeit:
		return lang.L("the post’s time, e.g. 09:30")
	case caption.Behoerde:
		return lang.L("the office’s name from the settings")
	case caption.Kanal:
		return lang.L("the channel’s name")
	case caption.Handle:
		return lang.L("the channel’s handle, e.g. @stadt_musterstadt")
	case caption.Rubrik:
		return lang.L("the post’s topic")
	case caption.Link:
		return lang.L("the post’s link, e.g. to the job advert")
	case caption.Bildnachweis:
		return lang.L("the credit lines of the post’s pictures")
	case caption.Hashtags:
		return lang.L("the hashtag set, cut to what the channel allows")
	}
	return ""
}

// onInsertMenu opens the menu of placeholders under the button.
func (d *templatePane) onInsertMenu() {
	var items []*fyne.MenuItem
	for _, b := range caption.Builtins() {
		items = append(items, fyne.NewMenuItem("{"+b+"} – "+placeholderHelp(b), func() { d.insertText("{" + b + "}") }))
	}
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(lang.L("Own field …"), d.askOwnField))
	d.popUpMenu(d.insert, items)
}

// popUpMenu shows items below button.
func (d *templatePane) popUpMenu(button fyne.CanvasObject, items []*fyne.MenuItem) {
	c := d.u.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(button).AddXY(0, button.Size().Height)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// insertText puts text at the cursor of the text field she wrote in last.
func (d *templatePane) insertText(text string) {
	if d.readOnly() || d.target == nil {
		return
	}
	d.target.insertAt(text)
	d.u.win.Canvas().Focus(d.target)
}

// askOwnField asks the name of a custom field and inserts it.
func (d *templatePane) askOwnField() {
	e := widget.NewEntry()
	e.SetPlaceHolder(lang.L("e.g. Ausbildungsberuf"))
	hint := widget.NewLabel(lang.L("Asked for when the template is used, e.g. {Ort} or {Ausbildungsberuf}."))
	hint.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Name of the field"), e), widget.NewFormItem("", hint)}
	dlg := dialog.NewForm(lang.L("Own field"), lang.L("Insert"), lang.L("Cancel"), items, func(ok bool) {
		name := strings.Trim(strings.TrimSpace(e.Text), "{}")
		if ok && name != "" {
			d.insertText("{" + name + "}")
		}
	}, d.u.win)
	dlg.Resize(fyne.NewSize(460, 220))
	dlg.Show()
	d.u.win.Canvas().Focus(e)
}

// showChecks shows, while she types, what CheckTemplate notes about the
// texts, and for a hashtag set the tags as they will be stored.
func (d *templatePane) showChecks() {
	if d.t.Kind == data.KindHashtags {
		d.showTags()
		return
	}
	texts := []string{d.body.Text}
	if d.t.Kind == data.KindCaption {
		texts = append(texts, d.title.Text)
		for _, r := range d.variantRows {
			texts = append(texts, r.text.Text)
		}
	}
	d.notesText.RemoveAll()
	for _, f := range caption.CheckTemplate(texts...) {
		d.notesText.Add(findingLabel(f))
	}
	d.relayout()
	d.showPreview()
}

// templateFindingText is a check's sentence in the UI language; a finding
// with a Count picks the singular or plural form by it.
func templateFindingText(f caption.Finding) string {
	if n, ok := f.Args["Count"].(int); ok && pluralKey(f.Key) {
		return lang.N(f.Key, n, f.Args)
	}
	if f.Args != nil {
		return lang.L(f.Key, f.Args)
	}
	return lang.L(f.Key)
}

// relayout lays the fields out anew after the notes under the text changed
// their height; without it the grown notes drew over the fields below
// (the Mediathek's pane had the same, REVIEW8 item 4).
func (d *templatePane) relayout() {
	d.notesText.Refresh()
	d.tagInfo.Refresh()
	d.fields.Refresh()
	if d.scroll != nil {
		d.scroll.Refresh()
	}
}

// pluralKeys are the translation keys with a singular and a plural form;
// lang.N on any other key finds no "one" form and falls back to the key.
var pluralKeys = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	b, err := assets.Lang.ReadFile("lang/de.json")
	if err != nil {
		return out
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return out
	}
	for k, v := range m {
		out[k] = len(v) > 0 && v[0] == '{'
	}
	return out
})

func pluralKey(key string) bool { return pluralKeys()[key] }

// findingLabel is a check's sentence, red when it blocks.
func findingLabel(f caption.Finding) *widget.Label {
	l := widget.NewLabel(templateFindingText(f))
	l.Wrapping = fyne.TextWrapWord
	switch {
	case f.Blocking:
		l.Importance = widget.DangerImportance
	case f.Code == caption.CodeCustomFields || f.Code == caption.CodeTagDuplicates || f.Code == caption.CodeTagHashAdded:
		// Information, nothing to correct.
	default:
		l.Importance = widget.WarningImportance
	}
	return l
}

// showTags shows a hashtag set as it will be stored: the tags, what was
// changed, words that cannot be hashtags, the platforms' caps and the
// CamelCase hints.
func (d *templatePane) showTags() {
	d.tagInfo.RemoveAll()
	defer d.relayout()
	tags, notes, bad := caption.ParseHashtags(d.body.Text)
	if len(tags) == 0 && len(bad) == 0 {
		return
	}
	if len(tags) > 0 {
		l := widget.NewLabel(lang.L("Stored as: {{.Tags}}", map[string]any{"Tags": strings.Join(tags, " ")}))
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle = fyne.TextStyle{Bold: true}
		d.tagInfo.Add(l)
	}
	for _, f := range notes {
		d.tagInfo.Add(findingLabel(f))
	}
	if len(bad) > 0 {
		l := widget.NewLabel(lang.L("Cannot be a hashtag – please remove before saving: {{.Words}}. A hashtag holds only letters, digits and _ (no spaces, hyphens or punctuation).", map[string]any{"Words": strings.Join(bad, ", ")}))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		d.tagInfo.Add(l)
	}
	d.tagInfo.Add(d.capLabel(len(tags)))
	for _, f := range caption.CheckText(string(data.Instagram), strings.Join(tags, " "), caption.Limits{}, false) {
		if f.Code == caption.CodeCamelCase {
			d.tagInfo.Add(findingLabel(f))
		}
	}
}

// capLabel counts the tags against the platforms of her channels that cap
// hashtags (Instagram 5, Threads 1) and always against Instagram's: where
// they are more, {Hashtags} uses the first ones there.
func (d *templatePane) capLabel(n int) *widget.Label {
	used := map[data.Platform]bool{data.Instagram: true}
	for _, c := range d.s.look.channels {
		used[c.Platform] = used[c.Platform] || !c.Disabled
	}
	var over []string
	for _, p := range data.Platforms() {
		l := d.s.limits[p]
		if used[p] && l.Hashtags > 0 && n > l.Hashtags {
			over = append(over, lang.N("{{.Platform}} takes {{.Count}}; {Hashtags} puts in the first {{.Count}} there", l.Hashtags,
				map[string]any{"Platform": platformName(p), "Count": l.Hashtags}))
		}
	}
	text := lang.N("{{.Count}} hashtag", n, map[string]any{"Count": n})
	if len(over) > 0 {
		text += " – " + strings.Join(over, "; ")
	} else if ig := d.s.limits[data.Instagram].Hashtags; ig > 0 {
		text += " – " + lang.L("fits Instagram (at most {{.Max}})", map[string]any{"Max": ig})
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	if len(over) > 0 {
		l.Importance = widget.WarningImportance
	}
	return l
}

// --- Variants ---

// onAddVariantMenu offers the channels without an own text yet.
func (d *templatePane) onAddVariantMenu() {
	var items []*fyne.MenuItem
	for _, c := range d.s.look.channels {
		if c.Disabled || slices.ContainsFunc(d.variantRows, func(r *variantRow) bool { return r.channelID == c.ID }) {
			continue
		}
		items = append(items, fyne.NewMenuItem(channelLabel(c), func() {
			r := d.addVariantRow(c.ID, "")
			d.edited()
			d.showChecks()
			d.selectPreview(c.ID)
			d.u.win.Canvas().Focus(r.text)
		}))
	}
	if len(items) == 0 {
		items = append(items, fyne.NewMenuItem(lang.L("Every channel has its own text already."), nil))
		items[0].Disabled = true
	}
	d.popUpMenu(d.addVariant, items)
}

// addVariantRow adds a channel's own text.
func (d *templatePane) addVariantRow(channelID int64, body string) *variantRow {
	r := &variantRow{channelID: channelID, text: newTemplateEntry(3)}
	r.text.SetText(body)
	r.text.OnChanged = func(string) {
		d.edited()
		d.showChecks()
	}
	r.text.onFocus = func() {
		d.target = r.text
		d.selectPreview(channelID)
	}
	name := lang.L("Channel no longer exists")
	if c, ok := d.s.look.channelByID[channelID]; ok {
		name = channelLabel(c)
	}
	head := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() {
		i := slices.Index(d.variantRows, r)
		if i >= 0 {
			d.variantRows = slices.Delete(d.variantRows, i, i+1)
			d.variants.Remove(r.row)
		}
		if d.target == r.text {
			d.target = d.body
		}
		d.edited()
		d.showChecks()
	})
	remove.Importance = widget.LowImportance
	if d.readOnly() {
		remove.Disable()
		r.text.Disable()
	}
	r.row = container.NewBorder(container.NewBorder(nil, nil, nil, remove, head), nil, nil, nil, r.text)
	d.variantRows = append(d.variantRows, r)
	d.variants.Add(r.row)
	return r
}

// selectPreview shows the preview for channel id.
func (d *templatePane) selectPreview(id int64) {
	if i := slices.Index(d.previewIDs, id); i >= 0 && i != d.previewChan.SelectedIndex() {
		d.previewChan.SetSelectedIndex(i)
	}
}

// --- Preview ---

// sampleLink stands for {Link} in the preview.
const sampleLink = "https://www.example.de/ausbildung"

// showPreview renders the text for the preview's channel with example
// values and counts it the way that platform counts.
func (d *templatePane) showPreview() {
	if d.t.Kind == data.KindHashtags || !d.shown {
		return
	}
	id := d.previewChannel()
	c, ok := d.s.look.channelByID[id]
	if !ok {
		d.previewText.SetText(lang.L("Add a channel in the settings to see a preview."))
		d.previewCount.SetText("")
		d.previewNote.SetText("")
		return
	}
	text := d.body.Text
	own := false
	for _, r := range d.variantRows {
		if r.channelID == id {
			text, own = r.text.Text, true
		}
	}
	lim := c.Limits(d.s.limits)
	today := d.u.ws.Today()
	v := caption.Values{Date: today.String(), Weekday: weekdayName(today.Weekday()), Time: "10:00",
		Authority: d.s.settings.Organisation, Channel: c.Name, Handle: c.Handle, Link: sampleLink, Credit: lang.L("Photo: A. Example")}
	if tp, ok := d.s.look.topicByID[d.selectedTopic()]; ok {
		v.Topic = tp.Name
	}
	if d.t.Kind == data.KindCaption {
		for _, t := range d.s.all {
			if t.ID == d.selectedSet() && t.ID != 0 {
				v.Hashtags = t.Tags()
			}
		}
	}
	out, unfilled := caption.Render(text, v, lim)
	if strings.TrimSpace(out) == "" {
		d.previewText.SetText(lang.L("(no text yet)"))
	} else {
		d.previewText.SetText(out)
	}
	n := caption.Count(string(c.Platform), out, lim, false)
	d.previewCount.SetText(overCounterText(c.Platform, n))
	if n.Over() {
		d.previewCount.Importance = widget.DangerImportance
	} else {
		d.previewCount.Importance = widget.MediumImportance
	}
	d.previewCount.Refresh()
	var notes []string
	if own {
		notes = append(notes, lang.L("This channel’s own text."))
	}
	notes = append(notes, lang.L("Example values: today, 10:00, {{.Link}}.", map[string]any{"Link": sampleLink}))
	if len(unfilled) > 0 {
		var names []string
		for _, u := range unfilled {
			names = append(names, "{"+u+"}")
		}
		notes = append(notes, lang.L("Stays open until used: {{.Names}}", map[string]any{"Names": strings.Join(names, ", ")}))
	}
	d.previewNote.SetText(strings.Join(notes, " "))
}

// --- Saving ---

// collect reads the fields into a template.
func (d *templatePane) collect() data.Template {
	t := d.t
	t.Name, t.Body, t.Notes = d.name.Text, d.body.Text, d.notes.Text
	t.Channels = d.selectedChannels()
	t.TopicID, t.Title, t.HashtagSetID, t.Variants = 0, "", 0, nil
	if t.Kind != data.KindSnippet {
		t.TopicID = d.selectedTopic()
	}
	if t.Kind == data.KindCaption {
		t.Title = d.title.Text
		t.HashtagSetID = d.selectedSet()
		for _, r := range d.variantRows {
			t.Variants = append(t.Variants, data.TemplateVariant{ChannelID: r.channelID, Body: r.text.Text})
		}
	}
	return t
}

// onSave saves the fields (the button and Strg+S); a refusal shows under
// the fields, which keep what she typed.
func (d *templatePane) onSave() {
	if !d.shown || d.u.ws == nil || d.readOnly() {
		return
	}
	t := d.collect()
	d.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.SaveTemplate(ctx, &t) }, func(err error) {
		var inv *data.InvalidError
		switch {
		case errors.As(err, &inv):
			d.problem.SetText(explain(err))
			d.problem.Show()
		case err != nil:
			d.u.showError(lang.L("The template could not be saved."), err)
		default:
			d.dirty = false
			d.s.selID = t.ID
			d.problem.Hide()
			d.load(t.ID)
			d.s.reload()
		}
	})
}
