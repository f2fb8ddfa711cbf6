package caption

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

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

// maxEmoji is how many emoji a caption may hold before the check advises
// fewer (Bundesfachstelle Barrierefreiheit: few emoji, at the end).
const maxEmoji = 3

// CheckText runs the checks that need only one channel's final text (after
// Render): limits by the platform's count, the hashtag cap, fake bold,
// hashtags of several words not in CamelCase, emoji (more than a few, as
// bullets, in mid-sentence).
func CheckText(platform, text string, l Limits, photoOnly bool) []Finding {
	var out []Finding
	name := PlatformName(platform)
	c := Count(platform, text, l, photoOnly)
	if c.Limit > 0 && c.N > c.Limit {
		out = append(out, Finding{Code: CodeOverLimit, Blocking: true,
			Key:  "The text is {{.Over}} characters too long for {{.Platform}} ({{.Count}} of {{.Limit}}). Shorten it or give this channel its own text.",
			Args: map[string]any{"Over": c.N - c.Limit, "Count": c.N, "Limit": c.Limit, "Platform": name}})
	}
	if c.ByteLimit > 0 && c.Bytes > c.ByteLimit {
		out = append(out, Finding{Code: CodeOverBytes, Blocking: true,
			Key:  "The text is {{.Over}} bytes too long for {{.Platform}} ({{.Bytes}} of {{.Limit}} bytes; emoji and umlauts take several bytes each). Shorten it.",
			Args: map[string]any{"Over": c.Bytes - c.ByteLimit, "Count": c.Bytes - c.ByteLimit, "Bytes": c.Bytes, "Limit": c.ByteLimit, "Platform": name}})
	}
	if c.HashtagLimit > 0 && c.Hashtags > c.HashtagLimit {
		out = append(out, Finding{Code: CodeTooManyTags, Blocking: true,
			Key:  "The text has {{.Count}} hashtags; {{.Platform}} allows {{.Limit}}. Remove {{.Over}} of them or choose a smaller hashtag set.",
			Args: map[string]any{"Count": c.Hashtags, "Limit": c.HashtagLimit, "Over": c.Hashtags - c.HashtagLimit, "Platform": name}})
	}
	if w := fakeBoldWord(text); w != "" {
		out = append(out, Finding{Code: CodeFakeBold, Blocking: true,
			Key:  "“{{.Word}}” is written in special letters (Unicode “fake bold” or italics) that screen readers skip or spell out. Write it in normal letters.",
			Args: map[string]any{"Word": w}})
	}
	var flat []string
	seen := map[string]bool{}
	for _, t := range TextHashtags(text) {
		if k := strings.ToLower(t); needsCamelCase(t) && !seen[k] {
			seen[k] = true
			flat = append(flat, t)
		}
	}
	if len(flat) > 0 {
		out = append(out, Finding{Code: CodeCamelCase,
			Key:  "Hashtags of several words in one case: {{.Tags}}. Start each word with a capital letter, as in #KarriereImÖffentlichenDienst, so screen readers read the words.",
			Args: map[string]any{"Tags": strings.Join(flat, " "), "Count": len(flat)}})
	}
	return append(out, emojiFindings(normalizeBreaks(text))...)
}

// fakeBoldWord returns the first word written with Mathematical
// Alphanumeric Symbols (U+1D400–U+1D7FF: 𝐟𝐞𝐭𝐭, 𝘬𝘶𝘳𝘴𝘪𝘷), which
// "bold text generators" use and screen readers skip, or "".
func fakeBoldWord(text string) string {
	i := strings.Index(text, "\U0001D400"[:2]) // every such letter starts F0 9D
	for ; i >= 0 && i < len(text); i++ {
		r, _ := utf8.DecodeRuneInString(text[i:])
		if r < 0x1D400 || r > 0x1D7FF {
			continue
		}
		start := strings.LastIndexFunc(text[:i], unicode.IsSpace) + 1
		end := strings.IndexFunc(text[i:], unicode.IsSpace)
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		return text[start:end]
	}
	return ""
}

