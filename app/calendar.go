package app

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// View modes of the calendar.
const (
	viewMonth = iota
	viewWeek
	viewList
)

// calendarScreen is the Redaktionsplan: month, week and list views, a
// toolbar to move through time, and the Takt panel with gaps and open
// drafts beside it.
type calendarScreen struct {
	u       *UI
	content fyne.CanvasObject

	mode     int
	selected calendar.Date // the day the keyboard and Ctrl+N act on
	selPost  int64         // the selected post, 0 = none

	heading  *widget.Label
	modeSel  *widget.RadioGroup
	jump     *widget.Entry
	search   *widget.Entry
	views    *fyne.Container
	month    *monthView
	week     *weekView
	list     *listView
	gaps     *gapPanel
	chipEv   *chipEvents
	dragOver calendar.Date // day under a dragged chip

	toolbar *toolbarLayout // one row, or two where the heading has no room

	plan *plan // what month and week view show
	gen  int   // load generation: older results are dropped

	side  *sidePanel     // the side panel beside the plan, which can be hidden
	hover *calendarHover // the chips' preview (chip_hover.go)
}

func newCalendarScreen(u *UI) *calendarScreen {
	s := &calendarScreen{u: u, selected: today()}
	s.chipEv = &chipEvents{
		tap:       s.onChipTap,
		doubleTap: s.onChipOpen,
		menu:      s.onChipMenu,
		drag:      s.onChipDrag,
		dragEnd:   s.onChipDrop,
	}
	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.heading.SizeName = theme.SizeNameSubHeadingText
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { s.step(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { s.step(+1) })
	todayB := widget.NewButton(lang.L("Today"), func() { s.goTo(today()) })
	s.jump = widget.NewEntry()
	s.jump.SetPlaceHolder(lang.L("Go to date"))
	s.jump.OnSubmitted = s.onJump
	s.modeSel = widget.NewRadioGroup([]string{lang.L("Month"), lang.L("Week"), lang.L("List")}, func(v string) {
		switch v {
		case lang.L("Week"):
			s.setMode(viewWeek)
		case lang.L("List"):
			s.setMode(viewList)
		default:
			s.setMode(viewMonth)
		}
	})
	s.modeSel.Horizontal = true
	s.modeSel.Required = true
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("Search posts (Ctrl+F)"))
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnSubmitted = func(q string) { s.onSearch(q, 0) }
	s.search.OnChanged = func(q string) { s.onSearch(q, searchDelay) }
	newPost := widget.NewButtonWithIcon(lang.L("New post"), theme.ContentAddIcon(), func() { s.newPostOn(&s.selected) })
	newPost.Importance = widget.HighImportance
	if u.ws.ReadOnly() {
		newPost.Disable()
	}
	export := widget.NewButtonWithIcon(lang.L("Export"), theme.DownloadIcon(), s.onExport)

	s.month = newMonthView(s)
	s.week = newWeekView(s)
	s.list = newListView(s)
	s.gaps = newGapPanel(s)
	s.views = container.NewStack(s.month.content)

	h := s.jump.MinSize().Height
	// The heading takes the room that is left and is cut with an ellipsis
	// there, so a long week span or search never widens the window.
	s.heading.Truncation = fyne.TextTruncateEllipsis
	s.toolbar = &toolbarLayout{}
	tools := container.New(s.toolbar,
		container.NewHBox(prev, todayB, next), s.heading,
		container.NewHBox(s.modeSel, container.NewGridWrap(fyne.NewSize(100, h), s.jump),
			container.NewGridWrap(fyne.NewSize(150, h), s.search), export, newPost))
	s.side = newSidePanel(s, s.views, s.gaps.content)
	content := container.NewBorder(container.NewPadded(tools), nil, nil, nil, s.side.content)
	s.toolbar.relayout = func() { fyne.Do(content.Refresh) }
	s.content = s.hoverEvents(content)
	s.modeSel.SetSelected(lang.L("Month"))
	return s
}

// range returns the days the current mode shows.
func (s *calendarScreen) span() (from, to calendar.Date) {
	switch s.mode {
	case viewWeek:
		from = calendar.WeekStart(s.selected)
		return from, from.AddDays(6)
	default:
		grid := calendar.MonthGrid(s.selected.Year, s.selected.Month)
		return grid[0][0], grid[len(grid)-1][6]
	}
}

func (s *calendarScreen) setMode(m int) {
	s.mode = m
	switch m {
	case viewWeek:
		s.views.Objects = []fyne.CanvasObject{s.week.content}
	case viewList:
		s.views.Objects = []fyne.CanvasObject{s.list.content}
	default:
		s.views.Objects = []fyne.CanvasObject{s.month.content}
	}
	s.views.Refresh()
	s.reload()
}

