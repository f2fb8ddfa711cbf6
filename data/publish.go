package data

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/data/calendar"
)

// The hour of posting: she posts by hand in the platforms' own apps and
// marks each channel here when it went out (Posten view). A post whose
// every channel is marked is Veröffentlicht.

// MarkPublished marks channel channelID of post postID as posted at at
// (the zero time = now), with the address of the post on the platform
// (link, optional; http or https). When every channel of the post is
// marked, the post becomes Veröffentlicht, with PublishedOn the day of the
// latest mark and PublishedLink the first link in channel order; that
// status change passes the same approval rule as any other (consent and
// the blocking checks before posting, see checkApproval), so the last mark
// is refused with a *ClearanceError or *ReviewError and nothing is stored.
// Marking a channel again replaces its mark. The change is logged.
func (w *Workspace) MarkPublished(ctx context.Context, postID, channelID int64, link string, at time.Time) error {
	link, err := checkPublishedLink(link)
	if err != nil {
		return err
	}
	now := w.now()
	if at.IsZero() {
		at = now
	}
	if at.After(now.Add(time.Minute)) {
		return invalid("published", "The time of posting lies in the future. Enter when the post went out.")
	}
	return w.write(ctx, "mark post published", func(tx *sql.Tx) error {
		p, i, err := postAndChannel(ctx, tx, postID, channelID)
		if err != nil {
			return err
		}
		switch {
		case p.Status == StatusDiscarded:
			return invalid("status", "A discarded post cannot be marked as published.")
		case p.Date == nil:
			return invalid("status", "An idea cannot be marked as published. Give it a day first.")
		}
		old := p
		old.Channels = append([]PostChannel(nil), p.Channels...)
		stored := formatMark(at, p.Zone)
		p.Channels[i].PublishedLink = link
		p.Channels[i].PublishedAt, _ = parseMark(stored, p.Zone) // to the minute, as stored
		if _, err := tx.ExecContext(ctx, `UPDATE post_channels SET published_link = ?, published_at = ? WHERE post_id = ? AND channel_id = ?`,
			link, stored, postID, channelID); err != nil {
			return err
		}
		summarisePublished(&p)
		if p.Status != old.Status || nullDate(p.PublishedOn) != nullDate(old.PublishedOn) || p.PublishedLink != old.PublishedLink {
			if err := w.updatePost(ctx, tx, &p); err != nil {
				return err
			}
			if approving(&old, p, false) {
				if err := w.checkApproval(ctx, tx, p.ID); err != nil {
					return err
				}
			}
		}
		name, err := channelName(ctx, tx, channelID)
		if err != nil {
			return err
		}
		summary := "Beitrag " + p.describe() + " auf " + name + " als veröffentlicht markiert (" +
			p.Channels[i].PublishedAt.Format("02.01.2006 15:04") + ")"
		if old.Status != p.Status {
			summary += ", Status " + old.Status.German() + " → " + p.Status.German()
		}
		return w.logChange(ctx, tx, "update", "post", p.ID, summary)
	})
}

// UnmarkPublished takes the mark off one channel of a post (marked by
// mistake). A Veröffentlicht post goes back to Freigegeben, without its
// day of publishing. It is not checked again: it was approved before it
// went out, and refusing to correct a record would keep a wrong one.
// Unmarking a channel that is not marked does nothing.
func (w *Workspace) UnmarkPublished(ctx context.Context, postID, channelID int64) error {
	return w.write(ctx, "unmark post published", func(tx *sql.Tx) error {
		p, i, err := postAndChannel(ctx, tx, postID, channelID)
		if err != nil {
			return err
		}
		if !p.Channels[i].Published() {
			return nil
		}
		oldStatus, oldLink := p.Status, p.Channels[i].PublishedLink
		if _, err := tx.ExecContext(ctx, `UPDATE post_channels SET published_link = '', published_at = '' WHERE post_id = ? AND channel_id = ?`,
			postID, channelID); err != nil {
			return err
		}
		p.Channels[i].PublishedLink, p.Channels[i].PublishedAt = "", time.Time{}
		if p.Status == StatusPublished {
			p.Status, p.PublishedOn = StatusApproved, nil
			if p.PublishedLink == oldLink {
				p.PublishedLink = "" // it came from this mark (a link typed in the editor stays)
			}
			if err := w.updatePost(ctx, tx, &p); err != nil {
				return err
			}
		}
		name, err := channelName(ctx, tx, channelID)
		if err != nil {
			return err
		}
		summary := "Beitrag " + p.describe() + " auf " + name + ": Markierung „veröffentlicht“ entfernt"
		if oldStatus != p.Status {
			summary += ", Status " + oldStatus.German() + " → " + p.Status.German()
		}
		return w.logChange(ctx, tx, "update", "post", p.ID, summary)
	})
}

// checkPublishedLink trims a link to a published post and refuses one
// that is not a web address a browser opens.
func checkPublishedLink(link string) (string, error) {
	link = strings.TrimSpace(link)
	if link == "" {
		return "", nil
	}
	if err := checkControl("link", &link, false); err != nil {
		return "", err
	}
	if utf8.RuneCountInString(link) > MaxLink {
		return "", invalidArgs("link", "The link is too long (at most {{.Max}} characters).", map[string]any{"Max": MaxLink})
	}
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", invalid("link", "The link must be a web address beginning with https://, e.g. https://www.instagram.com/p/…")
	}
	return link, nil
}

// postAndChannel reads post postID inside tx and finds channelID among
// its channels.
func postAndChannel(ctx context.Context, tx *sql.Tx, postID, channelID int64) (Post, int, error) {
	p, err := getPost(ctx, tx, postID)
	if err != nil {
		return p, 0, err
	}
	for i, c := range p.Channels {
		if c.ChannelID == channelID {
			return p, i, nil
		}
	}
	return p, 0, invalid("channels", "The post is not planned for this channel (any more).")
}

// summarisePublished makes p Veröffentlicht when every one of its
// channels is marked: PublishedOn is the day of the latest mark,
// PublishedLink the first link in channel order (a link typed in the
// editor stays when no mark has one).
func summarisePublished(p *Post) {
	if len(p.Channels) == 0 {
		return
	}
	var latest time.Time
	link := ""
	for _, c := range p.Channels {
		if !c.Published() {
			return
		}
		if c.PublishedAt.After(latest) {
			latest = c.PublishedAt
		}
		if link == "" {
			link = c.PublishedLink
		}
	}
	p.Status = StatusPublished
	day := calendar.FromTime(latest.In(postZone(p.Zone)))
	p.PublishedOn = &day
	if link != "" {
		p.PublishedLink = link
	}
}

// channelName is a channel's name for the change log.
func channelName(ctx context.Context, q queryer, id int64) (string, error) {
	var name string
	if err := q.QueryRowContext(ctx, `SELECT name FROM channels WHERE id = ?`, id).Scan(&name); err != nil {
		return "", fmt.Errorf("channel %d: %w", id, err)
	}
	return name, nil
}
