package calendar

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func datePtr(d Date) *Date { return &d }

func TestRecurrenceOccurrences(t *testing.T) {
	azubiDienstag := Recurrence{Kind: Weekly, Weekday: time.Tuesday, Start: Date{2026, 3, 3}, Hour: 10}
	withInterval := func(r Recurrence, n int) Recurrence { r.Interval = n; return r }
	withCount := func(r Recurrence, n int) Recurrence { r.Count = n; return r }
	withEnd := func(r Recurrence, d Date) Recurrence { r.End = datePtr(d); return r }
	withStart := func(r Recurrence, d Date) Recurrence { r.Start = d; return r }

	tests := []struct {
		name     string
		r        Recurrence
		from, to Date
		want     []Date
	}{
		{"weekly", azubiDienstag, Date{2026, 3, 1}, Date{2026, 3, 31},
			[]Date{{2026, 3, 3}, {2026, 3, 10}, {2026, 3, 17}, {2026, 3, 24}, {2026, 3, 31}}},
		{"never before start", azubiDienstag, Date{2026, 1, 1}, Date{2026, 3, 10},
			[]Date{{2026, 3, 3}, {2026, 3, 10}}},
		{"start mid-week", withStart(azubiDienstag, Date{2026, 3, 4}), Date{2026, 3, 1}, Date{2026, 3, 17},
			[]Date{{2026, 3, 10}, {2026, 3, 17}}},
		{"interval 0 counts as 1", withInterval(azubiDienstag, 0), Date{2026, 3, 1}, Date{2026, 3, 10},
			[]Date{{2026, 3, 3}, {2026, 3, 10}}},
		{"every 2 weeks", withInterval(azubiDienstag, 2), Date{2026, 3, 1}, Date{2026, 4, 30},
			[]Date{{2026, 3, 3}, {2026, 3, 17}, {2026, 3, 31}, {2026, 4, 14}, {2026, 4, 28}}},
		{"every 2 weeks keeps its rhythm in a later range", withInterval(azubiDienstag, 2), Date{2026, 4, 1}, Date{2026, 4, 30},
			[]Date{{2026, 4, 14}, {2026, 4, 28}}},
		{"every 2 weeks anchored at the week of a mid-week start",
			withInterval(withStart(azubiDienstag, Date{2026, 3, 4}), 2), Date{2026, 3, 1}, Date{2026, 4, 1},
			[]Date{{2026, 3, 17}, {2026, 3, 31}}},
		{"count from start", withCount(azubiDienstag, 3), Date{2026, 1, 1}, Date{2026, 12, 31},
			[]Date{{2026, 3, 3}, {2026, 3, 10}, {2026, 3, 17}}},
		{"count is not restarted by from", withCount(azubiDienstag, 3), Date{2026, 3, 15}, Date{2026, 12, 31},
			[]Date{{2026, 3, 17}}},
		{"count used up before from", withCount(azubiDienstag, 3), Date{2026, 3, 18}, Date{2026, 12, 31}, nil},
		{"end included", withEnd(azubiDienstag, Date{2026, 3, 17}), Date{2026, 3, 1}, Date{2026, 12, 31},
			[]Date{{2026, 3, 3}, {2026, 3, 10}, {2026, 3, 17}}},
		{"end before count", withCount(withEnd(azubiDienstag, Date{2026, 3, 10}), 5), Date{2026, 3, 1}, Date{2026, 12, 31},
			[]Date{{2026, 3, 3}, {2026, 3, 10}}},
		{"count before end", withCount(withEnd(azubiDienstag, Date{2026, 12, 31}), 2), Date{2026, 3, 1}, Date{2026, 12, 31},
			[]Date{{2026, 3, 3}, {2026, 3, 10}}},
		{"from after to", azubiDienstag, Date{2026, 4, 1}, Date{2026, 3, 1}, nil},
		{"sunday", Recurrence{Weekday: time.Sunday, Start: Date{2026, 3, 2}}, Date{2026, 3, 1}, Date{2026, 3, 15},
			[]Date{{2026, 3, 8}, {2026, 3, 15}}},
		{"over 29 February 2024", Recurrence{Weekday: time.Thursday, Start: Date{2024, 2, 22}}, Date{2024, 2, 20}, Date{2024, 3, 7},
			[]Date{{2024, 2, 22}, {2024, 2, 29}, {2024, 3, 7}}},
		{"2100 has no 29 February", Recurrence{Weekday: time.Monday, Start: Date{2100, 2, 22}}, Date{2100, 2, 1}, Date{2100, 3, 8},
			[]Date{{2100, 2, 22}, {2100, 3, 1}, {2100, 3, 8}}},
		{"across new year", Recurrence{Weekday: time.Friday, Start: Date{2025, 12, 1}}, Date{2025, 12, 24}, Date{2026, 1, 10},
			[]Date{{2025, 12, 26}, {2026, 1, 2}, {2026, 1, 9}}},

		{"first monday", Recurrence{Kind: MonthlyNth, Nth: 1, Weekday: time.Monday, Start: Date{2026, 1, 1}}, Date{2026, 1, 1}, Date{2026, 6, 30},
			[]Date{{2026, 1, 5}, {2026, 2, 2}, {2026, 3, 2}, {2026, 4, 6}, {2026, 5, 4}, {2026, 6, 1}}},
		{"last friday", Recurrence{Kind: MonthlyNth, Nth: -1, Weekday: time.Friday, Start: Date{2026, 1, 1}}, Date{2026, 1, 1}, Date{2026, 6, 30},
			[]Date{{2026, 1, 30}, {2026, 2, 27}, {2026, 3, 27}, {2026, 4, 24}, {2026, 5, 29}, {2026, 6, 26}}},
		{"last thursday is 29 February 2024", Recurrence{Kind: MonthlyNth, Nth: -1, Weekday: time.Thursday, Start: Date{2024, 2, 1}}, Date{2024, 2, 1}, Date{2024, 2, 29},
			[]Date{{2024, 2, 29}}},
		{"5th thursday skips short months", Recurrence{Kind: MonthlyNth, Nth: 5, Weekday: time.Thursday, Start: Date{2026, 1, 1}}, Date{2026, 1, 1}, Date{2026, 12, 31},
			[]Date{{2026, 1, 29}, {2026, 4, 30}, {2026, 7, 30}, {2026, 10, 29}, {2026, 12, 31}}},
		{"5th thursday with count counts only real days", Recurrence{Kind: MonthlyNth, Nth: 5, Weekday: time.Thursday, Start: Date{2026, 1, 1}, Count: 2}, Date{2026, 1, 1}, Date{2026, 12, 31},
			[]Date{{2026, 1, 29}, {2026, 4, 30}}},
		{"every 3 months from mid-month start", Recurrence{Kind: MonthlyNth, Interval: 3, Nth: 1, Weekday: time.Monday, Start: Date{2026, 1, 15}}, Date{2026, 1, 1}, Date{2026, 12, 31},
			[]Date{{2026, 4, 6}, {2026, 7, 6}, {2026, 10, 5}}},
		{"monthly count before from", Recurrence{Kind: MonthlyNth, Nth: 1, Weekday: time.Monday, Start: Date{2026, 1, 1}, Count: 3}, Date{2026, 2, 10}, Date{2026, 12, 31},
			[]Date{{2026, 3, 2}}},
		{"monthly end", Recurrence{Kind: MonthlyNth, Nth: 2, Weekday: time.Wednesday, Start: Date{2026, 1, 1}, End: datePtr(Date{2026, 3, 11})}, Date{2026, 1, 1}, Date{2026, 12, 31},
			[]Date{{2026, 1, 14}, {2026, 2, 11}, {2026, 3, 11}}},

		{"invalid gives nothing", Recurrence{Kind: MonthlyNth, Nth: 0, Weekday: time.Monday, Start: Date{2026, 1, 1}}, Date{2026, 1, 1}, Date{2026, 12, 31}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.r.Occurrences(tt.from, tt.to)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Occurrences(%v, %v) = %v, want %v", tt.from, tt.to, got, tt.want)
			}
		})
	}
}

