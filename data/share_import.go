package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"feedtakt/data/calendar"
)

// ShareOutcome says what taking over does with one item of an exchange
// file.
type ShareOutcome int

// The outcomes. An item identical to one the workspace has (same kind and
// texts, whatever its name; see sameTemplate, sameSeries, sameIdea) is not
// taken over a second time: a file taken over twice, or passed back and
// forth between two offices, would otherwise double everything with
// suffixed names the office then has to clean up by hand. A caption
// template or series naming such an item uses the one that is there.
const (
	ShareNew     ShareOutcome = iota // comes in under its own name
	ShareRenamed                     // comes in under As: its name is taken
	ShareKnown                       // an identical item is there (Same): skipped
)

// ShareItem is one item of an exchange file in the preview.
type ShareItem struct {
	// What is "template", "series" or "idea"; Kind the kind of a template.
	What    string
	Kind    TemplateKind
	Name    string // as in the file
	As      string // as it is stored: Name, or Name with the suffix
	Outcome ShareOutcome
	Same    string // ShareKnown: the name of the identical item that is there
	// DroppedChannels are the item's channels (and own texts for them)
	// left out because this workspace has no such channel; DroppedTopic
	// its Rubrik when this workspace has none of that name. The item keeps
	// its texts.
	DroppedChannels []ShareChannel
	DroppedTopic    string
	// Rule is a series' rule: its slots appear in the calendar.
	Rule *calendar.Recurrence
}

// ShareMatch says which channel of this workspace a channel of the file
// goes to: one of the same platform and name, else the only one of that
// platform; To is "" when there is none and the channel is left out.
type ShareMatch struct {
	From  ShareChannel
	To    string
	Exact bool
}

// SharePreview is what taking over an exchange file does, before (from
// PreviewShare) or after (from ApplyShare) it is done.
type SharePreview struct {
	Origin ShareOrigin
	// Suffix is what a taken name gets (" (Landkreis Beispiel)"; a second
	// clash gets " (Landkreis Beispiel 2)").
	Suffix   string
	Items    []ShareItem
	Channels []ShareMatch
	// MissingTopics are the Rubriken named in the file that this workspace
	// does not have; the items keep their texts without a Rubrik.
	MissingTopics []string
}

// Count returns how many items have the outcome.
func (p SharePreview) Count(o ShareOutcome) int {
	n := 0
	for _, it := range p.Items {
		if it.Outcome == o {
			n++
		}
	}
	return n
}

// OriginLine is the origin as the change log and the notes say it:
// "Landkreis Beispiel, 03.12.2026".
func (o ShareOrigin) OriginLine() string {
	who := o.Organisation
	if who == "" {
		who = o.Person
	}
	if who == "" {
		who = "unbekannt"
	}
	return who + ", " + o.Exported.In(WorkspaceZone()).Format("02.01.2006")
}

// shareSuffix is the addition to a taken name: the organisation, else
// the person, else "Austausch".
func shareSuffix(o ShareOrigin) string {
	who := o.Organisation
	if who == "" {
		who = o.Person
	}
	if who == "" {
		who = "Austausch"
	}
	return Ellipsis(who, 40)
}

// sharePlan is a preview with what Apply stores: the items as they go in
// (nil for a ShareKnown one) and the ID of an identical item that is there.
type sharePlan struct {
	preview   SharePreview
	parsed    *shareParsed
	chanIDs   []int64 // by pseudo ID-1; 0 = left out
	templates []*Template
	known     []int64 // by template index: the identical template's ID
	series    []*Series
	ideas     []*Post
}

// PreviewShare says what ApplyShare would do with f in this workspace now;
// it changes nothing.
func (w *Workspace) PreviewShare(ctx context.Context, f *ShareFile) (SharePreview, error) {
	parsed, err := f.parse()
	if err != nil {
		return SharePreview{}, err
	}
	plan, err := planShare(ctx, w.reader(), parsed)
	if err != nil {
		return SharePreview{}, w.fault("preview exchange file", err)
	}
	return plan.preview, nil
}

// ApplyShare takes f over in one transaction, all or nothing: new items
// under their names or with the suffix, identical ones skipped, each with
// the origin in its notes and its change-log line, and one line for the
// whole file. It returns what was done (as PreviewShare says it).
func (w *Workspace) ApplyShare(ctx context.Context, f *ShareFile) (SharePreview, error) {
	parsed, err := f.parse()
	if err != nil {
		return SharePreview{}, err
	}
	var plan *sharePlan
	err = w.write(ctx, "take over exchange file", func(tx *sql.Tx) error {
		if plan, err = planShare(ctx, tx, parsed); err != nil {
			return err
		}
		return w.applyShare(ctx, tx, plan)
	})
	if err != nil {
		return SharePreview{}, err
	}
	return plan.preview, nil
}

