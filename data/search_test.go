package data

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"feedtakt/data/calendar"
)

func TestSearchExpression(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" = nothing to search
	}{
		{"", ""},
		{"   ", ""},
		{"Lena", `"Lena"*`},
		{"Lena ", `"Lena"`},
		{"lena archiv", `"lena" "archiv"*`},
		{"Frühling", `"Fruehling"*`},
		{"STRAẞE Straße", `"STRASSE" "Strasse"*`},
		{"Azubi-Dienstag", `"Azubi-Dienstag"*`},
		{`"Lena`, `"""Lena"*`},
		{`Lena"`, `"Lena"""*`},
		{`"Lena im Archiv"`, `"""Lena" "im" "Archiv"""*`},
		{"Lena AND", `"Lena" "AND"*`},
		{"OR", `"OR"*`},
		{"NOT Lena", `"NOT" "Lena"*`},
		{"-Lena", `"-Lena"*`},
		{"Lena -", `"Lena"`},
		{"Le*", `"Le*"*`},
		{"*", ""},
		{"NEAR(Lena Archiv)", `"NEAR(Lena" "Archiv)"*`},
		{"title:Lena", `"title:Lena"*`},
		{"^Lena", `"^Lena"*`},
		{"🎉", ""},
		{"🎉 Fest", `"Fest"*`},
		{"Fest 🎉", `"Fest"`},
		{"2026", `"2026"*`},
		{"a b c d e f g h i j k l m n", `"a" "b" "c" "d" "e" "f" "g" "h" "i" "j" "k" "l"`},
		{"Lena\xff", `"Lena"`},
	}
	for _, tt := range tests {
		got, ok := searchExpression(tt.in)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("searchExpression(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	ch, _ := testIDs(t, ws)
	d := date(2026, 3, 21)
	posts := []Post{
		{Title: "Frühlingsfest im Stadtpark 🌷", Caption: "Kommt vorbei! 🎉🎉", Date: &d},
		{Title: "Azubi-Dienstag: Lena im Archiv", Caption: "Lena zeigt, wie alte Akten 📜 gerettet werden.", Notes: "Fotos von Herrn Müller freigeben lassen"},
		{Title: "Straßenfest Nordstadt", Caption: "Sperrungen ab 8 Uhr", Channels: []PostChannel{{ChannelID: ch[0]}, {ChannelID: ch[1]}}},
		{Title: "Café-Eröffnung im Rathaus", Caption: "Neues Café für alle"},
		{Title: "Übersicht Bürgerservice", Caption: "Öffnungszeiten über Ostern: Archiv geschlossen"},
		{Title: "Mueller-Preis verliehen", Caption: "Preisträgerin aus der Südstadt"},
	}
	for i := range posts {
		if err := ws.CreatePost(ctx, &posts[i]); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(ps []Post) []int64 {
		var out []int64
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	fest, lena, strasse, cafe, service, preis := posts[0].ID, posts[1].ID, posts[2].ID, posts[3].ID, posts[4].ID, posts[5].ID
	tests := []struct {
		query string
		want  []int64 // in rank order where it matters
	}{
		{"frühling", []int64{fest}},
		{"FRUEHLING", []int64{fest}},
		{"Frühlingsfest ", []int64{fest}},
		{"fruehlingsfest", []int64{fest}},
		{"Früh", []int64{fest}},
		{"stadtpark 🌷", []int64{fest}},
		{"🌷", nil},
		{"🎉 🎉", nil},
		{"müller", []int64{preis, lena}}, // title hit first, notes after
		{"Mueller", []int64{preis, lena}},
		{"strasse", []int64{strasse}},
		{"STRAßE", []int64{strasse}},
		{"cafe", []int64{cafe}},
		{"Café", []int64{cafe}},
		{"eroffnung", nil}, // umlauts are spelled out, not dropped
		{"eroeffnung", []int64{cafe}},
		{"Lena Archiv", []int64{lena}},
		{"Archiv", []int64{lena, service}}, // title before caption
		{"Lena Rathaus", nil},
		{"buergerservice", []int64{service}},
		{"Azubi-Dienstag", []int64{lena}},
		{"sudstadt", nil},
		{"südstadt", []int64{preis}},
		{`"Lena`, []int64{lena}},
		{"Lena AND", nil},
		{"-Lena", []int64{lena}},
		{"Lena*", []int64{lena}},
		{"NEAR(Lena", nil}, // a phrase: "near" then "lena*"
		{"(Lena", []int64{lena}},
		{"(", nil},
		{`"`, nil},
		{"OR", nil},
		{"8", []int64{strasse}},
		{"", nil},
	}
	for _, tt := range tests {
		got, err := ws.Search(ctx, tt.query, 0)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		if !slices.Equal(ids(got), tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, ids(got), tt.want)
		}
	}
	got, _ := ws.Search(ctx, "Straßenfest", 0)
	if len(got) != 1 || len(got[0].Channels) != 2 || got[0].Title != "Straßenfest Nordstadt" {
		t.Errorf("result post %+v", got)
	}
	if got, _ := ws.Search(ctx, "fest", 1); len(got) != 0 {
		t.Errorf("'fest' is no prefix of a word start here: %v", ids(got))
	}
}

func TestSearchIndexFollowsChanges(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	p := Post{Title: "Ausbildungsmesse", Caption: "Wir sind dabei", Notes: "Stand 12"}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	find := func(q string) int {
		t.Helper()
		got, err := ws.Search(ctx, q, 0)
		if err != nil {
			t.Fatal(err)
		}
		return len(got)
	}
	if find("Ausbildungsmesse") != 1 {
		t.Fatal("new post not found")
	}
	p.Title = "Karrieretag"
	p.Notes = "Stand 14 – Frau Özdemir"
	if err := ws.UpdatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if find("Ausbildungsmesse") != 0 || find("Karrieretag") != 1 || find("oezdemir") != 1 || find("Özdemir") != 1 || find("dabei") != 1 {
		t.Error("index not updated")
	}
	// An update that leaves the text alone (a new date) keeps the index right.
	d := date(2026, 5, 4)
	p.Date = &d
	if err := ws.UpdatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	dup, err := ws.DuplicatePost(ctx, p.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if find("Karrieretag") != 2 {
		t.Error("duplicate not indexed")
	}
	if err := ws.DeletePost(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := ws.Search(ctx, "Karrieretag", 0); len(got) != 1 || got[0].ID != dup.ID {
		t.Errorf("after delete: %v", got)
	}
	checkSearchIndex(t, ws.db)
}

// checkSearchIndex runs FTS5's own check of the index against the view it
// reads from.
func checkSearchIndex(t *testing.T, db *sql.DB) {
	t.Helper()
	if _, err := db.Exec(`INSERT INTO posts_fts (posts_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("search index out of step: %v", err)
	}
}

func TestSearchCapsResults(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	err := ws.write(ctx, "seed", func(tx *sql.Tx) error {
		for i := range MaxSearchResults + 20 {
			p := Post{Title: fmt.Sprintf("Pressemitteilung %d", i), Status: StatusDraft, Zone: DefaultZone}
			if err := ws.insertPost(ctx, tx, &p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ limit, want int }{{0, DefaultSearchResults}, {-1, DefaultSearchResults}, {3, 3}, {100_000, MaxSearchResults}} {
		if got, err := ws.Search(ctx, "pressemitteilung", tt.limit); err != nil || len(got) != tt.want {
			t.Errorf("limit %d: %d results, %v; want %d", tt.limit, len(got), err, tt.want)
		}
	}
}

// TestMigrationFromVersion1 upgrades a workspace written by schema 1 with
// posts in it: the search index is built from them, the series columns are
// there, and the old file was backed up first.
func TestMigrationFromVersion1(t *testing.T) {
	ctx := context.Background()
	v1 := fstest.MapFS{}
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "0001_") {
			b, _ := migrationFiles.ReadFile("migrations/" + e.Name())
			v1["migrations/"+e.Name()] = &fstest.MapFile{Data: b}
		}
	}
	migrationSource = v1
	t.Cleanup(func() { migrationSource = migrationFiles })

	dir := filepath.Join(t.TempDir(), "Feedtakt")
	old, err := Create(ctx, dir, Initial{Settings: Settings{Land: calendar.Berlin}, Channels: []Channel{{Name: "Instagram", Platform: Instagram}}}, Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Frühjahrsputz im Bürgeramt", "Tag der offenen Tür"} {
		// Version 1 has no series columns: write the way version 1 did.
		if _, err := old.db.Exec(`INSERT INTO posts (uid, title, caption, created_at, updated_at) VALUES (?, ?, 'Ein Text über Ämter', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
			newUID(), title); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	migrationSource = migrationFiles
	ws, err := Open(ctx, dir, Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	var v int
	ws.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion() || v < 2 {
		t.Fatalf("version %d", v)
	}
	bs, _ := ws.Backups()
	if len(bs) != 1 || bs[0].Tag != "v1" {
		t.Errorf("backups %+v", bs)
	}
	for q, want := range map[string]int{"fruehjahrsputz": 1, "Bürgeramt": 1, "aemter": 2, "offenen Tür": 1} {
		if got, err := ws.Search(ctx, q, 0); err != nil || len(got) != want {
			t.Errorf("Search(%q) after upgrade: %d, %v; want %d", q, len(got), err, want)
		}
	}
	checkSearchIndex(t, ws.db)
	s := Series{Title: "Azubi-Dienstag", Rule: calendar.Recurrence{Weekday: 2, Start: date(2026, 3, 3), Hour: 10}}
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	ws.now = newTestWorkspaceOn(t, date(2026, 3, 1)).now
	slots, err := ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 7))
	if err != nil || len(slots) != 1 {
		t.Fatalf("slots %v %v", slots, err)
	}
	if _, err := ws.FillSlot(ctx, slots[0]); err != nil {
		t.Fatal(err)
	}
}

func postIDs(ps []Post) []int64 {
	var out []int64
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

// The list shows "▲ Datum": results must come in date order over all
// matches, and say when there are more than the limit.
func TestSearchPostsOrderAndMore(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	days := []calendar.Date{date(2026, 12, 3), date(2026, 1, 5), date(2026, 12, 3), date(2027, 6, 1)}
	clocks := []*Clock{{15, 0}, nil, {9, 0}, nil}
	var want []int64
	for i, d := range days {
		d := d
		p := Post{Title: fmt.Sprintf("Archivtag %d", i), Date: &d, Time: clocks[i]}
		if i == 0 {
			p.Title = "Archivtag Archivtag Archivtag" // the best match, but not the earliest
		}
		if err := ws.CreatePost(ctx, &p); err != nil {
			t.Fatal(err)
		}
		want = append(want, p.ID)
	}
	idea := Post{Title: "Archivtag ohne Datum"}
	if err := ws.CreatePost(ctx, &idea); err != nil {
		t.Fatal(err)
	}
	// By date: 05.01., 03.12. 09:00, 03.12. 15:00, 01.06.2027, then the idea.
	byDate := []int64{want[1], want[2], want[0], want[3], idea.ID}
	r, err := ws.SearchPosts(ctx, "archivtag", ByDate, 0)
	if err != nil || !slices.Equal(postIDs(r.Posts), byDate) || r.More {
		t.Errorf("ByDate = %v, more %v, %v; want %v", postIDs(r.Posts), r.More, err, byDate)
	}
	desc := slices.Clone(byDate)
	slices.Reverse(desc)
	if r, _ := ws.SearchPosts(ctx, "archivtag", ByDateDesc, 0); !slices.Equal(postIDs(r.Posts), desc) {
		t.Errorf("ByDateDesc = %v, want %v", postIDs(r.Posts), desc)
	}
	// The limit cuts the date order, not the best matches re-sorted.
	r, _ = ws.SearchPosts(ctx, "archivtag", ByDate, 2)
	if !slices.Equal(postIDs(r.Posts), byDate[:2]) || !r.More {
		t.Errorf("ByDate limit 2 = %v, more %v", postIDs(r.Posts), r.More)
	}
	if r, _ := ws.SearchPosts(ctx, "archivtag", ByRelevance, 1); len(r.Posts) != 1 || r.Posts[0].ID != want[0] || !r.More {
		t.Errorf("ByRelevance limit 1 = %v, more %v", postIDs(r.Posts), r.More)
	}
	if r, _ := ws.SearchPosts(ctx, "archivtag", ByDate, 5); r.More {
		t.Error("exactly 5 matches for limit 5: More must be false")
	}
}
