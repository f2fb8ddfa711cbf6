package data

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// reopen closes ws and opens its folder again, as after a crash.
func reopen(t *testing.T, ws *Workspace) *Workspace {
	t.Helper()
	ws.Close()
	re, err := Open(context.Background(), ws.Dir(), Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { re.Close() })
	return re
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return !errors.Is(err, fs.ErrNotExist)
}

// TestSweepAtOpenAfterKilledImport writes by hand what a kill leaves at each
// step of an import and opens the workspace again.
func TestSweepAtOpenAfterKilledImport(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	committed, err := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "fertig.jpg"}, []byte("fertig importiert"))
	if err != nil {
		t.Fatal(err)
	}
	staging := ws.path(filepath.Join(MediaDir, stagingName))
	os.MkdirAll(staging, 0o755)
	// Killed while copying: a .part in staging.
	part := filepath.Join(staging, "123456.part")
	os.WriteFile(part, []byte("halb kopiert"), 0o644)
	// Killed after the rename, before the commit: the file is in media/
	// and listed in the batch's intent, with no row.
	uncommitted := []byte("umbenannt, aber nie eingetragen")
	h := sha(uncommitted)
	rel := MediaDir + "/" + h[:2] + "/" + h + ".jpg"
	os.MkdirAll(ws.path(filepath.Join(MediaDir, h[:2])), 0o755)
	os.WriteFile(ws.path(filepath.FromSlash(rel)), uncommitted, 0o644)
	// Killed after the commit, before the intent was removed; the last
	// line was cut short by the kill and names a rename that never ran.
	intent := filepath.Join(staging, "999.intent")
	os.WriteFile(intent, []byte(committed.Hash+" "+committed.Path+"\n"+h+" "+rel+"\n"+"../../feedtakt.db "+"x\n"+sha([]byte("z"))+" media/"), 0o644)
	// A line that names something outside media/<hh>/ is never followed.
	evil := filepath.Join(staging, "998.intent")
	os.WriteFile(evil, []byte(sha([]byte("q"))+" "+DBName+"\n"), 0o644)
	// A file in media/ that no intent names (a power cut) is left to the scan.
	stray := []byte("verwaist nach Stromausfall")
	hs := sha(stray)
	strayPath := ws.path(filepath.Join(MediaDir, hs[:2], hs+".png"))
	os.MkdirAll(filepath.Dir(strayPath), 0o755)
	os.WriteFile(strayPath, stray, 0o644)
	// A .part deep in media/ (written before staging existed) shows that
	// the sweep does not walk media/: the scan removes it.
	deepPart := ws.path(filepath.Join(MediaDir, "cd", "alt.jpg.part"))
	os.MkdirAll(filepath.Dir(deepPart), 0o755)
	os.WriteFile(deepPart, nil, 0o644)
	// .part files next to the database and in backups/.
	topPart := ws.path("notizen.txt.part")
	os.WriteFile(topPart, nil, 0o644)
	backupPart := ws.path(filepath.Join(BackupsDir, "feedtakt-x.db.part"))
	os.WriteFile(backupPart, nil, 0o644)

	ws = reopen(t, ws)
	for _, p := range []string{part, intent, evil, ws.path(filepath.FromSlash(rel)), topPart, backupPart} {
		if exists(p) {
			t.Errorf("%s still there", p)
		}
	}
	if !exists(ws.path(filepath.FromSlash(committed.Path))) || !exists(ws.path(DBName)) || !exists(strayPath) || !exists(deepPart) {
		t.Error("the sweep removed a committed file, the database or a file it was not told about")
	}
	if _, err := ws.Media(ctx, committed.ID); err != nil {
		t.Error(err)
	}
	// The same content imports normally afterwards.
	if m, err := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "nochmal.jpg"}, uncommitted); err != nil || m.Path != rel {
		t.Errorf("re-import: %+v, %v", m, err)
	}
}
