package exchange

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"feedtakt/data"
	"feedtakt/data/demo"
	"feedtakt/data/thumbs"
)

// picture adds a generated photo of w × h pixels to the Mediathek with
// the given Bildbeschreibung.
func (tw *testWorkspace) picture(t testing.TB, kind string, seed int64, w, h int, alt string) data.Media {
	t.Helper()
	img, err := demo.Picture(kind, seed, w, h)
	if err != nil {
		t.Fatal(err)
	}
	b, err := demo.EncodeJPEG(img)
	if err != nil {
		t.Fatal(err)
	}
	m, err := tw.AddMediaBytes(context.Background(), data.Media{Kind: "image", OriginalName: kind + ".jpg", AltText: alt}, b)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func (tw *testWorkspace) attach(t testing.TB, p data.Post, media ...data.Media) {
	t.Helper()
	var ids []int64
	for _, m := range media {
		ids = append(ids, m.ID)
	}
	if err := tw.AttachMedia(context.Background(), p.ID, ids); err != nil {
		t.Fatal(err)
	}
}

// exportTexts is export of a PDF with texts.
func exportTexts(t testing.TB, ws *data.Workspace, texts bool) ([]byte, Summary) {
	t.Helper()
	var buf bytes.Buffer
	r := Request{Format: FormatPDF, From: day(2026, 12, 1), To: day(2026, 12, 31), Now: exportTime, Texts: texts}
	sum, err := r.Export(context.Background(), ws, &buf)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), sum
}

func TestPDFWithTextsShowsFinalTextPerChannelPictureAndHolidays(t *testing.T) {
	ws := newTestWorkspace(t)
	gruss := ws.add(t, postSpec{title: "Weihnachtsgruß", date: day(2026, 12, 24), clock: "10:00", status: data.StatusReview,
		topic: "Service", channels: []string{"Instagram", "Facebook", "Mastodon"},
		caption: "Frohe Weihnachten vom {Behörde}! 🎄🎅🏽 „Gemeinsam“ feiern am {Wochentag}, {Datum}.\n\nÖffnungszeiten zwischen den Jahren: siehe Website."})
	// Mastodon has its own text.
	gruss.Channels[2].Caption = "Schöne Feiertage, Mastodon! 👩‍👩‍👧"
	if err := ws.UpdatePost(context.Background(), &gruss); err != nil {
		t.Fatal(err)
	}
	tree := ws.picture(t, "kirche", 1, 1600, 1200, "Tannenbaum vor der Dorfkirche, davor Kinder mit Laternen.")
	team := ws.picture(t, "team", 2, 1200, 1600, "")
	ws.attach(t, gruss, tree, team)
	ws.add(t, postSpec{title: "Ohne Kanal", date: day(2026, 12, 2), caption: "Nur ein Entwurf ohne Kanal."})
	ws.add(t, postSpec{title: "Ohne Text", date: day(2026, 12, 3), channels: []string{"Website"}})
	if err := ws.SaveOwnDate(context.Background(), &data.OwnDate{Date: day(2026, 12, 15), Name: "Ratssitzung „Haushalt 2027“"}); err != nil {
		t.Fatal(err)
	}
	if err := ws.SaveQuietPeriod(context.Background(), &data.QuietPeriod{From: day(2026, 12, 28), To: day(2027, 1, 10), Note: "Vor der Wahl: keine Beiträge zu Kandidierenden"}); err != nil {
		t.Fatal(err)
	}

	b, sum := exportTexts(t, ws.Workspace, true)
	checkPDF(t, b)
	pages := pdfPages(t, b)
	text := allText(pages)
	for _, want := range []string{
		"Zeitraum: 01.12.2026 – 31.12.2026 · 3 Beiträge · mit Texten und Bildern",
		// Instagram and Facebook say the same: one label, placeholders filled,
		// emoji marked instead of silently dropped, quotes and umlauts kept.
		"Instagram, Facebook: | Frohe Weihnachten vom Landesamt für Denkmalpflege Südheide! [Emoji] „Gemeinsam“ feiern am Donnerstag, 24.12.2026.",
		"Öffnungszeiten zwischen den Jahren: siehe Website.",
		"Mastodon: | Schöne Feiertage, Mastodon! [Emoji]",
		"Bildbeschreibung 1: | Tannenbaum vor der Dorfkirche, davor Kinder mit Laternen.",
		"Bildbeschreibung 2: | (fehlt)",
		"+ 1 weiteres Bild",
		"Text: | Nur ein Entwurf ohne Kanal.",
		"Website: | (kein Text)",
		"Freigabe des Redaktionsplans und der Texte 01.12.2026 – 31.12.2026",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "{Behörde}") || strings.Contains(text, "{Datum}") {
		t.Error("placeholders are not filled")
	}
	// 🎄, 🎅🏽 (one with its skin tone) and the family of three joined people.
	if sum.DroppedChars != 3 {
		t.Errorf("DroppedChars = %d, want 3", sum.DroppedChars)
	}
	// Holidays and action days on their days, also without posts.
	for _, want := range []string{"Fr 25.12. | Feiertag: 1. Weihnachtstag", "Sa 26.12. | Feiertag: 2. Weihnachtstag",
		// in weeks without posts too, below their grey line
		"KW 50 – KW 51 | · 07.12. – 20.12.2026: keine Beiträge geplant\nDo 10.12. | Aktionstag: Tag der Menschenrechte\nDi 15.12. | Termin: Ratssitzung „Haushalt 2027“"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks the holiday line %q", want)
		}
	}
	// A quiet period once, on its first day, with its last day in the plan.
	if !strings.Contains(text, "Mo 28.12. | Ruhezeit bis 10.01.2027: Vor der Wahl: keine Beiträge zu Kandidierenden") || strings.Count(text, "Ruhezeit") != 1 {
		t.Errorf("the quiet period is not named once on its first day:\n%s", text)
	}
	// The first picture once, small, though two posts could use it; the
	// second is only counted.
	imgs := images(b)
	if len(imgs) != 1 || max(imgs[0][0], imgs[0][1]) > picturePx || imgs[0][0] < imgs[0][1] {
		t.Errorf("embedded pictures %v, want one landscape picture of at most %d pixels", imgs, picturePx)
	}

	// Without texts: the rows and holidays, no texts, no pictures.
	b, _ = exportTexts(t, ws.Workspace, false)
	plain := allText(pdfPages(t, b))
	if strings.Contains(plain, "Frohe Weihnachten") || strings.Contains(plain, "Bildbeschreibung") || len(images(b)) != 0 {
		t.Error("the plan without texts shows texts or pictures")
	}
	if !strings.Contains(plain, "Fr 25.12. | Feiertag: 1. Weihnachtstag") || !strings.Contains(plain, "Weihnachtsgruß") {
		t.Errorf("the plan without texts lacks the post or the holiday:\n%s", plain)
	}
}

