package app

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

const (
	gridWeeks  = 6
	kwColWidth = 92
)

// monthView is the month: weeks as rows with the calendar week and its Takt
// in front, Monday first. Its 42 day cells and 6 week cells are made once
// and refilled when the month changes, so switching costs no new widgets.
type monthView struct {
	s       *calendarScreen
	content fyne.CanvasObject
	grid    *fyne.Container
	monthly *widget.Label // monthly targets, e.g. "Website 3/4"
	heads   []*canvas.Text
	weeks   []*weekCell
	days    []*dayCell
	rows    int
}

func newMonthView(s *calendarScreen) *monthView {
	m := &monthView{s: s, rows: gridWeeks}
	var objs []fyne.CanvasObject
	kw := canvas.NewText(lang.L("CW"), theme.Color(theme.ColorNamePlaceHolder))
	kw.TextStyle.Bold = true
	kw.TextSize = theme.CaptionTextSize()
	m.heads = append(m.heads, kw)
	for i := 0; i < 7; i++ {
		t := canvas.NewText(weekdayShort(time.Weekday((i+1)%7)), theme.Color(theme.ColorNamePlaceHolder))
		t.TextStyle.Bold = true
		t.TextSize = theme.CaptionTextSize()
		m.heads = append(m.heads, t)
	}
	for _, h := range m.heads {
		objs = append(objs, h)
	}
	for r := 0; r < gridWeeks; r++ {
		wc := newWeekCell(s)
		m.weeks = append(m.weeks, wc)
		objs = append(objs, wc)
		for c := 0; c < 7; c++ {
			dc := newDayCell(s)
			m.days = append(m.days, dc)
			objs = append(objs, dc)
		}
	}
	m.grid = container.New(&monthLayout{m: m}, objs...)
	m.monthly = widget.NewLabel("")
	m.monthly.Truncation = fyne.TextTruncateEllipsis
	m.content = container.NewBorder(nil, container.NewBorder(nil, nil, legend(), nil, m.monthly), nil, nil, m.grid)
	return m
}

// legend explains the looks of the chips with sample chips.
func legend() fyne.CanvasObject {
	sample := color.NRGBA{0x15, 0x65, 0xC0, 0xFF}
	items := []struct {
		label  string
		status data.Status
		slot   bool
	}{
		{lang.L("Draft"), data.StatusDraft, false},
		{lang.L("For approval"), data.StatusReview, false},
		{lang.L("Approved"), data.StatusApproved, false},
		{lang.L("Published"), data.StatusPublished, false},
		{lang.L("Discarded"), data.StatusDiscarded, false},
		{lang.L("Series slot, open"), "", true},
	}
	var objs []fyne.CanvasObject
	for _, it := range items {
		c := newChip(&chipEvents{}, false)
		info := chipInfo{title: it.label, topic: sample, status: it.status}
		if it.slot {
			info.slot = &data.Slot{}
		} else {
			info.post = &data.Post{}
		}
		c.set(info, false)
		// As wide as its word needs (the tick of Veröffentlicht
		// included), so the legend fits the default window whole.
		w := fyne.MeasureText(it.label, theme.CaptionTextSize()+1, fyne.TextStyle{Italic: true}).Width + 22
		if it.status == data.StatusPublished {
			w += 18
		}
		objs = append(objs, container.NewGridWrap(fyne.NewSize(w, chipHeight), c))
	}
	// The consent and licence marks on a line of their own: every one
	// labelled does not fit beside the statuses at 1366 pixels.
	return container.NewVBox(container.NewHBox(append(objs, noPictureLegend())...), consentLegend())
}

// monthLayout puts the header row on top and the weeks below, the calendar
// week column narrow and the days equally wide.
type monthLayout struct{ m *monthView }

func (l *monthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	m := l.m
	headH := float32(20)
	dayW := (size.Width - kwColWidth) / 7
	rowH := (size.Height - headH) / float32(m.rows)
	for i, h := range m.heads {
		x := float32(4)
		if i > 0 {
			x = kwColWidth + float32(i-1)*dayW + 6
		}
		h.Move(fyne.NewPos(x, 2))
		h.Resize(h.MinSize())
	}
	for r := 0; r < gridWeeks; r++ {
		y := headH + float32(r)*rowH
		wc := m.weeks[r]
		if r >= m.rows {
			wc.Hide()
			for c := 0; c < 7; c++ {
				m.days[r*7+c].Hide()
			}
			continue
		}
		wc.Show()
		wc.Move(fyne.NewPos(0, y))
		wc.Resize(fyne.NewSize(kwColWidth-2, rowH-2))
		for c := 0; c < 7; c++ {
			d := m.days[r*7+c]
			d.Show()
			d.Move(fyne.NewPos(kwColWidth+float32(c)*dayW, y))
			d.Resize(fyne.NewSize(dayW-2, rowH-2))
		}
	}
}

