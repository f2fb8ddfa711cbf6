package thumbs

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"feedtakt/data/demo"
)

// exifAPP1 builds a small but real EXIF segment (APP1) as a camera writes
// it: make, model, orientation and DateTimeOriginal in an Exif sub-IFD.
func exifAPP1(orientation int, when string) []byte {
	le := binary.LittleEndian
	var b bytes.Buffer
	b.WriteString("Exif\x00\x00")
	tiff := make([]byte, 120)
	copy(tiff, "II*\x00")
	le.PutUint32(tiff[4:], 8)
	entry := func(at int, tag, typ uint16, count, value uint32) {
		le.PutUint16(tiff[at:], tag)
		le.PutUint16(tiff[at+2:], typ)
		le.PutUint32(tiff[at+4:], count)
		le.PutUint32(tiff[at+8:], value)
	}
	le.PutUint16(tiff[8:], 4)
	entry(10, 0x010F, 2, 9, 62)                  // Make
	entry(22, 0x0110, 2, 11, 71)                 // Model
	entry(34, 0x0112, 3, 1, uint32(orientation)) // Orientation (SHORT, left-justified)
	entry(46, 0x8769, 4, 1, 82)                  // Exif IFD
	copy(tiff[62:], "Feedtakt\x00")
	copy(tiff[71:], "Testkamera\x00")
	le.PutUint16(tiff[82:], 1)
	entry(84, 0x9003, 2, 20, 100) // DateTimeOriginal
	copy(tiff[100:], when+"\x00")
	b.Write(tiff)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(2+b.Len()))
	return append(seg, b.Bytes()...)
}

// withEXIF puts an EXIF segment right after the JPEG's start marker.
func withEXIF(jpg []byte, orientation int) []byte {
	out := append([]byte{}, jpg[:2]...)
	out = append(out, exifAPP1(orientation, "2026:05:14 10:31:07")...)
	return append(out, jpg[2:]...)
}

// encodeJPEG encodes img at camera-like quality 92 with EXIF.
func encodeJPEG(t testing.TB, img image.Image, orientation int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	return withEXIF(buf.Bytes(), orientation)
}

// photoJPEG draws a photographic-looking demo picture (scenery, gradients,
// film grain) and encodes it as a camera would, EXIF included.
func photoJPEG(seed int64, w, h int) ([]byte, error) {
	kinds := demo.Kinds()
	img, err := demo.Picture(kinds[int(seed)%len(kinds)], seed, w, h)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		return nil, err
	}
	return withEXIF(buf.Bytes(), 1), nil
}

// photo writes photoJPEG's picture to path.
func photo(t testing.TB, path string, seed int64, w, h int) {
	t.Helper()
	data, err := photoJPEG(seed, w, h)
	if err == nil {
		err = os.WriteFile(path, data, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// benchPhotos returns n camera-size (4000×3000, 12 MP) JPEGs, generated
// once into a folder under os.TempDir and reused by later runs: making
// them takes minutes, and they must stay out of git.
func benchPhotos(tb testing.TB, n int) []string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), "feedtakt-thumbs-bench-12mp")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	paths := make([]string, n)
	var todo []int
	for i := range n {
		paths[i] = filepath.Join(dir, fmt.Sprintf("photo-%03d.jpg", i))
		if _, err := os.Stat(paths[i]); err != nil {
			todo = append(todo, i)
		}
	}
	if len(todo) > 0 {
		tb.Logf("generating %d 12 MP photos into %s (once)", len(todo), dir)
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for _, i := range todo {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			tmp := paths[i] + ".part"
			data, err := photoJPEG(int64(i+1), 4000, 3000)
			if err == nil {
				err = os.WriteFile(tmp, data, 0o644)
			}
			if err == nil {
				err = os.Rename(tmp, paths[i])
			}
			if err != nil {
				tb.Error(err)
			}
		}()
	}
	wg.Wait()
	return paths
}
