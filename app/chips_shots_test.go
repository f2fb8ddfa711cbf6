package app

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"feedtakt/data"
)

// TestChipsScreenshots writes the month and week with a crowded day and
// long titles at 1366x768 and 1920x1080 into the folder FEEDTAKT_SHOTS
// names, for a person to look at; without it the test is skipped.
func TestChipsScreenshots(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	posts := goldenPosts()
	for i, st := range data.Statuses() {
		posts = append(posts, data.Post{Title: fmt.Sprintf("Bürgerversammlung zur Neugestaltung des Marktplatzes, Teil %d", i+1),
			Date: day(2026, 12, 9), Time: at(8+i, 0), Status: st, Caption: "Text"})
	}
	posts = append(posts, data.Post{Title: "Kurz", Date: day(2026, 12, 10), Time: at(9, 0), Caption: "x", Status: data.StatusApproved})
	u, s := newCalendarUI(t, posts...)
	s.goTo(*day(2026, 12, 9))
	u.Wait()
	shot := func(name string) {
		t.Helper()
		u.Wait()
		f, err := os.Create(filepath.Join(out, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		tag := fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)
		u.win.Resize(size)
		s.modeSel.SetSelected("Monat")
		shot("chips-month-" + tag)
		s.modeSel.SetSelected("Woche")
		shot("chips-week-" + tag)
	}
}
