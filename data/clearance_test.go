package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"feedtakt/assets"
	"feedtakt/data/calendar"
)

// finding is a finding reduced to what the rule's table checks.
type finding struct {
	reason  Reason
	person  int64
	channel int64
}

func (f finding) String() string { return fmt.Sprintf("%s/p%d/c%d", f.reason, f.person, f.channel) }

func dp(y int, m time.Month, d int) *calendar.Date { x := date(y, m, d); return &x }

// The rule, over its edge cases: one picture (taken 10.05.2026), the
// channels Instagram (1) and Facebook (2), a post on 15.06.2026.
func TestClearPicture(t *testing.T) {
	day := date(2026, 6, 15)
	ig := Channel{ID: 1, Name: "Instagram", Platform: Instagram}
	fb := Channel{ID: 2, Name: "Facebook", Platform: Facebook}
	pic := Media{ID: 7, Hash: "h1", Taken: time.Date(2026, 5, 10, 14, 0, 0, 0, WorkspaceZone())}
	anna := Person{ID: 1, Name: "Anna Beispiel", Role: RoleEmployee}
	ben := Person{ID: 2, Name: "Ben Klein", Role: RoleMinor, BornOn: dp(2012, 1, 1)}
	// Carla turns 18 on the post's day.
	carla := Person{ID: 3, Name: "Carla Groß", Role: RoleMinor, BornOn: dp(2008, 6, 15)}
	// Dana turns 18 the day after.
	dana := Person{ID: 4, Name: "Dana Groß", Role: RoleMinor, BornOn: dp(2008, 6, 16)}
	base := Consent{ID: 10, GivenOn: date(2026, 5, 1), Form: FormWritten, GivenBy: GivenBySelf,
		Platforms: []Platform{Instagram, Facebook}, Purposes: []Purpose{PurposePR}, Pictures: ScopeShoot, Shoot: "Azubi-Tag"}
	with := func(edit func(*Consent)) Consent { c := base; edit(&c); return c }
	withdrawn := func(on calendar.Date) func(*Consent) {
		return func(c *Consent) { c.Withdrawal = &Withdrawal{On: on, Via: "E-Mail"} }
	}
	people := func(p Person, cs ...Consent) []PersonConsents { return []PersonConsents{{Person: p, Consents: cs}} }
	both := []Channel{ig, fb}

	tests := []struct {
		name     string
		media    Media
		decision PeopleDecision
		people   []PersonConsents
		channels []Channel
		want     []finding
		blocked  bool
	}{
		{name: "valid consent", decision: DecisionPeople, people: people(anna, base), channels: both},
		{name: "ungeklärt warns", decision: DecisionUnclear, channels: both, want: []finding{{ReasonUnclear, 0, 0}}},
		{name: "people decided, but nobody linked: ungeklärt", decision: DecisionPeople, channels: both, want: []finding{{ReasonUnclear, 0, 0}}},
		{name: "no identifiable people", decision: DecisionNone, channels: both},
		{name: "only a crowd", decision: DecisionCrowd, channels: both},
		{name: "no consent at all", decision: DecisionPeople, people: people(anna), channels: both,
			want: []finding{{ReasonMissing, 1, 1}, {ReasonMissing, 1, 2}}, blocked: true},
		{name: "consent for Instagram used on Facebook", decision: DecisionPeople, channels: both,
			people: people(anna, with(func(c *Consent) { c.Platforms = []Platform{Instagram} })),
			want:   []finding{{ReasonOutOfScope, 1, 2}}, blocked: true},
		{name: "consent for one channel, by id", decision: DecisionPeople, channels: []Channel{fb},
			people: people(anna, with(func(c *Consent) { c.Platforms, c.ChannelIDs = nil, []int64{2} }))},
		{name: "purpose not covered", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(func(c *Consent) { c.Purposes = []Purpose{PurposeRecruiting} })),
			want:   []finding{{ReasonOutOfScope, 1, 1}}, blocked: true},
		{name: "valid until the day before the post", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(func(c *Consent) { c.ValidUntil = dp(2026, 6, 14) })),
			want:   []finding{{ReasonExpired, 1, 1}}, blocked: true},
		{name: "valid until the post's day: expiring warns", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(func(c *Consent) { c.ValidUntil = dp(2026, 6, 15) })),
			want:   []finding{{ReasonExpiring, 1, 1}}},
		{name: "ends in 29 days: expiring", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(func(c *Consent) { c.ValidUntil = dp(2026, 7, 14) })),
			want:   []finding{{ReasonExpiring, 1, 1}}},
		{name: "ends in 30 days: fine", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(func(c *Consent) { c.ValidUntil = dp(2026, 7, 15) }))},
		{name: "withdrawn before the post", decision: DecisionPeople, channels: both,
			people: people(anna, with(withdrawn(date(2026, 6, 1)))),
			want:   []finding{{ReasonWithdrawn, 1, 1}, {ReasonWithdrawn, 1, 2}}, blocked: true},
		{name: "withdrawn on the post's day", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(withdrawn(day))),
			want:   []finding{{ReasonWithdrawn, 1, 1}}, blocked: true},
		{name: "withdrawn after a published post warns", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(withdrawn(date(2026, 7, 1)))),
			want:   []finding{{ReasonWithdrawnLater, 1, 1}}},
		{name: "several consents, the newest withdrawn", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, base, with(func(c *Consent) {
				c.ID, c.GivenOn = 11, date(2026, 5, 20)
				c.Withdrawal = &Withdrawal{On: date(2026, 6, 1)}
			})),
			want: []finding{{ReasonWithdrawn, 1, 1}}, blocked: true},
		{name: "a new consent after a withdrawal counts", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(withdrawn(date(2026, 5, 5))), with(func(c *Consent) { c.ID, c.GivenOn = 11, date(2026, 6, 1) }))},
		{name: "consent given after the post's day", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(func(c *Consent) { c.GivenOn = date(2026, 6, 16) })),
			want:   []finding{{ReasonMissing, 1, 1}}, blocked: true},
		{name: "minor with only their own consent", decision: DecisionPeople, channels: []Channel{ig},
			people: people(ben, base), want: []finding{{ReasonGuardians, 2, 1}}, blocked: true},
		{name: "minor with the guardians' consent", decision: DecisionPeople, channels: []Channel{ig},
			people: people(ben, with(func(c *Consent) { c.GivenBy = GivenByGuardians }))},
		{name: "minor with both", decision: DecisionPeople, channels: []Channel{ig},
			people: people(ben, with(func(c *Consent) { c.GivenBy = GivenByBoth }))},
		{name: "minor by role, no birth date", decision: DecisionPeople, channels: []Channel{ig},
			people: people(Person{ID: 5, Name: "Emil", Role: RoleMinor}, base), want: []finding{{ReasonGuardians, 5, 1}}, blocked: true},
		{name: "turned 18 on the post's day: guardians' consent no longer suffices", decision: DecisionPeople, channels: []Channel{ig},
			people: people(carla, with(func(c *Consent) { c.GivenBy = GivenByGuardians })),
			want:   []finding{{ReasonOwnConsent, 3, 1}}, blocked: true},
		{name: "17 on the post's day: guardians' consent suffices", decision: DecisionPeople, channels: []Channel{ig},
			people: people(dana, with(func(c *Consent) { c.GivenBy = GivenByGuardians }))},
		{name: "chosen pictures: this one not among them", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(func(c *Consent) { c.Pictures, c.mediaHashes = ScopeItems, []string{"other"} })),
			want:   []finding{{ReasonMissing, 1, 1}}, blocked: true},
		{name: "chosen pictures: this one among them", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(func(c *Consent) { c.Pictures, c.mediaHashes = ScopeItems, []string{"other", "h1"} }))},
		{name: "shoot on other days", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(func(c *Consent) { c.ShootFrom, c.ShootTo = dp(2026, 5, 11), dp(2026, 5, 12) })),
			want:   []finding{{ReasonMissing, 1, 1}}, blocked: true},
		{name: "shoot on the picture's day", decision: DecisionPeople, channels: []Channel{ig},
			people: people(anna, with(func(c *Consent) { c.ShootFrom, c.ShootTo = dp(2026, 5, 10), dp(2026, 5, 10) }))},
		{name: "an idea without channels", decision: DecisionPeople, people: people(anna),
			want: []finding{{ReasonMissing, 1, 0}}, blocked: true},
		{name: "licence expired", media: Media{UsableUntil: dp(2026, 6, 14)}, decision: DecisionNone, channels: both,
			want: []finding{{ReasonLicenceExpired, 0, 0}}, blocked: true},
		{name: "licence ends on the day: warns", media: Media{UsableUntil: dp(2026, 6, 15)}, decision: DecisionNone, channels: both,
			want: []finding{{ReasonLicenceExpiring, 0, 0}}},
		{name: "licence expired and ungeklärt", media: Media{UsableUntil: dp(2026, 1, 1)}, channels: both,
			want: []finding{{ReasonLicenceExpired, 0, 0}, {ReasonUnclear, 0, 0}}, blocked: true},
		{name: "two people, one fine, one missing", decision: DecisionPeople, channels: []Channel{ig},
			people: append(people(anna, base), people(ben)...), want: []finding{{ReasonMissing, 2, 1}}, blocked: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := pic
			m.UsableUntil = tt.media.UsableUntil
			c := ClearPicture(PictureFacts{Media: m, Decision: tt.decision, People: tt.people}, ClearanceInput{Channels: tt.channels, Day: day})
			var got []finding
			for _, f := range c.Findings {
				got = append(got, finding{f.Reason, f.PersonID, f.ChannelID})
				if f.Key == "" {
					t.Errorf("finding %v without a sentence", f)
				}
				if de := calendar.Message.Text(f.Message(), "de"); strings.Contains(de, "{{") || strings.Contains(de, "<no value>") || de == f.Key {
					t.Errorf("finding %v reads %q in German", f, de)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings %v, want %v", got, tt.want)
			}
			if c.Blocked() != tt.blocked {
				t.Errorf("blocked %v, want %v", c.Blocked(), tt.blocked)
			}
		})
	}
}

