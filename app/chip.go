package app

import (
	"fmt"
	"image/color"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// chipInfo is what a chip shows of a post or a series slot.
type chipInfo struct {
	post     *data.Post // nil for an unfilled series slot
	slot     *data.Slot
	title    string
	time     string
	topic    color.NRGBA
	channels []string // the channels' platform badges: "IG", "FB", "Mast."
	status   data.Status
	detail   string // more text for the week view
	quiet    bool   // planned inside a quiet period
	// noPicture: the post still needs a picture (data.LacksPicture);
	// a badge with a crossed-out picture, readable without colour.
	noPicture bool
	// consent: the worst consent or licence state of the planned post's
	// pictures; a badge with that state's icon (consent_marks.go).
	consent markState
	// noText and noTime: an open post without any text (caption or a
	// channel's own) or without a time; a badge each.
	noText bool
	noTime bool
}

// chipEvents are what a chip reports to its screen.
type chipEvents struct {
	tap       func(c *chip)
	doubleTap func(c *chip)
	menu      func(c *chip, at fyne.Position)
	drag      func(c *chip, ev *fyne.DragEvent)
	dragEnd   func(c *chip)
	// hoverIn and hoverOut: the pointer rests on a chip or leaves it
	// (chip_hover.go implements desktop.Hoverable); the screen shows a
	// preview popup after a short rest.
	hoverIn  func(c *chip, abs fyne.Position)
	hoverOut func(c *chip)
}

// chip is a post in the month or week view. Its colour is the Rubrik's
// alone (the bar at the left, a tint as fill); its status is an icon (and
// in the week view a word) that reads in greyscale; its channels are their
// platform badges; small badges say what is missing (Text, Bild, Uhrzeit)
// and how its pictures stand with consents. A free series slot is a dashed
// outline with the word "frei". It can be tapped, double-tapped, dragged
// to another day and right-clicked.
type chip struct {
	widget.BaseWidget
	info     chipInfo
	events   *chipEvents
	wide     bool // week view: status word, title, channels, start of the caption
	lines    int  // month view: title lines (1 or 2)
	selected bool
}

func newChip(ev *chipEvents, wide bool) *chip {
	c := &chip{events: ev, wide: wide, lines: 1}
	c.ExtendBaseWidget(c)
	return c
}

func (c *chip) set(info chipInfo, selected bool) {
	c.info = info
	c.selected = selected
	c.Refresh()
}

// setLines sets how many title lines a month chip shows (1 or 2); its
// height follows (chipHeightFor).
func (c *chip) setLines(n int) {
	if n < 1 {
		n = 1
	}
	c.lines = n
}

func (c *chip) Tapped(*fyne.PointEvent) {
	if c.events.tap != nil {
		c.events.tap(c)
	}
}

func (c *chip) DoubleTapped(*fyne.PointEvent) {
	if c.events.doubleTap != nil {
		c.events.doubleTap(c)
	}
}

func (c *chip) TappedSecondary(ev *fyne.PointEvent) {
	if c.events.menu != nil {
		c.events.menu(c, ev.AbsolutePosition)
	}
}

func (c *chip) Dragged(ev *fyne.DragEvent) {
	if c.events.drag != nil && c.info.post != nil {
		c.events.drag(c, ev)
	}
}

func (c *chip) DragEnd() {
	if c.events.dragEnd != nil && c.info.post != nil {
		c.events.dragEnd(c)
	}
}

func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{c: c}
	r.bg = canvas.NewRectangle(color.Transparent)
	r.bg.CornerRadius = 4
	r.bar = canvas.NewRectangle(color.Transparent)
	r.status = canvas.NewImageFromResource(nil)
	r.status.FillMode = canvas.ImageFillContain
	r.free = canvas.NewText(lang.L("free"), inkMuted)
	r.free.TextSize = chipTextSize()
	r.free.TextStyle.Bold = true
	for k := range r.lines {
		r.lines[k] = canvas.NewText("", inkDark)
		r.lines[k].TextSize = chipTextSize()
	}
	for k := range r.strikes {
		r.strikes[k] = canvas.NewRectangle(inkDiscarded)
	}
	r.chans = canvas.NewText("", inkDark)
	r.chans.TextSize = theme.CaptionTextSize()
	r.chans.TextStyle.Bold = true
	r.detail = widget.NewLabel("")
	r.detail.Wrapping = fyne.TextWrapWord
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.detail.SizeName = theme.SizeNameCaptionText
	r.badge, r.badgeIcon = newMissingBadge(noPictureIcon)
	r.noText, r.noTextIcon = newMissingBadge(noTextIcon)
	r.noTime, r.noTimeIcon = newMissingBadge(noTimeIcon)
	r.consent, r.consentIcon = newConsentBadge()
	r.refresh()
	return r
}

