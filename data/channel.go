package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"feedtakt/data/caption"
)

// Platform is the kind of a channel; it decides caption rules later on.
type Platform string

// The platforms a channel can be of.
const (
	Instagram  Platform = "instagram"
	TikTok     Platform = "tiktok"
	Facebook   Platform = "facebook"
	LinkedIn   Platform = "linkedin"
	YouTube    Platform = "youtube"
	Mastodon   Platform = "mastodon"
	X          Platform = "x"
	Bluesky    Platform = "bluesky"
	Threads    Platform = "threads"
	Website    Platform = "website"
	Newsletter Platform = "newsletter"
	Print      Platform = "print"
	Other      Platform = "other"
)

// Platforms lists every platform in the order a selection shows them.
func Platforms() []Platform {
	return []Platform{Instagram, TikTok, Facebook, LinkedIn, YouTube, Mastodon, X, Bluesky, Threads, Website, Newsletter, Print, Other}
}

// Valid reports whether p is one of Platforms.
func (p Platform) Valid() bool {
	for _, q := range Platforms() {
		if p == q {
			return true
		}
	}
	return false
}

// Cadence periods.
const (
	PerWeek  = "week"
	PerMonth = "month"
)

// Cadence (Takt) is a channel's target: Count posts per Period.
type Cadence struct {
	Count  int
	Period string
}

// Channel is a place the office posts to, e.g. its Instagram account.
type Channel struct {
	ID       int64
	Name     string
	Platform Platform
	Handle   string
	Color    string
	Cadence  Cadence
	Position int
	Disabled bool
	// TextLimit is the channel's own caption limit where it differs from
	// its platform's (a Mastodon instance allowing 5,000); 0 = the
	// platform's.
	TextLimit int
	// AccessNote is where the channel's access is documented ("Zugang:
	// Passwortsafe, Eintrag Social Media"), printed in the handover report;
	// never the password itself.
	AccessNote string
}

const maxCadence = 50

// MaxChannelTextLimit is the largest own caption limit a channel may have;
// no platform takes more than Facebook's 63,206, so a million is a typo.
const MaxChannelTextLimit = 1_000_000

// Limits returns what the channel accepts: its platform's limits (from
// PlatformLimits) with the channel's own TextLimit in place of the
// platform's text limit. A TikTok channel's larger limit for photo posts
// is kept only while it is still larger than the channel's own.
func (c Channel) Limits(platform map[Platform]caption.Limits) caption.Limits {
	l := platform[c.Platform]
	l.Platform = string(c.Platform)
	if c.TextLimit > 0 {
		l.Text = c.TextLimit
		if l.Photo > 0 && l.Photo <= c.TextLimit {
			l.Photo = 0
		}
	}
	return l
}

func (c *Channel) validate() error {
	var err error
	if c.Name, err = checkName("name", c.Name, 60); err != nil {
		return err
	}
	if !c.Platform.Valid() {
		return invalid("platform", "Please choose a platform from the list.")
	}
	c.Handle = strings.TrimSpace(c.Handle)
	if err := checkControl("handle", &c.Handle, false); err != nil {
		return err
	}
	if utf8.RuneCountInString(c.Handle) > 200 {
		return invalid("handle", "The handle is too long (at most 200 characters).")
	}
	if c.Color == "" {
		c.Color = "#607D8B"
	}
	if c.Color, err = checkColor("color", c.Color); err != nil {
		return err
	}
	if c.Cadence.Period == "" {
		c.Cadence.Period = PerWeek
	}
	if c.Cadence.Period != PerWeek && c.Cadence.Period != PerMonth {
		return invalid("cadence", "The cadence is counted per week or per month.")
	}
	if c.Cadence.Count < 0 || c.Cadence.Count > maxCadence {
		return invalidArgs("cadence", "The cadence must be between 0 and {{.Max}} posts.", map[string]any{"Max": maxCadence})
	}
	if c.TextLimit < 0 || c.TextLimit > MaxChannelTextLimit {
		return invalidArgs("text limit", "The channel's own text limit must be between 0 (the platform's) and {{.Max}} characters.",
			map[string]any{"Max": MaxChannelTextLimit})
	}
	return c.validateAccessNote()
}

// validateAccessNote trims the note and refuses control characters, an
// over-long note and one that looks like a password: the workspace is
// copied to other PCs and the note printed in the handover report.
func (c *Channel) validateAccessNote() error {
	c.AccessNote = strings.TrimSpace(c.AccessNote)
	if err := checkControl("note", &c.AccessNote, false); err != nil {
		return err
	}
	if utf8.RuneCountInString(c.AccessNote) > MaxAccessNote {
		return invalidArgs("access note", "The note on the access is too long (at most {{.Max}} characters).", map[string]any{"Max": MaxAccessNote})
	}
	if looksLikePassword(c.AccessNote) {
		return invalid("access note", "This looks like a password. Write down only where the access is documented (for example “Passwortsafe, Eintrag Social Media”), never the password itself.")
	}
	return nil
}

// Channels returns all channels in their display order, disabled ones too.
func (w *Workspace) Channels(ctx context.Context) ([]Channel, error) {
	out, err := allChannels(ctx, w.reader())
	return out, w.fault("read channels", err)
}

