package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"feedtakt/assets/actiondays"
	"feedtakt/data/calendar"
)

// OwnDate is one of the authority's own dates that gives a reason to post:
// Tag der offenen Tür, a council meeting, the end of a participation
// procedure's comment period. LeadDays > 0 puts a reminder that many days
// before it ("2 Wochen vorher planen" is 14).
type OwnDate struct {
	ID       int64
	Date     calendar.Date
	Name     string
	Note     string
	LeadDays int
}

// QuietPeriod is a span of days in which nothing may be posted, such as
// the pre-election period or state mourning; From and To are included.
// Posts planned inside one are marked with Note (see QuietConflicts).
type QuietPeriod struct {
	ID   int64
	From calendar.Date
	To   calendar.Date
	Note string
}

// Period returns q as the calendar package's rule.
func (q QuietPeriod) Period() calendar.QuietPeriod {
	return calendar.QuietPeriod{From: q.From, To: q.To, Note: q.Note}
}

// Limits of own dates and quiet periods.
const (
	MaxLeadDays      = 365
	maxDateNote      = 2000
	maxActionDayText = 1 << 20
)

func (d *OwnDate) validate() error {
	var err error
	if d.Name, err = checkName("name", d.Name, MaxTitle); err != nil {
		return err
	}
	d.Note = strings.TrimSpace(d.Note)
	if utf8.RuneCountInString(d.Note) > maxDateNote {
		return invalid("note", "The note is too long.")
	}
	if !utf8.ValidString(d.Name + d.Note) {
		return invalid("note", "The text contains invalid characters.")
	}
	if err := checkControl("note", &d.Note, true); err != nil {
		return err
	}
	if !inYearRange(d.Date) {
		return invalidArgs("date", "The date must lie between {{.Min}} and {{.Max}}.", dateRangeArgs)
	}
	if d.LeadDays < 0 || d.LeadDays > MaxLeadDays {
		return invalidArgs("lead", "The reminder must lie between 0 and {{.Max}} days before the date.", map[string]any{"Max": MaxLeadDays})
	}
	return nil
}

// SaveOwnDate inserts d (ID 0) or updates it; d.ID is set on insert.
func (w *Workspace) SaveOwnDate(ctx context.Context, d *OwnDate) error {
	if err := d.validate(); err != nil {
		return err
	}
	return w.write(ctx, "save date", func(tx *sql.Tx) error {
		now := w.timestamp()
		what := fmt.Sprintf("Termin „%s“ am %s", Ellipsis(d.Name, 80), d.Date)
		if d.LeadDays > 0 {
			what += fmt.Sprintf(" (Erinnerung %d Tage vorher)", d.LeadDays)
		}
		if d.ID == 0 {
			err := tx.QueryRowContext(ctx, `INSERT INTO own_dates (day, name, note, lead_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
				d.Date.ISO(), d.Name, d.Note, d.LeadDays, now, now).Scan(&d.ID)
			if err != nil {
				return err
			}
			return w.logChange(ctx, tx, "create", "date", d.ID, what+" angelegt")
		}
		res, err := tx.ExecContext(ctx, `UPDATE own_dates SET day = ?, name = ?, note = ?, lead_days = ?, updated_at = ? WHERE id = ?`,
			d.Date.ISO(), d.Name, d.Note, d.LeadDays, now, d.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("date %d: %w", d.ID, ErrNotFound)
		}
		return w.logChange(ctx, tx, "update", "date", d.ID, what+" geändert")
	})
}

// DeleteOwnDate removes an own date.
func (w *Workspace) DeleteOwnDate(ctx context.Context, id int64) error {
	return w.write(ctx, "delete date", func(tx *sql.Tx) error {
		var name, day string
		if err := tx.QueryRowContext(ctx, `SELECT name, day FROM own_dates WHERE id = ?`, id).Scan(&name, &day); err != nil {
			return notFound("date", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM own_dates WHERE id = ?`, id); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "delete", "date", id, fmt.Sprintf("Termin „%s“ am %s gelöscht", Ellipsis(name, 80), isoToGerman(day)))
	})
}

func isoToGerman(iso string) string {
	if d, err := calendar.ParseDate(iso); err == nil {
		return d.String()
	}
	return iso
}

// OwnDates returns the own dates from from to to (both included), by date.
func (w *Workspace) OwnDates(ctx context.Context, from, to calendar.Date) ([]OwnDate, error) {
	out, err := ownDates(ctx, w.reader(), from, to)
	return out, w.fault("read dates", err)
}

