package render

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"feedtakt/data/mediainfo"
	"feedtakt/data/upload"
)

// exifWithGPS builds a big-endian EXIF block with the given orientation
// and a GPS position (52.52 N, 13.40 E): what a phone writes.
func exifWithGPS(orientation uint16) []byte {
	o := binary.BigEndian
	var b []byte
	b = append(b, "MM\x00\x2a"...)
	b = o.AppendUint32(b, 8)
	entry := func(tag, typ uint16, count, value uint32) {
		b = o.AppendUint16(b, tag)
		b = o.AppendUint16(b, typ)
		b = o.AppendUint32(b, count)
		b = o.AppendUint32(b, value)
	}
	// IFD0 at 8: Orientation, GPS IFD pointer (2 entries → 30 bytes).
	b = o.AppendUint16(b, 2)
	entry(0x0112, 3, 1, uint32(orientation)<<16) // SHORT, left-justified
	entry(0x8825, 4, 1, 38)
	b = o.AppendUint32(b, 0)
	// GPS IFD at 38: 4 entries → 54 bytes; rationals follow at 92.
	b = o.AppendUint16(b, 4)
	entry(0x0001, 2, 2, uint32('N')<<24)
	entry(0x0002, 5, 3, 92)
	entry(0x0003, 2, 2, uint32('E')<<24)
	entry(0x0004, 5, 3, 116)
	b = o.AppendUint32(b, 0)
	for _, v := range []uint32{52, 1, 31, 1, 12, 1, 13, 1, 24, 1, 0, 1} {
		b = o.AppendUint32(b, v)
	}
	return b
}

func segment(marker byte, payload []byte) []byte {
	s := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(s[2:], uint16(len(payload)+2))
	return append(s, payload...)
}

