package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"

	"feedtakt/data/calendar"
)

// The rights of a Mediathek picture whatever post it may go into: the
// badge on its tile, the filter of the grid, the findings in the detail
// pane. They come from the one rule, ClearPicture, asked without a channel
// (any channel) for Öffentlichkeitsarbeit on a day; this file only reads
// the facts for many pictures at once and sums the findings up.

// RightsState is where a picture's rights stand in the Mediathek.
type RightsState string

// The rights states, for the badge and the filter.
const (
	RightsOK             RightsState = "ok"              // nothing to remark
	RightsUnclear        RightsState = "unclear"         // ungeklärt: nobody decided who is shown
	RightsMissing        RightsState = "missing"         // fehlt: a person shown without a consent in force
	RightsExpiring       RightsState = "expiring"        // läuft ab: a consent or the licence ends within ExpiringDays
	RightsWithdrawn      RightsState = "withdrawn"       // widerrufen: a person shown withdrew
	RightsLicenceExpired RightsState = "licence-expired" // Lizenz abgelaufen: "nutzbar bis" has passed
)

// RightsStates lists the states a filter can ask for (not ok), in the
// order of the filter.
func RightsStates() []RightsState {
	return []RightsState{RightsMissing, RightsUnclear, RightsExpiring, RightsWithdrawn, RightsLicenceExpired}
}

// rightsState is the Mediathek state a finding of the rule stands for.
// Everything that leaves a person without a consent in force (none, the
// wrong people gave it, it ended, it does not cover the purpose) is
// "fehlt".
func (r Reason) rightsState() RightsState {
	switch r {
	case "":
		return RightsOK
	case ReasonUnclear:
		return RightsUnclear
	case ReasonWithdrawn, ReasonWithdrawnLater:
		return RightsWithdrawn
	case ReasonLicenceExpired:
		return RightsLicenceExpired
	case ReasonExpiring, ReasonLicenceExpiring:
		return RightsExpiring
	}
	return RightsMissing
}

// PictureRights is the rule's answer for a picture in the Mediathek.
type PictureRights struct {
	MediaID  int64
	Day      calendar.Date
	State    RightsState // the worst finding's state: the badge
	Decision PeopleDecision
	People   []Person  // the people shown (DecisionPeople), by name
	Findings []Finding // worded for the Mediathek (no channel named)
}

// Has reports whether one of the findings is of state s (RightsOK: none
// is). A picture can be in several states at once, such as a consent
// missing for one person and ending soon for another; the filter finds it
// under each, the badge shows the worst.
func (r PictureRights) Has(s RightsState) bool {
	if s == RightsOK {
		return len(r.Findings) == 0
	}
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Reason.rightsState() == s })
}

// mediathekKeys word the findings for a picture checked for any channel
// today, with the canonical words ("läuft am … ab", "abgelaufen"): a
// finding naming a channel would read "keine Einwilligung für alle
// Kanäle", as if some channel were covered.
var mediathekKeys = map[Reason]string{
	ReasonMissing:    "{{.Person}}: no consent covers this picture.",
	ReasonGuardians:  "{{.Person}} is a minor: the guardians' consent is missing.",
	ReasonOwnConsent: "{{.Person}} is of age: their own consent is missing; the guardians' no longer suffices.",
	ReasonExpired:    "{{.Person}}: the consent expired on {{.Date}}.",
	ReasonExpiring:   "{{.Person}}: the consent expires on {{.Date}}.",
	// The Mediathek asks for today: an expired licence has expired (no
	// post's day to compare with), and "(nutzbar bis)" is the field's
	// name, not a sentence.
	ReasonLicenceExpired:  "Licence expired: the picture could be used until {{.Date}}.",
	ReasonLicenceExpiring: "The licence expires on {{.Date}}.",
}

// RightsOn is the rule for a picture in the Mediathek: ClearPicture for
// any channel and Öffentlichkeitsarbeit on day (the channel of a post is
// checked when it is planned), summed up in a state.
func RightsOn(f PictureFacts, day calendar.Date) PictureRights {
	c := ClearPicture(f, ClearanceInput{Day: day, Purpose: PurposePR})
	out := PictureRights{MediaID: f.Media.ID, Day: day, State: c.Worst().rightsState(), Decision: c.Decision, Findings: c.Findings}
	for i, fd := range out.Findings {
		if k, ok := mediathekKeys[fd.Reason]; ok && fd.ChannelID == 0 {
			out.Findings[i].Key = k
		}
	}
	if f.Decision == DecisionPeople {
		for _, pc := range f.People {
			out.People = append(out.People, pc.Person)
		}
	}
	return out
}

// PictureRights answers RightsOn for one Mediathek item today, for the
// detail pane.
func (w *Workspace) PictureRights(ctx context.Context, mediaID int64) (PictureRights, error) {
	f, err := w.pictureFacts(ctx, mediaID)
	if err != nil {
		return PictureRights{}, err
	}
	return RightsOn(f, w.Today()), nil
}

