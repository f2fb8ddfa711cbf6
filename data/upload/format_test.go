package upload

import (
	"strings"
	"testing"
)

func TestDefaultsAreValidAndSourced(t *testing.T) {
	fs := Defaults()
	if p := CheckAll(fs); p != nil {
		t.Fatalf("defaults break a rule: %v", p)
	}
	want := map[string][2]int{
		"instagram-4x5": {1080, 1350}, "instagram-1x1": {1080, 1080}, "instagram-9x16": {1080, 1920},
		"instagram-1-91x1": {1080, 566}, "linkedin-landscape": {1200, 627}, "x-16x9": {1600, 900},
	}
	for _, f := range fs {
		if f.Source == "" || f.Checked == "" {
			t.Errorf("%s has no source or date", f.ID)
		}
		if w, ok := want[f.ID]; ok && (f.Width != w[0] || f.Height != w[1]) {
			t.Errorf("%s is %d×%d, want %d×%d", f.ID, f.Width, f.Height, w[0], w[1])
		}
	}
	var bsky, masto Format
	for _, f := range fs {
		switch f.ID {
		case "bluesky":
			bsky = f
		case "mastodon":
			masto = f
		}
	}
	if bsky.Fit != FitLimit || bsky.MaxBytes != 1_000_000 || bsky.LongSide != 2000 {
		t.Errorf("Bluesky = %+v", bsky)
	}
	if masto.Fit != FitLimit || masto.MaxPixels != 8_294_400 {
		t.Errorf("Mastodon = %+v", masto)
	}
}

func TestCheckRefusesBadFormats(t *testing.T) {
	tests := []struct {
		name  string
		f     Format
		field string
	}{
		{"no name", Format{Fit: FitCrop, Width: 1080, Height: 1080}, "name"},
		{"zero width", Format{Name: "a", Fit: FitCrop, Width: 0, Height: 1080}, "size"},
		{"negative height", Format{Name: "a", Fit: FitCrop, Width: 1080, Height: -5}, "size"},
		{"absurd ratio", Format{Name: "a", Fit: FitCrop, Width: 8000, Height: 100}, "size"},
		{"absurd ratio upright", Format{Name: "a", Fit: FitCrop, Width: 100, Height: 1000}, "size"},
		{"too large", Format{Name: "a", Fit: FitCrop, Width: 20000, Height: 20000}, "size"},
		{"limit without long side", Format{Name: "a", Fit: FitLimit}, "longSide"},
		{"tiny pixel limit", Format{Name: "a", Fit: FitLimit, LongSide: 2000, MaxPixels: 10}, "maxPixels"},
		{"tiny byte cap", Format{Name: "a", Fit: FitLimit, LongSide: 2000, MaxBytes: 500}, "maxBytes"},
		{"negative byte cap", Format{Name: "a", Fit: FitCrop, Width: 100, Height: 100, MaxBytes: -1}, "maxBytes"},
		{"no kind", Format{Name: "a", Width: 100, Height: 100}, "fit"},
		{"name on two lines", Format{Name: "a\nb", Fit: FitCrop, Width: 100, Height: 100}, "name"},
		{"long name", Format{Name: strings.Repeat("x", 61), Fit: FitCrop, Width: 100, Height: 100}, "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.f.Check()
			if p == nil {
				t.Fatalf("accepted %+v", tt.f)
			}
			if p.Field != tt.field {
				t.Errorf("field %q, want %q (%s)", p.Field, tt.field, p.Message)
			}
		})
	}
	dup := []Format{{Name: "A", Fit: FitCrop, Width: 100, Height: 100}, {Name: "a", Fit: FitCrop, Width: 200, Height: 100}}
	if p := CheckAll(dup); p == nil || p.Field != "name" {
		t.Errorf("two formats of one name: %v", p)
	}
	ok := Format{Name: "  Büro-Monitor 4:3 ", Fit: FitCrop, Width: 1600, Height: 1200, LongSide: 5}
	if p := ok.Check(); p != nil {
		t.Fatalf("refused %+v: %v", ok, p)
	}
	if ok.Name != "Büro-Monitor 4:3" || ok.ID != "bueero-monitor-4-3" && ok.ID != "buero-monitor-4-3" || ok.LongSide != 0 {
		t.Errorf("tidied to %+v", ok)
	}
}
