package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// "feedtakt unbundle --replace": the differences first and nothing
// changed without --yes; with --yes the workspace holds the bundle, the
// old folder is kept, and refusals exit 1 with a German sentence.
func TestUnbundleReplace(t *testing.T) {
	ctx := context.Background()
	dir := newTestExportWorkspace(t)
	root := t.TempDir()
	hin := filepath.Join(root, "hin.feedtakt")
	if r := runCLI("bundle", "--workspace", dir, "-o", hin); r.code != 0 {
		t.Fatalf("bundle: %s%s", r.stdout, r.stderr)
	}
	jana := filepath.Join(root, "Jana")
	if r := runCLI("unbundle", hin, jana); r.code != 0 {
		t.Fatalf("unbundle: %s%s", r.stdout, r.stderr)
	}
	jws, err := data.Open(ctx, jana, data.Options{Actor: data.Actor{Person: "Jana Beispiel", PC: "PC-2"}})
	if err != nil {
		t.Fatal(err)
	}
	day := calendar.NewDate(2026, 12, 24)
	if err := jws.CreatePost(ctx, &data.Post{Title: "Frohe Weihnachten von Jana", Date: &day, Status: data.StatusDraft}); err != nil {
		t.Fatal(err)
	}
	jws.Close()
	back := filepath.Join(root, "zurueck.feedtakt")
	if r := runCLI("bundle", "--workspace", jana, "-o", back); r.code != 0 {
		t.Fatalf("bundle: %s%s", r.stdout, r.stderr)
	}
	dbBefore, _ := os.ReadFile(filepath.Join(dir, data.DBName))

	r := runCLI("unbundle", "--replace", back, dir)
	if r.code != 0 {
		t.Fatalf("compare: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"von Jana Beispiel – Beiträge: 1 neu, 0 geändert, 0 entfernt.", "Neu", "24.12.2026", "Frohe Weihnachten von Jana  (Jana Beispiel)", "Es wurde nichts verändert."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(dir, data.DBName)); string(after) != string(dbBefore) {
		t.Error("the workspace changed without --yes")
	}
	if r := runCLI("unbundle", "--replace", "--yes", "--dry-run", back, dir); r.code != 0 || !strings.Contains(r.stdout, "Es wurde nichts verändert.") {
		t.Errorf("--dry-run: %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Open elsewhere: refused, naming who.
	other, err := data.Open(ctx, dir, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-STADT-042"}})
	if err != nil {
		t.Fatal(err)
	}
	r = runCLI("unbundle", "--replace", "--yes", back, dir)
	other.Close()
	if r.code != 1 || !strings.Contains(r.stderr, "geöffnet von Maria Muster an PC-STADT-042") {
		t.Errorf("held: %d\n%s", r.code, r.stderr)
	}
	// Not a bundle.
	letter := filepath.Join(root, "brief.feedtakt")
	os.WriteFile(letter, []byte("Sehr geehrte Damen und Herren,"), 0o644)
	if r := runCLI("unbundle", "--replace", "--yes", letter, dir); r.code != 1 || !strings.Contains(r.stderr, "kein Feedtakt-Übergabepaket") {
		t.Errorf("no bundle: %d\n%s", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, data.DBName)); string(after) != string(dbBefore) {
		t.Error("a refused replace changed the workspace")
	}

	r = runCLI("unbundle", "--replace", "--yes", back, dir)
	if r.code != 0 {
		t.Fatalf("replace: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"enthält jetzt das Paket", "Feedtakt (vor Paket 2026-11-27", de("Healthy.", nil), "4 Beiträge"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	asides, _ := filepath.Glob(dir + " (vor Paket *")
	if len(asides) != 1 {
		t.Fatalf("old folder: %v", asides)
	}
	if old, _ := os.ReadFile(filepath.Join(asides[0], data.DBName)); len(old) == 0 {
		t.Error("the old folder lost its database")
	}
}

// A bundle import killed between its two renames leaves a ready ".part"
// folder and no workspace: any command finishes it first, as the app does,
// instead of saying the workspace is missing.
func TestCommandsFinishAnInterruptedImport(t *testing.T) {
	dir := newTestExportWorkspace(t)
	if err := os.Rename(dir, dir+".part"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir+".part", ".feedtakt-unbundle-ready.part"), []byte("ready\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCLI("check", dir); r.code != 0 || !strings.Contains(r.stdout, "In Ordnung.") {
		t.Fatalf("check: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(dir + ".part"); !os.IsNotExist(err) {
		t.Errorf(".part still there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".feedtakt-unbundle-ready.part")); !os.IsNotExist(err) {
		t.Errorf("ready marker left in the workspace: %v", err)
	}
}
