//go:build unix

package fsx

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

func lockFile(f *os.File) error {
	return control(f, func(fd uintptr) error {
		for {
			err := unix.Flock(int(fd), unix.LOCK_EX|unix.LOCK_NB)
			switch {
			case err == nil:
				return nil
			case errors.Is(err, unix.EINTR):
				continue
			case errors.Is(err, unix.EWOULDBLOCK):
				return errWouldBlock
			default:
				return os.NewSyscallError("flock", err)
			}
		}
	})
}

func unlockFile(f *os.File) error {
	return control(f, func(fd uintptr) error {
		return os.NewSyscallError("flock", unix.Flock(int(fd), unix.LOCK_UN))
	})
}
