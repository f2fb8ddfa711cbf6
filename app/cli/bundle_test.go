package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// "feedtakt bundle" then "feedtakt unbundle": exit status 0, German
// messages, and the new workspace passes "check".
func TestBundleAndUnbundle(t *testing.T) {
	dir := newTestExportWorkspace(t)
	out := t.TempDir()
	file := filepath.Join(out, "Feedtakt-Übergabe-2026-11-27.feedtakt")

	r := runCLI("bundle", "--workspace", dir, "-o", file)
	if r.code != 0 {
		t.Fatalf("bundle: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, de("Handover bundle written and verified: {{.File}}", map[string]any{"File": file})) ||
		!strings.Contains(r.stdout, "Inhalt: die Datenbank und 0 Mediendateien") {
		t.Errorf("bundle said:\n%s", r.stdout)
	}
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}

	target := filepath.Join(out, "Neuer Arbeitsbereich")
	r = runCLI("unbundle", file, target)
	if r.code != 0 {
		t.Fatalf("unbundle: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		de("Handover bundle checked and unpacked into {{.Dir}}.", map[string]any{"Dir": target}),
		de("Healthy.", nil),
		"3 Beiträge",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("unbundle output lacks %q:\n%s", want, r.stdout)
		}
	}

	// Again into the same folder: it is not empty any more.
	r = runCLI("unbundle", file, target)
	if r.code != 1 || !strings.Contains(r.stderr, "Der Zielordner ist nicht leer.") {
		t.Errorf("unbundle into a full folder: %d\n%s", r.code, r.stderr)
	}
}

func TestUnbundleRefusesWhatIsNoBundle(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "brief.feedtakt")
	os.WriteFile(file, []byte("Sehr geehrte Damen und Herren,"), 0o644)
	target := filepath.Join(root, "ws")
	r := runCLI("unbundle", file, target)
	if r.code != 1 || !strings.Contains(r.stderr, "Diese Datei ist kein Feedtakt-Übergabepaket. Es wurde nichts entpackt.") {
		t.Errorf("got %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("target made: %v", err)
	}
}

func TestBundleArguments(t *testing.T) {
	dir := newTestExportWorkspace(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"bundle", "--workspace", dir}, "Bitte -o angeben."},
		{[]string{"bundle", "-o", "x.feedtakt"}, "Bitte --workspace angeben."},
		{[]string{"bundle", "--workspace", dir, "-o", filepath.Join(dir, "feedtakt.db")}, "darf die Dateien des Arbeitsbereichs nicht überschreiben"},
		{[]string{"bundle", "--workspace", dir, "-o", t.TempDir()}, "ist ein Ordner"},
		{[]string{"unbundle", "nur-eine-datei.feedtakt"}, "Aufruf: feedtakt unbundle DATEI ORDNER"},
	} {
		r := runCLI(c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %d\n%s", c.args, r.code, r.stderr)
		}
	}
	if r := runCLI("bundle", "--workspace", filepath.Join(dir, "fehlt"), "-o", filepath.Join(t.TempDir(), "p.feedtakt")); r.code != 1 {
		t.Errorf("missing workspace: %d %s", r.code, r.stderr)
	}
	if r := runCLI("help"); !strings.Contains(r.stdout, "feedtakt bundle --workspace ORDNER -o DATEI") || !strings.Contains(r.stdout, "feedtakt unbundle DATEI ORDNER") {
		t.Errorf("help:\n%s", r.stdout)
	}
}
