package app

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// importPictures imports generated photos with the given names through
// data's import (with thumbnails, as the window does) and returns them in
// the order given.
func importPictures(t *testing.T, u *UI, names ...string) []data.Media {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, n := range names {
		paths = append(paths, writeJPEG(t, dir, n, "fachwerk", int64(i+1)))
	}
	var out []data.Media
	for _, p := range paths { // one by one: the order is ours
		res, err := u.Workspace().ImportFiles(context.Background(), []string{p}, data.ImportFilesOptions{})
		if err != nil || len(res.Results) != 1 || res.Results[0].Media.ID == 0 {
			t.Fatalf("import %s: %+v, %v", p, res, err)
		}
		out = append(out, res.Results[0].Media)
	}
	return out
}

// openPostEditor opens the editor of an existing post as a double click
// does and returns it.
func openPostEditor(t *testing.T, u *UI, s *calendarScreen, id int64) *editor {
	t.Helper()
	s.openPost(id)
	u.Wait()
	if u.editor == nil || u.editor.post.ID != id {
		t.Fatal("the post's editor did not open")
	}
	return u.editor
}

func linkedNames(t *testing.T, u *UI, postID int64) []string {
	t.Helper()
	ms, err := u.Workspace().PostMedia(context.Background(), postID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		out = append(out, m.OriginalName)
	}
	return out
}

func editorNames(ed *editor) []string {
	var out []string
	for _, m := range ed.mediaBox.items {
		out = append(out, m.OriginalName)
	}
	return out
}

