package demo

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/caption"
)

// The demo has the templates an office uses, its series starts from one,
// and its posts from templates keep built-ins with the hashtag set, link
// and template recorded beside them.
func TestDemoTemplates(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, calendar.GermanZone())
	dir := filepath.Join(t.TempDir(), "Demo")
	ws, err := Create(ctx, dir, data.Options{}, now)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	all, err := ws.Templates(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]data.Template{}
	kinds := map[data.TemplateKind]int{}
	for _, tpl := range all {
		byName[tpl.Name] = tpl
		kinds[tpl.Kind]++
		texts := []string{tpl.Title, tpl.Body}
		for _, v := range tpl.Variants {
			texts = append(texts, v.Body)
		}
		for _, s := range texts {
			ps, bad := caption.Placeholders(s)
			if len(bad) > 0 {
				t.Errorf("%q: broken placeholder %+v", tpl.Name, bad)
			}
			for _, p := range ps {
				if b := caption.LikeBuiltin(p.Name); b != "" {
					t.Errorf("%q: {%s} looks like {%s}", tpl.Name, p.Name, b)
				}
			}
		}
		if tpl.Kind == data.KindHashtags {
			tags := tpl.Tags()
			if len(tags) == 0 || len(tags) > 5 {
				t.Errorf("hashtag set %q has %d tags; Instagram takes 5", tpl.Name, len(tags))
			}
			for _, tag := range tags {
				if r := []rune(tag); len(r) < 2 || !unicode.IsUpper(r[1]) {
					t.Errorf("hashtag %s of %q is not CamelCase", tag, tpl.Name)
				}
			}
		}
	}
	if kinds[data.KindCaption] < 6 || kinds[data.KindHashtags] < 4 || kinds[data.KindSnippet] < 4 {
		t.Errorf("kinds %v", kinds)
	}
	for _, n := range []string{"Azubi-Dienstag", "Denkmal der Woche", "Stellenausschreibung", "Veranstaltungshinweis",
		"Beteiligungsaufruf", "Feiertagsgruß", "Jetzt bewerben", "Datenschutzhinweis", "Anschrift", "Signatur Mastodon"} {
		if _, ok := byName[n]; !ok {
			t.Errorf("no template %q", n)
		}
	}
	if v, ok := byName["Denkmal der Woche"].Variant(channelID(t, ws, "Mastodon")); !ok || len([]rune(v)) > 400 {
		t.Errorf("Denkmal der Woche has no short Mastodon text: %q", v)
	}
	if byName["Azubi-Dienstag"].HashtagSetID != byName["Ausbildung"].ID {
		t.Error("Azubi-Dienstag does not name its hashtag set")
	}
	series, _ := ws.Series(ctx)
	if len(series) != 1 || series[0].TemplateID != byName["Azubi-Dienstag"].ID {
		t.Fatalf("series %+v", series)
	}

	// The posts from templates: custom fields filled (but the idea's),
	// built-ins kept, and hashtag set, link and template recorded.
	posts, _ := ws.PostsBetween(ctx, calendar.FromTime(now), calendar.FromTime(now).AddDays(60))
	ideas, _ := ws.Ideas(ctx, 100)
	kindOf := map[int64]data.TemplateKind{}
	for _, tpl := range all {
		kindOf[tpl.ID] = tpl.Kind
	}
	fromTemplate := 0
	for _, p := range append(posts, ideas...) {
		if p.TemplateID == 0 {
			continue
		}
		if kindOf[p.TemplateID] != data.KindCaption || (p.HashtagSetID != 0 && kindOf[p.HashtagSetID] != data.KindHashtags) {
			t.Errorf("%q: template %d, hashtag set %d", p.Title, p.TemplateID, p.HashtagSetID)
		}
		fromTemplate++
		texts := []string{p.Title, p.Caption}
		for _, c := range p.Channels {
			texts = append(texts, c.Caption)
		}
		custom := caption.Custom(texts...)
		if p.IsIdea() != (len(custom) > 0) {
			t.Errorf("%q (idea %v): open fields %q", p.Title, p.IsIdea(), custom)
		}
		all := strings.Join(texts, "\n")
		if strings.Contains(all, "{Link}") && p.Link == "" {
			t.Errorf("%q has {Link} but no link", p.Title)
		}
		if strings.Contains(p.Caption, "{Hashtags}") && p.HashtagSetID == 0 {
			t.Errorf("%q has {Hashtags} but no hashtag set", p.Title)
		}
	}
	if fromTemplate < 5 {
		t.Errorf("only %d posts from templates", fromTemplate)
	}
}

func channelID(t *testing.T, ws *data.Workspace, name string) int64 {
	t.Helper()
	cs, err := ws.Channels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Name == name {
			return c.ID
		}
	}
	t.Fatalf("no channel %q", name)
	return 0
}
