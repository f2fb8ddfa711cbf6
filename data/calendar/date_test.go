package calendar

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestDateValidAndLeapYears(t *testing.T) {
	tests := []struct {
		d    Date
		want bool
	}{
		{Date{2000, time.February, 29}, true}, // divisible by 400
		{Date{2024, time.February, 29}, true},
		{Date{2100, time.February, 29}, false}, // divisible by 100, not 400
		{Date{2026, time.February, 29}, false},
		{Date{1995, time.February, 28}, true},
		{Date{2026, time.February, 31}, false},
		{Date{2026, time.April, 31}, false},
		{Date{2026, time.December, 31}, true},
		{Date{2026, 13, 1}, false},
		{Date{2026, time.January, 0}, false},
		{Date{}, false},
	}
	for _, tt := range tests {
		if got := tt.d.Valid(); got != tt.want {
			t.Errorf("%v.Valid() = %v, want %v", tt.d, got, tt.want)
		}
	}
	for year, want := range map[int]bool{1995: false, 1996: true, 2000: true, 2024: true, 2100: false, 2400: true} {
		if got := IsLeapYear(year); got != want {
			t.Errorf("IsLeapYear(%d) = %v, want %v", year, got, want)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	tests := []struct {
		d    Date
		n    int
		want Date
	}{
		{Date{2024, time.February, 28}, 1, Date{2024, time.February, 29}},
		{Date{2024, time.February, 29}, 1, Date{2024, time.March, 1}},
		{Date{2100, time.February, 28}, 1, Date{2100, time.March, 1}},
		{Date{2000, time.February, 28}, 1, Date{2000, time.February, 29}},
		{Date{2025, time.December, 31}, 1, Date{2026, time.January, 1}},
		{Date{2026, time.January, 1}, -1, Date{2025, time.December, 31}},
		{Date{2026, time.March, 28}, 2, Date{2026, time.March, 30}}, // over the DST change
		{Date{1995, time.January, 1}, 365, Date{1996, time.January, 1}},
		{Date{2024, time.January, 1}, 366, Date{2025, time.January, 1}},
	}
	for _, tt := range tests {
		got := tt.d.AddDays(tt.n)
		if got != tt.want {
			t.Errorf("%v.AddDays(%d) = %v, want %v", tt.d, tt.n, got, tt.want)
		}
		if back := got.Sub(tt.d); back != tt.n {
			t.Errorf("%v.Sub(%v) = %d, want %d", got, tt.d, back, tt.n)
		}
	}
	if got := NewDate(2026, time.January, 32); got != (Date{2026, time.February, 1}) {
		t.Errorf("NewDate(2026, 1, 32) = %v", got)
	}
	if got := NewDate(2100, time.February, 29); got != (Date{2100, time.March, 1}) {
		t.Errorf("NewDate(2100, 2, 29) = %v", got)
	}
}

func TestDateCompareAndFormat(t *testing.T) {
	a := Date{2026, time.March, 9}
	b := Date{2026, time.October, 1}
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Errorf("Compare broken: %d %d %d", a.Compare(b), b.Compare(a), a.Compare(a))
	}
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Before(a) {
		t.Error("Before/After broken")
	}
	// Day and month must not win over the year.
	if !(Date{2025, time.December, 31}).Before(Date{2026, time.January, 1}) {
		t.Error("31.12.2025 should be before 01.01.2026")
	}
	if got := a.String(); got != "09.03.2026" {
		t.Errorf("String() = %q", got)
	}
	if got := a.ISO(); got != "2026-03-09" {
		t.Errorf("ISO() = %q", got)
	}
	if got := (Date{2026, time.March, 9}).Weekday(); got != time.Monday {
		t.Errorf("Weekday() = %v", got)
	}
	if !(Date{}).IsZero() || a.IsZero() {
		t.Error("IsZero broken")
	}
}

func TestFromTimeUsesTheTimesLocation(t *testing.T) {
	// 23:30 UTC on 31.12. is already New Year in Berlin.
	utc := time.Date(2025, time.December, 31, 23, 30, 0, 0, time.UTC)
	if got := FromTime(utc); got != (Date{2025, time.December, 31}) {
		t.Errorf("FromTime(UTC) = %v", got)
	}
	if got := FromTime(utc.In(GermanZone())); got != (Date{2026, time.January, 1}) {
		t.Errorf("FromTime(Berlin) = %v", got)
	}
	mid := Date{2026, time.March, 29}.Time(GermanZone())
	if mid.Hour() != 0 || FromTime(mid) != (Date{2026, time.March, 29}) {
		t.Errorf("Time(Berlin) = %v", mid)
	}
}

func TestParseDate(t *testing.T) {
	good := map[string]Date{
		"2026-04-23":   {2026, time.April, 23},
		"23.04.2026":   {2026, time.April, 23},
		"1.5.2026":     {2026, time.May, 1},
		" 29.02.2024 ": {2024, time.February, 29},
		"2000-02-29":   {2000, time.February, 29},
	}
	for in, want := range good {
		got, err := ParseDate(in)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	bad := map[string]string{
		"29.02.2100": "gibt es nicht",
		"31.04.2026": "gibt es nicht",
		"2026-13-01": "gibt es nicht",
		"23.04.26":   "vierstellig",
		"morgen":     "nicht erkannt",
		"":           "nicht erkannt",
		"+1.01.2026": "nicht erkannt",
		"26-04-23":   "nicht erkannt",
	}
	for in, want := range bad {
		_, err := ParseDate(in)
		if err == nil || !strings.Contains(deErr(err), want) {
			t.Errorf("ParseDate(%q) error = %v, want it to contain %q", in, err, want)
		}
	}
}

func TestDateJSONRoundTrip(t *testing.T) {
	in := struct{ Day Date }{Date{2024, time.February, 29}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"Day":"2024-02-29"}` {
		t.Errorf("json = %s", b)
	}
	var out struct{ Day Date }
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("round trip = %v, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"Day":"2100-02-29"}`), &out); err == nil {
		t.Error("29.02.2100 accepted")
	}
}
