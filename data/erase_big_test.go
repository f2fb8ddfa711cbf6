package data

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// A workspace that has been used for years: 100,000 change-log lines, of
// which 300 name the person, and 3,000 posts. The erasure (the rewrite of
// every text column, the search index merge, VACUUM) stays within seconds.
func TestErasureOfABigWorkspace(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("big workspace")
	}
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	p := mustPerson(t, ws, Person{Name: "Hannelore Brückmann", Role: RoleCitizen})
	tx, _ := ws.db.Begin()
	tx.Exec(`DROP TRIGGER changelog_append_only_update`) // not needed for inserts; keeps the fixture fast
	for i := range 100_000 {
		s := fmt.Sprintf("Beitrag „Nummer %d“ geändert: Text", i)
		if i%333 == 0 {
			s = fmt.Sprintf("Beitrag „Hannelore Brückmann %d“ geändert", i)
		}
		tx.Exec(`INSERT INTO changelog (at, person, pc, action, item, summary) VALUES ('2026-01-01T00:00:00Z', 'Maria', 'PC', 'update', 'post', ?)`, s)
	}
	for i := range 3000 {
		tx.Exec(`INSERT INTO posts (uid, title, caption, zone, status, created_at, updated_at) VALUES (?, ?, ?, 'Europe/Berlin', 'idea', '', '')`,
			fmt.Sprint("u", i), fmt.Sprintf("Idee %d", i), strings.Repeat("Ein langer Text über das Amt. ", 40))
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := ws.ErasePerson(ctx, p.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("erasure in a workspace of 100,000 change-log lines and 3,000 posts: %v, %d texts rewritten", took, res.Texts)
	if res.Texts != 301 {
		t.Errorf("texts %d", res.Texts)
	}
}
