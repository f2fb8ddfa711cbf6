package data

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/data/calendar"
	"feedtakt/data/fsx"
)

// Austausch (sharing with neighbouring authorities): chosen templates,
// hashtag sets, Bausteine, series and ideas go into a small JSON file that
// another office takes over into its own workspace. The file holds texts
// and rules only: never people, consents, media or the change log, and no
// IDs. Channels are named by platform and name, Rubriken by name, and
// references between the items of the file by the name of the template.
//
// It lives in package data, not a package of its own, because taking a
// file over must run the very checks of saving (Template.validate,
// Series.validate, Post.validate) and store every item in one transaction
// with the change log (saveTemplate, saveSeries, insertPost), which are
// this package's own.

// ShareFormat names the file's format; ShareVersion is the newest version
// this program writes and reads.
const (
	ShareFormat  = "feedtakt-austausch"
	ShareVersion = 1
	// ShareExt is the extension of an exchange file: plain JSON, which a
	// data protection officer can open in any editor to see what goes out.
	ShareExt = ".json"
	// MaxShareSize is the largest exchange file read (5 MB; a file of 100
	// templates is some 50 KB).
	MaxShareSize = 5 << 20
	// maxShareItems is the most items of one kind a file may hold.
	maxShareItems = 2000
	maxOriginText = 200
)

// ShareFile is an exchange file as written (JSON).
type ShareFile struct {
	Format    string          `json:"format"`
	Version   int             `json:"version"`
	Origin    ShareOrigin     `json:"origin"`
	Templates []ShareTemplate `json:"templates"`
	Series    []ShareSeries   `json:"series"`
	Ideas     []ShareIdea     `json:"ideas"`
}

// ShareOrigin says where an exchange file came from.
type ShareOrigin struct {
	Organisation string    `json:"organisation"`
	Person       string    `json:"person"`
	Exported     time.Time `json:"exported"`
	Note         string    `json:"note"`
}

// ShareChannel names a channel across workspaces: its platform and name.
type ShareChannel struct {
	Platform Platform `json:"platform"`
	Name     string   `json:"name"`
}

// ShareVariant is a caption template's own text for one channel.
type ShareVariant struct {
	Channel ShareChannel `json:"channel"`
	Body    string       `json:"body"`
}

// ShareTemplate is a caption template, hashtag set or Baustein in the file.
// HashtagSet names a hashtag set of the same file.
type ShareTemplate struct {
	Kind       TemplateKind   `json:"kind"`
	Name       string         `json:"name"`
	Title      string         `json:"title,omitempty"`
	Body       string         `json:"body"`
	Notes      string         `json:"notes,omitempty"`
	Topic      string         `json:"topic,omitempty"`
	HashtagSet string         `json:"hashtag_set,omitempty"`
	Channels   []ShareChannel `json:"channels,omitempty"`
	Variants   []ShareVariant `json:"variants,omitempty"`
}

// ShareSeries is a series in the file; Template names a caption template
// of the same file. Repeat is "weekly" or "monthly", Weekday an English
// weekday name ("tuesday"), Start and End ISO dates, Time "10:00".
type ShareSeries struct {
	Title    string         `json:"title"`
	Caption  string         `json:"caption,omitempty"`
	Notes    string         `json:"notes,omitempty"`
	Topic    string         `json:"topic,omitempty"`
	Template string         `json:"template,omitempty"`
	Channels []ShareChannel `json:"channels,omitempty"`
	Repeat   string         `json:"repeat"`
	Interval int            `json:"interval"`
	Weekday  string         `json:"weekday"`
	Nth      int            `json:"nth,omitempty"`
	Start    string         `json:"start"`
	End      string         `json:"end,omitempty"`
	Count    int            `json:"count,omitempty"`
	Time     string         `json:"time"`
	Zone     string         `json:"zone"`
}

// ShareIdeaChannel is a channel of an idea, with its own text ("" = the
// idea's caption).
type ShareIdeaChannel struct {
	ShareChannel
	Caption string `json:"caption,omitempty"`
}

// ShareIdea is an idea (a post without date) in the file; HashtagSet
// names a hashtag set of the same file.
type ShareIdea struct {
	Title      string             `json:"title"`
	Caption    string             `json:"caption,omitempty"`
	Notes      string             `json:"notes,omitempty"`
	Link       string             `json:"link,omitempty"`
	Topic      string             `json:"topic,omitempty"`
	HashtagSet string             `json:"hashtag_set,omitempty"`
	Channels   []ShareIdeaChannel `json:"channels,omitempty"`
}

