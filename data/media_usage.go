package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"feedtakt/data/calendar"
)

// PostRef names a post that uses a media item ("Verwendet in"): enough to
// list it and open it.
type PostRef struct {
	ID     int64
	Title  string
	Date   *calendar.Date // nil for an idea
	Time   *Clock
	Status Status
}

// Planned reports whether the post is still to go out: not published and
// not discarded (ideas count, they are planned without a date).
func (p PostRef) Planned() bool {
	return p.Status != StatusPublished && p.Status != StatusDiscarded
}

// MediaUsage lists the posts that use an item, by date (ideas last).
func (w *Workspace) MediaUsage(ctx context.Context, id int64) ([]PostRef, error) {
	refs, err := w.usage(ctx, []int64{id})
	return refs[id], err
}

// usage reads the posts using each of ids.
func (w *Workspace) usage(ctx context.Context, ids []int64) (map[int64][]PostRef, error) {
	list, _ := json.Marshal(ids)
	rows, err := w.reader().QueryContext(ctx, `SELECT pm.media_id, p.id, p.title, p.day, p.time, p.status
		FROM post_media pm JOIN posts p ON p.id = pm.post_id
		WHERE pm.media_id IN (SELECT value FROM json_each(?))
		ORDER BY p.day IS NULL, p.day, p.time IS NOT NULL, p.time, p.id`, string(list))
	if err != nil {
		return nil, w.fault("read media usage", err)
	}
	defer rows.Close()
	out := map[int64][]PostRef{}
	for rows.Next() {
		var mediaID int64
		var r PostRef
		var day, clock sql.NullString
		if err := rows.Scan(&mediaID, &r.ID, &r.Title, &day, &clock, &r.Status); err != nil {
			return nil, w.fault("read media usage", err)
		}
		if r.Date, err = parseNullDate(day); err != nil {
			return nil, w.fault("read media usage", err)
		}
		if clock.Valid {
			if c, err := ParseClock(clock.String); err == nil {
				r.Time = &c
			}
		}
		out[mediaID] = append(out[mediaID], r)
	}
	return out, w.fault("read media usage", rows.Err())
}

// PostsWithoutPicture returns which of postIDs have no picture yet: no
// linked image or video (a linked PDF is not a picture). The calendar and
// the list view ask it for the posts they show and mark their chips.
func (w *Workspace) PostsWithoutPicture(ctx context.Context, postIDs []int64) (map[int64]bool, error) {
	out := make(map[int64]bool, len(postIDs))
	if len(postIDs) == 0 {
		return out, nil
	}
	for _, id := range postIDs {
		out[id] = true
	}
	list, _ := json.Marshal(postIDs)
	rows, err := w.reader().QueryContext(ctx, `SELECT DISTINCT pm.post_id FROM post_media pm JOIN media ON media.id = pm.media_id
		WHERE pm.post_id IN (SELECT value FROM json_each(?)) AND media.kind IN ('image', 'video')`, string(list))
	if err != nil {
		return nil, w.fault("read post media", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, w.fault("read post media", err)
		}
		delete(out, id)
	}
	return out, w.fault("read post media", rows.Err())
}

// ErrMediaInUse means an item to be deleted is used by a planned post; see
// *MediaInUseError for which.
var ErrMediaInUse = errors.New("media used in planned posts")

// MediaInUse is an item and the planned posts that use it.
type MediaInUse struct {
	Media Media
	Posts []PostRef
}

// MediaInUseError lists the items DeleteMediaItems did not delete because
// planned posts use them, with those posts, so the question can name them.
type MediaInUseError struct {
	Items []MediaInUse
}

func (e *MediaInUseError) Error() string {
	names := make([]string, len(e.Items))
	for i, it := range e.Items {
		names[i] = displayName(it.Media)
	}
	return fmt.Sprintf("%s: %s", ErrMediaInUse, strings.Join(names, ", "))
}

// Unwrap lets errors.Is(err, ErrMediaInUse) match.
func (e *MediaInUseError) Unwrap() error { return ErrMediaInUse }

// DeleteMediaItems moves items to the Papierkorb (see DeleteMedia: the
// file goes, the links to posts are removed, one change-log line per item,
// each restorable). Unless force is set it first checks every item and
// deletes nothing if one is used by a planned post (not published, not
// discarded): the error is a *MediaInUseError naming the items and posts,
// for the question "… wird in geplanten Beiträgen verwendet: … Trotzdem
// löschen?", after which the screen calls again with force. Items used
// only by published or discarded posts are deleted without asking. It
// returns the Papierkorb entries of the deleted items; on an error midway
// the items before it are deleted and returned.
// Thumbnails are the thumbnail cache's business (keyed by hash; the
// returned TrashItem.Media.Hash names them).
func (w *Workspace) DeleteMediaItems(ctx context.Context, ids []int64, force bool) ([]TrashItem, error) {
	ids = uniqueIDs(ids)
	if !force {
		if err := w.refuseIfPlanned(ctx, ids); err != nil {
			return nil, err
		}
	}
	var out []TrashItem
	for _, id := range ids {
		it, err := w.DeleteMedia(ctx, id)
		if errors.Is(err, ErrNotFound) {
			continue // deleted meanwhile: what she asked for is done
		}
		if err != nil {
			return out, err
		}
		out = append(out, it)
	}
	return out, nil
}

// refuseIfPlanned returns a *MediaInUseError if planned posts use any of
// ids.
func (w *Workspace) refuseIfPlanned(ctx context.Context, ids []int64) error {
	uses, err := w.usage(ctx, ids)
	if err != nil {
		return err
	}
	var inUse MediaInUseError
	for _, id := range ids {
		var planned []PostRef
		for _, p := range uses[id] {
			if p.Planned() {
				planned = append(planned, p)
			}
		}
		if len(planned) == 0 {
			continue
		}
		m, err := w.Media(ctx, id)
		if err != nil {
			return err
		}
		inUse.Items = append(inUse.Items, MediaInUse{Media: m, Posts: planned})
	}
	if len(inUse.Items) > 0 {
		return &inUse
	}
	return nil
}
