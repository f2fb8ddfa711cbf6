package exchange

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/demo"
)

// demoWorkspace is the demo workspace made at reportTime.
func demoWorkspace(t *testing.T) *data.Workspace {
	t.Helper()
	now := func() time.Time { return reportTime }
	ws, err := demo.Create(context.Background(), filepath.Join(t.TempDir(), "Demo"), data.Options{Now: now}, reportTime)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

// readZip returns the entries of the zip at path by name.
func readZip(t *testing.T, path string) (map[string][]byte, []*zip.File) {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	out := map[string][]byte{}
	for _, f := range r.File {
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out, r.File
}

// The zip holds what the folder holds; media and PDF are stored, the
// index deflated, every entry dated at the end of the period, and two
// exports of the same period are the same bytes.
func TestAkteZipIsStableAndHoldsTheFolder(t *testing.T) {
	ctx := context.Background()
	ws := demoWorkspace(t)
	from, to := calendar.NewDate(2026, 10, 1), calendar.NewDate(2026, 11, 30)
	dir := t.TempDir()
	folder := filepath.Join(dir, "Akte")
	sumDir, err := WriteAkte(ctx, ws, from, to, folder)
	if err != nil {
		t.Fatal(err)
	}
	z1, z2 := filepath.Join(dir, "Akte-1.zip"), filepath.Join(dir, "Neu", "Akte-2.zip")
	sum, err := WriteAkteZip(ctx, ws, from, to, z1)
	if err != nil {
		t.Fatal(err)
	}
	if sum != sumDir || sum.Files == 0 {
		t.Errorf("zip summary %+v, folder %+v", sum, sumDir)
	}
	if _, err := WriteAkteZip(ctx, ws, from, to, z2); err != nil { // into a folder not there yet
		t.Fatal(err)
	}
	b1, _ := os.ReadFile(z1)
	b2, _ := os.ReadFile(z2)
	if len(b1) == 0 || !bytes.Equal(b1, b2) {
		t.Errorf("two zips of the same period differ (%d and %d bytes)", len(b1), len(b2))
	}
	tree := readTree(t, folder)
	got, files := readZip(t, z1)
	if len(got) != len(tree) {
		t.Errorf("zip has %d files, folder %d", len(got), len(tree))
	}
	for name, content := range tree {
		if !bytes.Equal(got[name], content) {
			t.Errorf("%s differs between the folder and the zip", name)
		}
	}
	end := time.Date(2026, 11, 30, 23, 59, 0, 0, calendar.GermanZone())
	for _, f := range files {
		want := zip.Store
		if f.Name == AkteIndex {
			want = zip.Deflate
		}
		if f.Method != want {
			t.Errorf("%s: method %d, want %d", f.Name, f.Method, want)
		}
		if !f.Modified.Equal(end) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, end)
		}
	}
	if files[0].Name != AkteMedia+"/" || !files[0].Mode().IsDir() {
		t.Errorf("first entry %q", files[0].Name)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*.part")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// A zip spoilt between writing and reading back, a cancelled export and a
// folder in the way leave nothing behind, and an older file stays whole.
func TestAkteZipFailsCleanly(t *testing.T) {
	ctx := context.Background()
	ws := demoWorkspace(t)
	from, to := calendar.NewDate(2026, 10, 1), calendar.NewDate(2026, 11, 30)
	dir := t.TempDir()
	path := filepath.Join(dir, "Akte.zip")
	if err := os.WriteFile(path, []byte("alt"), 0o644); err != nil {
		t.Fatal(err)
	}
	akteZipWritten = func(part string) {
		f, err := os.OpenFile(part, os.O_RDWR, 0)
		if err != nil {
			t.Error(err)
			return
		}
		defer f.Close()
		st, _ := f.Stat()
		b := make([]byte, 1)
		f.ReadAt(b, st.Size()/2) // inside a stored picture
		b[0] ^= 0xFF
		f.WriteAt(b, st.Size()/2)
	}
	_, err := WriteAkteZip(ctx, ws, from, to, path)
	akteZipWritten = func(string) {}
	if !errors.Is(err, ErrWriteFile) {
		t.Errorf("spoilt zip: %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := WriteAkteZip(cancelled, ws, from, to, path); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "alt" {
		t.Errorf("the older file was changed: %q", b)
	}
	if _, err := WriteAkteZip(ctx, ws, from, to, dir); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("over a folder: %v", err)
	} else if e := data.Explain(err); !strings.Contains(e.Key, "folder of this name") {
		t.Errorf("message %q", e.Key)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// The same call without the fault replaces the older file.
	if _, err := WriteAkteZip(ctx, ws, from, to, path); err != nil {
		t.Fatal(err)
	}
	if got, _ := readZip(t, path); got[AktePDF] == nil {
		t.Error("no PDF in the zip")
	}
}
