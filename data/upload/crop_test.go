package upload

import (
	"image"
	"testing"
)

func crop(w, h int) Format { return Format{Name: "t", Fit: FitCrop, Width: w, Height: h} }

func TestDefaultCrop(t *testing.T) {
	limit := Format{Name: "l", Fit: FitLimit, LongSide: 2000}
	tests := []struct {
		name        string
		w, h, o     int // as decoded, and the EXIF orientation
		f           Format
		want        image.Rectangle
		wantDisplay image.Point
	}{
		{"landscape source, portrait 4:5", 4000, 3000, 1, crop(1080, 1350), image.Rect(800, 0, 3200, 3000), image.Pt(4000, 3000)},
		{"landscape source, square", 4000, 3000, 1, crop(1080, 1080), image.Rect(500, 0, 3500, 3000), image.Pt(4000, 3000)},
		{"landscape source, 16:9", 4000, 3000, 1, crop(1600, 900), image.Rect(0, 375, 4000, 2625), image.Pt(4000, 3000)},
		{"portrait source, 16:9", 3000, 4000, 1, crop(1600, 900), image.Rect(0, 1156, 3000, 2844), image.Pt(3000, 4000)},
		{"portrait source, 9:16", 3000, 4000, 1, crop(1080, 1920), image.Rect(375, 0, 2625, 4000), image.Pt(3000, 4000)},
		{"orientation 6 swaps: landscape file shows portrait", 4000, 3000, 6, crop(1080, 1350), image.Rect(0, 125, 3000, 3875), image.Pt(3000, 4000)},
		{"orientation 8 swaps too", 4000, 3000, 8, crop(1080, 1080), image.Rect(0, 500, 3000, 3500), image.Pt(3000, 4000)},
		{"orientation 3 does not swap", 4000, 3000, 3, crop(1080, 1080), image.Rect(500, 0, 3500, 3000), image.Pt(4000, 3000)},
		{"exact ratio takes all", 1080, 1350, 1, crop(1080, 1350), image.Rect(0, 0, 1080, 1350), image.Pt(1080, 1350)},
		{"odd sizes stay centred", 1001, 1001, 1, crop(1200, 627), image.Rect(0, 239, 1001, 762), image.Pt(1001, 1001)},
		{"limit format keeps everything", 4000, 3000, 6, limit, image.Rect(0, 0, 3000, 4000), image.Pt(3000, 4000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Displayed(tt.w, tt.h, tt.o)
			if d != tt.wantDisplay {
				t.Fatalf("Displayed = %v, want %v", d, tt.wantDisplay)
			}
			got := DefaultCrop(d, tt.f)
			if got != tt.want {
				t.Errorf("DefaultCrop = %v, want %v", got, tt.want)
			}
			if !got.In(image.Rectangle{Max: d}) {
				t.Errorf("crop %v outside %v", got, d)
			}
			if tt.f.Fit == FitCrop {
				r := float64(got.Dx()) / float64(got.Dy())
				if d := r - tt.f.Ratio(); d > 0.002 || d < -0.002 {
					t.Errorf("ratio %.4f, want %.4f", r, tt.f.Ratio())
				}
			}
		})
	}
}

func TestMoveStaysInside(t *testing.T) {
	size := image.Pt(4000, 3000)
	c := image.Rect(800, 0, 3200, 3000)
	tests := []struct {
		d    image.Point
		want image.Rectangle
	}{
		{image.Pt(100, 0), image.Rect(900, 0, 3300, 3000)},
		{image.Pt(-5000, 50), image.Rect(0, 0, 2400, 3000)},
		{image.Pt(5000, -50), image.Rect(1600, 0, 4000, 3000)},
	}
	for _, tt := range tests {
		if got := Move(c, tt.d, size); got != tt.want {
			t.Errorf("Move(%v) = %v, want %v", tt.d, got, tt.want)
		}
	}
}

func TestResizeKeepsRatioAndBounds(t *testing.T) {
	size := image.Pt(4000, 3000)
	f := crop(1080, 1350)
	c := image.Rect(800, 0, 3200, 3000)
	tests := []struct {
		name   string
		corner image.Point
		want   image.Rectangle
	}{
		{"smaller", image.Pt(1600, 1000), image.Rect(800, 0, 1600, 1000)},
		{"height leads", image.Pt(900, 2000), image.Rect(800, 0, 2400, 2000)},
		{"beyond the picture stops at its edge", image.Pt(9000, 9000), image.Rect(800, 0, 3200, 3000)},
		{"not below the minimum", image.Pt(0, 0), image.Rect(800, 0, 832, 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ResizeFromTopLeft(c, tt.corner, size, f)
			if got != tt.want {
				t.Errorf("= %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNormalizeAndOutputSize(t *testing.T) {
	size := image.Pt(4000, 3000)
	f := crop(1080, 1350)
	if got := Normalize(image.Rectangle{}, size, f); got != DefaultCrop(size, f) {
		t.Errorf("empty crop → %v, want the default", got)
	}
	if got := Normalize(image.Rect(-100, -100, 500, 500), size, f); !got.In(image.Rectangle{Max: size}) || got.Dx()*5 != got.Dy()*4 {
		t.Errorf("crop outside → %v", got)
	}
	tests := []struct {
		name     string
		crop     image.Rectangle
		f        Format
		want     image.Point
		upscaled bool
	}{
		{"fixed, enough pixels", image.Rect(0, 0, 2400, 3000), f, image.Pt(1080, 1350), false},
		{"fixed, too small", image.Rect(0, 0, 800, 1000), f, image.Pt(1080, 1350), true},
		{"long side limit", image.Rect(0, 0, 4000, 3000), Format{Fit: FitLimit, LongSide: 2000}, image.Pt(2000, 1500), false},
		{"pixel limit", image.Rect(0, 0, 8000, 6000), Format{Fit: FitLimit, LongSide: 8000, MaxPixels: 8_294_400}, image.Pt(3325, 2494), false},
		{"small picture is not enlarged", image.Rect(0, 0, 640, 480), Format{Fit: FitLimit, LongSide: 2000}, image.Pt(640, 480), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, up := OutputSize(tt.crop, tt.f)
			if got != tt.want || up != tt.upscaled {
				t.Errorf("= %v %v, want %v %v", got, up, tt.want, tt.upscaled)
			}
			if tt.f.MaxPixels > 0 && int64(got.X)*int64(got.Y) > tt.f.MaxPixels {
				t.Errorf("%v is over %d pixels", got, tt.f.MaxPixels)
			}
		})
	}
}
