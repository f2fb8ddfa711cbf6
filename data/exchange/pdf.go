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
//
// The plan is first cut into units (a week's heading, a day's holidays, a
// post's row, one line of its texts, the sign-off block), each never split
// across pages; place then puts them on pages, keeping together what must
// stay together and repeating the week's heading after a page break.
type pdfPlan struct {
	f       *fpdf.Fpdf
	p       *plan
	glyphs  *glyphSet
	dropped int
	// counting is set while a post's cells are made, so that dropped
	// characters are counted once per post, not per page header.
	counting bool
	units    []*unit
	lastRow  int                    // the index of the last post's row in units
	pics     map[string]*pdfPicture // by content hash, each embedded once

	// State while placing: the day whose date was last printed on this
	// page, the day of the last row, whether the column titles were the
	// last thing drawn, whether the page holds anything but headings.
	pageDay   calendar.Date
	lastDay   calendar.Date
	underHead bool
	pageTop   bool
}

// unit is a piece of the plan that is never split across pages.
type unit struct {
	h float64
	// dyn, when set, gives the height for a unit placed at y instead of h
	// (the end of a post's texts, which waits for the picture beside them).
	dyn func(y float64) float64
	// need is the room the unit takes below its top when more than h:
	// a picture beside the lines that follow.
	need float64
	// keep keeps the unit on the same page as the next one.
	keep bool
	// cont is drawn at the top of a new page that starts with this unit:
	// the week's heading again, marked "(Fortsetzung)".
	cont func()
	draw func(y float64)
}

func (u *unit) height(y float64) float64 {
	if u.dyn != nil {
		return u.dyn(y)
	}
	return u.h
}

func writePDF(ctx context.Context, w io.Writer, p *plan) (Summary, error) {
	var sum Summary
	f := fpdf.New("L", "mm", "A4", "")
	d := &pdfPlan{f: f, p: p, glyphs: pdfGlyphs(), pics: map[string]*pdfPicture{}}
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
		if err := d.place(ctx); err != nil {
			return sum, err
		}
	}
	sum.DroppedChars = d.dropped
	if err := f.Error(); err != nil {
		return sum, fmt.Errorf("pdf: %w", err)
	}
	return sum, f.Output(w)
}

// add appends a unit to the plan.
func (d *pdfPlan) add(u *unit) *unit {
	d.units = append(d.units, u)
	return u
}

// place puts the units on pages in order. A unit starts a new page when
// it and the units kept with it do not fit on this one; a page break in
// the middle of a week repeats its heading.
func (d *pdfPlan) place(ctx context.Context) error {
	f := d.f
	for i, u := range d.units {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if f.GetY()+d.chainNeed(i, f.GetY()) > contentBottom && !d.pageTop {
			f.AddPage()
			d.pageTop, d.pageDay, d.underHead = true, calendar.Date{}, false
			if u.cont != nil {
				u.cont()
			}
		}
		y := f.GetY()
		h := u.height(y)
		if u.draw != nil {
			u.draw(y)
		}
		f.SetY(y + h)
		if h > 0 {
			d.pageTop = false
		}
	}
	return nil
}

// chainNeed is the room unit i and the units kept with it take when
// placed at y.
func (d *pdfPlan) chainNeed(i int, y float64) float64 {
	off, need := 0.0, 0.0
	for k := i; k < len(d.units); k++ {
		u := d.units[k]
		h := u.height(y + off)
		need = max(need, off+max(h, u.need))
		off += h
		if !u.keep {
			break
		}
	}
	return need
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
	d.pageFooter(pageW, pageH-11, marginX, 150, "Gedruckt am "+d.printedAt()+" · Feedtakt")
}

