package data

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/data/caption"

	sqlite3 "modernc.org/sqlite/lib"
)

// TemplateKind says what a Template is for.
type TemplateKind string

// The kinds of templates: a caption template (Textvorlage) fills a post's
// title and texts; a hashtag set (Hashtag-Set) is a list of hashtags that
// {Hashtags} stands for or that is inserted at the cursor; a snippet
// (Baustein) is a piece of text inserted at the cursor.
const (
	KindCaption  TemplateKind = "caption"
	KindHashtags TemplateKind = "hashtags"
	KindSnippet  TemplateKind = "snippet"
)

// TemplateKinds lists the kinds in the order the Vorlagen screen shows
// them.
func TemplateKinds() []TemplateKind { return []TemplateKind{KindCaption, KindHashtags, KindSnippet} }

// Valid reports whether k is one of TemplateKinds.
func (k TemplateKind) Valid() bool { return slices.Contains(TemplateKinds(), k) }

// German names the kind in German (singular), for the change log.
func (k TemplateKind) German() string {
	switch k {
	case KindHashtags:
		return "Hashtag-Set"
	case KindSnippet:
		return "Baustein"
	}
	return "Textvorlage"
}

// TemplateVariant is a caption template's own text for one channel (a
// short X/Bluesky text beside the long Instagram one); it becomes that
// channel's own text (PostChannel.Caption) in a post.
type TemplateVariant struct {
	ChannelID int64
	Body      string
}

// Template is a caption template, a hashtag set or a snippet (see
// TemplateKind). Placeholders such as {Datum} or {Ausbildungsberuf} stay in
// its texts as typed; package caption fills them.
type Template struct {
	ID   int64
	Kind TemplateKind
	Name string
	// Title is the post title a caption template fills ("" keeps the
	// post's, or the series' title when a series slot is filled).
	Title string
	// Body is the text of a caption template or snippet; a hashtag set
	// holds its tags, each with its '#', joined by one space.
	Body    string
	Notes   string
	TopicID int64 // 0 = no topic
	// HashtagSetID names the hashtag set a caption template's {Hashtags}
	// stands for (0 = none).
	HashtagSetID int64
	// Channels are the channels the template is meant for, in display
	// order (none = every channel); a filter when choosing one.
	Channels []int64
	// Variants are a caption template's own texts per channel, in the
	// channels' display order.
	Variants []TemplateVariant
	Created  time.Time
	Updated  time.Time
}

// Tags returns a hashtag set's tags (nil for the other kinds).
func (t Template) Tags() []string {
	if t.Kind != KindHashtags {
		return nil
	}
	return strings.Fields(t.Body)
}

// Variant returns the template's own text for a channel, if it has one.
func (t Template) Variant(channelID int64) (string, bool) {
	for _, v := range t.Variants {
		if v.ChannelID == channelID {
			return v.Body, true
		}
	}
	return "", false
}

// ForChannel reports whether the template is meant for the channel: it
// names it, or it names no channel at all.
func (t Template) ForChannel(channelID int64) bool {
	return len(t.Channels) == 0 || slices.Contains(t.Channels, channelID)
}

// Matches reports whether the template's name, title, text or notes
// contain query, case ignored and umlauts matched with their vowel
// ("anschrift" finds "Anschrift", "grus" finds "Feiertagsgruß" as "gruss"
// does); an empty query matches every template. The Vorlagen screen
// filters its lists with it as the person types.
func (t Template) Matches(query string) bool {
	q := FoldGerman(strings.TrimSpace(query))
	if q == "" {
		return true
	}
	for _, s := range []string{t.Name, t.Title, t.Body, t.Notes} {
		if strings.Contains(FoldGerman(s), q) {
			return true
		}
	}
	return false
}

// MaxTemplateName is the longest name of a template.
const MaxTemplateName = 100

