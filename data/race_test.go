//go:build race

package data

// raceEnabled says the tests run under the race detector, which makes
// file-heavy tests about ten times slower; they scale down.
const raceEnabled = true
