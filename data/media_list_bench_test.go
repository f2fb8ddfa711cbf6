package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"feedtakt/data/calendar"
)

// The Mediathek at the scale: 50,000 generated rows (85 % images,
// 10 % videos, 5 % documents; 0–4 tags of about 140, alt text on 60 %, 500
// posts using 10,000 of them, 1 % missing), written by batched inserts,
// not files. Goals: the first page ≤ 300 ms on a freshly opened workspace,
// a search or filter ≤ 50 ms, paging to the end.
//
//	go test -tags ci -run '^$' -bench 'Mediathek' -benchtime 20x ./data/
//
// The first benchmark reopens the workspace before every iteration, so
// SQLite's page cache is empty; the operating system's file cache is warm
// (as it is on the PC after the first start of the day).

const benchMedia = 50_000

var benchTags = func() []string {
	var out []string
	for i, w := range benchWords {
		out = append(out, w)
		if i%2 == 0 {
			out = append(out, w+" "+benchWords[(i*7)%len(benchWords)])
		}
	}
	return out
}()

// newMediaBenchWorkspace writes n media rows (with tags, uses and missing
// marks) straight into a new workspace in dir and returns it closed.
func newMediaBenchWorkspace(tb testing.TB, dir string, n int) {
	tb.Helper()
	ctx := context.Background()
	ws := newBenchWorkspace(tb, dir, 500)
	defer ws.Close()
	r := rand.New(rand.NewPCG(2026, 7))
	kinds := []string{"image", "image", "image", "image", "image", "image", "image", "image", "image", "image",
		"image", "image", "image", "image", "image", "image", "image", "video", "video", "document"}
	cameras := []string{"Apple iPhone 15", "Samsung SM-S918B", "Canon EOS R6", "NIKON Z 6_2", ""}
	start := time.Date(2021, 1, 1, 8, 0, 0, 0, WorkspaceZone())
	created := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)
	const batch = 5000
	for from := 0; from < n; from += batch {
		err := ws.write(ctx, "seed media", func(tx *sql.Tx) error {
			for i := from; i < min(from+batch, n); i++ {
				sum := sha256.Sum256([]byte(fmt.Sprint("media ", i)))
				hash := hex.EncodeToString(sum[:])
				kind := kinds[r.IntN(len(kinds))]
				name := fmt.Sprintf("IMG_%05d.JPG", i)
				switch kind {
				case "video":
					name = fmt.Sprintf("VID_%05d.MOV", i)
				case "document":
					name = benchSentence(r, 2) + ".pdf"
				}
				m := Media{Hash: hash, Path: mediaPath(hash, mediaExt(name)), Kind: kind, OriginalName: name,
					Title: benchSentence(r, 2+r.IntN(4)), Credit: "Foto: Stadt Musterstadt", Width: 4032, Height: 3024, Size: int64(2_000_000 + r.IntN(3_000_000)),
					// Photos come in bursts: whole minutes, so many share a second.
					Taken: start.Add(time.Duration(r.IntN(5*365*24*60)) * time.Minute), TakenSource: TakenFromEXIF,
					Orientation: 1 + r.IntN(8), Camera: cameras[r.IntN(len(cameras))], HasGPS: r.IntN(3) == 0}
				if r.IntN(10) < 6 {
					m.AltText = benchSentence(r, 8+r.IntN(20))
				}
				for range r.IntN(5) {
					m.Tags = append(m.Tags, benchTags[r.IntN(len(benchTags))])
				}
				m.Tags = cleanTags(m.Tags)
				if r.IntN(100) == 0 {
					m.Missing, m.MissingSince = MissingGone, created
				}
				m.normTaken(created.AddDate(2, 0, 0))
				// Imports come in batches that share their second.
				c := created.Add(time.Duration(i/100) * time.Minute).Format(time.RFC3339)
				if err := insertMediaRow(ctx, tx, &m, c); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	err := ws.write(ctx, "seed post media", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO post_media (post_id, media_id, position)
			SELECT 1 + (m.id % (SELECT count(*) FROM posts)), m.id, 0 FROM media m WHERE m.id % 5 = 0`)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := ws.db.ExecContext(ctx, `PRAGMA optimize`); err != nil {
		tb.Fatal(err)
	}
}

func BenchmarkMediathek50k(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "Feedtakt")
	t0 := time.Now()
	newMediaBenchWorkspace(b, dir, benchMedia)
	b.Logf("generated %d rows in %v", benchMedia, time.Since(t0).Round(time.Millisecond))
	ctx := context.Background()
	open := func(b *testing.B) *Workspace {
		ws, err := Open(ctx, dir, Options{Actor: testActor})
		if err != nil {
			b.Fatal(err)
		}
		return ws
	}

	b.Run("FirstPageCold", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			ws := open(b)
			b.StartTimer()
			page, err := ws.ListMedia(ctx, MediaQuery{})
			if err != nil || len(page.Items) != DefaultMediaPage {
				b.Fatal(len(page.Items), err)
			}
			if n, err := ws.CountMedia(ctx, MediaQuery{}); err != nil || n != benchMedia {
				b.Fatal(n, err)
			}
			b.StopTimer()
			ws.Close()
			b.StartTimer()
		}
	})

	ws := open(b)
	defer ws.Close()
	may := calendar.NewDate(2024, 5, 1)
	may31 := calendar.NewDate(2024, 5, 31)
	for _, c := range []struct {
		name string
		q    MediaQuery
	}{
		{"FirstPage/taken", MediaQuery{}},
		{"FirstPage/imported", MediaQuery{Sort: SortImported}},
		{"FirstPage/name", MediaQuery{Sort: SortName}},
		{"FirstPage/takenOldest", MediaQuery{Reverse: true}},
		{"Search/Fuehrung", MediaQuery{Text: "Fuehrung"}},
		{"Search/Flächennutzungsplan", MediaQuery{Text: "Flächennutzungsplan"}},
		{"Search/a", MediaQuery{Text: "a"}},
		{"Search/IMG_04711", MediaQuery{Text: "IMG_04711"}},
		{"Search/two_words", MediaQuery{Text: "Rathaus Sommerfest"}},
		{"Search/by_name", MediaQuery{Text: "Ausbildung", Sort: SortName}},
		{"Search/none", MediaQuery{Text: "Zeppelin"}},
		{"Filter/video", MediaQuery{Kind: "video"}},
		{"Filter/document", MediaQuery{Kind: "document"}},
		{"Filter/tag", MediaQuery{Tag: "Feuerwehr"}},
		{"Filter/unused", MediaQuery{Unused: true}},
		{"Filter/noAlt", MediaQuery{NoAltText: true}},
		{"Filter/missing", MediaQuery{Missing: true}},
		{"Filter/May2024", MediaQuery{TakenFrom: &may, TakenTo: &may31}},
		{"Filter/combined", MediaQuery{Text: "Rathaus", Kind: "image", Unused: true, TakenFrom: &may}},
	} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				page, err := ws.ListMedia(ctx, c.q)
				if err != nil {
					b.Fatal(err)
				}
				n = len(page.Items)
			}
			b.ReportMetric(float64(n), "items")
		})
		b.Run(c.name+"/count", func(b *testing.B) {
			n := 0
			for b.Loop() {
				var err error
				if n, err = ws.CountMedia(ctx, c.q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "matches")
		})
	}

	for _, sort := range []MediaSort{SortTaken, SortName} {
		b.Run(fmt.Sprintf("PageToEnd/sort=%d", sort), func(b *testing.B) {
			pages := 0
			for b.Loop() {
				q := MediaQuery{Sort: sort}
				seen := 0
				pages = 0
				for {
					page, err := ws.ListMedia(ctx, q)
					if err != nil {
						b.Fatal(err)
					}
					seen += len(page.Items)
					pages++
					if page.Next == "" {
						break
					}
					q.After = page.Next
				}
				if seen != benchMedia {
					b.Fatalf("paged %d items", seen)
				}
			}
			b.ReportMetric(float64(pages), "pages")
		})
	}
}
