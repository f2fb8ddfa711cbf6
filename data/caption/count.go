package caption

import "github.com/rivo/uniseg"

// Units a count is in, for the counter's label.
const (
	UnitWeighted  = "weighted"  // X: twitter-text's weighted length
	UnitGraphemes = "graphemes" // what a person sees as one character
)

// Counted is a text counted by one platform's rule, with its limits.
type Counted struct {
	Unit         string
	N            int // by the platform's rule
	Limit        int // 0 = none known
	Bytes        int // UTF-8 bytes, where the platform has a byte limit
	ByteLimit    int
	Hashtags     int
	HashtagLimit int
}

// Over reports whether any limit is exceeded.
func (c Counted) Over() bool {
	return (c.Limit > 0 && c.N > c.Limit) || (c.ByteLimit > 0 && c.Bytes > c.ByteLimit) ||
		(c.HashtagLimit > 0 && c.Hashtags > c.HashtagLimit)
}

// Count counts text the way platform does (X: twitter-text v3 weights,
// URLs 23, emoji 2, NFC first; Mastodon: graphemes, URLs 23; Bluesky:
// graphemes and bytes; Threads: graphemes, emoji by their UTF-8 bytes;
// the rest: graphemes) against l; photoOnly picks Limits.Photo.
func Count(platform, text string, l Limits, photoOnly bool) Counted {
	// TODO(helper A): the platforms' rules; this counts graphemes for all.
	c := Counted{Unit: UnitGraphemes, N: uniseg.GraphemeClusterCount(text), Limit: l.TextLimit(photoOnly),
		HashtagLimit: l.Hashtags}
	if l.Bytes > 0 {
		c.Bytes, c.ByteLimit = len(text), l.Bytes
	}
	return c
}
