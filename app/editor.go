package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// editor is the post editor: a large dialog with everything a post has,
// its linked media included (editor_media.go): the form on the left, the
// text as each channel will show it and the checks before posting on the
// right (editor_preview.go, editor_checks.go); caption templates, snippets
// and hashtag sets fill the text (editor_templates.go).
type editor struct {
	u     *UI
	post  data.Post
	look  lookups
	saved func()
	dlg   dialog.Dialog

	title     *keyEntry
	date      *keyEntry
	time      *keyEntry
	idea      *escCheck
	status    *escSelect
	topic     *escSelect
	channels  []*escCheck
	chanIDs   []int64
	caption   *keyEntry
	overrides map[int64]*keyEntry
	notes     *keyEntry
	textLink  *keyEntry // Link im Text: what {Link} stands for
	tagSet    *widget.Select
	pubLink   *keyEntry
	pubDate   *keyEntry
	hint      *widget.Label
	saveB     *widget.Button
	// consentHint says under the status that a picture stops approval
	// (editor_consent.go).
	consentHint *widget.Label
	body        *fyne.Container // the scrolled form, refreshed when a line comes or goes

	overrideBox *fyne.Container
	overrideAcc *widget.Accordion
	mediaBox    *mediaSection

	// initial is the form as it was opened (editor.state): Abbrechen, Esc
	// and closing the window ask before throwing away anything else.
	initial string
	asking  bool // the discard question is showing

	// Read in the background before the editor opens.
	media    []data.Media
	mediaErr error
	quiet    []data.QuietConflict
	// rc is everything rendering and checking need, so the preview and
	// the checks follow every keystroke without the database; rcErr says
	// it could not be read (the preview says so, editing goes on).
	rc    data.RenderContext
	rcErr error
	// templates are the caption templates, hashtag sets and snippets
	// (all kinds, by name); tplErr says they could not be read.
	templates []data.Template
	tplErr    error
	tagSets   []data.Template // the hashtag-set choice's entries after "(keins)"
	// templateID is the caption template the post started from.
	templateID int64

	preview  *previewPanel
	checks   *checksPanel
	lastText *keyEntry // the caption or a channel's own text the person was last in: inserts go there
	tools    *fyne.Container
	fillB    *widget.Button // Platzhalter ausfüllen …
	// ownCounts are the counters under the channels' own texts.
	ownCounts map[int64]*counterLine
}

// openEditor shows the editor for p (ID 0: a new post); saved runs after a
// successful save or delete. What it needs from the workspace is read in
// the background first, so the window never waits for the database.
func openEditor(u *UI, p data.Post, saved func()) {
	ws := u.ws
	u.run(func(ctx context.Context) func() {
		e := &editor{u: u, post: p, saved: saved, overrides: map[int64]*keyEntry{}}
		var err error
		if e.look, err = loadLookups(ctx, ws); err == nil && p.ID != 0 {
			e.media, e.mediaErr = ws.PostMedia(ctx, p.ID)
			if p.Date != nil {
				e.quiet, _ = ws.QuietConflicts(ctx, *p.Date, *p.Date) // only a hint
			}
		}
		if err == nil {
			e.rc, e.rcErr = ws.RenderContext(ctx)
			e.templates, e.tplErr = ws.Templates(ctx, "")
		}
		return func() {
			if err != nil {
				u.showError(lang.L("The post could not be opened."), err)
				return
			}
			e.show()
		}
	})
}

// show builds the dialog and shows it.
func (e *editor) show() {
	u, p := e.u, e.post
	content := e.build()
	title := lang.L("Edit post")
	if p.ID == 0 {
		title = lang.L("New post")
	}
	e.dlg = dialog.NewCustomWithoutButtons(title, content, u.win)
	u.editor = e
	e.dlg.SetOnClosed(func() {
		if u.editor == e {
			u.editor = nil
		}
	})
	size := editorSize(u.win.Canvas().Size())
	if size.Height >= 900 {
		// A large screen: room for more of the text without scrolling.
		e.caption.SetMinRowsVisible(12)
	}
	e.dlg.Resize(size)
	e.initial = e.state()
	e.dlg.Show()
	u.win.Canvas().Focus(e.title)
}

