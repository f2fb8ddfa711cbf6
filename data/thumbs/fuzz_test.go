package thumbs

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"testing"
)

// FuzzScaledJPEG feeds the hand-written scaled decoder bytes from outside,
// without the recover that guards it in decode: it must return an error,
// never panic, and a picture it returns has the size its header promised,
// scaled.
func FuzzScaledJPEG(f *testing.F) {
	for _, size := range [][2]int{{16, 16}, {33, 17}, {64, 48}} {
		img := image.NewYCbCr(image.Rect(0, 0, size[0], size[1]), image.YCbCrSubsampleRatio420)
		for i := range img.Y {
			img.Y[i] = byte(i * 7)
		}
		var b bytes.Buffer
		if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 75}); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes(), uint8(8))
		f.Add(b.Bytes()[:b.Len()/2], uint8(2))
	}
	f.Fuzz(func(t *testing.T, data []byte, scale uint8) {
		s := []int{1, 2, 4}[int(scale)%3] // output pixels per 8×8 block; a full decode goes to image/jpeg
		cfg, cfgErr := jpeg.DecodeConfig(bytes.NewReader(data))
		if cfgErr == nil && cfg.Width*cfg.Height > 4_000_000 {
			return // the caller refuses large pictures before decoding
		}
		img, err := decodeJPEGScaled(context.Background(), data, s)
		if err != nil || img == nil {
			return
		}
		if cfgErr == nil {
			w, h := img.Bounds().Dx(), img.Bounds().Dy()
			if w > cfg.Width || h > cfg.Height || w == 0 || h == 0 {
				t.Fatalf("decoded %dx%d from a %dx%d header at 1/%d", w, h, cfg.Width, cfg.Height, s)
			}
		}
	})
}
