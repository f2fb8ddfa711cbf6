package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
)

// saveTemplates stores ts in order and returns them with their IDs.
func saveTemplates(t *testing.T, u *UI, ts ...data.Template) []data.Template {
	t.Helper()
	for i := range ts {
		if err := u.Workspace().SaveTemplate(context.Background(), &ts[i]); err != nil {
			t.Fatalf("save template %q: %v", ts[i].Name, err)
		}
	}
	return ts
}

// TestEditorUseTemplateFillsCustomFields: Vorlage verwenden on an empty
// post asks the template's custom fields in one form, then fills title,
// text and the variant as X's own text, ticks the template's channels,
// chooses its Rubrik and hashtag set; the built-ins stay for posting.
func TestEditorUseTemplateFillsCustomFields(t *testing.T) {
	u, f := newEditorUI(t)
	ts := saveTemplates(t, u,
		data.Template{Kind: data.KindHashtags, Name: "Ausbildung", Body: "#Ausbildung #Azubi"},
		data.Template{Kind: data.KindCaption, Name: "Azubi-Dienstag", TopicID: f.azubi,
			Title: "Azubi-Dienstag: {Name}", Body: "Heute stellt sich {Name} vor, {Beruf} am {Datum}. {Hashtags}",
			Channels: []int64{f.insta, f.x}, Variants: []data.TemplateVariant{{ChannelID: f.x, Body: "{Name}, {Beruf}: {Link}"}}},
		data.Template{Kind: data.KindCaption, Name: "Denkmal der Woche", Body: "Unser Denkmal der Woche: {Denkmal}"})
	ts[1].HashtagSetID = ts[0].ID
	saveTemplates(t, u, ts[1])

	e := openTestEditor(t, u, data.Post{Date: day(2026, 12, 8)})
	e.onUseTemplate()
	dlg := topOverlay(u)
	assertShows(t, dlg, "Vorlage verwenden", "Azubi-Dienstag", "Denkmal der Woche")
	search := entriesIn(dlg)[0]
	test.Type(search, "azubi")
	assertShows(t, dlg, "Heute stellt sich {Name} vor", "Eigener Text für X:", "Hashtag-Set: Ausbildung", "Name, Beruf")
	test.Tap(findButton(t, dlg, "Verwenden"))

	form := topOverlay(u)
	assertShows(t, form, "Platzhalter ausfüllen", "Name", "Beruf")
	fields := entriesIn(form)
	if len(fields) != 2 {
		t.Fatalf("the form asks %d fields, want Name and Beruf", len(fields))
	}
	test.Type(fields[0], "Lena")
	test.Type(fields[1], "Fachangestellte für Medien- und Informationsdienste")
	test.Tap(findButton(t, form, "Ausfüllen"))

	if e.title.Text != "Azubi-Dienstag: Lena" {
		t.Errorf("title %q", e.title.Text)
	}
	if want := "Heute stellt sich Lena vor, Fachangestellte für Medien- und Informationsdienste am {Datum}. {Hashtags}"; e.caption.Text != want {
		t.Errorf("caption %q", e.caption.Text)
	}
	if got := e.overrides[f.x].Text; got != "Lena, Fachangestellte für Medien- und Informationsdienste: {Link}" {
		t.Errorf("X's own text %q", got)
	}
	if got := e.tickedChannels(); len(got) != 2 || got[0] != f.insta || got[1] != f.x {
		t.Errorf("ticked channels %v, want Instagram and X", got)
	}
	if e.topicID() != f.azubi || e.hashtagSetID() != ts[0].ID || e.templateID != ts[1].ID {
		t.Errorf("topic %d, hashtag set %d, template %d", e.topicID(), e.hashtagSetID(), e.templateID)
	}
	if got := richText(e.preview.text); !strings.Contains(got, "am 08.12.2026. #Ausbildung #Azubi") {
		t.Errorf("the preview does not render the built-ins: %q", got)
	}
	if e.fillB.Visible() {
		t.Error("Platzhalter ausfüllen shows though every custom field is filled")
	}
	p, err := e.collect()
	if err != nil || p.TemplateID != ts[1].ID || p.HashtagSetID != ts[0].ID {
		t.Errorf("the post as saved: template %d, set %d, err %v", p.TemplateID, p.HashtagSetID, err)
	}
}

