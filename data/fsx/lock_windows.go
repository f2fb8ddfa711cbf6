package fsx

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockOffset is where the locked byte lies: far beyond any owner text.
// Windows byte-range locks are mandatory, so locking the text itself would
// make ReadFile fail for everyone who wants to show who holds the lock.
// Locking past the end of a file is allowed and costs no disk space.
const lockOffset = 1 << 40

func lockRange() *windows.Overlapped {
	return &windows.Overlapped{
		Offset:     lockOffset & 0xFFFFFFFF,
		OffsetHigh: lockOffset >> 32,
	}
}

func lockFile(f *os.File) error {
	return control(f, func(fd uintptr) error {
		const flags = windows.LOCKFILE_EXCLUSIVE_LOCK | windows.LOCKFILE_FAIL_IMMEDIATELY
		err := windows.LockFileEx(windows.Handle(fd), flags, 0, 1, 0, lockRange())
		switch {
		case err == nil:
			return nil
		case errors.Is(err, windows.ERROR_LOCK_VIOLATION):
			return errWouldBlock
		default:
			return os.NewSyscallError("LockFileEx", err)
		}
	})
}

func unlockFile(f *os.File) error {
	return control(f, func(fd uintptr) error {
		return os.NewSyscallError("UnlockFileEx",
			windows.UnlockFileEx(windows.Handle(fd), 0, 1, 0, lockRange()))
	})
}