// needsCamelCase says whether a hashtag seems to join several words in
// one case, which screen readers read as one long word. It is a
// heuristic, cheap enough for every keystroke:
//
//   - a tag of letters all lower-case or all upper-case that is longer than
//     12 letters (#ausbildungsstart, #TAGDEROFFENENTUER);
//   - an all-lower-case tag of 8 or more letters that holds one of a few
//     words German office captions join often (stadt, fest, woche,
//     dienst …) after 4 or more letters (#aktionswoche, not #auswahl), or
//     at its start with at least 4 more letters that are no mere ending
//     (#stadtfest, but not #sportlich or #ausbildung); "stadt" and "haus"
//     only at the start, as place names end in them (#darmstadt,
//     #mühlhausen).
//
// It misses short compounds of other words (#amtsblatt) and can take a
// long single word for several (#verwaltungsgerichtsbarkeit is one word
// of several parts, and a capital per part helps there too). Mixed case
// is taken as CamelCase.
func needsCamelCase(tag string) bool {
	body := strings.TrimLeft(tag, "#＃")
	upper, lower, n := false, false, 0
	for _, r := range body {
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			upper = true
		} else if unicode.IsLower(r) {
			lower = true
		}
	}
	if upper == lower { // mixed case, or a script without case
		return false
	}
	if n > 12 {
		return true
	}
	return lower && n >= 8 && lowerCompound(body)
}

// compoundWords are words German office captions often join; see
// needsCamelCase.
var compoundWords = []string{
	"stadt", "dienst", "karriere", "ausbildung", "verwaltung", "bürger", "feuerwehr", "polizei",
	"kreis", "schule", "jugend", "sport", "kultur", "denkmal", "wahl", "arbeit", "beruf", "woche",
	"fest", "rathaus", "haus", "markt", "azubi", "praktikum", "museum", "umwelt", "klima",
	"energie", "straße", "verkehr", "gemeinde", "advent", "sommer", "winter", "kinder", "familie",
}

// wordEndings start the rest of a word that is one word, not two
// (sport|lich, kultur|elle).
var wordEndings = []string{"lich", "ung", "heit", "keit", "schaft", "isch", "ell", "ler", "ner", "erin", "chen", "lein", "en", "er"}

func lowerCompound(body string) bool {
	for _, w := range compoundWords {
		i := strings.Index(body, w)
		if i < 0 {
			continue
		}
		if i >= 4 && w != "stadt" && w != "haus" {
			// Something before the word: aktions|woche. Not for the
			// endings of place names (darm|stadt, mühl|hausen).
			return true
		}
		if i == 0 {
			rest := body[len(w):]
			rest = strings.TrimPrefix(rest, "s") // Fugen-s: ausbildungs|start
			if utf8.RuneCountInString(rest) < 4 {
				continue
			}
			ending := false
			for _, e := range wordEndings {
				if strings.HasPrefix(rest, e) {
					ending = true
					break
				}
			}
			if !ending {
				return true
			}
		}
	}
	return false
}

// emojiFindings: more than maxEmoji emoji, emoji at the start of two or
// more lines (bullets), and an emoji in mid-sentence (text before it on
// its line and a lower-case word after it: "Wir freuen uns 🎉 auf euch").
// Only the last is unsure for German: a capitalised noun after the emoji
// is not seen as mid-sentence.
func emojiFindings(text string) []Finding {
	total, bullets := 0, 0
	mid := ""
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
		first := true // no text before on this line yet
		state := -1
		for i := 0; i < len(line); {
			if c := line[i]; c < utf8.RuneSelf && (i+1 == len(line) || line[i+1] < utf8.RuneSelf) {
				// ASCII: no emoji (inlined, as most of a text is ASCII).
				first = first && (c == ' ' || c == '\t')
				i, state = i+1, -1
				continue
			}
			end, kind, st := nextCluster(line, i, state)
			cluster := line[i:end]
			i, state = end, st
			r, _ := utf8.DecodeRuneInString(cluster)
			if unicode.IsSpace(r) {
				continue
			}
			if kind == clusterPlain || kind == clusterOther && !isEmoji(cluster) {
				first = false
				continue
			}
			total++
			if first {
				bullets++
				first = false
				continue
			}
			if mid == "" {
				after := strings.TrimLeftFunc(line[i:], unicode.IsSpace)
				if r, _ := utf8.DecodeRuneInString(after); unicode.IsLower(r) {
					mid = midExcerpt(line, i-len(cluster), i)
				}
			}
		}
	}
	var out []Finding
	if total > maxEmoji {
		out = append(out, Finding{Code: CodeEmojiMany,
			Key:  "The text has {{.Count}} emoji. Screen readers read out each one by name: keep to {{.Max}} at most, at the end of the text.",
			Args: map[string]any{"Count": total, "Max": maxEmoji}})
	}
	if bullets >= 2 {
		out = append(out, Finding{Code: CodeEmojiBullets,
			Key:  "{{.Count}} lines start with an emoji, as bullet points. Screen readers read out each one by name: use a dash (–) or plain line breaks instead.",
			Args: map[string]any{"Count": bullets}})
	}
	if mid != "" {
		out = append(out, Finding{Code: CodeEmojiMid,
			Key:  "An emoji stands in the middle of a sentence (“{{.Text}}”). Screen readers read out its name there and break up the sentence: put emoji at the end.",
			Args: map[string]any{"Text": mid}})
	}
	return out
}

