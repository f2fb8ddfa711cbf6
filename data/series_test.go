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

// newTestWorkspaceOn is newTestWorkspace with the clock set to 09:00 Berlin
// time on day, so "today" is fixed for slots, gaps and open posts.
func newTestWorkspaceOn(t testing.TB, day calendar.Date) *Workspace {
	t.Helper()
	ws := newTestWorkspace(t)
	at := time.Date(day.Year, day.Month, day.Day, 9, 0, 0, 0, calendar.GermanZone())
	ws.now = func() time.Time { return at }
	return ws
}

func date(y int, m time.Month, d int) calendar.Date { return calendar.Date{Year: y, Month: m, Day: d} }

// ids returns the IDs of the workspace's channels and topics in order.
func testIDs(t testing.TB, ws *Workspace) (channels, topics []int64) {
	t.Helper()
	cs, err := ws.Channels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		channels = append(channels, c.ID)
	}
	ts, err := ws.Topics(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range ts {
		topics = append(topics, tp.ID)
	}
	return channels, topics
}

// azubiDienstag is every Tuesday 10:00 on both test channels from 3 March 2026.
func azubiDienstag(t testing.TB, ws *Workspace) Series {
	t.Helper()
	ch, tp := testIDs(t, ws)
	return Series{
		Title: "Azubi-Dienstag", Caption: "#Ausbildung #Musterstadt", Notes: "Foto vorher freigeben lassen",
		TopicID: tp[0], Channels: ch,
		Rule: calendar.Recurrence{Weekday: time.Tuesday, Start: date(2026, 3, 3), Hour: 10},
	}
}

func slotDates(slots []Slot) []calendar.Date {
	var out []calendar.Date
	for _, s := range slots {
		out = append(out, s.Date)
	}
	return out
}

func wantInvalid(t *testing.T, err error, field, key string) {
	t.Helper()
	var inv *InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("err = %v, want invalid %s: %q", err, field, key)
	}
	if inv.Field != field || inv.Message != key {
		t.Fatalf("err = %s: %q, want %s: %q", inv.Field, inv.Message, field, key)
	}
}

func TestSeriesSlotsAreFilledByPosts(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	s := azubiDienstag(t, ws)
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	if s.ID == 0 || s.Rule.Interval != 1 {
		t.Fatalf("saved series %+v", s)
	}
	slots, err := ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 31))
	if err != nil {
		t.Fatal(err)
	}
	want := []calendar.Date{date(2026, 3, 3), date(2026, 3, 10), date(2026, 3, 17), date(2026, 3, 24), date(2026, 3, 31)}
	if got := slotDates(slots); !slices.Equal(got, want) {
		t.Fatalf("slots %v, want %v", got, want)
	}
	first := slots[0]
	if first.Title != "Azubi-Dienstag" || first.Time != (Clock{10, 0}) || !slices.Equal(first.Channels, s.Channels) || first.TopicID != s.TopicID || !first.Note.IsZero() {
		t.Errorf("slot %+v", first)
	}

	p, err := ws.FillSlot(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.Title != "Azubi-Dienstag" || p.Caption != s.Caption || p.Notes != s.Notes || p.Status != StatusDraft ||
		*p.Date != first.Date || *p.Time != (Clock{10, 0}) || p.TopicID != s.TopicID || len(p.Channels) != 2 ||
		p.SeriesID != s.ID || *p.SeriesDate != first.Date {
		t.Fatalf("post from slot %+v", p)
	}
	stored, err := ws.Post(ctx, p.ID)
	if err != nil || stored.SeriesID != s.ID || stored.SeriesDate == nil || *stored.SeriesDate != first.Date {
		t.Fatalf("stored %+v, %v", stored, err)
	}
	changes, _ := ws.Changes(ctx, 0, 1)
	if !strings.Contains(changes[0].Summary, "aus der Serie „Azubi-Dienstag“") {
		t.Errorf("change log %q", changes[0].Summary)
	}

	slots, _ = ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 31))
	if got := slotDates(slots); !slices.Equal(got, want[1:]) {
		t.Fatalf("after filling: %v", got)
	}
	// A second click on the same slot (a stale calendar) is refused.
	_, err = ws.FillSlot(ctx, first)
	wantInvalid(t, err, "series", "This slot of the series is filled already.")

	// Moving the post keeps the slot filled.
	moved := date(2026, 3, 4)
	stored.Date = &moved
	if err := ws.UpdatePost(ctx, &stored); err != nil {
		t.Fatal(err)
	}
	slots, _ = ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 31))
	if slices.Contains(slotDates(slots), first.Date) {
		t.Error("moving the post freed its slot")
	}
	// Deleting it frees the slot again.
	if err := ws.DeletePost(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	slots, _ = ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 31))
	if got := slotDates(slots); !slices.Equal(got, want) {
		t.Fatalf("after deleting the post: %v", got)
	}
}

