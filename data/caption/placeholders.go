package caption

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The built-in placeholders. Their values come from the post and the
// workspace; every other {Name} is a custom field asked for when a
// template is used.
const (
	Datum        = "Datum"        // the post's day, 27.11.2026
	Wochentag    = "Wochentag"    // Freitag
	Uhrzeit      = "Uhrzeit"      // 09:30
	Behoerde     = "Behörde"      // the office's name (settings)
	Kanal        = "Kanal"        // the channel's name
	Handle       = "Handle"       // the channel's handle, @stadt_musterstadt
	Rubrik       = "Rubrik"       // the post's topic
	Link         = "Link"         // the post's link field
	Bildnachweis = "Bildnachweis" // the credit lines of the post's pictures
	Hashtags     = "Hashtags"     // the post's hashtag set, trimmed to the channel's cap
)

// Builtins lists the built-in placeholders in the order a menu offers
// them.
func Builtins() []string {
	return []string{Datum, Wochentag, Uhrzeit, Behoerde, Kanal, Handle, Rubrik, Link, Bildnachweis, Hashtags}
}

// IsBuiltin reports whether name is a built-in placeholder, exactly as
// spelled.
func IsBuiltin(name string) bool {
	for _, b := range Builtins() {
		if b == name {
			return true
		}
	}
	return false
}

// LikeBuiltin returns the built-in that name is a misspelling of by case
// only ({datum} for {Datum}), or "".
func LikeBuiltin(name string) string {
	for _, b := range Builtins() {
		if b != name && strings.EqualFold(b, name) {
			return b
		}
	}
	return ""
}

// Placeholder is one {Name} in a text; Start and End are byte offsets of
// the braces (text[Start:End] == "{"+Name+"}").
type Placeholder struct {
	Name       string
	Start, End int
}

// Syntax problems of a template text.
const (
	ProblemUnclosed = "unclosed" // a '{' without its '}'
	ProblemEmpty    = "empty"    // "{}" or "{  }"
	ProblemBadName  = "bad-name" // a name with characters a field cannot have
)

// SyntaxProblem is a place in a text that is not a proper placeholder.
type SyntaxProblem struct {
	Code string
	At   int    // byte offset of the '{'
	Text string // the text from the '{', at most a line, for the message
}

// maxName is the longest placeholder name; a '{' followed by more is not
// meant as a placeholder.
const maxName = 40

// Placeholders finds the placeholders in text, in order, and the places
// that look like a broken one: a '{' whose '}' is missing before the end
// of its line, "{}", or a name with a line break or a brace inside.
// "{{" stands for a literal "{" and is neither.
func Placeholders(text string) ([]Placeholder, []SyntaxProblem) {
	var out []Placeholder
	var bad []SyntaxProblem
	for i := 0; i < len(text); i++ {
		if text[i] != '{' {
			continue
		}
		if i+1 < len(text) && text[i+1] == '{' {
			i++ // "{{" is a literal brace
			continue
		}
		end := strings.IndexAny(text[i+1:], "{}\n")
		if end < 0 || text[i+1+end] != '}' {
			bad = append(bad, SyntaxProblem{Code: ProblemUnclosed, At: i, Text: excerpt(text[i:])})
			continue
		}
		name := text[i+1 : i+1+end]
		switch trimmed := strings.TrimSpace(name); {
		case trimmed == "":
			bad = append(bad, SyntaxProblem{Code: ProblemEmpty, At: i, Text: text[i : i+2+end]})
		case utf8.RuneCountInString(trimmed) > maxName || !validName(trimmed):
			bad = append(bad, SyntaxProblem{Code: ProblemBadName, At: i, Text: excerpt(text[i:])})
		default:
			out = append(out, Placeholder{Name: trimmed, Start: i, End: i + 2 + end})
		}
		i += 1 + end
	}
	return out, bad
}

// validName: letters, digits, spaces, '-', '_' and '.'; a name such as
// "Ort der Veranstaltung" is fine, a JSON snippet is not.
func validName(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" -_.", r) {
			return false
		}
	}
	return true
}

func excerpt(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if utf8.RuneCountInString(s) > maxName+2 {
		r := []rune(s)
		s = string(r[:maxName+2]) + "…"
	}
	return s
}

// Custom lists the custom fields of texts (placeholders that are not
// built-ins), each once, in the order they first appear.
func Custom(texts ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range texts {
		ps, _ := Placeholders(t)
		for _, p := range ps {
			if !IsBuiltin(p.Name) && !seen[p.Name] {
				seen[p.Name] = true
				out = append(out, p.Name)
			}
		}
	}
	return out
}

// Fill replaces the placeholders that values names (custom fields, when a
// template is used) and leaves every other one as it is, so built-ins stay
// for posting. "{{" stays too.
func Fill(text string, values map[string]string) string {
	ps, _ := Placeholders(text)
	if len(ps) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, p := range ps {
		v, ok := values[p.Name]
		if !ok {
			continue
		}
		b.WriteString(text[last:p.Start])
		b.WriteString(v)
		last = p.End
	}
	b.WriteString(text[last:])
	return b.String()
}
