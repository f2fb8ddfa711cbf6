package exchange

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"feedtakt/data"
)

var fuzzSeeds = []string{
	"", "Azubi-Dienstag: Lena im Archiv", "Zeile 1\r\nZeile 2\rZeile 3\n", "a;b,c\\d", `\n ist kein Umbruch`,
	"tab\there", "nul\x00 bell\a esc\x1b[31m del\x7f", "c1\u0085\u009b", "ls\u2028ps\u2029", "bad \xff\xfe utf8",
	"👩‍👩‍👧 " + strings.Repeat("ä", 40) + " 👍🏽", strings.Repeat("x", 74) + "👩‍👩‍👧", "=HYPERLINK(\"http://evil\")",
	"  +49 511", "\t-1", "\"Zitat\" und „Anführung“", strings.Repeat("€", 30),
}

// rawControl reports a character that must never stand raw in an exported
// text: C0 and C1 controls, DEL, the Unicode line separators.
func rawControl(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// FuzzICSText writes arbitrary text as an iCalendar TEXT property. Every
// physical line must be at most 75 octets, valid UTF-8 and free of control
// characters other than the fold's CRLF; unfolded and unescaped, the value
// must be the text as data.CleanText leaves it.
func FuzzICSText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		iw := &icsWriter{w: bufio.NewWriter(&buf)}
		iw.text("DESCRIPTION", s)
		if iw.err != nil || iw.w.Flush() != nil {
			t.Fatal(iw.err)
		}
		b := buf.Bytes()
		if !bytes.HasSuffix(b, []byte("\r\n")) {
			t.Fatalf("no CRLF at the end: %q", b)
		}
		for i, l := range bytes.Split(b[:len(b)-2], []byte("\r\n")) {
			if len(l) > maxLine {
				t.Fatalf("line %d has %d octets", i, len(l))
			}
			if !utf8.Valid(l) {
				t.Fatalf("line %d is not valid UTF-8 (a fold split a character): %q", i, l)
			}
			if i > 0 && (len(l) < 2 || l[0] != ' ') {
				t.Fatalf("continuation line %d does not start with one space plus text: %q", i, l)
			}
			for _, r := range string(l) {
				if rawControl(r) && r != '\t' {
					t.Fatalf("line %d holds the control character %U: %q", i, r, l)
				}
			}
		}
		value := strings.TrimPrefix(strings.ReplaceAll(string(b[:len(b)-2]), "\r\n ", ""), "DESCRIPTION:")
		got, ok := unescapeICS(value)
		if !ok {
			t.Fatalf("bad escaping: %q", value)
		}
		if want := data.CleanText(strings.ToValidUTF8(s, ""), true); got != want {
			t.Fatalf("round trip:\n got %q\nwant %q", got, want)
		}
	})
}

// unescapeICS reverses RFC 5545 TEXT escaping; ok is false for an unknown
// escape or an unescaped ; or ,.
func unescapeICS(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 == len(s) {
				return "", false
			}
			i++
			switch s[i] {
			case '\\', ';', ',':
				b.WriteByte(s[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", false
			}
		case ';', ',':
			return "", false
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// FuzzCSVCell writes arbitrary text in a single-line and a multi-line
// column of the CSV row and reads it back with a CSV reader: the file
// must parse, no cell may hold a raw control character other than the
// line break and tab of a multi-line text, and a cell that a spreadsheet
// would run as a formula must start with an apostrophe.
func FuzzCSVCell(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "") // the store refuses invalid UTF-8
		}
		var buf bytes.Buffer
		cw := csv.NewWriter(&buf)
		cw.Comma = ';'
		cw.UseCRLF = true
		title := excelCell(data.CleanText(s, false))
		caption := excelCell(data.CleanText(s, true))
		if err := cw.Write([]string{title, caption}); err != nil {
			t.Fatal(err)
		}
		cw.Flush()
		r := csv.NewReader(&buf)
		r.Comma = ';'
		rows, err := r.ReadAll()
		if err != nil || len(rows) != 1 || len(rows[0]) != 2 {
			t.Fatalf("does not read back: %v %q", err, buf.String())
		}
		for i, cell := range rows[0] {
			for _, c := range cell {
				if rawControl(c) && c != '\t' && !(i == 1 && c == '\n') {
					t.Fatalf("cell %d holds the control character %U: %q", i, c, cell)
				}
			}
			if t2 := strings.TrimLeft(cell, " "); t2 != "" && strings.ContainsRune("=+-@", rune(t2[0])) {
				t.Fatalf("cell %d can run as a formula: %q", i, cell)
			}
		}
		// The CSV reader turns the CRLF it wrote inside a quoted cell back
		// into LF, so the caption reads back exactly.
		if rows[0][1] != caption {
			t.Fatalf("caption round trip:\n got %q\nwant %q", rows[0][1], caption)
		}
	})
}
