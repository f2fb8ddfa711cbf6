package data

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestPostTitleRules(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	long := Post{Title: strings.Repeat("Ä", 5000)}
	err := ws.CreatePost(ctx, &long)
	wantInvalid(t, err, "title", "The title is too long ({{.N}} characters, at most {{.Max}}).")
	if e := Explain(err); e.Args["N"] != 5000 || e.Args["Max"] != MaxTitle {
		t.Errorf("explanation %+v", e)
	}
	wantInvalid(t, ws.CreatePost(ctx, &Post{Title: " \t "}), "title", "Please give the post a title.")

	exact := Post{Title: strings.Repeat("🎉", MaxTitle)} // counted in characters, not bytes
	if err := ws.CreatePost(ctx, &exact); err != nil {
		t.Fatalf("%d emoji: %v", MaxTitle, err)
	}
	text := Post{Title: "Grüße aus Köln 👋🏽 – „Straße“ & Öffnungszeiten", Caption: "Ümläüte überall 🇩🇪\n#Fußball", Notes: "ÄÖÜäöüß"}
	if err := ws.CreatePost(ctx, &text); err != nil {
		t.Fatal(err)
	}
	got, err := ws.Post(ctx, text.ID)
	if err != nil || got.Title != text.Title || got.Caption != text.Caption || got.Notes != text.Notes {
		t.Fatalf("read back %+v, %v", got, err)
	}
}

func TestPostSeriesLinkNeedsBoth(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	p := Post{Title: "Halb verknüpft", SeriesID: 1}
	wantInvalid(t, ws.CreatePost(ctx, &p), "series", "A post of a series needs the day of its slot.")
	d := date(2026, 3, 3)
	p = Post{Title: "Ohne Serie", SeriesDate: &d}
	if err := ws.CreatePost(ctx, &p); err != nil || p.SeriesDate != nil {
		t.Fatalf("a day without a series is dropped: %+v, %v", p, err)
	}
	p = Post{Title: "Serie gibt es nicht", SeriesID: 42, SeriesDate: &d}
	wantInvalid(t, ws.CreatePost(ctx, &p), "series", "The series no longer exists.")
	p = Post{Title: "Rubrik gibt es nicht", TopicID: 42}
	wantInvalid(t, ws.CreatePost(ctx, &p), "topic", "The chosen topic no longer exists.")
}

// TestPostWhoseChannelWasDeleted covers a link to a channel that is gone:
// normally the foreign key removes the link with the channel, but a
// database from an old copy or another tool may still hold one.
func TestPostWhoseChannelWasDeleted(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	ch, _ := testIDs(t, ws)
	tiktok := Channel{Name: "TikTok", Platform: TikTok, Cadence: Cadence{1, PerWeek}}
	if err := ws.SaveChannel(ctx, &tiktok); err != nil {
		t.Fatal(err)
	}
	mastodon := Channel{Name: "Mastodon", Platform: Mastodon}
	if err := ws.SaveChannel(ctx, &mastodon); err != nil {
		t.Fatal(err)
	}
	d := date(2026, 3, 4)
	p := Post{Title: "Lena im Archiv", Date: &d, Channels: []PostChannel{{ChannelID: ch[0]}, {ChannelID: tiktok.ID, Caption: "kurz"}, {ChannelID: mastodon.ID}}}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := ws.DeleteChannel(ctx, tiktok.ID); err == nil {
		t.Fatal("a channel in use was deleted")
	}

	// Deleted with the foreign keys on: the link goes with the channel.
	if _, err := ws.db.Exec(`DELETE FROM channels WHERE id = ?`, mastodon.ID); err != nil {
		t.Fatal(err)
	}
	// Deleted with the foreign keys off (another tool): the link dangles.
	conn, err := ws.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`PRAGMA foreign_keys = OFF`, `DELETE FROM channels WHERE id = ` + itoa(int(tiktok.ID)), `PRAGMA foreign_keys = ON`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	var dangling int
	ws.db.QueryRow(`SELECT count(*) FROM post_channels WHERE channel_id = ?`, tiktok.ID).Scan(&dangling)
	if dangling != 1 {
		t.Fatalf("setup: %d dangling links", dangling)
	}

	check := func(what string, ps []Post, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if len(ps) != 1 || len(ps[0].Channels) != 1 || ps[0].Channels[0].ChannelID != ch[0] {
			t.Fatalf("%s: %+v", what, ps)
		}
	}
	got, err := ws.Post(ctx, p.ID)
	check("Post", []Post{got}, err)
	list, err := ws.PostsBetween(ctx, d, d)
	check("PostsBetween", list, err)
	list, err = ws.Search(ctx, "Archiv", 0)
	check("Search", list, err)
	list, err = ws.OpenDrafts(ctx, d, 0)
	check("Open", list, err)
	weeks, err := ws.Cadence(ctx, d, d)
	if err != nil || len(weeks) != 1 || len(weeks[0].Channels) != 2 || tally(weeks[0], ch[0]).Planned != 1 {
		t.Fatalf("Cadence: %+v, %v", weeks, err)
	}
	if _, err := ws.Gaps(ctx, d, d.AddDays(14)); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.QuietConflicts(ctx, d, d); err != nil {
		t.Fatal(err)
	}
	// Saving the post as read clears the dangling link.
	if err := ws.UpdatePost(ctx, &got); err != nil {
		t.Fatal(err)
	}
	ws.db.QueryRow(`SELECT count(*) FROM post_channels WHERE channel_id = ?`, tiktok.ID).Scan(&dangling)
	if dangling != 0 {
		t.Errorf("%d dangling links after saving", dangling)
	}
}

func TestDuplicatePost(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	s := azubiDienstag(t, ws)
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	slots, _ := ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 7))
	orig, err := ws.FillSlot(ctx, slots[0])
	if err != nil {
		t.Fatal(err)
	}
	orig.Status = StatusPublished
	orig.PublishedLink = "https://instagram.com/p/abc"
	orig.PublishedOn = orig.Date
	orig.Channels[1].Caption = "Text für Facebook"
	if err := ws.UpdatePost(ctx, &orig); err != nil {
		t.Fatal(err)
	}
	next := date(2026, 3, 12)
	dup, err := ws.DuplicatePost(ctx, orig.ID, &next)
	if err != nil {
		t.Fatal(err)
	}
	if dup.ID == orig.ID || dup.UID == orig.UID || dup.Title != orig.Title || dup.Caption != orig.Caption || *dup.Date != next ||
		*dup.Time != *orig.Time || dup.Status != StatusDraft || dup.SeriesID != 0 || dup.PublishedLink != "" || dup.PublishedOn != nil ||
		len(dup.Channels) != 2 || dup.Channels[1].Caption != "Text für Facebook" || dup.TopicID != orig.TopicID {
		t.Fatalf("duplicate %+v", dup)
	}
	idea := Post{Title: "Idee", Status: StatusIdea}
	if err := ws.CreatePost(ctx, &idea); err != nil {
		t.Fatal(err)
	}
	copyOfIdea, err := ws.DuplicatePost(ctx, idea.ID, nil)
	if err != nil || copyOfIdea.Status != StatusIdea || copyOfIdea.Date != nil {
		t.Fatalf("copy of an idea %+v, %v", copyOfIdea, err)
	}
	if _, err := ws.DuplicatePost(ctx, 9999, nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("duplicate of a missing post: %v", err)
	}
	changes, _ := ws.Changes(ctx, 0, 1)
	if !strings.Contains(changes[0].Summary, "als Kopie von") {
		t.Errorf("change log %q", changes[0].Summary)
	}
}
