package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/data/calendar"

	sqlite3 "modernc.org/sqlite/lib"
)

// Status is where a post stands on its way out.
type Status string

// The statuses in workflow order.
const (
	StatusIdea      Status = "idea"
	StatusDraft     Status = "draft"
	StatusReview    Status = "review"
	StatusApproved  Status = "approved"
	StatusPublished Status = "published"
	StatusDiscarded Status = "discarded"
)

// Statuses lists every status in workflow order.
func Statuses() []Status {
	return []Status{StatusIdea, StatusDraft, StatusReview, StatusApproved, StatusPublished, StatusDiscarded}
}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	for _, t := range Statuses() {
		if s == t {
			return true
		}
	}
	return false
}

// Clock is a wall-clock time of day in the post's zone.
type Clock struct {
	Hour, Minute int
}

// String formats the clock as "09:30".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// ParseClock reads "9:30", "09:30", "9.30" or "930"/"0930".
func ParseClock(s string) (Clock, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "Uhr"))
	s = strings.ReplaceAll(s, ".", ":")
	var hs, ms string
	if h, m, ok := strings.Cut(s, ":"); ok {
		hs, ms = h, m
	} else if len(s) == 3 || len(s) == 4 {
		hs, ms = s[:len(s)-2], s[len(s)-2:]
	} else if len(s) == 1 || len(s) == 2 {
		hs, ms = s, "0"
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || len(ms) > 2 {
		return Clock{}, invalid("time", "The time must be written as HH:MM, e.g. 09:30.")
	}
	return Clock{h, m}, nil
}

// PostChannel links a post to a channel, with a caption for that channel
// where it differs from the post's caption ("" = the post's caption), and
// the mark of the hour of posting (see MarkPublished): where and when it
// went out on that channel.
type PostChannel struct {
	ChannelID int64
	Caption   string
	// PublishedLink is the address of the post on the platform ("" = none
	// given); PublishedAt the wall-clock time in the post's zone it went
	// out, to the minute (zero = not yet marked).
	PublishedLink string
	PublishedAt   time.Time
}

// Published reports whether the channel is marked as posted.
func (c PostChannel) Published() bool { return !c.PublishedAt.IsZero() }

// Post (Beitrag) is one planned piece of content. Without Date it is an idea
// in the Ideenspeicher.
type Post struct {
	ID            int64
	UID           string // stable identity for calendar exports
	Title         string
	Caption       string
	Notes         string
	Date          *calendar.Date
	Time          *Clock
	Zone          string
	Status        Status
	TopicID       int64 // 0 = no topic
	Channels      []PostChannel
	PublishedLink string
	PublishedOn   *calendar.Date
	// SeriesID and SeriesDate name the series slot the post fills (0 and
	// nil for a post outside a series). SeriesDate is the slot's day and
	// stays when the post is moved, so the slot stays filled.
	SeriesID   int64
	SeriesDate *calendar.Date
	// Link is what {Link} stands for in the texts ("Link im Text", e.g.
	// the job advert); HashtagSetID the hashtag set {Hashtags} stands for
	// (0 = none); TemplateID the template the post started from, kept for
	// the record (0 = none, or the template was deleted).
	Link         string
	HashtagSetID int64
	TemplateID   int64
	Created      time.Time
	Updated      time.Time
}

// IsIdea reports whether the post has no date yet.
func (p Post) IsIdea() bool { return p.Date == nil }

// Limits of a post's fields; the platforms' own limits come with the caption
// rules.
const (
	MaxTitle   = 300
	MaxCaption = 100_000
	MaxNotes   = 20_000
	MaxLink    = 2_000
	MinYear    = 1995
	MaxYear    = 2100
)

// validate checks and normalises a post before it is stored; the checks
// run in a fixed order, so the first problem found is the one reported.
func (p *Post) validate() error {
	if err := checkTexts(&p.Title, &p.Caption, &p.Notes, "Please give the post a title."); err != nil {
		return err
	}
	for i := range p.Channels {
		if err := checkControl("override", &p.Channels[i].Caption, true); err != nil {
			return err
		}
	}
	if err := p.validateLinks(); err != nil {
		return err
	}
	if err := p.validateSchedule(); err != nil {
		return err
	}
	return p.validateChannelsAndSeries()
}

