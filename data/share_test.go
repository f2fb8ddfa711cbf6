package data

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"feedtakt/data/calendar"
)

// shareSource is a workspace of "Stadt Musterstadt" on 3 December 2026
// with a hashtag set, a Baustein, a caption template naming the set with
// an own text for its X channel, a series from the template and an idea.
type shareSource struct {
	ws                    *Workspace
	tags, snippet, capt   Template
	series                Series
	idea, dated, discards Post
}

func newShareSource(t *testing.T) shareSource {
	t.Helper()
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, time.December, 3))
	ch, tp := testIDs(t, ws)
	x := Channel{Name: "X Musterstadt", Platform: X}
	if err := ws.SaveChannel(ctx, &x); err != nil {
		t.Fatal(err)
	}
	s := shareSource{ws: ws}
	s.tags = saveTemplate(t, ws, Template{Kind: KindHashtags, Name: "Ausbildung", Body: "#Ausbildung #Azubi"})
	s.snippet = saveTemplate(t, ws, Template{Kind: KindSnippet, Name: "Jetzt bewerben", Body: "Jetzt bewerben: {Link}"})
	s.capt = saveTemplate(t, ws, Template{Kind: KindCaption, Name: "Azubi-Dienstag", Title: "Azubi-Dienstag: {Ausbildungsberuf}",
		Body: "Heute: {Ausbildungsberuf} 👩‍🔧\n\n{Hashtags}", Notes: "Foto vorher freigeben", TopicID: tp[0], HashtagSetID: s.tags.ID,
		Channels: []int64{ch[0], x.ID}, Variants: []TemplateVariant{{ChannelID: x.ID, Body: "Kurz: {Ausbildungsberuf}"}, {ChannelID: ch[0], Body: "Lang für Instagram"}}})
	s.series = Series{Title: "Azubi-Dienstag", Caption: "#Azubi", TopicID: tp[0], Channels: []int64{ch[0], ch[1]}, TemplateID: s.capt.ID,
		Rule: calendar.Recurrence{Kind: calendar.Weekly, Interval: 1, Weekday: time.Tuesday, Start: date(2027, time.January, 5), Hour: 10}}
	if err := ws.SaveSeries(ctx, &s.series); err != nil {
		t.Fatal(err)
	}
	s.idea = Post{Title: "Blick in die Kfz-Werkstatt", Caption: "Was macht eigentlich …", Notes: "Mit Herrn K. absprechen", TopicID: tp[1],
		HashtagSetID: s.tags.ID, Channels: []PostChannel{{ChannelID: ch[1]}, {ChannelID: x.ID, Caption: "Kurz"}}}
	d := date(2026, time.December, 10)
	s.dated = Post{Title: "Geplant", Date: &d}
	s.discards = Post{Title: "Verworfen", Status: StatusDiscarded}
	for _, p := range []*Post{&s.idea, &s.dated, &s.discards} {
		if err := ws.CreatePost(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// newShareTarget is "Landkreis Beispiel": Instagram under the same name,
// Facebook under another name (the only Facebook channel), no X, and only
// the Rubrik "Ausbildung & Karriere".
func newShareTarget(t *testing.T) *Workspace {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "Landkreis")
	ws, err := Create(context.Background(), dir, Initial{
		Settings: Settings{Organisation: "Landkreis Beispiel", Land: calendar.Niedersachsen},
		Channels: []Channel{{Name: "Instagram", Platform: Instagram}, {Name: "Facebook Landkreis", Platform: Facebook}},
		Topics:   []Topic{{Name: "Ausbildung & Karriere"}},
	}, Options{Actor: Actor{Person: "Kai Kreis", PC: "LK-01"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	at := time.Date(2026, time.December, 4, 9, 0, 0, 0, calendar.GermanZone())
	ws.now = func() time.Time { return at }
	return ws
}

func changeCount(t *testing.T, ws *Workspace) int {
	t.Helper()
	var n int
	if err := ws.db.QueryRow(`SELECT count(*) FROM changelog`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func shareText(err error) string {
	e := Explain(err)
	return calendar.Message{Key: e.Key, Args: e.Args}.Text("de")
}

// Without WithNotes the items' internal notes stay at home (they name
// colleagues and people); the receiving office still learns the origin.
func TestShareLeavesNotesOutByDefault(t *testing.T) {
	ctx := context.Background()
	src := newShareSource(t)
	f, err := src.ws.ExportShare(ctx, ShareSelection{Templates: []int64{src.capt.ID}, Series: []int64{src.series.ID}, Ideas: []int64{src.idea.ID}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "Austausch.json")
	if err := WriteShareFile(path, f); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	for _, note := range []string{src.capt.Notes, src.idea.Notes} {
		if note == "" || bytes.Contains(raw, []byte(note)) {
			t.Errorf("the file carries the note %q", note)
		}
	}
	if !bytes.Contains(raw, []byte(src.capt.Body[:10])) {
		t.Error("the caption template's text is missing")
	}
	dst := newShareTarget(t)
	if _, err := dst.ApplyShare(ctx, f); err != nil {
		t.Fatal(err)
	}
	ideas, _ := dst.Ideas(ctx, 10)
	if len(ideas) != 1 || ideas[0].Notes != "Übernommen aus dem Austausch von Stadt Musterstadt, 03.12.2026." {
		t.Errorf("ideas %+v", ideas)
	}
}

// Export from one real workspace, write, read, preview and take over into
// another: dependencies come along, channels match by platform and name
// (or the only channel of the platform), what has no match is left out
// with the texts kept, a taken name gets the suffix, the origin is in the
// notes and the change log. A second taking-over skips everything.
func TestShareRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := newShareSource(t)
	f, err := src.ws.ExportShare(ctx, ShareSelection{Templates: []int64{src.capt.ID, src.snippet.ID}, Series: []int64{src.series.ID},
		Ideas: []int64{src.idea.ID}, Note: "Gern weiterverwenden!", WithNotes: true})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "Austausch.json")
	if err := WriteShareFile(path, f); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	for _, bad := range []string{`"id"`, "Maria Muster\",\n    \"exported\": \"0001", "Mit Herrn K. absprechen\"X"} {
		if bytes.Contains(raw, []byte(bad)) {
			t.Errorf("the file contains %q", bad)
		}
	}
	got, err := ReadShareFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if o := got.Origin; o.Organisation != "Stadt Musterstadt" || o.Person != "Maria Muster" || o.Note != "Gern weiterverwenden!" {
		t.Errorf("origin %+v", o)
	}
	var kinds []TemplateKind
	for _, tp := range got.Templates {
		kinds = append(kinds, tp.Kind)
	}
	if !slices.Equal(kinds, []TemplateKind{KindHashtags, KindSnippet, KindCaption}) {
		t.Errorf("templates in the file: %v (the hashtag set must come along)", kinds)
	}

	dst := newShareTarget(t)
	saveTemplate(t, dst, Template{Kind: KindCaption, Name: "azubi-dienstag", Body: "Unser eigener Text"})
	pv, err := dst.PreviewShare(ctx, got)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Suffix != " (Stadt Musterstadt)" || pv.Count(ShareNew) != 4 || pv.Count(ShareRenamed) != 1 || pv.Count(ShareKnown) != 0 {
		t.Errorf("preview %+v", pv)
	}
	wantMatch := map[string]string{"Instagram": "Instagram", "Facebook": "Facebook Landkreis", "X Musterstadt": ""}
	for _, m := range pv.Channels {
		if w, ok := wantMatch[m.From.Name]; !ok || m.To != w {
			t.Errorf("channel %v → %q", m.From, m.To)
		}
	}
	if !slices.Equal(pv.MissingTopics, []string{"Service"}) {
		t.Errorf("missing topics %v", pv.MissingTopics)
	}
	before := changeCount(t, dst)
	if c := changeCount(t, dst); c != before {
		t.Fatal("the preview wrote")
	}
	done, err := dst.ApplyShare(ctx, got)
	if err != nil {
		t.Fatal(err)
	}
	if done.Count(ShareNew) != 4 || done.Count(ShareRenamed) != 1 {
		t.Errorf("applied %+v", done)
	}
	checkTakenOver(t, dst)
	if n := changeCount(t, dst) - before; n != 6 {
		t.Errorf("%d change log lines, want 5 items and 1 for the file", n)
	}

	again, err := dst.PreviewShare(ctx, got)
	if err != nil {
		t.Fatal(err)
	}
	if again.Count(ShareKnown) != 5 {
		t.Errorf("second preview %+v", again.Items)
	}
	before = changeCount(t, dst)
	if _, err := dst.ApplyShare(ctx, got); err != nil {
		t.Fatal(err)
	}
	if n := changeCount(t, dst); n != before {
		t.Errorf("%d change log lines for a file that brought nothing", n-before)
	}
	ts, _ := dst.Templates(ctx, "")
	ss, _ := dst.Series(ctx)
	if len(ts) != 4 || len(ss) != 1 {
		t.Errorf("second taking-over doubled: %v, %d series", templateNames(ts), len(ss))
	}
}

// checkTakenOver checks what the round trip stored in the target.
func checkTakenOver(t *testing.T, dst *Workspace) {
	t.Helper()
	ctx := context.Background()
	ch, tp := testIDs(t, dst)
	ts, err := dst.Templates(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(templateNames(ts), []string{"Ausbildung", "azubi-dienstag", "Azubi-Dienstag (Stadt Musterstadt)", "Jetzt bewerben"}) {
		t.Fatalf("templates %v", templateNames(ts))
	}
	byName := map[string]Template{}
	for _, tpl := range ts {
		byName[tpl.Name] = tpl
	}
	c := byName["Azubi-Dienstag (Stadt Musterstadt)"]
	if c.HashtagSetID != byName["Ausbildung"].ID || c.TopicID != tp[0] || !slices.Equal(c.Channels, []int64{ch[0]}) ||
		len(c.Variants) != 1 || c.Variants[0].Body != "Lang für Instagram" || c.Body != "Heute: {Ausbildungsberuf} 👩‍🔧\n\n{Hashtags}" {
		t.Errorf("caption template %+v", c)
	}
	if c.Notes != "Foto vorher freigeben\n\nÜbernommen aus dem Austausch von Stadt Musterstadt, 03.12.2026." {
		t.Errorf("notes %q", c.Notes)
	}
	ss, _ := dst.Series(ctx)
	if len(ss) != 1 || ss[0].Title != "Azubi-Dienstag" || ss[0].TemplateID != c.ID || !slices.Equal(ss[0].Channels, ch) ||
		ss[0].Rule.Weekday != time.Tuesday || ss[0].Rule.Hour != 10 {
		t.Errorf("series %+v", ss)
	}
	ideas, _ := dst.Ideas(ctx, 10)
	if len(ideas) != 1 {
		t.Fatalf("%d ideas", len(ideas))
	}
	p := ideas[0]
	if p.Status != StatusIdea || p.Date != nil || p.TopicID != 0 || p.HashtagSetID != byName["Ausbildung"].ID || len(p.Channels) != 1 ||
		p.Channels[0].ChannelID != ch[1] || !strings.HasSuffix(p.Notes, "Übernommen aus dem Austausch von Stadt Musterstadt, 03.12.2026.") {
		t.Errorf("idea %+v", p)
	}
	cs, _ := dst.Changes(ctx, 0, 10)
	var lines []string
	for _, c := range cs {
		lines = append(lines, c.Summary)
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{"Textvorlage „Azubi-Dienstag (Stadt Musterstadt)“ angelegt – übernommen aus Austausch von Stadt Musterstadt, 03.12.2026",
		"Serie „Azubi-Dienstag“", "Beitrag „Blick in die Kfz-Werkstatt“ (Idee) angelegt – übernommen aus Austausch von Stadt Musterstadt, 03.12.2026",
		"Austausch-Datei von Stadt Musterstadt, 03.12.2026 übernommen: 4 neu, 1 umbenannt, 0 schon vorhanden"} {
		if !strings.Contains(all, want) {
			t.Errorf("change log lacks %q:\n%s", want, all)
		}
	}
}

// A taken name gets the suffix, then the suffix with a number; a long
// name is shortened so that the whole stays within the limit.
func TestShareSuffixes(t *testing.T) {
	taken := []string{"Gruß", "gruß (Landkreis X)", "Gruß (Landkreis X 2)"}
	isTaken := func(n string) bool {
		return slices.ContainsFunc(taken, func(s string) bool { return strings.EqualFold(s, n) })
	}
	if n, o := freeName("Gruß", " (Landkreis X)", 100, isTaken); n != "Gruß (Landkreis X 3)" || o != ShareRenamed {
		t.Errorf("%q %v", n, o)
	}
	if n, o := freeName("Neu", " (Landkreis X)", 100, isTaken); n != "Neu" || o != ShareNew {
		t.Errorf("%q %v", n, o)
	}
	long := strings.Repeat("a", 100)
	n, _ := freeName(long, " (Landkreis X)", 100, func(s string) bool { return s == long })
	if len([]rune(n)) != 100 || !strings.HasSuffix(n, " (Landkreis X)") {
		t.Errorf("%q", n)
	}

	// In the workspace: a series and a template of the same name twice.
	ctx := context.Background()
	src := newShareSource(t)
	f, err := src.ws.ExportShare(ctx, ShareSelection{Templates: []int64{src.snippet.ID}, Series: []int64{src.series.ID}})
	if err != nil {
		t.Fatal(err)
	}
	dst := newShareTarget(t)
	saveTemplate(t, dst, Template{Kind: KindSnippet, Name: "Jetzt bewerben", Body: "anders"})
	saveTemplate(t, dst, Template{Kind: KindSnippet, Name: "Jetzt bewerben (Stadt Musterstadt)", Body: "auch anders"})
	// Caption templates under the name and under the name with the suffix.
	saveTemplate(t, dst, Template{Kind: KindCaption, Name: "Azubi-Dienstag (Stadt Musterstadt)", Body: "x"})
	saveTemplate(t, dst, Template{Kind: KindCaption, Name: "Azubi-Dienstag", Body: "y"})
	other := Series{Title: "Azubi-Dienstag", Rule: calendar.Recurrence{Kind: calendar.Weekly, Weekday: time.Friday, Start: date(2027, 1, 1), Hour: 9}}
	if err := dst.SaveSeries(ctx, &other); err != nil {
		t.Fatal(err)
	}
	pv, err := dst.ApplyShare(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	var as []string
	for _, it := range pv.Items {
		as = append(as, it.As)
	}
	// The series brings its caption template and that its hashtag set.
	want := []string{"Ausbildung", "Jetzt bewerben (Stadt Musterstadt 2)", "Azubi-Dienstag (Stadt Musterstadt 2)", "Azubi-Dienstag (Stadt Musterstadt)"}
	if !slices.Equal(as, want) {
		t.Errorf("stored as %q, want %q", as, want)
	}
}

// validShare is a small valid file to spoil.
func validShare() string {
	return `{"format":"feedtakt-austausch","version":1,"origin":{"organisation":"Landkreis X","person":"P","exported":"2026-12-03T10:00:00Z","note":""},
"templates":[{"kind":"hashtags","name":"Tags","body":"#Eins #Zwei"},{"kind":"caption","name":"Vorlage","body":"Text {Hashtags}","hashtag_set":"Tags",
"channels":[{"platform":"instagram","name":"Instagram"}]}],
"series":[{"title":"Serie","repeat":"weekly","interval":1,"weekday":"tuesday","start":"2027-01-05","time":"10:00","zone":"Europe/Berlin","template":"Vorlage"}],
"ideas":[{"title":"Idee","caption":"Text"}]}`
}

// Hostile, broken, foreign and newer files are refused with a German
// sentence, and nothing is written.
func TestShareRefusesBadFiles(t *testing.T) {
	ctx := context.Background()
	dst := newShareTarget(t)
	if _, err := ReadShare(strings.NewReader(validShare())); err != nil {
		t.Fatalf("the valid file: %v", err)
	}
	spoil := func(old, new string) string {
		if !strings.Contains(validShare(), old) {
			t.Fatalf("%q not in the file", old)
		}
		return strings.Replace(validShare(), old, new, 1)
	}
	huge := `{"format":"feedtakt-austausch","version":1,"ideas":[{"title":"` + strings.Repeat("a", MaxShareSize) + `"}]}`
	many := `{"format":"feedtakt-austausch","version":1,"origin":{"organisation":"X","exported":"2026-12-03T10:00:00Z"},"ideas":[` +
		strings.Repeat(`{"title":"a"},`, maxShareItems) + `{"title":"a"}]}`
	cases := []struct{ name, file, says string }{
		{"empty", "", "keine Feedtakt-Austausch-Datei"},
		{"garbage", "\x00\x01PK\x03\x04garbage", "keine Feedtakt-Austausch-Datei"},
		{"array", `[1,2,3]`, "keine Feedtakt-Austausch-Datei"},
		{"other format", spoil(`"feedtakt-austausch"`, `"feedtakt-bundle"`), "keine Feedtakt-Austausch-Datei"},
		{"newer", spoil(`"version":1`, `"version":2`), "von einer neueren Feedtakt-Version"},
		{"version 0", spoil(`"version":1`, `"version":0`), "beschädigt"},
		{"unknown field", spoil(`"body":"#Eins #Zwei"`, `"body":"#Eins","id":7`), "beschädigt"},
		{"trailing", validShare() + `{"format":"x"}`, "beschädigt"},
		{"truncated", validShare()[:len(validShare())-30], "beschädigt"},
		{"too large", huge, "größer als 5 MB"},
		{"too many", many, "beschädigt"},
		{"no date", spoil(`"exported":"2026-12-03T10:00:00Z"`, `"exported":"0001-01-01T00:00:00Z"`), "beschädigt"},
		{"nothing in it", `{"format":"feedtakt-austausch","version":1,"origin":{"organisation":"X","exported":"2026-12-03T10:00:00Z"}}`, "nichts"},
		{"control char in name", spoil(`"name":"Vorlage"`, `"name":"Vor\u0007lage"`), "Steuerzeichen"},
		{"control char in origin", spoil(`"Landkreis X"`, `"Landkreis\u001bX"`), "Steuerzeichen"},
		{"NUL in caption", spoil(`"caption":"Text"`, `"caption":"Te\u0000xt"`), "Steuerzeichen"},
		{"long title", spoil(`"title":"Idee"`, `"title":"`+strings.Repeat("x", MaxTitle+1)+`"`), "zu lang"},
		{"bad kind", spoil(`"kind":"hashtags"`, `"kind":"people"`), "Hashtag-Set"},
		{"bad platform", spoil(`"platform":"instagram"`, `"platform":"myspace"`), "Plattform"},
		{"missing set", spoil(`"hashtag_set":"Tags"`, `"hashtag_set":"Andere"`), "Hashtag-Set"},
		{"missing template", spoil(`"template":"Vorlage"`, `"template":"Andere"`), "Textvorlage"},
		{"bad weekday", spoil(`"tuesday"`, `"dienstag"`), "Wochentag"},
		{"bad time", spoil(`"10:00"`, `"25:00"`), "HH:MM"},
		{"bad repeat", spoil(`"weekly"`, `"daily"`), "wöchentlich oder monatlich"},
		{"interval", spoil(`"interval":1`, `"interval":999`), "Abstand"},
		{"zone", spoil(`"Europe/Berlin"`, `"../../etc/passwd"`), "Zeitzone"},
		{"duplicate name", spoil(`"name":"Vorlage"`, `"name":"Vorlage"},{"kind":"caption","name":"VORLAGE","body":"x"`), "gibt es schon"},
		{"empty set", spoil(`"body":"#Eins #Zwei"`, `"body":"   "`), "Hashtag"},
	}
	before := changeCount(t, dst)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := ReadShare(strings.NewReader(c.file))
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("read: %v (%v)", err, f)
			}
			if got := shareText(err); !strings.Contains(got, c.says) || strings.Contains(got, "{{") {
				t.Errorf("says %q, want %q", got, c.says)
			}
		})
	}
	// A file put together in memory is checked the same way when taken over.
	bad := &ShareFile{Format: ShareFormat, Version: 1, Origin: ShareOrigin{Organisation: "X", Exported: time.Now()},
		Ideas: []ShareIdea{{Title: "ok"}, {Title: "a\u0007b"}}}
	if _, err := dst.ApplyShare(ctx, bad); !errors.Is(err, ErrInvalid) {
		t.Errorf("apply: %v", err)
	}
	if n := changeCount(t, dst); n != before {
		t.Errorf("%d change log lines written", n-before)
	}
	if ideas, _ := dst.Ideas(ctx, 10); len(ideas) != 0 {
		t.Errorf("ideas written: %v", ideas)
	}
}

// An item failing in the middle of taking over (here SQLite refusing the
// series) leaves the workspace as it was: no template, no idea, no change
// log line.
func TestShareApplyAllOrNothing(t *testing.T) {
	ctx := context.Background()
	dst := newShareTarget(t)
	f, err := ReadShare(strings.NewReader(validShare()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dst.db.Exec(`CREATE TRIGGER boom BEFORE INSERT ON series WHEN NEW.title = 'Serie' BEGIN SELECT RAISE(ABORT, 'boom'); END`); err != nil {
		t.Fatal(err)
	}
	before := changeCount(t, dst)
	if _, err := dst.ApplyShare(ctx, f); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("apply: %v", err)
	}
	ts, _ := dst.Templates(ctx, "")
	ideas, _ := dst.Ideas(ctx, 10)
	if len(ts) != 0 || len(ideas) != 0 || changeCount(t, dst) != before {
		t.Errorf("partly taken over: %v, %d ideas, %d log lines", templateNames(ts), len(ideas), changeCount(t, dst)-before)
	}
	if _, err := dst.db.Exec(`DROP TRIGGER boom`); err != nil {
		t.Fatal(err)
	}
	pv, err := dst.ApplyShare(ctx, f)
	if err != nil || pv.Count(ShareNew) != 4 {
		t.Fatalf("after the fault: %v %+v", err, pv)
	}
}

// Only ideas are shared, an unknown ID is not found, a read-only workspace
// takes nothing over.
func TestShareRefusals(t *testing.T) {
	ctx := context.Background()
	src := newShareSource(t)
	if _, err := src.ws.ExportShare(ctx, ShareSelection{Ideas: []int64{src.dated.ID}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("dated post: %v", err)
	}
	if _, err := src.ws.ExportShare(ctx, ShareSelection{Templates: []int64{9999}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown template: %v", err)
	}
	ids, err := src.ws.ShareIdeaIDs(ctx)
	if err != nil || !slices.Equal(ids, []int64{src.idea.ID}) {
		t.Errorf("shareable ideas %v %v (discarded and dated ones are not)", ids, err)
	}
	f, _ := ReadShare(strings.NewReader(validShare()))
	ro, err := Open(ctx, src.ws.Dir(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.ApplyShare(ctx, f); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only: %v", err)
	}
	if _, err := ro.PreviewShare(ctx, f); err != nil {
		t.Errorf("preview read-only: %v", err)
	}
}

// Channels match by platform and name; without an exact name the only
// active channel of the platform is taken, and with two of them none
// (the item keeps its texts without that channel).
func TestShareChannelMatching(t *testing.T) {
	ctx := context.Background()
	dst := newShareTarget(t)
	for _, c := range []Channel{{Name: "Instagram Azubis", Platform: Instagram}, {Name: "Mastodon alt", Platform: Mastodon, Disabled: true},
		{Name: "Mastodon", Platform: Mastodon}} {
		if err := dst.SaveChannel(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	f := &ShareFile{Format: ShareFormat, Version: 1, Origin: ShareOrigin{Organisation: "Stadt X", Exported: time.Now()},
		Ideas: []ShareIdea{{Title: "Idee", Caption: "Text", Channels: []ShareIdeaChannel{
			{ShareChannel: ShareChannel{Platform: Instagram, Name: "instagram azubis"}, Caption: "eigener Text"},
			{ShareChannel: ShareChannel{Platform: Instagram, Name: "Instagram Stadt X"}},
			{ShareChannel: ShareChannel{Platform: Mastodon, Name: "social.stadt-x.de"}},
			{ShareChannel: ShareChannel{Platform: Facebook, Name: "Instagram Azubis"}},
		}}}}
	pv, err := dst.PreviewShare(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range pv.Channels {
		got = append(got, fmt.Sprintf("%s→%s/%v", m.From.Name, m.To, m.Exact))
	}
	want := []string{"instagram azubis→Instagram Azubis/true", "Instagram Stadt X→/false", "social.stadt-x.de→Mastodon/false",
		"Instagram Azubis→Facebook Landkreis/false"}
	if !slices.Equal(got, want) {
		t.Errorf("matches %q, want %q", got, want)
	}
	if _, err := dst.ApplyShare(ctx, f); err != nil {
		t.Fatal(err)
	}
	ideas, _ := dst.Ideas(ctx, 1)
	if len(ideas) != 1 {
		t.Fatalf("%d ideas", len(ideas))
	}
	own := slices.ContainsFunc(ideas[0].Channels, func(c PostChannel) bool { return c.Caption == "eigener Text" })
	if len(ideas[0].Channels) != 3 || !own || ideas[0].Caption != "Text" {
		t.Errorf("idea %+v", ideas)
	}
}
