package exchange

import (
	"bufio"
	"context"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// icsZone is the TZID of the VTIMEZONE every export carries. Clients that
// know the Olson name (Thunderbird, Google) use their own rules, Outlook
// reads the definition.
const icsZone = "Europe/Berlin"

// eventLength is how long a timed post blocks in the calendar: long enough
// to be seen in a day view, short enough not to hide meetings.
const eventLength = 30 * time.Minute

// maxLine is the longest physical line RFC 5545 allows, in octets and
// without the CRLF.
const maxLine = 75

// icsWriter writes content lines with CRLF and folding and remembers the
// first error, so the writing code reads like the file.
type icsWriter struct {
	w   *bufio.Writer
	err error
}

// line writes "name:value", folded. name may carry parameters
// ("DTSTART;TZID=Europe/Berlin"); value must be escaped already.
func (iw *icsWriter) line(name, value string) {
	if iw.err != nil {
		return
	}
	s := name + ":" + value
	limit := maxLine
	for len(s) > limit {
		cut := limit
		// Never split a UTF-8 sequence: back up to the start of the rune.
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		iw.w.WriteString(s[:cut])
		iw.w.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLine - 1 // the leading space counts
	}
	iw.w.WriteString(s)
	_, iw.err = iw.w.WriteString("\r\n")
}

// text writes a TEXT property, escaped.
func (iw *icsWriter) text(name, value string) { iw.line(name, escapeText(value)) }

// escapeText escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon,
// comma and line breaks; other control characters (C0, DEL, C1, the Unicode
// line separators) are not allowed in TEXT and are dropped by
// data.CleanText, tabs become spaces, invalid UTF-8 is dropped. Text saved
// before control characters were refused is cleaned the same way.
func escapeText(s string) string {
	s = data.CleanText(strings.ToValidUTF8(s, ""), true)
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			b.WriteString(`\\`)
		case c == ';':
			b.WriteString(`\;`)
		case c == ',':
			b.WriteString(`\,`)
		case c == '\r':
			b.WriteString(`\n`)
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteByte(c)
		case c < 0x20 || c == 0x7f:
			// dropped
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

const (
	icsDateTime = "20060102T150405"
	icsDate     = "20060102"
)

func utcStamp(t time.Time) string { return t.UTC().Format(icsDateTime) + "Z" }

func writeICS(ctx context.Context, w io.Writer, p *plan) (Summary, error) {
	var sum Summary
	iw := &icsWriter{w: bufio.NewWriterSize(w, 64<<10)}
	iw.line("BEGIN", "VCALENDAR")
	iw.line("PRODID", "-//Feedtakt//Redaktionsplan//DE")
	iw.line("VERSION", "2.0")
	iw.line("CALSCALE", "GREGORIAN")
	iw.line("METHOD", "PUBLISH")
	iw.text("X-WR-CALNAME", p.title())
	iw.line("X-WR-TIMEZONE", icsZone)
	writeVTimezone(iw, p.from.Year <= 1996)
	stamp := utcStamp(p.now)
	for i, post := range p.posts {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return sum, err
			}
		}
		if post.Status == data.StatusDiscarded {
			sum.LeftOut++
			continue
		}
		p.writeEvent(iw, post, stamp)
		sum.Posts++
	}
	iw.line("END", "VCALENDAR")
	if iw.err != nil {
		return sum, iw.err
	}
	return sum, iw.w.Flush()
}

