package caption

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// Units a count is in, for the counter's label.
const (
	UnitWeighted  = "weighted"  // X: twitter-text's weighted length
	UnitGraphemes = "graphemes" // what a person sees as one character
)

// Counted is a text counted by one platform's rule, with its limits.
type Counted struct {
	Unit         string
	N            int // by the platform's rule
	Limit        int // 0 = none known
	Bytes        int // UTF-8 bytes, where the platform has a byte limit
	ByteLimit    int
	Hashtags     int
	HashtagLimit int
}

// Over reports whether any limit is exceeded.
func (c Counted) Over() bool {
	return (c.Limit > 0 && c.N > c.Limit) || (c.ByteLimit > 0 && c.Bytes > c.ByteLimit) ||
		(c.HashtagLimit > 0 && c.Hashtags > c.HashtagLimit)
}

// The counting rules of countText.
const (
	ruleGraphemes = iota // one per grapheme cluster
	ruleX                // twitter-text v3 weights per code point, an emoji 2
	ruleThreads          // one per grapheme cluster, an emoji its UTF-8 bytes
)

// Count counts text the way platform does (X: twitter-text v3 weights,
// URLs 23, emoji 2, NFC first; Mastodon: graphemes, URLs 23; Bluesky:
// graphemes and bytes; Threads: graphemes, emoji by their UTF-8 bytes;
// the rest: graphemes) against l; photoOnly picks Limits.Photo.
//
// Every platform gets "\r\n" as one line break: a text pasted from a
// Windows program is posted with "\n". The hashtags are counted with
// TextHashtags' rule. Count is what the editor's counter calls on every
// keystroke: a 2,000-character caption for all nine platforms takes about
// 0.12 ms of CPU (BenchmarkCountAllPlatforms), 100,000 characters about
// 0.7 ms per platform (BenchmarkCountLong).
func Count(platform, text string, l Limits, photoOnly bool) Counted {
	text = normalizeBreaks(text)
	c := Counted{Unit: UnitGraphemes, Limit: l.TextLimit(photoOnly), HashtagLimit: l.Hashtags}
	switch platform {
	case "x":
		// twitter-text normalises to NFC first: "e" + U+0301 is one "é".
		text = norm.NFC.String(text)
		c.Unit = UnitWeighted
		c.N = countText(text, ruleX, linkSpans(text, true))
	case "mastodon":
		// Mastodon's StatusLengthValidator: links with their scheme count
		// 23, a mention counts without its instance.
		links := linkSpans(text, false)
		c.N = countText(text, ruleGraphemes, mergeSpans(links, mentionSpans(text, links)))
	case "threads":
		c.N = countText(text, ruleThreads, nil)
	default:
		c.N = countText(text, ruleGraphemes, nil)
	}
	if l.Bytes > 0 {
		c.Bytes, c.ByteLimit = len(text), l.Bytes
	}
	eachHashtag(text, func(int, int) { c.Hashtags++ })
	return c
}

// normalizeBreaks turns "\r\n" into "\n" (and copies only when there is
// one).
func normalizeBreaks(text string) string {
	if strings.Contains(text, "\r\n") {
		return strings.ReplaceAll(text, "\r\n", "\n")
	}
	return text
}

// countText walks text cluster by cluster and adds what each weighs by
// rule; a span (a link, a mention's instance) counts its weight instead of
// what it holds.
func countText(text string, rule int, spans []span) int {
	n, state := 0, -1
	for i := 0; i < len(text); {
		if len(spans) > 0 && i >= spans[0].start {
			n += spans[0].weight
			i, spans, state = spans[0].end, spans[1:], -1
			continue
		}
		if text[i] < utf8.RuneSelf && (i+1 == len(text) || text[i+1] < utf8.RuneSelf) {
			n, i, state = n+1, i+1, -1 // ASCII weighs 1 by every rule (inlined for speed)
			continue
		}
		end, kind, st := nextCluster(text, i, state)
		cluster := text[i:end]
		i, state = end, st
		if rule == ruleGraphemes {
			n++
			continue
		}
		if kind == clusterOther && isEmoji(cluster) {
			kind = clusterEmoji
		}
		switch {
		case kind == clusterEmoji && rule == ruleX:
			n += 2
		case kind == clusterEmoji: // Threads
			n += len(cluster)
		case rule == ruleX:
			for _, r := range cluster {
				n += xWeight(r)
			}
		default:
			n++
		}
	}
	return n
}

