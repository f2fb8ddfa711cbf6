package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"feedtakt/data/calendar"

	sqlite3 "modernc.org/sqlite/lib"
)

// Series (Serie) is a recurring format such as "Azubi-Dienstag": every
// Tuesday at 10:00 on Instagram and Facebook, topic Ausbildung & Karriere.
// Its slots are computed from Rule, not stored; filling a slot (FillSlot)
// makes a draft post that remembers the series and the slot's day. Changing
// a series therefore moves only the slots that are not filled yet; posts
// made from it stay as they are.
type Series struct {
	ID    int64
	Title string
	// Caption and Notes are copied into every post made from a slot, e.g. a
	// fixed hashtag line or a reminder of what the format needs.
	Caption  string
	Notes    string
	TopicID  int64   // 0 = no topic
	Channels []int64 // channel IDs, in the order chosen
	// TemplateID names the caption template its slots start from (0 =
	// none): see FillSlot.
	TemplateID int64
	// Rule says which days get a slot and at what local time. Interval 0
	// is stored as 1; Rule.End nil and Rule.Count 0 mean the series runs
	// until it is ended.
	Rule    calendar.Recurrence
	Zone    string // "" = DefaultZone
	Created time.Time
	Updated time.Time
}

// Slot is a day of a series that no post fills yet. It carries what a post
// made from it gets, so a calendar can draw it without asking again.
type Slot struct {
	SeriesID int64
	Title    string
	Date     calendar.Date
	Time     Clock
	Zone     string
	TopicID  int64
	Channels []int64
	// Note says which moment was chosen when Time does not exist on Date or
	// exists twice (clock change); see calendar.LocalTime. Otherwise the
	// zero Message.
	Note calendar.Message
}

// When returns the slot's moment in its zone and the DST note, as
// Post.When does for a post.
func (s Slot) When() (time.Time, calendar.Message) {
	loc, err := time.LoadLocation(s.Zone)
	if err != nil {
		loc = WorkspaceZone()
	}
	return calendar.LocalTime(s.Date, s.Time.Hour, s.Time.Minute, loc)
}

// Limits of a series beyond those of calendar.Recurrence.
const (
	MaxSeriesInterval = 52   // every 52 weeks or months at most
	MaxSeriesCount    = 1000 // slots of a series with a count
)

func (s *Series) validate() error {
	if err := checkTexts(&s.Title, &s.Caption, &s.Notes, "Please give the series a title."); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, id := range s.Channels {
		if seen[id] {
			return invalid("channels", "A channel is listed twice.")
		}
		seen[id] = true
	}
	if s.Zone == "" {
		s.Zone = DefaultZone
	}
	if _, err := time.LoadLocation(s.Zone); err != nil {
		return invalid("zone", "Unknown time zone.")
	}
	var err error
	s.Rule, err = CheckSeriesRule(s.Rule)
	return err
}

// checkRule lets calendar.Recurrence decide whether the rule is valid and
// words the problem as a translation key with the field it belongs to.
func checkRule(r calendar.Recurrence) error {
	if err := r.Validate(); err != nil {
		if e := ruleShapeProblem(r); e != nil {
			return e
		}
		if e := ruleRangeProblem(r); e != nil {
			return e
		}
		return invalid("repeat", "The repetition of the series is not valid.")
	}
	switch {
	case r.Interval > MaxSeriesInterval:
		return invalidArgs("interval", "The interval must be between 1 and {{.Max}}.", map[string]any{"Max": MaxSeriesInterval})
	case r.Count > MaxSeriesCount:
		return invalidArgs("count", "The number of dates must be between 0 and {{.Max}}.", map[string]any{"Max": MaxSeriesCount})
	case !inYearRange(r.Start):
		return invalidArgs("start", "The date must lie between {{.Min}} and {{.Max}}.", dateRangeArgs)
	case r.End != nil && !inYearRange(*r.End):
		return invalidArgs("end", "The date must lie between {{.Min}} and {{.Max}}.", dateRangeArgs)
	}
	return nil
}

// ruleShapeProblem names what is wrong with how a rejected rule repeats:
// kind, interval, weekday or which weekday of the month.
func ruleShapeProblem(r calendar.Recurrence) error {
	switch {
	case r.Kind != calendar.Weekly && r.Kind != calendar.MonthlyNth:
		return invalid("repeat", "Please choose how the series repeats: weekly or monthly.")
	case r.Interval < 0:
		return invalidArgs("interval", "The interval must be between 1 and {{.Max}}.", map[string]any{"Max": MaxSeriesInterval})
	case r.Weekday < time.Sunday || r.Weekday > time.Saturday:
		return invalid("weekday", "Please choose a weekday.")
	case r.Kind == calendar.MonthlyNth && (r.Nth < 1 || r.Nth > 5) && r.Nth != -1:
		return invalid("nth", "Please choose the 1st to 5th or the last weekday of the month.")
	}
	return nil
}

