// Package demo holds what a demo workspace is made of: the parsed and
// validated content of the fictional Landesamt (channels, topics, pictures,
// posts; the JSON lives in feedtakt/assets/demo) and a generator that draws
// the demo pictures procedurally, so the app ships no photos of real people
// or places. It uses the standard library only.
package demo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Post statuses as they appear in the JSON, in workflow order.
const (
	StatusIdea      = "idea"
	StatusDraft     = "draft"
	StatusReview    = "review"
	StatusApproved  = "approved"
	StatusPublished = "published"
	StatusDiscarded = "discarded"
)

// Statuses lists every known post status in workflow order.
var Statuses = []string{StatusIdea, StatusDraft, StatusReview, StatusApproved, StatusPublished, StatusDiscarded}

// Platforms lists the platform codes a channel may have.
var Platforms = []string{"instagram", "tiktok", "facebook", "linkedin", "youtube", "mastodon", "x", "bluesky", "threads", "website", "newsletter", "print", "other"}

// Cadence periods a channel target may count over.
const (
	PeriodWeek  = "week"
	PeriodMonth = "month"
)

// bundeslaender are the ISO 3166-2:DE subdivision codes without "DE-".
var bundeslaender = []string{"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"}

// Expected sizes of the demo content.
const (
	wantChannels = 4
	wantTopics   = 6
	// maxOffset bounds day_offset so a typo cannot place a post decades away.
	maxOffset = 366
)

// Content is the demo workspace: who runs it and what is planned.
type Content struct {
	Organisation string        `json:"organisation"`
	Bundesland   string        `json:"bundesland"` // ISO code without "DE-", e.g. "NI"; selects public holidays
	Person       string        `json:"person"`     // name shown in the change log and the workspace lock
	Channels     []Channel     `json:"channels"`
	Topics       []Topic       `json:"topics"`
	Pictures     []PictureSpec `json:"pictures"`
	Posts        []Post        `json:"posts"`
}

// Channel is a social media account or publication outlet with its cadence
// target (CadenceCount posts per CadencePeriod).
type Channel struct {
	Name          string `json:"name"`
	Platform      string `json:"platform"` // one of Platforms
	Handle        string `json:"handle"`
	Color         string `json:"color"` // "#RRGGBB"
	CadenceCount  int    `json:"cadence_count"`
	CadencePeriod string `json:"cadence_period"` // PeriodWeek or PeriodMonth
}

// Topic is a Rubrik with its colour ("#RRGGBB").
type Topic struct {
	Name  string `json:"name"`
	Color string `json:"color"`
}

// PictureSpec describes one demo picture: which motif to draw with which
// seed, and the media metadata the library shows for it.
type PictureSpec struct {
	Name    string `json:"name"` // unique; posts refer to it
	Kind    string `json:"kind"` // one of Kinds()
	Seed    int64  `json:"seed"`
	Title   string `json:"title"`
	AltText string `json:"alt_text"`
	Credit  string `json:"credit"`
}

// Render draws the picture at w x h pixels.
func (p PictureSpec) Render(w, h int) (image.Image, error) {
	return Picture(p.Kind, p.Seed, w, h)
}

// Post is a planned, published or discarded post, or an idea when DayOffset
// is nil. Dates are relative so the demo always looks current.
type Post struct {
	Title         string   `json:"title"`
	Caption       string   `json:"caption"`
	Notes         string   `json:"notes"`
	DayOffset     *int     `json:"day_offset"` // days after the day the demo is created; nil for an idea
	Time          string   `json:"time"`       // "HH:MM" or "" for no time of day
	Status        string   `json:"status"`     // one of Statuses
	Topic         string   `json:"topic"`
	Channels      []string `json:"channels"`
	Pictures      []string `json:"pictures"`
	PublishedLink string   `json:"published_link,omitempty"`
}

// IsIdea reports whether the post has no date and belongs in the idea board.
func (p Post) IsIdea() bool { return p.DayOffset == nil }

// Clock returns the post's time of day; ok is false when it has none.
func (p Post) Clock() (hour, minute int, ok bool) {
	if p.Time == "" {
		return 0, 0, false
	}
	t, err := time.Parse("15:04", p.Time)
	if err != nil {
		return 0, 0, false
	}
	return t.Hour(), t.Minute(), true
}

// Date returns the post's calendar day relative to today, at its time of
// day if it has one (else midnight), in today's location. ok is false for
// an idea. Adding days by calendar keeps 10:00 at 10:00 across DST changes.
func (p Post) Date(today time.Time) (t time.Time, ok bool) {
	if p.DayOffset == nil {
		return time.Time{}, false
	}
	h, m, _ := p.Clock()
	y, mo, d := today.Date()
	return time.Date(y, mo, d+*p.DayOffset, h, m, 0, 0, today.Location()), true
}

// ErrInvalid wraps every validation problem Load finds.
var ErrInvalid = errors.New("demo: invalid content")

var (
	colorRE = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	clockRE = regexp.MustCompile(`^[0-2][0-9]:[0-5][0-9]$`)
)