// planShare matches channels and Rubriken, finds identical items and
// picks free names, reading through q.
func planShare(ctx context.Context, q queryer, p *shareParsed) (*sharePlan, error) {
	plan := &sharePlan{parsed: p, preview: SharePreview{Origin: p.origin, Suffix: " (" + shareSuffix(p.origin) + ")"}}
	if err := plan.matchChannels(ctx, q); err != nil {
		return nil, err
	}
	topics, err := allTopics(ctx, q)
	if err != nil {
		return nil, err
	}
	topicID := func(name string) (int64, string) {
		if name == "" {
			return 0, ""
		}
		for _, t := range topics {
			if FoldGerman(t.Name) == FoldGerman(name) {
				return t.ID, ""
			}
		}
		if !slices.Contains(plan.preview.MissingTopics, name) {
			plan.preview.MissingTopics = append(plan.preview.MissingTopics, name)
		}
		return 0, name
	}
	if err := plan.planTemplates(ctx, q, topicID); err != nil {
		return nil, err
	}
	if err := plan.planSeries(ctx, q, topicID); err != nil {
		return nil, err
	}
	return plan, plan.planIdeas(ctx, q, topicID)
}

func (plan *sharePlan) matchChannels(ctx context.Context, q queryer) error {
	chans, err := allChannels(ctx, q)
	if err != nil {
		return err
	}
	for _, r := range plan.parsed.refs {
		m := ShareMatch{From: r}
		var id int64
		var onPlatform []Channel
		for _, c := range chans {
			if c.Platform == r.Platform && strings.EqualFold(strings.TrimSpace(c.Name), r.Name) {
				id, m.To, m.Exact = c.ID, c.Name, true
				break
			}
			if c.Platform == r.Platform && !c.Disabled {
				onPlatform = append(onPlatform, c)
			}
		}
		if id == 0 && len(onPlatform) == 1 {
			id, m.To = onPlatform[0].ID, onPlatform[0].Name
		}
		plan.chanIDs = append(plan.chanIDs, id)
		plan.preview.Channels = append(plan.preview.Channels, m)
	}
	return nil
}

// mapChannels turns pseudo IDs into this workspace's IDs and returns the
// channels left out.
func (plan *sharePlan) mapChannels(ids []int64) ([]int64, []ShareChannel) {
	var out []int64
	var dropped []ShareChannel
	for _, id := range ids {
		if to := plan.chanIDs[id-1]; to != 0 {
			out = append(out, to)
		} else {
			dropped = append(dropped, plan.parsed.refs[id-1])
		}
	}
	return out, dropped
}

// freeName returns name, or name with the suffix (and a number) when
// taken says it is taken; limit limits the length.
func freeName(name, suffix string, limit int, taken func(string) bool) (string, ShareOutcome) {
	if !taken(name) {
		return name, ShareNew
	}
	who := strings.TrimSuffix(strings.TrimPrefix(suffix, " ("), ")")
	for i := 1; ; i++ {
		add := suffix
		if i > 1 {
			add = fmt.Sprintf(" (%s %d)", who, i)
		}
		base := []rune(name)
		if room := limit - utf8.RuneCountInString(add); len(base) > room {
			base = base[:max(room, 0)]
		}
		if n := strings.TrimSpace(string(base)) + add; !taken(n) {
			return n, ShareRenamed
		}
	}
}

// addOrigin appends the origin to notes, shortening the notes where they
// would be too long.
func addOrigin(notes, line string) string {
	add := "Übernommen aus dem Austausch von " + line + "."
	if strings.TrimSpace(notes) == "" {
		return add
	}
	room := MaxNotes - utf8.RuneCountInString(add) - 2
	if utf8.RuneCountInString(notes) > room {
		notes = string([]rune(notes)[:room])
	}
	return strings.TrimRight(notes, "\n ") + "\n\n" + add
}