// step moves a month or week (or, in the list, a month) back or forward.
func (s *calendarScreen) step(dir int) {
	switch s.mode {
	case viewWeek:
		s.goTo(s.selected.AddDays(7 * dir))
	default:
		d := calendar.NewDate(s.selected.Year, s.selected.Month+time.Month(dir), 1)
		if last := calendar.DaysInMonth(d.Year, d.Month); s.selected.Day <= last {
			d.Day = s.selected.Day
		} else {
			d.Day = last
		}
		s.goTo(d)
	}
}

// goTo selects day d and reloads if it lies outside what is shown.
func (s *calendarScreen) goTo(d calendar.Date) {
	if d.Year < data.MinYear || d.Year > data.MaxYear {
		return
	}
	from, to := s.span()
	s.selected = d
	nf, nt := s.span()
	if s.plan == nil || nf != from || nt != to || s.mode == viewList {
		s.reload()
		return
	}
	s.redraw()
}

func (s *calendarScreen) onJump(text string) {
	d, err := calendar.ParseDate(text)
	if err != nil {
		dialog.ShowInformation(lang.L("Date not recognised"), lang.L("Please write the date as 27.11.2026."), s.u.win)
		return
	}
	s.jump.SetText("")
	s.goTo(d)
}

// reload fetches what the current view needs in the background; a newer
// reload makes an older result void, so quick clicking never shows a
// stale month.
func (s *calendarScreen) reload() {
	s.hover.dismiss()
	s.updateHeading()
	checkEmptyPlan(s) // the hint over an empty plan (guide.go)
	if s.mode == viewList {
		s.list.reload()
		s.gaps.reload()
		return
	}
	s.gen++
	gen := s.gen
	from, to := s.span()
	ws := s.u.ws
	s.u.run(func(ctx context.Context) func() {
		p, err := loadPlan(ctx, ws, from, to)
		return func() {
			if gen != s.gen {
				return
			}
			if err != nil {
				log.Printf("load plan %s–%s: %v", from, to, err)
				s.u.showError(lang.L("The plan could not be loaded."), err)
				return
			}
			s.plan = p
			s.redraw()
		}
	})
	s.gaps.reload()
}

func (s *calendarScreen) updateHeading() {
	switch s.mode {
	case viewWeek:
		from := calendar.WeekStart(s.selected)
		_, kw := from.ISOWeek()
		to := from.AddDays(6)
		// The year only where the week crosses into a new one: the
		// heading must fit the toolbar of the default window.
		span := from.String()[:6] + "–" + to.String()[:6]
		switch {
		case from.Year != to.Year:
			span = from.String() + "–" + to.String()
		case from.Month == to.Month:
			span = from.String()[:3] + "–" + to.String()[:6]
		}
		s.heading.SetText(fmt.Sprintf("%s %d · %s", lang.L("CW"), kw, span))
	case viewList:
		if s.list.searching() {
			s.heading.SetText(lang.L("Search: “{{.Query}}”", map[string]any{"Query": strings.TrimSpace(s.list.query)}))
			break
		}
		s.heading.SetText(lang.L("From {{.Date}}", map[string]any{"Date": s.selected.String()}))
	default:
		s.heading.SetText(fmt.Sprintf("%s %d", monthName(s.selected.Month), s.selected.Year))
	}
}

// redraw shows the loaded plan in the current view.
func (s *calendarScreen) redraw() {
	s.hover.dismiss()
	s.updateHeading()
	switch s.mode {
	case viewWeek:
		s.week.show(s.plan)
	case viewMonth:
		s.month.show(s.plan)
	}
}

// afterChange reloads everything that may show a changed post.
func (s *calendarScreen) afterChange() {
	s.reload()
	if s.u.shell != nil && s.u.shell.ideas != nil {
		s.u.shell.ideas.reload()
	}
}

func (s *calendarScreen) onChipTap(c *chip) {
	if c.info.post != nil {
		s.selPost = c.info.post.ID
		s.selected = *c.info.post.Date
	} else if c.info.slot != nil {
		s.selPost = 0
		s.selected = c.info.slot.Date
	}
	s.redraw()
}

func (s *calendarScreen) onChipOpen(c *chip) {
	switch {
	case c.info.post != nil:
		s.openPost(c.info.post.ID)
	case c.info.slot != nil:
		s.fillSlot(*c.info.slot)
	}
}

// fillSlot turns a series slot into a draft post and opens it.
func (s *calendarScreen) fillSlot(slot data.Slot) {
	if s.u.ws.ReadOnly() {
		return
	}
	fetch(s.u, func(ws *data.Workspace, ctx context.Context) (data.Post, error) { return ws.FillSlot(ctx, slot) },
		func(p data.Post, err error) {
			if err != nil {
				s.u.showError(lang.L("The post could not be created."), err)
				return
			}
			s.afterChange()
			s.openPost(p.ID)
		})
}

