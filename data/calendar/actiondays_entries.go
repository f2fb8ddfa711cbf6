package calendar

import (
	"strings"
	"unicode/utf8"
)

// OffMarker starts a line of the action-day list that is switched off:
// "# aus: 08.03. | Weltfrauentag". It is a comment to ParseActionDays (and
// to older versions of Feedtakt, which read such a file unchanged and
// simply skip the day), so the calendar does not show it, while the table
// keeps it as a row that can be switched on again.
const OffMarker = "# aus: "

// ActionDayEntry is one line of the action-day list as the table on the
// dates screen edits it: a row (date, name, optional note, on or off), or a
// comment or blank line that is kept as it was, so the headings of the
// shipped list ("# März") survive an edit in the table.
type ActionDayEntry struct {
	// Comment is true for a comment or blank line; Text holds it.
	Comment bool
	Text    string

	// Date is the date as typed: 08.03., 2. So im September, 2026-04-23.
	Date string
	Name string
	Note string
	// Off keeps the row in the list without showing it in the calendar.
	Off bool
}

// ParseActionDayEntries splits an action-day list into its lines: rows,
// including rows that cannot be read (Check says why) and rows switched
// off with OffMarker, and comments. FormatActionDayEntries writes them
// back; a list read and written unchanged keeps every row's meaning.
func ParseActionDayEntries(text string) []ActionDayEntry {
	if !utf8.ValidString(text) {
		text = decodeWindows1252(text)
	}
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.TrimSuffix(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if text == "" {
		return nil
	}
	var out []ActionDayEntry
	for _, line := range strings.Split(text, "\n") {
		out = append(out, parseEntry(line))
	}
	return out
}

func parseEntry(line string) ActionDayEntry {
	t := strings.TrimSpace(line)
	off := false
	if rest, ok := cutOffMarker(t); ok {
		t, off = rest, true
	} else if t == "" || strings.HasPrefix(t, "#") {
		return ActionDayEntry{Comment: true, Text: strings.TrimRight(line, " \t\r")}
	}
	parts := strings.SplitN(t, "|", 3)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	e := ActionDayEntry{Date: parts[0], Off: off}
	if len(parts) > 1 {
		e.Name = parts[1]
	}
	if len(parts) > 2 {
		e.Note = parts[2]
	}
	return e
}

// cutOffMarker reads "# aus: rest" (spaces and case as they come).
func cutOffMarker(t string) (string, bool) {
	if !strings.HasPrefix(t, "#") {
		return "", false
	}
	rest := strings.TrimSpace(t[1:])
	if len(rest) < 4 || !strings.EqualFold(rest[:4], "aus:") {
		return "", false
	}
	rest = strings.TrimSpace(rest[4:])
	return rest, rest != ""
}

// Line is the row as a line of the list, with OffMarker when it is off.
func (e ActionDayEntry) Line() string {
	if e.Comment {
		return e.Text
	}
	line := e.row()
	if e.Off {
		line = OffMarker + line
	}
	return line
}

// row is "date | name | note" without the off marker; a row with neither
// name nor note stays as it was typed, so a line without "|" is written
// back unchanged.
func (e ActionDayEntry) row() string {
	d, n, h := strings.TrimSpace(e.Date), strings.TrimSpace(e.Name), strings.TrimSpace(e.Note)
	switch {
	case n == "" && h == "":
		return d
	case h == "":
		return d + " | " + n
	}
	return d + " | " + n + " | " + h
}

// Check says what is wrong with a row, in the parser's words; the zero
// Message for a good row and for comments. An off row is checked too, so
// it can be switched on without surprise.
func (e ActionDayEntry) Check() Message {
	if e.Comment {
		return Message{}
	}
	if strings.Contains(e.Date, "|") || strings.Contains(e.Name, "|") || strings.Contains(e.Note, "|") {
		return Message{Key: "The sign “|” separates the columns of the list and cannot be part of the date, name or note."}
	}
	if strings.ContainsAny(e.Date+e.Name+e.Note, "\n\r") {
		return Message{Key: "Date, name and note each fit on one line."}
	}
	_, msg := parseActionLine(e.row())
	return msg
}

// FormatActionDayEntries writes entries as the text of the list, one line
// each, ending with a line break.
func FormatActionDayEntries(entries []ActionDayEntry) string {
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(e.Line())
		b.WriteByte('\n')
	}
	return b.String()
}

// CheckActionDate says what is wrong with the date column alone (the zero
// Message when it is a date or rule the list understands), for a form that
// checks the date while it is typed.
func CheckActionDate(spec string) Message {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return Message{Key: "The date is missing. Format: date | name, e.g. “08.03. | Weltfrauentag”."}
	}
	if strings.Contains(spec, "|") {
		return Message{Key: "The sign “|” separates the columns of the list and cannot be part of the date, name or note."}
	}
	_, msg := parseActionDate(spec)
	return msg
}
