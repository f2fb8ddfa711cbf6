package data

import (
	"context"
	"errors"
	"strings"
	"testing"

	"feedtakt/assets/actiondays"
	"feedtakt/data/calendar"
)

// marksOf returns "kind:label" of every mark of day d.
func marksOf(m map[calendar.Date][]DayMark, d calendar.Date) []string {
	var out []string
	for _, mk := range m[d] {
		out = append(out, string(mk.Kind)+":"+mk.Label)
	}
	return out
}

func hasMark(m map[calendar.Date][]DayMark, d calendar.Date, kind DayMarkKind, label string) bool {
	for _, mk := range m[d] {
		if mk.Kind == kind && mk.Label == label {
			return true
		}
	}
	return false
}

func TestOwnDatesWithReminders(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	tdot := OwnDate{Date: date(2026, 9, 12), Name: " Tag der offenen Tür ", Note: "Rathaus, 10–16 Uhr", LeadDays: 14}
	if err := ws.SaveOwnDate(ctx, &tdot); err != nil {
		t.Fatal(err)
	}
	council := OwnDate{Date: date(2026, 9, 24), Name: "Ratssitzung"}
	if err := ws.SaveOwnDate(ctx, &council); err != nil {
		t.Fatal(err)
	}
	got, err := ws.OwnDates(ctx, date(2026, 9, 1), date(2026, 9, 30))
	if err != nil || len(got) != 2 || got[0].Name != "Tag der offenen Tür" || got[0].LeadDays != 14 || got[1].ID != council.ID {
		t.Fatalf("own dates %+v, %v", got, err)
	}

	// The reminder shows two weeks before, also in a range without the date.
	marks, err := ws.DayMarks(ctx, date(2026, 8, 24), date(2026, 8, 30))
	if err != nil {
		t.Fatal(err)
	}
	rem := marks[date(2026, 8, 29)]
	if len(rem) != 1 || rem[0].Kind != MarkReminder || rem[0].Label != "Tag der offenen Tür" || rem[0].Due != tdot.Date ||
		rem[0].LeadDays != 14 || rem[0].ID != tdot.ID {
		t.Fatalf("reminder %+v", rem)
	}
	marks, _ = ws.DayMarks(ctx, date(2026, 9, 1), date(2026, 9, 30))
	if !hasMark(marks, date(2026, 9, 12), MarkOwnDate, "Tag der offenen Tür") || !hasMark(marks, date(2026, 9, 24), MarkOwnDate, "Ratssitzung") {
		t.Errorf("own dates missing: %v / %v", marksOf(marks, date(2026, 9, 12)), marksOf(marks, date(2026, 9, 24)))
	}

	tdot.Date, tdot.LeadDays = date(2026, 9, 19), 0
	if err := ws.SaveOwnDate(ctx, &tdot); err != nil {
		t.Fatal(err)
	}
	marks, _ = ws.DayMarks(ctx, date(2026, 8, 24), date(2026, 9, 30))
	if len(marks[date(2026, 8, 29)]) != 0 || len(marks[date(2026, 9, 5)]) != 0 || !hasMark(marks, date(2026, 9, 19), MarkOwnDate, "Tag der offenen Tür") {
		t.Errorf("after moving without reminder: %v", marks)
	}
	if err := ws.DeleteOwnDate(ctx, tdot.ID); err != nil {
		t.Fatal(err)
	}
	if err := ws.DeleteOwnDate(ctx, tdot.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	missing := OwnDate{ID: 999, Date: date(2026, 1, 1), Name: "x"}
	if err := ws.SaveOwnDate(ctx, &missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of a missing date: %v", err)
	}
	changes, _ := ws.Changes(ctx, 0, 1)
	if !strings.Contains(changes[0].Summary, "Termin „Tag der offenen Tür“ am 19.09.2026 gelöscht") {
		t.Errorf("change log %q", changes[0].Summary)
	}
}

func TestOwnDateValidation(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	tests := []struct {
		name  string
		d     OwnDate
		field string
		key   string
	}{
		{"no name", OwnDate{Date: date(2026, 5, 1)}, "name", "Please enter a name."},
		{"5000-character name", OwnDate{Date: date(2026, 5, 1), Name: strings.Repeat("ü", 5000)}, "name", "The name is too long (at most {{.Max}} characters)."},
		{"no date", OwnDate{Name: "Ratssitzung"}, "date", "The date must lie between {{.Min}} and {{.Max}}."},
		{"29 February 2100", OwnDate{Date: date(2100, 2, 29), Name: "Schalttag"}, "date", "The date must lie between {{.Min}} and {{.Max}}."},
		{"year 1994", OwnDate{Date: date(1994, 12, 31), Name: "Alt"}, "date", "The date must lie between {{.Min}} and {{.Max}}."},
		{"reminder 366 days ahead", OwnDate{Date: date(2026, 5, 1), Name: "x", LeadDays: 366}, "lead", "The reminder must lie between 0 and {{.Max}} days before the date."},
		{"negative reminder", OwnDate{Date: date(2026, 5, 1), Name: "x", LeadDays: -1}, "lead", "The reminder must lie between 0 and {{.Max}} days before the date."},
		{"long note", OwnDate{Date: date(2026, 5, 1), Name: "x", Note: strings.Repeat("n", 2001)}, "note", "The note is too long."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.d
			wantInvalid(t, ws.SaveOwnDate(ctx, &d), tt.field, tt.key)
		})
	}
	for _, d := range []OwnDate{
		{Date: date(2028, 2, 29), Name: "Schalttag 🎉"},
		{Date: date(1995, 1, 1), Name: "Erster Tag"},
		{Date: date(2100, 12, 31), Name: "Letzter Tag", LeadDays: 365},
	} {
		if err := ws.SaveOwnDate(ctx, &d); err != nil {
			t.Errorf("%v: %v", d.Date, err)
		}
	}
}

