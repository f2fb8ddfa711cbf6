package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/data/calendar"
)

// Role says in which capacity a person appears in pictures; it decides
// who must consent (a minor's guardians) and how (employees in writing or
// electronically).
type Role string

// The roles, in the order a selection shows them.
const (
	RoleEmployee Role = "employee" // Beschäftigte/r
	RoleTrainee  Role = "trainee"  // Auszubildende/r
	RoleCitizen  Role = "citizen"  // Bürger/in
	RoleMinor    Role = "minor"    // Kind/Jugendliche/r
	RoleGuest    Role = "guest"    // Gast/Referent/in
)

// Roles lists every role in display order.
func Roles() []Role { return []Role{RoleEmployee, RoleTrainee, RoleCitizen, RoleMinor, RoleGuest} }

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return slices.Contains(Roles(), r) }

// Key is the role's name as a translation key.
func (r Role) Key() string {
	switch r {
	case RoleEmployee:
		return "Employee"
	case RoleTrainee:
		return "Trainee"
	case RoleCitizen:
		return "Citizen"
	case RoleMinor:
		return "Child or adolescent"
	case RoleGuest:
		return "Guest or speaker"
	}
	return string(r)
}

// Guardian is a minor's parent or other person with custody.
type Guardian struct {
	Name    string
	Contact string
}

// Person is someone who appears in pictures.
type Person struct {
	ID        int64
	Name      string
	Role      Role
	BornOn    *calendar.Date // optional; decides when a minor comes of age
	Guardians []Guardian     // for a minor
	Contact   string
	Notes     string
	Created   time.Time
	Updated   time.Time
}

// MinorOn reports whether p is a minor on day: under 18 by the birth date
// when it is known, else by the role.
func (p Person) MinorOn(day calendar.Date) bool {
	if p.BornOn == nil {
		return p.Role == RoleMinor
	}
	adult := calendar.NewDate(p.BornOn.Year+18, p.BornOn.Month, p.BornOn.Day)
	if p.BornOn.Month == time.February && p.BornOn.Day == 29 {
		adult = calendar.NewDate(p.BornOn.Year+18, time.March, 1)
	}
	return day.Before(adult)
}

// Limits of a person's fields.
const (
	MaxPersonName = 200
	maxContact    = 500
	maxGuardians  = 4
)

// personControlKeys word a control character per field of a person or a
// consent; the fields checkControl knows keep its words.
var personControlKeys = map[string]string{
	"contact":  "The contact details contain an invisible control character (often copied in from another program). Please remove it.",
	"guardian": "A guardian's details contain an invisible control character (often copied in from another program). Please remove it.",
	"shoot":    "The shoot or event contains an invisible control character (often copied in from another program). Please remove it.",
	"via":      "The way the withdrawal was received contains an invisible control character (often copied in from another program). Please remove it.",
}

// checkControlField is checkControl for fields it has no words for.
func checkControlField(field string, s *string, multiLine bool) error {
	key, ok := personControlKeys[field]
	if !ok {
		return checkControl(field, s, multiLine)
	}
	if err := checkControl(field, s, multiLine); err != nil {
		return invalid(field, key)
	}
	return nil
}

func (p *Person) validate(today calendar.Date) error {
	var err error
	if p.Name, err = checkName("name", p.Name, MaxPersonName); err != nil {
		return err
	}
	if !p.Role.Valid() {
		return invalid("role", "Please choose a role from the list.")
	}
	if p.BornOn != nil && (!p.BornOn.Valid() || p.BornOn.Year < 1900 || p.BornOn.After(today)) {
		return invalid("born", "The date of birth must lie between 1900 and today.")
	}
	p.Contact = strings.TrimSpace(p.Contact)
	if utf8.RuneCountInString(p.Contact) > maxContact {
		return invalidArgs("contact", "The contact details are too long (at most {{.Max}} characters).", map[string]any{"Max": maxContact})
	}
	if err := checkControlField("contact", &p.Contact, true); err != nil {
		return err
	}
	if err := checkControl("notes", &p.Notes, true); err != nil {
		return err
	}
	if utf8.RuneCountInString(p.Notes) > MaxNotes {
		return invalidArgs("notes", "The notes are too long (at most {{.Max}} characters).", map[string]any{"Max": MaxNotes})
	}
	return p.validateGuardians()
}

