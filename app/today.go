// "Heute und diese Woche": the top of the calendar's side panel answers
// what she opens the plan with — what is due today, what still lacks
// text, a picture or a time, and how it gets posted. Each post has one
// button to what comes next: Posten … for an approved post due today, Als
// veröffentlicht markieren for one whose time has passed, Öffnen for the
// rest. What a post lacks comes from data.Agenda, which asks the same
// rules as the chips and the editor.

package app

import (
	"context"
	"log"
	"strings"
	"time"

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

// Preferences of the side panel, per user (fyne Preferences).
const (
	prefTodayOpen = "calendarTodayOpen" // "Heute und diese Woche" unfolded
	prefSidePanel = "calendarSidePanel" // the side panel shown beside the plan
)

// agendaLookBack is how many days back an overdue post is still shown.
const agendaLookBack = 7

// agendaFolded is how many posts a later group ("Diese Woche") shows
// before "… N weitere anzeigen".
const agendaFolded = 4

// The groups of the agenda, in the panel's order.
const (
	groupOverdue = iota
	groupToday
	groupTomorrow
	groupThisWeek
	groupNextWeek
	groupCount
)

// The one next step of an agenda row.
type agendaStep int

const (
	stepOpen agendaStep = iota // Öffnen: the editor
	stepPost                   // Posten …: the posting view
	stepMark                   // Als veröffentlicht markieren
)

// agendaSpan is the days the agenda covers on day today: from a week
// back (overdue posts) to Sunday; on a Saturday or Sunday to the Sunday
// after, so the coming week is not out of sight for the weekend.
func agendaSpan(today calendar.Date) (from, to calendar.Date) {
	to = calendar.WeekStart(today).AddDays(6)
	if wd := today.Weekday(); wd == time.Saturday || wd == time.Sunday {
		to = to.AddDays(7)
	}
	return today.AddDays(-agendaLookBack), to
}

// agendaGroup is the group an item is shown under on day today.
func agendaGroup(it data.AgendaItem, today calendar.Date) int {
	d := *it.Post.Date
	switch {
	case it.Overdue:
		return groupOverdue
	case d == today:
		return groupToday
	case d == today.AddDays(1):
		return groupTomorrow
	case !d.After(calendar.WeekStart(today).AddDays(6)):
		return groupThisWeek
	}
	return groupNextWeek
}

// nextStep is the one button of an item: a post whose time has passed is
// marked published (unless it has no text: then it cannot have gone out
// and wants opening), an approved post due today is posted, anything else
// opened.
func nextStep(it data.AgendaItem, today calendar.Date) agendaStep {
	switch {
	case it.Overdue && !it.Lacks(data.MissingText):
		return stepMark
	case !it.Overdue && *it.Post.Date == today && it.Post.Status == data.StatusApproved:
		return stepPost
	}
	return stepOpen
}

// todayPanel is the "Heute und diese Woche" section.
type todayPanel struct {
	s       *calendarScreen
	content *fyne.Container
	toggle  *widget.Button // folds the section
	summary *widget.Label  // the counts, while folded
	body    *fyne.Container
	open    bool
	now     func() time.Time // time.Now; tests set it
	gen     int
	// resized lays out what holds the section again once its height
	// changed (the side panel's scroll does not notice by itself).
	resized func()
	// timer reloads the panel when a post's time comes or the day
	// changes, so an app left open all day does not offer Posten … for a
	// post that is overdue by now.
	timer *time.Timer

	items   []data.AgendaItem
	look    lookups
	err     error
	showAll [groupCount]bool
	// buttons are each row's one button, by post ID (tests).
	buttons map[int64]*widget.Button
}

func newTodayPanel(s *calendarScreen) *todayPanel {
	t := &todayPanel{s: s, now: time.Now, buttons: map[int64]*widget.Button{}}
	t.open = s.u.app.Preferences().BoolWithFallback(prefTodayOpen, true)
	// A heading like the panel's others, with the fold button before it;
	// tapping the heading folds too.
	t.toggle = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), t.onToggle)
	t.toggle.Importance = widget.LowImportance
	head := newTapArea(heading(lang.L("Today and this week")), t.onToggle, nil)
	t.summary = wrapped("")
	t.body = container.NewVBox()
	t.content = container.NewVBox(container.NewBorder(nil, nil, t.toggle, nil, head), t.summary, t.body)
	t.layoutFold()
	return t
}

// onToggle folds or unfolds the section and remembers it.
func (t *todayPanel) onToggle() {
	t.open = !t.open
	t.s.u.app.Preferences().SetBool(prefTodayOpen, t.open)
	t.layoutFold()
}

