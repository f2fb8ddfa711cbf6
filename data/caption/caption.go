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

// platformNames are the platforms' names as a person reads them.
var platformNames = map[string]string{
	"x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon", "threads": "Threads",
	"instagram": "Instagram", "tiktok": "TikTok", "facebook": "Facebook", "linkedin": "LinkedIn",
	"youtube": "YouTube",
}

// PlatformName is a platform's name for messages ("x" → "X"); an unknown
// platform keeps its string.
func PlatformName(platform string) string {
	if n, ok := platformNames[platform]; ok {
		return n
	}
	return platform
}

// DefaultLimits are the platforms' limits as Feedtakt ships them, keyed by
// platform: the same figures as the INSERT into platform_limits in
// data/migrations/0008_templates.sql (keep both the same; the workspace's
// copy is what the app uses and what the office corrects;
// TestDefaultLimitsMatchMigration compares them). The command line's
// "feedtakt count" uses these, as it opens no workspace.
func DefaultLimits() map[string]Limits {
	const checked = "2026-11-30"
	l := []Limits{
		{Platform: "x", Text: 280, AltText: 1000, Source: "twitter-text v3 (config/v3.json); X Hilfe: Bildbeschreibungen"},
		{Platform: "bluesky", Text: 300, Bytes: 3000, AltText: 2000, Source: "atproto Lexikon app.bsky.feed.post; social-app MAX_ALT_TEXT"},
		{Platform: "mastodon", Text: 500, AltText: 1500, Source: "Mastodon: configuration.statuses.max_characters (je Instanz); media_attachment.rb"},
		{Platform: "threads", Text: 500, Hashtags: 1, Source: "Meta: Threads API, Beiträge (1 Thema pro Beitrag)"},
		{Platform: "instagram", Text: 2200, Hashtags: 5, AltText: 1000, Source: "Meta: Instagram Hilfe; Hashtag-Grenze 5 seit 19.12.2025"},
		{Platform: "tiktok", Text: 2200, Photo: 4000, Source: "TikTok: Creator Hilfe (Fotobeiträge 4.000)"},
		{Platform: "facebook", Text: 63206, Source: "Facebook: Graph API (63.206; andere Quellen 55.000)"},
		{Platform: "linkedin", Text: 3000, Source: "LinkedIn Hilfe: Beiträge"},
		{Platform: "youtube", Text: 5000, Title: 100, Source: "YouTube Hilfe: Titel 100, Beschreibung 5.000"},
	}
	out := make(map[string]Limits, len(l))
	for _, x := range l {
		x.CheckedOn = checked
		out[x.Platform] = x
	}
	return out
}

// Platforms lists the platforms DefaultLimits knows, in the order the
// command line names them.
func Platforms() []string {
	return []string{"x", "bluesky", "mastodon", "threads", "instagram", "tiktok", "facebook", "linkedin", "youtube"}
}
