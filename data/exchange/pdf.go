package exchange

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"feedtakt/assets"
	"feedtakt/assets/fonts"
	"feedtakt/data"
	"feedtakt/data/calendar"

	"github.com/go-pdf/fpdf"
)

// Page geometry of the PDF plan in millimetres: A4 landscape.
const (
	pageW, pageH  = 297.0, 210.0
	marginX       = 12.0
	marginTop     = 12.0
	contentBottom = pageH - 16.0 // the footer lives below
	tableW        = pageW - 2*marginX
	cellPad       = 1.3  // inside a table cell, left/right and top/bottom
	lineH         = 4.1  // one text line of a 9 pt table cell
	rowMinH       = 6.4  // a one-line row
	headRowH      = 6.0  // column header row
	weekHeadH     = 8.0  // "KW 49 · 30.11. – 06.12.2026"
	signOffH      = 52.0 // the sign-off block at the end
	fontFamily    = "NotoSans"
)

// pdfColumns are the table columns; their widths add up to tableW. max is
// the most lines a cell wraps to before it is cut with "…".
var pdfColumns = []struct {
	title string
	w     float64
	max   int
}{
	{"Datum", 22, 1},
	{"Uhrzeit", 15, 1},
	{"Kanäle", 48, 3},
	{"Titel", 118, 3},
	{"Rubrik", 45, 2},
	{"Status", 25, 1},
}

// pdfPlan draws one plan. Text goes through clean, which drops what the
// fonts cannot show and counts it.
type pdfPlan struct {
	f       *fpdf.Fpdf
	p       *plan
	glyphs  *glyphSet
	dropped int
	// counting is set while a post's cells are made, so that dropped
	// characters are counted once per post, not per page header.
	counting bool
	week     string // heading of the week being drawn, repeated after a page break
}

func writePDF(ctx context.Context, w io.Writer, p *plan) (Summary, error) {
	var sum Summary
	f := fpdf.New("L", "mm", "A4", "")
	d := &pdfPlan{f: f, p: p, glyphs: pdfGlyphs()}
	f.AddUTF8FontFromBytes(fontFamily, "", fonts.NotoSansRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fonts.NotoSansBold)
	// After the fonts: fpdf then keeps the digits in the font subset that
	// the page total is written with.
	f.AliasNbPages("{nb}")
	f.SetMargins(marginX, marginTop, marginX)
	f.SetAutoPageBreak(false, 0) // breaks are placed by hand to repeat headings
	f.SetCellMargin(0)
	// The same plan printed at the same moment gives the same bytes.
	f.SetCatalogSort(true)
	f.SetCreationDate(p.now)
	f.SetModificationDate(p.now)
	f.SetTitle(d.clean(p.title()+" "+p.period()), true)
	f.SetAuthor(d.clean(p.org), true)
	f.SetCreator("Feedtakt", true)
	f.SetLang("de-DE")
	f.SetHeaderFunc(d.header)
	f.SetFooterFunc(d.footer)

	var shown []data.Post
	for _, post := range p.posts {
		if post.Status == data.StatusDiscarded {
			sum.LeftOut++
			continue
		}
		shown = append(shown, post)
	}
	sum.Posts = len(shown)

	f.AddPage()
	d.titleBlock(shown, sum.LeftOut)
	if len(shown) == 0 {
		f.SetY(f.GetY() + 12)
		d.font("B", 14, 90)
		f.CellFormat(tableW, 8, "Keine Beiträge im Zeitraum", "", 1, "C", false, 0, "")
	} else {
		if err := d.weeks(ctx, shown); err != nil {
			return sum, err
		}
		d.signOff()
	}
	sum.DroppedChars = d.dropped
	if err := f.Error(); err != nil {
		return sum, fmt.Errorf("pdf: %w", err)
	}
	return sum, f.Output(w)
}

// font sets the family's style, size in points and a grey level for text.
func (d *pdfPlan) font(style string, size float64, grey int) {
	d.f.SetFont(fontFamily, style, size)
	d.f.SetTextColor(grey, grey, grey)
}

