package bundle

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/demo"
)

var testActor = data.Actor{Person: "Test Person", PC: "PC-TEST"}

// newDemoWorkspace makes the demo workspace in a temp folder, open.
func newDemoWorkspace(t testing.TB) *data.Workspace {
	t.Helper()
	ws, err := demo.Create(context.Background(), filepath.Join(t.TempDir(), "Feedtakt"), data.Options{Actor: testActor}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

// newMediaWorkspace makes a workspace in dir with n media files of size
// bytes each, random content (as incompressible as photos and videos).
func newMediaWorkspace(t testing.TB, dir string, n int, size int64) *data.Workspace {
	t.Helper()
	ctx := context.Background()
	ws, err := data.Create(ctx, dir, data.Initial{Settings: data.Settings{Land: "NI"}}, data.Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	rnd := rand.NewChaCha8([32]byte{1, 2, 3})
	im := ws.NewImport(0)
	defer im.Abort()
	for i := range n {
		r, err := im.Add(ctx, io.LimitReader(rnd, size), data.Media{OriginalName: fmt.Sprintf("clip%04d.mp4", i), Kind: "video"})
		if err != nil || r.Err != nil {
			t.Fatalf("add media %d: %v %v", i, err, r.Err)
		}
	}
	if _, err := im.Finish(ctx); err != nil {
		t.Fatal(err)
	}
	return ws
}

// listTree returns every path below root (slash-separated, relative),
// folders with a trailing slash.
func listTree(t testing.TB, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if rel == "." {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			rel += "/"
		}
		out = append(out, rel)
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// assertGerman requires err's explanation to be a German sentence from
// the translation files (not the English key, not the catch-all) and
// returns it.
func assertGerman(t testing.TB, err error) string {
	t.Helper()
	e := Explain(err)
	de, derr := assets.Translations("de")
	if derr != nil {
		t.Fatal(derr)
	}
	if _, ok := de[e.Key]; !ok {
		t.Fatalf("explanation %q of %v has no German text", e.Key, err)
	}
	if strings.HasPrefix(e.Key, "Something went wrong") {
		t.Fatalf("%v explained only by the catch-all", err)
	}
	text := assets.Text("de", e.Key, e.Args)
	if text == assets.Text("en", e.Key, e.Args) {
		t.Fatalf("German text equals English: %q", text)
	}
	return text
}

// tableRows dumps every table of a database file as sorted text rows.
func tableRows(t testing.TB, dbPath string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(dbPath)+"?immutable=1&_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	names, err := queryStrings(db, `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, n := range names {
		rows, err := db.Query(`SELECT * FROM "` + n + `"`)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[n] = append(out[n], fmt.Sprintf("%q", vals))
		}
		rows.Close()
		slices.Sort(out[n])
	}
	return out
}

func queryStrings(db *sql.DB, q string) ([]string, error) {
	rows, err := db.Query(q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// mediaHashes hashes every media file the database at dir names.
func mediaHashes(t testing.TB, dir string) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(filepath.Join(dir, data.DBName))+"?immutable=1&_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	paths, err := queryStrings(db, `SELECT path FROM media`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range paths {
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		io.Copy(h, f)
		f.Close()
		out[p] = hex.EncodeToString(h.Sum(nil))
	}
	return out
}
