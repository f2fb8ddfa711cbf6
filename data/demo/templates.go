package demo

import (
	"context"
	"fmt"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/caption"
)

// demoTemplate is one template of the demo, with its topic, channels and
// own texts per channel named rather than numbered.
type demoTemplate struct {
	kind     data.TemplateKind
	name     string
	title    string
	body     string
	notes    string
	topic    string
	hashtags string   // the hashtag set's name
	channels []string // channel names
	variants map[string]string
}

// demoHashtagSets are the office's hashtag sets: CamelCase so screen
// readers read the words, and at most five each, Instagram's cap.
var demoHashtagSets = []demoTemplate{
	{kind: data.KindHashtags, name: "Ausbildung", topic: "Ausbildung & Karriere",
		body:  "#AzubiDienstag #Ausbildung #AusbildungImÖffentlichenDienst #Denkmalpflege #Südheide",
		notes: "Für Azubi-Dienstag und Bewerbungsaufrufe."},
	{kind: data.KindHashtags, name: "Denkmalpflege", topic: "Denkmal der Woche",
		body: "#DenkmalDerWoche #Denkmalpflege #Denkmalschutz #Baukultur #Südheide"},
	{kind: data.KindHashtags, name: "Beteiligung", topic: "Beteiligung",
		body: "#Beteiligung #Windenergie #Denkmalschutz #Flächennutzungsplan #Ohlenbruch"},
	{kind: data.KindHashtags, name: "Stellenangebote", topic: "Ausbildung & Karriere",
		body: "#Stellenangebot #JobsImÖffentlichenDienst #Denkmalpflege #Archäologie #Südheide"},
	{kind: data.KindHashtags, name: "Veranstaltungen", topic: "Veranstaltungen",
		body: "#Veranstaltungstipp #DenkmalImGespräch #Denkmalpflege #Südheide"},
	{kind: data.KindHashtags, name: "Stadtleben & Region",
		body:  "#Wendhusen #Hesterloh #Südheide #Heimatgeschichte",
		notes: "Ortsnamen je nach Beitrag anpassen."},
}

