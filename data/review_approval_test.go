package data

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"feedtakt/data/caption"
)

// reviewWorkspace is a workspace on 01.03.2026 with Instagram, Facebook
// and X, and a draft on 12.03.2026 on Instagram and X.
func reviewWorkspace(t *testing.T) (*Workspace, Post, int64) {
	t.Helper()
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	ch, _ := testIDs(t, ws)
	x := Channel{Name: "X", Platform: X}
	if err := ws.SaveChannel(ctx, &x); err != nil {
		t.Fatal(err)
	}
	day := date(2026, 3, 12)
	p := Post{Title: "Sperrung Hauptstraße", Caption: "Die Hauptstraße ist gesperrt.", Date: &day, Status: StatusDraft,
		Channels: []PostChannel{{ChannelID: ch[0]}, {ChannelID: x.ID}}}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	return ws, p, x.ID
}

// approve stores p with the caption text as Freigegeben.
func approve(ws *Workspace, p Post, text string) error {
	p.Caption, p.Status = text, StatusApproved
	return ws.UpdatePost(context.Background(), &p)
}

func TestReviewBlocksApproval(t *testing.T) {
	ctx := context.Background()
	ws, p, x := reviewWorkspace(t)
	long := strings.Repeat("Die Hauptstraße ist gesperrt. ", 10) // 300 characters
	err := approve(ws, p, long)
	var re *ReviewError
	if !errors.As(err, &re) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("over X's limit: err = %v, want *ReviewError", err)
	}
	if re.Status != StatusApproved || len(re.Findings) != 1 || re.Findings[0].Code != caption.CodeOverLimit || re.Findings[0].ChannelID != x {
		t.Errorf("findings %+v", re.Findings)
	}
	if strings.Contains(re.Error(), "Hauptstraße") || !strings.Contains(re.Error(), "over-limit (channel") {
		t.Errorf("technical text %q", re.Error())
	}
	if s := germanText(err); !strings.HasPrefix(s, "Der Beitrag kann nicht mit dem Status „Freigegeben“ gespeichert werden. X: ") {
		t.Errorf("sentence %q", s)
	}
	got, _ := ws.Post(ctx, p.ID)
	if got.Status != StatusDraft || got.Caption != p.Caption {
		t.Fatalf("a refused approval was stored: %s %q", got.Status, got.Caption)
	}
	// The same text only for Instagram, a short one for X: fine.
	p.Channels[1].Caption = "Hauptstraße gesperrt."
	if err := approve(ws, p, long); err != nil {
		t.Fatalf("own short text for X: %v", err)
	}

	// Several findings: the sentence counts them.
	ws2, p2, _ := reviewWorkspace(t)
	err = approve(ws2, p2, long+" {Umleitung}")
	if !errors.As(err, &re) || len(re.Findings) != 2 {
		t.Fatalf("err = %v", err)
	}
	if s := germanText(err); !strings.Contains(s, "(Insgesamt 2 Punkte, siehe „Prüfung vor dem Posten“ im Beitrag.)") ||
		!strings.Contains(s, "{Umleitung}") {
		t.Errorf("sentence %q", s)
	}
}

// Every write path that can approve runs the checks: creating an approved
// post, saving with pictures, placing an idea that is approved.
func TestReviewOnEveryApprovalPath(t *testing.T) {
	ctx := context.Background()
	ws, _, x := reviewWorkspace(t)
	day := date(2026, 3, 13)
	var re *ReviewError
	p := Post{Title: "Neu", Caption: "{Ort}", Date: &day, Status: StatusApproved, Channels: []PostChannel{{ChannelID: x}}}
	if err := ws.CreatePost(ctx, &p); !errors.As(err, &re) || p.ID != 0 {
		t.Errorf("CreatePost: %v, id %d", err, p.ID)
	}
	if err := ws.SavePostWithMedia(ctx, &p, nil); !errors.As(err, &re) || p.ID != 0 {
		t.Errorf("SavePostWithMedia: %v, id %d", err, p.ID)
	}
	q := QuietPeriod{From: date(2026, 3, 20), To: date(2026, 3, 20), Note: "Staatstrauer"}
	if err := ws.SaveQuietPeriod(ctx, &q); err != nil {
		t.Fatal(err)
	}
	p.Caption = "Gut"
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	err := ws.PlaceIdea(ctx, p.ID, date(2026, 3, 20), nil)
	if !errors.As(err, &re) || re.Findings[0].Code != caption.CodeQuiet {
		t.Fatalf("PlaceIdea into a quiet period: %v", err)
	}
	if s := germanText(err); !strings.Contains(s, "Am 20.03.2026 darf nichts veröffentlicht werden: Ruhezeit 20.03.2026 („Staatstrauer“).") {
		t.Errorf("sentence %q", s)
	}
	if got, _ := ws.Post(ctx, p.ID); *got.Date != day {
		t.Errorf("the refused move was stored: %v", got.Date)
	}
}