// ShareSelection names what goes into an exchange file, by ID. The caption
// template of a chosen series and the hashtag set of a chosen caption
// template or idea come along, so the file is complete in itself.
type ShareSelection struct {
	Templates, Series, Ideas []int64
	Note                     string
	// WithNotes sends the items' internal notes along. Off by default:
	// notes such as "Jens Möller fragen" name colleagues and people and
	// are written for the own office.
	WithNotes bool
}

// Empty reports whether nothing is chosen.
func (s ShareSelection) Empty() bool {
	return len(s.Templates)+len(s.Series)+len(s.Ideas) == 0
}

// Items is how many items the file holds.
func (f *ShareFile) Items() int { return len(f.Templates) + len(f.Series) + len(f.Ideas) }

// shareNames maps the IDs of channels and topics to their names in the
// file.
type shareNames struct {
	channels map[int64]ShareChannel
	topics   map[int64]string
}

func (n shareNames) chans(ids []int64) []ShareChannel {
	var out []ShareChannel
	for _, id := range ids {
		out = append(out, n.channels[id])
	}
	return out
}

// ExportShare gathers the chosen items into an exchange file, with the
// organisation from the settings, the person working and the note. An ID
// that does not exist is ErrNotFound; a post with a date is refused (only
// ideas are shared).
func (w *Workspace) ExportShare(ctx context.Context, sel ShareSelection) (*ShareFile, error) {
	note := strings.TrimSpace(sel.Note)
	if err := checkOriginText("note", &note, MaxNotes, true); err != nil {
		return nil, err
	}
	q := w.reader()
	st, err := readSettings(ctx, q)
	if err != nil {
		return nil, w.fault("read settings", err)
	}
	names, err := readShareNames(ctx, q)
	if err != nil {
		return nil, w.fault("read channels", err)
	}
	f := &ShareFile{Format: ShareFormat, Version: ShareVersion, Origin: ShareOrigin{
		Organisation: st.Organisation, Person: w.Actor().Person, Exported: w.now().UTC().Truncate(time.Second), Note: note,
	}}
	e := shareExporter{ctx: ctx, q: q, names: names, f: f, done: map[int64]bool{}, notes: sel.WithNotes}
	ideas, err := e.ideas(sel.Ideas)
	if err != nil {
		return nil, w.fault("export ideas", err)
	}
	series, err := e.series(sel.Series)
	if err != nil {
		return nil, w.fault("export series", err)
	}
	for _, id := range sel.Templates {
		if err := e.template(id); err != nil {
			return nil, w.fault("export templates", err)
		}
	}
	// Hashtag sets first, then Bausteine, then caption templates: what an
	// item names comes before it.
	order := map[TemplateKind]int{KindHashtags: 0, KindSnippet: 1, KindCaption: 2}
	slices.SortStableFunc(f.Templates, func(a, b ShareTemplate) int { return order[a.Kind] - order[b.Kind] })
	f.Series, f.Ideas = series, ideas
	return f, nil
}

func readShareNames(ctx context.Context, q queryer) (shareNames, error) {
	n := shareNames{channels: map[int64]ShareChannel{}, topics: map[int64]string{}}
	chans, err := allChannels(ctx, q)
	if err != nil {
		return n, err
	}
	for _, c := range chans {
		n.channels[c.ID] = ShareChannel{Platform: c.Platform, Name: c.Name}
	}
	topics, err := allTopics(ctx, q)
	for _, t := range topics {
		n.topics[t.ID] = t.Name
	}
	return n, err
}

// shareExporter collects the items of one export; done holds the
// templates already in the file.
type shareExporter struct {
	ctx   context.Context
	q     queryer
	names shareNames
	f     *ShareFile
	done  map[int64]bool
	notes bool // send the internal notes (ShareSelection.WithNotes)
}

// note is an item's internal note as the file carries it: "" unless the
// notes go along.
func (e *shareExporter) note(n string) string {
	if !e.notes {
		return ""
	}
	return n
}

