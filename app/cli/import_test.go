package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"feedtakt/data"
	"feedtakt/data/demo"
	"feedtakt/data/thumbs"
)

// writePicture writes a generated photo as a JPEG and returns its path.
func writePicture(t *testing.T, dir, name string, seed int64) string {
	t.Helper()
	img, err := demo.Picture("ausgrabung", seed, 640, 480)
	if err != nil {
		t.Fatal(err)
	}
	b, err := demo.EncodeJPEG(img)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportCommand(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "Feedtakt")
	if r := runCLI("demo", ws); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	src := t.TempDir()
	writePicture(t, src, "Grabung Süd.jpg", 101)
	writePicture(t, src, "Unterordner/Fund 1.jpg", 102)
	dup := writePicture(t, src, "Unterordner/tief/Fund 1 Kopie.jpg", 102)      // same content as Fund 1
	os.WriteFile(filepath.Join(src, "Notizen.txt"), []byte("nur Text"), 0o644) // a document
	os.WriteFile(filepath.Join(src, "setup.exe"), []byte("MZ…"), 0o644)
	os.WriteFile(filepath.Join(src, "desktop.ini"), []byte("[.ShellClassInfo]"), 0o644)
	if err := os.Symlink(src, filepath.Join(src, "Unterordner", "Schleife")); err != nil {
		t.Fatal(err)
	}

	r := runCLI("import", "--workspace", ws, src)
	if r.code != 0 {
		t.Fatalf("import: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"Importiert: 3, schon in der Mediathek: 1, übersprungen: 1",
		"Fund 1 Kopie.jpg: schon vorhanden", "setup.exe: übersprungen – Dieser Dateityp wird nicht unterstützt."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "desktop.ini") {
		t.Errorf("a system file was offered for import:\n%s", r.stdout)
	}

	// A damaged file is reported and makes the exit status non-zero; the
	// good files of the same run still come in.
	os.WriteFile(filepath.Join(src, "leer.jpg"), nil, 0o644)
	writePicture(t, src, "Neu.jpg", 103)
	os.Remove(dup)
	r = runCLI("import", "--workspace", ws, filepath.Join(src, "leer.jpg"), filepath.Join(src, "Neu.jpg"))
	if r.code != 1 || !strings.Contains(r.stdout, "leer.jpg: übersprungen – Die Datei ist leer") || !strings.Contains(r.stdout, "Importiert: 1") {
		t.Fatalf("import with an empty file: exit %d\n%s", r.code, r.stdout)
	}

	w, err := data.Open(context.Background(), ws, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	page, err := w.ListMedia(context.Background(), data.MediaQuery{Text: "Grabung Süd"})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("imported picture not found by its name: %v, %v", page.Items, err)
	}
	m := page.Items[0]
	if m.Width != 640 || m.Height != 480 || m.Kind != "image" {
		t.Errorf("imported %+v, want a 640×480 image", m)
	}
	cache := thumbs.NewCache(filepath.Join(ws, data.ThumbsDir))
	if missing := cache.Missing(m.Hash, []int{thumbs.GridSize, thumbs.PreviewSize}); len(missing) > 0 {
		t.Errorf("thumbnails %v missing after the command ended", missing)
	}
}

func TestImportCommandArguments(t *testing.T) {
	if r := runCLI("import", "/tmp/x.jpg"); r.code != 2 || !strings.Contains(r.stderr, "Aufruf: feedtakt import") {
		t.Errorf("without --workspace: %+v", r)
	}
	if r := runCLI("import", "--workspace", filepath.Join(t.TempDir(), "fehlt"), "/tmp/x.jpg"); r.code != 1 {
		t.Errorf("missing workspace: %+v", r)
	}
}
