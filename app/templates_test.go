package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// templatesFixture is a workspace with three channels (Instagram, X,
// Facebook) and two topics.
type templatesFixture struct {
	instagram, x, facebook int64
	ausbildung, denkmal    int64
}

// openTemplates opens a fresh workspace with the fixture and shows
// Vorlagen.
func openTemplates(t *testing.T) (*UI, *templatesScreen, templatesFixture) {
	t.Helper()
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	ctx := context.Background()
	ws := u.Workspace()
	var f templatesFixture
	cs, err := ws.Channels(ctx)
	if err != nil || len(cs) != 1 {
		t.Fatal(cs, err)
	}
	f.instagram = cs[0].ID
	for _, c := range []*data.Channel{
		{Name: "X", Platform: data.X, Handle: "@musterstadt"},
		{Name: "Facebook", Platform: data.Facebook},
	} {
		if err := ws.SaveChannel(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	cs, _ = ws.Channels(ctx)
	f.x, f.facebook = cs[1].ID, cs[2].ID
	for _, tp := range []*data.Topic{{Name: "Ausbildung", Color: "#2E7D32"}, {Name: "Denkmal der Woche", Color: "#8E24AA"}} {
		if err := ws.SaveTopic(ctx, tp); err != nil {
			t.Fatal(err)
		}
	}
	ts, _ := ws.Topics(ctx)
	for _, tp := range ts {
		switch tp.Name {
		case "Ausbildung":
			f.ausbildung = tp.ID
		case "Denkmal der Woche":
			f.denkmal = tp.ID
		}
	}
	u.shell.selectScreen(screenTemplates)
	u.Wait()
	return u, u.shell.templates, f
}

func templateNames(s *templatesScreen) []string {
	var out []string
	for _, t := range s.items {
		out = append(out, t.Name)
	}
	return out
}

// chooseKind taps the kind's button above the list.
func chooseKind(t *testing.T, s *templatesScreen, k data.TemplateKind) {
	t.Helper()
	test.Tap(s.kinds[slices.Index(templateKinds, k)])
	if s.kind != k {
		t.Fatalf("kind %q not chosen", k)
	}
}

// checkChannel ticks the channel's box in the pane.
func checkChannel(t *testing.T, d *templatePane, id int64) {
	t.Helper()
	i := slices.Index(d.chanIDs, id)
	if i < 0 {
		t.Fatalf("channel %d not offered", id)
	}
	test.Tap(d.checks[i])
}

func saveTemplate(t *testing.T, ws *data.Workspace, tp data.Template) data.Template {
	t.Helper()
	if err := ws.SaveTemplate(context.Background(), &tp); err != nil {
		t.Fatal(err)
	}
	return tp
}

func TestTemplatesEmptyStatesSayWhatEachKindIsFor(t *testing.T) {
	_, s, _ := openTemplates(t)
	assertShows(t, s.content, "Noch keine Textvorlagen", "Platzhaltern wie {Datum} oder {Ort}", "Textvorlagen (0)", "Hashtag-Sets (0)", "Bausteine (0)")
	chooseKind(t, s, data.KindHashtags)
	assertShows(t, s.content, "Noch keine Hashtag-Sets", "„Ausbildung“")
	chooseKind(t, s, data.KindSnippet)
	assertShows(t, s.content, "Noch keine Bausteine", "Signatur je Kanal")
}

// Each kind is made through the screen like she would: Neu, type, Strg+S;
// the workspace holds it with every field.
func TestTemplatesCreateEachKindThroughTheScreen(t *testing.T) {
	u, s, f := openTemplates(t)
	ctx := context.Background()
	d := s.pane

	chooseKind(t, s, data.KindHashtags)
	test.Tap(s.add)
	test.Type(d.name, "Ausbildung")
	test.Type(d.body, "Ausbildung, #Azubi\nKarriereImÖffentlichenDienst #azubi")
	d.topic.SetSelectedIndex(slices.Index(d.topicIDs, f.ausbildung) + 1)
	u.keySave()
	u.Wait()
	sets, err := u.ws.Templates(ctx, data.KindHashtags)
	if err != nil || len(sets) != 1 {
		t.Fatalf("sets %+v, %v; problem %q", sets, err, d.problem.Text)
	}
	if got := sets[0].Tags(); !slices.Equal(got, []string{"#Ausbildung", "#Azubi", "#KarriereImÖffentlichenDienst"}) || sets[0].TopicID != f.ausbildung {
		t.Errorf("set saved as %+v (tags %v)", sets[0], got)
	}
	set := sets[0].ID

	chooseKind(t, s, data.KindCaption)
	test.Tap(s.add)
	if !d.shown || d.t.ID != 0 || d.t.Kind != data.KindCaption {
		t.Fatalf("the pane does not hold a new caption template: %+v", d.t)
	}
	assertShows(t, d.form, "Neue Textvorlage", "Beitragstitel (optional)", "Platzhalter einfügen", "Eigener Text für Kanal …")
	test.Type(d.name, "Azubi-Dienstag")
	test.Type(d.title, "Azubi-Dienstag: {Ausbildungsberuf}")
	test.Type(d.body, "Heute stellen wir vor: {Ausbildungsberuf} bei der {Behörde}.\n\n{Hashtags}")
	d.topic.SetSelectedIndex(slices.Index(d.topicIDs, f.ausbildung) + 1)
	d.hashSet.SetSelectedIndex(slices.Index(d.hashIDs, set) + 1)
	checkChannel(t, d, f.instagram)
	checkChannel(t, d, f.x)
	r := d.addVariantRow(f.x, "")
	test.Type(r.text, "Azubi-Dienstag: {Ausbildungsberuf} #Ausbildung")
	test.Type(d.notes, "Jeden Dienstag, Foto vom Azubi")
	u.keySave()
	u.Wait()
	caps, err := u.ws.Templates(ctx, data.KindCaption)
	if err != nil || len(caps) != 1 {
		t.Fatalf("templates %+v, %v; problem %q", caps, err, d.problem.Text)
	}
	c := caps[0]
	if c.Name != "Azubi-Dienstag" || c.Title != "Azubi-Dienstag: {Ausbildungsberuf}" || !strings.HasPrefix(c.Body, "Heute stellen wir vor") ||
		c.TopicID != f.ausbildung || c.HashtagSetID != set || !slices.Equal(c.Channels, []int64{f.instagram, f.x}) ||
		len(c.Variants) != 1 || c.Variants[0].ChannelID != f.x || c.Notes != "Jeden Dienstag, Foto vom Azubi" {
		t.Errorf("caption template saved as %+v", c)
	}
	if d.dirty || s.selID != c.ID || !slices.Contains(templateNames(s), "Azubi-Dienstag") {
		t.Errorf("after saving: dirty %v, selected %d, list %v", d.dirty, s.selID, templateNames(s))
	}

	chooseKind(t, s, data.KindSnippet)
	test.Tap(s.add)
	if d.topicRow.Visible() || d.captionRow.Visible() || d.variantPart.Visible() {
		t.Error("a snippet's pane shows a caption template's fields")
	}
	test.Type(d.name, "Jetzt bewerben")
	test.Type(d.body, "Jetzt bewerben: {Link}")
	test.Tap(d.save)
	u.Wait()
	snips, err := u.ws.Templates(ctx, data.KindSnippet)
	if err != nil || len(snips) != 1 || snips[0].Body != "Jetzt bewerben: {Link}" {
		t.Fatalf("snippets %+v, %v", snips, err)
	}
	assertShows(t, s.content, "Textvorlagen (1)", "Hashtag-Sets (1)", "Bausteine (1)")
}

func TestTemplatesSearchFiltersByNameAndText(t *testing.T) {
	u, s, f := openTemplates(t)
	ws := u.Workspace()
	saveTemplate(t, ws, data.Template{Kind: data.KindCaption, Name: "Azubi-Dienstag", Body: "Heute: {Ausbildungsberuf}", TopicID: f.ausbildung})
	saveTemplate(t, ws, data.Template{Kind: data.KindCaption, Name: "Denkmal der Woche", Body: "Unser Denkmal in {Ort}", TopicID: f.denkmal,
		Channels: []int64{f.instagram}})
	saveTemplate(t, ws, data.Template{Kind: data.KindCaption, Name: "Feiertagsgruß", Body: "Frohe Ostern wünscht die {Behörde}",
		Variants: []data.TemplateVariant{{ChannelID: f.x, Body: "Frohe Ostern! Ihr Rathaus"}}})
	saveTemplate(t, ws, data.Template{Kind: data.KindSnippet, Name: "Denkmalschutz-Hinweis", Body: "Mehr zum Denkmalschutz"})
	s.reload()
	u.Wait()
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"", []string{"Azubi-Dienstag", "Denkmal der Woche", "Feiertagsgruß"}},
		{"denkmal", []string{"Denkmal der Woche"}}, // the snippet is another kind
		{"{ORT}", []string{"Denkmal der Woche"}},
		{"ostern", []string{"Feiertagsgruß"}},
		{"rathaus", []string{"Feiertagsgruß"}}, // in the X text
		{"gruß", []string{"Feiertagsgruß"}},
		{"grus", []string{"Feiertagsgruß"}}, // as typed without ß
		{"Stellenausschreibung", nil},
	} {
		s.search.SetText(c.q)
		if got := templateNames(s); !slices.Equal(got, c.want) {
			t.Errorf("search %q: %v, want %v", c.q, got, c.want)
		}
	}
	assertShows(t, s.content, "Nichts passt zur Suche.")
	s.search.SetText("denkmal")
	chooseKind(t, s, data.KindSnippet)
	if got := templateNames(s); !slices.Equal(got, []string{"Denkmalschutz-Hinweis"}) {
		t.Errorf("snippets matching: %v", got)
	}
	// A row names Rubrik, channels and the first line.
	s.search.SetText("")
	chooseKind(t, s, data.KindCaption)
	r := newTemplateRow().(*templateRow)
	r.set(s.items[1], s)
	assertShows(t, r, "Denkmal der Woche", "Denkmal der Woche · Instagram", "Unser Denkmal in {Ort}")
	r.set(s.items[2], s)
	assertShows(t, r, "alle Kanäle · 1 eigener Kanaltext")
}