// TestEditorTemplateAsksBeforeReplacing: a post with text asks "Text
// ersetzen?" first; Nein keeps the text.
func TestEditorTemplateAsksBeforeReplacing(t *testing.T) {
	u, f := newEditorUI(t)
	saveTemplates(t, u, data.Template{Kind: data.KindCaption, Name: "Feiertagsgruß", Body: "Frohe Feiertage wünscht {Behörde}!"})
	e := openTestEditor(t, u, data.Post{Date: day(2026, 12, 8), Channels: []data.PostChannel{{ChannelID: f.insta}}})
	test.Type(e.caption, "Mein eigener Text")
	e.onUseTemplate()
	test.Tap(findButton(t, topOverlay(u), "Verwenden"))
	assertShows(t, topOverlay(u), "Text ersetzen?")
	test.Tap(findButton(t, topOverlay(u), "Nein"))
	if e.caption.Text != "Mein eigener Text" {
		t.Fatalf("Nein replaced the text: %q", e.caption.Text)
	}
	e.onUseTemplate()
	test.Tap(findButton(t, topOverlay(u), "Verwenden"))
	test.Tap(findButton(t, topOverlay(u), "Ja"))
	if e.caption.Text != "Frohe Feiertage wünscht {Behörde}!" {
		t.Fatalf("Ja left %q", e.caption.Text)
	}
	if got := richText(e.preview.text); got != "Frohe Feiertage wünscht Stadt Musterstadt!" {
		t.Fatalf("preview %q", got)
	}
}

// TestEditorFillPlaceholders: custom fields left in a post (a series
// slot) show Platzhalter ausfüllen …, which asks them and fills them in.
func TestEditorFillPlaceholders(t *testing.T) {
	u, f := newEditorUI(t)
	p := savePost(t, u, data.Post{Title: "Denkmal", Date: day(2026, 12, 8), Caption: "Unser Denkmal: {Denkmal} in {Ort}",
		Channels: []data.PostChannel{{ChannelID: f.insta}}})
	e := openTestEditor(t, u, p)
	if !e.fillB.Visible() {
		t.Fatal("no Platzhalter ausfüllen for {Denkmal} and {Ort}")
	}
	test.Tap(e.fillB)
	fields := entriesIn(topOverlay(u))
	test.Type(fields[0], "Alte Mühle")
	test.Tap(findButton(t, topOverlay(u), "Ausfüllen"))
	if e.caption.Text != "Unser Denkmal: Alte Mühle in {Ort}" {
		t.Fatalf("after filling one field: %q", e.caption.Text)
	}
	if !e.fillB.Visible() {
		t.Fatal("the button went though {Ort} is left")
	}
}

