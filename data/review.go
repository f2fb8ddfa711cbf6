package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"feedtakt/data/calendar"
	"feedtakt/data/caption"

	"github.com/rivo/uniseg"
)

// The checks before posting (Prüfung vor dem Posten) on a whole post: each
// channel's final text, the pictures' alt texts for each platform, the
// credit line a licence asks for, subtitles, the quiet periods. The text
// rules themselves are package caption's; consent and licence dates stay
// with the approval rule of clearance_posts.go, which runs both.

// ReviewFinding is one finding of the checks before posting, with the
// channel (0 = the whole post, or the same on every channel) and the item
// (0 = none) it is about.
type ReviewFinding struct {
	caption.Finding
	ChannelID int64
	MediaID   int64
}

// Message is the finding's sentence (lang.L(Key, Args) in the UI).
func (f ReviewFinding) Message() calendar.Message {
	return calendar.Message{Key: f.Key, Args: f.Args}
}

// BlockingFindings returns the findings that stop Freigegeben, in order.
func BlockingFindings(fs []ReviewFinding) []ReviewFinding {
	var out []ReviewFinding
	for _, f := range fs {
		if f.Blocking {
			out = append(out, f)
		}
	}
	return out
}

// Review runs the checks before posting on p with media its items in
// order (pure: the editor calls it on every change). Per channel: the
// final text by the platform's rules (caption.CheckText), placeholders
// left or broken, YouTube's title, each picture's alt text for the
// platform, the credit line a licence asks for; per video: subtitles; per
// post: a quiet period on its day. A post without channels has its caption
// checked without a platform's limits. A finding that is the same on
// several channels (the shared caption, a picture's missing alt text) is
// listed once, for the whole post. Ordered: blocking first, then the whole
// post before the channels in p's order.
func (rc RenderContext) Review(p Post, media []Media) []ReviewFinding {
	r := reviewer{index: map[string]int{}}
	rc.reviewPost(&r, p, media)
	channels := p.Channels
	if len(channels) == 0 {
		channels = []PostChannel{{}}
	}
	v, photo := rc.values(p, media), photoOnly(media)
	for _, c := range channels {
		rc.reviewChannel(&r, p, c, media, v, photo)
	}
	sortFindings(r.out, p.Channels)
	return r.out
}

// reviewPost adds the findings that belong to the whole post, whatever the
// channel: a quiet period on its day, a video without subtitles, a licence
// that asks for a credit line none is recorded for.
func (rc RenderContext) reviewPost(r *reviewer, p Post, media []Media) {
	if p.Date != nil {
		for _, q := range rc.Quiet {
			if q.Period().Contains(*p.Date) {
				r.add("", quietFinding(q, *p.Date, 0))
			}
		}
	}
	for _, m := range media {
		if m.Kind == "video" && !m.Subtitles {
			r.add("", ReviewFinding{MediaID: m.ID, Finding: caption.Finding{Code: caption.CodeSubtitles,
				Key:  "“{{.Picture}}” has no subtitles. Many people watch without sound: add subtitles (burnt in or as a file for the platform) and tick “Subtitles available” in the Mediathek.",
				Args: map[string]any{"Picture": PictureName(m)}}})
		}
		if l, ok := LicenceByCode(m.Licence); ok && l.NeedsCredit && creditOf(m) == "" && m.Kind != "document" {
			r.add("", ReviewFinding{MediaID: m.ID, Finding: caption.Finding{Code: caption.CodeCredit, Blocking: true,
				Key:  "The licence of “{{.Picture}}” asks for a credit line, but none is recorded. Enter the credit line in the Mediathek and put {Bildnachweis} in the text.",
				Args: map[string]any{"Picture": PictureName(m)}}})
		}
	}
}

