package caption

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Codes of ParseHashtags' notes and CheckTemplate's findings. They never
// block anything.
const (
	CodeTagDuplicates = "hashtag-duplicates" // duplicates were dropped
	CodeTagHashAdded  = "hashtag-hash-added" // '#' was put in front
	CodeTagBad        = "hashtag-bad"        // words that cannot be hashtags
	CodeLikeBuiltin   = "like-builtin"       // {datum} for {Datum}
	CodeCustomFields  = "custom-fields"      // the fields asked for when used
)

// ParseHashtags reads a hashtag set as typed (separated by spaces, commas,
// semicolons or line breaks; '#' optional) and returns the tags, each with
// its '#', duplicates (by case) dropped, in the order typed. notes says in
// sentence keys what was changed ("2 doppelte entfernt", "'#' ergänzt"),
// and bad lists words that cannot be a hashtag (punctuation inside).
//
// A word is a hashtag by TextHashtags' rule: letters (umlauts and ß
// included), digits and '_', not digits only. Bad words are left out of
// tags; BadHashtagsFinding words them.
func ParseHashtags(s string) (tags []string, notes []Finding, bad []string) {
	seen := map[string]bool{}
	dup, added := 0, 0
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' }) {
		body, had := strings.CutPrefix(f, "#")
		if !had {
			body, had = strings.CutPrefix(f, "＃")
		}
		if !validTagBody(body) {
			bad = append(bad, f)
			continue
		}
		k := strings.ToLower(body)
		if seen[k] {
			dup++
			continue
		}
		seen[k] = true
		if !had {
			added++
		}
		tags = append(tags, "#"+body)
	}
	if dup > 0 {
		notes = append(notes, Finding{Code: CodeTagDuplicates,
			Key:  "{{.Count}} duplicate hashtags were removed.",
			Args: map[string]any{"Count": dup}})
	}
	if added > 0 {
		notes = append(notes, Finding{Code: CodeTagHashAdded,
			Key:  "A # was added to {{.Count}} words.",
			Args: map[string]any{"Count": added}})
	}
	return tags, notes, bad
}

// BadHashtagsFinding words the words ParseHashtags could not take, so
// every caller says it the same way.
func BadHashtagsFinding(bad []string) Finding {
	return Finding{Code: CodeTagBad,
		Key:  "Not a hashtag, left out: {{.Words}}. A hashtag holds only letters, digits and _ (no spaces, hyphens or punctuation).",
		Args: map[string]any{"Words": strings.Join(bad, " "), "Count": len(bad)}}
}

// validTagBody: letters (with their combining marks), digits and '_', at
// least one letter.
func validTagBody(s string) bool {
	return s != "" && tagBodyEnd(s, 0) == len(s) && hasLetter(s)
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// tagBodyEnd is where the hashtag characters starting at i end.
func tagBodyEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) && r != '_' {
			break
		}
		i += size
	}
	return i
}

// TextHashtags returns the hashtags in a caption, in order, as written.
//
// The rule is twitter-text's: '#' (or the full-width '＃') followed by
// letters (umlauts and ß included, with combining marks), digits and '_',
// at least one letter; not inside a word (the character before the '#' is
// no letter, digit, '_' or '&', so "Nr#1" and "&#39;" are none), not
// followed by another '#' or "://", and not inside a link
// (stadt.de/seite#abschnitt).
func TextHashtags(text string) []string {
	var out []string
	eachHashtag(text, func(start, end int) { out = append(out, text[start:end]) })
	return out
}

// eachHashtag calls fn with the byte range of every hashtag of text.
//
// Whether a '#' lies inside a link needs the text's links, which take
// longer to find than the hashtags; they are looked for only when a '#'
// follows a '.' in the same word (a link's host has a dot before any
// '#'), so a caption with "#Ausbildung" and no such word never does.
func eachHashtag(text string, fn func(start, end int)) {
	if !strings.Contains(text, "#") && !strings.Contains(text, "＃") {
		return
	}
	links := lazyLinks{text: text}
	dot := false // a '.' since the last space
	for i := 0; i < len(text); i++ {
		hash := 0
		switch c := text[i]; {
		case c == ' ' || c == '\n' || c == '\t':
			dot = false
			continue
		case c == '.':
			dot = true
			continue
		case c == '#':
			hash = 1
		case c == 0xEF && strings.HasPrefix(text[i:], "＃"):
			hash = len("＃")
		default:
			continue
		}
		if !hashtagMayStart(text, i) {
			continue
		}
		end, ok := hashtagEnd(text, i+hash)
		if end == i+hash {
			continue
		}
		if ok && !(dot && links.covers(i)) {
			fn(i, end)
		}
		i = end - 1
	}
}

// hashtagMayStart: the '#' at i does not continue a word or an HTML
// entity ("Nr#1", "&#39;").
func hashtagMayStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !(unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '_' || r == '&')
}

// hashtagEnd is where the hashtag body starting at body ends, and whether
// it is a hashtag: at least one letter, not followed by another '#' or
// "://" (then it is part of something else, and the scan skips it whole).
func hashtagEnd(text string, body int) (end int, ok bool) {
	end = tagBodyEnd(text, body)
	if end == body {
		return end, false
	}
	rest := text[end:]
	if strings.HasPrefix(rest, "#") || strings.HasPrefix(rest, "＃") || strings.HasPrefix(rest, "://") {
		return end, false
	}
	return end, hasLetter(text[body:end])
}

// lazyLinks finds a text's links only when first asked, since that takes
// longer than finding its hashtags and is seldom needed.
type lazyLinks struct {
	text  string
	links []span
	done  bool
}

// covers says whether byte i lies inside a link; the positions asked for
// must not decrease, as links before i are dropped.
func (l *lazyLinks) covers(i int) bool {
	if !l.done {
		l.links, l.done = linkSpans(l.text, true), true
	}
	for len(l.links) > 0 && l.links[0].end <= i {
		l.links = l.links[1:]
	}
	return len(l.links) > 0 && l.links[0].start <= i
}

// CheckTemplate looks at a template's texts while they are typed: broken
// placeholders (SyntaxProblem), a placeholder spelled like a built-in but
// in another case ({datum}), and it names the custom fields that will be
// asked for. It never blocks saving a template.
func CheckTemplate(texts ...string) []Finding {
	var out []Finding
	seen := map[string]bool{}
	for _, t := range texts {
		ps, bad := Placeholders(t)
		for _, p := range bad {
			f := SyntaxFinding(p)
			f.Blocking = false
			out = append(out, f)
		}
		for _, p := range ps {
			if b := LikeBuiltin(p.Name); b != "" && !seen[p.Name] {
				seen[p.Name] = true
				out = append(out, Finding{Code: CodeLikeBuiltin,
					Key:  "{{.Name}} is not a placeholder Feedtakt fills in. Did you mean {{.Builtin}}? Otherwise it is asked for when the template is used.",
					Args: map[string]any{"Name": "{" + p.Name + "}", "Builtin": "{" + b + "}"}})
			}
		}
	}
	if custom := Custom(texts...); len(custom) > 0 {
		out = append(out, Finding{Code: CodeCustomFields,
			Key:  "Asked for when the template is used: {{.Names}}",
			Args: map[string]any{"Names": braced(custom), "Count": len(custom)}})
	}
	return out
}

// braced writes placeholder names as they are typed: "{Ort}, {Datum}".
func braced(names []string) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{" + n + "}")
	}
	return b.String()
}
