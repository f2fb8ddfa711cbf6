package caption

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// sample2000 is a caption as the office writes them, 2,000 characters:
// German text with umlauts, typographic quotes, a link, hashtags, a few
// emoji and line breaks.
var sample2000 = func() string {
	para := "🎓 Azubi-Dienstag: Heute stellt sich Lena vor, Verwaltungsfachangestellte im 2. Lehrjahr.\n" +
		"„Ich mag, dass ich Bürgerinnen und Bürgern direkt helfen kann“, sagt sie – und dass kein Tag wie der andere ist.\n" +
		"Bewerbungen für den Ausbildungsstart 2027 nehmen wir bis 31.01. entgegen: https://www.stadt-musterstadt.de/ausbildung\n" +
		"Fragen? Schreiben Sie an ausbildung@stadt-musterstadt.de oder rufen Sie an: 01234 567-89.\n" +
		"#Ausbildung #Azubi #KarriereImÖffentlichenDienst 👍🏽\n\n"
	s := strings.Repeat(para, 2000/utf8.RuneCountInString(para)+1)
	r := []rune(s)
	return string(r[:2000])
}()

// BenchmarkCountAllPlatforms is one keystroke in the editor: the caption
// counted for all 9 platforms. Goal: ≤ 1 ms per iteration.
func BenchmarkCountAllPlatforms(b *testing.B) {
	limits := DefaultLimits()
	platforms := Platforms()
	b.SetBytes(int64(len(sample2000)))
	for b.Loop() {
		for _, p := range platforms {
			Count(p, sample2000, limits[p], false)
		}
	}
}

// BenchmarkCheckTextAllPlatforms is the checks list beside the preview.
func BenchmarkCheckTextAllPlatforms(b *testing.B) {
	limits := DefaultLimits()
	platforms := Platforms()
	for b.Loop() {
		for _, p := range platforms {
			CheckText(p, sample2000, limits[p], false)
		}
	}
}

// BenchmarkCountLong is a pasted caption of 100,000 characters counted
// for all 9 platforms. Goal: < 50 ms.
func BenchmarkCountLong(b *testing.B) {
	long := strings.Repeat(sample2000, 50)
	limits := DefaultLimits()
	for b.Loop() {
		for _, p := range Platforms() {
			Count(p, long, limits[p], false)
		}
	}
}
