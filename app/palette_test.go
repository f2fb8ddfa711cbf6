package app

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// contrastPair is one colour pair the calendar uses: fg (text or an icon
// or outline) on bg, and the WCAG 2.x ratio it needs.
type contrastPair struct {
	name string
	fg   color.NRGBA
	bg   color.NRGBA
	min  float64
}

const (
	minText  = 4.5 // WCAG AA, normal text
	minGraph = 3.0 // WCAG AA, icons and outlines (non-text)
)

func themeColor(n fyne.ThemeColorName) color.NRGBA {
	return toNRGBA(feedtaktTheme{}.Color(n, theme.VariantLight))
}

// rubricColours are the colours the app offers for a Rubrik (the start
// workspace's four, the default grey, the colour of a post without one)
// plus hard cases a person may pick.
func rubricColours() []color.NRGBA {
	var out []color.NRGBA
	for _, h := range []string{"#2E7D32", "#6A1B9A", "#1565C0", "#EF6C00", "#607D8B", "#000000", "#FFFFFF", "#FFFF00", "#00FFFF", "#FF0000", "#0000FF", "#777777"} {
		out = append(out, parseHex(h))
	}
	return append(out, neutral)
}

// palettePairs are every pair of palette.go and the theme the month and
// week views draw.
func palettePairs() []contrastPair {
	var ps []contrastPair
	add := func(name string, fg, bg color.NRGBA, min float64) {
		ps = append(ps, contrastPair{name, fg, bg, min})
	}
	for _, c := range rubricColours() {
		fill := chipFill(c)
		n := fmt.Sprintf("chip of %02X%02X%02X", c.R, c.G, c.B)
		add(n+": title", chipInk(fill), fill, minText)
		add(n+": status icon", chipInk(fill), fill, minGraph)
		add(n+": channel badges", chipInk(fill), fill, minText)
		add(n+": badge frame", badgeFrame, fill, minGraph)
	}
	add("discarded chip: title", inkDiscarded, discardedFill, minText)
	add("discarded chip: badge frame", badgeFrame, discardedFill, minGraph)
	add("badge: icon", inkDark, badgeFill, minGraph)
	add("badge: frame", badgeFrame, badgeFill, minGraph)
	for _, n := range []fyne.ThemeColorName{theme.ColorNameError, theme.ColorNameWarning, theme.ColorNamePlaceHolder, theme.ColorNameSuccess} {
		add("consent badge: "+string(n)+" icon and frame", themeColor(n), themeColor(theme.ColorNameBackground), minGraph)
	}
	for i, bg := range dayBackgrounds {
		n := fmt.Sprintf("day background %d: ", i)
		add(n+"free slot text", inkMuted, bg, minText)
		add(n+"free slot dashes", slotDash, bg, minGraph)
		add(n+"day number", inkDark, bg, minText)
		add(n+"muted text (+3 weitere, other month)", inkMuted, bg, minText)
		add(n+"holiday and quiet period", inkHoliday, bg, minText)
		add(n+"action day", inkMark, bg, minText)
		add(n+"week: holiday (danger label)", themeColor(theme.ColorNameError), bg, minText)
		add(n+"week: action day (high importance label)", themeColor(theme.ColorNamePrimary), bg, minText)
	}
	add("today's number", themeColor(theme.ColorNameForegroundOnPrimary), themeColor(theme.ColorNamePrimary), minText)
	add("weekday and KW heads", inkMuted, themeColor(theme.ColorNameBackground), minText)
	add("legend: text", inkDark, themeColor(theme.ColorNameBackground), minText)
	add("legend: consent link", inkMark, themeColor(theme.ColorNameBackground), minText)
	add("selected chip outline", themeColor(theme.ColorNamePrimary), dayPlain, minGraph)
	for _, n := range []fyne.ThemeColorName{theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameSuccess} {
		add("theme "+string(n)+" text", themeColor(n), themeColor(theme.ColorNameBackground), minText)
	}
	return ps
}

// TestPaletteContrast: every colour pair the calendar draws reaches WCAG
// AA, 4.5:1 for text and 3:1 for icons and outlines.
func TestPaletteContrast(t *testing.T) {
	for _, p := range palettePairs() {
		if r := contrast(p.fg, p.bg); r < p.min {
			t.Errorf("%s: %.2f:1, needs %.1f:1", p.name, r, p.min)
		}
	}
}

// TestChipInkAnyColour: whatever colour a person picks for a Rubrik, the
// chip's text (and its status icon) reads on the chip's fill.
func TestChipInkAnyColour(t *testing.T) {
	worst := 21.0
	for r := 0; r <= 255; r += 15 {
		for g := 0; g <= 255; g += 15 {
			for b := 0; b <= 255; b += 15 {
				fill := chipFill(color.NRGBA{uint8(r), uint8(g), uint8(b), 0xFF})
				c := contrast(chipInk(fill), fill)
				worst = min(worst, c)
				if c < minText {
					t.Fatalf("Rubrik colour %d,%d,%d: chip text %.2f:1", r, g, b, c)
				}
				if f := contrast(badgeFrame, fill); f < minGraph {
					t.Fatalf("Rubrik colour %d,%d,%d: badge frame %.2f:1", r, g, b, f)
				}
			}
		}
	}
	t.Logf("worst chip text contrast over the sweep: %.2f:1", worst)
}

// TestContrastFormula checks the formula against known WCAG values.
func TestContrastFormula(t *testing.T) {
	for _, c := range []struct {
		fg, bg color.NRGBA
		want   float64
	}{
		{color.NRGBA{0, 0, 0, 0xFF}, color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}, 21},
		{color.NRGBA{0x76, 0x76, 0x76, 0xFF}, color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}, 4.54},
		{color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}, color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}, 1},
		// Half-transparent black over white is a mid grey (#7F7F7F).
		{color.NRGBA{0, 0, 0, 0x80}, color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}, 4.00},
	} {
		if got := contrast(c.fg, c.bg); got < c.want-0.02 || got > c.want+0.02 {
			t.Errorf("contrast(%v, %v) = %.3f, want %.2f", c.fg, c.bg, got, c.want)
		}
	}
}