func TestPDFLongTextGoesOnOnTheNextPage(t *testing.T) {
	ws := newTestWorkspace(t)
	var paras []string
	for i := 1; i <= 90; i++ {
		paras = append(paras, fmt.Sprintf("Absatz %d: Die Bürgerinnen und Bürger können die Pläne im Rathaus einsehen und Stellung nehmen.", i))
	}
	ws.add(t, postSpec{title: "Bekanntmachung Bebauungsplan", date: day(2026, 12, 7), clock: "09:00", channels: []string{"Website"},
		caption: strings.Join(paras, "\n")})
	ws.add(t, postSpec{title: "Danach", date: day(2026, 12, 8), clock: "09:00", channels: []string{"Instagram"}, caption: "Kurz."})
	b, _ := exportTexts(t, ws.Workspace, true)
	pages := pdfPages(t, b)
	if len(pages) < 3 {
		t.Fatalf("%d pages for 90 paragraphs", len(pages))
	}
	// Every paragraph once, in order; none cut.
	text := allText(pages)
	last := -1
	for i := 1; i <= 90; i++ {
		want := fmt.Sprintf("Absatz %d: Die Bürgerinnen und Bürger können die Pläne im Rathaus einsehen und Stellung nehmen.", i)
		k := strings.Index(text, want)
		if k < 0 || strings.Count(text, want) != 1 || k < last {
			t.Fatalf("paragraph %d missing, repeated or out of order", i)
		}
		last = k
	}
	// Each later page starts with the week's heading, says whose text
	// goes on and names the channel again.
	for p := 2; p <= len(pages)-1; p++ {
		if !strings.Contains(strings.Join(pages[p-1], "\n"), "KW 50 · 07.12. – 13.12.2026 (Fortsetzung)") ||
			!strings.Contains(strings.Join(pages[p-1], "\n"), "Fortsetzung: Mo 07.12. · „Bekanntmachung Bebauungsplan“") ||
			!strings.Contains(strings.Join(pages[p-1], "\n"), "Website: | Absatz") {
			t.Errorf("page %d does not say what goes on:\n%s", p, strings.Join(pages[p-1], "\n"))
		}
	}
	if got := pagesContaining(pages, "Danach"); len(got) != 1 {
		t.Errorf("the next post is on pages %v", got)
	}
}