func TestChangingSeriesMovesOnlyFutureUnfilledSlots(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	s := azubiDienstag(t, ws)
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	slots, _ := ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 31))
	filled, err := ws.FillSlot(ctx, slots[0]) // 3 March
	if err != nil {
		t.Fatal(err)
	}
	stale := slots[2] // 17 March, drawn before the change

	// A week later the format moves to Thursday 11:00 on Instagram only.
	ws.now = func() time.Time { return time.Date(2026, 3, 9, 8, 0, 0, 0, calendar.GermanZone()) }
	s.Rule.Weekday = time.Thursday
	s.Rule.Hour = 11
	s.Title = "Azubi-Donnerstag"
	s.Channels = s.Channels[:1]
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	slots, err = ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 31))
	if err != nil {
		t.Fatal(err)
	}
	want := []calendar.Date{date(2026, 3, 12), date(2026, 3, 19), date(2026, 3, 26)}
	if got := slotDates(slots); !slices.Equal(got, want) {
		t.Fatalf("slots after change %v, want %v (none before today)", got, want)
	}
	if sl := slots[0]; sl.Time != (Clock{11, 0}) || sl.Title != "Azubi-Donnerstag" || len(sl.Channels) != 1 {
		t.Errorf("slot after change %+v", sl)
	}
	again, err := ws.Post(ctx, filled.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.Title != "Azubi-Dienstag" || *again.Date != date(2026, 3, 3) || *again.Time != (Clock{10, 0}) || len(again.Channels) != 2 || again.SeriesID != s.ID {
		t.Errorf("the post made before the change was changed: %+v", again)
	}
	_, err = ws.FillSlot(ctx, stale)
	wantInvalid(t, err, "series", "This day is no longer a date of the series.")
}