// template adds a template (and the hashtag set it names) once; it
// returns nothing for ID 0.
func (e *shareExporter) template(id int64) error {
	if id == 0 || e.done[id] {
		return nil
	}
	t, err := templateByID(e.ctx, e.q, id)
	if err != nil {
		return err
	}
	e.done[id] = true
	st := ShareTemplate{Kind: t.Kind, Name: t.Name, Title: t.Title, Body: t.Body, Notes: e.note(t.Notes),
		Topic: e.names.topics[t.TopicID], Channels: e.names.chans(t.Channels)}
	for _, v := range t.Variants {
		st.Variants = append(st.Variants, ShareVariant{Channel: e.names.channels[v.ChannelID], Body: v.Body})
	}
	if t.HashtagSetID != 0 {
		if st.HashtagSet, err = e.templateName(t.HashtagSetID); err != nil {
			return err
		}
	}
	e.f.Templates = append(e.f.Templates, st)
	return nil
}

// templateName adds the template and returns its name ("" for ID 0).
func (e *shareExporter) templateName(id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	if err := e.template(id); err != nil {
		return "", err
	}
	t, err := templateByID(e.ctx, e.q, id)
	return t.Name, err
}

func (e *shareExporter) series(ids []int64) ([]ShareSeries, error) {
	var out []ShareSeries
	for _, id := range ids {
		s, err := getSeries(e.ctx, e.q, id)
		if err != nil {
			return nil, err
		}
		r := s.Rule
		ss := ShareSeries{Title: s.Title, Caption: s.Caption, Notes: e.note(s.Notes), Topic: e.names.topics[s.TopicID],
			Channels: e.names.chans(s.Channels), Repeat: kindNames[r.Kind], Interval: max(r.Interval, 1),
			Weekday: strings.ToLower(r.Weekday.String()), Nth: r.Nth, Start: r.Start.ISO(), Count: r.Count,
			Time: Clock{r.Hour, r.Minute}.String(), Zone: s.Zone}
		if r.End != nil {
			ss.End = r.End.ISO()
		}
		if ss.Template, err = e.templateName(s.TemplateID); err != nil {
			return nil, err
		}
		out = append(out, ss)
	}
	return out, nil
}

func (e *shareExporter) ideas(ids []int64) ([]ShareIdea, error) {
	var out []ShareIdea
	for _, id := range ids {
		p, err := getPost(e.ctx, e.q, id)
		if err != nil {
			return nil, err
		}
		if !p.IsIdea() {
			return nil, invalidArgs("ideas", "Only ideas (posts without a date) can be shared; “{{.Title}}” has a date.",
				map[string]any{"Title": Ellipsis(p.Title, 60)})
		}
		si := ShareIdea{Title: p.Title, Caption: p.Caption, Notes: e.note(p.Notes), Link: p.Link, Topic: e.names.topics[p.TopicID]}
		for _, c := range p.Channels {
			si.Channels = append(si.Channels, ShareIdeaChannel{ShareChannel: e.names.channels[c.ChannelID], Caption: c.Caption})
		}
		if si.HashtagSet, err = e.templateName(p.HashtagSetID); err != nil {
			return nil, err
		}
		out = append(out, si)
	}
	return out, nil
}

// ShareIdeaIDs returns the IDs of every idea that can be shared (not
// discarded), newest first.
func (w *Workspace) ShareIdeaIDs(ctx context.Context) ([]int64, error) {
	ids, err := queryColumn[int64](ctx, w.reader(), `SELECT id FROM posts WHERE day IS NULL AND status != ? ORDER BY updated_at DESC, id DESC`, StatusDiscarded)
	return ids, w.fault("read ideas", err)
}

// Encode writes the file as indented JSON. It refuses a file over
// MaxShareSize, which the other office could not read.
func (f *ShareFile) Encode() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // "Ausbildung & Karriere", not \u0026
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if len(b) > MaxShareSize {
		return nil, invalidArgs("file", "The exchange file would be larger than {{.MB}} MB; please choose fewer items.", map[string]any{"MB": MaxShareSize >> 20})
	}
	return b, nil
}

// WriteShareFile writes f to path atomically (an older file stays as it
// was when writing fails) and reads it back to check it.
func WriteShareFile(path string, f *ShareFile) error {
	b, err := f.Encode()
	if err != nil {
		return err
	}
	if err := fsx.WriteFile(path, b, 0o666); err != nil {
		return err
	}
	back, err := ReadShareFile(path)
	if err != nil {
		return fmt.Errorf("read back %s: %w", path, err)
	}
	if back.Items() != f.Items() {
		return fmt.Errorf("read back %s: %d items instead of %d", path, back.Items(), f.Items())
	}
	return nil
}

