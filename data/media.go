package data

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"feedtakt/data/calendar"
)

// Media is a file in the media library (Mediathek): what the file says
// about itself (read at import; see data/mediainfo) and what the person
// records about it (UpdateMedia and the bulk edits).
type Media struct {
	ID           int64
	Hash         string // SHA-256 of the content, hex
	Path         string // relative to the workspace, slash-separated
	Kind         string // image, video, document
	OriginalName string
	// storeExt is the extension the stored file gets when the importer
	// recognised the content ("" keeps the original name's): a PNG named
	// .jpg is stored as .png, so the system viewer opens it right.
	storeExt string
	Title    string // XMP dc:title (else dc:description) at import
	AltText  string // Bildbeschreibung; XMP Iptc4xmpCore:AltTextAccessibility at import
	Credit   string // Bildnachweis; XMP photoshop:Credit, else dc:creator at import
	Width    int
	Height   int
	Size     int64

	// Taken is the Aufnahmedatum. When TakenZoneKnown its location is the
	// offset the file gave (EXIF OffsetTimeOriginal, a video's UTC time)
	// and it is an exact instant; otherwise only its wall clock counts (a
	// plain EXIF DateTimeOriginal): the store reads it in WorkspaceZone,
	// assuming the camera's clock was set to German time, and shows it as
	// the camera wrote it. An importer leaves it zero when the file has no
	// date; the store then takes FileTime (source TakenFromFile) or the
	// import time (TakenAtImport). A date before 1826 or more than two days
	// in the future (broken EXIF: 2099, 2216) is treated as no date.
	Taken          time.Time
	TakenZoneKnown bool
	TakenSource    TakenSource
	Orientation    int           // EXIF orientation 1–8; 0 unknown (treat as 1)
	Camera         string        // make and model, e.g. "Apple iPhone 15"
	HasGPS         bool          // the file contains GPS coordinates
	Duration       time.Duration // a video's length
	Pages          int           // a PDF's page count
	FileTime       time.Time     // the original file's modification time, as the importer found it
	// Subtitles says a video has subtitles (Untertitel), burnt in or as a
	// file given to the platform; the check before posting asks for them.
	Subtitles bool

	Creator     string         // Urheber/in (XMP dc:creator)
	Rights      string         // the file's rights statement (XMP dc:rights), kept as found
	Licence     string         // a licence code (see Licences), "" = not recorded
	UsageTerms  string         // usage terms in words (XMP xmpRights:UsageTerms)
	UsableUntil *calendar.Date // "nutzbar bis": the last day it may be used; nil = no limit
	Notes       string
	Tags        []string // as written, sorted case-insensitively; XMP dc:subject at import
	// PosterHash names the picture a video's tile shows (by content, see
	// migration 0005); "" shows a film tile. Set with SetMediaPoster.
	PosterHash string
	PosterPath string // the poster's stored file (when read; "" when it is gone)

	// Missing says whether the scan found the file gone or changed
	// outside Feedtakt, and since when; MissingNone when it is fine.
	Missing      MissingState
	MissingSince time.Time
	Created      time.Time // when it was imported
	Uses         int       // how many posts it is linked to (when read; ignored when written)
}

// TakenSource says where an item's Aufnahmedatum comes from.
type TakenSource string

// The sources of an Aufnahmedatum, best first.
const (
	TakenFromEXIF      TakenSource = "exif"      // EXIF DateTimeOriginal (or XMP photoshop:DateCreated)
	TakenFromContainer TakenSource = "container" // a video container's creation time
	TakenFromFile      TakenSource = "file"      // the file's modification time
	TakenAtImport      TakenSource = "import"    // nothing better: when it was imported
)

// MissingState says whether an item's file is where it belongs.
type MissingState string

// The states of an item's file.
const (
	MissingNone    MissingState = ""        // the file is there
	MissingGone    MissingState = "gone"    // no file (deleted or moved outside Feedtakt)
	MissingChanged MissingState = "changed" // a file with other content (changed outside Feedtakt)
)

