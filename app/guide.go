// The guided start after creating a workspace (three steps: channels with
// their Takt, topics, a first post), and the hint an empty plan gives.

package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// guideSteps is how many steps the guided start has.
const guideSteps = 3

// guide is the guided start: it takes the window until she ends it, and
// every step is done in place with the same lists as in Einstellungen.
type guide struct {
	u       *UI
	ws      *data.Workspace // the workspace it was started for
	content fyne.CanvasObject

	step  int
	steps []fyne.CanvasObject
	body  *fyne.Container
	marks []*widget.Label // the step names on top, the current one bold
	back  *widget.Button
	next  *widget.Button
	skip  *widget.Button
	first *widget.Button // "Ersten Beitrag planen …"
	// footer holds the buttons; it is laid out anew when "Weiter"
	// becomes "Zum Kalender".
	footer *fyne.Container
	set    *settingsScreen
}

// startGuide shows the guided start over the open workspace; it ends in
// the calendar.
func (u *UI) startGuide() *guide {
	g := newGuide(u)
	u.setContent(g.content)
	return g
}

func newGuide(u *UI) *guide {
	g := &guide{u: u, ws: u.ws, set: &settingsScreen{u: u}, body: container.NewStack()}
	title := widget.NewLabelWithStyle(lang.L("Your workspace is ready. Three steps, then you can plan."), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	title.Wrapping = fyne.TextWrapWord
	names := []string{lang.L("Channels and their cadence"), lang.L("Topics"), lang.L("A first post")}
	var marks []fyne.CanvasObject
	for i, n := range names {
		l := widget.NewLabel(fmt.Sprintf("%d. %s", i+1, n))
		g.marks = append(g.marks, l)
		if i > 0 {
			marks = append(marks, widget.NewLabel("›"))
		}
		marks = append(marks, l)
	}

	channels := g.set.channelsSection()
	topics := g.set.topicsSection()
	// The lists fill in the background; the page then lays out anew.
	g.set.shown = func() { g.body.Refresh() }
	g.set.loadChannels()
	g.set.loadTopics()
	g.first = widget.NewButtonWithIcon(lang.L("Plan the first post …"), theme.ContentAddIcon(), g.onFirstPost)
	g.first.Importance = widget.HighImportance
	if u.ws.ReadOnly() {
		g.first.Disable()
	}
	g.steps = []fyne.CanvasObject{
		guideStep(lang.L("Where do you post, and how often? Feedtakt has set up Instagram and Facebook with 2 posts a week each. Change them with Edit …, add the accounts you use, disable what you do not use. The calendar shows where the plan falls short of this cadence (Takt)."), channels),
		guideStep(lang.L("Topics (Rubriken) sort your posts by subject and give them their colour in the calendar. Four examples are set up: rename, delete or add your own."), topics),
		guideStep(lang.L("Plan your first post now: a day, the channels, a title; text and pictures can follow later. Later you make new posts with “New post” in the calendar or Ctrl+N."),
			container.NewHBox(g.first)),
	}
	g.skip = widget.NewButton(lang.L("Skip the guide"), g.finish)
	g.skip.Importance = widget.LowImportance
	g.back = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), func() { g.show(g.step - 1) })
	g.next = widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), g.onNext)
	g.next.IconPlacement = widget.ButtonIconTrailingText
	g.next.Importance = widget.HighImportance
	g.footer = container.NewHBox(g.skip, layout.NewSpacer(), g.back, g.next)
	footer := g.footer
	head := container.NewVBox(title, container.NewHBox(marks...), widget.NewSeparator())
	page := container.NewBorder(head, container.NewVBox(widget.NewSeparator(), footer), nil, nil, container.NewVScroll(g.body))
	g.content = container.NewPadded(narrow(980, page))
	g.show(0)
	return g
}

// guideStep is one step's page: what it is for, then the list to edit.
func guideStep(text string, body fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l, body)
}

