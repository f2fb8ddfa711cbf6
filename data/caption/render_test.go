package caption

import (
	"slices"
	"testing"
)

func TestRender(t *testing.T) {
	full := Values{Date: "27.11.2026", Weekday: "Freitag", Time: "09:30", Authority: "Stadt Musterstadt",
		Channel: "Instagram Stadt", Handle: "@stadt_musterstadt", Topic: "Ausbildung", Link: "https://stadt.de/jobs",
		Credit: "Foto: Stadt Musterstadt / A. Beispiel", Hashtags: []string{"#Ausbildung", "#Azubi", "#Rathaus", "#Karriere"}}
	idea := Values{Authority: "Stadt Musterstadt"}
	for _, c := range []struct {
		name     string
		text     string
		v        Values
		tags     int // Limits.Hashtags
		want     string
		unfilled []string
	}{
		{"every built-in", "{Wochentag}, {Datum}, {Uhrzeit}: {Behörde} auf {Kanal} ({Handle}), {Rubrik}. {Link} {Bildnachweis}",
			full, 0, "Freitag, 27.11.2026, 09:30: Stadt Musterstadt auf Instagram Stadt (@stadt_musterstadt), Ausbildung. https://stadt.de/jobs Foto: Stadt Musterstadt / A. Beispiel", nil},
		{"double brace is a literal brace", "Mengen {{a, b} und {{{Datum}", full, 0, "Mengen {a, b} und {27.11.2026", nil},
		{"double brace beside an unfilled one", "{{x} {Ort}", full, 0, "{x} {Ort}", []string{"Ort"}},
		{"no placeholders", "Nur Text", full, 0, "Nur Text", nil},
		{"empty", "", full, 0, "", nil},
		{"custom field stays, listed once", "{Ort} und {Ort} am {Datum}", full, 0, "{Ort} und {Ort} am 27.11.2026", []string{"Ort"}},
		{"idea: date, weekday, time, link, hashtags stay", "{Datum} {Wochentag} {Uhrzeit} {Link} {Hashtags} {Rubrik}{Handle}{Bildnachweis}",
			idea, 0, "{Datum} {Wochentag} {Uhrzeit} {Link} {Hashtags} ", []string{"Datum", "Wochentag", "Uhrzeit", "Link", "Hashtags"}},
		{"hashtags without cap", "Text {Hashtags}", full, 0, "Text #Ausbildung #Azubi #Rathaus #Karriere", nil},
		{"hashtags trimmed to the cap, whole tags", "Text {Hashtags}", full, 2, "Text #Ausbildung #Azubi", nil},
		{"hashtags elsewhere take from the cap", "#Musterstadt feiert. {Hashtags}", full, 3, "#Musterstadt feiert. #Ausbildung #Azubi", nil},
		{"a tag already in the text is not repeated", "Start der #ausbildung {Hashtags}", full, 5, "Start der #ausbildung #Azubi #Rathaus #Karriere", nil},
		{"cap already used up", "#a1 #b #c #d #e {Hashtags}", full, 5, "#a1 #b #c #d #e ", nil},
		{"empty set chosen", "Text {Hashtags}", Values{Hashtags: []string{}}, 5, "Text ", nil},
		{"broken placeholder stays as typed", "Am {Datum in {Ort", full, 0, "Am {Datum in {Ort", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, unfilled := Render(c.text, c.v, Limits{Hashtags: c.tags})
			if got != c.want {
				t.Errorf("Render(%q)\n got %q\nwant %q", c.text, got, c.want)
			}
			if !slices.Equal(unfilled, c.unfilled) {
				t.Errorf("unfilled = %q, want %q", unfilled, c.unfilled)
			}
		})
	}
}