type chipRenderer struct {
	c       *chip
	bg      *canvas.Rectangle
	bar     *canvas.Rectangle
	dashes  []*canvas.Rectangle // a free slot's dashed outline
	status  *canvas.Image       // the status icon
	free    *canvas.Text        // "frei" on a free slot
	lines   [3]*canvas.Text     // month: title lines; week: status and time, then the title
	strikes [2]*canvas.Rectangle
	chans   *canvas.Text // platform badges: "IG FB"
	detail  *widget.Label

	badge      *canvas.Rectangle // "kein Bild"
	badgeIcon  *canvas.Image
	noText     *canvas.Rectangle // "kein Text"
	noTextIcon *canvas.Image
	noTime     *canvas.Rectangle // "keine Uhrzeit"
	noTimeIcon *canvas.Image

	consent     *canvas.Rectangle // the consent or licence state (markState)
	consentIcon *canvas.Image

	wrapKey  wrapKey // what the title lines were cut for last time
	wrapped  []string
	dashSize fyne.Size
}

const (
	chipHeight     = 22 // a one-line month chip
	chipWideHeight = 100
	badgeWidth     = 16
	badgeHeight    = 14
	chipIcon       = 12
	chipLeft       = 8 // the bar and a gap
	chipChansMin   = 150
	chipMinTitle   = 50 // the title's room a badge may not take
)

// chipTextSize is the size of a chip's title.
func chipTextSize() float32 { return theme.CaptionTextSize() + 1 }

// chipLineHeight is the distance of two title lines, a little less than
// a text's box (which has room above and below).
func chipLineHeight() float32 { return chipTextSize() * 1.2 }

var (
	textBoxOnce sync.Once
	textBox     float32
)

// chipTextBox is the height of a title's text box (measured once: a
// measurement costs, and the chips lay out often).
func chipTextBox() float32 {
	textBoxOnce.Do(func() { textBox = fyne.MeasureText("Äg", chipTextSize(), fyne.TextStyle{}).Height })
	return textBox
}

// chipHeightFor is the height of a month chip with n title lines.
func chipHeightFor(n int) float32 {
	if n <= 1 {
		return chipHeight
	}
	return float32(n)*chipLineHeight() + 6
}

// newMissingBadge makes a "kein Bild / kein Text / keine Uhrzeit" badge:
// a white box with a dark amber frame and a dark crossed-out icon, the
// most contrast also in greyscale, whatever the chip's colour.
func newMissingBadge(icon fyne.Resource) (*canvas.Rectangle, *canvas.Image) {
	box := canvas.NewRectangle(badgeFill)
	box.CornerRadius = 3
	box.StrokeWidth = 1.5
	box.StrokeColor = badgeFrame
	img := canvas.NewImageFromResource(inkIcon(icon, inkDark))
	img.FillMode = canvas.ImageFillContain
	return box, img
}

func (r *chipRenderer) MinSize() fyne.Size {
	if r.c.wide {
		return fyne.NewSize(60, chipWideHeight)
	}
	return fyne.NewSize(40, chipHeightFor(r.c.lines))
}