func (l *monthLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(kwColWidth+7*70, 20+float32(l.m.rows)*64)
}

// show fills the cells from a loaded plan.
func (m *monthView) show(p *plan) {
	if p == nil {
		return
	}
	sel := m.s.selected
	grid := calendar.MonthGrid(sel.Year, sel.Month)
	m.rows = len(grid)
	now := today()
	for r := 0; r < gridWeeks; r++ {
		if r >= len(grid) {
			continue
		}
		week := grid[r]
		m.weeks[r].set(p, week[0])
		for c := 0; c < 7; c++ {
			d := week[c]
			m.days[r*7+c].set(p, d, d.Month == sel.Month, d == now, d == sel, d == m.s.dragOver)
		}
	}
	m.grid.Refresh()
	m.monthly.SetText(p.monthTargets(sel))
}

// dayAt returns the day under an absolute position (for dropping a chip).
func (m *monthView) dayAt(abs fyne.Position) (calendar.Date, bool) {
	drv := fyne.CurrentApp().Driver()
	for _, d := range m.days {
		if !d.Visible() || d.date.IsZero() {
			continue
		}
		pos := drv.AbsolutePositionForObject(d)
		sz := d.Size()
		if abs.X >= pos.X && abs.X < pos.X+sz.Width && abs.Y >= pos.Y && abs.Y < pos.Y+sz.Height {
			return d.date, true
		}
	}
	return calendar.Date{}, false
}

// weekCell is the calendar week in front of a month row, with its Takt per
// channel ("Inst 1/2"), red where the plan falls short.
type weekCell struct {
	widget.BaseWidget
	s      *calendarScreen
	monday calendar.Date
	kw     *canvas.Text
	lines  *fyne.Container
	bg     *canvas.Rectangle
}

func newWeekCell(s *calendarScreen) *weekCell {
	w := &weekCell{s: s}
	w.kw = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	w.kw.TextStyle.Bold = true
	w.kw.TextSize = theme.CaptionTextSize() + 1
	w.lines = container.NewVBox()
	w.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	w.bg.CornerRadius = 4
	w.ExtendBaseWidget(w)
	return w
}

func (w *weekCell) set(p *plan, monday calendar.Date) {
	w.monday = monday
	_, kw := monday.ISOWeek()
	w.kw.Text = fmt.Sprintf("%s %d", lang.L("CW"), kw)
	var lines []fyne.CanvasObject
	past := monday.AddDays(6).Before(today())
	if wc, ok := p.cadence[monday]; ok {
		for _, c := range wc.Channels {
			// Monthly targets do not fit a week row; the month heading
			// carries them.
			if c.Period == data.PerMonth {
				continue
			}
			txt := taktShort(p.look.badge(c.ChannelID), c.Planned+c.Slots, c.Target)
			col := color.Color(color.NRGBA{0x2E, 0x7D, 0x32, 0xFF})
			switch {
			case past:
				// Nothing can be done about a past week: no alarm colour.
				col = theme.Color(theme.ColorNamePlaceHolder)
			case !c.Met():
				col = theme.Color(theme.ColorNameError)
			}
			t := canvas.NewText(txt, col)
			t.TextSize = theme.CaptionTextSize()
			lines = append(lines, t)
		}
	}
	w.lines.Objects = lines
	w.Refresh()
}

// Tapped opens the week view of this week.
func (w *weekCell) Tapped(*fyne.PointEvent) {
	w.s.selected = w.monday
	w.s.modeSel.SetSelected(lang.L("Week"))
}

func (w *weekCell) CreateRenderer() fyne.WidgetRenderer {
	return &weekCellRenderer{w: w}
}

type weekCellRenderer struct{ w *weekCell }

