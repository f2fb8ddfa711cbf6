package data

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"feedtakt/data/calendar"
)

// The benchmarks run on the scale of the issue: 2,000 dated posts over five
// years (2022–2026) on 8 channels, plus 100 ideas, two series and a quiet
// period; "today" is 2 March 2026. Goals: a month in PostsBetween < 2 ms,
// a one- or two-word Search < 50 ms.
//
//	go test -run '^$' -bench . -benchmem ./data/

const (
	benchPosts = 2000
	benchIdeas = 100
)

var benchToday = calendar.Date{Year: 2026, Month: time.March, Day: 2}

var benchWords = strings.Fields(`Ausbildung Azubi Archiv Rathaus Bürgeramt Führung Stadtpark Frühling Sommerfest
	Denkmal Denkmalpflege Ehrenamt Feuerwehr Bibliothek Straßenbau Baustelle Öffnungszeiten Sprechstunde
	Bürgermeisterin Ratssitzung Beteiligung Windenergie Flächennutzungsplan Klimaschutz Radweg Schule Kita
	Jugend Senioren Kultur Museum Ausstellung Konzert Wochenmarkt Innenstadt Verkehr Umleitung Müllabfuhr
	Wertstoffhof Grünflächen Spielplatz Sportplatz Schwimmbad Kollegin Kollege Praktikum Studium Karriere
	Quereinstieg Team hinter Kulissen Alltag Einblick Porträt Jubiläum Preis Wettbewerb Ergebnis Termin
	heute morgen Woche Monat Stadt Gemeinde Landkreis Verwaltung Service Anmeldung Formular online digital`)

var benchEmoji = []string{"🎉", "📣", "🌷", "🏛️", "👩‍💼", "🚧", "📅", "💡", "✨", "🇩🇪"}

func benchSentence(r *rand.Rand, words int) string {
	var b strings.Builder
	for i := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(benchWords[r.IntN(len(benchWords))])
		if r.IntN(12) == 0 {
			b.WriteString(" " + benchEmoji[r.IntN(len(benchEmoji))])
		}
	}
	return b.String()
}