// validate checks and normalises what can be checked without the
// database: kind, name, texts within the limits of a post's texts and
// without control characters, a hashtag set's tags (caption.ParseHashtags),
// channels and variants listed once, and the fields only a caption
// template has.
func (t *Template) validate() error {
	if !t.Kind.Valid() {
		return invalid("kind", "Please choose whether this is a caption template, a hashtag set or a snippet.")
	}
	var err error
	if t.Name, err = checkName("name", t.Name, MaxTemplateName); err != nil {
		return err
	}
	t.Title = strings.TrimSpace(t.Title)
	if t.Kind != KindCaption && (t.Title != "" || t.HashtagSetID != 0 || len(t.Variants) > 0) {
		return invalid("kind", "Only a caption template has a title, a hashtag set and texts per channel.")
	}
	if n := utf8.RuneCountInString(t.Title); n > MaxTitle {
		return invalidArgs("title", "The title is too long ({{.N}} characters, at most {{.Max}}).", map[string]any{"N": n, "Max": MaxTitle})
	}
	if utf8.RuneCountInString(t.Body) > MaxCaption {
		return invalid("caption", "The caption is too long.")
	}
	if utf8.RuneCountInString(t.Notes) > MaxNotes {
		return invalid("notes", "The notes are too long.")
	}
	if !utf8.ValidString(t.Title + t.Body + t.Notes) {
		return invalid("caption", "The text contains invalid characters.")
	}
	if err := checkControl("title", &t.Title, false); err != nil {
		return err
	}
	if err := checkControl("caption", &t.Body, true); err != nil {
		return err
	}
	if err := checkControl("notes", &t.Notes, true); err != nil {
		return err
	}
	if t.Kind == KindHashtags {
		if err := t.normaliseTags(); err != nil {
			return err
		}
	}
	seen := map[int64]bool{}
	for _, id := range t.Channels {
		if seen[id] {
			return invalid("channels", "A channel is listed twice.")
		}
		seen[id] = true
	}
	clear(seen)
	variants := t.Variants[:0:0]
	for _, v := range t.Variants {
		if seen[v.ChannelID] {
			return invalid("variants", "A channel has two own texts.")
		}
		seen[v.ChannelID] = true
		if utf8.RuneCountInString(v.Body) > MaxCaption {
			return invalid("variants", "The caption is too long.")
		}
		if !utf8.ValidString(v.Body) {
			return invalid("variants", "The text contains invalid characters.")
		}
		if err := checkControl("override", &v.Body, true); err != nil {
			return err
		}
		// An own text left empty means "the template's text", as a post's
		// channel without own text does.
		if strings.TrimSpace(v.Body) != "" {
			variants = append(variants, v)
		}
	}
	t.Variants = variants
	return nil
}

// normaliseTags turns a hashtag set as typed into its tags joined by one
// space, each with its '#' and no duplicates (caption.ParseHashtags).
func (t *Template) normaliseTags() error {
	// Words that cannot be a hashtag (punctuation inside) are left out, as
	// the Vorlagen screen says while the set is typed (ParseHashtags'
	// notes); only a set left without any hashtag is refused.
	tags, _, bad := caption.ParseHashtags(t.Body)
	// A '#' on its own is no hashtag, whatever the parser made of it.
	tags = slices.DeleteFunc(tags, func(s string) bool { return strings.Trim(s, "#＃") == "" })
	if len(tags) == 0 && len(bad) > 0 {
		return invalidArgs("caption", "A hashtag set needs at least one hashtag. These words cannot be hashtags: {{.Words}}",
			map[string]any{"Words": strings.Join(bad, " ")})
	}
	if len(tags) == 0 {
		return invalid("caption", "A hashtag set needs at least one hashtag.")
	}
	t.Body = strings.Join(tags, " ")
	if utf8.RuneCountInString(t.Body) > MaxCaption {
		return invalid("caption", "The caption is too long.")
	}
	return nil
}

