package fsx

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// partSuffix marks a file that is still being written. Only a completed
// file is renamed to its real name, so any *.part found at start-up is a
// leftover of a crash and can go.
const partSuffix = ".part"

// WriteFile writes data to path so that path holds either its old content
// or all of data, even after a crash or power cut: it writes path+".part",
// syncs it, renames it over path and syncs the folder. perm is used (before
// the umask) like in os.WriteFile. On any failure the .part is removed and
// the old file at path is untouched.
//
// One writer per path at a time: two concurrent writers would share the
// .part name. The workspace lock keeps other processes out; callers in the
// app serialise their own writes to the same path.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	f, err := create(path, perm)
	if err != nil {
		return err
	}
	// A failed Write is remembered and returned by Commit, which then
	// removes the .part; no need to handle it twice.
	_, _ = f.Write(data)
	return f.Commit()
}

// File is a file being written under a temporary .part name; see
// Create. It is not safe for concurrent use.
type File struct {
	f    *os.File
	path string
	// err is the first failed Write: a file with a hole in it must never be
	// committed, even if the caller forgot to check the error.
	err error
}

// Create starts writing path atomically for content that arrives in pieces
// (an import, an export). Data goes to path+".part"; readers of path keep
// seeing the old file until Commit. Call Abort in a defer: after Commit it
// does nothing.
func Create(path string) (*File, error) {
	return create(path, 0o666)
}

func create(path string, perm os.FileMode) (*File, error) {
	part := path + partSuffix
	// A leftover .part may have other permissions or be a symlink someone
	// planted; remove it, then O_EXCL makes a fresh regular file and never
	// writes through a link.
	if err := os.Remove(part); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.OpenFile(part, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return &File{f: f, path: path}, nil
}

// Write appends p to the .part file.
func (w *File) Write(p []byte) (int, error) {
	if w.f == nil {
		return 0, fmt.Errorf("write %s: %w", w.path, os.ErrClosed)
	}
	n, err := w.f.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// Commit syncs and closes the .part file, renames it over the final path
// and syncs the folder. If anything before the rename fails (including an
// earlier Write), the .part is removed, the old file stays and the error is
// returned. On Windows the rename fails while another program has the old
// file open; the old file then stays too.
func (w *File) Commit() error {
	if w.f == nil {
		return fmt.Errorf("commit %s: %w", w.path, os.ErrClosed)
	}
	f := w.f
	w.f = nil
	part := f.Name()
	err := w.err
	if err == nil {
		// Without this the rename can reach the disk before the data, and a
		// power cut leaves an empty or zero-filled file under the real name.
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr // some file systems (NFS) report write errors on close
	}
	if err == nil {
		err = os.Rename(part, w.path)
	}
	if err != nil {
		os.Remove(part)
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	if err := syncDir(filepath.Dir(w.path)); err != nil {
		return fmt.Errorf("write %s: new content is in place but may not survive a power cut: %w", w.path, err)
	}
	return nil
}

// Abort closes and removes the .part file and leaves the old file as it
// was. It does nothing after Commit or a previous Abort.
func (w *File) Abort() {
	if w.f == nil {
		return
	}
	f := w.f
	w.f = nil
	f.Close()
	os.Remove(f.Name())
}

// SweepParts removes the *.part files left below dir by writes that a crash
// interrupted and returns their paths. Call it at start-up while holding the
// workspace lock and before anything writes, or it would remove the .part of
// a write in progress.
//
// Symlinks below dir are neither followed nor removed: a link could lead out
// of the workspace, and the app never makes links. dir itself is followed if
// it is one, because that is the folder the user chose. Errors on single
// entries do not stop the sweep; they are joined and returned with the list.
func SweepParts(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("sweep %s: %w", dir, err)
	}
	var removed []string
	var errs []error
	visit := func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable folder is skipped, not fatal.
			errs = append(errs, err)
			return nil
		}
		// Type is from Lstat: a symlink is never IsRegular, and WalkDir
		// does not descend into a symlink to a folder.
		if !d.Type().IsRegular() || !IsLeftover(d.Name()) {
			return nil
		}
		if err := os.Remove(p); err != nil {
			errs = append(errs, err)
			return nil
		}
		removed = append(removed, p)
		return nil
	}
	for _, e := range entries {
		// WalkDir's return is always nil here: visit never returns an error.
		_ = filepath.WalkDir(filepath.Join(dir, e.Name()), visit)
	}
	if err := errors.Join(errs...); err != nil {
		return removed, fmt.Errorf("sweep %s: %w", dir, err)
	}
	return removed, nil
}

// IsLeftover reports whether name is a .part file or the journal SQLite
// keeps next to one (a backup written with VACUUM INTO x.part and killed
// leaves x.part-journal, which nothing else would ever remove).
func IsLeftover(name string) bool {
	for _, suffix := range []string{partSuffix, partSuffix + "-journal", partSuffix + "-wal", partSuffix + "-shm"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}
