package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDemoCheckBackupCommands(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Demo")
	if r := runCLI("demo", dir); r.code != 0 || !strings.Contains(r.stdout, "Demo-Arbeitsbereich") {
		t.Fatalf("demo: %+v", r)
	}
	// A second demo into the same folder is refused; nothing changes.
	before := hashTree(t, dir)
	if r := runCLI("demo", dir); r.code == 0 || !strings.Contains(r.stderr, "nicht leer") {
		t.Fatalf("second demo: %+v", r)
	}
	if !reflect.DeepEqual(before, hashTree(t, dir)) {
		t.Fatal("refused demo changed the folder")
	}

	// check: healthy, exit 0, German report, not a byte changed.
	before = hashTree(t, dir)
	r := runCLI("check", dir)
	if r.code != 0 {
		t.Fatalf("check: %+v", r)
	}
	for _, want := range []string{"Integrität: ok", "Geöffnet von: niemandem", "In Ordnung."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, r.stdout)
		}
	}
	if !reflect.DeepEqual(before, hashTree(t, dir)) {
		t.Fatal("check changed a healthy workspace")
	}

	// backup: a verified file in backups/.
	if r := runCLI("backup", dir); r.code != 0 || !strings.Contains(r.stdout, "geprüft") {
		t.Fatalf("backup: %+v", r)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "backups", "feedtakt-*.db"))
	if len(files) != 1 {
		t.Fatalf("backups: %v", files)
	}
}

func TestCheckRefusesBrokenWorkspaceWithoutWriting(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "feedtakt.db"), []byte("kaputt"), 0o644)
	before := hashTree(t, dir)
	r := runCLI("check", dir)
	if r.code == 0 || !strings.Contains(r.stderr, "keine Feedtakt-Datenbank") {
		t.Fatalf("check of garbage: %+v", r)
	}
	if !reflect.DeepEqual(before, hashTree(t, dir)) {
		t.Fatal("check wrote to a workspace it refused")
	}
	if r := runCLI("check", filepath.Join(dir, "fehlt")); r.code == 0 || !strings.Contains(r.stderr, "kein Feedtakt-Arbeitsbereich") {
		t.Fatalf("check of a missing folder: %+v", r)
	}
	if r := runCLI("check"); r.code != 2 || !strings.Contains(r.stderr, "Aufruf") {
		t.Fatalf("check without folder: %+v", r)
	}
}

// check on a damaged database names the damage, not "something went wrong",
// and changes nothing.
func TestCheckNamesDamagedDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Demo")
	if r := runCLI("demo", dir); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	path := filepath.Join(dir, "feedtakt.db")
	b, _ := os.ReadFile(path)
	ps := int(b[16])<<8 | int(b[17])
	for i := ps; i < 6*ps && i < len(b); i++ {
		b[i] = byte(i * 7)
	}
	os.WriteFile(path, b, 0o644)
	before := hashTree(t, dir)
	r := runCLI("check", dir)
	if r.code == 0 || !strings.Contains(r.stderr, "beschädigt") || strings.Contains(r.stderr, "schiefgegangen") {
		t.Fatalf("check of a damaged database: %+v", r)
	}
	if !reflect.DeepEqual(before, hashTree(t, dir)) {
		t.Fatal("check changed a damaged workspace")
	}
}

// A command run under LANG=C.UTF-8 prints only its own messages: Fyne's
// "Error parsing user locale C" must not reach stderr.
func TestCommandPrintsNoFyneLocaleError(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to build the program")
	}
	bin := filepath.Join(t.TempDir(), "feedtakt")
	build := exec.Command(gobin, "build", "-tags", "ci", "-o", bin, "feedtakt")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "Demo")
	for _, args := range [][]string{{"help"}, {"check", dir}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		cmd.Run()
		if strings.Contains(stderr.String(), "Fyne error") {
			t.Errorf("feedtakt %v printed Fyne's log:\n%s", args, stderr.String())
		}
	}
}

// check counts media files that are gone, without writing anything.
func TestCheckCountsMissingMedia(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Demo")
	if r := runCLI("demo", dir); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	if r := runCLI("check", dir); strings.Contains(r.stdout, "Mediathek:") {
		t.Fatalf("check reports missing media in an intact demo:\n%s", r.stdout)
	}
	pics, _ := filepath.Glob(filepath.Join(dir, "media", "*", "*.jpg"))
	if len(pics) < 2 {
		t.Fatalf("demo has %d pictures", len(pics))
	}
	for _, p := range pics[:2] {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	before := hashTree(t, dir)
	r := runCLI("check", dir)
	if !strings.Contains(r.stdout, "Mediathek: 2 Dateien fehlen") {
		t.Errorf("check output lacks the missing files:\n%s", r.stdout)
	}
	if !reflect.DeepEqual(before, hashTree(t, dir)) {
		t.Fatal("check changed the workspace")
	}
}
