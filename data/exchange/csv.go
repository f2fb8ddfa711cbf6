package exchange

import (
	"bufio"
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"

	"feedtakt/data"
)

// csvHeader is the first row, in the words of the UI.
var csvHeader = []string{"Datum", "Uhrzeit", "KW", "Kanäle", "Titel", "Rubrik", "Status", "Text", "Notizen", "Link"}

// excelCellLimit is the most characters (UTF-16 code units) an Excel cell
// holds; Excel cuts or spills longer text on open, so the export cuts it
// visibly instead.
const excelCellLimit = 32767

// utf8BOM makes Excel read the file as UTF-8 instead of Windows-1252 on a
// double-click. (A "sep=;" line would make it ignore the BOM, and ";" is
// already the list separator of a German Windows.)
const utf8BOM = "\uFEFF"

func writeCSV(ctx context.Context, w io.Writer, p *plan) (Summary, error) {
	var sum Summary
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString(utf8BOM); err != nil {
		return sum, err
	}
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return sum, err
	}
	row := make([]string, len(csvHeader))
	for i, post := range p.posts {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return sum, err
			}
		}
		d := *post.Date
		_, week := d.ISOWeek()
		row[0] = d.String()
		row[1] = ""
		if post.Time != nil {
			row[1] = post.Time.String()
		}
		row[2] = strconv.Itoa(week)
		row[3] = strings.Join(p.channelNames(post), ", ")
		row[4] = post.Title
		row[5] = ""
		if t, ok := p.topic(post); ok {
			row[5] = t.Name
		}
		row[6] = statusName(post.Status)
		row[7] = post.Caption
		row[8] = post.Notes
		row[9] = post.PublishedLink
		for j := range row {
			// Caption and notes keep their line breaks (the cell is
			// quoted); every other control character goes, also from
			// text saved before they were refused.
			row[j] = excelCell(data.CleanText(row[j], j == 7 || j == 8))
		}
		if err := cw.Write(row); err != nil {
			return sum, err
		}
		sum.Posts++
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return sum, err
	}
	return sum, bw.Flush()
}

// excelCell makes a value safe for a spreadsheet: text that Excel or
// LibreOffice would run as a formula (it starts with = + - @, a tab or a
// carriage return, also after leading spaces) gets a leading apostrophe
// (OWASP "CSV injection"), and text longer than a cell holds is cut with
// a visible mark.
func excelCell(s string) string {
	if t := strings.TrimLeft(s, " "); t != "" {
		switch t[0] {
		case '=', '+', '-', '@', '\t', '\r':
			s = "'" + s
		}
	}
	if len(s) <= excelCellLimit || utf16Len(s) <= excelCellLimit {
		return s // UTF-8 never has fewer bytes than UTF-16 has units
	}
	const mark = " […gekürzt]"
	room := excelCellLimit - utf16Len(mark)
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > room {
			return s[:i] + mark
		}
	}
	return s
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
