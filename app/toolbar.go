package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// toolbarLayout lays out the calendar's toolbar: the navigation buttons on
// the left, the heading (month or week) in the middle and the view and
// search controls on the right. Where the window is too narrow for the
// heading to be read (a 1366 px screen at 125 %), the right-hand controls
// move to a second row, so "Dezember 2026" never shrinks to "…".
type toolbarLayout struct {
	twoRows  bool
	relayout func() // lays the parent out again after the rows changed
}

// toolbarHeadingRoom is the width the heading needs at least beside the
// controls before the controls move below it.
const toolbarHeadingRoom = 190

func (l *toolbarLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	left, heading, right := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	lm, rm := left.MinSize(), right.MinSize()
	two := size.Width < lm.Width+rm.Width+toolbarHeadingRoom+2*pad
	if two != l.twoRows {
		l.twoRows = two
		if l.relayout != nil {
			defer l.relayout()
		}
	}
	rowH := max(lm.Height, rm.Height)
	left.Move(fyne.NewPos(0, (rowH-lm.Height)/2))
	left.Resize(lm)
	hm := heading.MinSize()
	headX := lm.Width + pad
	if two {
		heading.Move(fyne.NewPos(headX, (rowH-hm.Height)/2))
		heading.Resize(fyne.NewSize(size.Width-headX, hm.Height))
		right.Move(fyne.NewPos(size.Width-rm.Width, rowH+pad))
		right.Resize(rm)
		return
	}
	right.Move(fyne.NewPos(size.Width-rm.Width, (rowH-rm.Height)/2))
	right.Resize(rm)
	heading.Move(fyne.NewPos(headX, (rowH-hm.Height)/2))
	heading.Resize(fyne.NewSize(size.Width-rm.Width-pad-headX, hm.Height))
}

func (l *toolbarLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	left, right := objs[0].MinSize(), objs[2].MinSize()
	pad := theme.Padding()
	rowH := max(left.Height, right.Height)
	if l.twoRows {
		return fyne.NewSize(max(left.Width+toolbarHeadingRoom, right.Width), 2*rowH+pad)
	}
	// The heading is cut with an ellipsis before the window grows.
	return fyne.NewSize(left.Width+right.Width+2*pad+40, rowH)
}