func (e *editor) build() fyne.CanvasObject {
	p := e.post
	ro := e.u.ws.ReadOnly()
	e.title = newKeyEntry(false, e.onCancel)
	e.title.SetText(p.Title)
	e.title.SetPlaceHolder(lang.L("e.g. Azubi-Dienstag: Lena im Archiv"))
	e.date = newKeyEntry(false, e.onCancel)
	e.date.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	e.time = newKeyEntry(false, e.onCancel)
	e.time.SetPlaceHolder(lang.L("HH:MM (optional)"))
	if p.Date != nil {
		e.date.SetText(p.Date.String())
	}
	if p.Time != nil {
		e.time.SetText(p.Time.String())
	}
	e.idea = newEscCheck(lang.L("No date yet (idea)"), func(on bool) {
		if on {
			e.date.Disable()
			e.time.Disable()
		} else if !ro {
			e.date.Enable()
			e.time.Enable()
		}
		e.mediaBox.checkConsent()
	}, e.onCancel)
	e.idea.SetChecked(p.Date == nil)
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), e.onPickDate)

	e.statusAndTopic()
	e.templateID = p.TemplateID

	// The post's channels, with their own texts.
	has := map[int64]string{}
	for _, c := range p.Channels {
		has[c.ChannelID] = c.Caption
	}
	checks := e.channelChecks(has)

	e.caption = newKeyEntry(true, e.onCancel)
	e.caption.SetText(p.Caption)
	e.caption.SetMinRowsVisible(6)
	e.caption.SetPlaceHolder(lang.L("The text for all channels; a channel can have its own below."))
	e.watchText(e.caption)
	e.lastText = e.caption
	for id, text := range has {
		e.overrideEntry(id).SetText(text)
	}
	e.notes = newKeyEntry(true, e.onCancel)
	e.notes.SetText(p.Notes)
	e.notes.SetPlaceHolder(lang.L("For colleagues: approval by, consent, what is still missing …"))
	e.notes.SetMinRowsVisible(3)
	e.pubLink = newKeyEntry(false, e.onCancel)
	e.pubLink.SetText(p.PublishedLink)
	e.pubLink.SetPlaceHolder("https://www.instagram.com/p/…")
	e.textLink = newKeyEntry(false, e.onCancel)
	e.textLink.SetText(p.Link)
	e.textLink.SetPlaceHolder(lang.L("https://… – what {Link} in the text stands for"))
	e.textLink.OnChanged = func(string) { e.onFormChanged() }
	e.tagSet = e.hashtagSetSelect(p.HashtagSetID)
	e.pubDate = newKeyEntry(false, e.onCancel)
	e.pubDate.SetPlaceHolder(lang.L("DD.MM.YYYY (optional)"))
	if p.PublishedOn != nil {
		e.pubDate.SetText(p.PublishedOn.String())
	}
	e.consentHint = widget.NewLabel("")
	e.consentHint.Wrapping = fyne.TextWrapWord
	e.consentHint.Importance = widget.DangerImportance
	e.consentHint.Hide()
	e.hint = widget.NewLabel("")
	e.hint.Wrapping = fyne.TextWrapWord
	e.hint.Importance = widget.WarningImportance
	e.hint.Hide()
	e.showHints()

	media := e.mediaSection()
	e.date.OnChanged = func(string) { e.mediaBox.checkConsent(); e.onFormChanged() }
	e.time.OnChanged = func(string) { e.onFormChanged() }
	e.title.OnChanged = func(string) { e.onFormChanged() }

	when := container.NewBorder(nil, nil, nil, container.NewHBox(pick, e.idea),
		container.NewGridWithColumns(2, e.date, e.time))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Title"), e.title),
		widget.NewFormItem(lang.L("Date and time"), when),
		widget.NewFormItem(lang.L("Channels"), container.NewGridWrap(fyne.NewSize(checkWidth(e.channels), e.title.MinSize().Height), checks...)),
		widget.NewFormItem(lang.L("Status"), container.NewVBox(e.status, e.consentHint)),
		widget.NewFormItem(lang.L("Topic"), e.topic),
		widget.NewFormItem(lang.L("Text"), container.NewVBox(e.textTools(), e.caption)),
		widget.NewFormItem(lang.L("Link in the text"), e.textLink),
		widget.NewFormItem(lang.L("Hashtag set"), e.tagSet),
		// Right below the text: on most channels the picture is half the
		// post.
		widget.NewFormItem(lang.L("Media"), media),
	)
	e.overrideBox = container.NewVBox()
	e.refreshOverrides()
	// Own texts per channel are the exception: folded away unless used.
	acc := widget.NewAccordion(widget.NewAccordionItem(lang.L("Own text per channel (optional)"), e.overrideBox))
	e.overrideAcc = acc
	for _, c := range p.Channels {
		if strings.TrimSpace(c.Caption) != "" {
			acc.Open(0)
		}
	}
	more := widget.NewForm(
		widget.NewFormItem(lang.L("Notes"), e.notes),
		widget.NewFormItem(lang.L("Published at"), e.pubLink),
		widget.NewFormItem(lang.L("Published on"), e.pubDate),
	)
	bar := e.buttonBar(ro)
	body := container.NewVBox(e.hint, form, acc, more)
	e.body = body
	e.preview = e.newPreviewPanel()
	e.checks = newChecksPanel(e)
	// Preview above, checks below, each scrolling on its own: the checks
	// stay in sight beside a long text.
	e.preview.scroll = container.NewVScroll(e.preview.content)
	// The counter stays in sight under the preview however long the text
	// is: at the end of the scrolled preview it sat below the fold on a
	// 1366x768 laptop.
	e.preview.content.Remove(e.preview.counter.box)
	preview := container.NewBorder(nil, e.preview.counter.box, nil, nil, e.preview.scroll)
	pane := container.NewVSplit(preview, container.NewVScroll(e.checks.content))
	pane.Offset = 0.62
	right := container.NewBorder(e.preview.top, nil, nil, nil, pane)
	split := container.NewHSplit(container.NewVScroll(body), right)
	split.Offset = 0.55
	e.onFormChanged()
	return container.NewBorder(nil, bar, nil, nil, split)
}

