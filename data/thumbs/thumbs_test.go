package thumbs

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"feedtakt/data/fsx"
)

const testHash = "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12"

func decodeThumb(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := jpeg.Decode(f)
	if err != nil {
		t.Fatalf("thumbnail %s is no JPEG: %v", path, err)
	}
	return img
}

// meanDiff is the mean absolute difference per channel over the area both
// pictures cover.
func meanDiff(a, b image.Image) float64 {
	r := a.Bounds().Intersect(b.Bounds())
	var sum, n float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			for _, d := range []int{int(ar>>8) - int(br>>8), int(ag>>8) - int(bg>>8), int(ab>>8) - int(bb>>8)} {
				sum += float64(max(d, -d))
				n++
			}
		}
	}
	return sum / n
}

// The scaled decoder must give what a full decode averaged over the same
// blocks gives, at every scale, for colour and grey, and for sizes that are
// not multiples of the block size.
func TestScaledDecoderMatchesFullDecode(t *testing.T) {
	colour, err := photoJPEG(3, 1001, 777)
	if err != nil {
		t.Fatal(err)
	}
	src, _, err := image.Decode(bytes.NewReader(colour))
	if err != nil {
		t.Fatal(err)
	}
	g := image.NewGray(src.Bounds())
	for y := range src.Bounds().Dy() {
		for x := range src.Bounds().Dx() {
			g.Set(x, y, src.At(x, y))
		}
	}
	var grey bytes.Buffer
	if err := jpeg.Encode(&grey, g, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"colour 4:2:0": colour, "grey": grey.Bytes()} {
		full, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []int{1, 2, 4} {
			got, err := decodeJPEGScaled(context.Background(), data, s)
			if err != nil {
				t.Fatalf("%s at 1/%d: %v", name, 8/s, err)
			}
			wantW, wantH := (1001*s+7)/8, (777*s+7)/8
			if b := got.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
				t.Fatalf("%s at 1/%d: size %v, want %dx%d", name, 8/s, b, wantW, wantH)
			}
			ref := shrink(full, 8/s)
			if d := meanDiff(shrink(got, 1), ref); d > 2.5 {
				t.Errorf("%s at 1/%d: mean difference %.2f levels from the full decode", name, 8/s, d)
			}
		}
	}
}