// TestPDFSignOffNeverAlone moves the sign-off block over the page ends by
// adding one post at a time: its page always holds rows of the plan too.
func TestPDFSignOffNeverAlone(t *testing.T) {
	for _, texts := range []bool{false, true} {
		ws := newTestWorkspace(t)
		moved := 0
		for n := 1; n <= 34; n++ {
			spec := postSpec{title: fmt.Sprintf("Beitrag %d", n), date: day(2026, 12, 1+(n-1)%28), clock: "09:00",
				channels: []string{"Instagram"}, caption: "Ein Satz Text."}
			if n%5 == 0 {
				spec.caption = strings.Repeat("Ein längerer Absatz mit Text für die Freigabe. ", 12)
			}
			ws.add(t, spec)
			if n < 8 && !texts {
				continue // on one page
			}
			b, _ := exportTexts(t, ws.Workspace, texts)
			pages := pdfPages(t, b)
			signed := pagesContaining(pages, "Unterschrift (Referatsleitung):")
			if len(signed) != 1 || signed[0] != len(pages) {
				t.Fatalf("texts %v, %d posts: sign-off on pages %v of %d", texts, n, signed, len(pages))
			}
			lastPage := strings.Join(pages[len(pages)-1], "\n")
			if !strings.Contains(lastPage, "Beitrag ") && !strings.Contains(lastPage, "Ein längerer Absatz") && !strings.Contains(lastPage, "Ein Satz Text") {
				t.Fatalf("texts %v, %d posts: the sign-off stands alone:\n%s", texts, n, lastPage)
			}
			if len(pages) > 1 && strings.Contains(lastPage, "(Fortsetzung)") {
				moved++
			}
		}
		if moved == 0 {
			t.Errorf("texts %v: the sign-off never came on a later page; the test does not test", texts)
		}
	}
}

func TestPDFPictureFromThumbnailOrOriginal(t *testing.T) {
	ws := newTestWorkspace(t)
	cached := ws.picture(t, "burg", 3, 2000, 1500, "Burg")
	broken := ws.picture(t, "saeulen", 4, 800, 600, "Säulen")
	fresh := ws.picture(t, "fachwerk", 5, 1200, 900, "Fachwerk")
	for i, m := range []data.Media{cached, broken, fresh} {
		p := ws.add(t, postSpec{title: fmt.Sprintf("Bild %d", i+1), date: day(2026, 12, 1+i), channels: []string{"Instagram"}, caption: "Text"})
		ws.attach(t, p, m)
	}
	cache := thumbs.NewCache(filepath.Join(ws.Dir(), data.ThumbsDir))
	if err := cache.Make(context.Background(), cached.Hash, filepath.Join(ws.Dir(), cached.Path), thumbs.FormatUnknown, 1, []int{thumbs.GridSize}); err != nil {
		t.Fatal(err)
	}
	// A damaged original without a thumbnail: a grey box, and the plan
	// is still written.
	if err := os.WriteFile(filepath.Join(ws.Dir(), broken.Path), []byte("\xff\xd8\xff kaputt"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := thumbFiles(t, cache.Dir())
	b, _ := exportTexts(t, ws.Workspace, true)
	checkPDF(t, b)
	imgs := images(b)
	if len(imgs) != 2 {
		t.Fatalf("embedded pictures %v, want the cached and the fresh one", imgs)
	}
	if imgs[0] != [2]int{thumbs.GridSize, thumbs.GridSize * 3 / 4} || imgs[1] != [2]int{picturePx, picturePx * 3 / 4} {
		t.Errorf("pictures %v: want the grid thumbnail as it is and the original made small", imgs)
	}
	if !strings.Contains(allText(pdfPages(t, b)), "Bild nicht lesbar") {
		t.Error("the damaged picture is not shown as unreadable")
	}
	if after := thumbFiles(t, cache.Dir()); after != before {
		t.Errorf("the export wrote thumbnails (%d files, then %d)", before, after)
	}
}

func thumbFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return n
}

func TestTextsOnlyForPDF(t *testing.T) {
	for _, f := range []string{FormatICS, FormatCSV} {
		err := Request{Format: f, From: day(2026, 12, 1), To: day(2026, 12, 31), Texts: true}.Validate()
		if !errors.Is(err, data.ErrInvalid) || data.Explain(err).Key != "Texts and pictures can only be added to a PDF plan; please choose the PDF format." {
			t.Errorf("%s with texts: %v", f, err)
		}
	}
}

func TestCleanMarksWhatTheFontLacks(t *testing.T) {
	d := &pdfPlan{glyphs: pdfGlyphs(), counting: true}
	for in, want := range map[string]string{
		"Heute 🎉🎈 feiern":     "Heute [Emoji] feiern",
		"arbeiten 👷‍♀️. Mehr": "arbeiten [Emoji]. Mehr",
		"🎄Baum":               "[Emoji]Baum",
		"„Grüße“ – ß":         "„Grüße“ – ß",
		"Tokyo 東京 Stadt":      "Tokyo [Zeichen] Stadt",
		"👩‍👩‍👧 Familie 👍🏽 gut 👍🏽": "[Emoji] Familie [Emoji] gut [Emoji]",
	} {
		if got := d.cleanWith(in, true); got != want {
			t.Errorf("cleanWith(%q) = %q, want %q", in, got, want)
		}
	}
}