func (d *pdfPlan) header() {
	if d.f.PageNo() == 1 {
		return
	}
	f := d.f
	d.font("", 8, 90)
	f.SetXY(marginX, 7)
	f.CellFormat(tableW, 4, d.fit(d.p.title()+" · "+d.p.period(), tableW), "", 0, "L", false, 0, "")
	f.SetDrawColor(180, 180, 180)
	f.SetLineWidth(0.2)
	f.Line(marginX, 12, pageW-marginX, 12)
	f.SetXY(marginX, 15)
}

func (d *pdfPlan) footer() {
	f := d.f
	y := pageH - 11
	f.SetDrawColor(180, 180, 180)
	f.SetLineWidth(0.2)
	f.Line(marginX, y-1.5, pageW-marginX, y-1.5)
	d.font("", 8, 90)
	f.SetXY(marginX, y)
	f.CellFormat(150, 4, "Gedruckt am "+d.printedAt()+" · Feedtakt", "", 0, "L", false, 0, "")
	// "{nb}" is replaced by the page count only when the file is written,
	// so the width of the final text is not known here: start the text
	// where the widest likely one would start, for a steady right edge.
	wide := f.GetStringWidth("Seite 999 von 999")
	f.SetXY(pageW-marginX-wide, y)
	f.CellFormat(wide, 4, "Seite "+strconv.Itoa(f.PageNo())+" von {nb}", "", 0, "L", false, 0, "")
}

func (d *pdfPlan) printedAt() string {
	t := d.p.now.In(berlin())
	return calendar.FromTime(t).String() + ", " + t.Format("15:04") + " Uhr"
}

// titleBlock is the head of the first page: the plan's name, the period,
// when it was printed and how many posts are in which state.
func (d *pdfPlan) titleBlock(shown []data.Post, leftOut int) {
	f := d.f
	f.SetXY(marginX, marginTop)
	d.font("B", 18, 0)
	for _, l := range d.wrap(d.p.title(), tableW, 2) {
		f.CellFormat(tableW, 8, l, "", 2, "L", false, 0, "")
	}
	f.SetY(f.GetY() + 1)
	d.font("", 10.5, 30)
	n := len(shown)
	count := fmt.Sprintf("%d Beiträge", n)
	if n == 1 {
		count = "1 Beitrag"
	}
	f.CellFormat(tableW, 5.5, "Zeitraum: "+d.p.period()+" · "+count, "", 2, "L", false, 0, "")
	d.font("", 9, 70)
	var parts []string
	for _, s := range data.Statuses() {
		c := 0
		for _, post := range shown {
			if post.Status == s {
				c++
			}
		}
		if c > 0 {
			parts = append(parts, fmt.Sprintf("%s: %d", statusName(s), c))
		}
	}
	line := "Stand: " + d.printedAt()
	if len(parts) > 0 {
		line += " · " + strings.Join(parts, " · ")
	}
	if leftOut > 0 {
		line += " · " + assets.Text("de", "{{.Count}} discarded post not listed", map[string]any{"Count": leftOut})
	}
	f.CellFormat(tableW, 4.5, d.fit(line, tableW), "", 2, "L", false, 0, "")
	f.SetY(f.GetY() + 2)
}

// weeks draws one table per ISO week that has posts; a run of weeks
// without posts becomes one grey line, so gaps in the plan stay visible
// without filling pages.
func (d *pdfPlan) weeks(ctx context.Context, posts []data.Post) error {
	i := 0
	var emptyFrom, emptyTo calendar.Date
	flushEmpty := func() {
		if emptyFrom.IsZero() {
			return
		}
		d.emptyWeeks(emptyFrom, emptyTo)
		emptyFrom = calendar.Date{}
	}
	for start := calendar.WeekStart(d.p.from); !start.After(d.p.to); start = start.AddDays(7) {
		if err := ctx.Err(); err != nil {
			return err
		}
		end := start.AddDays(6)
		j := i
		for j < len(posts) && !posts[j].Date.After(end) {
			j++
		}
		if j == i {
			if emptyFrom.IsZero() {
				emptyFrom = start
			}
			emptyTo = start
			continue
		}
		flushEmpty()
		d.week = d.weekHeading(start)
		d.weekTable(posts[i:j])
		i = j
	}
	flushEmpty()
	return nil
}