func TestDayMarksHolidaysActionDaysAndOrder(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t) // Niedersachsen
	marks, err := ws.DayMarks(ctx, date(2026, 9, 1), date(2026, 10, 31))
	if err != nil {
		t.Fatal(err)
	}
	if !hasMark(marks, date(2026, 10, 3), MarkHoliday, "Tag der Deutschen Einheit") ||
		!hasMark(marks, date(2026, 10, 31), MarkHoliday, "Reformationstag") {
		t.Errorf("holidays of NI missing: %v %v", marksOf(marks, date(2026, 10, 3)), marksOf(marks, date(2026, 10, 31)))
	}
	if !hasMark(marks, date(2026, 9, 13), MarkActionDay, "Tag des offenen Denkmals") {
		t.Errorf("action day from the shipped list missing: %v", marksOf(marks, date(2026, 9, 13)))
	}
	for d := range marks {
		if d.Before(date(2026, 9, 1)) || d.After(date(2026, 10, 31)) {
			t.Errorf("mark outside the range on %v", d)
		}
	}

	// Bavaria: Mariä Himmelfahrt only in part of the Land.
	if err := ws.SaveSettings(ctx, Settings{Organisation: "Stadt Musterstadt", Land: calendar.Bayern}); err != nil {
		t.Fatal(err)
	}
	q := QuietPeriod{From: date(2026, 8, 10), To: date(2026, 8, 20), Note: "Staatstrauer"}
	if err := ws.SaveQuietPeriod(ctx, &q); err != nil {
		t.Fatal(err)
	}
	own := OwnDate{Date: date(2026, 8, 15), Name: "Sommerfest"}
	if err := ws.SaveOwnDate(ctx, &own); err != nil {
		t.Fatal(err)
	}
	marks, err = ws.DayMarks(ctx, date(2026, 8, 1), date(2026, 8, 31))
	if err != nil {
		t.Fatal(err)
	}
	day := marks[date(2026, 8, 15)]
	var kinds []DayMarkKind
	for _, m := range day {
		kinds = append(kinds, m.Kind)
	}
	want := []DayMarkKind{MarkQuiet, MarkRegionalHoliday, MarkOwnDate}
	if len(kinds) != len(want) || kinds[0] != want[0] || kinds[1] != want[1] || kinds[2] != want[2] {
		t.Fatalf("marks of 15.08.2026 = %+v", day)
	}
	if day[1].Label != "Mariä Himmelfahrt" || !strings.Contains(day[1].Note, "katholisch") || day[0].Label != "Staatstrauer" || day[0].ID != q.ID {
		t.Errorf("marks of 15.08.2026 = %+v", day)
	}
	if !hasMark(marks, date(2026, 8, 8), MarkRegionalHoliday, "Augsburger Friedensfest") {
		t.Errorf("Augsburger Friedensfest: %v", marksOf(marks, date(2026, 8, 8)))
	}
	for d := date(2026, 8, 1); !d.After(date(2026, 8, 31)); d = d.AddDays(1) {
		if got := hasMark(marks, d, MarkQuiet, "Staatstrauer"); got != q.Period().Contains(d) {
			t.Errorf("%v: quiet mark %v", d, got)
		}
	}

	// No Land chosen: no holidays, the rest still shows.
	if err := ws.SaveSettings(ctx, Settings{Organisation: "Stadt Musterstadt"}); err != nil {
		t.Fatal(err)
	}
	marks, err = ws.DayMarks(ctx, date(2026, 10, 1), date(2026, 10, 31))
	if err != nil || len(marksOf(marks, date(2026, 10, 3))) != 0 {
		t.Errorf("without a Land: %v %v", marksOf(marks, date(2026, 10, 3)), err)
	}
}