// halves is a w×h picture: the left half red, the right half blue, with a
// little noise so the encoder has real work.
func halves(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rnd := rand.New(rand.NewPCG(1, 2))
	for y := range h {
		for x := range w {
			n := uint8(rnd.IntN(24))
			c := color.RGBA{220 + n/2, n, n, 255}
			if x >= w/2 {
				c = color.RGBA{n, n, 220 + n/2, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// phoneJPEG writes a JPEG of img carrying EXIF with GPS and orientation,
// an XMP packet with a position and a comment, as a phone or an editing
// program leaves them.
func phoneJPEG(t testing.TB, img image.Image, orientation uint16) string {
	t.Helper()
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, img, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	raw := enc.Bytes()
	var out []byte
	out = append(out, raw[:2]...)
	out = append(out, segment(0xE1, append([]byte("Exif\x00\x00"), exifWithGPS(orientation)...))...)
	xmp := `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
		`<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,31.2N" exif:GPSLongitude="13,24.0E"/></rdf:RDF></x:xmpmeta>`
	out = append(out, segment(0xE1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), xmp...))...)
	out = append(out, segment(0xFE, []byte("Musterweg 5, privat"))...)
	out = append(out, raw[2:]...)
	p := filepath.Join(t.TempDir(), "IMG_4711.jpg")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// markers lists the JPEG segment markers before the scan data.
func markers(t *testing.T, b []byte) []byte {
	t.Helper()
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		t.Fatal("not a JPEG")
	}
	var ms []byte
	i := 2
	for i+4 <= len(b) {
		if b[i] != 0xFF {
			t.Fatalf("no marker at %d", i)
		}
		m := b[i+1]
		ms = append(ms, m)
		if m == 0xDA {
			break
		}
		i += 2 + int(binary.BigEndian.Uint16(b[i+2:]))
	}
	return ms
}

func decodeRGBAAt(t *testing.T, b []byte, x, y int) (r, g, bl uint8) {
	t.Helper()
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
	return c.R, c.G, c.B
}

func TestRenderWritesNoMetadata(t *testing.T) {
	src := phoneJPEG(t, halves(1600, 1200), 1)
	info, err := mediainfo.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if !info.HasGPS {
		t.Fatal("the test source should carry GPS")
	}
	raw, _ := os.ReadFile(src)
	if !bytes.Contains(raw, []byte("Exif")) || !bytes.Contains(raw, []byte("Musterweg")) {
		t.Fatal("the test source should carry EXIF and a comment")
	}
	f := upload.Defaults()[1] // Instagram 1:1
	res, err := Copy(context.Background(), Request{Src: src, Orientation: 1, Size: image.Pt(1600, 1200), Format: f})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range markers(t, res.JPEG) {
		if (m >= 0xE0 && m <= 0xEF) || m == 0xFE {
			t.Errorf("output has segment FF%02X (APPn or comment)", m)
		}
	}
	for _, s := range []string{"Exif", "GPS", "http://ns.adobe.com", "Musterweg", "ICC_PROFILE", "JFIF"} {
		if bytes.Contains(res.JPEG, []byte(s)) {
			t.Errorf("output contains %q", s)
		}
	}
	out := filepath.Join(t.TempDir(), "out.jpg")
	os.WriteFile(out, res.JPEG, 0o644)
	if info, err := mediainfo.ReadFile(out); err != nil || info.HasGPS || info.Orientation > 1 {
		t.Errorf("output read back: %+v, %v", info, err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(res.JPEG))
	if err != nil || cfg.Width != 1080 || cfg.Height != 1080 || res.Size != image.Pt(1080, 1080) {
		t.Errorf("size %dx%d (%v), %v", cfg.Width, cfg.Height, res.Size, err)
	}
	if res.Quality != Quality {
		t.Errorf("quality %d without a cap", res.Quality)
	}
}

func TestRenderSizesCropsAndOrients(t *testing.T) {
	ctx := context.Background()
	fs := map[string]upload.Format{}
	for _, f := range upload.Defaults() {
		fs[f.ID] = f
	}
	src := phoneJPEG(t, halves(2400, 1600), 1)
	small := phoneJPEG(t, halves(1200, 800), 1)
	for _, id := range []string{"instagram-4x5", "instagram-1x1", "instagram-9x16", "instagram-1-91x1", "facebook-landscape", "linkedin-landscape", "x-16x9"} {
		f := fs[id]
		res, err := Copy(ctx, Request{Src: small, Orientation: 1, Size: image.Pt(1200, 800), Format: f})
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		cfg, _ := jpeg.DecodeConfig(bytes.NewReader(res.JPEG))
		if cfg.Width != f.Width || cfg.Height != f.Height {
			t.Errorf("%s: %dx%d, want %dx%d", id, cfg.Width, cfg.Height, f.Width, f.Height)
		}
	}
	// A crop of the left (red) half gives a red picture, of the right a blue one.
	f := fs["instagram-1x1"]
	left, err := Copy(ctx, Request{Src: src, Orientation: 1, Size: image.Pt(2400, 1600), Format: f, Crop: image.Rect(0, 0, 1000, 1000)})
	if err != nil {
		t.Fatal(err)
	}
	if r, _, b := decodeRGBAAt(t, left.JPEG, 540, 540); r < 150 || b > 80 {
		t.Errorf("left crop is not red: r=%d b=%d", r, b)
	}
	right, _ := Copy(ctx, Request{Src: src, Orientation: 1, Size: image.Pt(2400, 1600), Format: f, Crop: image.Rect(1400, 600, 2400, 1600)})
	if r, _, b := decodeRGBAAt(t, right.JPEG, 540, 540); b < 150 || r > 80 {
		t.Errorf("right crop is not blue: r=%d b=%d", r, b)
	}
	// Orientation 6: the stored landscape (red left, blue right) is shown
	// turned clockwise: portrait, red on top, blue below.
	src6 := phoneJPEG(t, halves(1600, 1200), 6)
	res, err := Copy(ctx, Request{Src: src6, Orientation: 6, Size: image.Pt(1200, 1600), Format: fs["instagram-4x5"], Crop: image.Rect(0, 0, 1200, 1500)})
	if err != nil {
		t.Fatal(err)
	}
	if r, _, b := decodeRGBAAt(t, res.JPEG, 540, 100); r < 150 || b > 80 {
		t.Errorf("orientation 6: top not red (r=%d b=%d)", r, b)
	}
	if r, _, b := decodeRGBAAt(t, res.JPEG, 540, 1300); b < 150 || r > 80 {
		t.Errorf("orientation 6: bottom not blue (r=%d b=%d)", r, b)
	}
	// Orientation 8 turns the other way: blue on top.
	src8 := phoneJPEG(t, halves(1600, 1200), 8)
	res, err = Copy(ctx, Request{Src: src8, Orientation: 8, Size: image.Pt(1200, 1600), Format: fs["instagram-4x5"]})
	if err != nil {
		t.Fatal(err)
	}
	if r, _, b := decodeRGBAAt(t, res.JPEG, 540, 100); b < 150 || r > 80 {
		t.Errorf("orientation 8: top not blue (r=%d b=%d)", r, b)
	}
	// A limit format keeps the shape and obeys the long side.
	res, err = Copy(ctx, Request{Src: src, Orientation: 1, Size: image.Pt(2400, 1600), Format: fs["bluesky"]})
	if err != nil || res.Size != image.Pt(2000, 1333) {
		t.Errorf("Bluesky: %v, %v", res.Size, err)
	}
	// Enlarging is reported.
	res, err = Copy(ctx, Request{Src: src, Orientation: 1, Size: image.Pt(2400, 1600), Format: fs["instagram-1x1"], Crop: image.Rect(0, 0, 500, 500)})
	if err != nil || !res.Upscaled || res.Size != image.Pt(1080, 1080) {
		t.Errorf("small crop: %+v, %v", res.Size, err)
	}
}

// noisy is a picture that compresses badly: the worst case for a byte cap.
func noisy(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rnd := rand.New(rand.NewPCG(3, 4))
	for i := range img.Pix {
		img.Pix[i] = uint8(rnd.IntN(256))
	}
	return img
}

func TestRenderRespectsByteCap(t *testing.T) {
	var b bytes.Buffer
	if err := png.Encode(&b, noisy(1600, 1200)); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "rauschen.png")
	os.WriteFile(src, b.Bytes(), 0o644)
	var bsky upload.Format
	for _, f := range upload.Defaults() {
		if f.ID == "bluesky" {
			bsky = f
		}
	}
	res, err := Copy(context.Background(), Request{Src: src, Format: bsky})
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(res.JPEG)) > bsky.MaxBytes {
		t.Errorf("%d bytes, cap %d", len(res.JPEG), bsky.MaxBytes)
	}
	if res.Quality >= Quality && res.Size == image.Pt(1600, 1200) {
		t.Errorf("noise at full size and quality %d fits 1 MB? size %v, %d bytes", res.Quality, res.Size, len(res.JPEG))
	}
	t.Logf("noise 1600×1200 → %v at quality %d, %d bytes", res.Size, res.Quality, len(res.JPEG))
	// A fixed format with a cap it cannot meet says so.
	tight := upload.Format{Name: "eng", Fit: upload.FitCrop, Width: 1600, Height: 1200, MaxBytes: upload.MinMaxBytes}
	if _, err := Copy(context.Background(), Request{Src: src, Format: tight}); !errors.Is(err, ErrTooBig) {
		t.Errorf("impossible cap: %v", err)
	}
}

func TestRenderRefusesWhatIsNoPicture(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "flyer.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o644)
	if _, err := Copy(context.Background(), Request{Src: pdf, Format: upload.Defaults()[0]}); !errors.Is(err, ErrNotPicture) {
		t.Errorf("PDF: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	src := phoneJPEG(t, halves(800, 600), 1)
	if _, err := Copy(ctx, Request{Src: src, Format: upload.Defaults()[0]}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
