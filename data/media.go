package data

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"path"
	"strings"
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

// mediaColumns are the columns scanned by scanMedia, in its order.
const mediaColumns = `id, hash, path, kind, original_name, title, alt_text, credit, width, height, size`

type rowScanner interface{ Scan(dest ...any) error }

func scanMedia(r rowScanner) (Media, error) {
	var m Media
	err := r.Scan(&m.ID, &m.Hash, &m.Path, &m.Kind, &m.OriginalName, &m.Title, &m.AltText, &m.Credit, &m.Width, &m.Height, &m.Size)
	return m, err
}

// AddMedia streams r into the Mediathek and returns the stored item. The
// content is hashed while it is copied into the staging folder, synced and
// renamed to media/<hh>/<hash><ext> before its row is written, so a row
// never points at a missing file and the file is never held in memory.
// Identical content is stored once: the item already there is returned (its
// metadata is kept, m's is ignored). For many files use NewImport, which
// writes rows and the change log in batches.
func (w *Workspace) AddMedia(ctx context.Context, r io.Reader, m Media) (Media, error) {
	im := w.NewImport(1)
	defer im.Abort()
	res, err := im.Add(ctx, r, m)
	if err != nil {
		return m, err
	}
	if res.Outcome == ImportSkipped {
		return m, res.Err
	}
	results, err := im.Finish(ctx)
	if err != nil {
		return m, err
	}
	return results[0].Media, nil
}

// checkTexts refuses control characters in the texts a person gave the
// item, like every other saved text; the file's own name is only cleaned,
// since it comes from the disk and she cannot change it in Feedtakt.
func (m *Media) checkTexts() error {
	m.OriginalName = CleanText(m.OriginalName, false)
	if err := checkControl("title", &m.Title, false); err != nil {
		return err
	}
	if err := checkControl("alt text", &m.AltText, true); err != nil {
		return err
	}
	return checkControl("credit", &m.Credit, false)
}

// AddMediaBytes is AddMedia for content already in memory (the demo's
// generated pictures).
func (w *Workspace) AddMediaBytes(ctx context.Context, m Media, content []byte) (Media, error) {
	return w.AddMedia(ctx, bytes.NewReader(content), m)
}

// Media reads one media item.
func (w *Workspace) Media(ctx context.Context, id int64) (Media, error) {
	m, err := scanMedia(w.reader().QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE id = ?`, id))
	if err != nil {
		return m, w.fault("read media", notFound("media", id, err))
	}
	return m, nil
}

// mediaByHash reads the item with the given content, or returns
// sql.ErrNoRows.
func (w *Workspace) mediaByHash(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, hash string) (Media, error) {
	return scanMedia(q.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE hash = ?`, hash))
}

// AttachMedia sets the media of a post to exactly mediaIDs, in that order:
// links to items not in the list are removed, a repeated ID counts once. It
// runs in one transaction and logs one line that names the post; a list
// equal to the current one changes nothing and logs nothing.
func (w *Workspace) AttachMedia(ctx context.Context, postID int64, mediaIDs []int64) error {
	ids := make([]int64, 0, len(mediaIDs))
	seen := map[int64]bool{}
	for _, id := range mediaIDs {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return w.write(ctx, "attach media", func(tx *sql.Tx) error {
		var title string
		if err := tx.QueryRowContext(ctx, `SELECT title FROM posts WHERE id = ?`, postID).Scan(&title); err != nil {
			return notFound("post", postID, err)
		}
		current, err := linkedMedia(ctx, tx, postID)
		if err != nil {
			return err
		}
		if equalIDs(current, ids) {
			return nil
		}
		for _, id := range ids {
			var one int
			if err := tx.QueryRowContext(ctx, `SELECT 1 FROM media WHERE id = ?`, id).Scan(&one); err != nil {
				return notFound("media", id, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM post_media WHERE post_id = ?`, postID); err != nil {
			return err
		}
		for i, id := range ids {
			if _, err := tx.ExecContext(ctx, `INSERT INTO post_media (post_id, media_id, position) VALUES (?, ?, ?)`, postID, id, i); err != nil {
				return err
			}
		}
		return w.logChange(ctx, tx, "update", "post", postID, fmt.Sprintf("Medien von „%s“ geändert (%d)", Ellipsis(title, 80), len(ids)))
	})
}

func linkedMedia(ctx context.Context, tx *sql.Tx, postID int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT media_id FROM post_media WHERE post_id = ? ORDER BY position, media_id`, postID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
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
		m, err := scanMedia(rows)
		if err != nil {
			return nil, w.fault("read post media", err)
		}
		out = append(out, m)
	}
	return out, w.fault("read post media", rows.Err())
}

// mediaExt is the extension a stored file keeps: the original's, lower
// case, and only if it is a plain short one (a name like "Plan.v2 final"
// has none worth keeping).
func mediaExt(name string) string {
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/")))
	if len(ext) < 2 || len(ext) > 8 {
		return ""
	}
	for _, c := range ext[1:] {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return ""
		}
	}
	return ext
}

// mediaPath is where content with this hash and extension is stored.
func mediaPath(hash, ext string) string {
	return path.Join(MediaDir, hash[:2], hash+ext)
}

// kindByExt guesses the kind of a file found without a row (the scan
// adopts it); the importer of the Mediathek decides by content.
func kindByExt(ext string) string {
	switch ext {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".tif", ".tiff", ".bmp":
		return "image"
	case ".mp4", ".mov", ".m4v", ".avi", ".mkv", ".webm":
		return "video"
	}
	return "document"
}

func validKind(k string) bool { return k == "image" || k == "video" || k == "document" }

// isHash reports whether s is a SHA-256 in lower-case hex, as stored.
func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// splitMediaName splits a stored file name into hash and extension; ok is
// false for a name Feedtakt did not give.
func splitMediaName(name string) (hash, ext string, ok bool) {
	if len(name) < 64 {
		return "", "", false
	}
	hash, ext = name[:64], name[64:]
	if !isHash(hash) || (ext != "" && mediaExt(ext) != ext) {
		return "", "", false
	}
	return hash, ext, true
}
