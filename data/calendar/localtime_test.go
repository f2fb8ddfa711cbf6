package calendar

import (
	"strings"
	"testing"
	"time"
)

func TestLocalTime(t *testing.T) {
	berlin := GermanZone()
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		d            Date
		hour, minute int
		loc          *time.Location
		wantUTC      time.Time
		wantLocal    string // "15:04 MST"
		note         []string
	}{
		{"normal winter", Date{2026, 1, 15}, 10, 0, berlin,
			time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC), "10:00 CET", nil},
		{"normal summer", Date{2026, 7, 15}, 10, 0, berlin,
			time.Date(2026, 7, 15, 8, 0, 0, 0, time.UTC), "10:00 CEST", nil},
		{"before the gap", Date{2026, 3, 29}, 1, 59, berlin,
			time.Date(2026, 3, 29, 0, 59, 0, 0, time.UTC), "01:59 CET", nil},
		{"gap 02:30", Date{2026, 3, 29}, 2, 30, berlin,
			time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC), "03:30 CEST",
			[]string{"02:30", "29.03.2026", "nicht", "03:30 Uhr", "Sommerzeit, MESZ"}},
		{"gap 02:00", Date{2026, 3, 29}, 2, 0, berlin,
			time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC), "03:00 CEST", []string{"03:00 Uhr"}},
		{"after the gap", Date{2026, 3, 29}, 3, 0, berlin,
			time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC), "03:00 CEST", nil},
		{"before the overlap", Date{2026, 10, 25}, 1, 59, berlin,
			time.Date(2026, 10, 24, 23, 59, 0, 0, time.UTC), "01:59 CEST", nil},
		{"overlap 02:30 takes the first", Date{2026, 10, 25}, 2, 30, berlin,
			time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC), "02:30 CEST",
			[]string{"02:30", "25.10.2026", "zweimal", "ersten Mal", "Sommerzeit, MESZ"}},
		{"overlap 02:00", Date{2026, 10, 25}, 2, 0, berlin,
			time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC), "02:00 CEST", []string{"zweimal"}},
		{"after the overlap", Date{2026, 10, 25}, 3, 0, berlin,
			time.Date(2026, 10, 25, 2, 0, 0, 0, time.UTC), "03:00 CET", nil},
		{"other zone gap", Date{2026, 3, 8}, 2, 30, newYork,
			time.Date(2026, 3, 8, 7, 30, 0, 0, time.UTC), "03:30 EDT", []string{"03:30 Uhr", "EDT"}},
		{"other zone overlap", Date{2026, 11, 1}, 1, 30, newYork,
			time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC), "01:30 EDT", []string{"zweimal"}},
		{"UTC", Date{2026, 3, 29}, 2, 30, time.UTC,
			time.Date(2026, 3, 29, 2, 30, 0, 0, time.UTC), "02:30 UTC", nil},
		{"29 February", Date{2024, 2, 29}, 12, 0, berlin,
			time.Date(2024, 2, 29, 11, 0, 0, 0, time.UTC), "12:00 CET", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, note := LocalTime(tt.d, tt.hour, tt.minute, tt.loc)
			if !got.Equal(tt.wantUTC) {
				t.Errorf("instant = %v, want %v", got.UTC(), tt.wantUTC)
			}
			if s := got.Format("15:04 MST"); s != tt.wantLocal {
				t.Errorf("local = %s, want %s", s, tt.wantLocal)
			}
			if len(tt.note) == 0 && !note.IsZero() {
				t.Errorf("unexpected note %q", note)
			}
			for _, w := range tt.note {
				if !strings.Contains(de(note), w) {
					t.Errorf("note %q lacks %q", de(note), w)
				}
			}
		})
	}
}

func TestLocalTimeNilLocation(t *testing.T) {
	got, _ := LocalTime(Date{2026, 1, 15}, 10, 0, nil)
	if got.Location() != time.Local || got.Hour() != 10 {
		t.Errorf("LocalTime with nil = %v", got)
	}
}

func TestGermanZone(t *testing.T) {
	if GermanZone().String() != "Europe/Berlin" {
		t.Errorf("GermanZone() = %v", GermanZone())
	}
}
