//go:build !race

package caption

// raceFactor: timing bounds hold as they are without the race detector.
const raceFactor = 1
