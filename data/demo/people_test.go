package demo

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// The demo shows every rights badge: people with a valid consent, one
// ending soon, a withdrawn one, a minor with guardians, someone without
// consent; pictures without identifiable people, a crowd, ungeklärt ones
// and an expired licence; and planned posts blocked by a consent or
// licence problem.
func TestDemoPeopleAndRights(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, calendar.GermanZone())
	ws, err := Create(ctx, filepath.Join(t.TempDir(), "Demo"), data.Options{Now: func() time.Time { return now }}, now)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	today := calendar.FromTime(now)

	people, err := ws.People(ctx, data.PeopleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	states := map[data.PersonState]int{}
	minorWithGuardians := false
	for _, p := range people {
		states[p.State]++
		if full, err := ws.Person(ctx, p.ID); err == nil && p.MinorOn(today) && len(full.Guardians) > 0 && p.State == data.PersonOK {
			minorWithGuardians = true
		}
	}
	for _, s := range []data.PersonState{data.PersonOK, data.PersonExpiring, data.PersonWithdrawn, data.PersonMissing} {
		if states[s] == 0 {
			t.Errorf("no person in state %s (%v)", s, states)
		}
	}
	if !minorWithGuardians {
		t.Error("no minor with the guardians' consent")
	}

	page, err := ws.ListMedia(ctx, data.MediaQuery{Limit: data.MaxMediaPage})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, m := range page.Items {
		ids = append(ids, m.ID)
	}
	rights, err := ws.MediaRights(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	badges := map[data.RightsState]int{}
	decisions := map[data.PeopleDecision]int{}
	for _, r := range rights {
		badges[r.State]++
		decisions[r.Decision]++
	}
	for _, s := range append(data.RightsStates(), data.RightsOK) {
		if badges[s] == 0 {
			t.Errorf("no picture with the badge %s (%v)", s, badges)
		}
	}
	for _, d := range []data.PeopleDecision{data.DecisionNone, data.DecisionCrowd, data.DecisionPeople, data.DecisionUnclear} {
		if decisions[d] == 0 {
			t.Errorf("no picture decided %q (%v)", d, decisions)
		}
	}

	// Planned posts ahead: some blocked (consent and licence), none of
	// them approved or published (the demo breaks no rule it shows).
	posts, err := ws.PostsBetween(ctx, today, today.AddDays(70))
	if err != nil {
		t.Fatal(err)
	}
	var reasons []data.Reason
	for _, p := range posts {
		cs, err := ws.PostClearance(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if !c.Blocked() {
				continue
			}
			if p.Status == data.StatusApproved || p.Status == data.StatusPublished {
				t.Errorf("%s post %q is blocked: %v", p.Status, p.Title, c.Findings)
			}
			for _, f := range c.Findings {
				if f.Blocks() {
					reasons = append(reasons, f.Reason)
				}
			}
		}
	}
	for _, r := range []data.Reason{data.ReasonWithdrawn, data.ReasonMissing, data.ReasonExpired, data.ReasonLicenceExpired} {
		if !slices.Contains(reasons, r) {
			t.Errorf("no planned post blocked for %s (%v)", r, reasons)
		}
	}
}
