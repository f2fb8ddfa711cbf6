package calendar

import (
	"fmt"
	"time"
)

// RecurrenceKind says how a Series repeats.
type RecurrenceKind int

// The kinds of recurrence. Weekly is the zero value because it is the
// common case ("Azubi-Dienstag").
const (
	// Weekly repeats on one weekday every Interval weeks.
	Weekly RecurrenceKind = iota
	// MonthlyNth repeats on the Nth weekday of every Interval-th month,
	// e.g. the first Monday or the last Friday.
	MonthlyNth
)

// String returns the German word for k.
func (k RecurrenceKind) String() string {
	switch k {
	case Weekly:
		return "wöchentlich"
	case MonthlyNth:
		return "monatlich"
	}
	return fmt.Sprintf("RecurrenceKind(%d)", int(k))
}

// Recurrence is the rule of a Series: which days get a slot and at what
// local time.
type Recurrence struct {
	Kind RecurrenceKind
	// Interval repeats every N weeks (Weekly) or months (MonthlyNth);
	// 0 counts as 1. Weeks are counted from the week of Start, months from
	// the month of Start, so "every 2 weeks" keeps its rhythm whatever
	// range is asked for.
	Interval int
	// Weekday is the day of the week of every slot.
	Weekday time.Weekday
	// Nth picks the weekday within the month for MonthlyNth: 1 to 5, or
	// -1 for the last. Months without a 5th such weekday are skipped.
	Nth int
	// Start is the first day the series may use; a slot never lies before it.
	Start Date
	// End, when not nil, is the last day the series may use.
	End *Date
	// Count, when above 0, limits the series to that many slots from Start.
	// With both End and Count the series stops at whichever comes first.
	Count int
	// Hour and Minute are the local wall-clock time of every slot; see
	// LocalTime for the days the clocks change.
	Hour, Minute int
}

// Validate returns a German message for the first problem in r, or nil.
func (r Recurrence) Validate() error {
	switch {
	case r.Kind != Weekly && r.Kind != MonthlyNth:
		return &InputError{Key: "Please choose how the series repeats: weekly or monthly."}
	case r.Interval < 0:
		return &InputError{Key: "The interval must be at least 1, not {{.N}}.", Args: map[string]any{"N": r.Interval}}
	case r.Weekday < time.Sunday || r.Weekday > time.Saturday:
		return &InputError{Key: "Please choose a weekday."}
	case r.Kind == MonthlyNth && (r.Nth < 1 || r.Nth > 5) && r.Nth != -1:
		return &InputError{Key: "Please choose the 1st to 5th or the last weekday of the month."}
	case r.Start.IsZero():
		return &InputError{Key: "Please give the series a start date."}
	case !r.Start.Valid():
		return &InputError{Key: "The start date {{.Date}} does not exist.", Args: map[string]any{"Date": r.Start.String()}}
	case r.End != nil && !r.End.Valid():
		return &InputError{Key: "The end date {{.Date}} does not exist.", Args: map[string]any{"Date": r.End.String()}}
	case r.End != nil && r.End.Before(r.Start):
		return &InputError{Key: "The series ends before it starts."}
	case r.Count < 0:
		return &InputError{Key: "The number of dates must not be negative ({{.N}}).", Args: map[string]any{"N": r.Count}}
	case r.Hour < 0 || r.Hour > 23 || r.Minute < 0 || r.Minute > 59:
		return &InputError{Key: "The time must be written as HH:MM, e.g. 09:30."}
	}
	return nil
}

// Occurrences returns the days of the series from from to to (both
// included), in order. It respects Start, End and Count (counted from
// Start, not from from) and returns nil for a rule that does not Validate.
func (r Recurrence) Occurrences(from, to Date) []Date {
	if r.Validate() != nil || to.Before(from) {
		return nil
	}
	last := to
	if r.End != nil && r.End.Before(last) {
		last = *r.End
	}
	interval := max(r.Interval, 1)
	if r.Kind == MonthlyNth {
		return r.monthly(from, last, interval)
	}
	return r.weekly(from, last, interval)
}