func (t *todayPanel) layoutFold() {
	if t.open {
		t.toggle.SetIcon(theme.MenuDropDownIcon())
		t.body.Show()
		t.summary.Hide()
	} else {
		t.toggle.SetIcon(theme.MenuExpandIcon())
		t.body.Hide()
		t.summary.SetText(t.summaryText())
		t.summary.Show()
	}
	t.content.Refresh()
	if t.resized != nil {
		t.resized()
	}
}

// summaryText counts the groups for the folded section: "2 überfällig ·
// 3 heute · 5 in den nächsten Tagen".
func (t *todayPanel) summaryText() string {
	var n [groupCount]int
	today := data.Today(t.now())
	for _, it := range t.items {
		n[agendaGroup(it, today)]++
	}
	var parts []string
	if n[groupOverdue] > 0 {
		parts = append(parts, lang.L("{{.N}} overdue", map[string]any{"N": n[groupOverdue]}))
	}
	parts = append(parts, lang.L("{{.N}} today", map[string]any{"N": n[groupToday]}))
	if rest := n[groupTomorrow] + n[groupThisWeek] + n[groupNextWeek]; rest > 0 {
		parts = append(parts, lang.L("{{.N}} in the coming days", map[string]any{"N": rest}))
	}
	return strings.Join(parts, " · ")
}

// reload reads the agenda in the background.
func (t *todayPanel) reload() {
	t.gen++
	gen := t.gen
	ws := t.s.u.ws
	now := t.now()
	from, to := agendaSpan(data.Today(now))
	t.s.u.run(func(ctx context.Context) func() {
		look, err := loadLookups(ctx, ws)
		var items []data.AgendaItem
		if err == nil {
			items, err = ws.Agenda(ctx, from, to, now)
		}
		return func() {
			if gen != t.gen {
				return
			}
			if err != nil {
				log.Printf("load agenda: %v", err)
			}
			t.items, t.look, t.err = items, look, err
			t.show()
		}
	})
}

// show fills the section from the loaded agenda.
func (t *todayPanel) show() {
	t.buttons = map[int64]*widget.Button{}
	if t.err != nil {
		t.body.Objects = []fyne.CanvasObject{wrapped(lang.L("What is due could not be loaded.") + " " + explain(t.err))}
		t.layoutFold()
		return
	}
	today := data.Today(t.now())
	var groups [groupCount][]data.AgendaItem
	for _, it := range t.items {
		g := agendaGroup(it, today)
		groups[g] = append(groups[g], it)
	}
	var objs []fyne.CanvasObject
	for g := range groupCount {
		objs = append(objs, t.group(g, groups[g], today)...)
	}
	t.body.Objects = objs
	t.layoutFold()
	t.scheduleRefresh()
}

// nextRefresh is when the agenda read at now changes by itself: the
// first planned time still to come today, else the next midnight.
func nextRefresh(items []data.AgendaItem, now time.Time) time.Time {
	next := data.Midnight(data.Today(now).AddDays(1))
	for _, it := range items {
		if at, ok := data.PlannedAt(it.Post); ok && at.After(now) && at.Before(next) {
			next = at
		}
	}
	return next
}

// scheduleRefresh reloads the calendar (the day's highlight, the gaps
// from today, the agenda) at nextRefresh, unless the workspace or the
// screen is gone by then. The reload goes through the runner's delivery
// onto the UI goroutine.
func (t *todayPanel) scheduleRefresh() {
	if t.timer != nil {
		t.timer.Stop()
	}
	u, s := t.s.u, t.s
	gen := u.jobs.generation()
	wait := nextRefresh(t.items, t.now()).Sub(t.now()) + time.Second
	t.timer = time.AfterFunc(wait, func() {
		u.jobs.deliver(func() {
			if u.jobs.generation() != gen || u.shell == nil || u.shell.calendar != s {
				return
			}
			s.reload()
		})
	})
}

// group is one group's heading and rows; Heute is always there (saying
// when nothing is due), the others only when they hold a post.
func (t *todayPanel) group(g int, items []data.AgendaItem, today calendar.Date) []fyne.CanvasObject {
	if len(items) == 0 && g != groupToday {
		return nil
	}
	head := widget.NewLabelWithStyle(groupName(g), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var objs []fyne.CanvasObject
	if g == groupOverdue {
		head.Importance = widget.DangerImportance
		objs = append(objs, container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon())), nil, head))
	} else {
		objs = append(objs, head)
	}
	if len(items) == 0 {
		objs = append(objs, wrapped(t.nothingToday(today)))
	}
	shown := items
	fold := g >= groupThisWeek && len(items) > agendaFolded+1 && !t.showAll[g]
	if fold {
		shown = items[:agendaFolded]
	}
	for _, it := range shown {
		objs = append(objs, t.row(it, today), widget.NewSeparator())
	}
	if fold {
		more := widget.NewButton(lang.L("… show {{.N}} more", map[string]any{"N": len(items) - agendaFolded}), func() {
			t.showAll[g] = true
			t.show()
		})
		more.Importance = widget.LowImportance
		objs = append(objs, container.NewHBox(more))
	}
	return objs
}

