package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/data/calendar"
)

// The withdrawal page (Widerruf): where a person's pictures were or will
// be used, and the checklist of where the office took published posts
// down. Erasure is in erase.go.

// Removal is one ticked line of the checklist: the post was taken down on
// the channel on On, by By (a workspace user), with a note.
type Removal struct {
	On       calendar.Date
	By       string
	Note     string
	Recorded time.Time // when it was ticked (set by the store)
}

// WithdrawalChannel is one channel of a post on the withdrawal page, with
// the checklist state for it (nil: not yet removed).
type WithdrawalChannel struct {
	ChannelID int64
	Name      string
	Platform  Platform
	Removal   *Removal
}

// WithdrawalPost is a post that uses (or used) pictures of the person.
type WithdrawalPost struct {
	Post PostRef
	// Pictures is how many of the person's pictures the post uses now (0
	// when they were taken out of it since; the checklist stays).
	Pictures int
	Channels []WithdrawalChannel
}

// Planned reports whether the post is still to go out: the clearance rule
// keeps it from being approved while it shows the person.
func (p WithdrawalPost) Planned() bool { return p.Post.Planned() }

// Published reports whether the post went out, so the checklist applies.
func (p WithdrawalPost) Published() bool { return p.Post.Status == StatusPublished }

// Removed reports whether every channel of a published post is ticked.
func (p WithdrawalPost) Removed() bool {
	for _, c := range p.Channels {
		if c.Removal == nil {
			return false
		}
	}
	return len(p.Channels) > 0
}

// WithdrawalOverview is everything the withdrawal page shows for a person.
type WithdrawalOverview struct {
	PersonID int64
	// Person is nil once the person was erased (Erasure then says when).
	Person *Person
	// WithdrawnOn is the day of the earliest withdrawal recorded (nil:
	// none recorded).
	WithdrawnOn *calendar.Date
	// Pictures counts the person's pictures in the Mediathek; Trashed
	// those only in the Papierkorb; Forms the scanned consent forms.
	Pictures, Trashed, Forms int
	Posts                    []WithdrawalPost
	// Erasure is the erasure's record, nil when none was started.
	Erasure *ErasureRecord
}

// Open counts the published posts' channels not yet ticked.
func (o WithdrawalOverview) Open() int {
	n := 0
	for _, p := range o.Posts {
		if p.Published() {
			for _, c := range p.Channels {
				if c.Removal == nil {
					n++
				}
			}
		}
	}
	return n
}