// A second template of the same name is refused by the data layer: the
// sentence shows in the pane and nothing she typed is lost.
func TestTemplatesDuplicateNameRefusedKeepsText(t *testing.T) {
	u, s, _ := openTemplates(t)
	saveTemplate(t, u.Workspace(), data.Template{Kind: data.KindCaption, Name: "Azubi-Dienstag", Body: "alt"})
	s.reload()
	u.Wait()
	test.Tap(s.add)
	d := s.pane
	test.Type(d.name, "azubi-dienstag")
	test.Type(d.body, "Ein neuer Text, der nicht verloren gehen darf.")
	u.keySave()
	u.Wait()
	if !d.problem.Visible() || d.problem.Text == "" {
		t.Fatal("no refusal shown")
	}
	if d.problem.Text != "Eine Vorlage dieser Art mit diesem Namen gibt es schon." {
		t.Errorf("refusal reads %q", d.problem.Text)
	}
	if d.body.Text != "Ein neuer Text, der nicht verloren gehen darf." || d.name.Text != "azubi-dienstag" || !d.dirty {
		t.Errorf("typed text lost: name %q, body %q, dirty %v", d.name.Text, d.body.Text, d.dirty)
	}
	if n := len(s.all); n != 1 {
		t.Errorf("%d templates stored", n)
	}
	// A hashtag set without a single tag is refused the same way.
	chooseKind(t, s, data.KindHashtags)
	test.Tap(s.add)
	test.Tap(findButton(t, topOverlay(u), "Ja")) // drop the refused template
	test.Type(d.name, "Leer")
	test.Type(d.body, " , ; ")
	u.keySave()
	u.Wait()
	if d.problem.Text != "Ein Hashtag-Set braucht mindestens einen Hashtag." || d.name.Text != "Leer" {
		t.Errorf("empty set: refusal %q, name %q", d.problem.Text, d.name.Text)
	}
}

