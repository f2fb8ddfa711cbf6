package app

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// A file deleted outside Feedtakt: the check at open marks it, the pane
// says "Datei fehlt" with Neu verknüpfen …, the banner offers it too, and
// a search of the folder holding a copy puts it back.
func TestLibraryRelinkRestoresADeletedFile(t *testing.T) {
	u, s := openLibrary(t)
	src := t.TempDir()
	writeJPEG(t, src, "rathaus.jpg", "fachwerk", 1)
	writeJPEG(t, src, "burg.jpg", "burg", 3)
	s.importPaths([]string{src})
	u.Wait()
	closeOverlays(u)
	ws := u.Workspace()

	var rathaus, burg data.Media
	for _, m := range s.items {
		switch m.OriginalName {
		case "rathaus.jpg":
			rathaus = m
		case "burg.jpg":
			burg = m
		}
	}
	for _, m := range []data.Media{rathaus, burg} {
		if err := os.Remove(filepath.Join(ws.Dir(), filepath.FromSlash(m.Path))); err != nil {
			t.Fatal(err)
		}
	}
	// burg.jpg is nowhere else any more.
	if err := os.Remove(filepath.Join(src, "burg.jpg")); err != nil {
		t.Fatal(err)
	}
	u.checkMedia(ws)
	u.Wait()
	assertShows(t, u.shell.banners, "2 Dateien der Mediathek fehlen", "Neu verknüpfen …")
	s.reload()
	u.Wait()

	selectByName(t, u, s, "rathaus.jpg")
	d := s.detail
	if d.missing.Hidden {
		t.Fatal("the pane does not show that the file is missing")
	}
	assertShows(t, d.missing, "Datei fehlt", "gelöscht oder verschoben", "Neu verknüpfen …")
	if d.prepare.Visible() {
		t.Error("Für Kanal vorbereiten is offered for a missing file")
	}
	if tileMissing(s, "rathaus.jpg") != true {
		t.Error("the tile has no fehlt mark")
	}

	s.relink(src)
	u.Wait()
	top := topOverlay(u)
	if top == nil {
		t.Fatal("no result after relinking")
	}
	assertShows(t, top, "1 fehlende Datei gefunden und wiederhergestellt:", "• rathaus.jpg\n", "in "+src,
		"1 Datei fehlt weiterhin:", "• burg.jpg")
	if got, err := ws.Media(t.Context(), rathaus.ID); err != nil || got.Missing != data.MissingNone {
		t.Errorf("stored after relink: %v, %v", got.Missing, err)
	}
	if _, err := os.Stat(filepath.Join(ws.Dir(), filepath.FromSlash(rathaus.Path))); err != nil {
		t.Errorf("the file is not back: %v", err)
	}
	if !d.missing.Hidden || !d.prepare.Visible() {
		t.Error("the pane still says the file is missing")
	}
	if tileMissing(s, "rathaus.jpg") {
		t.Error("the fehlt mark stays on the relinked item")
	}
	if !tileMissing(s, "burg.jpg") {
		t.Error("the item still missing lost its mark")
	}
	assertShows(t, u.shell.banners, "1 Datei der Mediathek fehlt")
}

// tileMissing says whether the grid marks the item named name as missing.
func tileMissing(s *libraryScreen, name string) bool {
	for i, m := range s.items {
		if m.OriginalName == name {
			tl := s.newTile().(*mediaTile)
			s.updateTile(i, tl)
			return tl.missing.Visible()
		}
	}
	return false
}

// The detail pane offers Für Kanal vorbereiten for a picture, not for a
// document, and tapping it opens the preparation.
func TestLibraryDetailOffersPrepareForPictures(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	closeOverlays(u)
	d := s.detail
	selectByName(t, u, s, "notiz.txt")
	if d.prepare.Visible() {
		t.Error("Für Kanal vorbereiten is offered for a document")
	}
	assertNotShows(t, d.content, "GPS-Position")
	selectByName(t, u, s, "rathaus.jpg")
	if !d.prepare.Visible() || d.prepare.Text != "Für Kanal vorbereiten …" {
		t.Fatalf("prepare button %q visible %t", d.prepare.Text, d.prepare.Visible())
	}
	assertShows(t, d.content, "GPS-Position: nein", "Importiert: ", "(Dateidatum; die Datei hat kein Aufnahmedatum)")
	test.Tap(d.prepare)
	u.Wait()
	if topOverlay(u) == nil {
		t.Error("tapping Für Kanal vorbereiten shows nothing")
	}
	if got := tileNames(s); !slices.Contains(got, "rathaus.jpg") {
		t.Errorf("grid %v", got)
	}
}

// "Verwendet in" opens the post; after the editor saved, the list is read
// again (the post may have dropped the file).
func TestLibraryUsedInOpensThePost(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	closeOverlays(u)
	ws := u.Workspace()
	ctx := t.Context()
	cs, _ := ws.Channels(ctx)
	day := calendar.NewDate(2030, 6, 14)
	p := data.Post{Title: "Sommerfest im Rathaus", Status: data.StatusDraft, Date: &day, Channels: []data.PostChannel{{ChannelID: cs[0].ID}}}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	m := selectByName(t, u, s, "sommerfest.jpg")
	if err := ws.AttachMedia(ctx, p.ID, []int64{m.ID}); err != nil {
		t.Fatal(err)
	}
	s.detail.show(m)
	u.Wait()
	if len(s.detail.usedIn.Objects) != 1 {
		t.Fatalf("Verwendet in lists %d entries", len(s.detail.usedIn.Objects))
	}
	link := s.detail.usedIn.Objects[0].(*widget.Hyperlink)
	link.OnTapped() // a Hyperlink takes taps on its text only
	u.Wait()
	if u.editor == nil || u.editor.post.ID != p.ID {
		t.Fatal("the post did not open")
	}
	if err := ws.AttachMedia(ctx, p.ID, nil); err != nil {
		t.Fatal(err)
	}
	u.editor.saved()
	u.Wait()
	assertShows(t, s.detail.usedIn, "Noch in keinem Beitrag verwendet.")
}
