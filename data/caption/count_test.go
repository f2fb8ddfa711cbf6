package caption

import (
	"strings"
	"testing"
	"time"
)

// Texts the tables share. Each is counted by every rule below.
const (
	family   = "👨\u200d👩\u200d👧\u200d👦" // ZWJ family: 7 code points, 25 bytes
	thumbs   = "👍🏽"                     // skin tone: 2 code points, 8 bytes
	flagDE   = "🇩🇪"                     // regional indicator pair, 8 bytes
	keycap   = "1\ufe0f\u20e3"          // 1️⃣, 7 bytes
	heart    = "❤\ufe0f"                // text pictograph + VS16, 6 bytes
	accented = "Cafe\u0301"             // e + combining acute: NFC makes é
	arabic   = "مرحبا بالعالم"          // RTL, 13 letters (12 + space)
)

type countCase struct {
	name  string
	text  string
	want  int
	bytes int // checked where > 0
}

func runCountTable(t *testing.T, platform string, l Limits, cases []countCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Count(platform, c.text, l, false)
			if got.N != c.want {
				t.Errorf("Count(%s, %q).N = %d, want %d", platform, c.text, got.N, c.want)
			}
			if c.bytes > 0 && got.Bytes != c.bytes {
				t.Errorf("Count(%s, %q).Bytes = %d, want %d", platform, c.text, got.Bytes, c.bytes)
			}
		})
	}
}

func TestCountX(t *testing.T) {
	l := DefaultLimits()["x"]
	runCountTable(t, "x", l, []countCase{
		{"empty", "", 0, 0},
		{"plain German", "Grüße aus der Straße", 20, 0},
		{"umlauts and ß weigh 1", "äöüÄÖÜß", 7, 0},
		{"typographic quotes and dashes weigh 1", "„Ja“ – ‚nein‘ — ′", 17, 0},
		{"euro ellipsis bullet arrow weigh 2", "€…•→", 8, 0},
		{"emoji weighs 2", "Hallo 🎉", 8, 0},
		{"skin tone is one emoji", thumbs, 2, 0},
		{"ZWJ family is one emoji", family, 2, 0},
		{"flag is one emoji", flagDE, 2, 0},
		{"keycap is one emoji", keycap, 2, 0},
		{"heart with VS16 is one emoji", heart, 2, 0},
		{"text pictograph alone weighs by code point", "©™", 3, 0},
		{"NFC first: e + combining acute is é", accented, 4, 0},
		{"combining mark without precomposed form counts", "q\u0307", 2, 0},
		{"CRLF is one line break", "a\r\nb", 3, 0},
		{"LF", "a\nb", 3, 0},
		{"RTL text weighs 1 per letter", arabic, 13, 0},
		{"NUL characters count", "a\x00\x00b", 4, 0},
		{"CJK weighs 2", "日本", 4, 0},
		{"URL with scheme is 23", "Mehr: https://www.stadt-musterstadt.de/ausbildung/bewerbung?id=42", 6 + 23, 0},
		{"URL without scheme is 23", "Mehr auf stadt-musterstadt.de/jobs.", 9 + 23 + 1, 0},
		{"www URL is 23", "www.example.org", 23, 0},
		{"short URL is 23", "x.de", 23, 0},
		{"two URLs", "https://a.de und https://b.de", 23 + 5 + 23, 0},
		{"e-mail is no URL", "presse@stadt.de", 15, 0},
		{"abbreviation is no URL", "z.B. IMG_1234.jpg", 17, 0},
		{"URL in parentheses", "(siehe https://stadt.de/a)", 7 + 23 + 1, 0},
		{"URL with balanced parentheses", "https://de.wikipedia.org/wiki/Rathaus_(Berlin)", 23, 0},
		{"URL then emoji", "https://stadt.de🎉", 25, 0},
		// Cases of twitter-text's conformance suite (validate.yml,
		// WeightedTweetsWithDiscountedEmojiCounterTest).
		{"conformance: emoji", "😷👾😡🔥💩", 10, 0},
		{"conformance: skin tone and ZWJ", "🙋🏽👨‍🎤", 4, 0},
		{"conformance: NFC splits U+FB2C into 3", "Aשּׁ", 4, 0},
		{"conformance: several URLs", "Test https://test.com test https://test.com test.com test", 86, 0},
		{"conformance: a 64-letter label is no host", strings.Repeat("randomurl", 7) + "s.com", 68, 0},
	})
}

