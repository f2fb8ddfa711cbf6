package calendar

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseDate feeds ParseDate what a person or a file could type. It
// must not panic; a date it accepts exists and reads back the same in both
// of its written forms; a refusal is an *InputError with a translation key.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"27.11.2026", "2026-11-27", "2.1.2006", "29.02.2024", "29.02.2100", "31.04.2026",
		"23.04.26", "+1.01.2026", "1.-1.2026", "00.00.0000", "2026-13-01", " 01.01.2026 ", "١٢.١٢.٢٠٢٦", "\x00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			ie, ok := err.(*InputError)
			if !ok || ie.Key == "" {
				t.Fatalf("ParseDate(%q): error %T %v is not an *InputError with a key", s, err, err)
			}
			return
		}
		if !d.Valid() {
			t.Fatalf("ParseDate(%q) = %+v, which does not exist", s, d)
		}
		for _, back := range []string{d.String(), d.ISO()} {
			if d2, err := ParseDate(back); err != nil || d2 != d {
				t.Fatalf("ParseDate(%q) = %v, but %q reads back as %v, %v", s, d, back, d2, err)
			}
		}
	})
}

// FuzzParseActionDays feeds the action-day parser arbitrary list text (a
// file the press officer pastes, maybe in Windows-1252). It must not panic;
// every line is either a rule or an error with its line number and a key;
// a rule written back with String parses to the same rule; and the rules'
// occurrences stay inside the range asked for.
func FuzzParseActionDays(f *testing.F) {
	for _, s := range []string{
		"08.03. | Weltfrauentag",
		"2. So im September | Tag des offenen Denkmals | Termin prüfen",
		"letzter Mi im April | Girls' Day\n29.02. | Schalttag",
		"2026-04-23 | Welttag des Buches\r\n# Kommentar\r\n",
		"\ufeff5. Do. im Dez. | Fünfter Donnerstag",
		"31.02. | Gibt es nicht\n6. Mo im Mai | x\na|b|c|d\n | n",
		"1. Mo im J\xe4nner | Windows-1252",
		"",
	} {
		f.Add(s)
	}
	from, to := Date{2026, 1, 1}, Date{2027, 12, 31}
	f.Fuzz(func(t *testing.T, text string) {
		rules, errs := ParseActionDays(text)
		lines := strings.Count(text, "\n") + 1
		for _, e := range errs {
			if e.Line < 1 || e.Line > lines || e.Key == "" {
				t.Fatalf("error %+v out of range (%d lines)", e, lines)
			}
		}
		for _, r := range rules {
			if r.Line < 1 || r.Line > lines || r.Name == "" {
				t.Fatalf("rule %+v", r)
			}
			if !utf8.ValidString(r.Name) || !utf8.ValidString(r.Note) {
				t.Fatalf("rule with invalid UTF-8: %q", r.Name)
			}
			back, berrs := ParseActionDays(r.String())
			if len(berrs) != 0 || len(back) != 1 {
				t.Fatalf("rule %q does not read back: %+v %+v", r.String(), back, berrs)
			}
			back[0].Line = r.Line
			if back[0].String() != r.String() {
				t.Fatalf("rule %q reads back as %q", r.String(), back[0].String())
			}
		}
		for _, o := range ActionDays(rules, from, to) {
			if o.Date.Before(from) || o.Date.After(to) || !o.Date.Valid() {
				t.Fatalf("occurrence %+v outside %v–%v", o, from, to)
			}
		}
	})
}
