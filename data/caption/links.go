package caption

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Links and mentions as the platforms see them when they count: X counts
// every link as 23 (t.co), with or without "https://"; Mastodon counts a
// link with its scheme as 23 and a mention @user@instance.social as
// "@user". The rules follow twitter-text's link extraction in spirit,
// scanned by hand in one pass (no regular expression, so a pasted 100,000
// characters cannot make it slow):
//
//   - a link starts after the start of the text or a character that is not
//     an ASCII letter or digit, '@', '$' or '#' (so presse@stadt.de and
//     #stadt.de are no links);
//   - it is "http://" or "https://" followed by a host name, or — where the
//     platform counts links without a scheme (X) — a host name of at least
//     two labels whose last is a common top-level domain (tlds below) or
//     that starts with "www.";
//   - a port, path, query and fragment follow up to a space, a quotation
//     mark or a symbol; punctuation at its end (".", ",", "!", an
//     unbalanced ")") belongs to the sentence.

// linkWeight is what a link counts on X and Mastodon (a t.co link's
// length).
const linkWeight = 23

// span is a stretch of a text that counts as weight, whatever it holds.
type span struct{ start, end, weight int }

// tlds are the top-level domains a link without "https://" must end in to
// count as a link: the common generic ones, the German-speaking and
// neighbouring countries' and the German city and region domains. Keep it
// short: ".de" is a link, "z.B." and "IMG_1234.jpg" are not.
var tlds = map[string]bool{
	"com": true, "net": true, "org": true, "info": true, "biz": true, "gov": true, "edu": true,
	"int": true, "io": true, "co": true, "me": true, "tv": true, "app": true, "dev": true,
	"online": true, "shop": true, "jobs": true, "social": true, "eu": true, "de": true, "at": true,
	"ch": true, "li": true, "lu": true, "nl": true, "be": true, "fr": true, "it": true, "es": true,
	"pl": true, "cz": true, "dk": true, "se": true, "no": true, "fi": true, "uk": true, "us": true,
	"berlin": true, "hamburg": true, "bayern": true, "nrw": true, "koeln": true, "cologne": true,
	"ruhr": true, "saarland": true, "sachsen": true, "thueringen": true, "wien": true, "tirol": true,
}

// linkSpans finds the links of text; schemeless says links without
// "http(s)://" count too (X).
func linkSpans(text string, schemeless bool) []span {
	var out []span
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !isASCIIAlnum(c) && c < 0xC0 { // not a letter/digit, or inside a UTF-8 sequence
			continue
		}
		if !linkMayStart(text, i) {
			continue
		}
		end, skip := matchLink(text, i, schemeless)
		if end > i {
			out = append(out, span{i, end, linkWeight})
			i = end - 1
		} else if skip > i {
			i = skip - 1
		}
	}
	return out
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// linkMayStart: a link does not continue a word, an e-mail address, a
// cashtag or a hashtag.
func linkMayStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	if r < utf8.RuneSelf {
		c := byte(r)
		return !isASCIIAlnum(c) && c != '@' && c != '$' && c != '#'
	}
	return r != '＠' && r != '＃' && (r < 0x202A || r > 0x202E)
}

// isHostRune: what a host name's label may hold (internationalised
// domains such as münchen.de included).
func isHostRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r)) || r == '-' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// matchLink tries a link at text[i:]. It returns the link's end (0 = no
// link) and, when there is none, where the host-like word that was looked
// at ends, so the scan does not look at the same word again (that keeps
// it linear on "a.a.a.a…").
func matchLink(text string, i int, schemeless bool) (end, skip int) {
	j := i
	scheme := false
	switch {
	case hasPrefixFold(text[i:], "https://"):
		j, scheme = i+8, true
	case hasPrefixFold(text[i:], "http://"):
		j, scheme = i+7, true
	}
	if !scheme && !schemeless {
		return 0, wordEnd(text, i)
	}
	hostStart := j
	j, labels, tld, tooLong := scanHost(text, j)
	if tooLong || !validHost(text[hostStart:j], labels, tld, scheme) {
		return 0, j
	}
	j = portEnd(text, j)
	if j < len(text) && (text[j] == '/' || text[j] == '?' || text[j] == '#') {
		j = pathEnd(text, j)
	}
	return j, j
}