// demoCaptionTemplates are the caption templates a press office of a
// Landesamt uses week by week. Custom fields ({Ausbildungsberuf}, {Ort} …)
// are asked for when a template is used; built-ins ({Link}, {Hashtags},
// {Bildnachweis}, {Behörde}) stay until posting. The short own texts for
// Mastodon keep within its 500 characters.
var demoCaptionTemplates = []demoTemplate{
	{kind: data.KindCaption, name: "Azubi-Dienstag", topic: "Ausbildung & Karriere", hashtags: "Ausbildung",
		title: "Azubi-Dienstag: {Name} – {Ausbildungsberuf}",
		body: "Neue Folge Azubi-Dienstag: {Name} lernt bei uns {Ausbildungsberuf} und ist im {Ausbildungsjahr}. Ausbildungsjahr. " +
			"{Was gerade ansteht}\n\n„{Zitat}“\n\nDu willst auch bei uns anfangen? Alle Ausbildungsberufe und Termine: {Link}\n\n" +
			"{Hashtags}\n\n{Bildnachweis}",
		notes:    "Jeden Dienstag, 10 Uhr. Einwilligung der Azubis vor jedem Foto prüfen; Zitat von der Person freigeben lassen.",
		channels: []string{"Instagram", "Facebook"}},
	{kind: data.KindCaption, name: "Denkmal der Woche", topic: "Denkmal der Woche", hashtags: "Denkmalpflege",
		title: "Denkmal der Woche: {Denkmal} in {Ort}",
		body: "{Einstieg}\n\n{Denkmal}, {Ort}\nErbaut: {Bauzeit}\n\n{Beschreibung}\n\n" +
			"Mehr zu diesem Denkmal im Denkmalatlas: {Link}\n\n{Hashtags}\n\n{Bildnachweis}",
		notes:    "Einstieg: ein Satz, der neugierig macht. Beschreibung: höchstens drei Sätze, ohne Fachwörter oder mit Erklärung.",
		channels: []string{"Instagram", "Facebook", "Mastodon"},
		variants: map[string]string{
			"Mastodon": "Denkmal der Woche: {Denkmal} in {Ort} ({Bauzeit}).\n\n{Einstieg}\n\nMehr im Denkmalatlas: {Link}\n\n" +
				"#DenkmalDerWoche #Denkmalpflege\n\n{Bildnachweis}",
		}},
	{kind: data.KindCaption, name: "Stellenausschreibung", topic: "Ausbildung & Karriere", hashtags: "Stellenangebote",
		title: "Wir suchen: {Stelle} (m/w/d)",
		body: "Wir suchen Verstärkung: {Stelle} (m/w/d) in {Dienstort}, {Umfang}, {Entgeltgruppe}, {Befristung}.\n\n" +
			"Ihre Aufgaben: {Aufgaben}\n\nBewerbungsschluss: {Bewerbungsschluss}\nKennziffer: {Kennziffer}\n\n" +
			"Jetzt bewerben: {Link}\n\nSchwerbehinderte Menschen werden bei gleicher Eignung bevorzugt berücksichtigt. " +
			"Wir freuen uns über Bewerbungen aller Menschen, unabhängig von Herkunft, Geschlecht und Alter.\n\n{Hashtags}",
		notes:    "Text mit dem Personalreferat abstimmen; Kennziffer aus der Ausschreibung übernehmen.",
		channels: []string{"Facebook", "Mastodon", "Website", "Instagram"},
		variants: map[string]string{
			"Mastodon": "Stellenangebot: {Stelle} (m/w/d) in {Dienstort}, {Entgeltgruppe}. " +
				"Bewerbungsschluss: {Bewerbungsschluss}.\n\nAlle Infos: {Link}\n\n#Stellenangebot #JobsImÖffentlichenDienst",
		}},
	{kind: data.KindCaption, name: "Veranstaltungshinweis", topic: "Veranstaltungen", hashtags: "Veranstaltungen",
		title: "{Veranstaltung}",
		body: "{Veranstaltung}\n\nWann: {Termin}, {Beginn} Uhr\nWo: {Veranstaltungsort}\nEintritt: {Eintritt}\n\n" +
			"{Beschreibung}\n\nAnmeldung und Programm: {Link}\n\n{Hashtags}\n\n{Bildnachweis}",
		notes:    "Barrierefreiheit des Ortes in der Beschreibung nennen (Aufzug, Induktionsschleife).",
		channels: []string{"Website", "Facebook", "Mastodon", "Instagram"},
		variants: map[string]string{
			"Mastodon": "{Veranstaltung}\n{Termin}, {Beginn} Uhr, {Veranstaltungsort}. Eintritt: {Eintritt}.\n\n" +
				"Programm und Anmeldung: {Link}\n\n#Veranstaltungstipp #Südheide",
		}},
	{kind: data.KindCaption, name: "Beteiligungsaufruf", topic: "Beteiligung", hashtags: "Beteiligung",
		title: "Beteiligung: {Planverfahren} ({Gemeinde})",
		body: "Ihre Hinweise sind gefragt: Die {Gemeinde} stellt den Entwurf „{Planverfahren}“ öffentlich aus. " +
			"Bis zum {Frist} können alle Bürgerinnen und Bürger ihn einsehen und eine Stellungnahme abgeben.\n\n" +
			"Als Denkmalfachbehörde prüfen wir, wie sich die geplanten Anlagen auf Baudenkmale und ihre Umgebung auswirken. " +
			"Kennen Sie ein Denkmal, eine alte Sichtachse oder einen Fundort, den wir im Blick haben sollten? Schreiben Sie uns.\n\n" +
			"Entwurf, Karten und Formular: {Link}\nAuslegung vor Ort: {Auslegungsort}\n\n{Hashtags}",
		notes: "Beispiel: Windenergie im Flächennutzungsplan der Samtgemeinde Ohlenbruch. " +
			"Fristen mit der Gemeinde abgleichen; keine Bewertung des Vorhabens, nur der Aufruf.",
		channels: []string{"Website", "Facebook", "Mastodon", "Instagram"},
		variants: map[string]string{
			"Mastodon": "Beteiligung: Die {Gemeinde} legt „{Planverfahren}“ aus. Hinweise zu Denkmalen in der Nähe " +
				"nehmen wir bis {Frist} entgegen.\n\nEntwurf und Formular: {Link}\n\n#Beteiligung #Windenergie #Denkmalschutz",
		}},
	{kind: data.KindCaption, name: "Feiertagsgruß", title: "{Feiertag}",
		body: "{Gruß}\n\nIhr {Behörde}\n\nUnsere Dienststellen sind {Schließzeit} geschlossen. " +
			"Ab {Wiedereröffnung} sind wir wieder für Sie da.\n\n{Bildnachweis}",
		notes:    "Ohne Hashtags und ohne Emoji-Ketten; ein ruhiges Foto aus dem eigenen Bestand.",
		channels: []string{"Instagram", "Facebook", "Mastodon", "Website"},
		variants: map[string]string{
			"Mastodon": "{Gruß}\n\nUnsere Dienststellen sind {Schließzeit} geschlossen, ab {Wiedereröffnung} sind wir wieder da.\n\n{Bildnachweis}",
		}},
}

