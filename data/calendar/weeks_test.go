package calendar

import (
	"testing"
	"time"
)

func TestISOWeek(t *testing.T) {
	tests := []struct {
		d          Date
		year, week int
	}{
		{Date{1995, 1, 1}, 1994, 52}, // Sunday belongs to the old year
		{Date{2021, 1, 1}, 2020, 53},
		{Date{2024, 2, 29}, 2024, 9},
		{Date{2024, 12, 31}, 2025, 1},
		{Date{2025, 12, 29}, 2026, 1},
		{Date{2026, 1, 1}, 2026, 1},
		{Date{2026, 12, 28}, 2026, 53}, // 2026 starts on a Thursday: 53 weeks
		{Date{2027, 1, 3}, 2026, 53},
		{Date{2027, 1, 4}, 2027, 1},
		{Date{2100, 1, 1}, 2099, 53},
		{Date{2100, 12, 31}, 2100, 52},
	}
	for _, tt := range tests {
		y, w := ISOWeek(tt.d)
		if y != tt.year || w != tt.week {
			t.Errorf("ISOWeek(%v) = %d/%d, want %d/%d", tt.d, y, w, tt.year, tt.week)
		}
	}
}

func TestWeekStart(t *testing.T) {
	tests := []struct{ d, want Date }{
		{Date{2026, 3, 9}, Date{2026, 3, 9}},   // Monday stays
		{Date{2026, 3, 15}, Date{2026, 3, 9}},  // Sunday goes back six days
		{Date{2026, 1, 1}, Date{2025, 12, 29}}, // over New Year
		{Date{2024, 3, 1}, Date{2024, 2, 26}},  // over 29 February
		{Date{2100, 3, 1}, Date{2100, 3, 1}},   // 2100 has no 29 February
		{Date{2000, 3, 1}, Date{2000, 2, 28}},  // 2000 has one
		{Date{1995, 1, 1}, Date{1994, 12, 26}},
	}
	for _, tt := range tests {
		if got := WeekStart(tt.d); got != tt.want {
			t.Errorf("WeekStart(%v) = %v, want %v", tt.d, got, tt.want)
		}
	}
}

func TestMonthGrid(t *testing.T) {
	tests := []struct {
		year        int
		month       time.Month
		rows        int
		first, last Date
	}{
		{2021, time.February, 4, Date{2021, 2, 1}, Date{2021, 2, 28}},
		{2100, time.February, 4, Date{2100, 2, 1}, Date{2100, 2, 28}}, // no 29th in 2100
		{2026, time.February, 5, Date{2026, 1, 26}, Date{2026, 3, 1}},
		{2024, time.February, 5, Date{2024, 1, 29}, Date{2024, 3, 3}},
		{2000, time.February, 5, Date{2000, 1, 31}, Date{2000, 3, 5}},
		{2026, time.March, 6, Date{2026, 2, 23}, Date{2026, 4, 5}},
		{1995, time.January, 6, Date{1994, 12, 26}, Date{1995, 2, 5}},
	}
	for _, tt := range tests {
		g := MonthGrid(tt.year, tt.month)
		if len(g) != tt.rows || g[0][0] != tt.first || g[len(g)-1][6] != tt.last {
			t.Errorf("MonthGrid(%d, %v): %d rows %v–%v, want %d rows %v–%v",
				tt.year, tt.month, len(g), g[0][0], g[len(g)-1][6], tt.rows, tt.first, tt.last)
		}
	}
	// Every month in the supported range: Monday-first rows of consecutive
	// days that cover the month exactly from the first to the last row.
	for y := MinHolidayYear; y <= MaxHolidayYear; y++ {
		for m := time.January; m <= time.December; m++ {
			g := MonthGrid(y, m)
			if len(g) < 4 || len(g) > 6 {
				t.Fatalf("%d-%02d: %d rows", y, m, len(g))
			}
			prev := g[0][0].AddDays(-1)
			inMonth := 0
			for _, row := range g {
				if row[0].Weekday() != time.Monday {
					t.Fatalf("%d-%02d: row starts %v", y, m, row[0].Weekday())
				}
				for _, d := range row {
					if d != prev.AddDays(1) {
						t.Fatalf("%d-%02d: gap before %v", y, m, d)
					}
					prev = d
					if d.Month == m {
						inMonth++
					}
				}
			}
			if inMonth != DaysInMonth(y, m) {
				t.Fatalf("%d-%02d: %d days of the month in grid", y, m, inMonth)
			}
			// No row may lie wholly outside the month.
			if g[0][6].Month != m || g[len(g)-1][0].Month != m {
				t.Fatalf("%d-%02d: spare row in %v", y, m, g)
			}
		}
	}
}
