package exchange

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// A small reader of the PDFs fpdf writes, so that tests can check what a
// page says without poppler: each page's content stream (inflated), its
// text-showing operators decoded from UTF-16 and put together line by
// line (pieces at the same height joined), top to bottom.

var (
	pageObj     = regexp.MustCompile(`(?s)\n\d+ 0 obj\n<</Type /Page\n.*?/Contents (\d+) 0 R>>`)
	textShow    = regexp.MustCompile(`BT ([-\d.]+) ([-\d.]+) Td \(`)
	imageObject = regexp.MustCompile(`/Subtype /Image\n/Width (\d+)\n/Height (\d+)`)
)

// pdfPages returns the lines of text of each page in order.
func pdfPages(t *testing.T, b []byte) [][]string {
	t.Helper()
	var pages [][]string
	for _, m := range pageObj.FindAllSubmatch(b, -1) {
		pages = append(pages, pageLines(t, streamOf(t, b, string(m[1]))))
	}
	if len(pages) == 0 {
		t.Fatal("no pages found in the PDF")
	}
	return pages
}

// streamOf returns object n's stream, inflated when it is compressed.
func streamOf(t *testing.T, b []byte, n string) []byte {
	t.Helper()
	i := bytes.Index(b, []byte("\n"+n+" 0 obj\n"))
	if i < 0 {
		t.Fatalf("object %s not found", n)
	}
	obj := b[i:]
	dictEnd := bytes.Index(obj, []byte(">>"))
	dict := string(obj[:dictEnd])
	lm := regexp.MustCompile(`/Length (\d+)`).FindStringSubmatch(dict)
	if lm == nil {
		t.Fatalf("object %s has no length", n)
	}
	length, _ := strconv.Atoi(lm[1])
	s := bytes.Index(obj, []byte("stream\n")) + len("stream\n")
	raw := obj[s : s+length]
	if !strings.Contains(dict, "/FlateDecode") {
		return raw
	}
	r, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("object %s: %v", n, err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("object %s: %v", n, err)
	}
	return out
}

// pageLines decodes the text of one content stream into lines.
func pageLines(t *testing.T, content []byte) []string {
	t.Helper()
	type piece struct {
		x, y float64
		s    string
	}
	var pieces []piece
	for _, m := range textShow.FindAllSubmatchIndex(content, -1) {
		x, _ := strconv.ParseFloat(string(content[m[2]:m[3]]), 64)
		y, _ := strconv.ParseFloat(string(content[m[4]:m[5]]), 64)
		pieces = append(pieces, piece{x, y, decodeString(content[m[1]:])})
	}
	sort.SliceStable(pieces, func(i, j int) bool {
		if d := pieces[i].y - pieces[j].y; d > 0.5 || d < -0.5 {
			return pieces[i].y > pieces[j].y
		}
		return pieces[i].x < pieces[j].x
	})
	var lines []string
	for i, p := range pieces {
		if i > 0 && abs(p.y-pieces[i-1].y) <= 0.5 {
			prev := pieces[i-1]
			sep := " | " // another column
			if adjacent(prev.s, p.s) {
				sep = ""
			}
			lines[len(lines)-1] += sep + p.s
			continue
		}
		lines = append(lines, p.s)
	}
	return lines
}

// adjacent reports pieces of one line of text split for the grey marks.
func adjacent(a, b string) bool {
	return strings.HasSuffix(a, emojiMark) || strings.HasSuffix(a, charMark) ||
		strings.HasPrefix(b, emojiMark) || strings.HasPrefix(b, charMark)
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// decodeString reads a PDF string literal starting just after its "(" and
// decodes it from UTF-16BE.
func decodeString(b []byte) string {
	var raw []byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b):
			i++
			switch b[i] {
			case 'n':
				raw = append(raw, '\n')
			case 'r':
				raw = append(raw, '\r')
			case 't':
				raw = append(raw, '\t')
			default:
				raw = append(raw, b[i])
			}
		case c == ')':
			u := make([]uint16, 0, len(raw)/2)
			for k := 0; k+1 < len(raw); k += 2 {
				u = append(u, uint16(raw[k])<<8|uint16(raw[k+1]))
			}
			return string(utf16.Decode(u))
		default:
			raw = append(raw, c)
		}
	}
	return ""
}

// pagesContaining returns the numbers (from 1) of the pages with a line
// containing s.
func pagesContaining(pages [][]string, s string) []int {
	var out []int
	for i, p := range pages {
		for _, l := range p {
			if strings.Contains(l, s) {
				out = append(out, i+1)
				break
			}
		}
	}
	return out
}

// allText is every page's lines joined, pages apart by a form feed.
func allText(pages [][]string) string {
	var b strings.Builder
	for _, p := range pages {
		b.WriteString(strings.Join(p, "\n"))
		b.WriteString("\n\f")
	}
	return b.String()
}

// images lists the size in pixels of each picture embedded in the PDF.
func images(b []byte) [][2]int {
	var out [][2]int
	for _, m := range imageObject.FindAllSubmatch(b, -1) {
		w, _ := strconv.Atoi(string(m[1]))
		h, _ := strconv.Atoi(string(m[2]))
		out = append(out, [2]int{w, h})
	}
	return out
}

func TestPDFReaderReadsThePlan(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.fillMonth(t, 12)
	b, _ := export(t, ws.Workspace, FormatPDF, day(2026, 12, 1), day(2026, 12, 31))
	pages := pdfPages(t, b)
	if len(pages) != pageCount(b) {
		t.Errorf("%d pages read, %d in the file", len(pages), pageCount(b))
	}
	text := allText(pages)
	for _, want := range []string{"Redaktionsplan Landesamt für Denkmalpflege Südheide", "Azubi-Dienstag: Lena im Archiv (1)", "Seite 1 von "} {
		if !strings.Contains(text, want) {
			t.Errorf("read text lacks %q:\n%s", want, text)
		}
	}
}
