package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/assets"
	"feedtakt/data/calendar"
)

// Limits of the texts recorded about a media item. MaxAltText is the
// longest alt text any platform takes (Bluesky 2,000; Mastodon 1,500;
// Instagram and X 1,000: REFERENCE.md); the screen counts against the
// limits of the post's channels, the store only refuses what no platform
// could take.
const (
	MaxAltText    = 2000
	MaxMediaLine  = 300 // title, credit, creator, rights
	MaxUsageTerms = 2000
	MaxMediaNotes = MaxNotes
	MaxTags       = 50 // per item
	MaxTagLen     = 60
)

// Licence is one choice of the licence list: Code is stored, Key is the
// English sentence key the screen translates.
type Licence struct {
	Code string
	Key  string
	// NeedsCredit says a post using the item must name the credit line
	// (the check before posting asks for it).
	NeedsCredit bool
}

// Licences lists the licence choices in the order the screen offers them.
func Licences() []Licence {
	return []Licence{
		{Code: "own", Key: "Own photo"},
		{Code: "official", Key: "Official photo"},
		{Code: "agency", Key: "Agency", NeedsCredit: true},
		{Code: "cc-by-4.0", Key: "CC BY 4.0", NeedsCredit: true},
		{Code: "cc-by-sa-4.0", Key: "CC BY-SA 4.0", NeedsCredit: true},
		{Code: "press", Key: "Press photo", NeedsCredit: true},
		{Code: "other", Key: "Other licence"},
	}
}

// LicenceByCode returns the licence with this code; ok is false for ""
// and for unknown codes.
func LicenceByCode(code string) (Licence, bool) {
	for _, l := range Licences() {
		if l.Code == code {
			return l, true
		}
	}
	return Licence{}, false
}

func checkLicence(code string) error {
	if _, ok := LicenceByCode(code); code != "" && !ok {
		return invalid("licence", "Please choose a licence from the list.")
	}
	return nil
}

// mediaControlKeys word a control character in the media fields that have
// no message among the shared ones (rules.go).
var mediaControlKeys = map[string]Problem{
	"creator":     {Key: "The author contains an invisible control character (often copied in from another program). Please remove it."},
	"usage terms": {Key: "The usage terms contain an invisible control character (often copied in from another program). Please remove it."},
	"tag":         {Key: "A tag contains an invisible control character (often copied in from another program). Please remove it."},
}

// checkMediaControl is checkControl for the media fields of
// mediaControlKeys.
func checkMediaControl(field string, s *string, multiLine bool) error {
	err := checkControl(field, s, multiLine)
	if err != nil {
		if p, ok := mediaControlKeys[field]; ok {
			return invalid(field, p.Key)
		}
	}
	return err
}

// checkLength refuses a text over max characters.
func checkLength(field, s string, max int) error {
	if n := utf8.RuneCountInString(s); n > max {
		return invalidArgs(field, "The text is too long ({{.N}} characters, at most {{.Max}}).", map[string]any{"N": n, "Max": max})
	}
	return nil
}

// checkUsableUntil checks a "nutzbar bis" date.
func checkUsableUntil(d *calendar.Date) error {
	if d != nil && (!d.Valid() || d.Year < MinYear || d.Year > MaxYear) {
		return invalidArgs("usable until", "The date must lie between {{.Min}} and {{.Max}}.", map[string]any{"Min": MinYear, "Max": MaxYear})
	}
	return nil
}