// show turns to step i.
func (g *guide) show(i int) {
	g.step = max(0, min(i, guideSteps-1))
	g.body.Objects = []fyne.CanvasObject{g.steps[g.step]}
	g.body.Refresh()
	for k, m := range g.marks {
		m.TextStyle = fyne.TextStyle{Bold: k == g.step}
		m.Importance = widget.MediumImportance
		if k == g.step {
			m.Importance = widget.HighImportance
		}
		m.Refresh()
	}
	if g.step == 0 {
		g.back.Disable()
	} else {
		g.back.Enable()
	}
	if g.step == guideSteps-1 {
		g.next.SetText(lang.L("To the calendar"))
		g.next.Importance = widget.MediumImportance
		g.skip.Hide()
	} else {
		g.next.SetText(lang.L("Next"))
		g.next.Importance = widget.HighImportance
		g.skip.Show()
	}
	g.next.Refresh()
	g.footer.Refresh()
}

func (g *guide) onNext() {
	if g.step == guideSteps-1 {
		g.finish()
		return
	}
	g.show(g.step + 1)
}

// onFirstPost opens the editor for a draft today; once it is saved the
// guide ends in the calendar, where the post now stands.
func (g *guide) onFirstPost() {
	day := today()
	openEditor(g.u, data.Post{Status: data.StatusDraft, Date: &day}, g.finish)
}

// finish leaves the guide for the calendar, which (like Einstellungen)
// shows what was changed in the steps.
func (g *guide) finish() {
	u := g.u
	if u.shell == nil || u.ws != g.ws {
		return // another workspace was opened meanwhile
	}
	u.setContent(u.shell.content)
	u.shell.settings.loadChannels()
	u.shell.settings.loadTopics()
	u.shell.selectScreen(screenCalendar)
	u.shell.calendar.afterChange()
}

// emptyPlanHint is what the calendar shows over its empty views while the
// workspace has no post at all: what to do first.
type emptyPlanHint struct {
	widget.BaseWidget
	box fyne.CanvasObject
}

func newEmptyPlanHint(s *calendarScreen) *emptyPlanHint {
	h := &emptyPlanHint{}
	title := widget.NewLabelWithStyle(lang.L("No posts yet"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	text := widget.NewLabelWithStyle(lang.L("First set your channels with their cadence (Takt) and your topics, then plan the first post. Or double-click a day."), fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	setup := widget.NewButtonWithIcon(lang.L("Set channels and topics …"), theme.SettingsIcon(), func() { s.u.startGuide() })
	post := widget.NewButtonWithIcon(lang.L("New post (Ctrl+N)"), theme.ContentAddIcon(), func() { s.newPostOn(&s.selected) })
	post.Importance = widget.HighImportance
	items := []fyne.CanvasObject{title, text}
	if !s.u.ws.ReadOnly() {
		items = append(items, container.NewCenter(container.NewHBox(setup, post)))
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize() * 2
	card := container.NewStack(bg, container.NewPadded(container.NewPadded(container.NewVBox(items...))))
	h.box = container.NewCenter(container.NewGridWrap(fyne.NewSize(540, card.MinSize().Height), card))
	h.ExtendBaseWidget(h)
	return h
}

func (h *emptyPlanHint) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(h.box) }

// checkEmptyPlan shows the hint over the calendar's views while the
// workspace holds no post (dated or idea), and takes it away once it does.
func checkEmptyPlan(s *calendarScreen) {
	fetch(s.u, (*data.Workspace).Counts, func(c data.Counts, err error) {
		if err != nil {
			return // the plan itself reports a failing database
		}
		showEmptyPlanHint(s, c.Posts+c.Ideas == 0)
	})
}

func showEmptyPlanHint(s *calendarScreen, show bool) {
	objs := make([]fyne.CanvasObject, 0, len(s.views.Objects)+1)
	had := false
	for _, o := range s.views.Objects {
		if _, ok := o.(*emptyPlanHint); ok {
			had = true
			continue
		}
		objs = append(objs, o)
	}
	if had == show {
		return
	}
	if show {
		objs = append(objs, newEmptyPlanHint(s))
	}
	s.views.Objects = objs
	s.views.Refresh()
}
