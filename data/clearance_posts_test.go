package data

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"feedtakt/data/calendar"
)

// approvalFixture is a workspace on 01.03.2026 with Instagram and Facebook,
// a picture of the Azubi-Tag (taken 10.02.2026) showing Anna, and a draft
// post on 12.03.2026 on both channels with that picture.
type approvalFixture struct {
	ws      *Workspace
	ig, fb  int64
	pic     Media
	anna    Person
	post    Post
	postDay calendar.Date
}

func newApprovalFixture(t *testing.T, anna Person, channels ...string) *approvalFixture {
	t.Helper()
	ctx := context.Background()
	f := &approvalFixture{postDay: date(2026, 3, 12)}
	f.ws, f.ig, f.fb = consentWorkspace(t)
	f.pic = addTestMedia(t, f.ws, Media{OriginalName: "Azubi.jpg", Title: "Azubi-Tag im Betrieb", AltText: "Anna an der Drehbank", Taken: time.Date(2026, 2, 10, 10, 0, 0, 0, WorkspaceZone())})
	f.anna = mustPerson(t, f.ws, anna)
	if err := f.ws.SetPicturePeople(ctx, f.pic.ID, []int64{f.anna.ID}); err != nil {
		t.Fatal(err)
	}
	day := f.postDay
	f.post = Post{Title: "Azubi-Tag", Caption: "Text", Date: &day, Status: StatusDraft}
	for _, c := range channels {
		id := f.ig
		if c == "fb" {
			id = f.fb
		}
		f.post.Channels = append(f.post.Channels, PostChannel{ChannelID: id})
	}
	if err := f.ws.SavePostWithMedia(ctx, &f.post, []int64{f.pic.ID}); err != nil {
		t.Fatal(err)
	}
	return f
}

// setStatus stores the post with status s through UpdatePost.
func (f *approvalFixture) setStatus(s Status) error {
	p, err := f.ws.Post(context.Background(), f.post.ID)
	if err != nil {
		return err
	}
	p.Status = s
	return f.ws.UpdatePost(context.Background(), &p)
}

func (f *approvalFixture) status(t *testing.T) Status {
	t.Helper()
	p, err := f.ws.Post(context.Background(), f.post.ID)
	if err != nil {
		t.Fatal(err)
	}
	return p.Status
}

// germanText is the sentence a screen shows for err.
func germanText(err error) string {
	e := Explain(err)
	return calendar.Message{Key: e.Key, Args: e.Args}.Text("de")
}

