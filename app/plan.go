package app

import (
	"context"
	"image/color"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// lookups are the channels and topics by ID, loaded with every plan so a
// renamed channel shows at once.
type lookups struct {
	channels     []data.Channel
	channelByID  map[int64]data.Channel
	topics       []data.Topic
	topicByID    map[int64]data.Topic
	activeTarget int // channels with a cadence target
}

func loadLookups(ctx context.Context, ws *data.Workspace) (lookups, error) {
	var l lookups
	var err error
	if l.channels, err = ws.Channels(ctx); err != nil {
		return l, err
	}
	if l.topics, err = ws.Topics(ctx); err != nil {
		return l, err
	}
	l.channelByID = map[int64]data.Channel{}
	for _, c := range l.channels {
		l.channelByID[c.ID] = c
		if !c.Disabled && c.Cadence.Count > 0 {
			l.activeTarget++
		}
	}
	l.topicByID = map[int64]data.Topic{}
	for _, t := range l.topics {
		l.topicByID[t.ID] = t
	}
	return l, nil
}

// neutral is the colour of a post without topic.
var neutral = color.NRGBA{0x78, 0x90, 0x9C, 0xFF}

func (l lookups) topicColor(id int64) color.NRGBA {
	if t, ok := l.topicByID[id]; ok {
		return parseHex(t.Color)
	}
	return neutral
}

func (l lookups) topicName(id int64) string {
	if t, ok := l.topicByID[id]; ok {
		return t.Name
	}
	return ""
}

// channelName names a channel; a deleted one is said to be deleted rather
// than vanishing from the post.
func (l lookups) channelName(id int64) string {
	if c, ok := l.channelByID[id]; ok {
		return c.Name
	}
	return lang.L("(deleted channel)")
}

// badge is a channel's short mark; two channels of one platform get the
// start of their names instead, so they stay apart.
func (l lookups) badge(id int64) string {
	c, ok := l.channelByID[id]
	if !ok {
		return "?"
	}
	for _, o := range l.channels {
		if o.ID != id && o.Platform == c.Platform && !o.Disabled {
			return channelBadge(data.Channel{Name: c.Name}) // the name's start, one rule
		}
	}
	return channelBadge(c)
}

// monthTargets is the line under the month (monthTaktText): how the
// channels with a monthly target stand in the month of d ("Im Dezember:
// Website: 3 von 4, 1 fehlt").
func (p *plan) monthTargets(d calendar.Date) string {
	var parts []string
	seen := map[int64]bool{}
	for _, wc := range p.cadence {
		for _, c := range wc.Channels {
			if c.Period != data.PerMonth || c.Year != d.Year || c.Month != d.Month || seen[c.ChannelID] {
				continue
			}
			seen[c.ChannelID] = true
			parts = append(parts, taktLine(p.look.channelName(c.ChannelID), c.Planned+c.Slots, c.Target))
		}
	}
	sort.Strings(parts)
	return monthTaktText(d.Month, parts)
}

// badges are the platform badges of channels ("IG", "FB"), for a chip.
func (l lookups) badges(ids []int64) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, l.badge(id))
	}
	return out
}

func postChannelIDs(p data.Post) []int64 {
	ids := make([]int64, len(p.Channels))
	for i, c := range p.Channels {
		ids[i] = c.ChannelID
	}
	return ids
}

// plan is everything a calendar view shows for a range of days, loaded in
// one go off the UI goroutine.
type plan struct {
	from, to calendar.Date
	look     lookups
	posts    []data.Post
	byDay    map[calendar.Date][]int // indexes into posts
	slots    []data.Slot
	slotsBy  map[calendar.Date][]int
	marks    map[calendar.Date][]data.DayMark
	cadence  map[calendar.Date]data.WeekCadence // by Monday
	quiet    map[int64]string                   // post ID → quiet-period note
	noPic    map[int64]bool                     // posts that get the "kein Bild" mark
	consent  map[int64]consentMark              // planned posts with a consent problem
	review   map[int64]reviewMark               // the checks before posting, per post
	firstPic map[int64]data.Media               // a post's first picture, for the hover preview
}

// reviewMark is what the checks before posting found for one post, in
// the calendar's short form (blocking first).
type reviewMark struct {
	hints    []string
	blocking bool
}

// reviewMarks runs the checks before posting for posts in one batch
// (data.ReviewPosts) and words them for the calendar.
func reviewMarks(ctx context.Context, ws *data.Workspace, look lookups, posts []data.Post) (map[int64]reviewMark, error) {
	var open []data.Post // a post that went out or was dropped needs no checks
	for _, p := range posts {
		if p.Status != data.StatusPublished && p.Status != data.StatusDiscarded {
			open = append(open, p)
		}
	}
	found, err := ws.ReviewPosts(ctx, open)
	if err != nil {
		return nil, err
	}
	out := map[int64]reviewMark{}
	for id, fs := range found {
		if hints, blocking := reviewHints(fs, look.channelName); len(hints) > 0 {
			out[id] = reviewMark{hints: hints, blocking: blocking}
		}
	}
	return out, nil
}

