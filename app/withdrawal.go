package app

import (
	"context"
	"errors"
	"fmt"
	"log"
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

// showWithdrawal opens the withdrawal page of a person: every post and
// channel where their pictures were or will be used, the removal checklist
// and the erasure. Called after a withdrawal is recorded.
func (u *UI) showWithdrawal(personID int64) {
	p := &withdrawalPage{u: u, personID: personID}
	p.load(func() { p.show() })
}

// withdrawalPage is the page (a large dialog) of one person's withdrawal.
type withdrawalPage struct {
	u        *UI
	personID int64
	o        data.WithdrawalOverview
	authors  []string
	lines    []withdrawalLine

	dlg    *dialog.CustomDialog
	title  *widget.Label
	facts  *widget.Label
	list   *widget.List
	empty  *widget.Label
	bottom *fyne.Container
}

// withdrawalLineKind is what a line of the page's list shows.
type withdrawalLineKind int

const (
	lineHeading   withdrawalLineKind = iota // a section's heading
	linePlanned                             // a planned post: cannot be approved
	linePublished                           // a published post, above its channels
	lineChannel                             // a channel of a published post: the checklist
	lineOther                               // a discarded post
)

// withdrawalLine is one line of the list with, for a channel, the state of
// its form (kept here, as list rows are reused while scrolling).
type withdrawalLine struct {
	kind withdrawalLineKind
	text string
	post data.WithdrawalPost
	ch   data.WithdrawalChannel
	// The checklist form of a channel line.
	on, by, note string
	dirty        bool
}

// load reads the overview and the users in the background, then calls then.
func (p *withdrawalPage) load(then func()) {
	id := p.personID
	type result struct {
		o       data.WithdrawalOverview
		authors []string
	}
	fetch(p.u, func(ws *data.Workspace, ctx context.Context) (result, error) {
		o, err := ws.Withdrawal(ctx, id)
		if err != nil {
			return result{}, err
		}
		authors, err := ws.ChangeAuthors(ctx, 20)
		return result{o, authors}, err
	}, func(r result, err error) {
		if err != nil {
			p.u.showError(lang.L("The withdrawal page could not be opened."), err)
			return
		}
		p.o, p.authors = r.o, r.authors
		me := p.me()
		if login := data.CurrentActor().Person; login != me {
			// The OS login ("root", a staff number) is no name to sign with.
			p.authors = slices.DeleteFunc(p.authors, func(s string) bool { return s == login })
		}
		if me != "" && !slices.Contains(p.authors, me) {
			p.authors = append([]string{me}, p.authors...)
		}
		p.lines = p.buildLines()
		then()
	})
}

// me is who the checklist's "von" proposes: the display name set under
// Einstellungen. Without one the field stays empty (she picks or types a
// name) rather than proposing the OS login, which is often "root" or a
// staff number, not a name that documents who took a post down.
func (p *withdrawalPage) me() string {
	return strings.TrimSpace(p.u.app.Preferences().String(prefDisplayName))
}

// buildLines turns the overview into the list's lines: planned posts, then
// published ones with a line per channel, then discarded ones.
func (p *withdrawalPage) buildLines() []withdrawalLine {
	var planned, published, other []data.WithdrawalPost
	for _, wp := range p.o.Posts {
		switch {
		case wp.Published():
			published = append(published, wp)
		case wp.Planned():
			planned = append(planned, wp)
		default:
			other = append(other, wp)
		}
	}
	today := p.u.ws.Today().String()
	me := p.me()
	var lines []withdrawalLine
	if len(planned) > 0 {
		lines = append(lines, withdrawalLine{kind: lineHeading,
			text: lang.L("Planned posts ({{.N}}): cannot be approved while they show the person", map[string]any{"N": len(planned)})})
		for _, wp := range planned {
			lines = append(lines, withdrawalLine{kind: linePlanned, post: wp})
		}
	}
	if len(published) > 0 {
		lines = append(lines, withdrawalLine{kind: lineHeading,
			text: lang.L("Published posts ({{.N}}): tick where the post was taken down", map[string]any{"N": len(published)})})
		for _, wp := range published {
			lines = append(lines, withdrawalLine{kind: linePublished, post: wp})
			for _, ch := range wp.Channels {
				l := withdrawalLine{kind: lineChannel, post: wp, ch: ch, on: today, by: me}
				if r := ch.Removal; r != nil {
					l.on, l.by, l.note = r.On.String(), r.By, r.Note
				}
				lines = append(lines, l)
			}
		}
	}
	if len(other) > 0 {
		lines = append(lines, withdrawalLine{kind: lineHeading, text: lang.L("Discarded posts ({{.N}})", map[string]any{"N": len(other)})})
		for _, wp := range other {
			lines = append(lines, withdrawalLine{kind: lineOther, post: wp})
		}
	}
	return lines
}

// show builds the dialog.
func (p *withdrawalPage) show() {
	u := p.u
	p.title = heading("")
	p.title.Truncation = fyne.TextTruncateEllipsis
	p.facts = wrapped("")
	intro := wrapped(lang.L("Every post that uses pictures of the person. Planned posts cannot be approved while they show the person: open them and choose another picture. The consent form promises to publish the pictures no more and to remove them from the authority's own channels as far as possible. Record here where and when that was done."))
	p.list = widget.NewList(func() int { return len(p.lines) }, p.newRow, p.updateRow)
	p.empty = wrapped(lang.L("None of the person's pictures is used in a post."))
	p.bottom = container.NewVBox()
	top := container.NewVBox(p.title, p.facts, intro)
	if p.me() == "" && !u.ws.ReadOnly() {
		hint := wrapped(lang.L("“by” stays empty until you enter your name under Settings › Display name; until then choose or type who removed the post."))
		top.Add(hint)
	}
	top.Add(widget.NewSeparator())
	body := container.NewBorder(top, p.bottom, nil, nil, container.NewStack(p.list, p.empty))
	closeBtn := widget.NewButton(lang.L("Close"), func() { p.dlg.Hide() })
	p.dlg = dialog.NewCustomWithoutButtons(lang.L("Withdrawal"), body, u.win)
	p.dlg.SetButtons([]fyne.CanvasObject{closeBtn})
	win := u.win.Canvas().Size()
	p.dlg.Resize(fyne.NewSize(min(1180, win.Width-40), win.Height-40))
	p.refresh()
	p.dlg.Show()
}

// refresh shows the overview as loaded.
func (p *withdrawalPage) refresh() {
	o := p.o
	if o.Person != nil {
		p.title.SetText(lang.L("Withdrawal: {{.Name}} (no. {{.ID}})", map[string]any{"Name": o.Person.Name, "ID": o.PersonID}))
	} else {
		p.title.SetText(lang.L("Withdrawal: person no. {{.ID}} (erased)", map[string]any{"ID": o.PersonID}))
	}
	var facts []string
	if o.WithdrawnOn != nil {
		facts = append(facts, lang.L("Withdrawn on {{.Date}}", map[string]any{"Date": o.WithdrawnOn.String()}))
	} else {
		facts = append(facts, lang.L("No withdrawal recorded"))
	}
	if o.Person != nil {
		facts = append(facts, lang.L("Pictures in the Mediathek: {{.N}}", map[string]any{"N": o.Pictures}))
		if o.Trashed > 0 {
			facts = append(facts, lang.L("in the Papierkorb: {{.N}}", map[string]any{"N": o.Trashed}))
		}
		facts = append(facts, lang.L("Scanned consent forms: {{.N}}", map[string]any{"N": o.Forms}))
	}
	if n := o.Open(); n > 0 {
		facts = append(facts, lang.L("Still to tick: {{.N}}", map[string]any{"N": n}))
	}
	p.facts.SetText(strings.Join(facts, " · "))
	if len(p.lines) == 0 {
		p.empty.Show()
	} else {
		p.empty.Hide()
	}
	p.list.Refresh()
	p.bottom.Objects = []fyne.CanvasObject{widget.NewSeparator(), p.erasureArea()}
	p.bottom.Refresh()
}

// erasureArea is the bottom of the page: Person und Bilder endgültig löschen, or the
// proof of the erasure, or the way to complete an interrupted one.
func (p *withdrawalPage) erasureArea() fyne.CanvasObject {
	o := p.o
	if e := o.Erasure; e != nil && e.Done() {
		proof := wrapped(lang.L("Erased on {{.Date}} by {{.By}}: pictures {{.Pictures}}, consent forms {{.Forms}}, backups rewritten {{.Backups}}. Kept as proof: the person's number, the day of the withdrawal and of the erasure; no name.",
			map[string]any{"Date": e.Erased.Local().Format("02.01.2006 15:04"), "By": nonEmpty(e.By, "—"), "Pictures": e.Pictures, "Forms": e.Forms, "Backups": e.Backups}))
		return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, proof)
	}
	label := lang.L("Erase the person and the pictures for good …")
	text := lang.L("Removes the person's pictures, their files, thumbnails and prepared copies, the scanned forms and the personal data, also from the backups. A record without a name remains as proof.")
	if o.Erasure != nil {
		label = lang.L("Complete the erasure …")
		text = lang.L("The erasure was interrupted. Running it again completes it.")
	}
	btn := widget.NewButtonWithIcon(label, theme.DeleteIcon(), p.confirmErase)
	btn.Importance = widget.DangerImportance
	if p.u.ws.ReadOnly() || o.Person == nil && o.Erasure == nil {
		btn.Disable()
	}
	explain := wrapped(text)
	return container.NewBorder(nil, nil, nil, btn, explain)
}

