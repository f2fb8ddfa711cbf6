package calendar

import (
	"strings"
	"testing"
)

func TestQuietPeriod(t *testing.T) {
	q := QuietPeriod{From: Date{2026, 2, 23}, To: Date{2026, 3, 8}, Note: "Karenzzeit vor der Kommunalwahl"}
	if err := q.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	tests := []struct {
		d    Date
		want bool
	}{
		{Date{2026, 2, 22}, false},
		{Date{2026, 2, 23}, true}, // first day included
		{Date{2026, 3, 1}, true},
		{Date{2026, 3, 8}, true}, // last day included
		{Date{2026, 3, 9}, false},
		{Date{2025, 3, 1}, false},
	}
	for _, tt := range tests {
		if got := q.Contains(tt.d); got != tt.want {
			t.Errorf("Contains(%v) = %v, want %v", tt.d, got, tt.want)
		}
	}
	oneDay := QuietPeriod{From: Date{2024, 2, 29}, To: Date{2024, 2, 29}}
	if oneDay.Validate() != nil || !oneDay.Contains(Date{2024, 2, 29}) || oneDay.Contains(Date{2024, 3, 1}) {
		t.Error("one-day period on 29.02.2024 broken")
	}
}

func TestQuietPeriodValidate(t *testing.T) {
	tests := []struct {
		q    QuietPeriod
		want string
	}{
		{QuietPeriod{From: Date{2026, 3, 12}, To: Date{2026, 3, 10}}, "endet vor dem Beginn: 10.03.2026 liegt vor 12.03.2026"},
		{QuietPeriod{From: Date{2026, 3, 12}}, "Enddatum"},
		{QuietPeriod{From: Date{2100, 2, 29}, To: Date{2100, 3, 10}}, "Anfangsdatum 29.02.2100 gibt es nicht"},
		{QuietPeriod{From: Date{2100, 2, 1}, To: Date{2100, 2, 30}}, "Enddatum 30.02.2100 gibt es nicht"},
	}
	for _, tt := range tests {
		err := tt.q.Validate()
		if err == nil || !strings.Contains(deErr(err), tt.want) {
			t.Errorf("Validate(%v) = %v, want %q", tt.q, err, tt.want)
		}
	}
}
