package app

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"feedtakt/data"
)

// TestPeopleScreenshots writes what Personen with people, the person pane
// and the consent dialog look like at 1366x768 and 1920x1080 into the
// folder FEEDTAKT_SHOTS names, for a person to look at; without it the
// test is skipped.
func TestPeopleScreenshots(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	u, p, f := openPeople(t)
	ctx := context.Background()
	for i, n := range []string{"Hannah Becker", "Lukas Schneider", "Fatma Yılmaz", "Ole Petersen", "Sophie Wagner",
		"Karl-Heinz Brückner", "Emilia Schäfer", "Jonas Hoffmann", "Leonie Krüger", "Mehmet Demir"} {
		pp := data.Person{Name: n, Role: data.Roles()[i%len(data.Roles())]}
		if pp.Role == data.RoleMinor {
			born := u.ws.Today().AddDays(-365*12 - i)
			pp.BornOn = &born
			pp.Guardians = []data.Guardian{{Name: "Eltern " + n}}
		}
		if err := u.ws.SavePerson(ctx, &pp); err != nil {
			t.Fatal(err)
		}
	}
	p.reload()
	u.Wait()
	shot := func(name string) {
		t.Helper()
		u.Wait()
		img := u.win.Canvas().Capture()
		fh, err := os.Create(filepath.Join(out, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		if err := png.Encode(fh, img); err != nil {
			t.Fatal(err)
		}
	}
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		tag := fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)
		u.win.Resize(size)
		u.showPerson(f.zoe)
		shot("personen-minor-" + tag)
		u.showPerson(f.dieter)
		shot("personen-withdrawn-" + tag)
		u.showPerson(f.bernd)
		shot("personen-missing-" + tag)
		d := p.detail
		cd := u.openConsentDialog(d.p, nil, nil)
		shot("consent-dialog-" + tag)
		cd.dlg.Hide()
		u.showPerson(f.anna)
		u.Wait()
		cc := u.openConsentDialog(d.p, &d.consents[0], nil)
		shot("consent-correct-" + tag)
		cc.dlg.Hide()
		u.shell.selectScreen(screenSettings)
		u.shell.settingsTabs.SelectIndex(4) // Organisation, with the consent form
		if sc, ok := u.shell.settings.orgContent.(*container.Scroll); ok {
			sc.ScrollToBottom()
		}
		shot("settings-" + tag)
		u.shell.selectScreen(screenPeople)
	}
}
