package data

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func saveTemplate(t *testing.T, ws *Workspace, tpl Template) Template {
	t.Helper()
	if err := ws.SaveTemplate(context.Background(), &tpl); err != nil {
		t.Fatalf("SaveTemplate %q: %v", tpl.Name, err)
	}
	return tpl
}

func templateNames(ts []Template) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Name)
	}
	return out
}

// All three kinds are stored and read back with their channels and own
// texts per channel; a hashtag set typed carelessly is stored tidy.
func TestTemplatesRoundTrip(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ch, tp := testIDs(t, ws)
	x := Channel{Name: "X", Platform: X}
	if err := ws.SaveChannel(ctx, &x); err != nil {
		t.Fatal(err)
	}
	tags := saveTemplate(t, ws, Template{Kind: KindHashtags, Name: "Ausbildung",
		Body: "#Ausbildung Azubi, #azubi; #KarriereImÖffentlichenDienst\r\n#Musterstadt #ausbildung"})
	if tags.Body != "#Ausbildung #Azubi #KarriereImÖffentlichenDienst #Musterstadt" {
		t.Errorf("hashtag set stored as %q", tags.Body)
	}
	if !slices.Equal(tags.Tags(), []string{"#Ausbildung", "#Azubi", "#KarriereImÖffentlichenDienst", "#Musterstadt"}) {
		t.Errorf("tags %q", tags.Tags())
	}
	snippet := saveTemplate(t, ws, Template{Kind: KindSnippet, Name: "Jetzt bewerben", Body: "Jetzt bewerben: {Link}", Channels: []int64{ch[1]}})
	capt := saveTemplate(t, ws, Template{
		Kind: KindCaption, Name: "Azubi-Dienstag", Title: "  Azubi-Dienstag: {Ausbildungsberuf}  ",
		Body:  "Heute stellen wir vor: {Ausbildungsberuf} 👩‍🔧\r\n\r\n{Hashtags}\r\n{Bildnachweis}",
		Notes: "Foto vorher freigeben lassen", TopicID: tp[0], HashtagSetID: tags.ID,
		Channels: []int64{x.ID, ch[0]},
		Variants: []TemplateVariant{{ChannelID: x.ID, Body: "Azubi-Dienstag: {Ausbildungsberuf} {Link}"}, {ChannelID: ch[1], Body: "  "}},
	})
	got, err := ws.Template(ctx, capt.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Kind != KindCaption || got.Title != "Azubi-Dienstag: {Ausbildungsberuf}" ||
		got.Body != "Heute stellen wir vor: {Ausbildungsberuf} 👩‍🔧\n\n{Hashtags}\n{Bildnachweis}" ||
		got.Notes != "Foto vorher freigeben lassen" || got.TopicID != tp[0] || got.HashtagSetID != tags.ID || got.Created.IsZero() {
		t.Errorf("stored %+v", got)
	}
	// Channels come in display order, whatever order they were chosen in;
	// an empty own text is no own text.
	if !slices.Equal(got.Channels, []int64{ch[0], x.ID}) {
		t.Errorf("channels %v, want %v", got.Channels, []int64{ch[0], x.ID})
	}
	if len(got.Variants) != 1 || got.Variants[0].ChannelID != x.ID || got.Variants[0].Body != "Azubi-Dienstag: {Ausbildungsberuf} {Link}" {
		t.Errorf("variants %+v", got.Variants)
	}
	if v, ok := got.Variant(x.ID); !ok || !strings.HasPrefix(v, "Azubi-Dienstag") {
		t.Errorf("Variant(x) = %q, %v", v, ok)
	}
	if !slices.Equal(capt.Channels, got.Channels) || len(capt.Variants) != 1 {
		t.Errorf("saved value not normalised: %v %+v", capt.Channels, capt.Variants)
	}

	all, err := ws.Templates(ctx, "")
	if err != nil || len(all) != 3 {
		t.Fatalf("all: %v %v", templateNames(all), err)
	}
	for _, k := range TemplateKinds() {
		list, err := ws.Templates(ctx, k)
		if err != nil || len(list) != 1 || list[0].Kind != k {
			t.Errorf("%s: %+v %v", k, list, err)
		}
	}
	if list, _ := ws.Templates(ctx, KindSnippet); !slices.Equal(list[0].Channels, []int64{ch[1]}) || list[0].ID != snippet.ID {
		t.Errorf("snippet %+v", list[0])
	}

	// An update replaces channels and variants.
	got.Channels, got.Variants = nil, []TemplateVariant{{ChannelID: ch[1], Body: "Facebook-Text"}}
	if err := ws.SaveTemplate(ctx, &got); err != nil {
		t.Fatal(err)
	}
	again, _ := ws.Template(ctx, got.ID)
	if len(again.Channels) != 0 || len(again.Variants) != 1 || again.Variants[0].ChannelID != ch[1] || !again.Created.Equal(got.Created) {
		t.Errorf("after update %+v", again)
	}
	if s := changeSummaries(t, ws, 4); !slices.Equal(s, []string{"Textvorlage „Azubi-Dienstag“ geändert", "Textvorlage „Azubi-Dienstag“ angelegt",
		"Baustein „Jetzt bewerben“ angelegt", "Hashtag-Set „Ausbildung“ angelegt"}) {
		t.Errorf("log %q", s)
	}
	if _, err := ws.Template(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown template: %v", err)
	}
}

func TestTemplateValidation(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ch, _ := testIDs(t, ws)
	set := saveTemplate(t, ws, Template{Kind: KindHashtags, Name: "Stadtleben", Body: "#Musterstadt"})
	snippet := saveTemplate(t, ws, Template{Kind: KindSnippet, Name: "Signatur", Body: "Ihre Stadtverwaltung"})
	saveTemplate(t, ws, Template{Kind: KindCaption, Name: "Öffnungszeiten", Body: "{Datum}"})
	base := lastChangeID(t, ws)
	long := strings.Repeat("ä", MaxCaption+1)
	for _, c := range []struct {
		name       string
		tpl        Template
		field, key string
	}{
		{"no kind", Template{Name: "X"}, "kind", "Please choose whether this is a caption template, a hashtag set or a snippet."},
		{"no name", Template{Kind: KindCaption, Name: "  "}, "name", "Please enter a name."},
		{"long name", Template{Kind: KindCaption, Name: strings.Repeat("n", MaxTemplateName+1)}, "name", "The name is too long (at most {{.Max}} characters)."},
		{"same name other case", Template{Kind: KindCaption, Name: "ÖFFNUNGSZEITEN"}, "name", "A template of this kind with this name exists already."},
		{"NUL in body", Template{Kind: KindCaption, Name: "A", Body: "Text\x00mit NUL"}, "caption", controlKeys["caption"].Key},
		{"NUL in title", Template{Kind: KindCaption, Name: "A", Title: "Titel\x00"}, "title", controlKeys["title"].Key},
		{"NUL in variant", Template{Kind: KindCaption, Name: "A", Variants: []TemplateVariant{{ch[0], "a\x00"}}}, "override", controlKeys["override"].Key},
		{"NUL in hashtags", Template{Kind: KindHashtags, Name: "A", Body: "#a\x00b"}, "caption", controlKeys["caption"].Key},
		{"NUL in name", Template{Kind: KindSnippet, Name: "A\x00"}, "name", controlKeys["name"].Key},
		{"body too long", Template{Kind: KindSnippet, Name: "A", Body: long}, "caption", "The caption is too long."},
		{"variant too long", Template{Kind: KindCaption, Name: "A", Variants: []TemplateVariant{{ch[0], long}}}, "variants", "The caption is too long."},
		{"invalid UTF-8", Template{Kind: KindCaption, Name: "A", Body: "\xff"}, "caption", "The text contains invalid characters."},
		{"empty hashtag set", Template{Kind: KindHashtags, Name: "A", Body: " , ;\r\n\t"}, "caption", "A hashtag set needs at least one hashtag."},
		{"variants on snippet", Template{Kind: KindSnippet, Name: "A", Variants: []TemplateVariant{{ch[0], "x"}}}, "kind",
			"Only a caption template has a title, a hashtag set and texts per channel."},
		{"hashtag set on hashtag set", Template{Kind: KindHashtags, Name: "A", Body: "#a", HashtagSetID: set.ID}, "kind",
			"Only a caption template has a title, a hashtag set and texts per channel."},
		{"snippet as hashtag set", Template{Kind: KindCaption, Name: "A", HashtagSetID: snippet.ID}, "hashtag set", "The chosen hashtag set no longer exists."},
		{"unknown topic", Template{Kind: KindCaption, Name: "A", TopicID: 9999}, "topic", "The chosen topic no longer exists."},
		{"unknown channel", Template{Kind: KindCaption, Name: "A", Channels: []int64{9999}}, "channels", "One of the chosen channels no longer exists."},
		{"unknown variant channel", Template{Kind: KindCaption, Name: "A", Variants: []TemplateVariant{{9999, "x"}}}, "channels",
			"One of the chosen channels no longer exists."},
		{"channel twice", Template{Kind: KindCaption, Name: "A", Channels: []int64{ch[0], ch[0]}}, "channels", "A channel is listed twice."},
		{"variant twice", Template{Kind: KindCaption, Name: "A", Variants: []TemplateVariant{{ch[0], "a"}, {ch[0], "b"}}}, "variants",
			"A channel has two own texts."},
	} {
		t.Run(c.name, func(t *testing.T) {
			tpl := c.tpl
			err := ws.SaveTemplate(ctx, &tpl)
			wantInvalid(t, err, c.field, c.key)
			if tpl.ID != 0 {
				t.Errorf("refused template got ID %d", tpl.ID)
			}
		})
	}
	// A set of a '#' alone has no hashtag either (the message may name the
	// words that cannot be hashtags).
	for _, body := range []string{"#", " # ＃ ", "#, #;"} {
		bad := Template{Kind: KindHashtags, Name: "A", Body: body}
		var inv *InvalidError
		if err := ws.SaveTemplate(ctx, &bad); !errors.As(err, &inv) || inv.Field != "caption" ||
			!strings.HasPrefix(inv.Message, "A hashtag set needs at least one hashtag.") {
			t.Errorf("hashtag set %q: %v", body, err)
		}
	}
	if lastChangeID(t, ws) != base {
		t.Error("a refused template was logged")
	}
	// The same name is fine for another kind; a text of exactly the
	// longest caption is accepted, line ends from Windows become LF.
	saveTemplate(t, ws, Template{Kind: KindSnippet, Name: "Öffnungszeiten", Body: "Mo–Fr 8–12 Uhr\r\nDo 14–18 Uhr"})
	big := saveTemplate(t, ws, Template{Kind: KindCaption, Name: "Lang", Body: strings.Repeat("ä", MaxCaption)})
	if got, _ := ws.Template(ctx, big.ID); len([]rune(got.Body)) != MaxCaption {
		t.Errorf("100,000-character body stored with %d characters", len([]rune(got.Body)))
	}
	snips, _ := ws.Templates(ctx, KindSnippet)
	if len(snips) != 2 || snips[0].Body != "Mo–Fr 8–12 Uhr\nDo 14–18 Uhr" {
		t.Errorf("snippets %+v", snips)
	}
}

// Templates come by name in German order: umlauts with their vowel, case
// ignored.
func TestTemplatesInGermanOrder(t *testing.T) {
	ws := newTestWorkspace(t)
	for _, n := range []string{"Zuschuss", "Öffnungszeiten", "ärztlicher Dienst", "Abfall", "Ostern", "baustelle", "Straße", "Strand"} {
		saveTemplate(t, ws, Template{Kind: KindSnippet, Name: n, Body: n})
	}
	list, err := ws.Templates(context.Background(), KindSnippet)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Abfall", "ärztlicher Dienst", "baustelle", "Öffnungszeiten", "Ostern", "Strand", "Straße", "Zuschuss"}
	if got := templateNames(list); !slices.Equal(got, want) {
		t.Errorf("order %q\nwant  %q", got, want)
	}
}

// Deleting a hashtag set that a caption template and a post use keeps both:
// only their link to it is cleared (FK SET NULL), and the log says so.
func TestDeleteHashtagSetInUse(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ch, _ := testIDs(t, ws)
	set := saveTemplate(t, ws, Template{Kind: KindHashtags, Name: "Denkmalpflege", Body: "#Denkmalpflege #TagDesOffenenDenkmals"})
	capt := saveTemplate(t, ws, Template{Kind: KindCaption, Name: "Denkmal der Woche", Body: "{Hashtags}", HashtagSetID: set.ID})
	p := Post{Title: "Denkmal der Woche: Alte Wache", Caption: "Die Alte Wache {Hashtags}", Channels: []PostChannel{{ChannelID: ch[0]}}}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	// Post.HashtagSetID and Post.TemplateID come with the posting work
	// (helper B2); set the columns directly meanwhile.
	if _, err := ws.db.ExecContext(ctx, `UPDATE posts SET hashtag_set_id = ?, template_id = ? WHERE id = ?`, set.ID, capt.ID, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := ws.DeleteTemplate(ctx, set.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Template(ctx, set.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted set still there: %v", err)
	}
	got, err := ws.Template(ctx, capt.ID)
	if err != nil || got.HashtagSetID != 0 || got.Body != "{Hashtags}" {
		t.Errorf("caption template after delete %+v, %v", got, err)
	}
	var setID, tplID *int64
	var text string
	if err := ws.db.QueryRowContext(ctx, `SELECT hashtag_set_id, template_id, caption FROM posts WHERE id = ?`, p.ID).Scan(&setID, &tplID, &text); err != nil {
		t.Fatal(err)
	}
	if setID != nil || tplID == nil || *tplID != capt.ID || text != "Die Alte Wache {Hashtags}" {
		t.Errorf("post after delete: set %v, template %v, %q", setID, tplID, text)
	}
	if s := changeSummaries(t, ws, 1)[0]; s != "Hashtag-Set „Denkmalpflege“ gelöscht; verwendet von 1 Beiträgen, 0 Serien und 1 Textvorlagen, deren Texte bleiben" {
		t.Errorf("log %q", s)
	}
	// Deleting the caption template clears the post's template_id.
	if err := ws.DeleteTemplate(ctx, capt.ID); err != nil {
		t.Fatal(err)
	}
	ws.db.QueryRowContext(ctx, `SELECT template_id FROM posts WHERE id = ?`, p.ID).Scan(&tplID)
	if tplID != nil {
		t.Errorf("post still names the deleted template %d", *tplID)
	}
	if err := ws.DeleteTemplate(ctx, capt.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

func TestDuplicateTemplate(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ch, _ := testIDs(t, ws)
	orig := saveTemplate(t, ws, Template{Kind: KindCaption, Name: "Feiertagsgruß", Title: "Frohe Ostern", Body: "Frohe Ostern! {Behörde}",
		Channels: ch, Variants: []TemplateVariant{{ch[1], "Frohe Ostern wünscht {Behörde}"}}})
	var names []string
	for range 3 {
		d, err := ws.DuplicateTemplate(ctx, orig.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.ID == orig.ID || d.Body != orig.Body || d.Title != orig.Title || !slices.Equal(d.Channels, orig.Channels) ||
			len(d.Variants) != 1 || d.Variants[0] != orig.Variants[0] {
			t.Errorf("copy %+v", d)
		}
		names = append(names, d.Name)
	}
	if !slices.Equal(names, []string{"Feiertagsgruß (Kopie)", "Feiertagsgruß (Kopie 2)", "Feiertagsgruß (Kopie 3)"}) {
		t.Errorf("names %q", names)
	}
	if s := changeSummaries(t, ws, 1)[0]; s != "Textvorlage „Feiertagsgruß (Kopie 3)“ angelegt (Kopie von „Feiertagsgruß“)" {
		t.Errorf("log %q", s)
	}
	// A name at the longest is shortened to make room for the addition.
	long := saveTemplate(t, ws, Template{Kind: KindSnippet, Name: strings.Repeat("ß", MaxTemplateName)})
	d, err := ws.DuplicateTemplate(ctx, long.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len([]rune(d.Name)) != MaxTemplateName || !strings.HasSuffix(d.Name, "ß (Kopie)") {
		t.Errorf("long copy %q", d.Name)
	}
	if _, err := ws.DuplicateTemplate(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown: %v", err)
	}
}

// A saved template keeps its kind: posts and series point at hashtag sets
// and caption templates by kind.
func TestTemplateKindIsFixed(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	set := saveTemplate(t, ws, Template{Kind: KindHashtags, Name: "Stadtleben", Body: "#Musterstadt"})
	set.Kind = KindSnippet
	wantInvalid(t, ws.SaveTemplate(ctx, &set), "kind", "The kind of a saved template cannot be changed; duplicate its text into a new one instead.")
	gone := Template{ID: 9999, Kind: KindSnippet, Name: "Weg"}
	if err := ws.SaveTemplate(ctx, &gone); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of a deleted template: %v", err)
	}
}

func TestTemplateMatchesAndChannels(t *testing.T) {
	tpl := Template{Kind: KindCaption, Name: "Feiertagsgruß", Title: "Frohe Ostern", Body: "Ihr {Behörde}", Notes: "Öffnungszeiten nennen",
		Channels: []int64{2, 5}}
	for q, want := range map[string]bool{"": true, "  ": true, "GRUSS": true, "grus": true, "ostern": true, "behorde": true,
		"offnungszeiten": true, "Öffnungs": true, "Weihnachten": false} {
		if got := tpl.Matches(q); got != want {
			t.Errorf("Matches(%q) = %v", q, got)
		}
	}
	if !tpl.ForChannel(5) || tpl.ForChannel(3) || !(Template{}).ForChannel(3) {
		t.Error("ForChannel")
	}
}
