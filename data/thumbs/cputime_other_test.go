//go:build !unix

package thumbs

import "time"

// cpuTime is not measured here; the comparison then shows 0.
func cpuTime() time.Duration { return 0 }
