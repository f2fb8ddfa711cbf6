package app

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
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
	kw := canvas.NewText(lang.L("CW"), inkMuted)
	kw.TextStyle.Bold = true
	kw.TextSize = theme.CaptionTextSize()
	m.heads = append(m.heads, kw)
	for i := 0; i < 7; i++ {
		t := canvas.NewText(weekdayShort(time.Weekday((i+1)%7)), inkMuted)
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
	m.monthly.Hide()
	m.content = container.NewBorder(nil, container.NewVBox(m.monthly, legend()), nil, nil, m.grid)
	return m
}

// legend explains the chips in one line: the status icons with their
// words, a free series slot, the badges of what is missing, and that the
// colour is the Rubrik's. Tapping the consent badge shows every consent
// and licence mark. In a horizontal scroll, so a narrow window (or 125 %
// scaling) is never made wider by it.
func legend() fyne.CanvasObject {
	text := func(t string, col color.Color, bold bool) fyne.CanvasObject {
		c := canvas.NewText(t, col)
		c.TextSize = theme.CaptionTextSize()
		c.TextStyle.Bold = bold
		return c
	}
	icon := func(res fyne.Resource) fyne.CanvasObject {
		img := canvas.NewImageFromResource(inkIcon(res, inkDark))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(chipIcon, chipIcon))
		return img
	}
	badge := func(res fyne.Resource) fyne.CanvasObject {
		box, img := newMissingBadge(res)
		return legendBadge(box, img)
	}
	var items []fyne.CanvasObject
	add := func(objs ...fyne.CanvasObject) {
		items = append(items, container.New(&legendItemLayout{gap: 2}, objs...))
	}
	for _, st := range []data.Status{data.StatusIdea, data.StatusDraft, data.StatusReview, data.StatusApproved, data.StatusPublished, data.StatusDiscarded} {
		add(icon(statusIcon(st)), text(statusName(st), inkDark, false))
	}
	free := newChip(&chipEvents{}, false)
	free.set(chipInfo{slot: &data.Slot{}}, false)
	freeW := fyne.MeasureText(lang.L("free"), chipTextSize(), fyne.TextStyle{Bold: true}).Width + chipLeft + 6
	add(container.NewGridWrap(fyne.NewSize(freeW, chipHeight), free), text(lang.L("Series slot"), inkDark, false))
	cbox, cicon := newConsentBadge()
	styleConsentBadge(cbox, cicon, markMissing)
	consent := newTapArea(container.New(&legendItemLayout{gap: 3}, legendBadge(cbox, cicon), text(lang.L("Consent")+" …", inkMark, false)), nil, nil)
	consent.onTap = func() {
		c := fyne.CurrentApp().Driver().CanvasForObject(consent)
		if c == nil {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(consent)
		pop := widget.NewPopUp(container.NewPadded(consentLegend()), c)
		pop.ShowAtPosition(pos.SubtractXY(0, pop.MinSize().Height+4))
	}
	add(text(lang.L("missing:"), inkDark, true), badge(noTextIcon), text(lang.L("Text"), inkDark, false),
		badge(noPictureIcon), text(lang.L("Picture"), inkDark, false), badge(noTimeIcon), text(lang.L("Time"), inkDark, false), consent)
	bar := canvas.NewRectangle(color.NRGBA{0x15, 0x65, 0xC0, 0xFF})
	bar.SetMinSize(fyne.NewSize(4, chipHeight-6))
	add(bar, text(lang.L("Colour = topic"), inkDark, false))
	row := container.New(&legendItemLayout{gap: 9}, items...)
	scroll := container.NewHScroll(row)
	return scroll
}

// legendBadge is a badge's box with its icon, at the chips' badge size.
func legendBadge(box *canvas.Rectangle, icon *canvas.Image) fyne.CanvasObject {
	b := container.NewStack(box, container.New(layout.NewCustomPaddedLayout(2, 2, 2, 2), icon))
	return container.NewGridWrap(fyne.NewSize(badgeWidth, badgeHeight), b)
}

