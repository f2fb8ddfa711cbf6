package data

import (
	"context"
	"slices"
	"strings"
	"time"

	"feedtakt/data/calendar"
	"feedtakt/data/caption"
)

// The agenda ("Heute und diese Woche"): the posts still to go out in a few
// days, each with what it still lacks, and those whose time has passed
// without being marked published. It words nothing and decides no rule of
// its own: the picture rule is LacksPicture, the alt-text finding comes
// from ReviewPosts, the consent and licence rule from ClearPosts.

// Missing is one thing a post still lacks before it can go out.
type Missing string

// The things a post can lack, in the order an agenda row names them.
const (
	MissingText     Missing = "text"     // no caption, neither shared nor a channel's own
	MissingPicture  Missing = "picture"  // a channel needs a picture and none is linked (LacksPicture)
	MissingTime     Missing = "time"     // no clock time on its day
	MissingApproval Missing = "approval" // not Freigegeben yet
	MissingAltText  Missing = "alt-text" // a picture lacks its Bildbeschreibung for a channel
	MissingConsent  Missing = "consent"  // a person shown has no valid consent for it (blocks)
	MissingLicence  Missing = "licence"  // a picture's licence has run out (blocks)
)

// AgendaItem is one post of the agenda with what it still lacks.
type AgendaItem struct {
	Post    Post
	Missing []Missing // in the order of the Missing constants; empty: ready
	// Overdue: the post's time has passed (a post without a time: its
	// day has) and it is not marked published.
	Overdue bool
}

// Lacks reports whether the item lacks m.
func (a AgendaItem) Lacks(m Missing) bool { return slices.Contains(a.Missing, m) }

// Agenda returns the posts dated from..to (both included) that are still
// to go out (neither published nor discarded), with what each lacks and
// whether its time has passed at now: the overdue ones first, oldest
// first, then the others in day and time order. Pass from a few days
// before today to see what was missed, to the end of the week to see what
// comes.
func (w *Workspace) Agenda(ctx context.Context, from, to calendar.Date, now time.Time) ([]AgendaItem, error) {
	all, err := w.PostsBetween(ctx, from, to)
	if err != nil {
		return nil, err
	}
	var posts []Post
	for _, p := range all {
		if Planned(p) {
			posts = append(posts, p)
		}
	}
	if len(posts) == 0 {
		return nil, nil
	}
	noPicture, err := w.postsLackingPicture(ctx, posts)
	if err != nil {
		return nil, err
	}
	findings, err := w.ReviewPosts(ctx, posts)
	if err != nil {
		return nil, err
	}
	checks, err := w.ClearPosts(ctx, posts)
	if err != nil {
		return nil, err
	}
	out := make([]AgendaItem, 0, len(posts))
	for _, p := range posts {
		out = append(out, AgendaItem{
			Post:    p,
			Missing: missingOf(p, noPicture[p.ID], findings[p.ID], checks[p.ID]),
			Overdue: Passed(p, now),
		})
	}
	// PostsBetween gives day and time order; overdue ones go first.
	slices.SortStableFunc(out, func(a, b AgendaItem) int {
		switch {
		case a.Overdue == b.Overdue:
			return 0
		case a.Overdue:
			return -1
		}
		return 1
	})
	return out, nil
}

// postsLackingPicture is LacksPicture for posts, with one query.
func (w *Workspace) postsLackingPicture(ctx context.Context, posts []Post) (map[int64]bool, error) {
	channels, err := w.Channels(ctx)
	if err != nil {
		return nil, err
	}
	platforms := make(map[int64]Platform, len(channels))
	for _, c := range channels {
		platforms[c.ID] = c.Platform
	}
	platformOf := func(id int64) (Platform, bool) { p, ok := platforms[id]; return p, ok }
	var ids []int64 // only the posts whose channels need a picture
	for _, p := range posts {
		if LacksPicture(p, true, platformOf) {
			ids = append(ids, p.ID)
		}
	}
	without, err := w.PostsWithoutPicture(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := map[int64]bool{}
	for _, p := range posts {
		if LacksPicture(p, without[p.ID], platformOf) {
			out[p.ID] = true
		}
	}
	return out, nil
}

// missingOf lists what p lacks, from the answers of the rules.
func missingOf(p Post, noPicture bool, fs []ReviewFinding, check PostCheck) []Missing {
	var out []Missing
	if !hasText(p) {
		out = append(out, MissingText)
	}
	if noPicture {
		out = append(out, MissingPicture)
	}
	if p.Time == nil {
		out = append(out, MissingTime)
	}
	if p.Status != StatusApproved {
		out = append(out, MissingApproval)
	}
	if slices.ContainsFunc(fs, func(f ReviewFinding) bool { return f.Code == caption.CodeAltMissing }) {
		out = append(out, MissingAltText)
	}
	var consent, licence bool
	for _, f := range check.Blocking() {
		if f.Reason == ReasonLicenceExpired {
			licence = true
		} else {
			consent = true
		}
	}
	if consent {
		out = append(out, MissingConsent)
	}
	if licence {
		out = append(out, MissingLicence)
	}
	return out
}

// hasText reports whether p has a caption, shared or a channel's own.
func hasText(p Post) bool {
	if strings.TrimSpace(p.Caption) != "" {
		return true
	}
	return slices.ContainsFunc(p.Channels, func(c PostChannel) bool { return strings.TrimSpace(c.Caption) != "" })
}

// PlannedAt is the instant p is planned for, in its zone; ok is false for
// an idea or a post without a time.
func PlannedAt(p Post) (at time.Time, ok bool) {
	if p.Date == nil || p.Time == nil {
		return time.Time{}, false
	}
	loc := WorkspaceZone()
	if p.Zone != "" {
		loc = postZone(p.Zone)
	}
	d := *p.Date
	return time.Date(d.Year, d.Month, d.Day, p.Time.Hour, p.Time.Minute, 0, 0, loc), true
}

// Passed reports whether p's time lies before now: its planned instant,
// or for a post without a time its whole day (in the workspace zone). An
// idea has not passed.
func Passed(p Post, now time.Time) bool {
	if p.Date == nil {
		return false
	}
	if at, ok := PlannedAt(p); ok {
		return at.Before(now)
	}
	return p.Date.Before(Today(now))
}
