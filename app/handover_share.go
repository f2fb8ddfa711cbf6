package app

import (
	"context"
	"errors"
	"log"
	"path/filepath"
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

// shareCard is the card "Austausch mit Nachbarbehörden" on the Übergabe
// screen: an exchange file of chosen templates, series and ideas for a
// neighbouring office, and taking one over (data/share.go). Making one
// only reads, so it works read-only; taking one over does not.
func (h *handoverScreen) shareCard() fyne.CanvasObject {
	makeFile := widget.NewButtonWithIcon(lang.L("Make file …"), theme.MailForwardIcon(), h.onMakeShare)
	h.takeShare = widget.NewButtonWithIcon(lang.L("Take over file …"), theme.DownloadIcon(), h.onTakeShare)
	if h.u.ws.ReadOnly() {
		h.takeShare.Disable()
	}
	// As narrow as its buttons, beside "Vertretung und Akte": the change
	// log below keeps its room at 1366x768.
	// One line, not wrapped: a wrapping label would make the screen ask
	// for the height of its narrowest layout.
	ex := widget.NewLabel(lang.L("Never people, consents or pictures."))
	ex.Truncation = fyne.TextTruncateEllipsis
	return section(lang.L("Exchange with neighbouring offices"), "", container.NewVBox(ex, container.NewHBox(makeFile, h.takeShare)))
}

// shareGroup is one tab of the choice: its items as checks.
type shareGroup struct {
	title  string
	ids    []int64
	checks []*widget.Check
	tab    *container.TabItem
}

func (g *shareGroup) chosen() []int64 {
	var out []int64
	for i, c := range g.checks {
		if c.Checked {
			out = append(out, g.ids[i])
		}
	}
	return out
}

// shareForm is the dialog "Austausch-Datei erstellen".
type shareForm struct {
	u         *UI
	groups    []*shareGroup
	tabs      *container.AppTabs
	note      *widget.Entry
	withNotes *widget.Check // the items' internal notes go along; off by default
	folder    *widget.Entry
	folderRow fyne.CanvasObject
	name      *widget.Entry
	problem   *widget.Label
	dlg       dialog.Dialog
}

// shareChoice is what the dialog offers, read in the background.
type shareChoice struct {
	templates []data.Template
	series    []data.Series
	ideas     []data.Post
}

func loadShareChoice(ws *data.Workspace, ctx context.Context) (shareChoice, error) { // ws first: the shape fetch takes
	var c shareChoice
	var err error
	if c.templates, err = ws.Templates(ctx, ""); err != nil {
		return c, err
	}
	if c.series, err = ws.Series(ctx); err != nil {
		return c, err
	}
	ids, err := ws.ShareIdeaIDs(ctx)
	for _, id := range ids {
		p, err := ws.Post(ctx, id)
		if err != nil {
			return c, err
		}
		c.ideas = append(c.ideas, p)
	}
	return c, err
}

// onMakeShare reads what can be shared, then opens the dialog.
func (h *handoverScreen) onMakeShare() {
	u := h.u
	fetch(u, loadShareChoice, func(c shareChoice, err error) {
		if err != nil {
			u.showError(lang.L("The exchange file failed."), err)
			return
		}
		h.shareForm = newShareForm(u, c)
		h.shareForm.show()
	})
}

func newShareForm(u *UI, c shareChoice) *shareForm {
	f := &shareForm{u: u}
	kinds := map[data.TemplateKind]*shareGroup{}
	for _, k := range data.TemplateKinds() {
		g := &shareGroup{title: templateKindName(k)}
		kinds[k] = g
		f.groups = append(f.groups, g)
	}
	for _, t := range c.templates {
		kinds[t.Kind].ids = append(kinds[t.Kind].ids, t.ID)
		kinds[t.Kind].checks = append(kinds[t.Kind].checks, widget.NewCheck(t.Name, nil))
	}
	series := &shareGroup{title: lang.L("Series")}
	for _, s := range c.series {
		series.ids = append(series.ids, s.ID)
		series.checks = append(series.checks, widget.NewCheck(s.Title+" · "+seriesRuleText(s), nil))
	}
	ideas := &shareGroup{title: lang.L("Ideas")}
	for _, p := range c.ideas {
		ideas.ids = append(ideas.ids, p.ID)
		ideas.checks = append(ideas.checks, widget.NewCheck(data.Ellipsis(p.Title, 90), nil))
	}
	f.groups = append(f.groups, series, ideas)
	f.tabs = container.NewAppTabs()
	for _, g := range f.groups {
		f.tabs.Append(f.groupTab(g))
	}
	f.withNotes = widget.NewCheck(lang.L("Send the internal notes of the items along"), nil)
	f.note = widget.NewMultiLineEntry()
	f.note.SetPlaceHolder(lang.L("e.g. what the format is about and whom to ask"))
	f.note.SetMinRowsVisible(2)
	f.note.Wrapping = fyne.TextWrapWord
	f.folder, f.folderRow = folderField(u, data.DocumentsDir())
	f.name = widget.NewEntry()
	f.name.SetText(shareFileName(u.ws.Today()))
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	return f
}

// seriesRuleText is a series' rule in words ("every Tuesday at 10:00").
func seriesRuleText(s data.Series) string { return message(s.Rule.Describe()) }

// shareFileName is the suggested name of an exchange file made today.
func shareFileName(today calendar.Date) string {
	return "Feedtakt-Austausch-" + today.ISO() + data.ShareExt
}

// groupTab is one kind's tab: Alle / Keine and the checks, scrolling.
func (f *shareForm) groupTab(g *shareGroup) *container.TabItem {
	list := container.NewVBox()
	for _, c := range g.checks {
		c.OnChanged = func(bool) { f.count(g) }
		list.Add(c)
	}
	var content fyne.CanvasObject
	if len(g.checks) == 0 {
		content = widget.NewLabel(lang.L("None in this workspace."))
	} else {
		all := widget.NewButton(lang.L("All"), func() { g.setAll(true) })
		none := widget.NewButton(lang.L("None"), func() { g.setAll(false) })
		content = container.NewBorder(container.NewHBox(all, none), nil, nil, nil, container.NewVScroll(list))
	}
	g.tab = container.NewTabItem(g.title, content)
	f.count(g)
	return g.tab
}

func (g *shareGroup) setAll(on bool) {
	for _, c := range g.checks {
		c.SetChecked(on)
	}
}

// count shows in the tab how many of the group are chosen.
func (f *shareForm) count(g *shareGroup) {
	if g.tab == nil {
		return
	}
	g.tab.Text = g.title + " (" + formatCount(len(g.chosen())) + "/" + formatCount(len(g.ids)) + ")"
	if f.tabs != nil {
		f.tabs.Refresh()
	}
}

// selection is what is ticked, with the note.
func (f *shareForm) selection() data.ShareSelection {
	sel := data.ShareSelection{Note: f.note.Text, WithNotes: f.withNotes.Checked}
	for i, g := range f.groups {
		switch {
		case i < len(data.TemplateKinds()):
			sel.Templates = append(sel.Templates, g.chosen()...)
		case i == len(data.TemplateKinds()):
			sel.Series = g.chosen()
		default:
			sel.Ideas = g.chosen()
		}
	}
	return sel
}

func (f *shareForm) show() {
	never := widget.NewLabelWithStyle(lang.L("Never in it: people, consents, pictures; internal notes only when ticked. Texts go as written. A series brings its caption template, a template its hashtag set."),
		fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	never.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Note for the recipients"), f.note),
		widget.NewFormItem(lang.L("Internal notes"), f.withNotes),
		widget.NewFormItem(lang.L("Folder"), f.folderRow),
		widget.NewFormItem(lang.L("File name"), f.name),
	)
	bottom := container.NewVBox(never, form, f.problem)
	content := container.NewBorder(nil, bottom, nil, nil, f.tabs)
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { f.dlg.Hide() })
	do := widget.NewButtonWithIcon(lang.L("Make file"), theme.DocumentSaveIcon(), f.submit)
	do.Importance = widget.HighImportance
	d := dialog.NewCustomWithoutButtons(lang.L("Make an exchange file"), content, f.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, do})
	f.dlg = d
	d.Resize(fyne.NewSize(860, 620))
	d.Show()
}

