package demo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

func TestCreateMakesACredibleDemo(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, calendar.GermanZone())
	ws, err := Create(ctx, filepath.Join(t.TempDir(), "Demo"), data.Options{}, now)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	s, _ := ws.Settings(ctx)
	if !s.Demo || s.Land != "NI" || !strings.Contains(s.Organisation, "Denkmalpflege") {
		t.Errorf("settings %+v", s)
	}
	c, _ := ws.Counts(ctx)
	if c.Channels != 4 || c.Topics != 6 || c.Posts < 30 || c.Ideas < 5 || c.Media < 10 {
		t.Errorf("counts %+v", c)
	}
	today := calendar.FromTime(now)
	posts, _ := ws.PostsBetween(ctx, today.AddDays(-40), today.AddDays(90))
	azubi := 0
	for _, p := range posts {
		if strings.HasPrefix(p.Title, "Azubi-Dienstag:") {
			azubi++
			if p.Date.Weekday() != time.Tuesday {
				t.Errorf("%q on a %s", p.Title, p.Date.Weekday())
			}
		}
		if p.Status == data.StatusPublished && p.Date.After(today) {
			t.Errorf("published in the future: %q %s", p.Title, p.Date)
		}
		ms, _ := ws.PostMedia(ctx, p.ID)
		for _, m := range ms {
			if _, err := os.Stat(filepath.Join(ws.Dir(), filepath.FromSlash(m.Path))); err != nil {
				t.Errorf("picture of %q missing: %v", p.Title, err)
			}
		}
	}
	if azubi < 5 {
		t.Errorf("only %d Azubi-Dienstag posts", azubi)
	}
	series, _ := ws.Series(ctx)
	if len(series) != 1 || series[0].Rule.Weekday != time.Tuesday {
		t.Fatalf("series %+v", series)
	}
	slots, _ := ws.SeriesSlots(ctx, today, today.AddDays(60))
	if len(slots) == 0 {
		t.Error("no open series slots ahead")
	}
	own, _ := ws.OwnDates(ctx, today, today.AddDays(90))
	if len(own) != 2 {
		t.Errorf("own dates %+v", own)
	}
}

// A demo stopped midway (killed, disk full) leaves no half workspace at the
// target, and the next run removes the leftover and builds it again.
func TestInterruptedDemoLeavesNoHalfWorkspace(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, calendar.GermanZone())
	dir := filepath.Join(t.TempDir(), "Demo")
	interrupt = func(string) error { return errors.New("simulated kill") }
	_, err := Create(ctx, dir, data.Options{}, now)
	interrupt = func(string) error { return nil }
	if err == nil {
		t.Fatal("interrupted demo reported success")
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the target exists after an interrupted demo: %v", err)
	}
	if _, err := data.Open(ctx, dir, data.Options{ReadOnly: true}); !errors.Is(err, data.ErrNoWorkspace) {
		t.Fatalf("check of the target: %v, want no workspace", err)
	}

	// A kill leaves the .part folder (half built) behind: the next run
	// replaces it.
	part := dir + ".part"
	os.MkdirAll(filepath.Join(part, "media"), 0o755)
	os.WriteFile(filepath.Join(part, "feedtakt.db"), []byte("halb"), 0o644)
	ws, err := Create(ctx, dir, data.Options{}, now)
	if err != nil {
		t.Fatalf("demo after a leftover: %v", err)
	}
	defer ws.Close()
	if c, _ := ws.Counts(ctx); c.Posts < 30 {
		t.Errorf("counts %+v", c)
	}
	if _, err := os.Stat(part); !errors.Is(err, os.ErrNotExist) {
		t.Errorf(".part folder left behind: %v", err)
	}
	if ws.Dir() != dir {
		t.Errorf("demo opened at %s, want %s", ws.Dir(), dir)
	}
}
