package fsx

import (
	"syscall"

	"golang.org/x/sys/windows"
)

var (
	diskFullErrnos = []syscall.Errno{
		windows.ERROR_DISK_FULL,
		windows.ERROR_HANDLE_DISK_FULL,
		windows.ERROR_DISK_QUOTA_EXCEEDED, // the EDQUOT of Windows
	}
	permissionErrnos = []syscall.Errno{
		windows.ERROR_ACCESS_DENIED,
		windows.ERROR_WRITE_PROTECT, // read-only USB stick or SD card
	}
)