// Kinds of cluster nextCluster tells apart.
const (
	clusterPlain = iota // one code point, no emoji
	clusterEmoji        // one code point, an emoji
	clusterOther        // anything else: ask isEmoji
)

// nextCluster returns the end of the grapheme cluster at text[i:] (i is
// at a cluster boundary; state is uniseg's, -1 after a cluster found
// here) and what kind it is.
//
// Most clusters are found without asking uniseg, which is slow for the
// editor's every keystroke on a long text (it looks up several Unicode
// tables per code point):
//   - a code point below U+0600 or in U+2000–U+20FF (ASCII, umlauts, ß,
//     Greek, Cyrillic, „ “ – … €) followed by an ASCII character is a
//     cluster of its own: only CR (gone by normalizeBreaks) and the rare
//     Prepend class hold a cluster together across such a boundary, and
//     Prepend has no member there; none of them is an emoji alone;
//   - an emoji code point at or above U+1F000 (no flag letter, no skin
//     tone) followed by ASCII or by another such emoji is a cluster of its
//     own: only Extend (skin tones, U+FE0F), ZWJ and SpacingMark would
//     join it to what follows.
func nextCluster(text string, i, state int) (end, kind, newState int) {
	if c := text[i]; c < utf8.RuneSelf {
		if i+1 == len(text) || text[i+1] < utf8.RuneSelf {
			return i + 1, clusterPlain, -1
		}
	} else {
		r, size := utf8.DecodeRuneInString(text[i:])
		next := i + size
		switch {
		case (r < 0x600 || r >= 0x2000 && r < 0x2100) && (next == len(text) || text[next] < utf8.RuneSelf):
			return next, clusterPlain, -1
		case r >= 0x1F000 && loneEmoji(r):
			if next == len(text) || text[next] < utf8.RuneSelf {
				return next, clusterEmoji, -1
			}
			if n, _ := utf8.DecodeRuneInString(text[next:]); n >= 0x1F000 && loneEmoji(n) {
				return next, clusterEmoji, -1
			}
		}
	}
	cluster, _, _, newState := uniseg.FirstGraphemeClusterInString(text[i:], state)
	return i + len(cluster), clusterOther, newState
}

// loneEmoji: r (≥ U+1F000) is an emoji standing alone, and neither a flag
// letter nor a skin tone (which join their neighbours).
func loneEmoji(r rune) bool {
	return !(r >= 0x1F1E6 && r <= 0x1F1FF) && !(r >= 0x1F3FB && r <= 0x1F3FF) &&
		(r >= 0x1F300 && inRanges(r, pictographic) || inRanges(r, presentation))
}

// xWeight is twitter-text v3's weight of a code point (config/v3.json):
// 1 in the ranges that hold Latin, Greek, Cyrillic, Hebrew, Arabic … and
// the common general punctuation (– — ‘ ’ „ “ ′), 2 elsewhere — so € … •
// and → weigh 2.
func xWeight(r rune) int {
	switch {
	case r <= 4351, r >= 8192 && r <= 8205, r >= 8208 && r <= 8223, r >= 8242 && r <= 8247:
		return 1
	}
	return 2
}

// Graphemes counts the characters of s as a person sees them (ä, é, 🇩🇪
// and 👩‍👩‍👧 are one each); for alt texts and titles, which the platforms
// count that way.
func Graphemes(s string) int {
	return countText(normalizeBreaks(s), ruleGraphemes, nil)
}
