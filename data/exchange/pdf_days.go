package exchange

import (
	"strings"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// markWords are the words a day's band puts before a name, by kind; kinds
// not listed (reminders) are not printed. A quiet period is named on its
// first day in the plan only.
var markWords = map[data.DayMarkKind]string{
	data.MarkQuiet:           "Ruhezeit",
	data.MarkHoliday:         "Feiertag",
	data.MarkRegionalHoliday: "Feiertag (regional)",
	data.MarkOwnDate:         "Termin",
	data.MarkActionDay:       "Aktionstag",
}

// The tints of a day's band: a public holiday, a quiet period, else.
const (
	tintOther = iota
	tintQuiet
	tintHoliday
)

// dayMarks is what a day's band says: "Feiertag: 1. Weihnachtstag ·
// Aktionstag: …", and its tint.
func (d *pdfPlan) dayMarks(day calendar.Date) (string, int) {
	var parts []string
	tint := tintOther
	for _, m := range d.p.marks[day] {
		word, ok := markWords[m.Kind]
		if !ok || strings.TrimSpace(m.Label) == "" {
			continue
		}
		switch m.Kind {
		case data.MarkHoliday, data.MarkRegionalHoliday:
			tint = tintHoliday
		case data.MarkQuiet:
			last, first := d.quietRun(day, m.ID)
			if !first {
				continue
			}
			if q, ok := d.p.quiet[m.ID]; ok && q.To.After(day) {
				word += " bis " + q.To.String()
			} else if last != day {
				word += " bis " + last.String()
			}
			tint = max(tint, tintQuiet)
		}
		parts = append(parts, word+": "+m.Label)
	}
	return strings.Join(parts, " · "), tint
}

// quietRun returns the last day of the plan in the quiet period id that
// day lies in, and whether day is its first day in the plan.
func (d *pdfPlan) quietRun(day calendar.Date, id int64) (calendar.Date, bool) {
	in := func(x calendar.Date) bool {
		if x.Before(d.p.from) || x.After(d.p.to) {
			return false
		}
		for _, m := range d.p.marks[x] {
			if m.Kind == data.MarkQuiet && m.ID == id {
				return true
			}
		}
		return false
	}
	last := day
	for in(last.AddDays(1)) {
		last = last.AddDays(1)
	}
	return last, !in(day.AddDays(-1))
}

// bands adds a tinted line for each day from..to that is a holiday, an
// action day, one of the authority's own dates or the first day of a
// quiet period, also when nothing is planned that day; it returns how
// many. Inside a week's table (cont set)
// a band stays on the page of the row below it.
func (d *pdfPlan) bands(from, to calendar.Date, cont func()) int {
	n := 0
	for day := from; !day.After(to); day = day.AddDays(1) {
		text, tint := d.dayMarks(day)
		if text == "" {
			continue
		}
		d.font("", 8.5, 0)
		lines := d.wrap(text, tableW-pdfColumns[0].w-2*cellPad, 2)
		h := max(rowMinH, float64(len(lines))*lineH+2*cellPad)
		d.add(&unit{h: h, keep: cont != nil, cont: cont, draw: func(y float64) {
			d.band(day, lines, tint, y, h)
		}})
		n++
	}
	return n
}

// band draws a day's band at y: the date, then the names on a light red
// (public holiday), light yellow (quiet period) or light blue tint.
func (d *pdfPlan) band(day calendar.Date, lines []string, tint int, y, h float64) {
	f := d.f
	show := d.startDay(day, y)
	switch tint {
	case tintHoliday:
		f.SetFillColor(252, 231, 227)
	case tintQuiet:
		f.SetFillColor(252, 243, 207)
	default:
		f.SetFillColor(234, 240, 248)
	}
	f.Rect(marginX, y+0.3, tableW, h-0.6, "F")
	if show {
		d.font("B", 9, 0)
		f.SetXY(marginX+cellPad, y+cellPad)
		f.CellFormat(pdfColumns[0].w-2*cellPad, lineH, dayName(day), "", 0, "L", false, 0, "")
	}
	d.font("", 8.5, 25)
	x := marginX + pdfColumns[0].w + cellPad
	for n, l := range lines {
		f.SetXY(x, y+cellPad+float64(n)*lineH)
		f.CellFormat(tableW-pdfColumns[0].w-2*cellPad, lineH, l, "", 0, "L", false, 0, "")
	}
}
