package calendar

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// actionKind says how an ActionDayRule finds its day.
type actionKind int

const (
	actionFixed actionKind = iota // same day every year, "08.03."
	actionNth                     // nth weekday of a month, "2. So im September"
	actionOnce                    // one day in one year, "2026-04-23"
)

// ActionDayRule is one line of the action-day list (Aktionstage): a day
// that gives a reason to post, such as Tag des offenen Denkmals. Rules come
// from ParseActionDays.
//
// The list has one rule a line, "Datum | Name" or "Datum | Name | Hinweis",
// where Datum is one of
//
//	08.03.                 every year on that day
//	2. So im September     1. to 5. or "letzter" weekday of a month
//	letzter Mi im April
//	2026-04-23             only in that year (also 23.04.2026)
//
// Lines starting with # are comments; "# aus: 08.03. | Name" is a row
// switched off (OffMarker, ActionDayEntry), which is a comment here too.
type ActionDayRule struct {
	// Name is what the calendar shows, e.g. "Tag des offenen Denkmals".
	Name string
	// Note is the optional third column, e.g. "Termin jährlich prüfen".
	Note string
	// Line is the line number in the list, for pointing the user at it.
	Line int

	kind    actionKind
	month   time.Month
	day     int
	nth     int // 1..5 or -1 for the last
	weekday time.Weekday
	once    Date
}

// ParseError is a line of the action-day list that could not be read.
type ParseError struct {
	// Line is the 1-based line number.
	Line int
	// Message says what is wrong, e.g. "The date “31.02.” does not exist."
	Message
}

// Error returns the English message with its line, "line 7: …".
func (e ParseError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Message.String())
}

// Occurrence is an action day on a concrete date.
type Occurrence struct {
	Date Date
	Name string
	Note string
}

// ParseActionDays reads an action-day list (format: see ActionDayRule).
// Every good line becomes a rule even when other lines have errors, so one
// typo does not hide the whole list. A byte-order mark, Windows line ends
// and a file saved as Windows-1252 (old Notepad) are accepted.
func ParseActionDays(text string) ([]ActionDayRule, []ParseError) {
	if !utf8.ValidString(text) {
		text = decodeWindows1252(text)
	}
	text = strings.TrimPrefix(text, "\ufeff")
	var rules []ActionDayRule
	var errs []ParseError
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, msg := parseActionLine(line)
		if !msg.IsZero() {
			errs = append(errs, ParseError{Line: i + 1, Message: msg})
			continue
		}
		r.Line = i + 1
		rules = append(rules, r)
	}
	return rules, errs
}

func parseActionLine(line string) (ActionDayRule, Message) {
	parts := strings.Split(line, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch {
	case len(parts) == 1:
		return ActionDayRule{}, Message{Key: "The separator “|” is missing. Format: date | name, e.g. “08.03. | Weltfrauentag”."}
	case len(parts) > 3:
		return ActionDayRule{}, Message{Key: "Too many “|”: allowed are date | name | note."}
	case parts[0] == "":
		return ActionDayRule{}, Message{Key: "The date is missing. Format: date | name, e.g. “08.03. | Weltfrauentag”."}
	case parts[1] == "":
		return ActionDayRule{}, Message{Key: "The name is missing. Format: date | name, e.g. “08.03. | Weltfrauentag”."}
	}
	r, msg := parseActionDate(parts[0])
	if !msg.IsZero() {
		return ActionDayRule{}, msg
	}
	r.Name = parts[1]
	if len(parts) == 3 {
		r.Note = parts[2]
	}
	return r, Message{}
}

func parseActionDate(spec string) (ActionDayRule, Message) {
	notRecognised := Message{Key: "Date “{{.Value}}” not recognised. Possible are e.g. 08.03. · 2. So im September · letzter Mi im April · 2026-04-23", Args: map[string]any{"Value": spec}}
	// Once: 2026-04-23 or 23.04.2026.
	if strings.Count(spec, "-") == 2 || strings.Count(spec, ".") == 2 && !strings.HasSuffix(spec, ".") && !strings.Contains(spec, " ") {
		d, err := ParseDate(spec)
		if err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				return ActionDayRule{}, ie.Message()
			}
			return ActionDayRule{}, notRecognised
		}
		return ActionDayRule{kind: actionOnce, once: d}, Message{}
	}
	// Fixed: 08.03. (the final dot may be missing).
	if day, month, ok := splitDayMonth(spec); ok {
		// 2000 is a leap year, so 29.02. is allowed; On skips it in other years.
		if month < 1 || month > 12 || day < 1 || day > DaysInMonth(2000, time.Month(month)) {
			return ActionDayRule{}, Message{Key: "The date “{{.Value}}” does not exist.", Args: map[string]any{"Value": spec}}
		}
		return ActionDayRule{kind: actionFixed, month: time.Month(month), day: day}, Message{}
	}
	// Nth weekday: "2. So im September", "letzter Mittwoch im April".
	var words []string
	for _, w := range strings.Fields(strings.ToLower(spec)) {
		if w != "im" && w != "in" {
			words = append(words, w)
		}
	}
	if len(words) != 3 {
		return ActionDayRule{}, notRecognised
	}
	nth, ok := parseNth(words[0])
	if !ok {
		return ActionDayRule{}, Message{Key: "“{{.Word}}” is not possible: only 1. to 5. or letzter (in “{{.Value}}”).", Args: map[string]any{"Word": words[0], "Value": spec}}
	}
	wd, ok := parseWeekday(words[1])
	if !ok {
		return ActionDayRule{}, Message{Key: "Weekday “{{.Word}}” not recognised, e.g. Mo, Di, Mi, Do, Fr, Sa, So.", Args: map[string]any{"Word": words[1]}}
	}
	month, ok := parseMonth(words[2])
	if !ok {
		return ActionDayRule{}, Message{Key: "Month “{{.Word}}” not recognised, e.g. Januar or Jan.", Args: map[string]any{"Word": words[2]}}
	}
	return ActionDayRule{kind: actionNth, nth: nth, weekday: wd, month: month}, Message{}
}

