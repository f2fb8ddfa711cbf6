package fsx

import (
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"golang.org/x/sys/windows"
)

func TestClassifyErrno(t *testing.T) {
	wrap := func(e syscall.Errno) error {
		return fmt.Errorf("write media: %w", &fs.PathError{Op: "write", Path: "a.jpg", Err: e})
	}
	tests := []struct {
		errno              syscall.Errno
		diskFull, permDeny bool
	}{
		{windows.ERROR_DISK_FULL, true, false},
		{windows.ERROR_HANDLE_DISK_FULL, true, false},
		{windows.ERROR_DISK_QUOTA_EXCEEDED, true, false},
		{windows.ERROR_ACCESS_DENIED, false, true},
		{windows.ERROR_WRITE_PROTECT, false, true},
		{windows.ERROR_SHARING_VIOLATION, false, false},
		{windows.ERROR_FILE_NOT_FOUND, false, false},
	}
	for _, tt := range tests {
		if got := IsDiskFull(wrap(tt.errno)); got != tt.diskFull {
			t.Errorf("IsDiskFull(%v) = %v", tt.errno, got)
		}
		if got := IsPermission(wrap(tt.errno)); got != tt.permDeny {
			t.Errorf("IsPermission(%v) = %v", tt.errno, got)
		}
	}
}
