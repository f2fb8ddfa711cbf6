package exchange

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"feedtakt/data"
	"feedtakt/data/demo"
	"feedtakt/data/thumbs"
)

// BenchmarkExportMonth exports December with 300 posts on 8 channels, the
// whole path: reading the workspace, formatting, writing.
func BenchmarkExportMonth(b *testing.B) {
	ws := newTestWorkspace(b)
	ws.fillMonth(b, 300)
	ctx := context.Background()
	for _, f := range Formats() {
		b.Run(f, func(b *testing.B) {
			b.ReportAllocs()
			r := Request{Format: f, From: day(2026, 12, 1), To: day(2026, 12, 31), Now: exportTime}
			var size int64
			for b.Loop() {
				cw := &countingWriter{}
				if _, err := r.Export(ctx, ws.Workspace, cw); err != nil {
					b.Fatal(err)
				}
				size = cw.n
			}
			b.ReportMetric(float64(size)/1024, "KiB/file")
		})
	}
}

// BenchmarkPDFGlyphSet is the one-time cost of finding out what the PDF
// fonts can draw, paid by the first PDF export of a session.
func BenchmarkPDFGlyphSet(b *testing.B) {
	for b.Loop() {
		pdfGlyphsUncached()
	}
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countingWriter)(nil)

// BenchmarkExportMonthTexts exports December with 300 posts as a PDF with
// texts and pictures: every post's final text per channel, twelve
// different pictures linked round the posts. "thumbs" takes the cached
// grid thumbnails (as after an import in the app); "originals" decodes
// each picture from its 12-megapixel original once per export.
func BenchmarkExportMonthTexts(b *testing.B) {
	for _, cached := range []bool{true, false} {
		name := "originals"
		if cached {
			name = "thumbs"
		}
		b.Run(name, func(b *testing.B) {
			ws := newTestWorkspace(b)
			ws.fillMonth(b, 300)
			ctx := context.Background()
			cache := thumbs.NewCache(filepath.Join(ws.Dir(), data.ThumbsDir))
			var pics []data.Media
			for i, kind := range demo.Kinds() {
				for seed := int64(0); seed < 2 && len(pics) < 12; seed++ {
					m := ws.picture(b, kind, seed+int64(i), 4000, 3000, "Bildbeschreibung "+kind)
					if cached {
						if err := cache.Make(ctx, m.Hash, filepath.Join(ws.Dir(), m.Path), thumbs.FormatUnknown, 1, []int{thumbs.GridSize}); err != nil {
							b.Fatal(err)
						}
					}
					pics = append(pics, m)
				}
			}
			posts, err := ws.PostsBetween(ctx, day(2026, 12, 1), day(2026, 12, 31))
			if err != nil {
				b.Fatal(err)
			}
			for i, p := range posts {
				ws.attach(b, p, pics[i%len(pics)])
			}
			r := Request{Format: FormatPDF, From: day(2026, 12, 1), To: day(2026, 12, 31), Now: exportTime, Texts: true}
			b.ReportAllocs()
			var size int64
			for b.Loop() {
				cw := &countingWriter{}
				if _, err := r.Export(ctx, ws.Workspace, cw); err != nil {
					b.Fatal(err)
				}
				size = cw.n
			}
			b.ReportMetric(float64(size)/1024, "KiB/file")
		})
	}
}
