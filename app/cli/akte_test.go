package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/exchange"
)

// publishFirst marks the first December post of the workspace in dir as
// published.
func publishFirst(t *testing.T, dir string) {
	t.Helper()
	ctx := context.Background()
	ws, err := data.Open(ctx, dir, data.Options{Actor: data.Actor{Person: "Maria Muster"}})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	posts, err := ws.PostsBetween(ctx, calendar.NewDate(2026, 12, 1), calendar.NewDate(2026, 12, 1))
	if err != nil || len(posts) != 1 {
		t.Fatalf("%v, %v", posts, err)
	}
	p := posts[0]
	p.Status, p.PublishedLink = data.StatusPublished, "https://example.org/p/1"
	if err := ws.UpdatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
}

func TestAkteWritesTheSameFolderTwice(t *testing.T) {
	dir := newTestExportWorkspace(t)
	publishFirst(t, dir)
	tmp := t.TempDir()
	var trees []map[string][32]byte
	for _, name := range []string{"Akte-1", "Akte-2"} {
		out := filepath.Join(tmp, name)
		r := runCLI("akte", "--workspace", dir, "--from", "01.12.2026", "--to", "31.12.2026", "-o", out)
		if r.code != 0 {
			t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		b, err := os.ReadFile(filepath.Join(out, exchange.AktePDF))
		if err != nil {
			t.Fatal(err)
		}
		pages, err := exchange.PDFPages(b)
		if err != nil {
			t.Fatal(err)
		}
		want := de("Akte written to {{.Dir}}: {{.Count}} published post, {{.Files}} media files, {{.Pages}} pages.",
			map[string]any{"Dir": out, "Count": 1, "Files": 0, "Pages": pages})
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout %q, want %q", r.stdout, want)
		}
		idx, _ := os.ReadFile(filepath.Join(out, exchange.AkteIndex))
		if !bytes.Contains(idx, []byte("Azubi-Dienstag: Lena im Archiv")) || bytes.Contains(idx, []byte("Glühweinstand")) {
			t.Errorf("index %q", idx)
		}
		tree := hashTree(t, out)
		rel := map[string][32]byte{}
		for p, h := range tree {
			r, _ := filepath.Rel(out, p)
			rel[r] = h
		}
		trees = append(trees, rel)
	}
	if len(trees[0]) != 2 || len(trees[1]) != 2 {
		t.Fatalf("files %v", trees)
	}
	for name, h := range trees[0] {
		if trees[1][name] != h {
			t.Errorf("%s differs between two exports of the same period", name)
		}
	}
}

func TestAkteFailsCleanly(t *testing.T) {
	dir := newTestExportWorkspace(t)
	tmp := t.TempDir()
	full := filepath.Join(tmp, "Voll")
	if err := os.MkdirAll(full, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "alt.txt"), []byte("alt"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"bad date", []string{"--workspace", dir, "--from", "1.13.2026", "--to", "31.12.2026", "-o", filepath.Join(tmp, "a")}, 2,
			de("The date “{{.Value}}” is not valid; write it as 2026-12-01 or 01.12.2026.", map[string]any{"Value": "1.13.2026"})},
		{"not empty", []string{"--workspace", dir, "--from", "01.12.2026", "--to", "31.12.2026", "-o", full}, 2,
			de("The folder for the Akte must be new or empty; please choose another one.", nil)},
		{"no workspace", []string{"--workspace", filepath.Join(tmp, "fehlt"), "--from", "01.12.2026", "--to", "31.12.2026", "-o", filepath.Join(tmp, "b")}, 1,
			de("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": filepath.Join(tmp, "fehlt")})},
	} {
		r := runCLI(append([]string{"akte"}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.msg) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", c.name, r.code, r.stderr, c.code, c.msg)
		}
	}
	entries, _ := os.ReadDir(tmp)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if b, _ := os.ReadFile(filepath.Join(full, "alt.txt")); string(b) != "alt" {
		t.Error("the full folder was touched")
	}
}

func TestAkteZipWritesTheSameFileTwice(t *testing.T) {
	dir := newTestExportWorkspace(t)
	publishFirst(t, dir)
	tmp := t.TempDir()
	var files [][]byte
	for _, name := range []string{"Akte-1.zip", "Akte-2.ZIP"} {
		out := filepath.Join(tmp, name)
		r := runCLI("akte", "--workspace", dir, "--from", "01.12.2026", "--to", "31.12.2026", "-o", out)
		if r.code != 0 {
			t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		zr, err := zip.OpenReader(out)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
		}
		pdf, err := zr.Open(exchange.AktePDF)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(pdf)
		zr.Close()
		if strings.Join(names, " ") != "Medien/ index.csv Akte.pdf" {
			t.Errorf("entries %q", names)
		}
		pages, err := exchange.PDFPages(b)
		if err != nil {
			t.Fatal(err)
		}
		want := de("Akte written to {{.Dir}}: {{.Count}} published post, {{.Files}} media files, {{.Pages}} pages.",
			map[string]any{"Dir": out, "Count": 1, "Files": 0, "Pages": pages})
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout %q, want %q", r.stdout, want)
		}
		b, err = os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, b)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two zip files of the same period differ")
	}
	// A folder named like a zip file is refused, and nothing is left.
	folder := filepath.Join(tmp, "Ordner.zip")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	r := runCLI("akte", "--workspace", dir, "--from", "01.12.2026", "--to", "31.12.2026", "-o", folder)
	if want := de("There is a folder of this name; please choose another name for the zip file.", nil); r.code != 2 || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, stderr %q; want 2 and %q", r.code, r.stderr, want)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 3 {
		t.Errorf("left behind: %v", entries)
	}
	if entries, _ := os.ReadDir(folder); len(entries) != 0 {
		t.Errorf("written into the folder: %v", entries)
	}
}
