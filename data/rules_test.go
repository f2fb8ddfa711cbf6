package data

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"feedtakt/assets"
	"feedtakt/data/calendar"
)

// de is a message as the German UI shows it.
func de(m calendar.Message) string { return assets.Text("de", m.Key, m.Args) }

func TestTodayIsTheWorkspaceZonesDay(t *testing.T) {
	tests := []struct {
		name string
		now  time.Time
		want calendar.Date
	}{
		// 23:30 UTC on 31 December is already New Year in Berlin: a PC
		// whose clock runs in UTC must still show 1 January as today.
		{"UTC evening is Berlin's next day", time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC), date(2027, 1, 1)},
		{"New York evening", time.Date(2026, 7, 1, 20, 0, 0, 0, mustZone(t, "America/New_York")), date(2026, 7, 2)},
		{"Berlin just before midnight", time.Date(2026, 3, 28, 23, 59, 0, 0, WorkspaceZone()), date(2026, 3, 28)},
	}
	for _, tt := range tests {
		if got := Today(tt.now); got != tt.want {
			t.Errorf("%s: Today = %v, want %v", tt.name, got, tt.want)
		}
	}
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	if got := ws.Today(); got != date(2026, 3, 1) {
		t.Errorf("Workspace.Today = %v", got)
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestMidnightIsBerlinMidnight(t *testing.T) {
	m := Midnight(date(2026, 3, 29))
	if m.UTC() != time.Date(2026, 3, 28, 23, 0, 0, 0, time.UTC) {
		t.Errorf("Midnight 29.03.2026 = %v", m.UTC())
	}
	// The day of the spring change has 23 hours, the autumn one 25.
	if d := Midnight(date(2026, 3, 30)).Sub(m); d != 23*time.Hour {
		t.Errorf("29.03.2026 lasts %v", d)
	}
	if d := Midnight(date(2026, 10, 26)).Sub(Midnight(date(2026, 10, 25))); d != 25*time.Hour {
		t.Errorf("25.10.2026 lasts %v", d)
	}
	if !SameDay(time.Date(2026, 1, 1, 22, 59, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, WorkspaceZone())) {
		t.Error("22:59 UTC on 1 January is still 1 January in Berlin")
	}
	if SameDay(time.Date(2026, 1, 1, 23, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 12, 0, 0, 0, WorkspaceZone())) {
		t.Error("23:00 UTC on 1 January is 2 January in Berlin")
	}
}

func TestStatusFor(t *testing.T) {
	d := date(2026, 5, 1)
	tests := []struct {
		date *calendar.Date
		in   Status
		want Status
	}{
		{nil, StatusDraft, StatusIdea},
		{nil, StatusApproved, StatusIdea},
		{nil, StatusDiscarded, StatusDiscarded},
		{nil, "", StatusIdea},
		{&d, StatusIdea, StatusDraft},
		{&d, "", StatusDraft},
		{&d, StatusReview, StatusReview},
		{&d, StatusDiscarded, StatusDiscarded},
	}
	for _, tt := range tests {
		if got := StatusFor(tt.date, tt.in); got != tt.want {
			t.Errorf("StatusFor(%v, %q) = %q, want %q", tt.date, tt.in, got, tt.want)
		}
	}
}

// The status rule holds for every save, not only in the editor.
func TestSavePostAppliesStatusRule(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	p := Post{Title: "Ohne Datum", Status: StatusApproved}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if p.Status != StatusIdea {
		t.Errorf("undated approved post saved as %q, want idea", p.Status)
	}
	d := date(2026, 5, 1)
	p.Date = &d
	if err := ws.UpdatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := ws.Post(ctx, p.ID)
	if err != nil || got.Status != StatusDraft {
		t.Errorf("idea given a date: status %q (%v), want draft", got.Status, err)
	}
}

func TestStatusNamesOneSource(t *testing.T) {
	want := map[Status]string{StatusIdea: "Idee", StatusDraft: "Entwurf", StatusReview: "Zur Freigabe",
		StatusApproved: "Freigegeben", StatusPublished: "Veröffentlicht", StatusDiscarded: "Verworfen"}
	for _, s := range Statuses() {
		if s.German() != want[s] {
			t.Errorf("%s: German %q, want %q", s, s.German(), want[s])
		}
		if en := assets.Text("en", s.Key(), nil); en == "" || en == string(s) && s != StatusDraft {
			t.Errorf("%s: English %q", s, en)
		}
	}
}

func TestPostProblems(t *testing.T) {
	d := date(2026, 3, 29)
	spring := Clock{2, 30}
	exists := func(id int64) bool { return id != 9 }
	keys := func(ps []Problem) string {
		var k []string
		for _, p := range ps {
			k = append(k, p.Key)
		}
		return strings.Join(k, " | ")
	}
	tests := []struct {
		name  string
		p     Post
		quiet string
		want  string
	}{
		{"fine", Post{Date: &d, Status: StatusDraft, Caption: "x", Channels: []PostChannel{{ChannelID: 1}}}, "", ""},
		{"idea without channel or text", Post{Status: StatusIdea}, "", ""},
		{"dated, no channel, no text", Post{Date: &d, Status: StatusDraft}, "", "no channel | no text yet"},
		{"deleted channel", Post{Date: &d, Status: StatusDraft, Caption: "x", Channels: []PostChannel{{ChannelID: 9}, {ChannelID: 9}}}, "", "channel deleted"},
		{"discarded without text", Post{Date: &d, Status: StatusDiscarded, Channels: []PostChannel{{ChannelID: 1}}}, "", ""},
		{"quiet period", Post{Date: &d, Status: StatusDraft, Caption: "x", Channels: []PostChannel{{ChannelID: 1}}}, "Wahl", "quiet period: {{.Note}}"},
	}
	for _, tt := range tests {
		if got := keys(PostProblems(tt.p, exists, tt.quiet)); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	p := Post{Date: &d, Time: &spring, Zone: DefaultZone, Status: StatusDraft, Caption: "x", Channels: []PostChannel{{ChannelID: 1}}}
	ps := PostProblems(p, exists, "")
	if len(ps) != 1 || !strings.Contains(de(calendar.Message(ps[0])), "03:30 Uhr") {
		t.Errorf("DST problem: %+v", ps)
	}
}

func TestCheckSeriesRuleIsTheSaveCheck(t *testing.T) {
	ok := calendar.Recurrence{Kind: calendar.Weekly, Weekday: time.Tuesday, Start: date(2026, 3, 3), Hour: 10, Nth: 3}
	r, err := CheckSeriesRule(ok)
	if err != nil || r.Interval != 1 || r.Nth != 0 {
		t.Errorf("CheckSeriesRule(ok) = %+v, %v", r, err)
	}
	for _, c := range []struct {
		r     calendar.Recurrence
		field string
	}{
		{calendar.Recurrence{Kind: 7, Start: ok.Start}, "repeat"},
		{calendar.Recurrence{Interval: MaxSeriesInterval + 1, Start: ok.Start}, "interval"},
		{calendar.Recurrence{Kind: calendar.MonthlyNth, Nth: 6, Start: ok.Start}, "nth"},
		{calendar.Recurrence{}, "start"},
		{calendar.Recurrence{Start: ok.Start, End: &calendar.Date{Year: 2026, Month: 3, Day: 1}}, "end"},
		{calendar.Recurrence{Start: ok.Start, Count: MaxSeriesCount + 1}, "count"},
		{calendar.Recurrence{Start: date(1990, 1, 1)}, "start"},
	} {
		_, err := CheckSeriesRule(c.r)
		var inv *InvalidError
		if !errors.As(err, &inv) || inv.Field != c.field {
			t.Errorf("CheckSeriesRule(%+v) = %v, want field %s", c.r, err, c.field)
		}
	}
}

func TestEllipsisAndFitText(t *testing.T) {
	if got := Ellipsis("Azubi-Dienstag", 6); got != "Azubi…" {
		t.Errorf("Ellipsis = %q", got)
	}
	if got := Ellipsis("kurz", 6); got != "kurz" {
		t.Errorf("Ellipsis = %q", got)
	}
	fits := func(n int) func(string) bool {
		return func(s string) bool { return len([]rune(s)) <= n }
	}
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"Azubi-Dienstag", 20, "Azubi-Dienstag"},
		{"Azubi-Dienstag", 6, "Azubi…"},
		{"Azubi Dienstag", 7, "Azubi…"}, // no space before the ellipsis
		{"Azubi", 1, "…"},
		{"Azubi", 0, ""},
	} {
		if got := FitText(c.in, fits(c.n)); got != c.want {
			t.Errorf("FitText(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestControlCharactersRefused(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ch := Channel{Name: "Web", Platform: Website}
	if err := ws.SaveChannel(ctx, &ch); err != nil {
		t.Fatal(err)
	}
	d := date(2026, 5, 1)
	base := func() Post {
		return Post{Title: "Titel", Date: &d, Caption: "Zeile 1\r\nZeile 2\tmit Tab", Notes: "a\rb", Channels: []PostChannel{{ChannelID: ch.ID, Caption: "eigener\r\nText"}}}
	}
	p := base()
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatalf("newline, CRLF and tab refused: %v", err)
	}
	got, _ := ws.Post(ctx, p.ID)
	if got.Caption != "Zeile 1\nZeile 2\tmit Tab" || got.Notes != "a\nb" || got.Channels[0].Caption != "eigener\nText" {
		t.Errorf("line ends not normalised: %q %q %q", got.Caption, got.Notes, got.Channels[0].Caption)
	}
	tests := []struct {
		field string
		mod   func(*Post)
		word  string // in the German message
	}{
		{"title", func(p *Post) { p.Title = "Ti\x00tel" }, "Titel"},
		{"title", func(p *Post) { p.Title = "Ti\ntel" }, "Titel"},
		{"caption", func(p *Post) { p.Caption = "Text\x1b[31m" }, "Text"},
		{"caption", func(p *Post) { p.Caption = "Text\u2028mehr" }, "Text"},
		{"caption", func(p *Post) { p.Caption = "Text\u0085" }, "Text"},
		{"notes", func(p *Post) { p.Notes = "\x07" }, "Notizen"},
		{"override", func(p *Post) { p.Channels[0].Caption = "\x00" }, "Kanals"},
		{"link", func(p *Post) { p.PublishedLink = "https://x.de/\x00" }, "Link"},
	}
	for _, tt := range tests {
		p := base()
		tt.mod(&p)
		err := ws.CreatePost(ctx, &p)
		var inv *InvalidError
		if !errors.As(err, &inv) || inv.Field != tt.field {
			t.Errorf("%s: err = %v", tt.field, err)
			continue
		}
		if msg := assets.Text("de", inv.Message, nil); !strings.Contains(msg, tt.word) || !strings.Contains(msg, "Steuerzeichen") {
			t.Errorf("%s: German message %q does not name the field", tt.field, msg)
		}
	}
	s := Series{Title: "Se\x00rie", Rule: calendar.Recurrence{Weekday: time.Monday, Start: d}}
	if err := ws.SaveSeries(ctx, &s); !errors.Is(err, ErrInvalid) {
		t.Errorf("series title with NUL: %v", err)
	}
	if err := ws.SaveChannel(ctx, &Channel{Name: "Ka\x00nal", Platform: Website}); !errors.Is(err, ErrInvalid) {
		t.Errorf("channel name with NUL: %v", err)
	}
	if err := ws.SaveTopic(ctx, &Topic{Name: "Ru\x01brik"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("topic name with control char: %v", err)
	}
	if err := ws.SaveQuietPeriod(ctx, &QuietPeriod{From: d, To: d, Note: "Wahl\x00"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("quiet note with NUL: %v", err)
	}
	if err := ws.SaveOwnDate(ctx, &OwnDate{Date: d, Name: "Tag", Note: "\x00"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("own date note with NUL: %v", err)
	}
}

func TestCleanText(t *testing.T) {
	for _, c := range []struct {
		in        string
		multiLine bool
		want      string
	}{
		{"a\x00b\x1bc", false, "abc"},
		{"a\r\nb\rc\nd", true, "a\nb\nc\nd"},
		{"a\r\nb", false, "a b"},
		{"a\tb", true, "a\tb"},
		{"a\tb\nc", false, "a\tb c"},
		{"a\u2028b\u0085c\x7f", true, "a\nbc"},
		{"Emoji 👩‍💻", false, "Emoji 👩‍💻"},
	} {
		if got := CleanText(c.in, c.multiLine); got != c.want {
			t.Errorf("CleanText(%q, %v) = %q, want %q", c.in, c.multiLine, got, c.want)
		}
	}
}
