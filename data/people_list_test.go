package data

import (
	"context"
	"testing"
)

// TestPeopleListCarriesGuardians: the Personen list says how many
// guardians a minor has, so People reads them like Person does.
func TestPeopleListCarriesGuardians(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	kid := Person{Name: "Zoë Müller", Role: RoleMinor, Guardians: []Guardian{{Name: "Änne Müller", Contact: "0151"}, {Name: "Björn Müller"}}}
	adult := Person{Name: "Anna Amsel", Role: RoleEmployee}
	for _, p := range []*Person{&kid, &adult} {
		if err := ws.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := ws.People(ctx, PeopleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].Name != "Anna Amsel" || len(ps[0].Guardians) != 0 ||
		len(ps[1].Guardians) != 2 || ps[1].Guardians[0] != kid.Guardians[0] || ps[1].Guardians[1].Name != "Björn Müller" {
		t.Errorf("People = %+v", ps)
	}
}
