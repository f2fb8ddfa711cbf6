package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// section is a titled panel: a bold heading, an optional explanation that
// wraps (widget.Card's subtitle does not), and the content, on a light
// background with rounded corners.
func section(title, explanation string, content fyne.CanvasObject) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.SizeName = theme.SizeNameSubHeadingText
	items := []fyne.CanvasObject{head}
	if explanation != "" {
		ex := widget.NewLabel(explanation)
		ex.Wrapping = fyne.TextWrapWord
		items = append(items, ex)
	}
	if content != nil {
		items = append(items, content)
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	return container.NewStack(bg, container.NewPadded(container.NewVBox(items...)))
}

// readingWidth centres its content at no more than max pixels wide, so forms
// and texts keep a calm line length on a 1920 px screen and still fit
// 1366 px.
type readingWidth struct{ max float32 }

func (r readingWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := size.Width
	if w > r.max {
		w = r.max
	}
	for _, o := range objs {
		h := o.MinSize().Height
		if h < size.Height {
			h = size.Height
		}
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

func (r readingWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	if s.Width > r.max {
		s.Width = r.max
	}
	return s
}

// narrow wraps content in a readingWidth of max pixels.
func narrow(max float32, content fyne.CanvasObject) fyne.CanvasObject {
	return container.New(readingWidth{max: max}, content)
}