// statusAndTopic makes the status and Rubrik choices, set to the post's.
func (e *editor) statusAndTopic() {
	p := e.post
	var statuses []string
	for _, s := range data.Statuses() {
		statuses = append(statuses, statusName(s))
	}
	e.status = newEscSelect(statuses, nil, e.onCancel)
	for i, s := range data.Statuses() {
		if s == p.Status {
			e.status.SetSelectedIndex(i)
		}
	}
	topics := []string{lang.L("(no topic)")}
	for _, t := range e.look.topics {
		topics = append(topics, t.Name)
	}
	e.topic = newEscSelect(topics, nil, e.onCancel)
	e.topic.SetSelectedIndex(0)
	for i, t := range e.look.topics {
		if t.ID == p.TopicID {
			e.topic.SetSelectedIndex(i + 1)
		}
	}
	e.topic.OnChanged = func(string) { e.onFormChanged() }
}

// channelChecks makes a tick box per channel: the active ones, plus
// disabled or deleted ones the post already uses (has: its channels), so
// nothing silently drops off.
func (e *editor) channelChecks(has map[int64]string) []fyne.CanvasObject {
	var checks []fyne.CanvasObject
	addCheck := func(id int64, name string) {
		c := newEscCheck(name, func(bool) {
			e.refreshOverrides()
			e.mediaBox.checkConsent() // the lines are for the chosen channels
			e.onFormChanged()
		}, e.onCancel)
		_, c.Checked = has[id]
		e.channels = append(e.channels, c)
		e.chanIDs = append(e.chanIDs, id)
		checks = append(checks, c)
	}
	for _, c := range e.look.channels {
		if _, used := has[c.ID]; c.Disabled && !used {
			continue
		}
		addCheck(c.ID, c.Name)
	}
	for _, c := range e.post.Channels {
		if _, ok := e.look.channelByID[c.ChannelID]; !ok {
			addCheck(c.ChannelID, lang.L("(deleted channel)"))
		}
	}
	return checks
}

// buttonBar is the row under the form: Löschen … and Posten … for a
// stored post, Abbrechen and Speichern.
func (e *editor) buttonBar(ro bool) fyne.CanvasObject {
	e.saveB = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), e.onSave)
	e.saveB.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), e.onCancel)
	bar := container.NewHBox(layout.NewSpacer(), cancel, e.saveB)
	if e.post.ID != 0 {
		del := widget.NewButtonWithIcon(lang.L("Delete …"), theme.DeleteIcon(), e.onDelete)
		del.Importance = widget.DangerImportance
		if ro {
			del.Disable()
		}
		// Posten … opens the hour of posting: final texts to copy, alt
		// texts, marking it published.
		post := widget.NewButtonWithIcon(lang.L("Post …"), theme.MailSendIcon(), e.onPosting)
		bar = container.NewHBox(del, layout.NewSpacer(), post, cancel, e.saveB)
	}
	if ro {
		e.saveB.Disable()
	}
	return bar
}