func ownDates(ctx context.Context, q queryer, from, to calendar.Date) ([]OwnDate, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, day, name, note, lead_days FROM own_dates WHERE day BETWEEN ? AND ? ORDER BY day, name, id`,
		from.ISO(), to.ISO())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OwnDate
	for rows.Next() {
		var d OwnDate
		var day string
		if err := rows.Scan(&d.ID, &day, &d.Name, &d.Note, &d.LeadDays); err != nil {
			return nil, err
		}
		if d.Date, err = calendar.ParseDate(day); err != nil {
			return nil, fmt.Errorf("date %d: stored day %q: %w", d.ID, day, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func (q *QuietPeriod) validate() error {
	if err := q.Period().Validate(); err != nil {
		switch {
		case q.From.IsZero() || q.To.IsZero():
			return invalid("from", "Please enter the first and the last day.")
		case !q.From.Valid():
			return invalidArgs("from", "The date must lie between {{.Min}} and {{.Max}}.", dateRangeArgs)
		case !q.To.Valid():
			return invalidArgs("to", "The date must lie between {{.Min}} and {{.Max}}.", dateRangeArgs)
		case q.To.Before(q.From):
			return invalid("to", "The quiet period ends before it starts.")
		}
		return invalid("from", "The quiet period is not valid.")
	}
	if !inYearRange(q.From) {
		return invalidArgs("from", "The date must lie between {{.Min}} and {{.Max}}.", dateRangeArgs)
	}
	if !inYearRange(q.To) {
		return invalidArgs("to", "The date must lie between {{.Min}} and {{.Max}}.", dateRangeArgs)
	}
	q.Note = strings.TrimSpace(q.Note)
	if q.Note == "" {
		return invalid("note", "Please note why nothing may be posted in this period.")
	}
	if utf8.RuneCountInString(q.Note) > maxDateNote {
		return invalid("note", "The note is too long.")
	}
	if !utf8.ValidString(q.Note) {
		return invalid("note", "The text contains invalid characters.")
	}
	if err := checkControl("note", &q.Note, true); err != nil {
		return err
	}
	return nil
}

func (q QuietPeriod) describe() string {
	return fmt.Sprintf("Ruhezeit %s–%s („%s“)", q.From, q.To, Ellipsis(q.Note, 80))
}

// SaveQuietPeriod inserts q (ID 0) or updates it; q.ID is set on insert.
func (w *Workspace) SaveQuietPeriod(ctx context.Context, q *QuietPeriod) error {
	if err := q.validate(); err != nil {
		return err
	}
	return w.write(ctx, "save quiet period", func(tx *sql.Tx) error {
		now := w.timestamp()
		if q.ID == 0 {
			err := tx.QueryRowContext(ctx, `INSERT INTO quiet_periods (from_day, to_day, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
				q.From.ISO(), q.To.ISO(), q.Note, now, now).Scan(&q.ID)
			if err != nil {
				return err
			}
			return w.logChange(ctx, tx, "create", "quiet_period", q.ID, q.describe()+" angelegt")
		}
		res, err := tx.ExecContext(ctx, `UPDATE quiet_periods SET from_day = ?, to_day = ?, note = ?, updated_at = ? WHERE id = ?`,
			q.From.ISO(), q.To.ISO(), q.Note, now, q.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("quiet period %d: %w", q.ID, ErrNotFound)
		}
		return w.logChange(ctx, tx, "update", "quiet_period", q.ID, q.describe()+" geändert")
	})
}

// DeleteQuietPeriod removes a quiet period.
func (w *Workspace) DeleteQuietPeriod(ctx context.Context, id int64) error {
	return w.write(ctx, "delete quiet period", func(tx *sql.Tx) error {
		qs, err := quietPeriods(ctx, tx, `WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if len(qs) == 0 {
			return fmt.Errorf("quiet period %d: %w", id, ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM quiet_periods WHERE id = ?`, id); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "delete", "quiet_period", id, qs[0].describe()+" gelöscht")
	})
}

// QuietPeriods returns every quiet period, by first day.
func (w *Workspace) QuietPeriods(ctx context.Context) ([]QuietPeriod, error) {
	out, err := quietPeriods(ctx, w.reader(), "")
	return out, w.fault("read quiet periods", err)
}

// quietBetween returns the quiet periods that share a day with from..to.
func quietBetween(ctx context.Context, q queryer, from, to calendar.Date) ([]QuietPeriod, error) {
	return quietPeriods(ctx, q, `WHERE from_day <= ? AND to_day >= ?`, to.ISO(), from.ISO())
}