// pageFooter draws a page's footer for every kind of document: a line,
// left what is printed (left, in a box leftW wide) and right "Seite n von
// m". "{nb}" is replaced by the page count only when the file is written,
// so the width of the final text is not known here: the page number starts
// where the widest likely one would start, for a steady right edge.
func (d *pdfPlan) pageFooter(w, y, margin, leftW float64, left string) {
	f := d.f
	f.SetDrawColor(180, 180, 180)
	f.SetLineWidth(0.2)
	f.Line(margin, y-1.5, w-margin, y-1.5)
	d.font("", 8, 90)
	f.SetXY(margin, y)
	f.CellFormat(leftW, 4, left, "", 0, "L", false, 0, "")
	wide := f.GetStringWidth("Seite 999 von 999")
	f.SetXY(w-margin-wide, y)
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
	line := "Zeitraum: " + d.p.period() + " · " + count
	if d.p.texts != nil {
		line += " · mit Texten und Bildern"
	}
	f.CellFormat(tableW, 5.5, line, "", 2, "L", false, 0, "")
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
	line = "Stand: " + d.printedAt()
	if len(parts) > 0 {
		line += " · " + strings.Join(parts, " · ")
	}
	if leftOut > 0 {
		line += " · " + assets.Text("de", "{{.Count}} discarded post not listed", map[string]any{"Count": leftOut})
	}
	f.CellFormat(tableW, 4.5, d.fit(line, tableW), "", 2, "L", false, 0, "")
	f.SetY(f.GetY() + 2)
}

// weeks cuts the plan into units: one table per ISO week that has posts,
// with the holidays of its days; a run of weeks without posts becomes one
// grey line (with the holidays in it), so gaps in the plan stay visible
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
		if err := d.weekTable(ctx, start, posts[i:j]); err != nil {
			return err
		}
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

// dayName is "Di 01.12.".
func dayName(d calendar.Date) string { return weekdayShort[d.Weekday()] + " " + shortDate(d) }

func (d *pdfPlan) weekHeading(start calendar.Date) string {
	_, kw := start.ISOWeek()
	a, b := d.span(start)
	if a == b {
		return fmt.Sprintf("KW %d · %s", kw, a)
	}
	return fmt.Sprintf("KW %d · %s – %s", kw, shortDate(a), b)
}

// emptyWeeks is the grey line for weeks without posts, followed by the
// holidays and action days that fall into them.
func (d *pdfPlan) emptyWeeks(first, last calendar.Date) {
	_, kw1 := first.ISOWeek()
	_, kw2 := last.ISOWeek()
	a, _ := d.span(first)
	_, b := d.span(last)
	label := fmt.Sprintf("KW %d", kw1)
	if first != last {
		label = fmt.Sprintf("KW %d – KW %d", kw1, kw2)
	}
	days := fmt.Sprintf("%s – %s", shortDate(a), b)
	if a == b {
		days = a.String()
	}
	line := d.add(&unit{h: 8, draw: func(y float64) {
		f := d.f
		y += 2
		d.font("B", 10, 120)
		f.SetXY(marginX, y)
		w := f.GetStringWidth(label) + 1.5
		f.CellFormat(w, 6, label, "", 0, "L", false, 0, "")
		d.font("", 9, 120)
		f.CellFormat(tableW-w, 6, "· "+days+": keine Beiträge geplant", "", 0, "L", false, 0, "")
		d.underHead = true // no line between days right below it
	}})
	bands := d.bands(a, b, nil)
	line.keep = bands > 0
}

// weekHead draws a week's heading and the column titles at y.
func (d *pdfPlan) weekHead(y float64, label string) {
	f := d.f
	y += 2
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
	d.underHead = true
}

// weekTable cuts one week into units: its heading, then day by day the
// day's holidays and its posts' rows (and texts).
func (d *pdfPlan) weekTable(ctx context.Context, start calendar.Date, posts []data.Post) error {
	label := d.weekHeading(start)
	cont := func() { d.weekHead(d.f.GetY(), label+" (Fortsetzung)") }
	d.add(&unit{h: weekHeadH + headRowH, keep: true, draw: func(y float64) { d.weekHead(y, label) }})
	a, b := d.span(start)
	i := 0
	for day := a; !day.After(b); day = day.AddDays(1) {
		d.bands(day, day, cont)
		for ; i < len(posts) && !posts[i].Date.After(day); i++ {
			if err := d.post(ctx, posts[i], cont); err != nil {
				return err
			}
		}
	}
	for ; i < len(posts); i++ { // none: posts lie in the week; but never lose one
		if err := d.post(ctx, posts[i], cont); err != nil {
			return err
		}
	}
	return nil
}

// post adds a post's row and, for a plan with texts, its texts.
func (d *pdfPlan) post(ctx context.Context, post data.Post, cont func()) error {
	cells := d.cells(post)
	lines := 1
	for k, c := range cells {
		if k == 0 {
			continue // the date is always one line
		}
		lines = max(lines, len(c))
	}
	h := max(rowMinH, float64(lines)*lineH+2*cellPad)
	texts := d.p.texts != nil
	d.lastRow = len(d.units)
	d.add(&unit{h: h, keep: texts, cont: cont, draw: func(y float64) { d.row(post, cells, y, h, !texts) }})
	if texts {
		return d.postTexts(ctx, post, cont)
	}
	return nil
}