// The consent rule speaks first: a post with a picture of Anna without
// consent and a text over the limit gets the *ClearanceError.
func TestConsentErrorBeforeReviewError(t *testing.T) {
	f := newApprovalFixture(t, Person{Name: "Anna Beispiel", Role: RoleEmployee}, "ig")
	p, _ := f.ws.Post(context.Background(), f.post.ID)
	err := approve(f.ws, p, strings.Repeat("Wort ", 500))
	var ce *ClearanceError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want *ClearanceError", err)
	}
	// With her consent, the text is what stops it.
	mustConsent(t, f.ws, written(f.anna.ID, date(2026, 2, 10), Instagram))
	var re *ReviewError
	if err := approve(f.ws, p, strings.Repeat("Wort ", 500)); !errors.As(err, &re) {
		t.Fatalf("err = %v, want *ReviewError", err)
	}
}

// Warnings do not stop Freigegeben: a video without subtitles, many
// emoji (once the caption rules name them).
func TestReviewWarningsDoNotBlock(t *testing.T) {
	ctx := context.Background()
	ws, p, _ := reviewWorkspace(t)
	video := addTestMedia(t, ws, Media{OriginalName: "Rundgang.mp4", Kind: "video", AltText: "Rundgang durch die Baustelle"})
	emoji := "Sperrung 🚧🚗🚕🚙🚌🚎 ab Montag 🎉🎉"
	p.Caption, p.Status = emoji, StatusApproved
	if err := ws.SavePostWithMedia(ctx, &p, []int64{video.ID}); err != nil {
		t.Fatalf("warnings only: %v", err)
	}
	rc, err := ws.RenderContext(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := ws.Post(ctx, p.ID)
	media, _ := mediaOfPosts(ctx, ws.reader(), []int64{p.ID})
	fs := rc.Review(got, media[p.ID])
	if !slices.ContainsFunc(fs, func(f ReviewFinding) bool { return f.Code == caption.CodeSubtitles && !f.Blocking }) {
		t.Errorf("no subtitles warning: %q", short(fs))
	}
	if !slices.ContainsFunc(caption.CheckText("x", emoji, caption.Limits{}, false), func(f caption.Finding) bool { return f.Code == caption.CodeEmojiMany }) {
		t.Skip("caption.CheckText does not name many emoji yet (helper A's rules); the subtitles warning was checked")
	}
	if !slices.ContainsFunc(fs, func(f ReviewFinding) bool { return f.Code == caption.CodeEmojiMany && !f.Blocking }) {
		t.Errorf("no emoji warning: %q", short(fs))
	}
}

func TestReviewFakeBoldBlocks(t *testing.T) {
	bold := "𝐉𝐞𝐭𝐳𝐭 bewerben!"
	if !slices.ContainsFunc(caption.CheckText("instagram", bold, caption.Limits{}, false), func(f caption.Finding) bool { return f.Code == caption.CodeFakeBold }) {
		t.Skip("caption.CheckText does not find fake bold yet (helper A's rules)")
	}
	ws, p, _ := reviewWorkspace(t)
	var re *ReviewError
	if err := approve(ws, p, bold); !errors.As(err, &re) || re.Findings[0].Code != caption.CodeFakeBold {
		t.Fatalf("fake bold: %v", err)
	}
}

// A published post is the record of what went out: it is not checked
// again, not even when its text is corrected or a quiet period is
// declared over its day. But the mark that publishes it is checked.
func TestPublishedPostIsNotCheckedAgain(t *testing.T) {
	ctx := context.Background()
	ws, p, x := reviewWorkspace(t)
	ig := p.Channels[0].ChannelID
	if err := approve(ws, p, p.Caption); err != nil {
		t.Fatal(err)
	}
	// Declared after the approval: the approved post stays approved, but
	// publishing it is refused.
	q := QuietPeriod{From: date(2026, 3, 12), To: date(2026, 3, 12), Note: "Staatstrauer"}
	if err := ws.SaveQuietPeriod(ctx, &q); err != nil {
		t.Fatal(err)
	}
	if err := ws.MarkPublished(ctx, p.ID, ig, "", time.Time{}); err != nil {
		t.Fatalf("one of two channels: %v", err)
	}
	var re *ReviewError
	err := ws.MarkPublished(ctx, p.ID, x, "https://x.com/stadt/status/1", time.Time{})
	if !errors.As(err, &re) || re.Status != StatusPublished || re.Findings[0].Code != caption.CodeQuiet {
		t.Fatalf("last channel in a quiet period: %v", err)
	}
	got, _ := ws.Post(ctx, p.ID)
	if got.Status != StatusApproved || got.Channels[1].Published() {
		t.Fatalf("the refused mark was stored: %+v", got)
	}
	if err := ws.DeleteQuietPeriod(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	if err := ws.MarkPublished(ctx, p.ID, x, "https://x.com/stadt/status/1", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := ws.SaveQuietPeriod(ctx, &QuietPeriod{From: q.From, To: q.To, Note: "Staatstrauer"}); err != nil {
		t.Fatal(err)
	}
	got, _ = ws.Post(ctx, p.ID)
	got.Caption = strings.Repeat("Korrigiert ", 40) // over X's limit, after the fact
	if err := ws.UpdatePost(ctx, &got); err != nil {
		t.Fatalf("correcting a published post: %v", err)
	}
	found, err := ws.ReviewPosts(ctx, []Post{got})
	if err != nil || len(found) != 0 {
		t.Errorf("ReviewPosts on a published post: %v, %v", found, err)
	}
}

func TestReviewPostsForTheCalendar(t *testing.T) {
	ctx := context.Background()
	f := newRenderFixture(t)
	pic := addTestMedia(t, f.ws, Media{OriginalName: "Rathaus.jpg", AltText: "Rathaus", Licence: "cc-by-4.0", Credit: "A. Beispiel"})
	mk := func(caption string, day int, st Status, media ...int64) Post {
		d := date(2026, 3, day)
		p := Post{Title: "Beitrag", Caption: caption, Date: &d, Status: st, Channels: []PostChannel{{ChannelID: f.x}, {ChannelID: f.ig}}}
		if err := f.ws.SavePostWithMedia(ctx, &p, media); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fine := mk("Alles gut {Bildnachweis}", 10, StatusDraft, pic.ID)
	credit := mk("Ohne Nachweis", 11, StatusDraft, pic.ID)
	quiet := mk("Ruhig", 21, StatusDraft, f.video.ID)
	gone := mk("{Ort}", 12, StatusDiscarded)
	posts, err := f.ws.PostsBetween(ctx, date(2026, 3, 1), date(2026, 3, 31))
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.ws.ReviewPosts(ctx, posts)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got[fine.ID]; ok {
		t.Errorf("fine: %q", short(got[fine.ID]))
	}
	if _, ok := got[gone.ID]; ok {
		t.Errorf("a discarded post was checked: %q", short(got[gone.ID]))
	}
	if s := short(got[credit.ID]); !slices.Equal(s, []string{"!credit/c0/m" + itoa(int(pic.ID))}) {
		t.Errorf("credit: %q", s)
	}
	if s := short(got[quiet.ID]); !slices.Equal(s, []string{"!quiet/c0/m0", "subtitles/c0/m" + itoa(int(f.video.ID))}) {
		t.Errorf("quiet: %q", s)
	}
}
