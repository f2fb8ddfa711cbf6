package exchange

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"feedtakt/data"
)

// withOrientation puts a real EXIF segment (APP1, little-endian TIFF with
// one IFD holding the Orientation tag) right after the JPEG's start marker,
// as a phone writes it.
func withOrientation(jpg []byte, o int) []byte {
	tiff := make([]byte, 26)
	copy(tiff, "II*\x00")
	binary.LittleEndian.PutUint32(tiff[4:], 8) // first IFD
	binary.LittleEndian.PutUint16(tiff[8:], 1) // one entry
	binary.LittleEndian.PutUint16(tiff[10:], 0x0112)
	binary.LittleEndian.PutUint16(tiff[12:], 3) // SHORT
	binary.LittleEndian.PutUint32(tiff[14:], 1)
	binary.LittleEndian.PutUint16(tiff[18:], uint16(o))
	// tiff[22:26]: no next IFD
	body := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(2+len(body)))
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, body...)
	return append(out, jpg[2:]...)
}

var (
	red  = color.RGBA{220, 20, 20, 255}
	blue = color.RGBA{20, 20, 220, 255}
)

// uprightTestJPEG is a landscape picture as the camera stored it, 240 × 160,
// red in its upper half and blue in its lower half.
func uprightTestJPEG(t *testing.T, o int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 240, 160))
	for y := range 160 {
		c := red
		if y >= 80 {
			c = blue
		}
		for x := range 240 {
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return withOrientation(buf.Bytes(), o)
}

var pdfImage = regexp.MustCompile(`/Subtype /Image\n/Width (\d+)\n/Height (\d+)\n[^>]*?/Filter /DCTDecode\n/Length (\d+)>>\nstream\n`)

// embeddedJPEGs decodes the JPEG pictures embedded in a PDF, by width.
func embeddedJPEGs(t *testing.T, b []byte) map[int]image.Image {
	t.Helper()
	out := map[int]image.Image{}
	for _, m := range pdfImage.FindAllSubmatchIndex(b, -1) {
		w, _ := strconv.Atoi(string(b[m[2]:m[3]]))
		h, _ := strconv.Atoi(string(b[m[4]:m[5]]))
		n, _ := strconv.Atoi(string(b[m[6]:m[7]]))
		img, err := jpeg.Decode(bytes.NewReader(b[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
			t.Fatalf("image object says %d×%d, the JPEG is %v", w, h, img.Bounds())
		}
		out[w] = img
	}
	return out
}

// isRed and isBlue tell the test picture's two colours apart after JPEG.
func isRed(c color.Color) bool {
	r, _, b, _ := c.RGBA()
	return r > 2*b
}

func isBlue(c color.Color) bool {
	r, _, b, _ := c.RGBA()
	return b > 2*r
}

// Photos taken with the phone held upright or upside down carry EXIF
// orientation 6, 8 or 3: the import reads it, and the Akte's small
// pictures stand the right way up — width and height swapped for 6 and 8,
// the red upper half of the stored picture on the right (6), on the left
// (8) or at the bottom (3).
func TestAktePicturesStandUpright(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	src := t.TempDir()
	var paths []string
	for _, o := range []int{1, 3, 6, 8} {
		p := filepath.Join(src, fmt.Sprintf("Foto-%d.jpg", o))
		if err := os.WriteFile(p, uprightTestJPEG(t, o), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	res, err := ws.ImportFiles(ctx, paths, data.ImportFilesOptions{})
	if err != nil || len(res.Results) != 4 {
		t.Fatalf("import %+v, %v", res, err)
	}
	var media []data.Media
	for i, r := range res.Results {
		if want := []int{1, 3, 6, 8}[i]; r.Media.Orientation != want {
			t.Fatalf("%s: orientation %d read, want %d", r.Name, r.Media.Orientation, want)
		}
		m := r.Media
		m.AltText = fmt.Sprintf("Testbild, Ausrichtung %d", m.Orientation)
		if err := ws.UpdateMedia(ctx, &m); err != nil {
			t.Fatal(err)
		}
		media = append(media, m)
	}
	p := ws.add(t, postSpec{title: "Tag der offenen Tür", caption: "Bilder vom Tag.", date: day(2026, 12, 3), clock: "10:00",
		status: data.StatusDraft, channels: []string{"Instagram"}})
	ws.attach(t, p, media...)
	p.Status = data.StatusPublished
	if err := ws.UpdatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "Akte")
	if _, err := WriteAkte(ctx, ws.Workspace, day(2026, 12, 1), day(2026, 12, 31), out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, AktePDF))
	if err != nil {
		t.Fatal(err)
	}
	if d := os.Getenv("FEEDTAKT_REPORT_PDF"); d != "" {
		os.WriteFile(filepath.Join(d, "akte-upright.pdf"), b, 0o644)
	}
	imgs := embeddedJPEGs(t, b)
	// The k-th picture is akteWidth(k) wide: 480, 479, 478, 477.
	for k, c := range []struct {
		o       int
		h       int
		a, z    image.Point // where red and blue are, as fractions of 4
		upright bool
	}{
		{1, 320, image.Pt(2, 1), image.Pt(2, 3), false},
		{3, 319, image.Pt(2, 3), image.Pt(2, 1), false},
		{6, 717, image.Pt(3, 2), image.Pt(1, 2), true},
		{8, 715, image.Pt(1, 2), image.Pt(3, 2), true},
	} {
		w := akteWidth(k)
		img := imgs[w]
		if img == nil {
			t.Errorf("orientation %d: no picture %d pixels wide in %v", c.o, w, len(imgs))
			continue
		}
		if got := img.Bounds().Size(); got != image.Pt(w, c.h) {
			t.Errorf("orientation %d: %v, want %d×%d", c.o, got, w, c.h)
		}
		if c.upright && img.Bounds().Dy() <= img.Bounds().Dx() {
			t.Errorf("orientation %d: the picture lies on its side", c.o)
		}
		at := func(p image.Point) color.Color { return img.At(p.X*w/4, p.Y*img.Bounds().Dy()/4) }
		if !isRed(at(c.a)) || !isBlue(at(c.z)) {
			t.Errorf("orientation %d: %v at %v, %v at %v; want red, blue", c.o, at(c.a), c.a, at(c.z), c.z)
		}
	}
}
