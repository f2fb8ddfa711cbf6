package exchange

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/demo"
)

var reportTime = time.Date(2026, 11, 30, 16, 45, 0, 0, calendar.GermanZone())

// demoReport builds the demo workspace as of reportTime, adds what only
// the report shows (access note, notes for the person covering) and
// writes the report for December 2026.
func demoReport(t *testing.T) ([]byte, Summary, *data.Workspace) {
	t.Helper()
	ctx := context.Background()
	now := func() time.Time { return reportTime }
	ws, err := demo.Create(ctx, filepath.Join(t.TempDir(), "Demo"), data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-042"}, Now: now}, reportTime)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	chs, err := ws.Channels(ctx)
	if err != nil || len(chs) == 0 {
		t.Fatalf("channels %v, %v", chs, err)
	}
	chs[0].AccessNote = "Zugang: Passwortsafe, Eintrag Social Media"
	if err := ws.SaveChannel(ctx, &chs[0]); err != nil {
		t.Fatal(err)
	}
	if err := ws.SaveHandoverNotes(ctx, data.HandoverNotes{
		Hints:      "Die Fotos für den Azubi-Dienstag liegen im Ordner „Azubis 2026“.\nBitte jeden Morgen um 9 Uhr die Kommentare lesen.",
		Netiquette: "Wir antworten werktags binnen 24 Stunden, freundlich und per Sie.",
		Contacts:   "Referatsleitung: Dr. Hans Beispiel, Tel. 0511 1234-56",
	}); err != nil {
		t.Fatal(err)
	}
	q := data.QuietPeriod{From: calendar.NewDate(2026, 12, 24), To: calendar.NewDate(2026, 12, 26), Note: "Weihnachtsruhe"}
	if err := ws.SaveQuietPeriod(ctx, &q); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	sum, err := writeHandoverReport(ctx, ws, calendar.NewDate(2026, 12, 1), calendar.NewDate(2026, 12, 31), reportTime, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("FEEDTAKT_REPORT_PDF"); dir != "" {
		os.WriteFile(filepath.Join(dir, "vertretungsmappe.pdf"), buf.Bytes(), 0o644)
	}
	return buf.Bytes(), sum, ws
}

func TestHandoverReportHasEverySection(t *testing.T) {
	b, sum, ws := demoReport(t)
	checkPDF(t, b)
	if sum.Posts == 0 {
		t.Fatalf("summary %+v: the demo's December has posts", sum)
	}
	text := pdfText(t, b)
	flat := strings.Join(strings.Fields(text), " ")
	n := pageCount(b)
	for _, want := range []string{
		"Vertretungsmappe", "Vertretungszeitraum: 01.12.2026 – 31.12.2026",
		"So arbeiten Sie mit diesem Plan", "Hinweise für die Vertretung", "im Ordner „Azubis 2026“",
		"Redaktionsplan", "KW 49", "KW 53", "Offene Entwürfe und Freigaben", "Zur Freigabe",
		"Ideen, die bereitliegen", "Serien und eigene Termine", "Kanäle und Zugänge",
		"Zugang: Passwortsafe, Eintrag Social Media", "Regeln", "Weihnachtsruhe", "Wir antworten werktags binnen 24 Stunden",
		"Einwilligungen und Lizenzen", "Ansprechpartner", "Dr. Hans Beispiel", "Maria Muster",
		"Gedruckt am 30.11.2026, 16:45 Uhr", "Seite 1 von ", "Seite " + itoa(n) + " von " + itoa(n),
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// Planned posts that may not go out are marked in the plan and listed
	// with their reasons under the consents.
	i := strings.Index(flat, "Geplante Beiträge, die so nicht erscheinen dürfen")
	if !strings.Contains(flat, "Achtung, Einwilligung oder Lizenz fehlt – so nicht veröffentlichen.") || i < 0 ||
		!strings.Contains(flat[i:], "keine Einwilligung für") {
		t.Errorf("blocked posts not marked or listed (subheading at %d)", i)
	}
	// A draft of the period is listed by its title.
	posts, err := ws.PostsBetween(context.Background(), calendar.NewDate(2026, 12, 1), calendar.NewDate(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	drafts := 0
	for _, p := range posts {
		if p.Status == data.StatusDraft || p.Status == data.StatusReview {
			drafts++
			if !strings.Contains(flat, strings.Join(strings.Fields(p.Title), " ")[:min(len(p.Title), 20)]) {
				t.Errorf("open post %q not in the report", p.Title)
			}
		}
	}
	if drafts == 0 {
		t.Error("the demo's December has no draft to look for")
	}
	// The final text of an approved post, placeholders filled, to copy.
	rc, err := ws.RenderContext(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	approved := 0
	for _, p := range posts {
		if p.Status != data.StatusApproved || len(p.Channels) == 0 {
			continue
		}
		approved++
		media, err := ws.PostMedia(context.Background(), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		words := strings.Fields(rc.Finals(p, media)[0].Text)
		if want := strings.Join(words[:min(len(words), 8)], " "); !strings.Contains(flat, want) {
			t.Errorf("the final text of %q is not in the report: %q", p.Title, want)
		}
	}
	if approved == 0 || !strings.Contains(flat, "Fertige Texte zum Veröffentlichen") {
		t.Errorf("%d approved posts; texts section missing?", approved)
	}
}

// reportHeadings are the report's section and sub-section headings.
var reportHeadings = []string{"So arbeiten Sie mit diesem Plan", "Hinweise für die Vertretung", "Redaktionsplan",
	"Offene Entwürfe und Freigaben", "Fertige Texte zum Veröffentlichen", "Zur Freigabe – warten auf die Referatsleitung",
	"Entwürfe und Ideen mit Termin – Text fertigstellen, dann zur Freigabe geben", "Ideen, die bereitliegen",
	"Serien und eigene Termine", "Serien (feste Formate)", "Eigene Termine der Behörde", "Kanäle und Zugänge", "Regeln",
	"Ruhezeiten – in dieser Zeit nichts veröffentlichen", "Netiquette – so antworten wir auf Kommentare und Nachrichten",
	"Einwilligungen und Lizenzen", "Ansprechpartner"}

// Notes for the person covering one to 60 lines long push every heading
// of the report, one after another, to the bottom of a page: none may
// stay there alone.
func TestHandoverReportHeadingNeverAloneAtPageBottom(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.fillMonth(t, 24)
	ctx := context.Background()
	for n := 1; n <= 60; n++ {
		lines := make([]string, n)
		for i := range lines {
			lines[i] = "Hinweis " + strconv.Itoa(i+1)
		}
		if err := ws.SaveHandoverNotes(ctx, data.HandoverNotes{Hints: strings.Join(lines, "\n"), Netiquette: "Freundlich.\nPer Sie."}); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := writeHandoverReport(ctx, ws.Workspace, day(2026, 12, 1), day(2026, 12, 31), reportTime, &buf); err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(pdfText(t, buf.Bytes()), "\f")
		for i, p := range pages {
			var text []string
			for _, l := range strings.Split(p, "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "Gedruckt am") {
					text = append(text, l)
				}
			}
			if len(text) == 0 {
				continue
			}
			last := text[len(text)-1]
			if slices.Contains(reportHeadings, last) || strings.HasPrefix(last, "KW ") || strings.HasPrefix(last, "Besondere Tage") ||
				strings.HasPrefix(last, "Wartet noch auf Freigabe") {
				t.Errorf("%d lines of notes: page %d ends with %q", n, i+1, last)
			}
		}
	}
}

func TestHandoverReportPeriodChecks(t *testing.T) {
	ws := newTestWorkspace(t)
	var buf bytes.Buffer
	for _, c := range []struct{ from, to calendar.Date }{
		{day(2026, 12, 31), day(2026, 12, 1)},
		{day(2026, 1, 1), day(2026, 12, 31)},
		{calendar.Date{}, day(2026, 12, 1)},
	} {
		_, err := WriteHandoverReport(context.Background(), ws.Workspace, c.from, c.to, &buf)
		if !errors.Is(err, data.ErrInvalid) || buf.Len() != 0 {
			t.Errorf("%v–%v: %v, %d bytes", c.from, c.to, err, buf.Len())
		}
	}
	// An empty workspace gives a report that says so in every section.
	sum, err := writeHandoverReport(context.Background(), ws.Workspace, day(2030, 1, 1), day(2030, 1, 14), reportTime, &buf)
	if err != nil || sum.Posts != 0 {
		t.Fatalf("%+v, %v", sum, err)
	}
	flat := strings.Join(strings.Fields(pdfText(t, buf.Bytes())), " ")
	for _, want := range []string{"Keine Beiträge geplant.", "Keine Hinweise hinterlegt", "Zugang: nicht hinterlegt", "Keine Netiquette hinterlegt"} {
		if !strings.Contains(flat, want) {
			t.Errorf("empty report lacks %q", want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestPDFPagesRefusesAnIncompleteFile(t *testing.T) {
	ws := newTestWorkspace(t)
	var buf bytes.Buffer
	if _, err := writeHandoverReport(context.Background(), ws.Workspace, day(2026, 12, 1), day(2026, 12, 14), reportTime, &buf); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	n, err := PDFPages(b)
	if err != nil || n != pageCount(b) || n < 2 {
		t.Fatalf("%d pages, %v (the file has %d)", n, err, pageCount(b))
	}
	for _, bad := range [][]byte{b[:len(b)/2], b[1:], nil, []byte("%PDF-1.4\n%%EOF\n")} {
		if _, err := PDFPages(bad); !errors.Is(err, ErrBadPDF) {
			t.Errorf("%d bytes accepted: %v", len(bad), err)
		}
	}
}
