package exchange

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// testClock is the workspace's clock in tests; advance moves it so that
// an update gets a later timestamp than the creation.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// testWorkspace is a workspace in a temp folder with channels and topics
// looked up by name.
type testWorkspace struct {
	*data.Workspace
	clock    *testClock
	channels map[string]int64
	topics   map[string]int64
}

var exportTime = time.Date(2026, 11, 27, 14, 5, 0, 0, calendar.GermanZone())

// newTestWorkspace creates a workspace with eight channels and four topics
// (one with a comma and a semicolon in its name), closed at the end of the
// test.
func newTestWorkspace(t testing.TB) *testWorkspace {
	t.Helper()
	clock := &testClock{t: time.Date(2026, 11, 1, 9, 0, 0, 0, calendar.GermanZone())}
	dir := filepath.Join(t.TempDir(), "Feedtakt")
	ws, err := data.Create(context.Background(), dir, data.Initial{
		Settings: data.Settings{Organisation: "Landesamt für Denkmalpflege Südheide", Land: calendar.Niedersachsen},
		Channels: []data.Channel{
			{Name: "Instagram", Platform: data.Instagram, Color: "#C13584"},
			{Name: "Facebook", Platform: data.Facebook, Color: "#1877F2"},
			{Name: "Mastodon", Platform: data.Mastodon},
			{Name: "LinkedIn", Platform: data.LinkedIn},
			{Name: "YouTube", Platform: data.YouTube},
			{Name: "TikTok", Platform: data.TikTok},
			{Name: "Website", Platform: data.Website},
			{Name: "Newsletter", Platform: data.Newsletter},
		},
		Topics: []data.Topic{
			{Name: "Ausbildung & Karriere", Color: "#2E7D32"},
			{Name: "Service", Color: "#1565C0"},
			{Name: "Hinter den Kulissen", Color: "#F9A825"},
			{Name: "Bauen, Planen; Beteiligung", Color: "#AD1457"},
		},
	}, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-042"}, Now: clock.now})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	t.Cleanup(func() { ws.Close() })
	tw := &testWorkspace{Workspace: ws, clock: clock, channels: map[string]int64{}, topics: map[string]int64{}}
	ctx := context.Background()
	chs, err := ws.Channels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range chs {
		tw.channels[c.Name] = c.ID
	}
	tops, err := ws.Topics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range tops {
		tw.topics[tp.Name] = tp.ID
	}
	return tw
}

// postSpec is a post to add in a test, with channels and topic by name.
type postSpec struct {
	title, caption, notes string
	date                  calendar.Date
	clock                 string // "" = no time
	status                data.Status
	topic                 string
	channels              []string
	link                  string
	zone                  string
}

func (tw *testWorkspace) add(t testing.TB, s postSpec) data.Post {
	t.Helper()
	p := data.Post{Title: s.title, Caption: s.caption, Notes: s.notes, Status: s.status, PublishedLink: s.link, Zone: s.zone}
	d := s.date
	p.Date = &d
	if s.clock != "" {
		c, err := data.ParseClock(s.clock)
		if err != nil {
			t.Fatal(err)
		}
		p.Time = &c
	}
	if s.topic != "" {
		id, ok := tw.topics[s.topic]
		if !ok {
			t.Fatalf("no topic %q", s.topic)
		}
		p.TopicID = id
	}
	for _, n := range s.channels {
		id, ok := tw.channels[n]
		if !ok {
			t.Fatalf("no channel %q", n)
		}
		p.Channels = append(p.Channels, data.PostChannel{ChannelID: id})
	}
	if err := tw.CreatePost(context.Background(), &p); err != nil {
		t.Fatalf("CreatePost %q: %v", s.title, err)
	}
	return p
}

// fillMonth adds n posts spread over December 2026 with every status,
// one to three channels, topics, umlauts, emoji and text that needs
// escaping.
func (tw *testWorkspace) fillMonth(t testing.TB, n int) {
	t.Helper()
	names := []string{"Instagram", "Facebook", "Mastodon", "LinkedIn", "YouTube", "TikTok", "Website", "Newsletter"}
	topics := []string{"Ausbildung & Karriere", "Service", "Hinter den Kulissen", "Bauen, Planen; Beteiligung", ""}
	titles := []string{
		"Azubi-Dienstag: Lena im Archiv",
		"Blick hinter die Kulissen der Restaurierungswerkstatt – heute mit Öl, Firnis und viel Geduld",
		"Tag des offenen Denkmals 🏛️: Führungen, Vorträge; Mitmachaktionen",
		"Stellenausschreibung Vermessungstechniker*in (m/w/d)",
		"Bürgerbeteiligung Windenergie: Auslegung der Pläne im Rathaus, Zimmer 1.12",
	}
	statuses := data.Statuses()
	for i := 0; i < n; i++ {
		var chs []string
		for k := 0; k <= i%3; k++ {
			chs = append(chs, names[(i+k*3)%len(names)])
		}
		clock := ""
		if i%7 != 0 {
			clock = fmt.Sprintf("%02d:%02d", 8+i%10, (i*15)%60)
		}
		tw.add(t, postSpec{
			title:    fmt.Sprintf("%s (%d)", titles[i%len(titles)], i+1),
			caption:  "Heute zeigen wir, wie unsere Kolleg*innen arbeiten 👷‍♀️. Mehr dazu: https://example.org/a?b=1;c=2 #Denkmalpflege #AusbildungImÖffentlichenDienst",
			notes:    "Foto-Freigabe liegt vor; Bildnachweis prüfen.",
			date:     calendar.NewDate(2026, time.December, 1+i%31),
			clock:    clock,
			status:   statuses[i%len(statuses)],
			topic:    topics[i%len(topics)],
			channels: chs,
		})
	}
}

// export runs a request at the fixed export time and fails the test on
// an error.
func export(t testing.TB, ws *data.Workspace, format string, from, to calendar.Date) ([]byte, Summary) {
	t.Helper()
	var buf bytes.Buffer
	sum, err := Request{Format: format, From: from, To: to, Now: exportTime}.Export(context.Background(), ws, &buf)
	if err != nil {
		t.Fatalf("export %s %s–%s: %v", format, from, to, err)
	}
	return buf.Bytes(), sum
}

func day(y int, m time.Month, d int) calendar.Date { return calendar.NewDate(y, m, d) }
