package data

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"feedtakt/data/calendar"
)

// ChannelCadence is one channel's tally in one calendar week: how many
// posts are planned against its target (Takt).
//
// A per-week target is compared with the posts of the week. A per-month
// target is not prorated (a week would need "0.9 newsletters"); it is
// compared with the posts of the whole month the week belongs to, which is
// the month of its Thursday, the same rule that gives an ISO week its year.
// So the weeks of one month show the same month tally, and a week that
// straddles two months counts towards the month that holds most of it.
type ChannelCadence struct {
	ChannelID int64
	Period    string // PerWeek or PerMonth, as set on the channel
	Target    int
	// Planned counts the posts on the channel in the week (or month) that
	// are not discarded, whatever their status; a post on two channels
	// counts for both.
	Planned int
	// Slots counts unfilled series slots on the channel in the same span,
	// from today on: the format is planned, only the post is not made yet.
	Slots int
	// Year and Month are the month counted for a per-month target.
	Year  int
	Month time.Month
	// WeekPlanned and WeekSlots count like Planned and Slots but always
	// over the seven days of the week, also for a per-month target, whose
	// Planned and Slots are the month's. A week view shows these as "this
	// week" and the month's Planned+Slots/Target beside them; showing the
	// month's count as the week's was the "Website 7/4" defect.
	WeekPlanned int
	WeekSlots   int
}

// Met reports whether the plan reaches the target, series slots included.
func (c ChannelCadence) Met() bool { return c.Planned+c.Slots >= c.Target }

// WeekCadence is the Takt of one ISO week (KW) for every active channel
// with a target, in channel order.
type WeekCadence struct {
	Year, Week int // ISO year and week number
	Monday     calendar.Date
	Channels   []ChannelCadence
}

// cadenceChannels returns the enabled channels with a target above 0.
func (w *Workspace) cadenceChannels(ctx context.Context) ([]Channel, error) {
	all, err := w.Channels(ctx)
	if err != nil {
		return nil, err
	}
	var out []Channel
	for _, c := range all {
		if !c.Disabled && c.Cadence.Count > 0 {
			out = append(out, c)
		}
	}
	return out, nil
}

// dayCounts maps channel ID → day → number of posts (or slots).
type dayCounts map[int64]map[calendar.Date]int

func (m dayCounts) add(ch int64, d calendar.Date, n int) {
	if m[ch] == nil {
		m[ch] = map[calendar.Date]int{}
	}
	m[ch][d] += n
}

func (m dayCounts) sum(ch int64, from, to calendar.Date) int {
	n := 0
	for d, c := range m[ch] {
		if !d.Before(from) && !d.After(to) {
			n += c
		}
	}
	return n
}

// plannedCounts counts the posts (not discarded) per channel and day from
// from to to. Links to channels that are gone are not counted.
func plannedCounts(ctx context.Context, q queryer, from, to calendar.Date) (dayCounts, error) {
	rows, err := q.QueryContext(ctx, `SELECT pc.channel_id, p.day, count(*) FROM posts p
		JOIN post_channels pc ON pc.post_id = p.id JOIN channels c ON c.id = pc.channel_id
		WHERE p.day BETWEEN ? AND ? AND p.status != 'discarded'
		GROUP BY pc.channel_id, p.day`, from.ISO(), to.ISO())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := dayCounts{}
	for rows.Next() {
		var ch int64
		var day string
		var n int
		if err := rows.Scan(&ch, &day, &n); err != nil {
			return nil, err
		}
		d, err := calendar.ParseDate(day)
		if err != nil {
			return nil, err
		}
		m.add(ch, d, n)
	}
	return m, rows.Err()
}

func (w *Workspace) slotCounts(ctx context.Context, q queryer, from, to calendar.Date) (dayCounts, error) {
	slots, err := w.seriesSlots(ctx, q, from, to)
	if err != nil {
		return nil, err
	}
	m := dayCounts{}
	for _, s := range slots {
		for _, ch := range s.Channels {
			m.add(ch, s.Date, 1)
		}
	}
	return m, nil
}

