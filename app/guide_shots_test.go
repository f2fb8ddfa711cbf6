package app

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestGuideScreenshots writes the guided start's three steps, the empty
// calendar with its hint, and every settings tab at 1366x768 and
// 1920x1080 into the folder FEEDTAKT_SHOTS names, for a person to look at;
// without it the test is skipped.
func TestGuideScreenshots(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		tag := fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)
		u, _ := newTestUI(t, Config{})
		u.win.Resize(size)
		shot := func(name string) {
			t.Helper()
			u.Wait()
			fh, err := os.Create(filepath.Join(out, name+"-"+tag+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			if err := png.Encode(fh, u.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		}
		createFromWelcome(t, u)
		shot("guide-1")
		test.Tap(findButton(t, u.win.Content(), "Weiter"))
		shot("guide-2")
		test.Tap(findButton(t, u.win.Content(), "Weiter"))
		shot("guide-3")
		test.Tap(findButton(t, u.win.Content(), "Zum Kalender"))
		shot("calendar-empty")
		u.shell.selectScreen(screenSettings)
		for i := range u.shell.settingsTabs.Items {
			u.shell.settingsTabs.SelectIndex(i)
			shot(fmt.Sprintf("settings-%d", i))
		}
		u.shell.settingsTabs.SelectIndex(2)
		u.shell.dates.actions.edit(-1)
		test.Type(u.shell.dates.actions.form.date, "3. Xy im Mai")
		shot("actionday-form-bad")
	}
}
