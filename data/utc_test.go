package data

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"feedtakt/data/calendar"
)

// The October night in Berlin: 02:00–03:00 happens twice. 02:45 summer
// time comes 30 minutes before 02:15 winter time.
var (
	berlin      = calendar.GermanZone()
	summer0245  = time.Date(2026, 10, 25, 0, 45, 0, 0, time.UTC).In(berlin) // 02:45 CEST
	winter0215  = time.Date(2026, 10, 25, 1, 15, 0, 0, time.UTC).In(berlin) // 02:15 CET
	clockOfTest = func(ts ...time.Time) func() time.Time {
		i := 0
		return func() time.Time {
			t := ts[min(i, len(ts)-1)]
			i++
			return t
		}
	}
)

func TestTimesSortAcrossTheRepeatedOctoberHour(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	now := summer0245
	ws.now = func() time.Time { return now }
	first := Post{Title: "Erste Idee (02:45 Sommerzeit)"}
	if err := ws.CreatePost(ctx, &first); err != nil {
		t.Fatal(err)
	}
	now = winter0215
	second := Post{Title: "Zweite Idee (02:15 Winterzeit)"}
	if err := ws.CreatePost(ctx, &second); err != nil {
		t.Fatal(err)
	}
	ideas, err := ws.Ideas(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ideas) < 2 || ideas[0].ID != second.ID || ideas[1].ID != first.ID {
		t.Fatalf("ideas newest first: %v", titles(ideas))
	}
	cs, err := ws.Changes(ctx, 0, 2)
	if err != nil || len(cs) != 2 {
		t.Fatal(err)
	}
	if !cs[0].At.After(cs[1].At) || cs[0].At.Sub(cs[1].At) != 30*time.Minute {
		t.Errorf("change log times %v, %v", cs[0].At, cs[1].At)
	}
	var at string
	ws.db.QueryRow(`SELECT at FROM changelog ORDER BY id DESC LIMIT 1`).Scan(&at)
	if at != "2026-10-25T01:15:00Z" {
		t.Errorf("stored %q, want a UTC instant", at)
	}
}

func titles(ps []Post) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Title)
	}
	return out
}

// Backups made in the repeated hour sort by when they were made; names are
// UTC, and old names in local time are still read.
func TestBackupNamesAcrossTheRepeatedOctoberHour(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ws.now = clockOfTest(summer0245, winter0215)
	// Tagged, so the daily rotation (one a day) keeps both.
	a, err := ws.Backup(ctx, "v1")
	if err != nil {
		t.Fatal(err)
	}
	b, err := ws.Backup(ctx, "v2")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.Path, "feedtakt-20261025-011500Z-v2.db") {
		t.Errorf("backup name %s, want UTC", b.Path)
	}
	bs, _ := ws.Backups()
	if len(bs) < 2 || bs[0].Path != b.Path || bs[1].Path != a.Path {
		t.Errorf("backups newest first: %+v", bs)
	}
	old, ok := parseBackupName("feedtakt-20250301-093000-v1.db")
	want := time.Date(2025, 3, 1, 9, 30, 0, 0, time.Local)
	if !ok || !old.Time.Equal(want) || old.Tag != "v1" {
		t.Errorf("old local name read as %+v, %v", old, ok)
	}
	nu, ok := parseBackupName("feedtakt-20261025-004500Z-v2.db")
	if !ok || !nu.Time.Equal(summer0245) || nu.Tag != "v2" {
		t.Errorf("UTC name read as %+v, %v", nu, ok)
	}
}

// Data from version 2 (times with the local offset) is converted to UTC
// instants by migration 3, and sorts right afterwards.
func TestMigrationToUTCTimes(t *testing.T) {
	ctx := context.Background()
	restore := migrationsUpTo(t, 3) // a version 3 file, set back to 2 below
	ws := newTestWorkspace(t)
	for _, title := range []string{"Früher (02:45 Sommerzeit)", "Später (02:15 Winterzeit)"} { // as version 2 wrote them
		if _, err := ws.db.Exec(`INSERT INTO posts (uid, title, status, created_at, updated_at) VALUES (?, ?, 'idea', '', '')`, title, title); err != nil {
			t.Fatal(err)
		}
	}
	dir := ws.Dir()
	ws.Close()
	// Make it a version 2 file as an older Feedtakt wrote it.
	db, err := sql.Open("sqlite", sqliteDSN(dir+"/"+DBName))
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, db, `UPDATE posts SET created_at = '2026-10-25T02:45:00+02:00', updated_at = '2026-10-25T02:45:00+02:00' WHERE title LIKE 'Früher%'`)
	mustExec(t, db, `UPDATE posts SET created_at = '2026-10-25T02:15:00+01:00', updated_at = '2026-10-25T02:15:00+01:00' WHERE title LIKE 'Später%'`)
	mustExec(t, db, `DROP TRIGGER changelog_append_only_update`)
	mustExec(t, db, `UPDATE changelog SET at = '2026-10-25T02:15:00+01:00'`)
	mustExec(t, db, `CREATE TRIGGER changelog_append_only_update BEFORE UPDATE ON changelog BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END`)
	mustExec(t, db, `PRAGMA user_version = 2`)
	db.Close()
	restore()

	re, v := openMigrated(t, dir)
	if v < 3 {
		t.Fatalf("version %d after open", v)
	}
	var created, at string
	re.db.QueryRow(`SELECT created_at FROM posts WHERE title LIKE 'Früher%'`).Scan(&created)
	re.db.QueryRow(`SELECT at FROM changelog LIMIT 1`).Scan(&at)
	if created != "2026-10-25T00:45:00Z" || at != "2026-10-25T01:15:00Z" {
		t.Errorf("after migration: created_at %q, at %q", created, at)
	}
	ideas, _ := re.Ideas(ctx, 10)
	if len(ideas) < 2 || !strings.HasPrefix(ideas[0].Title, "Später") {
		t.Errorf("ideas after migration: %v", titles(ideas))
	}
	// The change log is still append-only.
	if _, err := re.db.Exec(`UPDATE changelog SET summary = 'x'`); err == nil {
		t.Error("the change log accepts updates after the migration")
	}
}
