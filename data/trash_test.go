package data

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDeleteMediaToPapierkorbAndRestore(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	at := time.Date(2026, 12, 1, 23, 30, 0, 0, time.UTC)
	ws.now = func() time.Time { return at }
	p := Post{Title: "Sommerfest"}
	ws.CreatePost(ctx, &p)
	a, _ := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "A.jpg"}, []byte("Bild A"))
	b, err := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "Bühne.jpg", Title: "Bühne", AltText: "Band auf der Bühne"}, []byte("Bild B"))
	if err != nil {
		t.Fatal(err)
	}
	ws.AttachMedia(ctx, p.ID, []int64{b.ID, a.ID})

	it, err := ws.DeleteMedia(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if it.Key != "2026-12-01/"+b.Hash+".jpg" || len(it.Posts) != 1 {
		t.Errorf("trash item %+v", it)
	}
	if _, err := ws.Media(ctx, b.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("row still there: %v", err)
	}
	if exists(ws.path(filepath.FromSlash(b.Path))) || !exists(ws.path(filepath.Join(TrashDir, "2026-12-01", b.Hash+".jpg"))) {
		t.Error("file not moved to the Papierkorb")
	}
	if ms, _ := ws.PostMedia(ctx, p.ID); len(ms) != 1 || ms[0].ID != a.ID {
		t.Errorf("post media %+v", ms)
	}
	if s := changeSummaries(t, ws, 1)[0]; s != "Datei „Bühne.jpg“ in den Papierkorb verschoben und aus 1 Beitrag entfernt" {
		t.Errorf("log %q", s)
	}
	list, err := ws.Trash(ctx)
	if err != nil || len(list) != 1 || list[0].Media.AltText != "Band auf der Bühne" || !list[0].DeletedAt.Equal(at) || list[0].DeletedBy != testActor.Person {
		t.Fatalf("trash %+v, %v", list, err)
	}

	checkRestore(t, ws, p.ID, b, list[0].Key)
}

// checkRestore restores the Papierkorb entry key of b, which was linked to
// post as its first of two media.
func checkRestore(t *testing.T, ws *Workspace, post int64, b Media, key string) {
	t.Helper()
	ctx := context.Background()
	back, err := ws.RestoreMedia(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if back.AltText != "Band auf der Bühne" || back.Path != b.Path || !exists(ws.path(filepath.FromSlash(b.Path))) {
		t.Errorf("restored %+v", back)
	}
	if ms, _ := ws.PostMedia(ctx, post); len(ms) != 2 || ms[1].ID != back.ID {
		t.Errorf("not linked again after the post's other media: %+v", ms)
	}
	if s := changeSummaries(t, ws, 1)[0]; s != "Datei „Bühne.jpg“ aus dem Papierkorb zurückgeholt (wieder in 1 Beitrag)" {
		t.Errorf("log %q", s)
	}
	if list, _ := ws.Trash(ctx); len(list) != 0 {
		t.Errorf("still in the Papierkorb: %+v", list)
	}
	for _, key := range []string{key, "../feedtakt.db", "2026-12-01/../../feedtakt.db", "x/" + b.Hash + ".jpg"} {
		if _, err := ws.RestoreMedia(ctx, key); !errors.Is(err, ErrNotFound) {
			t.Errorf("restore %q: %v", key, err)
		}
	}
}

func TestRestoreMediaImportedAgainMeanwhile(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	m, _ := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "A.jpg"}, []byte("Bild A"))
	it, err := ws.DeleteMedia(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "A2.jpg"}, []byte("Bild A"))
	got, err := ws.RestoreMedia(ctx, it.Key)
	if err != nil || got.ID != again.ID {
		t.Fatalf("%+v, %v", got, err)
	}
	if r, f := mediaRowCount(t, ws), mediaFileCount(t, ws); r != 1 || f != 1 {
		t.Errorf("%d rows, %d files", r, f)
	}
	if list, _ := ws.Trash(ctx); len(list) != 0 {
		t.Errorf("copy left in the Papierkorb: %+v", list)
	}
}

func TestPurgeTrashAfterThirtyDays(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	del := func(day time.Time, content string) {
		ws.now = func() time.Time { return day }
		m, err := ws.AddMediaBytes(ctx, Media{Kind: "document", OriginalName: content + ".pdf"}, []byte(content))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ws.DeleteMedia(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
	}
	del(time.Date(2026, 10, 31, 23, 59, 0, 0, time.UTC), "alt")
	del(time.Date(2026, 11, 1, 0, 1, 0, 0, time.UTC), "grenze")
	del(time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC), "neu")
	ws.now = func() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }
	n, err := ws.PurgeTrash(ctx)
	if err != nil || n != 1 {
		t.Fatalf("purged %d, %v", n, err)
	}
	list, _ := ws.Trash(ctx)
	var names []string
	for _, it := range list {
		names = append(names, it.Media.OriginalName)
	}
	if strings.Join(names, ",") != "neu.pdf,grenze.pdf" {
		t.Errorf("left %v", names)
	}
	// The days left follow the purge: the entry of 1 November is on its
	// last day, the one of 20 November has 19 more.
	if len(list) == 2 && (list[0].DaysLeft != 19 || list[1].DaysLeft != 0) {
		t.Errorf("days left %d, %d; want 19, 0", list[0].DaysLeft, list[1].DaysLeft)
	}
}

func TestTrashDaysLeft(t *testing.T) {
	for _, c := range []struct {
		day  string
		now  time.Time
		want int
	}{
		{"2026-12-01", time.Date(2026, 12, 1, 23, 59, 0, 0, time.UTC), TrashKeepDays},
		{"2026-12-01", time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC), TrashKeepDays - 1},
		{"2026-11-01", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), 0},
		{"2026-10-31", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), 0},
		// Across the change to summer time: still whole days.
		{"2026-03-20", time.Date(2026, 4, 1, 0, 30, 0, 0, WorkspaceZone()), TrashKeepDays - 11},
		{"kein-tag", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), 0},
	} {
		if got := trashDaysLeft(c.day, c.now); got != c.want {
			t.Errorf("%s at %v: %d days left, want %d", c.day, c.now, got, c.want)
		}
	}
}

// TestRestoredDatabaseFindsDeletedFiles is the case the Papierkorb is for:
// a file is deleted today, then yesterday's database is restored; the row
// is back and its file must be too.
func TestRestoredDatabaseFindsDeletedFiles(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	m, _ := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "Rathaus.jpg"}, []byte("Rathaus im Schnee"))
	bk, err := ws.Backup(ctx, "gestern")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.DeleteMedia(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	// A file imported after the backup: the restored database does not know it.
	later, _ := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "Neu.jpg"}, []byte("nach der Sicherung"))
	ws.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(ws.path(DBName + suffix))
	}
	copyTestFile(t, bk.Path, ws.path(DBName))
	ws = reopen(t, ws)

	scan, err := ws.ScanMedia(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(scan.Recovered) != 1 || scan.Recovered[0].ID != m.ID || len(scan.Missing) != 0 {
		t.Errorf("scan %+v", scan)
	}
	if !exists(ws.path(filepath.FromSlash(m.Path))) {
		t.Error("file not back in media/")
	}
	if len(scan.Adopted) != 1 || scan.Adopted[0].Hash != later.Hash {
		t.Errorf("file imported after the backup not adopted: %+v", scan.Adopted)
	}
	if list, _ := ws.Trash(ctx); len(list) != 0 {
		t.Errorf("still listed in the Papierkorb: %+v", list)
	}
}

func copyTestFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
