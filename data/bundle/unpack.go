package bundle

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"feedtakt/data"
	"feedtakt/data/fsx"
)

// Verify checks a whole bundle without writing anything: that it is a
// Feedtakt bundle of a version this program reads, that every entry name
// is safe on Windows and every size within bounds, and that every byte
// matches the manifest's hashes. It returns the manifest.
func Verify(ctx context.Context, path string, progress func(done, total int64)) (Manifest, error) {
	o, err := openBundle(path)
	if err != nil {
		return Manifest{}, err
	}
	defer o.Close()
	if err := o.check(ctx); err != nil {
		return Manifest{}, fmt.Errorf("check bundle %s: %w", path, err)
	}
	total := o.manifest.Payload()
	done := int64(0)
	if err := o.hashAll(ctx, func(n int64) {
		done += n
		if progress != nil {
			progress(done, total)
		}
	}); err != nil {
		return Manifest{}, fmt.Errorf("check bundle %s: %w", path, err)
	}
	return o.manifest, nil
}

// markerName is the file that makes a .part folder recognisably ours: a
// leftover .part folder with it (from a killed attempt) is removed before
// the next attempt, one without it is somebody's folder and left alone. It
// ends in .part, so should it survive into the workspace the sweep at open
// removes it.
const markerName = ".feedtakt-unbundle.part"

// systemFiles are what Explorer or Finder put into a folder; a folder
// holding only these counts as empty.
var systemFiles = []string{"desktop.ini", "thumbs.db", ".ds_store"}

// Unpack checks the whole bundle at path (as Verify does) and only then
// unpacks it into a new workspace folder dir, which must not exist or be
// empty. It writes into dir+".part" (a sibling), syncs, reads every file
// back, opens the database read-only for its integrity check and finally
// renames the folder to dir: all or nothing. A .part folder left by an
// attempt that was killed is removed first. progress (may be nil) is told
// the bytes done of the total of the three passes (check, unpack, read
// back).
func Unpack(ctx context.Context, path, dir string, progress func(done, total int64)) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("unpack into %s: %w", dir, err)
	}
	if err := targetFree(dir); err != nil {
		return err
	}
	part := dir + ".part"
	if err := removeLeftover(part); err != nil {
		return err
	}
	o, err := openBundle(path)
	if err != nil {
		return err
	}
	defer o.Close()
	if err := o.check(ctx); err != nil {
		return fmt.Errorf("check bundle %s: %w", path, err)
	}
	total := 3 * o.manifest.Payload()
	done := int64(0)
	advance := func(n int64) {
		done += n
		if progress != nil {
			progress(done, total)
		}
	}
	if err := o.hashAll(ctx, advance); err != nil {
		return fmt.Errorf("check bundle %s: %w", path, err)
	}
	// The target's parent is made only now: a refused bundle leaves no
	// trace at all.
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("unpack into %s: %w", dir, err)
	}
	if err := o.unpackInto(ctx, part, advance); err != nil {
		os.RemoveAll(part)
		return fmt.Errorf("unpack %s into %s: %w", path, dir, err)
	}
	if err := finish(ctx, part, dir); err != nil {
		os.RemoveAll(part)
		return fmt.Errorf("unpack %s into %s: %w", path, dir, err)
	}
	return nil
}

// targetFree accepts a missing folder or an empty one.
func targetFree(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
			return fmt.Errorf("unpack into %s: %w", dir, fsx.ErrNotDir)
		}
		return fmt.Errorf("unpack into %s: %w", dir, err)
	}
	for _, e := range entries {
		if !slices.Contains(systemFiles, strings.ToLower(e.Name())) {
			return fmt.Errorf("unpack into %s: %w", dir, ErrTargetNotEmpty)
		}
	}
	return nil
}

// removeLeftover removes a .part folder of an earlier, killed attempt. A
// .part that is not ours (no marker, a file, a link) is refused rather
// than deleted.
func removeLeftover(part string) error {
	st, err := os.Lstat(part)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("unpack into %s: %w", part, err)
	}
	if st.IsDir() {
		if _, err := os.Lstat(filepath.Join(part, markerName)); err == nil {
			if err := os.RemoveAll(part); err != nil {
				return fmt.Errorf("remove the unfinished %s: %w", part, err)
			}
			return nil
		}
		if os.Remove(part) == nil { // empty
			return nil
		}
	}
	return fmt.Errorf("unpack into %s: %s is in the way: %w", strings.TrimSuffix(part, ".part"), part, ErrTargetNotEmpty)
}