// Anything the scaled decoder does not handle goes to image/jpeg: here a
// progressive JPEG (made by vips where it is installed; image/jpeg cannot
// write one) and, without vips, a baseline file relabelled as progressive.
func TestScaledDecoderFallsBack(t *testing.T) {
	good, err := photoJPEG(7, 320, 240)
	if err != nil {
		t.Fatal(err)
	}
	relabelled := bytes.Clone(good)
	i := bytes.Index(relabelled, []byte{0xFF, 0xC0})
	relabelled[i+1] = 0xC2
	if _, err := decodeJPEGScaled(context.Background(), relabelled, 1); !errors.Is(err, errFallback) {
		t.Fatalf("SOF2: got %v, want errFallback", err)
	}
	// Component ids R, G, B mark an RGB JPEG (no colour transform).
	rgb := bytes.Clone(good)
	sof := bytes.Index(rgb, []byte{0xFF, 0xC0})
	sos := bytes.Index(rgb, []byte{0xFF, 0xDA})
	for i, id := range []byte("RGB") {
		rgb[sof+10+3*i] = id
		rgb[sos+5+2*i] = id
	}
	if _, err := decodeJPEGScaled(context.Background(), rgb, 1); !errors.Is(err, errFallback) {
		t.Fatalf("RGB JPEG: got %v, want errFallback", err)
	}
	if _, err := jpeg.Decode(bytes.NewReader(rgb)); err != nil {
		t.Fatalf("the relabelled RGB JPEG is not valid: %v", err)
	}
	vips, err := exec.LookPath("vips")
	if err != nil {
		t.Skip("vips not installed: no progressive JPEG to test the fallback with")
	}
	dir := t.TempDir()
	src, prog := filepath.Join(dir, "in.jpg"), filepath.Join(dir, "prog.jpg")
	if err := os.WriteFile(src, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(vips, "jpegsave", src, prog, "--interlace").CombinedOutput(); err != nil {
		t.Fatalf("vips: %v %s", err, out)
	}
	if _, err := decodeJPEGScaled(context.Background(), mustRead(t, prog), 1); !errors.Is(err, errFallback) {
		t.Fatalf("progressive: got %v, want errFallback", err)
	}
	c := NewCache(filepath.Join(dir, "thumbs"))
	if err := c.Make(context.Background(), testHash, prog, FormatJPEG, 1, []int{64}); err != nil {
		t.Fatalf("progressive JPEG through the fallback: %v", err)
	}
	if b := decodeThumb(t, c.Path(testHash, 64)).Bounds(); b.Dx() != 64 || b.Dy() != 48 {
		t.Errorf("progressive thumbnail %v", b)
	}
}

func quadrants(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	cols := [4]color.RGBA{{255, 0, 0, 255}, {0, 255, 0, 255}, {0, 0, 255, 255}, {255, 255, 255, 255}}
	for y := range h {
		for x := range w {
			q := 0
			if x >= w/2 {
				q++
			}
			if y >= h/2 {
				q += 2
			}
			img.SetRGBA(x, y, cols[q])
		}
	}
	return img
}

func nearest(c color.Color) string {
	r, g, b, _ := c.RGBA()
	names := map[string][3]int{"R": {255, 0, 0}, "G": {0, 255, 0}, "B": {0, 0, 255}, "W": {255, 255, 255}}
	best, bestD := "", 1<<30
	for n, v := range names {
		d := 0
		for i, x := range []int{int(r >> 8), int(g >> 8), int(b >> 8)} {
			d += (x - v[i]) * (x - v[i])
		}
		if d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// The stored picture has red, green, blue and white quadrants (top-left,
// top-right, bottom-left, bottom-right); each EXIF orientation must show
// them where the EXIF standard puts them.
func TestOrientationApplied(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "q.jpg")
	if err := os.WriteFile(src, encodeJPEG(t, quadrants(160, 80), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		o       int
		corners string // top-left, top-right, bottom-left, bottom-right
		tall    bool
	}{
		{1, "RGBW", false},
		{2, "GRWB", false},
		{3, "WBGR", false},
		{4, "BWRG", false},
		{5, "RBGW", true},
		{6, "BRWG", true},
		{7, "WGBR", true},
		{8, "GWRB", true},
	}
	for _, tt := range tests {
		c := NewCache(filepath.Join(dir, "thumbs", string(rune('0'+tt.o))))
		if err := c.Make(context.Background(), testHash, src, FormatJPEG, tt.o, []int{64}); err != nil {
			t.Fatal(err)
		}
		img := decodeThumb(t, c.Path(testHash, 64))
		b := img.Bounds()
		if tall := b.Dy() > b.Dx(); tall != tt.tall || max(b.Dx(), b.Dy()) != 64 {
			t.Errorf("orientation %d: size %dx%d", tt.o, b.Dx(), b.Dy())
			continue
		}
		got := nearest(img.At(3, 3)) + nearest(img.At(b.Dx()-4, 3)) + nearest(img.At(3, b.Dy()-4)) + nearest(img.At(b.Dx()-4, b.Dy()-4))
		if got != tt.corners {
			t.Errorf("orientation %d: corners %s, want %s", tt.o, got, tt.corners)
		}
	}
}

func TestMakeSizesAndCachePath(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "IMG_4711.jpg")
	photo(t, src, 1, 1600, 1200)
	small := filepath.Join(dir, "small.jpg")
	photo(t, small, 2, 200, 100)
	c := NewCache(filepath.Join(dir, "thumbs"))
	ctx := context.Background()
	if err := c.Make(ctx, testHash, src, FormatJPEG, 1, []int{GridSize, PreviewSize}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ size, w, h int }{{GridSize, 256, 192}, {PreviewSize, 1024, 768}} {
		want := filepath.Join(dir, "thumbs", "ab", testHash+"-"+strconv.Itoa(tt.size)+".jpg")
		if got := c.Path(testHash, tt.size); got != want {
			t.Errorf("Path = %s, want %s", got, want)
		}
		if !c.Exists(testHash, tt.size) {
			t.Fatalf("size %d not written", tt.size)
		}
		b := decodeThumb(t, want).Bounds()
		if b.Dx() != tt.w || b.Dy() != tt.h {
			t.Errorf("size %d: %dx%d, want %dx%d", tt.size, b.Dx(), b.Dy(), tt.w, tt.h)
		}
	}
	// A picture smaller than the size is not enlarged.
	h2 := strings.Repeat("0", 64)
	if err := c.Make(ctx, h2, small, FormatUnknown, 1, []int{GridSize}); err != nil {
		t.Fatal(err)
	}
	if b := decodeThumb(t, c.Path(h2, GridSize)).Bounds(); b.Dx() != 200 || b.Dy() != 100 {
		t.Errorf("small picture became %v", b)
	}
	// Nothing is left in staging, and the picture looks like its source.
	if left, _ := filepath.Glob(filepath.Join(dir, "thumbs", "*.part")); len(left) != 0 {
		t.Errorf("staging files left: %v", left)
	}
	full, err := jpeg.Decode(mustOpen(t, src))
	if err != nil {
		t.Fatal(err)
	}
	if d := meanDiff(decodeThumb(t, c.Path(testHash, GridSize)), refFit(full, GridSize)); d > 4 {
		t.Errorf("grid thumbnail differs from a full-decode thumbnail by %.2f levels", d)
	}
	for _, bad := range [][]int{{8}, {MaxSize + 1}, nil} {
		if err := c.Make(ctx, testHash, src, FormatJPEG, 1, bad); !errors.Is(err, ErrBadSize) {
			t.Errorf("sizes %v: got %v, want ErrBadSize", bad, err)
		}
	}
	for _, bad := range []string{"", "../../etc", "AB12", "a/b"} {
		if err := c.Make(ctx, bad, src, FormatJPEG, 1, []int{64}); !errors.Is(err, ErrBadHash) {
			t.Errorf("hash %q: got %v, want ErrBadHash", bad, err)
		}
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// A missing size is rebuilt; sizes that are there are not touched, and
// when all are there the source is not even read.
func TestRebuildWhenMissing(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "p.jpg")
	photo(t, src, 4, 800, 600)
	c := NewCache(filepath.Join(dir, "thumbs"))
	ctx := context.Background()
	sizes := []int{128, 512}
	if err := c.Make(ctx, testHash, src, FormatJPEG, 1, sizes); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(c.Path(testHash, 512), old, old); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(c.Path(testHash, 128)); err != nil {
		t.Fatal(err)
	}
	if got := c.Missing(testHash, sizes); len(got) != 1 || got[0] != 128 {
		t.Fatalf("Missing = %v, want [128]", got)
	}
	if err := c.Make(ctx, testHash, src, FormatJPEG, 1, sizes); err != nil {
		t.Fatal(err)
	}
	if !c.Exists(testHash, 128) {
		t.Fatal("missing size not rebuilt")
	}
	if st, _ := os.Stat(c.Path(testHash, 512)); !st.ModTime().Equal(old) {
		t.Error("a size that was there was written again")
	}
	if err := os.Remove(src); err != nil {
		t.Fatal(err)
	}
	if err := c.Make(ctx, testHash, src, FormatJPEG, 1, sizes); err != nil {
		t.Errorf("all sizes there, source gone: %v", err)
	}
	if err := c.Remove(testHash); err != nil {
		t.Fatal(err)
	}
	if c.Exists(testHash, 128) || c.Exists(testHash, 512) {
		t.Error("Remove left thumbnails")
	}
}

// pngHeader is a PNG signature and a valid IHDR for w×h, and no pixel data
// at all: decoding it would fail, so ErrTooLarge proves it was not tried.
func pngHeader(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk := append([]byte("IHDR"), ihdr...)
	out := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d")
	out = append(out, chunk...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(chunk))
}

func TestRefusesOver100Megapixels(t *testing.T) {
	dir := t.TempDir()
	// A JPEG frame header declaring 12,000×9,000 (108 MP), nothing after it.
	sof := []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
		0xFF, 0xC0, 0, 11, 8, 0x23, 0x28, 0x2E, 0xE0, 1, 1, 0x11, 0}
	files := map[string][]byte{
		"huge.png":        pngHeader(50000, 50000),
		"huge-as-jpg.jpg": pngHeader(50000, 50000),
		"huge.jpg":        sof,
	}
	c := NewCache(filepath.Join(dir, "thumbs"))
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		err := c.Make(context.Background(), testHash, p, FormatUnknown, 1, []int{GridSize})
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: got %v, want ErrTooLarge", name, err)
		}
	}
	// Just under the limit is only refused because the data is missing.
	p := filepath.Join(dir, "big.png")
	if err := os.WriteFile(p, pngHeader(10000, 10000), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := c.Make(context.Background(), testHash, p, FormatPNG, 1, []int{GridSize}); !errors.Is(err, ErrDamaged) {
		t.Errorf("100 MP PNG without data: got %v, want ErrDamaged", err)
	}
}

func TestDamagedFilesGiveErrors(t *testing.T) {
	dir := t.TempDir()
	good, err := photoJPEG(5, 640, 480)
	if err != nil {
		t.Fatal(err)
	}
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, quadrants(64, 32)); err != nil {
		t.Fatal(err)
	}
	garbled := bytes.Clone(good)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := len(garbled) / 3; i < len(garbled)-2; i += 97 {
		garbled[i] = byte(rng.IntN(256))
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty.jpg", nil, ErrDamaged},
		{"truncated.jpg", good[:len(good)/2], ErrDamaged},
		{"header-only.jpg", good[:400], ErrDamaged},
		{"truncated.png", pngBuf.Bytes()[:pngBuf.Len()/2], ErrDamaged},
		{"damaged.heic", append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), bytes.Repeat([]byte{0x5a}, 500)...), ErrDamaged},
		{"notes.jpg", []byte("Dies ist kein Bild.\n"), ErrUnsupported},
		{"png-named.jpg", pngBuf.Bytes(), nil},
	}
	c := NewCache(filepath.Join(dir, "thumbs"))
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		if err := os.WriteFile(p, tt.data, 0o644); err != nil {
			t.Fatal(err)
		}
		_ = c.Remove(testHash)
		for _, size := range []int{GridSize, 64} {
			err := c.Make(context.Background(), testHash, p, FormatJPEG, 1, []int{size})
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("%s at %d: got %v, want %v", tt.name, size, err, tt.want)
			}
		}
	}
	// A garbled middle either decodes to something or is reported; it
	// never panics (the decoder is called directly, without the recover
	// that Make has).
	for _, s := range []int{1, 2, 4} {
		_, _ = decodeJPEGScaled(context.Background(), garbled, s)
		for cut := 0; cut < len(good); cut += len(good) / 50 {
			if _, err := decodeJPEGScaled(context.Background(), good[:cut], s); err == nil {
				t.Errorf("cut at %d of %d at 1/%d: no error", cut, len(good), 8/s)
			}
		}
	}
}