// groupName is a group's heading.
func groupName(g int) string {
	switch g {
	case groupOverdue:
		return lang.L("Overdue")
	case groupToday:
		return lang.L("Today")
	case groupTomorrow:
		return lang.L("Tomorrow")
	case groupThisWeek:
		return lang.L("This week")
	}
	return lang.L("Next week")
}

// row is one post: when and its status, the title (two lines at most),
// what it lacks, and its one button.
func (t *todayPanel) row(it data.AgendaItem, today calendar.Date) fyne.CanvasObject {
	p := it.Post
	icon, word := agendaStatus(it)
	when := lang.L("no time")
	if p.Time != nil {
		when = p.Time.String()
	}
	if *p.Date != today && *p.Date != today.AddDays(1) {
		when = weekdayShort(p.Date.Weekday()) + " " + p.Date.String()[:6] + " " + when
	}
	line := widget.NewLabel(when + " · " + word)
	line.Truncation = fyne.TextTruncateEllipsis
	if it.Overdue {
		line.Importance = widget.DangerImportance
		line.TextStyle.Bold = true
	}
	title := widget.NewLabel(shortLine(p.Title, 2*260))
	title.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{container.NewBorder(nil, nil, widget.NewIcon(icon), nil, line), title}
	if len(it.Missing) > 0 {
		// Plain text beside the warning sign: the theme's orange is too
		// pale on white for a line to be read.
		missing := wrapped(lang.L("Missing: {{.List}}", map[string]any{"List": missingWords(it.Missing)}))
		objs = append(objs, container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, missing))
	}
	b := t.stepButton(it, today)
	t.buttons[p.ID] = b
	buttons := container.NewHBox(b)
	if nextStep(it, today) == stepMark && p.Status == data.StatusApproved {
		// Overdue and approved: perhaps not posted yet. The posting view
		// (texts to copy) stands beside the mark, so she never has to
		// mark a post she did not post.
		// One above the other: side by side they would widen the panel
		// and squeeze the month at 125 %.
		post := widget.NewButtonWithIcon(lang.L("Post …"), theme.MailSendIcon(), func() { openPosting(t.s.u, p, t.s.afterChange) })
		buttons = container.NewVBox(container.NewHBox(post), container.NewHBox(b))
	}
	// The lines of one post close together (a label pads itself), the
	// posts apart: the panel is narrow and should hold a week.
	text := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.InnerPadding()+2), objs...)
	return container.NewVBox(text, buttons)
}

// nothingToday says that nothing is due today, or nothing more when an
// overdue post of today stands above ("Heute steht nichts an" under a post
// of today at 16:00 would contradict it).
func (t *todayPanel) nothingToday(today calendar.Date) string {
	for _, it := range t.items {
		if it.Overdue && it.Post.Date != nil && *it.Post.Date == today {
			return lang.L("Nothing else is due today.")
		}
	}
	return lang.L("Nothing is due today.")
}

// agendaStatus is the row's icon and word: "überfällig" for an overdue
// post (told by the word and the warning sign, not by colour alone),
// otherwise the status.
func agendaStatus(it data.AgendaItem) (fyne.Resource, string) {
	if it.Overdue {
		return theme.NewErrorThemedResource(theme.WarningIcon()), lang.L("overdue")
	}
	// The calendar's own status icons, so a status looks the same here
	// and on its chip.
	return theme.NewThemedResource(statusIcon(it.Post.Status)), statusName(it.Post.Status)
}

// missingWords names what an item lacks: "Text, Bild, Uhrzeit".
func missingWords(ms []data.Missing) string {
	words := make([]string, len(ms))
	for i, m := range ms {
		switch m {
		case data.MissingText:
			words[i] = lang.L("Text")
		case data.MissingPicture:
			words[i] = lang.L("Picture")
		case data.MissingTime:
			words[i] = lang.L("Time")
		case data.MissingApproval:
			words[i] = lang.L("Approval")
		case data.MissingAltText:
			words[i] = lang.L("Alt text")
		case data.MissingConsent:
			words[i] = lang.L("valid consent")
		case data.MissingLicence:
			words[i] = lang.L("valid licence")
		default:
			words[i] = string(m)
		}
	}
	return strings.Join(words, ", ")
}