// unpackInto writes every payload entry below part, hashing again as it
// goes (the bundle may have changed since it was checked), syncs files and
// folders, then reads every file back from the disk.
func (o *opened) unpackInto(ctx context.Context, part string, advance func(int64)) error {
	if err := os.Mkdir(part, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(part, markerName), []byte("feedtakt unbundle\n"), 0o644); err != nil {
		return err
	}
	dirs := map[string]bool{part: true}
	for _, f := range o.payload {
		e := o.want[f.Name]
		dest := filepath.Join(part, filepath.FromSlash(f.Name))
		if !strings.HasPrefix(dest, part+string(filepath.Separator)) {
			return unsafeEntry(f.Name, "outside the target") // checkName makes this impossible
		}
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			return err
		}
		for d := filepath.Dir(dest); d != part && !dirs[d]; d = filepath.Dir(d) {
			dirs[d] = true
		}
		if err := o.unpackFile(ctx, f, dest, e, advance); err != nil {
			return err
		}
	}
	for d := range dirs {
		if err := fsx.SyncDir(d); err != nil {
			return err
		}
	}
	return o.readBack(ctx, part, advance)
}

// unpackFile writes one entry to dest, a new file (never through an
// existing one or a link).
func (o *opened) unpackFile(ctx context.Context, f *zip.File, dest string, e Entry, advance func(int64)) error {
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	err = o.checkEntry(ctx, f, e, out, advance)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// readBack hashes every unpacked file again from the disk.
func (o *opened) readBack(ctx context.Context, part string, advance func(int64)) error {
	for _, e := range o.manifest.Entries {
		if err := readBackFile(ctx, filepath.Join(part, filepath.FromSlash(e.Path)), e, o.buf, advance); err != nil {
			return err
		}
	}
	return nil
}

// readBackFile hashes one file from the disk and compares it with e.
func readBackFile(ctx context.Context, file string, e Entry, buf []byte, advance func(int64)) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	dropCache(f)
	h := sha256.New()
	n, err := copyChunks(ctx, h, io.LimitReader(f, e.Size+1), buf, advance)
	switch {
	case err != nil:
		return err
	case n != e.Size || hex.EncodeToString(h.Sum(nil)) != e.SHA256:
		return fmt.Errorf("%s: %w", e.Path, ErrReadBack)
	}
	return nil
}

// finish checks the unpacked database with the data package (read-only:
// integrity, application, version), then renames the .part folder to dir.
func finish(ctx context.Context, part, dir string) error {
	if err := checkUnpacked(ctx, part); err != nil {
		return err
	}
	// An empty target folder (made in the folder dialog) gives way to the
	// finished one; Windows cannot rename over a folder.
	for _, name := range systemFiles {
		removeFold(dir, name)
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: %w", ErrTargetNotEmpty, err)
	}
	if err := fsx.Rename(part, dir); err != nil {
		return err
	}
	// From here the workspace is complete; the marker is a harmless
	// leftover the next open sweeps if removing it fails.
	os.Remove(filepath.Join(dir, markerName))
	return nil
}

// checkUnpacked opens the unpacked database read-only and requires a
// healthy Feedtakt database this program can read.
func checkUnpacked(ctx context.Context, part string) error {
	ws, err := data.Open(ctx, part, data.Options{ReadOnly: true})
	if err != nil {
		if errors.Is(err, data.ErrNewerVersion) {
			return fmt.Errorf("%w: %w", ErrBundleNewer, err)
		}
		return &EntryError{Entry: data.DBName, Reason: err.Error(), Err: ErrBundleDamaged}
	}
	h, err := ws.Inspect(ctx)
	ws.Close()
	if err != nil {
		return err
	}
	if h.Integrity != "ok" {
		return damagedEntry(data.DBName, h.Integrity)
	}
	return ctx.Err()
}

// removeFold removes the file in dir whose name equals name without case.
func removeFold(dir, name string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.EqualFold(e.Name(), name) && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