// cardButton returns the icon button of card i in the editor's media
// section.
func cardButton(t *testing.T, ed *editor, i int, icon fyne.Resource) *widget.Button {
	t.Helper()
	var found *widget.Button
	visit(ed.mediaBox.tiles.Objects[i], func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == icon.Name() {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("card %d has no button %s", i, icon.Name())
	}
	return found
}

func firstPostID(t *testing.T, u *UI) int64 {
	t.Helper()
	ps, err := u.Workspace().PostsBetween(context.Background(), *day(2026, 12, 8), *day(2026, 12, 8))
	if err != nil || len(ps) == 0 {
		t.Fatalf("no post on 8.12.: %v", err)
	}
	return ps[0].ID
}

func TestEditorMediaAttachReorderRemoveSavedInOrder(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Adventsmarkt", Date: day(2026, 12, 8)})
	pics := importPictures(t, u, "rathaus.jpg", "markt.jpg", "burg.jpg")
	id := firstPostID(t, u)
	ed := openPostEditor(t, u, s, id)
	assertShows(t, topOverlay(u), "Noch keine Bilder verknüpft.", "Aus Mediathek wählen …", "Dateien hinzufügen …")

	// What the picker hands over is appended; one already linked is not
	// added twice.
	ed.mediaBox.append(pics[:2])
	ed.mediaBox.append([]data.Media{pics[0], pics[2]})
	u.Wait()
	if got := editorNames(ed); !slices.Equal(got, []string{"rathaus.jpg", "markt.jpg", "burg.jpg"}) {
		t.Fatalf("editor lists %v", got)
	}
	assertShows(t, topOverlay(u), "rathaus.jpg", "ohne Bildbeschreibung", "Für Kanal vorbereiten …")
	// The thumbnails came from the cache, off the UI goroutine.
	var shown int
	visit(ed.mediaBox.tiles, func(o fyne.CanvasObject) {
		if img, ok := o.(*canvas.Image); ok && img.Image != nil && img.Resource == nil {
			shown++
		}
	})
	if shown != 3 {
		t.Errorf("%d thumbnails shown, want 3", shown)
	}

	// burg one to the left (rathaus, burg, markt), then rathaus removed.
	test.Tap(cardButton(t, ed, 2, theme.NavigateBackIcon()))
	test.Tap(cardButton(t, ed, 0, theme.DeleteIcon()))
	if got := editorNames(ed); !slices.Equal(got, []string{"burg.jpg", "markt.jpg"}) {
		t.Fatalf("after moving burg left and removing rathaus: %v", got)
	}
	if got := linkedNames(t, u, id); len(got) != 0 {
		t.Fatalf("linked before Speichern: %v", got)
	}
	test.Tap(findButton(t, topOverlay(u), "Speichern"))
	u.Wait()
	if got := linkedNames(t, u, id); !slices.Equal(got, []string{"burg.jpg", "markt.jpg"}) {
		t.Errorf("saved %v, want burg, markt", got)
	}

	// Opened again: the saved order; moving right and saving keeps it.
	ed = openPostEditor(t, u, s, id)
	test.Tap(cardButton(t, ed, 0, theme.NavigateNextIcon()))
	test.Tap(findButton(t, topOverlay(u), "Speichern"))
	u.Wait()
	if got := linkedNames(t, u, id); !slices.Equal(got, []string{"markt.jpg", "burg.jpg"}) {
		t.Errorf("after moving right: %v", got)
	}
}

func TestEditorNewPostGetsItsMediaOnSave(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Da", Date: day(2026, 12, 8)})
	pics := importPictures(t, u, "kita.jpg", "spielplatz.jpg")
	ed := openNewPostEditor(t, u, s)
	test.Type(ed.title, "Neue Kita eröffnet")
	ed.mediaBox.append([]data.Media{pics[1], pics[0]})
	test.Tap(findButton(t, topOverlay(u), "Speichern"))
	u.Wait()
	ps := postsOn9Dec(t, u)
	if len(ps) != 1 {
		t.Fatalf("%d posts on 9.12.", len(ps))
	}
	if got := linkedNames(t, u, ps[0].ID); !slices.Equal(got, []string{"spielplatz.jpg", "kita.jpg"}) {
		t.Errorf("the new post has %v", got)
	}
}

func TestEditorCancelWithChangedMediaAsks(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Adventsmarkt", Date: day(2026, 12, 8)})
	pics := importPictures(t, u, "rathaus.jpg")
	id := firstPostID(t, u)

	// Added and removed again: nothing changed, Abbrechen closes.
	ed := openPostEditor(t, u, s, id)
	ed.mediaBox.append(pics)
	test.Tap(cardButton(t, ed, 0, theme.DeleteIcon()))
	test.Tap(findButton(t, topOverlay(u), "Abbrechen"))
	u.Wait()
	if u.editor != nil {
		t.Fatal("Abbrechen asked although the list is as it was")
	}

	// Only a picture added: Abbrechen asks; Verwerfen links nothing.
	ed = openPostEditor(t, u, s, id)
	ed.mediaBox.append(pics)
	test.Tap(findButton(t, topOverlay(u), "Abbrechen"))
	assertShows(t, topOverlay(u), "Änderungen verwerfen?")
	test.Tap(findButton(t, topOverlay(u), "Verwerfen"))
	u.Wait()
	if u.editor != nil {
		t.Fatal("Verwerfen left the editor open")
	}
	if got := linkedNames(t, u, id); len(got) != 0 {
		t.Errorf("Verwerfen linked %v", got)
	}
}

func TestDropOnOpenEditorImportsAndAttaches(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Adventsmarkt", Date: day(2026, 12, 8)})
	id := firstPostID(t, u)
	ed := openPostEditor(t, u, s, id)
	dir := t.TempDir()
	one := writeJPEG(t, dir, "glühwein.jpg", "team", 4)
	sub := filepath.Join(t.TempDir(), "Fotos vom Markt")
	mkdir(t, sub)
	writeJPEG(t, sub, "stand.jpg", "burg", 5)

	u.dropped(fyne.NewPos(100, 100), []fyne.URI{storage.NewFileURI(one), storage.NewFileURI(sub)})
	u.Wait()
	if got := editorNames(ed); !slices.Equal(got, []string{"glühwein.jpg", "stand.jpg"}) {
		t.Fatalf("after the drop the editor lists %v", got)
	}
	if n, _ := u.Workspace().CountMedia(context.Background(), data.MediaQuery{}); n != 2 {
		t.Errorf("%d items in the Mediathek, want 2", n)
	}
	if top := topOverlay(u); top == nil || contains(texts(top), "Import abgeschlossen") {
		t.Errorf("a clean drop showed a summary over the editor")
	}
	// Dropped again: already in the Mediathek and linked, nothing doubles.
	u.dropped(fyne.NewPos(100, 100), []fyne.URI{storage.NewFileURI(one)})
	u.Wait()
	if got := editorNames(ed); len(got) != 2 {
		t.Errorf("a second drop of the same file lists %v", got)
	}
	test.Tap(findButton(t, topOverlay(u), "Speichern"))
	u.Wait()
	if got := linkedNames(t, u, id); !slices.Equal(got, []string{"glühwein.jpg", "stand.jpg"}) {
		t.Errorf("saved %v", got)
	}
}

func TestDropElsewhereSaysWhereDropsWork(t *testing.T) {
	u, _ := newCalendarUI(t, data.Post{Title: "Adventsmarkt", Date: day(2026, 12, 8)})
	dir := t.TempDir()
	drop := []fyne.URI{storage.NewFileURI(writeJPEG(t, dir, "kirche.jpg", "kirche", 7))}
	count := func() int {
		n, err := u.Workspace().CountMedia(context.Background(), data.MediaQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	// The calendar: a hint, nothing imported.
	u.dropped(fyne.NewPos(10, 10), drop)
	u.Wait()
	assertShows(t, topOverlay(u), "Zum Importieren in die Mediathek wechseln oder einen Beitrag öffnen.")
	if n := count(); n != 0 {
		t.Fatalf("a drop on the calendar imported %d files", n)
	}
	test.Tap(findButton(t, topOverlay(u), "OK"))

	// The Mediathek: its own import.
	u.shell.selectScreen(screenMedia)
	u.Wait()
	u.dropped(fyne.NewPos(10, 10), drop)
	u.Wait()
	if n := count(); n != 1 {
		t.Fatalf("a drop on the Mediathek imported %d files, want 1", n)
	}
	if got := tileNames(u.shell.library); !slices.Equal(got, []string{"kirche.jpg"}) {
		t.Errorf("the grid shows %v", got)
	}
	// Nothing that is not a file (a link from a browser) does anything.
	u.dropped(fyne.NewPos(10, 10), []fyne.URI{mustParseURI(t, "https://example.org/bild.jpg")})
	u.Wait()
	if n := count(); n != 1 {
		t.Errorf("a web link changed the Mediathek to %d", n)
	}
}

func mustParseURI(t *testing.T, s string) fyne.URI {
	t.Helper()
	uri, err := storage.ParseURI(s)
	if err != nil {
		t.Fatal(err)
	}
	return uri
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func TestNoPictureMarkInMonthAndList(t *testing.T) {
	u, s := newCalendarUI(t,
		data.Post{Title: "Ohne Bild", Date: day(2026, 12, 8), Caption: "x"},
		data.Post{Title: "Mit Bild", Date: day(2026, 12, 8), Caption: "x"},
		data.Post{Title: "Schon draußen", Date: day(2026, 12, 8), Caption: "x", Status: data.StatusPublished},
	)
	ctx := context.Background()
	ps, err := u.Workspace().PostsBetween(ctx, *day(2026, 12, 8), *day(2026, 12, 8))
	if err != nil {
		t.Fatal(err)
	}
	pics := importPictures(t, u, "rathaus.jpg")
	// Decided: nobody identifiable (an ungeklärt picture has a mark of its own).
	if err := u.Workspace().SetPictureDecision(ctx, pics[0].ID, data.DecisionNone); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Title == "Mit Bild" {
			if err := u.Workspace().AttachMedia(ctx, p.ID, []int64{pics[0].ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.reload()
	u.Wait()

	marks := map[string]bool{}
	for _, c := range chipsOn(s, *day(2026, 12, 8)) {
		r := test.WidgetRenderer(c).(*chipRenderer)
		marks[c.info.title] = c.info.noPicture
		if r.badge.Visible() != c.info.noPicture {
			t.Errorf("%s: badge shown %v, mark %v", c.info.title, r.badge.Visible(), c.info.noPicture)
		}
	}
	if want := map[string]bool{"Ohne Bild": true, "Mit Bild": false, "Schon draußen": false}; fmt.Sprint(marks) != fmt.Sprint(want) {
		t.Errorf("month chips: %v, want %v", marks, want)
	}

	s.modeSel.SetSelected("Liste")
	s.selected = *day(2026, 12, 1)
	s.reload()
	u.Wait()
	got := map[string]string{}
	for i, r := range s.list.rows {
		l := widget.NewLabel("")
		s.list.updateCell(widget.TableCellID{Row: i, Col: 4}, l)
		got[r.post.Title] = l.Text
	}
	if want := map[string]string{"Ohne Bild": "kein Bild", "Mit Bild": "Bild ✓", "Schon draußen": ""}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("list column Bild: %v, want %v", got, want)
	}
}

// A linked file deleted outside Feedtakt shows "fehlt" (and cannot be
// prepared); a read-only workspace shows the pictures without any action.
func TestEditorMediaMissingFileAndReadOnly(t *testing.T) {
	u, _ := newCalendarUI(t, data.Post{Title: "Adventsmarkt", Date: day(2026, 12, 8)})
	pics := importPictures(t, u, "rathaus.jpg", "burg.jpg")
	id := firstPostID(t, u)
	if err := u.Workspace().AttachMedia(context.Background(), id, []int64{pics[0].ID, pics[1].ID}); err != nil {
		t.Fatal(err)
	}
	dir := u.Workspace().Dir()
	u.closeWorkspace()
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(pics[1].Path))); err != nil {
		t.Fatal(err)
	}

	u2, _ := newTestUI(t, Config{Workspace: dir}) // the check at open marks it
	s2 := u2.shell.calendar
	ed := openPostEditor(t, u2, s2, id)
	assertShows(t, ed.mediaBox.tiles.Objects[1], "fehlt", "burg.jpg")
	assertNotShows(t, ed.mediaBox.tiles.Objects[0], "fehlt")
	if b := findButton(t, ed.mediaBox.tiles.Objects[1], "Für Kanal vorbereiten …"); !b.Disabled() {
		t.Error("a missing file can be prepared")
	}
	test.Tap(findButton(t, topOverlay(u2), "Abbrechen"))
	u2.Wait()

	// A colleague holds the workspace: view only.
	u2.closeWorkspace()
	holder, err := data.Open(context.Background(), dir, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	u3, _ := newTestUI(t, Config{Workspace: dir})
	if !u3.Workspace().ReadOnly() {
		t.Fatal("not read-only")
	}
	ed = openPostEditor(t, u3, u3.shell.calendar, id)
	if got := editorNames(ed); !slices.Equal(got, []string{"rathaus.jpg", "burg.jpg"}) {
		t.Fatalf("read-only editor lists %v", got)
	}
	visit(ed.mediaBox.tiles, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			t.Errorf("read-only card has a button %q", b.Text)
		}
	})
	if !ed.mediaBox.pick.Disabled() || !ed.mediaBox.add.Disabled() {
		t.Error("read-only: the add buttons are enabled")
	}
	u3.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(writeJPEG(t, t.TempDir(), "neu.jpg", "team", 9))})
	u3.Wait()
	assertShows(t, topOverlay(u3), "nur zum Lesen geöffnet")
	if n, _ := u3.Workspace().CountMedia(context.Background(), data.MediaQuery{}); n != 2 {
		t.Errorf("a drop on a read-only editor changed the Mediathek to %d items", n)
	}
}
