package app

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// newTestDatesScreen opens a fresh workspace and shows the dates screen
// as the window content.
func newTestDatesScreen(t *testing.T) (*UI, *datesScreen) {
	t.Helper()
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	if u.Workspace() == nil {
		t.Fatal("workspace not open")
	}
	s := newDatesScreen(u)
	u.setContent(s.content)
	u.Wait()
	return u, s
}

// datesOverlayTexts is what every open dialog shows, bottom to top.
func datesOverlayTexts(u *UI) []string {
	var all []string
	for _, o := range u.win.Canvas().Overlays().List() {
		all = append(all, texts(o)...)
	}
	return all
}

// datesButtons are all buttons below o.
func datesButtons(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	visit(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok {
			out = append(out, b)
		}
	})
	return out
}

func datesCheck(t *testing.T, o fyne.CanvasObject, text string) *widget.Check {
	t.Helper()
	var found *widget.Check
	visit(o, func(c fyne.CanvasObject) {
		if ch, ok := c.(*widget.Check); ok && ch.Text == text && found == nil {
			found = ch
		}
	})
	if found == nil {
		t.Fatalf("no check box %q", text)
	}
	return found
}

// nextSpringForward is the last Sunday of March next year, when German
// clocks go from 02:00 to 03:00, so slots around it are never in the past.
func nextSpringForward() calendar.Date {
	d := calendar.NewDate(today().Year+1, time.March, 31)
	for d.Weekday() != time.Sunday {
		d = d.AddDays(-1)
	}
	return d
}

func TestDatesSeriesFormCreatesWeeklySeriesAcrossDST(t *testing.T) {
	u, s := newTestDatesScreen(t)
	ctx := context.Background()
	ws := u.Workspace()
	sunday := nextSpringForward()
	before, after := sunday.AddDays(-5), sunday.AddDays(2) // the Tuesdays around it

	test.Tap(s.addSeries)
	u.Wait()
	form := topOverlay(u)
	if form == nil {
		t.Fatal("no series form")
	}
	es := entriesIn(form)
	if len(es) != 8 {
		t.Fatalf("series form has %d entries, want 8 (title, interval, time, start, end, count, text, notes)", len(es))
	}
	test.Type(es[0], "Azubi-Dienstag")
	selectsIn(form)[1].SetSelectedIndex(1) // Tuesday; Monday comes first
	es[2].SetText("10:00")
	es[3].SetText(before.String())
	test.Type(es[6], "#Ausbildung #Karriere")
	test.Tap(datesCheck(t, form, "Instagram"))
	u.Wait()
	// The live preview follows the fields.
	assertShows(t, form, "jeden Dienstag, 10:00 Uhr", before.String()[:6], after.String()[:6])

	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	if topOverlay(u) != nil {
		t.Fatalf("dialog still open: %v", datesOverlayTexts(u))
	}
	all, err := ws.Series(ctx)
	if err != nil || len(all) != 1 {
		t.Fatalf("series = %+v, %v", all, err)
	}
	sr := all[0]
	cs, _ := ws.Channels(ctx)
	if sr.Title != "Azubi-Dienstag" || sr.Rule.Kind != calendar.Weekly || sr.Rule.Weekday != time.Tuesday ||
		sr.Rule.Start != before || sr.Rule.End != nil || sr.Rule.Count != 0 || sr.Caption != "#Ausbildung #Karriere" ||
		len(sr.Channels) != 1 || sr.Channels[0] != cs[0].ID {
		t.Errorf("saved series = %+v", sr)
	}

	slots, err := ws.SeriesSlots(ctx, before, after)
	if err != nil {
		t.Fatal(err)
	}
	if len(slots) != 2 || slots[0].Date != before || slots[1].Date != after {
		t.Fatalf("slots = %+v", slots)
	}
	var offsets []int
	for _, sl := range slots {
		when, note := sl.When()
		if when.Hour() != 10 || when.Minute() != 0 || !note.IsZero() {
			t.Errorf("slot %s at %s (%+v), want 10:00 local", sl.Date, when, note)
		}
		_, off := when.Zone()
		offsets = append(offsets, off)
	}
	if offsets[0] != 3600 || offsets[1] != 7200 {
		t.Errorf("UTC offsets %v, want winter time then summer time", offsets)
	}
	assertShows(t, u.win.Content(), "Azubi-Dienstag", "jeden Dienstag, 10:00 Uhr", "Instagram")
}

