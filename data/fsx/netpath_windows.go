package fsx

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// IsNetworkPath reports whether path is on a network share, where SQLite
// must not use WAL: WAL needs shared memory between all users of the
// database, which only works on one host. UNC paths are shares; a drive
// letter is one if Windows reports it as DRIVE_REMOTE (a mapped network
// drive such as H: for a home folder).
func IsNetworkPath(path string) bool {
	if IsUNC(path) {
		return true
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	if IsUNC(abs) {
		return true // a relative path while the working folder is a share
	}
	// Drop the \\?\ or \\.\ prefix of a long drive path (\\?\C:\...).
	for _, prefix := range []string{`\\?\`, `\\.\`} {
		if len(abs) >= len(prefix) && strings.EqualFold(abs[:len(prefix)], prefix) {
			abs = abs[len(prefix):]
			break
		}
	}
	if len(abs) < 2 || abs[1] != ':' {
		return false
	}
	root, err := windows.UTF16PtrFromString(abs[:2] + `\`)
	if err != nil {
		return false
	}
	return windows.GetDriveType(root) == windows.DRIVE_REMOTE
}