// checkWidth is the width of a cell of the channels' grid: the widest tick
// box, at least 120 — four channels fit in one row at 1366x768, where a
// second row pushed the pictures further below the fold.
func checkWidth(checks []*escCheck) float32 {
	w := float32(120)
	for _, c := range checks {
		w = max(w, c.MinSize().Width)
	}
	return w
}

// editorSize is the editor's size in a window of size win: most of it, so
// text, preview and checks sit side by side — at least 860x640 (less only
// in a smaller window), at most 1800x1040 (a 1920x1080 screen's window),
// never larger than the window.
func editorSize(win fyne.Size) fyne.Size {
	fit := func(have, lo, hi float32) float32 {
		return min(max(have*0.96, lo), hi, have)
	}
	return fyne.NewSize(fit(win.Width, 860, 1800), fit(win.Height, 640, 1040))
}

// collect reads the form into a post, with German messages for bad input.
// The post is filled even then (a field that cannot be read keeps what
// the post had), so the preview can follow a date still being typed.
func (e *editor) collect() (data.Post, error) {
	p := e.post
	var bad error
	p.Title = e.title.Text
	p.Caption = e.caption.Text
	p.Notes = e.notes.Text
	p.PublishedLink = e.pubLink.Text
	p.Link = e.textLink.Text
	p.HashtagSetID = e.hashtagSetID()
	p.TemplateID = e.templateID
	if e.idea.Checked {
		p.Date, p.Time = nil, nil
	} else if d, err := calendar.ParseDate(e.date.Text); err != nil {
		bad = &data.InvalidError{Field: "date", Message: "Please write the date as 27.11.2026, or tick “No date yet”."}
	} else {
		p.Date = &d
		p.Time = nil
		if strings.TrimSpace(e.time.Text) != "" {
			if c, err := data.ParseClock(e.time.Text); err != nil {
				bad = err
			} else {
				p.Time = &c
			}
		}
	}
	if strings.TrimSpace(e.pubDate.Text) != "" {
		if d, err := calendar.ParseDate(e.pubDate.Text); err != nil && bad == nil {
			bad = &data.InvalidError{Field: "published", Message: "Please write the publishing date as 27.11.2026."}
		} else if err == nil {
			p.PublishedOn = &d
		}
	} else {
		p.PublishedOn = nil
	}
	if i := e.status.SelectedIndex(); i >= 0 {
		p.Status = data.Statuses()[i]
	}
	p.Status = data.StatusFor(p.Date, p.Status)
	p.TopicID = 0
	if i := e.topic.SelectedIndex(); i > 0 {
		p.TopicID = e.look.topics[i-1].ID
	}
	p.Channels = nil
	for i, c := range e.channels {
		if c.Checked {
			pc := data.PostChannel{ChannelID: e.chanIDs[i]}
			if ov, ok := e.overrides[pc.ChannelID]; ok {
				pc.Caption = ov.Text
			}
			p.Channels = append(p.Channels, pc)
		}
	}
	return p, bad
}

func (e *editor) onSave() { e.save(nil) }

// save stores the post and closes the editor; then, if set, runs after a
// successful save (the window closing after "Speichern" in the discard
// question).
func (e *editor) save(then func()) {
	if e.saveB.Disabled() {
		return // read-only, or a save is under way
	}
	p, err := e.collect()
	if err != nil {
		e.saveFailed(err)
		return
	}
	e.saveB.Disable() // one save at a time; Ctrl+S included
	// The media list is saved with the post, in one transaction; when it
	// could not be read it is left as it is.
	keepMedia := e.mediaBox == nil || e.mediaBox.readErr
	var mediaIDs []int64
	if !keepMedia {
		mediaIDs = e.mediaBox.ids()
	}
	e.u.do(func(ws *data.Workspace, ctx context.Context) error {
		switch {
		case !keepMedia:
			return ws.SavePostWithMedia(ctx, &p, mediaIDs)
		case p.ID == 0:
			return ws.CreatePost(ctx, &p)
		}
		return ws.UpdatePost(ctx, &p)
	}, func(err error) {
		e.saveB.Enable()
		if err != nil {
			e.saveFailed(err)
			return
		}
		e.post = p
		e.dlg.Hide()
		if e.saved != nil {
			e.saved()
		}
		if then != nil {
			then()
		}
	})
}