func TestDatesSeriesFormRefusesBadTimeAndKeepsInput(t *testing.T) {
	u, s := newTestDatesScreen(t)
	test.Tap(s.addSeries)
	u.Wait()
	form := topOverlay(u)
	es := entriesIn(form)
	sels := selectsIn(form)
	test.Type(es[0], "Blick hinter die Kulissen")

	// Monthly: the nth weekday is offered, the preview says the rule.
	if !sels[2].Disabled() {
		t.Error("nth weekday offered for a weekly series")
	}
	sels[0].SetSelectedIndex(1)
	if sels[2].Disabled() {
		t.Error("nth weekday not offered for a monthly series")
	}
	sels[1].SetSelectedIndex(4) // Friday
	sels[2].SetSelectedIndex(5) // last
	assertShows(t, form, "jeden letzten Freitag im Monat, 10:00 Uhr")

	es[2].SetText("25:00")
	assertShows(t, form, "Die Uhrzeit bitte als HH:MM angeben") // the preview warns at once
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	if all, _ := u.Workspace().Series(context.Background()); len(all) != 0 {
		t.Fatalf("saved with a bad time: %+v", all)
	}
	if !contains(datesOverlayTexts(u), "Die Uhrzeit bitte als HH:MM angeben") {
		t.Errorf("no German message; overlays show %v", datesOverlayTexts(u))
	}
	if es[0].Text != "Blick hinter die Kulissen" || es[2].Text != "25:00" {
		t.Error("typed input lost")
	}
	if len(u.win.Canvas().Overlays().List()) != 2 {
		t.Errorf("want the form with the message on top; overlays: %v", datesOverlayTexts(u))
	}

	// Corrected, it saves as the last Friday of each month.
	test.Tap(findButton(t, topOverlay(u), "OK"))
	u.Wait()
	es[2].SetText("9.30")
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	all, _ := u.Workspace().Series(context.Background())
	if len(all) != 1 || all[0].Rule.Kind != calendar.MonthlyNth || all[0].Rule.Nth != -1 ||
		all[0].Rule.Weekday != time.Friday || all[0].Rule.Hour != 9 || all[0].Rule.Minute != 30 {
		t.Fatalf("series = %+v", all)
	}
}

func TestDatesDeleteSeriesKeepsPostsMadeFromIt(t *testing.T) {
	u, s := newTestDatesScreen(t)
	ctx := context.Background()
	ws := u.Workspace()
	start := today().AddDays(1)
	sr := data.Series{Title: "Azubi-Dienstag", Rule: calendar.Recurrence{Kind: calendar.Weekly, Weekday: start.Weekday(), Start: start, Hour: 10}}
	if err := ws.SaveSeries(ctx, &sr); err != nil {
		t.Fatal(err)
	}
	slots, _ := ws.SeriesSlots(ctx, start, start)
	if len(slots) != 1 {
		t.Fatalf("slots = %+v", slots)
	}
	post, err := ws.FillSlot(ctx, slots[0])
	if err != nil {
		t.Fatal(err)
	}
	s.loadSeries()
	u.Wait()
	assertShows(t, u.win.Content(), "Azubi-Dienstag")

	test.Tap(findButton(t, u.win.Content(), "Löschen …"))
	u.Wait()
	confirm := topOverlay(u)
	if confirm == nil {
		t.Fatal("deleted without asking")
	}
	test.Tap(findButton(t, confirm, "Löschen"))
	u.Wait()
	if all, _ := ws.Series(ctx); len(all) != 0 {
		t.Fatalf("series still there: %+v", all)
	}
	kept, err := ws.Post(ctx, post.ID)
	if err != nil || kept.Title != "Azubi-Dienstag" || kept.SeriesID != 0 {
		t.Errorf("post made from the series: %+v, %v", kept, err)
	}
	if contains(texts(u.win.Content()), "jeden Dienstag, ") {
		t.Error("the list still shows the deleted series")
	}
}

func TestDatesOwnDateAddedWithReminder(t *testing.T) {
	u, s := newTestDatesScreen(t)
	ctx := context.Background()
	day := today().AddDays(40)

	test.Tap(s.addOwn)
	u.Wait()
	form := topOverlay(u)
	es := entriesIn(form)
	if len(es) != 4 {
		t.Fatalf("date form has %d entries, want 4 (date, name, hint, lead)", len(es))
	}
	es[0].SetText(day.String())
	test.Type(es[1], "Tag der offenen Tür")
	test.Type(es[2], "Fotograf buchen")
	test.Type(es[3], "zwei")
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	if !contains(datesOverlayTexts(u), "Die Erinnerung muss zwischen 0 und 365 Tagen") {
		t.Errorf("bad lead time not explained; overlays: %v", datesOverlayTexts(u))
	}
	test.Tap(findButton(t, topOverlay(u), "OK"))
	u.Wait()
	es[3].SetText("14")
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()

	ds, err := u.Workspace().OwnDates(ctx, today(), today().AddDays(ownDatesAhead))
	if err != nil || len(ds) != 1 {
		t.Fatalf("own dates = %+v, %v", ds, err)
	}
	if d := ds[0]; d.Date != day || d.Name != "Tag der offenen Tür" || d.Note != "Fotograf buchen" || d.LeadDays != 14 {
		t.Errorf("saved %+v", d)
	}
	if topOverlay(u) != nil {
		t.Error("form still open")
	}
	assertShows(t, u.win.Content(), "Tag der offenen Tür", day.String(), "Fotograf buchen")
}