// Cadence returns, for every ISO week that shares a day with from..to, the
// planned posts of each active channel that has a target, against that
// target (see ChannelCadence for how per-month targets are counted).
// Disabled channels and channels with target 0 are left out.
func (w *Workspace) Cadence(ctx context.Context, from, to calendar.Date) ([]WeekCadence, error) {
	from, to, ok := clampRange(from, to)
	if !ok {
		return nil, nil
	}
	channels, err := w.cadenceChannels(ctx)
	if err != nil {
		return nil, err
	}
	firstMonday, lastMonday := calendar.WeekStart(from), calendar.WeekStart(to)
	// Months are those of the first and last Thursday.
	lo := monthStart(firstMonday.AddDays(3))
	if firstMonday.Before(lo) {
		lo = firstMonday
	}
	hi := monthEnd(lastMonday.AddDays(3))
	if lastSunday := lastMonday.AddDays(6); lastSunday.After(hi) {
		hi = lastSunday
	}
	var planned, slots dayCounts
	if len(channels) > 0 {
		if planned, err = plannedCounts(ctx, w.reader(), lo, hi); err != nil {
			return nil, w.fault("read cadence", err)
		}
		if slots, err = w.slotCounts(ctx, w.reader(), lo, hi); err != nil {
			return nil, w.fault("read cadence", err)
		}
	}
	var out []WeekCadence
	for monday := firstMonday; !monday.After(lastMonday); monday = monday.AddDays(7) {
		wc := WeekCadence{Monday: monday}
		wc.Year, wc.Week = monday.ISOWeek()
		thursday := monday.AddDays(3)
		for _, c := range channels {
			cc := ChannelCadence{ChannelID: c.ID, Period: c.Cadence.Period, Target: c.Cadence.Count}
			spanFrom, spanTo := monday, monday.AddDays(6)
			if c.Cadence.Period == PerMonth {
				cc.Year, cc.Month = thursday.Year, thursday.Month
				spanFrom, spanTo = monthStart(thursday), monthEnd(thursday)
			}
			cc.Planned = planned.sum(c.ID, spanFrom, spanTo)
			cc.Slots = slots.sum(c.ID, spanFrom, spanTo)
			cc.WeekPlanned = planned.sum(c.ID, monday, monday.AddDays(6))
			cc.WeekSlots = slots.sum(c.ID, monday, monday.AddDays(6))
			wc.Channels = append(wc.Channels, cc)
		}
		out = append(out, wc)
	}
	return out, nil
}

func later(a, b calendar.Date) calendar.Date {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b calendar.Date) calendar.Date {
	if a.Before(b) {
		return a
	}
	return b
}

func monthStart(d calendar.Date) calendar.Date {
	return calendar.Date{Year: d.Year, Month: d.Month, Day: 1}
}

func monthEnd(d calendar.Date) calendar.Date {
	return calendar.Date{Year: d.Year, Month: d.Month, Day: calendar.DaysInMonth(d.Year, d.Month)}
}

// Gap is a stretch of days in which a channel has nothing planned for
// longer than its rhythm allows.
type Gap struct {
	ChannelID int64
	// From and To are the empty days still to fill (both included): never
	// before today and never past the range asked for, although the empty
	// stretch that makes it a gap may reach further either way.
	From, To calendar.Date
}

// Days is the number of days from From to To.
func (g Gap) Days() int { return g.To.Sub(g.From) + 1 }

// The rhythm of a target: a stretch of empty days is a gap when
// empty days × target > rhythmDays of its period.
const (
	weekRhythmDays  = 7
	monthRhythmDays = 30
	// gapLookaround is how far before and after the range Gaps looks for
	// the posts that bound a stretch; longer than any rhythm.
	gapLookaround = monthRhythmDays + 1
)

// Gaps returns, for every active channel with a target, the stretches from
// today (or from, if later) to to in which nothing is planned for longer
// than the channel's rhythm: 7/target days for a per-week target (2 per
// week: more than 3.5 empty days), 30/target days for a per-month one.
// Posts not discarded count as planned, and so do unfilled series slots;
// days in a quiet period count as covered, since nothing may go out then.
// The empty stretch is measured from the last planned day, also when that
// lies before today. Gaps come by first day, then in channel order.
func (w *Workspace) Gaps(ctx context.Context, from, to calendar.Date) ([]Gap, error) {
	if today := w.Today(); from.Before(today) {
		from = today
	}
	from, to, ok := clampRange(from, to)
	if !ok {
		return nil, nil
	}
	channels, err := w.cadenceChannels(ctx)
	if err != nil || len(channels) == 0 {
		return nil, err
	}
	lo, hi := from.AddDays(-gapLookaround), to.AddDays(gapLookaround)
	planned, err := plannedCounts(ctx, w.reader(), lo, hi)
	if err != nil {
		return nil, w.fault("read gaps", err)
	}
	slots, err := w.slotCounts(ctx, w.reader(), from, hi)
	if err != nil {
		return nil, w.fault("read gaps", err)
	}
	quiet, err := quietBetween(ctx, w.reader(), lo, hi)
	if err != nil {
		return nil, w.fault("read gaps", err)
	}
	quietDays := map[calendar.Date]bool{}
	for _, q := range quiet {
		for d := later(q.From, lo); !d.After(q.To) && !d.After(hi); d = d.AddDays(1) {
			quietDays[d] = true
		}
	}

	var out []Gap
	for _, c := range channels {
		covered := map[calendar.Date]bool{}
		for d := range planned[c.ID] {
			covered[d] = true
		}
		for d := range slots[c.ID] {
			covered[d] = true
		}
		for d := range quietDays {
			covered[d] = true
		}
		days := make([]calendar.Date, 0, len(covered)+1)
		for d := range covered {
			days = append(days, d)
		}
		days = append(days, hi.AddDays(1)) // nothing known beyond: the stretch runs on
		slices.SortFunc(days, calendar.Date.Compare)

		rhythm := weekRhythmDays
		if c.Cadence.Period == PerMonth {
			rhythm = monthRhythmDays
		}
		prev := lo.AddDays(-1)
		for _, d := range days {
			if d.Before(from) {
				prev = d
				continue
			}
			empty := d.Sub(prev) - 1
			if empty*c.Cadence.Count > rhythm {
				g := Gap{ChannelID: c.ID, From: later(prev.AddDays(1), from), To: earlier(d.AddDays(-1), to)}
				if !g.To.Before(g.From) {
					out = append(out, g)
				}
			}
			prev = d
			if !prev.Before(to) {
				break
			}
		}
	}
	order := map[int64]int{}
	for i, c := range channels {
		order[c.ID] = i
	}
	slices.SortStableFunc(out, func(a, b Gap) int {
		if c := a.From.Compare(b.From); c != 0 {
			return c
		}
		return order[a.ChannelID] - order[b.ChannelID]
	})
	return out, nil
}

