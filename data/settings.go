package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"feedtakt/data/calendar"
)

// Settings are the workspace-wide settings every colleague shares. Personal
// ones (display name, language) live with the person, not the workspace.
type Settings struct {
	Organisation string
	Land         calendar.Land
	// Demo marks the example workspace, so the UI can say so; it is set
	// when the demo is made and never by the settings screen.
	Demo bool
}

// Initial is what a new workspace starts with.
type Initial struct {
	Settings Settings
	Channels []Channel
	Topics   []Topic
}

const (
	keyOrganisation = "organisation"
	keyLand         = "bundesland"
	keyDemo         = "demo"
)

// Settings reads the workspace settings.
func (w *Workspace) Settings(ctx context.Context) (Settings, error) {
	s, err := readSettings(ctx, w.reader())
	return s, w.fault("read settings", err)
}

// readSettings reads the settings through q (also inside the write
// transaction of the approval rule).
func readSettings(ctx context.Context, q queryer) (Settings, error) {
	var s Settings
	err := eachRow(ctx, q, `SELECT key, value FROM settings`, nil, func(rows *sql.Rows) error {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		switch k {
		case keyOrganisation:
			s.Organisation = v
		case keyLand:
			s.Land = calendar.Land(v)
		case keyDemo:
			s.Demo = v == "1"
		}
		return nil
	})
	return s, err
}

func (s Settings) validate() (Settings, error) {
	s.Organisation = strings.TrimSpace(s.Organisation)
	if err := checkControl("name", &s.Organisation, false); err != nil {
		return s, err
	}
	if utf8.RuneCountInString(s.Organisation) > 200 {
		return s, invalid("organisation", "The name of the organisation is too long (at most 200 characters).")
	}
	if s.Land != "" && !s.Land.Valid() {
		return s, invalid("land", "Please choose a federal state from the list.")
	}
	return s, nil
}

// SaveSettings stores the workspace settings and logs what changed.
func (w *Workspace) SaveSettings(ctx context.Context, s Settings) error {
	s, err := s.validate()
	if err != nil {
		return err
	}
	old, err := w.Settings(ctx)
	if err != nil {
		return err
	}
	s.Demo = old.Demo
	var changed []string
	if old.Organisation != s.Organisation {
		changed = append(changed, fmt.Sprintf("Organisation: „%s“", s.Organisation))
	}
	if old.Land != s.Land {
		changed = append(changed, fmt.Sprintf("Bundesland: %s", s.Land))
	}
	if len(changed) == 0 {
		return nil
	}
	return w.write(ctx, "save settings", func(tx *sql.Tx) error {
		if err := putSettings(ctx, tx, s); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "update", "settings", 0, strings.Join(changed, ", "))
	})
}

func putSettings(ctx context.Context, tx *sql.Tx, s Settings) error {
	kv := map[string]string{keyOrganisation: s.Organisation, keyLand: string(s.Land)}
	if s.Demo {
		kv[keyDemo] = "1"
	}
	for k, v := range kv {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
			return err
		}
	}
	return nil
}

// seed fills a new database with its first settings, channels and topics,
// logged as the creation of the workspace.
func (w *Workspace) seed(ctx context.Context, init Initial) error {
	s, err := init.Settings.validate()
	if err != nil {
		return err
	}
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := putSettings(ctx, tx, s); err != nil {
		return err
	}
	if err := w.logChange(ctx, tx, "create", "workspace", 0, "Arbeitsbereich angelegt"); err != nil {
		return err
	}
	for i := range init.Channels {
		if err := w.saveChannel(ctx, tx, &init.Channels[i]); err != nil {
			return err
		}
	}
	for i := range init.Topics {
		if err := w.saveTopic(ctx, tx, &init.Topics[i]); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// notFound turns sql.ErrNoRows into ErrNotFound with the item named.
func notFound(item string, id int64, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %d: %w", item, id, ErrNotFound)
	}
	return err
}
