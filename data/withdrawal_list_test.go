package data

import (
	"context"
	"testing"
)

// The list of withdrawals shows a person who withdrew with her open
// checklist lines, and after her erasure the proof record, by number and
// without the name, with the lines still open: the way back to the
// checklist once the Personen list no longer shows her.
func TestWithdrawalsListsProofRecordsWithOpenLines(t *testing.T) {
	ctx := context.Background()
	f := newErasureFixture(t)
	ws := f.ws
	list, err := ws.Withdrawals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].PersonID != f.person.ID || list[0].Name != erasedName || list[0].Erasure != nil ||
		list[0].Open != 2 || list[0].WithdrawnOn == nil || *list[0].WithdrawnOn != date(2026, 2, 20) {
		t.Fatalf("before the erasure %+v", list)
	}
	if err := ws.SetRemoval(ctx, f.person.ID, f.pub.ID, f.ig, &Removal{On: date(2026, 2, 25)}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.ErasePerson(ctx, f.person.ID, nil); err != nil {
		t.Fatal(err)
	}
	list, err = ws.Withdrawals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].PersonID != f.person.ID || list[0].Name != "" || list[0].Erasure == nil || !list[0].Erasure.Done() ||
		list[0].Open != 1 || list[0].WithdrawnOn == nil {
		t.Fatalf("after the erasure %+v", list)
	}
}

// A published post where nothing was ticked before the erasure stays on
// the checklist after it, with every channel open, though the erasure took
// her picture out of it (by post numbers only).
func TestErasureKeepsUntickedPublishedPostOnChecklist(t *testing.T) {
	ctx := context.Background()
	f := newErasureFixture(t)
	if _, err := f.ws.ErasePerson(ctx, f.person.ID, nil); err != nil {
		t.Fatal(err)
	}
	o, err := f.ws.Withdrawal(ctx, f.person.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Posts) != 1 || o.Posts[0].Post.ID != f.pub.ID || o.Posts[0].Pictures != 0 || len(o.Posts[0].Channels) != 2 || o.Open() != 2 {
		t.Fatalf("checklist after erasure %+v", o.Posts)
	}
	// Running it again (as after a crash) keeps the list.
	if _, err := f.ws.ErasePerson(ctx, f.person.ID, nil); err != nil {
		t.Fatal(err)
	}
	list, err := f.ws.Withdrawals(ctx)
	if err != nil || len(list) != 1 || list[0].Open != 2 {
		t.Fatalf("list %+v, %v", list, err)
	}
}
