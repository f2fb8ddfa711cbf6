package exchange

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"feedtakt/assets/fonts"
	"feedtakt/data"
)

var pageObject = regexp.MustCompile(`/Type /Page\b`)

func pageCount(b []byte) int { return len(pageObject.FindAll(b, -1)) }

func checkPDF(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("does not start with %%PDF-: %q", b[:min(len(b), 16)])
	}
	if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
		t.Fatal("does not end with the EOF marker")
	}
}

// pdfText extracts the text with poppler's pdftotext, as a reader would
// copy it; the test is skipped where poppler-utils is not installed.
func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	in := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", in, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

func TestPDFMonthWith300Posts(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.fillMonth(t, 300)
	b, sum := export(t, ws.Workspace, FormatPDF, day(2026, 12, 1), day(2026, 12, 31))
	checkPDF(t, b)
	if sum.Posts != 250 || sum.LeftOut != 50 {
		t.Errorf("summary %+v, want 250 posts and the 50 discarded left out", sum)
	}
	// About 15 rows fit on a landscape page; the titles wrap now and then.
	n := pageCount(b)
	if n < 10 || n > 25 {
		t.Errorf("%d pages for 250 rows", n)
	}
	text := pdfText(t, b)
	for _, want := range []string{
		"Redaktionsplan Landesamt für Denkmalpflege Südheide",
		"Zeitraum: 01.12.2026 – 31.12.2026 · 250 Beiträge",
		"Stand: 27.11.2026, 14:05 Uhr",
		"KW 49 · 01.12. – 06.12.2026", "KW 53 · 28.12. – 31.12.2026", "(Fortsetzung)",
		"Datum", "Uhrzeit", "Kanäle", "Titel", "Rubrik", "Status",
		"Di 01.12.", "Azubi-Dienstag: Lena im Archiv (1)", "Ausbildung & Karriere", "Zur Freigabe",
		"Seite 1 von " + strconv.Itoa(n), "Seite " + strconv.Itoa(n) + " von " + strconv.Itoa(n),
		"Gedruckt am 27.11.2026, 14:05 Uhr",
		"Freigabe:", "Datum:", "Unterschrift (Referatsleitung):",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if strings.Contains(text, "Verworfen") {
		t.Error("a discarded post is in the plan")
	}
	if strings.Contains(text, "🏛") || strings.ContainsRune(text, '\uFFFD') {
		t.Error("emoji or replacement characters printed")
	}
}

func TestPDFEmptyRange(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.add(t, postSpec{title: "Nur verworfen", date: day(2030, 1, 2), status: data.StatusDiscarded})
	b, sum := export(t, ws.Workspace, FormatPDF, day(2030, 1, 1), day(2030, 1, 31))
	checkPDF(t, b)
	if pageCount(b) != 1 || sum.Posts != 0 || sum.LeftOut != 1 {
		t.Errorf("%d pages, summary %+v", pageCount(b), sum)
	}
	text := pdfText(t, b)
	if !strings.Contains(text, "Keine Beiträge im Zeitraum") || !strings.Contains(text, "Seite 1 von 1") {
		t.Errorf("empty plan says:\n%s", text)
	}
	if strings.Contains(text, "Unterschrift") {
		t.Error("an empty plan asks for a signature")
	} // One discarded post: singular ("1 verworfene" was wrong German).
	if !strings.Contains(text, "1 verworfener nicht aufgeführt") {
		t.Errorf("the left-out line is not in the singular:\n%s", text)
	}
}

// TestPDFHyphenIsAHyphen checks the PDF typeface: in the Go fonts a plain
// hyphen was as wide as a dash, so "Azubi-Dienstag" read "Azubi–Dienstag".
// Noto Sans draws a hyphen well under half an en dash.
func TestPDFHyphenIsAHyphen(t *testing.T) {
	f := fpdf.New("L", "mm", "A4", "")
	f.AddUTF8FontFromBytes(fontFamily, "", fonts.NotoSansRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fonts.NotoSansBold)
	for _, style := range []string{"", "B"} {
		f.SetFont(fontFamily, style, 9)
		if err := f.Error(); err != nil {
			t.Fatal(err)
		}
		hyphen, dash := f.GetStringWidth("-"), f.GetStringWidth("–")
		if hyphen <= 0 || hyphen > 0.65*dash {
			t.Errorf("style %q: hyphen %.2f mm, en dash %.2f mm", style, hyphen, dash)
		}
	}
	if !strings.Contains(fonts.License, "SIL Open Font License") || !strings.Contains(fonts.License, "Copyright 2015 Google") {
		t.Error("the OFL licence text with the copyright notice must ship with the fonts")
	}
}

func TestPDFDropsWhatTheFontLacksAndCutsLongTitles(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.add(t, postSpec{title: "Weltkindertag 🎈🎉: Grüße 👩‍👩‍👧 aus dem Amt ✓", date: day(2026, 12, 1), clock: "09:00",
		topic: "Service", channels: []string{"Instagram"}, caption: "Im Text 🎈 zählt es nicht, der steht nicht im Plan."})
	long := strings.Repeat("Flächennutzungsplan Änderung ", 9) + "ENDE"
	ws.add(t, postSpec{title: long, date: day(2026, 12, 2), clock: "09:00"})
	unbreakable := strings.Repeat("Donaudampfschifffahrtsgesellschaft", 8)
	ws.add(t, postSpec{title: unbreakable, date: day(2026, 12, 3)})

	b, sum := export(t, ws.Workspace, FormatPDF, day(2026, 12, 1), day(2026, 12, 31))
	checkPDF(t, b)
	// 🎈, 🎉, the family (one emoji of three joined people) and ✓.
	if sum.DroppedChars != 4 {
		t.Errorf("DroppedChars = %d, want 4", sum.DroppedChars)
	}
	text := pdfText(t, b)
	if !strings.Contains(text, "Weltkindertag: Grüße aus dem Amt") {
		t.Errorf("cleaned title missing:\n%s", text)
	}
	if strings.Contains(text, "ENDE") || strings.Count(text, "…") < 2 {
		t.Error("long titles are not cut with …")
	}
	if !strings.Contains(text, "Flächennutzungsplan Änderung Flächennutzungsplan") || !strings.Contains(text, "Donaudampfschiff") {
		t.Error("the start of a long title is missing")
	}
}

func TestPDFRangeLimit(t *testing.T) {
	ws := newTestWorkspace(t)
	var buf bytes.Buffer
	err := Export(context.Background(), ws.Workspace, FormatPDF, day(2026, 1, 1), day(2028, 12, 31), &buf)
	var inv *data.InvalidError
	if !errors.As(err, &inv) || !errors.Is(err, data.ErrInvalid) || buf.Len() != 0 {
		t.Fatalf("three years: err %v, %d bytes written", err, buf.Len())
	}
	if data.Explain(err).Key != "A PDF plan covers at most two years; please choose a shorter period." {
		t.Errorf("explained as %q", data.Explain(err).Key)
	}
	if err := Export(context.Background(), ws.Workspace, FormatPDF, day(2027, 1, 1), day(2029, 1, 1), &buf); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("732 days: err %v", err)
	}
	// Two whole years, one of them a leap year, are allowed; so is iCalendar
	// for a longer period.
	export(t, ws.Workspace, FormatPDF, day(2027, 1, 1), day(2028, 12, 31))
	export(t, ws.Workspace, FormatICS, day(1995, 1, 1), day(2100, 12, 31))
}