func sameVariants(a, b []TemplateVariant) bool {
	texts := func(vs []TemplateVariant) []string {
		var out []string
		for _, v := range vs {
			out = append(out, v.Body)
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(texts(a), texts(b))
}

// sameTemplate: same kind, title, text and own texts per channel (channels
// differ between offices and are not compared), whatever the name.
func sameTemplate(a, b Template) bool {
	return a.Kind == b.Kind && a.Title == b.Title && a.Body == b.Body && sameVariants(a.Variants, b.Variants)
}

func (plan *sharePlan) planTemplates(ctx context.Context, q queryer, topicID func(string) (int64, string)) error {
	existing, err := allTemplates(ctx, q, "")
	if err != nil {
		return err
	}
	p := plan.parsed
	plan.templates = make([]*Template, len(p.templates))
	plan.known = make([]int64, len(p.templates))
	for i, it := range p.templates {
		item := ShareItem{What: "template", Kind: it.t.Kind, Name: it.t.Name, As: it.t.Name}
		t := it.t
		var dropped []ShareChannel
		t.Channels, dropped = plan.mapChannels(it.t.Channels)
		t.Variants = nil
		for _, v := range it.t.Variants {
			if to := plan.chanIDs[v.ChannelID-1]; to != 0 {
				t.Variants = append(t.Variants, TemplateVariant{ChannelID: to, Body: v.Body})
			} else if r := p.refs[v.ChannelID-1]; !slices.Contains(dropped, r) {
				dropped = append(dropped, r)
			}
		}
		// Compared as it would come in: own texts for channels this
		// workspace lacks are not there the second time either.
		if j := slices.IndexFunc(existing, func(e Template) bool { return sameTemplate(e, t) }); j >= 0 {
			item.Outcome, item.Same, plan.known[i] = ShareKnown, existing[j].Name, existing[j].ID
			plan.preview.Items = append(plan.preview.Items, item)
			continue
		}
		t.TopicID, item.DroppedTopic = topicID(it.topic)
		item.DroppedChannels = dropped
		taken := func(n string) bool {
			return slices.ContainsFunc(existing, func(e Template) bool { return e.Kind == t.Kind && strings.EqualFold(e.Name, n) }) ||
				slices.ContainsFunc(plan.templates, func(o *Template) bool { return o != nil && o.Kind == t.Kind && strings.EqualFold(o.Name, n) })
		}
		t.Name, item.Outcome = freeName(t.Name, plan.preview.Suffix, MaxTemplateName, taken)
		item.As = t.Name
		t.Notes = addOrigin(t.Notes, p.origin.OriginLine())
		plan.templates[i] = &t
		plan.preview.Items = append(plan.preview.Items, item)
	}
	return nil
}

// sameSeries: same rule and text, and the title as in the file or with a
// suffix an earlier taking-over gave it.
func sameSeries(a, b Series) bool {
	ra, rb := a.Rule, b.Rule
	ra.Interval, rb.Interval = max(ra.Interval, 1), max(rb.Interval, 1)
	sameEnd := (ra.End == nil) == (rb.End == nil) && (ra.End == nil || *ra.End == *rb.End)
	ra.End, rb.End = nil, nil
	title := strings.EqualFold(a.Title, b.Title) || strings.HasPrefix(strings.ToLower(a.Title), strings.ToLower(b.Title)+" (")
	return ra == rb && sameEnd && a.Caption == b.Caption && title
}

func (plan *sharePlan) planSeries(ctx context.Context, q queryer, topicID func(string) (int64, string)) error {
	existing, err := allSeries(ctx, q)
	if err != nil {
		return err
	}
	p := plan.parsed
	plan.series = make([]*Series, len(p.series))
	for i, it := range p.series {
		rule := it.s.Rule
		item := ShareItem{What: "series", Name: it.s.Title, As: it.s.Title, Rule: &rule}
		if j := slices.IndexFunc(existing, func(e Series) bool { return sameSeries(e, it.s) }); j >= 0 {
			item.Outcome, item.Same = ShareKnown, existing[j].Title
			plan.preview.Items = append(plan.preview.Items, item)
			continue
		}
		s := it.s
		s.Channels, item.DroppedChannels = plan.mapChannels(it.s.Channels)
		s.TopicID, item.DroppedTopic = topicID(it.topic)
		taken := func(n string) bool {
			return slices.ContainsFunc(existing, func(e Series) bool { return strings.EqualFold(e.Title, n) }) ||
				slices.ContainsFunc(plan.series, func(o *Series) bool { return o != nil && strings.EqualFold(o.Title, n) })
		}
		s.Title, item.Outcome = freeName(s.Title, plan.preview.Suffix, MaxTitle, taken)
		item.As = s.Title
		s.Notes = addOrigin(s.Notes, p.origin.OriginLine())
		plan.series[i] = &s
		plan.preview.Items = append(plan.preview.Items, item)
	}
	return nil
}

// planIdeas: an idea with the title and caption of one that is there is
// skipped; other ideas come in under their title (two ideas may share a
// title, and a suffix would end up in the post).
func (plan *sharePlan) planIdeas(ctx context.Context, q queryer, topicID func(string) (int64, string)) error {
	type idea struct{ title, caption string }
	var existing []idea
	rows, err := q.QueryContext(ctx, `SELECT title, caption FROM posts WHERE day IS NULL`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var e idea
		if err := rows.Scan(&e.title, &e.caption); err != nil {
			rows.Close()
			return err
		}
		existing = append(existing, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	p := plan.parsed
	plan.ideas = make([]*Post, len(p.ideas))
	for i, it := range p.ideas {
		item := ShareItem{What: "idea", Name: it.p.Title, As: it.p.Title}
		if slices.ContainsFunc(existing, func(e idea) bool { return e.title == it.p.Title && e.caption == it.p.Caption }) {
			item.Outcome, item.Same = ShareKnown, it.p.Title
			plan.preview.Items = append(plan.preview.Items, item)
			continue
		}
		post := it.p
		post.Channels = nil
		for _, c := range it.p.Channels {
			if to := plan.chanIDs[c.ChannelID-1]; to != 0 {
				post.Channels = append(post.Channels, PostChannel{ChannelID: to, Caption: c.Caption})
			} else {
				item.DroppedChannels = append(item.DroppedChannels, p.refs[c.ChannelID-1])
			}
		}
		post.TopicID, item.DroppedTopic = topicID(it.topic)
		post.Notes = addOrigin(post.Notes, p.origin.OriginLine())
		plan.ideas[i] = &post
		plan.preview.Items = append(plan.preview.Items, item)
	}
	return nil
}

// applyShare stores the plan inside tx: hashtag sets, Bausteine, caption
// templates (each naming the stored hashtag set), series (naming the
// stored caption template), ideas; then the line for the whole file.
func (w *Workspace) applyShare(ctx context.Context, tx *sql.Tx, plan *sharePlan) error {
	p := plan.parsed
	note := " – übernommen aus Austausch von " + p.origin.OriginLine()
	ids, err := w.applyTemplates(ctx, tx, plan, note)
	if err != nil {
		return err
	}
	if err := w.applySeries(ctx, tx, plan, ids, note); err != nil {
		return err
	}
	if err := w.applyIdeas(ctx, tx, plan, ids, note); err != nil {
		return err
	}
	pv := plan.preview
	if pv.Count(ShareNew)+pv.Count(ShareRenamed) == 0 {
		return nil // everything was there: nothing to note
	}
	return w.logChange(ctx, tx, "import", "share", 0, fmt.Sprintf("Austausch-Datei von %s übernommen: %d neu, %d umbenannt, %d schon vorhanden",
		p.origin.OriginLine(), pv.Count(ShareNew), pv.Count(ShareRenamed), pv.Count(ShareKnown)))
}

// applyTemplates stores the new templates, those an item names first, and
// returns the ID of every template of the file (new or identical).
func (w *Workspace) applyTemplates(ctx context.Context, tx *sql.Tx, plan *sharePlan, note string) ([]int64, error) {
	ids := slices.Clone(plan.known)
	for _, kind := range []TemplateKind{KindHashtags, KindSnippet, KindCaption} {
		for i, t := range plan.templates {
			if t == nil || t.Kind != kind {
				continue
			}
			if h := plan.parsed.templates[i].hashes; h >= 0 {
				t.HashtagSetID = ids[h]
			}
			if err := t.validate(); err != nil {
				return nil, shareItemError(t.Name, err)
			}
			if err := w.saveTemplate(ctx, tx, t, note); err != nil {
				return nil, shareItemError(t.Name, err)
			}
			ids[i] = t.ID
		}
	}
	return ids, nil
}

func (w *Workspace) applySeries(ctx context.Context, tx *sql.Tx, plan *sharePlan, ids []int64, note string) error {
	for i, s := range plan.series {
		if s == nil {
			continue
		}
		if tpl := plan.parsed.series[i].template; tpl >= 0 {
			s.TemplateID = ids[tpl]
		}
		if err := s.validate(); err != nil {
			return shareItemError(s.Title, err)
		}
		if err := w.saveSeries(ctx, tx, s, note); err != nil {
			return shareItemError(s.Title, err)
		}
	}
	return nil
}

func (w *Workspace) applyIdeas(ctx context.Context, tx *sql.Tx, plan *sharePlan, ids []int64, note string) error {
	for i, post := range plan.ideas {
		if post == nil {
			continue
		}
		if h := plan.parsed.ideas[i].hashes; h >= 0 {
			post.HashtagSetID = ids[h]
		}
		if err := post.validate(); err != nil {
			return shareItemError(post.Title, err)
		}
		if err := w.insertPost(ctx, tx, post); err != nil {
			return shareItemError(post.Title, err)
		}
		if err := w.logChange(ctx, tx, "create", "post", post.ID, "Beitrag "+post.describe()+" angelegt"+note); err != nil {
			return err
		}
	}
	return nil
}