// SaveTemplate inserts t (ID 0) or updates it; t.ID, Created and Updated
// are set and t is normalised as stored (trimmed name and title, a
// hashtag set's tags parsed, empty own texts dropped). It refuses with an
// *InvalidError a missing name, a name another template of the same kind
// has (whatever the case), texts over the limits of a post's texts,
// control characters, a topic, hashtag set or channel that does not
// exist, and own texts per channel on anything but a caption template.
func (w *Workspace) SaveTemplate(ctx context.Context, t *Template) error {
	if err := t.validate(); err != nil {
		return err
	}
	id := t.ID
	err := w.write(ctx, "save template", func(tx *sql.Tx) error { return w.saveTemplate(ctx, tx, t, "") })
	if err != nil {
		t.ID = id
	}
	return err
}

// saveTemplate stores a validated t inside tx; note is added to the
// change log's line.
func (w *Workspace) saveTemplate(ctx context.Context, tx *sql.Tx, t *Template, note string) error {
	if err := checkTemplateLinks(ctx, tx, t); err != nil {
		return err
	}
	now := w.timestamp()
	args := []any{t.Kind, t.Name, t.Title, t.Body, t.Notes, nullID(t.TopicID), nullID(t.HashtagSetID), now}
	action, verb := "update", "geändert"
	if t.ID == 0 {
		action, verb = "create", "angelegt"
		err := tx.QueryRowContext(ctx, `INSERT INTO templates (kind, name, title, body, notes, topic_id, hashtag_set_id, updated_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, append(args, now)...).Scan(&t.ID)
		if err != nil {
			return err
		}
		t.Created, _ = time.Parse(time.RFC3339, now)
	} else {
		var kind TemplateKind
		if err := tx.QueryRowContext(ctx, `SELECT kind FROM templates WHERE id = ?`, t.ID).Scan(&kind); err != nil {
			return notFound("template", t.ID, err)
		}
		// Posts, series and caption templates point at a hashtag set or a
		// caption template by its kind; a new kind is a new template.
		if kind != t.Kind {
			return invalid("kind", "The kind of a saved template cannot be changed; duplicate its text into a new one instead.")
		}
		var created string
		err := tx.QueryRowContext(ctx, `UPDATE templates SET kind = ?, name = ?, title = ?, body = ?, notes = ?, topic_id = ?, hashtag_set_id = ?,
			updated_at = ? WHERE id = ? RETURNING created_at`, append(args, t.ID)...).Scan(&created)
		if err != nil {
			return notFound("template", t.ID, err)
		}
		t.Created, _ = time.Parse(time.RFC3339, created)
	}
	t.Updated, _ = time.Parse(time.RFC3339, now)
	for _, q := range []string{`DELETE FROM template_channels WHERE template_id = ?`, `DELETE FROM template_variants WHERE template_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, t.ID); err != nil {
			return err
		}
	}
	for _, c := range t.Channels {
		if _, err := tx.ExecContext(ctx, `INSERT INTO template_channels (template_id, channel_id) VALUES (?, ?)`, t.ID, c); err != nil {
			return channelGone(err)
		}
	}
	for _, v := range t.Variants {
		if _, err := tx.ExecContext(ctx, `INSERT INTO template_variants (template_id, channel_id, body) VALUES (?, ?, ?)`, t.ID, v.ChannelID, v.Body); err != nil {
			return channelGone(err)
		}
	}
	// Read back in display order, as Template returns them.
	stored, err := templateByID(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	t.Channels, t.Variants = stored.Channels, stored.Variants
	return w.logChange(ctx, tx, action, "template", t.ID, fmt.Sprintf("%s „%s“ %s%s", t.Kind.German(), Ellipsis(t.Name, 80), verb, note))
}

// channelGone turns the foreign-key error of a channel deleted meanwhile
// into a sentence.
func channelGone(err error) error {
	if isConstraint(err, sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY) {
		return invalid("channels", "One of the chosen channels no longer exists.")
	}
	return err
}

// checkTemplateLinks checks inside tx what needs the database: the name
// is not taken by another template of the same kind (compared without
// case, also for umlauts, which SQLite's lower() leaves alone), and the
// topic and hashtag set exist.
func checkTemplateLinks(ctx context.Context, tx *sql.Tx, t *Template) error {
	names, err := queryColumn[string](ctx, tx, `SELECT name FROM templates WHERE kind = ? AND id != ?`, t.Kind, t.ID)
	if err != nil {
		return err
	}
	for _, n := range names {
		if strings.EqualFold(n, t.Name) {
			return invalid("name", "A template of this kind with this name exists already.")
		}
	}
	var n int
	if t.TopicID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM topics WHERE id = ?`, t.TopicID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalid("topic", "The chosen topic no longer exists.")
		}
	}
	if t.HashtagSetID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM templates WHERE id = ? AND kind = ?`, t.HashtagSetID, KindHashtags).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalid("hashtag set", "The chosen hashtag set no longer exists.")
		}
	}
	return nil
}

