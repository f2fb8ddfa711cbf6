package data

import (
	"context"
	"database/sql"
	"strings"

	"feedtakt/data/calendar"
	"feedtakt/data/caption"
)

// RenderContext is everything rendering a post's final texts and checking
// them needs from the workspace, read once (RenderContext, in the
// background); then the editor renders and checks on every keystroke
// without the database (Final, Finals, Review are pure).
type RenderContext struct {
	Settings Settings
	Channels map[int64]Channel
	// Limits are the platforms' limits as stored (every platform with
	// stored figures; see ChannelLimits for a channel's own).
	Limits map[Platform]caption.Limits
	Topics map[int64]Topic
	// HashtagSets are the tags of every hashtag set by its ID, each with
	// its '#', in the set's order.
	// B1's API may replace this on merge (map[int64]Template).
	HashtagSets map[int64][]string
	Quiet       []QuietPeriod
	Today       calendar.Date

	// textLimits are the channels' own caption limits (channels.text_limit,
	// 0 = the platform's) and subtitled the media that have subtitles.
	// B1's API may replace these on merge (Channel.TextLimit, Media.Subtitles).
	textLimits map[int64]int
	subtitled  map[int64]bool
}

// RenderContext reads the context for rendering and checking posts.
func (w *Workspace) RenderContext(ctx context.Context) (RenderContext, error) {
	rc, err := w.renderContext(ctx, w.reader())
	return rc, w.fault("read render context", err)
}

// renderContext is RenderContext reading through q (the write transaction
// of the approval rule).
func (w *Workspace) renderContext(ctx context.Context, q queryer) (RenderContext, error) {
	rc := RenderContext{Today: w.Today()}
	var err error
	if rc.Settings.Organisation, err = settingOf(ctx, q, keyOrganisation); err != nil {
		return rc, err
	}
	land, err := settingOf(ctx, q, keyLand)
	if err != nil {
		return rc, err
	}
	rc.Settings.Land = calendar.Land(land)
	if rc.Channels, rc.textLimits, err = renderChannels(ctx, q); err != nil {
		return rc, err
	}
	if rc.Limits, err = storedPlatformLimits(ctx, q); err != nil {
		return rc, err
	}
	if rc.Topics, err = renderTopics(ctx, q); err != nil {
		return rc, err
	}
	if rc.HashtagSets, err = hashtagSets(ctx, q); err != nil {
		return rc, err
	}
	if rc.Quiet, err = quietPeriods(ctx, q, ""); err != nil {
		return rc, err
	}
	ids, err := queryColumn[int64](ctx, q, `SELECT id FROM media WHERE subtitles = 1`)
	if err != nil {
		return rc, err
	}
	rc.subtitled = make(map[int64]bool, len(ids))
	for _, id := range ids {
		rc.subtitled[id] = true
	}
	return rc, nil
}

// settingOf reads one workspace setting ("" when not set).
func settingOf(ctx context.Context, q queryer, key string) (string, error) {
	vs, err := queryColumn[string](ctx, q, `SELECT value FROM settings WHERE key = ?`, key)
	if err != nil || len(vs) == 0 {
		return "", err
	}
	return vs[0], nil
}

// renderChannels reads every channel with its own text limit.
// B1's API may replace this on merge (Channels with Channel.TextLimit).
func renderChannels(ctx context.Context, q queryer) (map[int64]Channel, map[int64]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, platform, handle, color, cadence_count, cadence_period, position, disabled, text_limit
		FROM channels`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	chans, limits := map[int64]Channel{}, map[int64]int{}
	for rows.Next() {
		var c Channel
		var limit int
		if err := rows.Scan(&c.ID, &c.Name, &c.Platform, &c.Handle, &c.Color, &c.Cadence.Count, &c.Cadence.Period, &c.Position, &c.Disabled, &limit); err != nil {
			return nil, nil, err
		}
		chans[c.ID] = c
		if limit > 0 {
			limits[c.ID] = limit
		}
	}
	return chans, limits, rows.Err()
}

// storedPlatformLimits reads the platforms' limits as stored.
// B1's API may replace this on merge (PlatformLimits).
func storedPlatformLimits(ctx context.Context, q queryer) (map[Platform]caption.Limits, error) {
	rows, err := q.QueryContext(ctx, `SELECT platform, text_limit, photo_limit, byte_limit, hashtag_limit, alt_limit, title_limit, source, checked_on
		FROM platform_limits`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[Platform]caption.Limits{}
	for rows.Next() {
		var l caption.Limits
		if err := rows.Scan(&l.Platform, &l.Text, &l.Photo, &l.Bytes, &l.Hashtags, &l.AltText, &l.Title, &l.Source, &l.CheckedOn); err != nil {
			return nil, err
		}
		out[Platform(l.Platform)] = l
	}
	return out, rows.Err()
}

// renderTopics reads every topic by ID.
func renderTopics(ctx context.Context, q queryer) (map[int64]Topic, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, color, position FROM topics`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]Topic{}
	for rows.Next() {
		var t Topic
		if err := rows.Scan(&t.ID, &t.Name, &t.Color, &t.Position); err != nil {
			return nil, err
		}
		out[t.ID] = t
	}
	return out, rows.Err()
}