// allChannels reads every channel through q in display order (the write
// transaction of the approval rule reads them too).
func allChannels(ctx context.Context, q queryer) ([]Channel, error) {
	var out []Channel
	err := eachRow(ctx, q, `SELECT id, name, platform, handle, color, cadence_count, cadence_period, position, disabled, text_limit, access_note
		FROM channels ORDER BY position, id`, nil, func(rows *sql.Rows) error {
		var c Channel
		if err := rows.Scan(&c.ID, &c.Name, &c.Platform, &c.Handle, &c.Color, &c.Cadence.Count, &c.Cadence.Period, &c.Position, &c.Disabled, &c.TextLimit, &c.AccessNote); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// channelsByID is allChannels by ID.
func channelsByID(ctx context.Context, q queryer) (map[int64]Channel, error) {
	cs, err := allChannels(ctx, q)
	out := make(map[int64]Channel, len(cs))
	for _, c := range cs {
		out[c.ID] = c
	}
	return out, err
}

// SaveChannel inserts c (ID 0) at the end of the list or updates it,
// its access note included, in one transaction; c.ID is set on insert.
func (w *Workspace) SaveChannel(ctx context.Context, c *Channel) error {
	return w.write(ctx, "save channel", func(tx *sql.Tx) error { return w.saveChannel(ctx, tx, c) })
}

func (w *Workspace) saveChannel(ctx context.Context, tx *sql.Tx, c *Channel) error {
	if err := c.validate(); err != nil {
		return err
	}
	var clash int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM channels WHERE lower(name) = lower(?) AND id != ?`, c.Name, c.ID).Scan(&clash); err != nil {
		return err
	}
	if clash > 0 {
		return invalid("name", "A channel with this name exists already.")
	}
	if c.ID == 0 {
		return w.insertChannel(ctx, tx, c)
	}
	var oldNote string
	if err := tx.QueryRowContext(ctx, `SELECT access_note FROM channels WHERE id = ?`, c.ID).Scan(&oldNote); err != nil {
		return notFound("channel", c.ID, err)
	}
	_, err := tx.ExecContext(ctx, `UPDATE channels SET name = ?, platform = ?, handle = ?, color = ?, cadence_count = ?, cadence_period = ?, disabled = ?, text_limit = ?, access_note = ?
		WHERE id = ?`, c.Name, c.Platform, c.Handle, c.Color, c.Cadence.Count, c.Cadence.Period, c.Disabled, c.TextLimit, c.AccessNote, c.ID)
	if err != nil {
		return err
	}
	if err := w.logChange(ctx, tx, "update", "channel", c.ID, fmt.Sprintf("Kanal „%s“ geändert", c.Name)); err != nil {
		return err
	}
	if oldNote == c.AccessNote {
		return nil
	}
	return w.logChange(ctx, tx, "update", "channel", c.ID, fmt.Sprintf("Zugang zu Kanal „%s“: „%s“", c.Name, c.AccessNote))
}

func (w *Workspace) insertChannel(ctx context.Context, tx *sql.Tx, c *Channel) error {
	err := tx.QueryRowContext(ctx, `INSERT INTO channels (name, platform, handle, color, cadence_count, cadence_period, position, disabled, created_at)
		VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM channels), ?, ?) RETURNING id, position`,
		c.Name, c.Platform, c.Handle, c.Color, c.Cadence.Count, c.Cadence.Period, c.Disabled, w.timestamp()).Scan(&c.ID, &c.Position)
	if err != nil {
		return err
	}
	// text_limit and access_note only when set: the migration tests create
	// workspaces of older schemas (before 8 and 9) through this function.
	if c.TextLimit != 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE channels SET text_limit = ? WHERE id = ?`, c.TextLimit, c.ID); err != nil {
			return err
		}
	}
	if c.AccessNote != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE channels SET access_note = ? WHERE id = ?`, c.AccessNote, c.ID); err != nil {
			return err
		}
	}
	return w.logChange(ctx, tx, "create", "channel", c.ID, fmt.Sprintf("Kanal „%s“ angelegt", c.Name))
}

// MoveChannel moves a channel one place up (delta -1) or down (+1) in the
// display order.
func (w *Workspace) MoveChannel(ctx context.Context, id int64, delta int) error {
	return w.write(ctx, "move channel", func(tx *sql.Tx) error {
		return w.move(ctx, tx, "channels", "channel", id, delta)
	})
}

// move swaps a row's position with its neighbour in table (channels or
// topics); positions are renumbered 1..n first so gaps never confuse it.
func (w *Workspace) move(ctx context.Context, tx *sql.Tx, table, item string, id int64, delta int) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM `+table+` ORDER BY position, id`)
	if err != nil {
		return err
	}
	var ids []int64
	var names []string
	for rows.Next() {
		var i int64
		var n string
		if err := rows.Scan(&i, &n); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, i)
		names = append(names, n)
	}
	rows.Close()
	at := -1
	for i, v := range ids {
		if v == id {
			at = i
		}
	}
	if at < 0 {
		return fmt.Errorf("%s %d: %w", item, id, ErrNotFound)
	}
	to := at + delta
	if to < 0 || to >= len(ids) || delta == 0 {
		return nil
	}
	ids[at], ids[to] = ids[to], ids[at]
	for i, v := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET position = ? WHERE id = ?`, i+1, v); err != nil {
			return err
		}
	}
	return w.logChange(ctx, tx, "move", item, id, fmt.Sprintf("„%s“ auf Platz %d verschoben", names[at], to+1))
}

// DeleteChannel removes a channel that no post uses. A channel in use is
// refused: disable it instead, so old posts keep where they went out.
func (w *Workspace) DeleteChannel(ctx context.Context, id int64) error {
	return w.write(ctx, "delete channel", func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRowContext(ctx, `SELECT name FROM channels WHERE id = ?`, id).Scan(&name); err != nil {
			return notFound("channel", id, err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM post_channels WHERE channel_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return invalid("channel", "Posts use this channel; disable it instead of deleting it.")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM channels WHERE id = ?`, id); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "delete", "channel", id, fmt.Sprintf("Kanal „%s“ gelöscht", name))
	})
}