// legendItemLayout sets its objects in a row at their minimum sizes,
// centred vertically, gap apart.
type legendItemLayout struct{ gap float32 }

func (l *legendItemLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		o.Move(fyne.NewPos(x, (size.Height-m.Height)/2))
		o.Resize(m)
		x += m.Width + l.gap
	}
}

func (l *legendItemLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w += m.Width
		h = max(h, m.Height)
		n++
	}
	if n > 1 {
		w += float32(n-1) * l.gap
	}
	return fyne.NewSize(w, h)
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
	if t := p.monthTargets(sel); t != "" {
		m.monthly.SetText(t)
		m.monthly.Show()
	} else {
		m.monthly.SetText("")
		m.monthly.Hide()
	}
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
// own dates in the header (on two lines, or sensibly abbreviated, when
// long), then as many chips as fit — with two title lines where there is
// room — and "+3 weitere". Weekends and holidays are tinted, today is
// outlined, the selected day highlighted.
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
	// markText is the day's names in full ("Tag des offenen Denkmals ·
	// …"), for a hover or a test; the header may show them wrapped or
	// abbreviated.
	markText string
	infos    []chipInfo

	bg     *canvas.Rectangle
	dot    *canvas.Circle // behind today's number
	num    *canvas.Text
	marks  *canvas.Text // the names beside the number
	marks2 *canvas.Text // their second line, below the number
	more   *canvas.Text
	chips  []*chip
}

func newDayCell(s *calendarScreen) *dayCell {
	d := &dayCell{s: s}
	d.bg = canvas.NewRectangle(color.Transparent)
	d.bg.CornerRadius = 4
	d.dot = canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
	d.num = canvas.NewText("", inkDark)
	d.num.TextStyle.Bold = true
	d.num.TextSize = theme.CaptionTextSize() + 1
	d.marks = canvas.NewText("", inkMark)
	d.marks.TextSize = theme.CaptionTextSize()
	d.marks2 = canvas.NewText("", inkMark)
	d.marks2.TextSize = theme.CaptionTextSize()
	d.more = canvas.NewText("", inkMuted)
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

// The day's names in full when the pointer rests on them and the cell
// shows them cut (hover.go).
func (d *dayCell) MouseIn(ev *desktop.MouseEvent) {
	d.s.hover.restOnTexts(d, d.markText, ev.AbsolutePosition, d.marks, d.marks2)
}
func (d *dayCell) MouseMoved(ev *desktop.MouseEvent) { d.MouseIn(ev) }
func (d *dayCell) MouseOut()                         { d.s.hover.leave(d) }

func (d *dayCell) CreateRenderer() fyne.WidgetRenderer { return &dayCellRenderer{d: d} }

type dayCellRenderer struct{ d *dayCell }

func (r *dayCellRenderer) MinSize() fyne.Size { return fyne.NewSize(60, 60) }

// dayNameAbbrevs shorten the usual long words of holiday and action-day
// names, used only when a name does not fit whole.
var dayNameAbbrevs = strings.NewReplacer(
	" des ", " d. ", " der ", " d. ",
	"Internationaler ", "Int. ", "Internationale ", "Int. ", "Internationales ", "Int. ",
	"Europäischer ", "Europ. ", "Europäische ", "Europ. ", "Europäisches ", "Europ. ",
	"Deutscher ", "Dt. ", "Deutsche ", "Dt. ", "Deutsches ", "Dt. ",
	"Weihnachtsfeiertag", "Weihnachtstag", "Reformationstag", "Reformationst.",
)

// layoutMarks sets the day's names beside the number and, when they are
// long and the cell is tall enough, on a second line below it; it returns
// where the chips begin.
func (r *dayCellRenderer) layoutMarks(s fyne.Size) float32 {
	d := r.d
	ns := d.num.MinSize()
	markX := 5 + ns.Width + 6
	lineH := chipTextBox() - 2 // the names are a point smaller than a title
	d.marks.Move(fyne.NewPos(markX, 3+(ns.Height-lineH)/2))
	d.marks2.Move(fyne.NewPos(5, 3+ns.Height-1))
	y := 3 + ns.Height + 2
	d.marks2.Hidden = true
	side, full := s.Width-markX-3, s.Width-8
	sz, st := d.marks.TextSize, d.marks.TextStyle
	fits := func(t string, w float32) bool { return fyne.MeasureText(t, sz, st).Width <= w }
	text := d.markText
	if text == "" || fits(text, side) || s.Height < 80 {
		if !fits(text, side) {
			text = dayNameAbbrevs.Replace(text)
		}
		fitCanvasText(d.marks, text, side)
		return y
	}
	// Two lines: the whole name below the number if it fits there,
	// else wrapped over both (abbreviated if that still cuts it).
	lines := []string{"", text}
	switch {
	case side < 40: // a long day number ("1. Dezember") leaves no room beside it
		if !fits(text, full) {
			lines[1] = dayNameAbbrevs.Replace(text)
		}
	case !fits(text, full):
		lines = wrapText(text, []float32{side, full}, sz, st)
		if len(lines) == 2 && strings.HasSuffix(lines[1], "…") {
			lines = wrapText(dayNameAbbrevs.Replace(text), []float32{side, full}, sz, st)
		}
	}
	fitCanvasText(d.marks, strings.TrimSuffix(lines[0], " ·"), side)
	if len(lines) > 1 {
		fitCanvasText(d.marks2, strings.TrimPrefix(lines[1], "· "), full)
		d.marks2.Hidden = false
		y += lineH - 2
	}
	return y
}

// chipLines is how many title lines the day's chips get: two when all
// of them fit so, else one.
func chipLines(n int, avail float32) int {
	if n > 0 && float32(n)*(chipHeightFor(2)+2) <= avail+2 {
		return 2
	}
	return 1
}

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
	y := r.layoutMarks(s)
	r.layoutChips(s, y)
}

