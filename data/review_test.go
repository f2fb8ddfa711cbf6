package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"feedtakt/assets"
	"feedtakt/data/caption"
)

// short is a finding as the tables below write it: code, channel, item,
// "!" for blocking.
func short(fs []ReviewFinding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		b := ""
		if f.Blocking {
			b = "!"
		}
		out[i] = fmt.Sprintf("%s%s/c%d/m%d", b, f.Code, f.ChannelID, f.MediaID)
	}
	return out
}

func TestReviewFindings(t *testing.T) {
	day := date(2026, 11, 27)
	quiet := date(2026, 11, 26)
	ccBy := Media{ID: 11, Kind: "image", OriginalName: "Rathaus.jpg", Title: "Rathaus", AltText: "Das Rathaus im Schnee",
		Licence: "cc-by-4.0", Credit: "A. Beispiel"}
	noCredit := Media{ID: 12, Kind: "image", OriginalName: "Agentur.jpg", AltText: "Pressekonferenz", Licence: "agency"}
	own := Media{ID: 13, Kind: "image", OriginalName: "Eigen.jpg", AltText: "Team", Licence: "own"}
	video := Media{ID: 14, Kind: "video", OriginalName: "Rundgang.mp4"}
	subbed := Media{ID: 15, Kind: "video", OriginalName: "Interview.mp4", Subtitles: true}
	on := func(ids ...int64) []PostChannel {
		var out []PostChannel
		for _, id := range ids {
			out = append(out, PostChannel{ChannelID: id})
		}
		return out
	}
	cases := []struct {
		name  string
		post  Post
		media []Media
		want  []string
	}{
		{name: "nothing to say",
			post: Post{Caption: "Guten Morgen aus dem Rathaus.", Date: &day, Channels: on(1, 2)}, want: []string{}},
		{name: "over X's limit, fine on Instagram",
			post: Post{Caption: strings.Repeat("Wort ", 60), Date: &day, Channels: on(1, 2)},
			want: []string{"!over-limit/c2/m0"}},
		{name: "a placeholder left in the shared caption is the whole post's",
			post: Post{Caption: "Ausbildung zum {Ausbildungsberuf}", Date: &day, Channels: on(1, 2)},
			want: []string{"!unfilled/c0/m0"}},
		{name: "in a channel's own text it is that channel's",
			post: Post{Caption: "Gut", Date: &day, Channels: []PostChannel{{ChannelID: 1}, {ChannelID: 2, Caption: "Am {Ort}"}}},
			want: []string{"!unfilled/c2/m0"}},
		{name: "a broken placeholder",
			post: Post{Caption: "Treffpunkt {Ort", Date: &day, Channels: on(1)},
			want: []string{"!syntax/c0/m0"}},
		{name: "a post without channels: its caption is still checked",
			post: Post{Caption: "{Link}", Date: &day},
			want: []string{"!unfilled/c0/m0"}},
		{name: "YouTube title over 100",
			post: Post{Title: strings.Repeat("Ä", 101), Caption: "Video", Date: &day, Channels: on(1, 5)},
			want: []string{"!title-too-long/c5/m0"}},
		{name: "YouTube title of 100 is fine",
			post: Post{Title: strings.Repeat("Ä", 100), Caption: "Video", Date: &day, Channels: on(5)}, want: []string{}},
		{name: "a licence asks for a credit line the text lacks",
			post: Post{Caption: "Winter am Rathaus", Date: &day, Channels: on(1, 2)}, media: []Media{ccBy, own},
			want: []string{"!credit/c0/m11"}},
		{name: "{Bildnachweis} gives it",
			post: Post{Caption: "Winter am Rathaus\n{Bildnachweis}", Date: &day, Channels: on(1, 2)}, media: []Media{ccBy}, want: []string{}},
		{name: "so does the credit written by hand",
			post: Post{Caption: "Winter am Rathaus (Bild: A. Beispiel)", Date: &day, Channels: on(1)}, media: []Media{ccBy}, want: []string{}},
		{name: "only the channel whose own text lacks it",
			post:  Post{Caption: "Winter {Bildnachweis}", Date: &day, Channels: []PostChannel{{ChannelID: 1}, {ChannelID: 2, Caption: "Winter"}}},
			media: []Media{ccBy}, want: []string{"!credit/c2/m11"}},
		{name: "a licence that needs a credit, none recorded",
			post: Post{Caption: "Pressetermin {Bildnachweis}", Date: &day, Channels: on(1, 2)}, media: []Media{noCredit},
			want: []string{"!credit/c0/m12"}},
		{name: "a video without subtitles only warns",
			post: Post{Caption: "Rundgang", Date: &day, Channels: on(2)}, media: []Media{video, subbed},
			want: []string{"subtitles/c0/m14"}},
		{name: "a day in a quiet period",
			post: Post{Caption: "Text", Date: &quiet, Channels: on(1)}, want: []string{"!quiet/c0/m0"}},
		{name: "an idea has no day to be quiet on, but {Datum} stays",
			post: Post{Caption: "Am {Datum}", Channels: on(1)}, want: []string{"!unfilled/c0/m0"}},
		{name: "blocking first, then the whole post, then channels in the post's order",
			post:  Post{Title: strings.Repeat("T", 120), Caption: strings.Repeat("Wort ", 60), Date: &quiet, Channels: on(5, 2)},
			media: []Media{video},
			want:  []string{"!quiet/c0/m0", "!title-too-long/c5/m0", "!over-limit/c2/m0", "subtitles/c0/m14"}},
	}
	rc := testContext()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := short(rc.Review(c.post, c.media))
			if !slices.Equal(got, c.want) {
				t.Errorf("Review = %q, want %q", got, c.want)
			}
		})
	}
}

// Every finding's sentence is translated and filled: it says what to do
// in German, with nothing left of the template.
func TestReviewSentencesAreGerman(t *testing.T) {
	day := date(2026, 11, 26)
	rc := testContext()
	p := Post{Title: strings.Repeat("T", 120), Caption: "Treffpunkt {Ort und {Link}", Date: &day,
		Channels: []PostChannel{{ChannelID: 1}, {ChannelID: 5}}}
	media := []Media{
		{ID: 1, Kind: "image", OriginalName: "a.jpg", Title: "Rathaus", Licence: "press", Credit: "dpa"},
		{ID: 2, Kind: "image", OriginalName: "b.jpg", Licence: "agency"},
		{ID: 3, Kind: "video", OriginalName: "c.mp4"},
	}
	fs := rc.Review(p, media)
	german, err := assets.Translations("de")
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	mine := []string{caption.CodeQuiet, caption.CodeTitleTooLong, caption.CodeSyntax, caption.CodeUnfilled, caption.CodeCredit, caption.CodeSubtitles}
	for _, f := range fs {
		codes[f.Code] = true
		if !slices.Contains(mine, f.Code) {
			continue // package caption's, translated with its rules
		}
		s := de(f.Message())
		if _, ok := german[f.Key]; !ok || strings.Contains(s, "{{.") || strings.Contains(s, "<no value>") {
			t.Errorf("%s: %q", f.Code, s)
		}
	}
	for _, c := range mine {
		if !codes[c] {
			t.Errorf("no %s finding in %q", c, short(fs))
		}
	}
	q := QuietPeriod{From: day, To: day}
	if s := de(quietFinding(q, day, 0).Message()); strings.Contains(s, "„“") {
		t.Errorf("quiet period without note: %q", s)
	}
}
