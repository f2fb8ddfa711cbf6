// The post editor's text tools: Vorlage verwenden … (a caption template
// fills title, text and the channels' own texts, its custom fields asked
// in one small form), Platzhalter ausfüllen … (the same form for fields
// still in the texts, e.g. from a series slot), and Baustein einfügen /
// Hashtag-Set einfügen at the cursor of the text last worked in.

package app

import (
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/caption"
)

// textTools is the row above the text.
func (e *editor) textTools() fyne.CanvasObject {
	use := widget.NewButtonWithIcon(lang.L("Use template …"), theme.DocumentIcon(), e.onUseTemplate)
	var snip, tags *widget.Button
	snip = widget.NewButtonWithIcon(lang.L("Insert snippet"), theme.ContentAddIcon(), func() { e.showInsertMenu(snip, e.snippetMenu()) })
	tags = widget.NewButtonWithIcon(lang.L("Insert hashtag set"), theme.ContentAddIcon(), func() { e.showInsertMenu(tags, e.hashtagMenu()) })
	e.fillB = widget.NewButtonWithIcon(lang.L("Fill in placeholders …"), theme.DocumentCreateIcon(), e.onFillPlaceholders)
	e.fillB.Importance = widget.WarningImportance
	e.fillB.Hide()
	if e.u.ws.ReadOnly() {
		use.Disable()
		snip.Disable()
		tags.Disable()
		e.fillB.Disable()
	}
	e.tools = container.NewHBox(use, snip, tags, e.fillB)
	return e.tools
}

// customFields are the custom placeholders still in the form's texts.
func (e *editor) customFields() []string {
	texts := []string{e.title.Text, e.caption.Text}
	for i, c := range e.channels {
		if ov, ok := e.overrides[e.chanIDs[i]]; ok && c.Checked {
			texts = append(texts, ov.Text)
		}
	}
	return caption.Custom(texts...)
}

// showFillButton shows Platzhalter ausfüllen … while custom fields remain.
func (e *editor) showFillButton() {
	if e.fillB == nil {
		return
	}
	want := len(e.customFields()) > 0
	if want != e.fillB.Visible() {
		e.fillB.Hidden = !want
		e.tools.Refresh()
	}
}

// onFillPlaceholders asks the custom fields left in the texts and fills
// them in everywhere.
func (e *editor) onFillPlaceholders() {
	fields := e.customFields()
	if len(fields) == 0 {
		return
	}
	e.askFields(fields, func(values map[string]string) {
		fill := func(en *keyEntry) {
			if t := caption.Fill(en.Text, values); t != en.Text {
				en.SetText(t)
			}
		}
		fill(e.title)
		fill(e.caption)
		for _, ov := range e.overrides {
			fill(ov)
		}
		e.onFormChanged()
	})
}

