package data

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestAgenda: a real workspace on Wednesday 04.03.2026, 09:00, with posts
// from Tuesday to Friday; the agenda names what each lacks by the rules
// that decide it elsewhere (picture, alt text, consent, approval) and puts
// the overdue ones first.
func TestAgenda(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 4))
	ch, _ := testIDs(t, ws)
	ig, fb := ch[0], ch[1]
	withAlt := addTestMedia(t, ws, Media{OriginalName: "Rathaus.jpg", AltText: "Das Rathaus im Schnee"})
	if err := ws.SetPictureDecision(ctx, withAlt.ID, DecisionNone); err != nil {
		t.Fatal(err)
	}
	noAlt := addTestMedia(t, ws, Media{OriginalName: "Werkstatt.jpg"})
	withAnna := addTestMedia(t, ws, Media{OriginalName: "Azubi.jpg", AltText: "Anna an der Drehbank"})
	anna := mustPerson(t, ws, Person{Name: "Anna Beispiel", Role: RoleTrainee})
	if err := ws.SetPicturePeople(ctx, withAnna.ID, []int64{anna.ID}); err != nil {
		t.Fatal(err)
	}

	tue, wed, thu, fri := date(2026, 3, 3), date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 6)
	on := func(ids ...int64) []PostChannel {
		var cs []PostChannel
		for _, id := range ids {
			cs = append(cs, PostChannel{ChannelID: id})
		}
		return cs
	}
	tests := []struct {
		post    Post
		media   []int64
		listed  bool
		want    []Missing
		overdue bool
	}{
		{Post{Title: "Fertig", Caption: "Text", Date: &wed, Time: &Clock{12, 0}, Status: StatusApproved, Channels: on(ig)},
			[]int64{withAlt.ID}, true, nil, false},
		{Post{Title: "Leer", Date: &thu, Status: StatusDraft, Channels: on(ig)},
			nil, true, []Missing{MissingText, MissingPicture, MissingTime, MissingApproval}, false},
		{Post{Title: "Nur Facebook", Caption: "Text", Date: &fri, Time: &Clock{9, 0}, Status: StatusReview, Channels: on(fb)},
			nil, true, []Missing{MissingApproval}, false},
		{Post{Title: "Eigener Text", Date: &fri, Time: &Clock{9, 0}, Status: StatusDraft, Channels: []PostChannel{{ChannelID: fb, Caption: "Nur hier"}}},
			nil, true, []Missing{MissingApproval}, false},
		{Post{Title: "Ohne Bildbeschreibung", Caption: "Text", Date: &thu, Time: &Clock{10, 0}, Status: StatusDraft, Channels: on(ig)},
			[]int64{noAlt.ID}, true, []Missing{MissingApproval, MissingAltText}, false},
		{Post{Title: "Anna ohne Einwilligung", Caption: "Text", Date: &thu, Time: &Clock{11, 0}, Status: StatusDraft, Channels: on(ig, fb)},
			[]int64{withAnna.ID}, true, []Missing{MissingApproval, MissingConsent}, false},
		{Post{Title: "Gestern", Caption: "Text", Date: &tue, Time: &Clock{10, 0}, Status: StatusApproved, Channels: on(fb)},
			nil, true, nil, true},
		{Post{Title: "Heute früh", Caption: "Text", Date: &wed, Time: &Clock{8, 0}, Status: StatusApproved, Channels: on(fb)},
			nil, true, nil, true},
		{Post{Title: "Gestern ohne Zeit", Caption: "Text", Date: &tue, Status: StatusDraft, Channels: on(fb)},
			nil, true, []Missing{MissingTime, MissingApproval}, true},
		{Post{Title: "Heute ohne Zeit", Caption: "Text", Date: &wed, Status: StatusDraft, Channels: on(fb)},
			nil, true, []Missing{MissingTime, MissingApproval}, false},
		{Post{Title: "Verworfen", Caption: "Text", Date: &wed, Status: StatusDiscarded, Channels: on(fb)}, nil, false, nil, false},
		{Post{Title: "Veröffentlicht", Caption: "Text", Date: &tue, Status: StatusPublished, Channels: on(fb)}, nil, false, nil, false},
	}
	for i := range tests {
		if err := ws.SavePostWithMedia(ctx, &tests[i].post, tests[i].media); err != nil {
			t.Fatalf("%s: %v", tests[i].post.Title, err)
		}
	}
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, WorkspaceZone())
	items, err := ws.Agenda(ctx, tue, fri, now)
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]AgendaItem{}
	var order []string
	for _, it := range items {
		byTitle[it.Post.Title] = it
		order = append(order, it.Post.Title)
	}
	for _, tt := range tests {
		it, ok := byTitle[tt.post.Title]
		if ok != tt.listed {
			t.Errorf("%s: listed %v, want %v", tt.post.Title, ok, tt.listed)
			continue
		}
		if !ok {
			continue
		}
		if !slices.Equal(it.Missing, tt.want) || it.Overdue != tt.overdue {
			t.Errorf("%s: missing %v overdue %v, want %v %v", tt.post.Title, it.Missing, it.Overdue, tt.want, tt.overdue)
		}
	}
	// Overdue first, oldest first; then day and time order.
	want := []string{"Gestern ohne Zeit", "Gestern", "Heute früh", "Heute ohne Zeit", "Fertig", "Leer", "Ohne Bildbeschreibung", "Anna ohne Einwilligung", "Nur Facebook", "Eigener Text"}
	if !slices.Equal(order, want) {
		t.Errorf("order %v\nwant  %v", order, want)
	}
	if !byTitle["Leer"].Lacks(MissingPicture) || byTitle["Fertig"].Lacks(MissingPicture) {
		t.Error("Lacks")
	}

	// Nothing planned: nothing, no error.
	if items, err := ws.Agenda(ctx, date(2026, 4, 1), date(2026, 4, 7), now); err != nil || len(items) != 0 {
		t.Errorf("empty week: %v, %v", items, err)
	}
}

func TestPassed(t *testing.T) {
	wed, tue := date(2026, 3, 4), date(2026, 3, 3)
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, WorkspaceZone())
	for _, tt := range []struct {
		name string
		p    Post
		want bool
	}{
		{"idea", Post{}, false},
		{"earlier today", Post{Date: &wed, Time: &Clock{8, 59}}, true},
		{"now", Post{Date: &wed, Time: &Clock{9, 0}}, false},
		{"today without time", Post{Date: &wed}, false},
		{"yesterday without time", Post{Date: &tue}, true},
		{"other zone", Post{Date: &wed, Time: &Clock{8, 30}, Zone: "Europe/London"}, false}, // 09:30 in Berlin
	} {
		if got := Passed(tt.p, now); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
