package data

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"feedtakt/assets"
	"feedtakt/data/calendar"
)

// This file holds the business rules the screens used to decide for
// themselves: what "today" is, which status a post without a date has,
// what is wrong with a post, and which characters a saved text may hold.
// The UI asks these functions and only words their answers.

// WorkspaceZone is the zone the plan is made in: Europe/Berlin, the zone of
// every German authority. "Today", "midnight", the week and the month of
// the calendar are all read in this zone, whatever the PC's clock is set to
// (a laptop still on the time of a trip abroad, a terminal server in UTC),
// so that every colleague sees the same day as "today" and the daily
// backup happens once per German day.
func WorkspaceZone() *time.Location { return calendar.GermanZone() }

// Today returns the day it is at now in the workspace zone. The UI passes
// time.Now(); tests pass a fixed instant.
func Today(now time.Time) calendar.Date {
	return calendar.FromTime(now.In(WorkspaceZone()))
}

// Midnight returns the instant at which day d begins in the workspace
// zone; the next day begins at Midnight(d.AddDays(1)), 23 or 25 hours later
// on the days the clocks change.
func Midnight(d calendar.Date) time.Time { return d.Time(WorkspaceZone()) }

// SameDay reports whether two instants fall on the same day in the
// workspace zone.
func SameDay(a, b time.Time) bool { return Today(a) == Today(b) }

// Today returns the current day in the workspace zone by the workspace's
// clock (Options.Now in tests).
func (w *Workspace) Today() calendar.Date { return Today(w.now()) }

// StatusFor is the status rule between a post's date and its status: a
// post without a date is an idea (unless it was discarded), and a post
// with a date is at least a draft. Every other status stays as chosen.
func StatusFor(date *calendar.Date, s Status) Status {
	switch {
	case date == nil && s != StatusDiscarded:
		return StatusIdea
	case date != nil && (s == StatusIdea || s == ""):
		return StatusDraft
	}
	return s
}

// Key is the status's name as an English sentence key; the UI shows
// lang.L(s.Key()), exports and the change log German(s).
func (s Status) Key() string {
	switch s {
	case StatusIdea:
		return "Idea"
	case StatusDraft:
		return "Draft"
	case StatusReview:
		return "For approval"
	case StatusApproved:
		return "Approved"
	case StatusPublished:
		return "Published"
	case StatusDiscarded:
		return "Discarded"
	}
	return string(s)
}

// German names the status in German, for the change log and the exported
// files, which are written for a German office whatever the UI language.
func (s Status) German() string { return assets.Text("de", s.Key(), nil) }

// Problem is something about a post a person should look at, as a sentence
// key with arguments (lang.L(Key, Args) in the UI).
type Problem struct {
	Key  string
	Args map[string]any
}

// PostProblems lists what is wrong or worth a look about p, in a fixed
// order: a channel that was deleted, no channel on a dated post, no text
// on a post past the idea stage, a quiet period the post falls into
// (quietNote, "" for none; see QuietConflicts), and a planned time that
// the clock change moves or doubles. channelExists says whether a channel
// id still exists; nil counts every channel as existing.
func PostProblems(p Post, channelExists func(id int64) bool, quietNote string) []Problem {
	var out []Problem
	if channelExists != nil {
		for _, c := range p.Channels {
			if !channelExists(c.ChannelID) {
				out = append(out, Problem{Key: "channel deleted"})
				break
			}
		}
	}
	if len(p.Channels) == 0 && p.Date != nil {
		out = append(out, Problem{Key: "no channel"})
	}
	if strings.TrimSpace(p.Caption) == "" && p.Status != StatusIdea && p.Status != StatusDiscarded {
		out = append(out, Problem{Key: "no text yet"})
	}
	if quietNote != "" {
		out = append(out, Problem{Key: "quiet period: {{.Note}}", Args: map[string]any{"Note": quietNote}})
	}
	if _, note, ok := p.When(); ok && !note.IsZero() {
		out = append(out, Problem{Key: note.Key, Args: note.Args})
	}
	return out
}

// NeedsPicture reports whether a post on a channel of this platform cannot
// go out without a picture or video: Instagram, TikTok and YouTube show
// nothing else. Text platforms (Mastodon, the website …) take a post
// without one.
func (p Platform) NeedsPicture() bool {
	switch p {
	case Instagram, TikTok, YouTube:
		return true
	}
	return false
}

// LacksPicture is the rule behind the calendar's "kein Bild" mark: p is
// still to go out (not published, not discarded), one of its channels needs
// a picture (Platform.NeedsPicture), and it has none (withoutPicture, from
// PostsWithoutPicture). platformOf names a channel's platform; ok false
// for a deleted channel, which needs nothing.
func LacksPicture(p Post, withoutPicture bool, platformOf func(channelID int64) (Platform, bool)) bool {
	if !withoutPicture || p.Status == StatusPublished || p.Status == StatusDiscarded {
		return false
	}
	for _, c := range p.Channels {
		if pl, ok := platformOf(c.ChannelID); ok && pl.NeedsPicture() {
			return true
		}
	}
	return false
}

