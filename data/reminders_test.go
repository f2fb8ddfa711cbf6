package data

import (
	"context"
	"slices"
	"testing"
	"time"
)

// Reminders on 01.03.2026: what ends within 30 days, what was renewed,
// who withdrew and is still planned, and licences.
func TestReminders(t *testing.T) {
	ctx := context.Background()
	ws, ig, _ := consentWorkspace(t)
	day := date(2026, 3, 1)
	taken := time.Date(2026, 2, 10, 10, 0, 0, 0, WorkspaceZone())
	person := func(name string) Person { return mustPerson(t, ws, Person{Name: name, Role: RoleEmployee}) }
	until := func(c Consent, d time.Month, dd int) Consent { x := date(2026, d, dd); c.ValidUntil = &x; return c }

	anna, ben, carla, dora, emil := person("Anna Beispiel"), person("Ben Klein"), person("Carla Groß"), person("Dora Weit"), person("Emil Zurück")
	mustConsent(t, ws, until(written(anna.ID, date(2026, 1, 1), Instagram), 3, 30))   // ends in 29 days
	mustConsent(t, ws, until(written(ben.ID, date(2026, 1, 1), Instagram), 3, 31))    // in 30 days: not yet
	mustConsent(t, ws, until(written(carla.ID, date(2026, 1, 1), Instagram), 3, 10))  // ends soon …
	mustConsent(t, ws, until(written(carla.ID, date(2026, 2, 1), Instagram), 12, 31)) // … but renewed
	withdrawnLater := mustConsent(t, ws, until(written(dora.ID, date(2026, 1, 1), Instagram), 3, 15))
	if err := ws.WithdrawConsent(ctx, withdrawnLater.ID, Withdrawal{On: date(2026, 2, 20)}); err != nil {
		t.Fatal(err)
	}
	gone := mustConsent(t, ws, written(emil.ID, date(2026, 1, 1), Instagram))
	if err := ws.WithdrawConsent(ctx, gone.ID, Withdrawal{On: date(2026, 2, 25)}); err != nil {
		t.Fatal(err)
	}

	// Emil (withdrawn) and Dora (withdrawn, not planned) on pictures.
	picE := addTestMedia(t, ws, Media{OriginalName: "Emil.jpg", Taken: taken})
	picD := addTestMedia(t, ws, Media{OriginalName: "Dora.jpg", Taken: taken})
	if err := ws.SetPicturePeople(ctx, picE.ID, []int64{emil.ID}); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetPicturePeople(ctx, picD.ID, []int64{dora.ID}); err != nil {
		t.Fatal(err)
	}
	agency := addTestMedia(t, ws, Media{OriginalName: "Agentur.jpg", Title: "Feuerwehr im Einsatz"}) // named by its title
	old := addTestMedia(t, ws, Media{OriginalName: "Alt.jpg"})
	unused := addTestMedia(t, ws, Media{OriginalName: "Unbenutzt.jpg"})
	if err := ws.SetMediaUsableUntil(ctx, []int64{agency.ID}, dp(2026, 3, 20)); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetMediaUsableUntil(ctx, []int64{old.ID, unused.ID}, dp(2026, 2, 1)); err != nil {
		t.Fatal(err)
	}
	planned := func(d *time.Month, status Status, media ...int64) {
		t.Helper()
		p := Post{Title: "Beitrag", Caption: "Text", Status: status, Channels: []PostChannel{{ChannelID: ig}}}
		if d != nil {
			x := date(2026, *d, 10)
			p.Date = &x
		}
		if err := ws.SavePostWithMedia(ctx, &p, media); err != nil {
			t.Fatal(err)
		}
	}
	march, feb := time.March, time.February
	planned(&march, StatusDraft, picE.ID, agency.ID)
	planned(nil, StatusIdea, picE.ID, old.ID)
	planned(&feb, StatusDraft, picD.ID)       // in the past: not planned any more
	planned(&march, StatusDiscarded, picD.ID) // discarded: not planned

	got, err := ws.Reminders(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		kind  ReminderKind
		name  string
		date  string
		posts int
	}
	var rows []row
	for _, r := range got {
		rows = append(rows, row{r.Kind, r.Name, r.Date.String(), r.Posts})
	}
	want := []row{
		{ReminderWithdrawn, "Emil Zurück", "25.02.2026", 2},
		{ReminderLicenceEnded, "Alt.jpg", "01.02.2026", 1},
		{ReminderConsentEnds, "Anna Beispiel", "30.03.2026", 0},
		{ReminderLicenceEnds, "Feuerwehr im Einsatz", "20.03.2026", 1},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("got  %+v\nwant %+v", rows, want)
	}
	texts := map[string]bool{}
	for _, r := range got {
		texts[r.Message().Text("de")] = true
	}
	for _, s := range []string{
		"Emil Zurück hat die Einwilligung am 25.02.2026 widerrufen und ist noch in 2 geplanten Beiträgen zu sehen.",
		"Die Lizenz von „Alt.jpg“ ist am 01.02.2026 abgelaufen; das Bild steckt noch in einem geplanten Beitrag.",
		"Die Einwilligung von Anna Beispiel endet am 30.03.2026.",
		"Die Lizenz von „Feuerwehr im Einsatz“ endet am 20.03.2026; das betrifft einen geplanten Beitrag.",
	} {
		if !texts[s] {
			t.Errorf("no reminder %q in %v", s, texts)
		}
	}
}
