package calendar

import (
	"strings"
	"testing"

	"feedtakt/assets/actiondays"
)

func TestActionDayEntriesRoundTrip(t *testing.T) {
	text := strings.Join([]string{
		"# März",
		"",
		"08.03. | Weltfrauentag",
		"# aus: 22.03. | Weltwassertag | nur wenn Thema passt",
		"#AUS:letzter Mi im April|Tag gegen Lärm",
		"Weltkatzentag",
		"31.02. | Gibt es nicht",
		"# Quelle: eigene Liste",
	}, "\r\n")
	es := ParseActionDayEntries(text)
	if len(es) != 8 {
		t.Fatalf("got %d entries, want 8: %+v", len(es), es)
	}
	want := []ActionDayEntry{
		{Comment: true, Text: "# März"},
		{Comment: true, Text: ""},
		{Date: "08.03.", Name: "Weltfrauentag"},
		{Date: "22.03.", Name: "Weltwassertag", Note: "nur wenn Thema passt", Off: true},
		{Date: "letzter Mi im April", Name: "Tag gegen Lärm", Off: true},
		{Date: "Weltkatzentag"},
		{Date: "31.02.", Name: "Gibt es nicht"},
		{Comment: true, Text: "# Quelle: eigene Liste"},
	}
	for i := range want {
		if es[i] != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, es[i], want[i])
		}
	}
	// Checks in the parser's German words; comments and good rows pass.
	for i, wantMsg := range map[int]string{
		0: "", 2: "", 3: "", 4: "",
		5: "Trennstrich „|“ fehlt. Format: Datum | Name, z. B. „08.03. | Weltfrauentag“.",
		6: "Datum „31.02.“ gibt es nicht.",
	} {
		if got := de(es[i].Check()); es[i].Check().IsZero() != (wantMsg == "") || wantMsg != "" && got != wantMsg {
			t.Errorf("Check(%d) = %q, want %q", i, got, wantMsg)
		}
	}

	out := FormatActionDayEntries(es)
	// Off rows are comments to the calendar's parser (and to older
	// versions), the others keep their meaning.
	rules, errs := ParseActionDays(out)
	if len(rules) != 1 || rules[0].Name != "Weltfrauentag" || len(errs) != 2 {
		t.Fatalf("written list reads as %v / %v:\n%s", rules, errs, out)
	}
	if !strings.Contains(out, "# aus: 22.03. | Weltwassertag | nur wenn Thema passt\n") ||
		!strings.Contains(out, "# aus: letzter Mi im April | Tag gegen Lärm\n") || !strings.Contains(out, "\nWeltkatzentag\n") {
		t.Errorf("written list:\n%s", out)
	}
	again := ParseActionDayEntries(out)
	if len(again) != len(es) {
		t.Fatalf("read back %d entries, want %d", len(again), len(es))
	}
	for i := range es {
		if again[i] != es[i] {
			t.Errorf("read back %d = %+v, want %+v", i, again[i], es[i])
		}
	}
	// Switching a row on makes the calendar show it.
	again[3].Off = false
	rules, _ = ParseActionDays(FormatActionDayEntries(again))
	if len(rules) != 2 || rules[1].Name != "Weltwassertag" || rules[1].Note != "nur wenn Thema passt" {
		t.Errorf("after switching on: %v", rules)
	}
}

func TestActionDayEntryCheckRefusesSeparatorInCells(t *testing.T) {
	for _, e := range []ActionDayEntry{
		{Date: "08.03.", Name: "A | B"},
		{Date: "08.03.", Name: "A", Note: "x|y"},
		{Date: "08.03. |", Name: "A"},
	} {
		if got := de(e.Check()); !strings.Contains(got, "„|“") {
			t.Errorf("Check(%+v) = %q, want the separator message", e, got)
		}
	}
	if m := (ActionDayEntry{Date: "2. So im September", Name: "Tag des offenen Denkmals", Note: "bundesweit"}).Check(); !m.IsZero() {
		t.Errorf("good row refused: %s", m)
	}
}

func TestDefaultListSurvivesTheTable(t *testing.T) {
	text := string(actiondays.Default)
	before, errsBefore := ParseActionDays(text)
	after, errsAfter := ParseActionDays(FormatActionDayEntries(ParseActionDayEntries(text)))
	if len(errsBefore) != 0 || len(errsAfter) != 0 || len(before) != len(after) {
		t.Fatalf("default list: %d rules/%d errors before, %d/%d after", len(before), len(errsBefore), len(after), len(errsAfter))
	}
	for i := range before {
		if before[i].String() != after[i].String() {
			t.Errorf("rule %d: %q became %q", i, before[i], after[i])
		}
	}
}

func TestCheckActionDateAlone(t *testing.T) {
	for spec, want := range map[string]string{
		"08.03.":              "",
		"letzter Mi im April": "",
		"31.02.":              "Datum „31.02.“ gibt es nicht.",
		"":                    "Datum fehlt.",
		"08.03. |":            "„|“",
	} {
		got := de(CheckActionDate(spec))
		if want == "" && !CheckActionDate(spec).IsZero() || want != "" && !strings.Contains(got, want) {
			t.Errorf("CheckActionDate(%q) = %q, want %q", spec, got, want)
		}
	}
}