// Load parses demo content JSON and validates it: the expected number of
// channels and topics, known platforms, statuses and picture kinds, valid
// colours and times, unique names, and that every topic, channel and picture
// a post names exists. All problems are reported together.
func Load(b []byte) (Content, error) {
	var c Content
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Content{}, fmt.Errorf("demo: parse content: %w", err)
	}
	if dec.More() {
		return Content{}, errors.New("demo: parse content: trailing data after the JSON object")
	}
	if err := c.validate(); err != nil {
		return Content{}, err
	}
	return c, nil
}

// validate collects every problem in the content.
func (c *Content) validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...))
	}
	if strings.TrimSpace(c.Organisation) == "" {
		bad("organisation is empty")
	}
	if !slices.Contains(bundeslaender, c.Bundesland) {
		bad("unknown bundesland %q", c.Bundesland)
	}
	if strings.TrimSpace(c.Person) == "" {
		bad("person is empty")
	}

	if len(c.Channels) != wantChannels {
		bad("%d channels, want %d", len(c.Channels), wantChannels)
	}
	channels := map[string]bool{}
	for i, ch := range c.Channels {
		where := fmt.Sprintf("channel %d (%q)", i+1, ch.Name)
		switch {
		case strings.TrimSpace(ch.Name) == "":
			bad("%s: empty name", where)
		case channels[ch.Name]:
			bad("%s: duplicate name", where)
		}
		channels[ch.Name] = true
		if !slices.Contains(Platforms, ch.Platform) {
			bad("%s: unknown platform %q", where, ch.Platform)
		}
		if !colorRE.MatchString(ch.Color) {
			bad("%s: colour %q is not #RRGGBB", where, ch.Color)
		}
		if ch.CadenceCount < 0 {
			bad("%s: negative cadence_count", where)
		}
		if ch.CadencePeriod != PeriodWeek && ch.CadencePeriod != PeriodMonth {
			bad("%s: cadence_period %q is not %q or %q", where, ch.CadencePeriod, PeriodWeek, PeriodMonth)
		}
	}

	if len(c.Topics) != wantTopics {
		bad("%d topics, want %d", len(c.Topics), wantTopics)
	}
	topics := map[string]bool{}
	colours := map[string]bool{}
	for i, t := range c.Topics {
		where := fmt.Sprintf("topic %d (%q)", i+1, t.Name)
		switch {
		case strings.TrimSpace(t.Name) == "":
			bad("%s: empty name", where)
		case topics[t.Name]:
			bad("%s: duplicate name", where)
		}
		topics[t.Name] = true
		if !colorRE.MatchString(t.Color) {
			bad("%s: colour %q is not #RRGGBB", where, t.Color)
		} else if colours[strings.ToUpper(t.Color)] {
			bad("%s: colour %s is used by another topic", where, t.Color)
		}
		colours[strings.ToUpper(t.Color)] = true
	}

	pictures := map[string]bool{}
	for i, p := range c.Pictures {
		where := fmt.Sprintf("picture %d (%q)", i+1, p.Name)
		switch {
		case strings.TrimSpace(p.Name) == "":
			bad("%s: empty name", where)
		case pictures[p.Name]:
			bad("%s: duplicate name", where)
		}
		pictures[p.Name] = true
		if _, ok := motifs[p.Kind]; !ok {
			bad("%s: unknown kind %q", where, p.Kind)
		}
		if strings.TrimSpace(p.Title) == "" || strings.TrimSpace(p.AltText) == "" || strings.TrimSpace(p.Credit) == "" {
			bad("%s: title, alt_text and credit are required", where)
		}
	}

	for i, p := range c.Posts {
		where := fmt.Sprintf("post %d (%q)", i+1, p.Title)
		if strings.TrimSpace(p.Title) == "" {
			bad("%s: empty title", where)
		}
		if !slices.Contains(Statuses, p.Status) {
			bad("%s: unknown status %q", where, p.Status)
		}
		if p.Time != "" {
			if _, _, ok := p.Clock(); !ok || !clockRE.MatchString(p.Time) {
				bad("%s: time %q is not HH:MM", where, p.Time)
			}
		}
		switch {
		case p.Status == StatusIdea && p.DayOffset != nil:
			bad("%s: an idea has no day_offset", where)
		case p.Status != StatusIdea && p.DayOffset == nil:
			bad("%s: status %q needs a day_offset", where, p.Status)
		case p.DayOffset != nil && (*p.DayOffset < -maxOffset || *p.DayOffset > maxOffset):
			bad("%s: day_offset %d out of range", where, *p.DayOffset)
		}
		if p.Status == StatusPublished {
			if p.DayOffset != nil && *p.DayOffset >= 0 {
				bad("%s: published but dated today or later", where)
			}
			if !strings.HasPrefix(p.PublishedLink, "https://") {
				bad("%s: published without an https published_link", where)
			}
		} else if p.PublishedLink != "" {
			bad("%s: published_link on a post that is %q", where, p.Status)
		}
		if !topics[p.Topic] {
			bad("%s: unknown topic %q", where, p.Topic)
		}
		if len(p.Channels) == 0 {
			bad("%s: no channel", where)
		}
		for _, name := range p.Channels {
			if !channels[name] {
				bad("%s: unknown channel %q", where, name)
			}
		}
		for _, name := range p.Pictures {
			if !pictures[name] {
				bad("%s: unknown picture %q", where, name)
			}
		}
	}
	return errors.Join(errs...)
}