// hashtagSets reads the tags of every hashtag set (stored normalised, one
// space between them).
// B1's API may replace this on merge (Templates(ctx, KindHashtags), Template.Tags).
func hashtagSets(ctx context.Context, q queryer) (map[int64][]string, error) {
	out := map[int64][]string{}
	err := eachRow(ctx, q, `SELECT id, body FROM templates WHERE kind = ?`, "hashtags", func(rows *sql.Rows) error {
		var id int64
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			return err
		}
		out[id] = append([]string{}, strings.Fields(body)...) // a set without tags is known, and empty
		return nil
	})
	return out, err
}

// ChannelLimits are the limits of one channel: its platform's, with the
// channel's own caption limit where it has one (a Mastodon instance that
// allows more than 500).
func (rc RenderContext) ChannelLimits(channelID int64) caption.Limits {
	ch := rc.Channels[channelID]
	l := rc.Limits[ch.Platform]
	l.Platform = string(ch.Platform)
	if n := rc.textLimits[channelID]; n > 0 {
		l.Text = n
		if l.Photo > 0 && l.Photo < n {
			l.Photo = n
		}
	}
	return l
}

// FinalText is one channel's text as it goes out: the channel's own text
// or the post's caption with the built-in placeholders rendered, counted
// by the platform's rule.
type FinalText struct {
	ChannelID int64
	Channel   Channel
	Limits    caption.Limits
	Text      string
	Counted   caption.Counted
	// Unfilled are the placeholders left in Text, each once (a custom
	// field never filled, {Link} without a link …).
	Unfilled []string
}

// Final renders post p's text for channel channelID (the channel's own
// text, else the caption) with media the post's items in its order.
func (rc RenderContext) Final(p Post, media []Media, channelID int64) FinalText {
	source := p.Caption
	for _, c := range p.Channels {
		if c.ChannelID == channelID && c.Caption != "" {
			source = c.Caption
		}
	}
	return rc.final(p, channelID, source, rc.values(p, media), photoOnly(media))
}

// Finals renders p's text for every channel of p, in p's order.
func (rc RenderContext) Finals(p Post, media []Media) []FinalText {
	v, photo := rc.values(p, media), photoOnly(media)
	out := make([]FinalText, len(p.Channels))
	for i, c := range p.Channels {
		source := p.Caption
		if c.Caption != "" {
			source = c.Caption
		}
		out[i] = rc.final(p, c.ChannelID, source, v, photo)
	}
	return out
}

// final renders source for one channel with the post-wide values v.
func (rc RenderContext) final(p Post, channelID int64, source string, v caption.Values, photo bool) FinalText {
	ch, ok := rc.Channels[channelID]
	if !ok {
		ch = Channel{ID: channelID}
	}
	l := rc.ChannelLimits(channelID)
	v.Channel, v.Handle = ch.Name, ch.Handle
	text, unfilled := caption.Render(source, v, l)
	return FinalText{ChannelID: channelID, Channel: ch, Limits: l, Text: text,
		Counted: caption.Count(string(ch.Platform), text, l, photo), Unfilled: unfilled}
}

// germanWeekdays are the weekday names {Wochentag} stands for, by
// time.Weekday.
var germanWeekdays = [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"}

// values are what the built-ins stand for in every channel of p (the
// channel's name and handle are set per channel).
func (rc RenderContext) values(p Post, media []Media) caption.Values {
	v := caption.Values{Authority: rc.Settings.Organisation, Link: p.Link, Credit: CreditLine(media)}
	if p.Date != nil {
		v.Date, v.Weekday = p.Date.String(), germanWeekdays[p.Date.Weekday()]
		if p.Time != nil {
			v.Time = p.Time.String()
		}
	}
	if t, ok := rc.Topics[p.TopicID]; ok {
		v.Topic = t.Name
	}
	if tags, ok := rc.HashtagSets[p.HashtagSetID]; ok && p.HashtagSetID != 0 {
		v.Hashtags = tags
	}
	return v
}

// photoOnly reports whether a post's items are pictures only (at least
// one, no video): TikTok's photo posts allow a longer text.
func photoOnly(media []Media) bool {
	pictures := false
	for _, m := range media {
		switch m.Kind {
		case "video":
			return false
		case "image":
			pictures = true
		}
	}
	return pictures
}

// CreditLine is what {Bildnachweis} stands for: the credit of each of the
// post's pictures and videos that has one, "Foto: …" (or "Video: …"),
// each once, joined by " · ". A credit already written with its word
// ("Foto: …", "© …") is taken as it is.
func CreditLine(media []Media) string {
	var parts []string
	seen := map[string]bool{}
	for _, m := range media {
		if c := creditOf(m); c != "" && !seen[c] {
			seen[c] = true
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, " · ")
}

// creditOf is one item's credit line as {Bildnachweis} writes it; "" for
// an item without credit or a document.
func creditOf(m Media) string {
	c := strings.TrimSpace(m.Credit)
	if c == "" || (m.Kind != "image" && m.Kind != "video") {
		return ""
	}
	lower := strings.ToLower(c)
	for _, p := range []string{"foto:", "fotos:", "bild:", "bilder:", "video:", "©", "(c)", "quelle:", "bildnachweis:", "bildquelle:"} {
		if strings.HasPrefix(lower, p) {
			return c
		}
	}
	if m.Kind == "video" {
		return "Video: " + c
	}
	return "Foto: " + c
}
