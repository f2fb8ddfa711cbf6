package exchange

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// icsProp is one unfolded content line.
type icsProp struct {
	name   string
	params map[string]string
	value  string
}

// icsComponent is a BEGIN…END block with its properties and children.
type icsComponent struct {
	kind     string
	props    []icsProp
	children []*icsComponent
}

func (c *icsComponent) get(name string) (icsProp, bool) {
	for _, p := range c.props {
		if p.name == name {
			return p, true
		}
	}
	return icsProp{}, false
}

func (c *icsComponent) value(t *testing.T, name string) string {
	t.Helper()
	p, ok := c.get(name)
	if !ok {
		t.Fatalf("%s has no %s", c.kind, name)
	}
	return p.value
}

func (c *icsComponent) all(kind string) []*icsComponent {
	var out []*icsComponent
	for _, ch := range c.children {
		if ch.kind == kind {
			out = append(out, ch)
		}
	}
	return out
}

// checkPhysical checks the file as bytes: CRLF after every line and no
// bare CR or LF, every line at most 75 octets, valid UTF-8 in every line
// (so no fold split a character).
func checkPhysical(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Fatal("file does not end with CRLF")
	}
	lines := bytes.Split(b[:len(b)-2], []byte("\r\n"))
	for i, l := range lines {
		if len(l) > maxLine {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if bytes.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if !utf8.Valid(l) {
			t.Errorf("line %d is not valid UTF-8 (a fold split a character): %q", i+1, l)
		}
	}
}

// parseICS unfolds and parses an iCalendar file into its component tree;
// it fails on unbalanced BEGIN/END.
func parseICS(t *testing.T, b []byte) *icsComponent {
	t.Helper()
	checkPhysical(t, b)
	text := strings.ReplaceAll(string(b), "\r\n ", "")
	text = strings.ReplaceAll(text, "\r\n\t", "")
	root := &icsComponent{kind: "ROOT"}
	stack := []*icsComponent{root}
	for _, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		head, value, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("line without colon: %q", line)
		}
		parts := strings.Split(head, ";")
		p := icsProp{name: parts[0], params: map[string]string{}, value: value}
		for _, kv := range parts[1:] {
			k, v, _ := strings.Cut(kv, "=")
			p.params[k] = v
		}
		top := stack[len(stack)-1]
		switch p.name {
		case "BEGIN":
			c := &icsComponent{kind: value}
			top.children = append(top.children, c)
			stack = append(stack, c)
		case "END":
			if top.kind != value {
				t.Fatalf("END:%s closes %s", value, top.kind)
			}
			stack = stack[:len(stack)-1]
		default:
			top.props = append(top.props, p)
		}
	}
	if len(stack) != 1 || len(root.children) != 1 || root.children[0].kind != "VCALENDAR" {
		t.Fatalf("not one balanced VCALENDAR: depth %d, %d top components", len(stack), len(root.children))
	}
	return root.children[0]
}