func TestTemplatesAskBeforeDroppingEdits(t *testing.T) {
	u, s, _ := openTemplates(t)
	ws := u.Workspace()
	a := saveTemplate(t, ws, data.Template{Kind: data.KindCaption, Name: "Azubi-Dienstag", Body: "A"})
	b := saveTemplate(t, ws, data.Template{Kind: data.KindCaption, Name: "Beteiligungsaufruf", Body: "B"})
	s.reload()
	u.Wait()
	s.list.Select(0)
	u.Wait()
	d := s.pane
	if d.t.ID != a.ID {
		t.Fatalf("shown %d", d.t.ID)
	}
	d.body.SetText("A, geändert")
	s.list.Select(1)
	u.Wait()
	dlg := topOverlay(u)
	if dlg == nil || d.t.ID != a.ID {
		t.Fatalf("switched to %d without asking", d.t.ID)
	}
	assertShows(t, dlg, "Die Änderungen an Azubi-Dienstag sind nicht gespeichert. Verwerfen?")
	test.Tap(findButton(t, dlg, "Nein"))
	u.Wait()
	if d.t.ID != a.ID || d.body.Text != "A, geändert" || s.selID != a.ID {
		t.Fatalf("keeping the edits lost them: shown %d, body %q", d.t.ID, d.body.Text)
	}
	// Neu asks too.
	test.Tap(s.add)
	test.Tap(findButton(t, topOverlay(u), "Ja"))
	u.Wait()
	if d.t.ID != 0 || d.body.Text != "" {
		t.Fatalf("Neu after discarding: shown %d, body %q", d.t.ID, d.body.Text)
	}
	s.list.Select(1)
	u.Wait()
	if d.t.ID != b.ID || d.body.Text != "B" || topOverlay(u) != nil {
		t.Fatalf("an untouched new template asked or kept: shown %d", d.t.ID)
	}
}

