package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// addShareItems gives the workspace in dir a hashtag set, a caption
// template naming it, a series from the template and an idea.
func addShareItems(t *testing.T, dir, body string) {
	t.Helper()
	ctx := context.Background()
	ws, err := data.Open(ctx, dir, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	tags := data.Template{Kind: data.KindHashtags, Name: "Ausbildung", Body: "#Ausbildung #Azubi"}
	if err := ws.SaveTemplate(ctx, &tags); err != nil {
		t.Fatal(err)
	}
	capt := data.Template{Kind: data.KindCaption, Name: "Azubi-Dienstag", Body: body, HashtagSetID: tags.ID}
	if err := ws.SaveTemplate(ctx, &capt); err != nil {
		t.Fatal(err)
	}
	s := data.Series{Title: "Azubi-Dienstag", TemplateID: capt.ID,
		Rule: calendar.Recurrence{Kind: calendar.Weekly, Weekday: time.Tuesday, Start: calendar.NewDate(2027, 1, 5), Hour: 10}}
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	idea := data.Post{Title: "Blick in die Werkstatt", Caption: "Was macht eigentlich …", Notes: "Mit Herrn K. absprechen"}
	if err := ws.CreatePost(ctx, &idea); err != nil {
		t.Fatal(err)
	}
}

// Austausch-Datei erstellen: nothing ticked is said in the dialog; a ticked
// caption template and the ideas are written with the template's hashtag
// set.
func TestHandoverShareMakesFile(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	addShareItems(t, dir, "Heute: {Ausbildungsberuf}\n{Hashtags}")
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait()
	assertShows(t, u.win.Content(), "Austausch mit Nachbarbehörden", "Datei übernehmen …")
	test.Tap(findButton(t, u.win.Content(), "Datei erstellen …"))
	u.Wait()
	form := topOverlay(u)
	f := u.shell.handover.shareForm
	if form == nil || f == nil {
		t.Fatal("no dialog")
	}
	assertShows(t, form, "Textvorlagen (0/1)", "Nie enthalten: Personen, Einwilligungen, Bilder; interne Notizen nur, wenn angehakt.")
	test.Tap(findButton(t, form, "Datei erstellen"))
	if topOverlay(u) != form {
		t.Fatal("the dialog closed with nothing ticked")
	}
	assertShows(t, form, "Bitte haken Sie mindestens eine Vorlage, Serie oder Idee an.")

	f.groups[0].checks[0].SetChecked(true)
	for _, c := range f.groups[len(f.groups)-1].checks {
		c.SetChecked(true)
	}
	assertShows(t, form, "Textvorlagen (1/1)")
	out := t.TempDir()
	f.folder.SetText(out)
	f.note.SetText("Gern weiterverwenden")
	test.Tap(findButton(t, form, "Datei erstellen"))
	u.Wait()
	path := filepath.Join(out, shareFileName(u.ws.Today()))
	assertShows(t, topOverlay(u), "Austausch-Datei geschrieben und geprüft: "+path)
	file, err := data.ReadShareFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Templates) != 2 || len(file.Ideas) != 1 || len(file.Series) != 0 || file.Origin.Note != "Gern weiterverwenden" {
		t.Errorf("file %+v", file)
	}
	if file.Ideas[0].Notes != "" {
		t.Errorf("the idea's internal note went out unticked: %q", file.Ideas[0].Notes)
	}

	// Ticked, the note goes along.
	test.Tap(findButton(t, u.win.Content(), "Datei erstellen …"))
	u.Wait()
	f = u.shell.handover.shareForm
	f.groups[len(f.groups)-1].checks[0].SetChecked(true)
	f.withNotes.SetChecked(true)
	f.folder.SetText(out)
	f.name.SetText("mit-notizen.json")
	test.Tap(findButton(t, topOverlay(u), "Datei erstellen"))
	u.Wait()
	file, err = data.ReadShareFile(filepath.Join(out, "mit-notizen.json"))
	if err != nil || len(file.Ideas) != 1 || file.Ideas[0].Notes != "Mit Herrn K. absprechen" {
		t.Errorf("with notes: %+v, %v", file, err)
	}
}

// Austausch-Datei übernehmen: the preview says what comes in under which
// name; Übernehmen takes it over, the same file a second time has nothing
// new; a file that is not one is refused in German.
func TestHandoverShareTakesOver(t *testing.T) {
	other := newTestWorkspaceDir(t)
	addShareItems(t, other, "Text aus dem Landkreis {Hashtags}")
	ctx := context.Background()
	ows, err := data.Open(ctx, other, data.Options{Actor: data.Actor{Person: "Kai Kreis"}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	ts, _ := ows.Templates(ctx, data.KindCaption)
	for _, tp := range ts {
		ids = append(ids, tp.ID)
	}
	file, err := ows.ExportShare(ctx, data.ShareSelection{Templates: ids})
	ows.Close()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "Austausch.json")
	if err := data.WriteShareFile(path, file); err != nil {
		t.Fatal(err)
	}

	dir := newTestWorkspaceDir(t)
	addShareItems(t, dir, "Unser eigener Text {Hashtags}")
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait()
	h := u.shell.handover
	h.previewShare(path)
	u.Wait()
	pv := topOverlay(u)
	assertShows(t, pv, "Austausch-Datei von Stadt Musterstadt (Kai Kreis)", "Hashtag-Set „Ausbildung“ – schon übernommen oder gleich vorhanden",
		"Textvorlage „Azubi-Dienstag“ – kommt als „Azubi-Dienstag (Stadt Musterstadt)“", "0 neu, 1 unter anderem Namen, 1 schon vorhanden.")
	test.Tap(findButton(t, pv, "Übernehmen"))
	u.Wait()
	assertShows(t, topOverlay(u), "Übernommen. 0 neu, 1 unter anderem Namen, 1 schon vorhanden.")
	got, _ := u.ws.Templates(ctx, data.KindCaption)
	if len(got) != 2 || got[1].Name != "Azubi-Dienstag (Stadt Musterstadt)" {
		t.Errorf("templates %v", got)
	}
	test.Tap(findButton(t, topOverlay(u), "OK"))

	h.previewShare(path)
	u.Wait()
	if !findButton(t, topOverlay(u), "Übernehmen").Disabled() {
		t.Error("Übernehmen offered for a file that brings nothing new")
	}
	test.Tap(findButton(t, topOverlay(u), "Abbrechen"))

	bad := filepath.Join(t.TempDir(), "kaputt.json")
	if err := os.WriteFile(bad, []byte("no json"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.previewShare(bad)
	u.Wait()
	msg := strings.Join(texts(topOverlay(u)), " ")
	if !strings.Contains(msg, "Die Austausch-Datei kaputt.json kann nicht übernommen werden.") || !strings.Contains(msg, "keine Feedtakt-Austausch-Datei") {
		t.Errorf("says %q", msg)
	}
}

// A workspace another PC holds opens read-only: taking a file over is
// off, making one works.
func TestHandoverShareReadOnly(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	holder, err := data.Open(context.Background(), dir, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	if u.Workspace() == nil || !u.Workspace().ReadOnly() {
		t.Fatal("not read-only")
	}
	u.shell.selectScreen(screenHandover)
	u.Wait()
	if !findButton(t, u.win.Content(), "Datei übernehmen …").Disabled() {
		t.Error("taking over is offered in a read-only workspace")
	}
	if findButton(t, u.win.Content(), "Datei erstellen …").Disabled() {
		t.Error("making a file is off in a read-only workspace")
	}
}