// validateLinks checks the post's link and the links where it was
// published (whole post and per channel), trimming the post's and the
// channels' links and dropping a channel's link that has no publish mark.
func (p *Post) validateLinks() error {
	if err := checkControl("link", &p.PublishedLink, false); err != nil {
		return err
	}
	p.Link = strings.TrimSpace(p.Link)
	if err := checkControl("link", &p.Link, false); err != nil {
		return err
	}
	for i := range p.Channels {
		c := &p.Channels[i]
		c.PublishedLink = strings.TrimSpace(c.PublishedLink)
		if err := checkControl("link", &c.PublishedLink, false); err != nil {
			return err
		}
		if utf8.RuneCountInString(c.PublishedLink) > MaxLink {
			return invalidArgs("link", "The link is too long (at most {{.Max}} characters).", map[string]any{"Max": MaxLink})
		}
		if c.PublishedAt.IsZero() {
			c.PublishedLink = "" // a link without a mark would be shown nowhere
		}
	}
	if utf8.RuneCountInString(p.Link) > MaxLink || utf8.RuneCountInString(p.PublishedLink) > MaxLink {
		return invalidArgs("link", "The link is too long (at most {{.Max}} characters).", map[string]any{"Max": MaxLink})
	}
	return nil
}

// validateSchedule checks the status, date, time and zone, derives the
// status from the date and fills in the default zone.
func (p *Post) validateSchedule() error {
	if p.Status != "" && !p.Status.Valid() {
		return invalid("status", "Please choose a status from the list.")
	}
	p.Status = StatusFor(p.Date, p.Status)
	if p.Date != nil {
		if !p.Date.Valid() || p.Date.Year < MinYear || p.Date.Year > MaxYear {
			return invalidArgs("date", "The date must lie between {{.Min}} and {{.Max}}.", map[string]any{"Min": MinYear, "Max": MaxYear})
		}
	}
	if p.Time != nil {
		if p.Date == nil {
			return invalid("time", "A time needs a date.")
		}
		if p.Time.Hour < 0 || p.Time.Hour > 23 || p.Time.Minute < 0 || p.Time.Minute > 59 {
			return invalid("time", "The time must be written as HH:MM, e.g. 09:30.")
		}
	}
	if p.Zone == "" {
		p.Zone = DefaultZone
	}
	if _, err := time.LoadLocation(p.Zone); err != nil {
		return invalid("zone", "Unknown time zone.")
	}
	return nil
}

// validateChannelsAndSeries rejects a channel listed twice, trims the
// published link, and checks that a post of a series has its slot's day
// (and that a post outside a series has none).
func (p *Post) validateChannelsAndSeries() error {
	seen := map[int64]bool{}
	for _, c := range p.Channels {
		if seen[c.ChannelID] {
			return invalid("channels", "A channel is listed twice.")
		}
		seen[c.ChannelID] = true
	}
	p.PublishedLink = strings.TrimSpace(p.PublishedLink)
	if p.SeriesID == 0 {
		p.SeriesDate = nil
	} else if p.SeriesDate == nil || !p.SeriesDate.Valid() {
		return invalid("series", "A post of a series needs the day of its slot.")
	}
	return nil
}

// checkTexts trims a title and checks the texts a post and a series share:
// a title that is there and not too long, captions and notes within their
// limits, valid UTF-8 and no control characters throughout (line ends in
// caption and notes become LF). noTitle is the message for a missing title.
func checkTexts(title, caption, notes *string, noTitle string) error {
	*title = strings.TrimSpace(*title)
	if *title == "" {
		return invalid("title", noTitle)
	}
	if n := utf8.RuneCountInString(*title); n > MaxTitle {
		return invalidArgs("title", "The title is too long ({{.N}} characters, at most {{.Max}}).", map[string]any{"N": n, "Max": MaxTitle})
	}
	if utf8.RuneCountInString(*caption) > MaxCaption {
		return invalid("caption", "The caption is too long.")
	}
	if utf8.RuneCountInString(*notes) > MaxNotes {
		return invalid("notes", "The notes are too long.")
	}
	if !utf8.ValidString(*title + *caption + *notes) {
		return invalid("caption", "The text contains invalid characters.")
	}
	if err := checkControl("title", title, false); err != nil {
		return err
	}
	if err := checkControl("caption", caption, true); err != nil {
		return err
	}
	return checkControl("notes", notes, true)
}

