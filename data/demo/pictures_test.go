package demo

import (
	"bytes"
	"errors"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"os"
	"testing"
)

// blockStats averages the picture over a 16x12 grid of blocks, which
// removes the film grain, and reports how many clearly different block
// colours there are and the luminance range between the blocks.
func blockStats(img image.Image) (distinct int, lumRange float64) {
	b := img.Bounds()
	const bw, bh = 16, 12
	seen := map[[3]int]bool{}
	lo, hi := 255.0, 0.0
	for by := range bh {
		for bx := range bw {
			var r, g, bl, n float64
			for y := b.Min.Y + by*b.Dy()/bh; y < b.Min.Y+(by+1)*b.Dy()/bh; y++ {
				for x := b.Min.X + bx*b.Dx()/bw; x < b.Min.X+(bx+1)*b.Dx()/bw; x++ {
					cr, cg, cb, _ := img.At(x, y).RGBA()
					r, g, bl, n = r+float64(cr>>8), g+float64(cg>>8), bl+float64(cb>>8), n+1
				}
			}
			r, g, bl = r/n, g/n, bl/n
			seen[[3]int{int(r) / 16, int(g) / 16, int(bl) / 16}] = true
			l := 0.3*r + 0.59*g + 0.11*bl
			lo, hi = min(lo, l), max(hi, l)
		}
	}
	return len(seen), hi - lo
}

// meanDiff is the mean absolute difference per channel of two pictures of
// the same size.
func meanDiff(a, b *image.RGBA) float64 {
	var sum float64
	for i := range a.Pix {
		d := int(a.Pix[i]) - int(b.Pix[i])
		sum += float64(max(d, -d))
	}
	return sum / float64(len(a.Pix))
}

func TestPictureKinds(t *testing.T) {
	for _, kind := range Kinds() {
		t.Run(kind, func(t *testing.T) {
			for _, size := range [][2]int{{1600, 1200}, {64, 48}} {
				img, err := Picture(kind, 1, size[0], size[1])
				if err != nil {
					t.Fatal(err)
				}
				if got := img.Bounds().Size(); got != (image.Point{size[0], size[1]}) {
					t.Errorf("size %v, want %v", got, size)
				}
				distinct, lum := blockStats(img)
				if distinct < 10 || lum < 60 {
					t.Errorf("%dx%d looks flat: %d distinct block colours, luminance range %.0f", size[0], size[1], distinct, lum)
				}
			}
			a, _ := Picture(kind, 1, 160, 120)
			b, _ := Picture(kind, 2, 160, 120)
			if d := meanDiff(a.(*image.RGBA), b.(*image.RGBA)); d < 4 {
				t.Errorf("seeds 1 and 2 differ by only %.1f per channel", d)
			}
			again, _ := Picture(kind, 1, 160, 120)
			if !bytes.Equal(a.(*image.RGBA).Pix, again.(*image.RGBA).Pix) {
				t.Error("the same seed gave a different picture")
			}
		})
	}
}

// Other aspect ratios are cropped from the 4:3 scene and must still be
// painted edge to edge.
func TestPictureOtherAspects(t *testing.T) {
	for _, kind := range Kinds() {
		for _, size := range [][2]int{{300, 300}, {400, 100}, {90, 160}, {1, 1}} {
			img, err := Picture(kind, 5, size[0], size[1])
			if err != nil {
				t.Fatalf("%s %v: %v", kind, size, err)
			}
			rgba := img.(*image.RGBA)
			for i := 3; i < len(rgba.Pix); i += 4 {
				if rgba.Pix[i] != 255 {
					t.Errorf("%s %v: pixel %d not painted", kind, size, i/4)
					break
				}
			}
		}
	}
}

func TestPictureErrors(t *testing.T) {
	if _, err := Picture("leuchtturm", 1, 100, 100); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("unknown kind: err = %v, want ErrUnknownKind", err)
	}
	for _, size := range [][2]int{{0, 100}, {100, -1}, {100000, 100000}} {
		if _, err := Picture("burg", 1, size[0], size[1]); err == nil {
			t.Errorf("size %v accepted", size)
		}
	}
}

func TestEncodeJPEG(t *testing.T) {
	img, err := Picture("kirche", 3, 800, 600)
	if err != nil {
		t.Fatal(err)
	}
	b, err := EncodeJPEG(img)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if cfg.Width != 800 || cfg.Height != 600 {
		t.Errorf("decoded %dx%d, want 800x600", cfg.Width, cfg.Height)
	}
	if len(b) > 400_000 {
		t.Errorf("JPEG is %d bytes, want a reasonable size", len(b))
	}
}

// TestContactSheet renders every demo picture into one PNG for a person to
// look at. Set FEEDTAKT_DEMO_SHEET to the output path, e.g.
//
//	FEEDTAKT_DEMO_SHEET=/tmp/demo-pictures.png go test -run ContactSheet ./data/demo/
func TestContactSheet(t *testing.T) {
	path := os.Getenv("FEEDTAKT_DEMO_SHEET")
	if path == "" {
		t.Skip("FEEDTAKT_DEMO_SHEET not set")
	}
	c := newTestContent(t)
	const w, h, gap, cols = 400, 300, 8, 4
	rows := (len(c.Pictures) + cols - 1) / cols
	sheet := image.NewRGBA(image.Rect(0, 0, cols*(w+gap)+gap, rows*(h+gap)+gap))
	draw.Draw(sheet, sheet.Bounds(), image.White, image.Point{}, draw.Src)
	for i, p := range c.Pictures {
		img, err := p.Render(w, h)
		if err != nil {
			t.Fatal(err)
		}
		x, y := gap+(i%cols)*(w+gap), gap+(i/cols)*(h+gap)
		draw.Draw(sheet, image.Rect(x, y, x+w, y+h), img, image.Point{}, draw.Src)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, sheet); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

// The goal is under 100 ms per 1600x1200 picture on an office PC.
func BenchmarkPicture(b *testing.B) {
	for _, kind := range Kinds() {
		b.Run(kind, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				if _, err := Picture(kind, int64(i), 1600, 1200); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
