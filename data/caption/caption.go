// Package caption holds the pure rules of captions: how each platform
// counts a text and what it allows (Limits, Count), the placeholders of
// templates and how they are filled (Placeholders, Render), hashtag sets
// (ParseHashtags) and the checks before posting that look at the text
// alone (CheckText). Nothing here reads the workspace; package data gives
// these functions the facts (limits stored in the workspace, the post's
// day, the pictures' credit lines) and the editor calls them on every
// keystroke, so they must stay fast (see the benchmarks).
//
// Platforms are named by the strings of data.Platform ("x", "bluesky",
// "instagram" …); this package cannot import data.
package caption

// Limits is what one platform accepts, as stored in the workspace
// (platform_limits) and corrected in the settings. 0 means "no limit
// known" for every field.
type Limits struct {
	Platform string
	// Text is the caption's limit, counted by the platform's rule (Count).
	Text int
	// Photo is the limit for a post of pictures only where the platform
	// allows more there (TikTok photo posts 4,000); 0 = Text.
	Photo int
	// Bytes is a second limit in UTF-8 bytes (Bluesky 3,000).
	Bytes int
	// Hashtags is the number of hashtags the platform allows (Instagram 5,
	// Threads 1).
	Hashtags int
	// AltText is the longest Bildbeschreibung the platform takes.
	AltText int
	// Title is the limit of a separate title (YouTube 100).
	Title int
	// Source and CheckedOn say where the figures come from and when they
	// were last checked (YYYY-MM-DD), shown beside them in the settings.
	Source    string
	CheckedOn string
}

// TextLimit is the caption limit for a post; photoOnly says the post has
// pictures and no video (TikTok's photo posts allow more).
func (l Limits) TextLimit(photoOnly bool) int {
	if photoOnly && l.Photo > 0 {
		return l.Photo
	}
	return l.Text
}
