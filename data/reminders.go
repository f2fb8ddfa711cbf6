package data

import (
	"cmp"
	"context"
	"slices"

	"feedtakt/data/calendar"
)

// Reminders of the Einwilligungen: what she should see where she looks
// every day (the calendar's side panel, the Übergabe screen) before it
// becomes a blocked post.

// ReminderKind says what a reminder is about.
type ReminderKind string

// The kinds of reminders, most urgent first.
const (
	// ReminderWithdrawn: a person withdrew and still appears in planned
	// posts.
	ReminderWithdrawn ReminderKind = "withdrawn"
	// ReminderLicenceEnded: an item whose licence ended is still in
	// planned posts.
	ReminderLicenceEnded ReminderKind = "licence-ended"
	// ReminderConsentEnds: a consent ends within ExpiringDays and was not
	// renewed.
	ReminderConsentEnds ReminderKind = "consent-ends"
	// ReminderLicenceEnds: an item's licence ("nutzbar bis") ends within
	// ExpiringDays.
	ReminderLicenceEnds ReminderKind = "licence-ends"
)

func (k ReminderKind) rank() int {
	return slices.Index([]ReminderKind{ReminderWithdrawn, ReminderLicenceEnded, ReminderConsentEnds, ReminderLicenceEnds}, k)
}

// Reminder is one thing to look at: about a person (PersonID, and
// ConsentID for an ending consent) or a Mediathek item (MediaID).
type Reminder struct {
	Kind      ReminderKind
	PersonID  int64
	ConsentID int64
	MediaID   int64
	Name      string        // the person's name or the item's title or file name
	Date      calendar.Date // withdrawn on, ends on, ended on
	// Posts counts the planned posts (not published or discarded, from
	// the day on, and ideas) that use the person's pictures or the item.
	Posts int
}

// Message is the reminder as a sentence, in the plural the number of
// posts needs (one key per form: a Message has no plural of its own).
func (r Reminder) Message() calendar.Message {
	args := map[string]any{"Name": r.Name, "Date": r.Date.String(), "Count": r.Posts}
	pick := func(none, one, many string) calendar.Message {
		switch r.Posts {
		case 0:
			return calendar.Message{Key: none, Args: args}
		case 1:
			return calendar.Message{Key: one, Args: args}
		}
		return calendar.Message{Key: many, Args: args}
	}
	switch r.Kind {
	case ReminderWithdrawn:
		return pick("{{.Name}} withdrew the consent on {{.Date}}.",
			"{{.Name}} withdrew the consent on {{.Date}} and is still shown in 1 planned post.",
			"{{.Name}} withdrew the consent on {{.Date}} and is still shown in {{.Count}} planned posts.")
	case ReminderLicenceEnded:
		return pick("The licence of “{{.Name}}” ended on {{.Date}}.",
			"The licence of “{{.Name}}” ended on {{.Date}}; the picture is still in 1 planned post.",
			"The licence of “{{.Name}}” ended on {{.Date}}; the picture is still in {{.Count}} planned posts.")
	case ReminderConsentEnds:
		return pick("The consent of {{.Name}} ends on {{.Date}}.",
			"The consent of {{.Name}} ends on {{.Date}}; it concerns 1 planned post.",
			"The consent of {{.Name}} ends on {{.Date}}; it concerns {{.Count}} planned posts.")
	}
	return pick("The licence of “{{.Name}}” ends on {{.Date}}.",
		"The licence of “{{.Name}}” ends on {{.Date}}; it concerns 1 planned post.",
		"The licence of “{{.Name}}” ends on {{.Date}}; it concerns {{.Count}} planned posts.")
}

// Reminders lists, on day: people who withdrew (PersonStateOn is
// PersonWithdrawn) and still appear in planned posts; items whose licence
// ended and that are still in planned posts; consents that end within
// ExpiringDays (not withdrawn, and not renewed by a later consent of the
// person that runs longer); and licences that end within ExpiringDays.
// The most urgent come first, then by date.
func (w *Workspace) Reminders(ctx context.Context, day calendar.Date) ([]Reminder, error) {
	out, err := w.reminders(ctx, w.reader(), day)
	return out, w.fault("read reminders", err)
}