// ruleRangeProblem names what is wrong with when a rejected rule runs:
// start, end, number of dates or time of day.
func ruleRangeProblem(r calendar.Recurrence) error {
	switch {
	case r.Start.IsZero():
		return invalid("start", "Please give the series a start date.")
	case !r.Start.Valid():
		return invalidArgs("start", "The date must lie between {{.Min}} and {{.Max}}.", dateRangeArgs)
	case r.End != nil && !r.End.Valid():
		return invalidArgs("end", "The date must lie between {{.Min}} and {{.Max}}.", dateRangeArgs)
	case r.End != nil && r.End.Before(r.Start):
		return invalid("end", "The series ends before it starts.")
	case r.Count < 0:
		return invalidArgs("count", "The number of dates must be between 0 and {{.Max}}.", map[string]any{"Max": MaxSeriesCount})
	case r.Hour < 0 || r.Hour > 23 || r.Minute < 0 || r.Minute > 59:
		return invalid("time", "The time must be written as HH:MM, e.g. 09:30.")
	}
	return nil
}

// dateRangeArgs fill "The date must lie between {{.Min}} and {{.Max}}.".
var dateRangeArgs = map[string]any{"Min": MinYear, "Max": MaxYear}

func inYearRange(d calendar.Date) bool {
	return d.Valid() && d.Year >= MinYear && d.Year <= MaxYear
}

// firstDay and lastDay bound every date the workspace plans with.
var (
	firstDay = calendar.Date{Year: MinYear, Month: time.January, Day: 1}
	lastDay  = calendar.Date{Year: MaxYear, Month: time.December, Day: 31}
)

// clampRange limits from..to to the years a post may have; ok is false
// when nothing of the range is left.
func clampRange(from, to calendar.Date) (calendar.Date, calendar.Date, bool) {
	if from.Before(firstDay) {
		from = firstDay
	}
	if to.After(lastDay) {
		to = lastDay
	}
	return from, to, from.Valid() && to.Valid() && !to.Before(from)
}

var kindNames = map[calendar.RecurrenceKind]string{calendar.Weekly: "weekly", calendar.MonthlyNth: "monthly"}

func (s Series) describe() string { return fmt.Sprintf("„%s“ (%s)", Ellipsis(s.Title, 80), s.Rule) }

// SaveSeries inserts s (ID 0) or updates it; s.ID is set on insert. An
// update moves the series' unfilled slots to the new rule; posts already
// made from it keep their day, time, channels and text.
func (w *Workspace) SaveSeries(ctx context.Context, s *Series) error {
	if err := s.validate(); err != nil {
		return err
	}
	return w.write(ctx, "save series", func(tx *sql.Tx) error { return w.saveSeries(ctx, tx, s, "") })
}

// saveSeries stores a validated s inside tx; note is added to the change
// log's line.
func (w *Workspace) saveSeries(ctx context.Context, tx *sql.Tx, s *Series, note string) error {
	if s.TemplateID != 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM templates WHERE id = ? AND kind = ?`, s.TemplateID, KindCaption).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalid("template", "The chosen caption template no longer exists.")
		}
	}
	if s.TopicID != 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM topics WHERE id = ?`, s.TopicID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalid("topic", "The chosen topic no longer exists.")
		}
	}
	now := w.timestamp()
	clock := Clock{s.Rule.Hour, s.Rule.Minute}.String()
	args := []any{s.Title, s.Caption, s.Notes, nullID(s.TopicID), kindNames[s.Rule.Kind], s.Rule.Interval, int(s.Rule.Weekday),
		s.Rule.Nth, s.Rule.Start.ISO(), nullDate(s.Rule.End), s.Rule.Count, clock, s.Zone, nullID(s.TemplateID), now}
	action, verb := "update", "geändert"
	if s.ID == 0 {
		action, verb = "create", "angelegt"
		err := tx.QueryRowContext(ctx, `INSERT INTO series (title, caption, notes, topic_id, kind, interval, weekday, nth, start_day, end_day, count, time, zone,
			template_id, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, append(args, now)...).Scan(&s.ID)
		if err != nil {
			return err
		}
		s.Created, _ = time.Parse(time.RFC3339, now)
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE series SET title = ?, caption = ?, notes = ?, topic_id = ?, kind = ?, interval = ?, weekday = ?,
			nth = ?, start_day = ?, end_day = ?, count = ?, time = ?, zone = ?, template_id = ?, updated_at = ? WHERE id = ?`, append(args, s.ID)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("series %d: %w", s.ID, ErrNotFound)
		}
	}
	s.Updated, _ = time.Parse(time.RFC3339, now)
	if _, err := tx.ExecContext(ctx, `DELETE FROM series_channels WHERE series_id = ?`, s.ID); err != nil {
		return err
	}
	for _, c := range s.Channels {
		if _, err := tx.ExecContext(ctx, `INSERT INTO series_channels (series_id, channel_id) VALUES (?, ?)`, s.ID, c); err != nil {
			if isConstraint(err, sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY) {
				return invalid("channels", "One of the chosen channels no longer exists.")
			}
			return err
		}
	}
	return w.logChange(ctx, tx, action, "series", s.ID, "Serie "+s.describe()+" "+verb+note)
}