// badgeList is the chip's visible badges, in their order from the right.
func (r *chipRenderer) badgeList() [][2]fyne.CanvasObject {
	i := r.c.info
	if i.slot != nil {
		return nil
	}
	var out [][2]fyne.CanvasObject
	for k, b := range [][2]fyne.CanvasObject{{r.consent, r.consentIcon}, {r.badge, r.badgeIcon}, {r.noText, r.noTextIcon}, {r.noTime, r.noTimeIcon}} {
		if []bool{i.consent != markNone, i.noPicture, i.noText, i.noTime}[k] {
			out = append(out, b)
		}
	}
	return out
}

// placeBadges puts the badges right-aligned on the line at y, ending at
// right, and returns where they begin. It leaves at least room for the
// title: in a cramped chip the first badges only (consent, then picture,
// text, time), the rest are on the week view's chip and the preview.
func (r *chipRenderer) placeBadges(right, y, room float32) float32 {
	for i, b := range r.badgeList() {
		if room < chipMinTitle+float32(i+1)*(badgeWidth+2) {
			b[0].Hide()
			b[1].Hide()
			continue
		}
		b[0].Show()
		b[1].Show()
		b[0].Resize(fyne.NewSize(badgeWidth, badgeHeight))
		b[0].Move(fyne.NewPos(right-badgeWidth, y))
		b[1].Resize(fyne.NewSize(badgeWidth-4, badgeHeight-4))
		b[1].Move(fyne.NewPos(right-badgeWidth+2, y+2))
		right -= badgeWidth + 2
	}
	return right
}

func (r *chipRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.bar.Move(fyne.NewPos(0, 0))
	r.bar.Resize(fyne.NewSize(4, s.Height))
	r.layoutDashes(s)
	if r.c.wide {
		r.layoutWide(s)
	} else {
		r.layoutNarrow(s)
	}
	r.layoutStrikes()
}

// lead places the status icon (or "frei") at the start of the first
// line and returns where the text begins.
func (r *chipRenderer) lead(y, lh float32) float32 {
	x := float32(chipLeft)
	if r.c.info.slot != nil {
		r.free.Move(fyne.NewPos(x, y+(lh-r.free.MinSize().Height)/2))
		r.free.Resize(r.free.MinSize())
		return x + r.free.MinSize().Width + 4
	}
	r.status.Move(fyne.NewPos(x, y+(lh-chipIcon)/2))
	r.status.Resize(fyne.NewSize(chipIcon, chipIcon))
	return x + chipIcon + 3
}

func (r *chipRenderer) layoutNarrow(s fyne.Size) {
	lh := chipLineHeight()
	top := (chipHeight - lh) / 2
	if r.c.lines > 1 {
		top = 3
	}
	x := r.lead(top, lh)
	right := s.Width - 4
	lastY := top + float32(r.c.lines-1)*lh
	bx := r.placeBadges(right, lastY+(lh-badgeHeight)/2, right-x)
	widths := make([]float32, r.c.lines)
	for k := range widths {
		widths[k] = right - x
	}
	widths[len(widths)-1] = bx - x
	// The channels' badges only where the whole title fits beside
	// them: the title matters more.
	r.chans.Hidden = true
	if r.c.lines > 1 && s.Width >= chipChansMin && r.chans.Text != "" {
		cw := r.chans.MinSize().Width + 4
		withChans := append([]float32(nil), widths...)
		withChans[len(withChans)-1] -= cw
		if lines := wrapText(r.fullText(), withChans, chipTextSize(), r.lines[0].TextStyle); !cut(lines, r.fullText()) {
			r.chans.Hidden = false
			r.chans.Move(fyne.NewPos(bx-cw+2, lastY-(r.chans.MinSize().Height-lh)/2))
			r.chans.Resize(r.chans.MinSize())
			widths = withChans
		}
	}
	r.setLines(r.fullText(), widths, top, lh, x)
	r.detail.Hidden = true
}

// cut reports whether wrapped lines lost some of text (an ellipsis).
func cut(lines []string, text string) bool {
	return len(lines) > 0 && strings.HasSuffix(lines[len(lines)-1], "…") && !strings.HasSuffix(text, "…")
}

