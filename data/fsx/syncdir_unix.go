//go:build unix

package fsx

import (
	"errors"
	"os"
	"syscall"
)

// syncDir makes a rename in dir durable: on unix a rename is a change to the
// folder, and only syncing the folder puts it on disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, errors.ErrUnsupported) {
		// Some file systems (CIFS, several FUSE ones) cannot sync a folder
		// at all; there is nothing more to do there, and the file data
		// itself was synced.
		err = nil
	}
	return errors.Join(err, d.Close())
}