// midExcerpt is the emoji at line[start:end] with a few words around it.
func midExcerpt(line string, start, end int) string {
	before := strings.Fields(line[:start])
	after := strings.Fields(line[end:])
	if len(before) > 3 {
		before = before[len(before)-3:]
	}
	if len(after) > 3 {
		after = after[:3]
	}
	return strings.TrimSpace(strings.Join(before, " ") + " " + line[start:end] + " " + strings.Join(after, " "))
}

// UnfilledFinding words placeholders left in a final text (Render's
// unfilled), so the editor, the calendar and the Posten view say it the
// same way. Blocking.
func UnfilledFinding(names []string) Finding {
	args := map[string]any{"Names": braced(names), "Count": len(names)}
	for _, n := range names {
		if IsBuiltin(n) {
			// A built-in gets its value from the post, not from the
			// custom-fields form: the sentence says where.
			return Finding{Code: CodeUnfilled, Blocking: true, Args: args,
				Key: "Placeholders not filled in: {{.Names}}. {Link} takes the post’s “Link im Text”, {Hashtags} its hashtag set, {Datum}, {Wochentag} and {Uhrzeit} its date and time; fill in other fields with “Platzhalter ausfüllen …” or delete them from the text."}
		}
	}
	return Finding{Code: CodeUnfilled, Blocking: true, Args: args,
		Key: "Placeholders not filled in: {{.Names}}. Fill them in (Platzhalter ausfüllen …) or delete them from the text."}
}

// SyntaxFinding words a broken placeholder. Blocking in a post's text;
// CheckTemplate reports the same sentence as a warning.
func SyntaxFinding(p SyntaxProblem) Finding {
	args := map[string]any{"Text": p.Text, "Brace": "{{"}
	switch p.Code {
	case ProblemUnclosed:
		return Finding{Code: CodeSyntax, Blocking: true, Args: args,
			Key: "The placeholder “{{.Text}}” has no closing “}”. Add it, or write {{.Brace}} for a brace as text."}
	case ProblemEmpty:
		return Finding{Code: CodeSyntax, Blocking: true, Args: args,
			Key: "“{{.Text}}” is an empty placeholder. Write a name between the braces, such as {Ort}, or delete it."}
	}
	return Finding{Code: CodeSyntax, Blocking: true, Args: args,
		Key: "“{{.Text}}” is not a placeholder: a name holds only letters, digits, spaces, - _ and . (at most 40). Correct it, or write {{.Brace}} for a brace as text."}
}

// altNone are the platforms without a field for a picture's
// Bildbeschreibung: nothing to check there.
var altNone = map[string]bool{"youtube": true, "tiktok": true}

