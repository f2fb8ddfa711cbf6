package mediainfo

import (
	"bytes"
	"sync"
	"testing"
)

var (
	bigJPEGOnce sync.Once
	bigJPEG     []byte
)

// cameraJPEG is a 12 MP (4000×3000) JPEG with a camera's EXIF (thumbnail
// included) and an XMP packet, generated once per test binary.
func cameraJPEG(b *testing.B) []byte {
	bigJPEGOnce.Do(func() {
		bigJPEG = jpegFile(b, 4000, 3000, app1EXIF(cameraEXIF(b)), app1XMP(testXMP))
	})
	return bigJPEG
}

// BenchmarkReadFile12MP opens and reads a 12 MP camera JPEG from disk,
// as the importer does per file. Nothing is decoded, so it should cost
// tens of microseconds, not the ~100 ms a decode takes.
func BenchmarkReadFile12MP(b *testing.B) {
	p := writeFile(b, "IMG_0001.JPG", cameraJPEG(b))
	b.ReportAllocs()
	for b.Loop() {
		info, err := ReadFile(p)
		if err != nil || info.Width != 4000 || info.Title == "" {
			b.Fatal(err, info)
		}
	}
}

// BenchmarkRead12MP is the same from memory: the parsing alone.
func BenchmarkRead12MP(b *testing.B) {
	data := cameraJPEG(b)
	r := bytes.NewReader(data)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(r, int64(len(data)), "x.jpg"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadHEIC reads a HEIC's meta box (size, EXIF, XMP).
func BenchmarkReadHEIC(b *testing.B) {
	p := writeFile(b, "IMG.HEIC", append(heicSpec{w: 4032, h: 3024, exif: cameraEXIF(b), xmp: testXMP}.build(), make([]byte, 2<<20)...))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadMovie reads a 50 MB MP4 whose moov is at the end.
func BenchmarkReadMovie(b *testing.B) {
	p := writeFile(b, "clip.mp4", movieSpec{brand: "isom", scale: 1000, dur: 60_000, w: 1920, h: 1080, moovAtEnd: true, mdatPayload: 50 << 20}.build())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
}
