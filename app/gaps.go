package app

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// Look-ahead of the Takt panel.
const (
	gapWeeks     = 8
	ideasPerGap  = 3
	maxGapsShown = 12
	// gapsFolded is how many gaps show before "… N weitere anzeigen".
	gapsFolded = 3
)

// gapPanel is the side panel beside the calendar: on top what is due
// today and this week (today.go), then the reminders of the Einwilligungen,
// then the Takt gaps — where a channel will go quiet in the coming weeks,
// with ideas to place there in one click, folded when there are many.
type gapPanel struct {
	s       *calendarScreen
	content fyne.CanvasObject
	today   *todayPanel
	box     *fyne.Container
	gen     int
	// showAll unfolds the gaps beyond gapsFolded; last is what show was
	// given, to show it again unfolded.
	showAll bool
	last    func()
	// placeButtons open the idea menu of each gap (tests tap them).
	placeButtons []*widget.Button
	placeFor     []int64 // the channel of each gap, beside placeButtons
	// hints are the reminders of the Einwilligungen, on top (reminders.go).
	hints *reminderBox
}

type gapWithIdeas struct {
	gap   data.Gap
	ideas []data.Post
}

func newGapPanel(s *calendarScreen) *gapPanel {
	g := &gapPanel{s: s}
	g.hints = newReminderBox(s.u, 3, true, "")
	g.today = newTodayPanel(s)
	g.box = container.NewVBox()
	inner := container.NewVBox(g.today.content, widget.NewSeparator(), g.box)
	g.content = container.NewVScroll(container.NewPadded(inner))
	g.today.resized = func() {
		inner.Refresh()
		g.content.Refresh()
	}
	return g
}

// reload reads the whole side panel again: what is due, the reminders,
// the gaps.
func (g *gapPanel) reload() {
	g.today.reload()
	g.gen++
	gen := g.gen
	ws := g.s.u.ws
	g.s.u.run(func(ctx context.Context) func() {
		now := today()
		look, err := loadLookups(ctx, ws)
		var gaps []data.Gap
		var withIdeas []gapWithIdeas
		if err == nil {
			gaps, err = ws.Gaps(ctx, now, now.AddDays(gapWeeks*7))
		}
		if err == nil {
			for i, gp := range gaps {
				if i >= maxGapsShown {
					break
				}
				ideas, ierr := ws.GapIdeas(ctx, gp, ideasPerGap)
				if ierr != nil {
					err = ierr
					break
				}
				withIdeas = append(withIdeas, gapWithIdeas{gap: gp, ideas: ideas})
			}
		}
		hints, herr := loadReminders(ctx, ws) // its own error: the gaps still show
		return func() {
			if gen != g.gen {
				return
			}
			g.hints.set(hints, herr)
			if err != nil {
				log.Printf("load gaps: %v", err)
				g.box.Objects = []fyne.CanvasObject{g.hints.content, heading(lang.L("Gaps in the cadence")), wrapped(lang.L("The gaps could not be loaded.") + " " + explain(err))}
				g.box.Refresh()
				return
			}
			g.last = func() { g.show(look, withIdeas, len(gaps)) }
			g.last()
		}
	})
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (g *gapPanel) show(look lookups, gaps []gapWithIdeas, total int) {
	ro := g.s.u.ws.ReadOnly()
	g.placeButtons, g.placeFor = nil, nil
	objs := []fyne.CanvasObject{g.hints.content, heading(lang.L("Gaps in the cadence")), wrapped(taktExplained()),
		wrapped(lang.L("Next {{.N}} weeks: where a channel would go quiet.", map[string]any{"N": gapWeeks}))}
	switch {
	case look.activeTarget == 0:
		objs = append(objs, wrapped(lang.L("Set a cadence for your channels in the settings (e.g. Instagram 2 per week); then gaps in the plan show here.")))
	case total == 0:
		objs = append(objs, wrapped(lang.L("No gaps in the next {{.N}} weeks. The plan keeps the cadence.", map[string]any{"N": gapWeeks})))
	}
	shown := gaps
	if !g.showAll && len(gaps) > gapsFolded+1 {
		shown = gaps[:gapsFolded]
	}
	for _, gi := range shown {
		gi := gi
		gp := gi.gap
		title := widget.NewLabelWithStyle(look.channelName(gp.ChannelID), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		span := widget.NewLabel(lang.L("{{.From}} – {{.To}}: {{.Days}} days without a post", map[string]any{
			"From": gp.From.String()[:6], "To": gp.To.String()[:6], "Days": gp.Days()}))
		span.Truncation = fyne.TextTruncateEllipsis
		var place *widget.Button
		place = widget.NewButtonWithIcon(lang.L("Place idea …"), theme.ContentAddIcon(), func() {
			var items []*fyne.MenuItem
			for _, idea := range gi.ideas {
				idea := idea
				items = append(items, fyne.NewMenuItem(shortLine(idea.Title, 420), func() { g.place(idea, gp) }))
			}
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(place).Add(fyne.NewPos(0, place.Size().Height))
			widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), g.s.u.win.Canvas(), pos)
		})
		if ro || len(gi.ideas) == 0 {
			place.Disable()
		}
		g.placeButtons = append(g.placeButtons, place)
		g.placeFor = append(g.placeFor, gp.ChannelID)
		head := container.NewBorder(nil, nil, swatch(look.channelByID[gp.ChannelID].Color), nil, title)
		gapBox := container.NewVBox(head, span, container.NewHBox(place))
		if len(gi.ideas) == 0 {
			// Only ideas meant for this channel, or for no channel yet,
			// are offered (GapIdeas); say so rather than show a dead button.
			place.SetText(lang.L("No matching idea"))
			gapBox.Add(wrapped(lang.L("Ideas for {{.Channel}} or without a channel are offered here.", map[string]any{"Channel": look.channelName(gp.ChannelID)})))
		}
		objs = append(objs, gapBox, widget.NewSeparator())
	}
	objs = append(objs, g.foldButton(len(gaps)-len(shown), total-len(gaps))...)
	g.box.Objects = objs
	g.box.Refresh()
}

// foldButton unfolds the gaps not shown (hidden of those loaded) and says
// how many more there are beyond those (unloaded).
func (g *gapPanel) foldButton(hidden, unloaded int) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	if hidden > 0 {
		more := widget.NewButton(lang.L("… show {{.N}} more", map[string]any{"N": hidden}), func() {
			g.showAll = true
			g.last()
		})
		more.Importance = widget.LowImportance
		objs = append(objs, container.NewHBox(more))
	}
	if unloaded > 0 && hidden == 0 {
		objs = append(objs, wrapped(lang.L("… and {{.N}} more gaps.", map[string]any{"N": unloaded})))
	}
	return objs
}

// place puts an idea on the first day of a gap, on the gap's channel.
func (g *gapPanel) place(idea data.Post, gp data.Gap) {
	g.s.u.do(func(ws *data.Workspace, ctx context.Context) error {
		return ws.PlaceIdea(ctx, idea.ID, gp.From, nil, gp.ChannelID)
	}, func(err error) {
		if err != nil {
			g.s.u.showError(lang.L("The idea could not be placed."), err)
			return
		}
		g.s.selected = gp.From
		g.s.selPost = idea.ID
		g.s.afterChange()
	})
}