func TestRecurrenceWeeklyMatchesBruteForce(t *testing.T) {
	// Check the arithmetic shortcut of weekly series against walking day by
	// day for many starts, intervals and ranges.
	for interval := 1; interval <= 4; interval++ {
		for s := 0; s < 14; s++ {
			r := Recurrence{Interval: interval, Weekday: time.Wednesday, Start: Date{2024, 2, 20}.AddDays(s), Count: 7}
			var all []Date
			anchor := WeekStart(r.Start)
			for d := r.Start; len(all) < r.Count; d = d.AddDays(1) {
				if d.Weekday() == r.Weekday && (WeekStart(d).Sub(anchor)/7)%interval == 0 {
					all = append(all, d)
				}
			}
			for f := -10; f < 120; f += 9 {
				from := Date{2024, 2, 20}.AddDays(f)
				to := from.AddDays(40)
				var want []Date
				for _, d := range all {
					if !d.Before(from) && !d.After(to) {
						want = append(want, d)
					}
				}
				if got := r.Occurrences(from, to); !slices.Equal(got, want) {
					t.Fatalf("interval %d start %v range %v–%v: got %v, want %v", interval, r.Start, from, to, got, want)
				}
			}
		}
	}
}

func TestRecurrenceValidate(t *testing.T) {
	ok := Recurrence{Weekday: time.Tuesday, Start: Date{2026, 3, 3}, Hour: 10}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid rule: %v", err)
	}
	mod := func(f func(*Recurrence)) Recurrence { r := ok; f(&r); return r }
	tests := []struct {
		r    Recurrence
		want string
	}{
		{mod(func(r *Recurrence) { r.Kind = 7 }), "wöchentlich oder monatlich"},
		{mod(func(r *Recurrence) { r.Interval = -1 }), "Abstand muss mindestens 1"},
		{mod(func(r *Recurrence) { r.Weekday = 7 }), "einen Wochentag"},
		{mod(func(r *Recurrence) { r.Kind = MonthlyNth; r.Nth = 6 }), "den 1. bis 5. oder den letzten Wochentag"},
		{mod(func(r *Recurrence) { r.Kind = MonthlyNth; r.Nth = 0 }), "den 1. bis 5. oder den letzten Wochentag"},
		{mod(func(r *Recurrence) { r.Start = Date{} }), "ein Startdatum"},
		{mod(func(r *Recurrence) { r.Start = Date{2100, 2, 29} }), "Anfangsdatum 29.02.2100 gibt es nicht"},
		{mod(func(r *Recurrence) { r.End = datePtr(Date{2026, 2, 30}) }), "Enddatum 30.02.2026 gibt es nicht"},
		{mod(func(r *Recurrence) { r.End = datePtr(Date{2026, 3, 2}) }), "endet, bevor sie beginnt"},
		{mod(func(r *Recurrence) { r.Count = -2 }), "nicht negativ"},
		{mod(func(r *Recurrence) { r.Hour = 24 }), "HH:MM"},
		{mod(func(r *Recurrence) { r.Minute = 60 }), "HH:MM"},
	}
	for _, tt := range tests {
		err := tt.r.Validate()
		if err == nil || !strings.Contains(deErr(err), tt.want) {
			t.Errorf("Validate(%+v) = %v, want %q", tt.r, err, tt.want)
		}
	}
	for _, r := range []Recurrence{
		mod(func(r *Recurrence) { r.Kind = MonthlyNth; r.Nth = -1 }),
		mod(func(r *Recurrence) { r.Kind = MonthlyNth; r.Nth = 5 }),
		mod(func(r *Recurrence) { r.End = datePtr(r.Start) }), // one-day series
		mod(func(r *Recurrence) { r.Hour, r.Minute = 23, 59 }),
	} {
		if err := r.Validate(); err != nil {
			t.Errorf("Validate(%+v) = %v, want nil", r, err)
		}
	}
}

