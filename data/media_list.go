package data

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"feedtakt/data/calendar"
)

// MediaSort says in which order ListMedia returns the Mediathek.
type MediaSort int

// The sorts of the grid; each has a natural direction, which
// MediaQuery.Reverse turns round.
const (
	// SortTaken is by Aufnahmedatum, newest first.
	SortTaken MediaSort = iota
	// SortImported is by import time, newest first.
	SortImported
	// SortName is by original file name, A to Z (case-insensitive; ä
	// after z, as SQLite's NOCASE compares only ASCII letters).
	SortName
)

// Page sizes of ListMedia.
const (
	DefaultMediaPage = 200
	MaxMediaPage     = 1000
)

// MediaQuery says which items ListMedia and CountMedia return. The zero
// value is the whole Mediathek, newest Aufnahmedatum first.
type MediaQuery struct {
	// Text is searched in title, alt text, credit, creator, tags and the
	// original file name, like SearchPosts (every word must occur, the
	// last also as a prefix; umlauts and case do not matter). A text of
	// only punctuation or emoji finds nothing.
	Text string
	// Kind limits to "image", "video" or "document"; "" is all.
	Kind string
	// Tag limits to items with this tag (case-insensitive).
	Tag string
	// Unused limits to items no post uses.
	Unused bool
	// NoAltText limits to pictures without Bildbeschreibung (alt text
	// matters for images only).
	NoAltText bool
	// Missing limits to items whose file the scan found gone or changed.
	Missing bool
	// Expired limits to items whose "nutzbar bis" day lies before Today.
	Expired bool
	// Rights limits to items with a finding of this rights state today
	// (PictureRights.Has; "" is every item): Einwilligung fehlt,
	// ungeklärt, läuft ab, widerrufen, Lizenz abgelaufen.
	Rights RightsState
	// WithForms includes the scanned consent forms (items attached to a
	// consent as its form). They hold personal data and stay out of the
	// grid, the picker, the counts and the tag counts; the Personen screen
	// opens them by their consent.
	WithForms bool
	// TakenFrom and TakenTo limit to an Aufnahmedatum on these days (both
	// inclusive, days in WorkspaceZone); nil is open.
	TakenFrom, TakenTo *calendar.Date
	Sort               MediaSort
	Reverse            bool
	// Limit is the page size (0: DefaultMediaPage; at most MaxMediaPage).
	Limit int
	// After is the Next of the previous page; "" is the first page. A
	// cursor belongs to its sort: after changing Sort or Reverse start
	// again with "".
	After string
}

// MediaPage is one page of ListMedia.
type MediaPage struct {
	// Items are the page's items with their tags and use counts.
	Items []Media
	// Next continues after Items; "" when this was the last page.
	Next string
}

// Filtered reports whether q narrows the library (text, kind, tag, state or
// period) rather than only ordering it: with no hits, a filtered view is
// "nothing found", an unfiltered one an empty library.
func (q MediaQuery) Filtered() bool {
	return q.Text != "" || q.Kind != "" || q.Tag != "" || q.Unused || q.NoAltText || q.Missing || q.Expired ||
		q.Rights != "" || q.TakenFrom != nil || q.TakenTo != nil
}

// sortSpec is the column, index and direction of a sort.
func (q MediaQuery) sortSpec() (col, index string, desc bool) {
	switch q.Sort {
	case SortImported:
		col, index, desc = "created_at", "media_by_created", true
	case SortName:
		col, index, desc = "original_name COLLATE NOCASE", "media_by_name", false
	default:
		col, index, desc = "taken_at", "media_by_taken", true
	}
	return col, index, desc != q.Reverse
}

// sortKey is the value of the sort column for m, as stored.
func (q MediaQuery) sortKey(m Media) string {
	switch q.Sort {
	case SortImported:
		return utcOrEmpty(m.Created)
	case SortName:
		return m.OriginalName
	}
	at, _, _ := takenColumns(m)
	return at
}

// cursorPrefix ties a cursor to its sort and direction.
func (q MediaQuery) cursorPrefix() string {
	_, _, desc := q.sortSpec()
	return fmt.Sprintf("%d.%t.", q.Sort, desc)
}

func (q MediaQuery) encodeCursor(m Media) string {
	return q.cursorPrefix() + strconv.FormatInt(m.ID, 10) + "." + q.sortKey(m)
}

func (q MediaQuery) decodeCursor() (key string, id int64, err error) {
	rest, ok := strings.CutPrefix(q.After, q.cursorPrefix())
	if ok {
		var ids string
		ids, key, ok = strings.Cut(rest, ".")
		id, err = strconv.ParseInt(ids, 10, 64)
		ok = ok && err == nil
	}
	if !ok {
		return "", 0, fmt.Errorf("media cursor %q for another sort: %w", q.After, ErrInvalid)
	}
	return key, id, nil
}

