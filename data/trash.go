package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"feedtakt/data/fsx"
)

// TrashDir is the workspace's Papierkorb: deleted media files, one folder
// per day of deletion (UTC, YYYY-MM-DD), each file next to a note
// (<name>.json) with the item as it was. The folder describes itself, so it
// stays usable after yesterday's database was restored from a backup.
const TrashDir = "papierkorb"

// TrashKeepDays is how long a deleted media file stays restorable.
const TrashKeepDays = 30

const (
	trashDayLayout = "2006-01-02"
	noteSuffix     = ".json"
)

// TrashItem is a deleted media file in the Papierkorb.
type TrashItem struct {
	// Key names the entry for RestoreMedia: "<day>/<hash><ext>".
	Key       string
	Media     Media   // the item as it was when deleted (ID is its old ID)
	Posts     []int64 // the posts it was linked to
	DeletedAt time.Time
	DeletedBy string
	// DaysLeft is how many more days PurgeTrash keeps the entry, by the
	// workspace's clock when Trash listed it: TrashKeepDays on the day of
	// deletion, 0 on its last day.
	DaysLeft int
}

// trashNote is the file beside a deleted media file.
type trashNote struct {
	Media     Media   `json:"media"`
	Posts     []int64 `json:"posts,omitempty"`
	DeletedAt string  `json:"deleted_at"` // UTC, RFC 3339
	DeletedBy string  `json:"deleted_by"`
}

// DeleteMedia moves an item's file to the Papierkorb, removes the item
// from the posts it was linked to and deletes its row, with one change-log
// line. The row goes before the file moves, so no row ever points at a
// moved file; if the process dies in between, the file is left in media/
// without a row and ScanMedia finishes the move (the note is already in
// the Papierkorb).
func (w *Workspace) DeleteMedia(ctx context.Context, id int64) (TrashItem, error) {
	if w.readOnly {
		return TrashItem{}, fmt.Errorf("delete media: %w", ErrReadOnly)
	}
	m, err := w.Media(ctx, id)
	if err != nil {
		return TrashItem{}, err
	}
	release, err := hashLocks.lock(ctx, hashKey{w: w, hash: m.Hash})
	if err != nil {
		return TrashItem{}, err
	}
	defer release()
	if m, err = w.Media(ctx, id); err != nil { // deleted while we waited?
		return TrashItem{}, err
	}
	now := w.now().UTC()
	day := now.Format(trashDayLayout)
	name := path.Base(m.Path)
	item := TrashItem{Key: day + "/" + name, Media: m, DeletedAt: now.Truncate(time.Second), DeletedBy: w.Actor().Person}
	dayDir := filepath.Join(w.path(TrashDir), day)
	if err := os.MkdirAll(dayDir, 0o755); err != nil {
		return item, w.fault("delete media", err)
	}
	err = w.write(ctx, "delete media", func(tx *sql.Tx) error {
		posts, err := postsOfMedia(ctx, tx, id)
		if err != nil {
			return err
		}
		item.Posts = posts
		// The note is written inside the transaction, before the commit:
		// once the row is gone, the Papierkorb knows the item.
		b, err := json.MarshalIndent(trashNote{Media: m, Posts: item.Posts, DeletedAt: now.Format(time.RFC3339), DeletedBy: item.DeletedBy}, "", "  ")
		if err != nil {
			return err
		}
		if err := fsx.WriteFile(filepath.Join(dayDir, name+noteSuffix), b, 0o644); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM post_media WHERE media_id = ?`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM media WHERE id = ?`, id); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "delete", "media", id, deleteSummary(m, len(item.Posts)))
	})
	if err != nil {
		os.Remove(filepath.Join(dayDir, name+noteSuffix))
		return item, err
	}
	if err := fsx.Rename(w.path(filepath.FromSlash(m.Path)), filepath.Join(dayDir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return item, w.fault("move media to the Papierkorb", err)
	}
	return item, nil
}

// postsOfMedia lists the posts an item is linked to.
func postsOfMedia(ctx context.Context, tx *sql.Tx, id int64) ([]int64, error) {
	return queryColumn[int64](ctx, tx, `SELECT post_id FROM post_media WHERE media_id = ? ORDER BY post_id`, id)
}