// withdrawalRow is a row of the list; it shows the parts of its line's
// kind and hides the others.
type withdrawalRow struct {
	head    *widget.Label
	post    *fyne.Container
	title   *widget.Label
	flag    *widget.Label
	icon    *widget.Icon // the state's icon (canonical: widerrufen ✗, entfernt ✓)
	open    *widget.Button
	channel *fyne.Container
	check   *widget.Check
	date    *widget.Entry
	by      *widget.SelectEntry
	note    *widget.Entry
	save    *widget.Button
	index   int
}

func (p *withdrawalPage) newRow() fyne.CanvasObject {
	r := &withdrawalRow{index: -1}
	r.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title = widget.NewLabel("")
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.flag = widget.NewLabel("")
	r.open = widget.NewButtonWithIcon(lang.L("Open"), theme.DocumentIcon(), nil)
	r.icon = widget.NewIcon(nil)
	r.post = container.NewBorder(nil, nil, nil, container.NewHBox(r.icon, r.flag, r.open), r.title)
	r.check = widget.NewCheck("", nil)
	r.date = widget.NewEntry()
	r.date.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	r.by = widget.NewSelectEntry(nil)
	r.by.SetPlaceHolder(lang.L("by whom"))
	r.note = widget.NewEntry()
	r.note.SetPlaceHolder(lang.L("Note (optional)"))
	r.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), nil)
	left := container.NewHBox(container.New(&fixedWidth{260}, r.check),
		widget.NewLabel(lang.L("removed on")), container.New(&fixedWidth{130}, r.date),
		widget.NewLabel(lang.L("removed by")), container.New(&fixedWidth{190}, r.by))
	r.channel = container.NewBorder(nil, nil, container.NewHBox(container.New(&fixedWidth{24}), left), r.save, r.note)
	h := &rowHolder{row: r, content: container.NewStack(r.head, r.post, r.channel)}
	h.ExtendBaseWidget(h)
	return h
}