// span is a week's days clipped to the period: "30.11. – 06.12.2026".
func (d *pdfPlan) span(start calendar.Date) (calendar.Date, calendar.Date) {
	a, b := start, start.AddDays(6)
	if a.Before(d.p.from) {
		a = d.p.from
	}
	if b.After(d.p.to) {
		b = d.p.to
	}
	return a, b
}

func shortDate(d calendar.Date) string { return fmt.Sprintf("%02d.%02d.", d.Day, int(d.Month)) }

func (d *pdfPlan) weekHeading(start calendar.Date) string {
	_, kw := start.ISOWeek()
	a, b := d.span(start)
	if a == b {
		return fmt.Sprintf("KW %d · %s", kw, a)
	}
	return fmt.Sprintf("KW %d · %s – %s", kw, shortDate(a), b)
}

func (d *pdfPlan) emptyWeeks(first, last calendar.Date) {
	_, kw1 := first.ISOWeek()
	_, kw2 := last.ISOWeek()
	a, _ := d.span(first)
	_, b := d.span(last)
	label := fmt.Sprintf("KW %d", kw1)
	if first != last {
		label = fmt.Sprintf("KW %d – KW %d", kw1, kw2)
	}
	d.ensure(weekHeadH, false)
	f := d.f
	y := f.GetY() + 2
	d.font("B", 10, 120)
	f.SetXY(marginX, y)
	w := f.GetStringWidth(label) + 1.5
	f.CellFormat(w, 6, label, "", 0, "L", false, 0, "")
	days := fmt.Sprintf("%s – %s", shortDate(a), b)
	if a == b {
		days = a.String()
	}
	d.font("", 9, 120)
	f.CellFormat(tableW-w, 6, "· "+days+": keine Beiträge geplant", "", 0, "L", false, 0, "")
	f.SetY(y + 6)
}

// ensure starts a new page when h millimetres do not fit on this one; in
// the middle of a week the heading and column titles are repeated.
func (d *pdfPlan) ensure(h float64, inWeek bool) bool {
	if d.f.GetY()+h <= contentBottom {
		return false
	}
	d.f.AddPage()
	if inWeek {
		d.weekHead(d.week + " (Fortsetzung)")
	}
	return true
}

func (d *pdfPlan) weekHead(label string) {
	f := d.f
	y := f.GetY() + 2
	f.SetXY(marginX, y)
	d.font("B", 11, 0)
	f.CellFormat(tableW, weekHeadH-2, label, "", 2, "L", false, 0, "")
	// Column titles on a light band.
	y = f.GetY()
	f.SetFillColor(232, 234, 237)
	f.Rect(marginX, y, tableW, headRowH, "F")
	d.font("B", 8.5, 40)
	x := marginX
	for _, c := range pdfColumns {
		f.SetXY(x+cellPad, y)
		f.CellFormat(c.w-2*cellPad, headRowH, c.title, "", 0, "L", false, 0, "")
		x += c.w
	}
	f.SetY(y + headRowH)
}

// weekTable draws the posts of one week, the date only on a day's first
// row (and again at the top of a page).
func (d *pdfPlan) weekTable(posts []data.Post) {
	d.ensure(weekHeadH+headRowH+rowMinH+2, false)
	d.weekHead(d.week)
	var last calendar.Date
	for _, post := range posts {
		newDay := *post.Date != last
		cells := d.cells(post)
		lines := 1
		for k, c := range cells {
			if k == 0 {
				continue // the date is always one line
			}
			lines = max(lines, len(c))
		}
		h := max(rowMinH, float64(lines)*lineH+2*cellPad)
		if d.ensure(h, true) {
			newDay = true
		}
		if !newDay {
			cells[0] = nil
		}
		d.row(post, cells, h, newDay && !last.IsZero())
		last = *post.Date
	}
}

