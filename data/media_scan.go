package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"feedtakt/data/fsx"
)

// MediaScan is what ScanMedia found and did.
type MediaScan struct {
	Checked int // rows and files looked at
	// Missing are items whose file is neither in media/ nor in the
	// Papierkorb (deleted or moved outside Feedtakt).
	Missing []Media
	// Changed are items whose file has another size than recorded: it was
	// changed outside Feedtakt (content is never changed in place).
	Changed []Media
	// Recovered are items whose file was found in the Papierkorb and put
	// back: a database restored from a backup still knew them.
	Recovered []Media
	// Adopted are files in media/ that no row knew, whose content matches
	// their name; they are items now (with the file name as original name).
	Adopted []Media
	// Trashed are files in media/ that no row knew and that are not
	// Feedtakt's own intact files (or whose deletion was cut short): moved
	// to the Papierkorb; their keys.
	Trashed []string
	// Removed are unfinished *.part copies removed from media/.
	Removed []string
}

// ScanMedia compares the media rows with the files in media/, the job the
// app runs in the background (it reads every folder of media/ and may take
// minutes on a network share; progress is called after each row and file,
// ctx stops it between them). It repairs what can be repaired without
// losing anything:
//   - a row whose file is missing but in the Papierkorb gets it back (a
//     restored backup of the database points at files deleted since);
//   - a file no row knows whose content matches its name is adopted as an
//     item: it was imported after the restored backup was made, or just
//     before a power cut; removing it would lose a picture the person
//     imported, and the Mediathek shows it for her to name;
//   - a file no row knows that is not intact, not ours, or whose deletion
//     was cut short goes to the Papierkorb (kept 30 days, never deleted
//     outright);
//   - a *.part in media/ (written by versions before staging) is removed.
//
// Missing and changed files are only reported.
func (w *Workspace) ScanMedia(ctx context.Context, progress func(done, total int)) (MediaScan, error) {
	var s MediaScan
	if w.readOnly {
		return s, fmt.Errorf("scan media: %w", ErrReadOnly)
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	rows, err := w.allMedia(ctx)
	if err != nil {
		return s, err
	}
	files, err := mediaFiles(ctx, w.path(MediaDir))
	if err != nil {
		return s, err
	}
	strays := len(files)
	for _, m := range rows {
		if _, ok := files[m.Path]; ok {
			strays--
		}
	}
	total := len(rows) + strays
	step := func() {
		s.Checked++
		progress(s.Checked, total)
	}
	if err := w.scanRows(ctx, &s, rows, files, step); err != nil {
		return s, err
	}
	if err := w.markMissing(ctx, rows, s); err != nil {
		return s, err
	}
	adopt := w.NewImport(0)
	adopt.summary = adoptSummary
	defer adopt.Abort()
	for _, rel := range sortedKeys(files) {
		if err = ctx.Err(); err != nil {
			break
		}
		if err = w.scanStray(ctx, &s, adopt, rel); err != nil {
			break
		}
		step()
	}
	// What was adopted before a cancel or an error is kept and logged.
	results, ferr := adopt.Finish(ctx)
	for _, r := range results {
		if r.Outcome == ImportAdded {
			s.Adopted = append(s.Adopted, r.Media)
		}
	}
	return s, errors.Join(err, ferr)
}

func adoptSummary(n int, one Media, _ bool) string {
	if n == 1 {
		return fmt.Sprintf("Datei „%s“ ohne Eintrag gefunden und in die Mediathek übernommen", one.OriginalName)
	}
	return fmt.Sprintf("%d Dateien ohne Eintrag gefunden und in die Mediathek übernommen", n)
}

// scanRows checks each row's file and takes the files it finds out of
// files, leaving the strays.
func (w *Workspace) scanRows(ctx context.Context, s *MediaScan, rows []Media, files map[string]fileFacts, step func()) error {
	trash, err := trashIndex(w.path(TrashDir))
	if err != nil {
		return err
	}
	for _, m := range rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		f, ok := files[m.Path]
		delete(files, m.Path)
		switch {
		case ok && f.size != m.Size:
			s.Changed = append(s.Changed, m)
		case ok && m.changedSince(f.mod):
			if w.contentChanged(ctx, m) {
				s.Changed = append(s.Changed, m)
			}
		case !ok:
			back, err := w.recoverFromTrash(ctx, m, trash[m.Hash])
			if err != nil {
				return err
			}
			if back {
				s.Recovered = append(s.Recovered, m)
			} else {
				s.Missing = append(s.Missing, m)
			}
		}
		step()
	}
	return nil
}