// mediaColumns are the columns scanMedia reads, in its order. They name
// the table media unqualified, so a query may join post_media but must not
// alias media.
const mediaColumns = `media.id, hash, path, kind, original_name, title, alt_text, credit, width, height, size,
	taken_at, taken_local, taken_offset, taken_source, orientation, camera, has_gps, duration_ms, pages, file_time,
	creator, rights, licence, usage_terms, usable_until, notes, missing, missing_since, created_at, poster_hash, subtitles,
	COALESCE((SELECT poster.path FROM media AS poster WHERE poster.hash = media.poster_hash AND media.poster_hash != ''), ''),
	(SELECT count(*) FROM post_media WHERE post_media.media_id = media.id)`

type rowScanner interface{ Scan(dest ...any) error }

func scanMedia(r rowScanner) (Media, error) {
	var m Media
	var takenAt, takenLocal, takenOffset, fileTime, created string
	var durationMS int64
	var until, missingSince sql.NullString
	err := r.Scan(&m.ID, &m.Hash, &m.Path, &m.Kind, &m.OriginalName, &m.Title, &m.AltText, &m.Credit, &m.Width, &m.Height, &m.Size,
		&takenAt, &takenLocal, &takenOffset, &m.TakenSource, &m.Orientation, &m.Camera, &m.HasGPS, &durationMS, &m.Pages, &fileTime,
		&m.Creator, &m.Rights, &m.Licence, &m.UsageTerms, &until, &m.Notes, &m.Missing, &missingSince, &created, &m.PosterHash, &m.Subtitles, &m.PosterPath, &m.Uses)
	if err != nil {
		return m, err
	}
	m.Taken, m.TakenZoneKnown = readTaken(takenAt, takenLocal, takenOffset)
	m.Duration = time.Duration(durationMS) * time.Millisecond
	m.FileTime = parseUTC(fileTime)
	m.Created = parseUTC(created)
	m.MissingSince = parseUTC(missingSince.String)
	if until.Valid {
		if d, err := calendar.ParseDate(until.String); err == nil {
			m.UsableUntil = &d
		}
	}
	return m, nil
}