// validateEdit checks and normalises what a person may edit about an item
// (the fields UpdateMedia writes).
func (m *Media) validateEdit() error {
	m.Title = strings.TrimSpace(m.Title)
	m.Credit = strings.TrimSpace(m.Credit)
	m.Creator = strings.TrimSpace(m.Creator)
	m.AltText = strings.TrimSpace(m.AltText)
	if !utf8.ValidString(m.Title + m.AltText + m.Credit + m.Creator + m.UsageTerms + m.Notes + strings.Join(m.Tags, "")) {
		return invalid("caption", "The text contains invalid characters.")
	}
	if err := m.checkTexts(); err != nil {
		return err
	}
	for _, c := range []struct {
		field string
		s     *string
		multi bool
	}{{"creator", &m.Creator, false}, {"usage terms", &m.UsageTerms, true}, {"notes", &m.Notes, true}} {
		if err := checkMediaControl(c.field, c.s, c.multi); err != nil {
			return err
		}
	}
	for _, c := range []struct {
		field string
		s     string
		max   int
	}{{"title", m.Title, MaxMediaLine}, {"alt text", m.AltText, MaxAltText}, {"credit", m.Credit, MaxMediaLine},
		{"creator", m.Creator, MaxMediaLine}, {"usage terms", m.UsageTerms, MaxUsageTerms}, {"notes", m.Notes, MaxMediaNotes}} {
		if err := checkLength(c.field, c.s, c.max); err != nil {
			return err
		}
	}
	if err := checkLicence(m.Licence); err != nil {
		return err
	}
	if err := checkUsableUntil(m.UsableUntil); err != nil {
		return err
	}
	tags, err := checkTags(m.Tags)
	m.Tags = tags
	return err
}

// normTag trims a tag, collapses inner white space and drops a leading
// "#" (tags are often typed like hashtags); key is its case-folded form,
// unique per item.
func normTag(t string) (tag, key string) {
	tag = strings.Join(strings.Fields(t), " ")
	tag = strings.TrimLeft(tag, "#")
	tag = strings.TrimSpace(tag)
	return tag, strings.ToLower(tag)
}

// checkTags normalises a tag list (empty ones dropped, the same tag in
// another case once, sorted case-insensitively) and checks it.
func checkTags(in []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, t := range in {
		if err := checkMediaControl("tag", &t, false); err != nil {
			return nil, err
		}
		tag, key := normTag(t)
		if tag == "" || seen[key] {
			continue
		}
		if utf8.RuneCountInString(tag) > MaxTagLen {
			return nil, invalidArgs("tag", "A tag is too long (at most {{.Max}} characters).", map[string]any{"Max": MaxTagLen})
		}
		seen[key] = true
		out = append(out, tag)
	}
	if len(out) > MaxTags {
		return nil, invalidArgs("tag", "Too many tags (at most {{.Max}}).", map[string]any{"Max": MaxTags})
	}
	sortTags(out)
	return out, nil
}

func sortTags(tags []string) {
	slices.SortFunc(tags, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
}

// cleanTags is checkTags for tags read from a file: control characters
// are removed instead of refused, and tags beyond the limits are dropped,
// so a file with odd XMP still comes in.
func cleanTags(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range in {
		tag, key := normTag(CleanText(t, false))
		if tag == "" || seen[key] || utf8.RuneCountInString(tag) > MaxTagLen || len(out) == MaxTags {
			continue
		}
		seen[key] = true
		out = append(out, tag)
	}
	sortTags(out)
	return out
}

// putTags replaces the tags of an item.
func putTags(ctx context.Context, tx *sql.Tx, id int64, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM media_tags WHERE media_id = ?`, id); err != nil {
		return err
	}
	for _, t := range tags {
		tag, key := normTag(t)
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO media_tags (media_id, key, tag) VALUES (?, ?, ?)`, id, key, tag); err != nil {
			return err
		}
	}
	return syncTagsText(ctx, tx, id)
}