func loadPlan(ctx context.Context, ws *data.Workspace, from, to calendar.Date) (*plan, error) {
	p := &plan{from: from, to: to, byDay: map[calendar.Date][]int{}, slotsBy: map[calendar.Date][]int{},
		cadence: map[calendar.Date]data.WeekCadence{}, quiet: map[int64]string{}}
	var err error
	if p.look, err = loadLookups(ctx, ws); err != nil {
		return nil, err
	}
	if p.posts, err = ws.PostsBetween(ctx, from, to); err != nil {
		return nil, err
	}
	for i, post := range p.posts {
		p.byDay[*post.Date] = append(p.byDay[*post.Date], i)
	}
	if p.noPic, err = lackingPicture(ctx, ws, p.look, p.posts); err != nil {
		return nil, err
	}
	if p.consent, err = consentMarks(ctx, ws, p.look, p.posts); err != nil {
		return nil, err
	}
	if p.review, err = reviewMarks(ctx, ws, p.look, p.posts); err != nil {
		return nil, err
	}
	if p.firstPic, err = firstPictures(ctx, ws, p.posts, p.noPic); err != nil {
		return nil, err
	}
	if p.slots, err = ws.SeriesSlots(ctx, from, to); err != nil {
		return nil, err
	}
	for i, s := range p.slots {
		p.slotsBy[s.Date] = append(p.slotsBy[s.Date], i)
	}
	if p.marks, err = ws.DayMarks(ctx, from, to); err != nil {
		return nil, err
	}
	weeks, err := ws.Cadence(ctx, from, to)
	if err != nil {
		return nil, err
	}
	for _, w := range weeks {
		p.cadence[w.Monday] = w
	}
	conflicts, err := ws.QuietConflicts(ctx, from, to)
	if err != nil {
		return nil, err
	}
	for _, c := range conflicts {
		p.quiet[c.PostID] = c.Note
	}
	return p, nil
}

// lackingPicture says which of posts get the "kein Bild" mark
// (data.LacksPicture), with one query for all of them.
func lackingPicture(ctx context.Context, ws *data.Workspace, look lookups, posts []data.Post) (map[int64]bool, error) {
	platformOf := func(id int64) (data.Platform, bool) {
		c, ok := look.channelByID[id]
		return c.Platform, ok
	}
	var ids []int64 // only posts the mark could be for: fewer to ask about
	for _, p := range posts {
		if data.LacksPicture(p, true, platformOf) {
			ids = append(ids, p.ID)
		}
	}
	without, err := ws.PostsWithoutPicture(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := map[int64]bool{}
	for _, p := range posts {
		if data.LacksPicture(p, without[p.ID], platformOf) {
			out[p.ID] = true
		}
	}
	return out, nil
}

// firstPictures reads each post's first picture (an image, or a video
// with its poster) for the hover preview's thumbnail, in a few queries
// whatever the number of posts; a post known to lack one is skipped.
func firstPictures(ctx context.Context, ws *data.Workspace, posts []data.Post, noPic map[int64]bool) (map[int64]data.Media, error) {
	var with []data.Post
	for _, p := range posts {
		if !noPic[p.ID] {
			with = append(with, p)
		}
	}
	checks, err := ws.ClearPosts(ctx, with)
	if err != nil {
		return nil, err
	}
	out := map[int64]data.Media{}
	for id, c := range checks {
		for _, m := range c.Media {
			if _, _, _, ok := thumbTarget(m); ok {
				out[id] = m
				break
			}
		}
	}
	return out, nil
}

// chipFor describes a post for a chip.
func (p *plan) chipFor(post *data.Post, wide bool) chipInfo {
	info := chipInfo{post: post, title: post.Title, topic: p.look.topicColor(post.TopicID),
		channels: p.look.badges(postChannelIDs(*post)), status: post.Status}
	if post.Time != nil {
		info.time = post.Time.String()
	}
	if post.Status != data.StatusPublished && post.Status != data.StatusDiscarded {
		info.noText = !hasText(post)
		info.noTime = post.Time == nil
	}
	if note, ok := p.quiet[post.ID]; ok {
		info.quiet = true
		info.detail = lang.L("Quiet period: {{.Note}}", map[string]any{"Note": note}) + "\n"
	}
	info.noPicture = p.noPic[post.ID]
	if m, ok := p.consent[post.ID]; ok {
		info.consent = m.state
		if wide {
			info.detail += strings.Join(m.hints, "\n") + "\n"
		}
	}
	if m, ok := p.review[post.ID]; ok && wide {
		info.detail += strings.Join(m.hints, "\n") + "\n"
	}
	if wide {
		// Status, channels and what is missing have their own places
		// on the wide chip: here the start of the text.
		info.detail += firstLine(post.Caption)
	}
	return info
}

// hasText reports whether a post has any text: its caption or a
// channel's own.
func hasText(post *data.Post) bool {
	if strings.TrimSpace(post.Caption) != "" {
		return true
	}
	for _, c := range post.Channels {
		if strings.TrimSpace(c.Caption) != "" {
			return true
		}
	}
	return false
}

// chipForSlot describes an unfilled series slot for a chip.
func (p *plan) chipForSlot(s *data.Slot, wide bool) chipInfo {
	info := chipInfo{slot: s, title: s.Title, time: s.Time.String(), topic: p.look.topicColor(s.TopicID),
		channels: p.look.badges(s.Channels)}
	if wide {
		info.detail = lang.L("Series slot – double-click to create the post")
	}
	return info
}

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}

// today is the current day in the workspace zone (data.Today has the rule).
func today() calendar.Date { return data.Today(time.Now()) }

// monthName is the month in the UI language.
func monthName(m time.Month) string {
	names := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	return lang.L(names[m-1])
}

// weekdayShort is "Mo".."So" (Monday first).
func weekdayShort(d time.Weekday) string {
	names := []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	return lang.L(names[d])
}
