package data

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestHandoverNotesSaveReadAndLog(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	if n, err := ws.HandoverNotes(ctx); err != nil || n != (HandoverNotes{}) {
		t.Fatalf("a new workspace has notes %+v, %v", n, err)
	}
	in := HandoverNotes{
		Netiquette: "  Wir antworten werktags binnen 24 Stunden.\r\nBeleidigungen werden verborgen, nicht gelöscht.  ",
		Contacts:   "Referatsleitung: Dr. Hans Beispiel, Tel. 0511 1234-56",
		Hints:      "Azubi-Dienstag: Fotos liegen im Ordner „Azubis 2026“.",
	}
	if err := ws.SaveHandoverNotes(ctx, in); err != nil {
		t.Fatal(err)
	}
	got, err := ws.HandoverNotes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Netiquette != "Wir antworten werktags binnen 24 Stunden.\nBeleidigungen werden verborgen, nicht gelöscht." ||
		got.Contacts != in.Contacts || got.Hints != in.Hints {
		t.Errorf("read back %+v", got)
	}
	// The settings screen's own fields are untouched.
	if s, err := ws.Settings(ctx); err != nil || s.Organisation != "Stadt Musterstadt" {
		t.Errorf("settings %+v, %v", s, err)
	}
	got.Hints = "Neu"
	if err := ws.SaveHandoverNotes(ctx, got); err != nil {
		t.Fatal(err)
	}
	if err := ws.SaveHandoverNotes(ctx, got); err != nil { // unchanged: no entry
		t.Fatal(err)
	}
	lines := itemChanges(t, ws, "settings")
	want := []string{
		"update: Übergabe-Texte geändert: Netiquette, Ansprechpartner, Hinweise für die Vertretung",
		"update: Übergabe-Texte geändert: Hinweise für die Vertretung",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("change log %q", lines)
	}
}

func TestHandoverNotesRefused(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	for _, n := range []HandoverNotes{
		{Hints: strings.Repeat("ä", MaxHandoverText+1)},
		{Netiquette: "Ton\x07freundlich"},
		{Contacts: "Instagram-Passwort: Sommer2026!"},
		{Hints: "Login mit Xq7#pLm2rT"},
	} {
		if err := ws.SaveHandoverNotes(ctx, n); !errors.Is(err, ErrInvalid) {
			t.Errorf("%+.40v saved: %v", n, err)
		}
	}
	if n, _ := ws.HandoverNotes(ctx); n != (HandoverNotes{}) {
		t.Errorf("a refused text was stored: %+v", n)
	}
}

// channelByID reads one channel the way every screen does.
func channelByID(t *testing.T, ws *Workspace, id int64) Channel {
	t.Helper()
	cs, err := ws.Channels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no channel %d", id)
	return Channel{}
}

