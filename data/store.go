package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/data/fsx"
)

// write runs fn in one immediate transaction and commits. It refuses a
// read-only workspace and turns a vanished folder into ErrWorkspaceGone
// before SQLite writes into an unlinked file that nobody will see again.
func (w *Workspace) write(ctx context.Context, doing string, fn func(tx *sql.Tx) error) error {
	if w.readOnly {
		return fmt.Errorf("%s: %w", doing, ErrReadOnly)
	}
	if w.gone() {
		return fmt.Errorf("%s: %w", doing, ErrWorkspaceGone)
	}
	w.pause()
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return w.fault(doing, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		var inv *InvalidError
		if errors.As(err, &inv) || errors.Is(err, ErrNotFound) {
			return err
		}
		return w.fault(doing, err)
	}
	if err := tx.Commit(); err != nil {
		return w.fault(doing, err)
	}
	return nil
}

// timestamp is how times are stored: a UTC instant in RFC 3339
// ("2026-10-25T00:45:00Z"), so stored times sort as text, also across the
// October hour that repeats in local time. Screens show them in local time
// (see parseTimestamp).
func (w *Workspace) timestamp() string { return w.now().UTC().Format(time.RFC3339) }

// parseTimestamp reads a stored time and returns it in local time, for
// display; a value that cannot be read gives the zero time.
func parseTimestamp(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.Local()
}

// logChange appends one row to the change log inside tx.
func (w *Workspace) logChange(ctx context.Context, tx *sql.Tx, action, item string, itemID int64, summary string) error {
	var id any
	if itemID != 0 {
		id = itemID
	}
	actor := w.Actor()
	_, err := tx.ExecContext(ctx,
		`INSERT INTO changelog (at, person, pc, action, item, item_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		w.timestamp(), actor.Person, actor.PC, action, item, id, summary)
	if err != nil {
		return fmt.Errorf("write change log: %w", err)
	}
	return nil
}

var colorPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// checkName trims a name and checks it is present and not too long.
func checkName(field, name string, max int) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", invalid(field, "Please enter a name.")
	}
	if utf8.RuneCountInString(name) > max {
		return "", invalidArgs(field, "The name is too long (at most {{.Max}} characters).", map[string]any{"Max": max})
	}
	if err := checkControl("name", &name, false); err != nil {
		return "", err
	}
	return name, nil
}

func checkColor(field, c string) (string, error) {
	if !colorPattern.MatchString(c) {
		return "", invalid(field, "The colour must be written as #RRGGBB.")
	}
	return strings.ToUpper(c), nil
}

// Counts is a quick overview of what a workspace holds.
type Counts struct {
	Posts, Ideas, Channels, Topics, Media, Changes int
}

// Counts returns how many rows each entity has, for "feedtakt check" and
// the handover screen.
func (w *Workspace) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := w.reader().QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM posts WHERE day IS NOT NULL),
		(SELECT count(*) FROM posts WHERE day IS NULL),
		(SELECT count(*) FROM channels),
		(SELECT count(*) FROM topics),
		(SELECT count(*) FROM media),
		(SELECT count(*) FROM changelog)`).Scan(&c.Posts, &c.Ideas, &c.Channels, &c.Topics, &c.Media, &c.Changes)
	if err != nil {
		return c, w.fault("count", err)
	}
	return c, nil
}

// Health is the health report of "feedtakt check".
type Health struct {
	Dir           string
	SchemaVersion int
	Integrity     string
	LockHeld      bool
	LockOwner     fsx.Owner
	Journal       string
	Counts        Counts
	Backups       []BackupInfo
	// MissingMedia counts media items whose file is not in media/ (deleted
	// or moved outside Feedtakt); the app's scan at open repairs what it can.
	MissingMedia int
}

// Inspect gathers the health report without writing anything.
func (w *Workspace) Inspect(ctx context.Context) (Health, error) {
	s := Health{Dir: w.dir}
	if err := w.reader().QueryRowContext(ctx, "PRAGMA user_version").Scan(&s.SchemaVersion); err != nil {
		return s, w.fault("read schema version", err)
	}
	// The file header says which journal the workspace uses; PRAGMA
	// journal_mode would report the reading connection's (an immutable
	// read always says "delete").
	h, err := inspectHeader(w.path(DBName))
	if err != nil {
		return s, w.fault("read journal mode", err)
	}
	s.Journal = "delete"
	if h.wal {
		s.Journal = "wal"
	}
	s.Integrity = "ok"
	if err := w.checkIntegrity(ctx); err != nil {
		s.Integrity = err.Error()
	}
	s.LockHeld, s.LockOwner = fsx.Probe(w.path(LockName))
	if s.Counts, err = w.Counts(ctx); err != nil {
		return s, err
	}
	if s.Backups, err = w.Backups(); err != nil {
		return s, err
	}
	if s.MissingMedia, err = w.countMissingFiles(ctx); err != nil {
		return s, err
	}
	return s, nil
}

// countMissingFiles looks for every media item's file, without writing (the
// scan that marks and repairs needs a writable workspace).
func (w *Workspace) countMissingFiles(ctx context.Context) (int, error) {
	rows, err := w.reader().QueryContext(ctx, `SELECT path FROM media`)
	if err != nil {
		return 0, w.fault("count missing media", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return 0, w.fault("count missing media", err)
		}
		if _, err := os.Stat(filepath.Join(w.dir, filepath.FromSlash(p))); errors.Is(err, fs.ErrNotExist) {
			n++
		}
	}
	return n, w.fault("count missing media", rows.Err())
}