const templateColumns = `id, kind, name, title, body, notes, coalesce(topic_id, 0), coalesce(hashtag_set_id, 0), created_at, updated_at`

func scanTemplate(scan func(...any) error) (Template, error) {
	var t Template
	var created, updated string
	err := scan(&t.ID, &t.Kind, &t.Name, &t.Title, &t.Body, &t.Notes, &t.TopicID, &t.HashtagSetID, &created, &updated)
	t.Created, _ = time.Parse(time.RFC3339, created)
	t.Updated, _ = time.Parse(time.RFC3339, updated)
	return t, err
}

// templateParts reads the channels and variants of the templates with the
// given IDs (nil = all), in channel display order.
func templateParts(ctx context.Context, q queryer, ids []int64) (map[int64][]int64, map[int64][]TemplateVariant, error) {
	where, args := "", []any{}
	if ids != nil {
		list := make([]string, len(ids))
		for i, id := range ids {
			list[i] = fmt.Sprint(id)
		}
		where, args = ` WHERE x.template_id IN (SELECT value FROM json_each(?))`, []any{"[" + strings.Join(list, ",") + "]"}
	}
	chans := map[int64][]int64{}
	rows, err := q.QueryContext(ctx, `SELECT x.template_id, x.channel_id FROM template_channels x JOIN channels c ON c.id = x.channel_id`+where+`
		ORDER BY c.position, c.id`, args...)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var tid, cid int64
		if err := rows.Scan(&tid, &cid); err != nil {
			rows.Close()
			return nil, nil, err
		}
		chans[tid] = append(chans[tid], cid)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	variants := map[int64][]TemplateVariant{}
	rows, err = q.QueryContext(ctx, `SELECT x.template_id, x.channel_id, x.body FROM template_variants x JOIN channels c ON c.id = x.channel_id`+where+`
		ORDER BY c.position, c.id`, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var tid int64
		var v TemplateVariant
		if err := rows.Scan(&tid, &v.ChannelID, &v.Body); err != nil {
			return nil, nil, err
		}
		variants[tid] = append(variants[tid], v)
	}
	return chans, variants, rows.Err()
}

func templateByID(ctx context.Context, q queryer, id int64) (Template, error) {
	t, err := scanTemplate(q.QueryRowContext(ctx, `SELECT `+templateColumns+` FROM templates WHERE id = ?`, id).Scan)
	if err != nil {
		return t, notFound("template", id, err)
	}
	chans, variants, err := templateParts(ctx, q, []int64{id})
	if err != nil {
		return t, err
	}
	t.Channels, t.Variants = chans[id], variants[id]
	return t, nil
}

// Template returns one template with its channels and variants.
func (w *Workspace) Template(ctx context.Context, id int64) (Template, error) {
	t, err := templateByID(ctx, w.reader(), id)
	return t, w.fault("read template", err)
}

