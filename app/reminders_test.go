package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"feedtakt/data"
)

// The reminders show on top of the side panel (folded after three) and on
// the Übergabe screen; a click leads to the person or the Mediathek item.
func TestRemindersInSidePanelAndHandover(t *testing.T) {
	now := today()
	in20 := now.AddDays(20)
	u, s := newCalendarUI(t, data.Post{Title: "Bald", Date: &in20, Caption: "x"})
	ctx := context.Background()
	ws := u.Workspace()
	pics := importPictures(t, u, "emil.jpg", "agentur.jpg")
	var people []data.Person
	for _, name := range []string{"Anna Beispiel", "Ben Klein", "Carla Groß", "Emil Zurück"} {
		p := data.Person{Name: name, Role: data.RoleEmployee}
		if err := ws.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		c := data.Consent{PersonID: p.ID, GivenOn: now.AddDays(-30), Form: data.FormWritten, GivenBy: data.GivenBySelf,
			Platforms: []data.Platform{data.Instagram}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeShoot, Shoot: "Termin"}
		if name != "Emil Zurück" {
			end := now.AddDays(5 + len(people))
			c.ValidUntil = &end
		}
		if err := ws.AddConsent(ctx, &c); err != nil {
			t.Fatal(err)
		}
		if name == "Emil Zurück" {
			if err := ws.WithdrawConsent(ctx, c.ID, data.Withdrawal{On: now, Via: "E-Mail"}); err != nil {
				t.Fatal(err)
			}
		}
		people = append(people, p)
	}
	emil := people[3]
	if err := ws.SetPicturePeople(ctx, pics[0].ID, []int64{emil.ID}); err != nil {
		t.Fatal(err)
	}
	end := now.AddDays(3)
	if err := ws.SetMediaUsableUntil(ctx, []int64{pics[1].ID}, &end); err != nil {
		t.Fatal(err)
	}
	ps, _ := ws.PostsBetween(ctx, in20, in20)
	if err := ws.AttachMedia(ctx, ps[0].ID, []int64{pics[0].ID, pics[1].ID}); err != nil {
		t.Fatal(err)
	}
	s.reload()
	u.Wait()

	g := s.gaps.hints
	if len(g.items) != 5 || len(g.rows) != 3 {
		t.Fatalf("side panel: %d reminders, %d shown", len(g.items), len(g.rows))
	}
	assertShows(t, s.gaps.content, "Hinweise", "Alle 5 Hinweise zeigen",
		"Emil Zurück hat die Einwilligung am "+now.String()+" widerrufen und ist noch in einem geplanten Beitrag zu sehen.")
	first := texts(g.rows[0])
	if !slices.ContainsFunc(first, func(s string) bool { return strings.HasPrefix(s, "Emil Zurück") }) {
		t.Errorf("the withdrawal is not first: %q", first)
	}
	test.Tap(findButton(t, s.gaps.content, "Alle 5 Hinweise zeigen"))
	if len(g.rows) != 5 {
		t.Errorf("unfolded: %d rows", len(g.rows))
	}
	assertShows(t, s.gaps.content, "Weniger zeigen", "Die Einwilligung von Anna Beispiel endet am "+now.AddDays(5).String()+".")

	// The licence leads to the Mediathek item, a person to Personen.
	for _, r := range g.rows {
		if strings.Contains(strings.Join(texts(r), " "), "agentur.jpg") {
			r.Tapped(nil)
		}
	}
	u.Wait()
	if u.shell.tabs.SelectedIndex() != screenMedia || !slices.Equal(u.shell.library.selectedIDs(), []int64{pics[1].ID}) {
		t.Errorf("licence click: screen %d, selected %v", u.shell.tabs.SelectedIndex(), u.shell.library.selectedIDs())
	}
	g.rows[0].Tapped(nil)
	u.Wait()
	if u.shell.tabs.SelectedIndex() != screenPeople {
		t.Errorf("person click: screen %d", u.shell.tabs.SelectedIndex())
	}

	u.shell.selectScreen(screenHandover)
	u.Wait()
	h := u.shell.handover
	assertShows(t, h.content, "Einwilligungen und Lizenzen", "Alle 5 Hinweise zeigen")
	if len(h.hints.rows) != 4 {
		t.Errorf("handover shows %d reminders", len(h.hints.rows))
	}
	// All five unfolded at 1366x768: the cards scroll, the change log keeps
	// its rows and the window does not grow.
	test.Tap(findButton(t, h.content, "Alle 5 Hinweise zeigen"))
	row := h.logCreate().MinSize().Height
	if got := h.log.Size().Height; got < logRows*row {
		t.Errorf("change log %.0f px high, want room for %d rows of %.0f px", got, logRows, row)
	}
	if got := u.win.Canvas().Size().Height; got > 768 {
		t.Errorf("the window grew to %.0f px", got)
	}

	// Changed elsewhere (Emil taken off the picture, as an erasure does):
	// the side panel says so when the calendar is shown again.
	if err := ws.SetPicturePeople(ctx, pics[0].ID, nil); err != nil {
		t.Fatal(err)
	}
	u.shell.selectScreen(screenCalendar)
	u.Wait()
	if len(g.items) != 4 || slices.ContainsFunc(g.items, func(r data.Reminder) bool { return r.Kind == data.ReminderWithdrawn }) {
		t.Errorf("side panel after the change: %+v", g.items)
	}
}
