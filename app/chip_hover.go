package app

import (
	"image"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/thumbs"
)

// The chip tells its screen where the pointer is (desktop.Hoverable); the
// calendar shows a preview of the post after a short rest (hover.go).

func (c *chip) MouseIn(ev *desktop.MouseEvent) {
	if c.events.hoverIn != nil {
		c.events.hoverIn(c, ev.AbsolutePosition)
	}
}

func (c *chip) MouseMoved(ev *desktop.MouseEvent) { c.MouseIn(ev) }

func (c *chip) MouseOut() {
	if c.events.hoverOut != nil {
		c.events.hoverOut(c)
	}
}

// previewLines and previewChars bound the caption's start in a preview.
const (
	previewLines = 4
	previewChars = 280
	previewThumb = 88
)

// chipPreview is what the hover preview says of a chip's post or slot,
// made from the loaded plan alone: no database on the UI goroutine.
type chipPreview struct {
	title    string
	when     string
	channels string
	status   string
	hints    []string // what is missing or in the way, short
	blocked  bool     // a hint stops the post (consent, a check before posting)
	text     string   // the caption's first lines
	pic      *data.Media
}

// previewFor describes a chip's post (or free series slot) for its preview.
func (p *plan) previewFor(info chipInfo) chipPreview {
	switch {
	case info.post != nil:
		return p.postPreview(info.post)
	case info.slot != nil:
		sl := info.slot
		var names []string
		for _, id := range sl.Channels {
			names = append(names, p.look.channelName(id))
		}
		return chipPreview{title: sl.Title, channels: strings.Join(names, ", "),
			when:   weekdayShort(sl.Date.Weekday()) + " " + sl.Date.String() + " · " + sl.Time.String(),
			status: lang.L("Series slot, free – double-click to fill")}
	}
	return chipPreview{}
}

func (p *plan) postPreview(post *data.Post) chipPreview {
	pv := chipPreview{title: strings.TrimSpace(post.Title), text: captionStart(post.Caption),
		status: lang.L("Status: {{.Status}}", map[string]any{"Status": statusName(post.Status)})}
	if pv.title == "" {
		pv.title = lang.L("(no title)")
	}
	if post.Date != nil {
		pv.when = weekdayShort(post.Date.Weekday()) + " " + post.Date.String()
		if post.Time != nil {
			pv.when += " · " + post.Time.String()
		} else {
			pv.hints = append(pv.hints, lang.L("no time"))
		}
	}
	var names []string
	for _, c := range post.Channels {
		names = append(names, p.look.channelName(c.ChannelID))
	}
	pv.channels = strings.Join(names, ", ")
	if pv.channels == "" {
		pv.hints = append(pv.hints, lang.L("no channel"))
	}
	if strings.TrimSpace(post.Caption) == "" && data.Planned(*post) {
		pv.hints = append(pv.hints, lang.L("no text"))
	}
	if p.noPic[post.ID] {
		pv.hints = append(pv.hints, lang.L("no picture"))
	}
	if m, ok := p.consent[post.ID]; ok && m.word != "" {
		pv.hints = append(pv.hints, m.word)
		pv.blocked = m.level == consentBlocked
	}
	if note, ok := p.quiet[post.ID]; ok {
		pv.hints = append(pv.hints, lang.L("Quiet period: {{.Note}}", map[string]any{"Note": note}))
	}
	if m, ok := p.review[post.ID]; ok {
		pv.hints = append(pv.hints, m.hints[:min(2, len(m.hints))]...)
		pv.blocked = pv.blocked || m.blocking
	}
	if m, ok := p.firstPic[post.ID]; ok {
		pv.pic = &m
	}
	return pv
}

// captionStart is the caption's first lines, at most previewLines and
// previewChars, with an ellipsis where it goes on.
func captionStart(caption string) string {
	var lines []string
	cut := false
	for _, l := range strings.Split(strings.TrimSpace(caption), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if len(lines) == previewLines {
			cut = true
			break
		}
		lines = append(lines, l)
	}
	text := strings.Join(lines, "\n")
	if r := []rune(text); len(r) > previewChars {
		text, cut = strings.TrimSpace(string(r[:previewChars])), true
	}
	if cut {
		text += " …"
	}
	return text
}

