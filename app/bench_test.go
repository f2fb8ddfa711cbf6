package app

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// newBenchWorkspace makes the scale: 2,000 posts over five years on
// 8 channels, plus 300 posts in March 2027 for a full month.
func newBenchWorkspace(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "Feedtakt")
	var chans []data.Channel
	for i := 0; i < 8; i++ {
		chans = append(chans, data.Channel{Name: fmt.Sprintf("Kanal %d", i+1), Platform: data.Instagram, Cadence: data.Cadence{Count: 2, Period: data.PerWeek}})
	}
	ws, err := data.Create(context.Background(), dir, data.Initial{
		Settings: data.Settings{Organisation: "Stadt", Land: calendar.Bayern}, Channels: chans,
		Topics: []data.Topic{{Name: "Ausbildung", Color: "#2E7D32"}, {Name: "Service", Color: "#1565C0"}},
	}, data.Options{Actor: data.Actor{Person: "Bench", PC: "PC"}})
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	cs, _ := ws.Channels(context.Background())
	ts, _ := ws.Topics(context.Background())
	start := calendar.NewDate(2023, 1, 1)
	add := func(i int, d calendar.Date) {
		p := data.Post{Title: fmt.Sprintf("Beitrag %d: Einblick in die Werkstatt", i), Caption: "Text mit Umlauten äöü und #Hashtags",
			Date: &d, Time: &data.Clock{Hour: 8 + i%10}, Status: data.Statuses()[1+i%5], TopicID: ts[i%2].ID,
			Channels: []data.PostChannel{{ChannelID: cs[i%8].ID}, {ChannelID: cs[(i+3)%8].ID}}}
		if err := ws.CreatePost(context.Background(), &p); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < 1700; i++ {
		add(i, start.AddDays(i*1826/1700))
	}
	for i := 0; i < 300; i++ {
		add(i, calendar.NewDate(2027, 3, 1+i%31))
	}
	return dir
}

// BenchmarkMonthSwitchUI measures the UI part of switching months: filling
// the 42 day cells from a loaded plan and laying them out at 1366x768. The
// data part (loadPlan) runs off the UI goroutine and is measured below.
func BenchmarkMonthSwitchUI(b *testing.B) {
	dir := newBenchWorkspace(b)
	a := test.NewTempApp(b)
	u := New(a, Config{Workspace: dir, Lang: "de", queued: true, DemoDir: b.TempDir()})
	u.Wait()
	defer u.closeWorkspace()
	u.win.Resize(fyne.NewSize(1366, 768))
	s := u.shell.calendar
	months := []calendar.Date{calendar.NewDate(2027, 3, 15), calendar.NewDate(2027, 2, 15)}
	plans := make([]*plan, len(months))
	for i, m := range months {
		s.selected = m
		from, to := s.span()
		p, err := loadPlan(context.Background(), u.ws, from, to)
		if err != nil {
			b.Fatal(err)
		}
		plans[i] = p
	}
	b.ResetTimer()
	var worst time.Duration
	for i := 0; i < b.N; i++ {
		k := i % 2
		t0 := time.Now()
		s.selected = months[k]
		s.plan = plans[k]
		s.redraw()
		s.month.grid.Resize(s.month.grid.Size())
		// The first two rounds make the chip widgets once; after that a
		// switch reuses them, which is what a person clicking sees.
		if d := time.Since(t0); i >= 2 && d > worst {
			worst = d
		}
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
	b.ReportMetric(float64(len(plans[0].posts)), "posts-in-grid")
}

// BenchmarkLoadPlanMonth is the off-UI part of a month switch: posts,
// slots, holidays, Takt and quiet periods for a six-week grid.
func BenchmarkLoadPlanMonth(b *testing.B) {
	dir := newBenchWorkspace(b)
	ws, err := data.Open(context.Background(), dir, data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	grid := calendar.MonthGrid(2027, 3)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := loadPlan(context.Background(), ws, grid[0][0], grid[len(grid)-1][6]); err != nil {
			b.Fatal(err)
		}
	}
}
