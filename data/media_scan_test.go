package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scanFixture is a workspace with one case of each kind ScanMedia knows.
type scanFixture struct {
	missing, changed, inTrash Media
	orphan                    string   // hash of an intact file without row
	strays                    []string // files that must go to the Papierkorb
	oldPart                   string
}

func newScanFixture(t *testing.T, ws *Workspace) scanFixture {
	ctx := context.Background()
	add := func(name, content string) Media {
		m, err := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: name}, []byte(content))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	put := func(rel string, content []byte) string {
		full := ws.path(filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, content, 0o644); err != nil {
			t.Fatal(err)
		}
		return full
	}
	var fx scanFixture
	add("gut.jpg", "bleibt wie es ist")
	fx.missing = add("weg.jpg", "außerhalb gelöscht")
	os.Remove(ws.path(filepath.FromSlash(fx.missing.Path)))
	fx.changed = add("bearbeitet.jpg", "außerhalb bearbeitet")
	put(fx.changed.Path, []byte("anders und länger als vorher"))
	fx.inTrash = add("papierkorb.jpg", "liegt im Papierkorb")
	day := filepath.Join(ws.path(TrashDir), "2026-11-30")
	os.MkdirAll(day, 0o755)
	os.Rename(ws.path(filepath.FromSlash(fx.inTrash.Path)), filepath.Join(day, fx.inTrash.Hash+".jpg"))
	// Intact file without a row: adopted.
	orphan := []byte("ohne Zeile")
	fx.orphan = sha(orphan)
	put("media/"+fx.orphan[:2]+"/"+fx.orphan+".heic", orphan)
	// A name that does not match the content, a file put there by hand and a
	// second copy of a stored content under another extension: Papierkorb.
	bad := sha([]byte("etwas anderes"))
	fx.strays = []string{
		put("media/"+bad[:2]+"/"+bad+".jpg", []byte("beschädigt")),
		put("media/Urlaub.jpg", []byte("von Hand hineinkopiert")),
		put("media/"+fx.changed.Hash[:2]+"/"+fx.changed.Hash+".jpeg", []byte("außerhalb bearbeitet")),
	}
	// A .part of a version before staging: removed.
	fx.oldPart = put("media/ab/abcdef.jpg.part", []byte("halb"))
	return fx
}

func TestScanMediaFindsAndRepairs(t *testing.T) {
	ws := newTestWorkspace(t)
	fx := newScanFixture(t, ws)
	var calls, lastDone, lastTotal int
	scan, err := ws.ScanMedia(context.Background(), func(done, total int) { calls++; lastDone, lastTotal = done, total })
	if err != nil {
		t.Fatal(err)
	}
	if len(scan.Missing) != 1 || scan.Missing[0].ID != fx.missing.ID {
		t.Errorf("missing %+v", scan.Missing)
	}
	if len(scan.Changed) != 1 || scan.Changed[0].ID != fx.changed.ID {
		t.Errorf("changed %+v", scan.Changed)
	}
	if len(scan.Recovered) != 1 || scan.Recovered[0].ID != fx.inTrash.ID || !exists(ws.path(filepath.FromSlash(fx.inTrash.Path))) {
		t.Errorf("recovered %+v", scan.Recovered)
	}
	if len(scan.Adopted) != 1 || scan.Adopted[0].Hash != fx.orphan || scan.Adopted[0].Kind != "image" || scan.Adopted[0].ID == 0 {
		t.Errorf("adopted %+v", scan.Adopted)
	}
	if calls == 0 || lastDone != lastTotal || lastTotal != 4+5 {
		t.Errorf("progress %d calls, last %d/%d", calls, lastDone, lastTotal)
	}
	checkScanMoved(t, ws, scan, fx)
	// A second scan finds only what is really missing or changed.
	again, err := ws.ScanMedia(context.Background(), nil)
	if err != nil || len(again.Missing) != 1 || len(again.Changed) != 1 || len(again.Adopted)+len(again.Trashed)+len(again.Recovered)+len(again.Removed) != 0 {
		t.Errorf("second scan %+v, %v", again, err)
	}
}

// checkScanMoved checks what the scan moved to the Papierkorb or removed.
func checkScanMoved(t *testing.T, ws *Workspace, scan MediaScan, fx scanFixture) {
	t.Helper()
	if len(scan.Trashed) != len(fx.strays) {
		t.Errorf("trashed %v", scan.Trashed)
	}
	for _, p := range fx.strays {
		if exists(p) {
			t.Errorf("%s still in media/", p)
		}
	}
	for _, key := range scan.Trashed {
		if !exists(filepath.Join(ws.path(TrashDir), filepath.FromSlash(key))) {
			t.Errorf("%s not in the Papierkorb", key)
		}
	}
	if len(scan.Removed) != 1 || exists(fx.oldPart) {
		t.Errorf("removed %v", scan.Removed)
	}
	if s := changeSummaries(t, ws, 1)[0]; s != "Datei „"+fx.orphan+".heic“ ohne Eintrag gefunden und in die Mediathek übernommen" {
		t.Errorf("log %q", s)
	}
}

func TestScanMediaFinishesCutShortDeletion(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	m, _ := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "Alt.jpg", Title: "Altes Logo"}, []byte("altes Logo"))
	it, err := ws.DeleteMedia(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Killed after the commit, before the move: put the file back by hand.
	trashed := filepath.Join(ws.path(TrashDir), filepath.FromSlash(it.Key))
	os.Rename(trashed, ws.path(filepath.FromSlash(m.Path)))
	scan, err := ws.ScanMedia(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(scan.Trashed) != 1 || scan.Trashed[0] != it.Key || len(scan.Adopted) != 0 || !exists(trashed) {
		t.Errorf("scan %+v", scan)
	}
	if list, _ := ws.Trash(ctx); len(list) != 1 || list[0].Media.Title != "Altes Logo" {
		t.Errorf("trash %+v", list)
	}
}

func TestScanMediaCancelled(t *testing.T) {
	ws := newTestWorkspace(t)
	for i := range 5 {
		ws.AddMediaBytes(context.Background(), Media{Kind: "image", OriginalName: "x.jpg"}, []byte{byte(i)})
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err := ws.ScanMedia(ctx, func(done, total int) {
		if done == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled scan: %v", err)
	}
}

// TestScanMediaWhileImporting runs the scan while imports place files whose
// rows are not committed yet: the scan must neither adopt nor move them.
func TestScanMediaWhileImporting(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	done := make(chan struct{})
	go func() {
		defer close(done)
		im := ws.NewImport(7)
		defer im.Abort()
		for i := range 60 {
			if _, err := im.Add(ctx, strings.NewReader(fmt.Sprint("Datei ", i)), Media{Kind: "image", OriginalName: fmt.Sprint(i, ".jpg")}); err != nil {
				t.Error(err)
				return
			}
		}
		if _, err := im.Finish(ctx); err != nil {
			t.Error(err)
		}
	}()
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		scan, err := ws.ScanMedia(ctx, nil)
		if err != nil || len(scan.Adopted)+len(scan.Trashed)+len(scan.Missing)+len(scan.Recovered) != 0 {
			t.Errorf("scan touched an import in progress: %+v, %v", scan, err)
			<-done
			return
		}
	}
	if r, f := mediaRowCount(t, ws), mediaFileCount(t, ws); r != 60 || f != 60 {
		t.Errorf("%d rows, %d files; want 60", r, f)
	}
}