// saveFailed keeps the dialog open with everything typed and says why.
func (e *editor) saveFailed(err error) {
	var ce *data.ClearanceError
	if errors.As(err, &ce) {
		e.showBlocked(ce)
		return
	}
	var re *data.ReviewError
	if errors.As(err, &re) {
		e.showReviewBlocked(re)
		return
	}
	var inv *data.InvalidError
	if errors.As(err, &inv) {
		dialog.ShowInformation(lang.L("Please check"), explain(err), e.u.win)
		return
	}
	e.u.showError(lang.L("The post could not be saved."), err)
}

// onPosting opens the Posten view for the post; unsaved changes are saved
// first, so what she copies is what is stored. The editor closes: the
// Posten view may change the post (marked published).
func (e *editor) onPosting() {
	u, saved := e.u, e.saved
	if e.changed() {
		e.save(func() { openPosting(u, e.post, saved) })
		return
	}
	e.dlg.Hide()
	openPosting(u, e.post, saved)
}

func (e *editor) onDelete() {
	e.u.confirmDeletePost(e.post, func(deleted bool) {
		if !deleted {
			return // the editor stays open with what was typed
		}
		e.dlg.Hide()
		if e.saved != nil {
			e.saved()
		}
	})
}

// state is everything the form holds, as one string: what changed since
// the editor opened is what Abbrechen would throw away.
func (e *editor) state() string {
	var b strings.Builder
	for _, s := range []string{e.title.Text, e.date.Text, e.time.Text, e.caption.Text, e.notes.Text, e.pubLink.Text, e.pubDate.Text, e.textLink.Text} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	fmt.Fprintf(&b, "%v|%d|%d|%d|%s|", e.idea.Checked, e.status.SelectedIndex(), e.topic.SelectedIndex(), e.hashtagSetID(), e.mediaBox.state())
	for i, c := range e.channels {
		if c.Checked {
			fmt.Fprintf(&b, "%d:", e.chanIDs[i])
			if ov, ok := e.overrides[e.chanIDs[i]]; ok {
				b.WriteString(ov.Text)
			}
			b.WriteByte(0)
		}
	}
	return b.String()
}

// changed says whether the person changed anything since the editor opened.
func (e *editor) changed() bool { return e.dlg != nil && e.state() != e.initial }

// onCancel closes the editor (Abbrechen, Esc); when something was typed it
// asks first, so nothing is lost by a slip.
func (e *editor) onCancel() {
	e.confirmDiscard(func() { e.dlg.Hide() })
}

// confirmDiscard runs discard at once when nothing changed, else asks:
// Weiter bearbeiten (the safe choice, and what Enter or Esc picks) leaves
// the editor as it is, Speichern saves and then goes on, Verwerfen goes on
// without saving. leave is what "goes on" means: hide the editor, or close
// the window (which also hides it).
func (e *editor) confirmDiscard(leave func()) {
	if !e.changed() {
		leave()
		return
	}
	if e.asking {
		return // the question is already on screen (Esc pressed twice)
	}
	e.asking = true
	what := lang.L("The changes to this post have not been saved.")
	if e.post.ID == 0 {
		what = lang.L("The new post has not been saved yet.")
	}
	var d *dialog.CustomDialog
	answer := func(f func()) func() {
		return func() {
			e.asking = false
			d.Hide()
			if f != nil {
				f()
			}
		}
	}
	keep := widget.NewButtonWithIcon(lang.L("Keep editing"), theme.DocumentCreateIcon(), answer(nil))
	keep.Importance = widget.HighImportance
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), answer(func() { e.save(leave) }))
	if e.saveB.Disabled() {
		save.Disable() // read-only workspace
	}
	discard := widget.NewButtonWithIcon(lang.L("Discard"), theme.DeleteIcon(), answer(leave))
	discard.Importance = widget.DangerImportance
	d = dialog.NewCustomWithoutButtons(lang.L("Discard changes?"), widget.NewLabel(what), e.u.win)
	d.SetButtons([]fyne.CanvasObject{discard, save, keep})
	d.SetOnClosed(func() { e.asking = false })
	d.Show()
}