func (s *calendarScreen) openPost(id int64) {
	fetch(s.u, func(ws *data.Workspace, ctx context.Context) (data.Post, error) { return ws.Post(ctx, id) },
		func(p data.Post, err error) {
			if err != nil {
				s.u.showError(lang.L("The post could not be opened."), err)
				s.reload()
				return
			}
			openEditor(s.u, p, s.afterChange)
		})
}

// newPostOn opens the editor for a new post on day d (nil: an idea).
func (s *calendarScreen) newPostOn(d *calendar.Date) {
	if s.u.ws.ReadOnly() {
		return
	}
	p := data.Post{Status: data.StatusDraft}
	if d != nil {
		day := *d
		p.Date = &day
	} else {
		p.Status = data.StatusIdea
	}
	openEditor(s.u, p, s.afterChange)
}

// duplicate copies a post as a new draft on the same day.
func (s *calendarScreen) duplicate(id int64) {
	fetch(s.u, func(ws *data.Workspace, ctx context.Context) (data.Post, error) {
		return ws.DuplicatePost(ctx, id, nil)
	},
		func(p data.Post, err error) {
			if err != nil {
				s.u.showError(lang.L("The post could not be duplicated."), err)
				return
			}
			s.selPost = p.ID
			s.afterChange()
		})
}

func (s *calendarScreen) confirmDelete(p data.Post) {
	s.u.confirmDeletePost(p, func(bool) {
		s.selPost = 0
		s.afterChange()
	})
}

// onChipDrag highlights the day under the pointer while a chip is dragged.
func (s *calendarScreen) onChipDrag(c *chip, ev *fyne.DragEvent) {
	var d calendar.Date
	var ok bool
	switch s.mode {
	case viewWeek:
		d, ok = s.week.dayAt(ev.AbsolutePosition)
	default:
		d, ok = s.month.dayAt(ev.AbsolutePosition)
	}
	if !ok || d == s.dragOver {
		return
	}
	s.dragOver = d
	s.redraw()
}

// onChipDrop moves the dragged post to the highlighted day, keeping its time.
func (s *calendarScreen) onChipDrop(c *chip) {
	target := s.dragOver
	s.dragOver = calendar.Date{}
	if target.IsZero() || c.info.post == nil || *c.info.post.Date == target || s.u.ws.ReadOnly() {
		s.redraw()
		return
	}
	s.moveTo(c.info.post.ID, target)
}

// moveTo reschedules a post to day d.
func (s *calendarScreen) moveTo(id int64, d calendar.Date) {
	s.u.do(func(ws *data.Workspace, ctx context.Context) error {
		p, err := ws.Post(ctx, id)
		if err != nil {
			return err
		}
		p.Date = &d
		return ws.UpdatePost(ctx, &p)
	}, func(err error) {
		if err != nil {
			s.u.showError(lang.L("The post could not be moved."), err)
			s.redraw()
			return
		}
		s.selected = d
		s.selPost = id
		s.afterChange()
	})
}

// onSearch is the one text search: the list shows the posts that contain
// what was typed, live as she types (after delay, so not every key runs a
// query), and the agenda again when the field is emptied.
func (s *calendarScreen) onSearch(q string, delay time.Duration) {
	if strings.TrimSpace(q) != "" && s.mode != viewList {
		s.list.query = q
		s.modeSel.SetSelected(lang.L("List")) // loads the results at once
		return
	}
	if q == s.list.query && delay > 0 {
		return
	}
	s.list.setQuery(q, delay)
	s.updateHeading()
}

// Keyboard: arrows move the selected day, Enter opens the selected post
// (or a new one on the day), Delete removes the selected post.
func (s *calendarScreen) typedKey(ev *fyne.KeyEvent) bool {
	if s.mode == viewList {
		return false
	}
	switch ev.Name {
	case fyne.KeyLeft:
		s.moveSelection(-1)
	case fyne.KeyRight:
		s.moveSelection(1)
	case fyne.KeyUp:
		s.moveSelection(-7)
	case fyne.KeyDown:
		s.moveSelection(7)
	case fyne.KeyReturn, fyne.KeyEnter:
		if s.selPost != 0 {
			s.openPost(s.selPost)
		} else {
			s.newPostOn(&s.selected)
		}
	case fyne.KeyDelete:
		if s.selPost != 0 && !s.u.ws.ReadOnly() {
			id := s.selPost
			fetch(s.u, func(ws *data.Workspace, ctx context.Context) (data.Post, error) { return ws.Post(ctx, id) },
				func(p data.Post, err error) {
					if err == nil {
						s.confirmDelete(p)
					}
				})
		}
	case fyne.KeyPageUp:
		s.step(-1)
	case fyne.KeyPageDown:
		s.step(1)
	default:
		return false
	}
	return true
}

func (s *calendarScreen) moveSelection(days int) {
	s.selPost = 0
	s.goTo(s.selected.AddDays(days))
}

// onExport asks for format and range and writes the file.
func (s *calendarScreen) onExport() {
	openExportDialog(s)
}
