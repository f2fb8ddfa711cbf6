package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"feedtakt/data/fsx"
)

// Media is a file in the media library (Mediathek). This is the part the
// demo and the post editor need; the media library issue extends it.
type Media struct {
	ID           int64
	Hash         string // SHA-256 of the content, hex
	Path         string // relative to the workspace, slash-separated
	Kind         string // image, video, document
	OriginalName string
	Title        string
	AltText      string
	Credit       string
	Width        int
	Height       int
	Size         int64
}

// AddMediaBytes stores content under media/<hh>/<hash><ext> and records it.
// The file is written (part, sync, rename) before the row, so a row never
// points at a missing file; identical content is stored once and the
// existing item returned.
func (w *Workspace) AddMediaBytes(ctx context.Context, m Media, content []byte) (Media, error) {
	if w.readOnly {
		return m, ErrReadOnly
	}
	sum := sha256.Sum256(content)
	m.Hash = hex.EncodeToString(sum[:])
	var existing int64
	err := w.reader().QueryRowContext(ctx, `SELECT id FROM media WHERE hash = ?`, m.Hash).Scan(&existing)
	if err == nil {
		return w.Media(ctx, existing)
	}
	if err != sql.ErrNoRows {
		return m, w.fault("look up media", err)
	}
	ext := strings.ToLower(filepath.Ext(m.OriginalName))
	m.Path = path.Join(MediaDir, m.Hash[:2], m.Hash+ext)
	full := filepath.Join(w.dir, filepath.FromSlash(m.Path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return m, w.fault("store media", err)
	}
	if err := fsx.WriteFile(full, content, 0o644); err != nil {
		return m, w.fault("store media", err)
	}
	m.Size = int64(len(content))
	err = w.write(ctx, "record media", func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO media (hash, path, kind, original_name, title, alt_text, credit, width, height, size, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			m.Hash, m.Path, m.Kind, m.OriginalName, m.Title, m.AltText, m.Credit, m.Width, m.Height, m.Size, w.timestamp()).Scan(&m.ID); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "create", "media", m.ID, fmt.Sprintf("Datei %q aufgenommen", m.OriginalName))
	})
	return m, err
}

// Media reads one media item.
func (w *Workspace) Media(ctx context.Context, id int64) (Media, error) {
	var m Media
	err := w.reader().QueryRowContext(ctx, `SELECT id, hash, path, kind, original_name, title, alt_text, credit, width, height, size FROM media WHERE id = ?`, id).
		Scan(&m.ID, &m.Hash, &m.Path, &m.Kind, &m.OriginalName, &m.Title, &m.AltText, &m.Credit, &m.Width, &m.Height, &m.Size)
	if err != nil {
		return m, w.fault("read media", notFound("media", id, err))
	}
	return m, nil
}

// AttachMedia links media items to a post in the given order.
func (w *Workspace) AttachMedia(ctx context.Context, postID int64, mediaIDs []int64) error {
	return w.write(ctx, "attach media", func(tx *sql.Tx) error {
		for i, id := range mediaIDs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO post_media (post_id, media_id, position) VALUES (?, ?, ?)
				ON CONFLICT (post_id, media_id) DO UPDATE SET position = excluded.position`, postID, id, i); err != nil {
				return err
			}
		}
		return w.logChange(ctx, tx, "update", "post", postID, fmt.Sprintf("Medien mit Beitrag verknüpft (%d)", len(mediaIDs)))
	})
}

// PostMedia returns the media linked to a post, in order.
func (w *Workspace) PostMedia(ctx context.Context, postID int64) ([]Media, error) {
	rows, err := w.reader().QueryContext(ctx, `SELECT m.id, m.hash, m.path, m.kind, m.original_name, m.title, m.alt_text, m.credit, m.width, m.height, m.size
		FROM post_media pm JOIN media m ON m.id = pm.media_id WHERE pm.post_id = ? ORDER BY pm.position`, postID)
	if err != nil {
		return nil, w.fault("read post media", err)
	}
	defer rows.Close()
	var out []Media
	for rows.Next() {
		var m Media
		if err := rows.Scan(&m.ID, &m.Hash, &m.Path, &m.Kind, &m.OriginalName, &m.Title, &m.AltText, &m.Credit, &m.Width, &m.Height, &m.Size); err != nil {
			return nil, w.fault("read post media", err)
		}
		out = append(out, m)
	}
	return out, w.fault("read post media", rows.Err())
}
