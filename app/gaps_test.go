package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"feedtakt/data"
)

// TestGapOffersOnlyIdeasMeantForItsChannel: "Idee einplanen" in a
// channel's gap lists the ideas meant for that channel (or for none), not
// those planned for another one, and a gap without any says so.
func TestGapOffersOnlyIdeasMeantForItsChannel(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	ctx := context.Background()
	ws, err := data.Open(ctx, dir, data.Options{Actor: data.Actor{Person: "Test", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := ws.Channels(ctx)
	insta := cs[0].ID
	fb := data.Channel{Name: "Facebook", Platform: data.Facebook, Cadence: data.Cadence{Count: 1, Period: data.PerWeek}}
	web := data.Channel{Name: "Website", Platform: data.Website, Cadence: data.Cadence{Count: 1, Period: data.PerWeek}}
	for _, c := range []*data.Channel{&fb, &web} {
		if err := ws.SaveChannel(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []data.Post{
		{Title: "Reel aus der Werkstatt", Status: data.StatusIdea, Channels: []data.PostChannel{{ChannelID: insta}}},
		{Title: "Veranstaltungshinweis Bürgerhaus", Status: data.StatusIdea, Channels: []data.PostChannel{{ChannelID: fb.ID}}},
	} {
		if err := ws.CreatePost(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	ws.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	s := u.shell.calendar
	u.Wait()

	offered := func(ch int64) []string {
		t.Helper()
		for i, id := range s.gaps.placeFor {
			if id != ch {
				continue
			}
			b := s.gaps.placeButtons[i]
			if b.Disabled() {
				return nil
			}
			test.Tap(b)
			u.Wait()
			menu := topOverlay(u)
			if menu == nil {
				t.Fatal("no idea menu")
			}
			got := texts(menu)
			u.win.Canvas().Overlays().Remove(menu)
			return got
		}
		t.Fatalf("no gap for channel %d; panel shows %v", ch, texts(s.gaps.content))
		return nil
	}
	if got := offered(insta); !contains(got, "Reel aus der Werkstatt") || contains(got, "Veranstaltungshinweis") {
		t.Errorf("Instagram gap offers %v", got)
	}
	if got := offered(fb.ID); !contains(got, "Veranstaltungshinweis") || contains(got, "Reel aus") {
		t.Errorf("Facebook gap offers %v", got)
	}
	if got := offered(web.ID); got != nil {
		t.Errorf("Website gap offers %v", got)
	}
	assertShows(t, s.gaps.content, "Keine passende Idee", "Ideen für Website oder ohne Kanal werden hier angeboten.")
}

// TestManyGapsAreFolded: beyond three gaps the panel shows "… N weitere
// anzeigen", which unfolds the rest; the Takt is explained above them.
func TestManyGapsAreFolded(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	ctx := context.Background()
	ws, err := data.Open(ctx, dir, data.Options{Actor: data.Actor{Person: "Test", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []data.Channel{
		{Name: "Facebook", Platform: data.Facebook, Cadence: data.Cadence{Count: 1, Period: data.PerWeek}},
		{Name: "Mastodon", Platform: data.Mastodon, Cadence: data.Cadence{Count: 1, Period: data.PerWeek}},
		{Name: "LinkedIn", Platform: data.LinkedIn, Cadence: data.Cadence{Count: 1, Period: data.PerWeek}},
		{Name: "Website", Platform: data.Website, Cadence: data.Cadence{Count: 1, Period: data.PerWeek}},
	} {
		if err := ws.SaveChannel(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	ws.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	s := u.shell.calendar
	u.Wait()
	if len(s.gaps.placeButtons) != gapsFolded {
		t.Fatalf("%d gaps shown folded, want %d", len(s.gaps.placeButtons), gapsFolded)
	}
	assertShows(t, s.gaps.content, "Takt: wie viele Beiträge je Kanal geplant sind")
	test.Tap(findButton(t, s.gaps.content, "… 2 weitere anzeigen"))
	if len(s.gaps.placeButtons) != 5 {
		t.Errorf("%d gaps shown unfolded, want 5", len(s.gaps.placeButtons))
	}
	assertNotShows(t, s.gaps.content, "weitere anzeigen")
}
