package app

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"feedtakt/data"
)

// createFromWelcome makes a workspace the way a person does on the
// welcome screen.
func createFromWelcome(t *testing.T, u *UI) {
	t.Helper()
	w := newWelcome(u)
	u.setContent(w.content)
	test.Type(w.org, "Landkreis Beispiel")
	w.land.SetSelected("Hessen")
	w.folder.SetText(filepath.Join(t.TempDir(), "Pressestelle"))
	test.Tap(w.create)
	u.Wait()
	if u.Workspace() == nil {
		t.Fatalf("no workspace; screen: %v", texts(u.win.Content()))
	}
}

const guideHeading = "Ihr Arbeitsbereich ist angelegt. Drei Schritte, dann können Sie planen."

func TestGuideAfterCreatingWalksThreeStepsInPlace(t *testing.T) {
	u, _ := newTestUI(t, Config{})
	createFromWelcome(t, u)
	ctx := context.Background()
	ws := u.Workspace()
	assertShows(t, u.win.Content(), guideHeading, "1. Kanäle und ihr Takt", "Instagram", "Facebook", "Kanal hinzufügen")
	assertNotShows(t, u.win.Content(), "Mediathek") // the guide has the window

	// Step 1 in place: Facebook disabled with the same row button as in
	// Einstellungen.
	test.Tap(findButton(t, u.win.Content(), "Deaktivieren"))
	u.Wait()
	cs, _ := ws.Channels(ctx)
	if len(cs) != 2 || cs[0].Disabled == cs[1].Disabled {
		t.Fatalf("channels after disabling one: %+v", cs)
	}

	test.Tap(findButton(t, u.win.Content(), "Weiter"))
	assertShows(t, u.win.Content(), "Rubrik hinzufügen", "Hinter den Kulissen")
	// Step 2 in place: a topic deleted with the shared question.
	ts, _ := ws.Topics(ctx)
	test.Tap(findButton(t, u.win.Content(), "Löschen …"))
	assertShows(t, topOverlay(u), "„"+ts[0].Name+"“ löschen?")
	test.Tap(findButton(t, topOverlay(u), "Löschen"))
	u.Wait()
	if ts2, _ := ws.Topics(ctx); len(ts2) != len(ts)-1 {
		t.Fatalf("topics %d, want %d", len(ts2), len(ts)-1)
	}
	// Back and forth keeps the place.
	test.Tap(findButton(t, u.win.Content(), "Zurück"))
	assertShows(t, u.win.Content(), "Kanal hinzufügen")
	test.Tap(findButton(t, u.win.Content(), "Weiter"))
	test.Tap(findButton(t, u.win.Content(), "Weiter"))

	// Step 3: the first post; saving it ends the guide in the calendar.
	assertShows(t, u.win.Content(), "Ersten Beitrag planen …", "Zum Kalender")
	test.Tap(findButton(t, u.win.Content(), "Ersten Beitrag planen …"))
	u.Wait()
	e := u.editor
	if e == nil {
		t.Fatal("no editor for the first post")
	}
	e.title.SetText("Hallo aus dem Landkreis")
	e.onSave()
	u.Wait()
	if u.shell.tabs.SelectedIndex() != screenCalendar {
		t.Fatal("the guide did not end in the calendar")
	}
	assertShows(t, u.win.Content(), "Mediathek", "Neuer Beitrag")
	assertNotShows(t, u.win.Content(), guideHeading, "Noch keine Beiträge")
	c, _ := ws.Counts(ctx)
	if c.Posts != 1 {
		t.Errorf("posts = %d", c.Posts)
	}
	// Einstellungen shows what was changed in the guide.
	u.shell.selectScreen(screenSettings)
	assertShows(t, u.win.Content(), "deaktiviert")
}

func TestGuideSkippedEndsInEmptyCalendarWithHint(t *testing.T) {
	u, _ := newTestUI(t, Config{})
	createFromWelcome(t, u)
	test.Tap(findButton(t, u.win.Content(), "Einführung überspringen"))
	u.Wait()
	if u.shell.tabs.SelectedIndex() != screenCalendar {
		t.Fatal("skipping did not lead to the calendar")
	}
	assertShows(t, u.win.Content(), "Noch keine Beiträge", "Kanäle und Rubriken festlegen …", "Neuer Beitrag (Strg+N)")
	// The hint starts the guide again.
	test.Tap(findButton(t, u.win.Content(), "Kanäle und Rubriken festlegen …"))
	assertShows(t, u.win.Content(), guideHeading)
}

func TestGuideNotAfterOpeningOrDemo(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	if u.Workspace() == nil {
		t.Fatal("not open")
	}
	assertNotShows(t, u.win.Content(), guideHeading)
	if u.shell.tabs.SelectedIndex() != screenCalendar {
		t.Error("opening should show the calendar")
	}
	u.openDemo()
	u.Wait()
	assertNotShows(t, u.win.Content(), guideHeading, "Noch keine Beiträge")
	assertShows(t, u.win.Content(), "Mediathek")
}

func TestEmptyPlanHintOnlyWithoutPosts(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	s := u.shell.calendar
	assertShows(t, u.win.Content(), "Noch keine Beiträge", "Neuer Beitrag (Strg+N)")

	// An idea is a post too: the hint goes.
	idea := data.Post{Title: "Idee: Azubi-Porträt", Status: data.StatusIdea}
	if err := u.Workspace().CreatePost(context.Background(), &idea); err != nil {
		t.Fatal(err)
	}
	s.reload()
	u.Wait()
	assertNotShows(t, u.win.Content(), "Noch keine Beiträge")
	// It stays away in the other views.
	s.modeSel.SetSelected("Woche")
	u.Wait()
	assertNotShows(t, u.win.Content(), "Noch keine Beiträge")

	// And comes back when the last one is deleted, in any view.
	if err := u.Workspace().DeletePost(context.Background(), idea.ID); err != nil {
		t.Fatal(err)
	}
	s.modeSel.SetSelected("Liste")
	u.Wait()
	assertShows(t, u.win.Content(), "Noch keine Beiträge")
	test.Tap(findButton(t, u.win.Content(), "Neuer Beitrag (Strg+N)"))
	u.Wait()
	if u.editor == nil {
		t.Error("the hint's button opens no editor")
	}
}
