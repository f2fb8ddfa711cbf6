package bundle

import (
	"os"

	"golang.org/x/sys/unix"
)

// dropCache asks Linux to forget the file's cached pages, so that reading
// it back after writing reads the disk (or stick) rather than memory. The
// pages are clean after fsync; a failure only means a faster, weaker check.
func dropCache(f *os.File) {
	_ = unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED)
}