func deleteSummary(m Media, posts int) string {
	s := fmt.Sprintf("Datei „%s“ in den Papierkorb verschoben", Ellipsis(displayName(m), 80))
	switch {
	case posts == 1:
		s += " und aus 1 Beitrag entfernt"
	case posts > 1:
		s += fmt.Sprintf(" und aus %d Beiträgen entfernt", posts)
	}
	return s
}

func displayName(m Media) string {
	switch {
	case m.OriginalName != "":
		return m.OriginalName
	case m.Title != "":
		return m.Title
	}
	return path.Base(m.Path)
}

// Trash lists the Papierkorb, newest deletion first. Entries whose file is
// gone (restored, or removed by hand) are left out.
func (w *Workspace) Trash(ctx context.Context) ([]TrashItem, error) {
	root := w.path(TrashDir)
	days, err := trashDays(root)
	if err != nil {
		return nil, err
	}
	var out []TrashItem
	for _, day := range days {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		es, err := os.ReadDir(filepath.Join(root, day))
		if err != nil {
			return nil, fmt.Errorf("read Papierkorb: %w", err)
		}
		for _, e := range es {
			name, ok := strings.CutSuffix(e.Name(), noteSuffix)
			if !ok {
				continue
			}
			it, err := readTrashItem(root, day+"/"+name)
			if err != nil {
				continue // a note without its file, or one we cannot read
			}
			it.DaysLeft = trashDaysLeft(day, w.now())
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].DeletedAt.After(out[j].DeletedAt) })
	return out, nil
}

// trashDaysLeft is how many more days the entries of the day folder day
// stay at now. It follows PurgeTrash's rule: a day folder goes once all of
// its day (UTC) is more than TrashKeepDays days past.
func trashDaysLeft(day string, now time.Time) int {
	d, err := time.Parse(trashDayLayout, day)
	if err != nil {
		return 0
	}
	today, _ := time.Parse(trashDayLayout, now.UTC().Format(trashDayLayout))
	age := int(today.Sub(d).Hours() / 24)
	return max(0, TrashKeepDays-age)
}

// trashDays lists the day folders of the Papierkorb, oldest first.
func trashDays(root string) ([]string, error) {
	es, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read Papierkorb: %w", err)
	}
	var days []string
	for _, e := range es {
		if _, err := time.Parse(trashDayLayout, e.Name()); err == nil && e.IsDir() {
			days = append(days, e.Name())
		}
	}
	sort.Strings(days)
	return days, nil
}

// parseTrashKey checks a key from outside and splits it.
func parseTrashKey(key string) (day, name, hash string, err error) {
	day, name, ok := strings.Cut(key, "/")
	if ok {
		if _, perr := time.Parse(trashDayLayout, day); perr != nil {
			ok = false
		}
	}
	if ok {
		hash, _, ok = splitMediaName(name)
	}
	if !ok {
		return "", "", "", fmt.Errorf("trash entry %q: %w", key, ErrNotFound)
	}
	return day, name, hash, nil
}

// readTrashItem reads the note of an entry whose file is present.
func readTrashItem(root, key string) (TrashItem, error) {
	day, name, _, err := parseTrashKey(key)
	if err != nil {
		return TrashItem{}, err
	}
	file := filepath.Join(root, day, name)
	if st, err := os.Lstat(file); err != nil || !st.Mode().IsRegular() {
		return TrashItem{}, fmt.Errorf("trash entry %q: %w", key, ErrNotFound)
	}
	b, err := os.ReadFile(file + noteSuffix)
	if err != nil {
		return TrashItem{}, fmt.Errorf("trash entry %q: %w", key, ErrNotFound)
	}
	var n trashNote
	if err := json.Unmarshal(b, &n); err != nil {
		return TrashItem{}, fmt.Errorf("read trash entry %q: %w", key, err)
	}
	at, _ := time.Parse(time.RFC3339, n.DeletedAt)
	return TrashItem{Key: key, Media: n.Media, Posts: n.Posts, DeletedAt: at, DeletedBy: n.DeletedBy}, nil
}