func TestPDFSameInputSameFile(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.fillMonth(t, 20)
	a, _ := export(t, ws.Workspace, FormatPDF, day(2026, 12, 1), day(2026, 12, 31))
	b, _ := export(t, ws.Workspace, FormatPDF, day(2026, 12, 1), day(2026, 12, 31))
	if !bytes.Equal(a, b) {
		t.Error("two exports of the same plan at the same time differ")
	}
}

// TestPDFRendersLandscape draws the first page with poppler and checks it
// is an A4 landscape page with ink on it; where poppler-utils is missing
// the test is skipped.
func TestPDFRendersLandscape(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed (apt-get install poppler-utils)")
	}
	ws := newTestWorkspace(t)
	ws.fillMonth(t, 40)
	b, _ := export(t, ws.Workspace, FormatPDF, day(2026, 12, 1), day(2026, 12, 31))
	dir := t.TempDir()
	in := filepath.Join(dir, "plan.pdf")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "p.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	r := img.Bounds()
	// A4 landscape at 50 dpi: 585 x 413 pixels.
	if r.Dx() < 580 || r.Dx() > 590 || r.Dy() < 408 || r.Dy() > 418 {
		t.Errorf("page is %dx%d pixels, want A4 landscape", r.Dx(), r.Dy())
	}
	ink := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if g, _, _, _ := img.At(x, y).RGBA(); g < 0xC000 {
				ink++
			}
		}
	}
	if share := float64(ink) / float64(r.Dx()*r.Dy()); share < 0.02 || share > 0.4 {
		t.Errorf("%.1f %% of the page is dark: blank or a mess", share*100)
	}
}