// demoSnippets are the office's Bausteine: signatures per channel, the
// call to apply, the data-protection line and the address.
var demoSnippets = []demoTemplate{
	{kind: data.KindSnippet, name: "Signatur Facebook", body: "Ihr Team Öffentlichkeitsarbeit\n{Behörde}", channels: []string{"Facebook"}},
	{kind: data.KindSnippet, name: "Signatur Instagram", body: "Mehr dazu über den Link in unserer Bio.", channels: []string{"Instagram"}},
	{kind: data.KindSnippet, name: "Signatur Mastodon", body: "^red", channels: []string{"Mastodon"},
		notes: "Kürzel der Redaktion, wie auf Mastodon unter Behördenkonten üblich."},
	{kind: data.KindSnippet, name: "Jetzt bewerben", body: "Jetzt bewerben: {Link}"},
	{kind: data.KindSnippet, name: "Datenschutzhinweis",
		body: "Hinweise zum Datenschutz auf unseren Social-Media-Kanälen: www.denkmalpflege-suedheide.example/datenschutz"},
	{kind: data.KindSnippet, name: "Anschrift",
		body: "{Behörde}\nAm Schlossgarten 4\n29699 Wendhusen\nSprechzeiten: Mo–Do 9–15 Uhr, Fr 9–12 Uhr"},
	{kind: data.KindSnippet, name: "Barrierefreiheit Vortragssaal",
		body: "Der Vortragssaal ist stufenlos erreichbar und hat eine Induktionsschleife."},
}

// templates stores the demo's hashtag sets, caption templates and snippets
// and returns their IDs by name.
func templates(ctx context.Context, ws *data.Workspace, chanID, topicID map[string]int64) (map[string]int64, error) {
	ids := map[string]int64{}
	for _, list := range [][]demoTemplate{demoHashtagSets, demoCaptionTemplates, demoSnippets} {
		for _, d := range list {
			t := data.Template{Kind: d.kind, Name: d.name, Title: d.title, Body: d.body, Notes: d.notes,
				TopicID: topicID[d.topic], HashtagSetID: ids[d.hashtags]}
			for _, c := range d.channels {
				t.Channels = append(t.Channels, chanID[c])
			}
			for c, body := range d.variants {
				t.Variants = append(t.Variants, data.TemplateVariant{ChannelID: chanID[c], Body: body})
			}
			if err := ws.SaveTemplate(ctx, &t); err != nil {
				return nil, fmt.Errorf("template %q: %w", d.name, err)
			}
			ids[d.name] = t.ID
		}
	}
	return ids, nil
}

