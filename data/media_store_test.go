package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"feedtakt/data/calendar"
)

// migrationsUpTo makes the program know only the first n migrations until
// the returned function is called (or the test ends), so a test can build
// a workspace as an older Feedtakt wrote it.
func migrationsUpTo(t testing.TB, n int) (restore func()) {
	t.Helper()
	old := fstest.MapFS{}
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries[:n] {
		b, _ := migrationFiles.ReadFile("migrations/" + e.Name())
		old["migrations/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	migrationSource = old
	restore = func() { migrationSource = migrationFiles }
	t.Cleanup(restore)
	return restore
}

// openMigrated opens the workspace in dir with every migration (after a
// test built it with migrationsUpTo) and returns it with the schema version
// it reached; it is closed when the test ends.
func openMigrated(t *testing.T, dir string) (*Workspace, int) {
	t.Helper()
	re, err := Open(context.Background(), dir, Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { re.Close() })
	var v int
	re.db.QueryRow("PRAGMA user_version").Scan(&v)
	return re, v
}

// addTestMedia imports one small file with metadata m and returns it.
func addTestMedia(t testing.TB, ws *Workspace, m Media) Media {
	t.Helper()
	if m.OriginalName == "" {
		m.OriginalName = "IMG.jpg"
	}
	got, err := ws.AddMedia(context.Background(), strings.NewReader("Inhalt von "+m.OriginalName+m.Title), m)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func searchIDs(t *testing.T, ws *Workspace, q MediaQuery) []int64 {
	t.Helper()
	var ids []int64
	for {
		page, err := ws.ListMedia(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range page.Items {
			ids = append(ids, m.ID)
		}
		if page.Next == "" {
			return ids
		}
		q.After = page.Next
	}
}

// The schema from an empty file: every new column, the tags table, the
// search index and the sort indexes are there.
func TestMediathekSchemaFromEmpty(t *testing.T) {
	ws := newTestWorkspace(t)
	for _, name := range []string{"media_tags", "media_fts", "media_search", "media_by_taken", "media_by_created", "media_by_name",
		"media_fts_insert", "media_fts_update", "media_fts_delete"} {
		var n int
		ws.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = ?`, name).Scan(&n)
		if n != 1 {
			t.Errorf("%s missing", name)
		}
	}
	var check string
	ws.db.QueryRow(`PRAGMA integrity_check`).Scan(&check)
	if check != "ok" {
		t.Error(check)
	}
}

// Media of version 3 keep everything, get the import time as Aufnahmedatum
// and are found by the search.
func TestMigrationToMediathekFromVersion3(t *testing.T) {
	ctx := context.Background()
	restore := migrationsUpTo(t, 3)
	ws := newTestWorkspace(t)
	dir := ws.Dir()
	mustExec(t, ws.db, `INSERT INTO media (hash, path, kind, original_name, title, alt_text, credit, width, height, size, created_at)
		VALUES ('`+strings.Repeat("a", 64)+`', 'media/aa/x.jpg', 'image', 'Führung_Rathaus.jpg', 'Stadtführung', 'Gruppe vor dem Rathaus', 'Foto: Stadt', 4000, 3000, 123, '2025-06-01T08:00:00Z')`)
	ws.Close()
	restore()

	re, v := openMigrated(t, dir)
	if v != SchemaVersion() || v < 4 {
		t.Fatalf("version %d", v)
	}
	page, err := re.ListMedia(ctx, MediaQuery{Text: "fuehrung"})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("search after migration: %+v, %v", page, err)
	}
	m := page.Items[0]
	want := time.Date(2025, 6, 1, 10, 0, 0, 0, WorkspaceZone())
	if !m.Taken.Equal(want) || m.TakenSource != TakenAtImport || m.Title != "Stadtführung" || m.Width != 4000 || m.Missing != MissingNone {
		t.Errorf("migrated item %+v", m)
	}
	if m.Taken.Location() != WorkspaceZone() {
		t.Errorf("taken shown in %v", m.Taken.Location())
	}
}

// The importer's metadata is stored with the row; XMP tags become tags;
// the credit falls back to the creator; a broken date becomes the file's.
func TestImportStoresMetadata(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	ws := newTestWorkspace(t)
	ws.now = func() time.Time { return now }
	plus2 := time.FixedZone("", 2*3600)
	fileTime := time.Date(2026, 5, 3, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		in     Media
		taken  time.Time
		known  bool
		source TakenSource
		local  string
	}{
		{"exif with offset", Media{Taken: time.Date(2026, 5, 1, 14, 30, 0, 0, plus2), TakenZoneKnown: true, TakenSource: TakenFromEXIF},
			time.Date(2026, 5, 1, 12, 30, 0, 0, time.UTC), true, TakenFromEXIF, "2026-05-01T14:30:00"},
		{"exif without offset", Media{Taken: time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC), TakenSource: TakenFromEXIF},
			time.Date(2026, 1, 15, 8, 0, 0, 0, time.UTC), false, TakenFromEXIF, "2026-01-15T09:00:00"},
		{"exif 2216", Media{Taken: time.Date(2216, 1, 1, 0, 0, 0, 0, time.UTC), TakenSource: TakenFromEXIF, FileTime: fileTime},
			fileTime, true, TakenFromFile, "2026-05-03T14:00:00"},
		{"no date", Media{}, now, true, TakenAtImport, "2026-11-30T10:00:00"},
	}
	for i, c := range cases {
		c.in.OriginalName = fmt.Sprintf("%d.jpg", i)
		got := addTestMedia(t, ws, c.in)
		back, err := ws.Media(ctx, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !back.Taken.Equal(c.taken) || back.TakenZoneKnown != c.known || back.TakenSource != c.source || back.Taken.Format(localLayout) != c.local {
			t.Errorf("%s: taken %v (known %v, %s), want %v (known %v, %s, wall %s)", c.name, back.Taken, back.TakenZoneKnown, back.TakenSource, c.taken, c.known, c.source, c.local)
		}
	}
	m := addTestMedia(t, ws, Media{OriginalName: "IMG_4711.HEIC", Kind: "image", Orientation: 6, Camera: "Apple iPhone 15", HasGPS: true,
		Creator: "Erika\x00 Mustermann", Rights: "© Stadt Musterstadt", UsageTerms: "Nur für die Öffentlichkeitsarbeit",
		AltText: "Zwei Azubis", Title: "Azubi-Tag", Tags: []string{"Azubi", "azubi ", "#Rathaus", ""},
		Duration: -5, Pages: 3, FileTime: fileTime})
	back, err := ws.Media(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.Orientation != 6 || back.Camera != "Apple iPhone 15" || !back.HasGPS || back.Creator != "Erika Mustermann" ||
		back.Credit != "Erika Mustermann" || back.Rights != "© Stadt Musterstadt" || back.UsageTerms != "Nur für die Öffentlichkeitsarbeit" ||
		back.Duration != 0 || back.Pages != 3 || !back.FileTime.Equal(fileTime) || back.Created.IsZero() {
		t.Errorf("stored %+v", back)
	}
	if !slices.Equal(back.Tags, []string{"Azubi", "Rathaus"}) {
		t.Errorf("tags %q", back.Tags)
	}
	// A file's over-long title is shortened, so editing another field later
	// is not refused for it.
	long := addTestMedia(t, ws, Media{OriginalName: "lang.jpg", Title: strings.Repeat("Titel ", 100)})
	long.AltText = "Neue Bildbeschreibung"
	if err := ws.UpdateMedia(ctx, &long); err != nil || len([]rune(long.Title)) != MaxMediaLine {
		t.Errorf("edit of an item with a long title from the file: %v (%d)", err, len([]rune(long.Title)))
	}
	for _, q := range []string{"azubi", "rathaus", "mustermann", "IMG_4711", "4711"} {
		if ids := searchIDs(t, ws, MediaQuery{Text: q}); !slices.Equal(ids, []int64{m.ID}) {
			t.Errorf("search %q: %v", q, ids)
		}
	}
}

// The search index follows inserts, edits, tag changes and deletes, and
// folds umlauts like the post search.
func TestMediaSearchStaysInSync(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	a := addTestMedia(t, ws, Media{OriginalName: "a.jpg", Title: "Führung durchs Rathaus"})
	b := addTestMedia(t, ws, Media{OriginalName: "b.jpg", AltText: "Straßenfest in der Innenstadt"})
	find := func(q string) []int64 { return searchIDs(t, ws, MediaQuery{Text: q}) }
	for q, want := range map[string][]int64{
		"Fuehrung": {a.ID}, "führung": {a.ID}, "FÜHRUNG": {a.ID}, "fuhr": nil, "Strassenfest": {b.ID}, "straßen": {b.ID},
		"rat": {a.ID}, "!!!": nil, "🎉": nil,
	} {
		if got := find(q); !slices.Equal(got, want) {
			t.Errorf("search %q: %v, want %v", q, got, want)
		}
	}
	a.Title = "Tag der offenen Tür"
	a.Tags = []string{"Öffentlichkeit"}
	if err := ws.UpdateMedia(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if got := find("Fuehrung"); got != nil {
		t.Errorf("old title still found: %v", got)
	}
	if got := find("Tuer oeffentlichkeit"); !slices.Equal(got, []int64{a.ID}) {
		t.Errorf("new title and tag: %v", got)
	}
	if err := ws.SetMediaTags(ctx, []int64{a.ID, b.ID}, []string{"Sommer"}, []string{"öffentlichkeit"}); err != nil {
		t.Fatal(err)
	}
	if got := find("sommer"); !slices.Equal(got, []int64{b.ID, a.ID}) && !slices.Equal(got, []int64{a.ID, b.ID}) {
		t.Errorf("bulk tag: %v", got)
	}
	if got := find("oeffentlichkeit"); got != nil {
		t.Errorf("removed tag still found: %v", got)
	}
	if _, err := ws.DeleteMediaItems(ctx, []int64{b.ID}, false); err != nil {
		t.Fatal(err)
	}
	if got := find("sommer"); !slices.Equal(got, []int64{a.ID}) {
		t.Errorf("after delete: %v", got)
	}
	var rows int
	ws.db.QueryRow(`SELECT count(*) FROM media_tags WHERE media_id = ?`, b.ID).Scan(&rows)
	if rows != 0 {
		t.Errorf("tags of a deleted item left: %d", rows)
	}
	// What the triggers keep equals a fresh index of the view.
	var fts, fresh int
	ws.db.QueryRow(`SELECT count(*) FROM media_fts WHERE media_fts MATCH 'sommer OR tag OR rathaus'`).Scan(&fts)
	ws.db.QueryRow(`SELECT count(*) FROM media_search WHERE tags LIKE '%Sommer%' OR title LIKE '%Tag%' OR title LIKE '%Rathaus%'`).Scan(&fresh)
	if fts != fresh {
		t.Errorf("index has %d hits, the view %d", fts, fresh)
	}
}

func TestUpdateMediaValidatesAndLogsOnce(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	m := addTestMedia(t, ws, Media{OriginalName: "IMG_0001.jpg"})
	base := lastChangeID(t, ws)
	until := calendar.NewDate(2027, 12, 31)
	bad := calendar.Date{Year: 2027, Month: 2, Day: 30}
	for _, c := range []struct {
		name  string
		edit  func(*Media)
		field string
	}{
		{"control in title", func(m *Media) { m.Title = "a\x07b" }, "title"},
		{"control in creator", func(m *Media) { m.Creator = "a\x1bb" }, "creator"},
		{"control in tag", func(m *Media) { m.Tags = []string{"a\x00"} }, "tag"},
		{"alt text too long", func(m *Media) { m.AltText = strings.Repeat("ä", MaxAltText+1) }, "alt text"},
		{"licence", func(m *Media) { m.Licence = "cc0" }, "licence"},
		{"usable until", func(m *Media) { m.UsableUntil = &bad }, "usable until"},
		{"too many tags", func(m *Media) {
			for i := range MaxTags + 1 {
				m.Tags = append(m.Tags, fmt.Sprint("t", i))
			}
		}, "tag"},
	} {
		e := m
		c.edit(&e)
		err := ws.UpdateMedia(ctx, &e)
		var inv *InvalidError
		if !errors.As(err, &inv) || inv.Field != c.field {
			t.Errorf("%s: %v, want refusal of %s", c.name, err, c.field)
		}
	}
	if lastChangeID(t, ws) != base {
		t.Error("a refused edit was logged")
	}
	m.AltText = strings.Repeat("ä", MaxAltText)
	m.Licence, m.UsableUntil, m.Notes = "cc-by-4.0", &until, "Zeile 1\r\nZeile 2"
	m.Tags = []string{"Azubi", "AZUBI", "Archiv"}
	if err := ws.UpdateMedia(ctx, &m); err != nil {
		t.Fatal(err)
	}
	got, _ := ws.Media(ctx, m.ID)
	if got.Licence != "cc-by-4.0" || got.UsableUntil == nil || *got.UsableUntil != until || got.Notes != "Zeile 1\nZeile 2" ||
		!slices.Equal(got.Tags, []string{"Archiv", "Azubi"}) {
		t.Errorf("stored %+v", got)
	}
	s := changeSummaries(t, ws, 1)[0]
	if s != "Angaben zu „IMG_0001.jpg“ geändert: Bildbeschreibung, Lizenz, nutzbar bis, Notizen, Schlagwörter" {
		t.Errorf("log %q", s)
	}
	id := lastChangeID(t, ws)
	if err := ws.UpdateMedia(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if lastChangeID(t, ws) != id {
		t.Error("an edit without change was logged")
	}
	got.ID = 9999
	if err := ws.UpdateMedia(ctx, &got); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown item: %v", err)
	}
}

func TestBulkEditsOneTransactionOneLine(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	var ids []int64
	for i := range 5 {
		ids = append(ids, addTestMedia(t, ws, Media{OriginalName: fmt.Sprintf("IMG_%d.jpg", i), Tags: []string{"alt"}}).ID)
	}
	until := calendar.NewDate(2027, 6, 30)
	steps := []struct {
		run  func() error
		want string
	}{
		{func() error { return ws.SetMediaCredit(ctx, ids, " Foto: Stadt Musterstadt ") }, "Bildnachweis „Foto: Stadt Musterstadt“ gesetzt (5 Dateien)"},
		{func() error { return ws.SetMediaLicence(ctx, ids, "official") }, "Lizenz „Dienstfoto“ gesetzt (5 Dateien)"},
		{func() error { return ws.SetMediaUsableUntil(ctx, ids, &until) }, "nutzbar bis 30.06.2027 (5 Dateien)"},
		{func() error { return ws.SetMediaUsableUntil(ctx, ids[:1], &until) }, "„IMG_0.jpg“: nutzbar bis 30.06.2027"},
		{func() error { return ws.SetMediaUsableUntil(ctx, ids[:1], nil) }, "„IMG_0.jpg“: nutzbar ohne Enddatum"},
		{func() error { return ws.SetMediaTags(ctx, ids, []string{"Neu", "neu"}, []string{"ALT"}) }, "Schlagwörter „Neu“ hinzugefügt, Schlagwörter „ALT“ entfernt (5 Dateien)"},
		{func() error { return ws.SetMediaCredit(ctx, ids[:1], "Foto: A") }, "„IMG_0.jpg“: Bildnachweis „Foto: A“ gesetzt"},
	}
	for _, s := range steps {
		before := lastChangeID(t, ws)
		if err := s.run(); err != nil {
			t.Fatal(err)
		}
		if lastChangeID(t, ws) != before+1 {
			t.Errorf("%q: %d lines logged", s.want, lastChangeID(t, ws)-before)
		}
		if got := changeSummaries(t, ws, 1)[0]; got != s.want {
			t.Errorf("log %q, want %q", got, s.want)
		}
	}
	for _, id := range ids[1:] {
		m, _ := ws.Media(ctx, id)
		if m.Credit != "Foto: Stadt Musterstadt" || m.Licence != "official" || *m.UsableUntil != until || !slices.Equal(m.Tags, []string{"Neu"}) {
			t.Errorf("item %d: %+v", id, m)
		}
	}
	// One unknown ID refuses the whole edit.
	before := lastChangeID(t, ws)
	if err := ws.SetMediaCredit(ctx, append(ids, 9999), "X"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	if m, _ := ws.Media(ctx, ids[1]); m.Credit != "Foto: Stadt Musterstadt" || lastChangeID(t, ws) != before {
		t.Error("a refused bulk edit changed something")
	}
	if err := ws.SetMediaLicence(ctx, ids, "gemeinfrei"); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown licence: %v", err)
	}
}

// A planned post's picture is not deleted without asking; the error names
// the posts. Published posts do not stop a deletion.
func TestDeleteMediaItemsUsedInPlannedPost(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	used := addTestMedia(t, ws, Media{OriginalName: "Sommerfest.jpg"})
	old := addTestMedia(t, ws, Media{OriginalName: "Archiv.jpg"})
	free := addTestMedia(t, ws, Media{OriginalName: "frei.jpg"})
	day := calendar.NewDate(2026, 7, 4)
	planned := Post{Title: "Sommerfest im Stadtpark", Date: &day}
	published := Post{Title: "Rückblick", Date: &day, Status: StatusPublished}
	for _, p := range []*Post{&planned, &published} {
		if err := ws.CreatePost(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := ws.AttachMedia(ctx, planned.ID, []int64{used.ID}); err != nil {
		t.Fatal(err)
	}
	if err := ws.AttachMedia(ctx, published.ID, []int64{old.ID, used.ID}); err != nil {
		t.Fatal(err)
	}
	usage, err := ws.MediaUsage(ctx, used.ID)
	if err != nil || len(usage) != 2 || !usage[0].Planned() || usage[1].Planned() {
		t.Fatalf("usage %+v %v", usage, err)
	}
	_, err = ws.DeleteMediaItems(ctx, []int64{free.ID, used.ID, old.ID}, false)
	var inUse *MediaInUseError
	if !errors.As(err, &inUse) || !errors.Is(err, ErrMediaInUse) {
		t.Fatalf("got %v, want the items in use", err)
	}
	if len(inUse.Items) != 1 || inUse.Items[0].Media.ID != used.ID || len(inUse.Items[0].Posts) != 1 ||
		inUse.Items[0].Posts[0].Title != "Sommerfest im Stadtpark" || *inUse.Items[0].Posts[0].Date != day {
		t.Errorf("in use: %+v", inUse.Items)
	}
	if mediaRowCount(t, ws) != 3 {
		t.Error("something was deleted although the deletion was refused")
	}
	trashed, err := ws.DeleteMediaItems(ctx, []int64{free.ID, old.ID}, false)
	if err != nil || len(trashed) != 2 {
		t.Fatalf("deleting unplanned items: %v, %v", trashed, err)
	}
	trashed, err = ws.DeleteMediaItems(ctx, []int64{used.ID, used.ID}, true)
	if err != nil || len(trashed) != 1 || len(trashed[0].Posts) != 2 {
		t.Fatalf("forced: %+v, %v", trashed, err)
	}
	if mediaRowCount(t, ws) != 0 {
		t.Error("rows left")
	}
	// Restored from the Papierkorb it has its tags and metadata again.
	back, err := ws.RestoreMedia(ctx, trashed[0].Key)
	if err != nil || back.OriginalName != "Sommerfest.jpg" {
		t.Fatalf("restore: %+v %v", back, err)
	}
}

func TestRestoreKeepsMetadataAndTags(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	until := calendar.NewDate(2028, 1, 1)
	m := addTestMedia(t, ws, Media{OriginalName: "a.jpg", Camera: "Canon EOS R6", Orientation: 8, HasGPS: true, Tags: []string{"Feuerwehr"}})
	m.Licence, m.UsableUntil, m.Creator = "agency", &until, "dpa"
	if err := ws.UpdateMedia(ctx, &m); err != nil {
		t.Fatal(err)
	}
	before, _ := ws.Media(ctx, m.ID)
	it, err := ws.DeleteMedia(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ws.RestoreMedia(ctx, it.Key)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := ws.Media(ctx, back.ID)
	if got.Camera != "Canon EOS R6" || got.Orientation != 8 || !got.HasGPS || got.Licence != "agency" || *got.UsableUntil != until ||
		got.Creator != "dpa" || !slices.Equal(got.Tags, []string{"Feuerwehr"}) || !got.Taken.Equal(before.Taken) || got.TakenSource != before.TakenSource {
		t.Errorf("restored %+v, was %+v", got, before)
	}
	if ids := searchIDs(t, ws, MediaQuery{Text: "feuerwehr"}); !slices.Equal(ids, []int64{got.ID}) {
		t.Errorf("search after restore: %v", ids)
	}
}

func TestPostsWithoutPicture(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	pic := addTestMedia(t, ws, Media{OriginalName: "a.jpg", Kind: "image"})
	pdf := addTestMedia(t, ws, Media{OriginalName: "Flyer.pdf", Kind: "document"})
	var posts []Post
	for _, media := range [][]int64{nil, {pic.ID}, {pdf.ID}, {pdf.ID, pic.ID}} {
		p := Post{Title: "Beitrag"}
		if err := ws.CreatePost(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if media != nil {
			if err := ws.AttachMedia(ctx, p.ID, media); err != nil {
				t.Fatal(err)
			}
		}
		posts = append(posts, p)
	}
	got, err := ws.PostsWithoutPicture(ctx, []int64{posts[0].ID, posts[1].ID, posts[2].ID, posts[3].ID})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]bool{posts[0].ID: true, posts[2].ID: true}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("without picture %v, want %v", got, want)
	}
}

// Rows that share the sort key are paged by ID: no duplicate, none
// skipped, in every sort and direction.
func TestListMediaKeysetPagingWithTies(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	same := time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)
	var all []int64
	for i := range 23 {
		name := "gleich.jpg"
		if i%3 == 0 {
			name = fmt.Sprintf("Bild_%02d.JPG", i)
		}
		m := Media{OriginalName: name, Title: fmt.Sprint(i), Taken: same, TakenZoneKnown: true, TakenSource: TakenFromEXIF}
		if i%4 == 0 {
			m.Taken = same.Add(time.Duration(i) * time.Hour)
		}
		all = append(all, addTestMedia(t, ws, m).ID)
	}
	// The import times tie too: one batch, one timestamp.
	for _, sort := range []MediaSort{SortTaken, SortImported, SortName} {
		for _, rev := range []bool{false, true} {
			q := MediaQuery{Sort: sort, Reverse: rev, Limit: 4}
			got := searchIDs(t, ws, q)
			seen := map[int64]bool{}
			for _, id := range got {
				if seen[id] {
					t.Errorf("sort %d reverse %v: %d twice", sort, rev, id)
				}
				seen[id] = true
			}
			if len(got) != len(all) {
				t.Errorf("sort %d reverse %v: %d items, want %d", sort, rev, len(got), len(all))
			}
			whole, _ := ws.ListMedia(ctx, MediaQuery{Sort: sort, Reverse: rev, Limit: 100})
			var wholeIDs []int64
			for _, m := range whole.Items {
				wholeIDs = append(wholeIDs, m.ID)
			}
			if !slices.Equal(got, wholeIDs) {
				t.Errorf("sort %d reverse %v: paged %v, whole %v", sort, rev, got, wholeIDs)
			}
		}
	}
	first, _ := ws.ListMedia(ctx, MediaQuery{Limit: 100})
	if !first.Items[0].Taken.Equal(same.Add(20 * time.Hour)) {
		t.Errorf("newest first: %v", first.Items[0].Taken)
	}
	page, _ := ws.ListMedia(ctx, MediaQuery{Limit: 2})
	if _, err := ws.ListMedia(ctx, MediaQuery{Sort: SortName, Limit: 2, After: page.Next}); !errors.Is(err, ErrInvalid) {
		t.Errorf("cursor of another sort: %v", err)
	}
}

func TestListMediaFilters(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ws.now = func() time.Time { return time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC) }
	may := time.Date(2026, 5, 10, 23, 30, 0, 0, time.UTC) // 11 May in Germany
	img := addTestMedia(t, ws, Media{OriginalName: "a.jpg", Kind: "image", Taken: may, TakenZoneKnown: true, Tags: []string{"Azubi"}})
	withAlt := addTestMedia(t, ws, Media{OriginalName: "b.jpg", Kind: "image", AltText: "Text", Taken: may.AddDate(0, 1, 0), TakenZoneKnown: true})
	vid := addTestMedia(t, ws, Media{OriginalName: "c.mp4", Kind: "video", Duration: 90 * time.Second, Tags: []string{"azubi"}})
	doc := addTestMedia(t, ws, Media{OriginalName: "d.pdf", Kind: "document", Pages: 4})
	past := calendar.NewDate(2026, 1, 1)
	if err := ws.SetMediaUsableUntil(ctx, []int64{doc.ID}, &past); err != nil {
		t.Fatal(err)
	}
	p := Post{Title: "Beitrag"}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := ws.AttachMedia(ctx, p.ID, []int64{withAlt.ID}); err != nil {
		t.Fatal(err)
	}
	mustExec(t, ws.db, fmt.Sprintf(`UPDATE media SET missing = 'gone', missing_since = '2026-11-30T08:00:00Z' WHERE id = %d`, vid.ID))
	d11, d10 := calendar.NewDate(2026, 5, 11), calendar.NewDate(2026, 5, 10)
	for name, c := range map[string]struct {
		q    MediaQuery
		want []int64
	}{
		"kind":        {MediaQuery{Kind: "video"}, []int64{vid.ID}},
		"tag":         {MediaQuery{Tag: "AZUBI", Sort: SortName}, []int64{img.ID, vid.ID}},
		"unused":      {MediaQuery{Unused: true, Sort: SortName}, []int64{img.ID, vid.ID, doc.ID}},
		"no alt":      {MediaQuery{NoAltText: true}, []int64{img.ID}},
		"missing":     {MediaQuery{Missing: true}, []int64{vid.ID}},
		"expired":     {MediaQuery{Expired: true}, []int64{doc.ID}},
		"period":      {MediaQuery{TakenFrom: &d11, TakenTo: &d11}, []int64{img.ID}},
		"before":      {MediaQuery{TakenTo: &d10}, nil},
		"combined":    {MediaQuery{Text: "a", Tag: "azubi", Kind: "image"}, []int64{img.ID}},
		"search miss": {MediaQuery{Text: "Feuerwehr"}, nil},
	} {
		got := searchIDs(t, ws, c.q)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", name, got, c.want)
		}
		n, err := ws.CountMedia(ctx, c.q)
		if err != nil || n != len(c.want) {
			t.Errorf("%s: count %d (%v), want %d", name, n, err, len(c.want))
		}
	}
	page, _ := ws.ListMedia(ctx, MediaQuery{Sort: SortName})
	if len(page.Items) != 4 || page.Items[1].Uses != 1 || page.Items[0].Uses != 0 || !slices.Equal(page.Items[0].Tags, []string{"Azubi"}) {
		t.Errorf("page %+v", page.Items)
	}
	tags, err := ws.MediaTagCounts(ctx)
	if err != nil || len(tags) != 1 || tags[0].Count != 2 {
		t.Errorf("tag counts %+v %v", tags, err)
	}
}

// The scan marks gone and changed files (a changed file of the same size
// is found by its modification time and hash) and clears the mark when the
// file is back; Relink finds the content in a folder with a link loop.
func TestScanMarksMissingAndRelinkRestores(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	a := addTestMedia(t, ws, Media{OriginalName: "a.jpg", Title: "eins"})
	b := addTestMedia(t, ws, Media{OriginalName: "b.jpg", Title: "zwei"})
	c := addTestMedia(t, ws, Media{OriginalName: "c.jpg", Title: "drei"})
	contentA, _ := os.ReadFile(ws.path(a.Path))
	contentB, _ := os.ReadFile(ws.path(b.Path))
	os.Remove(ws.path(a.Path))
	// b: same size, other bytes, written later than its import.
	changed := []byte(strings.ToUpper(string(contentB)))
	os.WriteFile(ws.path(b.Path), changed, 0o644)
	later := time.Now().Add(time.Hour)
	os.Chtimes(ws.path(b.Path), later, later)

	s, err := ws.ScanMedia(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Missing) != 1 || len(s.Changed) != 1 || s.Changed[0].ID != b.ID {
		t.Fatalf("scan: missing %v changed %v", s.Missing, s.Changed)
	}
	ids := searchIDs(t, ws, MediaQuery{Missing: true, Sort: SortName})
	if !slices.Equal(ids, []int64{a.ID, b.ID}) {
		t.Fatalf("missing filter %v", ids)
	}
	if m, _ := ws.Media(ctx, b.ID); m.Missing != MissingChanged || m.MissingSince.IsZero() {
		t.Errorf("b: %+v", m)
	}

	// A folder with the content in a sub-folder, a decoy of the same size
	// and a link back to the top (a loop).
	folder := filepath.Join(t.TempDir(), "Fotos H")
	os.MkdirAll(filepath.Join(folder, "2026", "Mai"), 0o755)
	os.WriteFile(filepath.Join(folder, "2026", "Mai", "IMG_1.jpg"), contentA, 0o644)
	os.WriteFile(filepath.Join(folder, "decoy.jpg"), changed, 0o644)
	os.WriteFile(filepath.Join(folder, "2026", "b-kopie.jpg"), contentB, 0o644)
	if err := os.Symlink(folder, filepath.Join(folder, "2026", "loop")); err != nil {
		t.Logf("no symlink: %v", err)
	}
	var calls int
	before := lastChangeID(t, ws)
	res, err := ws.Relink(ctx, folder, func(int, string) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Found) != 2 || len(res.NotFound) != 0 || calls == 0 {
		t.Fatalf("relink: %+v", res)
	}
	for _, m := range []Media{a, b} {
		got, _ := os.ReadFile(ws.path(m.Path))
		if sha(got) != m.Hash {
			t.Errorf("%s not restored", m.OriginalName)
		}
	}
	if lastChangeID(t, ws) != before+1 || changeSummaries(t, ws, 1)[0] != "2 fehlende Dateien neu verknüpft" {
		t.Errorf("log: %q", changeSummaries(t, ws, 1))
	}
	if ids := searchIDs(t, ws, MediaQuery{Missing: true}); ids != nil {
		t.Errorf("still missing: %v", ids)
	}
	// The changed file went to the Papierkorb, not lost.
	trash, _ := os.ReadDir(filepath.Join(ws.path(TrashDir), ws.now().UTC().Format(trashDayLayout)))
	if len(trash) != 1 {
		t.Errorf("Papierkorb: %v", trash)
	}
	// Nothing left in staging; the next scan finds everything fine.
	if left := stagingLeft(t, ws); len(left) != 0 {
		t.Errorf("staging: %v", left)
	}
	s, err = ws.ScanMedia(ctx, nil)
	if err != nil || len(s.Missing)+len(s.Changed) != 0 {
		t.Errorf("scan after relink: %+v %v", s, err)
	}

	// Not found: reported, mark kept; a file put back by hand clears it.
	contentC, _ := os.ReadFile(ws.path(c.Path))
	os.Remove(ws.path(c.Path))
	ws.ScanMedia(ctx, nil)
	res, err = ws.Relink(ctx, t.TempDir(), nil)
	if err != nil || len(res.Found) != 0 || len(res.NotFound) != 1 || res.NotFound[0].ID != c.ID {
		t.Errorf("relink without the file: %+v %v", res, err)
	}
	os.WriteFile(ws.path(c.Path), contentC, 0o644)
	os.Chtimes(ws.path(c.Path), c.Created, c.Created)
	ws.ScanMedia(ctx, nil)
	if m, _ := ws.Media(ctx, c.ID); m.Missing != MissingNone {
		t.Errorf("c still marked %q", m.Missing)
	}
}

func TestRelinkCancelledKeepsFound(t *testing.T) {
	ws := newTestWorkspace(t)
	a := addTestMedia(t, ws, Media{OriginalName: "a.jpg"})
	content, _ := os.ReadFile(ws.path(a.Path))
	os.Remove(ws.path(a.Path))
	ws.ScanMedia(context.Background(), nil)
	folder := t.TempDir()
	os.WriteFile(filepath.Join(folder, "a.jpg"), content, 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := ws.Relink(ctx, folder, nil)
	if !errors.Is(err, context.Canceled) || len(res.Found) != 0 {
		t.Errorf("cancelled relink: %+v %v", res, err)
	}
	if m, _ := ws.Media(context.Background(), a.ID); m.Missing != MissingGone {
		t.Errorf("mark %q", m.Missing)
	}
}

// A Papierkorb note written by version 3 (without the new fields) is
// restored with the import time as Aufnahmedatum.
func TestRestoreNoteOfVersion3(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	m := addTestMedia(t, ws, Media{OriginalName: "alt.jpg", Title: "Altes Bild"})
	it, err := ws.DeleteMedia(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	note := filepath.Join(ws.path(TrashDir), filepath.FromSlash(it.Key)+noteSuffix)
	old := fmt.Sprintf(`{"media": {"ID": %d, "Hash": %q, "Path": %q, "Kind": "image", "OriginalName": "alt.jpg", "Title": "Altes Bild",
		"AltText": "", "Credit": "", "Width": 0, "Height": 0, "Size": %d}, "deleted_at": "2026-11-01T10:00:00Z", "deleted_by": "Maria Muster"}`,
		m.ID, m.Hash, m.Path, m.Size)
	if err := os.WriteFile(note, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := ws.RestoreMedia(ctx, it.Key)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ws.Media(ctx, back.ID)
	if err != nil || got.TakenSource != TakenAtImport || got.Taken.IsZero() || got.Title != "Altes Bild" {
		t.Errorf("restored %+v %v", got, err)
	}
}

// A video's poster is a picture of the Mediathek, named by its content: it
// survives the picture being deleted and restored, is refused for other
// kinds, and each change is logged.
func TestVideoPoster(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	video := addTestMedia(t, ws, Media{Kind: "video", OriginalName: "Rundgang.mp4"})
	pic := addTestMedia(t, ws, Media{Kind: "image", OriginalName: "Rathaus.jpg"})
	doc := addTestMedia(t, ws, Media{Kind: "document", OriginalName: "Flyer.pdf"})
	if err := ws.SetMediaPoster(ctx, video.ID, pic.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := ws.Media(ctx, video.ID)
	if got.PosterHash != pic.Hash {
		t.Fatalf("poster %q, want %q", got.PosterHash, pic.Hash)
	}
	page, _ := ws.ListMedia(ctx, MediaQuery{Kind: "video"})
	if len(page.Items) != 1 || page.Items[0].PosterHash != pic.Hash {
		t.Errorf("the grid's page does not carry the poster: %+v", page.Items)
	}
	if s := changeSummaries(t, ws, 1); !strings.Contains(s[0], "Vorschaubild „Rathaus.jpg“ gewählt") {
		t.Errorf("log: %q", s)
	}
	for _, bad := range [][2]int64{{video.ID, doc.ID}, {pic.ID, pic.ID}} {
		if err := ws.SetMediaPoster(ctx, bad[0], bad[1]); !errors.Is(err, ErrInvalid) {
			t.Errorf("poster %d for %d: %v", bad[1], bad[0], err)
		}
	}
	// Deleted and restored, the picture is a new row with the same hash:
	// still the poster.
	item, err := ws.DeleteMedia(ctx, pic.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.RestoreMedia(ctx, item.Key); err != nil {
		t.Fatal(err)
	}
	got, _ = ws.Media(ctx, video.ID)
	if got.PosterHash != pic.Hash {
		t.Errorf("poster lost by delete and restore: %q", got.PosterHash)
	}
	// A video deleted and restored keeps its poster.
	item, err = ws.DeleteMedia(ctx, video.ID)
	if err != nil {
		t.Fatal(err)
	}
	if video, err = ws.RestoreMedia(ctx, item.Key); err != nil || video.PosterHash != pic.Hash {
		t.Fatalf("restored video: poster %q, %v", video.PosterHash, err)
	}
	if err := ws.SetMediaPoster(ctx, video.ID, 0); err != nil {
		t.Fatal(err)
	}
	if got, _ = ws.Media(ctx, video.ID); got.PosterHash != "" {
		t.Errorf("poster not removed: %q", got.PosterHash)
	}
}