// askFields asks the custom fields in one small form; done gets the
// values typed (a field left empty stays a placeholder).
func (e *editor) askFields(fields []string, done func(map[string]string)) {
	entries := make([]*widget.Entry, len(fields))
	items := make([]*widget.FormItem, len(fields))
	for i, f := range fields {
		entries[i] = widget.NewEntry()
		entries[i].SetPlaceHolder("{" + f + "}")
		items[i] = widget.NewFormItem(f, entries[i])
	}
	d := dialog.NewForm(lang.L("Fill in placeholders"), lang.L("Fill in"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		values := map[string]string{}
		for i, f := range fields {
			if v := strings.TrimSpace(entries[i].Text); v != "" {
				values[f] = v
			}
		}
		done(values)
	}, e.u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	if len(entries) > 0 {
		e.u.win.Canvas().Focus(entries[0])
	}
}

// templateScore ranks t for the post as typed: 0 when it is made for
// another Rubrik or other channels than the post has, else 1 plus one
// for the Rubrik and one for a channel it is made for.
func templateScore(t data.Template, topic int64, channels []int64) int {
	score := 1
	if t.TopicID != 0 && topic != 0 {
		if t.TopicID != topic {
			return 0
		}
		score++
	}
	if len(t.Channels) > 0 && len(channels) > 0 {
		if !slices.ContainsFunc(t.Channels, func(id int64) bool { return slices.Contains(channels, id) }) {
			return 0
		}
		score++
	}
	return score
}

// tickedChannels are the ticked channels' IDs.
func (e *editor) tickedChannels() []int64 {
	var out []int64
	for i, c := range e.channels {
		if c.Checked {
			out = append(out, e.chanIDs[i])
		}
	}
	return out
}

// topicID is the chosen Rubrik, 0 for none.
func (e *editor) topicID() int64 {
	if i := e.topic.SelectedIndex(); i > 0 && i <= len(e.look.topics) {
		return e.look.topics[i-1].ID
	}
	return 0
}

// templateChooser is the Vorlage verwenden dialog's state.
type templateChooser struct {
	e      *editor
	all    []data.Template // caption templates, best match first
	scores []int
	shown  []data.Template
	search *widget.Entry
	every  *widget.Check
	list   *widget.List
	view   *widget.Label
	use    *widget.Button
	chosen int // index in shown, -1 none
	dlg    *dialog.CustomDialog
}

// onUseTemplate opens the list of caption templates.
func (e *editor) onUseTemplate() {
	if e.tplErr != nil {
		e.u.showError(lang.L("The templates could not be read."), e.tplErr)
		return
	}
	tc := &templateChooser{e: e, chosen: -1}
	topic, chans := e.topicID(), e.tickedChannels()
	for _, t := range e.templates {
		if t.Kind == data.KindCaption {
			tc.all = append(tc.all, t)
		}
	}
	slices.SortStableFunc(tc.all, func(a, b data.Template) int {
		return templateScore(b, topic, chans) - templateScore(a, topic, chans)
	})
	for _, t := range tc.all {
		tc.scores = append(tc.scores, templateScore(t, topic, chans))
	}
	if len(tc.all) == 0 {
		dialog.ShowInformation(lang.L("Use template"), lang.L("There are no caption templates yet. Create them under Templates."), e.u.win)
		return
	}
	tc.search = widget.NewEntry()
	tc.search.SetPlaceHolder(lang.L("Search templates …"))
	tc.search.OnChanged = func(string) { tc.filter() }
	tc.every = widget.NewCheck(lang.L("show all"), func(bool) { tc.filter() })
	tc.view = wrapped("")
	tc.list = widget.NewList(func() int { return len(tc.shown) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(tc.shown[i].Name) })
	tc.list.OnSelected = func(i widget.ListItemID) {
		tc.chosen = i
		tc.view.SetText(tc.describe(tc.shown[i]))
		tc.use.Enable()
	}
	tc.use = widget.NewButtonWithIcon(lang.L("Use"), theme.ConfirmIcon(), func() {
		if tc.chosen >= 0 && tc.chosen < len(tc.shown) {
			t := tc.shown[tc.chosen]
			tc.dlg.Hide()
			e.useTemplate(t)
		}
	})
	tc.use.Importance = widget.HighImportance
	tc.use.Disable()
	cancel := widget.NewButton(lang.L("Cancel"), func() { tc.dlg.Hide() })
	tc.filter()
	left := container.NewBorder(container.NewVBox(tc.search, tc.every), nil, nil, nil, tc.list)
	split := container.NewHSplit(left, container.NewVScroll(tc.view))
	split.Offset = 0.4
	tc.dlg = dialog.NewCustomWithoutButtons(lang.L("Use template"), split, e.u.win)
	tc.dlg.SetButtons([]fyne.CanvasObject{cancel, tc.use})
	win := e.u.win.Canvas().Size()
	tc.dlg.Resize(fyne.NewSize(min(820, win.Width-40), min(540, win.Height-40)))
	tc.dlg.Show()
	e.u.win.Canvas().Focus(tc.search)
}

// filter shows the templates matching the search; without "alle zeigen"
// only those made for the post's Rubrik or channels (or for all), unless
// none is.
func (tc *templateChooser) filter() {
	q := strings.ToLower(strings.TrimSpace(tc.search.Text))
	anyMatch := slices.ContainsFunc(tc.scores, func(s int) bool { return s > 0 })
	tc.shown = nil
	for i, t := range tc.all {
		if !tc.every.Checked && anyMatch && tc.scores[i] == 0 {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(t.Name+"\n"+t.Title+"\n"+t.Body+"\n"+t.Notes), q) {
			continue
		}
		tc.shown = append(tc.shown, t)
	}
	tc.chosen = -1
	tc.list.UnselectAll()
	tc.list.Refresh()
	tc.use.Disable()
	tc.view.SetText(lang.L("Choose a template on the left to see its text."))
	if len(tc.shown) == 0 {
		tc.view.SetText(lang.L("No template matches the search."))
	} else if len(tc.shown) == 1 || q != "" {
		tc.list.Select(0)
	}
}

// describe is a template's text as the dialog shows it: title, text, the
// channels' own texts, hashtag set, notes.
func (tc *templateChooser) describe(t data.Template) string {
	e := tc.e
	var b strings.Builder
	if t.Title != "" {
		b.WriteString(lang.L("Title: {{.Title}}", map[string]any{"Title": t.Title}) + "\n\n")
	}
	b.WriteString(t.Body)
	for _, v := range t.Variants {
		b.WriteString("\n\n" + lang.L("Own text for {{.Channel}}:", map[string]any{"Channel": e.look.channelName(v.ChannelID)}) + "\n" + v.Body)
	}
	for _, hs := range e.tagSets {
		if hs.ID == t.HashtagSetID {
			b.WriteString("\n\n" + lang.L("Hashtag set: {{.Name}}", map[string]any{"Name": hs.Name}))
		}
	}
	if f := caption.Custom(append([]string{t.Title, t.Body}, variantBodies(t)...)...); len(f) > 0 {
		b.WriteString("\n\n" + lang.L("Asked when used: {{.Fields}}", map[string]any{"Fields": strings.Join(f, ", ")}))
	}
	if t.Notes != "" {
		b.WriteString("\n\n" + t.Notes)
	}
	return b.String()
}

func variantBodies(t data.Template) []string {
	out := make([]string, len(t.Variants))
	for i, v := range t.Variants {
		out[i] = v.Body
	}
	return out
}

// hasText says whether the form holds text a template would replace.
func (e *editor) hasText() bool {
	if strings.TrimSpace(e.caption.Text) != "" {
		return true
	}
	for _, ov := range e.overrides {
		if strings.TrimSpace(ov.Text) != "" {
			return true
		}
	}
	return false
}

// useTemplate asks before replacing text, then the custom fields, then
// fills the form.
func (e *editor) useTemplate(t data.Template) {
	ask := func() {
		fields := caption.Custom(append([]string{t.Title, t.Body}, variantBodies(t)...)...)
		if len(fields) == 0 {
			e.applyTemplate(t, nil)
			return
		}
		e.askFields(fields, func(v map[string]string) { e.applyTemplate(t, v) })
	}
	if !e.hasText() {
		ask()
		return
	}
	dialog.ShowConfirm(lang.L("Replace text?"),
		lang.L("The post already has text. “{{.Name}}” replaces the text and the channels' own texts.", map[string]any{"Name": t.Name}),
		func(ok bool) {
			if ok {
				ask()
			}
		}, e.u.win)
}

// applyTemplate fills the form from t with the custom fields' values:
// title (when the template has one), text, own texts of the variants'
// channels (the others' own texts are cleared), hashtag set, the
// template's channels when none is ticked, its Rubrik when none is
// chosen.
func (e *editor) applyTemplate(t data.Template, values map[string]string) {
	if strings.TrimSpace(t.Title) != "" {
		e.title.SetText(caption.Fill(t.Title, values))
	}
	if len(e.tickedChannels()) == 0 {
		for i, c := range e.channels {
			if slices.Contains(t.Channels, e.chanIDs[i]) {
				c.SetChecked(true)
			}
		}
	}
	if e.topicID() == 0 && t.TopicID != 0 {
		for i, tp := range e.look.topics {
			if tp.ID == t.TopicID {
				e.topic.SetSelectedIndex(i + 1)
			}
		}
	}
	e.caption.SetText(caption.Fill(t.Body, values))
	own := map[int64]string{}
	for _, v := range t.Variants {
		own[v.ChannelID] = caption.Fill(v.Body, values)
	}
	for id, ov := range e.overrides {
		if _, ok := own[id]; !ok && ov.Text != "" {
			ov.SetText("")
		}
	}
	for id, text := range own {
		e.overrideEntry(id).SetText(text)
	}
	if t.HashtagSetID != 0 {
		e.setHashtagSet(t.HashtagSetID)
	}
	e.templateID = t.ID
	e.refreshOverrides()
	if len(own) > 0 && e.overrideAcc != nil {
		e.overrideAcc.Open(0) // the own texts it filled are visible
	}
	e.onFormChanged()
	e.u.win.Canvas().Focus(e.caption)
}

// insertTarget is the text field inserts go into: the focused one of the
// caption and the own texts, else the one last worked in.
func (e *editor) insertTarget() (*keyEntry, int64) {
	if f, ok := e.u.win.Canvas().Focused().(*keyEntry); ok {
		if f == e.caption {
			return f, 0
		}
		for id, ov := range e.overrides {
			if ov == f {
				return f, id
			}
		}
	}
	if e.lastText != nil {
		for id, ov := range e.overrides {
			if ov == e.lastText {
				return ov, id
			}
		}
	}
	return e.caption, 0
}

// insertAtCursor puts text at en's cursor (replacing a selection), as a
// paste would: undo takes it back, and the cursor stands after it.
func insertAtCursor(en *keyEntry, text string) {
	en.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: &textClip{text}})
}