func TestDayMarksAtTheEdgesOfTheYears(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	if _, err := ws.SaveActionDayText(ctx, "29.02. | Schalttag\n01.01. | Neujahrsgruß"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		from, to calendar.Date
		want     map[calendar.Date][]string
	}{
		{"1995 and before", date(1994, 12, 20), date(1995, 1, 2), map[calendar.Date][]string{
			date(1995, 1, 1): {"holiday:Neujahr", "action_day:Neujahrsgruß"}}},
		{"2100 and after", date(2100, 12, 24), date(2101, 1, 2), map[calendar.Date][]string{
			date(2100, 12, 25): {"holiday:1. Weihnachtstag"}, date(2100, 12, 26): {"holiday:2. Weihnachtstag"}}},
		{"29 February 2028", date(2028, 2, 28), date(2028, 3, 1), map[calendar.Date][]string{
			date(2028, 2, 29): {"action_day:Schalttag"}}},
		{"no 29 February in 2100", date(2100, 2, 27), date(2100, 3, 1), map[calendar.Date][]string{}},
		{"range upside down", date(2026, 3, 1), date(2026, 2, 1), map[calendar.Date][]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marks, err := ws.DayMarks(ctx, tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if len(marks) != len(tt.want) {
				t.Errorf("marks %v, want %v", marks, tt.want)
			}
			for d, want := range tt.want {
				if got := strings.Join(marksOf(marks, d), "|"); got != strings.Join(want, "|") {
					t.Errorf("%v: %s, want %s", d, got, strings.Join(want, "|"))
				}
			}
		})
	}
}

