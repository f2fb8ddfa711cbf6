package data

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rewriting the texts that name an erased person (see erase.go).

// notScrubbed are the columns that record the workspace's own users (who
// made a change, who ticked a removal) and its settings, and the erasure
// journal itself: see the top of erase.go.
// Other people's names and contacts are theirs: someone of the same name
// keeps it (their notes are rewritten like every text).
var notScrubbed = map[string]bool{"changelog.person": true, "changelog.pc": true, "removals.removed_by": true, "settings.*": true, "erasures.*": true,
	"people.name": true, "people.contact": true, "guardians.name": true, "guardians.contact": true}

// scrubTexts replaces the person's name (and guardians' names and
// contacts) in every text column of every plain table, and the erased
// pictures' quoted names; it returns how many values changed. The search
// indexes follow through their triggers. The change log's append-only
// trigger is lifted for this one rewrite and put back as it was.
func scrubTexts(ctx context.Context, tx *sql.Tx, tables map[string]bool, job *erasureJob) (int, error) {
	s := newScrubber(job.Needles, job.Quoted)
	virtual, err := queryColumn[string](ctx, tx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`)
	if err != nil {
		return 0, err
	}
	names := make([]string, 0, len(tables))
	for t := range tables {
		if !slices.ContainsFunc(virtual, func(v string) bool { return strings.HasPrefix(t, v+"_") }) && !notScrubbed[t+".*"] {
			names = append(names, t)
		}
	}
	slices.Sort(names)
	changed := 0
	for _, t := range names {
		cols, err := queryColumn[string](ctx, tx, `SELECT name FROM pragma_table_info(?) WHERE upper(type) = 'TEXT' ORDER BY cid`, t)
		if err != nil {
			return changed, err
		}
		for _, c := range cols {
			if notScrubbed[t+"."+c] {
				continue
			}
			k, err := scrubColumn(ctx, tx, t, c, s)
			if err != nil {
				return changed, fmt.Errorf("rewrite %s.%s: %w", t, c, err)
			}
			changed += k
		}
	}
	return changed, nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func scrubColumn(ctx context.Context, tx *sql.Tx, table, col string, s *scrubber) (int, error) {
	// A table with rowids is rewritten row by row (an UPDATE by value
	// would scan the whole change log once per line that names the
	// person); a table without them by value.
	key := "rowid"
	var withoutRowid int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ? AND sql LIKE '%WITHOUT ROWID%'`,
		table).Scan(&withoutRowid); err != nil {
		return 0, err
	}
	q := `SELECT rowid, ` + quoteIdent(col) + ` FROM ` + quoteIdent(table) + ` WHERE typeof(` + quoteIdent(col) + `) = 'text'`
	if withoutRowid > 0 {
		key = quoteIdent(col)
		q = `SELECT DISTINCT ` + quoteIdent(col) + `, ` + quoteIdent(col) + ` FROM ` + quoteIdent(table) + ` WHERE typeof(` + quoteIdent(col) + `) = 'text'`
	}
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return 0, err
	}
	type change struct {
		key any
		new string
	}
	var changes []change
	for rows.Next() {
		var k any
		var v string
		if err := rows.Scan(&k, &v); err != nil {
			rows.Close()
			return 0, err
		}
		if nv := s.replace(v); nv != v {
			changes = append(changes, change{k, nv})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(changes) == 0 {
		return 0, err
	}
	var restore []string
	if table == "changelog" {
		trs, err := queryColumn[string](ctx, tx, `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'changelog' AND sql LIKE '%BEFORE UPDATE%'`)
		if err != nil {
			return 0, err
		}
		names, err := queryColumn[string](ctx, tx, `SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'changelog' AND sql LIKE '%BEFORE UPDATE%'`)
		if err != nil {
			return 0, err
		}
		for _, n := range names {
			if _, err := tx.ExecContext(ctx, `DROP TRIGGER `+quoteIdent(n)); err != nil {
				return 0, err
			}
		}
		restore = trs
	}
	n := 0
	for _, c := range changes {
		res, err := tx.ExecContext(ctx, `UPDATE `+quoteIdent(table)+` SET `+quoteIdent(col)+` = ? WHERE `+key+` = ?`, c.new, c.key)
		if err != nil {
			return n, err
		}
		k, _ := res.RowsAffected()
		n += int(k)
	}
	for _, q := range restore {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return n, err
		}
	}
	return n, nil
}

// optimizeSearch merges every full-text index into one segment, so terms
// of deleted or rewritten rows leave the index's pages instead of waiting
// for a later merge.
func optimizeSearch(ctx context.Context, tx *sql.Tx) error {
	fts, err := queryColumn[string](ctx, tx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'`)
	if err != nil {
		return err
	}
	for _, t := range fts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+quoteIdent(t)+`(`+quoteIdent(t)+`) VALUES ('optimize')`); err != nil {
			return fmt.Errorf("optimize %s: %w", t, err)
		}
	}
	return nil
}

// scrubber replaces needles (case-insensitive, whole words, any run of
// white space between words) and quoted picture names (exactly).
type scrubber struct {
	needles []*regexp.Regexp
	quoted  []string
}

func newScrubber(needles, quoted []string) *scrubber {
	s := &scrubber{}
	// Longest first, so "Anna Maria Schmidt" goes before "Anna Maria".
	needles = slices.Clone(needles)
	slices.SortFunc(needles, func(a, b string) int { return len(b) - len(a) })
	for _, n := range needles {
		words := strings.Fields(n)
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		if len(words) > 0 {
			s.needles = append(s.needles, regexp.MustCompile(`(?i)`+strings.Join(words, `\s+`)))
		}
	}
	s.quoted = quoted
	return s
}

func (s *scrubber) replace(v string) string {
	for _, q := range s.quoted {
		v = strings.ReplaceAll(v, q, "„"+pictureRemoved+"“")
	}
	for _, re := range s.needles {
		locs := re.FindAllStringIndex(v, -1)
		if len(locs) == 0 {
			continue
		}
		var b strings.Builder
		last := 0
		for _, l := range locs {
			if !wordEdge(v, l[0], l[1]) {
				continue
			}
			b.WriteString(v[last:l[0]])
			b.WriteString(nameRemoved)
			last = l[1]
		}
		b.WriteString(v[last:])
		v = b.String()
	}
	return v
}

// wordEdge reports whether v[i:j] stands as words of its own: no letter or
// digit right before or after it ("Li" is not erased from "Lichtfest").
func wordEdge(v string, i, j int) bool {
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if r, _ := utf8.DecodeLastRuneInString(v[:i]); i > 0 && inWord(r) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(v[j:]); j < len(v) && inWord(r) {
		return false
	}
	return true
}