// cells is the text of a post's row, wrapped to the column widths.
func (d *pdfPlan) cells(post data.Post) [][]string {
	d.counting = true
	defer func() { d.counting = false }()
	out := make([][]string, len(pdfColumns))
	dt := *post.Date
	d.font("", 9, 0)
	out[0] = []string{weekdayShort[dt.Weekday()] + " " + shortDate(dt)}
	if post.Time != nil {
		out[1] = []string{post.Time.String()}
	}
	inner := func(i int) float64 { return pdfColumns[i].w - 2*cellPad }
	out[2] = d.wrap(strings.Join(d.p.channelNames(post), ", "), inner(2), pdfColumns[2].max)
	out[3] = d.wrap(post.Title, inner(3), pdfColumns[3].max)
	if t, ok := d.p.topic(post); ok {
		out[4] = d.wrap(t.Name, inner(4)-4.5, pdfColumns[4].max)
	}
	if post.Status == data.StatusReview {
		d.font("B", 9, 0)
	}
	out[5] = d.wrap(statusName(post.Status), inner(5), pdfColumns[5].max)
	return out
}

func (d *pdfPlan) row(post data.Post, cells [][]string, h float64, dayLine bool) {
	f := d.f
	y := f.GetY()
	if dayLine {
		f.SetDrawColor(150, 150, 150)
		f.SetLineWidth(0.3)
		f.Line(marginX, y, marginX+tableW, y)
	}
	x := marginX
	for k, c := range pdfColumns {
		tx := x + cellPad
		switch {
		case k == 0:
			d.font("B", 9, 0)
		case k == 4 && len(cells[k]) > 0:
			t, _ := d.p.topic(post)
			r, g, b := hexColor(t.Color)
			f.SetFillColor(r, g, b)
			f.SetDrawColor(120, 120, 120)
			f.SetLineWidth(0.1)
			f.Rect(tx, y+cellPad+0.4, 3.2, 3.2, "FD")
			tx += 4.5
			d.font("", 9, 0)
		case k == 5 && post.Status == data.StatusReview:
			d.font("B", 9, 0)
		case k == 5 && (post.Status == data.StatusIdea || post.Status == data.StatusDraft):
			d.font("", 9, 100)
		default:
			d.font("", 9, 0)
		}
		for n, l := range cells[k] {
			f.SetXY(tx, y+cellPad+float64(n)*lineH)
			f.CellFormat(x+c.w-cellPad-tx, lineH, l, "", 0, "L", false, 0, "")
		}
		x += c.w
	}
	f.SetDrawColor(210, 210, 210)
	f.SetLineWidth(0.15)
	f.Line(marginX, y+h, marginX+tableW, y+h)
	f.SetY(y + h)
}

// signOff is the block the head of unit signs: approval, date, signature,
// with room for remarks.
func (d *pdfPlan) signOff() {
	d.ensure(signOffH, false)
	f := d.f
	y := f.GetY() + 8
	f.SetXY(marginX, y)
	d.font("B", 11, 0)
	f.CellFormat(tableW, 6, "Freigabe des Redaktionsplans "+d.p.period(), "", 2, "L", false, 0, "")
	d.font("", 9.5, 0)
	f.SetDrawColor(60, 60, 60)
	f.SetLineWidth(0.25)
	y = f.GetY() + 7
	f.SetXY(marginX, y-4.5)
	label := "Anmerkungen:"
	f.CellFormat(30, 5, label, "", 0, "L", false, 0, "")
	lx := marginX + f.GetStringWidth(label) + 2
	f.Line(lx, y, marginX+tableW, y)
	f.Line(marginX, y+8, marginX+tableW, y+8)
	y += 24
	fields := []struct {
		label string
		w     float64
	}{
		{"Freigabe:", 85},
		{"Datum:", 55},
		{"Unterschrift (Referatsleitung):", tableW - 85 - 55},
	}
	x := marginX
	for _, fl := range fields {
		f.SetXY(x, y-4.5)
		f.CellFormat(fl.w, 5, fl.label, "", 0, "L", false, 0, "")
		lx := x + f.GetStringWidth(fl.label) + 2
		f.Line(lx, y, x+fl.w-6, y)
		x += fl.w
	}
	f.SetY(y + 4)
}

