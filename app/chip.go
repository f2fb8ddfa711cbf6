package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
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
	channels []color.NRGBA
	status   data.Status
	detail   string // more text for the week view
	quiet    bool   // planned inside a quiet period
	// noPicture: the post still needs a picture (data.LacksPicture);
	// a badge with a crossed-out picture, readable without colour.
	noPicture bool
	// consent: the worst consent or licence state of the planned post's
	// pictures; a badge with that state's icon (consent_marks.go).
	consent markState
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

// chip is a post in the month or week view: topic colour, time, channel
// marks, title; unfinished posts look pale, published ones carry a tick,
// series slots are outlined only; a post that still needs a picture
// carries the "kein Bild" badge. It can be tapped, double-tapped, dragged
// to another day and right-clicked.
type chip struct {
	widget.BaseWidget
	info     chipInfo
	events   *chipEvents
	wide     bool // week view: two more lines of caption
	selected bool
}

func newChip(ev *chipEvents, wide bool) *chip {
	c := &chip{events: ev, wide: wide}
	c.ExtendBaseWidget(c)
	return c
}

func (c *chip) set(info chipInfo, selected bool) {
	c.info = info
	c.selected = selected
	c.Refresh()
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
	r.text = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	r.text.TextSize = theme.CaptionTextSize() + 1
	r.detail = widget.NewLabel("")
	r.detail.Wrapping = fyne.TextWrapWord
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.detail.SizeName = theme.SizeNameCaptionText
	r.tick = canvas.NewImageFromResource(theme.ConfirmIcon())
	r.tick.FillMode = canvas.ImageFillContain
	r.badge, r.badgeIcon = newNoPictureBadge()
	r.consent, r.consentIcon = newConsentBadge()
	r.refresh()
	return r
}

type chipRenderer struct {
	c      *chip
	bg     *canvas.Rectangle
	bar    *canvas.Rectangle
	text   *canvas.Text
	marks  []*canvas.Circle
	detail *widget.Label
	tick   *canvas.Image

	badge     *canvas.Rectangle // "kein Bild"
	badgeIcon *canvas.Image

	consent     *canvas.Rectangle // the consent or licence state (markState)
	consentIcon *canvas.Image
}

const (
	chipHeight     = 22
	chipWideHeight = 64
	markSize       = 7
	badgeWidth     = 16
	badgeHeight    = 14
)

// newNoPictureBadge makes the "kein Bild" badge's box and icon: a light
// box with a warning-coloured frame and a dark icon, the most contrast also
// in greyscale, whatever the chip's colour.
func newNoPictureBadge() (*canvas.Rectangle, *canvas.Image) {
	box := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	box.CornerRadius = 3
	box.StrokeWidth = 1.5
	box.StrokeColor = theme.Color(theme.ColorNameWarning)
	icon := canvas.NewImageFromResource(theme.NewColoredResource(noPictureIcon, theme.ColorNameForeground))
	icon.FillMode = canvas.ImageFillContain
	return box, icon
}

// noPictureLegend explains the badge below the month: the badge and "kein
// Bild", narrower than a sample chip.
func noPictureLegend() fyne.CanvasObject {
	box, icon := newNoPictureBadge()
	badge := container.NewStack(box, container.New(layout.NewCustomPaddedLayout(2, 2, 2, 2), icon))
	text := canvas.NewText(lang.L("no picture"), theme.Color(theme.ColorNameForeground))
	text.TextSize = theme.CaptionTextSize() + 1
	return container.NewHBox(container.NewCenter(container.NewGridWrap(fyne.NewSize(badgeWidth, badgeHeight), badge)), container.NewCenter(text))
}