func TestSeriesRules(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 1, 1))
	ch, _ := testIDs(t, ws)
	end := date(2026, 2, 28)
	tests := []struct {
		name string
		rule calendar.Recurrence
		from calendar.Date
		to   calendar.Date
		want []calendar.Date
	}{
		{"every second Thursday", calendar.Recurrence{Interval: 2, Weekday: time.Thursday, Start: date(2026, 1, 8), Hour: 9}, date(2026, 1, 1), date(2026, 2, 28),
			[]calendar.Date{date(2026, 1, 8), date(2026, 1, 22), date(2026, 2, 5), date(2026, 2, 19)}},
		{"first Monday of the month", calendar.Recurrence{Kind: calendar.MonthlyNth, Nth: 1, Weekday: time.Monday, Start: date(2026, 1, 1), Hour: 8}, date(2026, 1, 1), date(2026, 4, 30),
			[]calendar.Date{date(2026, 1, 5), date(2026, 2, 2), date(2026, 3, 2), date(2026, 4, 6)}},
		{"last Friday is 29 February 2036", calendar.Recurrence{Kind: calendar.MonthlyNth, Nth: -1, Weekday: time.Friday, Start: date(2036, 1, 1)}, date(2036, 2, 1), date(2036, 3, 31),
			[]calendar.Date{date(2036, 2, 29), date(2036, 3, 28)}},
		{"weekly over 29 February 2028", calendar.Recurrence{Weekday: time.Tuesday, Start: date(2028, 2, 1)}, date(2028, 2, 20), date(2028, 3, 10),
			[]calendar.Date{date(2028, 2, 22), date(2028, 2, 29), date(2028, 3, 7)}},
		{"with a count", calendar.Recurrence{Weekday: time.Friday, Start: date(2026, 1, 2), Count: 3}, date(2026, 1, 1), date(2026, 12, 31),
			[]calendar.Date{date(2026, 1, 2), date(2026, 1, 9), date(2026, 1, 16)}},
		{"with an end", calendar.Recurrence{Weekday: time.Friday, Start: date(2026, 2, 13), End: &end}, date(2026, 1, 1), date(2026, 12, 31),
			[]calendar.Date{date(2026, 2, 13), date(2026, 2, 20), date(2026, 2, 27)}},
		{"no end runs to 2100 and stops there", calendar.Recurrence{Kind: calendar.MonthlyNth, Nth: 1, Weekday: time.Wednesday, Start: date(2026, 1, 1)}, date(2100, 11, 1), date(2101, 3, 1),
			[]calendar.Date{date(2100, 11, 3), date(2100, 12, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Series{Title: tt.name, Channels: ch[:1], Rule: tt.rule}
			if err := ws.SaveSeries(ctx, &s); err != nil {
				t.Fatal(err)
			}
			defer ws.DeleteSeries(ctx, s.ID)
			slots, err := ws.SeriesSlots(ctx, tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if got := slotDates(slots); !slices.Equal(got, tt.want) {
				t.Errorf("slots %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSeriesIn1995And2100(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(1995, 1, 1))
	s := Series{Title: "Neujahrsgruß", Rule: calendar.Recurrence{Kind: calendar.MonthlyNth, Nth: 1, Weekday: time.Monday, Start: date(1995, 1, 1), Hour: 9}}
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	slots, err := ws.SeriesSlots(ctx, date(1994, 12, 1), date(1995, 2, 28))
	if err != nil {
		t.Fatal(err)
	}
	if got := slotDates(slots); !slices.Equal(got, []calendar.Date{date(1995, 1, 2), date(1995, 2, 6)}) {
		t.Errorf("1995 slots %v", got)
	}
	p, err := ws.FillSlot(ctx, slots[0])
	if err != nil || *p.Date != date(1995, 1, 2) {
		t.Fatalf("fill 1995: %+v, %v", p, err)
	}
	// The last slot of the supported range can be filled; none lies beyond.
	slots, err = ws.SeriesSlots(ctx, date(2100, 12, 1), date(2101, 12, 31))
	if err != nil || len(slots) != 1 || slots[0].Date != date(2100, 12, 6) {
		t.Fatalf("2100 slots %v, %v", slotDates(slots), err)
	}
	if _, err := ws.FillSlot(ctx, slots[0]); err != nil {
		t.Fatal(err)
	}
}

func TestSeriesKeepsLocalTimeAcrossDST(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	s := Series{Title: "Sonntagsbild", Rule: calendar.Recurrence{Weekday: time.Sunday, Start: date(2026, 3, 1), Hour: 10}}
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	slots, err := ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 11, 30))
	if err != nil {
		t.Fatal(err)
	}
	offsets := map[int]bool{}
	for _, sl := range slots {
		at, note := sl.When()
		if at.Hour() != 10 || at.Minute() != 0 || !note.IsZero() || sl.Time != (Clock{10, 0}) {
			t.Fatalf("%v: %v (%q), want 10:00 local", sl.Date, at, note)
		}
		_, off := at.Zone()
		offsets[off] = true
	}
	if !offsets[3600] || !offsets[7200] {
		t.Errorf("offsets seen %v, want winter and summer time", offsets)
	}
	// The Sunday of the change itself: a post made from it is 10:00 CEST.
	i := slices.IndexFunc(slots, func(sl Slot) bool { return sl.Date == date(2026, 3, 29) })
	p, err := ws.FillSlot(ctx, slots[i])
	if err != nil {
		t.Fatal(err)
	}
	at, note, ok := p.When()
	if !ok || !note.IsZero() || at.Format("15:04 MST") != "10:00 CEST" {
		t.Errorf("post on 29.03.2026: %v %q", at, note)
	}
}

func TestSeriesInDSTGapAndOverlap(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	s := Series{Title: "Nachtschicht", Rule: calendar.Recurrence{Weekday: time.Sunday, Start: date(2026, 3, 1), Hour: 2, Minute: 30}}
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	slots, err := ws.SeriesSlots(ctx, date(2026, 3, 22), date(2026, 11, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, sl := range slots {
		at, note := sl.When()
		switch sl.Date {
		case date(2026, 3, 29): // 02:30 does not exist: 03:30 summer time
			if at.Format("15:04 MST") != "03:30 CEST" || !strings.Contains(de(sl.Note), "03:30") || de(sl.Note) != de(note) {
				t.Errorf("gap: %v, note %q", at, sl.Note)
			}
		case date(2026, 10, 25): // 02:30 twice: the first, still summer time
			if at.Format("15:04 MST") != "02:30 CEST" || !strings.Contains(de(sl.Note), "ersten Mal") {
				t.Errorf("overlap: %v, note %q", at, sl.Note)
			}
		default:
			if at.Format("15:04") != "02:30" || !sl.Note.IsZero() {
				t.Errorf("%v: %v, note %q", sl.Date, at, sl.Note)
			}
		}
	}
	// The post keeps the wall-clock time 02:30 and says what was chosen.
	i := slices.IndexFunc(slots, func(sl Slot) bool { return sl.Date == date(2026, 3, 29) })
	p, err := ws.FillSlot(ctx, slots[i])
	if err != nil {
		t.Fatal(err)
	}
	if p.Time.String() != "02:30" {
		t.Errorf("stored time %v", p.Time)
	}
	if at, note, _ := p.When(); at.Format("15:04") != "03:30" || note.IsZero() {
		t.Errorf("post in the gap: %v %q", at, note)
	}
}

func TestSeriesValidation(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	ch, _ := testIDs(t, ws)
	base := azubiDienstag(t, ws)
	mod := func(f func(*Series)) Series {
		s := base
		s.Channels = slices.Clone(base.Channels)
		f(&s)
		return s
	}
	before := date(2026, 3, 2)
	late := date(2101, 1, 1)
	tests := []struct {
		name  string
		s     Series
		field string
		key   string
	}{
		{"empty title", mod(func(s *Series) { s.Title = "  " }), "title", "Please give the series a title."},
		{"5000-character title", mod(func(s *Series) { s.Title = strings.Repeat("ä", 5000) }), "title", "The title is too long ({{.N}} characters, at most {{.Max}})."},
		{"ends before it starts", mod(func(s *Series) { s.Rule.End = &before }), "end", "The series ends before it starts."},
		{"no start", mod(func(s *Series) { s.Rule.Start = calendar.Date{} }), "start", "Please give the series a start date."},
		{"31 February", mod(func(s *Series) { s.Rule.Start = date(2026, 2, 31) }), "start", "The date must lie between {{.Min}} and {{.Max}}."},
		{"29 February 2100", mod(func(s *Series) { s.Rule.Start = date(2100, 2, 29) }), "start", "The date must lie between {{.Min}} and {{.Max}}."},
		{"start 1994", mod(func(s *Series) { s.Rule.Start = date(1994, 12, 31) }), "start", "The date must lie between {{.Min}} and {{.Max}}."},
		{"end 2101", mod(func(s *Series) { s.Rule.End = &late }), "end", "The date must lie between {{.Min}} and {{.Max}}."},
		{"interval 53", mod(func(s *Series) { s.Rule.Interval = 53 }), "interval", "The interval must be between 1 and {{.Max}}."},
		{"negative interval", mod(func(s *Series) { s.Rule.Interval = -1 }), "interval", "The interval must be between 1 and {{.Max}}."},
		{"count 1001", mod(func(s *Series) { s.Rule.Count = 1001 }), "count", "The number of dates must be between 0 and {{.Max}}."},
		{"negative count", mod(func(s *Series) { s.Rule.Count = -1 }), "count", "The number of dates must be between 0 and {{.Max}}."},
		{"6th Monday", mod(func(s *Series) { s.Rule.Kind = calendar.MonthlyNth; s.Rule.Nth = 6 }), "nth", "Please choose the 1st to 5th or the last weekday of the month."},
		{"monthly without nth", mod(func(s *Series) { s.Rule.Kind = calendar.MonthlyNth }), "nth", "Please choose the 1st to 5th or the last weekday of the month."},
		{"weekday 7", mod(func(s *Series) { s.Rule.Weekday = 7 }), "weekday", "Please choose a weekday."},
		{"unknown kind", mod(func(s *Series) { s.Rule.Kind = 5 }), "repeat", "Please choose how the series repeats: weekly or monthly."},
		{"24:00", mod(func(s *Series) { s.Rule.Hour = 24 }), "time", "The time must be written as HH:MM, e.g. 09:30."},
		{"channel twice", mod(func(s *Series) { s.Channels = []int64{ch[0], ch[0]} }), "channels", "A channel is listed twice."},
		{"channel gone", mod(func(s *Series) { s.Channels = []int64{ch[0], 999} }), "channels", "One of the chosen channels no longer exists."},
		{"topic gone", mod(func(s *Series) { s.TopicID = 999 }), "topic", "The chosen topic no longer exists."},
		{"unknown zone", mod(func(s *Series) { s.Zone = "Mars/Olympus" }), "zone", "Unknown time zone."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.s
			wantInvalid(t, ws.SaveSeries(ctx, &s), tt.field, tt.key)
		})
	}
	all, err := ws.Series(ctx)
	if err != nil || len(all) != 0 {
		t.Fatalf("refused series were stored: %v %v", all, err)
	}
	var inv *InvalidError
	s := mod(func(s *Series) { s.Title = strings.Repeat("x", 5000) })
	if errors.As(ws.SaveSeries(ctx, &s), &inv) && inv.Args["N"] != 5000 {
		t.Errorf("args %v", inv.Args)
	}
}

func TestSeriesCRUDAndDelete(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	s := azubiDienstag(t, ws)
	end := date(2026, 6, 30)
	s.Rule.End = &end
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	m := Series{Title: "Ratssitzung kompakt", Rule: calendar.Recurrence{Kind: calendar.MonthlyNth, Nth: -1, Weekday: time.Friday, Start: date(2026, 1, 1), Hour: 14, Minute: 15}}
	if err := ws.SaveSeries(ctx, &m); err != nil {
		t.Fatal(err)
	}
	all, err := ws.Series(ctx)
	if err != nil || len(all) != 2 {
		t.Fatalf("series %v %v", all, err)
	}
	got := all[0] // by title: Azubi… before Rats…
	if got.ID != s.ID || got.Rule.End == nil || *got.Rule.End != end || got.Rule.Hour != 10 || got.Rule.Weekday != time.Tuesday ||
		len(got.Channels) != 2 || got.Caption != s.Caption || got.Zone != DefaultZone || got.Created.IsZero() {
		t.Errorf("read back %+v", got)
	}
	if r := all[1].Rule; r.Kind != calendar.MonthlyNth || r.Nth != -1 || r.Minute != 15 || r.End != nil {
		t.Errorf("monthly read back %+v", r)
	}

	slots, _ := ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 31))
	var post Post
	for _, sl := range slots {
		if sl.SeriesID == s.ID {
			if post, err = ws.FillSlot(ctx, sl); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if err := ws.DeleteSeries(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	kept, err := ws.Post(ctx, post.ID)
	if err != nil || kept.SeriesID != 0 || kept.SeriesDate != nil || kept.Title != "Azubi-Dienstag" {
		t.Fatalf("post after deleting its series: %+v, %v", kept, err)
	}
	if err := ws.DeleteSeries(ctx, s.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if _, err := ws.FillSlot(ctx, slots[0]); !errors.Is(err, ErrNotFound) {
		t.Errorf("fill a slot of a deleted series: %v", err)
	}
	unknown := Series{ID: 999, Title: "x", Rule: s.Rule}
	if err := ws.SaveSeries(ctx, &unknown); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of a missing series: %v", err)
	}
	// A post cannot name a deleted series.
	kept.SeriesID, kept.SeriesDate = s.ID, kept.Date
	wantInvalid(t, ws.UpdatePost(ctx, &kept), "series", "The series no longer exists.")
}

func TestSeriesChannelDeletedKeepsSeries(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	extra := Channel{Name: "Bluesky", Platform: Bluesky}
	if err := ws.SaveChannel(ctx, &extra); err != nil {
		t.Fatal(err)
	}
	s := azubiDienstag(t, ws) // Instagram, Facebook, Bluesky
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	if err := ws.DeleteChannel(ctx, extra.ID); err != nil {
		t.Fatalf("a channel only a series uses can be deleted: %v", err)
	}
	slots, err := ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 10))
	if err != nil || len(slots) != 2 || len(slots[0].Channels) != 2 {
		t.Fatalf("slots after deleting a channel: %+v, %v", slots, err)
	}
	p, err := ws.FillSlot(ctx, slots[0])
	if err != nil || len(p.Channels) != 2 {
		t.Fatalf("fill after deleting a channel: %+v, %v", p, err)
	}
	// The stale series as the editor still holds it cannot be saved with
	// the deleted channel.
	wantInvalid(t, ws.SaveSeries(ctx, &s), "channels", "One of the chosen channels no longer exists.")
}

// A series that names a caption template fills its slots from it: title,
// text, the own texts of the channels the series posts to, hashtag set and
// the template remembered on the post.
func TestFillSlotFromTemplate(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(t, date(2026, 3, 1))
	ch, _ := testIDs(t, ws)
	x := Channel{Name: "X", Platform: X}
	if err := ws.SaveChannel(ctx, &x); err != nil {
		t.Fatal(err)
	}
	set := saveTemplate(t, ws, Template{Kind: KindHashtags, Name: "Ausbildung", Body: "#Ausbildung #Azubi"})
	tpl := saveTemplate(t, ws, Template{Kind: KindCaption, Name: "Azubi-Dienstag", Title: "Azubi-Dienstag: {Ausbildungsberuf}",
		Body: "Heute: {Ausbildungsberuf} in {Ort}\n\n{Hashtags}", HashtagSetID: set.ID,
		Variants: []TemplateVariant{{ch[1], "Facebook: {Ausbildungsberuf} {Link}"}, {x.ID, "Kurz für X"}}})
	snippet := saveTemplate(t, ws, Template{Kind: KindSnippet, Name: "Signatur", Body: "Ihre Stadt"})

	s := azubiDienstag(t, ws)
	s.Channels = ch // Instagram and Facebook, not X
	s.TemplateID = snippet.ID
	wantInvalid(t, ws.SaveSeries(ctx, &s), "template", "The chosen caption template no longer exists.")
	s.TemplateID = tpl.ID
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	all, _ := ws.Series(ctx)
	if len(all) != 1 || all[0].TemplateID != tpl.ID {
		t.Fatalf("stored series %+v", all)
	}
	slots, _ := ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 10))
	p, err := ws.FillSlot(ctx, slots[0])
	if err != nil {
		t.Fatal(err)
	}
	want := []PostChannel{{ChannelID: ch[0]}, {ChannelID: ch[1], Caption: "Facebook: {Ausbildungsberuf} {Link}"}}
	if p.Title != "Azubi-Dienstag: {Ausbildungsberuf}" || p.Caption != tpl.Body || p.Notes != s.Notes || p.TopicID != s.TopicID ||
		!slices.Equal(p.Channels, want) {
		t.Fatalf("post %+v", p)
	}
	stored, err := ws.Post(ctx, p.ID)
	if err != nil || !slices.Equal(stored.Channels, want) || stored.Caption != tpl.Body {
		t.Fatalf("stored %+v, %v", stored, err)
	}
	for _, got := range []Post{p, stored} {
		if got.HashtagSetID != set.ID || got.TemplateID != tpl.ID {
			t.Errorf("post's hashtag set %d, template %d; want %d, %d", got.HashtagSetID, got.TemplateID, set.ID, tpl.ID)
		}
	}

	// A template without a title keeps the series' title.
	tpl.Title = ""
	if err := ws.SaveTemplate(ctx, &tpl); err != nil {
		t.Fatal(err)
	}
	p2, err := ws.FillSlot(ctx, slots[1])
	if err != nil || p2.Title != "Azubi-Dienstag" || p2.Caption != tpl.Body {
		t.Fatalf("untitled template: %+v, %v", p2, err)
	}
	// Deleting the template leaves the series without one: its slots are
	// filled from the series' own text again.
	if err := ws.DeleteTemplate(ctx, tpl.ID); err != nil {
		t.Fatal(err)
	}
	all, _ = ws.Series(ctx)
	if all[0].TemplateID != 0 {
		t.Errorf("series still names the deleted template")
	}
	slots, _ = ws.SeriesSlots(ctx, date(2026, 3, 1), date(2026, 3, 31))
	p3, err := ws.FillSlot(ctx, slots[0])
	if err != nil || p3.Caption != s.Caption || p3.Channels[1].Caption != "" || p3.HashtagSetID != 0 || p3.TemplateID != 0 {
		t.Fatalf("after delete: %+v, %v", p3, err)
	}
}
