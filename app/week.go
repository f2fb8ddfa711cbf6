package app

import (
	"fmt"
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

// weekView shows seven columns with the posts of each day in time order,
// as wide chips with the start of the caption; the week's Takt per channel
// stands above.
type weekView struct {
	s       *calendarScreen
	content fyne.CanvasObject
	takt    *widget.Label
	cols    []*weekColumn
}

type weekColumn struct {
	date  calendar.Date
	head  *widget.Label
	marks *widget.Label
	list  *fyne.Container
	bg    *canvas.Rectangle
	box   fyne.CanvasObject
	chips []*chip
}

func newWeekView(s *calendarScreen) *weekView {
	v := &weekView{s: s}
	v.takt = widget.NewLabel("")
	v.takt.Wrapping = fyne.TextWrapWord
	var cols []fyne.CanvasObject
	for i := 0; i < 7; i++ {
		c := &weekColumn{}
		c.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		// Cut rather than widen: seven columns must fit the default window.
		c.head.Truncation = fyne.TextTruncateEllipsis
		c.marks = widget.NewLabel("")
		c.marks.Wrapping = fyne.TextWrapWord
		c.marks.SizeName = theme.SizeNameCaptionText
		c.marks.Importance = widget.HighImportance
		c.list = container.NewVBox()
		c.bg = canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
		c.bg.CornerRadius = 4
		c.bg.StrokeWidth = 1
		c.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
		col := c
		tapHead := newTapArea(container.NewVBox(c.head, c.marks), func() { s.selPost = 0; s.goTo(col.date) }, func() {
			d := col.date
			s.newPostOn(&d)
		})
		c.box = container.NewStack(c.bg, container.NewBorder(tapHead, nil, nil, nil, container.NewVScroll(c.list)))
		v.cols = append(v.cols, c)
		cols = append(cols, c.box)
	}
	v.content = container.NewBorder(v.takt, legend(), nil, nil, container.NewGridWithColumns(7, cols...))
	return v
}

func (v *weekView) show(p *plan) {
	if p == nil {
		return
	}
	now := today()
	monday := calendar.WeekStart(v.s.selected)
	var takt []string
	if wc, ok := p.cadence[monday]; ok {
		for _, c := range wc.Channels {
			takt = append(takt, weekTaktText(p.look.channelName(c.ChannelID), c))
		}
	}
	if len(takt) > 0 {
		v.takt.SetText(lang.L("Cadence this week") + ": " + strings.Join(takt, " · "))
	} else {
		v.takt.SetText(lang.L("No cadence targets set; add them to the channels in the settings."))
	}
	for i, c := range v.cols {
		d := monday.AddDays(i)
		c.date = d
		c.head.SetText(fmt.Sprintf("%s %s", weekdayShort(d.Weekday()), d.String()[:6]))
		var names []string
		if d == now {
			// In the line below the head, which wraps: the head stays
			// short enough for a narrow column.
			names = append(names, lang.L("today"))
		}
		holiday := false
		for _, mk := range p.marks[d] {
			if mk.Kind == data.MarkHoliday {
				holiday = true
			}
			names = append(names, mk.Label)
		}
		c.marks.SetText(strings.Join(names, " · "))
		c.marks.Hidden = len(names) == 0
		if holiday {
			c.marks.Importance = widget.DangerImportance
		} else {
			c.marks.Importance = widget.HighImportance
		}
		switch {
		case d == v.s.dragOver:
			c.bg.FillColor = theme.Color(theme.ColorNameSelection)
		case holiday || d.Weekday() == time.Saturday || d.Weekday() == time.Sunday:
			c.bg.FillColor = dayWeekend
		default:
			c.bg.FillColor = dayPlain
		}
		c.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
		c.bg.StrokeWidth = 1
		if d == v.s.selected {
			c.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
			c.bg.StrokeWidth = 2
		}
		var infos []chipInfo
		for _, idx := range p.byDay[d] {
			infos = append(infos, p.chipFor(&p.posts[idx], true))
		}
		for _, idx := range p.slotsBy[d] {
			infos = append(infos, p.chipForSlot(&p.slots[idx], true))
		}
		for len(c.chips) < len(infos) {
			c.chips = append(c.chips, newChip(v.s.chipEv, true))
		}
		objs := make([]fyne.CanvasObject, 0, len(infos))
		for k, info := range infos {
			ch := c.chips[k]
			ch.set(info, info.post != nil && info.post.ID == v.s.selPost)
			objs = append(objs, ch)
		}
		if len(infos) == 0 {
			// Muted, but dark enough to read (palette.go).
			empty := canvas.NewText(lang.L("nothing planned"), inkMuted)
			empty.TextStyle.Italic = true
			empty.TextSize = theme.CaptionTextSize()
			objs = append(objs, container.NewPadded(container.NewCenter(empty)))
		}
		c.list.Objects = objs
		c.list.Refresh()
		c.bg.Refresh()
	}
}

// dayAt returns the day column under an absolute position.
func (v *weekView) dayAt(abs fyne.Position) (calendar.Date, bool) {
	drv := fyne.CurrentApp().Driver()
	for _, c := range v.cols {
		pos := drv.AbsolutePositionForObject(c.box)
		sz := c.box.Size()
		if abs.X >= pos.X && abs.X < pos.X+sz.Width && abs.Y >= pos.Y && abs.Y < pos.Y+sz.Height {
			return c.date, true
		}
	}
	return calendar.Date{}, false
}

// tapArea makes any content tappable and double-tappable.
type tapArea struct {
	widget.BaseWidget
	content  fyne.CanvasObject
	onTap    func()
	onDouble func()
}

func newTapArea(content fyne.CanvasObject, tap, double func()) *tapArea {
	t := &tapArea{content: content, onTap: tap, onDouble: double}
	t.ExtendBaseWidget(t)
	return t
}

func (t *tapArea) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

func (t *tapArea) DoubleTapped(*fyne.PointEvent) {
	if t.onDouble != nil {
		t.onDouble()
	}
}

func (t *tapArea) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.content) }
