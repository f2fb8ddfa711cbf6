package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestEllipsizeFitsTheWidth(t *testing.T) {
	test.NewTempApp(t)
	style := fyne.TextStyle{}
	for _, c := range []struct {
		text  string
		width float32
	}{
		{"Kurz", 200},
		{"Azubi-Dienstag: Lena zeigt die Restaurierungswerkstatt im Stadtarchiv", 120},
		{"Übergröße äöü ß Straßenbahnhaltestelle", 60},
		{"Grüße", 3},
		{"egal", 0},
	} {
		got := ellipsize(c.text, c.width, 12, style)
		if w := fyne.MeasureText(got, 12, style).Width; w > c.width {
			t.Errorf("%q at %v: %q is %v wide", c.text, c.width, got, w)
		}
		fits := fyne.MeasureText(c.text, 12, style).Width <= c.width
		if fits && got != c.text || !fits && got != "" && !strings.HasSuffix(got, "…") {
			t.Errorf("%q at %v: %q", c.text, c.width, got)
		}
	}
}