// CheckAltText checks one picture's Bildbeschreibung for a platform:
// missing, just the file name, longer than the platform takes; for a video
// on Instagram (a Reel) it says that none can be given there.
//
// Videos elsewhere are not checked here (their subtitles are data's
// check), nor are pictures on platforms without an alt text field
// (YouTube, TikTok).
func CheckAltText(platform, alt, fileName string, video bool, l Limits) []Finding {
	file := filepath.Base(strings.ReplaceAll(fileName, `\`, "/"))
	if video {
		if platform == "instagram" {
			return []Finding{{Code: CodeAltImpossible,
				Key:  "Instagram takes no alt text for Reels and Stories ({{.File}}). Describe what can be seen in the text and add subtitles.",
				Args: map[string]any{"File": file}}}
		}
		return nil
	}
	if altNone[platform] {
		return nil
	}
	name := PlatformName(platform)
	alt = strings.TrimSpace(alt)
	switch {
	case alt == "":
		return []Finding{{Code: CodeAltMissing, Blocking: true,
			Key:  "{{.File}} has no alt text (Bildbeschreibung). Describe what can be seen, for people who cannot see the picture.",
			Args: map[string]any{"File": file, "Platform": name}}}
	case looksLikeFileName(alt, file):
		return []Finding{{Code: CodeAltFileName, Blocking: true,
			Key:  "The alt text of {{.File}} is only a file name or a word like “Foto” (“{{.Alt}}”). Describe what can be seen in the picture.",
			Args: map[string]any{"File": file, "Alt": alt, "Platform": name}}}
	}
	if n := Graphemes(alt); l.AltText > 0 && n > l.AltText {
		return []Finding{{Code: CodeAltTooLong, Blocking: true,
			Key:  "The alt text of {{.File}} is {{.Over}} characters too long for {{.Platform}} ({{.Count}} of {{.Limit}}). Shorten it; details can go in the text.",
			Args: map[string]any{"File": file, "Over": n - l.AltText, "Count": n, "Limit": l.AltText, "Platform": name}}}
	}
	return nil
}

// fileExts end a text that is a file name.
var fileExts = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".tif", ".tiff",
	".bmp", ".svg", ".dng", ".raw", ".cr2", ".nef", ".arw", ".mp4", ".mov", ".m4v", ".avi", ".mkv", ".pdf"}

// cameraPrefixes start the names cameras, phones and tools give files
// (IMG_1234, DSC01234, PXL_20261127_…, Screenshot …).
var cameraPrefixes = []string{"img", "dsc", "dscn", "dscf", "pxl", "mvimg", "vid", "mov", "gopr", "dji",
	"p", "pic", "photo", "image", "sam", "wp", "screenshot", "bildschirmfoto", "whatsapp image", "signal"}

// genericAlts are words that say nothing about a picture.
var genericAlts = map[string]bool{"foto": true, "fotos": true, "bild": true, "bilder": true, "image": true,
	"photo": true, "picture": true, "pic": true, "img": true, "grafik": true, "abbildung": true,
	"bildbeschreibung": true, "alt": true, "alt-text": true, "alttext": true, "beschreibung": true,
	"titelbild": true, "beitragsbild": true, "screenshot": true, "logo": true}

// looksLikeFileName: the alt text is the file's name (with or without its
// extension), ends in a file extension, is a camera's kind of name
// (IMG_1234, DSC01234), has no letters at all (20261127_101530), or is a
// word that says nothing ("Foto", "Bild 2").
func looksLikeFileName(alt, file string) bool {
	a := strings.ToLower(strings.TrimRight(alt, ".:!"))
	f := strings.ToLower(file)
	if a == f || a == strings.TrimSuffix(f, filepath.Ext(f)) {
		return true
	}
	for _, e := range fileExts {
		if strings.HasSuffix(a, e) {
			return true
		}
	}
	if !hasLetter(a) {
		return true
	}
	for _, p := range cameraPrefixes {
		rest, ok := strings.CutPrefix(a, p)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, "_- ")
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' && !strings.ContainsAny(strings.TrimSpace(rest), " \t") {
			return true // IMG_1234, DSC01234, PXL_20261127_101530123
		}
		if (p == "screenshot" || p == "bildschirmfoto" || p == "whatsapp image") && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return true // "Screenshot 2026-11-27 um 10.15.32"
		}
	}
	return genericAlts[strings.TrimRight(a, " 0123456789")]
}
