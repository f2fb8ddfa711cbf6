package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// mediaFileCount counts the files below media/ outside the staging folder.
func mediaFileCount(t *testing.T, ws *Workspace) int {
	t.Helper()
	files, err := mediaFiles(context.Background(), ws.path(MediaDir))
	if err != nil {
		t.Fatal(err)
	}
	return len(files)
}

func mediaRowCount(t *testing.T, ws *Workspace) int {
	t.Helper()
	c, err := ws.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c.Media
}

// stagingLeft lists what is left in media/.staging.
func stagingLeft(t *testing.T, ws *Workspace) []string {
	t.Helper()
	es, _ := os.ReadDir(ws.path(filepath.Join(MediaDir, stagingName)))
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// changeSummaries returns the newest n change-log summaries, newest first.
func changeSummaries(t *testing.T, ws *Workspace, n int) []string {
	t.Helper()
	cs, err := ws.Changes(context.Background(), 0, n)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.Summary)
	}
	return out
}

func lastChangeID(t *testing.T, ws *Workspace) int64 {
	t.Helper()
	cs, err := ws.Changes(context.Background(), 0, 1)
	if err != nil || len(cs) == 0 {
		t.Fatal(err)
	}
	return cs[0].ID
}

func TestAddMediaStreamsIntoPlace(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	content := bytes.Repeat([]byte("Sommerfest "), 100_000)
	m, err := ws.AddMedia(ctx, bytes.NewReader(content), Media{Kind: "image", OriginalName: "Sommerfest.JPG", Title: "Sommerfest"})
	if err != nil {
		t.Fatal(err)
	}
	h := sha(content)
	if m.ID == 0 || m.Hash != h || m.Size != int64(len(content)) || m.Path != "media/"+h[:2]+"/"+h+".jpg" {
		t.Fatalf("item %+v", m)
	}
	got, err := os.ReadFile(ws.path(filepath.FromSlash(m.Path)))
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("stored file: %v", err)
	}
	if left := stagingLeft(t, ws); len(left) != 0 {
		t.Errorf("staging not empty: %v", left)
	}
	if s := changeSummaries(t, ws, 1); s[0] != "Datei „Sommerfest.JPG“ in die Mediathek aufgenommen" {
		t.Errorf("change log %q", s[0])
	}
	// Same content again: the item already there, nothing new.
	last := lastChangeID(t, ws)
	again, err := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "Kopie.jpg"}, content)
	if err != nil || again.ID != m.ID || again.OriginalName != "Sommerfest.JPG" {
		t.Fatalf("again: %+v, %v", again, err)
	}
	if lastChangeID(t, ws) != last || mediaRowCount(t, ws) != 1 || mediaFileCount(t, ws) != 1 || len(stagingLeft(t, ws)) != 0 {
		t.Error("identical content was stored or logged twice")
	}
}

func TestAddMediaConcurrentIdenticalContent(t *testing.T) {
	ws := newTestWorkspace(t)
	content := []byte("dasselbe Bild, zweimal hineingezogen")
	const n = 8
	ids := make([]int64, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m, err := ws.AddMedia(context.Background(), bytes.NewReader(content), Media{Kind: "image", OriginalName: fmt.Sprintf("bild%d.jpg", i)})
			ids[i], errs[i] = m.ID, err
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil || ids[i] == 0 || ids[i] != ids[0] {
			t.Fatalf("caller %d: id %d, %v (first %d)", i, ids[i], errs[i], ids[0])
		}
	}
	if r, f := mediaRowCount(t, ws), mediaFileCount(t, ws); r != 1 || f != 1 {
		t.Errorf("%d rows, %d files; want one of each", r, f)
	}
	if left := stagingLeft(t, ws); len(left) != 0 {
		t.Errorf("staging not empty: %v", left)
	}
}

func TestAddMediaAdoptsFileWithoutRow(t *testing.T) {
	// Killed after the rename, before the commit, with the intent lost (a
	// power cut): the file is in place and no row knows it.
	ws := newTestWorkspace(t)
	content := []byte("ein Foto vom Tag der offenen Tür")
	h := sha(content)
	full := ws.path(filepath.Join(MediaDir, h[:2], h+".jpg"))
	os.MkdirAll(filepath.Dir(full), 0o755)
	if err := os.WriteFile(full, content, 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := ws.AddMedia(context.Background(), bytes.NewReader(content), Media{Kind: "image", OriginalName: "Tag.jpg"})
	if err != nil || m.ID == 0 {
		t.Fatalf("%+v, %v", m, err)
	}
	if r, f := mediaRowCount(t, ws), mediaFileCount(t, ws); r != 1 || f != 1 {
		t.Errorf("%d rows, %d files; want one of each", r, f)
	}
	if left := stagingLeft(t, ws); len(left) != 0 {
		t.Errorf("staging not empty: %v", left)
	}
}

// cancelAfter cancels its context once n bytes were read, in the middle of
// a copy.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel func()
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	if c.n <= 0 {
		c.cancel()
	}
	if len(p) > 4096 {
		p = p[:4096]
	}
	k, err := c.r.Read(p)
	c.n -= k
	return k, err
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("Lesefehler auf H:") }

