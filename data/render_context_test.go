package data

import (
	"context"
	"slices"
	"testing"

	"feedtakt/data/calendar"
	"feedtakt/data/caption"
)

// renderWorkspace is a workspace on 01.03.2026 with Instagram, Facebook,
// X (@stadt_muster), a Mastodon channel allowing 1,000 characters and
// TikTok; a hashtag set and a quiet period.
type renderFixture struct {
	ws                  *Workspace
	ig, fb, x, md, tt   int64
	topic, set          int64
	quiet               QuietPeriod
	video, videoWithSub Media
}

func newRenderFixture(t testing.TB) *renderFixture {
	t.Helper()
	ctx := context.Background()
	f := &renderFixture{ws: newTestWorkspaceOn(t, date(2026, 3, 1))}
	chans, topics := testIDs(t, f.ws)
	f.ig, f.fb, f.topic = chans[0], chans[1], topics[0]
	for _, c := range []struct {
		id *int64
		ch Channel
	}{
		{&f.x, Channel{Name: "X", Platform: X, Handle: "@stadt_muster"}},
		{&f.md, Channel{Name: "Mastodon", Platform: Mastodon, Handle: "@stadt@social.bund.de"}},
		{&f.tt, Channel{Name: "TikTok", Platform: TikTok}},
	} {
		if err := f.ws.SaveChannel(ctx, &c.ch); err != nil {
			t.Fatal(err)
		}
		*c.id = c.ch.ID
	}
	// The channel's own limit (another helper's screen sets it).
	if _, err := f.ws.db.Exec(`UPDATE channels SET text_limit = 1000 WHERE id = ?`, f.md); err != nil {
		t.Fatal(err)
	}
	f.set = addTemplateRow(t, f.ws, "hashtags", "Ausbildung", "#Ausbildung #Azubi #KarriereImÖffentlichenDienst")
	f.quiet = QuietPeriod{From: date(2026, 3, 20), To: date(2026, 3, 22), Note: "Landtagswahl"}
	if err := f.ws.SaveQuietPeriod(ctx, &f.quiet); err != nil {
		t.Fatal(err)
	}
	f.video = addTestMedia(t, f.ws, Media{OriginalName: "Rundgang.mp4", Kind: "video"})
	f.videoWithSub = addTestMedia(t, f.ws, Media{OriginalName: "Interview.mp4", Kind: "video"})
	if _, err := f.ws.db.Exec(`UPDATE media SET subtitles = 1 WHERE id = ?`, f.videoWithSub.ID); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestRenderContextReadsTheWorkspace(t *testing.T) {
	f := newRenderFixture(t)
	rc, err := f.ws.RenderContext(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rc.Settings.Organisation != "Stadt Musterstadt" || rc.Settings.Land != calendar.Niedersachsen || rc.Today != date(2026, 3, 1) {
		t.Errorf("settings %+v, today %v", rc.Settings, rc.Today)
	}
	if len(rc.Channels) != 5 || rc.Channels[f.x].Handle != "@stadt_muster" {
		t.Errorf("channels %+v", rc.Channels)
	}
	if l := rc.ChannelLimits(f.x); l.Text != 280 || l.AltText != 1000 || l.Platform != "x" {
		t.Errorf("X limits %+v", l)
	}
	if l := rc.ChannelLimits(f.md); l.Text != 1000 || l.AltText != 1500 {
		t.Errorf("Mastodon with its own limit: %+v", l)
	}
	if l := rc.ChannelLimits(f.ig); l.Hashtags != 5 || l.Text != 2200 {
		t.Errorf("Instagram limits %+v", l)
	}
	if rc.Topics[f.topic].Name != "Ausbildung & Karriere" {
		t.Errorf("topics %+v", rc.Topics)
	}
	if want := []string{"#Ausbildung", "#Azubi", "#KarriereImÖffentlichenDienst"}; !slices.Equal(rc.HashtagSets[f.set], want) {
		t.Errorf("hashtag set %q", rc.HashtagSets[f.set])
	}
	if len(rc.Quiet) != 1 || rc.Quiet[0].Note != "Landtagswahl" {
		t.Errorf("quiet %+v", rc.Quiet)
	}
	// Subtitles come with the media as read (Review looks at Media.Subtitles).
	for _, m := range []Media{f.video, f.videoWithSub} {
		got, err := f.ws.Media(context.Background(), m.ID)
		if err != nil || got.Subtitles != (m.ID == f.videoWithSub.ID) {
			t.Errorf("media %d: subtitles %v, %v", m.ID, got.Subtitles, err)
		}
	}
}

// testContext is a RenderContext built by hand, for the pure functions.
func testContext() RenderContext {
	return RenderContext{
		Settings: Settings{Organisation: "Stadt Musterstadt"},
		Channels: map[int64]Channel{
			1: {ID: 1, Name: "Instagram", Platform: Instagram, Handle: "@stadt.musterstadt"},
			2: {ID: 2, Name: "X", Platform: X, Handle: "@stadt_muster"},
			3: {ID: 3, Name: "TikTok", Platform: TikTok},
			4: {ID: 4, Name: "Mastodon", Platform: Mastodon, TextLimit: 1000},
			5: {ID: 5, Name: "YouTube", Platform: YouTube},
			6: {ID: 6, Name: "Bluesky", Platform: Bluesky},
		},
		Limits: map[Platform]caption.Limits{
			Instagram: {Platform: "instagram", Text: 2200, Hashtags: 5, AltText: 1000},
			X:         {Platform: "x", Text: 280, AltText: 1000},
			TikTok:    {Platform: "tiktok", Text: 2200, Photo: 4000},
			Mastodon:  {Platform: "mastodon", Text: 500, AltText: 1500},
			YouTube:   {Platform: "youtube", Text: 5000, Title: 100},
			Bluesky:   {Platform: "bluesky", Text: 300, Bytes: 3000, AltText: 2000},
		},
		Topics:      map[int64]Topic{7: {ID: 7, Name: "Ausbildung & Karriere"}},
		HashtagSets: map[int64][]string{8: {"#Ausbildung", "#Azubi"}, 9: {}},
		Quiet:       []QuietPeriod{{ID: 1, From: date(2026, 11, 26), To: date(2026, 11, 26), Note: "Staatstrauer"}},
		Today:       date(2026, 11, 20),
	}
}

func TestFinalRendersEachChannel(t *testing.T) {
	day := date(2026, 11, 27)
	at := Clock{9, 30}
	photo := Media{ID: 1, Kind: "image", Credit: "A. Beispiel"}
	photo2 := Media{ID: 2, Kind: "image", Credit: "Foto: Stadt Musterstadt"}
	same := Media{ID: 3, Kind: "image", Credit: "A. Beispiel"} // the same photographer once
	noCredit := Media{ID: 4, Kind: "image"}
	video := Media{ID: 5, Kind: "video", Credit: "Medienzentrum"}
	cases := []struct {
		name      string
		post      Post
		media     []Media
		channel   int64
		want      string
		unfilled  []string
		limit     int
		unitCheck func(caption.Counted) bool
	}{
		{name: "date, weekday, time, authority",
			post:    Post{Caption: "{Wochentag}, {Datum}, {Uhrzeit} Uhr – {Behörde}", Date: &day, Time: &at},
			channel: 1, want: "Freitag, 27.11.2026, 09:30 Uhr – Stadt Musterstadt", limit: 2200},
		{name: "channel, handle, topic, link",
			post:    Post{Caption: "{Kanal} {Handle} {Rubrik} {Link}", Date: &day, TopicID: 7, Link: "https://example.org/a"},
			channel: 2, want: "X @stadt_muster Ausbildung & Karriere https://example.org/a", limit: 280},
		{name: "credit lines, each once, no double prefix, empty skipped",
			post:    Post{Caption: "Text\n{Bildnachweis}", Date: &day},
			media:   []Media{photo, photo2, same, noCredit, video},
			channel: 1, want: "Text\nFoto: A. Beispiel · Foto: Stadt Musterstadt · Video: Medienzentrum", limit: 2200},
		{name: "hashtag set",
			post:    Post{Caption: "Text {Hashtags}", Date: &day, HashtagSetID: 8},
			channel: 1, want: "Text #Ausbildung #Azubi", limit: 2200},
		{name: "empty hashtag set is chosen, not unfilled",
			post:    Post{Caption: "Text {Hashtags}", Date: &day, HashtagSetID: 9},
			channel: 1, want: "Text ", limit: 2200},
		{name: "the channel's own text wins",
			post: Post{Caption: "Langer Text für Instagram", Date: &day,
				Channels: []PostChannel{{ChannelID: 1}, {ChannelID: 2, Caption: "Kurz für {Kanal}"}}},
			channel: 2, want: "Kurz für X", limit: 280},
		{name: "an idea leaves the date, a post without link the link",
			post:    Post{Caption: "Am {Datum} ({Wochentag}) um {Uhrzeit}: {Link} {Hashtags} {Ausbildungsberuf}"},
			channel: 1, want: "Am {Datum} ({Wochentag}) um {Uhrzeit}: {Link} {Hashtags} {Ausbildungsberuf}",
			unfilled: []string{"Datum", "Wochentag", "Uhrzeit", "Link", "Hashtags", "Ausbildungsberuf"}, limit: 2200},
		{name: "TikTok photo post allows 4,000",
			post: Post{Caption: "Fotos", Date: &day}, media: []Media{photo, noCredit},
			channel: 3, want: "Fotos", limit: 4000},
		{name: "TikTok with a video: 2,200",
			post: Post{Caption: "Video", Date: &day}, media: []Media{photo, video},
			channel: 3, want: "Video", limit: 2200},
		{name: "TikTok without media: 2,200",
			post: Post{Caption: "Nur Text", Date: &day}, channel: 3, want: "Nur Text", limit: 2200},
		{name: "the channel's own limit",
			post: Post{Caption: "Toot", Date: &day}, channel: 4, want: "Toot", limit: 1000},
		{name: "a channel deleted meanwhile: no limits",
			post: Post{Caption: "{Kanal}", Date: &day}, channel: 99, want: "", limit: 0},
	}
	rc := testContext()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := rc.Final(c.post, c.media, c.channel)
			if got.Text != c.want || !slices.Equal(got.Unfilled, c.unfilled) {
				t.Errorf("Final = %q, unfilled %q; want %q, %q", got.Text, got.Unfilled, c.want, c.unfilled)
			}
			if got.ChannelID != c.channel || got.Counted.Limit != c.limit {
				t.Errorf("channel %d, counted %+v; want limit %d", got.ChannelID, got.Counted, c.limit)
			}
		})
	}
}