// textClip hands a text to the entry's paste without touching the
// system clipboard.
type textClip struct{ s string }

func (c *textClip) Content() string     { return c.s }
func (c *textClip) SetContent(s string) { c.s = s }

// spaced puts a space before a hashtag run when the cursor stands right
// after a word, so "#Azubi" never glues to it.
func spaced(en *keyEntry, tags string) string {
	r := []rune(en.Text)
	at := min(en.CursorTextOffset(), len(r))
	if at > 0 && !unicode.IsSpace(r[at-1]) {
		return " " + tags
	}
	return tags
}

// insertItems orders templates of one kind for the target: made for its
// channel (or, in the main text, one of the ticked channels) first, then
// those for every channel, then the rest.
func (e *editor) insertItems(kind data.TemplateKind) []data.Template {
	_, ch := e.insertTarget()
	chans := e.tickedChannels()
	if ch != 0 {
		chans = []int64{ch}
	}
	var out []data.Template
	for _, t := range e.templates {
		if t.Kind == kind {
			out = append(out, t)
		}
	}
	score := func(t data.Template) int {
		switch {
		case slices.ContainsFunc(t.Channels, func(id int64) bool { return slices.Contains(chans, id) }):
			return 2
		case len(t.Channels) == 0:
			return 1
		}
		return 0
	}
	slices.SortStableFunc(out, func(a, b data.Template) int { return score(b) - score(a) })
	return out
}