func TestAddMediaCancelledOrUnreadableLeavesNothing(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := ws.AddMedia(ctx, &cancelAfter{r: bytes.NewReader(make([]byte, 1<<20)), n: 100_000, cancel: cancel}, Media{Kind: "video", OriginalName: "film.mp4"})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled copy: %v", err)
	}
	_, err = ws.AddMedia(context.Background(), failingReader{}, Media{Kind: "image", OriginalName: "kaputt.jpg"})
	if err == nil || !strings.Contains(err.Error(), "Lesefehler") {
		t.Fatalf("unreadable: %v", err)
	}
	if r, f, s := mediaRowCount(t, ws), mediaFileCount(t, ws), stagingLeft(t, ws); r != 0 || f != 0 || len(s) != 0 {
		t.Errorf("left behind: %d rows, %d files, staging %v", r, f, s)
	}
}

func TestImportBatchesRowsAndLogsEachBatch(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	old, err := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "schon-da.jpg"}, []byte("schon da"))
	if err != nil {
		t.Fatal(err)
	}
	last := lastChangeID(t, ws)
	im := ws.NewImport(5)
	defer im.Abort()
	for i := range 12 {
		res, err := im.Add(ctx, strings.NewReader(fmt.Sprintf("Bild %d", i)), Media{Kind: "image", OriginalName: fmt.Sprintf("IMG_%04d.jpg", i)})
		if err != nil || res.Outcome != ImportAdded {
			t.Fatalf("file %d: %+v, %v", i, res, err)
		}
	}
	// Identical content within the import, content already there, a
	// skipped file and an unreadable one.
	if res, _ := im.Add(ctx, strings.NewReader("Bild 11"), Media{Kind: "image", OriginalName: "doppelt.jpg"}); res.Outcome != ImportExisting {
		t.Errorf("duplicate in import: %+v", res)
	}
	if res, _ := im.Add(ctx, strings.NewReader("schon da"), Media{Kind: "image", OriginalName: "nochmal.jpg"}); res.Outcome != ImportExisting || res.Media.ID != old.ID {
		t.Errorf("already there: %+v", res)
	}
	im.Skip("Thumbs.db", errors.New("not a picture"))
	if res, err := im.Add(ctx, failingReader{}, Media{Kind: "image", OriginalName: "kaputt.jpg"}); err != nil || res.Outcome != ImportSkipped {
		t.Errorf("unreadable: %+v, %v", res, err)
	}
	results, err := im.Finish(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 16 {
		t.Fatalf("%d results", len(results))
	}
	for i, r := range results[:12] {
		if r.Media.ID == 0 || r.Name != fmt.Sprintf("IMG_%04d.jpg", i) {
			t.Errorf("result %d: %+v", i, r)
		}
	}
	if results[12].Media.ID != results[11].Media.ID {
		t.Errorf("duplicate names item %d, want %d", results[12].Media.ID, results[11].Media.ID)
	}
	if results[14].Outcome != ImportSkipped || results[15].Outcome != ImportSkipped {
		t.Errorf("skipped: %+v %+v", results[14], results[15])
	}
	cs, _ := ws.Changes(ctx, 0, 10)
	var added []string
	for _, c := range cs {
		if c.ID > last {
			added = append(added, c.Summary)
		}
	}
	// Newest first: one line per committed batch.
	want := []string{
		"2 Dateien in die Mediathek aufgenommen",
		"5 Dateien in die Mediathek aufgenommen",
		"5 Dateien in die Mediathek aufgenommen",
	}
	if !slices.Equal(added, want) {
		t.Errorf("change log lines %q, want %q", added, want)
	}
	if r, f := mediaRowCount(t, ws), mediaFileCount(t, ws); r != 13 || f != 13 {
		t.Errorf("%d rows, %d files; want 13", r, f)
	}
}