func (r *weekCellRenderer) Layout(s fyne.Size) {
	r.w.bg.Resize(s)
	r.w.kw.Move(fyne.NewPos(6, 4))
	r.w.kw.Resize(r.w.kw.MinSize())
	r.w.lines.Move(fyne.NewPos(6, 4+r.w.kw.MinSize().Height))
	r.w.lines.Resize(fyne.NewSize(s.Width-8, s.Height-r.w.kw.MinSize().Height-6))
}
func (r *weekCellRenderer) MinSize() fyne.Size { return fyne.NewSize(kwColWidth-2, 40) }
func (r *weekCellRenderer) Refresh() {
	r.w.kw.Refresh()
	r.w.lines.Refresh()
	r.Layout(r.w.Size())
}
func (r *weekCellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.w.bg, r.w.kw, r.w.lines}
}
func (r *weekCellRenderer) Destroy() {}

// dayCell is one day of the month: its number, holidays, action days and
// own dates in the header, then as many chips as fit and "+3 more".
// Weekends and holidays are tinted, today is outlined, the selected day
// highlighted.
type dayCell struct {
	widget.BaseWidget
	s        *calendarScreen
	date     calendar.Date
	inMonth  bool
	today    bool
	selected bool
	dropping bool
	holiday  bool
	quiet    bool
	markText string
	infos    []chipInfo

	bg    *canvas.Rectangle
	dot   *canvas.Circle // behind today's number
	num   *canvas.Text
	marks *canvas.Text
	more  *canvas.Text
	chips []*chip
}

func newDayCell(s *calendarScreen) *dayCell {
	d := &dayCell{s: s}
	d.bg = canvas.NewRectangle(color.Transparent)
	d.bg.CornerRadius = 4
	d.dot = canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
	d.num = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	d.num.TextStyle.Bold = true
	d.num.TextSize = theme.CaptionTextSize() + 1
	d.marks = canvas.NewText("", theme.Color(theme.ColorNamePrimary))
	d.marks.TextSize = theme.CaptionTextSize() - 1
	d.more = canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))
	d.more.TextSize = theme.CaptionTextSize()
	d.ExtendBaseWidget(d)
	return d
}

func (d *dayCell) set(p *plan, date calendar.Date, inMonth, isToday, selected, dropping bool) {
	d.date, d.inMonth, d.today, d.selected, d.dropping = date, inMonth, isToday, selected, dropping
	d.holiday, d.quiet = false, false
	var names []string
	for _, mk := range p.marks[date] {
		switch mk.Kind {
		case data.MarkHoliday:
			d.holiday = true
			names = append(names, mk.Label)
		case data.MarkRegionalHoliday:
			names = append(names, mk.Label+" ("+lang.L("regional")+")")
		case data.MarkQuiet:
			d.quiet = true
			names = append(names, lang.L("Quiet period: {{.Note}}", map[string]any{"Note": mk.Label}))
		case data.MarkReminder:
			names = append(names, lang.L("Plan: {{.Name}}", map[string]any{"Name": mk.Label}))
		default:
			names = append(names, mk.Label)
		}
	}
	d.markText = strings.Join(names, " · ")
	d.infos = d.infos[:0]
	for _, i := range p.byDay[date] {
		post := &p.posts[i]
		info := p.chipFor(post, false)
		d.infos = append(d.infos, info)
	}
	for _, i := range p.slotsBy[date] {
		d.infos = append(d.infos, p.chipForSlot(&p.slots[i], false))
	}
	d.Refresh()
}

// Tapped selects the day.
func (d *dayCell) Tapped(*fyne.PointEvent) {
	d.s.selPost = 0
	d.s.goTo(d.date)
}

// DoubleTapped starts a new post on the day.
func (d *dayCell) DoubleTapped(*fyne.PointEvent) {
	date := d.date
	d.s.newPostOn(&date)
}

func (d *dayCell) CreateRenderer() fyne.WidgetRenderer { return &dayCellRenderer{d: d} }

type dayCellRenderer struct{ d *dayCell }

func (r *dayCellRenderer) MinSize() fyne.Size { return fyne.NewSize(60, 60) }

