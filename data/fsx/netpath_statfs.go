//go:build linux || darwin || freebsd

package fsx

import (
	"errors"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// statfsNearest fills st for path or, if path does not exist yet (a
// workspace about to be created), for its nearest existing parent, which is
// where the new folder will live.
func statfsNearest(path string, st *unix.Statfs_t) error {
	p, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	for {
		err := unix.Statfs(p, st)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, unix.EINTR):
			continue // a slow network mount can be interrupted
		case !errors.Is(err, unix.ENOENT):
			return err
		}
		parent := filepath.Dir(p)
		if parent == p {
			return err
		}
		p = parent
	}
}
