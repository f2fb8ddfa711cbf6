package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

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
	var res RelinkResult
	if w.readOnly {
		return res, fmt.Errorf("relink media: %w", ErrReadOnly)
	}
	if progress == nil {
		progress = func(int, string) {}
	}
	missing, err := w.missingMedia(ctx)
	if err != nil {
		return res, err
	}
	bySize := map[int64][]int{}
	for i, m := range missing {
		bySize[m.Size] = append(bySize[m.Size], i)
	}
	found := make([]bool, len(missing))
	left := len(missing)
	visit := func(p string, size int64) error {
		res.Files++
		progress(res.Files, p)
		for _, i := range bySize[size] {
			if found[i] {
				continue
			}
			h, _, err := hashFile(ctx, p)
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				return nil // unreadable: not this one
			}
			for _, j := range bySize[size] {
				if found[j] || missing[j].Hash != h {
					continue
				}
				if err := w.restoreFrom(ctx, missing[j], p); err != nil {
					return err
				}
				found[j] = true
				left--
				res.Found = append(res.Found, RelinkFound{Media: missing[j], Source: p})
			}
			break
		}
		if left == 0 {
			return filepath.SkipAll
		}
		return nil
	}
	if left > 0 {
		err = walkFollowingLinks(ctx, folder, visit)
	}
	for i, m := range missing {
		if !found[i] {
			res.NotFound = append(res.NotFound, m)
		}
	}
	if len(res.Found) > 0 {
		if lerr := w.clearMissing(context.WithoutCancel(ctx), res.Found); lerr != nil {
			return res, errors.Join(err, lerr)
		}
	}
	return res, err
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
// through the staging folder, checking the hash again while copying.
func (w *Workspace) restoreFrom(ctx context.Context, m Media, src string) error {
	release, err := hashLocks.lock(ctx, hashKey{w: w, hash: m.Hash})
	if err != nil {
		return err
	}
	defer release()
	staging := w.path(filepath.Join(MediaDir, stagingName))
	if err := os.MkdirAll(staging, 0o755); err != nil {
		return w.fault("relink media", err)
	}
	f, err := os.Open(src)
	if err != nil {
		return nil // gone since it was hashed: not found after all
	}
	part, hash, _, readErr, err := stageCopy(ctx, staging, f)
	f.Close()
	if err != nil {
		return w.fault("relink media", err)
	}
	if readErr != nil || hash != m.Hash {
		os.Remove(part)
		return nil
	}
	defer os.Remove(part) // still there unless renamed
	if err := syncFile(part); err != nil {
		return w.fault("relink media", err)
	}
	// The scan compares modification times with the import time; the
	// copy keeps the item's so it is not read again at every scan.
	if !m.Created.IsZero() {
		os.Chtimes(part, m.Created, m.Created)
	}
	full := w.path(filepath.FromSlash(m.Path))
	if st, err := os.Lstat(full); err == nil {
		if st.Mode().IsRegular() {
			if h, _, err := hashFile(ctx, full); err == nil && h == m.Hash {
				return nil // put back meanwhile
			}
		}
		// A changed file: kept in the Papierkorb, not overwritten.
		if _, err := w.trashStray(full); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return w.fault("relink media", err)
	}
	if err := fsx.Rename(part, full); err != nil {
		return w.fault("relink media", err)
	}
	return nil
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
	seen := map[string]bool{}
	var walk func(dir, shown string) error
	walk = func(dir, shown string) error {
		if seen[dir] {
			return nil
		}
		seen[dir] = true
		es, err := os.ReadDir(dir)
		if err != nil {
			return nil // unreadable: passed over
		}
		for _, e := range es {
			if err := ctx.Err(); err != nil {
				return err
			}
			p, sp := filepath.Join(dir, e.Name()), filepath.Join(shown, e.Name())
			typ := e.Type()
			// Windows reports a junction as irregular; EvalSymlinks
			// resolves it like a link.
			if typ&(fs.ModeSymlink|fs.ModeIrregular) != 0 {
				target, err := filepath.EvalSymlinks(p)
				if err != nil {
					continue // dangling
				}
				st, err := os.Stat(target)
				if err != nil {
					continue
				}
				if st.IsDir() {
					p, typ = target, fs.ModeDir
				} else if st.Mode().IsRegular() {
					if err := visit(sp, st.Size()); err != nil {
						return err
					}
					continue
				} else {
					continue
				}
			}
			switch {
			case typ.IsDir():
				if err := walk(p, sp); err != nil {
					return err
				}
			case typ.IsRegular():
				info, err := e.Info()
				if err != nil {
					continue
				}
				if err := visit(sp, info.Size()); err != nil {
					return err
				}
			}
		}
		return nil
	}
	err = walk(real, root)
	if errors.Is(err, filepath.SkipAll) {
		return nil
	}
	return err
}