// splitDayMonth reads "8.3." or "08.03"; ok is false when spec has another
// shape, not when the numbers are out of range.
func splitDayMonth(spec string) (day, month int, ok bool) {
	s := strings.TrimSuffix(spec, ".")
	d, m, found := strings.Cut(s, ".")
	if !found || !allDigits(d, 2) || !allDigits(m, 2) {
		return 0, 0, false
	}
	day, _ = strconv.Atoi(d)
	month, _ = strconv.Atoi(m)
	return day, month, true
}

func allDigits(s string, maxLen int) bool {
	if s == "" || len(s) > maxLen {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func parseNth(w string) (int, bool) {
	switch strings.TrimSuffix(w, ".") {
	case "1", "erster", "erste", "ersten":
		return 1, true
	case "2", "zweiter", "zweite", "zweiten":
		return 2, true
	case "3", "dritter", "dritte", "dritten":
		return 3, true
	case "4", "vierter", "vierte", "vierten":
		return 4, true
	case "5", "fünfter", "fünfte", "fünften":
		return 5, true
	case "letzter", "letzte", "letzten":
		return -1, true
	}
	return 0, false
}

func parseWeekday(w string) (time.Weekday, bool) {
	w = strings.TrimSuffix(w, ".")
	for i, name := range weekdayNames {
		if w == strings.ToLower(name) || w == strings.ToLower(name[:2]) {
			return time.Weekday(i), true
		}
	}
	if w == "sonnabend" {
		return time.Saturday, true
	}
	return 0, false
}

var monthNames = [13]string{"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

func parseMonth(w string) (time.Month, bool) {
	w = strings.TrimSuffix(w, ".")
	switch w {
	case "jänner":
		return time.January, true
	case "maerz", "mrz":
		return time.March, true
	case "sept":
		return time.September, true
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(monthNames[m])
		if w == name || w == string([]rune(name)[:3]) {
			return m, true
		}
	}
	return 0, false
}

// On returns the day the rule falls on in year, and false when it has none
// that year: a one-off date of another year, 29.02. outside leap years, or
// a 5th weekday the month does not have.
func (r ActionDayRule) On(year int) (Date, bool) {
	switch r.kind {
	case actionFixed:
		d := Date{year, r.month, r.day}
		return d, d.Valid()
	case actionNth:
		return nthWeekday(year, r.month, r.nth, r.weekday)
	case actionOnce:
		return r.once, r.once.Year == year
	}
	return Date{}, false
}

// String writes the rule back as a line of the list, in a tidy form.
func (r ActionDayRule) String() string {
	var spec string
	switch r.kind {
	case actionFixed:
		spec = fmt.Sprintf("%02d.%02d.", r.day, int(r.month))
	case actionNth:
		nth := fmt.Sprintf("%d.", r.nth)
		if r.nth == -1 {
			nth = "letzter"
		}
		spec = fmt.Sprintf("%s %s im %s", nth, weekdayNames[r.weekday][:2], monthNames[r.month])
	case actionOnce:
		spec = r.once.ISO()
	}
	line := spec + " | " + r.Name
	if r.Note != "" {
		line += " | " + r.Note
	}
	return line
}

// ActionDays returns the days of rules from from to to (both included),
// sorted by date; rules on the same day keep the order of the list.
func ActionDays(rules []ActionDayRule, from, to Date) []Occurrence {
	var out []Occurrence
	for y := from.Year; y <= to.Year; y++ {
		for _, r := range rules {
			d, ok := r.On(y)
			if ok && !d.Before(from) && !d.After(to) {
				out = append(out, Occurrence{Date: d, Name: r.Name, Note: r.Note})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Occurrence) int { return a.Date.Compare(b.Date) })
	return out
}

// windows1252High maps the bytes 0x80–0x9F of Windows-1252; the other bytes
// equal their Unicode code point (Latin-1).
var windows1252High = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

func decodeWindows1252(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(windows1252High[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}
