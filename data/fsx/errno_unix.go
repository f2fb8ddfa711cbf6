//go:build unix

package fsx

import "syscall"

var (
	diskFullErrnos = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT}
	// EACCES and EPERM already match fs.ErrPermission; they are listed so
	// the intent does not depend on that mapping.
	permissionErrnos = []syscall.Errno{syscall.EROFS, syscall.EACCES, syscall.EPERM}
)
