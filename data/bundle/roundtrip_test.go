package bundle

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"feedtakt/data"
)

// The demo workspace goes into a bundle and out again: the new workspace
// is healthy, every row of every table is equal and every media file has
// the same hash; nothing is left beside the bundle or the target.
func TestRoundTripDemo(t *testing.T) {
	ctx := context.Background()
	ws := newDemoWorkspace(t)
	src := ws.Dir()
	out := t.TempDir()
	file := filepath.Join(out, "Feedtakt-Übergabe-2026-12-18.feedtakt")

	var last, total int64
	sum, err := Write(ctx, ws, file, func(done, tot int64) {
		if done < last || done > tot {
			t.Fatalf("progress %d of %d after %d", done, tot, last)
		}
		last, total = done, tot
	})
	if err != nil {
		t.Fatal(err)
	}
	if last != total || total != 2*sum.Bytes {
		t.Errorf("progress ended at %d of %d; %d bytes packed", last, total, sum.Bytes)
	}
	if len(sum.Missing) > 0 || len(sum.Mismatched) > 0 {
		t.Errorf("missing %v, mismatched %v", sum.Missing, sum.Mismatched)
	}
	if got := listTree(t, out); !slices.Equal(got, []string{filepath.Base(file)}) {
		t.Errorf("beside the bundle: %v", got)
	}
	m, err := Verify(ctx, file, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != Format || m.Version != FormatVersion || m.Schema != data.SchemaVersion() || len(m.Entries) != sum.Files {
		t.Errorf("manifest %+v", m)
	}
	ws.Close() // checkpoints, so the source file holds every row

	target := filepath.Join(out, "Neu", "Arbeitsbereich")
	if err := Unpack(ctx, file, target, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(target + ".part"); !os.IsNotExist(err) {
		t.Errorf(".part left: %v", err)
	}
	got := listTree(t, target)
	for _, p := range got {
		if strings.HasSuffix(p, ".part") || strings.HasPrefix(p, "thumbs") || strings.HasPrefix(p, "backups") {
			t.Errorf("unexpected %s in the new workspace", p)
		}
	}

	// Healthy as "feedtakt check" sees it.
	nw, err := data.Open(ctx, target, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	h, err := nw.Inspect(ctx)
	nw.Close()
	if err != nil || h.Integrity != "ok" || h.MissingMedia != 0 {
		t.Fatalf("health %+v, %v", h, err)
	}
	want, have := tableRows(t, filepath.Join(src, data.DBName)), tableRows(t, filepath.Join(target, data.DBName))
	if len(want) < 10 {
		t.Fatalf("only %d tables", len(want))
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if !slices.Equal(want[name], have[name]) {
			t.Errorf("table %s: %d rows, unpacked %d, or they differ", name, len(want[name]), len(have[name]))
		}
	}
	wm, hm := mediaHashes(t, src), mediaHashes(t, target)
	if len(wm) == 0 || !maps.Equal(wm, hm) {
		t.Errorf("media hashes differ: %d vs %d files", len(wm), len(hm))
	}
	for p, hash := range hm {
		if !strings.Contains(p, hash) {
			t.Errorf("%s has hash %s", p, hash)
		}
	}

	// And it opens as a workspace to work in.
	rw, err := data.Open(ctx, target, data.Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if rw.ReadOnly() {
		t.Error("unpacked workspace opens read-only")
	}
	c, err := rw.Counts(ctx)
	if err != nil || c.Posts == 0 || c.Media != len(wm) {
		t.Errorf("counts %+v, %v", c, err)
	}
}

// A workspace opened read-only (a colleague has it open) can be bundled.
func TestWriteFromReadOnlyWorkspace(t *testing.T) {
	ctx := context.Background()
	ws := newMediaWorkspace(t, filepath.Join(t.TempDir(), "ws"), 3, 10_000)
	dir := ws.Dir()
	ro, err := data.Open(ctx, dir, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	file := filepath.Join(t.TempDir(), "b.feedtakt")
	sum, err := Write(ctx, ro, file, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files != 4 {
		t.Errorf("%d files", sum.Files)
	}
	// The writable session still writes afterwards (the read pool's
	// connection is back to read-only, the writer unaffected).
	if err := ws.SaveTopic(ctx, &data.Topic{Name: "Nach dem Paket"}); err != nil {
		t.Fatal(err)
	}
}
