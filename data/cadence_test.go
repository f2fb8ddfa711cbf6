package data

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"feedtakt/data/calendar"
)

// planOn creates a post with a date on the given channels.
func planOn(t testing.TB, ws *Workspace, d calendar.Date, st Status, channels ...int64) Post {
	t.Helper()
	p := Post{Title: "Beitrag am " + d.String(), Date: &d, Status: st}
	for _, c := range channels {
		p.Channels = append(p.Channels, PostChannel{ChannelID: c})
	}
	if err := ws.CreatePost(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func tally(wc WeekCadence, channel int64) ChannelCadence {
	for _, c := range wc.Channels {
		if c.ChannelID == channel {
			return c
		}
	}
	return ChannelCadence{ChannelID: -1}
}

func TestCadencePerWeekAndPerMonth(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	ch, _ := testIDs(t, ws)
	insta, fb := ch[0], ch[1]
	newsletter := Channel{Name: "Newsletter", Platform: Newsletter, Cadence: Cadence{1, PerMonth}}
	off := Channel{Name: "X (ruht)", Platform: X, Cadence: Cadence{3, PerWeek}, Disabled: true}
	amtsblatt := Channel{Name: "Amtsblatt", Platform: Print}
	for _, c := range []*Channel{&newsletter, &off, &amtsblatt} {
		if err := ws.SaveChannel(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	planOn(t, ws, date(2026, 3, 10), StatusDraft, insta, fb)
	planOn(t, ws, date(2026, 3, 12), StatusPublished, insta)
	planOn(t, ws, date(2026, 3, 13), StatusDiscarded, fb)
	planOn(t, ws, date(2026, 3, 14), StatusIdea, off.ID, amtsblatt.ID)
	planOn(t, ws, date(2026, 3, 2), StatusApproved, newsletter.ID)
	planOn(t, ws, date(2026, 4, 1), StatusDraft, newsletter.ID) // April: counted in the week of 30.03.
	planOn(t, ws, date(2026, 4, 2), StatusDraft, newsletter.ID)
	idea := Post{Title: "Idee", Channels: []PostChannel{{ChannelID: insta}}}
	if err := ws.CreatePost(ctx, &idea); err != nil {
		t.Fatal(err)
	}

	weeks, err := ws.Cadence(ctx, date(2026, 3, 11), date(2026, 4, 1))
	if err != nil {
		t.Fatal(err)
	}
	var kws []string
	for _, w := range weeks {
		kws = append(kws, fmt.Sprintf("%d/%d %v", w.Year, w.Week, w.Monday))
	}
	want := []string{"2026/11 09.03.2026", "2026/12 16.03.2026", "2026/13 23.03.2026", "2026/14 30.03.2026"}
	if !slices.Equal(kws, want) {
		t.Fatalf("weeks %v, want %v", kws, want)
	}
	for _, w := range weeks {
		if len(w.Channels) != 3 || w.Channels[0].ChannelID != insta || w.Channels[1].ChannelID != fb || w.Channels[2].ChannelID != newsletter.ID {
			t.Fatalf("KW %d channels %+v (want Instagram, Facebook, Newsletter only)", w.Week, w.Channels)
		}
	}
	kw11 := weeks[0]
	if c := tally(kw11, insta); c.Planned != 2 || c.Target != 2 || !c.Met() || c.Period != PerWeek {
		t.Errorf("KW 11 Instagram %+v", c)
	}
	if c := tally(kw11, fb); c.Planned != 1 || c.Target != 1 || !c.Met() {
		t.Errorf("KW 11 Facebook (discarded not counted) %+v", c)
	}
	if c := tally(kw11, newsletter.ID); c.Planned != 1 || c.Target != 1 || c.Month != time.March || c.Year != 2026 || c.Period != PerMonth {
		t.Errorf("KW 11 Newsletter %+v", c)
	}
	if c := tally(weeks[1], insta); c.Planned != 0 || c.Met() {
		t.Errorf("KW 12 Instagram %+v", c)
	}
	if c := tally(weeks[1], newsletter.ID); c.Planned != 1 || !c.Met() {
		t.Errorf("KW 12 Newsletter counts the month %+v", c)
	}
	// The week's own count, for "this week" in the week view: the
	// newsletter of 02.03. is the month's, not KW 12's or KW 11's.
	if c := tally(weeks[1], newsletter.ID); c.WeekPlanned != 0 || c.WeekSlots != 0 {
		t.Errorf("KW 12 Newsletter this week %+v, want 0", c)
	}
	if c := tally(kw11, insta); c.WeekPlanned != 2 {
		t.Errorf("KW 11 Instagram this week %+v", c)
	}
	if c := tally(weeks[3], newsletter.ID); c.WeekPlanned != 2 {
		t.Errorf("KW 14 Newsletter this week %+v", c)
	}
	// 30.03.–05.04.: its Thursday is 2 April, so it counts April.
	if c := tally(weeks[3], newsletter.ID); c.Month != time.April || c.Planned != 2 {
		t.Errorf("KW 14 Newsletter %+v", c)
	}
	if c := tally(weeks[3], insta); c.Planned != 0 {
		t.Errorf("KW 14 Instagram %+v", c)
	}
}

func TestCadenceCountsSeriesSlots(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	ch, _ := testIDs(t, ws)
	s := azubiDienstag(t, ws)
	s.Channels = ch[1:] // Facebook
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	weeks, err := ws.Cadence(ctx, date(2026, 3, 2), date(2026, 3, 15))
	if err != nil || len(weeks) != 2 {
		t.Fatalf("%v %v", weeks, err)
	}
	slots, _ := ws.SeriesSlots(ctx, date(2026, 3, 2), date(2026, 3, 8))
	if _, err := ws.FillSlot(ctx, slots[0]); err != nil {
		t.Fatal(err)
	}
	weeks2, _ := ws.Cadence(ctx, date(2026, 3, 2), date(2026, 3, 15))
	for i, got := range []ChannelCadence{tally(weeks[0], ch[1]), tally(weeks2[0], ch[1]), tally(weeks2[1], ch[1])} {
		want := [][2]int{{0, 1}, {1, 0}, {0, 1}}[i] // planned, slots
		if got.Planned != want[0] || got.Slots != want[1] || !got.Met() {
			t.Errorf("case %d: %+v, want planned %d slots %d", i, got, want[0], want[1])
		}
	}
	if c := tally(weeks2[0], ch[0]); c.Slots != 0 || c.Met() {
		t.Errorf("Instagram has no series: %+v", c)
	}
}

func gapStrings(gs []Gap) []string {
	var out []string
	for _, g := range gs {
		out = append(out, fmt.Sprintf("%d %v–%v", g.ChannelID, g.From, g.To))
	}
	return out
}

func TestGaps(t *testing.T) {
	ctx := context.Background()
	today := date(2026, 3, 2) // Monday
	ws := newTestWorkspaceOn(t, today)
	ch, _ := testIDs(t, ws)
	insta, fb := ch[0], ch[1] // 2 per week, 1 per week

	// Instagram: Friday before today, then Tue, Wed, then nothing until Sun 15th.
	planOn(t, ws, date(2026, 2, 27), StatusPublished, insta)
	planOn(t, ws, date(2026, 3, 3), StatusDraft, insta)
	planOn(t, ws, date(2026, 3, 4), StatusDraft, insta)
	planOn(t, ws, date(2026, 3, 15), StatusDraft, insta)
	planOn(t, ws, date(2026, 3, 18), StatusDiscarded, insta) // does not count
	planOn(t, ws, date(2026, 3, 19), StatusIdea, insta)
	// Facebook: weekly until the 10th, then nothing.
	planOn(t, ws, date(2026, 2, 24), StatusPublished, fb)
	planOn(t, ws, date(2026, 3, 3), StatusDraft, fb)
	planOn(t, ws, date(2026, 3, 10), StatusDraft, fb)

	gaps, err := ws.Gaps(ctx, date(2026, 2, 1), date(2026, 3, 22))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		fmt.Sprintf("%d 05.03.2026–14.03.2026", insta), // 10 empty days > 3.5
		fmt.Sprintf("%d 11.03.2026–22.03.2026", fb),    // open-ended, cut at the range
		fmt.Sprintf("%d 20.03.2026–22.03.2026", insta), // 19th, then nothing
	}
	if got := gapStrings(gaps); !slices.Equal(got, want) {
		t.Fatalf("gaps\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if gaps[0].Days() != 10 {
		t.Errorf("days %d", gaps[0].Days())
	}

	// Three empty days are no gap for 2 per week, four are; the stretch
	// counts from the last post before today.
	ws2 := newTestWorkspaceOn(t, today)
	ch2, _ := testIDs(t, ws2)
	planOn(t, ws2, date(2026, 2, 27), StatusPublished, ch2[0])
	planOn(t, ws2, date(2026, 3, 3), StatusDraft, ch2[0])
	planOn(t, ws2, date(2026, 3, 5), StatusDraft, ch2[0])
	planOn(t, ws2, date(2026, 3, 8), StatusDraft, ch2[0])
	planOn(t, ws2, date(2026, 3, 13), StatusDraft, ch2[0])
	for _, d := range []calendar.Date{date(2026, 2, 28), date(2026, 3, 7), date(2026, 3, 14)} {
		planOn(t, ws2, d, StatusDraft, ch2[1])
	}
	gaps, err = ws2.Gaps(ctx, today, date(2026, 3, 13))
	if err != nil {
		t.Fatal(err)
	}
	want = []string{fmt.Sprintf("%d 09.03.2026–12.03.2026", ch2[0])}
	if got := gapStrings(gaps); !slices.Equal(got, want) {
		t.Errorf("gaps %v, want %v", got, want)
	}

	// Six empty days from 26 Feb: the gap is there today, and only the days
	// from today on are offered to fill.
	ws3 := newTestWorkspaceOn(t, today)
	ch3, _ := testIDs(t, ws3)
	planOn(t, ws3, date(2026, 2, 25), StatusPublished, ch3[0])
	planOn(t, ws3, date(2026, 3, 4), StatusDraft, ch3[0], ch3[1])
	planOn(t, ws3, date(2026, 3, 6), StatusDraft, ch3[0])
	planOn(t, ws3, date(2026, 2, 27), StatusDraft, ch3[1])
	planOn(t, ws3, date(2026, 3, 10), StatusDraft, ch3[1])
	gaps, err = ws3.Gaps(ctx, date(2026, 1, 1), date(2026, 3, 6))
	if err != nil {
		t.Fatal(err)
	}
	want = []string{fmt.Sprintf("%d 02.03.2026–03.03.2026", ch3[0])}
	if got := gapStrings(gaps); !slices.Equal(got, want) {
		t.Errorf("gaps %v, want %v", got, want)
	}
}

func TestGapsRespectQuietPeriodsSlotsAndMonthlyTargets(t *testing.T) {
	ctx := context.Background()
	today := date(2026, 3, 2)
	ws := newTestWorkspaceOn(t, today)
	ch, _ := testIDs(t, ws)
	insta, fb := ch[0], ch[1]
	// Facebook is fed by a weekly series: no gap.
	s := azubiDienstag(t, ws)
	s.Channels = []int64{fb}
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	// Instagram is quiet by order from the 5th to the 20th.
	q := QuietPeriod{From: date(2026, 3, 5), To: date(2026, 3, 20), Note: "Vorwahlzeit"}
	if err := ws.SaveQuietPeriod(ctx, &q); err != nil {
		t.Fatal(err)
	}
	planOn(t, ws, date(2026, 2, 27), StatusPublished, fb)
	planOn(t, ws, date(2026, 2, 28), StatusPublished, insta)
	planOn(t, ws, date(2026, 3, 3), StatusDraft, insta)
	planOn(t, ws, date(2026, 3, 23), StatusDraft, insta)
	planOn(t, ws, date(2026, 3, 26), StatusDraft, insta)
	// Monthly: one newsletter in March, none until May.
	nl := Channel{Name: "Newsletter", Platform: Newsletter, Cadence: Cadence{1, PerMonth}}
	if err := ws.SaveChannel(ctx, &nl); err != nil {
		t.Fatal(err)
	}
	planOn(t, ws, date(2026, 3, 2), StatusApproved, nl.ID)
	planOn(t, ws, date(2026, 4, 1), StatusDraft, nl.ID)
	planOn(t, ws, date(2026, 5, 20), StatusDraft, nl.ID)
	planOn(t, ws, date(2026, 6, 15), StatusDraft, nl.ID)

	gaps, err := ws.Gaps(ctx, today, date(2026, 5, 31))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		fmt.Sprintf("%d 02.04.2026–19.05.2026", nl.ID), // 48 days > 30
		fmt.Sprintf("%d 27.03.2026–31.05.2026", insta),
	}
	slices.Sort(want)
	got := gapStrings(gaps)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("gaps %v, want %v", got, want)
	}
	if gaps, err := ws.Gaps(ctx, date(2026, 1, 1), date(2026, 2, 1)); err != nil || len(gaps) != 0 {
		t.Errorf("a range before today has no gaps: %v %v", gaps, err)
	}
}

func TestGapIdeasAndPlaceIdea(t *testing.T) {
	ctx := context.Background()
	today := date(2026, 3, 2)
	ws := newTestWorkspaceOn(t, today)
	ch, tp := testIDs(t, ws)
	insta, fb := ch[0], ch[1]
	ausbildung, service := tp[0], tp[1]
	// Instagram carried Ausbildung lately.
	p := planOn(t, ws, date(2026, 2, 20), StatusPublished, insta)
	p.TopicID = ausbildung
	if err := ws.UpdatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	mkIdea := func(title string, topic int64, st Status, channels ...int64) Post {
		t.Helper()
		i := Post{Title: title, TopicID: topic, Status: st}
		for _, c := range channels {
			i.Channels = append(i.Channels, PostChannel{ChannelID: c})
		}
		if err := ws.CreatePost(ctx, &i); err != nil {
			t.Fatal(err)
		}
		return i
	}
	sameChannel := mkIdea("Für Instagram gedacht", service, StatusIdea, insta)
	sameTopic := mkIdea("Azubi-Porträt", ausbildung, StatusIdea)
	other := mkIdea("Irgendwas", service, StatusDraft)
	// Meant for Facebook only: not offered for an Instagram gap, even with
	// a topic Instagram carried.
	mkIdea("Nur für Facebook", ausbildung, StatusIdea, fb)
	mkIdea("Verworfen", ausbildung, StatusDiscarded, insta)
	newest := mkIdea("Noch eine für Instagram", 0, StatusIdea, insta)

	gap := Gap{ChannelID: insta, From: date(2026, 3, 5), To: date(2026, 3, 12)}
	ideas, err := ws.GapIdeas(ctx, gap, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, i := range ideas {
		got = append(got, i.ID)
	}
	// Same channel first (newest first), then channel-less ideas of the
	// same topic, then the other channel-less ones.
	want := []int64{newest.ID, sameChannel.ID, sameTopic.ID, other.ID}
	if !slices.Equal(got, want) {
		t.Fatalf("ideas %v, want %v", got, want)
	}
	if len(ideas[0].Channels) != 1 {
		t.Errorf("ideas come with their channels: %+v", ideas[0])
	}
	if ideas, _ := ws.GapIdeas(ctx, gap, 2); len(ideas) != 2 {
		t.Errorf("limit: %d", len(ideas))
	}

	// Place the same-topic idea into the gap, with Instagram added.
	at := Clock{10, 30}
	if err := ws.PlaceIdea(ctx, sameTopic.ID, date(2026, 3, 6), &at, insta); err != nil {
		t.Fatal(err)
	}
	placed, err := ws.Post(ctx, sameTopic.ID)
	if err != nil {
		t.Fatal(err)
	}
	if placed.Date == nil || *placed.Date != date(2026, 3, 6) || *placed.Time != at || len(placed.Channels) != 1 || placed.Status != StatusDraft || placed.Title != "Azubi-Porträt" {
		t.Fatalf("placed %+v", placed)
	}
	changes, _ := ws.Changes(ctx, 0, 1)
	if changes[0].Summary != "Idee „Azubi-Porträt“ auf 06.03.2026 10:30 gelegt, Kanal ergänzt" {
		t.Errorf("change log %q", changes[0].Summary)
	}
	if ideas, _ := ws.GapIdeas(ctx, gap, 10); slices.ContainsFunc(ideas, func(p Post) bool { return p.ID == sameTopic.ID }) {
		t.Error("a placed idea is still offered")
	}
	// Placing again moves it; without time it has none.
	if err := ws.PlaceIdea(ctx, sameTopic.ID, date(2026, 3, 7), nil, insta); err != nil {
		t.Fatal(err)
	}
	if again, _ := ws.Post(ctx, sameTopic.ID); *again.Date != date(2026, 3, 7) || again.Time != nil || len(again.Channels) != 1 {
		t.Errorf("moved %+v", again)
	}
	wantInvalid(t, ws.PlaceIdea(ctx, other.ID, date(2101, 1, 1), nil), "date", "The date must lie between {{.Min}} and {{.Max}}.")
	wantInvalid(t, ws.PlaceIdea(ctx, other.ID, date(2026, 3, 7), nil, 999), "channels", "One of the chosen channels no longer exists.")
	if still, _ := ws.Post(ctx, other.ID); still.Date != nil {
		t.Error("a refused placement changed the idea")
	}
}

func TestOpenPosts(t *testing.T) {
	ctx := context.Background()
	today := date(2026, 3, 2)
	ws := newTestWorkspaceOn(t, today)
	ch, _ := testIDs(t, ws)
	overdue := planOn(t, ws, date(2026, 3, 1), StatusDraft, ch[0])
	todayDraft := planOn(t, ws, today, StatusDraft, ch[0])
	review := planOn(t, ws, date(2026, 3, 5), StatusReview, ch[0], ch[1])
	idea := planOn(t, ws, date(2026, 3, 9), StatusIdea)
	planOn(t, ws, date(2026, 3, 4), StatusApproved, ch[0])
	planOn(t, ws, date(2026, 3, 4), StatusPublished, ch[0])
	planOn(t, ws, date(2026, 3, 4), StatusDiscarded, ch[0])
	planOn(t, ws, date(2026, 3, 10), StatusDraft, ch[0])
	_ = overdue

	open, err := ws.OpenDrafts(ctx, today, 7)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, p := range open {
		got = append(got, p.ID)
	}
	if want := []int64{todayDraft.ID, review.ID, idea.ID}; !slices.Equal(got, want) {
		t.Fatalf("open %v, want %v", got, want)
	}
	if len(open[1].Channels) != 2 {
		t.Errorf("channels missing: %+v", open[1])
	}
	if open, _ := ws.OpenDrafts(ctx, today, -3); len(open) != 1 {
		t.Errorf("negative days: %d posts", len(open))
	}
}
