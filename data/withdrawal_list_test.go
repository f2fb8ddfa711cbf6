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
