package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// ellipsize is text cut with an ellipsis so that it is at most width wide
// in the given size and style: the one rule for every text that must fit
// a fixed place (chips, day cells, menu entries, dialog titles), since
// canvas.Text and menu items do not truncate by themselves.
func ellipsize(text string, width, size float32, style fyne.TextStyle) string {
	if width <= 0 {
		return ""
	}
	if fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	if fyne.MeasureText("…", size, style).Width > width {
		return "" // not even the ellipsis fits
	}
	runes := []rune(text)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(runes[:lo]) + "…"
}

// fitCanvasText sets t to text, cut with an ellipsis to width.
func fitCanvasText(t *canvas.Text, text string, width float32) {
	t.Text = ellipsize(text, width, t.TextSize, t.TextStyle)
	t.Resize(fyne.NewSize(width, t.MinSize().Height))
	t.Refresh()
}

// shortLine is text cut to fit a line of width in the normal text size,
// for a menu entry or a dialog title.
func shortLine(text string, width float32) string {
	return ellipsize(text, width, theme.TextSize(), fyne.TextStyle{})
}