// CheckSeriesRule is the one check of a series' repetition, for the form
// while the person types as well as for SaveSeries: it returns the rule as
// it will be stored (interval 0 becomes 1, a weekly rule has no nth) or an
// *InvalidError naming the field.
func CheckSeriesRule(r calendar.Recurrence) (calendar.Recurrence, error) {
	if r.Interval == 0 {
		r.Interval = 1
	}
	if r.Kind == calendar.Weekly {
		r.Nth = 0
	}
	return r, checkRule(r)
}

// Ellipsis shortens s to at most n characters, the last of them "…".
func Ellipsis(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// FitText shortens s until fits accepts it, ending it in "…", and returns
// s unchanged if it fits already. fits measures in whatever unit the
// caller draws in (points of a PDF font, pixels of a screen font); it must
// accept shorter text if it accepts longer. The search is binary, so a
// long text costs a handful of measurements.
func FitText(s string, fits func(string) bool) string {
	if fits(s) {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r) // the longest prefix that fits with "…" is in [lo, hi)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(strings.TrimRight(string(r[:mid]), " ") + "…") {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		if fits("…") {
			return "…"
		}
		return ""
	}
	return strings.TrimRight(string(r[:lo]), " ") + "…"
}

// controlKeys are the messages for a control character, one per kind of
// field, so each names the field in the person's language.
var controlKeys = map[string]Problem{
	"title":    {Key: "The title contains an invisible control character (often copied in from another program). Please remove it."},
	"caption":  {Key: "The text contains an invisible control character (often copied in from another program). Please remove it."},
	"override": {Key: "The own text of a channel contains an invisible control character (often copied in from another program). Please remove it."},
	"notes":    {Key: "The notes contain an invisible control character (often copied in from another program). Please remove it."},
	"link":     {Key: "The link contains an invisible control character (often copied in from another program). Please remove it."},
	"name":     {Key: "The name contains an invisible control character (often copied in from another program). Please remove it."},
	"note":     {Key: "The note contains an invisible control character (often copied in from another program). Please remove it."},
	"handle":   {Key: "The handle contains an invisible control character (often copied in from another program). Please remove it."},
	"alt text": {Key: "The alt text contains an invisible control character (often copied in from another program). Please remove it."},
	"credit":   {Key: "The credit line contains an invisible control character (often copied in from another program). Please remove it."},
}

// isControl reports whether r is a character no saved text may hold: the
// C0 and C1 controls and DEL, except tab and line feed where multiLine
// allows them, and the Unicode line and paragraph separators, which
// spreadsheets and calendars read as line breaks. Zero-width joiners and
// other format characters stay: emoji need them.
func isControl(r rune, multiLine bool) bool {
	switch {
	case multiLine && (r == '\n' || r == '\t'):
		return false
	case r == '\u2028' || r == '\u2029':
		return true
	}
	return unicode.IsControl(r)
}

// checkControl refuses a control character in a saved text. *s has its
// Windows and old Mac line ends (CRLF, CR) turned into LF first when
// multiLine, so a text pasted from Word is accepted; a one-line field has
// no line breaks at all.
func checkControl(field string, s *string, multiLine bool) error {
	if multiLine && strings.Contains(*s, "\r") {
		*s = strings.ReplaceAll(strings.ReplaceAll(*s, "\r\n", "\n"), "\r", "\n")
	}
	if strings.IndexFunc(*s, func(r rune) bool { return isControl(r, multiLine) }) < 0 {
		return nil
	}
	p, ok := controlKeys[field]
	if !ok {
		p = controlKeys["caption"]
	}
	return invalid(field, p.Key)
}

// CleanText makes a text safe for a file another program reads (CSV, ICS,
// PDF), also for data saved before control characters were refused: line
// ends (CRLF, CR, U+2028/2029) become LF where multiLine keeps them and a
// space otherwise, tabs stay (CSV and iCalendar allow them); every other
// control character is dropped.
func CleanText(s string, multiLine bool) string {
	if strings.IndexFunc(s, func(r rune) bool { return r == '\r' || r != '\t' && isControl(r, multiLine) }) < 0 {
		return s
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte('\t')
		case r == '\n' || r == '\u2028' || r == '\u2029':
			if multiLine {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case isControl(r, false):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// germanFold maps the German special letters to the letters they sort
// with in a dictionary (DIN 5007, variant 1).
var germanFold = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss", "ẞ", "ss")

// FoldGerman is the key for German order and for searches that forgive
// umlauts: case ignored, "Ärger" beside "Arbeit", "Straße" as "strasse",
// so "grus" finds "Feiertagsgruß".
func FoldGerman(s string) string { return germanFold.Replace(strings.ToLower(s)) }
