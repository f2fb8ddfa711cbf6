package calendar

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"feedtakt/assets"
)

// de is a message as the German UI shows it: the tests check the wording a
// person reads, and that every key has its German translation.
func de(m Message) string { return assets.Text("de", m.Key, m.Args) }

// deErr is de for an *InputError, or err.Error() for any other error.
func deErr(err error) string {
	var ie *InputError
	if errors.As(err, &ie) {
		return de(ie.Message())
	}
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// deLine is a parse error of the action-day list as the German UI shows it.
func deLine(e ParseError) string { return fmt.Sprintf("Zeile %d: %s", e.Line, de(e.Message)) }

func TestMessagesAreTranslated(t *testing.T) {
	_, errs := ParseActionDays("x\n31.02. | a\n5. xy im Mai | b\n1. Mo im Brumaire | c\na|b|c|d\n | n\n1.1. | \n6. Mo im Mai | d\n29.02.2025 | e")
	_, gap := LocalTime(Date{2026, 3, 29}, 2, 30, GermanZone())
	_, twice := LocalTime(Date{2026, 10, 25}, 2, 30, GermanZone())
	msgs := []Message{gap, twice}
	for _, e := range errs {
		msgs = append(msgs, e.Message)
	}
	for _, err := range []error{
		func() error { _, err := ParseDate("23.04.26"); return err }(),
		func() error { _, err := ParseDate("x"); return err }(),
		func() error { _, err := Holidays("XX", 2026); return err }(),
		func() error { _, err := Holidays(Bayern, 1990); return err }(),
		QuietPeriod{}.Validate(),
		QuietPeriod{From: Date{2026, 3, 2}, To: Date{2026, 3, 1}}.Validate(),
		Recurrence{Kind: 9}.Validate(),
		Recurrence{Interval: -1}.Validate(),
		Recurrence{Start: Date{2026, 1, 1}, Count: -1}.Validate(),
	} {
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("%v is not an *InputError", err)
		}
		msgs = append(msgs, ie.Message())
	}
	for _, lang := range []string{"de", "en"} {
		tr, err := assets.Translations(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			if _, ok := tr[m.Key]; !ok {
				t.Errorf("%s: no translation for %q", lang, m.Key)
			}
			if got := assets.Text(lang, m.Key, m.Args); got == m.Key && lang == "de" || containsBraces(got) {
				t.Errorf("%s: %q rendered as %q", lang, m.Key, got)
			}
		}
	}
	if got := de(gap); got != "Die Uhrzeit 02:30 gibt es am 29.03.2026 wegen der Zeitumstellung nicht; der Termin liegt deshalb um 03:30 Uhr (Sommerzeit, MESZ)." {
		t.Errorf("gap note in German: %q", got)
	}
	if got := assets.Text("en", twice.Key, twice.Args); got != "The time 02:30 occurs twice on 25.10.2026 because the clocks change; the post is at the first one (summer time, CEST)." {
		t.Errorf("overlap note in English: %q", got)
	}
}

func containsBraces(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '{' && s[i+1] == '{' {
			return true
		}
	}
	return false
}

func TestRecurrenceDescribeInBothLanguages(t *testing.T) {
	start := Date{2026, 3, 3}
	for _, c := range []struct {
		r      Recurrence
		de, en string
	}{
		{Recurrence{Weekday: time.Tuesday, Start: start, Hour: 10}, "jeden Dienstag, 10:00 Uhr", "every Tuesday, 10:00"},
		{Recurrence{Interval: 2, Weekday: time.Tuesday, Start: start, Hour: 10}, "alle 2 Wochen am Dienstag, 10:00 Uhr", "every 2 weeks on Tuesday, 10:00"},
		{Recurrence{Kind: MonthlyNth, Nth: -1, Weekday: time.Friday, Start: start, Hour: 9, Minute: 30}, "jeden letzten Freitag im Monat, 09:30 Uhr", "every last Friday of the month, 09:30"},
		{Recurrence{Kind: MonthlyNth, Nth: 1, Interval: 3, Weekday: time.Monday, Start: start, Hour: 8}, "alle 3 Monate am 1. Montag, 08:00 Uhr", "every 3 months on the 1st Monday, 08:00"},
		{Recurrence{Weekday: 9}, "ungültige Wiederholung", "invalid repetition"},
	} {
		m := c.r.Describe()
		if got := m.Text("de"); got != c.de {
			t.Errorf("de: %q, want %q", got, c.de)
		}
		if got := m.Text("en"); got != c.en {
			t.Errorf("en: %q, want %q", got, c.en)
		}
		if c.r.String() != c.de {
			t.Errorf("String (change log) %q, want %q", c.r.String(), c.de)
		}
	}
}
