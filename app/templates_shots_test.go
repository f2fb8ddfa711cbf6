package app

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"feedtakt/data"
)

// TestTemplatesScreenshots writes what Vorlagen looks like with an
// office's templates — a caption template with its X text, a hashtag set
// being typed, a snippet — at 1366x768 and 1920x1080 into the folder
// FEEDTAKT_SHOTS names, for a person to look at; without it the test is
// skipped.
func TestTemplatesScreenshots(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	u, s, f := openTemplates(t)
	ws := u.Workspace()
	ausbildung := saveTemplate(t, ws, data.Template{Kind: data.KindHashtags, Name: "Ausbildung", TopicID: f.ausbildung,
		Body: "#Ausbildung #Azubi #KarriereImÖffentlichenDienst #Musterstadt #Zukunft"})
	saveTemplate(t, ws, data.Template{Kind: data.KindHashtags, Name: "Denkmalpflege", TopicID: f.denkmal,
		Body: "#Denkmalschutz #Denkmal #Baukultur #Heimat"})
	saveTemplate(t, ws, data.Template{Kind: data.KindHashtags, Name: "Windenergie", Body: "#Windenergie #Flächennutzungsplan #Beteiligung"})
	azubi := saveTemplate(t, ws, data.Template{Kind: data.KindCaption, Name: "Azubi-Dienstag", Title: "Azubi-Dienstag: {Ausbildungsberuf}",
		TopicID: f.ausbildung, HashtagSetID: ausbildung.ID, Channels: []int64{f.instagram, f.x, f.facebook},
		Body: "👋 Heute ist #AzubiDienstag!\n\n{Vorname} macht bei der {Behörde} eine Ausbildung zur/zum {Ausbildungsberuf}. " +
			"Im {Ausbildungsjahr}. Jahr lernt {Vorname} gerade {Was gerade dran ist}.\n\nNeugierig geworden? Alle Ausbildungsplätze für 2027: {Link}\n\n{Hashtags}",
		Variants: []data.TemplateVariant{{ChannelID: f.x, Body: "Azubi-Dienstag: {Vorname} lernt bei uns {Ausbildungsberuf}. Bewerben bis 31.01.: {Link} #Ausbildung"}},
		Notes:    "Foto mit Einwilligung! Azubi vorher fragen, was er/sie erzählen möchte."})
	for _, c := range []data.Template{
		{Kind: data.KindCaption, Name: "Denkmal der Woche", TopicID: f.denkmal, Channels: []int64{f.instagram, f.facebook},
			Body: "🏛️ Denkmal der Woche: {Denkmal} in {Ort}\n\n{Beschreibung}\n\n{Bildnachweis}\n{Hashtags}"},
		{Kind: data.KindCaption, Name: "Stellenausschreibung", TopicID: f.ausbildung,
			Body: "Wir suchen Sie! Die {Behörde} sucht zum {Eintrittsdatum} eine/n {Stelle}.\nBewerbungsschluss: {Frist}\nAlle Infos: {Link}"},
		{Kind: data.KindCaption, Name: "Veranstaltungshinweis", Body: "📅 {Wochentag}, {Datum}, {Uhrzeit} Uhr: {Veranstaltung} in {Ort}. Eintritt frei!"},
		{Kind: data.KindCaption, Name: "Beteiligungsaufruf Windenergie",
			Body: "Wo sollen Windräder stehen? Der Entwurf des Flächennutzungsplans liegt bis {Frist} aus. Ihre Meinung zählt: {Link}"},
		{Kind: data.KindCaption, Name: "Feiertagsgruß", Body: "Die {Behörde} wünscht Ihnen frohe {Feiertag}! Das Rathaus ist am {Datum} geschlossen."},
		{Kind: data.KindSnippet, Name: "Jetzt bewerben", Body: "👉 Jetzt bewerben: {Link}"},
		{Kind: data.KindSnippet, Name: "Datenschutzhinweis", Body: "Hinweise zum Datenschutz: https://www.musterstadt.de/datenschutz"},
		{Kind: data.KindSnippet, Name: "Anschrift Rathaus", Body: "Stadt Musterstadt · Rathausplatz 1 · 12345 Musterstadt"},
		{Kind: data.KindSnippet, Name: "Signatur Instagram", Channels: []int64{f.instagram}, Body: "Ihr Social-Media-Team der {Behörde} 💙"},
	} {
		saveTemplate(t, ws, c)
	}
	s.reload()
	u.Wait()
	shot := func(name string) {
		t.Helper()
		u.Wait()
		img := u.win.Canvas().Capture()
		fh, err := os.Create(filepath.Join(out, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		if err := png.Encode(fh, img); err != nil {
			t.Fatal(err)
		}
	}
	d := s.pane
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		tag := fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)
		u.win.Resize(size)
		chooseKind(t, s, data.KindCaption)
		s.open(azubi.ID)
		u.Wait()
		d.selectPreview(f.x)
		shot("vorlagen-textvorlage-" + tag)
		d.selectPreview(f.instagram)
		d.body.SetText(d.body.Text + "\n{datum} {Ort")
		shot("vorlagen-textvorlage-hinweise-" + tag)
		d.dirty = false

		chooseKind(t, s, data.KindHashtags)
		s.open(ausbildung.ID)
		u.Wait()
		d.body.SetText("Ausbildung, #Azubi; azubi\nKarriereImÖffentlichenDienst #Musterstadt #zukunft #ausbildungimrathaus #Team #Stadtverwaltung")
		shot("vorlagen-hashtags-" + tag)
		d.dirty = false

		chooseKind(t, s, data.KindSnippet)
		i := slices.IndexFunc(s.items, func(t data.Template) bool { return t.Name == "Signatur Instagram" })
		s.open(s.items[i].ID)
		u.Wait()
		shot("vorlagen-baustein-" + tag)

		s.onNew()
		u.Wait()
		shot("vorlagen-baustein-neu-" + tag)
		d.dirty = false
	}
}
