package exchange

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"feedtakt/data"
)

// readCSV reads an export back the way Excel does: BOM, ";" and CRLF.
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		t.Fatal("no UTF-8 byte order mark")
	}
	b = b[3:]
	if !utf8.Valid(b) {
		t.Fatal("not valid UTF-8")
	}
	// Every record ends in CRLF; a bare LF may only appear inside quotes,
	// and the writer turns those into CRLF too.
	if bytes.Contains(bytes.ReplaceAll(b, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("bare LF in the file")
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	return rows
}

func TestCSVForGermanExcel(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.add(t, postSpec{
		title: "Azubi-Dienstag: Lena im Archiv", date: day(2026, 12, 1), clock: "10:00",
		status: data.StatusApproved, topic: "Ausbildung & Karriere", channels: []string{"Instagram", "Facebook"},
		caption: "Zeile 1; mit \"Zitat\"\nZeile 2 👩‍🔧 Grüße", notes: "Notiz, mit Komma",
		link: "https://www.instagram.com/p/Cx12ab/",
	})
	ws.add(t, postSpec{title: "=HYPERLINK(\"http://evil\";\"klick\")", date: day(2026, 12, 28), status: data.StatusDiscarded,
		caption: "+49 511 123", notes: "-1", topic: "Bauen, Planen; Beteiligung"})
	ws.add(t, postSpec{title: "@SUMME(A1:A9)", date: day(2026, 12, 31), clock: "9:05", caption: "\tcmd", notes: "  =1+1"})
	ws.add(t, postSpec{title: "Neujahr", date: day(2027, 1, 1)})

	b, sum := export(t, ws.Workspace, FormatCSV, day(2026, 12, 1), day(2026, 12, 31))
	if sum.Posts != 3 || sum.LeftOut != 0 {
		t.Errorf("summary %+v: CSV keeps discarded posts", sum)
	}
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBFDatum;Uhrzeit;KW;Kanäle;Titel;Rubrik;Status;Text;Notizen;Link\r\n")) {
		t.Errorf("header line: %q", b[:min(len(b), 80)])
	}
	want := [][]string{
		{"Datum", "Uhrzeit", "KW", "Kanäle", "Titel", "Rubrik", "Status", "Text", "Notizen", "Link"},
		{"01.12.2026", "10:00", "49", "Instagram, Facebook", "Azubi-Dienstag: Lena im Archiv", "Ausbildung & Karriere", "Freigegeben",
			"Zeile 1; mit \"Zitat\"\nZeile 2 👩‍🔧 Grüße", "Notiz, mit Komma", "https://www.instagram.com/p/Cx12ab/"},
		{"28.12.2026", "", "53", "", "'=HYPERLINK(\"http://evil\";\"klick\")", "Bauen, Planen; Beteiligung", "Verworfen",
			"'+49 511 123", "'-1", ""},
		{"31.12.2026", "09:05", "53", "", "'@SUMME(A1:A9)", "", "Entwurf", "'\tcmd", "'  =1+1", ""},
	}
	if got := readCSV(t, b); !reflect.DeepEqual(got, want) {
		t.Errorf("read back:\n got %q\nwant %q", got, want)
	}
	// Quotes are doubled inside a quoted cell.
	if !bytes.Contains(b, []byte(`"Zeile 1; mit ""Zitat""`)) {
		t.Error("quotes not doubled")
	}
}

func TestCSVEmptyRangeIsHeaderOnly(t *testing.T) {
	ws := newTestWorkspace(t)
	b, _ := export(t, ws.Workspace, FormatCSV, day(2030, 1, 1), day(2030, 1, 1))
	if string(b) != "\uFEFFDatum;Uhrzeit;KW;Kanäle;Titel;Rubrik;Status;Text;Notizen;Link\r\n" {
		t.Errorf("empty export: %q", b)
	}
}

func TestCSVLongCaptionFitsAnExcelCell(t *testing.T) {
	ws := newTestWorkspace(t)
	caption := strings.Repeat("Grüße 👋 ", 9000) // 9 units each in UTF-16: 81,000
	ws.add(t, postSpec{title: strings.Repeat("Ü", data.MaxTitle), caption: caption, date: day(2026, 12, 1)})
	b, _ := export(t, ws.Workspace, FormatCSV, day(2026, 12, 1), day(2026, 12, 1))
	rows := readCSV(t, b)
	text := rows[1][7]
	if n := len(utf16.Encode([]rune(text))); n > excelCellLimit {
		t.Errorf("cell has %d UTF-16 units, Excel holds %d", n, excelCellLimit)
	}
	if !strings.HasSuffix(text, " […gekürzt]") || !strings.HasPrefix(caption, strings.TrimSuffix(text, " […gekürzt]")) {
		t.Errorf("cut cell does not end in the mark or is not a prefix: …%q", text[len(text)-40:])
	}
	if rows[1][4] != strings.Repeat("Ü", data.MaxTitle) {
		t.Error("a 300-character title was changed")
	}
}

func TestExcelCell(t *testing.T) {
	for in, want := range map[string]string{
		"":           "",
		"normal":     "normal",
		"=1+1":       "'=1+1",
		"+1":         "'+1",
		"-1":         "'-1",
		"@A1":        "'@A1",
		"\t=1":       "'\t=1",
		"\r=1":       "'\r=1",
		"  =1":       "'  =1",
		"a=1":        "a=1",
		"E-Mail":     "E-Mail",
		"’=quote":    "’=quote",
		"#Hashtag":   "#Hashtag",
		"09:30":      "09:30",
		"01.12.2026": "01.12.2026",
	} {
		if got := excelCell(in); got != want {
			t.Errorf("excelCell(%q) = %q, want %q", in, got, want)
		}
	}
}