func TestRecurrenceString(t *testing.T) {
	tests := []struct {
		r    Recurrence
		want string
	}{
		{Recurrence{Weekday: time.Tuesday, Hour: 10}, "jeden Dienstag, 10:00 Uhr"},
		{Recurrence{Weekday: time.Tuesday, Interval: 2, Hour: 10}, "alle 2 Wochen am Dienstag, 10:00 Uhr"},
		{Recurrence{Kind: MonthlyNth, Nth: -1, Weekday: time.Friday, Hour: 9, Minute: 30}, "jeden letzten Freitag im Monat, 09:30 Uhr"},
		{Recurrence{Kind: MonthlyNth, Nth: 1, Weekday: time.Monday, Interval: 3, Hour: 8}, "alle 3 Monate am 1. Montag, 08:00 Uhr"},
		{Recurrence{Kind: 9}, "ungültige Wiederholung"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
	if Weekly.String() != "wöchentlich" || MonthlyNth.String() != "monatlich" {
		t.Error("RecurrenceKind.String broken")
	}
}

func TestWeeklySeriesKeepsLocalTimeAcrossDST(t *testing.T) {
	berlin := GermanZone()
	for _, wd := range []time.Weekday{time.Tuesday, time.Sunday} { // Sunday hits the change days themselves
		r := Recurrence{Weekday: wd, Start: Date{2026, 3, 1}, Hour: 10}
		days := r.Occurrences(Date{2026, 3, 1}, Date{2026, 11, 30})
		if len(days) < 35 {
			t.Fatalf("%v: only %d days", wd, len(days))
		}
		var prev time.Time
		sawLong, sawShort := false, false
		for _, d := range days {
			at, note := LocalTime(d, r.Hour, r.Minute, berlin)
			if at.Hour() != 10 || at.Minute() != 0 || FromTime(at) != d || !note.IsZero() {
				t.Fatalf("%v: slot at %v (note %q), want 10:00 local", d, at, note)
			}
			wantUTC := 8 // CEST
			if at.Before(time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC)) || !at.Before(time.Date(2026, 10, 25, 1, 0, 0, 0, time.UTC)) {
				wantUTC = 9 // CET
			}
			if at.UTC().Hour() != wantUTC {
				t.Errorf("%v: %v is %02d:00 UTC, want %02d:00", d, at, at.UTC().Hour(), wantUTC)
			}
			if !prev.IsZero() {
				switch gap := at.Sub(prev); gap {
				case 167 * time.Hour:
					sawShort = true
				case 169 * time.Hour:
					sawLong = true
				case 168 * time.Hour:
				default:
					t.Errorf("%v: %v since the slot before", d, gap)
				}
			}
			prev = at
		}
		if !sawShort || !sawLong {
			t.Errorf("%v: spring week seen %v, autumn week seen %v", wd, sawShort, sawLong)
		}
	}
}