// scanStray deals with one file in media/ that no row named.
func (w *Workspace) scanStray(ctx context.Context, s *MediaScan, adopt *Import, rel string) error {
	full := w.path(filepath.FromSlash(rel))
	if strings.HasSuffix(rel, partSuffix) {
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return w.fault("scan media", err)
		}
		s.Removed = append(s.Removed, rel)
		return nil
	}
	hash, ext, ok := splitMediaName(path.Base(rel))
	if !ok || path.Dir(rel) != path.Join(MediaDir, hash[:2]) {
		return w.moveStray(s, full)
	}
	release, err := adopt.lockHash(ctx, hash)
	if err != nil {
		return err
	}
	held := true
	defer func() {
		if held {
			release()
		}
	}()
	if _, err := os.Lstat(full); errors.Is(err, fs.ErrNotExist) {
		return nil // deleted or committed and moved meanwhile
	}
	if old, err := w.mediaByHash(ctx, w.reader(), hash); err == nil {
		if old.Path == rel {
			return nil // an import committed it while we looked
		}
		return w.moveStray(s, full) // the same content under another extension
	} else if !errors.Is(err, sql.ErrNoRows) {
		return w.fault("scan media", err)
	}
	if key, ok := w.unfinishedDeletion(hash, path.Base(rel)); ok {
		if err := fsx.Rename(full, filepath.Join(w.path(TrashDir), filepath.FromSlash(key))); err != nil {
			return w.fault("scan media", err)
		}
		s.Trashed = append(s.Trashed, key)
		return nil
	}
	got, size, err := hashFile(ctx, full)
	if err != nil {
		return err
	}
	if got != hash {
		return w.moveStray(s, full)
	}
	held = false
	adopt.adopt(Media{Hash: hash, Path: rel, Kind: kindByExt(ext), OriginalName: path.Base(rel), Size: size}, release)
	if len(adopt.pending) >= adopt.batch {
		return adopt.commit(context.WithoutCancel(ctx), false, false)
	}
	return nil
}

// adopt records a file already in media/ as pending, holding its lock.
func (im *Import) adopt(m Media, release func()) {
	im.results = append(im.results, ImportResult{Name: m.OriginalName, Outcome: ImportAdded, Media: m})
	im.byHash[m.Hash] = len(im.results) - 1
	im.pending = append(im.pending, pendingFile{m: m, result: len(im.results) - 1, release: release})
}

// unfinishedDeletion finds a Papierkorb note for name whose file is not
// there: DeleteMedia committed and died before moving the file.
func (w *Workspace) unfinishedDeletion(hash, name string) (string, bool) {
	days, _ := trashDays(w.path(TrashDir))
	for i := len(days) - 1; i >= 0; i-- {
		p := filepath.Join(w.path(TrashDir), days[i], name)
		if _, err := os.Stat(p + noteSuffix); err != nil {
			continue
		}
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return days[i] + "/" + name, true
		}
	}
	return "", false
}

// moveStray moves a stray file to the Papierkorb and notes it in s.
func (w *Workspace) moveStray(s *MediaScan, full string) error {
	key, err := w.trashStray(full)
	if err == nil {
		s.Trashed = append(s.Trashed, key)
	}
	return err
}

// trashStray moves a file that is not an intact item to today's Papierkorb
// folder under its own name (made unique), without a note.
func (w *Workspace) trashStray(full string) (string, error) {
	day := w.now().UTC().Format(trashDayLayout)
	dir := filepath.Join(w.path(TrashDir), day)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", w.fault("scan media", err)
	}
	name := filepath.Base(full)
	target := filepath.Join(dir, name)
	for i := 2; ; i++ {
		if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
			break
		}
		target = filepath.Join(dir, fmt.Sprintf("%d-%s", i, name))
	}
	if err := fsx.Rename(full, target); err != nil {
		return "", w.fault("scan media", err)
	}
	return day + "/" + filepath.Base(target), nil
}

