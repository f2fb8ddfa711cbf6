package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"feedtakt/data/fsx"
)

// RelinkResult is what Relink did.
type RelinkResult struct {
	// Found are the items whose content was found and put back into
	// media/; Source says from where.
	Found []RelinkFound
	// NotFound are the missing items whose content is not in the folder.
	NotFound []Media
	// Files is how many files of the folder were looked at.
	Files int
}

// RelinkFound is an item restored by Relink and the file it was copied
// from.
type RelinkFound struct {
	Media  Media
	Source string
}

// RelinkProgress is called by Relink after each file of the folder, with
// the files looked at so far and the file's path. The total is not known
// in advance (the folder is read once).
type RelinkProgress func(files int, current string)

// Relink ("Neu verknüpfen …") searches folder and its sub-folders for the
// content of the items marked missing (gone or changed): a file of the
// same size is hashed, and one with the same hash is copied into media/
// through the staging folder (the folder's own file stays where it is).
// A changed file in media/ is first moved to the Papierkorb. The items'
// marks are cleared, with one change-log line for all. Symbolic links and
// junctions to folders are followed once each, so a link loop ends;
// unreadable sub-folders are passed over. ctx stops it between files;
// what was found until then is kept.
func (w *Workspace) Relink(ctx context.Context, folder string, progress RelinkProgress) (RelinkResult, error) {
	if w.readOnly {
		return RelinkResult{}, fmt.Errorf("relink media: %w", ErrReadOnly)
	}
	if progress == nil {
		progress = func(int, string) {}
	}
	missing, err := w.missingMedia(ctx)
	if err != nil {
		return RelinkResult{}, err
	}
	r := &relinker{w: w, missing: missing, bySize: map[int64][]int{}, found: make([]bool, len(missing)), left: len(missing), progress: progress}
	for i, m := range missing {
		r.bySize[m.Size] = append(r.bySize[m.Size], i)
	}
	if r.left > 0 {
		err = walkFollowingLinks(ctx, folder, func(p string, size int64) error { return r.visit(ctx, p, size) })
	}
	for i, m := range missing {
		if !r.found[i] {
			r.res.NotFound = append(r.res.NotFound, m)
		}
	}
	if len(r.res.Found) > 0 {
		if lerr := w.clearMissing(context.WithoutCancel(ctx), r.res.Found); lerr != nil {
			return r.res, errors.Join(err, lerr)
		}
	}
	return r.res, err
}

// relinker is the state of one Relink.
type relinker struct {
	w        *Workspace
	missing  []Media
	bySize   map[int64][]int // size → indexes into missing
	found    []bool
	left     int
	progress RelinkProgress
	res      RelinkResult
}

// visit looks at one file of the folder: only a file with the size of a
// missing item is hashed, and only once.
func (r *relinker) visit(ctx context.Context, p string, size int64) error {
	r.res.Files++
	r.progress(r.res.Files, p)
	candidates := slices.DeleteFunc(slices.Clone(r.bySize[size]), func(i int) bool { return r.found[i] })
	if len(candidates) == 0 {
		return nil
	}
	h, _, err := hashFile(ctx, p)
	if err != nil {
		return ctx.Err() // unreadable: not this one, unless cancelled
	}
	for _, i := range candidates {
		if r.missing[i].Hash != h {
			continue
		}
		ok, err := r.w.restoreFrom(ctx, r.missing[i], p)
		if err != nil {
			return err
		}
		if ok {
			r.found[i] = true
			r.left--
			r.res.Found = append(r.res.Found, RelinkFound{Media: r.missing[i], Source: p})
		}
	}
	if r.left == 0 {
		return filepath.SkipAll
	}
	return nil
}