// unescapeText reverses TEXT escaping and fails on an escape RFC 5545
// does not know or an unescaped separator.
func unescapeText(t *testing.T, s string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 == len(s) {
				t.Fatalf("dangling backslash in %q", s)
			}
			i++
			switch s[i] {
			case '\\', ';', ',':
				b.WriteByte(s[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				t.Fatalf("unknown escape \\%c in %q", s[i], s)
			}
		case ';', ',':
			t.Fatalf("unescaped %c in TEXT %q", c, s)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func eventsByUID(t *testing.T, cal *icsComponent) map[string]*icsComponent {
	t.Helper()
	m := map[string]*icsComponent{}
	for _, e := range cal.all("VEVENT") {
		uid := e.value(t, "UID")
		if m[uid] != nil {
			t.Fatalf("UID %s twice", uid)
		}
		m[uid] = e
	}
	return m
}

func TestICSCalendarAndEvents(t *testing.T) {
	ws := newTestWorkspace(t)
	azubi := ws.add(t, postSpec{
		title: "Azubi-Dienstag: Lena im Archiv", date: day(2026, 12, 1), clock: "10:00",
		status: data.StatusApproved, topic: "Ausbildung & Karriere", channels: []string{"Instagram", "Facebook"},
		caption: "Lena (2. Lehrjahr) zeigt, wie Akten; Karten, Pläne\\Skizzen archiviert werden. 📦✨\nZweite Zeile\r\nDritte Zeile",
		notes:   "Freigabe durch Frau Öztürk-Müller, Tel. 0511/123-456",
		link:    "https://www.instagram.com/p/Cx12ab/?img_index=1",
	})
	allDay := ws.add(t, postSpec{
		title: "Weltkindertag 🎈 – Grüße aus dem Amt", date: day(2026, 12, 24), status: data.StatusIdea,
		topic: "Bauen, Planen; Beteiligung", channels: []string{"Mastodon"},
	})
	noChannel := ws.add(t, postSpec{title: "Ohne Kanal", date: day(2026, 12, 31), clock: "23:45", status: data.StatusPublished})
	ws.add(t, postSpec{title: "Verworfene Idee", date: day(2026, 12, 2), status: data.StatusDiscarded, channels: []string{"Instagram"}})
	ws.add(t, postSpec{title: "Außerhalb", date: day(2027, 1, 1), clock: "09:00"})

	b, sum := export(t, ws.Workspace, FormatICS, day(2026, 12, 1), day(2026, 12, 31))
	if sum.Posts != 3 || sum.LeftOut != 1 {
		t.Errorf("summary = %+v, want 3 posts, 1 left out", sum)
	}
	cal := parseICS(t, b)
	for name, want := range map[string]string{
		"VERSION": "2.0", "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH",
		"PRODID": "-//Feedtakt//Redaktionsplan//DE", "X-WR-CALNAME": "Redaktionsplan Landesamt für Denkmalpflege Südheide",
	} {
		if got := cal.value(t, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if tz := cal.all("VTIMEZONE"); len(tz) != 1 || tz[0].value(t, "TZID") != "Europe/Berlin" ||
		len(tz[0].all("STANDARD")) != 1 || len(tz[0].all("DAYLIGHT")) != 1 {
		t.Fatalf("want one VTIMEZONE Europe/Berlin with one STANDARD and one DAYLIGHT, got %+v", tz)
	}
	ev := eventsByUID(t, cal)
	if len(ev) != 3 {
		t.Fatalf("%d events, want 3 (discarded and out-of-range posts left out)", len(ev))
	}

	e := ev[azubi.UID]
	if e == nil {
		t.Fatalf("no event with UID %s", azubi.UID)
	}
	checks := []struct{ name, param, want string }{
		{"DTSTART", "TZID", "Europe/Berlin"}, {"DTEND", "TZID", "Europe/Berlin"},
	}
	for _, c := range checks {
		if p, _ := e.get(c.name); p.params[c.param] != c.want {
			t.Errorf("%s;%s = %q, want %q", c.name, c.param, p.params[c.param], c.want)
		}
	}
	for name, want := range map[string]string{
		"DTSTART": "20261201T100000", "DTEND": "20261201T103000", "STATUS": "CONFIRMED",
		"DTSTAMP": "20261127T130500Z", "SEQUENCE": "0", "TRANSP": "TRANSPARENT",
		"URL": "https://www.instagram.com/p/Cx12ab/?img_index=1",
	} {
		if got := e.value(t, name); got != want {
			t.Errorf("azubi %s = %q, want %q", name, got, want)
		}
	}
	if got := unescapeText(t, e.value(t, "SUMMARY")); got != "[Instagram, Facebook] Azubi-Dienstag: Lena im Archiv" {
		t.Errorf("SUMMARY = %q", got)
	}
	if got := unescapeText(t, e.value(t, "CATEGORIES")); got != "Ausbildung & Karriere" {
		t.Errorf("CATEGORIES = %q", got)
	}
	desc := unescapeText(t, e.value(t, "DESCRIPTION"))
	for _, want := range []string{
		"Status: Freigegeben", "Rubrik: Ausbildung & Karriere", "Kanäle: Instagram, Facebook",
		"Lena (2. Lehrjahr) zeigt, wie Akten; Karten, Pläne\\Skizzen archiviert werden. 📦✨\nZweite Zeile\nDritte Zeile",
		"Notizen:\nFreigabe durch Frau Öztürk-Müller, Tel. 0511/123-456",
	} {
		if !strings.Contains(desc, want) {
			t.Errorf("DESCRIPTION lacks %q:\n%s", want, desc)
		}
	}

	e = ev[allDay.UID]
	if p, _ := e.get("DTSTART"); p.params["VALUE"] != "DATE" || p.value != "20261224" {
		t.Errorf("all-day DTSTART = %+v", p)
	}
	if p, _ := e.get("DTEND"); p.params["VALUE"] != "DATE" || p.value != "20261225" {
		t.Errorf("all-day DTEND = %+v", p)
	}
	if got := unescapeText(t, e.value(t, "CATEGORIES")); got != "Bauen, Planen; Beteiligung" {
		t.Errorf("CATEGORIES with comma = %q", got)
	}
	if got := e.value(t, "STATUS"); got != "TENTATIVE" {
		t.Errorf("idea STATUS = %q", got)
	}
	if got := unescapeText(t, e.value(t, "SUMMARY")); got != "[Mastodon] Weltkindertag 🎈 – Grüße aus dem Amt" {
		t.Errorf("SUMMARY = %q", got)
	}

	e = ev[noChannel.UID]
	if got := unescapeText(t, e.value(t, "SUMMARY")); got != "Ohne Kanal" {
		t.Errorf("SUMMARY without channel = %q", got)
	}
	if _, ok := e.get("CATEGORIES"); ok {
		t.Error("CATEGORIES on a post without topic")
	}
	if _, ok := e.get("URL"); ok {
		t.Error("URL on a post without link")
	}
	// 23:45 + 30 minutes ends on the next day.
	if got := e.value(t, "DTEND"); got != "20270101T001500" {
		t.Errorf("DTEND across midnight = %q", got)
	}
}

func TestICSSameUIDEveryExportAndSequenceGrows(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	p := ws.add(t, postSpec{title: "Azubi-Dienstag", date: day(2026, 12, 1), clock: "10:00", channels: []string{"Instagram"}})
	first, _ := export(t, ws.Workspace, FormatICS, day(2026, 12, 1), day(2026, 12, 31))

	ws.clock.advance(90 * time.Minute)
	p.Title = "Azubi-Dienstag: Lena im Archiv"
	d := day(2026, 12, 8)
	p.Date = &d
	if err := ws.UpdatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	second, _ := export(t, ws.Workspace, FormatICS, day(2026, 12, 1), day(2026, 12, 31))

	e1 := parseICS(t, first).all("VEVENT")
	e2 := parseICS(t, second).all("VEVENT")
	if len(e1) != 1 || len(e2) != 1 {
		t.Fatalf("events: %d and %d", len(e1), len(e2))
	}
	if u1, u2 := e1[0].value(t, "UID"), e2[0].value(t, "UID"); u1 != u2 || u1 != p.UID {
		t.Errorf("UIDs %q and %q, want both %q", u1, u2, p.UID)
	}
	s1, _ := strconv.Atoi(e1[0].value(t, "SEQUENCE"))
	s2, _ := strconv.Atoi(e2[0].value(t, "SEQUENCE"))
	if s2 <= s1 {
		t.Errorf("SEQUENCE %d after the change, %d before: Outlook would keep the old event", s2, s1)
	}
	if got := e2[0].value(t, "DTSTART"); got != "20261208T100000" {
		t.Errorf("moved DTSTART = %q", got)
	}
	if got := e2[0].value(t, "LAST-MODIFIED"); got != "20261101T093000Z" {
		t.Errorf("LAST-MODIFIED = %q", got)
	}
}

func TestICSDaylightSavingTime(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	gap := ws.add(t, postSpec{title: "In der Lücke", date: day(2026, 3, 29), clock: "02:30"})
	beforeGap := ws.add(t, postSpec{title: "Vor der Lücke", date: day(2026, 3, 29), clock: "01:45"})
	twice := ws.add(t, postSpec{title: "Doppelt", date: day(2026, 10, 25), clock: "02:30"})
	lateTwice := ws.add(t, postSpec{title: "Spät doppelt", date: day(2026, 10, 25), clock: "01:45"})
	normal := ws.add(t, postSpec{title: "Sommer", date: day(2026, 7, 1), clock: "09:00"})
	leap := ws.add(t, postSpec{title: "Schalttag", date: day(2028, 2, 29), clock: "12:00"})

	b, _ := export(t, ws.Workspace, FormatICS, day(2026, 1, 1), day(2028, 12, 31))
	ev := eventsByUID(t, parseICS(t, b))
	berlin := calendar.GermanZone()
	for _, c := range []struct {
		p                  data.Post
		start, end         string
		endUTC, noteSubstr string
	}{
		// calendar.LocalTime moves 02:30 in the gap to 03:30 summer time.
		{p: gap, start: "20260329T033000", end: "20260329T040000", noteSubstr: "gibt es am 29.03.2026 wegen der Zeitumstellung nicht"},
		{p: beforeGap, start: "20260329T014500", end: "20260329T031500"},
		// The first 02:30 (summer time); its end, 00:00 UTC+1 later, is the
		// second 02:00, which a wall-clock time would name wrongly: UTC.
		{p: twice, start: "20261025T023000", endUTC: "20261025T010000Z", noteSubstr: "zweimal"},
		{p: lateTwice, start: "20261025T014500", end: "20261025T021500"},
		{p: normal, start: "20260701T090000", end: "20260701T093000"},
		{p: leap, start: "20280229T120000", end: "20280229T123000"},
	} {
		e := ev[c.p.UID]
		if e == nil {
			t.Fatalf("%s: no event", c.p.Title)
		}
		if got := e.value(t, "DTSTART"); got != c.start {
			t.Errorf("%s: DTSTART %s, want %s", c.p.Title, got, c.start)
		}
		endProp, _ := e.get("DTEND")
		switch {
		case c.end != "" && (endProp.value != c.end || endProp.params["TZID"] != "Europe/Berlin"):
			t.Errorf("%s: DTEND %+v, want TZID %s", c.p.Title, endProp, c.end)
		case c.endUTC != "" && (endProp.value != c.endUTC || len(endProp.params) != 0):
			t.Errorf("%s: DTEND %+v, want UTC %s", c.p.Title, endProp, c.endUTC)
		}
		// Read back as a client would (RFC 5545: a missing time means
		// after the gap, a doubled one the first): 30 minutes after the
		// instant the app shows.
		start := readBerlin(t, e, "DTSTART", berlin)
		end := readBerlin(t, e, "DTEND", berlin)
		want, _, _ := c.p.When()
		if !start.Equal(want) || end.Sub(start) != 30*time.Minute {
			t.Errorf("%s: client reads %s – %s, app shows %s", c.p.Title, start, end, want)
		}
		desc := unescapeText(t, e.value(t, "DESCRIPTION"))
		if c.noteSubstr != "" && !strings.Contains(desc, c.noteSubstr) {
			t.Errorf("%s: DESCRIPTION lacks the DST note %q:\n%s", c.p.Title, c.noteSubstr, desc)
		}
	}
	// The export does not touch the stored wall-clock time.
	stored, err := ws.Post(ctx, gap.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Time.String() != "02:30" {
		t.Errorf("stored time became %s", stored.Time)
	}
}

// readBerlin reads DTSTART/DTEND the way RFC 5545 tells a client to.
func readBerlin(t *testing.T, e *icsComponent, name string, loc *time.Location) time.Time {
	t.Helper()
	p, _ := e.get(name)
	if strings.HasSuffix(p.value, "Z") {
		v, err := time.Parse(icsDateTime+"Z", p.value)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	w, err := time.Parse(icsDateTime, p.value)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := calendar.LocalTime(calendar.FromTime(w), w.Hour(), w.Minute(), loc)
	return v
}

func TestICSOtherZoneIsWrittenInUTC(t *testing.T) {
	ws := newTestWorkspace(t)
	p := ws.add(t, postSpec{title: "Partnerstadt", date: day(2026, 12, 3), clock: "09:00", zone: "America/New_York"})
	b, _ := export(t, ws.Workspace, FormatICS, day(2026, 12, 1), day(2026, 12, 31))
	e := eventsByUID(t, parseICS(t, b))[p.UID]
	if got := e.value(t, "DTSTART"); got != "20261203T140000Z" {
		t.Errorf("DTSTART = %q, want 14:00 UTC", got)
	}
}

func TestICSLongTextEmojiAndEscapingRoundTrip(t *testing.T) {
	ws := newTestWorkspace(t)
	// The title is limited to 300 characters; long text comes in through
	// the caption. Emoji of 4 octets sit at every offset so some straddle
	// a fold.
	var long strings.Builder
	for i := 0; long.Len() < 20000; i++ {
		long.WriteString(strings.Repeat("ä", i%5))
		long.WriteString("👩‍👩‍👧 ;,\\ Grüße ")
		if i%7 == 0 {
			long.WriteString("\n")
		}
	}
	caption := long.String()
	title := ""
	for utf8.RuneCountInString(title) < data.MaxTitle-2 {
		title += "Wind🌬️,;"
	}
	title = string([]rune(title)[:data.MaxTitle])
	tricky := []string{
		`backslash at end \`, `\n is not a newline`, "tab\there", "CR\ronly", "semi;colon,comma",
		"CRLF\r\nline", "\\;\\,", "„Anführungszeichen“ und 'Apostroph'",
	}
	p := ws.add(t, postSpec{title: title, caption: caption, notes: strings.Join(tricky, "\n"), date: day(2026, 12, 5), clock: "11:11",
		channels: []string{"Instagram", "Facebook", "Mastodon", "LinkedIn", "YouTube", "TikTok", "Website", "Newsletter"}})

	b, _ := export(t, ws.Workspace, FormatICS, day(2026, 12, 1), day(2026, 12, 31))
	e := eventsByUID(t, parseICS(t, b))[p.UID]
	summary := unescapeText(t, e.value(t, "SUMMARY"))
	wantSummary := "[Instagram, Facebook, Mastodon, LinkedIn, YouTube, TikTok, Website, Newsletter] " + strings.TrimSpace(title)
	if summary != wantSummary {
		t.Errorf("SUMMARY did not round-trip:\n got %q\nwant %q", summary, wantSummary)
	}
	desc := unescapeText(t, e.value(t, "DESCRIPTION"))
	if !strings.Contains(desc, "\n\n"+caption+"\n\n") {
		t.Error("the 20,000-byte caption did not round-trip")
	}
	wantNotes := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(strings.Join(tricky, "\n"))
	if !strings.Contains(desc, "Notizen:\n"+wantNotes) {
		t.Errorf("notes did not round-trip:\n%q", desc)
	}
}

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		`a\b`:                `a\\b`,
		"a;b,c":              `a\;b\,c`,
		"1\n2\r\n3\r4":       `1\n2\n3\n4`,
		"bell\a and nul\x00": "bell and nul",
		"tab\tstays":         "tab\tstays",
		"bad \xff utf8":      "bad  utf8",
		"emoji 👍🏽 ok":        "emoji 👍🏽 ok",
	} {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFoldNeverSplitsACharacter(t *testing.T) {
	pieces := []string{"a", "ä", "€", "👍", "👩‍👩‍👧"}
	for n := 60; n < 400; n += 7 {
		for off := range pieces {
			var s strings.Builder
			for i := 0; s.Len() < n; i++ {
				s.WriteString(pieces[(i+off)%len(pieces)])
			}
			var buf bytes.Buffer
			iw := newTestICSWriter(&buf)
			iw.line("DESCRIPTION", s.String())
			iw.w.Flush()
			out := buf.Bytes()
			checkPhysical(t, out)
			if got := strings.ReplaceAll(strings.TrimSuffix(string(out), "\r\n"), "\r\n ", ""); got != "DESCRIPTION:"+s.String() {
				t.Fatalf("unfolding does not give the line back (n=%d)", n)
			}
		}
	}
}

func newTestICSWriter(buf *bytes.Buffer) *icsWriter {
	return &icsWriter{w: bufio.NewWriter(buf)}
}

func TestICSEmptyRangeIsAValidCalendar(t *testing.T) {
	ws := newTestWorkspace(t)
	b, sum := export(t, ws.Workspace, FormatICS, day(2030, 1, 1), day(2030, 1, 31))
	cal := parseICS(t, b)
	if n := len(cal.all("VEVENT")); n != 0 || sum.Posts != 0 {
		t.Errorf("%d events in an empty period", n)
	}
	if len(cal.all("VTIMEZONE")) != 1 {
		t.Error("empty calendar lacks its VTIMEZONE")
	}
}

func TestICSStatusCoversEveryStatus(t *testing.T) {
	want := map[data.Status]string{
		data.StatusIdea: "TENTATIVE", data.StatusDraft: "TENTATIVE", data.StatusReview: "TENTATIVE",
		data.StatusApproved: "CONFIRMED", data.StatusPublished: "CONFIRMED", data.StatusDiscarded: "CANCELLED",
	}
	for _, s := range data.Statuses() {
		if got := icsStatus(s); got != want[s] {
			t.Errorf("icsStatus(%s) = %s, want %s", s, got, want[s])
		}
		if statusName(s) == string(s) {
			t.Errorf("status %s has no German name", s)
		}
	}
}

func TestLinkURI(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a?b=1;c=2,3":  "https://example.org/a?b=1;c=2,3",
		"https://example.org/Grüße aus A":  "https://example.org/Gr%C3%BC%C3%9Fe%20aus%20A",
		"http://x.de":                      "http://x.de",
		"javascript:alert(1)":              "",
		"ftp://example.org/x":              "",
		"siehe Instagram":                  "",
		"https://bürgerbeteiligung.de/abc": "",
		"https://a.de/x\r\nEVIL:1":         "",
	} {
		got, ok := linkURI(in)
		if got != want || ok != (want != "") {
			t.Errorf("linkURI(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestVTimezoneMatchesGoZoneData evaluates the VTIMEZONE rules of an
// export that reaches back to 1995 and compares the offset they give
// with Go's Europe/Berlin at noon and around every transition, 1995–2100.
func TestVTimezoneMatchesGoZoneData(t *testing.T) {
	for _, from := range []calendar.Date{day(1995, 1, 1), day(2026, 1, 1)} {
		t.Run(strconv.Itoa(from.Year), func(t *testing.T) {
			ws := newTestWorkspace(t)
			b, _ := export(t, ws.Workspace, FormatICS, from, from.AddDays(10))
			tz := parseICS(t, b).all("VTIMEZONE")[0]
			type onset struct {
				at       time.Time // UTC
				from, to int       // offsets in seconds
			}
			var onsets []onset
			for _, c := range tz.children {
				offFrom := parseOffset(t, c.value(t, "TZOFFSETFROM"))
				offTo := parseOffset(t, c.value(t, "TZOFFSETTO"))
				start, err := time.Parse(icsDateTime, c.value(t, "DTSTART"))
				if err != nil {
					t.Fatal(err)
				}
				month, until := parseYearlyLastSunday(t, c.value(t, "RRULE"))
				for y := start.Year(); y <= 2100; y++ {
					d := lastSunday(y, month)
					// The onset's local time is read in the offset before it.
					at := time.Date(y, month, d, start.Hour(), start.Minute(), 0, 0, time.UTC).Add(-time.Duration(offFrom) * time.Second)
					if !until.IsZero() && at.After(until) {
						break
					}
					onsets = append(onsets, onset{at, offFrom, offTo})
				}
			}
			offsetAt := func(u time.Time) int {
				best := onset{to: 3600}
				for _, o := range onsets {
					if !o.at.After(u) && o.at.After(best.at) {
						best = o
					}
				}
				return best.to
			}
			berlin := calendar.GermanZone()
			check := func(u time.Time) {
				_, want := u.In(berlin).Zone()
				if got := offsetAt(u); got != want {
					t.Fatalf("%s: VTIMEZONE gives %+d s, Go %+d s", u.In(berlin), got, want)
				}
			}
			for d := from; d.Year <= 2100; d = d.AddDays(1) {
				check(time.Date(d.Year, d.Month, d.Day, 11, 0, 0, 0, time.UTC))
			}
			for _, o := range onsets {
				if o.at.Year() >= from.Year {
					check(o.at.Add(-time.Minute))
					check(o.at)
				}
			}
		})
	}
}

func parseOffset(t *testing.T, s string) int {
	t.Helper()
	if len(s) != 5 {
		t.Fatalf("offset %q", s)
	}
	h, _ := strconv.Atoi(s[1:3])
	m, _ := strconv.Atoi(s[3:5])
	v := h*3600 + m*60
	if s[0] == '-' {
		v = -v
	}
	return v
}

// parseYearlyLastSunday understands the only RRULE form the export
// writes: FREQ=YEARLY;BYMONTH=m;BYDAY=-1SU[;UNTIL=…Z].
func parseYearlyLastSunday(t *testing.T, rule string) (time.Month, time.Time) {
	t.Helper()
	var month time.Month
	var until time.Time
	for _, part := range strings.Split(rule, ";") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "FREQ":
			if v != "YEARLY" {
				t.Fatalf("FREQ %s", v)
			}
		case "BYMONTH":
			m, _ := strconv.Atoi(v)
			month = time.Month(m)
		case "BYDAY":
			if v != "-1SU" {
				t.Fatalf("BYDAY %s", v)
			}
		case "UNTIL":
			u, err := time.Parse(icsDateTime+"Z", v)
			if err != nil {
				t.Fatal(err)
			}
			until = u
		default:
			t.Fatalf("RRULE part %s", part)
		}
	}
	return month, until
}

func lastSunday(y int, m time.Month) int {
	d := calendar.DaysInMonth(y, m)
	for calendar.NewDate(y, m, d).Weekday() != time.Sunday {
		d--
	}
	return d
}

func ExampleSuggestedName() {
	fmt.Println(SuggestedName(FormatICS, calendar.NewDate(2026, 12, 1), calendar.NewDate(2026, 12, 31)))
	// Output: Redaktionsplan_2026-12-01_2026-12-31.ics
}