// Platzhalter einfügen puts the placeholder at the cursor of the text she
// wrote in last, also in a channel's own text.
func TestTemplatesInsertPlaceholderAtCursor(t *testing.T) {
	u, s, f := openTemplates(t)
	test.Tap(s.add)
	d := s.pane
	test.Type(d.body, "Heute  im Rathaus")
	d.body.CursorRow, d.body.CursorColumn = 0, 6
	d.insertText("{Datum}")
	if d.body.Text != "Heute {Datum} im Rathaus" || !d.dirty {
		t.Errorf("body %q, dirty %v", d.body.Text, d.dirty)
	}
	r := d.addVariantRow(f.x, "Kurz: ")
	u.win.Canvas().Focus(r.text)
	r.text.CursorColumn = 6
	d.insertText("{Link}")
	if r.text.Text != "Kurz: {Link}" || d.body.Text != "Heute {Datum} im Rathaus" {
		t.Errorf("variant %q, body %q", r.text.Text, d.body.Text)
	}
	// The menu lists every built-in with its explanation and an own field.
	d.onInsertMenu()
	assertShows(t, topOverlay(u), "{Datum} – der Tag des Beitrags, z. B. 27.11.2026", "{Hashtags} – das Hashtag-Set", "Eigenes Feld …")
}

// While she types, the pane says what the checks note on the
// placeholders.
func TestTemplatesPlaceholderNotesWhileTyping(t *testing.T) {
	_, s, _ := openTemplates(t)
	test.Tap(s.add)
	d := s.pane
	test.Type(d.body, "Am {datum} in {Ort}: {Ausbildungsberuf")
	assertShows(t, d.notesText,
		"{datum} ist kein Platzhalter, den Feedtakt ausfüllt. Meinten Sie {Datum}?",
		"Dem Platzhalter „{Ausbildungsberuf“ fehlt die schließende „}“",
		"Beim Verwenden gefragt: {datum}, {Ort}")
	// A channel's own text and the title count too.
	d.title.SetText("{Ausbildungsberuf} gesucht")
	assertShows(t, d.notesText, "Beim Verwenden gefragt: {datum}, {Ort}, {Ausbildungsberuf}")
	d.title.SetText("")
	// One field: the sentence is not a plural entry, and stays German.
	d.body.SetText("In {Ort}")
	assertShows(t, d.notesText, "Beim Verwenden gefragt: {Ort}")
	d.body.SetText("Am {Datum} in der {Behörde}")
	if len(d.notesText.Objects) != 0 {
		t.Errorf("notes on a proper text: %s", strings.Join(texts(d.notesText), "\n"))
	}
}

