//go:build darwin || freebsd

package fsx

import "golang.org/x/sys/unix"

// IsNetworkPath reports whether path (or its nearest existing parent) lies
// on a network file system, where SQLite must not use WAL: WAL needs shared
// memory between all users of the database, which only works on one host.
// The BSDs mark every local mount with MNT_LOCAL, so no list of network
// file system types is needed. A path it cannot examine is reported as
// local.
func IsNetworkPath(path string) bool {
	var st unix.Statfs_t
	if err := statfsNearest(path, &st); err != nil {
		return false
	}
	return st.Flags&unix.MNT_LOCAL == 0
}
