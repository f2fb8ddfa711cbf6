package app

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// editorFixture is a workspace with the channels a press office posts to
// and a Rubrik, for the editor's preview, checks and templates.
type editorFixture struct {
	insta, x, bsky, masto int64
	azubi                 int64 // Rubrik Ausbildung
}

// newEditorUI opens a workspace with Instagram, X, Bluesky and Mastodon
// channels and the Rubrik Ausbildung.
func newEditorUI(t *testing.T) (*UI, editorFixture) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ws")
	ws, err := data.Create(context.Background(), dir, data.Initial{
		Settings: data.Settings{Organisation: "Stadt Musterstadt", Land: calendar.Bayern},
		Channels: []data.Channel{
			{Name: "Instagram", Platform: data.Instagram, Handle: "@stadt_musterstadt"},
			{Name: "X", Platform: data.X, Handle: "@StadtMuster"},
			{Name: "Bluesky", Platform: data.Bluesky, Handle: "@musterstadt.de"},
			{Name: "Mastodon", Platform: data.Mastodon, Handle: "@stadt@social.bund.de"},
		},
		Topics: []data.Topic{{Name: "Ausbildung", Color: "#2E7D32"}, {Name: "Denkmal", Color: "#6D4C41"}},
	}, data.Options{Actor: data.Actor{Person: "Test", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	var f editorFixture
	cs, _ := ws.Channels(context.Background())
	for _, c := range cs {
		switch c.Platform {
		case data.Instagram:
			f.insta = c.ID
		case data.X:
			f.x = c.ID
		case data.Bluesky:
			f.bsky = c.ID
		case data.Mastodon:
			f.masto = c.ID
		}
	}
	ts, _ := ws.Topics(context.Background())
	f.azubi = ts[0].ID
	ws.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	return u, f
}

// openTestEditor opens the editor for p (stored first when it has an ID
// of -1) and waits until it shows.
func openTestEditor(t *testing.T, u *UI, p data.Post) *editor {
	t.Helper()
	openEditor(u, p, nil)
	u.Wait()
	if u.editor == nil {
		t.Fatal("the editor did not open")
	}
	return u.editor
}

// savePost stores p and returns it with its ID.
func savePost(t *testing.T, u *UI, p data.Post) data.Post {
	t.Helper()
	if err := u.Workspace().CreatePost(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func richText(r *widget.RichText) string {
	var b strings.Builder
	for _, s := range r.Segments {
		if ts, ok := s.(*widget.TextSegment); ok {
			b.WriteString(ts.Text)
		}
	}
	return b.String()
}

// TestEditorScreenshots writes the editor with a realistic post, its
// preview and checks at 1366x768 and 1920x1080 into FEEDTAKT_SHOTS.
func TestEditorScreenshots(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	u, f := newEditorUI(t)
	pics := importPictures(t, u, "lena-archiv.jpg", "urkunde.jpg")
	pics[0].AltText = "Lena, Auszubildende im Stadtarchiv, hält eine Urkunde von 1612 ins Licht."
	pics[0].Credit = "Stadt Musterstadt / J. Weber"
	if err := u.Workspace().UpdateMedia(context.Background(), &pics[0]); err != nil {
		t.Fatal(err)
	}
	p := savePost(t, u, data.Post{
		Title: "Azubi-Dienstag: Lena im Stadtarchiv", Date: day(2026, 12, 8), Time: at(9, 30), TopicID: f.azubi,
		Status: data.StatusDraft, Link: "https://www.musterstadt.de/ausbildung",
		Caption: "Azubi-Dienstag 📚 Heute zeigt uns Lena, was man im Stadtarchiv lernt: alte Urkunden lesen, Akten digitalisieren und Anfragen von Bürgerinnen und Bürgern beantworten.\n\nDu willst auch? Bewirb dich bis 31.01. für den Ausbildungsstart 2027: {Link}\n\n#Ausbildung #Azubi #KarriereImÖffentlichenDienst #Stadtarchiv #Musterstadt #Archiv\n\n{Bildnachweis}",
		Channels: []data.PostChannel{{ChannelID: f.insta}, {ChannelID: f.x,
			Caption: "Azubi-Dienstag: Lena zeigt, was man im Stadtarchiv lernt – Urkunden lesen, Akten digitalisieren, Anfragen beantworten. Bewirb dich bis 31.01. für den Ausbildungsstart 2027: {Link} #Ausbildung #Azubi #karriereimöffentlichendienst"},
			{ChannelID: f.bsky}}})
	if err := u.Workspace().SavePostWithMedia(context.Background(), &p, []int64{pics[0].ID, pics[1].ID}); err != nil {
		t.Fatal(err)
	}
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
	saveTemplates(t, u, data.Template{Kind: data.KindCaption, Name: "Azubi-Dienstag", TopicID: f.azubi,
		Title: "Azubi-Dienstag: {Name} im {Bereich}", Body: "Azubi-Dienstag 📚 Heute zeigt uns {Name}, was man im {Bereich} lernt.\n\nBewirb dich bis {Frist}: {Link}\n\n{Hashtags}",
		Variants: []data.TemplateVariant{{ChannelID: f.x, Body: "Azubi-Dienstag: {Name} im {Bereich}. Bewirb dich bis {Frist}: {Link}"}}},
		data.Template{Kind: data.KindCaption, Name: "Denkmal der Woche", Body: "Unser Denkmal der Woche: {Denkmal}"})
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		tag := fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)
		u.win.Resize(size)
		e := openTestEditor(t, u, p)
		shot("editor-instagram-" + tag)
		e.preview.choice.SetSelectedIndex(1)
		shot("editor-x-" + tag)
		e.onUseTemplate()
		test.Type(entriesIn(topOverlay(u))[0], "azubi")
		shot("editor-template-" + tag)
		test.Tap(findButton(t, topOverlay(u), "Abbrechen"))
		e.dlg.Hide()
		u.editor = nil
	}
}

// TestEditorCounterFollowsTyping: every keystroke in the text updates the
// counter of the chosen channel by its platform's rule, and over the
// limit it says so with the error look and an icon.
func TestEditorCounterFollowsTyping(t *testing.T) {
	u, f := newEditorUI(t)
	e := openTestEditor(t, u, data.Post{Title: "Neu", Date: day(2026, 12, 8), Channels: []data.PostChannel{{ChannelID: f.x}}})
	test.Type(e.caption, strings.Repeat("a", 280))
	if got := e.preview.counter.label.Text; !strings.HasPrefix(got, "280 / 280 ") || e.preview.counter.over {
		t.Fatalf("at the limit the counter says %q (over %v)", got, e.preview.counter.over)
	}
	test.Type(e.caption, "b")
	cl := e.preview.counter
	if got := cl.label.Text; !strings.HasPrefix(got, "281 / 280 ") || !strings.Contains(got, "zu lang für X") {
		t.Fatalf("one over, the counter says %q", got)
	}
	if !cl.over || cl.label.Importance != widget.DangerImportance || !cl.icon.Visible() {
		t.Fatalf("over the limit the counter is not marked: over %v, importance %v, icon %v", cl.over, cl.label.Importance, cl.icon.Visible())
	}
	if !strings.HasSuffix(richText(e.preview.text), "ab") {
		t.Fatalf("the preview does not follow the typing: %q", richText(e.preview.text))
	}
}

// TestEditorPreviewFillsPlaceholders: the preview shows the final text of
// the chosen channel, {Datum}, {Kanal} and {Link} filled; the own text of
// a channel is previewed for it and gets its own counter.
func TestEditorPreviewFillsPlaceholders(t *testing.T) {
	u, f := newEditorUI(t)
	e := openTestEditor(t, u, data.Post{Title: "Neu", Date: day(2026, 11, 27),
		Channels: []data.PostChannel{{ChannelID: f.insta}, {ChannelID: f.bsky}}})
	test.Type(e.caption, "Am {Datum} auf {Kanal}: {Link}")
	test.Type(e.textLink, "https://musterstadt.de/a")
	if got := richText(e.preview.text); got != "Am 27.11.2026 auf Instagram: https://musterstadt.de/a" {
		t.Fatalf("preview shows %q", got)
	}
	e.preview.choice.SetSelectedIndex(1)
	if got := richText(e.preview.text); got != "Am 27.11.2026 auf Bluesky: https://musterstadt.de/a" {
		t.Fatalf("Bluesky preview shows %q", got)
	}
	if got := e.preview.counter.label.Text; !strings.Contains(got, "/ 300 Zeichen") || !strings.Contains(got, "/ 3.000 Bytes") {
		t.Fatalf("Bluesky counter says %q", got)
	}
	own := e.overrides[f.bsky]
	test.Type(own, "Kurz auf {Kanal}")
	if got := richText(e.preview.text); got != "Kurz auf Bluesky" {
		t.Fatalf("Bluesky's own text previews as %q", got)
	}
	if cl := e.ownCounts[f.bsky]; cl == nil || !cl.box.Visible() || !strings.HasPrefix(cl.label.Text, "16 / 300 Zeichen") {
		t.Fatalf("Bluesky's own text has no counter line: %+v", cl)
	}
}

// TestEditorPreviewInstagramCut: Instagram shows the first 125
// characters or two lines, then "… mehr"; a short text shows whole.
func TestEditorPreviewInstagramCut(t *testing.T) {
	u, f := newEditorUI(t)
	e := openTestEditor(t, u, data.Post{Title: "Neu", Date: day(2026, 12, 8), Channels: []data.PostChannel{{ChannelID: f.insta}}})
	long := strings.Repeat("Ä", 130) + " Ende"
	e.caption.SetText(long)
	if got := richText(e.preview.text); got != strings.Repeat("Ä", 125)+" … mehr" || !e.preview.more.Visible() {
		t.Fatalf("long text previews as %q (rest shown %v)", got, e.preview.more.Visible())
	}
	if got := richText(e.preview.rest); got != long {
		t.Fatalf("the whole text below the cut is %q", got)
	}
	e.caption.SetText("Zeile eins\nZeile zwei\nZeile drei")
	if got := richText(e.preview.text); got != "Zeile eins\nZeile zwei … mehr" {
		t.Fatalf("three lines preview as %q", got)
	}
	e.caption.SetText("Kurz.")
	if got := richText(e.preview.text); got != "Kurz." || e.preview.more.Visible() {
		t.Fatalf("a short text previews as %q (cut shown %v)", got, e.preview.more.Visible())
	}
}

// TestEditorPreviewNeedsNoDatabase: after the editor opened, the preview
// and the checks follow the typing with the workspace closed – nothing is
// read per keystroke.
func TestEditorPreviewNeedsNoDatabase(t *testing.T) {
	u, f := newEditorUI(t)
	e := openTestEditor(t, u, data.Post{Title: "Neu", Date: day(2026, 12, 8), Channels: []data.PostChannel{{ChannelID: f.x}}})
	if err := u.Workspace().Close(); err != nil {
		t.Fatal(err)
	}
	test.Type(e.caption, "Heute am {Datum} "+strings.Repeat("x", 270))
	if got := e.preview.counter.label.Text; !strings.HasPrefix(got, "290 / 280 ") { // "Heute am 08.12.2026 " is 20
		t.Fatalf("with the workspace closed the counter says %q", got)
	}
	if !slicesContainsCode(e.checks.findings, "over-limit") {
		t.Fatalf("with the workspace closed the checks found %+v", e.checks.findings)
	}
}

func slicesContainsCode(fs []data.ReviewFinding, code string) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}

// TestPreviewSegmentsMarkHashtags: hashtags are their own bold segments
// (with the space before them, so Fyne wraps before the tag, not inside
// it); the text reads the same.
func TestPreviewSegmentsMarkHashtags(t *testing.T) {
	for _, tc := range []struct {
		text string
		tags []string
	}{
		{"Heute im Archiv #Ausbildung #Azubi", []string{" #Ausbildung", " #Azubi"}},
		{"#Ausbildung\nZeile zwei", []string{"#Ausbildung"}},
		{"Kein Tag: https://x.de/#anker und Preis #1", nil},
	} {
		segs := previewSegments(tc.text)
		var all strings.Builder
		var tags []string
		for _, s := range segs {
			ts := s.(*widget.TextSegment)
			all.WriteString(ts.Text)
			if ts.Style.TextStyle.Bold {
				tags = append(tags, ts.Text)
			}
		}
		if all.String() != tc.text || fmt.Sprint(tags) != fmt.Sprint(tc.tags) {
			t.Errorf("%q: text %q, tags %q, want %q", tc.text, all.String(), tags, tc.tags)
		}
	}
	// Instagram counts what a person sees: an emoji family is one.
	head, rest := instagramCut(strings.Repeat("👨‍👩‍👧", 130))
	if n := strings.Count(head, "👨‍👩‍👧"); n != 125 || rest == "" {
		t.Errorf("cut after %d families", n)
	}
}
