package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"os"
)

// Snapshot writes a consistent copy of the database to path with VACUUM
// INTO (path must not exist or be an empty file), syncs and verifies it
// like a backup, and returns the workspace-relative paths (slash-separated)
// of the media files that copy refers to: originals, consent forms and
// video posters are all rows of the media table. The handover bundle
// (data/bundle) packs exactly these, so the database and the files in a
// bundle belong together even while someone keeps working.
//
// It reads through the read pool where there is one, so in WAL mode a
// colleague's saves do not wait for it, and it works on a workspace opened
// read-only.
func (w *Workspace) Snapshot(ctx context.Context, path string) ([]string, error) {
	if err := w.vacuumInto(ctx, path); err != nil {
		return nil, w.fault("copy database", err)
	}
	if err := syncFile(path); err != nil {
		return nil, w.fault("copy database", err)
	}
	if err := verifyDatabase(ctx, path); err != nil {
		return nil, fmt.Errorf("verify database copy: %w", err)
	}
	return mediaPathsIn(ctx, path)
}

// vacuumInto runs VACUUM INTO on a connection of its own. The pools are
// opened with query_only, which also refuses VACUUM INTO although that
// writes only the new file; the connection lifts it for the one statement
// and is thrown away if it cannot be put back, so no pooled connection is
// ever left able to write. Read-only opens (mode=ro, immutable) stay unable
// to change the workspace whatever query_only says.
func (w *Workspace) vacuumInto(ctx context.Context, path string) error {
	conn, err := w.rdb.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA query_only = 0"); err != nil {
		return err
	}
	_, verr := conn.ExecContext(ctx, "VACUUM INTO ?", path)
	if _, err := conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA query_only = 1"); err != nil {
		// Drop the connection rather than return it to the pool writable.
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	if verr != nil {
		os.Remove(path + "-journal")
	}
	return verr
}

// mediaPathsIn lists the media table's paths of a database file, read
// without writing next to it.
func mediaPathsIn(ctx context.Context, path string) ([]string, error) {
	db, err := sql.Open("sqlite", sqliteDSN(path, "immutable=1", "_pragma=query_only(1)"))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT path FROM media ORDER BY path`)
	if err != nil {
		return nil, fmt.Errorf("list media of the database copy: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("list media of the database copy: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list media of the database copy: %w", err)
	}
	return out, nil
}