// A hashtag set shows, while typed, the tags as stored and the cap of
// Instagram.
func TestTemplatesHashtagSetShowsNormalisedTags(t *testing.T) {
	_, s, _ := openTemplates(t)
	chooseKind(t, s, data.KindHashtags)
	test.Tap(s.add)
	d := s.pane
	if d.previewPart.Visible() || d.insertRow.Visible() {
		t.Error("a hashtag set's pane shows preview or placeholder menu")
	}
	test.Type(d.body, "Ausbildung, #Azubi; azubi\nStadtMusterstadt #Karriere #Rathaus #Zukunft #Team")
	assertShows(t, d.tagInfo, "Gespeichert als: #Ausbildung #Azubi #StadtMusterstadt #Karriere #Rathaus #Zukunft #Team",
		"1 doppelter Hashtag wurde entfernt.", "Bei 2 Wörtern wurde ein # ergänzt.",
		"7 Hashtags – Instagram nimmt 5; {Hashtags} setzt dort die ersten 5 ein")
	d.body.SetText("#ausbildungimrathaus #Azubi #Bau-Stelle")
	assertShows(t, d.tagInfo, "Hashtag aus mehreren Wörtern, ganz klein oder ganz groß geschrieben: #ausbildungimrathaus",
		"Kein Hashtag möglich – bitte vor dem Speichern entfernen: #Bau-Stelle")
	// The notes grew: the fields below move down instead of being drawn over.
	for _, o := range d.fields.Objects {
		if o.Visible() && o.Size().Height < o.MinSize().Height {
			t.Errorf("a part of the pane is %v high but needs %v: it is drawn over", o.Size().Height, o.MinSize().Height)
		}
	}
	d.body.SetText("#Ausbildung #Azubi")
	assertShows(t, d.tagInfo, "2 Hashtags – passt für Instagram (höchstens 5)")
	assertNotShows(t, d.tagInfo, "nimmt 5")
}

// The preview renders the text for the chosen channel with example values
// and counts it that platform's way; a channel's own text is used there.
func TestTemplatesPreviewPerChannel(t *testing.T) {
	u, s, f := openTemplates(t)
	set := saveTemplate(t, u.Workspace(), data.Template{Kind: data.KindHashtags, Name: "Ausbildung", Body: "#Ausbildung #Azubi"})
	s.reload()
	u.Wait()
	test.Tap(s.add)
	d := s.pane
	test.Type(d.body, "Grüße von {Kanal} der {Behörde} am {Datum} {Hashtags}")
	d.hashSet.SetSelectedIndex(slices.Index(d.hashIDs, set.ID) + 1)
	d.selectPreview(f.instagram)
	today := u.ws.Today().String()
	if want := "Grüße von Instagram der Stadt Musterstadt am " + today + " #Ausbildung #Azubi"; d.previewText.Text != want {
		t.Errorf("Instagram preview %q, want %q", d.previewText.Text, want)
	}
	assertShows(t, d.previewPart, "74 / 2.200 Zeichen")
	d.addVariantRow(f.x, strings.Repeat("Langer Text ", 30))
	d.showChecks()
	d.selectPreview(f.x)
	if !strings.HasPrefix(d.previewText.Text, "Langer Text") || !d.previewCount.Visible() {
		t.Errorf("X preview %q", d.previewText.Text)
	}
	assertShows(t, d.previewPart, "/ 280 gewichtete Zeichen – zu lang für X", "Eigener Text dieses Kanals.")
	if d.previewCount.Importance != widget.DangerImportance {
		t.Error("a text over X's limit is not marked")
	}
}

func TestTemplatesDuplicateAndDelete(t *testing.T) {
	u, s, _ := openTemplates(t)
	a := saveTemplate(t, u.Workspace(), data.Template{Kind: data.KindCaption, Name: "Veranstaltungshinweis", Body: "Am {Datum}"})
	s.reload()
	u.Wait()
	if !s.dup.Disabled() || !s.del.Disabled() {
		t.Error("Duplizieren and Löschen offered with nothing chosen")
	}
	s.list.Select(0)
	u.Wait()
	test.Tap(s.dup)
	u.Wait()
	if got := templateNames(s); !slices.Equal(got, []string{"Veranstaltungshinweis", "Veranstaltungshinweis (Kopie)"}) || s.pane.t.Name != "Veranstaltungshinweis (Kopie)" {
		t.Fatalf("after duplicating: %v, shown %q", got, s.pane.t.Name)
	}
	test.Tap(s.del)
	dlg := topOverlay(u)
	assertShows(t, dlg, "Die Textvorlage „Veranstaltungshinweis (Kopie)“ löschen? Beiträge, die aus ihr entstanden sind, behalten ihren Text")
	test.Tap(findButton(t, dlg, "Ja"))
	u.Wait()
	if got := templateNames(s); !slices.Equal(got, []string{"Veranstaltungshinweis"}) || s.pane.shown {
		t.Errorf("after deleting: %v, pane shown %v", got, s.pane.shown)
	}
	if _, err := u.ws.Template(context.Background(), a.ID); err != nil {
		t.Errorf("the original went too: %v", err)
	}
}