// When returns the planned moment in the post's zone, and a note when the
// wall-clock time falls into a DST gap or overlap and a choice was made
// (the zero Message otherwise). ok is false for an idea or a post without
// time.
func (p Post) When() (t time.Time, note calendar.Message, ok bool) {
	if p.Date == nil || p.Time == nil {
		return time.Time{}, calendar.Message{}, false
	}
	loc, err := time.LoadLocation(p.Zone)
	if err != nil {
		loc = WorkspaceZone()
	}
	t, note = calendar.LocalTime(*p.Date, p.Time.Hour, p.Time.Minute, loc)
	return t, note, true
}

func newUID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:]) + "@feedtakt"
}

func nullDate(d *calendar.Date) any {
	if d == nil {
		return nil
	}
	return d.ISO()
}

func nullClock(c *Clock) any {
	if c == nil {
		return nil
	}
	return c.String()
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// describe is the post as the change log names it.
func (p Post) describe() string {
	s := fmt.Sprintf("„%s“", Ellipsis(p.Title, 80))
	if p.Date != nil {
		s += " am " + p.Date.String()
		if p.Time != nil {
			s += " " + p.Time.String()
		}
	} else {
		s += " (Idee)"
	}
	return s
}

// CreatePost stores a new post; p.ID and p.UID are set. A post created
// as Freigegeben or Veröffentlicht must pass the consent rule (see
// checkApproval); without pictures it always does.
func (w *Workspace) CreatePost(ctx context.Context, p *Post) error {
	if err := p.validate(); err != nil {
		return err
	}
	id := p.ID
	err := w.write(ctx, "create post", func(tx *sql.Tx) error {
		if err := w.createPost(ctx, tx, p); err != nil {
			return err
		}
		if approving(nil, *p, false) {
			return w.checkApproval(ctx, tx, p.ID)
		}
		return nil
	})
	if err != nil {
		p.ID = id
	}
	return err
}

// createPost stores a validated new p inside tx and logs it.
func (w *Workspace) createPost(ctx context.Context, tx *sql.Tx, p *Post) error {
	if err := w.insertPost(ctx, tx, p); err != nil {
		return err
	}
	return w.logChange(ctx, tx, "create", "post", p.ID, "Beitrag "+p.describe()+" angelegt")
}

// insertPost stores a validated p inside tx with its channels; p.ID, p.UID,
// Created and Updated are set.
func (w *Workspace) insertPost(ctx context.Context, tx *sql.Tx, p *Post) error {
	if err := checkPostLinks(ctx, tx, p); err != nil {
		return err
	}
	if p.UID == "" {
		p.UID = newUID()
	}
	now := w.timestamp()
	err := tx.QueryRowContext(ctx, `INSERT INTO posts (uid, title, caption, notes, day, time, zone, status, topic_id, published_link, published_on,
			series_id, series_date, link, hashtag_set_id, template_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		p.UID, p.Title, p.Caption, p.Notes, nullDate(p.Date), nullClock(p.Time), p.Zone, p.Status,
		nullID(p.TopicID), p.PublishedLink, nullDate(p.PublishedOn), nullID(p.SeriesID), nullDate(p.SeriesDate),
		p.Link, nullID(p.HashtagSetID), nullID(p.TemplateID), now, now).Scan(&p.ID)
	if err != nil {
		return slotTaken(err)
	}
	p.Created, _ = time.Parse(time.RFC3339, now)
	p.Updated = p.Created
	return putPostChannels(ctx, tx, p)
}

// checkPostLinks turns a topic or series deleted meanwhile (in another
// window, or by the colleague before a handover) into a sentence instead of
// a foreign-key error.
func checkPostLinks(ctx context.Context, tx *sql.Tx, p *Post) error {
	var n int
	if p.TopicID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM topics WHERE id = ?`, p.TopicID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalid("topic", "The chosen topic no longer exists.")
		}
	}
	if p.SeriesID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM series WHERE id = ?`, p.SeriesID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalid("series", "The series no longer exists.")
		}
	}
	if p.HashtagSetID != 0 {
		var kind string
		err := tx.QueryRowContext(ctx, `SELECT kind FROM templates WHERE id = ?`, p.HashtagSetID).Scan(&kind)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return invalid("hashtags", "The chosen hashtag set no longer exists.")
		case err != nil:
			return err
		case kind != "hashtags":
			return invalid("hashtags", "Please choose a hashtag set, not another kind of template.")
		}
	}
	if p.TemplateID != 0 {
		// The template is only the record of where the post started: one
		// deleted meanwhile must not stop the post from being saved.
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM templates WHERE id = ?`, p.TemplateID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			p.TemplateID = 0
		}
	}
	return nil
}