func (r *chipRenderer) layoutWide(s fyne.Size) {
	lh := chipLineHeight()
	y := float32(3)
	x := r.lead(y, lh)
	right := s.Width - 4
	bx := r.placeBadges(right, y+(lh-badgeHeight)/2, right-x)
	r.lines[0].Move(fyne.NewPos(x, y-(chipTextBox()-lh)/2))
	fitCanvasText(r.lines[0], r.headText(), bx-x-2)
	title := strings.TrimSpace(r.c.info.title)
	w := right - chipLeft
	r.setTitle(title, []float32{w, w}, y+lh, lh, chipLeft, 1)
	r.chans.Hidden = r.chans.Text == ""
	r.chans.Move(fyne.NewPos(chipLeft, y+3*lh-(r.chans.MinSize().Height-lh)/2))
	r.chans.Text = ellipsize(strings.Join(r.c.info.channels, " · "), w, r.chans.TextSize, r.chans.TextStyle)
	r.chans.Resize(r.chans.MinSize())
	r.detail.Hidden = false
	dy := y + 4*lh - theme.InnerPadding()/2
	r.detail.Move(fyne.NewPos(chipLeft-theme.InnerPadding(), dy))
	r.detail.Resize(fyne.NewSize(s.Width-chipLeft+theme.InnerPadding()-2, s.Height-dy))
}

// setLines fills the title lines from the first one on.
func (r *chipRenderer) setLines(text string, widths []float32, y, lh, x float32) {
	r.setTitle(text, widths, y, lh, x, 0)
}

// setTitle wraps text onto the lines from index first on, one width each,
// the last one ending in an ellipsis if the text is longer; the rest of
// the lines are hidden.
func (r *chipRenderer) setTitle(text string, widths []float32, y, lh, x float32, first int) {
	k := wrapKey{text: text, size: chipTextSize(), style: r.lines[first].TextStyle}
	copy(k.widths[:], widths)
	if k != r.wrapKey || r.wrapped == nil {
		r.wrapKey = k
		r.wrapped = wrapText(text, widths, k.size, k.style)
	}
	for i := first; i < len(r.lines); i++ {
		t := r.lines[i]
		n := i - first
		if n >= len(widths) || n >= len(r.wrapped) {
			t.Hidden = true
			continue
		}
		t.Hidden = false
		t.Text = r.wrapped[n]
		box := chipTextBox()
		t.Move(fyne.NewPos(x, y+float32(n)*lh-(box-lh)/2))
		t.Resize(fyne.NewSize(widths[n], box))
	}
}

// headText is the week chip's first line: time and status word (the
// word may be cut in a narrow column; the icon before it stays).
func (r *chipRenderer) headText() string {
	i := r.c.info
	var parts []string
	if i.time != "" {
		parts = append(parts, i.time)
	}
	if i.slot == nil {
		parts = append(parts, statusName(i.status))
	}
	return strings.Join(parts, " ")
}

// layoutStrikes draws the line through a discarded post's title.
func (r *chipRenderer) layoutStrikes() {
	first := 0
	if r.c.wide {
		first = 1
	}
	for k, s := range r.strikes {
		t := r.lines[first+k]
		s.Hidden = r.c.info.status != data.StatusDiscarded || r.c.info.slot != nil || t.Hidden || t.Text == ""
		if s.Hidden {
			continue
		}
		w := fyne.MeasureText(t.Text, t.TextSize, t.TextStyle).Width
		s.Move(t.Position().AddXY(0, t.Size().Height/2))
		s.Resize(fyne.NewSize(w, 1))
	}
}

