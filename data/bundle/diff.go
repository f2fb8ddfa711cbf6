package bundle

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/data"
)

// DiffKind says how a post differs between a bundle and the workspace it
// would replace.
type DiffKind int

// The kinds, in the order a Diff lists them.
const (
	Added   DiffKind = iota // in the bundle only
	Changed                 // in both, different
	Removed                 // in the workspace only: lost by replacing
)

// MaxListed caps Diff.Posts: the counts are always complete, the list
// (what a person reads through) stops there, so memory stays bounded
// however large the workspaces are.
const MaxListed = 5000

// PostDiff is one post that differs.
type PostDiff struct {
	Kind   DiffKind
	UID    string
	Title  string // the title, else the caption's first words
	Day    string // YYYY-MM-DD; "" for an idea
	Status string
	// By is who changed the post last according to the bundle's change
	// log (for a removed post: who deleted it there); "" if unknown.
	By string
	At time.Time // when, zero if unknown
	// HereLater marks a post changed (or made) in this workspace after the
	// bundle was made: replacing loses that change.
	HereLater bool
}

// Diff is what replacing the workspace by a bundle would change.
type Diff struct {
	Manifest                Manifest
	Added, Changed, Removed int
	// HereLater counts the posts changed in the workspace after the
	// bundle was made (their changes are lost by replacing).
	HereLater int
	// By is who made the bundle (the manifest's Person, else the newest
	// entry of its change log).
	By    string
	Posts []PostDiff // Added, then Changed, then Removed; by day; at most MaxListed
	// MediaAdded counts media files the bundle brings; MediaOnlyHere
	// those only the workspace has (they stay in the old folder).
	MediaAdded, MediaOnlyHere int
	// Privacy is the data protection done here that the bundle does not
	// know: replacing would bring a withdrawn consent or an erased person
	// back. Empty when there is none.
	Privacy []PrivacyLoss
}

// PrivacyLoss is one withdrawal or erasure made in the workspace that the
// bundle lacks.
type PrivacyLoss struct {
	Erased bool   // the person was erased here (else: a consent was withdrawn)
	Person string // the name here; for an erased person "" (only PersonID is left)
	ID     int64  // the person's number
	Day    string // YYYY-MM-DD of the withdrawal or the erasure
}

// Same reports whether the bundle holds the same posts as the workspace.
func (d Diff) Same() bool { return d.Added+d.Changed+d.Removed == 0 }

// Compare checks the bundle at path in full (as Verify) and tells how its
// posts differ from the open workspace's, matched by uid. Both databases
// are compared as copies in a temp folder, so the workspace can be in use
// meanwhile. progress (may be nil) is told the bytes checked.
func Compare(ctx context.Context, path string, ws *data.Workspace, progress func(done, total int64)) (Diff, error) {
	m, err := Verify(ctx, path, progress)
	if err != nil {
		return Diff{}, err
	}
	tmp, err := os.MkdirTemp("", "feedtakt-compare-")
	if err != nil {
		return Diff{}, fmt.Errorf("compare bundle: %w", err)
	}
	defer os.RemoveAll(tmp)
	there := filepath.Join(tmp, "paket.db")
	if err := extractDatabase(ctx, path, there); err != nil {
		return Diff{}, fmt.Errorf("compare bundle %s: %w", path, err)
	}
	here := filepath.Join(tmp, "hier.db")
	media, err := ws.Snapshot(ctx, here)
	if err != nil {
		return Diff{}, fmt.Errorf("compare bundle: %w", err)
	}
	d := Diff{Manifest: m, By: m.Person}
	countMedia(&d, m, media)
	if err := comparePosts(ctx, there, here, &d); err != nil {
		return Diff{}, fmt.Errorf("compare bundle %s: %w", path, err)
	}
	return d, nil
}

