//go:build unix

package thumbs

import (
	"syscall"
	"time"
)

// cpuTime is this process's user plus system CPU time so far: on a shared
// machine, CPU time per file is the figure that other load does not skew.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
