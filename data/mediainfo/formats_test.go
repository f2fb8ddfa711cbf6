package mediainfo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color/palette"
	"image/gif"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/webp"
)

func readBytes(t *testing.T, name string, b []byte) (Info, error) {
	t.Helper()
	return ReadFile(writeFile(t, name, b))
}

func TestSniffByContentNotName(t *testing.T) {
	jp := jpegFile(t, 20, 10)
	pn := pngFile(t, 20, 10, 0, 0)
	var gf bytes.Buffer
	if err := gif.Encode(&gf, image.NewPaletted(image.Rect(0, 0, 20, 10), palette.Plan9), nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		b      []byte
		kind   Kind
		format Format
		err    error
	}{
		{"photo.png", jp, KindImage, FormatJPEG, nil},
		{"grafik.jpg", pn, KindImage, FormatPNG, nil},
		{"anim.webp", gf.Bytes(), KindImage, FormatGIF, nil},
		{"IMG_0001.HEIC", heicSpec{w: 20, h: 10}.build(), KindImage, FormatHEIC, nil},
		{"clip.mov", movieSpec{brand: "qt  ", scale: 600, dur: 600, w: 20, h: 10}.build(), KindVideo, FormatMOV, nil},
		{"clip.m4v", movieSpec{brand: "M4V ", scale: 600, dur: 600, w: 20, h: 10}.build(), KindVideo, FormatMP4, nil},
		{"flyer.txt", []byte("%PDF-1.4\n"), KindDocument, FormatPDF, nil},
		{"Antrag.docx", []byte("PK\x03\x04 office"), KindDocument, FormatOther, nil},
		{"notes.exe", []byte("MZ\x90\x00"), "", "", ErrUnsupported},
		{"photo.jpg", []byte("this is no picture at all"), "", "", ErrDamaged},
		{"leer.jpg", nil, "", "", ErrEmpty},
		{"avif.jpg", bx("ftyp", []byte("avif"), u32(0), []byte("mif1avif")), "", "", ErrDamaged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, f, err := Sniff(bytes.NewReader(tt.b), int64(len(tt.b)), tt.name)
			if k != tt.kind || f != tt.format || !errors.Is(err, tt.err) {
				t.Errorf("Sniff = %q %q %v, want %q %q %v", k, f, err, tt.kind, tt.format, tt.err)
			}
		})
	}
}