// layoutDashes draws a free slot's dashed outline (Fyne has no dashed
// stroke): dashes of 4 with gaps of 3 along the four edges.
func (r *chipRenderer) layoutDashes(s fyne.Size) {
	if r.c.info.slot == nil {
		for _, d := range r.dashes {
			d.Hide()
		}
		return
	}
	if s == r.dashSize && len(r.dashes) > 0 && r.dashes[0].Visible() {
		return
	}
	r.dashSize = s
	const dash, gap, th = 4, 3, 1
	n := 0
	put := func(x, y, w, h float32) {
		if n >= len(r.dashes) {
			r.dashes = append(r.dashes, canvas.NewRectangle(slotDash))
		}
		d := r.dashes[n]
		d.FillColor = slotDash
		d.Move(fyne.NewPos(x, y))
		d.Resize(fyne.NewSize(w, h))
		d.Show()
		n++
	}
	for x := float32(0); x < s.Width; x += dash + gap {
		w := min(float32(dash), s.Width-x)
		put(x, 0, w, th)
		put(x, s.Height-th, w, th)
	}
	for y := float32(dash + gap); y < s.Height-th; y += dash + gap {
		h := min(float32(dash), s.Height-th-y)
		put(0, y, th, h)
		put(s.Width-th, y, th, h)
	}
	for ; n < len(r.dashes); n++ {
		r.dashes[n].Hide()
	}
}

func (r *chipRenderer) fullText() string {
	i := r.c.info
	t := strings.TrimSpace(i.title)
	if i.time != "" {
		t = i.time + " " + t
	}
	return t
}

// colors are the chip's fill and its text colour: the Rubrik's tint and
// the darker or lighter ink on it; a discarded post grey, a free slot
// without fill.
func (r *chipRenderer) colors() (fill color.NRGBA, ink color.NRGBA) {
	i := r.c.info
	switch {
	case i.slot != nil:
		return color.NRGBA{}, inkMuted
	case i.status == data.StatusDiscarded:
		return discardedFill, inkDiscarded
	}
	fill = chipFill(i.topic)
	return fill, chipInk(fill)
}

func (r *chipRenderer) refresh() {
	i := r.c.info
	fill, ink := r.colors()
	bar := i.topic
	if i.status == data.StatusDiscarded && i.slot == nil {
		bar.A = 0x60
	}
	r.bg.FillColor = fill
	r.bg.StrokeWidth = 0
	if i.quiet {
		r.bg.StrokeColor = theme.Color(theme.ColorNameError)
		r.bg.StrokeWidth = 2
	}
	if r.c.selected {
		r.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
		r.bg.StrokeWidth = 2
	}
	r.bar.FillColor = bar
	style := fyne.TextStyle{Italic: i.slot != nil}
	for k, t := range r.lines {
		t.Color = ink
		t.TextStyle = style
		t.TextSize = chipTextSize()
		if k == 0 && r.c.wide {
			t.TextStyle.Bold = true
		}
	}
	for _, s := range r.strikes {
		s.FillColor = ink
	}
	r.chans.Color = ink
	r.chans.Text = strings.Join(i.channels, " ")
	r.status.Hidden = i.slot != nil
	r.free.Hidden = i.slot == nil
	if res := inkIcon(statusIcon(i.status), ink); i.slot == nil && r.status.Resource != res {
		r.status.Resource = res // refreshed only when it changes: an image costs
		r.status.Refresh()
	}
	r.refreshBadges()
	if r.c.wide && r.detail.Text != i.detail {
		r.detail.SetText(i.detail)
	}
	r.detail.Hidden = !r.c.wide
}

// refreshBadges shows the badges of what a planned post lacks (none on a
// series slot); placeBadges may hide some in a cramped chip.
func (r *chipRenderer) refreshBadges() {
	i := r.c.info
	open := i.slot == nil
	r.badge.Hidden = !i.noPicture || !open
	r.badgeIcon.Hidden = r.badge.Hidden
	r.noText.Hidden = !i.noText || !open
	r.noTextIcon.Hidden = r.noText.Hidden
	r.noTime.Hidden = !i.noTime || !open
	r.noTimeIcon.Hidden = r.noTime.Hidden
	r.refreshConsent()
}

