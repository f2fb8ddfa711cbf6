package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/bundle"
	"feedtakt/data/demo"
)

// janaBundle bundles the workspace in dir, lets Jana add a post to a copy
// of it elsewhere and returns her bundle.
func janaBundle(t *testing.T, dir string) string {
	t.Helper()
	ctx := context.Background()
	root := t.TempDir()
	ws, err := data.Open(ctx, dir, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	hin := filepath.Join(root, "hin.feedtakt")
	_, err = bundle.Write(ctx, ws, hin, nil)
	ws.Close()
	if err != nil {
		t.Fatal(err)
	}
	jana := filepath.Join(root, "Jana")
	if err := bundle.Unpack(ctx, hin, jana, nil); err != nil {
		t.Fatal(err)
	}
	jws, err := data.Open(ctx, jana, data.Options{Actor: data.Actor{Person: "Jana Beispiel", PC: "PC-2"}})
	if err != nil {
		t.Fatal(err)
	}
	defer jws.Close()
	day := jws.Today().AddDays(2)
	if err := jws.CreatePost(ctx, &data.Post{Title: "Neu von Jana", Date: &day, Status: data.StatusDraft}); err != nil {
		t.Fatal(err)
	}
	back := filepath.Join(root, "Feedtakt-Übergabe-zurück.feedtakt")
	if _, err := bundle.Write(ctx, jws, back, nil); err != nil {
		t.Fatal(err)
	}
	return back
}

func hasPost(t *testing.T, ws *data.Workspace, title string) bool {
	t.Helper()
	today := ws.Today()
	posts, err := ws.PostsBetween(context.Background(), today.AddDays(-60), today.AddDays(60))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range posts {
		if p.Title == title {
			return true
		}
	}
	return false
}

// Übergabe → Paket einspielen …: the dialog shows what differs and who
// changed it; Abbrechen changes nothing; Einspielen reopens the workspace
// with the bundle's posts and keeps the old folder.
func TestHandoverReplaceBundle(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	back := janaBundle(t, dir)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait()
	test.Tap(findButton(t, u.win.Content(), "Paket einspielen …"))
	if topOverlay(u) == nil {
		t.Fatal("no file dialog")
	}
	u.win.Canvas().Overlays().Remove(topOverlay(u)) // the chooser is Fyne's (Windows: the system's)

	compareBundle(u, back)
	u.Wait()
	dlg := topOverlay(u)
	assertShows(t, dlg, "Diesen Arbeitsbereich durch das Übergabepaket ersetzen?", "von Jana Beispiel – Beiträge: 1 neu, 0 geändert, 0 entfernt.",
		"Neu", "Neu von Jana", "von Jana Beispiel", "Feedtakt (vor Paket "+time.Now().Format("2006-01-02"), "Ersetzen", "Abbrechen")
	test.Tap(findButton(t, dlg, "Abbrechen"))
	u.Wait()
	if u.ws == nil || u.ws.Dir() != dir || hasPost(t, u.ws, "Neu von Jana") {
		t.Fatal("Abbrechen changed the workspace")
	}
	if m, _ := filepath.Glob(dir + " (vor Paket*"); len(m) > 0 {
		t.Fatalf("Abbrechen moved the folder: %v", m)
	}

	compareBundle(u, back)
	u.Wait()
	test.Tap(findButton(t, topOverlay(u), "Ersetzen"))
	u.Wait()
	if u.ws == nil || u.ws.Dir() != dir {
		t.Fatalf("open workspace %v, want %s", u.ws, dir)
	}
	if !hasPost(t, u.ws, "Neu von Jana") {
		t.Error("the reopened workspace lacks the bundle's post")
	}
	asides, _ := filepath.Glob(dir + " (vor Paket*")
	if len(asides) != 1 {
		t.Fatalf("old folder: %v", asides)
	}
	assertShows(t, topOverlay(u), "Fertig: Der Arbeitsbereich enthält jetzt das Paket.", asides[0])
	if bs, _ := u.ws.Backups(); len(bs) == 0 {
		t.Error("no backup in the new workspace")
	}
}

// A bundle that turns out damaged when it is imported: the old workspace
// is opened again, unchanged, and the reason is said in German.
func TestHandoverReplaceFailureReopensOld(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	back := janaBundle(t, dir)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait()
	compareBundle(u, back)
	u.Wait()
	// Spoilt between the comparison and Einspielen.
	b, _ := os.ReadFile(back)
	os.WriteFile(back, b[:len(b)/2], 0o644)
	test.Tap(findButton(t, topOverlay(u), "Ersetzen"))
	u.Wait()
	if u.ws == nil || u.ws.Dir() != dir || u.ws.ReadOnly() {
		t.Fatalf("workspace after the failure: %v", u.ws)
	}
	if hasPost(t, u.ws, "Neu von Jana") {
		t.Error("the failed import changed the workspace")
	}
	got := strings.Join(texts(topOverlay(u)), " ")
	if !strings.Contains(got, "konnte nicht eingespielt werden. Der Arbeitsbereich wurde nicht verändert.") || !strings.Contains(got, "beschädigt") {
		t.Errorf("dialog says: %s", got)
	}
	if m, _ := filepath.Glob(dir + "*"); len(m) != 1 {
		t.Errorf("folders: %v", m)
	}
}

// A read-only workspace offers no Paket einspielen.
func TestHandoverReplaceOffWhenReadOnly(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	other, err := data.Open(context.Background(), dir, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait()
	if !findButton(t, u.win.Content(), "Paket einspielen …").Disabled() {
		t.Error("Paket einspielen is on in a read-only workspace")
	}
}

// An import killed between moving the old folder aside and moving the
// new one in leaves a ready .part and no folder: opening finishes it.
func TestHandoverReplaceResumedAtOpen(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	if err := os.Rename(dir, dir+".part"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir+".part", ".feedtakt-unbundle-ready.part"), []byte("ready\n"), 0o644)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.Wait()
	if u.ws == nil || u.ws.Dir() != dir {
		t.Fatalf("open workspace %v, want %s", u.ws, dir)
	}
	if _, err := os.Stat(dir + ".part"); !os.IsNotExist(err) {
		t.Errorf(".part still there: %v", err)
	}
}

// A consent withdrawn here after the bundle was made: the dialog says in
// red that replacing brings it back and what to do.
func TestHandoverReplaceWarnsOfWithdrawal(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Demo")
	ws, err := demo.Create(ctx, dir, data.Options{}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "paket.feedtakt")
	_, err = bundle.Write(ctx, ws, file, nil)
	ws.Close()
	if err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait()
	people, _ := u.ws.People(ctx, data.PeopleQuery{})
	var name string
	for _, p := range people {
		cs, _ := u.ws.Consents(ctx, p.ID)
		if len(cs) > 0 && cs[0].Withdrawal == nil && name == "" {
			if err := u.ws.WithdrawConsent(ctx, cs[0].ID, data.Withdrawal{On: u.ws.Today(), Via: "Telefon"}); err != nil {
				t.Fatal(err)
			}
			name = p.Name
		}
	}
	for top := topOverlay(u); top != nil; top = topOverlay(u) {
		u.win.Canvas().Overlays().Remove(top)
	}
	compareBundle(u, file)
	u.Wait()
	want := name + " hat die Einwilligung am " + u.ws.Today().String() + " widerrufen"
	var warned bool
	visit(topOverlay(u), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, want) && strings.Contains(l.Text, "Im Paket gilt die Einwilligung noch") {
			warned = l.Importance == widget.DangerImportance
		}
	})
	if name == "" || !warned {
		t.Errorf("no red warning %q in: %s", want, strings.Join(texts(topOverlay(u)), " | "))
	}
}
