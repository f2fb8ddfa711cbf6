package data

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"feedtakt/data/thumbs"
)

// The person the erasure tests erase: a name that occurs nowhere else, with
// an umlaut (the search index spells it "ae").
const (
	erasedName    = "Quirina Zwetschgenbäumer"
	erasedContact = "quirina.zw@example.org"
	otherName     = "Bertram Ohnesorg"
)

// erasureFixture is a workspace on 1 March 2026 (a clock that ticks a
// second per call, so backups get their own names) with the person shown
// in three pictures (one also shows another person, one is in the
// Papierkorb), her scanned form, a published and a planned post using
// them, thumbnails, prepared copies, a picture and a copy that are not
// hers, and two backups that hold her.
type erasureFixture struct {
	ws        *Workspace
	person    Person
	other     Person
	pictures  []Media // hers, in the Mediathek; [1] also shows other
	trashed   Media   // hers, in the Papierkorb
	form      Media
	keep      Media // not hers
	keepCopy  string
	contents  [][]byte // the content of each of her pictures and the form
	pub, plan Post
	ig, fb    int64
}

func newErasureFixture(t *testing.T) *erasureFixture {
	t.Helper()
	ctx := context.Background()
	ws := newTestWorkspace(t)
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, WorkspaceZone())
	ws.now = func() time.Time { at = at.Add(time.Second); return at }
	chans, _ := testIDs(t, ws)
	f := &erasureFixture{ws: ws, ig: chans[0], fb: chans[1]}
	f.person = mustPerson(t, ws, Person{Name: erasedName, Role: RoleEmployee, Contact: erasedContact, Notes: "Azubi seit 2025"})
	f.other = mustPerson(t, ws, Person{Name: otherName, Role: RoleEmployee, Notes: "Kollege von " + erasedName})
	add := func(name string, content []byte) Media {
		title := ""
		if strings.Contains(name, "Portrait 2") {
			title = "Gruppenbild Ausbildung" // a copy of it is named after the title
		}
		m, err := ws.AddMedia(ctx, bytes.NewReader(content), Media{OriginalName: name, Title: title, AltText: "Auszubildende bei der Arbeit im Rathaus"})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	distinct := func(i int) []byte {
		// Bytes that occur nowhere else: the byte search looks for them.
		return []byte(strings.Repeat("\x00", 8) + "BILDINHALT-" + string(rune('A'+i)) + "-7f3a9c51e2d84b60" + strings.Repeat("\xff", 8))
	}
	for i := range 2 {
		c := distinct(i)
		f.contents = append(f.contents, c)
		f.pictures = append(f.pictures, add(erasedName+" Portrait "+string(rune('1'+i))+".jpg", c))
	}
	c := distinct(2)
	f.contents = append(f.contents, c)
	f.trashed = add("Sommerfest_"+string(rune('3'))+".jpg", c)
	c = append([]byte("%PDF-1.4 Einwilligung von "+erasedName+" "), distinct(3)...)
	f.contents = append(f.contents, c)
	f.form = add("Einwilligung.pdf", c)
	f.keep = add("Rathaus.jpg", []byte("Rathaus bei Nacht, ohne Menschen"))
	for _, m := range append(f.pictures, f.trashed) {
		people := []int64{f.person.ID}
		if m.ID == f.pictures[1].ID {
			people = append(people, f.other.ID)
		}
		if err := ws.SetPicturePeople(ctx, m.ID, people); err != nil {
			t.Fatal(err)
		}
	}
	if err := ws.SetPictureDecision(ctx, f.keep.ID, DecisionNone); err != nil {
		t.Fatal(err)
	}
	// Thumbnails: not made from the content here, but named by hash as
	// the cache names them, holding the content's marker.
	cache := thumbs.NewCache(filepath.Join(ws.Dir(), ThumbsDir))
	for i, m := range []Media{f.pictures[0], f.pictures[1], f.trashed, f.form, f.keep} {
		for _, size := range []int{thumbs.GridSize, thumbs.PreviewSize} {
			p := cache.Path(m.Hash, size)
			os.MkdirAll(filepath.Dir(p), 0o755)
			content := []byte("thumbnail of rathaus")
			if i < len(f.contents) {
				content = f.contents[i]
			}
			if err := os.WriteFile(p, content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	cons := mustConsent(t, ws, written(f.person.ID, date(2026, 1, 10), Instagram, Facebook))
	if err := ws.SetConsentForm(ctx, cons.ID, f.form.ID); err != nil {
		t.Fatal(err)
	}
	mustConsent(t, ws, written(f.other.ID, date(2026, 1, 10), Instagram, Facebook))
	f.pub = Post{Title: erasedName + " beginnt ihre Ausbildung", Caption: "Willkommen, " + erasedName + "! #Ausbildung",
		Date: dp(2026, 2, 10), Status: StatusPublished, Channels: []PostChannel{{ChannelID: f.ig}, {ChannelID: f.fb}}}
	if err := ws.SavePostWithMedia(ctx, &f.pub, []int64{f.pictures[0].ID, f.keep.ID}); err != nil {
		t.Fatal(err)
	}
	f.plan = Post{Title: "Tag der offenen Tür", Caption: "Mit Bertram und Quirina", Date: dp(2026, 4, 20), Status: StatusDraft,
		Channels: []PostChannel{{ChannelID: f.ig}}}
	if err := ws.SavePostWithMedia(ctx, &f.plan, []int64{f.pictures[1].ID, f.trashed.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.DeleteMedia(ctx, f.trashed.ID); err != nil {
		t.Fatal(err)
	}
	up := ws.UploadPath()
	os.MkdirAll(up, 0o755)
	for _, name := range []string{"2026-02-10 " + erasedName + " beginnt ihre Ausbildung – Instagram 4x5.jpg",
		"2026-02-10 " + erasedName + " beginnt ihre Ausbildung – Instagram 4x5 (2).jpg",
		erasedName + " Portrait 1 – Quadrat.jpg", "Gruppenbild Ausbildung – Instagram 4x5.jpg"} {
		if err := os.WriteFile(filepath.Join(up, name), []byte("copy"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f.keepCopy = filepath.Join(up, "Rathaus – Quadrat.jpg")
	os.WriteFile(f.keepCopy, []byte("copy of Rathaus"), 0o644)
	if _, err := ws.Backup(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if err := ws.WithdrawConsent(ctx, cons.ID, Withdrawal{On: date(2026, 2, 20), Via: "Brief von " + erasedName}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Backup(ctx, "v6"); err != nil {
		t.Fatal(err)
	}
	return f
}

// needles are what the byte search looks for: the name in UTF-8, lower
// case, with the umlaut spelled out as the search index stores it, the
// surname alone, the contact, and each erased picture's content.
func (f *erasureFixture) needles() map[string][]byte {
	n := map[string][]byte{
		"name":           []byte(erasedName),
		"name lowercase": []byte(strings.ToLower(erasedName)),
		"surname folded": []byte("zwetschgenbaeumer"),
		"surname":        []byte("wetschgenb"),
		"contact":        []byte(erasedContact),
		"UTF-16 name":    utf16LE(erasedName),
	}
	for i, c := range f.contents {
		n["content of erased file "+string(rune('1'+i))] = c[8 : len(c)-8]
	}
	return n
}

func utf16LE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// byteSearch reads every file of the database, media/, thumbs/, the
// Papierkorb, "Zum Hochladen" and backups/ and returns "file: needle" for
// each needle found.
func byteSearch(t *testing.T, dir string, needles map[string][]byte) []string {
	t.Helper()
	var found []string
	var files []string
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		files = append(files, filepath.Join(dir, DBName+suffix))
	}
	for _, sub := range []string{MediaDir, ThumbsDir, TrashDir, UploadDir, BackupsDir} {
		filepath.WalkDir(filepath.Join(dir, sub), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for what, n := range needles {
			if bytes.Contains(b, n) || bytes.Contains([]byte(filepath.Base(p)), n) {
				rel, _ := filepath.Rel(dir, p)
				found = append(found, rel+": "+what)
			}
		}
	}
	return found
}

// The byte-search test: after the erasure nothing of the person's name or
// of her pictures' content is in feedtakt.db (free pages and WAL
// included), media/, thumbs/, the Papierkorb, "Zum Hochladen" or the
// backups. Before it, the same search finds them, so it can see them.
func TestErasureByteSearch(t *testing.T) {
	ctx := context.Background()
	f := newErasureFixture(t)
	ws := f.ws
	// Some writes stay in the WAL, as in a workspace in use.
	ws.db.ExecContext(ctx, "PRAGMA wal_autocheckpoint(0)")
	before := byteSearch(t, ws.Dir(), f.needles())
	for _, want := range []string{"feedtakt.db-wal: name", "backups", "thumbs", "papierkorb", "Zum Hochladen", "media/"} {
		if !strings.Contains(strings.Join(before, "\n"), want) {
			t.Errorf("before erasure the search does not find %q; found:\n%s", want, strings.Join(before, "\n"))
		}
	}
	plan, err := ws.PlanErasure(ctx, f.person.ID)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Pictures != 3 || plan.WithOthers != 1 || plan.Forms != 1 || plan.Posts != 2 || plan.UploadCopies != 4 || plan.Backups != 2 || plan.Resume {
		t.Errorf("plan %+v", plan)
	}
	var steps []int
	res, err := ws.ErasePerson(ctx, f.person.ID, func(done, total int) { steps = append(steps, done) })
	if err != nil {
		t.Fatalf("erase: %v (%+v)", err, res)
	}
	if res.Pictures != 3 || res.Forms != 1 || res.Posts != 2 || res.Files != 3 || res.TrashCopies != 1 || res.UploadCopies != 4 ||
		res.Thumbnails != 8 || res.BackupsChecked != 2 || res.BackupsRewritten != 2 || res.Texts == 0 || len(res.BackupsFailed) != 0 {
		t.Errorf("result %+v", res)
	}
	if len(steps) == 0 || steps[len(steps)-1] != 2+3 {
		t.Errorf("progress %v", steps)
	}
	if found := byteSearch(t, ws.Dir(), f.needles()); len(found) > 0 {
		t.Errorf("after erasure found:\n%s", strings.Join(found, "\n"))
	}
	f.checkAfter(t)
}

// checkAfter checks what stays: the proof record, the posts without her
// pictures, the other person and the picture that is not hers, verified
// backups, a healthy database; the search does not find her.
func (f *erasureFixture) checkAfter(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	ws := f.ws
	rec, err := ws.Erasure(ctx, f.person.ID)
	if err != nil || !rec.Done() || rec.WithdrawnOn == nil || *rec.WithdrawnOn != date(2026, 2, 20) || rec.Pictures != 3 || rec.Forms != 1 ||
		rec.Posts != 2 || rec.Backups != 2 || rec.By != testActor.Person {
		t.Errorf("proof record %+v, %v", rec, err)
	}
	if _, err := ws.Person(ctx, f.person.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("person still there: %v", err)
	}
	other, err := ws.Person(ctx, f.other.ID)
	if err != nil || other.Notes != "Kollege von [Name entfernt]" {
		t.Errorf("other person %+v, %v", other, err)
	}
	if cs, _ := ws.Consents(ctx, f.other.ID); len(cs) != 1 {
		t.Errorf("other person's consents %d", len(cs))
	}
	pub, err := ws.Post(ctx, f.pub.ID)
	if err != nil || pub.Title != "[Name entfernt] beginnt ihre Ausbildung" || pub.Caption != "Willkommen, [Name entfernt]! #Ausbildung" {
		t.Errorf("published post %+v, %v", pub, err)
	}
	for _, id := range []int64{f.pictures[0].ID, f.pictures[1].ID, f.form.ID} {
		if _, err := ws.Media(ctx, id); !errors.Is(err, ErrNotFound) {
			t.Errorf("media %d still there: %v", id, err)
		}
	}
	if _, err := ws.Media(ctx, f.keep.ID); err != nil {
		t.Errorf("the other picture went: %v", err)
	}
	if _, err := os.Stat(filepath.Join(ws.Dir(), filepath.FromSlash(f.keep.Path))); err != nil {
		t.Errorf("the other picture's file went: %v", err)
	}
	if _, err := os.Stat(f.keepCopy); err != nil {
		t.Errorf("the other copy went: %v", err)
	}
	var links int
	ws.db.QueryRow(`SELECT count(*) FROM post_media WHERE post_id = ?`, f.pub.ID).Scan(&links)
	if links != 1 {
		t.Errorf("published post keeps %d pictures, want 1 (not hers)", links)
	}
	// A first name alone ("Mit Bertram und Quirina") is not the name and
	// stays; the office sees such posts on the withdrawal page.
	for _, q := range []string{erasedName, "Zwetschgenbäumer", "zwetschgenbaeumer"} {
		if r, _ := ws.SearchPosts(ctx, q, ByRelevance, 10); len(r.Posts) > 0 {
			t.Errorf("post search %q finds %d", q, len(r.Posts))
		}
		if page, _ := ws.ListMedia(ctx, MediaQuery{Text: q}); len(page.Items) > 0 {
			t.Errorf("media search %q finds %d", q, len(page.Items))
		}
		if ps, _ := ws.People(ctx, PeopleQuery{Text: q}); len(ps) > 0 {
			t.Errorf("people search %q finds %d", q, len(ps))
		}
	}
	cs, _ := ws.Changes(ctx, 0, 1000)
	for _, c := range cs {
		if strings.Contains(c.Summary, "Zwetschgen") || strings.Contains(c.Summary, "Portrait") {
			t.Errorf("change log keeps %q", c.Summary)
		}
	}
	if err := ws.checkIntegrity(ctx); err != nil {
		t.Error(err)
	}
	bs, _ := ws.Backups()
	for _, b := range bs {
		if err := verifyDatabase(ctx, b.Path); err != nil {
			t.Errorf("backup %s: %v", b.Path, err)
		}
	}
	// A new person never gets the erased person's number.
	p := Person{Name: "Neu", Role: RoleGuest}
	if err := ws.SavePerson(ctx, &p); err != nil || p.ID <= max(f.person.ID, f.other.ID) {
		t.Errorf("new person got number %d (erased %d), %v", p.ID, f.person.ID, err)
	}
}

// A person whose consent is in force is not erased: a mistyped number must
// not destroy someone's pictures.
func TestErasureRefusesConsentInForce(t *testing.T) {
	ctx := context.Background()
	f := newErasureFixture(t)
	for _, run := range []func() error{
		func() error { _, err := f.ws.PlanErasure(ctx, f.other.ID); return err },
		func() error { _, err := f.ws.ErasePerson(ctx, f.other.ID, nil); return err },
	} {
		var inv *InvalidError
		if err := run(); !errors.As(err, &inv) {
			t.Errorf("erasing a person with consent in force: %v", err)
		}
	}
	if _, err := f.ws.Person(ctx, f.other.ID); err != nil {
		t.Error(err)
	}
	if _, err := f.ws.Erasure(ctx, f.other.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("journal written: %v", err)
	}
	if _, err := f.ws.PlanErasure(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown person: %v", err)
	}
}

// A backup that cannot be rewritten is reported, the erasure stays
// pending, and running it again once the backup is dealt with completes it.
func TestErasureReportsBackupItCannotRewrite(t *testing.T) {
	ctx := context.Background()
	f := newErasureFixture(t)
	bs, _ := f.ws.Backups()
	bad := bs[0].Path
	b, _ := os.ReadFile(bad)
	os.WriteFile(bad, b[:len(b)/2], 0o644) // truncated
	res, err := f.ws.ErasePerson(ctx, f.person.ID, nil)
	if !errors.Is(err, ErrErasureIncomplete) || len(res.BackupsFailed) != 1 || res.BackupsFailed[0].Path != bad || res.BackupsRewritten != 1 {
		t.Fatalf("erase with a broken backup: %v, %+v", err, res)
	}
	if rec, err := f.ws.Erasure(ctx, f.person.ID); err != nil || rec.Done() {
		t.Errorf("record %+v, %v: must stay pending", rec, err)
	}
	plan, err := f.ws.PlanErasure(ctx, f.person.ID)
	if err != nil || !plan.Resume {
		t.Errorf("plan after incomplete erasure %+v, %v", plan, err)
	}
	os.Remove(bad) // the office deletes the broken backup
	res, err = f.ws.ErasePerson(ctx, f.person.ID, nil)
	if err != nil || res.BackupsChecked != 1 {
		t.Fatalf("rerun: %v, %+v", err, res)
	}
	if found := byteSearch(t, f.ws.Dir(), f.needles()); len(found) > 0 {
		t.Errorf("after erasure found:\n%s", strings.Join(found, "\n"))
	}
	if rec, _ := f.ws.Erasure(ctx, f.person.ID); !rec.Done() || rec.Backups != 1 {
		t.Errorf("record %+v", rec)
	}
	again, err := f.ws.ErasePerson(ctx, f.person.ID, nil)
	if err != nil || !again.AlreadyDone {
		t.Errorf("third run: %+v, %v", again, err)
	}
}

// A stop between any two steps (the hook stands for a kill; the crash test
// kills a real process) leaves a pending erasure that the next run
// completes, with the same end state.
func TestErasureResumesAfterEveryStep(t *testing.T) {
	for _, stop := range []string{"journal", "trash", "media", "files", "rows", "backup", "clean"} {
		t.Run(stop, func(t *testing.T) {
			ctx := context.Background()
			f := newErasureFixture(t)
			stopped := errors.New("stopped")
			erasureFault = func(step string) error {
				if step == stop {
					return stopped
				}
				return nil
			}
			t.Cleanup(func() { erasureFault = func(string) error { return nil } })
			_, err := f.ws.ErasePerson(ctx, f.person.ID, nil)
			if stop == "backup" {
				if !errors.Is(err, ErrErasureIncomplete) {
					t.Fatalf("first run: %v", err)
				}
			} else if !errors.Is(err, stopped) {
				t.Fatalf("first run: %v", err)
			}
			if rec, err := f.ws.Erasure(ctx, f.person.ID); err != nil || rec.Done() {
				t.Fatalf("after stop: %+v, %v", rec, err)
			}
			erasureFault = func(string) error { return nil }
			if _, err := f.ws.ErasePerson(ctx, f.person.ID, nil); err != nil {
				t.Fatalf("rerun: %v", err)
			}
			if found := byteSearch(t, f.ws.Dir(), f.needles()); len(found) > 0 {
				t.Errorf("after erasure found:\n%s", strings.Join(found, "\n"))
			}
			rec, _ := f.ws.Erasure(ctx, f.person.ID)
			if !rec.Done() || rec.Pictures != 3 || rec.Forms != 1 {
				t.Errorf("record %+v", rec)
			}
		})
	}
}

// The scrubber replaces whole words only, in any case and spacing.
func TestScrubberWholeWords(t *testing.T) {
	s := newScrubber([]string{"Li Wu", "Ann"}, []string{"„IMG_1.jpg“"})
	for in, want := range map[string]string{
		"Foto von li  wu am Lichtfest": "Foto von [Name entfernt] am Lichtfest",
		"Anna und Ann, ANN.":           "Anna und [Name entfernt], [Name entfernt].",
		"Datei „IMG_1.jpg“ importiert": "Datei „[Bild gelöscht]“ importiert",
		"Li Wuppertal":                 "Li Wuppertal",
		"":                             "",
	} {
		if got := s.replace(in); got != want {
			t.Errorf("replace(%q) = %q, want %q", in, got, want)
		}
	}
}

// The newest person erased: the next person gets a new number, not the
// erased one's (the proof and the change log name people by number). A
// person without any consent can be erased (nothing is in force).
func TestErasedNumberIsNotReused(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	a := mustPerson(t, ws, Person{Name: "Erste Person", Role: RoleGuest})
	b := mustPerson(t, ws, Person{Name: "Zweite Person", Role: RoleGuest})
	if _, err := ws.ErasePerson(ctx, b.ID, nil); err != nil {
		t.Fatal(err)
	}
	c := mustPerson(t, ws, Person{Name: "Dritte Person", Role: RoleGuest})
	if c.ID == b.ID || c.ID <= a.ID {
		t.Errorf("new person got number %d; %d was erased", c.ID, b.ID)
	}
}

// Two people of the same name: erasing one leaves the other's record as it
// was (name, contact), and the confirmation is told of the namesake.
func TestErasureLeavesNamesakeAlone(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	gone := mustPerson(t, ws, Person{Name: "Anna Schmidt", Role: RoleCitizen, Contact: "anna.s@example.org"})
	stays := mustPerson(t, ws, Person{Name: "Anna Schmidt", Role: RoleEmployee, Contact: "Zimmer 12", Notes: "nicht die Bürgerin Anna Schmidt"})
	plan, err := ws.PlanErasure(ctx, gone.ID)
	if err != nil || plan.SameName != 1 {
		t.Fatalf("plan %+v, %v", plan, err)
	}
	if _, err := ws.ErasePerson(ctx, gone.ID, nil); err != nil {
		t.Fatal(err)
	}
	p, err := ws.Person(ctx, stays.ID)
	if err != nil || p.Name != "Anna Schmidt" || p.Contact != "Zimmer 12" || p.Notes != "nicht die Bürgerin [Name entfernt]" {
		t.Errorf("namesake %+v, %v", p, err)
	}
}