// refreshConsent shows the consent badge of a planned post (none on a
// series slot).
func (r *chipRenderer) refreshConsent() {
	i := r.c.info
	r.consent.Hidden = i.consent == markNone || i.slot != nil
	r.consentIcon.Hidden = r.consent.Hidden
	if !r.consent.Hidden {
		styleConsentBadge(r.consent, r.consentIcon, i.consent)
	}
}

func (r *chipRenderer) Refresh() {
	r.refresh()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.bg, r.bar}
	for _, d := range r.dashes {
		objs = append(objs, d)
	}
	objs = append(objs, r.status, r.free)
	for _, t := range r.lines {
		objs = append(objs, t)
	}
	for _, s := range r.strikes {
		objs = append(objs, s)
	}
	return append(objs, r.chans, r.badge, r.badgeIcon, r.noText, r.noTextIcon, r.noTime, r.noTimeIcon,
		r.consent, r.consentIcon, r.detail)
}

func (r *chipRenderer) Destroy() {}

// wrapKey is what a chip's title lines were cut for.
type wrapKey struct {
	text   string
	widths [3]float32
	size   float32
	style  fyne.TextStyle
}

// wrapText breaks text at spaces onto lines of the given widths (one per
// line); the last line takes the rest, cut with an ellipsis. A word with
// a hyphen may break there; a word longer than a whole line is cut.
// Fewer lines when the text is short.
func wrapText(text string, widths []float32, size float32, style fyne.TextStyle) []string {
	words := strings.Fields(text)
	var out []string
	measure := func(t string) float32 { return fyne.MeasureText(t, size, style).Width }
	for li, w := range widths {
		if len(words) == 0 {
			break
		}
		if li == len(widths)-1 {
			out = append(out, ellipsize(strings.Join(words, " "), w, size, style))
			break
		}
		n := 0
		for n < len(words) && measure(strings.Join(words[:n+1], " ")) <= w {
			n++
		}
		if n == 0 && measure(words[0]) > w {
			// Longer than the line: cut where it must be.
			r := []rune(words[0])
			k := len(r) - 1
			for k > 1 && measure(string(r[:k])+"-") > w {
				k--
			}
			out = append(out, string(r[:k])+"-")
			words[0] = string(r[k:])
			continue
		}
		line := strings.Join(words[:n], " ")
		words = words[n:]
		if len(words) > 0 {
			room := w
			if line != "" {
				room -= measure(line + " ")
			}
			if head, tail, ok := splitWord(words[0], room, size, style); ok {
				line = strings.TrimSpace(line + " " + head)
				words[0] = tail
			}
		}
		out = append(out, line)
	}
	return out
}

// splitWord cuts a word with its own hyphen for the end of a line with
// room left ("Azubi-" / "Dienstag"), if the part before fits. Other words
// are not cut: a German compound cut anywhere reads worse than a short
// line.
func splitWord(word string, room, size float32, style fyne.TextStyle) (head, tail string, ok bool) {
	if room < 24 {
		return "", "", false
	}
	for i := strings.LastIndex(word, "-"); i > 0; i = strings.LastIndex(word[:i], "-") {
		if i < len(word)-1 && fyne.MeasureText(word[:i+1], size, style).Width <= room {
			return word[:i+1], word[i+1:], true
		}
	}
	return "", "", false
}