// parseUTC reads a stored UTC instant; "" or an unreadable value is the
// zero time.
func parseUTC(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// localLayout is how taken_local stores a wall clock.
const localLayout = "2006-01-02T15:04:05"

// readTaken rebuilds the Aufnahmedatum from its stored parts (see
// migration 0004).
func readTaken(at, local, offset string) (time.Time, bool) {
	if local == "" {
		// Rows of version 3, imported before the Aufnahmedatum existed.
		t := parseUTC(at)
		if t.IsZero() {
			return t, false
		}
		return t.In(WorkspaceZone()), true
	}
	if offset == "" {
		t, err := time.ParseInLocation(localLayout, local, WorkspaceZone())
		if err != nil {
			return time.Time{}, false
		}
		return t, false
	}
	t, err := time.Parse(localLayout+"-07:00", local+offset)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// takenColumns are the stored parts of m.Taken, which normTaken has made
// complete: the UTC instant, the wall clock and the offset ("" when the
// file gave none).
func takenColumns(m Media) (at, local, offset string) {
	at = m.Taken.UTC().Format(time.RFC3339)
	local = m.Taken.Format(localLayout)
	if m.TakenZoneKnown {
		offset = m.Taken.Format("-07:00")
	}
	return at, local, offset
}

// normTaken fills in the Aufnahmedatum: a missing or implausible date
// becomes the file's time or now, and a date without a known zone is read
// in WorkspaceZone.
func (m *Media) normTaken(now time.Time) {
	plausible := func(t time.Time) bool {
		return !t.IsZero() && t.Year() >= 1826 && t.Before(now.Add(48*time.Hour))
	}
	if plausible(m.Taken) && (m.TakenSource == TakenFromEXIF || m.TakenSource == TakenFromContainer || m.TakenSource == "") {
		if m.TakenSource == "" {
			m.TakenSource = TakenFromEXIF
		}
		if !m.TakenZoneKnown {
			y, mo, d := m.Taken.Date()
			h, mi, s := m.Taken.Clock()
			m.Taken = time.Date(y, mo, d, h, mi, s, 0, WorkspaceZone())
		}
	} else if plausible(m.FileTime) {
		m.Taken, m.TakenZoneKnown, m.TakenSource = m.FileTime.In(WorkspaceZone()), true, TakenFromFile
	} else {
		m.Taken, m.TakenZoneKnown, m.TakenSource = now.In(WorkspaceZone()), true, TakenAtImport
	}
	m.Taken = m.Taken.Truncate(time.Second)
}

// utcOrEmpty is how an optional instant is stored.
func utcOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// insertMediaRow writes a new row for m (normalised by the caller) with
// its tags and sets m.ID. The row is indexed for the search once, with its
// tags.
func insertMediaRow(ctx context.Context, tx *sql.Tx, m *Media, created string) error {
	at, local, offset := takenColumns(*m)
	poster := m.PosterHash // a restored video keeps its poster
	if m.Kind != "video" || !isHash(poster) {
		poster = ""
	}
	var missingSince any
	if m.Missing != MissingNone {
		missingSince = utcOrEmpty(m.MissingSince)
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO media (hash, path, kind, original_name, title, alt_text, credit, width, height, size,
			taken_at, taken_local, taken_offset, taken_source, orientation, camera, has_gps, duration_ms, pages, file_time,
			creator, rights, licence, usage_terms, usable_until, notes, missing, missing_since, created_at, tags_text, poster_hash, subtitles)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		m.Hash, m.Path, m.Kind, m.OriginalName, m.Title, m.AltText, m.Credit, m.Width, m.Height, m.Size,
		at, local, offset, string(m.TakenSource), m.Orientation, m.Camera, m.HasGPS, m.Duration.Milliseconds(), m.Pages, utcOrEmpty(m.FileTime),
		m.Creator, m.Rights, m.Licence, m.UsageTerms, nullDate(m.UsableUntil), m.Notes, string(m.Missing), missingSince, created, strings.Join(m.Tags, " "), poster, m.Subtitles).Scan(&m.ID)
	if err != nil {
		return err
	}
	for _, t := range m.Tags {
		tag, key := normTag(t)
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO media_tags (media_id, key, tag) VALUES (?, ?, ?)`, m.ID, key, tag); err != nil {
			return err
		}
	}
	return nil
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

// Media reads one media item with its tags.
func (w *Workspace) Media(ctx context.Context, id int64) (Media, error) {
	m, err := scanMedia(w.reader().QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE id = ?`, id))
	if err != nil {
		return m, w.fault("read media", notFound("media", id, err))
	}
	if m.Tags, err = mediaTags(ctx, w.reader(), m.ID); err != nil {
		return m, w.fault("read media", err)
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
	return w.write(ctx, "attach media", func(tx *sql.Tx) error {
		old, err := getPost(ctx, tx, postID)
		if err != nil {
			return err
		}
		before, err := linkedMedia(ctx, tx, postID)
		if err != nil {
			return err
		}
		if err := w.setPostMedia(ctx, tx, postID, mediaIDs); err != nil {
			return err
		}
		if approving(&old, old, !sameIDs(before, mediaIDs)) { // an approved post's pictures pass the consent rule
			return w.checkApproval(ctx, tx, postID)
		}
		return nil
	})
}

// setPostMedia is AttachMedia inside tx.
func (w *Workspace) setPostMedia(ctx context.Context, tx *sql.Tx, postID int64, mediaIDs []int64) error {
	ids := uniqueIDs(mediaIDs)
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
	rows, err := w.reader().QueryContext(ctx, `SELECT `+mediaColumns+`
		FROM post_media pm JOIN media ON media.id = pm.media_id WHERE pm.post_id = ? ORDER BY pm.position`, postID)
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