// layoutChips places as many chips as fit below y and "+3 weitere".
func (r *dayCellRenderer) layoutChips(s fyne.Size, y float32) {
	d := r.d
	moreH := d.more.MinSize().Height
	avail := s.Height - y - 2
	n := len(d.infos)
	lines := chipLines(n, avail)
	h := chipHeightFor(lines)
	fit := int((avail + 2) / (h + 2))
	if n > fit {
		fit = max(int((avail-moreH+2)/(h+2)), 0)
	}
	for len(d.chips) < n && len(d.chips) < fit {
		d.chips = append(d.chips, newChip(d.s.chipEv, false))
	}
	for i, c := range d.chips {
		if i < n && i < fit {
			c.setLines(lines)
			c.set(d.infos[i], d.infos[i].post != nil && d.infos[i].post.ID == d.s.selPost)
			c.Move(fyne.NewPos(3, y))
			c.Resize(fyne.NewSize(s.Width-6, h))
			c.Show()
			y += h + 2
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

// dayFill is the cell's background: a drop target, a quiet period, a
// weekend or holiday, a day outside the month.
func (d *dayCell) dayFill() color.Color {
	wd := d.date.Weekday()
	switch {
	case d.dropping:
		return theme.Color(theme.ColorNameSelection)
	case !d.inMonth:
		return dayOutside
	case d.quiet:
		return dayQuiet
	case d.holiday || wd == time.Saturday || wd == time.Sunday:
		return dayWeekend
	}
	return dayPlain
}

func (r *dayCellRenderer) Refresh() {
	d := r.d
	d.bg.FillColor = d.dayFill()
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
		d.num.Color = inkHoliday
	case !d.inMonth:
		d.num.Color = inkMuted
	default:
		d.num.Color = inkDark
	}
	d.marks.Color = inkMark
	if d.holiday || d.quiet {
		d.marks.Color = inkHoliday
	}
	d.marks2.Color = d.marks.Color
	d.bg.Refresh()
	d.num.Refresh()
	r.Layout(d.Size())
	canvas.Refresh(d)
}

func (r *dayCellRenderer) Objects() []fyne.CanvasObject {
	d := r.d
	objs := []fyne.CanvasObject{d.bg, d.dot, d.num, d.marks, d.marks2}
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