// The chip's icons, drawn as fills only (24×24) in black and recoloured
// by inkIcon: Fyne's theme has no hourglass, double tick or crossed text
// and clock, and a themed icon only takes theme colours.
var (
	bulbIcon      = svgIcon("idea.svg", `<path d="M9 21c0 .55.45 1 1 1h4c.55 0 1-.45 1-1v-1H9v1zm3-19C8.14 2 5 5.14 5 9c0 2.38 1.19 4.47 3 5.74V17c0 .55.45 1 1 1h6c.55 0 1-.45 1-1v-2.26c1.81-1.27 3-3.36 3-5.74 0-3.86-3.14-7-7-7zm2.85 11.1l-.85.6V16h-4v-2.3l-.85-.6A5 5 0 0 1 7 9c0-2.76 2.24-5 5-5s5 2.24 5 5c0 1.63-.8 3.16-2.15 4.1z"/>`)
	draftIcon     = svgIcon("draft.svg", `<path d="M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zM20.71 7.04a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z"/>`)
	reviewIcon    = svgIcon("review.svg", `<path d="M6 2v6l4 4-4 4v6h12v-6l-4-4 4-4V2H6zm10 14.5V20H8v-3.5l4-4 4 4zm-4-5l-4-4V4h8v3.5l-4 4z"/>`)
	approvedIcon  = svgIcon("approved.svg", `<path d="M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm-2 15l-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8l-9 9z"/>`)
	publishedIcon = svgIcon("published.svg", `<path d="M18 7l-1.41-1.41-6.34 6.34 1.41 1.41L18 7zm4.24-1.41L11.66 16.17 7.48 12l-1.41 1.41L11.66 19l12-12-1.42-1.41zM.41 13.41L6 19l1.41-1.41L1.83 12 .41 13.41z"/>`)
	discardedIcon = svgIcon("discarded.svg", `<path d="M19 6.41L17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/>`)

	// noPictureIcon is a picture frame crossed out, for "kein Bild".
	noPictureIcon = svgIcon("no-picture.svg", `<path fill-rule="evenodd" d="M1 3h22v18H1z M4 6v12h16V6z"/>`+
		`<path d="M5 17l4-5 3 3.5 2-2.5 4 4z"/><path d="M0.5 3.3l2.8-2.8 20.2 20.2-2.8 2.8z"/>`)
	// noTextIcon is lines of text crossed out, for "kein Text".
	noTextIcon = svgIcon("no-text.svg", `<path d="M2 3h20v3.2H2z M2 10.4h20v3.2H2z M2 17.8h12v3.2H2z"/><path d="M0.5 3.3l2.8-2.8 20.2 20.2-2.8 2.8z"/>`)
	// noTimeIcon is a clock crossed out, for "keine Uhrzeit".
	noTimeIcon = svgIcon("no-time.svg", `<path fill-rule="evenodd" d="M12 1a11 11 0 1 1 0 22a11 11 0 1 1 0-22z M12 3.6a8.4 8.4 0 1 0 0 16.8a8.4 8.4 0 1 0 0-16.8z"/>`+
		`<path d="M10.8 6h2.4v5.4l3.8 2.3-1.2 2-5-3z"/><path d="M0.5 3.3l2.8-2.8 20.2 20.2-2.8 2.8z"/>`)
)

// svgIcon is a 24×24 icon of black fills.
func svgIcon(name, body string) fyne.Resource {
	return fyne.NewStaticResource(name, []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="#000000">`+body+`</svg>`))
}

// statusIcon is a status's icon: told apart by shape, so it reads in
// greyscale and without colour.
func statusIcon(s data.Status) fyne.Resource {
	switch s {
	case data.StatusIdea:
		return bulbIcon
	case data.StatusReview:
		return reviewIcon
	case data.StatusApproved:
		return approvedIcon
	case data.StatusPublished:
		return publishedIcon
	case data.StatusDiscarded:
		return discardedIcon
	}
	return draftIcon
}

var (
	inkIconsMu sync.Mutex
	inkIcons   = map[string]fyne.Resource{}
)

// inkIcon is one of the icons above in the colour col, made once.
func inkIcon(res fyne.Resource, col color.NRGBA) fyne.Resource {
	hex := fmt.Sprintf("#%02X%02X%02X", col.R, col.G, col.B)
	key := res.Name() + hex
	inkIconsMu.Lock()
	defer inkIconsMu.Unlock()
	if r, ok := inkIcons[key]; ok {
		return r
	}
	svg := strings.Replace(string(res.Content()), `fill="#000000"`, `fill="`+hex+`"`, 1)
	r := fyne.NewStaticResource(strings.TrimSuffix(res.Name(), ".svg")+"-"+hex[1:]+".svg", []byte(svg))
	inkIcons[key] = r
	return r
}
