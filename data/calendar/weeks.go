package calendar

import "time"

// ISOWeek returns the ISO 8601 year and calendar week (KW) of d; see
// Date.ISOWeek.
func ISOWeek(d Date) (year, week int) {
	return d.ISOWeek()
}

// WeekStart returns the Monday of the week that contains d (German weeks
// start on Monday).
func WeekStart(d Date) Date {
	back := (int(d.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	return d.AddDays(-back)
}

// MonthGrid returns the weeks of a month view: each row runs Monday to
// Sunday, the first row holds the 1st, the last row the last day of the
// month, so there are 4 to 6 rows. Days of the neighbouring months fill the
// first and last row; compare Month to grey them out.
func MonthGrid(year int, month time.Month) [][7]Date {
	first := Date{year, month, 1}
	last := Date{year, month, DaysInMonth(year, month)}
	var rows [][7]Date
	for start := WeekStart(first); !start.After(last); start = start.AddDays(7) {
		var row [7]Date
		for i := range row {
			row[i] = start.AddDays(i)
		}
		rows = append(rows, row)
	}
	return rows
}