// slotTaken turns a clash on the unique index over (series_id,
// series_date) into a sentence: someone filled the slot meanwhile. SQLite's
// code says it is a UNIQUE clash; only its message names the index, and the
// posts table has one other (uid, which is random), so the name decides.
func slotTaken(err error) error {
	if isConstraint(err, sqlite3.SQLITE_CONSTRAINT_UNIQUE) && strings.Contains(err.Error(), "posts.series_id") {
		return invalid("series", "This slot of the series is filled already.")
	}
	return err
}

// putPostChannels stores p's channels inside tx. A channel the post keeps
// keeps its publishing mark when p carries none: marks are set by
// MarkPublished and UnmarkPublished, and a screen that builds the channel
// list afresh (the editor's checkboxes) must not wipe them.
func putPostChannels(ctx context.Context, tx *sql.Tx, p *Post) error {
	type mark struct{ link, at string }
	kept := map[int64]mark{}
	err := eachRow(ctx, tx, `SELECT channel_id, published_link, published_at FROM post_channels WHERE post_id = ? AND published_at != ''`, p.ID,
		func(rows *sql.Rows) error {
			var id int64
			var m mark
			if err := rows.Scan(&id, &m.link, &m.at); err != nil {
				return err
			}
			kept[id] = m
			return nil
		})
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM post_channels WHERE post_id = ?`, p.ID); err != nil {
		return err
	}
	for i := range p.Channels {
		c := &p.Channels[i]
		link, at := c.PublishedLink, formatMark(c.PublishedAt, p.Zone)
		if k, ok := kept[c.ChannelID]; ok && at == "" {
			link, at = k.link, k.at
			if t, err := parseMark(k.at, p.Zone); err == nil {
				c.PublishedLink, c.PublishedAt = k.link, t
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO post_channels (post_id, channel_id, caption, published_link, published_at) VALUES (?, ?, ?, ?, ?)`,
			p.ID, c.ChannelID, c.Caption, link, at); err != nil {
			if isConstraint(err, sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY) {
				return invalid("channels", "One of the chosen channels no longer exists.")
			}
			return err
		}
	}
	return nil
}

// markLayout is how a publishing mark is stored: the wall clock in the
// post's zone, to the minute, like the post's own day and time.
const markLayout = "2006-01-02 15:04"

// postZone is the location of a post's zone (the workspace's when it
// cannot be loaded, as When does).
func postZone(zone string) *time.Location {
	if loc, err := time.LoadLocation(zone); err == nil {
		return loc
	}
	return WorkspaceZone()
}

// formatMark is t as stored for a post in zone; "" for the zero time.
func formatMark(t time.Time, zone string) string {
	if t.IsZero() {
		return ""
	}
	return t.In(postZone(zone)).Format(markLayout)
}

// parseMark reads a stored mark of a post in zone; "" is the zero time.
func parseMark(s, zone string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(markLayout, s, postZone(zone))
	if err != nil {
		return time.Time{}, fmt.Errorf("stored publishing time %q: %w", s, err)
	}
	return t, nil
}

// scanPostChannel reads one row of postChannelColumns for a post in zone.
func scanPostChannel(scan func(...any) error, zone string) (PostChannel, error) {
	var c PostChannel
	var at string
	if err := scan(&c.ChannelID, &c.Caption, &c.PublishedLink, &at); err != nil {
		return c, err
	}
	var err error
	c.PublishedAt, err = parseMark(at, zone)
	return c, err
}

// scanPostChannelIn reads a row of post ID, the post's zone and
// postChannelColumns.
func scanPostChannelIn(rows *sql.Rows, pid *int64, zone *string) (PostChannel, error) {
	var c PostChannel
	var at string
	if err := rows.Scan(pid, zone, &c.ChannelID, &c.Caption, &c.PublishedLink, &at); err != nil {
		return c, err
	}
	var err error
	c.PublishedAt, err = parseMark(at, *zone)
	return c, err
}

// postChannelColumns are what scanPostChannel reads, from post_channels
// as pc.
const postChannelColumns = `pc.channel_id, pc.caption, pc.published_link, pc.published_at`

