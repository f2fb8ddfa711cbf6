package data

import (
	"testing"
	"time"
)

// A person is a minor by the birth date whatever the role; without a date
// only the role Kind/Jugendliche/r counts as minor. The rule follows: a
// 16-year-old Auszubildende/r needs the guardians' consent.
func TestMinorOnByBirthDateForEveryRole(t *testing.T) {
	day := date(2026, 6, 15)
	ig := Channel{ID: 1, Name: "Instagram", Platform: Instagram}
	pic := Media{ID: 7, Hash: "h1", Taken: time.Date(2026, 5, 10, 14, 0, 0, 0, WorkspaceZone())}
	self := Consent{ID: 10, GivenOn: date(2026, 5, 1), Form: FormWritten, GivenBy: GivenBySelf,
		Platforms: []Platform{Instagram}, Purposes: []Purpose{PurposePR}, Pictures: ScopeShoot}
	guardians := self
	guardians.GivenBy = GivenByGuardians
	tests := []struct {
		name    string
		person  Person
		consent Consent
		minor   bool
		want    Reason // "" for no finding
	}{
		{"16-year-old trainee, own consent only", Person{ID: 1, Role: RoleTrainee, BornOn: dp(2010, 3, 1)}, self, true, ReasonGuardians},
		{"16-year-old trainee, guardians' consent", Person{ID: 1, Role: RoleTrainee, BornOn: dp(2010, 3, 1)}, guardians, true, ""},
		{"17-year-old citizen, own consent only", Person{ID: 1, Role: RoleCitizen, BornOn: dp(2009, 1, 1)}, self, true, ReasonGuardians},
		{"adult trainee with birth date", Person{ID: 1, Role: RoleTrainee, BornOn: dp(2000, 3, 1)}, self, false, ""},
		{"trainee without birth date counts as adult", Person{ID: 1, Role: RoleTrainee}, self, false, ""},
		{"Kind/Jugendliche/r without birth date stays minor", Person{ID: 1, Role: RoleMinor}, self, true, ReasonGuardians},
		{"Kind/Jugendliche/r of age by birth date", Person{ID: 1, Role: RoleMinor, BornOn: dp(2007, 1, 1)}, self, false, ""},
		{"employee turning 18 on the day", Person{ID: 1, Role: RoleEmployee, BornOn: dp(2008, 6, 15)}, self, false, ""},
		{"employee turning 18 the day after", Person{ID: 1, Role: RoleEmployee, BornOn: dp(2008, 6, 16)}, self, true, ReasonGuardians},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.person.Name = "Lena Azubi"
			if got := tt.person.MinorOn(day); got != tt.minor {
				t.Errorf("MinorOn = %v, want %v", got, tt.minor)
			}
			c := ClearPicture(PictureFacts{Media: pic, Decision: DecisionPeople,
				People: []PersonConsents{{Person: tt.person, Consents: []Consent{tt.consent}}}},
				ClearanceInput{Channels: []Channel{ig}, Day: day})
			var got Reason
			if len(c.Findings) > 0 {
				got = c.Findings[0].Reason
			}
			if got != tt.want || len(c.Findings) > 1 {
				t.Errorf("findings %v, want %q", c.Findings, tt.want)
			}
		})
	}
}