func (p *Person) validateGuardians() error {
	var gs []Guardian
	for _, g := range p.Guardians {
		g.Name, g.Contact = strings.TrimSpace(g.Name), strings.TrimSpace(g.Contact)
		if g.Name == "" && g.Contact == "" {
			continue
		}
		if g.Name == "" {
			return invalid("guardian", "Please enter the guardian's name.")
		}
		if utf8.RuneCountInString(g.Name) > MaxPersonName || utf8.RuneCountInString(g.Contact) > maxContact {
			return invalid("guardian", "A guardian's details are too long.")
		}
		if err := checkControlField("guardian", &g.Name, false); err != nil {
			return err
		}
		if err := checkControlField("guardian", &g.Contact, true); err != nil {
			return err
		}
		gs = append(gs, g)
	}
	if len(gs) > maxGuardians {
		return invalidArgs("guardian", "At most {{.Max}} guardians can be entered.", map[string]any{"Max": maxGuardians})
	}
	p.Guardians = gs
	return nil
}

// personSummary names a person in the change log by number and role only:
// the log is append-only and must not keep a name that an erasure removes.
func personSummary(p Person) string {
	return fmt.Sprintf("Person Nr. %d (%s)", p.ID, germanKey(p.Role.Key()))
}

// SavePerson creates p (ID 0) or updates it, guardians included. It
// validates first (an *InvalidError names the field) and writes one
// change-log line naming the fields changed; nothing is logged when
// nothing changed.
func (w *Workspace) SavePerson(ctx context.Context, p *Person) error {
	if err := p.validate(w.Today()); err != nil {
		return err
	}
	return w.write(ctx, "save person", func(tx *sql.Tx) error {
		now := w.timestamp()
		if p.ID == 0 {
			// The number is never reused, not even an erased person's
			// (erasures, data/erase.go): the change log and the proof name
			// people by number.
			err := tx.QueryRowContext(ctx, `INSERT INTO people (id, name, role, born_on, contact, notes, created_at, updated_at)
				VALUES (max(coalesce((SELECT max(id) FROM people), 0), coalesce((SELECT max(person_id) FROM erasures), 0)) + 1,
				?, ?, ?, ?, ?, ?, ?) RETURNING id`, p.Name, p.Role, nullDate(p.BornOn), p.Contact, p.Notes, now, now).Scan(&p.ID)
			if err != nil {
				return err
			}
			if err := putGuardians(ctx, tx, p.ID, p.Guardians); err != nil {
				return err
			}
			return w.logChange(ctx, tx, "create", "person", p.ID, personSummary(*p)+" angelegt")
		}
		old, err := getPerson(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		changed := diffPerson(old, *p)
		if len(changed) == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE people SET name = ?, role = ?, born_on = ?, contact = ?, notes = ?, updated_at = ? WHERE id = ?`,
			p.Name, p.Role, nullDate(p.BornOn), p.Contact, p.Notes, now, p.ID); err != nil {
			return err
		}
		if err := putGuardians(ctx, tx, p.ID, p.Guardians); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "update", "person", p.ID, personSummary(*p)+" geändert: "+strings.Join(changed, ", "))
	})
}

// diffPerson names the fields that differ, in German for the change log.
func diffPerson(a, b Person) []string {
	var out []string
	add := func(differs bool, name string) {
		if differs {
			out = append(out, name)
		}
	}
	add(a.Name != b.Name, "Name")
	add(a.Role != b.Role, "Rolle")
	add(!sameDate(a.BornOn, b.BornOn), "Geburtsdatum")
	add(!slices.Equal(a.Guardians, b.Guardians), "Erziehungsberechtigte")
	add(a.Contact != b.Contact, "Kontakt")
	add(a.Notes != b.Notes, "Notizen")
	return out
}

func putGuardians(ctx context.Context, tx *sql.Tx, id int64, gs []Guardian) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM guardians WHERE person_id = ?`, id); err != nil {
		return err
	}
	for i, g := range gs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO guardians (person_id, position, name, contact) VALUES (?, ?, ?, ?)`,
			id, i, g.Name, g.Contact); err != nil {
			return err
		}
	}
	return nil
}

const personColumns = `id, name, role, born_on, contact, notes, created_at, updated_at`

func scanPerson(r rowScanner) (Person, error) {
	var p Person
	var born sql.NullString
	var created, updated string
	if err := r.Scan(&p.ID, &p.Name, &p.Role, &born, &p.Contact, &p.Notes, &created, &updated); err != nil {
		return p, err
	}
	var err error
	if p.BornOn, err = parseNullDate(born); err != nil {
		return p, err
	}
	p.Created, p.Updated = parseUTC(created), parseUTC(updated)
	return p, nil
}

func getPerson(ctx context.Context, q queryer, id int64) (Person, error) {
	p, err := scanPerson(q.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE id = ?`, id))
	if err != nil {
		return p, notFound("person", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT name, contact FROM guardians WHERE person_id = ? ORDER BY position`, id)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var g Guardian
		if err := rows.Scan(&g.Name, &g.Contact); err != nil {
			return p, err
		}
		p.Guardians = append(p.Guardians, g)
	}
	return p, rows.Err()
}

// Person reads one person with the guardians.
func (w *Workspace) Person(ctx context.Context, id int64) (Person, error) {
	p, err := getPerson(ctx, w.reader(), id)
	if err != nil {
		return p, w.fault("read person", err)
	}
	return p, nil
}

// PersonFilter narrows the list of people by the state of their consent.
type PersonFilter string

// The filters of the Personen list.
const (
	PeopleAll       PersonFilter = ""
	PeopleMissing   PersonFilter = "missing"   // on a picture, no consent in force (and none withdrawn)
	PeopleExpiring  PersonFilter = "expiring"  // in force, but ending within ExpiringDays
	PeopleWithdrawn PersonFilter = "withdrawn" // withdrawn, no newer consent
)

// PersonNoPictures is the list's state of a person without a consent in
// force (and none withdrawn) who is on no picture: nothing to fear yet, so
// the Personen list shows it in grey ("auf keinem Bild") rather than as a
// missing consent. Planned use goes through pictures, so a person on no
// picture is in no planned post either.
const PersonNoPictures PersonState = "nopictures"

// ListState is the state the Personen list shows for a person in state st
// (from PersonStateOn) who is on pictures pictures: a missing consent is
// PersonNoPictures while the person is on none.
func ListState(st PersonState, pictures int) PersonState {
	if st == PersonMissing && pictures == 0 {
		return PersonNoPictures
	}
	return st
}

// PeopleQuery asks for people: Text matches the name (case-insensitive,
// anywhere), Filter the consent state on Day (the zero Day is today).
type PeopleQuery struct {
	Text   string
	Filter PersonFilter
	Day    calendar.Date
}

// PersonListItem is a row of the Personen list: the person and the state
// of the consent on the query's day.
type PersonListItem struct {
	Person
	State PersonState
}

// People lists the people matching q by name (then id, so two people of
// the same name keep their order).
func (w *Workspace) People(ctx context.Context, q PeopleQuery) ([]PersonListItem, error) {
	if q.Day.IsZero() {
		q.Day = w.Today()
	}
	rows, err := w.reader().QueryContext(ctx, `SELECT `+personColumns+` FROM people ORDER BY name COLLATE NOCASE, id`)
	if err != nil {
		return nil, w.fault("read people", err)
	}
	// The name is matched here, not by SQL LIKE, which folds only ASCII
	// letters: "jürgen" must find "Jürgen". Hundreds of people, not more.
	text := strings.ToLower(strings.TrimSpace(q.Text))
	var people []Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			rows.Close()
			return nil, w.fault("read people", err)
		}
		if strings.Contains(strings.ToLower(p.Name), text) {
			people = append(people, p)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, w.fault("read people", err)
	}
	consents, err := w.consentsOf(ctx, w.reader(), nil)
	if err != nil {
		return nil, w.fault("read people", err)
	}
	// The list says "2 Erziehungsberechtigte" for a minor: the guardians
	// of everyone, in one query.
	guardians, err := allGuardians(ctx, w.reader())
	if err != nil {
		return nil, w.fault("read people", err)
	}
	pictures, err := pictureCounts(ctx, w.reader())
	if err != nil {
		return nil, w.fault("read people", err)
	}
	var out []PersonListItem
	for _, p := range people {
		p.Guardians = guardians[p.ID]
		st := ListState(PersonStateOn(p, consents[p.ID], q.Day), pictures[p.ID])
		if q.Filter == PeopleAll || string(q.Filter) == string(st) {
			out = append(out, PersonListItem{Person: p, State: st})
		}
	}
	return out, nil
}

// pictureCounts counts every person's pictures (as PicturesOfPerson does),
// in one query.
func pictureCounts(ctx context.Context, q queryer) (map[int64]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT mp.person_id, COUNT(*) FROM media_people mp
		JOIN media m ON m.hash = mp.media_hash GROUP BY mp.person_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// allGuardians reads every person's guardians, in their order.
func allGuardians(ctx context.Context, q queryer) (map[int64][]Guardian, error) {
	rows, err := q.QueryContext(ctx, `SELECT person_id, name, contact FROM guardians ORDER BY person_id, position`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]Guardian{}
	for rows.Next() {
		var id int64
		var g Guardian
		if err := rows.Scan(&id, &g.Name, &g.Contact); err != nil {
			return nil, err
		}
		out[id] = append(out[id], g)
	}
	return out, rows.Err()
}
