package data

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"feedtakt/data/fsx"
)

// Media benchmarks on generated data, measured side by side with the
// system's tools in the same run:
//
//	go test -tags ci -run '^$' -bench 'AddMediaLarge|ImportSmall|SweepAtOpen' -benchtime 3x ./data/
//
// FEEDTAKT_BENCH_MB sets the large file's size (default 200).

// randomFile writes n random bytes to p (incompressible, like a video).
func randomFile(tb testing.TB, p string, n int64, seed uint64) {
	tb.Helper()
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	r := rand.NewChaCha8([32]byte{byte(seed), byte(seed >> 8), byte(seed >> 16)})
	buf := make([]byte, 1<<20)
	for n > 0 {
		k := min(int64(len(buf)), n)
		r.Read(buf[:k])
		if _, err := f.Write(buf[:k]); err != nil {
			tb.Fatal(err)
		}
		n -= k
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// timeTools runs cp and then sha256sum on the same files and returns both
// times.
func timeTools(tb testing.TB, dst string, files ...string) (cp, sum time.Duration) {
	tb.Helper()
	if _, err := exec.LookPath("sha256sum"); err != nil {
		tb.Skip("sha256sum not installed")
	}
	os.MkdirAll(dst, 0o755)
	start := time.Now()
	if out, err := exec.Command("cp", append(append([]string{}, files...), dst)...).CombinedOutput(); err != nil {
		tb.Fatalf("cp: %v %s", err, out)
	}
	cp = time.Since(start)
	start = time.Now()
	if out, err := exec.Command("sha256sum", files...).CombinedOutput(); err != nil {
		tb.Fatalf("sha256sum: %v %s", err, out)
	}
	return cp, time.Since(start)
}

// report puts both sides and their ratio into the benchmark's line.
func report(b *testing.B, ours, cp, sum time.Duration) {
	n := float64(b.N)
	b.ReportMetric(ours.Seconds()/n, "feedtakt-s/op")
	b.ReportMetric(cp.Seconds()/n, "cp-s/op")
	b.ReportMetric(sum.Seconds()/n, "sha256sum-s/op")
	b.ReportMetric(float64(ours)/float64(cp+sum), "ratio")
}

func BenchmarkAddMediaLarge(b *testing.B) {
	mb := int64(200)
	if s := os.Getenv("FEEDTAKT_BENCH_MB"); s != "" {
		mb, _ = strconv.ParseInt(s, 10, 64)
	}
	src := filepath.Join(b.TempDir(), "film.mp4")
	randomFile(b, src, mb<<20, 1)
	ctx := context.Background()
	var ours, cp, sum time.Duration
	b.SetBytes(mb << 20)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		ws := newTestWorkspace(b)
		toolDir := filepath.Join(b.TempDir(), "cp")
		b.StartTimer()
		start := time.Now()
		f, err := os.Open(src)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ws.AddMedia(ctx, f, Media{Kind: "video", OriginalName: "film.mp4"}); err != nil {
			b.Fatal(err)
		}
		f.Close()
		ours += time.Since(start)
		b.StopTimer()
		c, h := timeTools(b, toolDir, src)
		cp, sum = cp+c, sum+h
		ws.Close()
		os.RemoveAll(ws.Dir())
		os.RemoveAll(toolDir)
		b.StartTimer()
	}
	report(b, ours, cp, sum)
}

func BenchmarkImportSmall(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	files := make([]string, n)
	var total int64
	r := rand.New(rand.NewPCG(7, 7))
	for i := range files {
		files[i] = filepath.Join(dir, fmt.Sprintf("IMG_%04d.jpg", i))
		size := int64(4<<10 + r.IntN(60<<10))
		randomFile(b, files[i], size, uint64(i)+100)
		total += size
	}
	ctx := context.Background()
	var ours, cp, sum time.Duration
	b.SetBytes(total)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		ws := newTestWorkspace(b)
		toolDir := filepath.Join(b.TempDir(), "cp")
		b.StartTimer()
		start := time.Now()
		im := ws.NewImport(0)
		for _, p := range files {
			f, err := os.Open(p)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := im.Add(ctx, f, Media{Kind: "image", OriginalName: filepath.Base(p)}); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
		if _, err := im.Finish(ctx); err != nil {
			b.Fatal(err)
		}
		ours += time.Since(start)
		b.StopTimer()
		c, h := timeTools(b, toolDir, files...)
		cp, sum = cp+c, sum+h
		ws.Close()
		os.RemoveAll(ws.Dir())
		os.RemoveAll(toolDir)
		b.StartTimer()
	}
	report(b, ours, cp, sum)
}

// BenchmarkSweepAtOpen compares the sweep at open (staging only) with the
// walk over the whole folder it replaced, with 20,000 originals in media/.
func BenchmarkSweepAtOpen(b *testing.B) {
	ws := newTestWorkspace(b)
	for i := range 20_000 {
		h := sha([]byte(strconv.Itoa(i)))
		d := ws.path(filepath.Join(MediaDir, h[:2]))
		os.MkdirAll(d, 0o755)
		if err := os.WriteFile(filepath.Join(d, h+".jpg"), []byte(h), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	b.Run("staging", func(b *testing.B) {
		for range b.N {
			if err := ws.sweepAtOpen(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("walk-before", func(b *testing.B) {
		for range b.N {
			if _, err := fsx.SweepParts(ws.Dir()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Open", func(b *testing.B) {
		ws.Close()
		for range b.N {
			re, err := Open(ctx, ws.Dir(), Options{Actor: testActor})
			if err != nil {
				b.Fatal(err)
			}
			re.Close()
		}
	})
}
