package data

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// addTemplateRow stores a template row directly (the template API is
// another helper's; this is only the row the post points to).
func addTemplateRow(t testing.TB, ws *Workspace, kind, name, body string) int64 {
	t.Helper()
	var id int64
	err := ws.db.QueryRow(`INSERT INTO templates (kind, name, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		kind, name, body, ws.timestamp(), ws.timestamp()).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// wallTime is a wall-clock time in the workspace zone.
func wallTime(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, WorkspaceZone())
}

func TestPostCarriesLinkHashtagSetTemplateAndMarks(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	ch, _ := testIDs(t, ws)
	set := addTemplateRow(t, ws, "hashtags", "Ausbildung", "#Ausbildung #Azubi")
	tpl := addTemplateRow(t, ws, "caption", "Azubi-Dienstag", "Heute: {Ausbildungsberuf}")
	snippet := addTemplateRow(t, ws, "snippet", "Signatur", "Ihr Presseamt")
	day := date(2026, 3, 10)
	p := Post{Title: "Azubi-Dienstag", Caption: "Bewerben: {Link} {Hashtags}", Date: &day, Status: StatusDraft,
		Link: "  https://example.org/stellen/42 ", HashtagSetID: set, TemplateID: tpl,
		Channels: []PostChannel{{ChannelID: ch[0]}, {ChannelID: ch[1]}}}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := ws.Post(ctx, p.ID)
	if err != nil || got.Link != "https://example.org/stellen/42" || got.HashtagSetID != set || got.TemplateID != tpl {
		t.Fatalf("read back %+v, %v", got, err)
	}

	// A mark survives an update that does not carry it (the editor builds
	// its channel list afresh) and is read back in the post's zone.
	if err := ws.MarkPublished(ctx, p.ID, ch[0], "https://instagram.com/p/abc", wallTime(2026, 2, 28, 18, 30)); err != nil {
		t.Fatal(err)
	}
	edit := got
	edit.Caption = "Neuer Text {Link}"
	edit.Link = "https://example.org/stellen/43"
	edit.HashtagSetID = 0
	edit.Channels = []PostChannel{{ChannelID: ch[0]}, {ChannelID: ch[1], Caption: "Eigener Text"}}
	if err := ws.UpdatePost(ctx, &edit); err != nil {
		t.Fatal(err)
	}
	got, err = ws.Post(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c := got.Channels[0]; c.PublishedLink != "https://instagram.com/p/abc" || !c.PublishedAt.Equal(wallTime(2026, 2, 28, 18, 30)) {
		t.Errorf("mark after update: %+v", c)
	}
	if got.Channels[1].Published() || got.Channels[1].Caption != "Eigener Text" || got.HashtagSetID != 0 {
		t.Errorf("after update: %+v", got)
	}
	var stored string
	ws.db.QueryRow(`SELECT published_at FROM post_channels WHERE post_id = ? AND channel_id = ?`, p.ID, ch[0]).Scan(&stored)
	if stored != "2026-02-28 18:30" {
		t.Errorf("stored %q, want the wall clock in the post's zone", stored)
	}
	// The same in the list reads.
	for _, list := range [][]Post{mustPosts(t, ws), mustIdeasAndMore(t, ws, p.ID)} {
		for _, q := range list {
			if q.ID == p.ID && (!q.Channels[0].Published() || q.Link != edit.Link) {
				t.Errorf("list read lost fields: %+v", q)
			}
		}
	}
	changes := itemChanges(t, ws, "post")
	if last := changes[len(changes)-1]; !strings.Contains(last, "Link im Text, Hashtag-Set") {
		t.Errorf("change log %q names neither link nor hashtag set", last)
	}

	// The copy is a post of its own: no marks, the template fields stay.
	dup, err := ws.DuplicatePost(ctx, p.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	dup, _ = ws.Post(ctx, dup.ID)
	if dup.Channels[0].Published() || dup.Channels[0].PublishedLink != "" || dup.Link != edit.Link || dup.TemplateID != tpl {
		t.Errorf("duplicate: %+v", dup)
	}

	// Bad input.
	bad := got
	bad.HashtagSetID = snippet
	wantInvalid(t, ws.UpdatePost(ctx, &bad), "hashtags", "Please choose a hashtag set, not another kind of template.")
	bad.HashtagSetID = 9999
	wantInvalid(t, ws.UpdatePost(ctx, &bad), "hashtags", "The chosen hashtag set no longer exists.")
	bad.HashtagSetID = 0
	bad.Link = "https://example.org/" + strings.Repeat("a", MaxLink)
	wantInvalid(t, ws.UpdatePost(ctx, &bad), "link", "The link is too long (at most {{.Max}} characters).")
	bad.Link = "https://example.org/\nzwei"
	wantInvalid(t, ws.UpdatePost(ctx, &bad), "link", controlKeys["link"].Key)
	// A template deleted meanwhile does not stop the post.
	bad.Link, bad.TemplateID = "", 9999
	if err := ws.UpdatePost(ctx, &bad); err != nil || bad.TemplateID != 0 {
		t.Errorf("missing template: %v, %d", err, bad.TemplateID)
	}
}

func mustPosts(t *testing.T, ws *Workspace) []Post {
	t.Helper()
	ps, err := ws.PostsBetween(context.Background(), date(2026, 1, 1), date(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// mustIdeasAndMore reads posts through queryPosts (fillChannels).
func mustIdeasAndMore(t *testing.T, ws *Workspace, id int64) []Post {
	t.Helper()
	ps, err := queryPosts(context.Background(), ws.reader(), `SELECT `+postColumns+` FROM posts WHERE id = ?`, id)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestMarkPublished(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 12)) // 09:00 Berlin
	ch, _ := testIDs(t, ws)
	day := date(2026, 3, 11)
	p := Post{Title: "Tag der offenen Tür", Caption: "Kommen Sie vorbei!", Date: &day, Status: StatusApproved,
		Channels: []PostChannel{{ChannelID: ch[0]}, {ChannelID: ch[1]}}}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}

	// Bad input, each refused before anything is stored.
	wantInvalid(t, ws.MarkPublished(ctx, p.ID, ch[0], "instagram.com/p/1", time.Time{}), "link",
		"The link must be a web address beginning with https://, e.g. https://www.instagram.com/p/…")
	wantInvalid(t, ws.MarkPublished(ctx, p.ID, ch[0], "javascript:alert(1)", time.Time{}), "link",
		"The link must be a web address beginning with https://, e.g. https://www.instagram.com/p/…")
	wantInvalid(t, ws.MarkPublished(ctx, p.ID, ch[0], "", wallTime(2026, 3, 12, 9, 2)), "published",
		"The time of posting lies in the future. Enter when the post went out.")
	if err := ws.MarkPublished(ctx, p.ID, 9999, "", time.Time{}); err == nil {
		t.Error("a channel the post does not have was marked")
	}
	if err := ws.MarkPublished(ctx, 9999, ch[0], "", time.Time{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing post: %v", err)
	}
	if got, _ := ws.Post(ctx, p.ID); got.Channels[0].Published() {
		t.Fatal("a refused mark was stored")
	}
	// A minute ahead of the clock is fine (two PCs' clocks differ).
	if err := ws.MarkPublished(ctx, p.ID, ch[0], "https://www.instagram.com/p/Cx1/", wallTime(2026, 3, 12, 9, 1)); err != nil {
		t.Fatal(err)
	}
	got, _ := ws.Post(ctx, p.ID)
	if got.Status != StatusApproved || got.PublishedOn != nil {
		t.Fatalf("one of two channels marked: %s, %v", got.Status, got.PublishedOn)
	}
	// The last channel: Veröffentlicht, the day of the latest mark, the
	// first link in channel order.
	if err := ws.MarkPublished(ctx, p.ID, ch[1], "", wallTime(2026, 3, 11, 23, 59)); err != nil {
		t.Fatal(err)
	}
	got, _ = ws.Post(ctx, p.ID)
	if got.Status != StatusPublished || got.PublishedOn == nil || *got.PublishedOn != date(2026, 3, 12) ||
		got.PublishedLink != "https://www.instagram.com/p/Cx1/" {
		t.Fatalf("all marked: %s, %v, %q", got.Status, got.PublishedOn, got.PublishedLink)
	}
	// Unmarking takes it back to Freigegeben.
	if err := ws.UnmarkPublished(ctx, p.ID, ch[0]); err != nil {
		t.Fatal(err)
	}
	got, _ = ws.Post(ctx, p.ID)
	if got.Status != StatusApproved || got.PublishedOn != nil || got.PublishedLink != "" || got.Channels[0].Published() || !got.Channels[1].Published() {
		t.Fatalf("after unmark: %+v", got)
	}
	if err := ws.UnmarkPublished(ctx, p.ID, ch[0]); err != nil { // nothing to do
		t.Fatal(err)
	}
	changes := itemChanges(t, ws, "post")
	want := []string{
		"update: Beitrag „Tag der offenen Tür“ am 11.03.2026 auf Instagram als veröffentlicht markiert (12.03.2026 09:01)",
		"update: Beitrag „Tag der offenen Tür“ am 11.03.2026 auf Facebook als veröffentlicht markiert (11.03.2026 23:59), Status Freigegeben → Veröffentlicht",
		"update: Beitrag „Tag der offenen Tür“ am 11.03.2026 auf Instagram: Markierung „veröffentlicht“ entfernt, Status Veröffentlicht → Freigegeben",
	}
	if got := changes[len(changes)-3:]; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("change log:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// An idea and a discarded post cannot be marked.
	idea := Post{Title: "Idee", Channels: []PostChannel{{ChannelID: ch[0]}}}
	if err := ws.CreatePost(ctx, &idea); err != nil {
		t.Fatal(err)
	}
	wantInvalid(t, ws.MarkPublished(ctx, idea.ID, ch[0], "", time.Time{}), "status", "An idea cannot be marked as published. Give it a day first.")
	gone := Post{Title: "Verworfen", Date: &day, Status: StatusDiscarded, Channels: []PostChannel{{ChannelID: ch[0]}}}
	if err := ws.CreatePost(ctx, &gone); err != nil {
		t.Fatal(err)
	}
	wantInvalid(t, ws.MarkPublished(ctx, gone.ID, ch[0], "", time.Time{}), "status", "A discarded post cannot be marked as published.")
}

// The last mark makes the post Veröffentlicht, which passes the consent
// rule: a picture of Anna without her consent for Facebook stops it.
func TestMarkPublishedLastChannelPassesConsentRule(t *testing.T) {
	ctx := context.Background()
	f := newApprovalFixture(t, Person{Name: "Anna Beispiel", Role: RoleEmployee}, "ig", "fb")
	mustConsent(t, f.ws, written(f.anna.ID, date(2026, 2, 10), Instagram))
	if err := f.ws.MarkPublished(ctx, f.post.ID, f.ig, "", time.Time{}); err != nil {
		t.Fatal(err)
	}
	err := f.ws.MarkPublished(ctx, f.post.ID, f.fb, "", time.Time{})
	var ce *ClearanceError
	if !errors.As(err, &ce) || ce.Status != StatusPublished {
		t.Fatalf("err = %v, want *ClearanceError", err)
	}
	got, _ := f.ws.Post(ctx, f.post.ID)
	if got.Status != StatusDraft || got.Channels[1].Published() {
		t.Errorf("refused mark was stored: %+v", got)
	}
}
