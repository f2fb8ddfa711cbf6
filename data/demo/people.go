package demo

import (
	"context"
	"fmt"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// people gives the demo the people in its pictures and their consents, so
// that every rights badge, the editor's consent lines and a blocked post
// can be seen:
//
//   - team-1 (the Azubis): Lea with a valid consent, Malte whose consent
//     ends in 20 days ("läuft ab"; the Azubi-Dienstag posts after that day
//     are blocked);
//   - team-2 (the excavation team): Sophie, who withdrew her consent three
//     days ago ("widerrufen"; the published post warns, the planned one is
//     blocked), and Jonas, a minor with the consent of his guardians;
//   - saeulen-1: Ole, a visitor on the steps who never gave a consent
//     ("fehlt"; the post in review cannot be approved);
//   - pictures of buildings "keine erkennbaren Personen", a street scene
//     "nur Menschenmenge", the excavation pictures and a poster left
//     ungeklärt, and the castle's licence ended five days ago.
//
// It runs after the posts are planned, as an office would record the
// consents for pictures already in use.
func people(ctx context.Context, ws *data.Workspace, today calendar.Date, mediaID map[string]int64) error {
	day := func(offset int) *calendar.Date { d := today.AddDays(offset); return &d }
	pic := func(names ...string) ([]int64, error) {
		var ids []int64
		for _, n := range names {
			id, ok := mediaID[n]
			if !ok {
				return nil, fmt.Errorf("demo picture %q: %w", n, data.ErrNotFound)
			}
			ids = append(ids, id)
		}
		return ids, nil
	}
	type consent struct {
		c        data.Consent
		withdraw *data.Withdrawal
	}
	type person struct {
		p        data.Person
		pictures []string
		consents []consent
	}
	social := []data.Platform{data.Instagram, data.Facebook, data.Mastodon, data.Website}
	all := []person{
		{p: data.Person{Name: "Lea Brandt", Role: data.RoleTrainee, Contact: "lea.brandt@ldas.example",
			Notes: "Auszubildende Bauzeichnerin, 2. Lehrjahr"},
			pictures: []string{"team-1"},
			consents: []consent{{c: data.Consent{GivenOn: today.AddDays(-60), Form: data.FormWritten, GivenBy: data.GivenBySelf,
				Platforms: social, Purposes: []data.Purpose{data.PurposePR, data.PurposeRecruiting}, Pictures: data.ScopeItems,
				Informed: true, Notes: "Azubi-Fotoshooting vor dem Dienstgebäude"}}}},
		{p: data.Person{Name: "Malte Jansen", Role: data.RoleTrainee, Contact: "malte.jansen@ldas.example"},
			pictures: []string{"team-1"},
			consents: []consent{{c: data.Consent{GivenOn: today.AddDays(-60), Form: data.FormElectronic, GivenBy: data.GivenBySelf,
				Platforms: []data.Platform{data.Instagram, data.Facebook}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeItems,
				ValidUntil: day(20), Informed: true, Notes: "Befristet bis zum Ende der Ausbildung"}}}},
		{p: data.Person{Name: "Sophie Kramer", Role: data.RoleEmployee, Contact: "Grabungsteam, Tel. 0511 555-0142"},
			pictures: []string{"team-2"},
			consents: []consent{{c: data.Consent{GivenOn: today.AddDays(-40), Form: data.FormWritten, GivenBy: data.GivenBySelf,
				Platforms: social, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeItems, Informed: true},
				withdraw: &data.Withdrawal{On: today.AddDays(-3), Via: "E-Mail an die Pressestelle",
					Note: "Möchte nicht mehr in sozialen Medien gezeigt werden."}}}},
		{p: data.Person{Name: "Jonas Weber", Role: data.RoleMinor, BornOn: day(-13*365 - 100),
			Guardians: []data.Guardian{{Name: "Petra Weber", Contact: "0511 555-0178"}, {Name: "Frank Weber"}},
			Notes:     "Schülerpraktikum im Grabungsteam"},
			pictures: []string{"team-2"},
			consents: []consent{{c: data.Consent{GivenOn: today.AddDays(-35), Form: data.FormWritten, GivenBy: data.GivenByGuardians,
				Platforms: []data.Platform{data.Instagram, data.Facebook, data.Website}, Purposes: []data.Purpose{data.PurposePR},
				Pictures: data.ScopeItems, ValidUntil: day(300), Informed: true}}}},
		{p: data.Person{Name: "Ole Fischer", Role: data.RoleCitizen, Notes: "Besucher auf der Freitreppe, Einwilligung noch einholen"},
			pictures: []string{"saeulen-1"}},
	}
	for _, it := range all {
		p := it.p
		if err := ws.SavePerson(ctx, &p); err != nil {
			return fmt.Errorf("person %q: %w", p.Name, err)
		}
		ids, err := pic(it.pictures...)
		if err != nil {
			return err
		}
		for _, c := range it.consents {
			c.c.PersonID, c.c.MediaIDs = p.ID, ids
			if err := ws.AddConsent(ctx, &c.c); err != nil {
				return fmt.Errorf("consent of %q: %w", p.Name, err)
			}
			if c.withdraw != nil {
				if err := ws.WithdrawConsent(ctx, c.c.ID, *c.withdraw); err != nil {
					return fmt.Errorf("withdrawal of %q: %w", p.Name, err)
				}
			}
		}
		if err := ws.AddPicturePeople(ctx, ids, []int64{p.ID}); err != nil {
			return err
		}
	}
	for dec, names := range map[data.PeopleDecision][]string{
		data.DecisionNone:  {"fachwerk-1", "kirche-1", "burg-1", "werkstatt-1", "werkstatt-2", "plakat-1"},
		data.DecisionCrowd: {"fachwerk-2"},
	} {
		ids, err := pic(names...)
		if err != nil {
			return err
		}
		if err := ws.SetPicturesDecision(ctx, ids, dec); err != nil {
			return err
		}
	}
	// An agency-style licence that ended: the castle may no longer be
	// used (a planned post with it is blocked).
	ids, err := pic("burg-1")
	if err != nil {
		return err
	}
	return ws.SetMediaUsableUntil(ctx, ids, day(-5))
}
