package app

import (
	"context"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/demo"
	"feedtakt/data/thumbs"
)

// openLibrary opens a fresh workspace and shows the Mediathek.
func openLibrary(t *testing.T) (*UI, *libraryScreen) {
	t.Helper()
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	u.shell.selectScreen(screenMedia)
	u.Wait()
	s := u.shell.library
	s.debounce = 0 // the search runs at once; the delay itself is a timer
	return u, s
}

// writeJPEG writes a generated photo as name into dir.
func writeJPEG(t *testing.T, dir, name, motif string, seed int64) string {
	t.Helper()
	img, err := demo.Picture(motif, seed, 640, 480)
	if err != nil {
		t.Fatal(err)
	}
	b, err := demo.EncodeJPEG(img)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// importFixture imports three pictures (one of them twice, once in a
// sub-folder), a text file (a document), an empty file and a program.
func importFixture(t *testing.T, u *UI, s *libraryScreen) {
	t.Helper()
	dir := t.TempDir()
	first := writeJPEG(t, dir, "rathaus.jpg", "fachwerk", 1)
	writeJPEG(t, dir, "sommerfest.jpg", "team", 2)
	writeJPEG(t, dir, "burg.jpg", "burg", 3)
	sub := filepath.Join(dir, "zz-Kopien") // walked after the originals
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(first)
	for name, content := range map[string][]byte{
		filepath.Join(sub, "IMG_4711.jpg"): b,
		filepath.Join(dir, "leer.jpg"):     nil,
		filepath.Join(dir, "notiz.txt"):    []byte("Termin mit dem Bürgermeister"),
		filepath.Join(dir, "setup.exe"):    []byte("MZ\x90\x00 not a picture"),
	} {
		if err := os.WriteFile(name, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s.importPaths([]string{dir})
	u.Wait()
}

func tileNames(s *libraryScreen) []string {
	var out []string
	for _, m := range s.items {
		out = append(out, displayMediaName(m))
	}
	slices.Sort(out)
	return out
}

func TestLibraryEmptyStateSaysHowToImport(t *testing.T) {
	u, s := openLibrary(t)
	assertShows(t, s.content, "Die Mediathek ist leer", "Dateien hierher ziehen", "Importieren …", "Ordner importieren …", "0 Dateien")
	if s.body.Objects[0] != s.empty {
		t.Error("empty workspace does not show the empty state")
	}
	_ = u
}

func TestLibraryImportShowsSummaryTilesAndThumbnails(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)

	d := topOverlay(u)
	if d == nil {
		t.Fatal("no summary after the import")
	}
	assertShows(t, d, "Import abgeschlossen", "4 Dateien importiert.", "1 Datei war schon in der Mediathek:", "IMG_4711.jpg (als rathaus.jpg)",
		"2 Dateien übersprungen:", "leer.jpg: Die Datei ist leer", "setup.exe: Dieser Dateityp wird nicht unterstützt.")

	if got, want := tileNames(s), []string{"burg.jpg", "notiz.txt", "rathaus.jpg", "sommerfest.jpg"}; !slices.Equal(got, want) {
		t.Errorf("tiles %v, want %v", got, want)
	}
	if s.body.Objects[0] != s.main {
		t.Error("the grid is not shown after the import")
	}
	assertShows(t, s.content, "4 Dateien")
	for _, m := range s.items {
		if m.Kind != "image" {
			continue
		}
		for _, size := range []int{thumbs.GridSize, thumbs.PreviewSize} {
			if !s.cache.Exists(m.Hash, size) {
				t.Errorf("%s: no thumbnail of size %d after the import", m.OriginalName, size)
			}
		}
		if m.Width != 640 || m.Height != 480 {
			t.Errorf("%s: %d×%d, want 640×480 from the header", m.OriginalName, m.Width, m.Height)
		}
	}

	// The grid's tiles show the decoded thumbnails, swapped in after the
	// placeholder.
	test.WidgetRenderer(s.grid).Layout(fyne.NewSize(900, 600))
	s.grid.Refresh()
	u.Wait()
	shown := 0
	for tl := range s.tiles {
		if tl.hash != "" && tl.img.Image != nil {
			shown++
			if b := tl.img.Image.Bounds(); max(b.Dx(), b.Dy()) > thumbs.GridSize {
				t.Errorf("tile image %v larger than the grid size", b)
			}
		}
	}
	if shown != 3 {
		t.Errorf("%d tiles show a thumbnail, want 3 (tiles: %d)", shown, len(s.tiles))
	}
	if s.images.len() != 3 {
		t.Errorf("%d decoded thumbnails kept, want 3", s.images.len())
	}
}

func TestLibrarySearchNarrowsTheGridAndDropsOlderQueries(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)

	// Two queries in a row whose pages arrive in the wrong order: the
	// older page must not win.
	s.search.SetText("burg")
	u.jobs.Wait()
	u.qmu.Lock()
	older := u.queue
	u.queue = nil
	u.qmu.Unlock()
	s.search.SetText("rathaus")
	u.Wait()
	for _, f := range older {
		f()
	}
	u.Wait()
	if got := tileNames(s); !slices.Equal(got, []string{"rathaus.jpg"}) {
		t.Errorf("search rathaus shows %v", got)
	}
	assertShows(t, s.content, "1 Datei")

	s.search.SetText("")
	u.Wait()
	if len(s.items) != 4 {
		t.Errorf("cleared search shows %d items, want 4", len(s.items))
	}
	s.kind.SetSelectedIndex(3) // documents
	u.Wait()
	if got := tileNames(s); !slices.Equal(got, []string{"notiz.txt"}) {
		t.Errorf("documents filter shows %v", got)
	}
	s.kind.SetSelectedIndex(2) // videos
	u.Wait()
	if len(s.items) != 0 {
		t.Errorf("videos filter shows %d items, want 0", len(s.items))
	}
	if s.body.Objects[0] != s.main {
		t.Error("a filter without hits shows the empty state of an empty library")
	}
}

func selectByName(t *testing.T, u *UI, s *libraryScreen, name string) data.Media {
	t.Helper()
	for i, m := range s.items {
		if m.OriginalName == name {
			s.grid.Select(i)
			u.Wait()
			return m
		}
	}
	t.Fatalf("%s not in the grid", name)
	return data.Media{}
}

func TestLibraryAltTextEditIsSaved(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	m := selectByName(t, u, s, "rathaus.jpg")
	d := s.detail
	assertShows(t, d.content, "rathaus.jpg", "Pixelmaße: 640 × 480", "GPS-Position: nein", "Noch in keinem Beitrag verwendet.")

	d.alt.SetText("Fachwerkhaus am Marktplatz")
	assertShows(t, d.content, "26 von 2000 Zeichen")
	d.credit.SetText("Stadt Musterstadt")
	d.until.SetText("31.12.2027")
	d.tags.SetText("Altstadt, Rathaus")
	d.licence.SetSelectedIndex(2) // Dienstfoto
	test.Tap(d.save)
	u.Wait()

	got, err := u.Workspace().Media(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.AltText != "Fachwerkhaus am Marktplatz" || got.Credit != "Stadt Musterstadt" || got.Licence != "official" ||
		got.UsableUntil == nil || *got.UsableUntil != (calendar.Date{Year: 2027, Month: 12, Day: 31}) {
		t.Errorf("stored %+v", got)
	}
	if !slices.Equal(got.Tags, []string{"Altstadt", "Rathaus"}) {
		t.Errorf("tags %v", got.Tags)
	}
	// The tile loses its "ohne Bildbeschreibung" mark.
	for _, it := range s.items {
		if it.ID == m.ID && it.AltText == "" {
			t.Error("the grid still holds the old alt text")
		}
	}
}

func TestLibraryDeleteOfUsedItemNamesThePost(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	ws := u.Workspace()
	ctx := context.Background()
	cs, _ := ws.Channels(ctx)
	day := calendar.Date{Year: 2030, Month: 6, Day: 14}
	p := data.Post{Title: "Sommerfest im Rathaus", Status: data.StatusDraft, Date: &day, Channels: []data.PostChannel{{ChannelID: cs[0].ID}}}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	m := selectByName(t, u, s, "sommerfest.jpg")
	if err := ws.AttachMedia(ctx, p.ID, []int64{m.ID}); err != nil {
		t.Fatal(err)
	}
	s.detail.show(m) // reads "Verwendet in" again
	u.Wait()
	assertShows(t, s.detail.content, "Sommerfest im Rathaus")

	s.detail.deleteItems([]int64{m.ID}, false)
	u.Wait()
	d := topOverlay(u)
	if d == nil {
		t.Fatal("no question before deleting a used file")
	}
	assertShows(t, d, "geplanten Beiträgen", "14.06.2030 – Sommerfest im Rathaus")
	if _, err := ws.Media(ctx, m.ID); err != nil {
		t.Errorf("the used file is gone before she answered: %v", err)
	}

	// Answering yes deletes it, and its thumbnails with it.
	if s.cache.Missing(m.Hash, []int{thumbs.GridSize}) != nil {
		t.Fatal("the imported picture has no thumbnail to remove")
	}
	s.detail.deleteItems([]int64{m.ID}, true)
	u.Wait()
	if len(s.items) != 3 {
		t.Errorf("%d items after deleting, want 3", len(s.items))
	}
	if s.cache.Exists(m.Hash, thumbs.GridSize) || s.cache.Exists(m.Hash, thumbs.PreviewSize) {
		t.Error("the deleted item's thumbnails are still in thumbs/")
	}
}

func TestImageLRUKeepsTheMostRecent(t *testing.T) {
	c := newImageLRU(2)
	a, b, d := testImage(), testImage(), testImage()
	c.put("a", a)
	c.put("b", b)
	c.get("a")
	c.put("d", d)
	if c.len() != 2 || c.get("b") != nil || c.get("a") == nil || c.get("d") == nil {
		t.Error("LRU did not evict the least recently used")
	}
}

func testImage() *image.RGBA { return image.NewRGBA(image.Rect(0, 0, 4, 4)) }

func TestLibraryDropImportsOnlyWhileTheMediathekIsShown(t *testing.T) {
	u, s := openLibrary(t)
	dir := t.TempDir()
	writeJPEG(t, dir, "kirche.jpg", "kirche", 7)
	drop := []fyne.URI{storage.NewFileURI(dir)}

	u.shell.selectScreen(screenCalendar)
	u.Wait()
	s.dropped(fyne.NewPos(10, 10), drop)
	u.Wait()
	if n, _ := u.Workspace().CountMedia(context.Background(), data.MediaQuery{}); n != 0 {
		t.Fatalf("a drop on the calendar imported %d files", n)
	}

	u.shell.selectScreen(screenMedia)
	u.Wait()
	s.dropped(fyne.NewPos(10, 10), drop)
	u.Wait()
	if got := tileNames(s); !slices.Equal(got, []string{"kirche.jpg"}) {
		t.Errorf("after the drop the grid shows %v", got)
	}
}

func TestLibraryPagesThroughTheCursorWhileScrolling(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	ctx := context.Background()
	ws, err := data.Open(ctx, dir, data.Options{Actor: data.Actor{Person: "Test", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	im := ws.NewImport(0)
	const n = data.DefaultMediaPage + 30
	for i := range n {
		name := fmt.Sprintf("notiz-%03d.txt", i)
		if _, err := im.Add(ctx, strings.NewReader(name), data.Media{OriginalName: name}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := im.Finish(ctx); err != nil {
		t.Fatal(err)
	}
	ws.Close()

	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenMedia)
	u.Wait()
	s := u.shell.library
	if len(s.items) != data.DefaultMediaPage {
		t.Fatalf("first page holds %d items, want %d", len(s.items), data.DefaultMediaPage)
	}
	assertShows(t, s.content, "230 Dateien")
	// The grid asks for a tile near the end of what is loaded: the next
	// page follows.
	s.updateTile(len(s.items)-1, s.newTile())
	u.Wait()
	if len(s.items) != n {
		t.Errorf("after scrolling %d items, want %d", len(s.items), n)
	}
	seen := map[int64]bool{}
	for _, m := range s.items {
		if seen[m.ID] {
			t.Fatalf("item %d twice", m.ID)
		}
		seen[m.ID] = true
	}
}

// Strg+S saves the detail pane while the cursor is in one of its fields,
// as the desktop driver delivers it.
func TestLibraryCtrlSSavesWhileTyping(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	for top := u.win.Canvas().Overlays().Top(); top != nil; top = u.win.Canvas().Overlays().Top() {
		u.win.Canvas().Overlays().Remove(top) // the import summary
	}
	m := selectByName(t, u, s, "rathaus.jpg")
	d := s.detail
	u.win.Canvas().Focus(d.alt)
	test.Type(d.alt, "Fachwerkhaus")
	pressShortcut(t, u, fyne.KeyModifierControl, fyne.KeyS)
	u.Wait()
	got, err := u.Workspace().Media(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.AltText != "Fachwerkhaus" {
		t.Errorf("alt text after Strg+S: %q", got.AltText)
	}
}

// The state filter narrows the grid: without Bildbeschreibung, unused.
func TestLibraryStateFilterNarrowsTheGrid(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	all := len(s.items)
	m := selectByName(t, u, s, "rathaus.jpg")
	m.AltText = "Fachwerkhaus am Marktplatz"
	if err := u.Workspace().UpdateMedia(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
	s.state.SetSelectedIndex(2) // Ohne Bildbeschreibung
	u.Wait()
	for _, n := range tileNames(s) {
		if n == displayMediaName(m) {
			t.Fatalf("the filter without alt text still shows %q: %v", n, tileNames(s))
		}
	}
	if len(s.items) == 0 || len(s.items) >= all {
		t.Fatalf("filter shows %d of %d items", len(s.items), all)
	}
	s.state.SetSelectedIndex(1) // Unbenutzt: nothing is linked yet
	u.Wait()
	if len(s.items) != all {
		t.Errorf("unused shows %d of %d items", len(s.items), all)
	}
	s.state.SetSelectedIndex(3) // Datei fehlt
	u.Wait()
	if len(s.items) != 0 {
		t.Errorf("missing shows %d items, want none", len(s.items))
	}
	if s.body.Objects[0] == s.empty {
		t.Error("a filter without hits shows the empty library's import hint")
	}
}

// A file that is already in the Mediathek is named by what the Mediathek
// shows: the item's title, its file name only when it has none (REVIEW8
// item 8).
func TestImportNamesTheExistingItemByItsTitle(t *testing.T) {
	openLibrary(t) // the translations
	c := countImport([]data.ImportResult{
		{Outcome: data.ImportExisting, Name: "IMG_1.jpg", Media: data.Media{OriginalName: "burg-1.jpg", Title: "Burgruine Lüttkenfels"}},
		{Outcome: data.ImportExisting, Name: "IMG_2.jpg", Media: data.Media{OriginalName: "rathaus.jpg"}},
	})
	if want := []string{"IMG_1.jpg (als Burgruine Lüttkenfels)", "IMG_2.jpg (als rathaus.jpg)"}; !slices.Equal(c.existing, want) {
		t.Errorf("existing %q, want %q", c.existing, want)
	}
}
