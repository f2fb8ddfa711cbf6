package app

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/demo"
)

// TestMediathekScreenshots writes what the Mediathek with a selection, the
// bulk pane and the picker look like at 1366x768 and 1920x1080 into the
// folder FEEDTAKT_SHOTS names, for a person to look at; without it the
// test is skipped.
func TestMediathekScreenshots(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	u, s := openLibrary(t)
	dir := t.TempDir()
	kinds := demo.Kinds()
	for i := range 60 {
		writeJPEG(t, dir, fmt.Sprintf("Foto_%02d_%s.jpg", i, kinds[i%len(kinds)]), kinds[i%len(kinds)], int64(i))
	}
	s.importPaths([]string{dir})
	u.Wait()
	for top := topOverlay(u); top != nil; top = topOverlay(u) {
		u.win.Canvas().Overlays().Remove(top)
	}
	shot := func(name string) {
		t.Helper()
		u.Wait()
		img := u.win.Canvas().Capture()
		f, err := os.Create(filepath.Join(out, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		tag := fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)
		u.win.Resize(size)
		s.clearSelection()
		s.click(1, 0)
		shot("mediathek-one-" + tag)
		s.click(2, fyne.KeyModifierControl)
		s.click(5, fyne.KeyModifierControl)
		s.click(8, fyne.KeyModifierShift)
		shot("mediathek-bulk-" + tag)
		s.size.SetValue(2)
		shot("mediathek-large-" + tag)
		s.size.SetValue(0)
		shot("mediathek-small-" + tag)
		s.size.SetValue(1)
		s.clearSelection()

		u.pickMedia(func([]data.Media) {})
		u.Wait()
		p := s.picking
		p.click(0, 0)
		p.click(3, fyne.KeyModifierControl)
		p.click(4, fyne.KeyModifierControl)
		shot("picker-" + tag)
		test.Tap(findButton(t, topOverlay(u), "Abbrechen"))
		u.Wait()
	}
}

// TestMediathekRightsScreenshots writes the demo's Mediathek with its
// rights badges, the detail pane of a picture with people (one withdrew),
// of an ungeklärt one, the person picker and the rights filter, at both
// sizes, into FEEDTAKT_SHOTS; without it the test is skipped.
func TestMediathekRightsScreenshots(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	dir := filepath.Join(t.TempDir(), "Demo")
	ws, err := demo.Create(context.Background(), dir, data.Options{}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenMedia)
	u.Wait()
	s := u.shell.library
	for top := topOverlay(u); top != nil; top = topOverlay(u) {
		u.win.Canvas().Overlays().Remove(top)
	}
	shot := func(name string) {
		t.Helper()
		u.Wait()
		img := u.win.Canvas().Capture()
		f, err := os.Create(filepath.Join(out, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	index := func(name string) int {
		for i, m := range s.items {
			if m.OriginalName == name {
				return i
			}
		}
		t.Fatalf("no %s", name)
		return -1
	}
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		tag := fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)
		u.win.Resize(size)
		s.clearSelection()
		s.click(index("team-2.jpg"), 0)
		shot("rights-withdrawn-" + tag)
		test.Tap(s.detail.people.legend)
		shot("rights-legend-" + tag)
		u.win.Canvas().Overlays().Remove(topOverlay(u))
		s.click(index("team-1.jpg"), 0)
		shot("rights-expiring-" + tag)
		s.click(index("ausgrabung-1.jpg"), 0)
		shot("rights-unclear-" + tag)
		s.click(index("saeulen-1.jpg"), 0)
		shot("rights-missing-" + tag)
		test.Tap(findButton(t, s.detail.people.content, "Person hinzufügen …"))
		shot("rights-picker-" + tag)
		s.detail.people.picker.d.Hide()
		s.filters.rights.SetSelectedIndex(1)
		shot("rights-filter-" + tag)
		s.filters.rights.SetSelectedIndex(0)
		u.Wait()
		s.clearSelection()
		s.click(index("team-1.jpg"), 0)
		s.click(index("team-2.jpg"), fyne.KeyModifierControl)
		shot("rights-bulk-" + tag)
		s.clearSelection()
	}
}
