package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestScanMediaFindsAndRepairs(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	add := func(name, content string) Media {
		m, err := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: name}, []byte(content))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	add("gut.jpg", "bleibt wie es ist")
	missing := add("weg.jpg", "außerhalb gelöscht")
	os.Remove(ws.path(filepath.FromSlash(missing.Path)))
	changed := add("bearbeitet.jpg", "außerhalb bearbeitet")
	os.WriteFile(ws.path(filepath.FromSlash(changed.Path)), []byte("anders und länger als vorher"), 0o644)
	inTrash := add("papierkorb.jpg", "liegt im Papierkorb")
	day := filepath.Join(ws.path(TrashDir), "2026-11-30")
	os.MkdirAll(day, 0o755)
	os.Rename(ws.path(filepath.FromSlash(inTrash.Path)), filepath.Join(day, inTrash.Hash+".jpg"))

	put := func(rel string, content []byte) string {
		full := ws.path(filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, content, 0o644); err != nil {
			t.Fatal(err)
		}
		return full
	}
	// Intact file without a row: adopted.
	orphan := []byte("ohne Zeile")
	ho := sha(orphan)
	put("media/"+ho[:2]+"/"+ho+".heic", orphan)
	// A name that does not match the content, a file put there by hand and a
	// second copy of a stored content under another extension: Papierkorb.
	bad := sha([]byte("etwas anderes"))
	badFile := put("media/"+bad[:2]+"/"+bad+".jpg", []byte("beschädigt"))
	byHand := put("media/Urlaub.jpg", []byte("von Hand hineinkopiert"))
	dup := put("media/"+changed.Hash[:2]+"/"+changed.Hash+".jpeg", []byte("außerhalb bearbeitet"))
	// A .part of a version before staging: removed.
	oldPart := put("media/ab/abcdef.jpg.part", []byte("halb"))

	var calls, lastDone, lastTotal int
	scan, err := ws.ScanMedia(ctx, func(done, total int) { calls++; lastDone, lastTotal = done, total })
	if err != nil {
		t.Fatal(err)
	}
	if len(scan.Missing) != 1 || scan.Missing[0].ID != missing.ID {
		t.Errorf("missing %+v", scan.Missing)
	}
	if len(scan.Changed) != 1 || scan.Changed[0].ID != changed.ID {
		t.Errorf("changed %+v", scan.Changed)
	}
	if len(scan.Recovered) != 1 || scan.Recovered[0].ID != inTrash.ID || !exists(ws.path(filepath.FromSlash(inTrash.Path))) {
		t.Errorf("recovered %+v", scan.Recovered)
	}
	if len(scan.Adopted) != 1 || scan.Adopted[0].Hash != ho || scan.Adopted[0].Kind != "image" || scan.Adopted[0].ID == 0 {
		t.Errorf("adopted %+v", scan.Adopted)
	}
	if len(scan.Trashed) != 3 || exists(badFile) || exists(byHand) || exists(dup) {
		t.Errorf("trashed %v", scan.Trashed)
	}
	for _, key := range scan.Trashed {
		if !exists(filepath.Join(ws.path(TrashDir), filepath.FromSlash(key))) {
			t.Errorf("%s not in the Papierkorb", key)
		}
	}
	if len(scan.Removed) != 1 || exists(oldPart) {
		t.Errorf("removed %v", scan.Removed)
	}
	if calls == 0 || lastDone != lastTotal || lastTotal != 4+5 {
		t.Errorf("progress %d calls, last %d/%d", calls, lastDone, lastTotal)
	}
	if s := changeSummaries(t, ws, 1)[0]; s != "Datei „"+ho+".heic“ ohne Eintrag gefunden und in die Mediathek übernommen" {
		t.Errorf("log %q", s)
	}
	// A second scan finds only what is really missing or changed.
	again, err := ws.ScanMedia(ctx, nil)
	if err != nil || len(again.Missing) != 1 || len(again.Changed) != 1 || len(again.Adopted)+len(again.Trashed)+len(again.Recovered)+len(again.Removed) != 0 {
		t.Errorf("second scan %+v, %v", again, err)
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
