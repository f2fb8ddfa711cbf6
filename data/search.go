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

// SearchOrder says in which order SearchPosts returns its results.
type SearchOrder int

// The orders of search results.
const (
	// ByRelevance is best match first (BM25; a hit in the title weighs
	// most, then notes, then caption).
	ByRelevance SearchOrder = iota
	// ByDate is by date and time, earliest first, as the agenda lists
	// posts (on one day a post without a time first); ideas come last.
	ByDate
	// ByDateDesc is ByDate reversed: latest first, ideas first.
	ByDateDesc
)

// SearchResult is one page of search results.
type SearchResult struct {
	// Posts are the results in the order asked for, at most the limit.
	Posts []Post
	// More is set when more posts match than Posts holds; the UI then
	// says "more than N, refine the search" instead of "N results".
	More bool
}

// Search returns the posts whose title, caption or notes contain every word
// of query, best match first, at most limit of them (0:
// DefaultSearchResults; never more than MaxSearchResults). It is
// SearchPosts(ctx, query, ByRelevance, limit) without the More flag.
func (w *Workspace) Search(ctx context.Context, query string, limit int) ([]Post, error) {
	r, err := w.SearchPosts(ctx, query, ByRelevance, limit)
	return r.Posts, err
}

// SearchPosts returns the posts whose title, caption or notes contain every
// word of query, in order, at most limit of them (0: DefaultSearchResults;
// never more than MaxSearchResults, so ask for MaxSearchResults and show
// More rather than asking for more). With ByDate or ByDateDesc the order
// applies to all matches before the limit: the first limit posts by date,
// not the best limit re-sorted. Case, umlaut spelling (ü, ue) and other
// diacritics do not matter. Whatever was typed, SearchPosts does not fail
// on its syntax: an empty query, or one of only emoji or punctuation, finds
// nothing.
func (w *Workspace) SearchPosts(ctx context.Context, query string, order SearchOrder, limit int) (SearchResult, error) {
	expr, ok := searchExpression(query)
	if !ok {
		return SearchResult{}, nil
	}
	if limit <= 0 {
		limit = DefaultSearchResults
	}
	limit = min(limit, MaxSearchResults)
	var orderBy string
	switch order {
	case ByDate:
		orderBy = `day IS NULL, day, time IS NOT NULL, time, id`
	case ByDateDesc:
		orderBy = `day IS NOT NULL, day DESC, time IS NULL, time DESC, id DESC`
	default:
		orderBy = `score, id`
	}
	// One more than asked for tells whether there are more.
	out, err := queryPosts(ctx, w.reader(), `SELECT `+postColumns+` FROM posts
		JOIN (SELECT rowid AS hit, bm25(posts_fts, 5.0, 1.0, 2.0) AS score FROM posts_fts
			WHERE posts_fts MATCH ?) ON id = hit
		ORDER BY `+orderBy+` LIMIT ?`, expr, limit+1)
	if err != nil {
		return SearchResult{}, w.fault("search", err)
	}
	r := SearchResult{Posts: out}
	if len(out) > limit {
		r.Posts, r.More = out[:limit], true
	}
	return r, nil
}