// fit cleans s and cuts it to one line of width w.
func (d *pdfPlan) fit(s string, w float64) string {
	l := d.wrap(s, w, 1)
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

// wrap cleans s and breaks it into lines no wider than w in the current
// font, at spaces where it can and inside a word where it must. Beyond
// maxLines the last line ends in "…".
func (d *pdfPlan) wrap(s string, w float64, maxLines int) []string {
	s = d.clean(s)
	if s == "" {
		return nil
	}
	f := d.f
	if f.GetStringWidth(s) <= w {
		return []string{s}
	}
	var lines []string
	line := ""
	for _, word := range strings.Split(s, " ") {
		cand := word
		if line != "" {
			cand = line + " " + word
		}
		if f.GetStringWidth(cand) <= w {
			line = cand
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		for f.GetStringWidth(word) > w {
			n := fitRunes(f, word, w)
			lines = append(lines, word[:n])
			word = word[n:]
		}
		line = word
		if len(lines) > maxLines {
			break
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) <= maxLines {
		return lines
	}
	lines = lines[:maxLines]
	// The last line ends in "…" even when it fits: text follows.
	fits := func(t string) bool { return f.GetStringWidth(t) <= w }
	lines[maxLines-1] = data.FitText(strings.TrimRight(lines[maxLines-1], " ")+"…", fits)
	return lines
}

// fitRunes returns how many bytes of s fit into w, at least one rune.
func fitRunes(f *fpdf.Fpdf, s string, w float64) int {
	n := 0
	for i, r := range s {
		if i > 0 && f.GetStringWidth(s[:i+utf8.RuneLen(r)]) > w {
			break
		}
		n = i + utf8.RuneLen(r)
	}
	return n
}

// clean makes text printable in the PDF's fonts: line breaks and other
// spacing become single spaces, characters without a glyph (emoji, many
// symbols, scripts the Go fonts lack) are left out and, while counting,
// counted in d.dropped; the invisible joiners and selectors that belong
// to an emoji go without counting.
func (d *pdfPlan) clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is due before the next character
	gap := false   // a character was left out since the last one written
	joined := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
		case d.glyphs.has(r):
			// "Denkmal 🏛️: Führung" becomes "Denkmal: Führung", not
			// "Denkmal : Führung".
			if space && !(gap && strings.ContainsRune(".,:;!?)", r)) {
				b.WriteByte(' ')
			}
			space, gap = false, false
			b.WriteRune(r)
		case invisible(r):
			joined = joined || r == zwj
			continue
		default:
			if d.counting && !(gap && joined) {
				d.dropped++ // a family emoji joined by ZWJ counts once
			}
			gap = true
		}
		joined = false
	}
	return b.String()
}

const zwj = 0x200D // zero width joiner, glues emoji into one

// invisible reports characters that draw nothing on their own: joiners,
// variation selectors, emoji skin-tone modifiers and tag characters, and
// other format controls.
func invisible(r rune) bool {
	switch {
	case r == zwj, r >= 0xFE00 && r <= 0xFE0F, r >= 0x1F3FB && r <= 0x1F3FF,
		r >= 0xE0020 && r <= 0xE007F, r >= 0xE0100 && r <= 0xE01EF:
		return true
	}
	return unicode.Is(unicode.Cf, r) || unicode.IsControl(r)
}

// hexColor reads "#RRGGBB"; anything else is a neutral grey.
func hexColor(s string) (r, g, b int) {
	if len(s) != 7 || s[0] != '#' {
		return 0x60, 0x7D, 0x8B
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return 0x60, 0x7D, 0x8B
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}
