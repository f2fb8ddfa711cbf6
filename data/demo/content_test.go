package demo

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	demoassets "feedtakt/assets/demo"
)

// newTestContent loads the embedded demo content or fails the test.
func newTestContent(t *testing.T) Content {
	t.Helper()
	c, err := Load(demoassets.JSON)
	if err != nil {
		t.Fatalf("Load(embedded demo.json): %v", err)
	}
	return c
}

func TestLoadEmbedded(t *testing.T) {
	c := newTestContent(t)
	if c.Bundesland != "NI" || c.Person != "Demo-Redaktion" || c.Organisation == "" {
		t.Errorf("header = %q, %q, %q", c.Organisation, c.Bundesland, c.Person)
	}
	if len(c.Channels) != 4 || len(c.Topics) != 6 {
		t.Errorf("%d channels, %d topics; want 4 and 6", len(c.Channels), len(c.Topics))
	}
	if n := len(c.Pictures); n < 10 || n > 14 {
		t.Errorf("%d pictures, want 10-14", n)
	}
	if n := len(c.Posts); n < 35 || n > 45 {
		t.Errorf("%d posts, want 40±5", n)
	}
	byStatus := map[string]int{}
	ideas := 0
	for _, p := range c.Posts {
		byStatus[p.Status]++
		if p.IsIdea() {
			ideas++
		}
		if p.DayOffset != nil && (*p.DayOffset < -20 || *p.DayOffset > 65) {
			t.Errorf("post %q: day_offset %d outside -20..65", p.Title, *p.DayOffset)
		}
		if p.DayOffset != nil && *p.DayOffset > 0 && !slices.Contains([]string{StatusDraft, StatusReview, StatusApproved, StatusDiscarded}, p.Status) {
			t.Errorf("future post %q has status %q", p.Title, p.Status)
		}
	}
	for _, s := range Statuses {
		if byStatus[s] == 0 {
			t.Errorf("no post with status %q", s)
		}
	}
	if ideas < 6 || ideas > 8 {
		t.Errorf("%d ideas, want 6-8", ideas)
	}
	kinds := map[string]bool{}
	for _, p := range c.Pictures {
		kinds[p.Kind] = true
	}
	for _, k := range Kinds() {
		if !kinds[k] {
			t.Errorf("no demo picture of kind %q", k)
		}
	}
}

// The cadence warning needs something to warn about: the demo plan has a
// gap of at least nine days in the next two months.
func TestEmbeddedPlanHasGap(t *testing.T) {
	c := newTestContent(t)
	var days []int
	for _, p := range c.Posts {
		if p.DayOffset != nil && *p.DayOffset >= 0 && p.Status != StatusDiscarded {
			days = append(days, *p.DayOffset)
		}
	}
	slices.Sort(days)
	longest := 0
	for i := 1; i < len(days); i++ {
		longest = max(longest, days[i]-days[i-1])
	}
	if longest < 9 {
		t.Errorf("longest gap in the plan is %d days, want at least 9", longest)
	}
	if perWeek := float64(len(days)) / (65.0 / 7); perWeek < 2 || perWeek > 4 {
		t.Errorf("%.1f planned posts a week, want about 2-3", perWeek)
	}
}

func TestLoadRejects(t *testing.T) {
	valid := newTestContent(t)
	tests := []struct {
		name   string
		change func(c *Content)
		want   string
	}{
		{"dangling topic", func(c *Content) { c.Posts[0].Topic = "Gibt es nicht" }, `unknown topic "Gibt es nicht"`},
		{"dangling channel", func(c *Content) { c.Posts[1].Channels = append(c.Posts[1].Channels, "TikTok") }, `unknown channel "TikTok"`},
		{"dangling picture", func(c *Content) { c.Posts[0].Pictures = []string{"fehlt-1"} }, `unknown picture "fehlt-1"`},
		{"unknown status", func(c *Content) { c.Posts[0].Status = "online" }, `unknown status "online"`},
		{"bad time", func(c *Content) { c.Posts[0].Time = "25:99" }, `time "25:99"`},
		{"idea with date", func(c *Content) { c.Posts[len(c.Posts)-1].DayOffset = new(int) }, "an idea has no day_offset"},
		{"published in future", func(c *Content) { d := 3; c.Posts[0].DayOffset = &d }, "published but dated today or later"},
		{"three channels", func(c *Content) { c.Channels = c.Channels[:3] }, "3 channels, want 4"},
		{"unknown platform", func(c *Content) { c.Channels[0].Platform = "myspace" }, `unknown platform "myspace"`},
		{"bad colour", func(c *Content) { c.Topics[0].Color = "blau" }, `colour "blau"`},
		{"unknown kind", func(c *Content) { c.Pictures[0].Kind = "schloss" }, `unknown kind "schloss"`},
		{"duplicate topic", func(c *Content) { c.Topics[1].Name = c.Topics[0].Name }, "duplicate name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestContent(t)
			tt.change(&c)
			b, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Load(b)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Load = %v, want ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
	// The unchanged content survives the same round trip.
	b, err := json.Marshal(valid)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(b); err != nil {
		t.Errorf("round trip of valid content: %v", err)
	}
}

func TestLoadBrokenJSON(t *testing.T) {
	for _, in := range []string{
		``,
		`{"organisation": "x",`,
		`[]`,
		`{"organisation": "x", "unbekannt": 1}`,
		string(demoassets.JSON) + `{}`,
	} {
		if _, err := Load([]byte(in)); err == nil {
			t.Errorf("Load(%.40q) succeeded, want an error", in)
		}
	}
}

func TestPostDate(t *testing.T) {
	today := time.Date(2026, 3, 1, 8, 15, 0, 0, time.UTC)
	off := -1
	p := Post{DayOffset: &off, Time: "10:30"}
	got, ok := p.Date(today)
	if want := time.Date(2026, 2, 28, 10, 30, 0, 0, time.UTC); !ok || !got.Equal(want) {
		t.Errorf("Date = %v, %v; want %v", got, ok, want)
	}
	p.Time = ""
	if got, _ := p.Date(today); got.Hour() != 0 || got.Minute() != 0 {
		t.Errorf("Date without time = %v, want midnight", got)
	}
	if _, _, ok := p.Clock(); ok {
		t.Error("Clock of a post without time reports ok")
	}
	if _, ok := (Post{}).Date(today); ok {
		t.Error("an idea has a date")
	}
}
