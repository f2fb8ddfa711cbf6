package calendar

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"feedtakt/assets/actiondays"
)

func TestParseActionDays(t *testing.T) {
	text := strings.Join([]string{
		"# Kommentar",            // 1
		"",                       // 2
		"08.03. | Weltfrauentag", // 3
		"2. So im September | Tag des offenen Denkmals",         // 4
		"letzter Mi im April | Tag gegen Lärm | Hinweis",        // 5
		"2026-04-23 | Girls'Day und Boys'Day",                   // 6
		"31.02. | Gibt es nicht",                                // 7
		"  29.02. | Schalttag  ",                                // 8
		"zweiter Sonnabend im Mai | Tag der Städtebauförderung", // 9
		"6. Mo im Mai | Zu viel",                                // 10
		"1. Xy im Mai | Kein Wochentag",                         // 11
		"1. Mo im Maerz | Maerz",                                // 12
		"1. Mo im Brumaire | Kein Monat",                        // 13
		"Weltkatzentag",                                         // 14
		"| Ohne Datum",                                          // 15
		"09.05. |",                                              // 16
		"09.05. | a | b | c",                                    // 17
		"nächsten Dienstag | Unklar",                            // 18
		"29.02.2025 | Kein Schaltjahr",                          // 19
		"23.4.2027 | Einmal",                                    // 20
		"1.8 | Ausbildungsstart",                                // 21
		"13.13. | Kein Monat",                                   // 22
		"#TagDerPressefreiheit | als Kommentar gelesen",         // 23
		"3.5. | #TagDerPressefreiheit",                          // 24
		"5. Do. im Dez. | Fünfter Donnerstag",                   // 25
	}, "\n")
	rules, errs := ParseActionDays(text)

	var gotErrs []string
	for _, e := range errs {
		gotErrs = append(gotErrs, deLine(e))
	}
	wantErrs := []string{
		"Zeile 7: Datum „31.02.“ gibt es nicht",
		"Zeile 10: „6.“ geht nicht",
		"Zeile 11: Wochentag „xy“ nicht erkannt",
		"Zeile 13: Monat „brumaire“ nicht erkannt",
		"Zeile 14: Trennstrich „|“ fehlt",
		"Zeile 15: Datum fehlt",
		"Zeile 16: Name fehlt",
		"Zeile 17: Zu viele „|“",
		"Zeile 18: Datum „nächsten Dienstag“ nicht erkannt",
		"Zeile 19: Datum „29.02.2025“ gibt es nicht",
		"Zeile 22: Datum „13.13.“ gibt es nicht",
	}
	if len(gotErrs) != len(wantErrs) {
		t.Errorf("errors = %q, want %d", gotErrs, len(wantErrs))
	}
	for i := range min(len(gotErrs), len(wantErrs)) {
		if !strings.HasPrefix(gotErrs[i], wantErrs[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, gotErrs[i], wantErrs[i])
		}
	}

	var got []string
	for _, r := range rules {
		got = append(got, r.String()+" @"+strconv.Itoa(r.Line))
	}
	want := []string{
		"08.03. | Weltfrauentag @3",
		"2. So im September | Tag des offenen Denkmals @4",
		"letzter Mi im April | Tag gegen Lärm | Hinweis @5",
		"2026-04-23 | Girls'Day und Boys'Day @6",
		"29.02. | Schalttag @8",
		"2. Sa im Mai | Tag der Städtebauförderung @9",
		"1. Mo im März | Maerz @12",
		"2027-04-23 | Einmal @20",
		"01.08. | Ausbildungsstart @21",
		"03.05. | #TagDerPressefreiheit @24",
		"5. Do im Dezember | Fünfter Donnerstag @25",
	}
	if !slices.Equal(got, want) {
		t.Errorf("rules =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A tidy line reads back as the same rule.
	for _, r := range rules {
		again, errs := ParseActionDays(r.String())
		if len(errs) != 0 || len(again) != 1 || again[0].String() != r.String() {
			t.Errorf("round trip of %q: %v %v", r.String(), again, errs)
		}
	}
}

func TestActionDayRuleOn(t *testing.T) {
	rules, errs := ParseActionDays(strings.Join([]string{
		"08.03. | Frauentag",
		"29.02. | Schalttag",
		"2. So im September | Tag des offenen Denkmals",
		"letzter Mi im April | Tag gegen Lärm",
		"2026-04-23 | Girls'Day",
		"5. Do im Februar | Fünfter Donnerstag",
		"3. So im Mai | Museumstag",
	}, "\n"))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	byName := map[string]ActionDayRule{}
	for _, r := range rules {
		byName[r.Name] = r
	}
	tests := []struct {
		name string
		year int
		want Date
		ok   bool
	}{
		{"Frauentag", 2026, Date{2026, 3, 8}, true},
		{"Schalttag", 2000, Date{2000, 2, 29}, true},
		{"Schalttag", 2024, Date{2024, 2, 29}, true},
		{"Schalttag", 2100, Date{}, false},
		{"Schalttag", 2026, Date{}, false},
		{"Tag des offenen Denkmals", 2024, Date{2024, 9, 8}, true},
		{"Tag des offenen Denkmals", 2025, Date{2025, 9, 14}, true},
		{"Tag des offenen Denkmals", 2026, Date{2026, 9, 13}, true},
		{"Tag gegen Lärm", 2026, Date{2026, 4, 29}, true},
		{"Tag gegen Lärm", 2025, Date{2025, 4, 30}, true},
		{"Girls'Day", 2026, Date{2026, 4, 23}, true},
		{"Girls'Day", 2027, Date{}, false},
		{"Fünfter Donnerstag", 2024, Date{2024, 2, 29}, true}, // only in a leap year starting on Thursday
		{"Fünfter Donnerstag", 2026, Date{}, false},
		{"Museumstag", 2024, Date{2024, 5, 19}, true},
		{"Museumstag", 2025, Date{2025, 5, 18}, true},
	}
	for _, tt := range tests {
		got, ok := byName[tt.name].On(tt.year)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("%s.On(%d) = %v, %v; want %v, %v", tt.name, tt.year, got, ok, tt.want, tt.ok)
		}
	}
}

func TestActionDaysRange(t *testing.T) {
	rules, _ := ParseActionDays(strings.Join([]string{
		"24.12. | Heiligabend",
		"01.01. | Neujahrsgruß",
		"31.12. | Silvester",
		"01.01. | Zweiter am selben Tag",
		"2026-01-02 | Einmalig",
		"2027-01-02 | Einmalig später",
	}, "\n"))
	got := ActionDays(rules, Date{2025, 12, 25}, Date{2026, 12, 31})
	var s []string
	for _, o := range got {
		s = append(s, o.Date.String()+" "+o.Name)
	}
	want := []string{
		"31.12.2025 Silvester",
		"01.01.2026 Neujahrsgruß",
		"01.01.2026 Zweiter am selben Tag",
		"02.01.2026 Einmalig",
		"24.12.2026 Heiligabend",
		"31.12.2026 Silvester",
	}
	if !slices.Equal(s, want) {
		t.Errorf("ActionDays =\n%s\nwant\n%s", strings.Join(s, "\n"), strings.Join(want, "\n"))
	}
	if got := ActionDays(rules, Date{2026, 2, 1}, Date{2026, 1, 1}); got != nil {
		t.Errorf("reversed range = %v", got)
	}
}

func TestParseActionDaysWindowsFiles(t *testing.T) {
	// Notepad: byte-order mark and CRLF.
	rules, errs := ParseActionDays("\ufeff# Kopf\r\n08.03. | Weltfrauentag\r\n05.12. | Tag des Ehrenamts\r\n")
	if len(errs) != 0 || len(rules) != 2 || rules[0].Name != "Weltfrauentag" || rules[1].Line != 3 {
		t.Errorf("BOM/CRLF: %v %v", rules, errs)
	}
	// Old Notepad saving as Windows-1252: "März" and "Städtebauförderung" with „…“.
	cp1252 := "1. Mo im M\xe4rz | St\xe4dtebauf\xf6rderung \x84Tag\x93 \x80\n"
	rules, errs = ParseActionDays(cp1252)
	if len(errs) != 0 || len(rules) != 1 || rules[0].Name != "Städtebauförderung „Tag“ €" {
		t.Errorf("Windows-1252: %q %v", rules, errs)
	}
	if d, ok := rules[0].On(2026); !ok || d != (Date{2026, time.March, 2}) {
		t.Errorf("Windows-1252 month: %v", d)
	}
}

func TestShippedActionDays(t *testing.T) {
	rules, errs := ParseActionDays(string(actiondays.Default))
	if len(errs) != 0 {
		t.Fatalf("aktionstage.txt has errors: %v", errs)
	}
	if len(rules) < 30 {
		t.Errorf("aktionstage.txt has only %d rules", len(rules))
	}
	seen := map[string]bool{}
	for _, r := range rules {
		key := r.String()
		if seen[key] {
			t.Errorf("duplicate line %q", key)
		}
		seen[key] = true
	}
	occ := ActionDays(rules, Date{2026, 1, 1}, Date{2026, 12, 31})
	find := func(name string) (Date, bool) {
		for _, o := range occ {
			if o.Name == name {
				return o.Date, true
			}
		}
		return Date{}, false
	}
	for name, want := range map[string]Date{
		"Tag des offenen Denkmals":               {2026, 9, 13},
		"Girls'Day und Boys'Day":                 {2026, 4, 23},
		"Europatag":                              {2026, 5, 9},
		"Internationaler Tag der Pressefreiheit": {2026, 5, 3},
		"Internationaler Tag des Ehrenamts":      {2026, 12, 5},
		"Tag der Bibliotheken":                   {2026, 10, 24},
		"Bundesweiter Warntag":                   {2026, 9, 10},
		"Internationaler Museumstag":             {2026, 5, 17},
	} {
		if got, ok := find(name); !ok || got != want {
			t.Errorf("%s 2026 = %v (%v), want %v", name, got, ok, want)
		}
	}
	// Every year in range yields the yearly days; one-offs only in their year.
	for y := MinHolidayYear; y <= MaxHolidayYear; y++ {
		n := len(ActionDays(rules, Date{y, 1, 1}, Date{y, 12, 31}))
		if n < 30 {
			t.Fatalf("%d: only %d action days", y, n)
		}
	}
}
