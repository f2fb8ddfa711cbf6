package exchange

import (
	"strings"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// markWords are the words a day's band puts before a name, by kind; kinds
// not listed (quiet periods, reminders) are not printed.
var markWords = map[data.DayMarkKind]string{
	data.MarkHoliday:         "Feiertag",
	data.MarkRegionalHoliday: "Feiertag (regional)",
	data.MarkOwnDate:         "Termin",
	data.MarkActionDay:       "Aktionstag",
}

// dayMarks is what a day's band says: "Feiertag: 1. Weihnachtstag ·
// Aktionstag: …", and whether a public holiday is among it.
func (d *pdfPlan) dayMarks(day calendar.Date) (string, bool) {
	var parts []string
	holiday := false
	for _, m := range d.p.marks[day] {
		word, ok := markWords[m.Kind]
		if !ok || strings.TrimSpace(m.Label) == "" {
			continue
		}
		holiday = holiday || m.Kind == data.MarkHoliday || m.Kind == data.MarkRegionalHoliday
		parts = append(parts, word+": "+m.Label)
	}
	return strings.Join(parts, " · "), holiday
}

// bands adds a tinted line for each day from..to that is a holiday, an
// action day or one of the authority's own dates, also when nothing is
// planned that day; it returns how many. Inside a week's table (cont set)
// a band stays on the page of the row below it.
func (d *pdfPlan) bands(from, to calendar.Date, cont func()) int {
	n := 0
	for day := from; !day.After(to); day = day.AddDays(1) {
		text, holiday := d.dayMarks(day)
		if text == "" {
			continue
		}
		d.font("", 8.5, 0)
		lines := d.wrap(text, tableW-pdfColumns[0].w-2*cellPad, 2)
		h := max(rowMinH, float64(len(lines))*lineH+2*cellPad)
		d.add(&unit{h: h, keep: cont != nil, cont: cont, draw: func(y float64) {
			d.band(day, lines, holiday, y, h)
		}})
		n++
	}
	return n
}

// band draws a day's band at y: the date, then the names on a light red
// (public holiday) or light blue tint.
func (d *pdfPlan) band(day calendar.Date, lines []string, holiday bool, y, h float64) {
	f := d.f
	show := d.startDay(day, y)
	if holiday {
		f.SetFillColor(252, 231, 227)
	} else {
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
