package data

import (
	"context"
	"database/sql"
	"time"
)

// Change is one entry of the append-only change log.
type Change struct {
	ID      int64
	At      time.Time
	Person  string
	PC      string
	Action  string // create, update, delete, move
	Item    string // post, channel, topic, settings, workspace, media
	ItemID  int64
	Summary string
}

// Changes returns up to limit entries older than beforeID (0 = newest),
// newest first: keyset paging, so the log can grow for years.
func (w *Workspace) Changes(ctx context.Context, beforeID int64, limit int) ([]Change, error) {
	if beforeID <= 0 {
		beforeID = 1<<63 - 1
	}
	rows, err := w.reader().QueryContext(ctx, `SELECT id, at, person, pc, action, item, item_id, summary
		FROM changelog WHERE id < ? ORDER BY id DESC LIMIT ?`, beforeID, limit)
	if err != nil {
		return nil, w.fault("read change log", err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var at string
		var itemID sql.NullInt64
		if err := rows.Scan(&c.ID, &at, &c.Person, &c.PC, &c.Action, &c.Item, &itemID, &c.Summary); err != nil {
			return nil, w.fault("read change log", err)
		}
		c.At = parseTimestamp(at)
		c.ItemID = itemID.Int64
		out = append(out, c)
	}
	return out, w.fault("read change log", rows.Err())
}
