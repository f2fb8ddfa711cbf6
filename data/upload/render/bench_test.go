package render

import (
	"context"
	"feedtakt/data/upload"
	"image"
	"testing"
)

// BenchmarkRender12MP renders a 12-megapixel camera JPEG to Instagram 4:5.
func BenchmarkRender12MP(b *testing.B) {
	src := phoneJPEG(b, halves(4000, 3000), 1)
	f := upload.Defaults()[0]
	for b.Loop() {
		if _, err := Copy(context.Background(), Request{Src: src, Orientation: 1, Size: image.Pt(4000, 3000), Format: f}); err != nil {
			b.Fatal(err)
		}
	}
}