// cells is the text of a post's row, wrapped to the column widths.
func (d *pdfPlan) cells(post data.Post) [][]string {
	d.counting = true
	defer func() { d.counting = false }()
	out := make([][]string, len(pdfColumns))
	dt := *post.Date
	d.font("", 9, 0)
	out[0] = []string{dayName(dt)}
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

// startDay draws the darker line between days above y and tells whether
// the day's date is still to be printed on this page.
func (d *pdfPlan) startDay(day calendar.Date, y float64) bool {
	if day != d.lastDay && !d.underHead && !d.lastDay.IsZero() {
		f := d.f
		f.SetDrawColor(150, 150, 150)
		f.SetLineWidth(0.3)
		f.Line(marginX, y, marginX+tableW, y)
	}
	d.lastDay, d.underHead = day, false
	show := d.pageDay != day
	d.pageDay = day
	return show
}

// row draws a post's row at y, the date only on the day's first row of a
// page; bottom draws the thin line below it.
func (d *pdfPlan) row(post data.Post, cells [][]string, y, h float64, bottom bool) {
	f := d.f
	if !d.startDay(*post.Date, y) {
		cells = append([][]string{nil}, cells[1:]...)
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
	if bottom {
		f.SetDrawColor(210, 210, 210)
		f.SetLineWidth(0.15)
		f.Line(marginX, y+h, marginX+tableW, y+h)
	}
}

// signOff adds the block the head of unit signs: approval, date,
// signature, with room for remarks. It never stands alone on a page:
// the last post's row (with its texts and the holidays and empty weeks
// after it), where that fits on a page with the block, or else at least
// the last three units of the plan go with it.
func (d *pdfPlan) signOff() {
	n := len(d.units)
	keep := max(0, n-3)
	if d.lastRow < keep {
		sum := 0.0
		for _, u := range d.units[d.lastRow:] {
			sum += max(u.h, u.need)
		}
		// The room on a page below a repeated week heading.
		if sum <= contentBottom-15-(weekHeadH+headRowH)-signOffH {
			keep = d.lastRow
		}
	}
	for _, u := range d.units[keep:] {
		u.keep = true
	}
	d.add(&unit{h: signOffH, draw: d.drawSignOff})
}

func (d *pdfPlan) drawSignOff(y float64) {
	f := d.f
	y += 8
	f.SetXY(marginX, y)
	d.font("B", 11, 0)
	title := "Freigabe des Redaktionsplans " + d.p.period()
	if d.p.texts != nil {
		title = "Freigabe des Redaktionsplans und der Texte " + d.p.period()
	}
	f.CellFormat(tableW, 6, title, "", 2, "L", false, 0, "")
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
	return d.wrapClean(d.clean(s), w, maxLines)
}

// wrapClean is wrap for text already cleaned.
func (d *pdfPlan) wrapClean(s string, w float64, maxLines int) []string {
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
func (d *pdfPlan) clean(s string) string { return d.cleanWith(s, false) }

// cleanWith is clean; with mark, each run of characters left out is
// replaced by emojiMark (or charMark for letters of a script the fonts
// lack), so that a text to be signed off does not silently lose them.
func (d *pdfPlan) cleanWith(s string, mark bool) string {
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
			if space && !(gap && !mark && strings.ContainsRune(".,:;!?)", r)) {
				b.WriteByte(' ')
			}
			space, gap = false, false
			b.WriteRune(r)
		case invisible(r):
			joined = joined || r == zwj
			continue
		default:
			space = d.leaveOut(&b, r, mark, space, gap, joined)
			gap = true
		}
		joined = false
	}
	return b.String()
}

// leaveOut counts r, a character the fonts lack, unless it is joined to
// the one before (a family emoji counts once), and with mark writes the
// mark for the run of such characters r starts. It returns whether a
// space is still due.
func (d *pdfPlan) leaveOut(b *strings.Builder, r rune, mark, space, gap, joined bool) bool {
	if d.counting && !(gap && joined) {
		d.dropped++
	}
	if !mark || gap {
		return space
	}
	if space {
		b.WriteByte(' ')
	}
	if unicode.IsLetter(r) {
		b.WriteString(charMark)
	} else {
		b.WriteString(emojiMark)
	}
	return false
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
