package mediainfo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// hasWarning reports whether info carries a warning matching target.
func hasWarning(info Info, target error) bool {
	for _, w := range info.Warnings {
		if errors.Is(w, target) {
			return true
		}
	}
	return false
}

func TestZeroByteFile(t *testing.T) {
	_, err := readBytes(t, "leer.jpg", nil)
	if !errors.Is(err, ErrEmpty) {
		t.Fatalf("got %v, want ErrEmpty", err)
	}
}

func TestTruncatedJPEG(t *testing.T) {
	full := jpegFile(t, 800, 600, app1EXIF(cameraEXIF(t)))
	sos := bytes.Index(full, []byte{0xFF, 0xDA})
	t.Run("cut in the picture data", func(t *testing.T) {
		i, err := readBytes(t, "cut.jpg", full[:sos+(len(full)-sos)/2])
		if err != nil {
			t.Fatal(err)
		}
		if !hasWarning(i, ErrTruncated) || i.Width != 800 || i.Camera() != "Canon EOS R6" {
			t.Errorf("want size, camera and a truncation warning: %+v", i)
		}
	})
	t.Run("cut in the EXIF", func(t *testing.T) {
		_, err := readBytes(t, "cut.jpg", full[:200])
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("got %v, want ErrDamaged", err)
		}
	})
	t.Run("only the signature", func(t *testing.T) {
		_, err := readBytes(t, "cut.jpg", full[:3])
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("got %v, want ErrDamaged", err)
		}
	})
	t.Run("complete file has no warning", func(t *testing.T) {
		i, err := readBytes(t, "ok.jpg", full)
		if err != nil || len(i.Warnings) != 0 {
			t.Errorf("%v %v", err, i.Warnings)
		}
	})
}

func TestHugePNGRefused(t *testing.T) {
	i, err := readBytes(t, "riesig.png", pngFile(t, 8, 8, 50_000, 50_000))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	if i.Width != 50_000 || i.Height != 50_000 {
		t.Errorf("the refusal should still tell the size: %d×%d", i.Width, i.Height)
	}
	// 10,000 × 10,000 is exactly the limit and passes.
	if _, err := readBytes(t, "gross.png", pngFile(t, 8, 8, 10_000, 10_000)); err != nil {
		t.Errorf("100 MP: %v", err)
	}
}

func TestDamagedHEIC(t *testing.T) {
	good := heicSpec{w: 4032, h: 3024, exif: cameraEXIF(t), xmp: testXMP}.build()
	meta := bytes.Index(good, []byte("meta"))
	tests := []struct {
		name string
		b    []byte
		err  error
	}{
		{"no ispe", heicSpec{w: 1, h: 1, noIspe: true}.build(), ErrDamaged},
		{"cut inside meta", good[:meta+60], ErrDamaged},
		{"only ftyp", good[:meta-4], ErrDamaged},
		{"garbage after ftyp", append(append([]byte{}, good[:meta-4]...), bytes.Repeat([]byte{0xAB}, 500)...), ErrDamaged},
		{"huge ispe", heicSpec{w: 60_000, h: 60_000}.build(), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readBytes(t, "IMG.HEIC", tt.b)
			if !errors.Is(err, tt.err) {
				t.Errorf("got %v, want %v", err, tt.err)
			}
		})
	}
	t.Run("items outside the file", func(t *testing.T) {
		// Cut the mdat off: size from ispe is still there, EXIF is not.
		i, err := readBytes(t, "IMG.HEIC", good[:bytes.LastIndex(good, []byte("mdat"))+20])
		if err != nil || i.Width != 4032 || i.CameraMake != "" || !hasWarning(i, ErrTruncated) {
			t.Errorf("%v %+v", err, i)
		}
	})
}

func TestContentWinsOverName(t *testing.T) {
	for _, tt := range []struct {
		name   string
		b      []byte
		format Format
	}{
		{"Plakat.jpg", pngFile(t, 40, 30, 0, 0), FormatPNG},
		{"Foto.png", jpegFile(t, 40, 30), FormatJPEG},
	} {
		i, err := readBytes(t, tt.name, tt.b)
		if err != nil || i.Format != tt.format || i.Width != 40 || i.Format.Ext() == "" {
			t.Errorf("%s: %v %+v", tt.name, err, i)
		}
	}
}

