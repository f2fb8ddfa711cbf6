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

func TestChannelAccessNote(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	chs, _ := testIDs(t, ws)
	note := "Zugang: Passwortsafe, Eintrag Social Media"
	if err := ws.SetChannelAccessNote(ctx, chs[0], "  "+note+" "); err != nil {
		t.Fatal(err)
	}
	notes, err := ws.ChannelAccessNotes(ctx)
	if err != nil || len(notes) != 1 || notes[chs[0]] != note {
		t.Fatalf("notes %v, %v", notes, err)
	}
	for _, bad := range []string{
		"Passwort: Sommer2026!", "PW = x7Tq!9", "pin: 4711", "Kennwort:geheim123",
		"Zugang Xq7#pLm2rT", strings.Repeat("x", MaxAccessNote+1), "Safe\nFach 3",
	} {
		err := ws.SetChannelAccessNote(ctx, chs[1], bad)
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%q saved: %v", bad, err)
		}
	}
	if strings.Contains(Explain(ws.SetChannelAccessNote(ctx, chs[1], "Passwort: Sommer2026!")).Key, "never the password itself") == false {
		t.Error("the refusal does not say why")
	}
	for _, ok := range []string{
		"Passwort: siehe KeePass, Eintrag Social-Media-Team", "Kennwort liegt im Tresor, Fach 3",
		"KeePass-DB2024, Ordner Presse", "Zugangsdaten bei Frau Muster (Tel. 0511 1234-56)", "https://intranet.example.org/zugang?id=17",
	} {
		if err := ws.SetChannelAccessNote(ctx, chs[1], ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	if err := ws.SetChannelAccessNote(ctx, chs[0], ""); err != nil {
		t.Fatal(err)
	}
	if notes, _ := ws.ChannelAccessNotes(ctx); len(notes) != 1 {
		t.Errorf("after removing one note: %v", notes)
	}
	if err := ws.SetChannelAccessNote(ctx, 999, "Safe"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown channel: %v", err)
	}
	lines := itemChanges(t, ws, "channel")
	if !slices.Contains(lines, `update: Zugang zu Kanal "Instagram": "`+note+`"`) {
		t.Errorf("change log %q", lines)
	}
	// Saving the channel in its form keeps the note.
	c := Channel{ID: chs[1], Name: "Facebook", Platform: Facebook, Handle: "@stadt"}
	if err := ws.SaveChannel(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if notes, _ := ws.ChannelAccessNotes(ctx); notes[chs[1]] != "https://intranet.example.org/zugang?id=17" {
		t.Errorf("SaveChannel lost the note: %v", notes)
	}
}

// A workspace of version 8 is migrated to 9: its channels keep their data
// and take an access note.
func TestMigrationFrom8AddsAccessNotes(t *testing.T) {
	ctx := context.Background()
	restore := migrationsUpTo(t, 8)
	ws := newTestWorkspace(t)
	dir := ws.Dir()
	chs, _ := testIDs(t, ws)
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
	if err := re.SetChannelAccessNote(ctx, chs[0], "Passwortsafe"); err != nil {
		t.Fatal(err)
	}
	if err := re.SaveHandoverNotes(ctx, HandoverNotes{Hints: "Bitte montags prüfen."}); err != nil {
		t.Fatal(err)
	}
	// The database refuses an over-long note also when written past the store.
	if _, err := re.db.ExecContext(ctx, `UPDATE channels SET access_note = ? WHERE id = ?`, strings.Repeat("x", 301), chs[0]); err == nil {
		t.Error("the database took a note over 300 characters")
	}
}
