package data

import (
	"context"
	"database/sql"
	"fmt"
)

// Topic (Rubrik) groups posts by theme and gives them their colour in the
// calendar.
type Topic struct {
	ID       int64
	Name     string
	Color    string
	Position int
}

func (t *Topic) validate() error {
	var err error
	if t.Name, err = checkName("name", t.Name, 60); err != nil {
		return err
	}
	if t.Color == "" {
		t.Color = "#607D8B"
	}
	t.Color, err = checkColor("color", t.Color)
	return err
}

// Topics returns all topics in display order.
func (w *Workspace) Topics(ctx context.Context) ([]Topic, error) {
	out, err := allTopics(ctx, w.reader())
	return out, w.fault("read topics", err)
}

// allTopics reads every topic through q in display order.
func allTopics(ctx context.Context, q queryer) ([]Topic, error) {
	var out []Topic
	err := eachRow(ctx, q, `SELECT id, name, color, position FROM topics ORDER BY position, id`, nil, func(rows *sql.Rows) error {
		var t Topic
		if err := rows.Scan(&t.ID, &t.Name, &t.Color, &t.Position); err != nil {
			return err
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// SaveTopic inserts t (ID 0) at the end or updates it.
func (w *Workspace) SaveTopic(ctx context.Context, t *Topic) error {
	return w.write(ctx, "save topic", func(tx *sql.Tx) error { return w.saveTopic(ctx, tx, t) })
}

func (w *Workspace) saveTopic(ctx context.Context, tx *sql.Tx, t *Topic) error {
	if err := t.validate(); err != nil {
		return err
	}
	var clash int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM topics WHERE lower(name) = lower(?) AND id != ?`, t.Name, t.ID).Scan(&clash); err != nil {
		return err
	}
	if clash > 0 {
		return invalid("name", "A topic with this name exists already.")
	}
	if t.ID == 0 {
		err := tx.QueryRowContext(ctx, `INSERT INTO topics (name, color, position, created_at)
			VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM topics), ?) RETURNING id, position`,
			t.Name, t.Color, w.timestamp()).Scan(&t.ID, &t.Position)
		if err != nil {
			return err
		}
		return w.logChange(ctx, tx, "create", "topic", t.ID, fmt.Sprintf("Rubrik „%s“ angelegt", t.Name))
	}
	res, err := tx.ExecContext(ctx, `UPDATE topics SET name = ?, color = ? WHERE id = ?`, t.Name, t.Color, t.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("topic %d: %w", t.ID, ErrNotFound)
	}
	return w.logChange(ctx, tx, "update", "topic", t.ID, fmt.Sprintf("Rubrik „%s“ geändert", t.Name))
}

// MoveTopic moves a topic one place up (-1) or down (+1).
func (w *Workspace) MoveTopic(ctx context.Context, id int64, delta int) error {
	return w.write(ctx, "move topic", func(tx *sql.Tx) error {
		return w.move(ctx, tx, "topics", "topic", id, delta)
	})
}

// DeleteTopic removes a topic; its posts keep everything but the topic.
func (w *Workspace) DeleteTopic(ctx context.Context, id int64) error {
	return w.write(ctx, "delete topic", func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRowContext(ctx, `SELECT name FROM topics WHERE id = ?`, id).Scan(&name); err != nil {
			return notFound("topic", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM topics WHERE id = ?`, id); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "delete", "topic", id, fmt.Sprintf("Rubrik „%s“ gelöscht", name))
	})
}
