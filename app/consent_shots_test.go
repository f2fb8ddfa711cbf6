package app

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// TestConsentScreenshots writes the calendar's consent marks (month, week,
// list, side panel), the editor's consent lines and a refused approval at
// 1366x768 and 1920x1080 into the folder FEEDTAKT_SHOTS names, for a
// person to look at; without it the test is skipped.
func TestConsentScreenshots(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	f := newConsentFixture(t)
	u, s := f.u, f.s
	ctx := context.Background()
	ws := u.Workspace()
	now := today()
	c := data.Consent{PersonID: f.anna.ID, GivenOn: now.AddDays(-20), Form: data.FormWritten, GivenBy: data.GivenBySelf,
		Platforms: []data.Platform{data.Facebook}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeShoot, Shoot: "Archiv"}
	if err := ws.AddConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}
	ben := data.Person{Name: "Ben Klein", Role: data.RoleMinor}
	if err := ws.SavePerson(ctx, &ben); err != nil {
		t.Fatal(err)
	}
	bc := data.Consent{PersonID: ben.ID, GivenOn: now.AddDays(-20), Form: data.FormWritten, GivenBy: data.GivenByGuardians,
		Platforms: []data.Platform{data.Instagram}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeShoot, Shoot: "Kita"}
	end := now.AddDays(12)
	bc.ValidUntil = &end
	if err := ws.AddConsent(ctx, &bc); err != nil {
		t.Fatal(err)
	}
	if err := ws.WithdrawConsent(ctx, c.ID, data.Withdrawal{On: now, Via: "E-Mail"}); err != nil {
		t.Fatal(err)
	}
	var more []data.Media
	dir := t.TempDir()
	for i, name := range []string{"kita.jpg", "agentur_feuerwehr.jpg"} {
		res, err := ws.ImportFiles(ctx, []string{writeJPEG(t, dir, name, "fachwerk", int64(40+i))}, data.ImportFilesOptions{})
		if err != nil || len(res.Results) != 1 {
			t.Fatal(err)
		}
		more = append(more, res.Results[0].Media)
	}
	if err := ws.SetPicturePeople(ctx, more[0].ID, []int64{ben.ID}); err != nil {
		t.Fatal(err)
	}
	lic := now.AddDays(4)
	if err := ws.SetMediaUsableUntil(ctx, []int64{more[1].ID}, &lic); err != nil {
		t.Fatal(err)
	}
	cs, _ := ws.Channels(ctx)
	for i, title := range []string{"Kita-Besuch des Bürgermeisters", "Feuerwehr-Übung", "Azubi-Tag im Archiv"} {
		d := calendar.NewDate(2026, 12, 10+i*3)
		p := data.Post{Title: title, Caption: "Text", Date: &d, Channels: []data.PostChannel{{ChannelID: cs[0].ID}}}
		media := []int64{more[0].ID}
		switch i {
		case 1:
			media = []int64{more[1].ID}
		case 2:
			media = []int64{f.pics[0].ID, f.pics[1].ID}
		}
		if err := ws.SavePostWithMedia(ctx, &p, media); err != nil {
			t.Fatal(err)
		}
	}
	s.goTo(calendar.NewDate(2026, 12, 8))
	s.reload()
	u.Wait()

	shot := func(name string) {
		t.Helper()
		u.Wait()
		img := u.win.Canvas().Capture()
		file, err := os.Create(filepath.Join(out, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer file.Close()
		if err := png.Encode(file, img); err != nil {
			t.Fatal(err)
		}
	}
	var annaPost int64
	ps, _ := ws.PostsBetween(ctx, *day(2026, 12, 8), *day(2026, 12, 8))
	for _, p := range ps {
		if p.Title == "Anna im Archiv" {
			annaPost = p.ID
		}
	}
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		tag := fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)
		u.win.Resize(size)
		s.modeSel.SetSelected("Monat")
		shot("consent-month-" + tag)
		s.modeSel.SetSelected("Woche")
		shot("consent-week-" + tag)
		s.modeSel.SetSelected("Liste")
		s.selected = *day(2026, 12, 1)
		s.reload()
		shot("consent-list-" + tag)
		s.modeSel.SetSelected("Monat")
		u.Wait()

		ed := openPostEditor(t, u, s, annaPost)
		ed.mediaBox.append(more)
		u.Wait()
		shot("consent-editor-" + tag)
		if sc := findScroll(topOverlay(u), ed.body); sc != nil {
			sc.ScrollToOffset(fyne.NewPos(0, 330))
			shot("consent-editor-lines-" + tag)
			sc.ScrollToTop()
		}
		ed.status.SetSelectedIndex(slices.Index(data.Statuses(), data.StatusApproved))
		ed.onSave()
		shot("consent-blocked-" + tag)
		for top := topOverlay(u); top != nil; top = topOverlay(u) {
			u.win.Canvas().Overlays().Remove(top)
		}
		u.editor = nil
		u.shell.selectScreen(screenHandover)
		shot("consent-handover-" + tag)
		u.shell.selectScreen(screenCalendar)
	}
}

// findScroll finds the scroll container around content below o.
func findScroll(o fyne.CanvasObject, content fyne.CanvasObject) *container.Scroll {
	switch w := o.(type) {
	case *container.Scroll:
		if w.Content == content {
			return w
		}
		return findScroll(w.Content, content)
	case *fyne.Container:
		for _, c := range w.Objects {
			if sc := findScroll(c, content); sc != nil {
				return sc
			}
		}
	case fyne.Widget:
		r := test.WidgetRenderer(w)
		for _, c := range r.Objects() {
			if sc := findScroll(c, content); sc != nil {
				return sc
			}
		}
	}
	return nil
}