// missingMedia reads the items marked missing.
func (w *Workspace) missingMedia(ctx context.Context) ([]Media, error) {
	rows, err := w.reader().QueryContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE missing <> '' ORDER BY id`)
	if err != nil {
		return nil, w.fault("read missing media", err)
	}
	defer rows.Close()
	var out []Media
	for rows.Next() {
		m, err := scanMedia(rows)
		if err != nil {
			return nil, w.fault("read missing media", err)
		}
		out = append(out, m)
	}
	return out, w.fault("read missing media", rows.Err())
}

// restoreFrom copies src (whose content has m's hash) into m's place
// through the staging folder, checking the hash again while copying; ok
// is false when src turned out not to hold it after all.
func (w *Workspace) restoreFrom(ctx context.Context, m Media, src string) (ok bool, err error) {
	release, err := hashLocks.lock(ctx, hashKey{w: w, hash: m.Hash})
	if err != nil {
		return false, err
	}
	defer release()
	part, err := w.stageVerified(ctx, m, src)
	if part == "" || err != nil {
		return false, err
	}
	defer os.Remove(part) // still there unless renamed
	full := w.path(filepath.FromSlash(m.Path))
	if st, err := os.Lstat(full); err == nil {
		if st.Mode().IsRegular() {
			if h, _, err := hashFile(ctx, full); err == nil && h == m.Hash {
				return true, nil // put back meanwhile
			}
		}
		// A changed file: kept in the Papierkorb, not overwritten.
		if _, err := w.trashStray(full); err != nil {
			return false, err
		}
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return false, w.fault("relink media", err)
	}
	if err := fsx.Rename(part, full); err != nil {
		return false, w.fault("relink media", err)
	}
	return true, nil
}

// stageVerified copies src into the staging folder and syncs it; part is
// "" when src cannot be read or does not hold m's content.
func (w *Workspace) stageVerified(ctx context.Context, m Media, src string) (part string, err error) {
	staging := w.path(filepath.Join(MediaDir, stagingName))
	if err := os.MkdirAll(staging, 0o755); err != nil {
		return "", w.fault("relink media", err)
	}
	f, err := os.Open(src)
	if err != nil {
		return "", nil // gone since it was hashed
	}
	part, hash, _, readErr, err := stageCopy(ctx, staging, f)
	f.Close()
	if err != nil {
		return "", w.fault("relink media", err)
	}
	if readErr != nil || hash != m.Hash {
		os.Remove(part)
		return "", nil
	}
	if err := syncFile(part); err != nil {
		os.Remove(part)
		return "", w.fault("relink media", err)
	}
	// The scan compares modification times with the import time; the
	// copy keeps the item's so it is not read again at every scan.
	if !m.Created.IsZero() {
		os.Chtimes(part, m.Created, m.Created)
	}
	return part, nil
}

// clearMissing removes the missing marks of the items Relink put back and
// logs one line.
func (w *Workspace) clearMissing(ctx context.Context, found []RelinkFound) error {
	return w.write(ctx, "relink media", func(tx *sql.Tx) error {
		for _, f := range found {
			if _, err := tx.ExecContext(ctx, `UPDATE media SET missing = '', missing_since = NULL WHERE id = ?`, f.Media.ID); err != nil {
				return err
			}
		}
		summary := fmt.Sprintf("%d fehlende Dateien neu verknüpft", len(found))
		var id int64
		if len(found) == 1 {
			id = found[0].Media.ID
			summary = fmt.Sprintf("Fehlende Datei „%s“ neu verknüpft", Ellipsis(displayName(found[0].Media), 80))
		}
		return w.logChange(ctx, tx, "update", "media", id, summary)
	})
}

// walkFollowingLinks calls visit for every regular file below root,
// following links to folders. Each real folder is read once (a link loop,
// or two links to one folder, end there); a folder that cannot be read is
// passed over. visit may return filepath.SkipAll to stop.
func walkFollowingLinks(ctx context.Context, root string, visit func(path string, size int64) error) error {
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("relink media: %w", err)
	}
	wk := &linkWalker{ctx: ctx, visit: visit, seen: map[string]bool{}}
	err = wk.walk(real, root)
	if errors.Is(err, filepath.SkipAll) {
		return nil
	}
	return err
}

type linkWalker struct {
	ctx   context.Context
	visit func(path string, size int64) error
	seen  map[string]bool // real folders read
}

// walk reads the real folder dir, shown to visit as shown.
func (wk *linkWalker) walk(dir, shown string) error {
	if wk.seen[dir] {
		return nil
	}
	wk.seen[dir] = true
	es, err := os.ReadDir(dir)
	if err != nil {
		return nil // unreadable: passed over
	}
	for _, e := range es {
		if err := wk.ctx.Err(); err != nil {
			return err
		}
		if err := wk.entry(dir, shown, e); err != nil {
			return err
		}
	}
	return nil
}

// entry handles one folder entry: a folder is walked, a file visited, a
// link resolved first.
func (wk *linkWalker) entry(dir, shown string, e fs.DirEntry) error {
	p, sp := filepath.Join(dir, e.Name()), filepath.Join(shown, e.Name())
	// Windows reports a junction as irregular; EvalSymlinks resolves it
	// like a link.
	if e.Type()&(fs.ModeSymlink|fs.ModeIrregular) != 0 {
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			return nil // dangling
		}
		st, err := os.Stat(target)
		switch {
		case err != nil:
			return nil
		case st.IsDir():
			return wk.walk(target, sp)
		case st.Mode().IsRegular():
			return wk.visit(sp, st.Size())
		}
		return nil
	}
	switch {
	case e.IsDir():
		return wk.walk(p, sp)
	case e.Type().IsRegular():
		info, err := e.Info()
		if err != nil {
			return nil
		}
		return wk.visit(sp, info.Size())
	}
	return nil
}