func TestOddEXIF(t *testing.T) {
	pinNow(t)
	o := binary.LittleEndian
	camera := []entry{ascii(tagMake, "Canon"), ascii(tagModel, "EOS 5D")}
	tests := []struct {
		name    string
		spec    exifSpec
		warning error
		check   func(t *testing.T, i Info)
	}{
		{"date 2099", exifSpec{ifd0: camera, exif: []entry{ascii(tagDateTimeOriginal, "2099:01:01 00:00:00")}}, ErrImplausibleDate, nil},
		{"date 2216", exifSpec{ifd0: camera, exif: []entry{ascii(tagDateTimeOriginal, "2216:06:30 12:00:00"), ascii(tagOffsetOriginal, "+01:00")}}, ErrImplausibleDate, nil},
		{"no date", exifSpec{ifd0: camera}, nil, nil},
		{"zero date", exifSpec{ifd0: camera, exif: []entry{ascii(tagDateTimeOriginal, "0000:00:00 00:00:00")}}, nil, nil},
		{"garbage date", exifSpec{ifd0: camera, exif: []entry{ascii(tagDateTimeOriginal, "gestern abend, 20 Uhr")}}, ErrBadMetadata, nil},
		{"bad original, good digitized", exifSpec{ifd0: camera, exif: []entry{ascii(tagDateTimeOriginal, "2216:01:01 00:00:00"), ascii(tagDateTimeDigitized, "2019:07:01 09:00:00")}}, ErrImplausibleDate,
			func(t *testing.T, i Info) {
				if i.Taken.Year() != 2019 || i.DateFrom != DateEXIF {
					t.Errorf("digitized date not used: %v", i.Taken)
				}
			}},
		{"bad offset", exifSpec{ifd0: camera, exif: []entry{ascii(tagDateTimeOriginal, "2019:07:01 09:00:00"), ascii(tagOffsetOriginal, "+99:99")}}, nil,
			func(t *testing.T, i Info) {
				if i.TakenZone || i.Taken.Year() != 2019 {
					t.Errorf("a broken offset leaves a wall-clock date: %v %v", i.Taken, i.TakenZone)
				}
			}},
		{"orientation 9", exifSpec{ifd0: append(camera, short(o, tagOrientation, 9))}, ErrBadMetadata, func(t *testing.T, i Info) {
			if i.Orientation != 1 {
				t.Errorf("orientation %d", i.Orientation)
			}
		}},
		{"unknown type and huge count", exifSpec{ifd0: append(camera, entry{tagArtist, 99, 5, []byte("abcde")}, entry{tagCopyright, 2, 0x7fffffff, []byte{1, 2, 3, 4, 5}})}, ErrBadMetadata, nil},
		{"IFD1 pointing back at IFD0", exifSpec{ifd0: camera, thumb: jpegFile(t, 16, 16), loop: true}, nil, nil},
		{"Exif IFD out of range", exifSpec{ifd0: camera, exifOffset: 0xFFFFFFF0}, ErrBadMetadata, nil},
		{"Exif IFD pointing at IFD0", exifSpec{ifd0: camera, exifOffset: 8}, ErrBadMetadata, nil},
		{"GPS all zero", exifSpec{ifd0: camera, gps: []entry{rationals(o, tagGPSLatitude, 0, 1, 0, 1, 0, 1), rationals(o, tagGPSLongitude, 0, 1, 0, 1, 0, 1)}}, nil,
			func(t *testing.T, i Info) {
				if i.HasGPS {
					t.Error("0/0 is no position")
				}
			}},
		{"big endian", exifSpec{order: binary.BigEndian, ifd0: []entry{ascii(tagMake, "Canon"), ascii(tagModel, "EOS 5D"), short(binary.BigEndian, tagOrientation, 8)}}, nil,
			func(t *testing.T, i Info) {
				if i.Orientation != 8 {
					t.Errorf("orientation %d", i.Orientation)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, err := readBytes(t, "odd.jpg", jpegFile(t, 64, 48, app1EXIF(tt.spec.build())))
			if err != nil {
				t.Fatal(err)
			}
			if i.Camera() != "Canon EOS 5D" || i.Width != 64 {
				t.Errorf("what could be read is lost: camera %q size %d", i.Camera(), i.Width)
			}
			if tt.warning != nil && !hasWarning(i, tt.warning) {
				t.Errorf("warnings %v, want %v", i.Warnings, tt.warning)
			}
			if tt.warning == nil && len(i.Warnings) > 0 {
				t.Errorf("unexpected warnings %v", i.Warnings)
			}
			if tt.check == nil && (i.DateFrom != DateNone || !i.Taken.IsZero()) {
				t.Errorf("date %v from %q should fall back to the file's", i.Taken, i.DateFrom)
			}
			if tt.check != nil {
				tt.check(t, i)
			}
		})
	}
}

func TestBrokenXMPKeepsWhatCameBefore(t *testing.T) {
	broken := testXMP[:strings.Index(testXMP, "<dc:rights>")] + "<dc:rights><rdf:Alt><rdf:li"
	i, err := readBytes(t, "x.jpg", jpegFile(t, 20, 20, app1XMP(broken)))
	if err != nil {
		t.Fatal(err)
	}
	if i.Title != "Rathaus im Frühling" || i.Credit == "" || !hasWarning(i, ErrBadMetadata) {
		t.Errorf("%+v", i)
	}
}

func TestBrokenMovies(t *testing.T) {
	good := movieSpec{brand: "isom", scale: 1000, dur: 5000, w: 1280, h: 720, mdatPayload: 4000}
	atEnd := good
	atEnd.moovAtEnd = true
	b := atEnd.build()
	tests := []struct {
		name string
		b    []byte
		err  error
	}{
		{"recording cut before its index", b[:124], ErrDamaged},
		{"only ftyp", good.build()[:24], ErrDamaged},
		{"box size smaller than its header", append(good.build()[:24], 0, 0, 0, 3, 'm', 'o', 'o', 'v'), ErrDamaged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readBytes(t, "v.mp4", tt.b)
			if !errors.Is(err, tt.err) {
				t.Errorf("got %v, want %v", err, tt.err)
			}
		})
	}
	t.Run("moov cut off", func(t *testing.T) {
		i, err := readBytes(t, "v.mp4", b[:len(b)-150])
		if err != nil || !hasWarning(i, ErrTruncated) || i.Duration.Seconds() != 5 {
			t.Errorf("%v %+v", err, i)
		}
	})
	t.Run("mdat cut off after moov", func(t *testing.T) {
		b := good.build()
		i, err := readBytes(t, "v.mp4", b[:len(b)-1000])
		if err != nil || i.Duration.Seconds() != 5 || !hasWarning(i, ErrTruncated) {
			t.Errorf("%v %+v", err, i)
		}
	})
}