// RestoreMedia takes an entry out of the Papierkorb: the file goes back to
// media/, the item gets a row again (with a new ID) and is linked again to
// the posts that still exist, after their other media. If the content was
// imported again meanwhile, that item is returned and the Papierkorb's copy
// removed.
func (w *Workspace) RestoreMedia(ctx context.Context, key string) (Media, error) {
	if w.readOnly {
		return Media{}, fmt.Errorf("restore media: %w", ErrReadOnly)
	}
	root := w.path(TrashDir)
	day, name, hash, err := parseTrashKey(key)
	if err != nil {
		return Media{}, err
	}
	release, err := hashLocks.lock(ctx, hashKey{w: w, hash: hash})
	if err != nil {
		return Media{}, err
	}
	defer release()
	it, err := readTrashItem(root, key)
	if err != nil {
		return Media{}, err
	}
	file := filepath.Join(root, day, name)
	m := it.Media
	if old, err := w.mediaByHash(ctx, w.reader(), hash); err == nil {
		os.Remove(file)
		os.Remove(file + noteSuffix)
		return old, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return m, w.fault("restore media", err)
	}
	m.ID, m.Hash, m.Path = 0, hash, mediaPath(hash, path.Ext(name))
	full := w.path(filepath.FromSlash(m.Path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return m, w.fault("restore media", err)
	}
	if err := fsx.Rename(file, full); err != nil {
		return m, w.fault("restore media", err)
	}
	err = w.write(ctx, "restore media", func(tx *sql.Tx) error {
		m.prepareRestore(w.now())
		if err := insertMediaRow(ctx, tx, &m, w.timestamp()); err != nil {
			return err
		}
		relinked := 0
		for _, p := range it.Posts {
			res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO post_media (post_id, media_id, position)
				SELECT id, ?, (SELECT coalesce(max(position), -1) + 1 FROM post_media WHERE post_id = ?) FROM posts WHERE id = ?`, m.ID, p, p)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				relinked++
			}
		}
		summary := fmt.Sprintf("Datei „%s“ aus dem Papierkorb zurückgeholt", Ellipsis(displayName(m), 80))
		if relinked > 0 {
			summary += fmt.Sprintf(" (wieder in %d %s)", relinked, plural(relinked, "Beitrag", "Beiträgen"))
		}
		return w.logChange(ctx, tx, "create", "media", m.ID, summary)
	})
	if err != nil {
		// Back where it was, so the entry can be restored later.
		os.Rename(full, file)
		return m, err
	}
	os.Remove(file + noteSuffix)
	return m, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// PurgeTrash removes the Papierkorb's entries deleted more than
// TrashKeepDays days ago and returns how many files went. The app runs it
// in the background after opening.
func (w *Workspace) PurgeTrash(ctx context.Context) (int, error) {
	if w.readOnly {
		return 0, fmt.Errorf("purge Papierkorb: %w", ErrReadOnly)
	}
	root := w.path(TrashDir)
	days, err := trashDays(root)
	if err != nil {
		return 0, err
	}
	// A day folder goes once all of its day is more than 30 days past.
	limit := w.now().UTC().AddDate(0, 0, -TrashKeepDays-1).Format(trashDayLayout)
	removed := 0
	var errs []error
	for _, day := range days {
		if err := ctx.Err(); err != nil {
			return removed, err
		}
		if day > limit {
			break
		}
		dir := filepath.Join(root, day)
		es, _ := os.ReadDir(dir)
		for _, e := range es {
			if !strings.HasSuffix(e.Name(), noteSuffix) {
				removed++
			}
		}
		errs = append(errs, os.RemoveAll(dir))
	}
	if err := errors.Join(errs...); err != nil {
		return removed, fmt.Errorf("purge Papierkorb: %w", err)
	}
	return removed, nil
}

// trashIndex maps a hash to the Papierkorb entries holding its file, newest
// first. The Papierkorb has at most a month of day folders, so reading it
// whole is cheap.
func trashIndex(root string) (map[string][]string, error) {
	days, err := trashDays(root)
	if err != nil {
		return nil, err
	}
	idx := map[string][]string{}
	for i := len(days) - 1; i >= 0; i-- {
		es, err := os.ReadDir(filepath.Join(root, days[i]))
		if err != nil {
			return nil, fmt.Errorf("read Papierkorb: %w", err)
		}
		for _, e := range es {
			if hash, _, ok := splitMediaName(e.Name()); ok && e.Type().IsRegular() {
				idx[hash] = append(idx[hash], days[i]+"/"+e.Name())
			}
		}
	}
	return idx, nil
}