// The approval rule over its edge cases: what stops Freigegeben and
// Veröffentlicht, what only warns, and the sentence that says why.
func TestApprovalIsBlockedByConsent(t *testing.T) {
	employee := Person{Name: "Anna Beispiel", Role: RoleTrainee}
	// Turns 18 on 11.03.2026, the day before the post; and a girl who
	// turns 18 the day after it.
	turning := Person{Name: "Anna Beispiel", Role: RoleMinor, BornOn: dp(2008, 3, 11)}
	young := Person{Name: "Anna Beispiel", Role: RoleMinor, BornOn: dp(2008, 3, 13)}
	guardians := func(c Consent) Consent { c.GivenBy = GivenByGuardians; return c }
	until := func(d calendar.Date) func(Consent) Consent {
		return func(c Consent) Consent { c.ValidUntil = &d; return c }
	}

	tests := []struct {
		name     string
		person   Person
		channels []string
		setup    func(t *testing.T, f *approvalFixture)
		status   Status
		reasons  []Reason // the blocking findings; none: the status is stored
		text     []string // parts of the German sentence
	}{
		{name: "valid consent for both channels", person: employee, channels: []string{"ig", "fb"},
			setup: consentFor(nil, Instagram, Facebook), status: StatusApproved},
		{name: "no consent at all", person: employee, channels: []string{"ig"}, status: StatusApproved,
			reasons: []Reason{ReasonMissing},
			text:    []string{"„Freigegeben“", "Anna Beispiel: keine Einwilligung für Instagram."}},
		{name: "valid until the day before the post", person: employee, channels: []string{"ig"},
			setup: consentFor(until(date(2026, 3, 11)), Instagram), status: StatusApproved,
			reasons: []Reason{ReasonExpired},
			text:    []string{"Die Einwilligung von Anna Beispiel für Instagram endet am 11.03.2026, vor dem Termin am 12.03.2026."}},
		{name: "valid until the post's day: ends soon, only warns", person: employee, channels: []string{"ig"},
			setup: consentFor(until(date(2026, 3, 12)), Instagram), status: StatusApproved},
		{name: "two channels, only Instagram covered", person: employee, channels: []string{"ig", "fb"},
			setup: consentFor(nil, Instagram), status: StatusApproved,
			reasons: []Reason{ReasonOutOfScope},
			text:    []string{"Die Einwilligung von Anna Beispiel deckt Facebook nicht ab."}},
		{name: "several consents, the newest withdrawn", person: employee, channels: []string{"ig"},
			setup: func(t *testing.T, f *approvalFixture) {
				consentFor(nil, Instagram)(t, f)
				c := mustConsent(t, f.ws, written(f.anna.ID, date(2026, 2, 20), Instagram, Facebook))
				if err := f.ws.WithdrawConsent(context.Background(), c.ID, Withdrawal{On: date(2026, 2, 25), Via: "E-Mail"}); err != nil {
					t.Fatal(err)
				}
			}, status: StatusApproved,
			reasons: []Reason{ReasonWithdrawn},
			text:    []string{"Anna Beispiel hat die Einwilligung am 25.02.2026 widerrufen."}},
		{name: "minor turned 18 before the post, only the guardians signed", person: turning, channels: []string{"ig"},
			setup: consentFor(guardians, Instagram), status: StatusApproved,
			reasons: []Reason{ReasonOwnConsent},
			text:    []string{"Anna Beispiel ist volljährig"}},
		{name: "minor still 17 on the post's day, the guardians signed", person: young, channels: []string{"ig"},
			setup: consentFor(guardians, Instagram), status: StatusApproved},
		{name: "published is blocked like approved", person: employee, channels: []string{"ig"}, status: StatusPublished,
			reasons: []Reason{ReasonMissing}, text: []string{"„Veröffentlicht“"}},
		{name: "a draft is never blocked", person: employee, channels: []string{"ig"}, status: StatusReview},
		{name: "ungeklärt only warns", person: employee, channels: []string{"ig"},
			setup: func(t *testing.T, f *approvalFixture) {
				if err := f.ws.SetPicturePeople(context.Background(), f.pic.ID, nil); err != nil {
					t.Fatal(err)
				}
			}, status: StatusApproved},
		{name: "expired licence", person: employee, channels: []string{"ig"},
			setup: func(t *testing.T, f *approvalFixture) {
				consentFor(nil, Instagram)(t, f)
				if err := f.ws.SetMediaUsableUntil(context.Background(), []int64{f.pic.ID}, dp(2026, 3, 1)); err != nil {
					t.Fatal(err)
				}
			}, status: StatusApproved,
			reasons: []Reason{ReasonLicenceExpired},
			text:    []string{"„Azubi-Tag im Betrieb“: Die Lizenz endet am 01.03.2026, vor dem Termin am 12.03.2026."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newApprovalFixture(t, tt.person, tt.channels...)
			if tt.setup != nil {
				tt.setup(t, f)
			}
			err := f.setStatus(tt.status)
			if len(tt.reasons) == 0 {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if got := f.status(t); got != tt.status {
					t.Fatalf("status %q", got)
				}
				return
			}
			var ce *ClearanceError
			if !errors.As(err, &ce) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("want a ClearanceError, got %v", err)
			}
			var got []Reason
			for _, fd := range ce.Findings {
				got = append(got, fd.Reason)
			}
			if !slices.Equal(got, tt.reasons) {
				t.Errorf("findings %v, want %v", got, tt.reasons)
			}
			if f.status(t) != StatusDraft {
				t.Errorf("status changed to %q", f.status(t))
			}
			text := germanText(err)
			for _, want := range tt.text {
				if !strings.Contains(text, want) {
					t.Errorf("sentence %q lacks %q", text, want)
				}
			}
			if strings.Contains(err.Error(), "Anna") {
				t.Errorf("the log text names the person: %q", err.Error())
			}
		})
	}
}

// consentFor gives Anna her own written consent of 01.02.2026 for the
// platforms, changed by edit.
func consentFor(edit func(Consent) Consent, platforms ...Platform) func(t *testing.T, f *approvalFixture) {
	return func(t *testing.T, f *approvalFixture) {
		c := written(f.anna.ID, date(2026, 2, 1), platforms...)
		if edit != nil {
			c = edit(c)
		}
		mustConsent(t, f.ws, c)
	}
}

