package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"

	"feedtakt/data/calendar"
)

// The rule of clearance.go applied to posts: many posts at once for the
// calendar's marks and the command line (ClearPosts), and inside the write
// transaction for the approval rule (checkApproval), so a consent
// withdrawn a moment before cannot slip through. Both read the facts in a
// handful of queries, whatever the number of posts, and ask ClearPicture.

// PostCheck is the rule's answer for one post: a Clearance per linked
// picture, in the post's order, for its channels on its day (an idea:
// today).
type PostCheck struct {
	PostID   int64
	Day      calendar.Date
	Media    []Media // the linked items, beside Pictures
	Pictures []Clearance
}

// Blocked reports whether a finding stops the post from being approved or
// published.
func (c PostCheck) Blocked() bool {
	return slices.ContainsFunc(c.Pictures, Clearance.Blocked)
}

// Unclear reports whether a linked picture is ungeklärt: nobody decided
// who is shown in it (warns, does not block).
func (c PostCheck) Unclear() bool {
	for _, p := range c.Pictures {
		if slices.ContainsFunc(p.Findings, func(f Finding) bool { return f.Reason == ReasonUnclear }) {
			return true
		}
	}
	return false
}

// Blocking lists the findings that stop an approval, each once: a person
// shown on three of the post's pictures without consent for Instagram is
// one finding, not three. A licence finding stays per picture (MediaID
// says which).
func (c PostCheck) Blocking() []PostFinding {
	var out []PostFinding
	for i, p := range c.Pictures {
		for _, f := range p.Findings {
			if !f.Blocks() {
				continue
			}
			pf := PostFinding{Finding: f, MediaID: p.MediaID}
			if len(c.Media) > i {
				pf.MediaName = PictureName(c.Media[i])
			}
			if slices.ContainsFunc(out, pf.same) {
				continue
			}
			out = append(out, pf)
		}
	}
	return out
}

// PostFinding is a finding of one of a post's pictures, with the picture
// it is about.
type PostFinding struct {
	Finding
	MediaID   int64
	MediaName string // the item's title, its file name when it has none (PictureName)
}

// PictureName is what a sentence calls an item: its title, the file name
// only when it has none (as the Mediathek shows it).
func PictureName(m Media) string {
	switch {
	case m.Title != "":
		return m.Title
	case m.OriginalName != "":
		return m.OriginalName
	}
	return path.Base(m.Path)
}

// Sentence is the finding for a person: a finding about the picture as a
// whole (a licence, ungeklärt) begins with the picture's name, one about a
// person names the person already.
func (f PostFinding) Sentence() calendar.Message {
	if f.PersonID != 0 || f.MediaName == "" {
		return f.Message()
	}
	return calendar.Message{Key: "“{{.Picture}}”: {{.Reason}}", Args: map[string]any{"Picture": f.MediaName, "Reason": f.Message()}}
}

// same says whether two findings say the same for the post: the same
// reason for the same person on the same channel; for a licence, the same
// picture.
func (f PostFinding) same(o PostFinding) bool {
	if f.Reason != o.Reason || f.PersonID != o.PersonID || f.ChannelID != o.ChannelID {
		return false
	}
	return f.PersonID != 0 || f.MediaID == o.MediaID
}

// Planned reports whether a post is still to go out: neither published
// nor discarded. Only planned posts get the calendar's consent marks.
func Planned(p Post) bool {
	return p.Status != StatusPublished && p.Status != StatusDiscarded
}

// ClearPosts answers the rule for every picture of posts (as read, e.g.
// by PostsBetween: their day and channels count) in a few queries
// whatever their number: the calendar marks a month at once. Posts
// without pictures get a PostCheck without Pictures.
func (w *Workspace) ClearPosts(ctx context.Context, posts []Post) (map[int64]PostCheck, error) {
	out, err := w.clearPosts(ctx, w.reader(), posts)
	return out, w.fault("check consents of posts", err)
}

// clearPosts is ClearPosts reading through q (the write transaction for
// the approval rule).
func (w *Workspace) clearPosts(ctx context.Context, q queryer, posts []Post) (map[int64]PostCheck, error) {
	out := make(map[int64]PostCheck, len(posts))
	if len(posts) == 0 {
		return out, nil
	}
	postIDs := make([]int64, len(posts))
	for i, p := range posts {
		postIDs[i] = p.ID
	}
	links, mediaIDs, err := postMediaLinks(ctx, q, postIDs)
	if err != nil {
		return nil, err
	}
	facts, err := w.factsOf(ctx, q, mediaIDs)
	if err != nil {
		return nil, err
	}
	chans, err := channelsByID(ctx, q)
	if err != nil {
		return nil, err
	}
	today := w.Today()
	for _, p := range posts {
		c := PostCheck{PostID: p.ID, Day: today}
		if p.Date != nil {
			c.Day = *p.Date
		}
		in := ClearanceInput{Day: c.Day, Today: today}
		for _, pc := range p.Channels {
			if ch, ok := chans[pc.ChannelID]; ok {
				in.Channels = append(in.Channels, ch)
			}
		}
		for _, id := range links[p.ID] {
			f, ok := facts[id]
			if !ok {
				continue // the item went meanwhile
			}
			c.Media = append(c.Media, f.Media)
			c.Pictures = append(c.Pictures, ClearPicture(f, in))
		}
		out[p.ID] = c
	}
	return out, nil
}

