package data

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of a search: results are capped so a common word stays fast, and
// only the first words of a pasted paragraph are used.
const (
	DefaultSearchResults = 50
	MaxSearchResults     = 200
	maxSearchTerms       = 12
	maxSearchTermLen     = 100
)

// searchFold spells umlauts and ß out exactly as the view posts_search
// does for the index (migration 0002), so a query matches what was stored.
var searchFold = strings.NewReplacer(
	"ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss", "ẞ", "SS", "\u0308", "e",
)

// searchExpression turns what a person typed into an FTS5 query that
// cannot be malformed: every whitespace-separated word becomes a quoted
// string (FTS5 operators, quotes, -, *, NEAR and parentheses lose their
// meaning), words without a letter or digit (emoji, punctuation) are
// dropped, and all remaining words must occur. The last word also matches
// as a prefix, because the list updates while the person types, unless the
// query ends in a space. A word such as "Azubi-Dienstag" becomes a phrase
// of its parts. ok is false when nothing searchable is left.
func searchExpression(query string) (expr string, ok bool) {
	if !utf8.ValidString(query) {
		query = strings.ToValidUTF8(query, " ")
	}
	words := strings.Fields(searchFold.Replace(query))
	var terms []string
	lastWord := false // the last term is the last word typed
	for i, w := range words {
		if len(terms) == maxSearchTerms {
			break
		}
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
			continue
		}
		if utf8.RuneCountInString(w) > maxSearchTermLen {
			w = string([]rune(w)[:maxSearchTermLen])
		}
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
		lastWord = i == len(words)-1
	}
	if len(terms) == 0 {
		return "", false
	}
	if r, _ := utf8.DecodeLastRuneInString(query); lastWord && !unicode.IsSpace(r) {
		terms[len(terms)-1] += "*"
	}
	return strings.Join(terms, " "), true
}

// Search returns the posts whose title, caption or notes contain every word
// of query, best match first (BM25; a hit in the title weighs most, then
// notes, then caption), at most limit of them (0: DefaultSearchResults;
// never more than MaxSearchResults). Case, umlaut spelling (ü, ue) and other
// diacritics do not matter. Whatever was typed, Search does not fail on its
// syntax: an empty query, or one of only emoji or punctuation, finds
// nothing.
func (w *Workspace) Search(ctx context.Context, query string, limit int) ([]Post, error) {
	expr, ok := searchExpression(query)
	if !ok {
		return nil, nil
	}
	if limit <= 0 {
		limit = DefaultSearchResults
	}
	limit = min(limit, MaxSearchResults)
	out, err := queryPosts(ctx, w.reader(), `SELECT `+postColumns+` FROM posts
		JOIN (SELECT rowid AS hit, bm25(posts_fts, 5.0, 1.0, 2.0) AS score FROM posts_fts
			WHERE posts_fts MATCH ? ORDER BY score LIMIT ?) ON id = hit
		ORDER BY score, id`, expr, limit)
	return out, w.fault("search", err)
}