// The findings read as German sentences that name the person, the channel
// and the day.
func TestClearanceWording(t *testing.T) {
	anna := Person{ID: 1, Name: "Anna Beispiel", Role: RoleEmployee}
	c := Consent{ID: 1, GivenOn: date(2026, 1, 1), Form: FormWritten, GivenBy: GivenBySelf, Platforms: []Platform{Instagram},
		Purposes: []Purpose{PurposePR}, Pictures: ScopeShoot, Shoot: "Tag der offenen Tür", ValidUntil: dp(2026, 3, 31)}
	got := ClearPicture(PictureFacts{Media: Media{Hash: "h"}, Decision: DecisionPeople, People: []PersonConsents{{anna, []Consent{c}}}},
		ClearanceInput{Channels: []Channel{{ID: 1, Name: "Instagram Stadt", Platform: Instagram}, {ID: 2, Name: "Facebook Stadt", Platform: Facebook}}, Day: date(2026, 4, 1)})
	var texts []string
	for _, f := range got.Findings {
		texts = append(texts, f.Message().Text("de"))
	}
	want := []string{
		"Die Einwilligung von Anna Beispiel für Instagram Stadt endet am 31.03.2026, vor dem Termin am 01.04.2026.",
		"Die Einwilligung von Anna Beispiel deckt Facebook Stadt nicht ab.",
	}
	if !slices.Equal(texts, want) {
		t.Errorf("got %q\nwant %q", texts, want)
	}
	idea := ClearPicture(PictureFacts{Media: Media{Hash: "h"}, Decision: DecisionPeople, People: []PersonConsents{{Person: anna}}}, ClearanceInput{Day: date(2026, 4, 1)})
	if s := idea.Findings[0].Message().Text("de"); s != "Anna Beispiel: keine Einwilligung für alle Kanäle." {
		t.Errorf("idea: %q", s)
	}
	if got.Worst() != ReasonExpired || (Clearance{}).Worst() != "" {
		t.Errorf("worst %q", got.Worst())
	}
	if assets.Text("de", RoleMinor.Key(), nil) != "Kind/Jugendliche/r" {
		t.Error("role not translated")
	}
}

