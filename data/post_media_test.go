package data

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

func postMediaIDs(t *testing.T, ws *Workspace, postID int64) []int64 {
	t.Helper()
	ms, err := ws.PostMedia(context.Background(), postID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	return ids
}

// The editor saves a post and its pictures in one go: in order, for a new
// post too, and a failure (an item deleted meanwhile) stores neither the
// post nor its list.
func TestSavePostWithMediaIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	a := addTestMedia(t, ws, Media{OriginalName: "a.jpg", Kind: "image"})
	b := addTestMedia(t, ws, Media{OriginalName: "b.jpg", Kind: "image"})

	d := date(2026, 12, 9)
	p := Post{Title: "Neu mit Bildern", Date: &d}
	if err := ws.SavePostWithMedia(ctx, &p, []int64{b.ID, a.ID, b.ID}); err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 {
		t.Fatal("the new post got no ID")
	}
	if got := postMediaIDs(t, ws, p.ID); fmt.Sprint(got) != fmt.Sprint([]int64{b.ID, a.ID}) {
		t.Errorf("new post: media %v, want b, a", got)
	}

	// A new post with an item that no longer exists: nothing is stored.
	bad := Post{Title: "Scheitert", Date: &d}
	err := ws.SavePostWithMedia(ctx, &bad, []int64{a.ID, 99999})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing item: %v, want ErrNotFound", err)
	}
	if bad.ID != 0 {
		t.Errorf("a failed create left ID %d", bad.ID)
	}
	ps, err := ws.PostsBetween(ctx, d, d)
	if err != nil || len(ps) != 1 {
		t.Fatalf("after the failed create %d posts (%v), want 1", len(ps), err)
	}

	// An update that fails keeps the old title and list.
	p.Title = "Geändert"
	if err := ws.SavePostWithMedia(ctx, &p, []int64{99999}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("update with missing item: %v", err)
	}
	if got, _ := ws.Post(ctx, p.ID); got.Title != "Neu mit Bildern" {
		t.Errorf("failed update stored title %q", got.Title)
	}
	if got := postMediaIDs(t, ws, p.ID); len(got) != 2 {
		t.Errorf("failed update changed the media to %v", got)
	}

	// Reorder and remove.
	if err := ws.SavePostWithMedia(ctx, &p, []int64{a.ID}); err != nil {
		t.Fatal(err)
	}
	if got, _ := ws.Post(ctx, p.ID); got.Title != "Geändert" {
		t.Errorf("title %q", got.Title)
	}
	if got := postMediaIDs(t, ws, p.ID); fmt.Sprint(got) != fmt.Sprint([]int64{a.ID}) {
		t.Errorf("after removing b: %v", got)
	}
}

func TestLacksPicture(t *testing.T) {
	platforms := map[int64]Platform{1: Instagram, 2: Facebook, 3: TikTok, 4: Mastodon}
	platformOf := func(id int64) (Platform, bool) { p, ok := platforms[id]; return p, ok }
	on := func(ids ...int64) []PostChannel {
		var cs []PostChannel
		for _, id := range ids {
			cs = append(cs, PostChannel{ChannelID: id})
		}
		return cs
	}
	tests := []struct {
		name      string
		p         Post
		noPicture bool
		want      bool
	}{
		{"Instagram draft without picture", Post{Status: StatusDraft, Channels: on(1)}, true, true},
		{"Instagram draft with picture", Post{Status: StatusDraft, Channels: on(1)}, false, false},
		{"Facebook only", Post{Status: StatusDraft, Channels: on(2, 4)}, true, false},
		{"Facebook and TikTok", Post{Status: StatusApproved, Channels: on(2, 3)}, true, true},
		{"idea for Instagram", Post{Status: StatusIdea, Channels: on(1)}, true, true},
		{"published", Post{Status: StatusPublished, Channels: on(1)}, true, false},
		{"discarded", Post{Status: StatusDiscarded, Channels: on(1)}, true, false},
		{"deleted channel", Post{Status: StatusDraft, Channels: on(9)}, true, false},
		{"no channel", Post{Status: StatusDraft}, true, false},
	}
	for _, tt := range tests {
		if got := LacksPicture(tt.p, tt.noPicture, platformOf); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
