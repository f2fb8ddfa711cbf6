package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// Personen auf dem Bild: who is shown in a picture, or the decision that
// nobody identifiable is. Pictures are named by hash (see migration 0006).

// PicturePeople returns the decision about a picture's people and, for
// DecisionPeople, the people shown, by name.
func (w *Workspace) PicturePeople(ctx context.Context, mediaID int64) (PeopleDecision, []Person, error) {
	m, err := w.Media(ctx, mediaID)
	if err != nil {
		return DecisionUnclear, nil, err
	}
	return w.peopleOf(ctx, m.Hash)
}

func (w *Workspace) peopleOf(ctx context.Context, hash string) (PeopleDecision, []Person, error) {
	var dec PeopleDecision
	err := w.reader().QueryRowContext(ctx, `SELECT decision FROM media_people_decision WHERE media_hash = ?`, hash).Scan(&dec)
	if err != nil && err != sql.ErrNoRows {
		return dec, nil, w.fault("read people in picture", err)
	}
	if dec != DecisionPeople {
		return dec, nil, nil
	}
	rows, err := w.reader().QueryContext(ctx, `SELECT `+personColumns+` FROM people
		WHERE id IN (SELECT person_id FROM media_people WHERE media_hash = ?) ORDER BY name COLLATE NOCASE, id`, hash)
	if err != nil {
		return dec, nil, w.fault("read people in picture", err)
	}
	defer rows.Close()
	var out []Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return dec, nil, w.fault("read people in picture", err)
		}
		out = append(out, p)
	}
	return dec, out, w.fault("read people in picture", rows.Err())
}

// SetPicturePeople sets who is shown in a picture (no face detection: she
// picks them). An empty list takes the decision back: the picture is
// ungeklärt again. One change-log line names the people by number.
func (w *Workspace) SetPicturePeople(ctx context.Context, mediaID int64, personIDs []int64) error {
	return w.write(ctx, "set people in picture", func(tx *sql.Tx) error {
		m, err := scanMedia(tx.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE id = ?`, mediaID))
		if err != nil {
			return notFound("media", mediaID, err)
		}
		return w.setPeopleTx(ctx, tx, m, personIDs)
	})
}

// AddPicturePeople adds people to each of several pictures (the bulk
// pane's "Personen hinzufügen"): the people each already shows stay, a
// decision "keine erkennbaren Personen" or "Menschenmenge" gives way to
// the people. One transaction; a change-log line per picture that changed.
func (w *Workspace) AddPicturePeople(ctx context.Context, mediaIDs, personIDs []int64) error {
	if len(personIDs) == 0 {
		return nil
	}
	return w.write(ctx, "set people in picture", func(tx *sql.Tx) error {
		for _, id := range mediaIDs {
			m, err := scanMedia(tx.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE id = ?`, id))
			if err != nil {
				return notFound("media", id, err)
			}
			var dec PeopleDecision
			if err := tx.QueryRowContext(ctx, `SELECT decision FROM media_people_decision WHERE media_hash = ?`, m.Hash).Scan(&dec); err != nil && err != sql.ErrNoRows {
				return err
			}
			ids := slices.Clone(personIDs)
			if dec == DecisionPeople {
				shown, err := queryColumn[int64](ctx, tx, `SELECT person_id FROM media_people WHERE media_hash = ?`, m.Hash)
				if err != nil {
					return err
				}
				ids = append(ids, shown...)
			}
			if err := w.setPeopleTx(ctx, tx, m, ids); err != nil {
				return err
			}
		}
		return nil
	})
}

// setPeopleTx is SetPicturePeople within a transaction.
func (w *Workspace) setPeopleTx(ctx context.Context, tx *sql.Tx, m Media, personIDs []int64) error {
	ids := slices.Clone(personIDs)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for _, id := range ids {
		if _, err := getPerson(ctx, tx, id); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM media_people WHERE media_hash = ?`, m.Hash); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO media_people (media_hash, person_id) VALUES (?, ?)`, m.Hash, id); err != nil {
			return err
		}
	}
	dec := DecisionPeople
	if len(ids) == 0 {
		dec = DecisionUnclear
	}
	if err := w.putDecision(ctx, tx, m.Hash, dec); err != nil {
		return err
	}
	what := "ungeklärt"
	if len(ids) > 0 {
		nums := make([]string, len(ids))
		for i, id := range ids {
			nums[i] = fmt.Sprintf("Nr. %d", id)
		}
		what = "Person " + strings.Join(nums, ", ")
	}
	return w.logChange(ctx, tx, "update", "media", m.ID,
		fmt.Sprintf("Personen auf dem Bild „%s“: %s", Ellipsis(displayName(m), 80), what))
}

