package app

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// hoverDelay is how long the pointer must rest on something before its
// preview shows (tests set it to 0: the preview then shows at once).
var hoverDelay = 250 * time.Millisecond

// hoverWarm is how soon after a preview closed because the pointer left
// its chip the next one shows without waiting: running the pointer along
// a week's chips reads them one after the other.
const hoverWarm = 400 * time.Millisecond

// hoverCardWidth is the widest a preview card gets.
const hoverCardWidth = 340

// hoverLayer shows one preview card at a time above a screen's content
// (Fyne 2.7 has no tooltips). It is a plain layer stacked on the screen,
// not a widget.PopUp: a pop-up lies over the whole window as an overlay,
// so the chip below would lose the pointer at once (the preview would
// blink) and her next click would only close it. The layer's card holds
// nothing tappable or hoverable, so every click and the pointer still
// reach the plan below, and it never takes the focus.
type hoverLayer struct {
	layer   *fyne.Container
	deliver func(func()) // to the UI goroutine: fyne.Do, or the test queue
	// after runs f after d on another goroutine and returns what stops it
	// (time.AfterFunc; tests drive it themselves).
	after func(d time.Duration, f func()) (stop func() bool)
	now   func() time.Time

	owner fyne.CanvasObject // what the pointer rests on (waiting or shown)
	// anchor is what the card is placed at: the owner, or a part of it
	// such as the text the pointer rests on.
	anchor fyne.CanvasObject
	build  func() fyne.CanvasObject // its card
	stop   func() bool
	card   fyne.CanvasObject // on show; nil: none
	// muted was closed by a click, a drag or scrolling: no preview for it
	// again until the pointer has left it.
	muted   fyne.CanvasObject
	gen     int
	lastOut time.Time
	// scrollRoot is where the wheel goes while a card shows: the card's
	// catcher closes it and hands the wheel to the scroll below the
	// pointer in scrollRoot (nil: the wheel only closes the card).
	scrollRoot fyne.CanvasObject
	catcher    *hoverCatcher
}

func newHoverLayer(deliver func(func())) *hoverLayer {
	return &hoverLayer{
		layer:   container.NewWithoutLayout(),
		deliver: deliver,
		after: func(d time.Duration, f func()) func() bool {
			return time.AfterFunc(d, f).Stop
		},
		now: time.Now,
	}
}

// over stacks the layer on content.
func (h *hoverLayer) over(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(content, h.layer)
}

// rest says the pointer rests on owner; build makes its card, on the UI
// goroutine, after hoverDelay (at once when a preview just closed).
// Moving within owner changes nothing.
func (h *hoverLayer) rest(owner fyne.CanvasObject, build func() fyne.CanvasObject) {
	h.restAt(owner, owner, build)
}

// restAt is rest with the card placed at anchor, a part of owner.
func (h *hoverLayer) restAt(owner, anchor fyne.CanvasObject, build func() fyne.CanvasObject) {
	if owner == h.muted || owner == h.owner && anchor == h.anchor {
		return
	}
	h.hide()
	h.owner, h.anchor, h.build = owner, anchor, build
	delay := hoverDelay
	if !h.lastOut.IsZero() && h.now().Sub(h.lastOut) < hoverWarm {
		delay = 0
	}
	if delay <= 0 {
		h.show()
		return
	}
	gen := h.gen
	h.stop = h.after(delay, func() {
		h.deliver(func() {
			if gen == h.gen {
				h.show()
			}
		})
	})
}

// leave says the pointer left owner: its preview closes, or does not come.
func (h *hoverLayer) leave(owner fyne.CanvasObject) {
	if owner == h.muted {
		h.muted = nil
	}
	if owner != h.owner {
		return
	}
	if h.card != nil {
		h.lastOut = h.now()
	}
	h.hide()
}

// dismiss closes the preview for a click, a drag, scrolling or a reload;
// the thing under the pointer gets none again until the pointer leaves it.
func (h *hoverLayer) dismiss() {
	if h.owner != nil {
		h.muted = h.owner
	}
	h.lastOut = time.Time{}
	h.hide()
}

// hide closes the card and forgets a waiting one.
func (h *hoverLayer) hide() {
	h.gen++
	if h.stop != nil {
		h.stop()
		h.stop = nil
	}
	h.owner, h.anchor, h.build = nil, nil, nil
	if h.card != nil {
		h.card = nil
		h.layer.Objects = nil
		h.layer.Refresh()
	}
}

// shown is the card on show, or nil.
func (h *hoverLayer) shown() fyne.CanvasObject { return h.card }

func (h *hoverLayer) show() {
	h.stop = nil
	if h.owner == nil || h.build == nil {
		return
	}
	card := h.build()
	if card == nil {
		return
	}
	h.card = card
	if h.catcher == nil {
		h.catcher = &hoverCatcher{h: h}
		h.catcher.ExtendBaseWidget(h.catcher)
	}
	h.catcher.Move(fyne.NewPos(0, 0))
	h.catcher.Resize(h.layer.Size())
	h.layer.Objects = []fyne.CanvasObject{h.catcher, card}
	h.place()
	h.layer.Refresh()
}