// scanHost reads a host name at text[j:] — labels separated by single
// dots — and returns where it ends, how many labels it has, its last label
// (the top-level domain) and whether a label is longer than DNS allows.
func scanHost(text string, j int) (end, labels int, tld string, tooLong bool) {
	for {
		k := j
		for k < len(text) {
			if c := text[k]; c < utf8.RuneSelf { // ASCII without decoding
				if !isASCIIAlnum(c) && c != '-' && c != '_' {
					break
				}
				k++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[k:])
			if !isHostRune(r) {
				break
			}
			k += size
		}
		if k == j {
			break
		}
		if k-j > 63 {
			tooLong = true // longer than DNS allows: no host name
		}
		labels++
		tld = text[j:k]
		j = k
		if j+1 < len(text) && text[j] == '.' {
			if r, _ := utf8.DecodeRuneInString(text[j+1:]); isHostRune(r) {
				j++
				continue
			}
		}
		break
	}
	return j, labels, tld, tooLong
}

// portEnd skips a port (":8080") right after a host ending at j, so the
// path after it still belongs to the link.
func portEnd(text string, j int) int {
	if j+1 < len(text) && text[j] == ':' && text[j+1] >= '0' && text[j+1] <= '9' {
		j++
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
	}
	return j
}

// validHost: at least two labels, not starting with '-'; without a scheme
// the last label must be a known top-level domain (or the host start with
// "www."); with one, any top-level domain of letters will do.
func validHost(host string, labels int, tld string, scheme bool) bool {
	if labels < 2 || host[0] == '-' || host[0] == '_' {
		return false
	}
	letters := utf8.RuneCountInString(tld) >= 2
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			letters = false
		}
	}
	if scheme || hasPrefixFold(host, "www.") {
		return letters
	}
	return letters && tlds[strings.ToLower(tld)]
}

// pathEnd finds where a link's path, query or fragment starting at i ends:
// before a space, a quotation mark, an angle bracket or a symbol such as
// an emoji; trailing punctuation and an unbalanced ')' are the sentence's.
func pathEnd(text string, i int) int {
	j := i
	open := 0
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("\"<>„“”«»‚‘’|\\^`{}", r) ||
			(r >= 0x2000 && !unicode.IsLetter(r) && !unicode.IsDigit(r)) {
			break
		}
		switch r {
		case '(':
			open++
		case ')':
			open--
		}
		j += size
	}
	for j > i {
		c := text[j-1]
		if strings.IndexByte(".,;:!?'*", c) >= 0 || (c == ')' && open < 0) {
			if c == ')' {
				open++
			}
			j--
			continue
		}
		break
	}
	return j
}

// wordEnd is where the word of letters, digits and dots at i ends.
func wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isHostRune(r) && r != '.' {
			break
		}
		j += size
	}
	return j
}

// mentionSpans finds the instance part of Mastodon mentions
// (@user@instance.social): Mastodon counts only "@user", so the
// "@instance.social" counts 0. Mentions inside links are none.
func mentionSpans(text string, links []span) []span {
	var out []span
	li := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '@' {
			continue
		}
		for li < len(links) && links[li].end <= i {
			li++
		}
		if li < len(links) && links[li].start <= i {
			i = links[li].end - 1
			continue
		}
		if !mentionMayStart(text, i) {
			continue
		}
		j := mentionUserEnd(text, i+1)
		if j == i+1 || j >= len(text) || text[j] != '@' {
			i = j - 1
			continue
		}
		k, dots := mentionInstanceEnd(text, j+1)
		if dots > 0 {
			out = append(out, span{j, k, 0})
		}
		i = k - 1
	}
	return out
}

// mentionMayStart: a mention's '@' at i does not continue a word or a
// path (so presse@stadt.de and stadt.de/@team are none).
func mentionMayStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '/')
}

// mentionUserEnd is where the user name starting at j ends: letters,
// digits, '_', and '.' or '-' only between them.
func mentionUserEnd(text string, j int) int {
	for j < len(text) && (isASCIIAlnum(text[j]) || text[j] == '_' ||
		((text[j] == '.' || text[j] == '-') && j+1 < len(text) && isASCIIAlnum(text[j+1]))) {
		j++
	}
	return j
}

// mentionInstanceEnd is where the instance's host name starting at k
// ends, with the number of dots in it (a host needs at least one).
func mentionInstanceEnd(text string, k int) (end, dots int) {
	for k < len(text) && (isASCIIAlnum(text[k]) || text[k] == '-' ||
		(text[k] == '.' && k+1 < len(text) && isASCIIAlnum(text[k+1]))) {
		if text[k] == '.' {
			dots++
		}
		k++
	}
	return k, dots
}

// mergeSpans joins two sorted, non-overlapping lists.
func mergeSpans(a, b []span) []span {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]span, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].start < b[0].start {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}