// noPictureIcon is a picture frame crossed out, for the "kein Bild" badge
// (Fyne's theme has none). Fills only: a themed SVG is recoloured by its
// fills.
var noPictureIcon = fyne.NewStaticResource("no-picture.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">`+
	`<path fill="#000" fill-rule="evenodd" d="M1 3h22v18H1z M4 6v12h16V6z"/>`+
	`<path fill="#000" d="M5 17l4-5 3 3.5 2-2.5 4 4z"/>`+
	`<path fill="#000" d="M0.5 3.3l2.8-2.8 20.2 20.2-2.8 2.8z"/></svg>`))

func (r *chipRenderer) MinSize() fyne.Size {
	if r.c.wide {
		return fyne.NewSize(60, chipWideHeight)
	}
	return fyne.NewSize(40, chipHeight)
}

func (r *chipRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.bar.Move(fyne.NewPos(0, 0))
	r.bar.Resize(fyne.NewSize(4, s.Height))
	x := float32(7)
	lineH := float32(chipHeight)
	// In a narrow month cell the title matters more than the channel dots.
	showMarks := r.c.wide || s.Width >= 110
	for _, m := range r.marks {
		m.Hidden = !showMarks
		if !showMarks {
			continue
		}
		m.Move(fyne.NewPos(x, (lineH-markSize)/2))
		m.Resize(fyne.NewSize(markSize, markSize))
		x += markSize + 2
	}
	if len(r.marks) > 0 && showMarks {
		x += 2
	}
	right := s.Width - 4
	if r.tick.Visible() {
		r.tick.Resize(fyne.NewSize(14, 14))
		r.tick.Move(fyne.NewPos(s.Width-17, (lineH-14)/2))
		right -= 16
	}
	if r.badge.Visible() {
		r.badge.Resize(fyne.NewSize(badgeWidth, badgeHeight))
		r.badge.Move(fyne.NewPos(right-badgeWidth+1, (lineH-badgeHeight)/2))
		r.badgeIcon.Resize(fyne.NewSize(badgeWidth-4, badgeHeight-4))
		r.badgeIcon.Move(r.badge.Position().AddXY(2, 2))
		right -= badgeWidth + 1
	}
	if r.consent.Visible() {
		r.consent.Resize(fyne.NewSize(badgeWidth, badgeHeight))
		r.consent.Move(fyne.NewPos(right-badgeWidth+1, (lineH-badgeHeight)/2))
		r.consentIcon.Resize(fyne.NewSize(badgeWidth-4, badgeHeight-2))
		r.consentIcon.Move(r.consent.Position().AddXY(2, 1))
		right -= badgeWidth + 1
	}
	r.text.Move(fyne.NewPos(x, (lineH-r.text.MinSize().Height)/2))
	r.text.Resize(fyne.NewSize(right-x, r.text.MinSize().Height))
	r.fitText(right - x)
	if r.c.wide {
		r.detail.Move(fyne.NewPos(4, lineH-6))
		r.detail.Resize(fyne.NewSize(s.Width-6, s.Height-lineH+4))
	}
}

// fitText cuts the one-line text with an ellipsis so it never spills over
// the chip (canvas.Text does not truncate by itself).
func (r *chipRenderer) fitText(width float32) {
	r.text.Text = ellipsize(r.fullText(), width, r.text.TextSize, r.text.TextStyle)
}

func (r *chipRenderer) fullText() string {
	i := r.c.info
	t := strings.TrimSpace(i.title)
	if i.time != "" {
		t = i.time + " " + t
	}
	return t
}

func (r *chipRenderer) refresh() {
	i := r.c.info
	fg := theme.Color(theme.ColorNameForeground)
	fill := i.topic
	fill.A = 0x38
	bar := i.topic
	style := fyne.TextStyle{}
	switch {
	case i.slot != nil: // an unfilled series slot: outline only
		fill.A = 0
		bar.A = 0x80
		style.Italic = true
		fg = theme.Color(theme.ColorNamePlaceHolder)
	case i.status == data.StatusIdea || i.status == data.StatusDraft:
		fill.A = 0x18
		style.Italic = true
	case i.status == data.StatusReview:
		fill.A = 0x28
	case i.status == data.StatusDiscarded:
		fill.A = 0x10
		bar.A = 0x40
		fg = theme.Color(theme.ColorNameDisabled)
	case i.status == data.StatusPublished:
		fill.A = 0x20
	}
	r.bg.FillColor = fill
	r.bg.StrokeWidth = 0
	if i.slot != nil {
		r.bg.StrokeColor = i.topic
		r.bg.StrokeWidth = 1
	}
	if i.quiet {
		r.bg.StrokeColor = theme.Color(theme.ColorNameError)
		r.bg.StrokeWidth = 2
	}
	if r.c.selected {
		r.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
		r.bg.StrokeWidth = 2
	}
	r.bar.FillColor = bar
	r.text.Color = fg
	r.text.TextStyle = style
	if len(r.marks) != len(i.channels) {
		r.marks = make([]*canvas.Circle, len(i.channels))
		for k := range r.marks {
			r.marks[k] = canvas.NewCircle(color.Transparent)
		}
	}
	for k, c := range i.channels {
		r.marks[k].FillColor = c
	}
	if i.status == data.StatusPublished && i.slot == nil {
		r.tick.Show()
	} else {
		r.tick.Hide()
	}
	r.badge.Hidden = !i.noPicture || i.slot != nil
	r.badgeIcon.Hidden = r.badge.Hidden
	r.badge.FillColor = theme.Color(theme.ColorNameBackground)
	r.badge.StrokeColor = theme.Color(theme.ColorNameWarning)
	r.refreshConsent()
	r.detail.SetText(i.detail)
	r.detail.Hidden = !r.c.wide
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
	for _, m := range r.marks {
		objs = append(objs, m)
	}
	return append(objs, r.text, r.tick, r.badge, r.badgeIcon, r.consent, r.consentIcon, r.detail)
}

func (r *chipRenderer) Destroy() {}
