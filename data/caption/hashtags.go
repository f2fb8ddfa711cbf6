package caption

import "strings"

// ParseHashtags reads a hashtag set as typed (separated by spaces, commas,
// semicolons or line breaks; '#' optional) and returns the tags, each with
// its '#', duplicates (by case) dropped, in the order typed. notes says in
// sentence keys what was changed ("2 doppelte entfernt", "'#' ergänzt"),
// and bad lists words that cannot be a hashtag (punctuation inside).
func ParseHashtags(s string) (tags []string, notes []Finding, bad []string) {
	// TODO(helper A): rules, notes, bad words.
	seen := map[string]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" \t\r\n,;", r) }) {
		if !strings.HasPrefix(f, "#") {
			f = "#" + f
		}
		if k := strings.ToLower(f); !seen[k] {
			seen[k] = true
			tags = append(tags, f)
		}
	}
	return tags, nil, nil
}

// TextHashtags returns the hashtags in a caption, in order, as written.
func TextHashtags(text string) []string {
	// TODO(helper A): twitter-text's hashtag rule (letters incl. umlauts,
	// digits, '_'; not all digits; not inside a word or a URL).
	return nil
}

// CheckTemplate looks at a template's texts while they are typed: broken
// placeholders (SyntaxProblem), a placeholder spelled like a built-in but
// in another case ({datum}), and it names the custom fields that will be
// asked for. It never blocks saving a template.
func CheckTemplate(texts ...string) []Finding {
	// TODO(helper A)
	return nil
}
