package thumbs

import (
	"bytes"
	"context"
	"fmt"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// makeAll makes the thumbnails of paths at size with a pool of workers into
// a fresh cache under dir and returns how long it took.
func makeAll(tb testing.TB, dir string, paths []string, size, workers int) time.Duration {
	return makeAllSizes(tb, dir, paths, []int{size}, workers)
}

// makeAllSizes is makeAll for several sizes per picture (one decode each).
func makeAllSizes(tb testing.TB, dir string, paths []string, sizes []int, workers int) time.Duration {
	return makeAllWith(tb, dir, paths, sizes, workers, false)
}

// makeAllWith is makeAllSizes; plain replaces Make with the obvious way
// (image/jpeg full decode, box average, x/image/draw Catmull-Rom), the
// baseline the issue measured at 0.12× of vips.
func makeAllWith(tb testing.TB, dir string, paths []string, sizes []int, workers int, plain bool) time.Duration {
	tb.Helper()
	c := NewCache(dir)
	ctx := context.Background()
	start := time.Now()
	p := NewPool(ctx, c, workers)
	if plain {
		p.makeFn = func(ctx context.Context, j Job) error {
			f, err := os.Open(j.Src)
			if err != nil {
				return err
			}
			defer f.Close()
			img, err := jpeg.Decode(f)
			if err != nil {
				return err
			}
			for _, s := range j.Sizes {
				if err := c.write(j.Hash, s, refFit(img, s)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	errs := make(chan error, len(paths))
	for i, src := range paths {
		job := Job{Hash: fmt.Sprintf("%064x", i+1), Src: src, Format: FormatJPEG, Orientation: 1, Sizes: sizes}
		if err := p.Submit(ctx, job, func(r Result) { errs <- r.Err }); err != nil {
			tb.Fatal(err)
		}
	}
	if err := p.Wait(ctx); err != nil {
		tb.Fatal(err)
	}
	took := time.Since(start)
	p.Close()
	for range paths {
		if err := <-errs; err != nil {
			tb.Fatal(err)
		}
	}
	return took
}

// vipsAll runs vipsthumbnail over paths at size (quality 80, like ours)
// into dir and returns how long it took.
func vipsAll(tb testing.TB, vips, dir string, paths []string, size int) time.Duration {
	tb.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	args := append([]string{"--size", fmt.Sprint(size), "-o", filepath.Join(dir, "%s.jpg[Q=80]")}, paths...)
	start := time.Now()
	if out, err := exec.Command(vips, args...).CombinedOutput(); err != nil {
		tb.Fatalf("vipsthumbnail: %v\n%s", err, out)
	}
	return time.Since(start)
}

// BenchmarkThumbnails100 makes one size of thumbnails for 100 camera-size
// JPEGs (12 MP, generated once under os.TempDir), with this package's pool
// on all cores and, where installed, with vipsthumbnail, and reports files
// per second for each. TestThumbnailsAgainstVips prints the ratio.
func BenchmarkThumbnails100(b *testing.B) {
	paths := benchPhotos(b, 100)
	vips, vipsErr := exec.LookPath("vipsthumbnail")
	for _, size := range []int{GridSize, PreviewSize} {
		b.Run(fmt.Sprintf("go-%d", size), func(b *testing.B) {
			var total time.Duration
			for i := 0; b.Loop(); i++ {
				total += makeAll(b, filepath.Join(b.TempDir(), fmt.Sprint(i)), paths, size, runtime.NumCPU())
			}
			b.ReportMetric(float64(len(paths)*b.N)/total.Seconds(), "files/s")
		})
		b.Run(fmt.Sprintf("vips-%d", size), func(b *testing.B) {
			if vipsErr != nil {
				b.Skip("vipsthumbnail not installed (Debian libvips-tools)")
			}
			var total time.Duration
			for i := 0; b.Loop(); i++ {
				total += vipsAll(b, vips, filepath.Join(b.TempDir(), fmt.Sprint(i)), paths, size)
			}
			b.ReportMetric(float64(len(paths)*b.N)/total.Seconds(), "files/s")
		})
	}
}

// TestThumbnailsAgainstVips measures both side by side in one run, turn
// about, and prints files per second and the ratio for the grid and the
// preview size, with all cores and with all but one (the app's default).
// It takes minutes, so it runs only with FEEDTAKT_VIPS_COMPARE=1
// (FEEDTAKT_VIPS_ROUNDS sets the rounds, default 2):
//
//	FEEDTAKT_VIPS_COMPARE=1 go test -tags ci -run AgainstVips -v -timeout 1h ./data/thumbs
func TestThumbnailsAgainstVips(t *testing.T) {
	if os.Getenv("FEEDTAKT_VIPS_COMPARE") == "" {
		t.Skip("set FEEDTAKT_VIPS_COMPARE=1 to compare with vipsthumbnail")
	}
	vips, err := exec.LookPath("vipsthumbnail")
	if err != nil {
		t.Skip("vipsthumbnail not installed (Debian libvips-tools)")
	}
	paths := benchPhotos(t, 100)
	rounds := 2
	if n, err := strconv.Atoi(os.Getenv("FEEDTAKT_VIPS_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	for _, size := range []int{GridSize, PreviewSize} {
		for _, workers := range []int{runtime.NumCPU(), DefaultWorkers()} {
			var ours, theirs time.Duration
			for r := range rounds {
				dir := t.TempDir()
				theirs += vipsAll(t, vips, filepath.Join(dir, "vips"), paths, size)
				ours += makeAll(t, filepath.Join(dir, "go", fmt.Sprint(r)), paths, size, workers)
			}
			n := float64(len(paths) * rounds)
			goRate, vipsRate := n/ours.Seconds(), n/theirs.Seconds()
			t.Logf("size %4d, %d worker(s) on %d cores: thumbs %.1f files/s, vipsthumbnail %.1f files/s, ratio %.2f×",
				size, workers, runtime.NumCPU(), goRate, vipsRate, goRate/vipsRate)
		}
	}
	// The baseline: plain decode and resampler, all cores, 20 files.
	for _, size := range []int{GridSize, PreviewSize} {
		dir := t.TempDir()
		theirs := vipsAll(t, vips, filepath.Join(dir, "vips"), paths[:20], size)
		ours := makeAllWith(t, filepath.Join(dir, "go"), paths[:20], []int{size}, runtime.NumCPU(), true)
		t.Logf("size %4d, plain image/jpeg + x/image/draw, %d workers: %.1f files/s, vipsthumbnail %.1f files/s, ratio %.2f×",
			size, runtime.NumCPU(), 20/ours.Seconds(), 20/theirs.Seconds(), theirs.Seconds()/ours.Seconds())
	}
	// What an import does: both sizes per picture. Make decodes once for
	// both; vipsthumbnail runs once per size.
	for _, workers := range []int{runtime.NumCPU(), DefaultWorkers()} {
		var ours, theirs time.Duration
		for r := range rounds {
			dir := t.TempDir()
			theirs += vipsAll(t, vips, filepath.Join(dir, "vips256"), paths, GridSize)
			theirs += vipsAll(t, vips, filepath.Join(dir, "vips1024"), paths, PreviewSize)
			ours += makeAllSizes(t, filepath.Join(dir, "go", fmt.Sprint(r)), paths, []int{GridSize, PreviewSize}, workers)
		}
		n := float64(len(paths) * rounds)
		goRate, vipsRate := n/ours.Seconds(), n/theirs.Seconds()
		t.Logf("sizes 256+1024, %d worker(s) on %d cores: thumbs %.1f files/s, vipsthumbnail %.1f files/s, ratio %.2f×",
			workers, runtime.NumCPU(), goRate, vipsRate, goRate/vipsRate)
	}
}

// BenchmarkDecode12MP compares image/jpeg's full decode of one 12 MP photo
// with the scaled decoder at the scales the grid and the preview use.
func BenchmarkDecode12MP(b *testing.B) {
	data, err := os.ReadFile(benchPhotos(b, 1)[0])
	if err != nil {
		b.Fatal(err)
	}
	b.Run("image-jpeg-full", func(b *testing.B) {
		for b.Loop() {
			if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, s := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("scaled-1of%d", 8/s), func(b *testing.B) {
			for b.Loop() {
				if _, err := decodeJPEGScaled(context.Background(), data, s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
