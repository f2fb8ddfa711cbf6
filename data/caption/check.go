package caption

// Finding is one result of a check before posting: a sentence key (English,
// translated in assets/lang, with Args) that says what is wrong and what
// to do, in plain words. Blocking findings stop a post from becoming
// Freigegeben or Veröffentlicht.
type Finding struct {
	Code     string // stable name of the check, e.g. CodeOverLimit
	Key      string
	Args     map[string]any
	Blocking bool
}

// Codes of the checks. The text checks are CheckText's and CheckAltText's;
// the post-level ones (credit line, subtitles, quiet period, consent,
// licence) are package data's, with the same Finding type.
const (
	CodeOverLimit     = "over-limit"     // blocking
	CodeOverBytes     = "over-bytes"     // blocking
	CodeTooManyTags   = "hashtags"       // blocking
	CodeUnfilled      = "unfilled"       // blocking: a placeholder left
	CodeSyntax        = "syntax"         // blocking: "{Ort" without '}'
	CodeFakeBold      = "fake-bold"      // blocking: mathematical alphanumerics
	CodeCamelCase     = "camel-case"     // warning
	CodeEmojiMany     = "emoji-many"     // warning
	CodeEmojiBullets  = "emoji-bullets"  // warning
	CodeEmojiMid      = "emoji-mid"      // warning
	CodeAltMissing    = "alt-missing"    // blocking
	CodeAltFileName   = "alt-file-name"  // blocking
	CodeAltTooLong    = "alt-too-long"   // blocking
	CodeAltImpossible = "alt-impossible" // note: Instagram Reels/Stories take none
	CodeSubtitles     = "subtitles"      // warning: a video without subtitles noted
	CodeCredit        = "credit"         // blocking: licence needs a credit line
	CodeQuiet         = "quiet"          // blocking: quiet period
	CodeConsent       = "consent"        // blocking: the Einwilligungen rule
	CodeTitleTooLong  = "title-too-long" // blocking: YouTube title
)

// CheckText runs the checks that need only one channel's final text (after
// Render): limits by the platform's count, the hashtag cap, fake bold,
// hashtags of several words not in CamelCase, emoji (more than a few, as
// bullets, in mid-sentence).
func CheckText(platform, text string, l Limits, photoOnly bool) []Finding {
	// TODO(helper A)
	var out []Finding
	if c := Count(platform, text, l, photoOnly); c.Limit > 0 && c.N > c.Limit {
		out = append(out, Finding{Code: CodeOverLimit, Blocking: true,
			Key:  "The text is {{.Over}} characters too long for {{.Platform}} ({{.Count}} of {{.Limit}}). Shorten it or give this channel its own text.",
			Args: map[string]any{"Over": c.N - c.Limit, "Count": c.N, "Limit": c.Limit}})
	}
	return out
}

// CheckAltText checks one picture's Bildbeschreibung for a platform:
// missing, just the file name, longer than the platform takes; for a video
// on Instagram (a Reel) it says that none can be given there.
func CheckAltText(platform, alt, fileName string, video bool, l Limits) []Finding {
	// TODO(helper A)
	return nil
}
