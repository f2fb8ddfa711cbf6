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
	// Limits are the platforms' limits as stored (PlatformLimits; see
	// ChannelLimits for a channel's own).
	Limits map[Platform]caption.Limits
	Topics map[int64]Topic
	// HashtagSets are the tags of every hashtag set by its ID, each with
	// its '#', in the set's order (Template.Tags, without reading the
	// whole templates).
	HashtagSets map[int64][]string
	Quiet       []QuietPeriod
	Today       calendar.Date
}

// RenderContext reads the context for rendering and checking posts.
func (w *Workspace) RenderContext(ctx context.Context) (RenderContext, error) {
	rc, err := w.renderContext(ctx, w.reader())
	return rc, w.fault("read render context", err)
}

// renderContext is RenderContext reading through q (the write transaction
// of the approval rule).
func (w *Workspace) renderContext(ctx context.Context, q queryer) (RenderContext, error) {
	rc := RenderContext{Today: w.Today(), Topics: map[int64]Topic{}}
	var err error
	if rc.Settings, err = readSettings(ctx, q); err != nil {
		return rc, err
	}
	if rc.Channels, err = channelsByID(ctx, q); err != nil {
		return rc, err
	}
	if rc.Limits, err = platformLimits(ctx, q); err != nil {
		return rc, err
	}
	topics, err := allTopics(ctx, q)
	if err != nil {
		return rc, err
	}
	for _, t := range topics {
		rc.Topics[t.ID] = t
	}
	if rc.HashtagSets, err = hashtagSets(ctx, q); err != nil {
		return rc, err
	}
	rc.Quiet, err = quietPeriods(ctx, q, "")
	return rc, err
}

// hashtagSets reads the tags of every hashtag set (stored normalised, one
// space between them).
func hashtagSets(ctx context.Context, q queryer) (map[int64][]string, error) {
	out := map[int64][]string{}
	err := eachRow(ctx, q, `SELECT id, body FROM templates WHERE kind = ?`, string(KindHashtags), func(rows *sql.Rows) error {
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
	return rc.Channels[channelID].Limits(rc.Limits)
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
	photo := photoOnly(media)
	f := rc.final(p, channelID, source, rc.values(p, media))
	f.Counted = caption.Count(string(f.Channel.Platform), f.Text, f.Limits, photo)
	return f
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
		out[i] = rc.final(p, c.ChannelID, source, v)
		out[i].Counted = caption.Count(string(out[i].Channel.Platform), out[i].Text, out[i].Limits, photo)
	}
	return out
}

// final renders source for one channel with the post-wide values v; it
// leaves Counted to the caller (Review counts in caption.CheckText, and
// counting is most of the work).
func (rc RenderContext) final(p Post, channelID int64, source string, v caption.Values) FinalText {
	ch, ok := rc.Channels[channelID]
	if !ok {
		ch = Channel{ID: channelID}
	}
	l := rc.ChannelLimits(channelID)
	v.Channel, v.Handle = ch.Name, ch.Handle
	text, unfilled := caption.Render(source, v, l)
	return FinalText{ChannelID: channelID, Channel: ch, Limits: l, Text: text, Unfilled: unfilled}
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