// decisionWords are the decisions as the change log names them.
var decisionWords = map[PeopleDecision]string{
	DecisionUnclear: "ungeklärt",
	DecisionNone:    "keine erkennbaren Personen",
	DecisionCrowd:   "nur Menschenmenge, nicht erkennbar",
}

// SetPictureDecision records that a picture shows no identifiable people
// (DecisionNone) or only a crowd (DecisionCrowd), removing any people
// linked to it, or takes the decision back (DecisionUnclear). People are
// set with SetPicturePeople.
func (w *Workspace) SetPictureDecision(ctx context.Context, mediaID int64, dec PeopleDecision) error {
	return w.SetPicturesDecision(ctx, []int64{mediaID}, dec)
}

// SetPicturesDecision is SetPictureDecision for several pictures at once
// (the bulk pane), in one transaction with a change-log line per picture.
func (w *Workspace) SetPicturesDecision(ctx context.Context, mediaIDs []int64, dec PeopleDecision) error {
	what, ok := decisionWords[dec]
	if !ok {
		return invalid("decision", "Please choose whether the picture shows no identifiable people or only a crowd.")
	}
	return w.write(ctx, "set people in picture", func(tx *sql.Tx) error {
		for _, id := range mediaIDs {
			m, err := scanMedia(tx.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE id = ?`, id))
			if err != nil {
				return notFound("media", id, err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM media_people WHERE media_hash = ?`, m.Hash); err != nil {
				return err
			}
			if err := w.putDecision(ctx, tx, m.Hash, dec); err != nil {
				return err
			}
			if err := w.logChange(ctx, tx, "update", "media", id,
				fmt.Sprintf("Personen auf dem Bild „%s“: %s", Ellipsis(displayName(m), 80), what)); err != nil {
				return err
			}
		}
		return nil
	})
}

func (w *Workspace) putDecision(ctx context.Context, tx *sql.Tx, hash string, dec PeopleDecision) error {
	if dec == DecisionUnclear {
		_, err := tx.ExecContext(ctx, `DELETE FROM media_people_decision WHERE media_hash = ?`, hash)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO media_people_decision (media_hash, decision, decided_at) VALUES (?, ?, ?)
		ON CONFLICT (media_hash) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at`, hash, dec, w.timestamp())
	return err
}

// PicturesOfPerson lists the Mediathek items a person is shown in, by id:
// what a withdrawal affects.
func (w *Workspace) PicturesOfPerson(ctx context.Context, personID int64) ([]int64, error) {
	ids, err := queryColumn[int64](ctx, w.reader(), `SELECT m.id FROM media_people mp JOIN media m ON m.hash = mp.media_hash
		WHERE mp.person_id = ? ORDER BY m.id`, personID)
	return ids, w.fault("read pictures of person", err)
}

// PersonUsage lists every post, planned and published, that uses a
// picture the person is shown in, by date (ideas last), each post once:
// what a withdrawal affects. With the post's channels (Post) and
// PostClearance the withdrawal page can say where to remove what.
func (w *Workspace) PersonUsage(ctx context.Context, personID int64) ([]PostRef, error) {
	rows, err := w.reader().QueryContext(ctx, `SELECT p.id, p.title, p.day, p.time, p.status FROM posts p
		WHERE p.id IN (SELECT pm.post_id FROM media_people mp
			JOIN media m ON m.hash = mp.media_hash
			JOIN post_media pm ON pm.media_id = m.id
			WHERE mp.person_id = ?)
		ORDER BY p.day IS NULL, p.day, p.time IS NOT NULL, p.time, p.id`, personID)
	if err != nil {
		return nil, w.fault("read posts of person", err)
	}
	defer rows.Close()
	var out []PostRef
	for rows.Next() {
		var r PostRef
		var day, clock sql.NullString
		if err := rows.Scan(&r.ID, &r.Title, &day, &clock, &r.Status); err != nil {
			return nil, w.fault("read posts of person", err)
		}
		if r.Date, err = parseNullDate(day); err != nil {
			return nil, w.fault("read posts of person", err)
		}
		if clock.Valid {
			if c, err := ParseClock(clock.String); err == nil {
				r.Time = &c
			}
		}
		out = append(out, r)
	}
	return out, w.fault("read posts of person", rows.Err())
}
