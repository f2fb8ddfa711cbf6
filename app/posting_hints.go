package app

import (
	"strings"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/caption"
)

// shortFindingKeys are the checks' short forms for the calendar, where a
// whole sentence does not fit a chip or a table cell ("X: 12 Zeichen zu
// lang"); the Posten view and the editor show the full sentences.
var shortFindingKeys = map[string]string{
	caption.CodeOverLimit:     "{{.Over}} characters too long",
	caption.CodeOverBytes:     "{{.Over}} bytes too long",
	caption.CodeTooManyTags:   "{{.Count}} hashtags, {{.Limit}} allowed",
	caption.CodeUnfilled:      "placeholder {{.Names}} not filled",
	caption.CodeSyntax:        "placeholder not closed",
	caption.CodeFakeBold:      "fake bold letters",
	caption.CodeCamelCase:     "hashtag not in CamelCase",
	caption.CodeEmojiMany:     "many emoji",
	caption.CodeEmojiBullets:  "emoji as bullets",
	caption.CodeEmojiMid:      "emoji mid-sentence",
	caption.CodeAltMissing:    "alt text missing",
	caption.CodeAltFileName:   "alt text is only the file name",
	caption.CodeAltTooLong:    "alt text too long",
	caption.CodeAltImpossible: "no alt text possible",
	caption.CodeSubtitles:     "subtitles not noted",
	caption.CodeCredit:        "credit line missing",
	caption.CodeTitleTooLong:  "title too long",
}

// reviewHints are a post's findings (data.ReviewPosts, blocking first) in
// short form for the calendar, each once, with the channel's name where a
// finding is about one channel's text. The quiet period and the consent
// rule are left out: the calendar has its own marks for them. blocking
// says whether any finding stops the post.
func reviewHints(fs []data.ReviewFinding, channelName func(int64) string) (hints []string, blocking bool) {
	seen := map[string]bool{}
	for _, f := range fs {
		if f.Code == caption.CodeQuiet || f.Code == caption.CodeConsent {
			continue
		}
		h := shortFinding(f, channelName)
		if seen[h] {
			continue
		}
		seen[h] = true
		hints = append(hints, h)
		blocking = blocking || f.Blocking
	}
	return hints, blocking
}

// shortFinding is one finding in short form, with the channel's name
// where it is about one channel (a finding the same on every channel comes
// from data.Review with channel 0, said once).
func shortFinding(f data.ReviewFinding, channelName func(int64) string) string {
	var text string
	if key, ok := shortFindingKeys[f.Code]; ok {
		text = message(calendar.Message{Key: key, Args: f.Args})
	} else {
		text = findingText(f)
	}
	if f.ChannelID != 0 {
		text = channelName(f.ChannelID) + ": " + text
	}
	return text
}

// findingText is a finding's whole sentence (what is wrong, what to do).
func findingText(f data.ReviewFinding) string {
	return strings.TrimSpace(message(calendar.Message{Key: f.Key, Args: f.Args}))
}