// rowHolder carries a withdrawalRow as a list item.
type rowHolder struct {
	widget.BaseWidget
	row     *withdrawalRow
	content fyne.CanvasObject
}

func (h *rowHolder) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(h.content)
}

func (p *withdrawalPage) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*rowHolder).row
	r.index = i
	l := &p.lines[i]
	r.head.Hide()
	r.post.Hide()
	r.channel.Hide()
	switch l.kind {
	case lineHeading:
		r.head.SetText(l.text)
		r.head.Show()
	case linePlanned, linePublished, lineOther:
		r.title.SetText(withdrawalPostText(l.post))
		r.flag.Importance = widget.MediumImportance
		r.icon.SetResource(nil)
		r.icon.Hide()
		// The state in the product's words and icon (Einwilligung
		// widerrufen: theme.CancelIcon in the error colour), then what it
		// means for the post.
		withdrawn := func(consequence string) {
			r.flag.SetText(lang.L("Consent withdrawn") + ": " + consequence)
			r.flag.Importance = widget.DangerImportance
			r.icon.SetResource(theme.NewErrorThemedResource(theme.CancelIcon()))
			r.icon.Show()
		}
		switch {
		case l.kind == linePlanned && l.post.Pictures > 0 && l.post.Post.Status == data.StatusApproved:
			// Approved before the withdrawal: it must not go out like this.
			withdrawn(lang.L("approved, but must not go out like this"))
		case l.kind == linePlanned && l.post.Pictures > 0:
			withdrawn(lang.L("cannot be approved"))
		case l.kind == linePublished && l.post.Removed():
			r.flag.SetText(lang.L("removed everywhere"))
			r.flag.Importance = widget.SuccessImportance
			r.icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
			r.icon.Show()
		case l.kind == linePublished:
			open := 0
			for _, c := range l.post.Channels {
				if c.Removal == nil {
					open++
				}
			}
			r.flag.SetText(lang.L("Still to tick: {{.N}}", map[string]any{"N": open}))
			r.flag.Importance = widget.WarningImportance
		default:
			r.flag.SetText("")
		}
		r.flag.Refresh()
		id := l.post.Post.ID
		r.open.OnTapped = func() { p.openPost(id) }
		r.post.Show()
		r.post.Refresh() // lays the flag out at its new width
	case lineChannel:
		p.fillChannelRow(r, i)
		r.channel.Show()
		r.channel.Refresh()
	}
}