// submit checks the choice and the name; a problem stays in the dialog.
func (f *shareForm) submit() {
	sel := f.selection()
	var msg string
	switch {
	case sel.Empty():
		msg = lang.L("Please tick at least one template, series or idea.")
	case strings.TrimSpace(f.name.Text) == "":
		msg = lang.L("Please give a name.")
	}
	if msg != "" {
		f.problem.SetText(msg)
		f.problem.Show()
		return
	}
	path := filepath.Join(strings.TrimSpace(f.folder.Text), strings.TrimSpace(f.name.Text))
	if filepath.Ext(path) == "" {
		path += data.ShareExt
	}
	f.dlg.Hide()
	u := f.u
	u.writeAsking(path, func() { writeShareFile(u, sel, path) })
}

// writeShareFile writes and checks the exchange file in the background.
func writeShareFile(u *UI, sel data.ShareSelection, path string) {
	ws := u.ws
	u.runShown(lang.L("Writing the exchange file"), func(ctx context.Context, _ *job) func() {
		f, err := ws.ExportShare(ctx, sel)
		if err == nil {
			err = data.WriteShareFile(path, f)
		}
		return func() {
			if err != nil {
				u.showError(lang.L("The exchange file could not be written to {{.File}}.", map[string]any{"File": path}), err)
				return
			}
			log.Printf("exchange file written: %s (%d items)", path, f.Items())
			msg := lang.L("Exchange file written and checked: {{.File}} ({{.Templates}} templates, {{.Series}} series, {{.Ideas}} ideas). Never in it: people, consents, pictures.",
				map[string]any{"File": path, "Templates": len(f.Templates), "Series": len(f.Series), "Ideas": len(f.Ideas)})
			dialog.ShowInformation(lang.L("Exchange file"), msg, u.win)
		}
	})
}

