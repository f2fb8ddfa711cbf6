package exchange

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/demo"
)

// TestPDFLook writes the demo workspace's plan for its month, with and
// without texts, into $FEEDTAKT_PDF_OUT to be looked at (pdftoppm -r 80
// plan.pdf page); without the variable it is skipped.
func TestPDFLook(t *testing.T) {
	out := os.Getenv("FEEDTAKT_PDF_OUT")
	if out == "" {
		t.Skip("set FEEDTAKT_PDF_OUT to a folder to write the demo plans into")
	}
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, calendar.GermanZone())
	ws, err := demo.Create(context.Background(), filepath.Join(t.TempDir(), "demo"), data.Options{Now: func() time.Time { return now }}, now)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	// A quiet period, which the demo does not have, to see its band.
	if err := ws.SaveQuietPeriod(context.Background(), &data.QuietPeriod{From: day(2026, 12, 28), To: day(2027, 1, 6), Note: "Zwischen den Jahren nur Notfallmeldungen"}); err != nil {
		t.Fatal(err)
	}
	for _, texts := range []bool{false, true} {
		name := "plan.pdf"
		if texts {
			name = "plan-texte.pdf"
		}
		r := Request{Format: FormatPDF, From: day(2026, 12, 1), To: day(2026, 12, 31), Now: now, Texts: texts}
		sum, err := r.ExportFile(context.Background(), ws, filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %+v", name, sum)
	}
	// A busy month: 300 posts with texts, umlauts, emoji.
	tw := newTestWorkspace(t)
	tw.fillMonth(t, 300)
	r := Request{Format: FormatPDF, From: day(2026, 12, 1), To: day(2026, 12, 31), Now: now, Texts: true}
	if _, err := r.ExportFile(context.Background(), tw.Workspace, filepath.Join(out, "plan-300-texte.pdf")); err != nil {
		t.Fatal(err)
	}
}