// newBenchWorkspace creates the benchmark workspace with n dated posts (and
// ideas when n > 0) in dir.
func newBenchWorkspace(tb testing.TB, dir string, n int) *Workspace {
	tb.Helper()
	ctx := context.Background()
	ws, err := Create(ctx, dir, Initial{
		Settings: Settings{Organisation: "Stadt Musterstadt", Land: calendar.NordrheinWestfalen},
		Channels: []Channel{
			{Name: "Instagram", Platform: Instagram, Cadence: Cadence{3, PerWeek}},
			{Name: "Facebook", Platform: Facebook, Cadence: Cadence{2, PerWeek}},
			{Name: "LinkedIn", Platform: LinkedIn, Cadence: Cadence{1, PerWeek}},
			{Name: "Mastodon", Platform: Mastodon, Cadence: Cadence{3, PerWeek}},
			{Name: "YouTube", Platform: YouTube, Cadence: Cadence{1, PerMonth}},
			{Name: "Website", Platform: Website, Cadence: Cadence{2, PerWeek}},
			{Name: "Newsletter", Platform: Newsletter, Cadence: Cadence{1, PerMonth}},
			{Name: "Bluesky", Platform: Bluesky},
		},
		Topics: []Topic{{Name: "Ausbildung & Karriere"}, {Name: "Service"}, {Name: "Kultur"}, {Name: "Beteiligung"},
			{Name: "Hinter den Kulissen"}, {Name: "Veranstaltungen"}, {Name: "Bauen & Verkehr"}, {Name: "Umwelt"}},
	}, Options{Actor: testActor, Now: func() time.Time {
		return time.Date(benchToday.Year, benchToday.Month, benchToday.Day, 9, 0, 0, 0, calendar.GermanZone())
	}})
	if err != nil {
		tb.Fatal(err)
	}
	if n == 0 {
		return ws
	}
	chans, topics := testIDs(tb, ws)
	r := rand.New(rand.NewPCG(2026, 3))
	first := calendar.Date{Year: 2022, Month: time.January, Day: 1}
	days := calendar.Date{Year: 2026, Month: time.December, Day: 31}.Sub(first) + 1
	statuses := []Status{StatusIdea, StatusDraft, StatusReview, StatusApproved, StatusPublished, StatusPublished, StatusPublished, StatusDiscarded}
	err = ws.write(ctx, "seed benchmark", func(tx *sql.Tx) error {
		for i := range n + benchIdeas {
			p := Post{
				Title:   benchSentence(r, 3+r.IntN(5)),
				Caption: benchSentence(r, 30+r.IntN(150)),
				Status:  statuses[r.IntN(len(statuses))],
				TopicID: topics[r.IntN(len(topics))],
				Zone:    DefaultZone,
			}
			if r.IntN(3) == 0 {
				p.Notes = benchSentence(r, 5+r.IntN(30))
			}
			if i < n {
				d := first.AddDays(r.IntN(days))
				p.Date = &d
				if r.IntN(5) > 0 {
					p.Time = &Clock{8 + r.IntN(10), 15 * r.IntN(4)}
				}
			} else {
				p.Status = StatusIdea
			}
			for _, k := range r.Perm(len(chans))[:1+r.IntN(3)] {
				p.Channels = append(p.Channels, PostChannel{ChannelID: chans[k]})
			}
			if err := ws.insertPost(ctx, tx, &p); err != nil {
				return fmt.Errorf("post %d: %w", i, err)
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	for _, s := range []Series{
		{Title: "Azubi-Dienstag", Channels: chans[:2], TopicID: topics[0], Rule: calendar.Recurrence{Weekday: time.Tuesday, Start: first, Hour: 10}},
		{Title: "Blick ins Archiv", Channels: chans[3:4], Rule: calendar.Recurrence{Kind: calendar.MonthlyNth, Nth: 1, Weekday: time.Monday, Start: first, Hour: 9}},
	} {
		if err := ws.SaveSeries(ctx, &s); err != nil {
			tb.Fatal(err)
		}
	}
	q := QuietPeriod{From: calendar.Date{Year: 2026, Month: time.August, Day: 15}, To: calendar.Date{Year: 2026, Month: time.September, Day: 13}, Note: "Vorwahlzeit Kommunalwahl"}
	if err := ws.SaveQuietPeriod(ctx, &q); err != nil {
		tb.Fatal(err)
	}
	return ws
}

func benchWorkspace(b *testing.B) *Workspace {
	b.Helper()
	ws := newBenchWorkspace(b, filepath.Join(b.TempDir(), "Feedtakt"), benchPosts)
	b.Cleanup(func() { ws.Close() })
	return ws
}

// BenchmarkPostsBetweenMonth loads what a month view shows: the six weeks
// of the grid of March 2026 (about 50 posts with their channels).
func BenchmarkPostsBetweenMonth(b *testing.B) {
	ws := benchWorkspace(b)
	ctx := context.Background()
	grid := calendar.MonthGrid(2026, time.March)
	from, to := grid[0][0], grid[len(grid)-1][6]
	n := 0
	for b.Loop() {
		ps, err := ws.PostsBetween(ctx, from, to)
		if err != nil {
			b.Fatal(err)
		}
		n = len(ps)
	}
	b.ReportMetric(float64(n), "posts")
}

// BenchmarkSearch types one- and two-word queries, from a common word to a
// single letter (the worst prefix) and umlauts, with the default cap of 50
// results and, for the worst case, the largest cap.
func BenchmarkSearch(b *testing.B) {
	ws := benchWorkspace(b)
	ctx := context.Background()
	type query struct {
		q     string
		limit int
	}
	for _, q := range []query{{"Ausbildung", 0}, {"Flächennutzungsplan", 0}, {"a", 0}, {"a", MaxSearchResults}, {"Öffnungsz", 0},
		{"Azubi Archiv", 0}, {"führung rathaus", 0}, {"Frühling Stadtpark ", 0}, {"Team 🎉", 0}} {
		name := strings.ReplaceAll(strings.TrimSpace(q.q), " ", "_")
		if q.limit > 0 {
			name += fmt.Sprintf("/limit=%d", q.limit)
		}
		b.Run(name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				ps, err := ws.Search(ctx, q.q, q.limit)
				if err != nil {
					b.Fatal(err)
				}
				n = len(ps)
			}
			b.ReportMetric(float64(n), "hits")
		})
	}
}

// BenchmarkCadenceAndGapsQuarter is what the Takt column and the gap panel
// ask for a quarter.
func BenchmarkCadenceAndGapsQuarter(b *testing.B) {
	ws := benchWorkspace(b)
	ctx := context.Background()
	from, to := calendar.Date{Year: 2026, Month: time.April, Day: 1}, calendar.Date{Year: 2026, Month: time.June, Day: 30}
	gaps := 0
	for b.Loop() {
		if _, err := ws.Cadence(ctx, from, to); err != nil {
			b.Fatal(err)
		}
		gs, err := ws.Gaps(ctx, from, to)
		if err != nil {
			b.Fatal(err)
		}
		gaps = len(gs)
	}
	b.ReportMetric(float64(gaps), "gaps")
}

// BenchmarkDayMarksMonth is the header of every day of a month grid:
// holidays, action days, own dates, reminders, quiet periods.
func BenchmarkDayMarksMonth(b *testing.B) {
	ws := benchWorkspace(b)
	ctx := context.Background()
	grid := calendar.MonthGrid(2026, time.September)
	for b.Loop() {
		if _, err := ws.DayMarks(ctx, grid[0][0], grid[len(grid)-1][6]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSeriesSlotsMonth computes the unfilled slots of a month grid.
func BenchmarkSeriesSlotsMonth(b *testing.B) {
	ws := benchWorkspace(b)
	ctx := context.Background()
	grid := calendar.MonthGrid(2026, time.March)
	for b.Loop() {
		if _, err := ws.SeriesSlots(ctx, grid[0][0], grid[len(grid)-1][6]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenWorkspace opens and closes a workspace (lock, integrity
// check, journal mode, schema check), empty and with the 2,000 posts.
func BenchmarkOpenWorkspace(b *testing.B) {
	for _, n := range []int{0, benchPosts} {
		b.Run(fmt.Sprintf("posts=%d", n), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "Feedtakt")
			newBenchWorkspace(b, dir, n).Close()
			ctx := context.Background()
			for b.Loop() {
				ws, err := Open(ctx, dir, Options{Actor: testActor})
				if err != nil {
					b.Fatal(err)
				}
				if ws.ReadOnly() {
					b.Fatal("opened read-only")
				}
				ws.Close()
			}
		})
	}
}
