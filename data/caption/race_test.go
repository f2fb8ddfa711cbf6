//go:build race

package caption

// raceFactor: the race detector slows the code about tenfold.
const raceFactor = 10