func TestDatesQuietPeriodEndingBeforeStartIsRefused(t *testing.T) {
	u, s := newTestDatesScreen(t)
	ctx := context.Background()
	y := today().Year + 1

	test.Tap(s.addQuiet)
	u.Wait()
	form := topOverlay(u)
	es := entriesIn(form)
	if len(es) != 3 {
		t.Fatalf("quiet-period form has %d entries, want 3", len(es))
	}
	es[0].SetText(calendar.NewDate(y, time.March, 15).String())
	es[1].SetText(calendar.NewDate(y, time.March, 1).String())
	test.Type(es[2], "Vorwahlzeit Kommunalwahl")
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()

	if qs, _ := u.Workspace().QuietPeriods(ctx); len(qs) != 0 {
		t.Fatalf("saved a period that ends before it starts: %+v", qs)
	}
	if !contains(datesOverlayTexts(u), "Die Ruhezeit endet, bevor sie beginnt.") {
		t.Errorf("no German message; overlays: %v", datesOverlayTexts(u))
	}
	ovs := u.win.Canvas().Overlays().List()
	if len(ovs) != 2 || ovs[0] != form {
		t.Fatalf("the form should stay open under the message; overlays: %v", datesOverlayTexts(u))
	}
	assertShows(t, form, "Vorwahlzeit Kommunalwahl", calendar.NewDate(y, time.March, 15).String())

	// Corrected, it saves and a post inside it is counted.
	test.Tap(findButton(t, topOverlay(u), "OK"))
	u.Wait()
	es[1].SetText(calendar.NewDate(y, time.March, 29).String())
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	qs, _ := u.Workspace().QuietPeriods(ctx)
	if len(qs) != 1 || qs[0].To != calendar.NewDate(y, time.March, 29) || qs[0].Note != "Vorwahlzeit Kommunalwahl" {
		t.Fatalf("quiet periods = %+v", qs)
	}
	assertShows(t, u.win.Content(), "Vorwahlzeit Kommunalwahl", calendar.NewDate(y, time.March, 29).String())
}

func TestDatesReadOnlyDisablesEditing(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	holder, err := data.Open(context.Background(), dir, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	ctx := context.Background()
	start := today()
	sr := data.Series{Title: "Azubi-Dienstag", Rule: calendar.Recurrence{Weekday: time.Tuesday, Start: start, Hour: 10}}
	od := data.OwnDate{Date: start.AddDays(10), Name: "Tag der offenen Tür"}
	qp := data.QuietPeriod{From: start.AddDays(20), To: start.AddDays(30), Note: "Staatstrauer"}
	if err := holder.SaveSeries(ctx, &sr); err != nil {
		t.Fatal(err)
	}
	if err := holder.SaveOwnDate(ctx, &od); err != nil {
		t.Fatal(err)
	}
	if err := holder.SaveQuietPeriod(ctx, &qp); err != nil {
		t.Fatal(err)
	}

	u, _ := newTestUI(t, Config{Workspace: dir})
	if u.Workspace() == nil || !u.Workspace().ReadOnly() {
		t.Fatal("not read-only")
	}
	s := newDatesScreen(u)
	u.setContent(s.content)
	u.Wait()
	assertShows(t, u.win.Content(), "Azubi-Dienstag", "Tag der offenen Tür", "Staatstrauer")
	for name, w := range map[string]fyne.Disableable{"add series": s.addSeries, "add date": s.addOwn, "add quiet period": s.addQuiet,
		"add action day": s.actions.add, "import action days": s.actions.imp, "reset action days": s.actions.reset} {
		if !w.Disabled() {
			t.Errorf("%s is enabled while read-only", name)
		}
	}
	n := 0
	for _, b := range datesButtons(s.content) {
		if b.Text == "Bearbeiten …" || b.Text == "Löschen …" {
			n++
			if !b.Disabled() {
				t.Errorf("button %q enabled while read-only", b.Text)
			}
		}
	}
	if n != 6 {
		t.Errorf("found %d edit/delete buttons, want 6", n)
	}
}