func (r *dayCellRenderer) Layout(s fyne.Size) {
	d := r.d
	d.bg.Resize(s)
	d.num.Move(fyne.NewPos(5, 3))
	d.num.Resize(d.num.MinSize())
	ns := d.num.MinSize()
	side := ns.Height + 2
	if ns.Width+8 > side {
		side = ns.Width + 8
	}
	d.dot.Move(fyne.NewPos(1, 2))
	d.dot.Resize(fyne.NewSize(side, ns.Height+2))
	d.dot.Hidden = !d.today
	markX := 5 + d.num.MinSize().Width + 6
	d.marks.Move(fyne.NewPos(markX, 5))
	fitCanvasText(d.marks, d.markText, s.Width-markX-3)
	y := float32(3) + d.num.MinSize().Height + 2
	moreH := d.more.MinSize().Height
	avail := s.Height - y - 2
	n := len(d.infos)
	fit := int((avail + 2) / (chipHeight + 2))
	if n > fit {
		fit = int((avail - moreH + 2) / (chipHeight + 2))
		if fit < 0 {
			fit = 0
		}
	}
	for len(d.chips) < n && len(d.chips) < fit {
		d.chips = append(d.chips, newChip(d.s.chipEv, false))
	}
	for i, c := range d.chips {
		if i < n && i < fit {
			c.set(d.infos[i], d.infos[i].post != nil && d.infos[i].post.ID == d.s.selPost)
			c.Move(fyne.NewPos(3, y))
			c.Resize(fyne.NewSize(s.Width-6, chipHeight))
			c.Show()
			y += chipHeight + 2
		} else {
			c.Hide()
		}
	}
	if n > fit {
		d.more.Text = lang.L("+{{.N}} more", map[string]any{"N": n - fit})
		d.more.Move(fyne.NewPos(6, y))
		d.more.Show()
	} else {
		d.more.Hide()
	}
	d.more.Refresh()
}

func (r *dayCellRenderer) Refresh() {
	d := r.d
	fill := theme.Color(theme.ColorNameBackground)
	wd := d.date.Weekday()
	switch {
	case d.dropping:
		fill = theme.Color(theme.ColorNameSelection)
	case d.quiet:
		fill = color.NRGBA{0xFF, 0xEB, 0xEE, 0xFF}
	case d.holiday || wd == time.Saturday || wd == time.Sunday:
		fill = color.NRGBA{0xF1, 0xF3, 0xF4, 0xFF}
	}
	if !d.inMonth {
		fill = color.NRGBA{0xFA, 0xFA, 0xFA, 0xFF}
	}
	d.bg.FillColor = fill
	d.bg.StrokeWidth = 1
	d.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	if d.selected {
		d.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
		d.bg.StrokeWidth = 2
	}
	d.num.Text = fmt.Sprintf("%d", d.date.Day)
	if d.date.Day == 1 {
		d.num.Text += ". " + monthName(d.date.Month)
	}
	switch {
	case d.today:
		d.num.Color = theme.Color(theme.ColorNameForegroundOnPrimary)
	case d.holiday:
		d.num.Color = theme.Color(theme.ColorNameError)
	case !d.inMonth:
		d.num.Color = theme.Color(theme.ColorNamePlaceHolder)
	default:
		d.num.Color = theme.Color(theme.ColorNameForeground)
	}
	d.marks.Color = theme.Color(theme.ColorNamePrimary)
	if d.holiday || d.quiet {
		d.marks.Color = theme.Color(theme.ColorNameError)
	}
	d.bg.Refresh()
	d.num.Refresh()
	r.Layout(d.Size())
	canvas.Refresh(d)
}

func (r *dayCellRenderer) Objects() []fyne.CanvasObject {
	d := r.d
	objs := []fyne.CanvasObject{d.bg, d.dot, d.num, d.marks}
	for _, c := range d.chips {
		objs = append(objs, c)
	}
	return append(objs, d.more)
}

func (r *dayCellRenderer) Destroy() {}

// channelBadge is the short mark of a channel in the narrow week column:
// the platform's usual abbreviation, or the start of the name.
func channelBadge(c data.Channel) string {
	switch c.Platform {
	case data.Instagram:
		return "IG"
	case data.Facebook:
		return "FB"
	case data.Mastodon:
		return "Mast."
	case data.LinkedIn:
		return "LI"
	case data.TikTok:
		return "TikTok"
	case data.YouTube:
		return "YT"
	case data.Bluesky:
		return "Bsky"
	case data.Threads:
		return "Threads"
	case data.X:
		return "X"
	case data.Website:
		return "Web"
	case data.Newsletter:
		return "NL"
	}
	r := []rune(c.Name)
	if len(r) > 6 {
		r = r[:6]
	}
	return string(r)
}