// fillChannelRow shows line i's checklist form in r. Handlers are cleared
// while the fields are set, so a reused row does not write into the line
// it showed before.
func (p *withdrawalPage) fillChannelRow(r *withdrawalRow, i int) {
	l := &p.lines[i]
	ro := p.u.ws.ReadOnly()
	r.check.OnChanged, r.date.OnChanged, r.by.OnChanged, r.note.OnChanged = nil, nil, nil, nil
	r.check.Text = lang.L("Removed from {{.Channel}}", map[string]any{"Channel": l.ch.Name})
	r.check.SetChecked(l.ch.Removal != nil)
	r.date.SetText(l.on)
	r.by.SetOptions(p.authors)
	r.by.SetText(l.by)
	r.note.SetText(l.note)
	for _, w := range []fyne.Disableable{r.check, r.date, r.by, r.note} {
		if ro {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if l.dirty && l.ch.Removal != nil && !ro {
		r.save.Show()
	} else {
		r.save.Hide()
	}
	changed := func(set func(string)) func(string) {
		return func(s string) {
			set(s)
			l.dirty = true
			if l.ch.Removal != nil {
				r.save.Show()
			}
		}
	}
	r.date.OnChanged = changed(func(s string) { l.on = s })
	r.by.OnChanged = changed(func(s string) { l.by = s })
	r.note.OnChanged = changed(func(s string) { l.note = s })
	r.check.OnChanged = func(on bool) { p.setRemoval(i, on) }
	r.save.OnTapped = func() { p.setRemoval(i, true) }
}

// withdrawalPostText names a post in the list: date, title, status, and
// how many of the person's pictures it uses.
func withdrawalPostText(wp data.WithdrawalPost) string {
	s := postRefText(wp.Post)
	if wp.Pictures > 0 {
		s += " · " + lang.L("pictures of the person: {{.N}}", map[string]any{"N": wp.Pictures})
	}
	return s
}

// setRemoval ticks (with the line's date, name and note) or unticks a
// channel line and shows the result.
func (p *withdrawalPage) setRemoval(i int, on bool) {
	l := &p.lines[i]
	var r *data.Removal
	if on {
		d, err := calendar.ParseDate(l.on)
		if err != nil {
			p.u.showError(lang.L("The removal could not be recorded."), &data.InvalidError{Field: "removed", Message: "Please enter the day the post was removed."})
			p.list.RefreshItem(i)
			return
		}
		r = &data.Removal{On: d, By: l.by, Note: l.note}
	}
	id, post, ch := p.personID, l.post.Post.ID, l.ch.ChannelID
	p.u.do(func(ws *data.Workspace, ctx context.Context) error {
		return ws.SetRemoval(ctx, id, post, ch, r)
	}, func(err error) {
		if err != nil {
			p.u.showError(lang.L("The removal could not be recorded."), err)
			p.list.RefreshItem(i)
			return
		}
		l.dirty = false
		l.ch.Removal = r
		if r != nil {
			l.on, l.by, l.note = r.On.String(), r.By, r.Note
		}
		p.syncPost(post)
		p.refresh()
	})
}

// syncPost copies the channels' ticks into the post's lines, so the post's
// flag ("removed everywhere") and the count of open lines follow.
func (p *withdrawalPage) syncPost(postID int64) {
	ticks := map[int64]*data.Removal{}
	for _, l := range p.lines {
		if l.kind == lineChannel && l.post.Post.ID == postID {
			ticks[l.ch.ChannelID] = l.ch.Removal
		}
	}
	for i := range p.o.Posts {
		wp := &p.o.Posts[i]
		if wp.Post.ID != postID {
			continue
		}
		for j := range wp.Channels {
			wp.Channels[j].Removal = ticks[wp.Channels[j].ChannelID]
		}
		for k := range p.lines {
			if p.lines[k].post.Post.ID == postID {
				p.lines[k].post = *wp
			}
		}
	}
}

// openPost opens a post in the editor; the page is read again after a save.
func (p *withdrawalPage) openPost(id int64) {
	u := p.u
	fetch(u, func(ws *data.Workspace, ctx context.Context) (data.Post, error) { return ws.Post(ctx, id) },
		func(post data.Post, err error) {
			if err != nil {
				u.showError(lang.L("The post could not be opened."), err)
				return
			}
			openEditor(u, post, func() {
				if u.shell != nil {
					u.shell.calendar.afterChange()
				}
				p.reload()
			})
		})
}

// reload reads the overview again and shows it.
func (p *withdrawalPage) reload() {
	p.load(p.refresh)
}

// confirmErase reads the plan, asks with exactly what will go, and erases.
func (p *withdrawalPage) confirmErase() {
	id := p.personID
	fetch(p.u, func(ws *data.Workspace, ctx context.Context) (data.ErasurePlan, error) {
		return ws.PlanErasure(ctx, id)
	},
		func(plan data.ErasurePlan, err error) {
			if err != nil {
				p.u.showError(lang.L("The pictures cannot be erased."), err)
				return
			}
			p.askErase(plan)
		})
}

// erasurePlanText words the plan for the confirmation.
func erasurePlanText(plan data.ErasurePlan) string {
	lines := []string{
		erasurePicturesText(plan),
	}
	// A kind of thing that is not there is not mentioned: "0 copies are
	// erased" reads like a fault.
	for _, c := range []struct {
		key string
		n   int
	}{
		{"{{.Count}} scanned consent form is erased.", plan.Forms},
		{"{{.Count}} post loses these pictures; it stays, its texts say “[Name entfernt]” instead of the name.", plan.Posts},
		{"{{.Count}} prepared copy in “Zum Hochladen” is erased.", plan.UploadCopies},
		{"{{.Count}} backup is checked and rewritten where it holds the person.", plan.Backups},
	} {
		if c.n > 0 {
			lines = append(lines, lang.N(c.key, c.n, map[string]any{"Count": c.n}))
		}
	}
	lines = append(lines, lang.L("Name, contact details, notes, guardians and consents of the person. What stays is a record without a name: number, day of the withdrawal, day of the erasure."))
	if plan.SameName > 0 {
		lines = append(lines, lang.L("Other people of the same name: {{.N}}. Texts that name them lose the name too, as they cannot be told apart; their own records stay.",
			map[string]any{"N": plan.SameName}))
	}
	return "• " + strings.Join(lines, "\n• ")
}

// erasurePicturesText says how many pictures go and, only when there are
// any, how many of them show other people too: they go all the same, as a
// picture cannot be erased in part.
func erasurePicturesText(plan data.ErasurePlan) string {
	s := lang.N("{{.Count}} picture shows the person.", plan.Pictures, map[string]any{"Count": plan.Pictures})
	if plan.WithOthers > 0 {
		s += " " + lang.N("{{.Count}} of these pictures also shows other people; it is erased all the same.", plan.WithOthers, map[string]any{"Count": plan.WithOthers})
	}
	return s
}

func (p *withdrawalPage) askErase(plan data.ErasurePlan) {
	who := lang.L("person no. {{.ID}}", map[string]any{"ID": p.personID})
	if p.o.Person != nil {
		who = fmt.Sprintf("%s (%s)", p.o.Person.Name, who)
	}
	intro := lang.L("For {{.Who}} this removes for good, with the thumbnails and the copies in the Papierkorb:", map[string]any{"Who": who})
	if plan.Resume {
		intro = lang.L("An interrupted erasure is completed. It removes:")
	}
	what := wrapped(erasurePlanText(plan))
	warn := wrapped(lang.L("This cannot be undone, not even from a backup."))
	warn.Importance = widget.DangerImportance
	content := container.NewVBox(wrapped(intro), what, warn)
	var d *dialog.CustomDialog
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	erase := widget.NewButtonWithIcon(lang.L("Erase for good"), theme.DeleteIcon(), func() {
		d.Hide()
		p.erase()
	})
	erase.Importance = widget.DangerImportance
	d = dialog.NewCustomWithoutButtons(lang.L("Erase the person and the pictures for good?"), content, p.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, erase})
	d.Resize(fyne.NewSize(640, d.MinSize().Height))
	d.Show()
}

// erase runs the erasure as a shown job and then says what was removed.
func (p *withdrawalPage) erase() {
	id := p.personID
	ws := p.u.ws
	p.u.runShown(lang.L("Erasing the person and the pictures"), func(ctx context.Context, j *job) func() {
		res, err := ws.ErasePerson(ctx, id, j.progress)
		return func() {
			p.reload()
			p.u.afterErasure(id)
			if err != nil && !errors.Is(err, data.ErrErasureIncomplete) {
				if errors.Is(err, context.Canceled) {
					dialog.ShowInformation(lang.L("Erasure stopped"), lang.L("The erasure was stopped. Open the withdrawal page again and complete it."), p.u.win)
					return
				}
				p.u.showError(lang.L("The erasure failed."), err)
				return
			}
			p.showErased(res)
		}
	})
}

// afterErasure brings the screens that may show the erased person or
// her pictures up to date at once: the Personen list (and its pane, if it
// showed her), the Mediathek, the calendar with the reminders of its side
// panel ("… hat … widerrufen") and the Übergabe. Otherwise they would go on
// showing her until next opened, which looks as if the erasure had failed.
// Called also after a failed or stopped run, which may have removed part.
func (u *UI) afterErasure(personID int64) {
	s := u.shell
	if s == nil {
		return
	}
	s.people.reload()
	if s.people.selID == personID {
		s.people.detail.load(personID) // not found: the pane shows its hint
	}
	s.library.reload()
	s.calendar.afterChange()
	s.handover.refresh()
}

// showErased says what the erasure removed, and which backups it could not
// rewrite.
func (p *withdrawalPage) showErased(r data.ErasureResult) {
	p.showErasedTitled(lang.L("Person and pictures erased"), r)
}

// showErasedTitled is showErased with its title.
func (p *withdrawalPage) showErasedTitled(title string, r data.ErasureResult) {
	lines := []string{
		lang.L("Pictures: {{.N}}, consent forms: {{.Forms}}", map[string]any{"N": r.Pictures, "Forms": r.Forms}),
		lang.L("Files removed: {{.Files}} originals, {{.Thumbs}} thumbnails, {{.Trash}} from the Papierkorb, {{.Copies}} prepared copies",
			map[string]any{"Files": r.Files, "Thumbs": r.Thumbnails, "Trash": r.TrashCopies, "Copies": r.UploadCopies}),
		lang.L("Posts that lost the pictures: {{.N}}; texts where the name was replaced: {{.Texts}}", map[string]any{"N": r.Posts, "Texts": r.Texts}),
		lang.L("Backups checked: {{.Checked}}, rewritten and verified: {{.Rewritten}}", map[string]any{"Checked": r.BackupsChecked, "Rewritten": r.BackupsRewritten}),
	}
	text := "• " + strings.Join(lines, "\n• ")
	if len(r.BackupsFailed) > 0 {
		title = lang.L("Erasure not complete")
		var failed []string
		for _, f := range r.BackupsFailed {
			failed = append(failed, fmt.Sprintf("%s (%v)", f.Path, f.Err))
		}
		text += "\n\n" + lang.L("These files could not be rewritten and still hold the person's data. Delete them, then complete the erasure on this page:") +
			"\n" + strings.Join(failed, "\n")
	}
	l := wrapped(text)
	d := dialog.NewCustom(title, lang.L("Close"), l, p.u.win)
	d.Resize(fyne.NewSize(640, d.MinSize().Height))
	d.Show()
}

// resumeErasures completes erasures that were interrupted (Feedtakt was
// closed or the PC went down while one ran) when the workspace opens: the
// person may already be gone from the Personen list, so no page would lead
// there again, and the plan with the name waits in the journal until the
// erasure completes. What it completed, or could not, is shown.
func (u *UI) resumeErasures(ws *data.Workspace) {
	fetch(u, (*data.Workspace).Erasures, func(recs []data.ErasureRecord, err error) {
		if err != nil {
			log.Printf("read erasures: %v", err)
			return
		}
		for _, rec := range recs {
			if rec.Done() {
				continue
			}
			id := rec.PersonID
			u.runShown(lang.L("Erasing the person and the pictures"), func(ctx context.Context, j *job) func() {
				res, err := ws.ErasePerson(ctx, id, j.progress)
				return func() {
					u.afterErasure(id)
					if err != nil && !errors.Is(err, data.ErrErasureIncomplete) {
						if !errors.Is(err, context.Canceled) {
							u.showError(lang.L("The erasure failed."), err)
						}
						return
					}
					p := &withdrawalPage{u: u, personID: id}
					p.showErasedTitled(lang.L("Interrupted erasure of person no. {{.ID}} completed", map[string]any{"ID": id}), res)
				}
			})
		}
	})
}
