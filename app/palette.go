package app

import (
	"image/color"
	"math"
)

// The calendar's colours in one place, each pair of text (or icon) and the
// background it stands on checked by palette_test.go against WCAG 2.x: 4.5:1
// for text, 3:1 for icons and outlines. Colour tells the Rubrik and nothing
// else; status, channel and what is missing are told by icons and words.
var (
	// inkDark and inkLight are the two text colours a chip chooses from
	// (chipInk), whatever Rubrik colour a person picked.
	inkDark  = color.NRGBA{0x1F, 0x1F, 0x1F, 0xFF}
	inkLight = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	// inkMuted is quiet text that must still be read: a free series slot,
	// "+3 weitere", days outside the month, the channel badges.
	inkMuted = color.NRGBA{0x59, 0x5F, 0x66, 0xFF}
	// inkHoliday is a holiday's number and name, and a quiet period's
	// note (the theme's red is too light for small text).
	inkHoliday = color.NRGBA{0xB7, 0x1C, 0x1C, 0xFF}
	// inkMark is an action day's or own date's name.
	inkMark = color.NRGBA{0x0D, 0x63, 0x5C, 0xFF}
	// inkDiscarded is the text of a discarded post: struck through, grey.
	inkDiscarded = color.NRGBA{0x61, 0x61, 0x61, 0xFF}

	dayPlain   = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF} // a weekday in the month
	dayWeekend = color.NRGBA{0xF1, 0xF3, 0xF4, 0xFF} // Saturday, Sunday, holiday
	dayOutside = color.NRGBA{0xF7, 0xF7, 0xF7, 0xFF} // a day of the next or last month
	dayQuiet   = color.NRGBA{0xFF, 0xEB, 0xEE, 0xFF} // inside a quiet period

	// discardedFill is a discarded post's chip: grey whatever its Rubrik.
	discardedFill = color.NRGBA{0xEC, 0xEC, 0xEC, 0xFF}
	// slotDash is the dashed outline of a free series slot.
	slotDash = inkMuted
	// badgeFill and badgeFrame are the small "kein Text / kein Bild /
	// keine Uhrzeit" boxes; the icon inside is inkDark.
	badgeFill  = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	badgeFrame = color.NRGBA{0x8A, 0x4B, 0x00, 0xFF}
)

// dayBackgrounds are the fills a chip and a day's names stand on.
var dayBackgrounds = []color.NRGBA{dayPlain, dayWeekend, dayOutside, dayQuiet}

// chipTint is how much of the Rubrik colour a chip's fill takes (the rest
// is white): light enough for text, strong enough to tell Rubriken apart;
// the bar at the chip's left edge carries the full colour.
const chipTint = 0.30

// chipFill is the opaque fill of a chip of a Rubrik colour.
func chipFill(topic color.NRGBA) color.NRGBA {
	return mix(topic, dayPlain, chipTint)
}

// chipInk is the text and icon colour on a chip's fill: dark or light,
// whichever reads better, so every colour a person picks passes.
func chipInk(fill color.NRGBA) color.NRGBA {
	if contrast(inkDark, fill) >= contrast(inkLight, fill) {
		return inkDark
	}
	return inkLight
}

// mix is a·t + b·(1−t), channel by channel, opaque.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*t + float64(y)*(1-t))) }
	return color.NRGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 0xFF}
}

// over composites c (with its alpha) over the opaque bg.
func over(c, bg color.NRGBA) color.NRGBA {
	return mix(color.NRGBA{c.R, c.G, c.B, 0xFF}, bg, float64(c.A)/255)
}

// luminance is the WCAG 2.x relative luminance of an opaque colour.
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is the WCAG 2.x contrast ratio of fg over bg (fg's alpha
// composited over bg first), 1 to 21.
func contrast(fg, bg color.NRGBA) float64 {
	a, b := luminance(over(fg, bg)), luminance(bg)
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}

// toNRGBA turns a theme colour into an NRGBA (un-premultiplied).
func toNRGBA(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}