// An end before the post's day reads "ist am … abgelaufen" only when it
// lies before today; still to come it reads "endet am …, vor dem Termin
// am …". The reason stays the same either way, and no field name leaks.
func TestClearanceWordingEndBeforeDay(t *testing.T) {
	anna := Person{ID: 1, Name: "Anna Beispiel", Role: RoleEmployee}
	c := Consent{ID: 1, GivenOn: date(2026, 1, 1), Form: FormWritten, GivenBy: GivenBySelf, Platforms: []Platform{Instagram},
		Purposes: []Purpose{PurposePR}, Pictures: ScopeShoot, Shoot: "Sommerfest", ValidUntil: dp(2026, 12, 6)}
	ig := []Channel{{ID: 1, Name: "Instagram Stadt", Platform: Instagram}}
	tests := []struct {
		name   string
		facts  PictureFacts
		today  calendar.Date
		reason Reason
		want   string
	}{
		{"licence ends before the day, after today", PictureFacts{Media: Media{Hash: "h", UsableUntil: dp(2026, 12, 6)}, Decision: DecisionNone},
			date(2026, 12, 2), ReasonLicenceExpired, "Die Lizenz endet am 06.12.2026, vor dem Termin am 08.12.2026."},
		{"licence ended before today", PictureFacts{Media: Media{Hash: "h", UsableUntil: dp(2026, 12, 1)}, Decision: DecisionNone},
			date(2026, 12, 2), ReasonLicenceExpired, "Die Lizenz ist am 01.12.2026 abgelaufen."},
		{"licence ends soon", PictureFacts{Media: Media{Hash: "h", UsableUntil: dp(2026, 12, 20)}, Decision: DecisionNone},
			date(2026, 12, 2), ReasonLicenceExpiring, "Die Lizenz läuft am 20.12.2026 ab."},
		{"consent ends before the day, after today", PictureFacts{Media: Media{Hash: "h"}, Decision: DecisionPeople, People: []PersonConsents{{anna, []Consent{c}}}},
			date(2026, 12, 2), ReasonExpired, "Die Einwilligung von Anna Beispiel für Instagram Stadt endet am 06.12.2026, vor dem Termin am 08.12.2026."},
		{"consent ended before today", PictureFacts{Media: Media{Hash: "h"}, Decision: DecisionPeople, People: []PersonConsents{{anna, []Consent{c}}}},
			date(2026, 12, 7), ReasonExpired, "Die Einwilligung von Anna Beispiel für Instagram Stadt ist am 06.12.2026 abgelaufen."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ClearPicture(tt.facts, ClearanceInput{Channels: ig, Day: date(2026, 12, 8), Today: tt.today})
			if len(got.Findings) != 1 || got.Findings[0].Reason != tt.reason {
				t.Fatalf("findings %+v, want one %s", got.Findings, tt.reason)
			}
			if s := got.Findings[0].Message().Text("de"); s != tt.want || strings.Contains(s, "nutzbar") {
				t.Errorf("got %q\nwant %q", s, tt.want)
			}
		})
	}
}