// templatePost is a demo post made from a caption template with its
// custom fields filled in.
type templatePost struct {
	template string
	offset   *int // nil = idea
	clock    data.Clock
	status   data.Status
	fields   map[string]string
	link     string
	pictures []string
}

func offset(n int) *int { return &n }

var months = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

// longDate writes a day as a German text does: "15. Januar 2027".
func longDate(d calendar.Date) string {
	return fmt.Sprintf("%d. %s %d", d.Day, months[d.Month-1], d.Year)
}

// demoTemplatePosts are the posts the office made from its templates. The
// job advert and the call for comments show {Link} and {Hashtags} filled
// at posting, the Christmas greeting {Behörde} and {Bildnachweis}; the
// idea of a "Denkmal der Woche" still has some custom fields open, to
// show "Platzhalter ausfüllen …".
func demoTemplatePosts(today calendar.Date) []templatePost {
	christmas := calendar.Date{Year: today.Year, Month: time.December, Day: 24}
	if christmas.Before(today.AddDays(1)) {
		christmas.Year++
	}
	// The guided tour is on the Sunday after the post, a week ahead.
	tour := today.AddDays(45)
	for tour.Weekday() != time.Sunday {
		tour = tour.AddDays(1)
	}
	return []templatePost{
		{template: "Stellenausschreibung", offset: offset(6), clock: data.Clock{Hour: 11}, status: data.StatusReview,
			link: "https://www.denkmalpflege-suedheide.example/stellen/2026-41",
			fields: map[string]string{"Stelle": "Restaurator für Wandmalerei", "Dienstort": "Wendhusen",
				"Umfang": "Vollzeit (Teilzeit möglich)", "Entgeltgruppe": "E 11 TV-L", "Befristung": "unbefristet",
				"Aufgaben": "Sie untersuchen und sichern Wandmalereien in Kirchen und Profanbauten, beraten Eigentümerinnen und " +
					"Eigentümer und begleiten Restaurierungen vor Ort.",
				"Bewerbungsschluss": longDate(today.AddDays(41)), "Kennziffer": "2026-41"},
			pictures: []string{"werkstatt-1"}},
		{template: "Beteiligungsaufruf", offset: offset(10), clock: data.Clock{Hour: 9, Minute: 30}, status: data.StatusDraft,
			link: "https://beteiligung.ohlenbruch.example/fnp-windenergie",
			fields: map[string]string{"Planverfahren": "Windenergie im Flächennutzungsplan", "Gemeinde": "Samtgemeinde Ohlenbruch",
				"Frist": longDate(today.AddDays(45)), "Auslegungsort": "Rathaus Ohlenbruch, Bauamt, Zimmer 12, Mo–Fr 8–12 Uhr"}},
		{template: "Veranstaltungshinweis", offset: offset(38), clock: data.Clock{Hour: 8}, status: data.StatusDraft,
			link: "https://www.denkmalpflege-suedheide.example/fuehrungen",
			fields: map[string]string{"Veranstaltung": "Winterführung: Die Burgruine Lüttkenfels nach der Sicherung", "Termin": "Sonntag, " + longDate(tour),
				"Beginn": "14", "Veranstaltungsort": "Parkplatz an der Burgstraße, Lüttkenfels", "Eintritt": "frei",
				"Beschreibung": "Bauforscher Henrik Vogt zeigt, wie die Ringmauer gesichert wurde und was dabei entdeckt wurde. " +
					"Festes, warmes Schuhwerk empfohlen; der Weg ist nicht barrierefrei."},
			pictures: []string{"burg-1"}},
		{template: "Feiertagsgruß", offset: offset(christmas.Sub(today)), clock: data.Clock{Hour: 10}, status: data.StatusDraft,
			fields: map[string]string{"Feiertag": "Frohe Weihnachten", "Gruß": "Wir wünschen Ihnen frohe und friedliche Weihnachtstage!",
				"Schließzeit": "vom 24. Dezember bis 1. Januar", "Wiedereröffnung": "2. Januar"},
			pictures: []string{"kirche-1"}},
		{template: "Denkmal der Woche", status: data.StatusIdea,
			link:   "https://denkmalatlas.suedheide.example/objekt/31417",
			fields: map[string]string{"Denkmal": "Das Gutshaus", "Ort": "Klein Rühde"}},
	}
}