func TestActionDayTextKeepsTextWithErrors(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	text, errs, err := ws.ActionDayText(ctx)
	if err != nil || text != string(actiondays.Default) || len(errs) != 0 {
		t.Fatalf("shipped list: %d bytes, errors %v, %v", len(text), errs, err)
	}

	typed := "# Eigene Liste\r\n08.03. | Weltfrauentag 💜\r\n31.02. | Gibt es nicht\r\n2. So im September | Tag des offenen Denkmals\r\nQuatsch"
	errs, err = ws.SaveActionDayText(ctx, typed)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 2 || errs[0].Line != 3 || errs[1].Line != 5 {
		t.Fatalf("parse errors %v", errs)
	}
	text, errs2, err := ws.ActionDayText(ctx)
	if err != nil || text != strings.ReplaceAll(typed, "\r\n", "\n") || len(errs2) != 2 {
		t.Fatalf("text after save %q, %v, %v", text, errs2, err)
	}
	marks, _ := ws.DayMarks(ctx, date(2026, 3, 1), date(2026, 9, 30))
	if !hasMark(marks, date(2026, 3, 8), MarkActionDay, "Weltfrauentag 💜") || !hasMark(marks, date(2026, 9, 13), MarkActionDay, "Tag des offenen Denkmals") {
		t.Errorf("good lines not used: %v", marks)
	}
	if hasMark(marks, date(2026, 5, 9), MarkActionDay, "Europatag") {
		t.Error("the shipped list is still used")
	}

	_, err = ws.SaveActionDayText(ctx, "08.03. | \xff\xfe")
	wantInvalid(t, err, "action_days", "The text contains invalid characters.")
	_, err = ws.SaveActionDayText(ctx, strings.Repeat("x", maxActionDayText+1))
	wantInvalid(t, err, "action_days", "The list of action days is too long.")

	// An empty list is a choice, not a reset.
	if _, err := ws.SaveActionDayText(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if text, _, _ := ws.ActionDayText(ctx); text != "" {
		t.Errorf("empty list read back as %d bytes", len(text))
	}
	if err := ws.ResetActionDayText(ctx); err != nil {
		t.Fatal(err)
	}
	if text, _, _ := ws.ActionDayText(ctx); text != string(actiondays.Default) {
		t.Error("reset did not bring back the shipped list")
	}
	// The workspace settings are not disturbed by the list.
	if s, err := ws.Settings(ctx); err != nil || s.Land != calendar.Niedersachsen {
		t.Errorf("settings %+v, %v", s, err)
	}
}

func TestQuietPeriods(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	tests := []struct {
		name  string
		q     QuietPeriod
		field string
		key   string
	}{
		{"ends before it starts", QuietPeriod{From: date(2026, 3, 8), To: date(2026, 2, 1), Note: "Vorwahlzeit"}, "to", "The quiet period ends before it starts."},
		{"no days", QuietPeriod{Note: "Vorwahlzeit"}, "from", "Please enter the first and the last day."},
		{"no end", QuietPeriod{From: date(2026, 3, 8), Note: "Vorwahlzeit"}, "from", "Please enter the first and the last day."},
		{"30 February", QuietPeriod{From: date(2026, 2, 30), To: date(2026, 3, 8), Note: "x"}, "from", "The date must lie between {{.Min}} and {{.Max}}."},
		{"into 2101", QuietPeriod{From: date(2100, 12, 1), To: date(2101, 1, 8), Note: "x"}, "to", "The date must lie between {{.Min}} and {{.Max}}."},
		{"from 1994", QuietPeriod{From: date(1994, 12, 1), To: date(1995, 1, 8), Note: "x"}, "from", "The date must lie between {{.Min}} and {{.Max}}."},
		{"no note", QuietPeriod{From: date(2026, 2, 1), To: date(2026, 3, 8), Note: "  "}, "note", "Please note why nothing may be posted in this period."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			wantInvalid(t, ws.SaveQuietPeriod(ctx, &q), tt.field, tt.key)
		})
	}
	if qs, _ := ws.QuietPeriods(ctx); len(qs) != 0 {
		t.Fatalf("refused periods stored: %v", qs)
	}

	election := QuietPeriod{From: date(2026, 2, 1), To: date(2026, 3, 8), Note: "Vorwahlzeit Kommunalwahl"}
	mourning := QuietPeriod{From: date(2026, 1, 20), To: date(2026, 1, 20), Note: "Staatstrauer"}
	for _, q := range []*QuietPeriod{&election, &mourning} {
		if err := ws.SaveQuietPeriod(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	qs, err := ws.QuietPeriods(ctx)
	if err != nil || len(qs) != 2 || qs[0] != mourning || qs[1] != election {
		t.Fatalf("quiet periods %+v, %v", qs, err)
	}
	election.To = date(2026, 3, 15)
	if err := ws.SaveQuietPeriod(ctx, &election); err != nil {
		t.Fatal(err)
	}
	if err := ws.DeleteQuietPeriod(ctx, mourning.ID); err != nil {
		t.Fatal(err)
	}
	if err := ws.DeleteQuietPeriod(ctx, mourning.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	qs, _ = ws.QuietPeriods(ctx)
	if len(qs) != 1 || qs[0].To != date(2026, 3, 15) {
		t.Errorf("after update and delete: %+v", qs)
	}
	changes, _ := ws.Changes(ctx, 0, 2)
	if !strings.Contains(changes[0].Summary, "Ruhezeit 20.01.2026–20.01.2026 („Staatstrauer“) gelöscht") ||
		!strings.Contains(changes[1].Summary, "Ruhezeit 01.02.2026–15.03.2026") {
		t.Errorf("change log %q / %q", changes[0].Summary, changes[1].Summary)
	}
}

func TestQuietConflictsMarkPostsInside(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ch, _ := testIDs(t, ws)
	mk := func(title string, d *calendar.Date, st Status) Post {
		p := Post{Title: title, Date: d, Status: st, Channels: []PostChannel{{ChannelID: ch[0]}}}
		if err := ws.CreatePost(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	first, last, before, after := date(2026, 2, 1), date(2026, 3, 8), date(2026, 1, 31), date(2026, 3, 9)
	inFirst := mk("Am ersten Tag", &first, StatusDraft)
	inLast := mk("Am letzten Tag", &last, StatusApproved)
	mk("Davor", &before, StatusDraft)
	mk("Danach", &after, StatusDraft)
	mk("Verworfen drin", &first, StatusDiscarded)
	mk("Idee", nil, StatusIdea)
	// Declared after the posts were approved (an approval inside a quiet
	// period is refused, see TestReviewBlocksApproval).
	q := QuietPeriod{From: date(2026, 2, 1), To: date(2026, 3, 8), Note: "Vorwahlzeit Kommunalwahl"}
	if err := ws.SaveQuietPeriod(ctx, &q); err != nil {
		t.Fatal(err)
	}

	got, err := ws.QuietConflicts(ctx, date(2026, 1, 1), date(2026, 3, 31))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].PostID != inFirst.ID || got[1].PostID != inLast.ID || got[0].Note != q.Note || got[1].PeriodID != q.ID || got[1].Date != last {
		t.Fatalf("conflicts %+v", got)
	}
	if got, _ := ws.QuietConflicts(ctx, date(2026, 3, 1), date(2026, 3, 31)); len(got) != 1 || got[0].PostID != inLast.ID {
		t.Errorf("conflicts in March %+v", got)
	}
}
