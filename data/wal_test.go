package data

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// crashCopy makes the state a kill leaves behind: it writes to the closed
// workspace ws through its own connection with automatic checkpoints off,
// runs fn, and copies feedtakt.db and feedtakt.db-wal into a new workspace
// folder while that connection is still open (closing would checkpoint).
func crashCopy(t *testing.T, dir string, fn func(db *sql.DB)) string {
	t.Helper()
	src := filepath.Join(dir, DBName)
	db, err := sql.Open("sqlite", sqliteDSN(src, "_pragma=wal_autocheckpoint(0)", "_pragma=journal_mode(WAL)"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	fn(db)
	out := filepath.Join(t.TempDir(), "Abgestuerzt")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, DBName+suffix), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if walSize(filepath.Join(out, DBName)) <= walHeaderSize {
		t.Fatal("the copy has no pending WAL")
	}
	return out
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// An interrupted checkpoint: page 1 in feedtakt.db already carries the new
// page count, the pages themselves are still in the WAL. Intact data, so it
// must open, not be called truncated.
func TestInterruptedCheckpointIsNotTruncation(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ws.Close()
	var pages int64
	dir := crashCopy(t, ws.Dir(), func(db *sql.DB) {
		for i := 0; i < 300; i++ {
			mustExec(t, db, `INSERT INTO changelog (at, person, pc, action, item, summary) VALUES ('2026-01-01T00:00:00Z', 'x', 'y', 'create', 'post', ?)`, strings.Repeat("Wachstum ", 100))
		}
		db.QueryRow("PRAGMA page_count").Scan(&pages)
	})
	path := filepath.Join(dir, DBName)
	b, _ := os.ReadFile(path)
	pageSize := int64(binary.BigEndian.Uint16(b[16:18]))
	if int64(len(b)) >= pages*pageSize {
		t.Fatalf("the database did not grow in the WAL (%d bytes, %d pages)", len(b), pages)
	}
	binary.BigEndian.PutUint32(b[28:32], uint32(pages))
	os.WriteFile(path, b, 0o644)

	// "check" first: it must not call it truncated either, and write nothing.
	before := snapshot(t, dir)
	ro, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("check-open after an interrupted checkpoint: %v", err)
	}
	h, err := ro.Inspect(ctx)
	ro.Close()
	if err != nil || h.Integrity != "ok" || h.Counts.Changes < 300 {
		t.Fatalf("check: %+v, %v", h, err)
	}
	assertUnchanged(t, before, snapshot(t, dir))

	re, err := Open(ctx, dir, Options{Actor: testActor})
	if err != nil {
		t.Fatalf("open after an interrupted checkpoint: %v", err)
	}
	defer re.Close()
	if re.Restored() != nil {
		t.Fatal("a backup was restored over intact data")
	}
	c, err := re.Counts(ctx)
	if err != nil || c.Changes < 300 {
		t.Fatalf("counts %+v, %v", c, err)
	}
}

// A genuinely cut-off file without a WAL is still refused without writing.
func TestTruncatedWithoutWALStillRefused(t *testing.T) {
	ws := newTestWorkspace(t)
	for i := 0; i < 50; i++ {
		ws.CreatePost(context.Background(), &Post{Title: "Beitrag", Caption: strings.Repeat("x", 800)})
	}
	ws.Close()
	b, _ := os.ReadFile(filepath.Join(ws.Dir(), DBName))
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, DBName), b[:len(b)-4096], 0o644)
	before := snapshot(t, dir)
	_, err := Open(context.Background(), dir, Options{Actor: testActor})
	if !errors.Is(err, ErrTruncated) {
		t.Fatalf("err = %v, want truncated", err)
	}
	assertUnchanged(t, before, snapshot(t, dir))
}

// "check" reads what SQLite would read, WAL included, and writes nothing.
func TestCheckReadsAPendingWAL(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ws.Close()
	dir := crashCopy(t, ws.Dir(), func(db *sql.DB) {
		mustExec(t, db, `INSERT INTO topics (name, color, position, created_at) VALUES ('Nur im WAL', '#123456', 9, '2026-01-01T00:00:00Z')`)
		mustExec(t, db, `PRAGMA user_version = 1`)
	})
	before := snapshot(t, dir)
	ro, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	h, err := ro.Inspect(ctx)
	ro.Close()
	if err != nil {
		t.Fatal(err)
	}
	if h.Counts.Topics != 3 || h.SchemaVersion != 1 || h.Integrity != "ok" {
		t.Errorf("check saw topics=%d version=%d integrity=%s, want 3, 1, ok", h.Counts.Topics, h.SchemaVersion, h.Integrity)
	}
	assertUnchanged(t, before, snapshot(t, dir))
}

// A newer data version that is still only in the WAL is refused by open and
// by check, and nothing in the folder changes.
func TestNewerVersionInPendingWALIsRefusedUntouched(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ws.Close()
	dir := crashCopy(t, ws.Dir(), func(db *sql.DB) {
		mustExec(t, db, `CREATE TABLE zukunft (id INTEGER)`)
		mustExec(t, db, `PRAGMA user_version = 42`)
	})
	before := snapshot(t, dir)
	for _, ro := range []bool{false, true} {
		_, err := Open(ctx, dir, Options{Actor: testActor, ReadOnly: ro})
		var ve *VersionError
		if !errors.As(err, &ve) || ve.File != 42 {
			t.Fatalf("readOnly=%v: err = %v, want version 42", ro, err)
		}
		after := snapshot(t, dir)
		delete(after, filepath.Join(dir, LockName)) // the lock file is not data
		assertUnchanged(t, before, after)
	}
}
