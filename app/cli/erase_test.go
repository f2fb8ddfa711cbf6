package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// withdrawnPerson makes a workspace (the demo) with a person shown in two
// pictures (one with somebody else) who withdrew, and returns its folder, the person's number and
// the pictures' files.
func withdrawnPerson(t *testing.T) (dir string, id int64, files []string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "Feedtakt")
	if r := runCLI("demo", dir); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC) }
	ws, err := data.Open(ctx, dir, data.Options{Actor: data.Actor{Person: "IT"}, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	p := data.Person{Name: "Hiltrud Ebersbächer", Role: data.RoleCitizen}
	if err := ws.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := range 2 {
		m, err := ws.AddMediaBytes(ctx, data.Media{OriginalName: fmt.Sprintf("Bürgerfest %d.jpg", i)}, []byte(fmt.Sprintf("Bild %d von Hiltrud", i)))
		if err != nil {
			t.Fatal(err)
		}
		people := []int64{p.ID}
		if i == 0 {
			// The first picture shows someone else too: it goes all the same.
			other := data.Person{Name: "Karl Nebenan", Role: data.RoleCitizen}
			if err := ws.SavePerson(ctx, &other); err != nil {
				t.Fatal(err)
			}
			people = append(people, other.ID)
		}
		if err := ws.SetPicturePeople(ctx, m.ID, people); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
		files = append(files, filepath.Join(dir, filepath.FromSlash(m.Path)))
	}
	c := data.Consent{PersonID: p.ID, GivenOn: calendar.NewDate(2026, 6, 1), Form: data.FormWritten, GivenBy: data.GivenBySelf,
		Platforms: []data.Platform{data.Instagram}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeItems, MediaIDs: ids}
	if err := ws.AddConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := ws.WithdrawConsent(ctx, c.ID, data.Withdrawal{On: calendar.NewDate(2026, 11, 20), Via: "E-Mail"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Backup(ctx, ""); err != nil {
		t.Fatal(err)
	}
	return dir, p.ID, files
}

// Without --confirm the command says what it would remove, changes nothing
// and exits non-zero; with it, it erases and says what it removed; once
// more, it says it was done.
func TestErasePersonCommand(t *testing.T) {
	dir, id, files := withdrawnPerson(t)
	before := hashTree(t, dir)
	r := runCLI("erase-person", "--workspace", dir, "--id", fmt.Sprint(id))
	if r.code != 1 {
		t.Fatalf("without --confirm: %+v", r)
	}
	for _, want := range []string{fmt.Sprintf("Löschen von Person Nr. %d entfernt:", id), "2 Bilder zeigen die Person.",
		"1 dieser Bilder zeigt auch andere Personen; es wird trotzdem gelöscht.",
		"1 Sicherung wird geprüft und neu geschrieben, wenn sie die Person enthält.", "--confirm"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("plan lacks %q:\n%s", want, r.stdout)
		}
	}
	after := hashTree(t, dir)
	delete(before, filepath.Join(dir, "feedtakt.lock"))
	delete(after, filepath.Join(dir, "feedtakt.lock"))
	for p := range before {
		if strings.HasSuffix(p, ".db") && filepath.Dir(p) == dir {
			continue // opening writes the WAL header; the content is checked below
		}
		if before[p] != after[p] && !strings.Contains(p, "feedtakt.db") {
			t.Errorf("without --confirm %s changed", p)
		}
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("without --confirm a picture went: %v", err)
		}
	}

	r = runCLI("erase-person", "--workspace", dir, "--id", fmt.Sprint(id), "--confirm")
	if r.code != 0 {
		t.Fatalf("--confirm: %+v", r)
	}
	for _, want := range []string{fmt.Sprintf("Person Nr. %d gelöscht:", id), "Bilder: 2", "2 Originale", "Sicherungen geprüft: 1, neu geschrieben und geprüft: 1"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("result lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, f := range files {
		if _, err := os.Stat(f); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("picture still there: %v", err)
		}
	}
	for p := range hashTree(t, dir) {
		b, _ := os.ReadFile(p)
		if bytes.Contains(b, []byte("Ebersbächer")) {
			t.Errorf("%s still holds the name", p)
		}
	}
	r = runCLI("erase-person", "--workspace", dir, "--id", fmt.Sprint(id), "--confirm")
	if r.code != 0 || !strings.Contains(r.stdout, "am 27.11.2026") || !strings.Contains(r.stdout, "Widerruf vom 20.11.2026") {
		t.Errorf("again: %+v", r)
	}
}

// Bad arguments exit 2; an unknown person or one with a consent in force is
// refused with a sentence, exit 1.
func TestErasePersonCommandRefuses(t *testing.T) {
	dir, id, _ := withdrawnPerson(t)
	for _, args := range [][]string{{}, {"--workspace", dir}, {"--id", "1"}, {"--workspace", dir, "--id", "x"}, {"--workspace", dir, "--id", "1", "extra"}} {
		if r := runCLI(append([]string{"erase-person"}, args...)...); r.code != 2 {
			t.Errorf("%v: %+v", args, r)
		}
	}
	if r := runCLI("erase-person", "--workspace", dir, "--id", fmt.Sprint(id+100), "--confirm"); r.code != 1 || !strings.Contains(r.stderr, "Löschen ist fehlgeschlagen") {
		t.Errorf("unknown person: %+v", r)
	}
	ctx := context.Background()
	ws, _ := data.Open(ctx, dir, data.Options{})
	p := data.Person{Name: "Mit Einwilligung", Role: data.RoleCitizen}
	ws.SavePerson(ctx, &p)
	c := data.Consent{PersonID: p.ID, GivenOn: calendar.NewDate(2026, 6, 1), Form: data.FormWritten, GivenBy: data.GivenBySelf,
		Platforms: []data.Platform{data.Instagram}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeShoot, Shoot: "Fest"}
	if err := ws.AddConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	if r := runCLI("erase-person", "--workspace", dir, "--id", fmt.Sprint(p.ID), "--confirm"); r.code != 1 || !strings.Contains(r.stderr, "Widerruf") {
		t.Errorf("consent in force: %+v", r)
	}
}