// place puts the card below its owner, or above it where the room below
// is short, and always inside the layer (the screen).
func (h *hoverLayer) place() {
	if h.card == nil || h.anchor == nil {
		return
	}
	drv := fyne.CurrentApp().Driver()
	origin := drv.AbsolutePositionForObject(h.layer)
	at := drv.AbsolutePositionForObject(h.anchor).Subtract(origin)
	own := h.anchor.Size()
	room := h.layer.Size()
	ms := h.card.MinSize()
	w := fyne.Min(fyne.Max(ms.Width, hoverCardWidth), fyne.Max(room.Width-8, ms.Width))
	size := fyne.NewSize(w, h.card.MinSize().Height)
	// Wrapped text grows taller when it gets its width.
	h.card.Resize(size)
	size.Height = h.card.MinSize().Height
	h.card.Resize(size)
	x := at.X
	y := at.Y + own.Height + 4
	if y+size.Height > room.Height-4 && at.Y-size.Height-4 >= 4 {
		y = at.Y - size.Height - 4
	}
	x = fyne.Max(4, fyne.Min(x, room.Width-size.Width-4))
	y = fyne.Max(4, fyne.Min(y, room.Height-size.Height-4))
	h.card.Move(fyne.NewPos(x, y))
}

// hoverCard frames content as a preview card: the theme's overlay
// background with a thin border.
func hoverCard(content fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = 6
	bg.StrokeWidth = 1
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(6, 6, 8, 8), content))
}

// hoverTextCard is a card with one wrapped text.
func hoverTextCard(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return hoverCard(l)
}

// restOnTexts shows full, the whole of what texts (parts of owner, such
// as a day's names beside its number) show cut or abbreviated, when the
// pointer at abs rests on one of them; elsewhere on owner, or where the
// texts show it all, nothing.
func (h *hoverLayer) restOnTexts(owner fyne.CanvasObject, full string, abs fyne.Position, texts ...*canvas.Text) {
	var over *canvas.Text
	var shown strings.Builder
	drv := fyne.CurrentApp().Driver()
	for _, t := range texts {
		if t == nil || !t.Visible() || t.Text == "" {
			continue
		}
		shown.WriteString(t.Text)
		pos, size := drv.AbsolutePositionForObject(t), t.MinSize()
		if abs.X >= pos.X && abs.X < pos.X+size.Width && abs.Y >= pos.Y && abs.Y < pos.Y+size.Height {
			over = t
		}
	}
	bare := strings.NewReplacer(" ", "", "·", "")
	if over == nil || full == "" || bare.Replace(shown.String()) == bare.Replace(full) {
		h.leave(owner)
		return
	}
	h.restAt(owner, over, func() fyne.CanvasObject { return hoverTextCard(full) })
}

// hoverText is a one-line label that is cut with an ellipsis where it
// does not fit and shows its full text when the pointer rests on it.
type hoverText struct {
	widget.BaseWidget
	label *widget.Label
	hover *hoverLayer
}

// newHoverText makes a hoverText showing its previews on h.
func newHoverText(h *hoverLayer, text string) *hoverText {
	t := &hoverText{label: widget.NewLabel(text), hover: h}
	t.label.Truncation = fyne.TextTruncateEllipsis
	t.ExtendBaseWidget(t)
	return t
}

// SetText changes the text; a preview of the old one closes.
func (t *hoverText) SetText(s string) {
	if t.hover.owner == t {
		t.hover.hide()
	}
	t.label.SetText(s)
}

// cut says whether the label shows less than its full text.
func (t *hoverText) cut() bool { return labelCut(t.label) }

// labelCut says whether a label cut with an ellipsis shows less than its
// full text at its size.
func labelCut(l *widget.Label) bool {
	full := widget.NewLabel(l.Text)
	full.TextStyle, full.SizeName = l.TextStyle, l.SizeName
	return full.MinSize().Width > l.Size().Width
}

func (t *hoverText) MouseIn(*desktop.MouseEvent) {
	if t.label.Text == "" || !t.cut() {
		return
	}
	text := t.label.Text
	t.hover.rest(t, func() fyne.CanvasObject { return hoverTextCard(text) })
}

func (t *hoverText) MouseMoved(ev *desktop.MouseEvent) { t.MouseIn(ev) }
func (t *hoverText) MouseOut()                         { t.hover.leave(t) }

func (t *hoverText) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.label) }

// hoverCatcher lies below a shown card over the whole layer and takes
// only the mouse wheel: scrolling closes the preview (the chip moves away
// below it) and the scroll under the pointer still scrolls. It is not
// tappable nor hoverable, so clicks and the pointer reach the plan.
type hoverCatcher struct {
	widget.BaseWidget
	h *hoverLayer
}

func (c *hoverCatcher) Scrolled(ev *fyne.ScrollEvent) {
	root := c.h.scrollRoot
	c.h.dismiss()
	if s := scrollUnder(root, ev.AbsolutePosition); s != nil {
		s.Scrolled(ev)
	}
}

func (c *hoverCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// scrollUnder is the innermost scroll container below root (through plain
// containers and scrolls) that lies under the absolute position abs.
func scrollUnder(root fyne.CanvasObject, abs fyne.Position) *container.Scroll {
	if root == nil || !root.Visible() {
		return nil
	}
	drv := fyne.CurrentApp().Driver()
	pos, size := drv.AbsolutePositionForObject(root), root.Size()
	if abs.X < pos.X || abs.Y < pos.Y || abs.X >= pos.X+size.Width || abs.Y >= pos.Y+size.Height {
		return nil
	}
	switch o := root.(type) {
	case *container.Scroll:
		if inner := scrollUnder(o.Content, abs); inner != nil {
			return inner
		}
		return o
	case *fyne.Container:
		for i := len(o.Objects) - 1; i >= 0; i-- {
			if s := scrollUnder(o.Objects[i], abs); s != nil {
				return s
			}
		}
	}
	return nil
}
