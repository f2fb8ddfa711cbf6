package fsx

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Probe reports whether another process holds the lock at path, and the
// owner text if so, without creating or writing the file: "feedtakt check"
// must leave a healthy workspace exactly as it found it. The lock is taken
// for an instant through a read-only handle and given back at once.
func Probe(path string) (held bool, owner Owner) {
	f, err := os.Open(path)
	if err != nil {
		return false, Owner{}
	}
	defer f.Close()
	if err := lockFile(f); err != nil {
		if errors.Is(err, errWouldBlock) {
			o, _ := readOwnerFrom(f)
			return true, o
		}
		return false, Owner{}
	}
	unlockFile(f)
	return false, Owner{}
}

// Rename moves a finished file into place and syncs the folder, so the new
// name survives a power cut (the last step of a .part → final write).
func Rename(from, to string) error {
	if err := os.Rename(from, to); err != nil {
		return err
	}
	if err := syncDir(filepath.Dir(to)); err != nil {
		return fmt.Errorf("sync folder of %s: %w", to, err)
	}
	return nil
}