// Hostile headers that promise gigabytes cost no more than a few
// megabytes: every length is checked before anything is allocated.
func TestHostileLengthsStayBounded(t *testing.T) {
	o := binary.LittleEndian
	hugeBox := append(bx("ftyp", []byte("heic"), u32(0), []byte("mif1heic")),
		cat(u32(1), []byte("meta"), u64(1<<40))...)
	hugeIloc := bx("iloc", fullbox(1, 0), u16(0x4400), u16(1), u16(2), u16(0), u16(0), u16(1), u32(0), u32(0xFFFFFFF0))
	hostile := [][]byte{
		hugeBox,
		cat(bx("ftyp", []byte("heic"), u32(0), []byte("mif1heic")), bx("meta", fullbox(0, 0), hugeIloc)),
		jpegFile(t, 8, 8, app1EXIF(exifSpec{ifd0: []entry{{tagMake, 2, 0xFFFFFFFF, []byte{0, 0, 0, 0, 1}}, long(o, tagXMP, 0)}}.build())),
		pngWithChunks(pngFile(t, 8, 8, 0, 0), chunk("iTXt", nil)[:4], []byte("\xff\xff\xff\xf0eXIf")),
		append([]byte("RIFF\xff\xff\xff\xffWEBPEXIF\xf0\xff\xff\xff"), make([]byte, 64)...),
		// 200 large text chunks that are not XMP: none is read whole.
		pngWithChunks(pngFile(t, 8, 8, 0, 0), bytes.Repeat(chunk("iTXt", make([]byte, 100<<10)), 200)),
		// 40 copies of a 1 MB iloc: only the first is parsed.
		cat(bx("ftyp", []byte("heic"), u32(0), []byte("mif1heic")), bx("meta", fullbox(0, 0),
			bytes.Repeat(bx("iloc", fullbox(1, 0), u16(0x4400), u16(0xFFFF), make([]byte, 1<<20)), 40))),
	}
	for k, b := range hostile {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Read(bytes.NewReader(b), int64(len(b)), "x.heic")
		runtime.ReadMemStats(&after)
		if grown := after.TotalAlloc - before.TotalAlloc; grown > 8<<20+uint64(len(b)/50) {
			t.Errorf("hostile file %d allocated %d bytes", k, grown)
		}
	}
}

// A PDF made of nothing but page tree fragments costs linear time: the
// look-around for each candidate is budgeted.
func TestPDFPathologicalIsFast(t *testing.T) {
	b := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("<< /Type /Pages "), 1<<16)...)
	start := time.Now()
	i, err := Read(bytes.NewReader(b), int64(len(b)), "x.pdf")
	if err != nil || i.Pages != 0 {
		t.Errorf("%v %d", err, i.Pages)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestReadFileNotARegularFile(t *testing.T) {
	if _, err := ReadFile(t.TempDir()); !errors.Is(err, ErrUnsupported) {
		t.Errorf("folder: %v", err)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "fehlt.jpg")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// Every error and warning a file can cause has a sentence for the UI,
// also when wrapped with detail.
func TestKeys(t *testing.T) {
	for _, k := range keys {
		if got := Key(fmt.Errorf("read x.jpg: %w", k.err)); got != k.key || got == "" {
			t.Errorf("Key(%v) = %q", k.err, got)
		}
	}
	if Key(fs.ErrPermission) != "" || Key(nil) != "" {
		t.Error("foreign errors have no key of ours")
	}
	// A warning from a real file maps too.
	i, _ := readBytes(t, "x.jpg", jpegFile(t, 8, 8, app1EXIF(exifSpec{exifOffset: 0xFFFFFF00}.build())))
	if len(i.Warnings) == 0 || Key(i.Warnings[0]) == "" {
		t.Errorf("warnings %v", i.Warnings)
	}
}

// Stray bytes between segments (some old scanners write them) are skipped
// as decoders do; the picture keeps its size and metadata.
func TestJPEGStrayBytesBetweenSegments(t *testing.T) {
	b := jpegFile(t, 40, 30, app1EXIF(cameraEXIF(t)), []byte{0, 0, 0x20})
	i, err := readBytes(t, "scan.jpg", b)
	if err != nil || i.Width != 40 || i.Camera() != "Canon EOS R6" {
		t.Errorf("%v %+v", err, i)
	}
}