// An import that dies after committing a batch (the process killed: no
// Finish, no Abort) leaves those items in the change log.
func TestImportKilledAfterABatchIsLogged(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	last := lastChangeID(t, ws)
	im := ws.NewImport(3)
	// Abort at the end only gives back the per-content locks a real kill
	// takes with the process (they are global to this test binary).
	defer im.Abort()
	for i := range 4 {
		if _, err := im.Add(ctx, strings.NewReader(fmt.Sprint("Foto ", i)), Media{Kind: "image", OriginalName: fmt.Sprint(i, ".jpg")}); err != nil {
			t.Fatal(err)
		}
	}
	// No Finish: the fourth file's row never comes, as after a kill -9.
	ws = reopen(t, ws)
	cs, _ := ws.Changes(ctx, 0, 5)
	var added []string
	for _, c := range cs {
		if c.ID > last {
			added = append(added, c.Summary)
		}
	}
	if rows := mediaRowCount(t, ws); rows != 3 || len(added) != 1 || added[0] != "3 Dateien in die Mediathek aufgenommen" {
		t.Errorf("%d rows, log %q", rows, added)
	}
}

func TestImportCancelledBetweenFiles(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx, cancel := context.WithCancel(context.Background())
	im := ws.NewImport(2)
	defer im.Abort()
	for i := range 3 {
		if _, err := im.Add(ctx, strings.NewReader(fmt.Sprint("Datei ", i)), Media{Kind: "document", OriginalName: fmt.Sprint(i, ".pdf")}); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	if _, err := im.Add(ctx, strings.NewReader("vierte"), Media{Kind: "document", OriginalName: "3.pdf"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("after cancel: %v", err)
	}
	results, err := im.Finish(ctx)
	if err != nil || len(results) != 3 {
		t.Fatalf("%d results, %v", len(results), err)
	}
	if r, f, s := mediaRowCount(t, ws), mediaFileCount(t, ws), stagingLeft(t, ws); r != 3 || f != 3 || len(s) != 0 {
		t.Errorf("%d rows, %d files, staging %v; want the 3 done files and nothing half", r, f, s)
	}
	if s := changeSummaries(t, ws, 1); s[0] != "Datei „2.pdf“ in die Mediathek aufgenommen (Import abgebrochen)" {
		t.Errorf("change log %q", s[0])
	}
}

func TestConcurrentImportsOfOverlappingFilesDoNotDeadlock(t *testing.T) {
	ws := newTestWorkspace(t)
	const files = 30
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			im := ws.NewImport(4)
			defer im.Abort()
			for i := range files {
				k := i
				if g%2 == 1 {
					k = files - 1 - i // the other direction: lock order crosses
				}
				if _, err := im.Add(context.Background(), strings.NewReader(fmt.Sprint("Inhalt ", k)), Media{Kind: "image", OriginalName: fmt.Sprint(k, ".png")}); err != nil {
					t.Error(err)
					return
				}
			}
			results, err := im.Finish(context.Background())
			if err != nil {
				t.Error(err)
			}
			for _, r := range results {
				if r.Media.ID == 0 {
					t.Errorf("no item for %s: %+v", r.Name, r)
				}
			}
		}()
	}
	wg.Wait()
	if r, f := mediaRowCount(t, ws), mediaFileCount(t, ws); r != files || f != files {
		t.Errorf("%d rows, %d files; want %d", r, f, files)
	}
	hashLocks.mu.Lock()
	n := len(hashLocks.m)
	hashLocks.mu.Unlock()
	if n != 0 {
		t.Errorf("%d hash locks left", n)
	}
}

func TestAttachMediaSetsExactListAndNamesPost(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	p := Post{Title: "Azubi-Dienstag: Lisa"}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := range 3 {
		m, err := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: fmt.Sprint(i, ".jpg")}, []byte(fmt.Sprint("Bild ", i)))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	linked := func() []int64 {
		ms, err := ws.PostMedia(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	steps := []struct {
		set, want []int64
		log       string
	}{
		{[]int64{ids[2], ids[0], ids[2]}, []int64{ids[2], ids[0]}, "Medien von „Azubi-Dienstag: Lisa“ geändert (2)"},
		{[]int64{ids[0], ids[1]}, []int64{ids[0], ids[1]}, "Medien von „Azubi-Dienstag: Lisa“ geändert (2)"},
		{[]int64{ids[1]}, []int64{ids[1]}, "Medien von „Azubi-Dienstag: Lisa“ geändert (1)"},
		{nil, nil, "Medien von „Azubi-Dienstag: Lisa“ geändert (0)"},
	}
	for i, s := range steps {
		if err := ws.AttachMedia(ctx, p.ID, s.set); err != nil {
			t.Fatal(err)
		}
		if got := linked(); !equalIDs(got, s.want) {
			t.Errorf("step %d: linked %v, want %v", i, got, s.want)
		}
		if got := changeSummaries(t, ws, 1)[0]; got != s.log {
			t.Errorf("step %d: log %q", i, got)
		}
	}
	last := lastChangeID(t, ws)
	if err := ws.AttachMedia(ctx, p.ID, nil); err != nil || lastChangeID(t, ws) != last {
		t.Errorf("unchanged list logged again: %v", err)
	}
	ws.AttachMedia(ctx, p.ID, []int64{ids[0]})
	if err := ws.AttachMedia(ctx, p.ID, []int64{ids[1], 9999}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown media: %v", err)
	}
	if got := linked(); !equalIDs(got, []int64{ids[0]}) {
		t.Errorf("a failed attach changed the links: %v", got)
	}
	if err := ws.AttachMedia(ctx, 9999, ids); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown post: %v", err)
	}
}