// The person's state for the Personen list and its filters.
func TestPersonStateOn(t *testing.T) {
	day := date(2026, 6, 15)
	anna := Person{ID: 1, Name: "Anna", Role: RoleCitizen}
	c := Consent{ID: 1, GivenOn: date(2026, 1, 1), GivenBy: GivenBySelf}
	tests := []struct {
		name     string
		consents []Consent
		want     PersonState
	}{
		{"none", nil, PersonMissing},
		{"valid", []Consent{c}, PersonOK},
		{"expiring", []Consent{{ID: 1, GivenOn: c.GivenOn, GivenBy: GivenBySelf, ValidUntil: dp(2026, 7, 1)}}, PersonExpiring},
		{"expired", []Consent{{ID: 1, GivenOn: c.GivenOn, GivenBy: GivenBySelf, ValidUntil: dp(2026, 6, 1)}}, PersonMissing},
		{"withdrawn", []Consent{{ID: 1, GivenOn: c.GivenOn, GivenBy: GivenBySelf, Withdrawal: &Withdrawal{On: date(2026, 6, 1)}}}, PersonWithdrawn},
		{"withdrawn, then given again", []Consent{{ID: 1, GivenOn: c.GivenOn, GivenBy: GivenBySelf, Withdrawal: &Withdrawal{On: date(2026, 2, 1)}},
			{ID: 2, GivenOn: date(2026, 3, 1), GivenBy: GivenBySelf}}, PersonOK},
		{"only the guardians' for an adult", []Consent{{ID: 1, GivenOn: c.GivenOn, GivenBy: GivenByGuardians}}, PersonMissing},
	}
	for _, tt := range tests {
		if got := PersonStateOn(anna, tt.consents, day); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