// onTakeShare asks for the file, then shows what it brings.
func (h *handoverScreen) onTakeShare() {
	h.u.openFiles(lang.L("Take over an exchange file"), data.DocumentsDir(), shareFiles, func(paths []string) { h.previewShare(paths[0]) })
}

// previewShare reads the file strictly and shows what taking it over does.
func (h *handoverScreen) previewShare(path string) {
	u, ws := h.u, h.u.ws
	u.run(func(ctx context.Context) func() {
		f, err := data.ReadShareFile(path)
		var pv data.SharePreview
		if err == nil {
			pv, err = ws.PreviewShare(ctx, f)
		}
		return func() {
			if err != nil {
				u.showError(lang.L("The exchange file {{.File}} cannot be taken over.", map[string]any{"File": filepath.Base(path)}), err)
				return
			}
			h.showSharePreview(path, f, pv)
		}
	})
}

// showSharePreview is the dialog: origin and note, each item with what
// happens to it, the channels, and Übernehmen / Abbrechen.
func (h *handoverScreen) showSharePreview(path string, f *data.ShareFile, pv data.SharePreview) {
	u := h.u
	head := widget.NewLabelWithStyle(message(pv.Origin.Heading()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(head)
	if pv.Origin.Note != "" {
		note := widget.NewLabel(lang.L("Note: {{.Note}}", map[string]any{"Note": pv.Origin.Note}))
		note.Wrapping = fyne.TextWrapWord
		top.Add(note)
	}
	items := container.NewVBox()
	for _, it := range pv.Items {
		items.Add(shareItemRow(it))
	}
	if len(pv.Channels) > 0 {
		ch := widget.NewLabelWithStyle(lang.L("Channels:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		items.Add(ch)
		for _, m := range pv.Channels {
			l := widget.NewLabel("    " + message(m.Message()))
			if m.To == "" {
				l.Importance = widget.WarningImportance
			}
			items.Add(l)
		}
	}
	sum := widget.NewLabelWithStyle(message(pv.Summary())+" "+lang.L("Nothing that is there is overwritten; the change log names the origin."),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sum.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(top, sum, nil, nil, container.NewVScroll(items))
	var d *dialog.CustomDialog
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { d.Hide() })
	take := widget.NewButtonWithIcon(lang.L("Take over"), theme.ConfirmIcon(), func() {
		d.Hide()
		h.applyShare(path, f)
	})
	take.Importance = widget.HighImportance
	if pv.Count(data.ShareNew)+pv.Count(data.ShareRenamed) == 0 {
		take.Disable() // everything is there already
	}
	d = dialog.NewCustomWithoutButtons(lang.L("Take over an exchange file"), content, u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, take})
	win := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(1040, win.Width-80), min(860, win.Height-60))) // more rows on a large screen
	d.Show()
}

// shareItemRow is one item of the preview: its kind and name, what happens
// to it, and what it comes without.
func shareItemRow(it data.ShareItem) fyne.CanvasObject {
	icon := widget.NewIcon(theme.ContentAddIcon())
	text := message(it.Label())
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	switch it.Outcome {
	case data.ShareRenamed:
		icon.SetResource(theme.ContentCopyIcon())
		l.SetText(text + " – " + message(it.Note()))
	case data.ShareKnown:
		icon.SetResource(theme.ConfirmIcon())
		l.SetText(text + " – " + message(it.Note()))
		l.Importance = widget.LowImportance
	}
	rows := container.NewVBox(l)
	if m := it.Schedule(); m.Key != "" {
		w := widget.NewLabel(message(m))
		w.Wrapping = fyne.TextWrapWord
		rows.Add(w)
	}
	// What it comes without (a Rubrik or channel this office lacks) is
	// information, not an error: said after the item, in its colour.
	for _, m := range it.Losses() {
		l.SetText(l.Text + " – " + message(m))
	}
	return container.NewBorder(nil, nil, container.NewVBox(icon), nil, rows)
}

// applyShare takes the file over in the background, all or nothing.
func (h *handoverScreen) applyShare(path string, f *data.ShareFile) {
	u, ws := h.u, h.u.ws
	u.runShown(lang.L("Taking over the exchange file"), func(ctx context.Context, _ *job) func() {
		pv, err := ws.ApplyShare(ctx, f)
		return func() {
			if errors.Is(err, context.Canceled) {
				return
			}
			if err != nil {
				u.showError(lang.L("The exchange file {{.File}} cannot be taken over.", map[string]any{"File": filepath.Base(path)}), err)
				return
			}
			log.Printf("exchange file %s taken over: %d new, %d renamed, %d known", path,
				pv.Count(data.ShareNew), pv.Count(data.ShareRenamed), pv.Count(data.ShareKnown))
			dialog.ShowInformation(lang.L("Exchange file"), lang.L("Taken over.")+" "+message(pv.Summary())+"\n"+
				lang.L("The change log names the origin of every item; ideas are in the idea board."), u.win)
			h.refresh() // the change log; other screens read anew when shown
		}
	})
}