func TestMediaNames(t *testing.T) {
	cases := map[string]string{
		"IMG_4711.HEIC": ".heic", "Plan.v2 final": "", "ohne": "", `C:\Fotos\a.JPeG`: ".jpeg",
		"x.verylongextension": "", "bild.jp g": "", "a.😀": "",
	}
	for in, want := range cases {
		if got := mediaExt(in); got != want {
			t.Errorf("mediaExt(%q) = %q, want %q", in, got, want)
		}
	}
	h := sha([]byte("x"))
	for name, ok := range map[string]bool{h + ".jpg": true, h: true, h + ".jpg.json": false, h + ".part": true, "a" + h[1:] + ".JPG": false, "kurz.jpg": false} {
		if _, _, got := splitMediaName(name); got != ok {
			t.Errorf("splitMediaName(%q) = %v", name, got)
		}
	}
	_ = fs.ErrNotExist
}

func TestImportKindAndVanishedFolder(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	im := ws.NewImport(0)
	defer im.Abort()
	if res, err := im.Add(ctx, strings.NewReader("ein Film"), Media{OriginalName: "Film.MOV"}); err != nil || res.Media.Kind != "video" {
		t.Errorf("kind from the name: %+v, %v", res, err)
	}
	if res, err := im.Add(ctx, strings.NewReader("x"), Media{Kind: "foto", OriginalName: "x.jpg"}); err != nil || res.Outcome != ImportSkipped || !errors.Is(res.Err, ErrInvalid) {
		t.Errorf("unknown kind: %+v, %v", res, err)
	}
	results, err := im.Finish(ctx)
	if err != nil || results[0].Media.ID == 0 {
		t.Fatalf("%+v, %v", results, err)
	}
	// The folder is deleted while open: no ghost folder is made.
	os.RemoveAll(ws.Dir())
	if _, err := ws.AddMediaBytes(ctx, Media{Kind: "image", OriginalName: "a.jpg"}, []byte("a")); !errors.Is(err, ErrWorkspaceGone) {
		t.Errorf("gone: %v", err)
	}
	if exists(ws.Dir()) {
		t.Error("the vanished folder was made again")
	}
}

func TestAddMediaReplacesDamagedFileInPlace(t *testing.T) {
	// A power cut after the rename can leave other bytes of the same size
	// under the content's name; they must not be adopted.
	ws := newTestWorkspace(t)
	content := []byte("das richtige Bild")
	h := sha(content)
	full := ws.path(filepath.Join(MediaDir, h[:2], h+".jpg"))
	os.MkdirAll(filepath.Dir(full), 0o755)
	os.WriteFile(full, make([]byte, len(content)), 0o644)
	if _, err := ws.AddMediaBytes(context.Background(), Media{Kind: "image", OriginalName: "a.jpg"}, content); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(full); !bytes.Equal(got, content) {
		t.Errorf("damaged file kept: %q", got)
	}
}

// A title, alt text or credit with a control character is refused like any
// other saved text; the import says why and stores nothing.
func TestAddMediaRefusesControlCharacters(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	for _, m := range []Media{
		{OriginalName: "a.jpg", Title: "Tag der\x00 offenen Tür"},
		{OriginalName: "b.jpg", AltText: "Zwei Azubis\x07 im Archiv"},
		{OriginalName: "c.jpg", Credit: "Foto:\x1b Stadt"},
	} {
		_, err := ws.AddMedia(ctx, strings.NewReader("Bild "+m.OriginalName), m)
		var inv *InvalidError
		if !errors.As(err, &inv) {
			t.Errorf("%s: got %v, want a refusal naming the field", m.OriginalName, err)
		}
	}
	ok, err := ws.AddMedia(ctx, strings.NewReader("gut"), Media{OriginalName: "d\x01.jpg", AltText: "Zeile 1\r\nZeile 2"})
	if err != nil {
		t.Fatal(err)
	}
	if ok.OriginalName != "d.jpg" || ok.AltText != "Zeile 1\nZeile 2" {
		t.Errorf("stored %q / %q, want the name cleaned and the line end normalised", ok.OriginalName, ok.AltText)
	}
	c, err := ws.Counts(ctx)
	if err != nil || c.Media != 1 {
		t.Errorf("media rows: %d (%v), want 1", c.Media, err)
	}
}
