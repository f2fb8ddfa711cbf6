package mediainfo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// fuzzSeeds are small files of every format with all their metadata, the
// starting points the fuzzer mutates.
func fuzzSeeds(t testing.TB) map[string][]byte {
	small := exifSpec{ifd0: []entry{ascii(tagMake, "Canon"), ascii(tagModel, "EOS")},
		exif:  []entry{ascii(tagDateTimeOriginal, "2025:05:03 10:20:30"), ascii(tagOffsetOriginal, "+02:00")},
		thumb: []byte{0xFF, 0xD8, 0xFF, 0xD9}}.build()
	xmp := `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="C"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">T</rdf:li></rdf:Alt></dc:title><dc:subject><rdf:Bag><rdf:li>a</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>`
	return map[string][]byte{
		"jpeg": jpegFile(t, 8, 8, app1EXIF(small), app1XMP(xmp), segment(0xED, []byte("Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0c\x1c\x02\x05\x00\x01T\x1c\x02\x19\x00\x01k"))),
		"png":  pngWithChunks(pngFile(t, 4, 4, 0, 0), chunk("eXIf", small), chunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"+xmp))),
		"webp": webpFile(16, 16, small, xmp),
		"tiff": exifSpec{ifd0: []entry{short(binary.LittleEndian, tagImageWidth, 8), short(binary.LittleEndian, tagImageLength, 8), ascii(tagMake, "Nikon")},
			exif: []entry{ascii(tagDateTimeOriginal, "2025:05:03 10:20:30")}}.build(),
		"heic": heicSpec{w: 64, h: 48, rot: 1, exif: small, xmp: xmp}.build(),
		"mp4":  movieSpec{brand: "isom", created: 3_800_000_000, scale: 600, dur: 6000, w: 64, h: 48, rotate90: true, mdatPayload: 16}.build(),
		"mov":  movieSpec{brand: "qt  ", scale: 600, dur: 6000, w: 64, h: 48, moovAtEnd: true, mdatPayload: 16, apple: true}.build(),
		"pdf":  pdfFile(2, true),
	}
}

var knownErrors = []error{ErrEmpty, ErrUnsupported, ErrDamaged, ErrTooLarge}

// checkInfo holds Read's promises for any input: a known refusal, or a
// result within bounds.
func checkInfo(t *testing.T, b []byte, info Info, err error) {
	if err != nil {
		for _, k := range knownErrors {
			if errors.Is(err, k) {
				return
			}
		}
		t.Fatalf("unknown refusal %v", err)
	}
	if info.Kind == KindImage {
		if info.Width <= 0 || info.Height <= 0 || int64(info.Width)*int64(info.Height) > MaxPixels {
			t.Fatalf("accepted size %d×%d", info.Width, info.Height)
		}
	}
	if info.Orientation < 1 || info.Orientation > 8 {
		t.Fatalf("orientation %d", info.Orientation)
	}
	if th := info.Thumbnail; th.Length != 0 {
		got, err := ReadThumbnail(bytes.NewReader(b), info)
		if err != nil || int64(len(got)) != th.Length {
			t.Fatalf("thumbnail %v: %v", th, err)
		}
	}
	if info.Duration < 0 || info.Pages < 0 || len(info.Tags) > 200 || len(info.Warnings) > 16 {
		t.Fatalf("out of bounds: %+v", info)
	}
}

// FuzzRead feeds Read any bytes under any of our names: it must never
// panic, refuse only with its sentinels and keep its bounds.
func FuzzRead(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		f.Add(b, "x.jpg")
	}
	f.Fuzz(func(t *testing.T, b []byte, name string) {
		info, err := Read(bytes.NewReader(b), int64(len(b)), name)
		checkInfo(t, b, info, err)
	})
}

// FuzzMovieBoxes aims at the box reader: the input is put behind an MP4
// ftyp so every mutation reaches moov/trak parsing (and behind a HEIC
// ftyp for the meta box).
func FuzzMovieBoxes(f *testing.F) {
	seeds := fuzzSeeds(f)
	for _, k := range []string{"mp4", "mov", "heic"} {
		f.Add(seeds[k][bytes.Index(seeds[k], []byte("ftyp"))+int(seeds[k][3])-4:], k == "heic")
	}
	f.Fuzz(func(t *testing.T, body []byte, heic bool) {
		ftyp := bx("ftyp", []byte("isom"), u32(0), []byte("isom"))
		if heic {
			ftyp = bx("ftyp", []byte("heic"), u32(0), []byte("mif1heic"))
		}
		b := append(ftyp, body...)
		info, err := Read(bytes.NewReader(b), int64(len(b)), "x.mp4")
		checkInfo(t, b, info, err)
	})
}

// TestWriteFuzzSeeds regenerates testdata/fuzz from the builders when
// MEDIAINFO_WRITE_SEEDS=1 (after a format builder changed).
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("MEDIAINFO_WRITE_SEEDS") == "" {
		t.Skip("set MEDIAINFO_WRITE_SEEDS=1 to rewrite testdata/fuzz")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzRead")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for k, b := range fuzzSeeds(t) {
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\nstring(%q)\n", b, "seed."+k)
		if err := os.WriteFile(filepath.Join(dir, "seed-"+k), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The seeds themselves read cleanly: a seed that fails would only teach
// the fuzzer the error path.
func TestFuzzSeedsRead(t *testing.T) {
	for k, b := range fuzzSeeds(t) {
		info, err := Read(bytes.NewReader(b), int64(len(b)), "seed."+k)
		if err != nil {
			t.Errorf("%s: %v", k, err)
		}
		checkInfo(t, b, info, err)
	}
}
