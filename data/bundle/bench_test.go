package bundle

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"feedtakt/data"
)

// benchWorkspace is the workspace the benchmarks bundle: generated media
// of FEEDTAKT_BUNDLE_BENCH_MB megabytes in all (default 200) in files of
// 4 MB, random content like photos and videos. With
// FEEDTAKT_BUNDLE_BENCH_DIR it is made there once and reused, so "zip -0"
// and sha256sum can be timed over the very same files.
func benchWorkspace(b *testing.B) (*data.Workspace, int64) {
	b.Helper()
	mb := int64(200)
	if v, err := strconv.ParseInt(os.Getenv("FEEDTAKT_BUNDLE_BENCH_MB"), 10, 64); err == nil && v > 0 {
		mb = v
	}
	const fileSize = 4 << 20
	dir := os.Getenv("FEEDTAKT_BUNDLE_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "ws")
	}
	var ws *data.Workspace
	if _, err := os.Stat(filepath.Join(dir, data.DBName)); err == nil {
		w, err := data.Open(context.Background(), dir, data.Options{Actor: testActor})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { w.Close() })
		ws = w
	} else {
		ws = newMediaWorkspace(b, dir, int((mb<<20)/fileSize), fileSize)
	}
	c, err := ws.Counts(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return ws, int64(c.Media) * fileSize
}

// BenchmarkWrite measures Write: pack, sync, read back from the disk and
// verify. Its MB/s is of the media; peak-RSS-MB is the process's peak
// resident memory during the benchmark loop (Linux).
func BenchmarkWrite(b *testing.B) {
	ws, size := benchWorkspace(b)
	out := b.TempDir()
	if d := os.Getenv("FEEDTAKT_BUNDLE_BENCH_OUT"); d != "" {
		out = d
	}
	file := filepath.Join(out, "bench.feedtakt")
	b.SetBytes(size)
	b.ReportAllocs()
	resetPeakRSS()
	for b.Loop() {
		if _, err := Write(context.Background(), ws, file, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
	os.Remove(file)
}

// BenchmarkUnpack measures Unpack: check, unpack, sync, read back.
func BenchmarkUnpack(b *testing.B) {
	ws, size := benchWorkspace(b)
	out := b.TempDir()
	file := filepath.Join(out, "bench.feedtakt")
	if _, err := Write(context.Background(), ws, file, nil); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	resetPeakRSS()
	i := 0
	for b.Loop() {
		i++
		target := filepath.Join(out, "ws"+strconv.Itoa(i))
		if err := Unpack(context.Background(), file, target, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.RemoveAll(target)
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}

// resetPeakRSS starts the kernel's peak-memory count afresh (Linux).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSSMB reads the peak resident memory (VmHWM) in MB, 0 where unknown.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