// previewCard lays a chip's preview out: the title, when, where and how
// far it is, with the first picture beside it, and the text's start below.
func (s *calendarScreen) previewCard(pv chipPreview) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(pv.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	head := []fyne.CanvasObject{title}
	for _, t := range []string{pv.when, pv.channels, pv.status} {
		if t != "" {
			head = append(head, previewLine(t, widget.MediumImportance))
		}
	}
	if len(pv.hints) > 0 {
		imp := widget.WarningImportance
		if pv.blocked {
			imp = widget.DangerImportance
		}
		head = append(head, previewLine(strings.Join(pv.hints, " · "), imp))
	}
	var right fyne.CanvasObject
	if pv.pic != nil {
		right = container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(previewThumb), s.previewThumb(*pv.pic)))
	}
	top := container.NewBorder(nil, nil, nil, right, container.New(&previewStack{}, head...))
	if pv.text == "" {
		return hoverCard(top)
	}
	text := widget.NewLabel(pv.text)
	text.Wrapping = fyne.TextWrapWord
	text.SizeName = theme.SizeNameCaptionText
	return hoverCard(container.NewVBox(top, widget.NewSeparator(), text))
}

// previewLine is one wrapped line of the preview's head.
func previewLine(t string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(t)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

// previewThumb is the picture's thumbnail: at once when read before, else
// a blank box that the picture fills when a job has read it (u.loadThumb).
func (s *calendarScreen) previewThumb(m data.Media) fyne.CanvasObject {
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleFastest
	h := s.hover
	hash, _, _, _ := thumbTarget(m)
	if cached, ok := h.imgs[hash]; ok {
		img.Image = cached
		return img
	}
	if h.cache == nil {
		h.cache = thumbs.NewCache(filepath.Join(s.u.ws.Dir(), data.ThumbsDir))
	}
	s.u.loadThumb(h.cache, m, func(hash string, got image.Image) {
		if len(h.imgs) >= 200 {
			clear(h.imgs) // a month's worth; read again when needed
		}
		h.imgs[hash] = got
		img.Image = got
		img.Refresh()
	})
	return img
}

// onChipHoverIn waits for the pointer to rest on c, then shows its preview.
func (s *calendarScreen) onChipHoverIn(c *chip, _ fyne.Position) {
	if s.plan == nil || !s.dragOver.IsZero() { // no preview while dragging
		return
	}
	p, info := s.plan, c.info
	s.hover.rest(c, func() fyne.CanvasObject { return s.previewCard(p.previewFor(info)) })
}

func (s *calendarScreen) onChipHoverOut(c *chip) { s.hover.leave(c) }

// calendarHover is the calendar's preview layer with the thumbnails it
// has read (by hash).
type calendarHover struct {
	*hoverLayer
	imgs  map[string]image.Image
	cache *thumbs.Cache
}

// hoverEvents wires the chips' preview: the pointer resting on a chip
// shows it; a click, a double click, the context menu or a drag closes it.
// It returns content with the preview layer on top.
func (s *calendarScreen) hoverEvents(content fyne.CanvasObject) fyne.CanvasObject {
	s.hover = &calendarHover{hoverLayer: newHoverLayer(s.u.deliver), imgs: map[string]image.Image{}}
	s.hover.scrollRoot = s.views
	ev := s.chipEv
	ev.hoverIn, ev.hoverOut = s.onChipHoverIn, s.onChipHoverOut
	tap, double, menu, drag := ev.tap, ev.doubleTap, ev.menu, ev.drag
	ev.tap = func(c *chip) { s.hover.dismiss(); tap(c) }
	ev.doubleTap = func(c *chip) { s.hover.dismiss(); double(c) }
	ev.menu = func(c *chip, at fyne.Position) { s.hover.dismiss(); menu(c, at) }
	ev.drag = func(c *chip, d *fyne.DragEvent) { s.hover.dismiss(); drag(c, d) }
	return s.hover.over(content)
}

// previewStack stacks its objects without the theme's padding between them:
// the preview's head lines belong together.
type previewStack struct{}

// previewOverlap is how much of two labels' paddings overlap.
func previewOverlap() float32 { return theme.InnerPadding() + 2 }

func (previewStack) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		y += o.MinSize().Height - previewOverlap()
	}
}

func (previewStack) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		ms := o.MinSize()
		w = fyne.Max(w, ms.Width)
		h += ms.Height - previewOverlap()
	}
	if len(objs) > 0 {
		h += previewOverlap()
	}
	return fyne.NewSize(w, h)
}