// comparePrivacy finds consents withdrawn here that are still valid in the
// bundle (the same consent: id, person and day given), and people erased
// here whom the bundle still has. A bundle from before people existed in
// Feedtakt brings none back.
func comparePrivacy(ctx context.Context, conn *sql.Conn, d *Diff) error {
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM main.sqlite_master WHERE type = 'table' AND name IN ('people', 'consents')`).Scan(&n); err != nil {
		return err
	}
	if n < 2 {
		return nil
	}
	rows, err := conn.QueryContext(ctx, `SELECT 0, p.name, c.person_id, c.withdrawn_on FROM here.consents c JOIN here.people p ON p.id = c.person_id
		JOIN main.consents b ON b.id = c.id AND b.person_id = c.person_id AND b.given_on = c.given_on
		WHERE c.withdrawn_on IS NOT NULL AND b.withdrawn_on IS NULL
		UNION ALL
		SELECT 1, '', e.person_id, e.erased_at FROM here.erasures e
		WHERE e.erased_at IS NOT NULL AND EXISTS (SELECT 1 FROM main.people p WHERE p.id = e.person_id)
		ORDER BY 1, 4, 2, 3`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var l PrivacyLoss
		if err := rows.Scan(&l.Erased, &l.Person, &l.ID, &l.Day); err != nil {
			return err
		}
		if t, err := time.Parse(time.RFC3339, l.Day); err == nil { // an erasure's time stamp
			l.Day = t.Local().Format("2006-01-02")
		}
		d.Privacy = append(d.Privacy, l)
	}
	return rows.Err()
}

// extractDatabase copies the bundle's database to file, checking its hash
// again (the bundle may have changed since it was verified).
func extractDatabase(ctx context.Context, path, file string) error {
	o, err := openBundle(path)
	if err != nil {
		return err
	}
	defer o.Close()
	if err := o.check(ctx); err != nil {
		return err
	}
	for _, f := range o.payload {
		if f.Name != data.DBName {
			continue
		}
		out, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		err = o.checkEntry(ctx, f, o.want[f.Name], out, nil)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		return err
	}
	return damagedEntry(data.DBName, "missing")
}

// countMedia compares the bundle's files with the workspace's media.
func countMedia(d *Diff, m Manifest, here []string) {
	slices.Sort(here)
	inBundle := make(map[string]bool, len(m.Entries))
	for _, e := range m.Entries {
		if e.Path == data.DBName {
			continue
		}
		inBundle[e.Path] = true
		if _, found := slices.BinarySearch(here, e.Path); !found {
			d.MediaAdded++
		}
	}
	for _, p := range here {
		if !inBundle[p] {
			d.MediaOnlyHere++
		}
	}
}

// comparePosts runs the three comparisons over the bundle's database
// (main) with the workspace's copy attached (here), streaming the rows.
func comparePosts(ctx context.Context, there, here string, d *Diff) error {
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(there)+"?_pragma=query_only(1)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // ATTACH belongs to one connection
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "ATTACH DATABASE ? AS here", here); err != nil {
		return err
	}
	differs, err := differsExpr(ctx, conn)
	if err != nil {
		return err
	}
	if d.By == "" {
		conn.QueryRowContext(ctx, `SELECT person FROM main.changelog ORDER BY id DESC LIMIT 1`).Scan(&d.By)
	}
	created := d.Manifest.Created.UTC().Format(time.RFC3339)
	// who: the newest change-log entry per post (SQLite takes the bare
	// columns from the row of max(id)).
	const who = `WITH who AS (SELECT item_id, person, at, max(id) FROM main.changelog
		WHERE item = 'post' AND item_id IS NOT NULL GROUP BY item_id),
		gone AS (SELECT item_id, person, at, max(id) FROM main.changelog
		WHERE item = 'post' AND action = 'delete' AND item_id IS NOT NULL GROUP BY item_id) `
	queries := []struct {
		kind DiffKind
		q    string
	}{
		{Added, who + `SELECT b.uid, b.title, b.caption, coalesce(b.day, ''), b.status, coalesce(w.person, ''), coalesce(w.at, ''), (0 AND ?1)
			FROM main.posts b LEFT JOIN here.posts h ON h.uid = b.uid LEFT JOIN who w ON w.item_id = b.id
			WHERE h.id IS NULL ORDER BY b.day IS NULL, b.day, b.time, b.id`},
		{Changed, who + `SELECT b.uid, b.title, b.caption, coalesce(b.day, ''), b.status, coalesce(w.person, ''), coalesce(w.at, ''), h.updated_at > ?1
			FROM main.posts b JOIN here.posts h ON h.uid = b.uid LEFT JOIN who w ON w.item_id = b.id
			WHERE ` + differs + ` ORDER BY b.day IS NULL, b.day, b.time, b.id`},
		{Removed, who + `SELECT h.uid, h.title, h.caption, coalesce(h.day, ''), h.status, coalesce(g.person, ''), coalesce(g.at, ''), h.updated_at > ?1
			FROM here.posts h LEFT JOIN main.posts b ON b.uid = h.uid LEFT JOIN gone g ON g.item_id = h.id AND g.at >= h.created_at
			WHERE b.id IS NULL ORDER BY h.day IS NULL, h.day, h.time, h.id`},
	}
	for _, q := range queries {
		if err := scanDiffs(ctx, conn, q.kind, q.q, created, d); err != nil {
			return err
		}
	}
	return comparePrivacy(ctx, conn, d)
}

// differsExpr is true for a post whose row differs in any column both
// posts tables have but the ids (a bundle from an older Feedtakt may lack
// newer columns), or whose channels (texts, published marks) or pictures
// differ: marking a channel published or attaching a picture leaves the
// post's own row as it was.
func differsExpr(ctx context.Context, conn *sql.Conn) (string, error) {
	cols, err := commonColumns(ctx, conn, "posts", "id", "topic_id")
	if err != nil {
		return "", err
	}
	var terms []string
	for _, c := range cols {
		terms = append(terms, fmt.Sprintf(`b."%s" IS NOT h."%s"`, c, c))
	}
	chans, err := commonColumns(ctx, conn, "post_channels", "post_id")
	if err != nil {
		return "", err
	}
	if len(chans) > 0 {
		row := make([]string, len(chans))
		for i, c := range chans {
			row[i] = fmt.Sprintf(`quote("%s")`, c)
		}
		// One text per post: its channel rows, in channel order.
		agg := func(schema, post string) string {
			return fmt.Sprintf(`(SELECT group_concat(r, char(30)) FROM (SELECT %s AS r FROM %s.post_channels WHERE post_id = %s.id ORDER BY channel_id))`,
				strings.Join(row, ` || char(31) || `), schema, post)
		}
		terms = append(terms, agg("main", "b")+" IS NOT "+agg("here", "h"))
	}
	// Pictures by content (a media id means nothing across two PCs), in
	// their order.
	pics := func(schema, post string) string {
		return fmt.Sprintf(`(SELECT group_concat(m.hash, ',') FROM (SELECT m.hash FROM %[1]s.post_media pm JOIN %[1]s.media m ON m.id = pm.media_id
			WHERE pm.post_id = %[2]s.id ORDER BY pm.position, m.hash) m)`, schema, post)
	}
	terms = append(terms, pics("main", "b")+" IS NOT "+pics("here", "h"))
	return "(" + strings.Join(terms, " OR ") + ")", nil
}

// commonColumns lists the columns table has in both databases, but those
// skipped.
func commonColumns(ctx context.Context, conn *sql.Conn, table string, skip ...string) ([]string, error) {
	cols := func(schema string) ([]string, error) {
		rows, err := conn.QueryContext(ctx, `SELECT name FROM pragma_table_info(?, ?)`, table, schema)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				return nil, err
			}
			out = append(out, n)
		}
		return out, rows.Err()
	}
	there, err := cols("main")
	if err != nil {
		return nil, err
	}
	here, err := cols("here")
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(there, func(c string) bool { return slices.Contains(skip, c) || !slices.Contains(here, c) }), nil
}

// scanDiffs counts every row of q and lists the first ones.
func scanDiffs(ctx context.Context, conn *sql.Conn, kind DiffKind, q, created string, d *Diff) error {
	rows, err := conn.QueryContext(ctx, q, created)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p PostDiff
		var caption, at string
		if err := rows.Scan(&p.UID, &p.Title, &caption, &p.Day, &p.Status, &p.By, &at, &p.HereLater); err != nil {
			return err
		}
		p.Kind = kind
		p.Title = postTitle(p.Title, caption)
		if t, err := time.Parse(time.RFC3339, at); err == nil {
			p.At = t
		}
		switch kind {
		case Added:
			d.Added++
		case Changed:
			d.Changed++
		case Removed:
			d.Removed++
		}
		if p.HereLater {
			d.HereLater++
		}
		if len(d.Posts) < MaxListed {
			d.Posts = append(d.Posts, p)
		}
	}
	return rows.Err()
}

// postTitle is the title, else the caption's first words (at most about
// 60 characters, cut at a word).
func postTitle(title, caption string) string {
	if t := strings.TrimSpace(title); t != "" {
		return t
	}
	words := strings.Fields(caption)
	var b strings.Builder
	for _, w := range words {
		if b.Len() > 0 && utf8.RuneCountInString(b.String())+1+utf8.RuneCountInString(w) > 60 {
			b.WriteString(" …")
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// Headline says in one sentence (a translation key with its arguments)
// what replacing would change: "Paket vom 18.12.2026, von Jana Beispiel:
// 12 Beiträge neu, 3 geändert, 1 entfernt."
func (d Diff) Headline() data.Explanation {
	args := map[string]any{
		"Date": d.Manifest.Created.Local().Format("02.01.2006 15:04"), "Person": d.By,
		"Added": d.Added, "Changed": d.Changed, "Removed": d.Removed,
	}
	switch {
	case d.Same() && d.By == "":
		return data.Explanation{Key: "Bundle of {{.Date}}: it holds the same posts as this workspace.", Args: args}
	case d.Same():
		return data.Explanation{Key: "Bundle of {{.Date}}, by {{.Person}}: it holds the same posts as this workspace.", Args: args}
	case d.By == "":
		return data.Explanation{Key: "Bundle of {{.Date}}: posts {{.Added}} new, {{.Changed}} changed, {{.Removed}} removed.", Args: args}
	}
	return data.Explanation{Key: "Bundle of {{.Date}}, by {{.Person}}: posts {{.Added}} new, {{.Changed}} changed, {{.Removed}} removed.", Args: args}
}

// Notes are the further sentences about what replacing means: media, and
// changes made here after the bundle, which are lost (kept in the old
// folder only).
func (d Diff) Notes() []data.Explanation {
	var out []data.Explanation
	if d.MediaAdded+d.MediaOnlyHere > 0 {
		out = append(out, data.Explanation{Key: "Media files: {{.Added}} come with the bundle, {{.Here}} are only here (they stay in the old folder).",
			Args: map[string]any{"Added": d.MediaAdded, "Here": d.MediaOnlyHere}})
	}
	if d.HereLater > 0 {
		out = append(out, data.Explanation{Key: "Caution: {{.Count}} of these posts were changed here after the bundle was made; those changes are replaced (they stay in the old folder).",
			Args: map[string]any{"Count": d.HereLater}})
	}
	return out
}

// Warnings are the sentences about data protection done here that
// replacing would undo, one per withdrawal or erasure, with what to do
// after replacing.
func (d Diff) Warnings() []data.Explanation {
	var out []data.Explanation
	for _, l := range d.Privacy {
		day := l.Day
		if t, err := time.Parse("2006-01-02", l.Day); err == nil {
			day = t.Format("02.01.2006")
		}
		args := map[string]any{"Person": l.Person, "ID": l.ID, "Date": day}
		if l.Erased {
			out = append(out, data.Explanation{Key: "Person no. {{.ID}} was erased here on {{.Date}}, after the bundle was made. The bundle still holds the person's data and pictures: erase the person again after importing it.", Args: args})
			continue
		}
		out = append(out, data.Explanation{Key: "{{.Person}} withdrew the consent on {{.Date}}; this was entered here after the bundle was made. In the bundle the consent is still valid: enter the withdrawal again after importing it.", Args: args})
	}
	return out
}

// KindKey is the translation key of a kind: "New", "Changed", "Removed".
func (k DiffKind) KindKey() string {
	switch k {
	case Added:
		return "New"
	case Changed:
		return "Changed"
	}
	return "Removed"
}

// DayText is the post's day as 18.12.2026, or "Idee" for an idea (a
// translation key then).
func (p PostDiff) DayText() (text string, isKey bool) {
	t, err := time.Parse("2006-01-02", p.Day)
	if err != nil {
		return "Idea", true
	}
	return t.Format("02.01.2006"), false
}
