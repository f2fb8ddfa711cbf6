package app

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// exportDialogParts are the export dialog's format selection, its check
// box "mit Texten und Bildern" and its entries (from, to, folder, name).
func exportDialogParts(t *testing.T, u *UI) (*widget.Select, *widget.Check, []*widget.Entry) {
	t.Helper()
	d := topOverlay(u)
	var check *widget.Check
	visit(d, func(c fyne.CanvasObject) {
		if ch, ok := c.(*widget.Check); ok && ch.Text == "mit Texten und Bildern" {
			check = ch
		}
	})
	sels, entries := selectsIn(d), entriesIn(d)
	if check == nil || len(sels) != 1 || len(entries) != 4 {
		t.Fatalf("export dialog: check %v, %d selections, %d entries", check != nil, len(sels), len(entries))
	}
	return sels[0], check, entries
}

// TestExportDialogWithTexts ticks "mit Texten und Bildern" (offered for
// the PDF only), exports, and finds the box ticked the next time.
func TestExportDialogWithTexts(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Weihnachtsgruß", Date: day(2026, 12, 24), Time: at(10, 0),
		Status: data.StatusReview, Caption: "Frohe Weihnachten aus der {Behörde}!"})
	openExportDialog(s)
	format, check, entries := exportDialogParts(t, u)
	if format.SelectedIndex() != 2 || !check.Visible() || check.Checked {
		t.Fatalf("PDF chosen %v, box shown %v, ticked %v", format.SelectedIndex() == 2, check.Visible(), check.Checked)
	}
	format.SetSelectedIndex(0)
	if check.Visible() {
		t.Error("the box is shown for iCalendar")
	}
	format.SetSelectedIndex(2)
	if !check.Visible() {
		t.Error("the box is not shown again for the PDF")
	}
	test.Tap(check)
	dir := t.TempDir()
	entries[2].SetText(dir)
	test.Tap(findButton(t, topOverlay(u), "Export"))
	u.Wait()
	path := filepath.Join(dir, "Redaktionsplan_2026-12-01_2026-12-31.pdf")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"mit Texten und Bildern", "Frohe Weihnachten aus der Stadt Musterstadt!", "Instagram:"} {
		if !pdfHas(b, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	assertShows(t, topOverlay(u), "1 Beitrag nach")
	test.Tap(findButton(t, topOverlay(u), "OK"))

	// Remembered for the next export.
	openExportDialog(s)
	if _, check, _ := exportDialogParts(t, u); !check.Checked {
		t.Error("the box is not ticked the next time")
	}
}

// pdfHas reports whether one of the PDF's compressed streams holds s as
// fpdf writes text: UTF-16, big-endian.
func pdfHas(b []byte, s string) bool {
	var want bytes.Buffer
	for _, u := range utf16.Encode([]rune(s)) {
		_ = binary.Write(&want, binary.BigEndian, u)
	}
	for rest := b; ; {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			return false
		}
		rest = rest[i+len("stream\n"):]
		r, err := zlib.NewReader(bytes.NewReader(rest))
		if err != nil {
			continue
		}
		content, _ := io.ReadAll(r)
		if bytes.Contains(content, want.Bytes()) {
			return true
		}
	}
}

// TestExportDialogScreenshot writes the export dialog at 1366x768 into the
// folder FEEDTAKT_SHOTS names, for a person to look at.
func TestExportDialogScreenshot(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	u, s := newCalendarUI(t, data.Post{Title: "Weihnachtsgruß", Date: day(2026, 12, 24), Time: at(10, 0), Status: data.StatusReview})
	openExportDialog(s)
	u.Wait()
	shot := func(name string) {
		fh, err := os.Create(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		if err := png.Encode(fh, u.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	shot("export-dialog-pdf-1366.png")
	format, _, _ := exportDialogParts(t, u)
	format.SetSelectedIndex(0)
	shot("export-dialog-ics-1366.png")
}

// Writing over a file asks first and writes only on yes; a new name or a
// folder of that name is written (or fails) without asking.
func TestWriteAskingBeforeReplacing(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	for top := topOverlay(u); top != nil; top = topOverlay(u) {
		u.win.Canvas().Overlays().Remove(top)
	}
	dir := t.TempDir()
	writes := 0
	write := func() { writes++ }
	u.writeAsking(filepath.Join(dir, "neu.pdf"), write)
	u.writeAsking(dir, write) // a folder: the writer says why it cannot
	if writes != 2 || topOverlay(u) != nil {
		t.Fatalf("%d writes, dialog %v", writes, topOverlay(u))
	}
	old := filepath.Join(dir, "alt.pdf")
	if err := os.WriteFile(old, []byte("%PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, answer := range []string{"Nein", "Ja"} {
		u.writeAsking(old, write)
		assertShows(t, topOverlay(u), "Datei ersetzen?", old)
		test.Tap(findButton(t, topOverlay(u), answer))
	}
	if writes != 3 {
		t.Errorf("%d writes after no and yes, want 3", writes)
	}
}