func TestCountBluesky(t *testing.T) {
	l := DefaultLimits()["bluesky"]
	runCountTable(t, "bluesky", l, []countCase{
		{"empty", "", 0, 0},
		{"German", "Grüße aus der Straße", 20, 23},
		{"quotes and symbols", "„Ja“ € … • →", 12, 24},
		{"skin tone", thumbs, 1, 8},
		{"family", family, 1, 25},
		{"flag", flagDE, 1, 8},
		{"keycap", keycap, 1, 7},
		{"URL counts its characters", "https://stadt.de", 16, 16},
		{"combining accent is one grapheme", accented, 4, 6},
		{"CRLF is one line break", "a\r\nb", 3, 3},
		{"RTL", arabic, 13, 25},
		{"NUL", "a\x00b", 3, 3},
	})
	c := Count("bluesky", strings.Repeat("ä", 300), l, false)
	if c.Over() || c.Bytes != 600 || c.ByteLimit != 3000 || c.Limit != 300 {
		t.Errorf("300 umlauts: %+v", c)
	}
	c = Count("bluesky", strings.Repeat(family, 150), l, false)
	if c.N != 150 || c.Bytes != 150*25 || !c.Over() {
		t.Errorf("150 families: within 300 graphemes but over 3000 bytes: %+v", c)
	}
}

func TestCountMastodon(t *testing.T) {
	l := DefaultLimits()["mastodon"]
	runCountTable(t, "mastodon", l, []countCase{
		{"empty", "", 0, 0},
		{"German", "Grüße aus der Straße", 20, 0},
		{"URL with scheme is 23", "Mehr: https://www.stadt-musterstadt.de/ausbildung/bewerbung", 6 + 23, 0},
		{"URL without scheme counts its characters", "stadt-musterstadt.de", 20, 0},
		{"remote mention counts as @user", "Danke @presse@social.bund.de!", 6 + 7 + 1, 0},
		{"local mention", "Danke @presse!", 14, 0},
		{"e-mail is no mention", "info@stadt.de", 13, 0},
		{"family", family, 1, 0},
		{"flag", flagDE, 1, 0},
		{"skin tone", thumbs, 1, 0},
		{"accent", accented, 4, 0},
		{"CRLF", "a\r\nb", 3, 0},
		{"RTL", arabic, 13, 0},
		{"NUL", "\x00", 1, 0},
		{"quotes and symbols", "„Ja“ € … • →", 12, 0},
	})
}

func TestCountThreads(t *testing.T) {
	l := DefaultLimits()["threads"]
	runCountTable(t, "threads", l, []countCase{
		{"empty", "", 0, 0},
		{"German", "Grüße aus der Straße", 20, 0},
		{"emoji count their bytes", "Hallo 🎉", 6 + 4, 0},
		{"skin tone", thumbs, 8, 0},
		{"family", family, 25, 0},
		{"flag", flagDE, 8, 0},
		{"keycap", keycap, 7, 0},
		{"heart with VS16", heart, 6, 0},
		{"symbols are no emoji", "€ … • → ©", 9, 0},
		{"URL counts its characters", "https://stadt.de", 16, 0},
		{"accent", accented, 4, 0},
		{"CRLF", "a\r\nb", 3, 0},
		{"RTL", arabic, 13, 0},
		{"NUL", "a\x00", 2, 0},
	})
}