// Withdrawal lists, for a person, every post (planned and published, ideas
// too) that uses one of their pictures or has a line on the checklist,
// with its channels and the checklist state per channel, by date (ideas
// last). One query, so a person on 500 pictures stays fast.
func (w *Workspace) Withdrawal(ctx context.Context, personID int64) (WithdrawalOverview, error) {
	o := WithdrawalOverview{PersonID: personID}
	q := w.reader()
	rec, err := erasureRecord(ctx, q, personID)
	if err != nil && !isNotFound(err) {
		return o, w.fault("read withdrawal", err)
	}
	if err == nil {
		o.Erasure = &rec
	}
	p, err := getPerson(ctx, q, personID)
	switch {
	case err == nil:
		o.Person = &p
	case isNotFound(err) && o.Erasure != nil:
	default:
		return o, w.fault("read withdrawal", err)
	}
	if o.Person != nil {
		if err := w.withdrawalCounts(ctx, q, &o); err != nil {
			return o, w.fault("read withdrawal", err)
		}
	} else if o.Erasure != nil {
		o.WithdrawnOn = o.Erasure.WithdrawnOn
	}
	rows, err := q.QueryContext(ctx, `WITH pics AS (
			SELECT m.id FROM media_people mp JOIN media m ON m.hash = mp.media_hash WHERE mp.person_id = ?1),
		uses AS (
			SELECT pm.post_id, count(*) AS n FROM post_media pm WHERE pm.media_id IN (SELECT id FROM pics) GROUP BY pm.post_id
			UNION ALL SELECT DISTINCT post_id, 0 FROM removals WHERE person_id = ?1
			UNION ALL SELECT value, 0 FROM json_each((SELECT value FROM settings WHERE key = ?2))),
		posts_of AS (SELECT post_id, max(n) AS n FROM uses GROUP BY post_id)
		SELECT p.id, p.title, p.day, p.time, p.status, u.n, coalesce(c.id, 0), coalesce(c.name, ''), coalesce(c.platform, ''),
			r.removed_on, coalesce(r.removed_by, ''), coalesce(r.note, ''), coalesce(r.recorded_at, '')
		FROM posts_of u JOIN posts p ON p.id = u.post_id
		LEFT JOIN post_channels pc ON pc.post_id = p.id
		LEFT JOIN channels c ON c.id = pc.channel_id
		LEFT JOIN removals r ON r.person_id = ?1 AND r.post_id = p.id AND r.channel_id = c.id
		ORDER BY p.day IS NULL, p.day, p.time IS NOT NULL, p.time, p.id, c.position, c.id`, personID, withdrawalPostsKey(personID))
	if err != nil {
		return o, w.fault("read withdrawal", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref PostRef
		var day, clock, removedOn sql.NullString
		var n int
		var ch WithdrawalChannel
		var by, note, recorded string
		if err := rows.Scan(&ref.ID, &ref.Title, &day, &clock, &ref.Status, &n, &ch.ChannelID, &ch.Name, &ch.Platform,
			&removedOn, &by, &note, &recorded); err != nil {
			return o, w.fault("read withdrawal", err)
		}
		if len(o.Posts) == 0 || o.Posts[len(o.Posts)-1].Post.ID != ref.ID {
			if ref.Date, err = parseNullDate(day); err != nil {
				return o, w.fault("read withdrawal", err)
			}
			if clock.Valid {
				if c, err := ParseClock(clock.String); err == nil {
					ref.Time = &c
				}
			}
			o.Posts = append(o.Posts, WithdrawalPost{Post: ref, Pictures: n})
		}
		if ch.ChannelID == 0 {
			continue // a post without channels (an idea)
		}
		if removedOn.Valid {
			d, err := calendar.ParseDate(removedOn.String)
			if err != nil {
				return o, w.fault("read withdrawal", err)
			}
			ch.Removal = &Removal{On: d, By: by, Note: note, Recorded: parseUTC(recorded)}
		}
		last := &o.Posts[len(o.Posts)-1]
		last.Channels = append(last.Channels, ch)
	}
	return o, w.fault("read withdrawal", rows.Err())
}

// withdrawalCounts fills the day of the withdrawal and the counts of
// pictures and forms of a person who is not erased.
func (w *Workspace) withdrawalCounts(ctx context.Context, q queryer, o *WithdrawalOverview) error {
	var withdrawn sql.NullString
	err := q.QueryRowContext(ctx, `SELECT
			(SELECT min(withdrawn_on) FROM consents WHERE person_id = ?1),
			(SELECT count(*) FROM media_people mp JOIN media m ON m.hash = mp.media_hash WHERE mp.person_id = ?1),
			(SELECT count(*) FROM media_people mp WHERE mp.person_id = ?1 AND NOT EXISTS (SELECT 1 FROM media m WHERE m.hash = mp.media_hash)),
			(SELECT count(DISTINCT form_hash) FROM consents WHERE person_id = ?1 AND form_hash != '')`, o.PersonID).
		Scan(&withdrawn, &o.Pictures, &o.Trashed, &o.Forms)
	if err != nil {
		return err
	}
	o.WithdrawnOn, err = parseNullDate(withdrawn)
	return err
}

const maxRemovalNote = 2000

// SetRemoval ticks (r non-nil) or unticks (nil) the checklist line of a
// person's withdrawal for a post on a channel, with a change-log line that
// names the person by number. The post must be on that channel; the day
// may not lie in the future.
func (w *Workspace) SetRemoval(ctx context.Context, personID, postID, channelID int64, r *Removal) error {
	if r != nil {
		if !r.On.Valid() {
			return invalid("removed", "Please enter the day the post was removed.")
		}
		if r.On.After(w.Today()) {
			return invalid("removed", "The day of removal cannot lie in the future.")
		}
		r.By = strings.TrimSpace(r.By)
		if err := checkControl("name", &r.By, false); err != nil {
			return err
		}
		if utf8.RuneCountInString(r.By) > MaxPersonName {
			return invalidArgs("by", "The name is too long (at most {{.Max}} characters).", map[string]any{"Max": MaxPersonName})
		}
		r.Note = strings.TrimSpace(r.Note)
		if err := checkControl("notes", &r.Note, true); err != nil {
			return err
		}
		if utf8.RuneCountInString(r.Note) > maxRemovalNote {
			return invalidArgs("notes", "The notes are too long (at most {{.Max}} characters).", map[string]any{"Max": maxRemovalNote})
		}
	}
	return w.write(ctx, "record removal", func(tx *sql.Tx) error {
		var channel string
		if err := tx.QueryRowContext(ctx, `SELECT c.name FROM post_channels pc JOIN channels c ON c.id = pc.channel_id
			WHERE pc.post_id = ? AND pc.channel_id = ?`, postID, channelID).Scan(&channel); err != nil {
			return notFound("post channel", postID, err)
		}
		if r == nil {
			res, err := tx.ExecContext(ctx, `DELETE FROM removals WHERE person_id = ? AND post_id = ? AND channel_id = ?`, personID, postID, channelID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return nil
			}
			return w.logChange(ctx, tx, "update", "withdrawal", personID,
				fmt.Sprintf("Widerruf von Person Nr. %d: Beitrag Nr. %d auf „%s“ nicht mehr als entfernt vermerkt", personID, postID, channel))
		}
		now := w.timestamp()
		if _, err := tx.ExecContext(ctx, `INSERT INTO removals (person_id, post_id, channel_id, removed_on, removed_by, note, recorded_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, post_id, channel_id) DO UPDATE SET
			removed_on = excluded.removed_on, removed_by = excluded.removed_by, note = excluded.note, recorded_at = excluded.recorded_at`,
			personID, postID, channelID, r.On.ISO(), r.By, r.Note, now); err != nil {
			return err
		}
		r.Recorded = parseUTC(now)
		return w.logChange(ctx, tx, "update", "withdrawal", personID,
			fmt.Sprintf("Widerruf von Person Nr. %d: Beitrag Nr. %d auf „%s“ am %s entfernt", personID, postID, channel, r.On))
	})
}

// ChangeAuthors lists the workspace users who made changes, the most
// recent first, at most limit: the choices for "entfernt von".
func (w *Workspace) ChangeAuthors(ctx context.Context, limit int) ([]string, error) {
	names, err := queryColumn[string](ctx, w.reader(), `SELECT person FROM changelog WHERE person != ''
		GROUP BY person ORDER BY max(id) DESC LIMIT ?`, limit)
	return names, w.fault("read change log", err)
}

// withdrawalPostsKey names the settings row that keeps, once a person is
// erased, the published posts that showed her pictures. The erasure takes
// the pictures out of the posts, yet the checklist must go on listing
// them until every channel is ticked, also where nothing was ticked
// before. The row holds post numbers only (no name, no picture), so it
// may stay as part of the proof.
func withdrawalPostsKey(personID int64) string {
	return fmt.Sprintf("withdrawal.posts.%d", personID)
}

// keepPublishedPosts adds the published posts that use one of the
// pictures (by content hash) to the person's withdrawal posts row, before
// the erasure removes the pictures from them.
func keepPublishedPosts(ctx context.Context, tx *sql.Tx, personID int64, hashes []string) error {
	ids, err := queryColumn[int64](ctx, tx, `SELECT DISTINCT pm.post_id FROM post_media pm JOIN posts p ON p.id = pm.post_id
		WHERE p.status = ? AND pm.media_id IN (SELECT id FROM media WHERE hash IN (SELECT value FROM json_each(?)))
		UNION SELECT value FROM json_each((SELECT value FROM settings WHERE key = ?))
		ORDER BY 1`, StatusPublished, jsonList(hashes), withdrawalPostsKey(personID))
	if err != nil || len(ids) == 0 {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
		withdrawalPostsKey(personID), jsonList(ids))
	return err
}