// snippetMenu lists the Bausteine; one click inserts one.
func (e *editor) snippetMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, t := range e.insertItems(data.KindSnippet) {
		items = append(items, fyne.NewMenuItem(t.Name, func() { e.insert(t.Body, false) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(lang.L("No snippets yet – create them under Templates."), nil)
		none.Disabled = true
		items = append(items, none)
	}
	return fyne.NewMenu("", items...)
}

// hashtagMenu lists the hashtag sets: one click inserts the tags; below,
// "… als {Hashtags}" chooses the set for the post and inserts the
// placeholder, which each channel trims to its cap.
func (e *editor) hashtagMenu() *fyne.Menu {
	var items, as []*fyne.MenuItem
	for _, t := range e.insertItems(data.KindHashtags) {
		items = append(items, fyne.NewMenuItem(t.Name, func() { e.insert(strings.Join(t.Tags(), " "), true) }))
		as = append(as, fyne.NewMenuItem(t.Name, func() {
			e.setHashtagSet(t.ID)
			e.insert("{"+caption.Hashtags+"}", true)
		}))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(lang.L("No hashtag sets yet – create them under Templates."), nil)
		none.Disabled = true
		return fyne.NewMenu("", none)
	}
	sub := fyne.NewMenuItem(lang.L("… as {Hashtags} (trimmed per channel)"), nil)
	sub.ChildMenu = fyne.NewMenu("", as...)
	items = append(items, fyne.NewMenuItemSeparator(), sub)
	return fyne.NewMenu("", items...)
}

// insert puts text at the cursor of the insert target and gives it the
// focus back.
func (e *editor) insert(text string, tags bool) {
	en, _ := e.insertTarget()
	if tags {
		text = spaced(en, text)
	}
	insertAtCursor(en, text)
	e.lastText = en
	e.u.win.Canvas().Focus(en)
}

// showInsertMenu opens m under b. The target is fixed before the menu
// takes the focus.
func (e *editor) showInsertMenu(b *widget.Button, m *fyne.Menu) {
	en, _ := e.insertTarget()
	e.lastText = en
	c := e.u.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(0, b.Size().Height))
	widget.ShowPopUpMenuAtPosition(m, c, pos)
}
