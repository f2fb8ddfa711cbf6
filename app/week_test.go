package app

import (
	"context"
	"strings"
	"testing"

	"feedtakt/data"
)

// TestWeekTaktShowsTheWeeksOwnCount is the "Website 7/4" defect: a week
// with one Website post (4 a month) showed the month's seven.
func TestWeekTaktShowsTheWeeksOwnCount(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	ctx := context.Background()
	ws, err := data.Open(ctx, dir, data.Options{Actor: data.Actor{Person: "Test", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	web := data.Channel{Name: "Website", Platform: data.Website, Cadence: data.Cadence{Count: 4, Period: data.PerMonth}}
	if err := ws.SaveChannel(ctx, &web); err != nil {
		t.Fatal(err)
	}
	// Seven December posts on the Website, one of them in KW 50 (7.–13.12.).
	for _, d := range []int{1, 2, 3, 9, 15, 22, 29} {
		p := data.Post{Title: "Pressemitteilung", Date: day(2026, 12, d), Channels: []data.PostChannel{{ChannelID: web.ID}}}
		if err := ws.CreatePost(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	ws.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	s := u.shell.calendar
	s.goTo(*day(2026, 12, 9))
	u.Wait()
	s.modeSel.SetSelected("Woche")
	u.Wait()
	got := s.week.takt.Text
	if !strings.Contains(got, "Website: 1 diese Woche; im Dezember 7 geplant, Ziel 4 ✓") || strings.Contains(got, "Website: 7") {
		t.Fatalf("week Takt %q", got)
	}
	if !strings.Contains(got, "Instagram: 0 von 2, 2 fehlen") {
		t.Errorf("per-week channel: %q", got)
	}
}
