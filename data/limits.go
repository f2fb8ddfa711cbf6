package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"feedtakt/data/caption"
)

// DefaultLimits returns the limits a new workspace starts with for p: the
// figures of caption.DefaultLimits, which schema 8 stores in a new
// workspace too (TestDefaultLimitsMatchSchema compares the two), kept in
// Go so that "Zurücksetzen" in the settings can bring a corrected figure
// back. Where Feedtakt knows none (website, newsletter, print, other) it
// is the zero Limits apart from the platform's name. When a platform
// changes its rules, change caption.DefaultLimits and say so in a
// migration: old workspaces keep their stored figures.
func DefaultLimits(p Platform) caption.Limits {
	l := caption.DefaultLimits()[string(p)]
	l.Platform = string(p)
	return l
}

// MaxLimitNote is the longest Source or CheckedOn of a platform's limits.
const MaxLimitNote = 300

// maxLimit bounds every figure: no platform counts in millions, so a
// larger number is a slip of the keyboard.
const maxLimit = 1_000_000

// PlatformLimits returns the stored limits of every platform in
// Platforms(); a platform without stored figures (website, print …) has
// the zero Limits with only Platform set, which means "no limit known".
func (w *Workspace) PlatformLimits(ctx context.Context) (map[Platform]caption.Limits, error) {
	out, err := platformLimits(ctx, w.reader())
	return out, w.fault("read platform limits", err)
}

func platformLimits(ctx context.Context, q queryer) (map[Platform]caption.Limits, error) {
	out := make(map[Platform]caption.Limits, len(Platforms()))
	for _, p := range Platforms() {
		out[p] = caption.Limits{Platform: string(p)}
	}
	rows, err := q.QueryContext(ctx, `SELECT platform, text_limit, photo_limit, byte_limit, hashtag_limit, alt_limit, title_limit, source, checked_on
		FROM platform_limits`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var l caption.Limits
		if err := rows.Scan(&l.Platform, &l.Text, &l.Photo, &l.Bytes, &l.Hashtags, &l.AltText, &l.Title, &l.Source, &l.CheckedOn); err != nil {
			return nil, err
		}
		if p := Platform(l.Platform); p.Valid() {
			out[p] = l
		}
	}
	return out, rows.Err()
}

// checkLimits validates limits as typed in the settings: no negative
// figure, none above a million, and no text limit of 0 for a platform
// that has one (0 would mean "no limit" and silence every length check);
// a 0 elsewhere means "none". Source and CheckedOn are trimmed one-line
// texts of at most MaxLimitNote characters.
func checkLimits(l *caption.Limits) error {
	p := Platform(l.Platform)
	if !p.Valid() {
		return invalid("platform", "Please choose a platform from the list.")
	}
	for _, f := range []struct {
		field string
		n     int
	}{{"text limit", l.Text}, {"photo limit", l.Photo}, {"byte limit", l.Bytes}, {"hashtag limit", l.Hashtags},
		{"alt text limit", l.AltText}, {"title limit", l.Title}} {
		if f.n < 0 {
			return invalid(f.field, "A limit cannot be negative. Enter 0 where the platform has no such limit.")
		}
		if f.n > maxLimit {
			return invalidArgs(f.field, "A limit must not be larger than {{.Max}}.", map[string]any{"Max": maxLimit})
		}
	}
	if l.Text == 0 && DefaultLimits(p).Text > 0 {
		return invalid("text limit", "This platform limits the length of a text; the limit cannot be 0. Use “Reset” for the known figure.")
	}
	for _, f := range []struct {
		field string
		s     *string
	}{{"source", &l.Source}, {"checked on", &l.CheckedOn}} {
		*f.s = strings.TrimSpace(*f.s)
		if !utf8.ValidString(*f.s) {
			return invalid(f.field, "The text contains invalid characters.")
		}
		if err := checkControl("note", f.s, false); err != nil {
			return invalid(f.field, controlKeys["note"].Key)
		}
		if utf8.RuneCountInString(*f.s) > MaxLimitNote {
			return invalidArgs(f.field, "The note is too long (at most {{.Max}} characters).", map[string]any{"Max": MaxLimitNote})
		}
	}
	return nil
}

// SavePlatformLimits stores the limits of l.Platform as corrected in the
// settings (see checkLimits for what is refused) and logs the change.
func (w *Workspace) SavePlatformLimits(ctx context.Context, l caption.Limits) error {
	if err := checkLimits(&l); err != nil {
		return err
	}
	return w.write(ctx, "save platform limits", func(tx *sql.Tx) error {
		return w.putLimits(ctx, tx, l, "Plattform-Grenzen für %s geändert: %s")
	})
}

// ResetPlatformLimits brings p's limits back to the figures a new
// workspace has (DefaultLimits), source and date included.
func (w *Workspace) ResetPlatformLimits(ctx context.Context, p Platform) error {
	if !p.Valid() {
		return invalid("platform", "Please choose a platform from the list.")
	}
	return w.write(ctx, "reset platform limits", func(tx *sql.Tx) error {
		return w.putLimits(ctx, tx, DefaultLimits(p), "Plattform-Grenzen für %s zurückgesetzt: %s")
	})
}

// putLimits writes l inside tx and logs summary (with the platform and
// the figures filled in).
func (w *Workspace) putLimits(ctx context.Context, tx *sql.Tx, l caption.Limits, summary string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO platform_limits (platform, text_limit, photo_limit, byte_limit, hashtag_limit, alt_limit, title_limit,
			source, checked_on, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (platform) DO UPDATE SET text_limit = excluded.text_limit, photo_limit = excluded.photo_limit,
			byte_limit = excluded.byte_limit, hashtag_limit = excluded.hashtag_limit, alt_limit = excluded.alt_limit,
			title_limit = excluded.title_limit, source = excluded.source, checked_on = excluded.checked_on, updated_at = excluded.updated_at`,
		l.Platform, l.Text, l.Photo, l.Bytes, l.Hashtags, l.AltText, l.Title, l.Source, l.CheckedOn, w.timestamp())
	if err != nil {
		return err
	}
	return w.logChange(ctx, tx, "update", "limits", 0, fmt.Sprintf(summary, platformName(Platform(l.Platform)), describeLimits(l)))
}

// describeLimits lists the figures of l in German for the change log,
// e.g. "Text 500, Hashtags 1".
func describeLimits(l caption.Limits) string {
	var parts []string
	for _, f := range []struct {
		name string
		n    int
	}{{"Text", l.Text}, {"Fotobeiträge", l.Photo}, {"Bytes", l.Bytes}, {"Hashtags", l.Hashtags},
		{"Bildbeschreibung", l.AltText}, {"Titel", l.Title}} {
		if f.n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", f.name, f.n))
		}
	}
	if len(parts) == 0 {
		return "keine"
	}
	return strings.Join(parts, ", ")
}
