// Package fsx keeps the workspace folder safe on disk.
//
// It holds the workspace lock (an OS lock whose file also says, in plain
// text, who has the workspace open), writes files so that a crash or a full
// disk leaves either the old or the new content but never half of it, tells
// network folders from local ones (SQLite must not use WAL on a share), and
// classifies errors so the UI can turn them into a sentence a person
// understands.
//
// The package imports only the standard library and golang.org/x/sys, never
// Fyne: the data layer and command-line tools use it without a screen.
package fsx

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Sentinel errors the UI maps to a sentence. Errors returned by this package
// wrap them, so test with errors.Is.
var (
	// ErrHeld means another program (or another Lock in this one) holds the
	// workspace lock. The concrete error is a *HeldError naming the owner.
	ErrHeld = errors.New("workspace is in use by another program")
	// ErrNotDir means a file is where a folder is expected.
	ErrNotDir = errors.New("not a folder")
	// ErrNotWritable means a folder exists but no file can be created in it.
	ErrNotWritable = errors.New("folder is not writable")
)

// IsDiskFull reports whether err means the disk or the user's quota is full
// (ENOSPC, EDQUOT; on Windows ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL and
// ERROR_DISK_QUOTA_EXCEEDED).
func IsDiskFull(err error) bool {
	return isAny(err, diskFullErrnos)
}

// IsPermission reports whether err means the user may not write there:
// fs.ErrPermission (EACCES, EPERM, ERROR_ACCESS_DENIED), a read-only file
// system (EROFS) or write-protected media (ERROR_WRITE_PROTECT).
func IsPermission(err error) bool {
	return err != nil && (errors.Is(err, fs.ErrPermission) || isAny(err, permissionErrnos))
}

func isAny(err error, targets []syscall.Errno) bool {
	if err == nil {
		return false
	}
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}

// probePattern names CheckDir's probe file. It ends in ".part" so that
// SweepParts removes it if the process dies between create and remove.
const probePattern = ".feedtakt-probe-*" + partSuffix

// CheckDir reports whether dir can serve as a folder the app writes to. It
// returns nil, or an error wrapping fs.ErrNotExist (missing), ErrNotDir (a
// file where the folder or one of its parents should be) or ErrNotWritable.
// ErrNotWritable also wraps the cause, so a full disk or a read-only share
// can still be told apart with IsDiskFull and IsPermission.
//
// Writability is probed by creating and removing a file, because mode bits
// say nothing about ACLs, read-only mounts or Windows shares.
func CheckDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case err == nil:
	case errors.Is(err, syscall.ENOTDIR):
		// "a/b" where a is a file: also a file where a folder belongs.
		return fmt.Errorf("check folder %s: %w: %w", dir, ErrNotDir, err)
	case errors.Is(err, fs.ErrNotExist) && fileAbove(dir):
		// Windows says "path not found" for the same thing.
		return fmt.Errorf("check folder %s: %w: %w", dir, ErrNotDir, err)
	case IsPermission(err):
		// A folder we may not even look into is not one we can write to.
		return fmt.Errorf("check folder %s: %w: %w", dir, ErrNotWritable, err)
	default:
		return fmt.Errorf("check folder %s: %w", dir, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("check folder %s: %w", dir, ErrNotDir)
	}
	f, err := os.CreateTemp(dir, probePattern)
	if err != nil {
		return fmt.Errorf("check folder %s: %w: %w", dir, ErrNotWritable, err)
	}
	name := f.Name()
	if err := errors.Join(f.Close(), os.Remove(name)); err != nil {
		return fmt.Errorf("check folder %s: %w: %w", dir, ErrNotWritable, err)
	}
	return nil
}

// fileAbove reports whether the nearest existing parent of path is a file.
func fileAbove(path string) bool {
	for p := filepath.Dir(path); ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err == nil {
			return !fi.IsDir()
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(p) == p {
			return false
		}
	}
}

// SyncDir makes the names in dir durable (a new file, a rename): on unix a
// name is part of its folder, and only syncing the folder puts it on disk.
// On Windows, and on file systems that cannot sync a folder, it does
// nothing.
func SyncDir(dir string) error { return syncDir(dir) }
