package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestSettingsHandoverNotesAreSavedAndRead(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenSettings)
	f := u.shell.settings.handover
	assertShows(t, u.shell.settings.orgContent, "Für die Vertretung", "Netiquette", "Ansprechpartner", "Hinweise für die Vertretung")

	test.Type(f.netiquette, "Beleidigungen löschen.")
	f.contacts.SetText("Amtsleitung: Frau Beispiel, Tel. 123")
	f.hints.SetText("Zugang im Passwortsafe.")
	test.Tap(f.save)
	u.Wait()
	n, err := u.Workspace().HandoverNotes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n.Netiquette != "Beleidigungen löschen." || n.Contacts != "Amtsleitung: Frau Beispiel, Tel. 123" || n.Hints != "Zugang im Passwortsafe." {
		t.Fatalf("saved notes = %+v", n)
	}

	// A text that is too long is refused in German and stays in the field.
	long := strings.Repeat("x", 5001)
	f.hints.SetText(long)
	test.Tap(f.save)
	u.Wait()
	var all []string
	for _, o := range u.win.Canvas().Overlays().List() {
		all = append(all, texts(o)...)
	}
	if !contains(all, "zu lang") {
		t.Errorf("no German message; overlays show %v", all)
	}
	if f.hints.Text != long {
		t.Error("typed text lost")
	}
	if n, _ := u.Workspace().HandoverNotes(context.Background()); n.Hints != "Zugang im Passwortsafe." {
		t.Errorf("refused text was saved: %d characters", len(n.Hints))
	}

	// A second window on the workspace reads the saved texts.
	u2, _ := newTestUI(t, Config{Workspace: dir})
	u2.Wait()
	if got := u2.shell.settings.handover.contacts.Text; got != "Amtsleitung: Frau Beispiel, Tel. 123" {
		t.Errorf("reopened contacts = %q", got)
	}
}

func TestChannelFormKeepsWhereAccessIsDocumented(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	s := u.shell.settings
	ctx := context.Background()
	test.Tap(s.addChan)
	u.Wait()
	form := topOverlay(u)
	es := entriesIn(form)
	test.Type(es[0], "Instagram Ausbildung")
	access := es[len(es)-1]
	if access.PlaceHolder != "z. B. Passwortsafe, Eintrag Social Media" {
		t.Fatalf("last entry is not the access note: %q", access.PlaceHolder)
	}
	test.Type(access, "Passwortsafe, Eintrag Social Media")
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	cs, err := u.Workspace().Channels(ctx)
	if err != nil || len(cs) != 2 || cs[1].AccessNote != "Passwortsafe, Eintrag Social Media" {
		t.Fatalf("channels %+v, err %v", cs, err)
	}

	// Opening the channel again shows the note.
	s.editChannel(cs[1])
	u.Wait()
	form = topOverlay(u)
	es = entriesIn(form)
	access = es[len(es)-1]
	if access.Text != "Passwortsafe, Eintrag Social Media" {
		t.Errorf("reopened form shows %q", access.Text)
	}

	// A note that is a password refuses the whole save in German: the new
	// name is not saved either, and the form comes back with what was typed.
	es[0].SetText("Instagram Azubis")
	access.SetText("Passwort: Sommer2026!")
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	var all []string
	for _, o := range u.win.Canvas().Overlays().List() {
		all = append(all, texts(o)...)
	}
	if !contains(all, "Passwort") || !contains(all, "nicht gespeichert") {
		t.Errorf("no German message; overlays show %v", all)
	}
	if access.Text != "Passwort: Sommer2026!" || es[0].Text != "Instagram Azubis" {
		t.Errorf("typed text lost: %q, %q", es[0].Text, access.Text)
	}
	after, _ := u.Workspace().Channels(ctx)
	if len(after) != 2 || after[1] != cs[1] {
		t.Errorf("a refused save changed the channel: %+v, was %+v", after, cs[1])
	}
}