// MediaRights answers RightsOn for a page of Mediathek items today, by
// id, in a fixed number of queries whatever the page's size (the grid
// asks once per page, not per tile). IDs that do not exist are left out.
func (w *Workspace) MediaRights(ctx context.Context, ids []int64) (map[int64]PictureRights, error) {
	out := make(map[int64]PictureRights, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	facts, err := w.rightsFacts(ctx, ids)
	if err != nil {
		return nil, err
	}
	day := w.Today()
	for _, f := range facts {
		out[f.Media.ID] = RightsOn(f, day)
	}
	return out, nil
}

// mediaInRights lists, as a JSON array for json_each, the Mediathek items
// that have a finding of state s today (see PictureRights.Has): the
// filter of ListMedia and CountMedia. The rule decides, so every item's
// facts are read and judged here — some 20,000 in a few tens of
// milliseconds (BenchmarkMediaRights).
func (w *Workspace) mediaInRights(ctx context.Context, s RightsState) (string, error) {
	facts, err := w.rightsFacts(ctx, nil)
	if err != nil {
		return "", err
	}
	day := w.Today()
	ids := []int64{}
	for _, f := range facts {
		if RightsOn(f, day).Has(s) {
			ids = append(ids, f.Media.ID)
		}
	}
	list, _ := json.Marshal(ids)
	return string(list), nil
}

// rightsFacts reads what ClearPicture needs for the items ids (nil: every
// item): the items with their decisions in one query, the people shown in
// a second, and their consents (consentsOf).
func (w *Workspace) rightsFacts(ctx context.Context, ids []int64) ([]PictureFacts, error) {
	filter, args := ``, []any{}
	if ids != nil {
		list, _ := json.Marshal(ids)
		filter, args = ` WHERE m.id IN (SELECT value FROM json_each(?))`, []any{string(list)}
	}
	// The hash and the Aufnahmedatum matter to the rule only for the
	// people shown (which consent covers the picture); for the other
	// pictures (most of a Mediathek) they are not read, which halves the
	// time for all of them.
	rows, err := w.reader().QueryContext(ctx, `SELECT m.id, d.decision IS 'people', m.hash, m.taken_at, m.taken_local, m.taken_offset,
		m.usable_until, coalesce(d.decision, '') FROM media m LEFT JOIN media_people_decision d ON d.media_hash = m.hash`+filter, args...)
	if err != nil {
		return nil, w.fault("read rights of media", err)
	}
	n := len(ids)
	if ids == nil {
		// Counted first: growing a slice of 20,000 facts (a Media each)
		// copied more than reading them took.
		if err := w.reader().QueryRowContext(ctx, `SELECT count(*) FROM media`).Scan(&n); err != nil {
			rows.Close()
			return nil, w.fault("read rights of media", err)
		}
	}
	facts := make([]PictureFacts, 0, n)
	byHash := map[string]int{} // index in facts of the pictures with people (a hash is one item)
	for rows.Next() {
		var f PictureFacts
		var people bool
		var at, local, offset sql.RawBytes
		var until sql.NullString
		if err := rows.Scan(&f.Media.ID, &people, &f.Media.Hash, &at, &local, &offset, &until, &f.Decision); err != nil {
			rows.Close()
			return nil, w.fault("read rights of media", err)
		}
		if people {
			f.Media.Taken, f.Media.TakenZoneKnown = readTaken(string(at), string(local), string(offset))
		}
		if until.Valid {
			if d, err := calendar.ParseDate(until.String); err == nil {
				f.Media.UsableUntil = &d
			}
		}
		if f.Decision == DecisionPeople {
			byHash[f.Media.Hash] = len(facts)
		}
		facts = append(facts, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, w.fault("read rights of media", err)
	}
	if len(byHash) == 0 {
		return facts, nil
	}
	people, err := w.peopleInPictures(ctx, ids)
	if err != nil {
		return nil, err
	}
	var personIDs []int64
	for hash, ps := range people {
		if _, ok := byHash[hash]; !ok {
			continue
		}
		for _, p := range ps {
			personIDs = append(personIDs, p.ID)
		}
	}
	slices.Sort(personIDs)
	personIDs = slices.Compact(personIDs)
	var consents map[int64][]Consent
	if len(personIDs) > 0 {
		if ids == nil {
			personIDs = nil // everyone's: no list to send
		}
		if consents, err = w.consentsOf(ctx, w.reader(), personIDs); err != nil {
			return nil, w.fault("read rights of media", err)
		}
	}
	for hash, i := range byHash {
		for _, p := range people[hash] {
			facts[i].People = append(facts[i].People, PersonConsents{Person: p, Consents: consents[p.ID]})
		}
	}
	return facts, nil
}

// peopleInPictures reads the people shown in the items ids (nil: every
// item), by picture hash, by name: the links first, then each person once
// (hundreds of people over thousands of links).
func (w *Workspace) peopleInPictures(ctx context.Context, ids []int64) (map[string][]Person, error) {
	filter, args := ``, []any{}
	if ids != nil {
		list, _ := json.Marshal(ids)
		filter, args = ` WHERE media_hash IN (SELECT hash FROM media WHERE id IN (SELECT value FROM json_each(?)))`, []any{string(list)}
	}
	rows, err := w.reader().QueryContext(ctx, `SELECT media_hash, person_id FROM media_people`+filter, args...)
	if err != nil {
		return nil, w.fault("read people in pictures", err)
	}
	links := map[int64][]string{}
	for rows.Next() {
		var hash string
		var id int64
		if err := rows.Scan(&hash, &id); err != nil {
			rows.Close()
			return nil, w.fault("read people in pictures", err)
		}
		links[id] = append(links[id], hash)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, w.fault("read people in pictures", err)
	}
	personIDs := make([]int64, 0, len(links))
	for id := range links {
		personIDs = append(personIDs, id)
	}
	list, _ := json.Marshal(personIDs)
	rows, err = w.reader().QueryContext(ctx, `SELECT `+personColumns+` FROM people
		WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name COLLATE NOCASE, id`, string(list))
	if err != nil {
		return nil, w.fault("read people in pictures", err)
	}
	defer rows.Close()
	out := map[string][]Person{}
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, w.fault("read people in pictures", err)
		}
		for _, hash := range links[p.ID] {
			out[hash] = append(out[hash], p)
		}
	}
	return out, w.fault("read people in pictures", rows.Err())
}
