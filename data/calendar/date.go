package calendar

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a day in the civil (Gregorian) calendar, without a time of day
// and without a time zone. A post planned for 24.12. stays on 24.12. whatever
// the clock of the PC says. The zero Date is not a valid day; see IsZero.
//
// Dates are comparable with == and can be used as map keys; a Date built
// with AddDays or FromTime is always normalised (e.g. never 32 January).
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the normalised date for year, month and day, so that
// NewDate(2026, 1, 32) is 1 February 2026.
func NewDate(year int, month time.Month, day int) Date {
	return FromTime(time.Date(year, month, day, 12, 0, 0, 0, time.UTC))
}

// FromTime returns the calendar day of t as seen in t's own location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// Time returns midnight at the start of d in loc (time.Local when loc is
// nil). Use LocalTime for a planned hour and minute.
func (d Date) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.Local
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// utcNoon is the date as an instant that no time zone rule can move to
// another day; all day arithmetic goes through it.
func (d Date) utcNoon() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
}

// AddDays returns the date n days after d (before d when n is negative).
func (d Date) AddDays(n int) Date {
	return FromTime(d.utcNoon().AddDate(0, 0, n))
}

// Sub returns the number of days from e to d, so d.Sub(d.AddDays(-3)) is 3.
func (d Date) Sub(e Date) int {
	return int(d.utcNoon().Sub(e.utcNoon()).Hours() / 24)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	return d.utcNoon().Weekday()
}

// ISOWeek returns the ISO 8601 year and week number (KW) of d. Around New
// Year the ISO year can differ from d.Year: 29.12.2025 is in KW 1 of 2026.
func (d Date) ISOWeek() (year, week int) {
	return d.utcNoon().ISOWeek()
}

// String formats d the German way, "02.01.2006".
func (d Date) String() string {
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, int(d.Month), d.Year)
}

// ISO formats d as "2006-01-02", the form used in files and exports.
func (d Date) ISO() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Compare returns -1 if d is before e, +1 if d is after e and 0 if both
// are the same day.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is a later day than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// IsZero reports whether d is the zero Date (no date set).
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d names a day that exists, e.g. not 31.02. or
// 29.02.2100.
func (d Date) Valid() bool {
	return d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && d.Day <= DaysInMonth(d.Year, d.Month)
}

// MarshalText encodes d as "2006-01-02" so that JSON and similar formats
// carry an unambiguous day.
func (d Date) MarshalText() ([]byte, error) {
	return []byte(d.ISO()), nil
}

// UnmarshalText decodes a date written by MarshalText or in the German form
// "02.01.2006".
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate reads "2006-01-02" or the German "02.01.2006" (also "2.1.2006")
// and rejects days that do not exist. Errors are *InputError.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	var parts []string
	var d Date
	switch {
	case strings.Count(s, "-") == 2:
		parts = strings.Split(s, "-")
		if len(parts[0]) != 4 {
			return Date{}, &InputError{Key: "Date “{{.Value}}” not recognised.", Args: map[string]any{"Value": s}}
		}
		parts[0], parts[2] = parts[2], parts[0]
	case strings.Count(s, ".") == 2:
		parts = strings.Split(s, ".")
		if len(parts[2]) != 4 {
			return Date{}, &InputError{Key: "Date “{{.Value}}” not recognised (please write the year with four digits).", Args: map[string]any{"Value": s}}
		}
	default:
		return Date{}, &InputError{Key: "Date “{{.Value}}” not recognised.", Args: map[string]any{"Value": s}}
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || p == "" || p[0] == '+' {
			return Date{}, &InputError{Key: "Date “{{.Value}}” not recognised.", Args: map[string]any{"Value": s}}
		}
		nums[i] = n
	}
	d = Date{Year: nums[2], Month: time.Month(nums[1]), Day: nums[0]}
	if !d.Valid() {
		return Date{}, &InputError{Key: "The date “{{.Value}}” does not exist.", Args: map[string]any{"Value": s}}
	}
	return d, nil
}

// DaysInMonth returns the number of days of month in year, honouring the
// Gregorian leap-year rule (2000 and 2024 are leap years, 2100 is not).
func DaysInMonth(year int, month time.Month) int {
	switch month {
	case time.February:
		if IsLeapYear(year) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	default:
		return 31
	}
}

// IsLeapYear reports whether year has a 29 February.
func IsLeapYear(year int) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
