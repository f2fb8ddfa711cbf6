package data

import (
	"context"
	"database/sql"
	"errors"
	"feedtakt/data/fsx"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// sweepAtOpen removes what writes interrupted by a crash left behind. It
// replaces a walk of the whole folder, which with 20,000 originals on a
// network share took longer than the rest of opening: a *.part appears
// only next to the database, in backups/ and thumbs/ (fsx.WriteFile and
// VACUUM INTO write beside their target), in the Papierkorb's day folders
// and in the media staging folder, so only those are read. Media files
// without a row that no intent explains (a power cut, a version before
// staging) are the full scan's business (ScanMedia).
//
// Call it while holding the workspace lock and before anything writes.
func (w *Workspace) sweepAtOpen(ctx context.Context) error {
	var errs []error
	for _, dir := range []string{w.dir, w.path(BackupsDir), w.path(ThumbsDir), w.path(UploadDir)} {
		errs = append(errs, sweepPartsIn(dir))
	}
	days, err := trashDays(w.path(TrashDir))
	errs = append(errs, err)
	for _, d := range days {
		errs = append(errs, sweepPartsIn(filepath.Join(w.path(TrashDir), d)))
	}
	errs = append(errs, w.sweepMediaStaging(ctx))
	return errors.Join(errs...)
}

// sweepPartsIn removes the *.part files (and the journals SQLite keeps next
// to one) directly in dir, not below it.
// Symlinks are left alone, as fsx.SweepParts does.
func sweepPartsIn(dir string) error {
	es, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("sweep %s: %w", dir, err)
	}
	var errs []error
	for _, e := range es {
		if e.Type().IsRegular() && fsx.IsLeftover(e.Name()) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// sweepMediaStaging finishes what an import left in media/.staging when the
// process died: a *.part is a copy that never completed and goes; an
// *.intent lists files renamed into media/ whose rows may not have been
// committed. A listed file whose row exists was committed and stays; one
// without a row goes, so an import that did not commit did not happen (the
// person imports it again; nothing else refers to it). It reads only the
// staging folder and, for each listed file, one row.
func (w *Workspace) sweepMediaStaging(ctx context.Context) error {
	dir := w.path(filepath.Join(MediaDir, stagingName))
	es, err := stagingEntries(dir)
	if err != nil {
		return fmt.Errorf("sweep %s: %w", dir, err)
	}
	var errs []error
	for _, e := range es {
		p := filepath.Join(dir, e.Name())
		switch {
		case !e.Type().IsRegular():
			continue
		case strings.HasSuffix(e.Name(), intentSuffix):
			if err := w.undoIntent(ctx, p); err != nil {
				errs = append(errs, err)
				continue
			}
		case !strings.HasSuffix(e.Name(), partSuffix):
			continue
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// undoIntent removes the files an intent lists that have no row. A line
// that does not name a stored media path of its own hash is ignored: the
// sweep never removes anything outside media/<hh>/.
func (w *Workspace) undoIntent(ctx context.Context, intent string) error {
	entries, err := readIntent(intent)
	if err != nil {
		return fmt.Errorf("sweep %s: %w", intent, err)
	}
	for _, e := range entries {
		hash, rel := e[0], e[1]
		if path.Clean(rel) != rel || path.Dir(rel) != path.Join(MediaDir, hash[:2]) || !strings.HasPrefix(path.Base(rel), hash) {
			continue
		}
		var one int
		err := w.db.QueryRowContext(ctx, `SELECT 1 FROM media WHERE hash = ?`, hash).Scan(&one)
		if err == nil {
			continue
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("sweep %s: %w", intent, err)
		}
		if err := os.Remove(w.path(filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("sweep %s: %w", intent, err)
		}
	}
	return nil
}