func TestCountGraphemePlatforms(t *testing.T) {
	for _, p := range []string{"instagram", "tiktok", "facebook", "linkedin", "youtube"} {
		t.Run(p, func(t *testing.T) {
			runCountTable(t, p, DefaultLimits()[p], []countCase{
				{"empty", "", 0, 0},
				{"German", "Grüße aus der Straße „Test“", 27, 0},
				{"symbols", "€…•→", 4, 0},
				{"skin tone", thumbs, 1, 0},
				{"family", family, 1, 0},
				{"flag", flagDE, 1, 0},
				{"keycap", keycap, 1, 0},
				{"URL counts its characters", "https://stadt.de", 16, 0},
				{"accent", accented, 4, 0},
				{"CRLF", "a\r\nb", 3, 0},
				{"RTL", arabic, 13, 0},
				{"NUL", "\x00\x00", 2, 0},
			})
		})
	}
}

func TestCountLimitsAndHashtags(t *testing.T) {
	d := DefaultLimits()
	c := Count("instagram", "Tag der offenen Tür #Ausbildung #Azubi #Rathaus #Stadt #Job #Karriere", d["instagram"], false)
	if c.Hashtags != 6 || c.HashtagLimit != 5 || !c.Over() {
		t.Errorf("6 hashtags on Instagram: %+v", c)
	}
	if c := Count("tiktok", strings.Repeat("a", 3000), d["tiktok"], true); c.Limit != 4000 || c.Over() {
		t.Errorf("TikTok photo post: %+v", c)
	}
	if c := Count("tiktok", strings.Repeat("a", 3000), d["tiktok"], false); c.Limit != 2200 || !c.Over() {
		t.Errorf("TikTok video: %+v", c)
	}
	c = Count("x", strings.Repeat("ä", 281), d["x"], false)
	if c.Unit != UnitWeighted || c.N != 281 || c.Limit != 280 || !c.Over() {
		t.Errorf("X over by one: %+v", c)
	}
	if c := Count("x", strings.Repeat("ä", 280), d["x"], false); c.Over() {
		t.Errorf("X at the limit is not over: %+v", c)
	}
	if c := Count("unknown", "abc", Limits{}, false); c.N != 3 || c.Limit != 0 || c.Over() {
		t.Errorf("unknown platform counts graphemes without a limit: %+v", c)
	}
}

// A caption of 100,000 characters pasted in must not freeze the editor:
// counting it stays under 50 ms (BenchmarkCountLong measures that, for
// the mixed text about 1 ms per platform). This test guards against a
// scanner that turns quadratic on some shape of text — dots everywhere,
// endless "www.", hashes, slashes, emoji, one long link — with a generous
// bound, as the machine running the tests may be busy with others: the
// fastest of two runs must stay under 200 ms (tenfold with the race
// detector, raceFactor). A quadratic scan of 100,000 characters takes
// seconds.
func TestCountLongTextIsFast(t *testing.T) {
	texts := map[string]string{
		"mixed":   strings.Repeat(sample2000, 50),
		"dots":    strings.Repeat("a.", 50_000),
		"www":     strings.Repeat("www.", 25_000),
		"hashes":  strings.Repeat("#a", 50_000),
		"slashes": strings.Repeat("x.de/#a", 15_000),
		"emoji":   strings.Repeat("🎉", 100_000),
		"mention": strings.Repeat("@a@b.", 20_000),
		"one URL": "https://stadt.de/" + strings.Repeat("x", 100_000),
	}
	bound := 200 * time.Millisecond * time.Duration(raceFactor)
	fastest := func(f func()) time.Duration {
		best := time.Hour
		for range 2 {
			start := time.Now()
			f()
			best = min(best, time.Since(start))
		}
		return best
	}
	for name, text := range texts {
		for _, p := range Platforms() {
			l := DefaultLimits()[p]
			if d := fastest(func() { Count(p, text, l, false) }); d > bound {
				t.Errorf("%s: counting for %s took %v", name, p, d)
			}
		}
		for _, p := range []string{"x", "mastodon"} { // the ones that look for links
			l := DefaultLimits()[p]
			if d := fastest(func() { CheckText(p, text, l, false) }); d > bound {
				t.Errorf("%s: checking for %s took %v", name, p, d)
			}
		}
	}
}
