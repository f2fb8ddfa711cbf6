package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"feedtakt/data"
)

// TestEditorChecksAndRefusedApproval: the checks list follows the typing
// (a blocking finding names its channel and blocks; a picture without
// Bildbeschreibung is named), "Keine Probleme gefunden" when clean; saving
// as Freigegeben with a blocking finding is refused with the findings
// listed, and the editor keeps the text.
func TestEditorChecksAndRefusedApproval(t *testing.T) {
	u, f := newEditorUI(t)
	ctx := context.Background()
	pics := importPictures(t, u, "lena.jpg")
	pic := pics[0]
	pic.AltText = "Lena hält eine alte Urkunde ins Licht."
	if err := u.Workspace().UpdateMedia(ctx, &pic); err != nil {
		t.Fatal(err)
	}
	p := savePost(t, u, data.Post{Title: "Azubi", Date: day(2026, 12, 8), Caption: "Kurz und gut.",
		Channels: []data.PostChannel{{ChannelID: f.x}}})
	if err := u.Workspace().SavePostWithMedia(ctx, &p, []int64{pic.ID}); err != nil {
		t.Fatal(err)
	}
	e := openTestEditor(t, u, p)
	if len(e.checks.lines) != 0 || e.checks.summary.Text != "Keine Probleme gefunden." {
		t.Fatalf("a clean post shows %q / %q", e.checks.summary.Text, e.checks.lines)
	}

	test.Type(e.caption, " "+strings.Repeat("x", 300))
	if len(e.checks.findings) == 0 || !e.checks.findings[0].Blocking || !strings.HasPrefix(e.checks.lines[0], "X: ") {
		t.Fatalf("over X's limit the checks show %q", e.checks.lines)
	}
	if !strings.Contains(e.checks.summary.Text, "blockiert die Freigabe") {
		t.Fatalf("summary %q", e.checks.summary.Text)
	}
	assertShows(t, topOverlay(u), "Prüfung vor dem Posten")

	e.status.SetSelectedIndex(slices.Index(data.Statuses(), data.StatusApproved))
	typed := e.caption.Text
	e.onSave()
	u.Wait()
	if u.editor != e {
		t.Fatal("the editor closed after a refused save")
	}
	assertShows(t, topOverlay(u), "Kann nicht freigegeben werden", "„Freigegeben“", "X: ", "Zurück zum Beitrag")
	if e.caption.Text != typed {
		t.Fatalf("the refused save lost the text: %q", e.caption.Text)
	}
	if got, _ := u.Workspace().Post(ctx, p.ID); got.Status == data.StatusApproved || got.Caption != "Kurz und gut." {
		t.Fatalf("the refused save stored %+v", got)
	}
}

// TestEditorPostenSavesFirst: Posten … on a post with unsaved changes
// saves them, closes the editor and opens the Posten view.
func TestEditorPostenSavesFirst(t *testing.T) {
	u, f := newEditorUI(t)
	p := savePost(t, u, data.Post{Title: "Alt", Date: day(2026, 12, 8), Channels: []data.PostChannel{{ChannelID: f.insta}}})
	e := openTestEditor(t, u, p)
	e.title.SetText("Neu vor dem Posten")
	test.Tap(findButton(t, topOverlay(u), "Posten …"))
	u.Wait()
	if u.editor != nil {
		t.Fatal("the editor stays open behind the Posten view")
	}
	if got, _ := u.Workspace().Post(context.Background(), p.ID); got.Title != "Neu vor dem Posten" {
		t.Fatalf("Posten … did not save first: %q", got.Title)
	}
	if topOverlay(u) == nil {
		t.Fatal("no Posten view opened")
	}
}