// GapIdeas returns up to limit ideas (posts without a date, not discarded)
// to fill gap. Only ideas that fit the gap's channel are offered: those
// already meant for it, and those not meant for any channel yet; an idea
// meant for other channels only is not (it was planned for them). First
// come the ideas meant for the channel, then channel-less ideas of a topic
// the channel carried around that time (90 days before the gap to 30
// after), then the other channel-less ones; newest first within each group.
func (w *Workspace) GapIdeas(ctx context.Context, gap Gap, limit int) ([]Post, error) {
	if limit <= 0 {
		limit = 5
	}
	limit = min(limit, 100)
	out, err := queryPosts(ctx, w.reader(), `SELECT `+postColumns+` FROM posts p WHERE day IS NULL AND status != 'discarded'
		AND (EXISTS (SELECT 1 FROM post_channels pc WHERE pc.post_id = p.id AND pc.channel_id = ?1)
			OR NOT EXISTS (SELECT 1 FROM post_channels pc JOIN channels c ON c.id = pc.channel_id WHERE pc.post_id = p.id))
		ORDER BY CASE
			WHEN EXISTS (SELECT 1 FROM post_channels pc WHERE pc.post_id = p.id AND pc.channel_id = ?1) THEN 0
			WHEN topic_id IN (SELECT q.topic_id FROM posts q JOIN post_channels qc ON qc.post_id = q.id
				WHERE qc.channel_id = ?1 AND q.day BETWEEN ?2 AND ?3 AND q.topic_id IS NOT NULL) THEN 1
			ELSE 2 END,
			updated_at DESC, id DESC
		LIMIT ?4`, gap.ChannelID, gap.From.AddDays(-90).ISO(), gap.To.AddDays(30).ISO(), limit)
	return out, w.fault("read ideas for a gap", err)
}

// PlaceIdea gives a post (usually an idea) a day and optionally a time
// (nil: no time) and adds channels it does not have yet, e.g. the channel
// of the gap it fills. The status follows StatusFor: an idea becomes a
// draft, any other status stays. The change is logged.
func (w *Workspace) PlaceIdea(ctx context.Context, postID int64, date calendar.Date, at *Clock, channels ...int64) error {
	return w.write(ctx, "place idea", func(tx *sql.Tx) error {
		p, err := getPost(ctx, tx, postID)
		if err != nil {
			return err
		}
		old := p
		d := date
		p.Date = &d
		p.Time = nil
		if at != nil {
			c := *at
			p.Time = &c
		}
		p.Channels = append([]PostChannel(nil), old.Channels...)
		for _, ch := range channels {
			if !slices.ContainsFunc(p.Channels, func(pc PostChannel) bool { return pc.ChannelID == ch }) {
				p.Channels = append(p.Channels, PostChannel{ChannelID: ch})
			}
		}
		if err := p.validate(); err != nil {
			return err
		}
		if err := w.updatePost(ctx, tx, &p); err != nil {
			return err
		}
		if approving(&old, p, false) {
			if err := w.checkApproval(ctx, tx, p.ID); err != nil {
				return err
			}
		}
		summary := "Beitrag " + old.describe() + " auf " + p.describeWhen() + " verschoben"
		if old.IsIdea() {
			summary = "Idee „" + Ellipsis(p.Title, 80) + "“ auf " + p.describeWhen() + " gelegt"
		}
		if len(p.Channels) > len(old.Channels) {
			summary += ", Kanal ergänzt"
		}
		return w.logChange(ctx, tx, "update", "post", p.ID, summary)
	})
}

// OpenDrafts returns the open posts ("Offen"): dated from today to days days
// after it (both included) and not yet Freigegeben (idea, draft or
// review), in date and time order. Overdue posts before today are not
// included.
func (w *Workspace) OpenDrafts(ctx context.Context, today calendar.Date, days int) ([]Post, error) {
	days = min(max(days, 0), 366)
	out, err := queryPosts(ctx, w.reader(), `SELECT `+postColumns+` FROM posts
		WHERE day BETWEEN ? AND ? AND status IN ('idea', 'draft', 'review')
		ORDER BY day, time IS NOT NULL, time, id`, today.ISO(), today.AddDays(days).ISO())
	return out, w.fault("read open posts", err)
}