// reviewChannel adds the findings of one channel's final text (c is the
// zero PostChannel for a post without channels): placeholders, the
// platform's text rules, YouTube's title, and the pictures' checks.
func (rc RenderContext) reviewChannel(r *reviewer, p Post, c PostChannel, media []Media, v caption.Values, photo bool) {
	source, scope := p.Caption, ""
	if c.Caption != "" {
		source, scope = c.Caption, fmt.Sprint(c.ChannelID) // the channel's own text: its findings are its own
	}
	ft := rc.final(p, c.ChannelID, source, v)
	platform := string(ft.Channel.Platform)
	// Placeholders are the text's, whatever the platform: in the
	// shared caption they are the whole post's.
	textID := c.ChannelID
	if scope == "" {
		textID = 0
	}
	_, broken := caption.Placeholders(source)
	for _, b := range broken {
		r.add(scope, ReviewFinding{ChannelID: textID, Finding: caption.SyntaxFinding(b)})
	}
	if len(ft.Unfilled) > 0 {
		r.add(scope, ReviewFinding{ChannelID: textID, Finding: caption.UnfilledFinding(ft.Unfilled)})
	}
	for _, f := range caption.CheckText(platform, ft.Text, ft.Limits, photo) {
		r.add(scope, ReviewFinding{ChannelID: c.ChannelID, Finding: f})
	}
	if n := uniseg.GraphemeClusterCount(p.Title); ft.Channel.Platform == YouTube && ft.Limits.Title > 0 && n > ft.Limits.Title {
		r.add("", ReviewFinding{ChannelID: c.ChannelID, Finding: caption.Finding{Code: caption.CodeTitleTooLong, Blocking: true,
			Key:  "The title is {{.Over}} characters too long for YouTube ({{.Count}} of {{.Limit}}). Shorten the post's title; it is the video's title there.",
			Args: map[string]any{"Over": n - ft.Limits.Title, "Count": n, "Limit": ft.Limits.Title}}})
	}
	reviewChannelMedia(r, c.ChannelID, scope, ft, media)
}

// reviewChannelMedia adds each picture's and video's findings on one
// channel: the alt text by the platform's rules, and the credit line its
// licence asks for in the final text ft. scope is as for reviewer.add.
func reviewChannelMedia(r *reviewer, channelID int64, scope string, ft FinalText, media []Media) {
	platform := string(ft.Channel.Platform)
	for _, m := range media {
		if m.Kind != "image" && m.Kind != "video" {
			continue
		}
		if platform != "" {
			for _, f := range caption.CheckAltText(platform, m.AltText, mediaFileName(m), m.Kind == "video", ft.Limits) {
				r.add("", ReviewFinding{ChannelID: channelID, MediaID: m.ID, Finding: f})
			}
		}
		if l, ok := LicenceByCode(m.Licence); ok && l.NeedsCredit && !holdsCredit(ft.Text, m) {
			r.add(scope, ReviewFinding{ChannelID: channelID, MediaID: m.ID, Finding: caption.Finding{Code: caption.CodeCredit, Blocking: true,
				Key:  "The licence of “{{.Picture}}” asks for a credit line (“{{.Credit}}”). Put {Bildnachweis} in the text or write the credit line yourself.",
				Args: map[string]any{"Picture": PictureName(m), "Credit": creditOf(m)}}})
		}
	}
}

// sortFindings orders findings in place, stably: blocking first, then the
// whole post (ChannelID 0) before the channels in the post's order.
func sortFindings(out []ReviewFinding, channels []PostChannel) {
	order := func(id int64) int {
		if id == 0 {
			return -1
		}
		return slices.IndexFunc(channels, func(c PostChannel) bool { return c.ChannelID == id })
	}
	slices.SortStableFunc(out, func(a, b ReviewFinding) int {
		if a.Blocking != b.Blocking {
			if a.Blocking {
				return -1
			}
			return 1
		}
		return order(a.ChannelID) - order(b.ChannelID)
	})
}

// reviewer collects findings, each once.
type reviewer struct {
	out   []ReviewFinding
	index map[string]int
}

// add appends f unless the same finding is there already. scope is ""
// for a finding of the shared caption or the post, the channel's ID for
// one of its own text. The same finding from another channel makes the
// first one the whole post's (ChannelID 0): the sentence holds no channel
// then (an Args value the sentence does not use does not count).
func (r *reviewer) add(scope string, f ReviewFinding) {
	var k strings.Builder
	fmt.Fprintf(&k, "%s|%d|%s|%s", scope, f.MediaID, f.Code, f.Key)
	names := make([]string, 0, len(f.Args))
	for n := range f.Args {
		if strings.Contains(f.Key, "{{."+n) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(&k, "|%s=%v", n, f.Args[n])
	}
	if i, ok := r.index[k.String()]; ok {
		if r.out[i].ChannelID != f.ChannelID {
			r.out[i].ChannelID = 0
		}
		return
	}
	r.index[k.String()] = len(r.out)
	r.out = append(r.out, f)
}

// holdsCredit reports whether a final text names an item's credit: the
// line {Bildnachweis} writes for it, or the credit as recorded.
func holdsCredit(text string, m Media) bool {
	c := strings.TrimSpace(m.Credit)
	if c == "" {
		return true // reported once for the post: none recorded
	}
	return strings.Contains(text, creditOf(m)) || strings.Contains(text, c)
}

// mediaFileName is the name an item's file had, for the check that an alt
// text is not just the file name.
func mediaFileName(m Media) string {
	if m.OriginalName != "" {
		return m.OriginalName
	}
	return m.Path
}

