package app

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// TestPostingScreenshots writes the Posten view of a realistic post (three
// channels, two pictures, one channel marked) and the Plattformen settings
// at 1366x768 and 1920x1080 into the folder FEEDTAKT_SHOTS names, for a
// person to look at; without it the test is skipped.
func TestPostingScreenshots(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Feedtakt")
	ws, err := data.Create(ctx, dir, data.Initial{
		Settings: data.Settings{Organisation: "Stadt Musterstadt", Land: calendar.Niedersachsen},
		Channels: []data.Channel{
			{Name: "Instagram", Platform: data.Instagram, Handle: "@stadt.musterstadt"},
			{Name: "Facebook", Platform: data.Facebook, Handle: "Stadt Musterstadt"},
			{Name: "X", Platform: data.X, Handle: "@musterstadt"},
		},
	}, data.Options{Actor: data.Actor{Person: "Test", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	w := u.Workspace()
	cs, _ := w.Channels(ctx)
	tags := data.Template{Kind: data.KindHashtags, Name: "Ausbildung", Body: "#Ausbildung #AzubiDienstag #KarriereImÖffentlichenDienst #Stadtarchiv"}
	if err := w.SaveTemplate(ctx, &tags); err != nil {
		t.Fatal(err)
	}
	pics := importPictures(t, u, "IMG_4711.jpg", "IMG_4712.jpg")
	alts := []string{"Lena trägt weiße Handschuhe und blättert vorsichtig in einer vergilbten Bauakte von 1912.",
		"Blick in das Magazin des Stadtarchivs: lange Reihen grauer Archivkartons in Rollregalen."}
	var ids []int64
	for i := range pics {
		pics[i].AltText, pics[i].Credit = alts[i], "Stadt Musterstadt / J. Krüger"
		if err := w.UpdateMedia(ctx, &pics[i]); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, pics[i].ID)
	}
	yesterday := today().AddDays(-1)
	post := data.Post{Title: "Azubi-Dienstag: Lena im Stadtarchiv", Date: &yesterday, Time: at(10, 0), Status: data.StatusApproved,
		Link: "https://www.musterstadt.de/ausbildung", HashtagSetID: tags.ID,
		Caption: "Azubi-Dienstag 📚 Heute zeigt uns Lena (2. Ausbildungsjahr, Fachangestellte für Medien- und Informationsdienste), " +
			"wie alte Bauakten im Stadtarchiv gereinigt und für die Digitalisierung vorbereitet werden.\n\n" +
			"Du willst auch hinter die Kulissen schauen? Bewirb dich bis zum 31.01.2027 für einen Ausbildungsplatz bei {Behörde}: {Link}\n\n" +
			"{Hashtags}\n\n{Bildnachweis}",
		Channels: []data.PostChannel{{ChannelID: cs[0].ID}, {ChannelID: cs[1].ID},
			{ChannelID: cs[2].ID, Caption: "Azubi-Dienstag 📚 Lena zeigt, wie alte Bauakten im Stadtarchiv gereinigt werden. Jetzt bewerben: {Link} #AzubiDienstag"}}}
	if err := w.SavePostWithMedia(ctx, &post, ids); err != nil {
		t.Fatal(err)
	}
	if err := w.MarkPublished(ctx, post.ID, cs[1].ID, "https://www.facebook.com/stadt.musterstadt/posts/123", time.Date(yesterday.Year, yesterday.Month, yesterday.Day, 10, 4, 0, 0, data.WorkspaceZone())); err != nil {
		t.Fatal(err)
	}
	// A draft that is not ready: X's own text too long, a picture without
	// Bildbeschreibung, a placeholder left.
	bare := importPictures(t, u, "IMG_4711.jpg", "IMG_4712.jpg", "DSC_0815.jpg")[2]
	draft := data.Post{Title: "Windenergie im Flächennutzungsplan: Beteiligung startet", Date: &yesterday, Time: at(14, 30), Status: data.StatusDraft,
		Caption:  "Wo dürfen in Musterstadt Windräder stehen? Ab heute können Sie die Entwürfe für neue Windenergiezonen einsehen und Ihre Meinung sagen – online und im Rathaus ({Ort}).",
		Channels: []data.PostChannel{{ChannelID: cs[0].ID}, {ChannelID: cs[2].ID, Caption: strings.Repeat("Beteiligung Windenergie: Jetzt mitreden! ", 8)}}}
	if err := w.SavePostWithMedia(ctx, &draft, []int64{pics[0].ID, bare.ID}); err != nil {
		t.Fatal(err)
	}
	shot := func(name string) {
		t.Helper()
		u.Wait()
		fh, err := os.Create(filepath.Join(out, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		if err := png.Encode(fh, u.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		tag := fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)
		u.win.Resize(size)
		v := startPosting(u, post, nil)
		u.Wait()
		shot("posten-" + tag)
		test := v.channels[0]
		test.copyB.OnTapped()
		v.openMarkForm(v.channels[2])
		shot("posten-markieren-" + tag)
		v.form.dlg.Hide()
		v.dlg.Hide()
		b := startPosting(u, draft, nil)
		u.Wait()
		shot("posten-blockiert-" + tag)
		b.dlg.Hide()
		u.shell.selectScreen(screenSettings)
		u.shell.settingsTabs.SelectIndex(3) // Plattformen
		shot("plattformen-" + tag)
		u.shell.selectScreen(screenCalendar)
	}
}