func TestChannelAccessNote(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	chs, _ := testIDs(t, ws)
	note := "Zugang: Passwortsafe, Eintrag Social Media"
	c := channelByID(t, ws, chs[0])
	c.AccessNote = "  " + note + " "
	if err := ws.SaveChannel(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if got := channelByID(t, ws, chs[0]); got.AccessNote != note || got.Name != "Instagram" {
		t.Fatalf("read back %+v", got)
	}
	if got := channelByID(t, ws, chs[1]); got.AccessNote != "" {
		t.Fatalf("the other channel has a note: %q", got.AccessNote)
	}
	fb := channelByID(t, ws, chs[1])
	for _, bad := range []string{
		"Passwort: Sommer2026!", "PW = x7Tq!9", "pin: 4711", "Kennwort:geheim123",
		"Zugang Xq7#pLm2rT", strings.Repeat("x", MaxAccessNote+1), "Safe\nFach 3",
	} {
		c := fb
		c.AccessNote = bad
		if err := ws.SaveChannel(ctx, &c); !errors.Is(err, ErrInvalid) {
			t.Errorf("%q saved: %v", bad, err)
		}
	}
	c = fb
	c.AccessNote = "Passwort: Sommer2026!"
	if !strings.Contains(Explain(ws.SaveChannel(ctx, &c)).Key, "never the password itself") {
		t.Error("the refusal does not say why")
	}
	for _, ok := range []string{
		"Passwort: siehe KeePass, Eintrag Social-Media-Team", "Kennwort liegt im Tresor, Fach 3",
		"KeePass-DB2024, Ordner Presse", "Zugangsdaten bei Frau Muster (Tel. 0511 1234-56)", "https://intranet.example.org/zugang?id=17",
	} {
		c := fb
		c.AccessNote = ok
		if err := ws.SaveChannel(ctx, &c); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	c = channelByID(t, ws, chs[0])
	c.AccessNote = ""
	if err := ws.SaveChannel(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if got := channelByID(t, ws, chs[0]); got.AccessNote != "" {
		t.Errorf("removed note reads %q", got.AccessNote)
	}
	missing := Channel{ID: 999, Name: "Weg", Platform: Other, AccessNote: "Safe"}
	if err := ws.SaveChannel(ctx, &missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown channel: %v", err)
	}
	lines := itemChanges(t, ws, "channel")
	if !slices.Contains(lines, "update: Zugang zu Kanal „Instagram“: „"+note+"“") {
		t.Errorf("change log %q", lines)
	}
	// Saving a channel read from Channels (switching it off and on) keeps the note.
	c = channelByID(t, ws, chs[1])
	c.Disabled = true
	if err := ws.SaveChannel(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if got := channelByID(t, ws, chs[1]); got.AccessNote != "https://intranet.example.org/zugang?id=17" || !got.Disabled {
		t.Errorf("SaveChannel lost the note: %+v", got)
	}
	// A new channel takes its note with it.
	n := Channel{Name: "Mastodon", Platform: Mastodon, AccessNote: "Passwortsafe, Eintrag Mastodon"}
	if err := ws.SaveChannel(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if got := channelByID(t, ws, n.ID); got.AccessNote != "Passwortsafe, Eintrag Mastodon" {
		t.Errorf("new channel's note %q", got.AccessNote)
	}
}

// A refused note refuses the whole save: the channel's other fields stay
// as they were, and nothing is logged.
func TestChannelSaveWithRefusedNoteChangesNothing(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	chs, _ := testIDs(t, ws)
	before := channelByID(t, ws, chs[0])
	before.AccessNote = "Passwortsafe"
	if err := ws.SaveChannel(ctx, &before); err != nil {
		t.Fatal(err)
	}
	logged := len(itemChanges(t, ws, "channel"))
	c := before
	c.Name, c.Handle, c.Cadence.Count, c.AccessNote = "Instagram Ausbildung", "@azubis", 5, "Passwort: Sommer2026!"
	if err := ws.SaveChannel(ctx, &c); !errors.Is(err, ErrInvalid) {
		t.Fatalf("saved: %v", err)
	}
	if got := channelByID(t, ws, chs[0]); got != before {
		t.Errorf("after the refused save %+v, want %+v", got, before)
	}
	if n := len(itemChanges(t, ws, "channel")); n != logged {
		t.Errorf("%d change-log lines for a refused save", n-logged)
	}
}

// A workspace of version 8 is migrated to 9: its channels keep their data
// and take an access note.
func TestMigrationFrom8AddsAccessNotes(t *testing.T) {
	ctx := context.Background()
	restore := migrationsUpTo(t, 8)
	ws := newTestWorkspace(t)
	dir := ws.Dir()
	ws.Close()
	restore()

	re, v := openMigrated(t, dir)
	if v != SchemaVersion() || v < 9 {
		t.Fatalf("version %d", v)
	}
	cs, err := re.Channels(ctx)
	if err != nil || len(cs) != 2 || cs[0].Name != "Instagram" || cs[0].Cadence.Count != 2 {
		t.Fatalf("channels after migration: %+v, %v", cs, err)
	}
	cs[0].AccessNote = "Passwortsafe"
	if err := re.SaveChannel(ctx, &cs[0]); err != nil {
		t.Fatal(err)
	}
	chs, _ := testIDs(t, re)
	if err := re.SaveHandoverNotes(ctx, HandoverNotes{Hints: "Bitte montags prüfen."}); err != nil {
		t.Fatal(err)
	}
	// The database refuses an over-long note also when written past the store.
	if _, err := re.db.ExecContext(ctx, `UPDATE channels SET access_note = ? WHERE id = ?`, strings.Repeat("x", 301), chs[0]); err == nil {
		t.Error("the database took a note over 300 characters")
	}
}