// quietFinding says that a post's day lies in quiet period q.
func quietFinding(q QuietPeriod, day calendar.Date, channelID int64) ReviewFinding {
	period := q.From.String()
	if q.To != q.From {
		period += "–" + q.To.String()
	}
	args := map[string]any{"Day": day.String(), "Period": period, "Note": q.Note}
	key := "Nothing may be posted on {{.Day}}: quiet period {{.Period}} (“{{.Note}}”). Move the post to another day."
	if q.Note == "" {
		key = "Nothing may be posted on {{.Day}}: quiet period {{.Period}}. Move the post to another day."
	}
	return ReviewFinding{ChannelID: channelID, Finding: caption.Finding{Code: caption.CodeQuiet, Blocking: true, Key: key, Args: args}}
}

// ReviewPosts runs Review on posts (as read, e.g. by PostsBetween) for the
// calendar's hints, with one RenderContext and one query for all their
// items. Posts that are no longer planned (Veröffentlicht, Verworfen) are
// not checked; a post without findings has no entry.
func (w *Workspace) ReviewPosts(ctx context.Context, posts []Post) (map[int64][]ReviewFinding, error) {
	out := map[int64][]ReviewFinding{}
	var planned []int64
	for _, p := range posts {
		if Planned(p) {
			planned = append(planned, p.ID)
		}
	}
	if len(planned) == 0 {
		return out, nil
	}
	rc, err := w.renderContext(ctx, w.reader())
	if err != nil {
		return nil, w.fault("review posts", err)
	}
	media, err := mediaOfPosts(ctx, w.reader(), planned)
	if err != nil {
		return nil, w.fault("review posts", err)
	}
	for _, p := range posts {
		if !Planned(p) {
			continue
		}
		if fs := rc.Review(p, media[p.ID]); len(fs) > 0 {
			out[p.ID] = fs
		}
	}
	return out, nil
}

// mediaOfPosts reads the items of posts, each post's in its order, in one
// query.
func mediaOfPosts(ctx context.Context, q queryer, postIDs []int64) (map[int64][]Media, error) {
	out := map[int64][]Media{}
	err := eachRow(ctx, q, `SELECT pm.post_id, `+mediaColumns+` FROM post_media pm JOIN media ON media.id = pm.media_id
		WHERE pm.post_id IN (SELECT value FROM json_each(?)) ORDER BY pm.post_id, pm.position, pm.media_id`, jsonIDs(postIDs),
		func(rows *sql.Rows) error {
			var pid int64
			m, err := scanMedia(prefixed{rows, &pid})
			if err != nil {
				return err
			}
			out[pid] = append(out[pid], m)
			return nil
		})
	return out, err
}

// ReviewError refuses to store a post as Freigegeben or Veröffentlicht
// while a blocking check before posting fails (see checkApproval).
// Findings are the blocking ones, in Review's order. Like ClearanceError
// it unwraps to an *InvalidError whose sentence names the first finding,
// so every screen that explains an error says why.
type ReviewError struct {
	PostID   int64
	Status   Status
	Findings []ReviewFinding
	channels map[int64]string // names for the sentence
}

// Error is the technical text for the log: codes and numbers, never a
// name or a text.
func (e *ReviewError) Error() string {
	parts := make([]string, len(e.Findings))
	for i, f := range e.Findings {
		parts[i] = fmt.Sprintf("%s (channel %d, media %d)", f.Code, f.ChannelID, f.MediaID)
	}
	return fmt.Sprintf("post %d cannot be %s: %s", e.PostID, e.Status, strings.Join(parts, ", "))
}

// Unwrap is the sentence for a person: the status, the first finding (with
// its channel) and how many more there are.
func (e *ReviewError) Unwrap() error {
	args := map[string]any{"Status": calendar.Message{Key: e.Status.Key()}}
	key := "The post cannot be saved with the status “{{.Status}}”. {{.Reason}}"
	if len(e.Findings) > 0 {
		f := e.Findings[0]
		reason := f.Message()
		if name := e.channels[f.ChannelID]; name != "" {
			reason = calendar.Message{Key: "{{.Channel}}: {{.Reason}}", Args: map[string]any{"Channel": name, "Reason": reason}}
		}
		args["Reason"] = reason
	}
	if n := len(e.Findings); n > 1 {
		key = "The post cannot be saved with the status “{{.Status}}”. {{.Reason}} ({{.Total}} problems in all, see “Checks before posting” in the post.)"
		args["Total"] = n
	}
	return &InvalidError{Field: "status", Message: key, Args: args}
}
