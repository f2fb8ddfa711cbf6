package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/thumbs"
)

// The Mediathek at the scale, through the screen (Fyne's test
// driver, real SQLite): 50,000 generated rows. Every tenth row has a real
// original and a cached grid thumbnail (256×192); the others are marked
// as missing files, as the check at open would find them. Goals: the first
// page visible ≤ 300 ms, a search or filter ≤ 50 ms, and scrolling the grid
// top to bottom twice within +300 MB of heap, not growing on the second
// pass. Open, search and filter run ten rounds per operation and report
// the worst; the scroll takes about a minute, so run it once:
//
//	go test -tags ci -run '^$' -bench 'MediathekScreen' -benchtime 1x -v ./app/

const (
	benchScreenMedia = 50_000
	benchSampleEvery = 10
)

var benchWordsApp = []string{"Rathaus", "Sommerfest", "Feuerwehr", "Bürgermeister", "Kita", "Schule", "Baustelle",
	"Bibliothek", "Marktplatz", "Ausbildung", "Führung", "Konzert", "Stadtrat", "Hafen", "Brücke", "Wahl", "Umwelt"}

// newMediaScreenWorkspace writes n media rows with SQL straight into a new
// workspace (closed again) and returns its folder.
func newMediaScreenWorkspace(tb testing.TB, n int) string {
	tb.Helper()
	dir := newTestWorkspaceDirTB(tb)
	db, err := sql.Open("sqlite", filepath.Join(dir, data.DBName))
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO media (hash, path, kind, original_name, title, alt_text, credit, width, height, size,
		taken_at, taken_local, taken_source, orientation, camera, missing, missing_since, created_at, tags_text)
		VALUES (?, ?, 'image', ?, ?, ?, 'Foto: Stadt Musterstadt', 4032, 3024, ?, ?, ?, 'exif', 1, 'Apple iPhone 15', ?, ?, ?, ?)`)
	if err != nil {
		tb.Fatal(err)
	}
	cache := thumbs.NewCache(filepath.Join(dir, data.ThumbsDir))
	grid := benchJPEG(tb, 256, 192, color.RGBA{R: 90, G: 140, B: 200, A: 255}, "")
	r := rand.New(rand.NewPCG(2026, 7))
	start := time.Date(2021, 1, 1, 8, 0, 0, 0, data.WorkspaceZone())
	created := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)
	for i := range n {
		name := fmt.Sprintf("IMG_%05d.JPG", i)
		var content []byte
		missing, since := "gone", any(created.Format(time.RFC3339))
		if i%benchSampleEvery == 0 {
			content = benchJPEG(tb, 64, 48, color.RGBA{R: uint8(i), G: 90, B: 40, A: 255}, name)
			missing, since = "", nil
		} else {
			content = []byte(name)
		}
		sum := sha256.Sum256(content)
		hash := hex.EncodeToString(sum[:])
		rel := "media/" + hash[:2] + "/" + hash + ".jpg"
		if missing == "" {
			p := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				tb.Fatal(err)
			}
			if err := os.WriteFile(p, content, 0o644); err != nil {
				tb.Fatal(err)
			}
			tp := cache.Path(hash, thumbs.GridSize)
			if err := os.MkdirAll(filepath.Dir(tp), 0o755); err != nil {
				tb.Fatal(err)
			}
			if err := os.WriteFile(tp, grid, 0o644); err != nil {
				tb.Fatal(err)
			}
		}
		title := benchWordsApp[r.IntN(len(benchWordsApp))] + " " + benchWordsApp[r.IntN(len(benchWordsApp))]
		alt := ""
		if r.IntN(10) < 6 {
			alt = title + " am " + benchWordsApp[r.IntN(len(benchWordsApp))]
		}
		taken := start.Add(time.Duration(r.IntN(5*365*24*60)) * time.Minute)
		if _, err := ins.ExecContext(ctx, hash, rel, name, title, alt, len(content),
			taken.UTC().Format(time.RFC3339), taken.Format("2006-01-02T15:04:05"), missing, since,
			created.Add(time.Duration(i/100)*time.Minute).Format(time.RFC3339), benchWordsApp[i%len(benchWordsApp)]); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `PRAGMA optimize`); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// benchJPEG encodes a w×h picture of colour c; note goes into a comment
// segment so that each original has its own content (and hash).
func benchJPEG(tb testing.TB, w, h int, c color.RGBA, note string) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, color.RGBA{R: c.R + uint8(x), G: c.G + uint8(y), B: c.B, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		tb.Fatal(err)
	}
	b := buf.Bytes()
	if note == "" {
		return b
	}
	com := append([]byte{0xFF, 0xFE, 0, byte(len(note) + 2)}, note...)
	return append(append(append([]byte{}, b[:2]...), com...), b[2:]...)
}

// newTestWorkspaceDirTB is newTestWorkspaceDir for benchmarks too.
func newTestWorkspaceDirTB(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "Feedtakt")
	ws, err := data.Create(context.Background(), dir, data.Initial{
		Settings: data.Settings{Organisation: "Stadt Musterstadt", Land: calendar.Bayern},
		Channels: []data.Channel{{Name: "Instagram", Platform: data.Instagram, Cadence: data.Cadence{Count: 2, Period: data.PerWeek}}},
	}, data.Options{Actor: data.Actor{Person: "Bench", PC: "PC"}})
	if err != nil {
		tb.Fatal(err)
	}
	ws.Close()
	return dir
}

// heapMB is the live heap after a collection, in MB.
func heapMB() float64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// sysMB is what the Go runtime holds from the operating system, in MB.
func sysMB() float64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.Sys) / (1 << 20)
}

func BenchmarkMediathekScreen50k(b *testing.B) {
	t0 := time.Now()
	dir := newMediaScreenWorkspace(b, benchScreenMedia)
	b.Logf("generated %d rows (%d with files and thumbnails) in %v", benchScreenMedia, benchScreenMedia/benchSampleEvery, time.Since(t0).Round(time.Millisecond))

	a := test.NewTempApp(b)
	emptyHeap := heapMB()
	t0 = time.Now()
	u := New(a, Config{Workspace: dir, Lang: "de", queued: true, DemoDir: b.TempDir()})
	u.win.Resize(fyne.NewSize(1366, 768))
	u.Wait() // includes the media check at open over 50,000 rows
	b.Logf("workspace open with media check: %v", time.Since(t0).Round(time.Millisecond))
	defer u.closeWorkspace()
	s := u.shell.library
	s.debounce = 0

	// shownAt is when a new first page reached the grid.
	var shownAt time.Time
	onReload := s.onReload
	s.onReload = func() {
		shownAt = time.Now()
		onReload()
	}
	var worstOpen, worstQuery time.Duration
	b.Run("OpenMediathek", func(b *testing.B) {
		for b.Loop() {
			// Ten rounds per operation: the worst of them is the figure.
			for range 10 {
				u.shell.selectScreen(screenCalendar)
				u.Wait()
				t := time.Now()
				u.shell.selectScreen(screenMedia)
				u.Wait()
				if len(s.items) != data.DefaultMediaPage {
					b.Fatalf("%d items shown", len(s.items))
				}
				worstOpen = max(worstOpen, shownAt.Sub(t))
			}
		}
		b.ReportMetric(float64(worstOpen.Microseconds())/1000, "worst-ms")
	})
	for _, c := range []struct {
		name string
		set  func()
	}{
		{"Search/Rathaus", func() { s.search.SetText("Rathaus") }},
		{"Search/IMG_04711", func() { s.search.SetText("IMG_04711") }},
		{"Filter/noAlt", func() { s.state.SetSelectedIndex(2) }},
		{"Filter/missing", func() { s.state.SetSelectedIndex(3) }},
		{"Sort/name", func() { s.sort.SetSelectedIndex(2) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			worst := time.Duration(0)
			for b.Loop() {
				for range 10 {
					b.StopTimer()
					s.search.SetText("")
					s.state.SetSelectedIndex(0)
					s.sort.SetSelectedIndex(0)
					u.Wait()
					b.StartTimer()
					t := time.Now()
					c.set()
					u.Wait()
					worst = max(worst, shownAt.Sub(t))
				}
			}
			worstQuery = max(worstQuery, worst)
			b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
		})
	}
	s.search.SetText("")
	s.state.SetSelectedIndex(0)
	s.sort.SetSelectedIndex(0)
	u.Wait()

	// Scroll top to bottom twice, a screen at a time, loading pages and
	// thumbnails as they come.
	b.Run("ScrollTwice", func(b *testing.B) {
		for b.Loop() {
			opened := heapMB()
			var after [2]float64
			var took [2]time.Duration
			for pass := range 2 {
				if s.grid.Size().Height < 100 {
					b.Fatalf("grid not laid out: %v", s.grid.Size())
				}
				t := time.Now()
				s.grid.ScrollToTop()
				u.Wait()
				for off := float32(0); ; off += s.grid.Size().Height {
					s.grid.ScrollToOffset(off)
					u.Wait()
					if len(s.items) == s.total && s.grid.GetScrollOffset() < off {
						break // the end: the offset no longer follows
					}
				}
				took[pass] = time.Since(t)
				after[pass] = heapMB()
			}
			if len(s.items) != benchScreenMedia {
				b.Fatalf("scrolled through %d items", len(s.items))
			}
			b.Logf("runtime memory from the OS: %.0f MB", sysMB())
			b.Logf("heap: empty app %.0f MB, Mediathek open %.0f MB, after pass 1 %.0f MB (%v), after pass 2 %.0f MB (%v); decoded thumbnails kept %d",
				emptyHeap, opened, after[0], took[0].Round(time.Millisecond), after[1], took[1].Round(time.Millisecond), s.images.len())
			b.ReportMetric(after[0]-emptyHeap, "MB-pass1")
			b.ReportMetric(after[1]-emptyHeap, "MB-pass2")
		}
	})
	b.Logf("worst: open %v, search/filter %v", worstOpen, worstQuery)
}