// ReadShareFile reads and checks an exchange file; see ReadShare.
func ReadShareFile(path string) (*ShareFile, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return ReadShare(fh)
}

// Errors of reading an exchange file, as sentence keys.
const (
	shareNotOurs  = "This file is not a Feedtakt exchange file. Nothing was taken over."
	shareNewer    = "This exchange file comes from a newer Feedtakt version (format version {{.File}}; this program reads version {{.App}}). Please install the newer Feedtakt. Nothing was taken over."
	shareDamaged  = "The exchange file is damaged or incomplete ({{.Detail}}). Nothing was taken over."
	shareTooLarge = "The exchange file is larger than {{.MB}} MB; an exchange file holds texts only. Nothing was taken over."
	shareBadItem  = "The exchange file cannot be taken over: “{{.Name}}”: {{.Problem}} Nothing was taken over."
	shareEmpty    = "The exchange file contains nothing to take over."
)

// ReadShare reads an exchange file strictly: at most MaxShareSize bytes,
// the format and a version this program knows, no unknown fields, no
// trailing data, and every item passing the checks of saving (names,
// lengths, control characters, a series' rule) with its references
// inside the file. Every refusal is an *InvalidError with a sentence.
func ReadShare(r io.Reader) (*ShareFile, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxShareSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxShareSize {
		return nil, invalidArgs("file", shareTooLarge, map[string]any{"MB": MaxShareSize >> 20})
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	// The first value only: data after it is damage, said below.
	err = json.NewDecoder(bytes.NewReader(b)).Decode(&head)
	if err != nil && bytes.Contains(b, []byte(`"`+ShareFormat+`"`)) {
		return nil, invalidArgs("file", shareDamaged, map[string]any{"Detail": err.Error()})
	}
	if err != nil || head.Format != ShareFormat {
		return nil, invalid("file", shareNotOurs)
	}
	if head.Version > ShareVersion {
		return nil, invalidArgs("file", shareNewer, map[string]any{"File": head.Version, "App": ShareVersion})
	}
	if head.Version < 1 {
		return nil, invalidArgs("file", shareDamaged, map[string]any{"Detail": fmt.Sprintf("version %d", head.Version)})
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	f := &ShareFile{}
	if err := dec.Decode(f); err != nil {
		return nil, invalidArgs("file", shareDamaged, map[string]any{"Detail": err.Error()})
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, invalidArgs("file", shareDamaged, map[string]any{"Detail": "data after the end"})
	}
	if _, err := f.parse(); err != nil {
		return nil, err
	}
	return f, nil
}

// checkOriginText trims s and checks its length and characters.
func checkOriginText(field string, s *string, max int, multiLine bool) error {
	*s = strings.TrimSpace(*s)
	if utf8.RuneCountInString(*s) > max || !utf8.ValidString(*s) {
		return invalidArgs(field, "The text is too long (at most {{.Max}} characters).", map[string]any{"Max": max})
	}
	return checkControl(field, s, multiLine)
}

// shareParsed is a checked file: its items as this package stores them,
// with channels as indexes+1 into refs (not IDs of any workspace) and
// references between items by index.
type shareParsed struct {
	origin    ShareOrigin
	refs      []ShareChannel
	templates []shareTemplateItem
	series    []shareSeriesItem
	ideas     []shareIdeaItem
}

type shareTemplateItem struct {
	t      Template
	topic  string
	hashes int // index of the hashtag set in templates, -1 = none
}

type shareSeriesItem struct {
	s        Series
	topic    string
	template int // index of the caption template in templates, -1 = none
}

type shareIdeaItem struct {
	p      Post
	topic  string
	hashes int
}

// parse checks the whole file and turns it into shareParsed.
func (f *ShareFile) parse() (*shareParsed, error) {
	if f.Format != ShareFormat || f.Version < 1 || f.Version > ShareVersion {
		return nil, invalid("file", shareNotOurs)
	}
	o, err := f.Origin.checked()
	if err != nil {
		return nil, err
	}
	if len(f.Templates) > maxShareItems || len(f.Series) > maxShareItems || len(f.Ideas) > maxShareItems {
		return nil, invalidArgs("file", shareDamaged, map[string]any{"Detail": "too many items"})
	}
	if f.Items() == 0 {
		return nil, invalid("file", shareEmpty)
	}
	p := &shareParsed{origin: o}
	if err := p.parseTemplates(f.Templates); err != nil {
		return nil, err
	}
	if err := p.parseSeries(f.Series); err != nil {
		return nil, err
	}
	if err := p.parseIdeas(f.Ideas); err != nil {
		return nil, err
	}
	return p, nil
}

// checked returns the origin trimmed, or why it cannot be used.
func (o ShareOrigin) checked() (ShareOrigin, error) {
	for _, t := range []struct {
		s     *string
		max   int
		multi bool
	}{{&o.Organisation, maxOriginText, false}, {&o.Person, maxOriginText, false}, {&o.Note, MaxNotes, true}} {
		if err := checkOriginText("origin", t.s, t.max, t.multi); err != nil {
			return o, shareItemError(o.Organisation, err)
		}
	}
	if o.Exported.IsZero() || o.Exported.Year() < MinYear || o.Exported.Year() > MaxYear {
		return o, invalidArgs("file", shareDamaged, map[string]any{"Detail": "no export date"})
	}
	return o, nil
}

// shareItemError names the item a problem belongs to.
func shareItemError(name string, err error) error {
	var inv *InvalidError
	if !errors.As(err, &inv) {
		return err
	}
	// The name comes from the file: no control character (an escape
	// sequence for the terminal) gets into the message.
	return invalidArgs("file", shareBadItem, map[string]any{"Name": Ellipsis(CleanText(name, false), 60),
		"Problem": calendar.Message{Key: inv.Message, Args: inv.Args}})
}

// ref returns the pseudo ID of a channel named in the file.
func (p *shareParsed) ref(c ShareChannel) (int64, error) {
	if !c.Platform.Valid() {
		return 0, invalid("platform", "Please choose a platform from the list.")
	}
	name, err := checkName("name", c.Name, 60)
	if err != nil {
		return 0, err
	}
	for i, r := range p.refs {
		if r.Platform == c.Platform && strings.EqualFold(r.Name, name) {
			return int64(i + 1), nil
		}
	}
	p.refs = append(p.refs, ShareChannel{Platform: c.Platform, Name: name})
	return int64(len(p.refs)), nil
}

func (p *shareParsed) refList(cs []ShareChannel) ([]int64, error) {
	var out []int64
	for _, c := range cs {
		id, err := p.ref(c)
		if err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

func checkTopicName(s *string) error {
	*s = strings.TrimSpace(*s)
	if *s == "" {
		return nil
	}
	n, err := checkName("topic", *s, 60)
	*s = n
	return err
}

// templateIndex finds a template of the file by kind and name; -1 for "".
func (p *shareParsed) templateIndex(kind TemplateKind, name string) (int, error) {
	if strings.TrimSpace(name) == "" {
		return -1, nil
	}
	for i, t := range p.templates {
		if t.t.Kind == kind && strings.EqualFold(t.t.Name, strings.TrimSpace(name)) {
			return i, nil
		}
	}
	if kind == KindHashtags {
		return 0, invalid("hashtag set", "The chosen hashtag set no longer exists.")
	}
	return 0, invalid("template", "The chosen caption template no longer exists.")
}

// parseTemplates checks the templates, then the hashtag sets the caption
// templates name (which may come later in the file).
func (p *shareParsed) parseTemplates(list []ShareTemplate) error {
	for _, st := range list {
		if err := p.parseTemplate(st); err != nil {
			return shareItemError(st.Name, err)
		}
	}
	for i, st := range list {
		var err error
		if p.templates[i].hashes, err = p.templateIndex(KindHashtags, st.HashtagSet); err != nil {
			return shareItemError(st.Name, err)
		}
	}
	return nil
}

func (p *shareParsed) parseTemplate(st ShareTemplate) error {
	t := Template{Kind: st.Kind, Name: st.Name, Title: st.Title, Body: st.Body, Notes: st.Notes}
	var err error
	if t.Channels, err = p.refList(st.Channels); err != nil {
		return err
	}
	for _, v := range st.Variants {
		id, err := p.ref(v.Channel)
		if err != nil {
			return err
		}
		t.Variants = append(t.Variants, TemplateVariant{ChannelID: id, Body: v.Body})
	}
	item := shareTemplateItem{topic: st.Topic, hashes: -1}
	if st.HashtagSet != "" && t.Kind != KindCaption {
		return invalid("kind", "Only a caption template has a title, a hashtag set and texts per channel.")
	}
	if err := t.validate(); err != nil {
		return err
	}
	if err := checkTopicName(&item.topic); err != nil {
		return err
	}
	for _, o := range p.templates {
		if o.t.Kind == t.Kind && strings.EqualFold(o.t.Name, t.Name) {
			return invalid("name", "A template of this kind with this name exists already.")
		}
	}
	item.t = t
	p.templates = append(p.templates, item)
	return nil
}

// shareWeekdays are the weekday names of the file.
func shareWeekday(s string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(s, d.String()) {
			return d, true
		}
	}
	return 0, false
}

func (p *shareParsed) parseSeries(list []ShareSeries) error {
	for _, ss := range list {
		if err := p.parseOneSeries(ss); err != nil {
			return shareItemError(ss.Title, err)
		}
	}
	return nil
}

func (p *shareParsed) parseOneSeries(ss ShareSeries) error {
	s := Series{Title: ss.Title, Caption: ss.Caption, Notes: ss.Notes, Zone: ss.Zone}
	var err error
	if s.Channels, err = p.refList(ss.Channels); err != nil {
		return err
	}
	r := &s.Rule
	switch ss.Repeat {
	case kindNames[calendar.Weekly]:
		r.Kind = calendar.Weekly
	case kindNames[calendar.MonthlyNth]:
		r.Kind = calendar.MonthlyNth
	default:
		return invalid("repeat", "Please choose how the series repeats: weekly or monthly.")
	}
	var ok bool
	if r.Weekday, ok = shareWeekday(ss.Weekday); !ok {
		return invalid("weekday", "Please choose a weekday.")
	}
	r.Interval, r.Nth, r.Count = ss.Interval, ss.Nth, ss.Count
	if r.Start, err = calendar.ParseDate(ss.Start); err != nil {
		return invalid("start", "Please give the series a start date.")
	}
	if ss.End != "" {
		end, err := calendar.ParseDate(ss.End)
		if err != nil {
			return invalidArgs("end", "The date must lie between {{.Min}} and {{.Max}}.", dateRangeArgs)
		}
		r.End = &end
	}
	c, err := ParseClock(ss.Time)
	if err != nil {
		return err
	}
	r.Hour, r.Minute = c.Hour, c.Minute
	if err := s.validate(); err != nil {
		return err
	}
	item := shareSeriesItem{topic: ss.Topic}
	if err := checkTopicName(&item.topic); err != nil {
		return err
	}
	if item.template, err = p.templateIndex(KindCaption, ss.Template); err != nil {
		return err
	}
	item.s = s
	p.series = append(p.series, item)
	return nil
}

func (p *shareParsed) parseIdeas(list []ShareIdea) error {
	for _, si := range list {
		if err := p.parseIdea(si); err != nil {
			return shareItemError(si.Title, err)
		}
	}
	return nil
}

func (p *shareParsed) parseIdea(si ShareIdea) error {
	post := Post{Title: si.Title, Caption: si.Caption, Notes: si.Notes, Link: si.Link, Status: StatusIdea}
	for _, c := range si.Channels {
		id, err := p.ref(c.ShareChannel)
		if err != nil {
			return err
		}
		post.Channels = append(post.Channels, PostChannel{ChannelID: id, Caption: c.Caption})
	}
	if utf8.RuneCountInString(si.Link) > MaxLink {
		return invalidArgs("link", "The link is too long (at most {{.Max}} characters).", map[string]any{"Max": MaxLink})
	}
	for _, c := range post.Channels {
		if utf8.RuneCountInString(c.Caption) > MaxCaption || !utf8.ValidString(c.Caption) {
			return invalid("override", "The caption is too long.")
		}
	}
	if err := post.validate(); err != nil {
		return err
	}
	item := shareIdeaItem{topic: si.Topic}
	if err := checkTopicName(&item.topic); err != nil {
		return err
	}
	var err error
	if item.hashes, err = p.templateIndex(KindHashtags, si.HashtagSet); err != nil {
		return err
	}
	item.p = post
	p.ideas = append(p.ideas, item)
	return nil
}