func quietPeriods(ctx context.Context, q queryer, where string, args ...any) ([]QuietPeriod, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, from_day, to_day, note FROM quiet_periods `+where+` ORDER BY from_day, to_day, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []QuietPeriod
	for rows.Next() {
		var p QuietPeriod
		var from, to string
		if err := rows.Scan(&p.ID, &from, &to, &p.Note); err != nil {
			return nil, err
		}
		if p.From, err = calendar.ParseDate(from); err != nil {
			return nil, fmt.Errorf("quiet period %d: %w", p.ID, err)
		}
		if p.To, err = calendar.ParseDate(to); err != nil {
			return nil, fmt.Errorf("quiet period %d: %w", p.ID, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// QuietConflict is a post planned inside a quiet period.
type QuietConflict struct {
	PostID   int64
	Date     calendar.Date
	PeriodID int64
	Note     string // the quiet period's note, to show on the post
}

// QuietConflicts returns the posts from from to to that lie in a quiet
// period, by date. Discarded posts do not count; published ones do (they
// went out when they should not have). A post in two overlapping periods
// appears once for each.
func (w *Workspace) QuietConflicts(ctx context.Context, from, to calendar.Date) ([]QuietConflict, error) {
	rows, err := w.reader().QueryContext(ctx, `SELECT p.id, p.day, q.id, q.note FROM posts p
		JOIN quiet_periods q ON p.day BETWEEN q.from_day AND q.to_day
		WHERE p.day BETWEEN ? AND ? AND p.status != 'discarded'
		ORDER BY p.day, p.time IS NOT NULL, p.time, p.id, q.from_day, q.id`, from.ISO(), to.ISO())
	if err != nil {
		return nil, w.fault("read quiet conflicts", err)
	}
	defer rows.Close()
	var out []QuietConflict
	for rows.Next() {
		var c QuietConflict
		var day string
		if err := rows.Scan(&c.PostID, &day, &c.PeriodID, &c.Note); err != nil {
			return nil, w.fault("read quiet conflicts", err)
		}
		if c.Date, err = calendar.ParseDate(day); err != nil {
			return nil, w.fault("read quiet conflicts", err)
		}
		out = append(out, c)
	}
	return out, w.fault("read quiet conflicts", rows.Err())
}

const keyActionDays = "action_days"

// ActionDayText returns the workspace's action-day list (the shipped list
// until someone saves their own) and the lines that could not be read.
// Good lines count even when others have errors.
func (w *Workspace) ActionDayText(ctx context.Context) (string, []calendar.ParseError, error) {
	text, err := actionDayText(ctx, w.reader())
	if err != nil {
		return "", nil, w.fault("read action days", err)
	}
	_, errs := calendar.ParseActionDays(text)
	return text, errs, nil
}

func actionDayText(ctx context.Context, q queryer) (string, error) {
	var text string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, keyActionDays).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return string(actiondays.Default), nil
	}
	return text, err
}

// SaveActionDayText stores the action-day list as typed (Windows line ends
// become \n), also when some lines have errors, so nothing typed is lost;
// the errors come back for the screen to point at, and the good lines are
// used meanwhile. An empty text is an empty list; ResetActionDayText brings
// back the shipped one.
func (w *Workspace) SaveActionDayText(ctx context.Context, text string) ([]calendar.ParseError, error) {
	if len(text) > maxActionDayText {
		return nil, invalid("action_days", "The list of action days is too long.")
	}
	if !utf8.ValidString(text) {
		return nil, invalid("action_days", "The text contains invalid characters.")
	}
	if err := checkControl("action_days", &text, true); err != nil {
		return nil, err
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	rules, errs := calendar.ParseActionDays(text)
	err := w.write(ctx, "save action days", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
			keyActionDays, text); err != nil {
			return err
		}
		summary := fmt.Sprintf("Liste der Aktionstage geändert (%d Einträge", len(rules))
		if len(errs) > 0 {
			summary += fmt.Sprintf(", %d Zeilen fehlerhaft", len(errs))
		}
		return w.logChange(ctx, tx, "update", "settings", 0, summary+")")
	})
	if err != nil {
		return nil, err
	}
	return errs, nil
}

// ResetActionDayText goes back to the list shipped with the app.
func (w *Workspace) ResetActionDayText(ctx context.Context) error {
	return w.write(ctx, "reset action days", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, keyActionDays); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "update", "settings", 0, "Liste der Aktionstage auf die mitgelieferte zurückgesetzt")
	})
}

// DayMarkKind says what a DayMark is.
type DayMarkKind string