// recoverFromTrash puts m's file back from the Papierkorb, if it is there
// and m still has its row.
func (w *Workspace) recoverFromTrash(ctx context.Context, m Media, keys []string) (bool, error) {
	if len(keys) == 0 {
		return false, nil
	}
	release, err := hashLocks.lock(ctx, hashKey{w: w, hash: m.Hash})
	if err != nil {
		return false, err
	}
	defer release()
	// Deleted since we read the rows? Then its file belongs in the Papierkorb.
	if _, err := w.mediaByHash(ctx, w.reader(), m.Hash); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return false, w.fault("scan media", err)
	}
	full := w.path(filepath.FromSlash(m.Path))
	for _, k := range keys {
		src := filepath.Join(w.path(TrashDir), filepath.FromSlash(k))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return false, w.fault("scan media", err)
		}
		err := fsx.Rename(src, full)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return false, w.fault("scan media", err)
		}
		os.Remove(src + noteSuffix)
		return true, nil
	}
	return false, nil
}

// allMedia reads every row (id, hash, path, size and the rest).
func (w *Workspace) allMedia(ctx context.Context) ([]Media, error) {
	rows, err := w.reader().QueryContext(ctx, `SELECT `+mediaColumns+` FROM media ORDER BY id`)
	if err != nil {
		return nil, w.fault("read media", err)
	}
	defer rows.Close()
	var out []Media
	for rows.Next() {
		m, err := scanMedia(rows)
		if err != nil {
			return nil, w.fault("read media", err)
		}
		out = append(out, m)
	}
	return out, w.fault("read media", rows.Err())
}

// mediaFiles lists the regular files below media/ (not the staging
// folder) as slash paths relative to the workspace, with their sizes.
func mediaFiles(ctx context.Context, root string) (map[string]fileFacts, error) {
	files := map[string]fileFacts{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return filepath.SkipAll
			}
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() && d.Name() == stagingName && filepath.Dir(p) == root {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil // gone meanwhile
		}
		rel, _ := filepath.Rel(filepath.Dir(root), p)
		files[filepath.ToSlash(rel)] = fileFacts{size: info.Size(), mod: info.ModTime()}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("scan media: %w", err)
	}
	return files, nil
}

// hashFile hashes a file, stopping when ctx is cancelled.
func hashFile(ctx context.Context, p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, fmt.Errorf("scan media: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, &trackedReader{ctx: ctx, r: f})
	if err != nil {
		return "", 0, fmt.Errorf("scan media: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// fileFacts is what the walk of media/ learns about a file.
type fileFacts struct {
	size int64
	mod  time.Time
}

func sortedKeys(m map[string]fileFacts) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// contentChanged hashes an item's file whose modification time is later
// than its import: Feedtakt never writes a stored file after its import,
// so someone else did, and only then is the file read. A file that cannot
// be read (or a cancel) counts as unchanged here; the next scan looks
// again.
func (w *Workspace) contentChanged(ctx context.Context, m Media) bool {
	h, _, err := hashFile(ctx, w.path(filepath.FromSlash(m.Path)))
	return err == nil && h != m.Hash
}

// changedSince reports whether a stored file modified at mod was written
// after the item was imported (a few seconds of slack for the import
// itself and coarse file-system clocks).
func (m Media) changedSince(mod time.Time) bool {
	return !m.Created.IsZero() && mod.After(m.Created.Add(5*time.Second))
}

// markMissing records what the scan found in the rows' missing flags: a
// newly gone or changed file gets its flag and the time it was first
// seen so; a file that is back (put back by hand, relinked, recovered)
// loses it. Only rows whose flag changes are written; no change-log line,
// since nobody changed anything in Feedtakt.
func (w *Workspace) markMissing(ctx context.Context, rows []Media, s MediaScan) error {
	state := map[int64]MissingState{}
	for _, m := range s.Missing {
		state[m.ID] = MissingGone
	}
	for _, m := range s.Changed {
		state[m.ID] = MissingChanged
	}
	type change struct {
		id    int64
		state MissingState
	}
	var changes []change
	for _, m := range rows {
		if st := state[m.ID]; st != m.Missing {
			changes = append(changes, change{m.ID, st})
		}
	}
	if len(changes) == 0 {
		return nil
	}
	now := w.timestamp()
	return w.write(ctx, "mark missing media", func(tx *sql.Tx) error {
		for _, c := range changes {
			var since any
			if c.state != MissingNone {
				since = now
			}
			if _, err := tx.ExecContext(ctx, `UPDATE media SET missing = ?, missing_since = ? WHERE id = ?`, string(c.state), since, c.id); err != nil {
				return err
			}
		}
		return nil
	})
}