// Templates returns the templates of one kind ("" = every kind) by name
// in German order (ä with a, ß with ss, case ignored), then by ID.
func (w *Workspace) Templates(ctx context.Context, kind TemplateKind) ([]Template, error) {
	out, err := allTemplates(ctx, w.reader(), kind)
	return out, w.fault("read templates", err)
}

func allTemplates(ctx context.Context, q queryer, kind TemplateKind) ([]Template, error) {
	var out []Template
	err := eachRow(ctx, q, `SELECT `+templateColumns+` FROM templates WHERE ?1 = '' OR kind = ?1`, string(kind), func(rows *sql.Rows) error {
		t, err := scanTemplate(rows.Scan)
		out = append(out, t)
		return err
	})
	if err != nil || len(out) == 0 {
		return nil, err
	}
	chans, variants, err := templateParts(ctx, q, nil)
	if err != nil {
		return nil, err
	}
	keys := make(map[int64]string, len(out))
	for i := range out {
		out[i].Channels, out[i].Variants = chans[out[i].ID], variants[out[i].ID]
		keys[out[i].ID] = FoldGerman(out[i].Name)
	}
	slices.SortFunc(out, func(a, b Template) int {
		return cmp.Or(strings.Compare(keys[a.ID], keys[b.ID]), strings.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// DeleteTemplate removes a template. Posts and series made from it, caption
// templates using a hashtag set and posts whose {Hashtags} named it keep
// their texts (their link to it is cleared); the change log says how many.
func (w *Workspace) DeleteTemplate(ctx context.Context, id int64) error {
	return w.write(ctx, "delete template", func(tx *sql.Tx) error {
		t, err := templateByID(ctx, tx, id)
		if err != nil {
			return err
		}
		var posts, series, templates int
		err = tx.QueryRowContext(ctx, `SELECT
				(SELECT count(*) FROM posts WHERE template_id = ?1 OR hashtag_set_id = ?1),
				(SELECT count(*) FROM series WHERE template_id = ?1),
				(SELECT count(*) FROM templates WHERE hashtag_set_id = ?1)`, id).Scan(&posts, &series, &templates)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM templates WHERE id = ?`, id); err != nil {
			return err
		}
		summary := fmt.Sprintf("%s „%s“ gelöscht", t.Kind.German(), Ellipsis(t.Name, 80))
		if posts+series+templates > 0 {
			summary += fmt.Sprintf("; verwendet von %d Beiträgen, %d Serien und %d Textvorlagen, deren Texte bleiben", posts, series, templates)
		}
		return w.logChange(ctx, tx, "delete", "template", id, summary)
	})
}

// DuplicateTemplate stores a copy of a template under the first free name
// of "Name (Kopie)", "Name (Kopie 2)" … (the name shortened where the
// addition would make it too long) and returns the copy.
func (w *Workspace) DuplicateTemplate(ctx context.Context, id int64) (Template, error) {
	var t Template
	err := w.write(ctx, "duplicate template", func(tx *sql.Tx) error {
		var err error
		if t, err = templateByID(ctx, tx, id); err != nil {
			return err
		}
		names, err := queryColumn[string](ctx, tx, `SELECT name FROM templates WHERE kind = ?`, t.Kind)
		if err != nil {
			return err
		}
		taken := func(name string) bool {
			return slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, name) })
		}
		orig := t.Name
		for i := 1; ; i++ {
			suffix := " (Kopie)"
			if i > 1 {
				suffix = fmt.Sprintf(" (Kopie %d)", i)
			}
			base := []rune(orig)
			if room := MaxTemplateName - utf8.RuneCountInString(suffix); len(base) > room {
				base = base[:room]
			}
			if t.Name = strings.TrimSpace(string(base)) + suffix; !taken(t.Name) {
				break
			}
		}
		t.ID = 0
		if err := t.validate(); err != nil {
			return err
		}
		return w.saveTemplate(ctx, tx, &t, " (Kopie von „"+Ellipsis(orig, 80)+"“)")
	})
	if err != nil {
		return Template{}, err
	}
	return t, nil
}