// jsonIDs is a list of IDs as one JSON array, for json_each: the same
// statement for any number of IDs.
func jsonIDs(ids []int64) string {
	if len(ids) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(ids)
	return string(b)
}

// postMediaLinks reads which items the posts link, in each post's order,
// and every item once.
func postMediaLinks(ctx context.Context, q queryer, postIDs []int64) (map[int64][]int64, []int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT post_id, media_id FROM post_media
		WHERE post_id IN (SELECT value FROM json_each(?)) ORDER BY post_id, position, media_id`, jsonIDs(postIDs))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	links := map[int64][]int64{}
	seen := map[int64]bool{}
	var media []int64
	for rows.Next() {
		var pid, mid int64
		if err := rows.Scan(&pid, &mid); err != nil {
			return nil, nil, err
		}
		links[pid] = append(links[pid], mid)
		if !seen[mid] {
			seen[mid] = true
			media = append(media, mid)
		}
	}
	return links, media, rows.Err()
}

// factsOf reads what ClearPicture needs about many items at once (see
// pictureFacts for one): the items, their decisions, the people shown and
// their consents.
func (w *Workspace) factsOf(ctx context.Context, q queryer, mediaIDs []int64) (map[int64]PictureFacts, error) {
	out := make(map[int64]PictureFacts, len(mediaIDs))
	if len(mediaIDs) == 0 {
		return out, nil
	}
	list := jsonIDs(mediaIDs)
	byHash, err := readFactsMedia(ctx, q, list, out)
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, q, `SELECT d.media_hash, d.decision FROM (`+factsHashes+`) h
		JOIN media_people_decision d ON d.media_hash = h.hash`, list, func(rows *sql.Rows) error {
		var hash string
		var dec PeopleDecision
		if err := rows.Scan(&hash, &dec); err != nil {
			return err
		}
		for _, id := range byHash[hash] {
			f := out[id]
			f.Decision = dec
			out[id] = f
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Only a picture decided to show people has them (as peopleOf reads
	// them): by name, like the editor lists them.
	people := map[string][]Person{}
	var personIDs []int64
	seen := map[int64]bool{}
	err = eachRow(ctx, q, `SELECT mp.media_hash, `+personColumns+` FROM (`+factsHashes+`) h
		JOIN media_people_decision d ON d.media_hash = h.hash AND d.decision = 'people'
		JOIN media_people mp ON mp.media_hash = h.hash
		JOIN people ON people.id = mp.person_id
		ORDER BY people.name COLLATE NOCASE, people.id`, list, func(rows *sql.Rows) error {
		var hash string
		p, err := scanPerson(prefixed{rows, &hash})
		if err != nil {
			return err
		}
		people[hash] = append(people[hash], p)
		if !seen[p.ID] {
			seen[p.ID] = true
			personIDs = append(personIDs, p.ID)
		}
		return nil
	})
	if err != nil || len(personIDs) == 0 {
		return out, err
	}
	consents, err := w.consentsOf(ctx, q, personIDs)
	if err != nil {
		return nil, err
	}
	for hash, ps := range people {
		for _, id := range byHash[hash] {
			f := out[id]
			for _, p := range ps {
				f.People = append(f.People, PersonConsents{Person: p, Consents: consents[p.ID]})
			}
			out[id] = f
		}
	}
	return out, nil
}

// factsHashes are the items' hashes from the JSON list of their IDs; the
// joins start there so SQLite looks up each hash by its key.
const factsHashes = `SELECT DISTINCT m.hash FROM (SELECT value AS id FROM json_each(?)) j JOIN media m ON m.id = j.id`

// readFactsMedia reads the items of the JSON list of IDs into out and
// returns their IDs by hash (one content can be one item only, but a
// picture is named by hash everywhere the rule looks).
func readFactsMedia(ctx context.Context, q queryer, list string, out map[int64]PictureFacts) (map[string][]int64, error) {
	byHash := map[string][]int64{}
	err := eachRow(ctx, q, `SELECT `+mediaColumns+` FROM (SELECT value AS id FROM json_each(?)) j JOIN media ON media.id = j.id`, list,
		func(rows *sql.Rows) error {
			m, err := scanMedia(rows)
			if err != nil {
				return err
			}
			out[m.ID] = PictureFacts{Media: m}
			byHash[m.Hash] = append(byHash[m.Hash], m.ID)
			return nil
		})
	return byHash, err
}

// prefixed scans a row whose first column is first and whose others are
// what a scan function of a single table expects.
type prefixed struct {
	rows  *sql.Rows
	first any
}

func (p prefixed) Scan(dest ...any) error { return p.rows.Scan(append([]any{p.first}, dest...)...) }

// ClearanceError refuses to store a post as Freigegeben or Veröffentlicht
// while the rule finds a blocking finding on one of its pictures (see
// checkApproval). Findings are the blocking ones, each once. It unwraps
// to an *InvalidError whose sentence names the first finding, so every
// screen that explains an error says why; the editor lists them all.
type ClearanceError struct {
	PostID   int64
	Status   Status
	Findings []PostFinding
}

// Error is the technical text for the log: reasons and numbers, never a
// person's name.
func (e *ClearanceError) Error() string {
	parts := make([]string, len(e.Findings))
	for i, f := range e.Findings {
		parts[i] = fmt.Sprintf("%s (person %d, channel %d, media %d)", f.Reason, f.PersonID, f.ChannelID, f.MediaID)
	}
	return fmt.Sprintf("post %d cannot be %s: %s", e.PostID, e.Status, strings.Join(parts, ", "))
}

// Unwrap is the sentence for a person: the status, the first finding (the
// person, the channel and the reason) and how many more there are.
func (e *ClearanceError) Unwrap() error {
	args := map[string]any{"Status": calendar.Message{Key: e.Status.Key()}}
	key := "The post cannot be saved with the status “{{.Status}}”. {{.Reason}} Set it to “Draft” or replace the picture."
	if len(e.Findings) > 0 {
		args["Reason"] = e.Findings[0].Sentence()
	}
	if n := len(e.Findings); n > 1 {
		key = "The post cannot be saved with the status “{{.Status}}”. {{.Reason}} ({{.Total}} reasons in all, see the pictures in the post.) Set it to “Draft” or replace the picture."
		args["Total"] = n
	}
	return &InvalidError{Field: "status", Message: key, Args: args}
}

// approving reports whether storing p (old is how it was stored; nil for
// a new post) must pass the rule: when it becomes Freigegeben or
// Veröffentlicht, or when an approved post gets another day, other
// channels or other pictures. An approved post whose consent is withdrawn
// later stays approved (the calendar marks it) and its text can still be
// edited; a published post is a record of what went out and is not
// checked again.
func approving(old *Post, p Post, mediaChanged bool) bool {
	if p.Status != StatusApproved && p.Status != StatusPublished {
		return false
	}
	switch {
	case old == nil, old.Status != p.Status:
		return true
	case p.Status == StatusPublished:
		return false
	}
	return mediaChanged || nullDate(old.Date) != nullDate(p.Date) || !sameChannels(old.Channels, p.Channels)
}

// sameIDs reports whether a and b hold the same IDs, whatever the order
// (a picture moved to the front changes nothing for the rule).
func sameIDs(a, b []int64) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

func sameChannels(a, b []PostChannel) bool {
	ids := func(cs []PostChannel) []int64 {
		out := make([]int64, len(cs))
		for i, c := range cs {
			out[i] = c.ChannelID
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(ids(a), ids(b))
}

// checkApproval applies the rule to post id as stored so far inside tx
// (its new day, channels, texts and pictures): a blocking consent or
// licence finding is a *ClearanceError, and failing that a blocking check
// before posting (Review: a text over the limit, a placeholder left, a
// picture without alt text, a quiet period …) a *ReviewError; the
// transaction is not committed then. Reading inside the transaction means
// a consent withdrawn a moment before counts, and the texts are checked
// as they are stored.
func (w *Workspace) checkApproval(ctx context.Context, tx *sql.Tx, id int64) error {
	p, err := getPost(ctx, tx, id)
	if err != nil {
		return err
	}
	checks, err := w.clearPosts(ctx, tx, []Post{p})
	if err != nil {
		return fmt.Errorf("check consents: %w", err)
	}
	c := checks[p.ID]
	if c.Blocked() {
		return &ClearanceError{PostID: p.ID, Status: p.Status, Findings: c.Blocking()}
	}
	rc, err := w.renderContext(ctx, tx)
	if err != nil {
		return fmt.Errorf("check before posting: %w", err)
	}
	if blocking := BlockingFindings(rc.Review(p, c.Media)); len(blocking) > 0 {
		names := make(map[int64]string, len(p.Channels))
		for _, pc := range p.Channels {
			names[pc.ChannelID] = rc.Channels[pc.ChannelID].Name
		}
		return &ReviewError{PostID: p.ID, Status: p.Status, Findings: blocking, channels: names}
	}
	return nil
}