// The kinds of DayMark, in the order a day lists them.
const (
	MarkQuiet           DayMarkKind = "quiet"            // inside a quiet period: Label is its note
	MarkHoliday         DayMarkKind = "holiday"          // public holiday of the whole Land
	MarkRegionalHoliday DayMarkKind = "regional_holiday" // holiday in part of the Land; Note says where
	MarkOwnDate         DayMarkKind = "own_date"         // one of the authority's own dates
	MarkReminder        DayMarkKind = "reminder"         // LeadDays before an own date: plan for it now
	MarkActionDay       DayMarkKind = "action_day"       // a day from the action-day list
)

var markOrder = []DayMarkKind{MarkQuiet, MarkHoliday, MarkRegionalHoliday, MarkOwnDate, MarkReminder, MarkActionDay}

// DayMark is something a calendar day shows in its header.
type DayMark struct {
	Kind DayMarkKind
	// Label is the name (holiday, action day, own date; for a reminder the
	// own date's name; for a quiet period its note). Names of holidays are
	// German as the law writes them; the rest is what the person typed.
	Label string
	// Note is the extra line: where a regional holiday applies, the
	// action day's hint, the own date's note.
	Note string
	// ID is the own date (MarkOwnDate, MarkReminder) or quiet period
	// (MarkQuiet) to open; 0 otherwise.
	ID int64
	// Due is the own date a reminder points at, LeadDays how far ahead.
	Due      calendar.Date
	LeadDays int
}

// DayMarks returns everything the days from from to to show besides posts:
// public holidays of the workspace's Bundesland (none while no Land is
// chosen), action days, own dates and their reminders, quiet periods. Days
// without marks are absent from the map; each day's marks are in the order
// of the DayMarkKind constants. Days outside 1995–2100 get no marks.
func (w *Workspace) DayMarks(ctx context.Context, from, to calendar.Date) (map[calendar.Date][]DayMark, error) {
	from, to, ok := clampRange(from, to)
	if !ok {
		return map[calendar.Date][]DayMark{}, nil
	}
	marks := map[calendar.Date][]DayMark{}
	add := func(d calendar.Date, m DayMark) { marks[d] = append(marks[d], m) }

	settings, err := w.Settings(ctx)
	if err != nil {
		return nil, err
	}
	if settings.Land.Valid() {
		hs, err := calendar.HolidaysBetween(settings.Land, from, to)
		if err != nil {
			return nil, fmt.Errorf("holidays: %w", err)
		}
		for _, h := range hs {
			kind := MarkHoliday
			if h.Regional {
				kind = MarkRegionalHoliday
			}
			add(h.Date, DayMark{Kind: kind, Label: h.Name, Note: h.Note})
		}
	}

	text, err := actionDayText(ctx, w.reader())
	if err != nil {
		return nil, w.fault("read action days", err)
	}
	rules, _ := calendar.ParseActionDays(text)
	for _, o := range calendar.ActionDays(rules, from, to) {
		add(o.Date, DayMark{Kind: MarkActionDay, Label: o.Name, Note: o.Note})
	}

	// Reminders of dates up to MaxLeadDays after to fall into the range.
	own, err := ownDates(ctx, w.reader(), from, to.AddDays(MaxLeadDays))
	if err != nil {
		return nil, w.fault("read dates", err)
	}
	for _, d := range own {
		if !d.Date.After(to) {
			add(d.Date, DayMark{Kind: MarkOwnDate, Label: d.Name, Note: d.Note, ID: d.ID})
		}
		if d.LeadDays > 0 {
			if r := d.Date.AddDays(-d.LeadDays); !r.Before(from) && !r.After(to) {
				add(r, DayMark{Kind: MarkReminder, Label: d.Name, Note: d.Note, ID: d.ID, Due: d.Date, LeadDays: d.LeadDays})
			}
		}
	}

	quiet, err := quietBetween(ctx, w.reader(), from, to)
	if err != nil {
		return nil, w.fault("read quiet periods", err)
	}
	for _, q := range quiet {
		for d, last := later(q.From, from), earlier(q.To, to); !d.After(last); d = d.AddDays(1) {
			add(d, DayMark{Kind: MarkQuiet, Label: q.Note, ID: q.ID})
		}
	}

	for d, ms := range marks {
		slices.SortStableFunc(ms, func(a, b DayMark) int {
			return slices.Index(markOrder, a.Kind) - slices.Index(markOrder, b.Kind)
		})
		marks[d] = ms
	}
	return marks, nil
}
