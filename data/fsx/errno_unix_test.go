//go:build unix

package fsx

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

func TestClassifyErrno(t *testing.T) {
	wrap := func(e syscall.Errno) error {
		return fmt.Errorf("write media: %w", &fs.PathError{Op: "write", Path: "a.jpg", Err: e})
	}
	tests := []struct {
		errno              syscall.Errno
		diskFull, permDeny bool
	}{
		{syscall.ENOSPC, true, false},
		{syscall.EDQUOT, true, false},
		{syscall.EROFS, false, true},
		{syscall.EACCES, false, true},
		{syscall.EPERM, false, true},
		{syscall.EIO, false, false},
		{syscall.ENOENT, false, false},
	}
	for _, tt := range tests {
		if got := IsDiskFull(wrap(tt.errno)); got != tt.diskFull {
			t.Errorf("IsDiskFull(%v) = %v", tt.errno, got)
		}
		if got := IsPermission(wrap(tt.errno)); got != tt.permDeny {
			t.Errorf("IsPermission(%v) = %v", tt.errno, got)
		}
	}
	// A rename error is a LinkError, not a PathError.
	if !IsDiskFull(&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.ENOSPC}) {
		t.Error("IsDiskFull(LinkError ENOSPC) = false")
	}
}