// The whole sentence, with two findings.
func TestClearanceErrorSentence(t *testing.T) {
	f := newApprovalFixture(t, Person{Name: "Anna Beispiel", Role: RoleTrainee}, "ig", "fb")
	err := f.setStatus(StatusApproved)
	want := "Der Beitrag kann nicht mit dem Status „Freigegeben“ gespeichert werden. Anna Beispiel: keine Einwilligung für Instagram. " +
		"(Insgesamt 2 Gründe, siehe die Bilder im Beitrag.) Setzen Sie ihn auf „Entwurf“ oder ersetzen Sie das Bild."
	if got := germanText(err); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// A post approved before the consent was withdrawn stays approved and
// its text can still be edited, but the calendar shows it blocked, and it
// cannot be published, moved or given another picture of her.
func TestWithdrawnAfterApproval(t *testing.T) {
	ctx := context.Background()
	f := newApprovalFixture(t, Person{Name: "Anna Beispiel", Role: RoleTrainee}, "ig")
	c := mustConsent(t, f.ws, written(f.anna.ID, date(2026, 2, 1), Instagram))
	if err := f.setStatus(StatusApproved); err != nil {
		t.Fatal(err)
	}
	if err := f.ws.WithdrawConsent(ctx, c.ID, Withdrawal{On: date(2026, 3, 1), Via: "Brief"}); err != nil {
		t.Fatal(err)
	}
	if f.status(t) != StatusApproved {
		t.Fatal("the withdrawal changed the post's status")
	}
	posts, err := f.ws.PostsBetween(ctx, date(2026, 3, 1), date(2026, 3, 31))
	if err != nil {
		t.Fatal(err)
	}
	checks, err := f.ws.ClearPosts(ctx, posts)
	if err != nil {
		t.Fatal(err)
	}
	if pc := checks[f.post.ID]; !pc.Blocked() || pc.Blocking()[0].Reason != ReasonWithdrawn {
		t.Fatalf("calendar check %+v", pc)
	}

	p, _ := f.ws.Post(ctx, f.post.ID)
	p.Caption = "Neuer Text"
	if err := f.ws.UpdatePost(ctx, &p); err != nil {
		t.Fatalf("editing the text of an approved post: %v", err)
	}
	var ce *ClearanceError
	if err := f.setStatus(StatusPublished); !errors.As(err, &ce) {
		t.Errorf("published: %v", err)
	}
	later := date(2026, 3, 19)
	p, _ = f.ws.Post(ctx, f.post.ID)
	p.Date = &later
	if err := f.ws.UpdatePost(ctx, &p); !errors.As(err, &ce) {
		t.Errorf("moved: %v", err)
	}
	if err := f.ws.PlaceIdea(ctx, f.post.ID, later, nil); !errors.As(err, &ce) {
		t.Errorf("placed: %v", err)
	}
	other := addTestMedia(t, f.ws, Media{OriginalName: "Rathaus.jpg", AltText: "Das Rathaus im Schnee"})
	if err := f.ws.SetPictureDecision(ctx, other.ID, DecisionNone); err != nil {
		t.Fatal(err)
	}
	if err := f.ws.AttachMedia(ctx, f.post.ID, []int64{f.pic.ID, other.ID}); !errors.As(err, &ce) {
		t.Errorf("picture added: %v", err)
	}
	// Her picture swapped for one without people: approved again is fine.
	if err := f.ws.AttachMedia(ctx, f.post.ID, []int64{other.ID}); err != nil {
		t.Errorf("picture replaced: %v", err)
	}
	if err := f.setStatus(StatusPublished); err != nil {
		t.Errorf("published without her picture: %v", err)
	}
	if got, _ := f.ws.Post(ctx, f.post.ID); got.Caption != "Neuer Text" || *got.Date != f.postDay {
		t.Errorf("refused changes were stored: %+v", got)
	}
}

// The rule reads inside the write transaction: a picture added in the
// same save counts (a reader outside it would not see the new link), and
// a new post saved as Freigegeben with its pictures is refused whole.
func TestApprovalChecksWhatIsSaved(t *testing.T) {
	ctx := context.Background()
	f := newApprovalFixture(t, Person{Name: "Anna Beispiel", Role: RoleTrainee}, "ig")
	clean := addTestMedia(t, f.ws, Media{OriginalName: "Rathaus.jpg", AltText: "Das Rathaus im Schnee"})
	if err := f.ws.SetPictureDecision(ctx, clean.ID, DecisionNone); err != nil {
		t.Fatal(err)
	}
	if err := f.ws.SavePostWithMedia(ctx, &f.post, []int64{clean.ID}); err != nil {
		t.Fatal(err)
	}
	p, _ := f.ws.Post(ctx, f.post.ID)
	p.Status = StatusApproved
	var ce *ClearanceError
	if err := f.ws.SavePostWithMedia(ctx, &p, []int64{clean.ID, f.pic.ID}); !errors.As(err, &ce) {
		t.Fatalf("approved with her picture added in the same save: %v", err)
	}
	if got := postMediaIDs(t, f.ws, f.post.ID); !slices.Equal(got, []int64{clean.ID}) {
		t.Errorf("refused save linked %v", got)
	}

	day := date(2026, 3, 20)
	fresh := Post{Title: "Neu", Caption: "Text", Date: &day, Status: StatusApproved, Channels: []PostChannel{{ChannelID: f.ig}}}
	if err := f.ws.SavePostWithMedia(ctx, &fresh, []int64{f.pic.ID}); !errors.As(err, &ce) || fresh.ID != 0 {
		t.Fatalf("new approved post: %v (id %d)", err, fresh.ID)
	}
	posts, _ := f.ws.PostsBetween(ctx, day, day)
	if len(posts) != 0 {
		t.Errorf("refused new post was stored: %+v", posts)
	}
	// Reordering the pictures of an approved post changes nothing for the rule.
	mustConsent(t, f.ws, written(f.anna.ID, date(2026, 2, 1), Instagram))
	if err := f.ws.SavePostWithMedia(ctx, &p, []int64{clean.ID, f.pic.ID}); err != nil {
		t.Fatal(err)
	}
	if err := f.ws.AttachMedia(ctx, p.ID, []int64{f.pic.ID, clean.ID}); err != nil {
		t.Errorf("reordered: %v", err)
	}
}

// ClearPosts says the same as PostClearance, post by post, and reads a
// month in a fixed number of queries.
func TestClearPostsAgreesWithPostClearance(t *testing.T) {
	ctx := context.Background()
	f := newApprovalFixture(t, Person{Name: "Anna Beispiel", Role: RoleTrainee}, "ig", "fb")
	mustConsent(t, f.ws, written(f.anna.ID, date(2026, 2, 1), Instagram))
	ben := mustPerson(t, f.ws, Person{Name: "Ben Klein", Role: RoleMinor, BornOn: dp(2015, 1, 1)})
	two := addTestMedia(t, f.ws, Media{OriginalName: "Gruppe.jpg", AltText: "Gruppenbild vor dem Rathaus", Taken: time.Date(2026, 2, 10, 11, 0, 0, 0, WorkspaceZone())})
	if err := f.ws.SetPicturePeople(ctx, two.ID, []int64{f.anna.ID, ben.ID}); err != nil {
		t.Fatal(err)
	}
	unclear := addTestMedia(t, f.ws, Media{OriginalName: "Flur.jpg", AltText: "Blick in den Flur des Bürgeramts"})
	for i, media := range [][]int64{{two.ID, unclear.ID}, {unclear.ID}, nil, {f.pic.ID, two.ID}} {
		d := date(2026, 3, 2+i)
		p := Post{Title: "Beitrag", Caption: "Text", Date: &d, Channels: []PostChannel{{ChannelID: f.ig}}}
		if i%2 == 1 {
			p.Channels = append(p.Channels, PostChannel{ChannelID: f.fb})
		}
		if err := f.ws.SavePostWithMedia(ctx, &p, media); err != nil {
			t.Fatal(err)
		}
	}
	posts, err := f.ws.PostsBetween(ctx, date(2026, 3, 1), date(2026, 3, 31))
	if err != nil {
		t.Fatal(err)
	}
	checks, err := f.ws.ClearPosts(ctx, posts)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range posts {
		want, err := f.ws.PostClearance(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := checks[p.ID].Pictures
		if len(got) != len(want) {
			t.Fatalf("post %d: %d pictures, want %d", p.ID, len(got), len(want))
		}
		for i := range want {
			if got[i].MediaID != want[i].MediaID || !slices.EqualFunc(got[i].Findings, want[i].Findings, sameFinding) {
				t.Errorf("post %d picture %d:\n got %+v\nwant %+v", p.ID, i, got[i], want[i])
			}
		}
	}
	if pc := checks[posts[1].ID]; !pc.Unclear() || pc.Blocked() {
		t.Errorf("only ungeklärt: %+v", pc)
	}
	// Anna on two pictures of the last post: her finding once; Ben's
	// for each channel.
	last := checks[posts[3].ID].Blocking() // 05.03.2026
	if len(last) != 3 || last[0].PersonID != f.anna.ID || last[1].PersonID != ben.ID || last[2].PersonID != ben.ID {
		t.Errorf("deduplicated findings %+v", last)
	}
}

func sameFinding(a, b Finding) bool {
	return a.Reason == b.Reason && a.PersonID == b.PersonID && a.ChannelID == b.ChannelID && a.ConsentID == b.ConsentID && a.Key == b.Key
}
