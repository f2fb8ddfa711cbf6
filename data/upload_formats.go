package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"feedtakt/data/upload"
)

// UploadDir is the workspace folder "Für Kanal vorbereiten …" writes its
// copies into; she uploads them from there in the platforms' own tools.
const UploadDir = "Zum Hochladen"

// keyUploadFormats holds the workspace's target formats as a JSON array of
// upload.Format in the settings table. No row means the defaults; a
// settings row needs no migration and travels with backups like the rest.
const keyUploadFormats = "upload_formats"

// UploadPath returns the workspace's upload folder (it may not exist yet).
func (w *Workspace) UploadPath() string { return w.path(UploadDir) }

// UploadFormats returns the workspace's target formats: the saved list, or
// upload.Defaults when none was saved. A saved list that cannot be read
// (edited by hand, damaged) also gives the defaults rather than no formats
// at all; saving again replaces it.
func (w *Workspace) UploadFormats(ctx context.Context) ([]upload.Format, error) {
	var v string
	err := w.reader().QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, keyUploadFormats).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return upload.Defaults(), nil
	}
	if err != nil {
		return nil, w.fault("read upload formats", err)
	}
	var fs []upload.Format
	if json.Unmarshal([]byte(v), &fs) != nil || len(fs) == 0 || upload.CheckAll(fs) != nil {
		return upload.Defaults(), nil
	}
	return fs, nil
}

// SaveUploadFormats replaces the workspace's target formats with fs (in
// that order) and logs it. A format that breaks a rule (no name, a zero
// size, a ratio beyond 4:1, a byte cap under 20 kB, a name twice) is
// refused with an *InvalidError and nothing is saved. An empty list is
// refused too: ResetUploadFormats brings the defaults back.
func (w *Workspace) SaveUploadFormats(ctx context.Context, fs []upload.Format) error {
	if len(fs) == 0 {
		return invalid("formats", "Keep at least one format.")
	}
	fs = append([]upload.Format(nil), fs...)
	if p := upload.CheckAll(fs); p != nil {
		return invalidArgs(p.Field, p.Message, p.Args)
	}
	b, err := json.Marshal(fs)
	if err != nil {
		return fmt.Errorf("save upload formats: %w", err)
	}
	return w.write(ctx, "save upload formats", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
			keyUploadFormats, string(b)); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "update", "settings", 0, fmt.Sprintf("Zielformate: %d gespeichert", len(fs)))
	})
}

// ResetUploadFormats drops the saved formats, so UploadFormats gives the
// defaults again, and logs it.
func (w *Workspace) ResetUploadFormats(ctx context.Context) error {
	return w.write(ctx, "reset upload formats", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, keyUploadFormats); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "update", "settings", 0, "Zielformate: Voreinstellung")
	})
}
