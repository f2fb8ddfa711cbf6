package exchange

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

func TestRequestValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		r    Request
		key  string
	}{
		{"from after to", Request{Format: FormatICS, From: day(2026, 12, 31), To: day(2026, 12, 1)}, "The start of the period lies after its end."},
		{"unknown format", Request{Format: "xlsx", From: day(2026, 12, 1), To: day(2026, 12, 31)}, "Unknown export format; choose ics, csv or pdf."},
		{"upper-case format", Request{Format: "PDF", From: day(2026, 12, 1), To: day(2026, 12, 31)}, "Unknown export format; choose ics, csv or pdf."},
		{"zero date", Request{Format: FormatCSV, To: day(2026, 12, 31)}, "Please choose a valid start and end date."},
		{"31 February", Request{Format: FormatCSV, From: calendar.Date{Year: 2026, Month: 2, Day: 31}, To: day(2026, 12, 31)}, "Please choose a valid start and end date."},
		{"pdf three years", Request{Format: FormatPDF, From: day(2026, 1, 1), To: day(2028, 12, 31)}, "A PDF plan covers at most two years; please choose a shorter period."},
		{"one day", Request{Format: FormatPDF, From: day(2026, 12, 1), To: day(2026, 12, 1)}, ""},
		{"29 February 2028", Request{Format: FormatCSV, From: day(2028, 2, 29), To: day(2028, 2, 29)}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.r.Validate()
			if c.key == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			var inv *data.InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("err %v is not a *data.InvalidError", err)
			}
			if got := data.Explain(err).Key; got != c.key {
				t.Errorf("explained as %q, want %q", got, c.key)
			}
		})
	}
}

func TestExportRefusesBeforeWriting(t *testing.T) {
	ws := newTestWorkspace(t)
	for _, f := range Formats() {
		var buf bytes.Buffer
		err := Export(context.Background(), ws.Workspace, f, day(2026, 12, 31), day(2026, 12, 1), &buf)
		if !errors.Is(err, data.ErrInvalid) || buf.Len() != 0 {
			t.Errorf("%s: err %v, %d bytes written", f, err, buf.Len())
		}
	}
}

func TestExportFromReadOnlyWorkspace(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.add(t, postSpec{title: "Lesend", date: day(2026, 12, 1), clock: "10:00", channels: []string{"Instagram"}})
	dir := ws.Dir()
	ws.Close()
	ro, err := data.Open(context.Background(), dir, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for _, f := range Formats() {
		var buf bytes.Buffer
		if err := Export(context.Background(), ro, f, day(2026, 12, 1), day(2026, 12, 31), &buf); err != nil || buf.Len() == 0 {
			t.Errorf("%s from a read-only workspace: %v, %d bytes", f, err, buf.Len())
		}
	}
}

func TestExportCancelled(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.fillMonth(t, 10)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, f := range Formats() {
		_, err := Request{Format: f, From: day(2026, 12, 1), To: day(2026, 12, 31)}.Export(ctx, ws.Workspace, &bytes.Buffer{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err %v, want context.Canceled", f, err)
		}
	}
}

// failingWriter fails after n bytes, like a full disk.
type failingWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestExportReportsWriteErrors(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.fillMonth(t, 300)
	for _, f := range Formats() {
		err := Export(context.Background(), ws.Workspace, f, day(2026, 12, 1), day(2026, 12, 31), &failingWriter{n: 1000})
		if !errors.Is(err, errDiskFull) {
			t.Errorf("%s: err %v, want the write error", f, err)
		}
	}
}

func TestFormatFromNameAndSuggestedName(t *testing.T) {
	for name, want := range map[string]string{
		"plan.ics": "ics", `H:\Presse\Plan.CSV`: "csv", "plan.final.Pdf": "pdf", "plan.xlsx": "", "plan": "", "ics": "",
	} {
		if got := FormatFromName(name); got != want {
			t.Errorf("FormatFromName(%q) = %q, want %q", name, got, want)
		}
	}
	if got := SuggestedName(FormatPDF, day(2026, 12, 1), day(2026, 12, 31)); FormatFromName(got) != FormatPDF {
		t.Errorf("SuggestedName %q does not name its format", got)
	}
}

// ExportFile is the one way the app and the command line write an export:
// a failure of any kind leaves an existing file as it was and no .part.
func TestExportFileNeverEmptiesAnExistingFile(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.add(t, postSpec{title: "Azubi-Dienstag", date: day(2026, 12, 1), clock: "10:00"})
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.pdf")
	old := []byte("the previous export")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	unchanged := func(what string) {
		t.Helper()
		if b, err := os.ReadFile(path); err != nil || !bytes.Equal(b, old) {
			t.Errorf("%s: the existing file was changed (%q, %v)", what, b, err)
		}
		if _, err := os.Stat(path + ".part"); err == nil {
			t.Errorf("%s: .part left behind", what)
		}
	}
	ctx := context.Background()
	if _, err := (Request{Format: "doc", From: day(2026, 12, 1), To: day(2026, 12, 31)}).ExportFile(ctx, ws.Workspace, path); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("invalid request: %v", err)
	}
	unchanged("invalid request")
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := (Request{Format: FormatPDF, From: day(2026, 12, 1), To: day(2026, 12, 31)}).ExportFile(cancelled, ws.Workspace, path); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	unchanged("cancelled")
	if _, err := (Request{Format: FormatPDF, From: day(2026, 12, 1), To: day(2026, 12, 31)}).ExportFile(ctx, ws.Workspace, filepath.Join(dir, "missing", "plan.pdf")); !errors.Is(err, ErrWriteFile) {
		t.Errorf("missing folder: %v, want ErrWriteFile", err)
	}
	sum, err := Request{Format: FormatCSV, From: day(2026, 12, 1), To: day(2026, 12, 31)}.ExportFile(ctx, ws.Workspace, path)
	if err != nil || sum.Posts != 1 {
		t.Fatalf("export: %+v, %v", sum, err)
	}
	if b, _ := os.ReadFile(path); !bytes.Contains(b, []byte("Azubi-Dienstag")) {
		t.Errorf("new content not in place: %q", b)
	}
}

// Text saved before control characters were refused (or written by an
// older version) must not reach a CSV or ICS file raw.
func TestExportsDropControlCharactersOfOldData(t *testing.T) {
	ws := newTestWorkspace(t)
	p := ws.add(t, postSpec{title: "Sauber", date: day(2026, 12, 1), clock: "10:00", caption: "x"})
	// Straight into the database, as old data would be.
	db, err := sql.Open("sqlite", filepath.Join(ws.Dir(), data.DBName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE posts SET title = ?, caption = ?, notes = ? WHERE id = ?`,
		"Ti\x00tel\x1b[0m", "Zeile\x07 1\r\nZeile\u2028 2\u0085", "No\x00tiz", p.ID); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{FormatCSV, FormatICS} {
		b, _ := export(t, ws.Workspace, format, day(2026, 12, 1), day(2026, 12, 31))
		for _, r := range string(b) {
			if r != '\r' && r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029') {
				t.Errorf("%s holds the control character %U", format, r)
			}
		}
		if !bytes.Contains(b, []byte("Titel[0m")) {
			t.Errorf("%s: the title lost more than its control characters", format)
		}
	}
}