func TestSweepRemovesLeftovers(t *testing.T) {
	dir := t.TempDir()
	c := NewCache(filepath.Join(dir, "thumbs"))
	if n, err := c.Sweep(); n != 0 || err != nil {
		t.Fatalf("sweep of nothing: %d, %v", n, err)
	}
	if err := os.MkdirAll(filepath.Join(c.Dir(), "ab"), 0o755); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(c.Dir(), "ab", testHash+"-256.jpg")
	if err := os.WriteFile(keep, []byte("a thumbnail"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{testHash + "-256-123.part", testHash + "-1024-9.part"} {
		// The workspace's own sweep at open must take them too.
		if !fsx.IsLeftover(name) {
			t.Errorf("%s is not a leftover for the workspace sweep", name)
		}
		if err := os.WriteFile(filepath.Join(c.StagingDir(), name), []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := c.Sweep(); n != 2 || err != nil {
		t.Fatalf("Sweep = %d, %v; want 2", n, err)
	}
	if left, _ := filepath.Glob(filepath.Join(c.StagingDir(), "*.part")); len(left) != 0 {
		t.Errorf("left: %v", left)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("sweep removed a finished thumbnail: %v", err)
	}
}

func TestMakeStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "p.jpg")
	photo(t, src, 6, 400, 300)
	c := NewCache(filepath.Join(dir, "thumbs"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.Make(ctx, testHash, src, FormatJPEG, 1, []int{64}); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if _, err := decodeJPEGScaled(ctx, mustRead(t, src), 1); !errors.Is(err, context.Canceled) {
		t.Fatalf("decoder: got %v, want context.Canceled", err)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Files as other encoders write them: 4:4:4 chroma and restart markers
// (libjpeg through vips, where installed).
func TestScaledDecoderOtherEncoders(t *testing.T) {
	vips, err := exec.LookPath("vips")
	if err != nil {
		t.Skip("vips not installed")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "in.jpg")
	photo(t, src, 8, 1001, 777)
	for name, args := range map[string][]string{
		"444":         {"--subsample-mode", "off"},
		"restart":     {"--restart-interval", "3"},
		"444-restart": {"--subsample-mode", "off", "--restart-interval", "1"},
	} {
		out := filepath.Join(dir, name+".jpg")
		if b, err := exec.Command(vips, append([]string{"jpegsave", src, out}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("vips: %v %s", err, b)
		}
		data := mustRead(t, out)
		full, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []int{1, 2, 4} {
			got, err := decodeJPEGScaled(context.Background(), data, s)
			if err != nil {
				t.Fatalf("%s at 1/%d: %v", name, 8/s, err)
			}
			if d := meanDiff(shrink(got, 1), shrink(full, 8/s)); d > 2.5 {
				t.Errorf("%s at 1/%d: mean difference %.2f", name, 8/s, d)
			}
		}
	}
}

// The fast planar path gives what the obvious RGBA + x/image/draw path gives.
func TestFitMatchesReference(t *testing.T) {
	data, err := photoJPEG(9, 1203, 901)
	if err != nil {
		t.Fatal(err)
	}
	ycc, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewRGBA(ycc.Bounds())
	nrgba := image.NewNRGBA(ycc.Bounds())
	grey := image.NewGray(ycc.Bounds())
	for y := range ycc.Bounds().Dy() {
		for x := range ycc.Bounds().Dx() {
			c := ycc.At(x, y)
			rgba.Set(x, y, c)
			grey.Set(x, y, c)
			r, g, b, _ := c.RGBA()
			nrgba.SetNRGBA(x, y, color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(x % 256)})
		}
	}
	for name, img := range map[string]image.Image{"ycbcr": ycc, "rgba": rgba, "nrgba": nrgba, "grey": grey} {
		for _, size := range []int{1203, 1000, 512, 256, 100, 16} {
			got, want := fit(img, size), refFit(img, size)
			if got.Bounds() != want.Bounds() {
				t.Fatalf("%s at %d: %v, want %v", name, size, got.Bounds(), want.Bounds())
			}
			if d := meanDiff(got, want); d > 2 {
				t.Errorf("%s at %d: mean difference %.2f from the reference", name, size, d)
			}
		}
	}
}