// syncTagsText copies an item's tags into media.tags_text, which the
// search index reads (migration 0004); every change of media_tags ends
// with it.
func syncTagsText(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE media SET tags_text =
		coalesce((SELECT group_concat(tag, ' ') FROM (SELECT tag FROM media_tags WHERE media_id = ?1 ORDER BY key)), '')
		WHERE id = ?1`, id)
	return err
}

// mediaTags reads an item's tags, sorted case-insensitively.
func mediaTags(ctx context.Context, q queryer, id int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT tag FROM media_tags WHERE media_id = ? ORDER BY key`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// UpdateMedia saves what a person edits in the detail pane: title, alt
// text, credit, creator, licence, usage terms, "nutzbar bis", notes,
// whether a video has subtitles and tags (m.Tags replaces the item's tags). The other fields describe the
// file and are left as stored. It validates first (an *InvalidError names
// the field), writes in one transaction with one change-log line that
// names the file and the fields changed, and logs nothing when nothing
// changed. m is normalised as stored (trimmed texts, sorted tags).
func (w *Workspace) UpdateMedia(ctx context.Context, m *Media) error {
	if err := m.validateEdit(); err != nil {
		return err
	}
	return w.write(ctx, "update media", func(tx *sql.Tx) error {
		old, err := scanMedia(tx.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE id = ?`, m.ID))
		if err != nil {
			return notFound("media", m.ID, err)
		}
		if old.Tags, err = mediaTags(ctx, tx, m.ID); err != nil {
			return err
		}
		changed := diffMedia(old, *m)
		if len(changed) == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE media SET title = ?, alt_text = ?, credit = ?, creator = ?, licence = ?,
				usage_terms = ?, usable_until = ?, notes = ?, subtitles = ? WHERE id = ?`,
			m.Title, m.AltText, m.Credit, m.Creator, m.Licence, m.UsageTerms, nullDate(m.UsableUntil), m.Notes, m.Subtitles, m.ID); err != nil {
			return err
		}
		if !slices.Equal(old.Tags, m.Tags) {
			if err := putTags(ctx, tx, m.ID, m.Tags); err != nil {
				return err
			}
		}
		return w.logChange(ctx, tx, "update", "media", m.ID,
			fmt.Sprintf("Angaben zu „%s“ geändert: %s", Ellipsis(displayName(old), 80), strings.Join(changed, ", ")))
	})
}

// diffMedia names the edited fields that differ, in German for the change
// log.
func diffMedia(a, b Media) []string {
	var out []string
	add := func(differs bool, name string) {
		if differs {
			out = append(out, name)
		}
	}
	add(a.Title != b.Title, "Titel")
	add(a.AltText != b.AltText, "Bildbeschreibung")
	add(a.Credit != b.Credit, "Bildnachweis")
	add(a.Creator != b.Creator, "Urheber/in")
	add(a.Licence != b.Licence, "Lizenz")
	add(a.UsageTerms != b.UsageTerms, "Nutzungsbedingungen")
	add(!sameDate(a.UsableUntil, b.UsableUntil), "nutzbar bis")
	add(a.Notes != b.Notes, "Notizen")
	add(a.Subtitles != b.Subtitles, "Untertitel")
	add(!slices.Equal(a.Tags, b.Tags), "Schlagwörter")
	return out
}

func sameDate(a, b *calendar.Date) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// SetMediaTags adds and removes tags on several items at once (the
// toolbar of a multiple selection): add is put on every item that lacks
// it, remove taken from every item that has it (case-insensitively). One
// transaction, one change-log line.
func (w *Workspace) SetMediaTags(ctx context.Context, ids []int64, add, remove []string) error {
	addTags, err := checkTags(add)
	if err != nil {
		return err
	}
	removeTags, err := checkTags(remove)
	if err != nil {
		return err
	}
	if len(addTags) == 0 && len(removeTags) == 0 {
		return nil
	}
	var parts []string
	if len(addTags) > 0 {
		parts = append(parts, "Schlagwörter „"+strings.Join(addTags, "“, „")+"“ hinzugefügt")
	}
	if len(removeTags) > 0 {
		parts = append(parts, "Schlagwörter „"+strings.Join(removeTags, "“, „")+"“ entfernt")
	}
	return w.bulkEdit(ctx, ids, strings.Join(parts, ", "), func(tx *sql.Tx, id int64) error {
		for _, t := range removeTags {
			_, key := normTag(t)
			if _, err := tx.ExecContext(ctx, `DELETE FROM media_tags WHERE media_id = ? AND key = ?`, id, key); err != nil {
				return err
			}
		}
		for _, t := range addTags {
			tag, key := normTag(t)
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO media_tags (media_id, key, tag) VALUES (?, ?, ?)`, id, key, tag); err != nil {
				return err
			}
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM media_tags WHERE media_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > MaxTags {
			return invalidArgs("tag", "Too many tags (at most {{.Max}}).", map[string]any{"Max": MaxTags})
		}
		return syncTagsText(ctx, tx, id)
	})
}

// SetMediaCredit sets the credit line (Bildnachweis) of several items.
func (w *Workspace) SetMediaCredit(ctx context.Context, ids []int64, credit string) error {
	credit = strings.TrimSpace(credit)
	if err := checkControl("credit", &credit, false); err != nil {
		return err
	}
	if err := checkLength("credit", credit, MaxMediaLine); err != nil {
		return err
	}
	return w.bulkEdit(ctx, ids, fmt.Sprintf("Bildnachweis „%s“ gesetzt", Ellipsis(credit, 80)), func(tx *sql.Tx, id int64) error {
		_, err := tx.ExecContext(ctx, `UPDATE media SET credit = ? WHERE id = ?`, credit, id)
		return err
	})
}

// SetMediaPoster makes picture poster (an image of the Mediathek) the
// picture shown for video; poster 0 removes it. It is logged like every
// edit.
func (w *Workspace) SetMediaPoster(ctx context.Context, video, poster int64) error {
	v, err := w.Media(ctx, video)
	if err != nil {
		return err
	}
	if v.Kind != "video" {
		return invalid("poster", "Only a video gets a poster picture.")
	}
	hash, what := "", "Vorschaubild entfernt"
	if poster != 0 {
		p, err := w.Media(ctx, poster)
		if err != nil {
			return err
		}
		if p.Kind != "image" {
			return invalid("poster", "A poster must be a picture.")
		}
		hash, what = p.Hash, fmt.Sprintf("Vorschaubild „%s“ gewählt", Ellipsis(displayName(p), 80))
	}
	return w.bulkEdit(ctx, []int64{video}, what, func(tx *sql.Tx, id int64) error {
		_, err := tx.ExecContext(ctx, `UPDATE media SET poster_hash = ? WHERE id = ?`, hash, id)
		return err
	})
}

// SetMediaLicence sets the licence (a code of Licences, "" for none) of
// several items; usage terms are left as they are.
func (w *Workspace) SetMediaLicence(ctx context.Context, ids []int64, code string) error {
	if err := checkLicence(code); err != nil {
		return err
	}
	name := "keine"
	if l, ok := LicenceByCode(code); ok {
		name = assets.Text("de", l.Key, nil)
	}
	return w.bulkEdit(ctx, ids, fmt.Sprintf("Lizenz „%s“ gesetzt", name), func(tx *sql.Tx, id int64) error {
		_, err := tx.ExecContext(ctx, `UPDATE media SET licence = ? WHERE id = ?`, code, id)
		return err
	})
}

// SetMediaUsableUntil sets "nutzbar bis" of several items; nil removes
// the limit.
func (w *Workspace) SetMediaUsableUntil(ctx context.Context, ids []int64, until *calendar.Date) error {
	if err := checkUsableUntil(until); err != nil {
		return err
	}
	what := "nutzbar ohne Enddatum"
	if until != nil {
		what = "nutzbar bis " + until.String()
	}
	return w.bulkEdit(ctx, ids, what, func(tx *sql.Tx, id int64) error {
		_, err := tx.ExecContext(ctx, `UPDATE media SET usable_until = ? WHERE id = ?`, nullDate(until), id)
		return err
	})
}

// bulkEdit runs fn for each item in one transaction and logs one line:
// "<what> (12 Dateien)" or, for one item, the file first: "„a.jpg“:
// <what>". An ID that does
// not exist (deleted meanwhile) refuses the whole edit with ErrNotFound.
func (w *Workspace) bulkEdit(ctx context.Context, ids []int64, what string, fn func(tx *sql.Tx, id int64) error) error {
	ids = uniqueIDs(ids)
	if len(ids) == 0 {
		return nil
	}
	return w.write(ctx, "update media", func(tx *sql.Tx) error {
		var first Media
		for i, id := range ids {
			if i == 0 {
				m, err := scanMedia(tx.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE id = ?`, id))
				if err != nil {
					return notFound("media", id, err)
				}
				first = m
			} else {
				var one int
				if err := tx.QueryRowContext(ctx, `SELECT 1 FROM media WHERE id = ?`, id).Scan(&one); err != nil {
					return notFound("media", id, err)
				}
			}
			if err := fn(tx, id); err != nil {
				return err
			}
		}
		if len(ids) == 1 {
			return w.logChange(ctx, tx, "update", "media", first.ID, fmt.Sprintf("„%s“: %s", Ellipsis(displayName(first), 80), what))
		}
		return w.logChange(ctx, tx, "update", "media", 0, fmt.Sprintf("%s (%d Dateien)", what, len(ids)))
	})
}