// DeleteSeries removes a series and its unfilled slots. Posts made from it
// stay in the plan as ordinary posts.
func (w *Workspace) DeleteSeries(ctx context.Context, id int64) error {
	return w.write(ctx, "delete series", func(tx *sql.Tx) error {
		s, err := getSeries(ctx, tx, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE posts SET series_id = NULL, series_date = NULL WHERE series_id = ?`, id)
		if err != nil {
			return err
		}
		kept, _ := res.RowsAffected()
		if _, err := tx.ExecContext(ctx, `DELETE FROM series WHERE id = ?`, id); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "delete", "series", id, fmt.Sprintf("Serie %s gelöscht; %d Beiträge daraus bleiben erhalten", s.describe(), kept))
	})
}

const seriesColumns = `id, title, caption, notes, coalesce(topic_id, 0), kind, interval, weekday, nth, start_day, end_day, count, time, zone,
	coalesce(template_id, 0), created_at, updated_at`

func scanSeries(scan func(...any) error) (Series, error) {
	var s Series
	var kind, start, clock, created, updated string
	var end sql.NullString
	var weekday int
	if err := scan(&s.ID, &s.Title, &s.Caption, &s.Notes, &s.TopicID, &kind, &s.Rule.Interval, &weekday, &s.Rule.Nth,
		&start, &end, &s.Rule.Count, &clock, &s.Zone, &s.TemplateID, &created, &updated); err != nil {
		return s, err
	}
	s.Rule.Weekday = time.Weekday(weekday)
	s.Rule.Kind = calendar.Weekly
	if kind == kindNames[calendar.MonthlyNth] {
		s.Rule.Kind = calendar.MonthlyNth
	}
	var err error
	if s.Rule.Start, err = calendar.ParseDate(start); err != nil {
		return s, fmt.Errorf("series %d: stored start %q: %w", s.ID, start, err)
	}
	if s.Rule.End, err = parseNullDate(end); err != nil {
		return s, fmt.Errorf("series %d: %w", s.ID, err)
	}
	c, err := ParseClock(clock)
	if err != nil {
		return s, fmt.Errorf("series %d: stored time %q: %w", s.ID, clock, err)
	}
	s.Rule.Hour, s.Rule.Minute = c.Hour, c.Minute
	s.Created, _ = time.Parse(time.RFC3339, created)
	s.Updated, _ = time.Parse(time.RFC3339, updated)
	return s, nil
}

// seriesChannels reads the channels of every series at once (channels in
// display order), keyed by series ID.
func seriesChannels(ctx context.Context, q queryer, where string, args ...any) (map[int64][]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT sc.series_id, sc.channel_id FROM series_channels sc JOIN channels c ON c.id = sc.channel_id
		`+where+` ORDER BY c.position, c.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[int64][]int64{}
	for rows.Next() {
		var sid, cid int64
		if err := rows.Scan(&sid, &cid); err != nil {
			return nil, err
		}
		m[sid] = append(m[sid], cid)
	}
	return m, rows.Err()
}

func getSeries(ctx context.Context, q queryer, id int64) (Series, error) {
	s, err := scanSeries(q.QueryRowContext(ctx, `SELECT `+seriesColumns+` FROM series WHERE id = ?`, id).Scan)
	if err != nil {
		return s, notFound("series", id, err)
	}
	chans, err := seriesChannels(ctx, q, `WHERE sc.series_id = ?`, id)
	if err != nil {
		return s, err
	}
	s.Channels = chans[id]
	return s, nil
}

func allSeries(ctx context.Context, q queryer) ([]Series, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+seriesColumns+` FROM series ORDER BY title COLLATE NOCASE, id`)
	if err != nil {
		return nil, err
	}
	var out []Series
	for rows.Next() {
		s, err := scanSeries(rows.Scan)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	chans, err := seriesChannels(ctx, q, "")
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Channels = chans[out[i].ID]
	}
	return out, nil
}

// Series returns every series, by title.
func (w *Workspace) Series(ctx context.Context) ([]Series, error) {
	out, err := allSeries(ctx, w.reader())
	return out, w.fault("read series", err)
}

// SeriesSlots returns the unfilled slots of all series from from to to
// (both included), in date and time order. Slots before today are left
// out: a slot nobody filled in time is gone, not a task.
func (w *Workspace) SeriesSlots(ctx context.Context, from, to calendar.Date) ([]Slot, error) {
	out, err := w.seriesSlots(ctx, w.reader(), from, to)
	return out, w.fault("read series slots", err)
}

func (w *Workspace) seriesSlots(ctx context.Context, q queryer, from, to calendar.Date) ([]Slot, error) {
	if today := w.Today(); from.Before(today) {
		from = today
	}
	from, to, ok := clampRange(from, to)
	if !ok {
		return nil, nil
	}
	all, err := allSeries(ctx, q)
	if err != nil || len(all) == 0 {
		return nil, err
	}
	type slotKey struct {
		series int64
		day    string
	}
	filled := map[slotKey]bool{}
	rows, err := q.QueryContext(ctx, `SELECT series_id, series_date FROM posts WHERE series_id IS NOT NULL AND series_date BETWEEN ? AND ?`,
		from.ISO(), to.ISO())
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var k slotKey
		if err := rows.Scan(&k.series, &k.day); err != nil {
			rows.Close()
			return nil, err
		}
		filled[k] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []Slot
	for _, s := range all {
		for _, d := range s.Rule.Occurrences(from, to) {
			if filled[slotKey{s.ID, d.ISO()}] {
				continue
			}
			sl := Slot{SeriesID: s.ID, Title: s.Title, Date: d, Time: Clock{s.Rule.Hour, s.Rule.Minute},
				Zone: s.Zone, TopicID: s.TopicID, Channels: slices.Clone(s.Channels)}
			_, sl.Note = sl.When()
			out = append(out, sl)
		}
	}
	slices.SortStableFunc(out, func(a, b Slot) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Time.String(), b.Time.String())
	})
	return out, nil
}

// FillSlot turns a slot into a draft post: the series' title, text, notes,
// channels, topic and time on the slot's day. A series that names a caption
// template starts the post from it instead: the template's title (the
// series' title when it has none), its text, its own texts for those of
// the post's channels it has one for, its hashtag set, and the post
// remembers the template; the topic is the series', else the template's.
// Placeholders stay in the texts (see package caption). The current rule decides, so
// a slot from a calendar drawn before the series was changed is refused
// rather than filled on a day the series no longer has; a slot filled
// meanwhile is refused too.
func (w *Workspace) FillSlot(ctx context.Context, slot Slot) (Post, error) {
	var p Post
	err := w.write(ctx, "fill series slot", func(tx *sql.Tx) error {
		s, err := getSeries(ctx, tx, slot.SeriesID)
		if err != nil {
			return err
		}
		if got := s.Rule.Occurrences(slot.Date, slot.Date); len(got) != 1 {
			return invalid("series", "This day is no longer a date of the series.")
		}
		d := slot.Date
		p = Post{
			Title: s.Title, Caption: s.Caption, Notes: s.Notes,
			Date: &d, Time: &Clock{s.Rule.Hour, s.Rule.Minute}, Zone: s.Zone,
			Status: StatusDraft, TopicID: s.TopicID, SeriesID: s.ID, SeriesDate: &d,
		}
		var tpl Template
		if s.TemplateID != 0 {
			if tpl, err = templateByID(ctx, tx, s.TemplateID); err != nil {
				return err
			}
			if tpl.Title != "" {
				p.Title = tpl.Title
			}
			p.Caption = tpl.Body
			if p.TopicID == 0 {
				p.TopicID = tpl.TopicID
			}
			p.HashtagSetID, p.TemplateID = tpl.HashtagSetID, tpl.ID
		}
		for _, c := range s.Channels {
			own, _ := tpl.Variant(c)
			p.Channels = append(p.Channels, PostChannel{ChannelID: c, Caption: own})
		}
		if err := p.validate(); err != nil {
			return err
		}
		if err := w.insertPost(ctx, tx, &p); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "create", "post", p.ID, "Beitrag "+p.describe()+" aus der Serie „"+Ellipsis(s.Title, 80)+"“ angelegt")
	})
	if err != nil {
		return Post{}, err
	}
	return p, nil
}