// TestEditorInsertSnippetAtCursor: Baustein einfügen puts the snippet at
// the cursor in the middle of the text and leaves the cursor after it;
// in a channel's own text the snippets for that channel come first.
func TestEditorInsertSnippetAtCursor(t *testing.T) {
	u, f := newEditorUI(t)
	saveTemplates(t, u,
		data.Template{Kind: data.KindSnippet, Name: "Gruß", Body: "schöne "},
		data.Template{Kind: data.KindSnippet, Name: "Signatur X", Body: "^SM", Channels: []int64{f.x}},
		data.Template{Kind: data.KindHashtags, Name: "Ausbildung", Body: "#Ausbildung #Azubi"})
	e := openTestEditor(t, u, data.Post{Title: "T", Date: day(2026, 12, 8), Channels: []data.PostChannel{{ChannelID: f.insta}, {ChannelID: f.x}}})
	test.Type(e.caption, "Hallo Welt")
	e.caption.CursorRow, e.caption.CursorColumn = 0, 6 // after "Hallo "
	menuItem(t, e.snippetMenu(), "Gruß").Action()
	if e.caption.Text != "Hallo schöne Welt" {
		t.Fatalf("inserted: %q", e.caption.Text)
	}
	if got := e.caption.CursorTextOffset(); got != len([]rune("Hallo schöne ")) {
		t.Fatalf("the cursor stands at %d, not after the snippet", got)
	}
	if got := richText(e.preview.text); got != "Hallo schöne Welt" {
		t.Fatalf("preview %q", got)
	}

	// Instagram's own text: the snippet for all channels first; X's own
	// text: its signature first, and it goes in there.
	e.overrideAcc.Open(0)
	u.win.Canvas().Focus(e.overrides[f.insta]) // as a click into it does
	test.Type(e.overrides[f.insta], "Insta")
	if got := e.snippetMenu().Items[0].Label; got != "Gruß" {
		t.Fatalf("in Instagram's own text the first snippet is %q", got)
	}
	own := e.overrides[f.x]
	u.win.Canvas().Focus(own)
	test.Type(own, "Kurz")
	if e.snippetMenu().Items[0].Label != "Signatur X" {
		t.Fatalf("in X's own text the first snippet is %q", e.snippetMenu().Items[0].Label)
	}
	e.snippetMenu().Items[0].Action()
	if own.Text != "Kurz^SM" || e.caption.Text != "Hallo schöne Welt" {
		t.Fatalf("own text %q, caption %q", own.Text, e.caption.Text)
	}

	// Hashtag-Set einfügen: the tags (a space before them), or the set
	// as {Hashtags}.
	hm := e.hashtagMenu()
	hm.Items[0].Action()
	if own.Text != "Kurz^SM #Ausbildung #Azubi" {
		t.Fatalf("hashtags inserted: %q", own.Text)
	}
	as := hm.Items[len(hm.Items)-1]
	if as.ChildMenu == nil || !strings.Contains(as.Label, "{Hashtags}") {
		t.Fatalf("no “als {Hashtags}” entry: %q", as.Label)
	}
	as.ChildMenu.Items[0].Action()
	if !strings.HasSuffix(own.Text, " {Hashtags}") || e.hashtagSetID() == 0 {
		t.Fatalf("as {Hashtags}: text %q, set %d", own.Text, e.hashtagSetID())
	}
}

// TestEditorDiscardCountsNewFields: Link im Text and the hashtag set are
// part of what Abbrechen would throw away.
func TestEditorDiscardCountsNewFields(t *testing.T) {
	u, f := newEditorUI(t)
	saveTemplates(t, u, data.Template{Kind: data.KindHashtags, Name: "Denkmal", Body: "#Denkmal"})
	p := savePost(t, u, data.Post{Title: "T", Date: day(2026, 12, 8), Channels: []data.PostChannel{{ChannelID: f.insta}}})
	e := openTestEditor(t, u, p)
	if e.changed() {
		t.Fatal("changed right after opening")
	}
	test.Type(e.textLink, "https://musterstadt.de")
	if !e.changed() {
		t.Fatal("a typed link does not count as a change")
	}
	e.textLink.SetText("")
	if e.changed() {
		t.Fatal("the link typed and removed still counts")
	}
	e.tagSet.SetSelectedIndex(1)
	if !e.changed() {
		t.Fatal("a chosen hashtag set does not count as a change")
	}
	pressKey(u, fyne.KeyEscape)
	u.win.Canvas().Focus(e.title)
	pressKey(u, fyne.KeyEscape)
	assertShows(t, topOverlay(u), "Änderungen verwerfen?")
}

// menuItem is m's item labelled label.
func menuItem(t *testing.T, m *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range m.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}
