package exchange

import (
	"context"
	"io"
	"testing"
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