// UpdatePost stores every field of p and logs what changed. Setting it
// to Freigegeben or Veröffentlicht, or moving an approved post, is refused
// with a *ClearanceError while a picture may not be used (checkApproval).
func (w *Workspace) UpdatePost(ctx context.Context, p *Post) error {
	if err := p.validate(); err != nil {
		return err
	}
	return w.write(ctx, "update post", func(tx *sql.Tx) error {
		old, err := getPost(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		if err := w.changePost(ctx, tx, p); err != nil {
			return err
		}
		if approving(&old, *p, false) {
			return w.checkApproval(ctx, tx, p.ID)
		}
		return nil
	})
}

// changePost stores a validated existing p inside tx and logs what changed.
func (w *Workspace) changePost(ctx context.Context, tx *sql.Tx, p *Post) error {
	old, err := getPost(ctx, tx, p.ID)
	if err != nil {
		return err
	}
	if err := w.updatePost(ctx, tx, p); err != nil {
		return err
	}
	return w.logChange(ctx, tx, "update", "post", p.ID, "Beitrag "+p.describe()+" geändert"+diffPost(old, *p))
}

// SavePostWithMedia creates p (ID 0) or updates it and sets its media to
// mediaIDs in order (see AttachMedia), in one transaction: the editor saves
// a post and its pictures together, so a failure leaves neither half (a new
// post stored without its pictures would be stored twice by the next
// Speichern). The consent rule is checked on the post as saved, pictures
// included (see UpdatePost). On an error p.ID is what it was before.
func (w *Workspace) SavePostWithMedia(ctx context.Context, p *Post, mediaIDs []int64) error {
	if err := p.validate(); err != nil {
		return err
	}
	id := p.ID
	err := w.write(ctx, "save post", func(tx *sql.Tx) error {
		var old *Post
		var oldMedia []int64
		save := w.changePost
		if p.ID == 0 {
			save = w.createPost
		} else {
			o, err := getPost(ctx, tx, p.ID)
			if err != nil {
				return err
			}
			if oldMedia, err = linkedMedia(ctx, tx, p.ID); err != nil {
				return err
			}
			old = &o
		}
		if err := save(ctx, tx, p); err != nil {
			return err
		}
		if err := w.setPostMedia(ctx, tx, p.ID, mediaIDs); err != nil {
			return err
		}
		if approving(old, *p, !sameIDs(oldMedia, mediaIDs)) {
			return w.checkApproval(ctx, tx, p.ID)
		}
		return nil
	})
	if err != nil {
		p.ID = id
	}
	return err
}

// updatePost stores every field of a validated p inside tx.
func (w *Workspace) updatePost(ctx context.Context, tx *sql.Tx, p *Post) error {
	if err := checkPostLinks(ctx, tx, p); err != nil {
		return err
	}
	now := w.timestamp()
	res, err := tx.ExecContext(ctx, `UPDATE posts SET title = ?, caption = ?, notes = ?, day = ?, time = ?, zone = ?, status = ?,
		topic_id = ?, published_link = ?, published_on = ?, series_id = ?, series_date = ?,
		link = ?, hashtag_set_id = ?, template_id = ?, updated_at = ? WHERE id = ?`,
		p.Title, p.Caption, p.Notes, nullDate(p.Date), nullClock(p.Time), p.Zone, p.Status,
		nullID(p.TopicID), p.PublishedLink, nullDate(p.PublishedOn), nullID(p.SeriesID), nullDate(p.SeriesDate),
		p.Link, nullID(p.HashtagSetID), nullID(p.TemplateID), now, p.ID)
	if err != nil {
		return slotTaken(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("post %d: %w", p.ID, ErrNotFound)
	}
	p.Updated, _ = time.Parse(time.RFC3339, now)
	return putPostChannels(ctx, tx, p)
}

// DuplicatePost copies a post (Ctrl+D) to date (nil keeps the original's
// date) and returns the copy. The copy is a post of its own: a new UID, no
// series slot, nothing published, and status Entwurf (an idea stays an
// idea), so it goes through sign-off again.
func (w *Workspace) DuplicatePost(ctx context.Context, id int64, date *calendar.Date) (Post, error) {
	var p Post
	err := w.write(ctx, "duplicate post", func(tx *sql.Tx) error {
		orig, err := getPost(ctx, tx, id)
		if err != nil {
			return err
		}
		p = orig
		p.ID, p.UID = 0, ""
		p.SeriesID, p.SeriesDate = 0, nil
		p.PublishedLink, p.PublishedOn = "", nil
		p.Channels = append([]PostChannel(nil), orig.Channels...)
		for i := range p.Channels {
			p.Channels[i].PublishedLink, p.Channels[i].PublishedAt = "", time.Time{}
		}
		if date != nil {
			d := *date
			p.Date = &d
		}
		if p.Date == nil {
			p.Time = nil
		}
		if p.Status != StatusIdea {
			p.Status = StatusDraft
		}
		if err := p.validate(); err != nil { // StatusFor: an idea moved to a date becomes a draft
			return err
		}
		if err := w.insertPost(ctx, tx, &p); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "create", "post", p.ID, "Beitrag "+p.describe()+" als Kopie von "+orig.describe()+" angelegt")
	})
	return p, err
}

// diffPost lists the changes a person cares about in the log.
func diffPost(a, b Post) string {
	var d []string
	if a.Title != b.Title {
		d = append(d, "Titel")
	}
	if nullDate(a.Date) != nullDate(b.Date) || nullClock(a.Time) != nullClock(b.Time) {
		d = append(d, "Termin "+a.describeWhen()+" → "+b.describeWhen())
	}
	if a.Status != b.Status {
		d = append(d, "Status "+a.Status.German()+" → "+b.Status.German())
	}
	if a.Caption != b.Caption {
		d = append(d, "Text")
	}
	if a.Notes != b.Notes {
		d = append(d, "Notizen")
	}
	if a.TopicID != b.TopicID {
		d = append(d, "Rubrik")
	}
	if a.Link != b.Link {
		d = append(d, "Link im Text")
	}
	if a.HashtagSetID != b.HashtagSetID {
		d = append(d, "Hashtag-Set")
	}
	if a.TemplateID != b.TemplateID {
		d = append(d, "Vorlage")
	}
	if len(d) == 0 {
		return ""
	}
	return ": " + strings.Join(d, ", ")
}

func (p Post) describeWhen() string {
	if p.Date == nil {
		return "Idee"
	}
	if p.Time == nil {
		return p.Date.String()
	}
	return p.Date.String() + " " + p.Time.String()
}

// DeletePost removes a post and its links.
func (w *Workspace) DeletePost(ctx context.Context, id int64) error {
	return w.write(ctx, "delete post", func(tx *sql.Tx) error {
		p, err := getPost(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM posts WHERE id = ?`, id); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "delete", "post", id, "Beitrag "+p.describe()+" gelöscht")
	})
}

// Post reads one post with its channels.
func (w *Workspace) Post(ctx context.Context, id int64) (Post, error) {
	p, err := getPost(ctx, w.reader(), id)
	if err != nil {
		return p, w.fault("read post", err)
	}
	return p, nil
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const postColumns = `id, uid, title, caption, notes, day, time, zone, status, coalesce(topic_id, 0), published_link, published_on,
	coalesce(series_id, 0), series_date, link, coalesce(hashtag_set_id, 0), coalesce(template_id, 0), created_at, updated_at`

func scanPost(scan func(...any) error) (Post, error) {
	var p Post
	var day, clock, pubOn, seriesDate sql.NullString
	var created, updated string
	if err := scan(&p.ID, &p.UID, &p.Title, &p.Caption, &p.Notes, &day, &clock, &p.Zone, &p.Status, &p.TopicID,
		&p.PublishedLink, &pubOn, &p.SeriesID, &seriesDate, &p.Link, &p.HashtagSetID, &p.TemplateID, &created, &updated); err != nil {
		return p, err
	}
	var err error
	if p.Date, err = parseNullDate(day); err != nil {
		return p, err
	}
	if p.PublishedOn, err = parseNullDate(pubOn); err != nil {
		return p, err
	}
	if p.SeriesDate, err = parseNullDate(seriesDate); err != nil {
		return p, err
	}
	if clock.Valid {
		c, err := ParseClock(clock.String)
		if err != nil {
			return p, fmt.Errorf("post %d: stored time %q: %w", p.ID, clock.String, err)
		}
		p.Time = &c
	}
	p.Created, _ = time.Parse(time.RFC3339, created)
	p.Updated, _ = time.Parse(time.RFC3339, updated)
	return p, nil
}

func parseNullDate(s sql.NullString) (*calendar.Date, error) {
	if !s.Valid {
		return nil, nil
	}
	d, err := calendar.ParseDate(s.String)
	if err != nil {
		return nil, fmt.Errorf("stored date %q: %w", s.String, err)
	}
	return &d, nil
}

func getPost(ctx context.Context, q queryer, id int64) (Post, error) {
	p, err := scanPost(q.QueryRowContext(ctx, `SELECT `+postColumns+` FROM posts WHERE id = ?`, id).Scan)
	if err != nil {
		return p, notFound("post", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT `+postChannelColumns+` FROM post_channels pc JOIN channels c ON c.id = pc.channel_id
		WHERE pc.post_id = ? ORDER BY c.position, c.id`, id)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanPostChannel(rows.Scan, p.Zone)
		if err != nil {
			return p, err
		}
		p.Channels = append(p.Channels, c)
	}
	return p, rows.Err()
}

// PostsBetween returns the dated posts from..to (both inclusive) in date and
// time order, with their channels: two queries, whatever the count.
func (w *Workspace) PostsBetween(ctx context.Context, from, to calendar.Date) ([]Post, error) {
	rows, err := w.reader().QueryContext(ctx, `SELECT `+postColumns+` FROM posts WHERE day BETWEEN ? AND ? ORDER BY day, time IS NOT NULL, time, id`,
		from.ISO(), to.ISO())
	if err != nil {
		return nil, w.fault("read posts", err)
	}
	var out []Post
	index := map[int64]int{}
	for rows.Next() {
		p, err := scanPost(rows.Scan)
		if err != nil {
			rows.Close()
			return nil, w.fault("read posts", err)
		}
		index[p.ID] = len(out)
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, w.fault("read posts", err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	crows, err := w.reader().QueryContext(ctx, `SELECT pc.post_id, p.zone, `+postChannelColumns+` FROM post_channels pc
		JOIN posts p ON p.id = pc.post_id JOIN channels c ON c.id = pc.channel_id
		WHERE p.day BETWEEN ? AND ? ORDER BY c.position, c.id`, from.ISO(), to.ISO())
	if err != nil {
		return nil, w.fault("read post channels", err)
	}
	defer crows.Close()
	for crows.Next() {
		var pid int64
		var zone string
		c, err := scanPostChannelIn(crows, &pid, &zone)
		if err != nil {
			return nil, w.fault("read post channels", err)
		}
		if i, ok := index[pid]; ok {
			out[i].Channels = append(out[i].Channels, c)
		}
	}
	return out, w.fault("read post channels", crows.Err())
}

// Ideas returns up to limit posts without a date, most recently changed first.
func (w *Workspace) Ideas(ctx context.Context, limit int) ([]Post, error) {
	out, err := queryPosts(ctx, w.reader(), `SELECT `+postColumns+` FROM posts WHERE day IS NULL ORDER BY updated_at DESC, id DESC LIMIT ?`, limit)
	return out, w.fault("read ideas", err)
}

// queryPosts runs query, which must select postColumns, and fills in the
// channels of every post with one more query, whatever the count.
func queryPosts(ctx context.Context, q queryer, query string, args ...any) ([]Post, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var out []Post
	for rows.Next() {
		p, err := scanPost(rows.Scan)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, fillChannels(ctx, q, out)
}

// fillChannels reads the channels of posts in one query. The ids go in as
// one JSON array, so the statement is the same for any number of posts.
// A link to a channel that is gone is skipped.
func fillChannels(ctx context.Context, q queryer, posts []Post) error {
	if len(posts) == 0 {
		return nil
	}
	index := make(map[int64]int, len(posts))
	var ids strings.Builder
	ids.WriteByte('[')
	for i, p := range posts {
		if i > 0 {
			ids.WriteByte(',')
		}
		ids.WriteString(strconv.FormatInt(p.ID, 10))
		index[p.ID] = i
		posts[i].Channels = nil
	}
	ids.WriteByte(']')
	rows, err := q.QueryContext(ctx, `SELECT pc.post_id, p.zone, `+postChannelColumns+` FROM post_channels pc
		JOIN posts p ON p.id = pc.post_id JOIN channels c ON c.id = pc.channel_id
		WHERE pc.post_id IN (SELECT value FROM json_each(?)) ORDER BY c.position, c.id`, ids.String())
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var pid int64
		var zone string
		c, err := scanPostChannelIn(rows, &pid, &zone)
		if err != nil {
			return err
		}
		if i, ok := index[pid]; ok {
			posts[i].Channels = append(posts[i].Channels, c)
		}
	}
	return rows.Err()
}