// notForm leaves out the scanned consent forms (see MediaQuery.WithForms).
// It names them by id, which every index of media holds, so the sorts'
// covering indexes still answer the filter without reading the rows; the
// list of forms is built once per query.
const notForm = `media.id NOT IN (SELECT id FROM media WHERE hash IN (SELECT form_hash FROM consents WHERE form_hash != ''))`

// mediaWhere builds the filter of q (without the cursor); ok is false when
// q cannot match anything (a search of only punctuation).
func (w *Workspace) mediaWhere(ctx context.Context, q MediaQuery) (conds []string, args []any, ok bool, err error) {
	if !q.WithForms {
		conds = append(conds, notForm)
	}
	if q.Rights != "" {
		if !slices.Contains(RightsStates(), q.Rights) {
			return nil, nil, false, fmt.Errorf("rights filter %q: %w", q.Rights, ErrInvalid)
		}
		ids, err := w.mediaInRights(ctx, q.Rights)
		if err != nil {
			return nil, nil, false, err
		}
		conds = append(conds, `media.id IN (SELECT value FROM json_each(?))`)
		args = append(args, ids)
	}
	if strings.TrimSpace(q.Text) != "" {
		expr, ok := searchExpression(q.Text)
		if !ok {
			return nil, nil, false, nil
		}
		conds = append(conds, `media.id IN (SELECT rowid FROM media_fts WHERE media_fts MATCH ?)`)
		args = append(args, expr)
	}
	if q.Kind != "" {
		conds = append(conds, `kind = ?`)
		args = append(args, q.Kind)
	}
	if q.Tag != "" {
		_, key := normTag(q.Tag)
		conds = append(conds, `media.id IN (SELECT media_id FROM media_tags WHERE key = ?)`)
		args = append(args, key)
	}
	if q.Unused {
		conds = append(conds, `NOT EXISTS (SELECT 1 FROM post_media WHERE post_media.media_id = media.id)`)
	}
	if q.NoAltText {
		conds = append(conds, `no_alt = 1`)
	}
	if q.Missing {
		conds = append(conds, `missing <> ''`)
	}
	if q.Expired {
		conds = append(conds, `usable_until < ?`)
		args = append(args, w.Today().ISO())
	}
	if q.TakenFrom != nil {
		conds = append(conds, `taken_at >= ?`)
		args = append(args, utcOrEmpty(Midnight(*q.TakenFrom)))
	}
	if q.TakenTo != nil {
		conds = append(conds, `taken_at < ?`)
		args = append(args, utcOrEmpty(Midnight(q.TakenTo.AddDays(1))))
	}
	return conds, args, true, nil
}

// ListMedia returns one page of the Mediathek as q asks, with keyset
// paging: pass the page's Next as q.After for the next page. Rows that
// share a sort key (the same Aufnahmedatum, the same name) are ordered by
// ID, so paging never repeats or skips one, also while items are added or
// removed between pages.
//
// The page is found by walking the sort's index (migration 0004), which
// holds the filtered columns too, and probing the search index, the tags
// and the posts per entry; only the page's own rows are then read whole.
// Sorting every match first (what SQLite chooses by itself for a search)
// read and sorted 10,000 whole rows for a common word.
func (w *Workspace) ListMedia(ctx context.Context, q MediaQuery) (MediaPage, error) {
	conds, args, ok, err := w.mediaWhere(ctx, q)
	if !ok {
		return MediaPage{}, err
	}
	return w.listMedia(ctx, q, conds, args)
}

// ListMediaCounted is ListMedia and CountMedia of one query together, as
// the grid asks for them at every reload: the filter is built once (for the
// rights filter, judging every item by the rule, the larger part).
func (w *Workspace) ListMediaCounted(ctx context.Context, q MediaQuery) (MediaPage, int, error) {
	conds, args, ok, err := w.mediaWhere(ctx, q)
	if !ok {
		return MediaPage{}, 0, err
	}
	page, err := w.listMedia(ctx, q, slices.Clone(conds), slices.Clone(args))
	if err != nil {
		return MediaPage{}, 0, err
	}
	n, err := w.countMedia(ctx, conds, args)
	return page, n, err
}