// stepButton is the row's one button.
func (t *todayPanel) stepButton(it data.AgendaItem, today calendar.Date) *widget.Button {
	p := it.Post
	s := t.s
	switch nextStep(it, today) {
	case stepMark:
		b := widget.NewButtonWithIcon(lang.L("Mark as published"), theme.ConfirmIcon(), func() { t.onMark(p) })
		b.Importance = widget.HighImportance
		if s.u.ws.ReadOnly() {
			b.Disable()
		}
		return b
	case stepPost:
		b := widget.NewButtonWithIcon(lang.L("Post …"), theme.MailSendIcon(), func() { openPosting(s.u, p, s.afterChange) })
		b.Importance = widget.HighImportance
		return b
	}
	return widget.NewButtonWithIcon(lang.L("Open"), theme.DocumentCreateIcon(), func() { s.openPost(p.ID) })
}

// onMark marks the post published on its channels not marked yet; only
// when there are several it asks which.
func (t *todayPanel) onMark(p data.Post) {
	var open []int64
	for _, c := range p.Channels {
		if !c.Published() {
			open = append(open, c.ChannelID)
		}
	}
	if len(open) <= 1 {
		t.mark(p, open)
		return
	}
	checks := make([]*widget.Check, len(open))
	var objs []fyne.CanvasObject
	objs = append(objs, wrapped(lang.L("On which channels did “{{.Title}}” go out?", map[string]any{"Title": shortLine(p.Title, 380)})))
	for i, id := range open {
		checks[i] = widget.NewCheck(t.look.channelName(id), nil)
		checks[i].SetChecked(true)
		objs = append(objs, checks[i])
	}
	dialog.ShowCustomConfirm(lang.L("Mark as published"), lang.L("Mark as published"), lang.L("Cancel"),
		container.NewVBox(objs...), func(ok bool) {
			if !ok {
				return
			}
			var chosen []int64
			for i, c := range checks {
				if c.Checked {
					chosen = append(chosen, open[i])
				}
			}
			t.mark(p, chosen)
		}, t.s.u.win)
}

// mark stores the marks, at the planned time when that has passed (she
// marks afterwards what went out as planned), else now.
func (t *todayPanel) mark(p data.Post, channels []int64) {
	if len(channels) == 0 {
		return
	}
	var at time.Time
	if planned, ok := data.PlannedAt(p); ok && planned.Before(t.now()) {
		at = planned
	}
	s := t.s
	s.u.do(func(ws *data.Workspace, ctx context.Context) error {
		for _, ch := range channels {
			if err := ws.MarkPublished(ctx, p.ID, ch, "", at); err != nil {
				return err
			}
		}
		return nil
	}, func(err error) {
		if err != nil {
			s.u.showError(lang.L("The post could not be marked as published."), err)
		}
		s.afterChange()
	})
}

// sidePanel puts the plan and the side panel side by side. The panel can
// be hidden to give the plan the full width ("Leiste ausblenden" on its
// top; the toolbar has no room left at 1240 pixels), and shown again from
// a slim strip at the right edge; the choice is remembered.
type sidePanel struct {
	s       *calendarScreen
	content fyne.CanvasObject
	panel   fyne.CanvasObject // the side panel with its hide button
	strip   fyne.CanvasObject // the show button, while the panel is hidden
	hide    *widget.Button
	show    *widget.Button
}

func newSidePanel(s *calendarScreen, plan, side fyne.CanvasObject) *sidePanel {
	p := &sidePanel{s: s}
	p.hide = widget.NewButtonWithIcon(lang.L("Hide side panel"), theme.NavigateNextIcon(), func() { p.set(false) })
	p.hide.IconPlacement = widget.ButtonIconTrailingText
	p.hide.Importance = widget.LowImportance
	// A word beside the arrow: an arrow alone at the edge says nothing.
	p.show = widget.NewButtonWithIcon(lang.L("Side panel"), theme.NavigateBackIcon(), func() { p.set(true) })
	p.show.Importance = widget.LowImportance
	p.panel = container.NewBorder(container.NewHBox(layout.NewSpacer(), p.hide), nil, nil, nil, side)
	p.strip = container.NewVBox(p.show)
	split := container.NewHSplit(plan, p.panel)
	split.Offset = 0.76
	p.content = container.NewBorder(nil, nil, nil, p.strip, split)
	p.apply(s.u.app.Preferences().BoolWithFallback(prefSidePanel, true))
	return p
}

// set shows or hides the panel and remembers it.
func (p *sidePanel) set(shown bool) {
	p.s.u.app.Preferences().SetBool(prefSidePanel, shown)
	p.apply(shown)
}

func (p *sidePanel) apply(shown bool) {
	if shown {
		p.panel.Show()
		p.strip.Hide()
	} else {
		p.panel.Hide()
		p.strip.Show()
	}
	p.content.Refresh()
}

// shown reports whether the panel is shown.
func (p *sidePanel) shown() bool { return p.panel.Visible() }
