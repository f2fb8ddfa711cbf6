package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/bundle"
)

// Übergabe → Paket erstellen … writes a verified bundle under the
// suggested name; opening it unpacks a new workspace and offers to open it.
func TestHandoverMakesAndOpensBundle(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait()
	assertShows(t, u.win.Content(), "Übergabepaket", "Paket öffnen …")

	test.Tap(findButton(t, u.win.Content(), "Paket erstellen …"))
	form := topOverlay(u)
	es := entriesIn(form)
	if len(es) != 2 {
		t.Fatalf("%d entries in the dialog", len(es))
	}
	want := "Feedtakt-Übergabe-" + u.ws.Today().ISO() + ".feedtakt"
	if es[1].Text != want {
		t.Errorf("suggested name %q, want %q", es[1].Text, want)
	}
	out := t.TempDir()
	es[0].SetText(out)
	test.Tap(findButton(t, form, "Paket erstellen"))
	u.Wait()
	file := filepath.Join(out, want)
	assertShows(t, topOverlay(u), "Übergabepaket geschrieben und geprüft: "+file)
	if _, err := bundle.Verify(context.Background(), file, nil); err != nil {
		t.Fatalf("the bundle does not verify: %v", err)
	}
	test.Tap(findButton(t, topOverlay(u), "OK"))

	// Paket öffnen: the file was chosen (the system's dialog), now the
	// new folder.
	askUnpackTarget(u, file)
	form = topOverlay(u)
	es = entriesIn(form)
	es[0].SetText(out)
	es[1].SetText("Vertretung")
	test.Tap(findButton(t, form, "Entpacken"))
	u.Wait()
	target := filepath.Join(out, "Vertretung")
	assertShows(t, topOverlay(u), "Das Paket wurde vollständig geprüft und nach "+target+" entpackt. Diesen Arbeitsbereich jetzt öffnen?")
	test.Tap(findButton(t, topOverlay(u), "Ja"))
	u.Wait()
	if u.ws == nil || u.ws.Dir() != target {
		t.Fatalf("open workspace %v, want %s", u.ws, target)
	}
	s, _ := u.ws.Settings(context.Background())
	if s.Organisation != "Stadt Musterstadt" {
		t.Errorf("unpacked workspace has organisation %q", s.Organisation)
	}
}

// A file that is no bundle is refused with the German reason, and no
// folder is made.
func TestHandoverOpenRefusesNoBundle(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait()
	out := t.TempDir()
	file := filepath.Join(out, "Plan.feedtakt")
	os.WriteFile(file, []byte("kein Paket"), 0o644)
	askUnpackTarget(u, file)
	form := topOverlay(u)
	es := entriesIn(form)
	es[0].SetText(out)
	test.Tap(findButton(t, form, "Entpacken"))
	u.Wait()
	got := strings.Join(texts(topOverlay(u)), " ")
	if !strings.Contains(got, "Diese Datei ist kein Feedtakt-Übergabepaket. Es wurde nichts entpackt.") {
		t.Errorf("dialog says: %s", got)
	}
	if _, err := os.Stat(filepath.Join(out, "Plan")); !os.IsNotExist(err) {
		t.Errorf("a folder was made: %v", err)
	}
	if u.ws.Dir() != dir {
		t.Error("the open workspace changed")
	}
}

// The welcome screen opens a bundle too: a colleague's PC without any
// workspace yet.
func TestWelcomeOpensBundle(t *testing.T) {
	src := newTestWorkspaceDir(t)
	ws, err := data.Open(context.Background(), src, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "Feedtakt-Übergabe.feedtakt")
	if _, err := bundle.Write(context.Background(), ws, file, nil); err != nil {
		t.Fatal(err)
	}
	ws.Close()

	u, _ := newTestUI(t, Config{})
	test.Tap(findButton(t, u.win.Content(), "Übergabepaket öffnen …"))
	if topOverlay(u) == nil {
		t.Fatal("no file dialog")
	}
	u.win.Canvas().Overlays().Remove(topOverlay(u)) // the chooser is Fyne's (Windows: the system's)
	askUnpackTarget(u, file)
	form := topOverlay(u)
	es := entriesIn(form)
	out := t.TempDir()
	es[0].SetText(out)
	if es[1].Text != "Feedtakt-Übergabe" {
		t.Errorf("suggested folder %q", es[1].Text)
	}
	test.Tap(findButton(t, form, "Entpacken"))
	u.Wait()
	test.Tap(findButton(t, topOverlay(u), "Ja"))
	u.Wait()
	if u.ws == nil || u.ws.Dir() != filepath.Join(out, "Feedtakt-Übergabe") {
		t.Fatalf("open workspace: %v", u.ws)
	}
}