// listMedia is ListMedia with q's filter built.
func (w *Workspace) listMedia(ctx context.Context, q MediaQuery, conds []string, args []any) (MediaPage, error) {
	col, index, desc := q.sortSpec()
	dir, cmp := "", ">"
	if desc {
		dir, cmp = " DESC", "<"
	}
	if q.After != "" {
		key, id, err := q.decodeCursor()
		if err != nil {
			return MediaPage{}, err
		}
		// Spelled out rather than as a row value (col, id) > (?, ?):
		// SQLite narrows the index range by the row value for taken_at but
		// scanned the name index from its start, page after page.
		conds = append(conds, fmt.Sprintf(`%[1]s %[2]s= ? AND (%[1]s %[2]s ? OR media.id %[2]s ?)`, col, cmp))
		args = append(args, key, key, id)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultMediaPage
	}
	limit = min(limit, MaxMediaPage)
	order := fmt.Sprintf(` ORDER BY %s%s, media.id%s`, col, dir, dir)
	inner := `SELECT media.id FROM media INDEXED BY ` + index
	if len(conds) > 0 {
		inner += ` WHERE ` + strings.Join(conds, ` AND `)
	}
	inner += order + ` LIMIT ?`
	// NOT INDEXED keeps SQLite from walking the sort index again for the
	// outer ORDER BY; the page's rows are read by ID and sorted in memory.
	query := `SELECT ` + mediaColumns + ` FROM media NOT INDEXED WHERE media.id IN (` + inner + `)` + order
	args = append(args, limit+1)
	rows, err := w.reader().QueryContext(ctx, query, args...)
	if err != nil {
		return MediaPage{}, w.fault("list media", err)
	}
	defer rows.Close()
	var page MediaPage
	for rows.Next() {
		m, err := scanMedia(rows)
		if err != nil {
			return MediaPage{}, w.fault("list media", err)
		}
		page.Items = append(page.Items, m)
	}
	if err := rows.Err(); err != nil {
		return MediaPage{}, w.fault("list media", err)
	}
	rows.Close()
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		page.Next = q.encodeCursor(page.Items[limit-1])
	}
	if err := w.fillTags(ctx, page.Items); err != nil {
		return MediaPage{}, err
	}
	return page, nil
}

// fillTags reads the tags of items in one query.
func (w *Workspace) fillTags(ctx context.Context, items []Media) error {
	if len(items) == 0 {
		return nil
	}
	ids := make([]int64, len(items))
	index := make(map[int64]int, len(items))
	for i, m := range items {
		ids[i] = m.ID
		index[m.ID] = i
	}
	list, _ := json.Marshal(ids)
	rows, err := w.reader().QueryContext(ctx, `SELECT media_id, tag FROM media_tags
		WHERE media_id IN (SELECT value FROM json_each(?)) ORDER BY media_id, key`, string(list))
	if err != nil {
		return w.fault("read tags", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var tag string
		if err := rows.Scan(&id, &tag); err != nil {
			return w.fault("read tags", err)
		}
		m := &items[index[id]]
		m.Tags = append(m.Tags, tag)
	}
	return w.fault("read tags", rows.Err())
}

// CountMedia counts the items q matches (its cursor and limit are
// ignored), for "1.234 Dateien" and the scroll bar of the grid.
func (w *Workspace) CountMedia(ctx context.Context, q MediaQuery) (int, error) {
	conds, args, ok, err := w.mediaWhere(ctx, q)
	if !ok {
		return 0, err
	}
	return w.countMedia(ctx, conds, args)
}

// countMedia is CountMedia with the query's filter built.
func (w *Workspace) countMedia(ctx context.Context, conds []string, args []any) (int, error) {
	query := `SELECT count(*) FROM media INDEXED BY media_by_taken`
	if len(conds) == 1 && conds[0] == notForm {
		// The whole Mediathek, counted at every reload: SQLite counts a
		// table without a condition from its pages; the forms (a few) are
		// subtracted instead of checking 50,000 rows against them.
		query = `SELECT (SELECT count(*) FROM media) - (SELECT count(*) FROM media WHERE hash IN (SELECT form_hash FROM consents WHERE form_hash != ''))`
		conds = nil
	}
	if len(conds) > 0 {
		query += ` WHERE ` + strings.Join(conds, ` AND `)
	}
	var n int
	if err := w.reader().QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, w.fault("count media", err)
	}
	return n, nil
}

// TagCount is a tag with the number of items carrying it.
type TagCount struct {
	Tag   string
	Count int
}

// MediaTagCounts lists every tag of the Mediathek with its count, sorted
// case-insensitively, for the tag filter and the tag field's suggestions.
// A tag written in several cases is listed once, as most items write it.
func (w *Workspace) MediaTagCounts(ctx context.Context) ([]TagCount, error) {
	// The scanned consent forms are left out, as in the grid.
	rows, err := w.reader().QueryContext(ctx, `SELECT key, tag, count(*) FROM media_tags
		WHERE media_id NOT IN (SELECT id FROM media WHERE hash IN (SELECT form_hash FROM consents WHERE form_hash != ''))
		GROUP BY key, tag ORDER BY key, count(*) DESC, tag`)
	if err != nil {
		return nil, w.fault("read tags", err)
	}
	defer rows.Close()
	var out []TagCount
	lastKey := "\x00"
	for rows.Next() {
		var key, tag string
		var n int
		if err := rows.Scan(&key, &tag, &n); err != nil {
			return nil, w.fault("read tags", err)
		}
		if key == lastKey {
			out[len(out)-1].Count += n
			continue
		}
		lastKey = key
		out = append(out, TagCount{Tag: tag, Count: n})
	}
	return out, w.fault("read tags", rows.Err())
}