// writeVTimezone describes Europe/Berlin with the EU rules in force since
// 1996 (last Sunday of March and October at 01:00 UTC). An export that
// reaches back to 1996 also gets the 1981–1995 rule (summer time ended on
// the last Sunday of September), because a client takes the latest onset
// before an event and would otherwise put autumn 1995 on summer time.
func writeVTimezone(iw *icsWriter, historic bool) {
	iw.line("BEGIN", "VTIMEZONE")
	iw.line("TZID", icsZone)
	iw.line("X-LIC-LOCATION", icsZone)
	iw.line("BEGIN", "DAYLIGHT")
	iw.line("TZOFFSETFROM", "+0100")
	iw.line("TZOFFSETTO", "+0200")
	iw.line("TZNAME", "CEST")
	iw.line("DTSTART", "19810329T020000")
	iw.line("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
	iw.line("END", "DAYLIGHT")
	if historic {
		iw.line("BEGIN", "STANDARD")
		iw.line("TZOFFSETFROM", "+0200")
		iw.line("TZOFFSETTO", "+0100")
		iw.line("TZNAME", "CET")
		iw.line("DTSTART", "19810927T030000")
		iw.line("RRULE", "FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU;UNTIL=19950924T010000Z")
		iw.line("END", "STANDARD")
	}
	iw.line("BEGIN", "STANDARD")
	iw.line("TZOFFSETFROM", "+0200")
	iw.line("TZOFFSETTO", "+0100")
	iw.line("TZNAME", "CET")
	iw.line("DTSTART", "19961027T030000")
	iw.line("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
	iw.line("END", "STANDARD")
	iw.line("END", "VTIMEZONE")
}

// when returns the planned instant of a timed post and the DST note, read
// the way the rest of the app reads it (calendar.LocalTime).
func when(post data.Post) (t time.Time, note string) {
	var m calendar.Message
	if post.Zone == "" || post.Zone == icsZone {
		t, m = calendar.LocalTime(*post.Date, post.Time.Hour, post.Time.Minute, berlin())
	} else {
		t, m, _ = post.When()
	}
	if m.IsZero() {
		return t, ""
	}
	return t, m.Text("de")
}

func (p *plan) writeEvent(iw *icsWriter, post data.Post, stamp string) {
	iw.line("BEGIN", "VEVENT")
	iw.text("UID", post.UID)
	iw.line("DTSTAMP", stamp)
	if !post.Created.IsZero() {
		iw.line("CREATED", utcStamp(post.Created))
	}
	if !post.Updated.IsZero() {
		iw.line("LAST-MODIFIED", utcStamp(post.Updated))
	}
	iw.line("SEQUENCE", strconv.Itoa(sequence(post)))
	var note string
	if post.Time != nil {
		var start time.Time
		start, note = when(post)
		end := start.Add(eventLength)
		iw.line(icsTime("DTSTART", start))
		iw.line(icsTime("DTEND", end))
	} else {
		d := *post.Date
		next := d.AddDays(1)
		iw.line("DTSTART;VALUE=DATE", d.Time(time.UTC).Format(icsDate))
		iw.line("DTEND;VALUE=DATE", next.Time(time.UTC).Format(icsDate))
	}
	iw.text("SUMMARY", p.summary(post))
	iw.text("DESCRIPTION", p.description(post, note))
	if t, ok := p.topic(post); ok {
		iw.text("CATEGORIES", t.Name)
	}
	iw.line("STATUS", icsStatus(post.Status))
	// A planned post is a reminder, not a meeting: it must not make the
	// press officer look busy to colleagues booking appointments.
	iw.line("TRANSP", "TRANSPARENT")
	iw.line("X-MICROSOFT-CDO-BUSYSTATUS", "FREE")
	if u, ok := linkURI(post.PublishedLink); ok {
		iw.line("URL", u)
	}
	iw.line("END", "VEVENT")
}

// icsTime formats an instant as a Berlin wall-clock time with TZID: the
// instant's own wall clock, so for a stored 02:30 in the spring gap it is
// 03:30, exactly what the app shows, not a time that does not exist and
// that each client resolves its own way. A wall-clock time that a client
// would read as another instant (the second 02:30 in October: RFC 5545
// takes the first) is written in UTC instead, and so is any instant when
// the zone is not Berlin.
func icsTime(name string, t time.Time) (string, string) {
	loc := berlin()
	local := t.In(loc)
	if t.Location().String() == icsZone {
		back, _ := calendar.LocalTime(calendar.FromTime(local), local.Hour(), local.Minute(), loc)
		if back.Equal(t) {
			return name + ";TZID=" + icsZone, local.Format(icsDateTime)
		}
	}
	return name, utcStamp(t)
}

// sequence grows with every change of the post, so a re-imported event
// replaces the older one: seconds from creation to the last change, 0 for
// a post never changed (RFC 5545 3.8.7.4).
func sequence(post data.Post) int {
	if post.Created.IsZero() || post.Updated.IsZero() {
		return 0
	}
	s := post.Updated.Sub(post.Created) / time.Second
	switch {
	case s < 0:
		return 0
	case s > math.MaxInt32:
		return math.MaxInt32
	}
	return int(s)
}

// summary is "[Instagram, Facebook] Title"; the topic goes to CATEGORIES.
func (p *plan) summary(post data.Post) string {
	names := p.channelNames(post)
	if len(names) == 0 {
		return post.Title
	}
	return "[" + strings.Join(names, ", ") + "] " + post.Title
}

// description is the post as a colleague reads it in the calendar entry.
func (p *plan) description(post data.Post, note string) string {
	var b strings.Builder
	b.WriteString("Status: " + statusName(post.Status))
	if t, ok := p.topic(post); ok {
		b.WriteString("\nRubrik: " + t.Name)
	}
	if names := p.channelNames(post); len(names) > 0 {
		b.WriteString("\nKanäle: " + strings.Join(names, ", "))
	}
	if note != "" {
		b.WriteString("\nHinweis: " + note)
	}
	if post.Caption != "" {
		b.WriteString("\n\n" + post.Caption)
	}
	for _, pc := range post.Channels {
		c, ok := p.channels[pc.ChannelID]
		if !ok || pc.Caption == "" || pc.Caption == post.Caption {
			continue
		}
		b.WriteString("\n\nText für " + c.Name + ":\n" + pc.Caption)
	}
	if post.Notes != "" {
		b.WriteString("\n\nNotizen:\n" + post.Notes)
	}
	if post.PublishedLink != "" || post.PublishedOn != nil {
		b.WriteString("\n\nVeröffentlicht")
		if post.PublishedOn != nil {
			b.WriteString(" am " + post.PublishedOn.String())
		}
		if post.PublishedLink != "" {
			b.WriteString(": " + post.PublishedLink)
		}
	}
	return b.String()
}

// icsStatus maps the workflow onto VEVENT's three states: unfinished work
// is tentative, approved and published posts are confirmed.
func icsStatus(s data.Status) string {
	switch s {
	case data.StatusApproved, data.StatusPublished:
		return "CONFIRMED"
	case data.StatusDiscarded:
		return "CANCELLED"
	}
	return "TENTATIVE"
}

// linkURI returns the published link as an http(s) URI that can stand in
// a URI property: parsed, with umlauts and spaces in the path
// percent-encoded. Anything else (a host with umlauts, a note instead of a
// link) only appears in the description.
func linkURI(link string) (string, bool) {
	if link == "" || strings.ContainsAny(link, "\r\n") {
		return "", false
	}
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !ascii(u.Host) {
		return "", false
	}
	s := u.String()
	if !ascii(s) {
		return "", false
	}
	return s, true
}

// ascii reports whether s holds printable ASCII only.
func ascii(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f || r >= utf8.RuneSelf })
}