func (r Recurrence) weekly(from, last Date, interval int) []Date {
	offset := (int(r.Weekday) + 6) % 7 // Monday 0 … Sunday 6
	first := WeekStart(r.Start).AddDays(offset)
	step := 7 * interval
	if first.Before(r.Start) {
		first = first.AddDays(step)
	}
	i := 0 // index of the slot counted from first
	if gap := from.Sub(first); gap > 0 {
		i = (gap + step - 1) / step
	}
	var out []Date
	for ; r.Count == 0 || i < r.Count; i++ {
		d := first.AddDays(i * step)
		if d.After(last) {
			break
		}
		out = append(out, d)
	}
	return out
}

func (r Recurrence) monthly(from, last Date, interval int) []Date {
	var out []Date
	n := 0 // slots since Start, for Count
	for j := 0; ; j += interval {
		first := NewDate(r.Start.Year, r.Start.Month+time.Month(j), 1)
		if first.After(last) {
			break
		}
		d, ok := nthWeekday(first.Year, first.Month, r.Nth, r.Weekday)
		if !ok || d.Before(r.Start) {
			continue
		}
		if d.After(last) {
			break
		}
		if r.Count > 0 && n >= r.Count {
			break
		}
		n++
		if !d.Before(from) {
			out = append(out, d)
		}
	}
	return out
}

// weekdayKeys are the English weekday names, translation keys, indexed by
// time.Weekday.
var weekdayKeys = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// nthKeys are the ordinals 1st to 5th as translation keys.
var nthKeys = [6]string{"", "1st", "2nd", "3rd", "4th", "5th"}

// Describe words r for a person, e.g. "every Tuesday, 10:00" or "every
// last Friday of the month, 09:30". The weekday and the ordinal are
// Messages inside Args, translated before the sentence (see
// Message.Text).
func (r Recurrence) Describe() Message {
	if r.Weekday < time.Sunday || r.Weekday > time.Saturday {
		return Message{Key: "invalid repetition"}
	}
	args := map[string]any{
		"Weekday": Message{Key: weekdayKeys[r.Weekday]},
		"Time":    fmt.Sprintf("%02d:%02d", r.Hour, r.Minute),
		"N":       max(r.Interval, 1),
	}
	monthly := r.Kind == MonthlyNth
	every := max(r.Interval, 1) == 1
	switch {
	case r.Kind == Weekly && every:
		return Message{Key: "every {{.Weekday}}, {{.Time}}", Args: args}
	case r.Kind == Weekly:
		return Message{Key: "every {{.N}} weeks on {{.Weekday}}, {{.Time}}", Args: args}
	case monthly && r.Nth == -1 && every:
		return Message{Key: "every last {{.Weekday}} of the month, {{.Time}}", Args: args}
	case monthly && r.Nth == -1:
		return Message{Key: "every {{.N}} months on the last {{.Weekday}}, {{.Time}}", Args: args}
	case monthly && r.Nth >= 1 && r.Nth <= 5:
		args["Nth"] = Message{Key: nthKeys[r.Nth]}
		if every {
			return Message{Key: "every {{.Nth}} {{.Weekday}} of the month, {{.Time}}", Args: args}
		}
		return Message{Key: "every {{.N}} months on the {{.Nth}} {{.Weekday}}, {{.Time}}", Args: args}
	}
	return Message{Key: "invalid repetition"}
}

// String describes r in German, e.g. "jeden Dienstag, 10:00 Uhr" or
// "jeden letzten Freitag im Monat, 09:30 Uhr", for the change log, which
// is written in German; a screen shows Describe in its language.
func (r Recurrence) String() string { return r.Describe().Text("de") }

// nthWeekday returns the nth wd of the month (n 1..5, or -1 for the last)
// and false when the month has no such day.
func nthWeekday(year int, month time.Month, n int, wd time.Weekday) (Date, bool) {
	if n == -1 {
		last := Date{year, month, DaysInMonth(year, month)}
		back := (int(last.Weekday()) - int(wd) + 7) % 7
		return last.AddDays(-back), true
	}
	if n < 1 || n > 5 {
		return Date{}, false
	}
	first := Date{year, month, 1}
	day := 1 + (int(wd)-int(first.Weekday())+7)%7 + 7*(n-1)
	if day > DaysInMonth(year, month) {
		return Date{}, false
	}
	return Date{year, month, day}, true
}

// weekdayNames are German weekday names indexed by time.Weekday.
var weekdayNames = [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"}
