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

// problems collects what is wrong with the content, one error per finding.
type problems []error

func (ps *problems) bad(format string, args ...any) {
	*ps = append(*ps, fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...))
}

// name checks that a name is present and not used before in its list.
func (ps *problems) name(where, name string, seen map[string]bool) {
	switch {
	case strings.TrimSpace(name) == "":
		ps.bad("%s: empty name", where)
	case seen[name]:
		ps.bad("%s: duplicate name", where)
	}
	seen[name] = true
}

// validate collects every problem in the content.
func (c *Content) validate() error {
	var ps problems
	if strings.TrimSpace(c.Organisation) == "" {
		ps.bad("organisation is empty")
	}
	if !slices.Contains(bundeslaender, c.Bundesland) {
		ps.bad("unknown bundesland %q", c.Bundesland)
	}
	if strings.TrimSpace(c.Person) == "" {
		ps.bad("person is empty")
	}
	channels := c.validateChannels(&ps)
	topics := c.validateTopics(&ps)
	pictures := c.validatePictures(&ps)
	for i, p := range c.Posts {
		p.validate(&ps, fmt.Sprintf("post %d (%q)", i+1, p.Title), channels, topics, pictures)
	}
	return errors.Join(ps...)
}

func (c *Content) validateChannels(ps *problems) map[string]bool {
	if len(c.Channels) != wantChannels {
		ps.bad("%d channels, want %d", len(c.Channels), wantChannels)
	}
	channels := map[string]bool{}
	for i, ch := range c.Channels {
		where := fmt.Sprintf("channel %d (%q)", i+1, ch.Name)
		ps.name(where, ch.Name, channels)
		if !slices.Contains(Platforms, ch.Platform) {
			ps.bad("%s: unknown platform %q", where, ch.Platform)
		}
		if !colorRE.MatchString(ch.Color) {
			ps.bad("%s: colour %q is not #RRGGBB", where, ch.Color)
		}
		if ch.CadenceCount < 0 {
			ps.bad("%s: negative cadence_count", where)
		}
		if ch.CadencePeriod != PeriodWeek && ch.CadencePeriod != PeriodMonth {
			ps.bad("%s: cadence_period %q is not %q or %q", where, ch.CadencePeriod, PeriodWeek, PeriodMonth)
		}
	}
	return channels
}

func (c *Content) validateTopics(ps *problems) map[string]bool {
	if len(c.Topics) != wantTopics {
		ps.bad("%d topics, want %d", len(c.Topics), wantTopics)
	}
	topics := map[string]bool{}
	colours := map[string]bool{}
	for i, t := range c.Topics {
		where := fmt.Sprintf("topic %d (%q)", i+1, t.Name)
		ps.name(where, t.Name, topics)
		if !colorRE.MatchString(t.Color) {
			ps.bad("%s: colour %q is not #RRGGBB", where, t.Color)
		} else if colours[strings.ToUpper(t.Color)] {
			ps.bad("%s: colour %s is used by another topic", where, t.Color)
		}
		colours[strings.ToUpper(t.Color)] = true
	}
	return topics
}

func (c *Content) validatePictures(ps *problems) map[string]bool {
	pictures := map[string]bool{}
	for i, p := range c.Pictures {
		where := fmt.Sprintf("picture %d (%q)", i+1, p.Name)
		ps.name(where, p.Name, pictures)
		if _, ok := motifs[p.Kind]; !ok {
			ps.bad("%s: unknown kind %q", where, p.Kind)
		}
		if strings.TrimSpace(p.Title) == "" || strings.TrimSpace(p.AltText) == "" || strings.TrimSpace(p.Credit) == "" {
			ps.bad("%s: title, alt_text and credit are required", where)
		}
	}
	return pictures
}

// validate checks one post against the rules and the names defined above it.
func (p Post) validate(ps *problems, where string, channels, topics, pictures map[string]bool) {
	if strings.TrimSpace(p.Title) == "" {
		ps.bad("%s: empty title", where)
	}
	if !slices.Contains(Statuses, p.Status) {
		ps.bad("%s: unknown status %q", where, p.Status)
	}
	if p.Time != "" {
		if _, _, ok := p.Clock(); !ok || !clockRE.MatchString(p.Time) {
			ps.bad("%s: time %q is not HH:MM", where, p.Time)
		}
	}
	p.validateDay(ps, where)
	if !topics[p.Topic] {
		ps.bad("%s: unknown topic %q", where, p.Topic)
	}
	if len(p.Channels) == 0 {
		ps.bad("%s: no channel", where)
	}
	for _, name := range p.Channels {
		if !channels[name] {
			ps.bad("%s: unknown channel %q", where, name)
		}
	}
	for _, name := range p.Pictures {
		if !pictures[name] {
			ps.bad("%s: unknown picture %q", where, name)
		}
	}
}

// validateDay checks the day offset against the status: ideas have none,
// published posts lie in the past and carry their link.
func (p Post) validateDay(ps *problems, where string) {
	switch {
	case p.Status == StatusIdea && p.DayOffset != nil:
		ps.bad("%s: an idea has no day_offset", where)
	case p.Status != StatusIdea && p.DayOffset == nil:
		ps.bad("%s: status %q needs a day_offset", where, p.Status)
	case p.DayOffset != nil && (*p.DayOffset < -maxOffset || *p.DayOffset > maxOffset):
		ps.bad("%s: day_offset %d out of range", where, *p.DayOffset)
	}
	if p.Status == StatusPublished {
		if p.DayOffset != nil && *p.DayOffset >= 0 {
			ps.bad("%s: published but dated today or later", where)
		}
		if !strings.HasPrefix(p.PublishedLink, "https://") {
			ps.bad("%s: published without an https published_link", where)
		}
	} else if p.PublishedLink != "" {
		ps.bad("%s: published_link on a post that is %q", where, p.Status)
	}
}
