package exchange

import (
	"sync"

	"golang.org/x/image/font/sfnt"

	"feedtakt/assets/fonts"
)

// glyphSet records which characters of the Basic Multilingual Plane both
// PDF fonts (Noto Sans Regular and Bold) can draw. The PDF library prints a
// box for a missing glyph and cannot handle characters beyond U+FFFF at
// all, so text is filtered through it first.
type glyphSet [0x10000 / 64]uint64

func (g *glyphSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && g[r/64]&(1<<(uint(r)%64)) != 0
}

// pdfGlyphs is built once per process: about 65,000 cmap look-ups per
// font, a few milliseconds.
var pdfGlyphs = sync.OnceValue(pdfGlyphsUncached)

func pdfGlyphsUncached() *glyphSet {
	var set glyphSet
	parsed := make([]*sfnt.Font, 0, 2)
	for _, ttf := range [][]byte{fonts.NotoSansRegular, fonts.NotoSansBold} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			// The fonts are compiled in; if they cannot be parsed the PDF
			// prints plain ASCII rather than failing.
			for r := rune(' '); r < 0x7f; r++ {
				set[r/64] |= 1 << (uint(r) % 64)
			}
			return &set
		}
		parsed = append(parsed, f)
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF || invisible(r) {
			continue // joiners and selectors are handled by clean, not drawn
		}
		ok := true
		for _, f := range parsed {
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				ok = false
				break
			}
		}
		if ok {
			set[r/64] |= 1 << (uint(r) % 64)
		}
	}
	return &set
}