func TestFinalsFollowThePostsChannels(t *testing.T) {
	rc := testContext()
	day := date(2026, 11, 27)
	p := Post{Caption: "Hallo {Kanal}", Date: &day,
		Channels: []PostChannel{{ChannelID: 2}, {ChannelID: 1, Caption: "Eigener Text auf {Kanal}"}, {ChannelID: 6}}}
	fs := rc.Finals(p, nil)
	var got []string
	for _, f := range fs {
		got = append(got, f.Channel.Name+": "+f.Text)
	}
	want := []string{"X: Hallo X", "Instagram: Eigener Text auf Instagram", "Bluesky: Hallo Bluesky"}
	if !slices.Equal(got, want) {
		t.Errorf("Finals = %q, want %q", got, want)
	}
	if fs[2].Counted.ByteLimit != 3000 {
		t.Errorf("Bluesky bytes: %+v", fs[2].Counted)
	}
	for _, f := range fs {
		if one := rc.Final(p, nil, f.ChannelID); one.Text != f.Text {
			t.Errorf("Final and Finals differ for %d: %q, %q", f.ChannelID, one.Text, f.Text)
		}
	}
}

func TestCreditLine(t *testing.T) {
	for _, c := range []struct {
		media []Media
		want  string
	}{
		{nil, ""},
		{[]Media{{Kind: "image", Credit: "  "}}, ""},
		{[]Media{{Kind: "image", Credit: "© dpa"}}, "© dpa"},
		{[]Media{{Kind: "image", Credit: "foto: Presseamt"}}, "foto: Presseamt"},
		{[]Media{{Kind: "document", Credit: "Stadtplan GmbH"}}, ""},
		{[]Media{{Kind: "image", Credit: "Jörg Müller"}, {Kind: "image", Credit: "Jörg Müller"}}, "Foto: Jörg Müller"},
	} {
		if got := CreditLine(c.media); got != c.want {
			t.Errorf("CreditLine(%+v) = %q, want %q", c.media, got, c.want)
		}
	}
}
