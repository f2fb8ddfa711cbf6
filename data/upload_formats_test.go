package data

import (
	"context"
	"errors"
	"testing"

	"feedtakt/data/upload"
)

func TestUploadFormatsPersistEditRefuse(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	fs, err := ws.UploadFormats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != len(upload.Defaults()) || fs[0].ID != "instagram-4x5" {
		t.Fatalf("a new workspace has %d formats, first %q", len(fs), fs[0].ID)
	}
	// Edit: Instagram changes its portrait size, she adds her own format.
	fs[0].Width, fs[0].Height, fs[0].Source = 1080, 1440, "Instagram-Hilfe, Dezember 2026"
	fs = append(fs, upload.Format{Name: "Website Aufmacher 3:2", Fit: upload.FitCrop, Width: 1500, Height: 1000})
	if err := ws.SaveUploadFormats(ctx, fs); err != nil {
		t.Fatal(err)
	}
	path := ws.Dir()
	ws.Close()
	ws, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	back, err := ws.UploadFormats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(fs) || back[0].Height != 1440 || back[0].Source != "Instagram-Hilfe, Dezember 2026" ||
		back[len(back)-1].ID != "website-aufmacher-3-2" {
		t.Errorf("read back %+v", back)
	}
	// Bad formats are refused with a sentence, and nothing changes.
	bad := []struct {
		name string
		edit func([]upload.Format) []upload.Format
	}{
		{"zero size", func(f []upload.Format) []upload.Format { f[0].Width = 0; return f }},
		{"absurd ratio", func(f []upload.Format) []upload.Format { f[0].Width, f[0].Height = 8000, 100; return f }},
		{"no name", func(f []upload.Format) []upload.Format { f[1].Name = " "; return f }},
		{"same name twice", func(f []upload.Format) []upload.Format { f[1].Name = f[0].Name; return f }},
		{"none at all", func([]upload.Format) []upload.Format { return nil }},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			fs := b.edit(append([]upload.Format(nil), back...))
			err := ws.SaveUploadFormats(ctx, fs)
			var inv *InvalidError
			if !errors.As(err, &inv) || inv.Message == "" {
				t.Fatalf("err = %v, want an InvalidError", err)
			}
			now, _ := ws.UploadFormats(ctx)
			if len(now) != len(back) || now[0].Width != back[0].Width || now[1].Name != back[1].Name {
				t.Errorf("a refused save changed the formats: %+v", now[:2])
			}
		})
	}
	if err := ws.ResetUploadFormats(ctx); err != nil {
		t.Fatal(err)
	}
	if fs, _ := ws.UploadFormats(ctx); len(fs) != len(upload.Defaults()) || fs[0].Height != 1350 {
		t.Errorf("after reset: %+v", fs[0])
	}
}