func TestReadStillFormats(t *testing.T) {
	pinNow(t)
	var gf bytes.Buffer
	gif.Encode(&gf, image.NewPaletted(image.Rect(0, 0, 33, 17), palette.Plan9), nil)
	pngEXIF := pngWithChunks(pngFile(t, 30, 20, 0, 0), chunk("eXIf", cameraEXIF(t)),
		chunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"+testXMP)))
	tiffFile := exifSpec{ifd0: []entry{long(binary.LittleEndian, tagImageWidth, 4000), long(binary.LittleEndian, tagImageLength, 3000),
		ascii(tagMake, "Nikon"), entry{tagXMP, 1, uint32(len(testXMP)), []byte(testXMP)}},
		exif: []entry{ascii(tagDateTimeOriginal, "2020:01:02 03:04:05")}}.build()
	tests := []struct {
		name  string
		b     []byte
		w, h  int
		check func(t *testing.T, i Info)
	}{
		{"a.gif", gf.Bytes(), 33, 17, nil},
		{"b.png", pngEXIF, 30, 20, func(t *testing.T, i Info) {
			if i.Orientation != 6 || i.Title != "Rathaus im Frühling" || !i.HasGPS || i.DateFrom != DateEXIF {
				t.Errorf("PNG metadata %+v", i)
			}
		}},
		{"c.webp", webpFile(4000, 3000, cameraEXIF(t), testXMP), 4000, 3000, func(t *testing.T, i Info) {
			if i.Camera() != "Canon EOS R6" || i.AltText == "" {
				t.Errorf("WebP metadata %+v", i)
			}
		}},
		{"d.tif", tiffFile, 4000, 3000, func(t *testing.T, i Info) {
			if i.CameraMake != "Nikon" || i.Credit != "Stadt Musterstadt / Pressestelle" || i.Taken.Year() != 2020 {
				t.Errorf("TIFF metadata %+v", i)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, err := readBytes(t, tt.name, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if i.Width != tt.w || i.Height != tt.h {
				t.Errorf("size %d×%d, want %d×%d", i.Width, i.Height, tt.w, tt.h)
			}
			if tt.check != nil {
				tt.check(t, i)
			}
		})
	}
}

// The VP8L header written by hand must agree with x/image/webp.
func TestWebPLossless(t *testing.T) {
	b := webpLossless(1234, 567)
	cfg, err := webp.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	i, err := readBytes(t, "l.webp", b)
	if err != nil || i.Width != cfg.Width || i.Height != cfg.Height || cfg.Width != 1234 {
		t.Errorf("ours %d×%d (%v), x/image %d×%d", i.Width, i.Height, err, cfg.Width, cfg.Height)
	}
}

func TestReadHEIC(t *testing.T) {
	pinNow(t)
	b := heicSpec{w: 4032, h: 3024, rot: 3, exif: cameraEXIF(t), xmp: testXMP}.build()
	i, err := readBytes(t, "IMG_0815.HEIC", b)
	if err != nil {
		t.Fatal(err)
	}
	// irot 270° turns 4032×3024 upright; the decoder applies it, so the
	// EXIF orientation 6 must not be applied again.
	if i.Width != 3024 || i.Height != 4032 || i.Orientation != 1 {
		t.Errorf("size %d×%d orientation %d", i.Width, i.Height, i.Orientation)
	}
	if i.Camera() != "Canon EOS R6" || !i.HasGPS || i.DateFrom != DateEXIF || i.Credit == "" || len(i.Tags) != 2 {
		t.Errorf("metadata %+v", i)
	}
	if i.Thumbnail.Length != 0 {
		t.Errorf("HEIC thumbnail offsets are item-relative and must not be offered: %v", i.Thumbnail)
	}
}

func TestReadMovie(t *testing.T) {
	pinNow(t)
	created := uint32(time.Date(2025, 6, 1, 8, 30, 0, 0, time.UTC).Sub(epoch1904) / time.Second)
	for _, tt := range []struct {
		name string
		spec movieSpec
	}{
		{"moov-first.mp4", movieSpec{brand: "isom", created: created, scale: 1000, dur: 83_500, w: 1920, h: 1080, rotate90: true, mdatPayload: 5000}},
		{"moov-last.mov", movieSpec{brand: "qt  ", created: created, scale: 1000, dur: 83_500, w: 1920, h: 1080, rotate90: true, moovAtEnd: true, mdatPayload: 5000}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			i, err := readBytes(t, tt.name, tt.spec.build())
			if err != nil {
				t.Fatal(err)
			}
			if i.Kind != KindVideo || i.Duration != 83500*time.Millisecond || i.Width != 1920 || i.Height != 1080 || i.Orientation != 6 {
				t.Errorf("%+v", i)
			}
			if !i.Taken.Equal(time.Date(2025, 6, 1, 8, 30, 0, 0, time.UTC)) || i.DateFrom != DateContainer {
				t.Errorf("taken %v from %q", i.Taken, i.DateFrom)
			}
		})
	}
}

// An iPhone video: the creation date with its local offset, camera and
// the presence of a location come from the Apple metadata keys.
func TestReadAppleMovie(t *testing.T) {
	pinNow(t)
	created := uint32(time.Date(2025, 6, 1, 8, 30, 0, 0, time.UTC).Sub(epoch1904) / time.Second)
	i, err := readBytes(t, "IMG_0001.MOV", movieSpec{brand: "qt  ", created: created, scale: 600, dur: 6000, w: 1920, h: 1080, apple: true}.build())
	if err != nil {
		t.Fatal(err)
	}
	if _, off := i.Taken.Zone(); !i.Taken.Equal(time.Date(2025, 6, 1, 8, 30, 0, 0, time.UTC)) || off != 7200 || !i.TakenZone {
		t.Errorf("taken %v", i.Taken)
	}
	if !i.HasGPS || i.Camera() != "Apple iPhone 15 Pro" || i.Duration != 10*time.Second {
		t.Errorf("%+v", i)
	}
}

func TestReadPDFPages(t *testing.T) {
	plain := pdfFile(7, false)
	compressed := pdfFile(12, true)
	// An incremental update appends a newer page tree root: it wins.
	updated := append(append([]byte{}, plain...), "\n9 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 8 >>\nendobj\n%%EOF\n"...)
	for _, tt := range []struct {
		name  string
		b     []byte
		pages int
	}{
		{"plain.pdf", plain, 7},
		{"objstm.pdf", compressed, 12},
		{"updated.pdf", updated, 8},
		{"broken.pdf", []byte("%PDF-1.7\n garbage"), 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			i, err := readBytes(t, tt.name, tt.b)
			if err != nil || i.Kind != KindDocument || i.Pages != tt.pages {
				t.Errorf("pages %d (%v), want %d", i.Pages, err, tt.pages)
			}
		})
	}
}

// pdfFile writes a PDF whose page tree has n pages, the tree in an
// object stream when compressed.
func pdfFile(n int, compressed bool) []byte {
	var kids []string
	for k := range n {
		kids = append(kids, fmt.Sprintf("%d 0 R", 10+k))
	}
	root := fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	page := "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
	var b strings.Builder
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	if !compressed {
		fmt.Fprintf(&b, "2 0 obj\n%s\nendobj\n", root)
		for k := range n {
			fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", 10+k, page)
		}
	} else {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		fmt.Fprintf(w, "2 0 %s %s", root, strings.Repeat(page+" ", n))
		w.Close()
		fmt.Fprintf(&b, "5 0 obj\n<< /Type /ObjStm /N %d /First 4 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n", n+1, z.Len(), z.Bytes())
	}
	b.WriteString("trailer\n<< /Root 1 0 R >>\n%%EOF\n")
	return []byte(b.String())
}

func chunk(typ string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(b, typ...)
	b = append(b, data...)
	return binary.BigEndian.AppendUint32(b, 0) // CRC is not checked by readers of headers
}

// pngWithChunks inserts chunks after IHDR.
func pngWithChunks(p []byte, chunks ...[]byte) []byte {
	out := append([]byte{}, p[:33]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, p[33:]...)
}

func riff(chunks ...[]byte) []byte {
	body := append([]byte("WEBP"), bytes.Join(chunks, nil)...)
	b := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...)
	return append(b, body...)
}

func riffChunk(typ string, data []byte) []byte {
	b := append([]byte(typ), binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
	b = append(b, data...)
	if len(data)%2 == 1 {
		b = append(b, 0)
	}
	return b
}

// webpFile is an extended WebP (VP8X canvas) with EXIF and XMP chunks;
// the image chunk is a stub, since nothing decodes it.
func webpFile(w, h int, exif []byte, xmp string) []byte {
	vp8x := make([]byte, 10)
	vp8x[0] = 0x08 | 0x04
	for i, v := range []int{w - 1, h - 1} {
		vp8x[4+3*i], vp8x[5+3*i], vp8x[6+3*i] = byte(v), byte(v>>8), byte(v>>16)
	}
	return riff(riffChunk("VP8X", vp8x), riffChunk("VP8L", []byte{0x2f, 0, 0, 0, 0}),
		riffChunk("EXIF", exif), riffChunk("XMP ", []byte(xmp)))
}

// webpLossless is a simple lossless WebP header (enough for DecodeConfig).
func webpLossless(w, h int) []byte {
	v := uint32(w-1) | uint32(h-1)<<14
	return riff(riffChunk("VP8L", append([]byte{0x2f}, binary.LittleEndian.AppendUint32(nil, v)...)))
}
