package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"feedtakt/data/fsx"
)

// Applying an erasure to the backups (see erase.go): each is rewritten and
// verified as data/backup.go verifies a new one.

// erasureTargets are the files an erasure rewrites besides feedtakt.db:
// every backup, and any damaged database kept by a restore (which cannot
// be rewritten and is reported).
func (w *Workspace) erasureTargets() ([]string, error) {
	bs, err := w.Backups()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, b := range bs {
		out = append(out, b.Path)
	}
	kept, _ := filepath.Glob(filepath.Join(w.dir, DBName+".beschaedigt-*"))
	for _, k := range kept {
		if !strings.HasSuffix(k, "-wal") && !strings.HasSuffix(k, "-shm") {
			out = append(out, k)
		}
	}
	return out, nil
}

// rewriteBackup applies the erasure to a backup: a copy is changed, written
// anew with VACUUM INTO (no free pages), verified like a new backup and
// checked to hold nothing of the person, and only then put in the
// backup's place. A backup that holds nothing of the person stays as it
// is (changed false).
func rewriteBackup(ctx context.Context, path string, personID int64, job *erasureJob) (changed bool, err error) {
	if strings.Contains(filepath.Base(path), ".beschaedigt-") {
		return false, errDamagedCopy
	}
	if err := verifyDatabase(ctx, path); err != nil {
		return false, fmt.Errorf("verify backup before rewriting: %w", err)
	}
	work := path + ".erase.part"
	final := path + ".new.part"
	cleanup := func() {
		for _, p := range []string{work, work + "-journal", final} {
			os.Remove(p)
		}
	}
	cleanup()
	if err := copyPlain(path, work); err != nil {
		return false, fmt.Errorf("copy backup: %w", err)
	}
	defer cleanup()
	db, err := sql.Open("sqlite", sqliteDSN(work, "_pragma=journal_mode(DELETE)", "_pragma=secure_delete(1)"))
	if err != nil {
		return false, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("open backup copy: %w", err)
	}
	n, err := eraseRows(ctx, tx, personID, job, false)
	if err != nil {
		tx.Rollback()
		return false, fmt.Errorf("erase in backup: %w", err)
	}
	if !n.any() {
		tx.Rollback()
		return false, nil
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("erase in backup: %w", err)
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", final); err != nil {
		return false, fmt.Errorf("write backup: %w", err)
	}
	db.Close()
	if err := syncFile(final); err != nil {
		return false, fmt.Errorf("write backup: %w", err)
	}
	if err := verifyDatabase(ctx, final); err != nil {
		return false, fmt.Errorf("verify rewritten backup: %w", err)
	}
	if err := checkErased(ctx, final, personID, job); err != nil {
		return false, err
	}
	if err := erasureFault("backup"); err != nil {
		return false, err
	}
	// One rename replaces the backup: at no moment is it half written.
	if err := fsx.Rename(final, path); err != nil {
		return false, fmt.Errorf("replace backup: %w", err)
	}
	return true, nil
}

// checkErased reads a rewritten backup (read-only) and fails if it still
// holds the person's row or one of the pictures.
func checkErased(ctx context.Context, path string, personID int64, job *erasureJob) error {
	db, err := sql.Open("sqlite", sqliteDSN(path, "immutable=1", "_pragma=query_only(1)"))
	if err != nil {
		return err
	}
	defer db.Close()
	tables, err := tableSet(ctx, db)
	if err != nil {
		return err
	}
	left := 0
	count := func(q string, args ...any) {
		var k int
		if db.QueryRowContext(ctx, q, args...).Scan(&k) == nil {
			left += k
		}
	}
	list := jsonList(job.Hashes)
	if tables["people"] {
		count(`SELECT count(*) FROM people WHERE id = ? AND name = ?`, personID, job.Name)
	}
	if tables["media"] {
		count(`SELECT count(*) FROM media WHERE hash IN (SELECT value FROM json_each(?))`, list)
	}
	if tables["media_people"] {
		count(`SELECT count(*) FROM media_people WHERE media_hash IN (SELECT value FROM json_each(?))`, list)
	}
	if left > 0 {
		return fmt.Errorf("rewritten backup still holds %d rows of the person", left)
	}
	return nil
}
