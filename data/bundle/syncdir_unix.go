//go:build unix

package bundle

import (
	"errors"
	"os"
	"syscall"
)

// syncDir makes the names in a new folder durable: on unix a file's name
// is part of its folder, and only syncing the folder puts it on disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, errors.ErrUnsupported) {
		// CIFS and several FUSE file systems cannot sync a folder; the
		// files themselves were synced.
		err = nil
	}
	return errors.Join(err, d.Close())
}