// uniqueIDs drops repeated IDs, keeping the order.
func uniqueIDs(ids []int64) []int64 {
	out := make([]int64, 0, len(ids))
	seen := map[int64]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// normImported makes what an importer read from a file storable without
// refusing the file: control characters in the file's texts are removed
// (title, alt text and credit are checked by checkTexts like typed text),
// values out of range are dropped, the credit line falls back to the
// creator (XMP dc:creator, when photoshop:Credit is empty), and the
// Aufnahmedatum is completed (normTaken).
func (m *Media) normImported(now time.Time) {
	m.Creator = strings.TrimSpace(CleanText(m.Creator, false))
	m.Rights = strings.TrimSpace(CleanText(m.Rights, false))
	m.Camera = strings.TrimSpace(CleanText(m.Camera, false))
	m.UsageTerms = strings.TrimSpace(CleanText(m.UsageTerms, true))
	m.Notes = CleanText(m.Notes, true)
	m.Tags = cleanTags(m.Tags)
	if m.Credit == "" {
		m.Credit = m.Creator
	}
	// Shortened to the limits UpdateMedia checks, so a later edit of
	// another field is not refused for a text the file brought.
	for _, f := range []struct {
		s   *string
		max int
	}{{&m.Title, MaxMediaLine}, {&m.AltText, MaxAltText}, {&m.Credit, MaxMediaLine}, {&m.Creator, MaxMediaLine},
		{&m.Rights, MaxMediaLine}, {&m.UsageTerms, MaxUsageTerms}, {&m.Notes, MaxMediaNotes}} {
		*f.s = Ellipsis(*f.s, f.max)
	}
	if m.Orientation < 0 || m.Orientation > 8 {
		m.Orientation = 0
	}
	m.Duration = max(m.Duration, 0)
	m.Pages = max(m.Pages, 0)
	if checkLicence(m.Licence) != nil {
		m.Licence = ""
	}
	if checkUsableUntil(m.UsableUntil) != nil {
		m.UsableUntil = nil
	}
	m.Missing, m.MissingSince = MissingNone, time.Time{}
	m.normTaken(now)
}

// prepareRestore readies an item from a Papierkorb note for its new row:
// everything recorded about it comes back, its tags too; a note written
// before the Aufnahmedatum existed gets the import time.
func (m *Media) prepareRestore(now time.Time) {
	m.Missing, m.MissingSince, m.Uses = MissingNone, time.Time{}, 0
	if m.Taken.IsZero() {
		m.normImported(now)
	}
}