func TestTemplatesReadOnlyCannotEdit(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	holder, err := data.Open(context.Background(), dir, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	saveTemplate(t, holder, data.Template{Kind: data.KindCaption, Name: "Azubi-Dienstag", Body: "A"})
	u, _ := newTestUI(t, Config{Workspace: dir})
	if u.Workspace() == nil || !u.Workspace().ReadOnly() {
		t.Fatal("not read-only")
	}
	u.shell.selectScreen(screenTemplates)
	u.Wait()
	s := u.shell.templates
	s.list.Select(0)
	u.Wait()
	if !s.pane.shown || !s.add.Disabled() || !s.dup.Disabled() || !s.del.Disabled() || !s.pane.save.Disabled() ||
		!s.pane.body.Disabled() || !s.pane.insert.Disabled() {
		t.Error("a read-only workspace offers editing")
	}
}

// The series form offers the caption templates; the one chosen is stored
// in the series and chosen again when it is opened.
func TestSeriesFormStoresTemplate(t *testing.T) {
	u, s := newTestDatesScreen(t)
	ctx := context.Background()
	ws := u.Workspace()
	tp := saveTemplate(t, ws, data.Template{Kind: data.KindCaption, Name: "Azubi-Dienstag", Body: "Heute: {Ausbildungsberuf}"})
	saveTemplate(t, ws, data.Template{Kind: data.KindSnippet, Name: "Signatur", Body: "Ihre Stadt"})

	test.Tap(s.addSeries)
	u.Wait()
	form := topOverlay(u)
	if form == nil {
		t.Fatal("no series form")
	}
	assertShows(t, form, "Textvorlage")
	hinted := false
	visit(form, func(o fyne.CanvasObject) {
		if fm, ok := o.(*widget.Form); ok {
			for _, it := range fm.Items {
				hinted = hinted || (it.Text == "Textvorlage" && strings.HasPrefix(it.HintText, "Neue Beiträge der Serie beginnen mit dieser Vorlage"))
			}
		}
	})
	if !hinted {
		t.Error("the template choice does not say what it does")
	}
	es := entriesIn(form)
	test.Type(es[0], "Azubi-Dienstag")
	sel := selectsIn(form)[4]
	if !slices.Equal(sel.Options, []string{"(keine)", "Azubi-Dienstag"}) || sel.Selected != "(keine)" {
		t.Fatalf("template choice offers %v, chosen %q", sel.Options, sel.Selected)
	}
	sel.SetSelected("Azubi-Dienstag")
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	all, err := ws.Series(ctx)
	if err != nil || len(all) != 1 || all[0].TemplateID != tp.ID {
		t.Fatalf("series = %+v, %v", all, err)
	}
	f := s.seriesFormFor(all[0], lookups{}, []data.Template{tp})
	if f.template.Selected != "Azubi-Dienstag" {
		t.Errorf("opened again, the form shows %q", f.template.Selected)
	}
}

// A video's pane has "Untertitel vorhanden", saved with the other fields;
// a picture's has not.
func TestLibraryVideoSubtitlesStored(t *testing.T) {
	u, s := openLibrary(t)
	ctx := context.Background()
	ws := u.Workspace()
	video, err := ws.AddMediaBytes(ctx, data.Media{Kind: "video", OriginalName: "Rundgang.mp4"}, []byte("kein echter Film"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := ws.ImportFiles(ctx, []string{writeJPEG(t, t.TempDir(), "rathaus.jpg", "fachwerk", 1)}, data.ImportFilesOptions{})
	if err != nil || len(res.Results) != 1 {
		t.Fatal(res, err)
	}
	s.reload()
	u.Wait()
	d := s.detail
	d.show(res.Results[0].Media)
	if d.subsRow.Visible() {
		t.Error("a picture's pane asks for subtitles")
	}
	d.show(video)
	if !d.subsRow.Visible() || d.subs.Checked {
		t.Fatalf("video pane: subtitles shown %v, ticked %v", d.subsRow.Visible(), d.subs.Checked)
	}
	assertShows(t, d.form, "Untertitel vorhanden", "Barrierefreiheit")
	test.Tap(d.subs)
	u.keySave()
	u.Wait()
	got, err := ws.Media(ctx, video.ID)
	if err != nil || !got.Subtitles {
		t.Fatalf("stored %+v, %v", got, err)
	}
	d.show(got)
	if !d.subs.Checked {
		t.Error("the pane does not show the stored subtitles")
	}
}
