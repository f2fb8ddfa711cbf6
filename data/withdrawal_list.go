package data

import (
	"cmp"
	"context"
	"slices"

	"feedtakt/data/calendar"
)

// WithdrawalItem is a line of the list of withdrawals: a person who
// withdrew a consent, or whose erasure left a proof record, with what is
// still to do. After an erasure the Personen list no longer shows the
// person, so this list is the way back to the checklist.
type WithdrawalItem struct {
	PersonID int64
	// Name is empty once the person was erased.
	Name string
	// WithdrawnOn is the day of the earliest withdrawal (nil: none known).
	WithdrawnOn *calendar.Date
	// Erasure is the proof record, nil when no erasure was started.
	Erasure *ErasureRecord
	// Open counts the published posts' channels not yet ticked as
	// removed, as the withdrawal page counts them.
	Open int
}

// Withdrawals lists every person who withdrew a consent and every erasure,
// the newest withdrawal first (those without a known day last). Each open
// count is the withdrawal page's own, so list and page never disagree;
// the list is short (a withdrawal is rare), one overview per line is cheap.
func (w *Workspace) Withdrawals(ctx context.Context) ([]WithdrawalItem, error) {
	ids, err := queryColumn[int64](ctx, w.reader(), `SELECT person_id FROM consents WHERE withdrawn_on IS NOT NULL
		UNION SELECT person_id FROM erasures`)
	if err != nil {
		return nil, w.fault("read withdrawals", err)
	}
	out := make([]WithdrawalItem, 0, len(ids))
	for _, id := range ids {
		o, err := w.Withdrawal(ctx, id)
		if isNotFound(err) {
			continue // deleted meanwhile
		}
		if err != nil {
			return nil, err
		}
		it := WithdrawalItem{PersonID: id, WithdrawnOn: o.WithdrawnOn, Erasure: o.Erasure, Open: o.Open()}
		if o.Person != nil {
			it.Name = o.Person.Name
		}
		out = append(out, it)
	}
	slices.SortStableFunc(out, func(a, b WithdrawalItem) int {
		switch {
		case a.WithdrawnOn == nil && b.WithdrawnOn == nil:
		case a.WithdrawnOn == nil:
			return 1
		case b.WithdrawnOn == nil:
			return -1
		default:
			if c := b.WithdrawnOn.Compare(*a.WithdrawnOn); c != 0 {
				return c
			}
		}
		return cmp.Compare(b.PersonID, a.PersonID)
	})
	return out, nil
}