func (w *Workspace) reminders(ctx context.Context, q queryer, day calendar.Date) ([]Reminder, error) {
	personPosts, err := countPlanned(ctx, q, day, `SELECT mp.person_id, count(DISTINCT p.id) FROM media_people mp
		JOIN media m ON m.hash = mp.media_hash
		JOIN post_media pm ON pm.media_id = m.id
		JOIN posts p ON p.id = pm.post_id
		WHERE p.status NOT IN ('published', 'discarded') AND (p.day IS NULL OR p.day >= ?)
		GROUP BY mp.person_id`)
	if err != nil {
		return nil, err
	}
	mediaPosts, err := countPlanned(ctx, q, day, `SELECT pm.media_id, count(DISTINCT p.id) FROM post_media pm
		JOIN posts p ON p.id = pm.post_id
		WHERE p.status NOT IN ('published', 'discarded') AND (p.day IS NULL OR p.day >= ?)
		GROUP BY pm.media_id`)
	if err != nil {
		return nil, err
	}
	out, err := w.consentReminders(ctx, q, day, personPosts)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE usable_until IS NOT NULL AND usable_until < ?`,
		day.AddDays(ExpiringDays).ISO())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		m, err := scanMedia(rows)
		if err != nil {
			return nil, err
		}
		r := Reminder{Kind: ReminderLicenceEnds, MediaID: m.ID, Name: PictureName(m), Date: *m.UsableUntil, Posts: mediaPosts[m.ID]}
		if m.UsableUntil.Before(day) {
			if r.Posts == 0 {
				continue // ended and no longer planned: the Mediathek's filter shows it
			}
			r.Kind = ReminderLicenceEnded
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b Reminder) int {
		return cmp.Or(cmp.Compare(a.Kind.rank(), b.Kind.rank()), cmp.Compare(a.Date.ISO(), b.Date.ISO()),
			cmp.Compare(a.Name, b.Name))
	})
	return out, nil
}

// consentReminders are the withdrawn people still planned and the
// consents that end soon.
func (w *Workspace) consentReminders(ctx context.Context, q queryer, day calendar.Date, planned map[int64]int) ([]Reminder, error) {
	consents, err := w.consentsOf(ctx, q, nil)
	if err != nil || len(consents) == 0 {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+personColumns+` FROM people`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Reminder
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, err
		}
		cs := consents[p.ID]
		if PersonStateOn(p, cs, day) == PersonWithdrawn {
			if planned[p.ID] > 0 {
				out = append(out, Reminder{Kind: ReminderWithdrawn, PersonID: p.ID, Name: p.Name, Date: lastWithdrawal(cs), Posts: planned[p.ID]})
			}
			continue
		}
		for _, c := range cs {
			if endsSoon(c, cs, day) {
				out = append(out, Reminder{Kind: ReminderConsentEnds, PersonID: p.ID, ConsentID: c.ID, Name: p.Name,
					Date: *c.ValidUntil, Posts: planned[p.ID]})
			}
		}
	}
	return out, rows.Err()
}

// endsSoon reports whether consent c ends within ExpiringDays of day, is
// in force until then, and no later consent of the person takes over
// (given on or after it, not withdrawn, running longer).
func endsSoon(c Consent, all []Consent, day calendar.Date) bool {
	if c.ValidUntil == nil || c.ValidUntil.Before(day) || c.ValidUntil.Sub(day) >= ExpiringDays ||
		c.GivenOn.After(day) || c.withdrawnOn(all) != nil {
		return false
	}
	return !slices.ContainsFunc(all, func(o Consent) bool {
		return o.ID != c.ID && !o.GivenOn.Before(c.GivenOn) && o.withdrawnOn(all) == nil &&
			(o.ValidUntil == nil || o.ValidUntil.After(*c.ValidUntil))
	})
}

func lastWithdrawal(cs []Consent) calendar.Date {
	var d calendar.Date
	for _, c := range cs {
		if c.Withdrawal != nil && c.Withdrawal.On.After(d) {
			d = c.Withdrawal.On
		}
	}
	return d
}

// countPlanned runs a query of (id, count) with the day as its one
// argument.
func countPlanned(ctx context.Context, q queryer, day calendar.Date, query string) (map[int64]int, error) {
	rows, err := q.QueryContext(ctx, query, day.ISO())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}