// fillFromTemplates makes the demo's posts from templates: an Azubi-Dienstag
// slot filled from its series (and so from the template), and the posts of
// demoTemplatePosts. Each records beside its text the template it started
// from, the hashtag set {Hashtags} stands for and the link of {Link}.
func fillFromTemplates(ctx context.Context, ws *data.Workspace, today calendar.Date, tplID map[string]int64,
	mediaID map[string]int64) error {
	attach := func(p data.Post, pictures []string) error {
		var ids []int64
		for _, n := range pictures {
			ids = append(ids, mediaID[n])
		}
		if len(ids) == 0 {
			return nil
		}
		return ws.AttachMedia(ctx, p.ID, ids)
	}

	// The next open Azubi-Dienstag, filled from the series' template and
	// its custom fields typed in as the editor's form would.
	slots, err := ws.SeriesSlots(ctx, today.AddDays(1), today.AddDays(60))
	if err != nil {
		return err
	}
	if len(slots) > 0 {
		p, err := ws.FillSlot(ctx, slots[0])
		if err != nil {
			return fmt.Errorf("azubi slot: %w", err)
		}
		fields := map[string]string{"Name": "Finn", "Ausbildungsjahr": "1", "Ausbildungsberuf": "Fotograf",
			"Was gerade ansteht": "Gerade übt er im Fotolabor, Fundstücke so auszuleuchten, dass jede Kerbe zu sehen ist.",
			"Zitat":              "Eine Scherbe ist schwieriger zu fotografieren als ein Mensch – sie hilft nur nicht mit."}
		p.Title, p.Caption = caption.Fill(p.Title, fields), caption.Fill(p.Caption, fields)
		// FillSlot recorded the template and its hashtag set; the link is
		// typed in the editor.
		p.Link = "https://www.denkmalpflege-suedheide.example/ausbildung"
		if err := ws.UpdatePost(ctx, &p); err != nil {
			return fmt.Errorf("azubi slot: %w", err)
		}
		if err := attach(p, []string{"team-1"}); err != nil {
			return err
		}
	}

	for _, tp := range demoTemplatePosts(today) {
		t, err := ws.Template(ctx, tplID[tp.template])
		if err != nil {
			return err
		}
		p := data.Post{Title: caption.Fill(t.Title, tp.fields), Caption: caption.Fill(t.Body, tp.fields), Notes: t.Notes,
			Status: tp.status, TopicID: t.TopicID, Link: tp.link, HashtagSetID: t.HashtagSetID, TemplateID: t.ID}
		if tp.offset != nil {
			d := today.AddDays(*tp.offset)
			p.Date, p.Time = &d, &tp.clock
		}
		for _, c := range t.Channels {
			own, _ := t.Variant(c)
			p.Channels = append(p.Channels, data.PostChannel{ChannelID: c, Caption: caption.Fill(own, tp.fields)})
		}
		if err := ws.CreatePost(ctx, &p); err != nil {
			return fmt.Errorf("post from template %q: %w", tp.template, err)
		}
		if err := attach(p, tp.pictures); err != nil {
			return err
		}
	}
	return nil
}
