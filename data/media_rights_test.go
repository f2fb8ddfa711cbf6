package data

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"feedtakt/assets"
	"feedtakt/data/calendar"
)

// rightsFixture is a workspace on 01.03.2026 with one picture per rights
// state (all taken at the shoot "Azubi-Tag" on 10.02.2026) and the people
// and consents behind them.
type rightsFixture struct {
	ws   *Workspace
	pics map[string]Media
}

func newRightsFixture(t *testing.T) rightsFixture {
	t.Helper()
	ctx := context.Background()
	ws, _, _ := consentWorkspace(t)
	taken := time.Date(2026, 2, 10, 10, 0, 0, 0, WorkspaceZone())
	f := rightsFixture{ws: ws, pics: map[string]Media{}}
	for _, name := range []string{"ok", "unclear", "none", "crowd", "missing", "expiring", "withdrawn", "licence", "licence-soon",
		"minor", "minor-no-guardians", "two", "purpose"} {
		f.pics[name] = addTestMedia(t, ws, Media{OriginalName: name + ".jpg", Taken: taken})
	}
	anna := mustPerson(t, ws, Person{Name: "Anna Beispiel", Role: RoleEmployee})
	mustConsent(t, ws, written(anna.ID, date(2026, 2, 10), Instagram, Facebook))
	nobody := mustPerson(t, ws, Person{Name: "Niko Ohne", Role: RoleCitizen})
	soon := mustPerson(t, ws, Person{Name: "Sara Bald", Role: RoleGuest})
	c := written(soon.ID, date(2026, 2, 10), Instagram)
	c.ValidUntil = dp(2026, 3, 20)
	mustConsent(t, ws, c)
	gone := mustPerson(t, ws, Person{Name: "Willi Weg", Role: RoleEmployee})
	wc := mustConsent(t, ws, written(gone.ID, date(2026, 2, 10), Instagram))
	if err := ws.WithdrawConsent(ctx, wc.ID, Withdrawal{On: date(2026, 2, 20), Via: "E-Mail"}); err != nil {
		t.Fatal(err)
	}
	kid := mustPerson(t, ws, Person{Name: "Mia Klein", Role: RoleMinor, BornOn: dp(2015, 4, 1),
		Guardians: []Guardian{{Name: "Eva Klein"}}})
	kc := written(kid.ID, date(2026, 2, 10), Website)
	kc.GivenBy = GivenByGuardians
	mustConsent(t, ws, kc)
	kid2 := mustPerson(t, ws, Person{Name: "Tom Klein", Role: RoleMinor, BornOn: dp(2014, 1, 1)})
	mustConsent(t, ws, written(kid2.ID, date(2026, 2, 10), Website)) // signed by himself only
	press := mustPerson(t, ws, Person{Name: "Paul Presse", Role: RoleGuest})
	pc := written(press.ID, date(2026, 2, 10), Instagram)
	pc.Purposes = []Purpose{PurposePress}
	mustConsent(t, ws, pc)

	set := func(name string, ids ...int64) {
		t.Helper()
		if err := ws.SetPicturePeople(ctx, f.pics[name].ID, ids); err != nil {
			t.Fatal(err)
		}
	}
	decide := func(name string, d PeopleDecision) {
		t.Helper()
		if err := ws.SetPictureDecision(ctx, f.pics[name].ID, d); err != nil {
			t.Fatal(err)
		}
	}
	until := func(name string, d calendar.Date) {
		t.Helper()
		if err := ws.SetMediaUsableUntil(ctx, []int64{f.pics[name].ID}, &d); err != nil {
			t.Fatal(err)
		}
	}
	set("ok", anna.ID)
	decide("none", DecisionNone)
	decide("crowd", DecisionCrowd)
	set("missing", nobody.ID)
	set("expiring", soon.ID)
	set("withdrawn", gone.ID)
	decide("licence", DecisionNone)
	until("licence", date(2026, 2, 28))
	decide("licence-soon", DecisionNone)
	until("licence-soon", date(2026, 3, 15))
	set("minor", kid.ID)
	set("minor-no-guardians", kid2.ID)
	set("two", anna.ID, nobody.ID, soon.ID)
	set("purpose", press.ID)
	return f
}

// The rights of each picture in the Mediathek, by the rule: the badge's
// state, the states the filter finds it under, the findings' reasons.
// The batch and the single picture agree.
func TestMediaRights(t *testing.T) {
	ctx := context.Background()
	f := newRightsFixture(t)
	tests := []struct {
		pic     string
		state   RightsState
		has     []RightsState
		reasons []Reason
	}{
		{"ok", RightsOK, []RightsState{RightsOK}, nil},
		{"unclear", RightsUnclear, []RightsState{RightsUnclear}, []Reason{ReasonUnclear}},
		{"none", RightsOK, []RightsState{RightsOK}, nil},
		{"crowd", RightsOK, []RightsState{RightsOK}, nil},
		{"missing", RightsMissing, []RightsState{RightsMissing}, []Reason{ReasonMissing}},
		{"expiring", RightsExpiring, []RightsState{RightsExpiring}, []Reason{ReasonExpiring}},
		{"withdrawn", RightsWithdrawn, []RightsState{RightsWithdrawn}, []Reason{ReasonWithdrawn}},
		{"licence", RightsLicenceExpired, []RightsState{RightsLicenceExpired}, []Reason{ReasonLicenceExpired}},
		{"licence-soon", RightsExpiring, []RightsState{RightsExpiring}, []Reason{ReasonLicenceExpiring}},
		{"minor", RightsOK, []RightsState{RightsOK}, nil},
		{"minor-no-guardians", RightsMissing, []RightsState{RightsMissing}, []Reason{ReasonGuardians}},
		// Anna fine, Niko without consent, Sara's ends soon: the worst
		// is the badge, the filter finds it under both.
		{"two", RightsMissing, []RightsState{RightsMissing, RightsExpiring}, []Reason{ReasonMissing, ReasonExpiring}},
		{"purpose", RightsMissing, []RightsState{RightsMissing}, []Reason{ReasonOutOfScope}},
	}
	var ids []int64
	for _, tc := range tests {
		ids = append(ids, f.pics[tc.pic].ID)
	}
	batch, err := f.ws.MediaRights(ctx, append(ids, 9999))
	if err != nil {
		t.Fatal(err)
	}
	if len(batch) != len(tests) {
		t.Errorf("batch has %d items, want %d", len(batch), len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.pic, func(t *testing.T) {
			one, err := f.ws.PictureRights(ctx, f.pics[tc.pic].ID)
			if err != nil {
				t.Fatal(err)
			}
			for name, r := range map[string]PictureRights{"single": one, "batch": batch[f.pics[tc.pic].ID]} {
				if r.State != tc.state {
					t.Errorf("%s: state %q, want %q", name, r.State, tc.state)
				}
				var reasons []Reason
				for _, fd := range r.Findings {
					reasons = append(reasons, fd.Reason)
				}
				if !slices.Equal(reasons, tc.reasons) {
					t.Errorf("%s: reasons %v, want %v", name, reasons, tc.reasons)
				}
				for _, s := range append(RightsStates(), RightsOK) {
					if r.Has(s) != slices.Contains(tc.has, s) {
						t.Errorf("%s: Has(%s) = %v", name, s, r.Has(s))
					}
				}
				for _, fd := range r.Findings {
					if msg := assets.Text("de", fd.Key, nil); strings.Contains(msg, "alle Kanäle") {
						t.Errorf("%s: finding names a channel in the Mediathek: %q", name, msg)
					}
				}
			}
			if !slices.EqualFunc(one.People, batch[f.pics[tc.pic].ID].People, func(a, b Person) bool { return a.ID == b.ID }) {
				t.Errorf("people differ: %v / %v", one.People, batch[f.pics[tc.pic].ID].People)
			}
		})
	}
	if r := batch[f.pics["two"].ID]; len(r.People) != 3 || r.People[0].Name != "Anna Beispiel" || r.Decision != DecisionPeople {
		t.Errorf("people of the picture with three: %+v", r.People)
	}
	if empty, err := f.ws.MediaRights(ctx, nil); err != nil || len(empty) != 0 {
		t.Errorf("no ids: %v %v", empty, err)
	}
}

// The rights filter finds what the rule says, counts it, and pages with a
// small page size without repeating or skipping; it combines with the
// other filters.
func TestMediaRightsFilterPaging(t *testing.T) {
	ctx := context.Background()
	f := newRightsFixture(t)
	names := func(ids []int64) []string {
		var out []string
		for _, id := range ids {
			for n, m := range f.pics {
				if m.ID == id {
					out = append(out, n)
				}
			}
		}
		slices.Sort(out)
		return out
	}
	want := map[RightsState][]string{
		RightsMissing:        {"minor-no-guardians", "missing", "purpose", "two"},
		RightsUnclear:        {"unclear"},
		RightsExpiring:       {"expiring", "licence-soon", "two"},
		RightsWithdrawn:      {"withdrawn"},
		RightsLicenceExpired: {"licence"},
	}
	for _, s := range RightsStates() {
		for _, sort := range []MediaSort{SortTaken, SortImported, SortName} {
			q := MediaQuery{Rights: s, Limit: 1, Sort: sort}
			got := names(searchIDs(t, f.ws, q))
			if !slices.Equal(got, want[s]) {
				t.Errorf("%s sort %d: %v, want %v", s, sort, got, want[s])
			}
			n, err := f.ws.CountMedia(ctx, q)
			if err != nil || n != len(want[s]) {
				t.Errorf("%s: count %d %v", s, n, err)
			}
			page, n, err := f.ws.ListMediaCounted(ctx, MediaQuery{Rights: s, Sort: sort})
			if err != nil || n != len(want[s]) || len(page.Items) != n {
				t.Errorf("%s: counted %d, listed %d, %v", s, n, len(page.Items), err)
			}
		}
	}
	if got := names(searchIDs(t, f.ws, MediaQuery{Rights: RightsMissing, Text: "two"})); !slices.Equal(got, []string{"two"}) {
		t.Errorf("with a search: %v", got)
	}
	if !(MediaQuery{Rights: RightsUnclear}).Filtered() {
		t.Error("a rights filter is a filter")
	}
	if _, err := f.ws.ListMedia(ctx, MediaQuery{Rights: "bogus"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown state: %v", err)
	}
	// Deciding changes the filter at once.
	if err := f.ws.SetPictureDecision(ctx, f.pics["unclear"].ID, DecisionCrowd); err != nil {
		t.Fatal(err)
	}
	if n, _ := f.ws.CountMedia(ctx, MediaQuery{Rights: RightsUnclear}); n != 0 {
		t.Errorf("still %d ungeklärt", n)
	}
}

// A scanned consent form holds personal data: it is not in the grid, the
// picker's list, the counts or the tag counts, with or without filters;
// WithForms (the Personen screen) finds it.
func TestConsentFormsHiddenFromMediathek(t *testing.T) {
	ctx := context.Background()
	ws, _, _ := consentWorkspace(t)
	pic := addTestMedia(t, ws, Media{OriginalName: "Rathaus.jpg", Tags: []string{"Rathaus"}})
	form := addTestMedia(t, ws, Media{OriginalName: "Einwilligung Anna Beispiel.pdf", Tags: []string{"Einwilligung", "Rathaus"}})
	anna := mustPerson(t, ws, Person{Name: "Anna Beispiel", Role: RoleEmployee})
	c := written(anna.ID, date(2026, 2, 10), Instagram)
	c.FormMediaID = form.ID
	c = mustConsent(t, ws, c)

	queries := []MediaQuery{{}, {Text: "Einwilligung"}, {Tag: "Einwilligung"}, {Unused: true}, {Rights: RightsUnclear},
		{Sort: SortName}, {Sort: SortImported, Reverse: true}}
	for _, q := range queries {
		ids := searchIDs(t, ws, q)
		if slices.Contains(ids, form.ID) {
			t.Errorf("%+v lists the form", q)
		}
		n, err := ws.CountMedia(ctx, q)
		if err != nil || n != len(ids) {
			t.Errorf("%+v: count %d for %d listed (%v)", q, n, len(ids), err)
		}
	}
	if ids := searchIDs(t, ws, MediaQuery{}); !slices.Equal(ids, []int64{pic.ID}) {
		t.Errorf("grid %v", ids)
	}
	tags, err := ws.MediaTagCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(tags) != "[{Rathaus 1}]" {
		t.Errorf("tag counts %v", tags)
	}
	if ids := searchIDs(t, ws, MediaQuery{WithForms: true}); !slices.Contains(ids, form.ID) {
		t.Errorf("WithForms %v", ids)
	}
	// Detached, it is an ordinary item again.
	if err := ws.SetConsentForm(ctx, c.ID, 0); err != nil {
		t.Fatal(err)
	}
	if ids := searchIDs(t, ws, MediaQuery{}); !slices.Contains(ids, form.ID) {
		t.Errorf("detached form not listed: %v", ids)
	}
}

// The rights at the scale: 20,000 items and 300 people (a third
// of the pictures with one to three of them, a sixth decided without
// people, the rest ungeklärt; every person with a consent, one in ten
// withdrawn, one in five ending soon).
//
//	go test -tags ci -run '^$' -bench 'MediaRights' -benchtime 20x ./data/
func BenchmarkMediaRights(b *testing.B) {
	ctx := context.Background()
	ws := newTestWorkspaceOn(b, date(2026, 3, 1))
	const n, people = 20_000, 300
	var pids []int64
	for i := range people {
		p := Person{Name: fmt.Sprintf("Person %03d", i), Role: RoleEmployee}
		if err := ws.SavePerson(ctx, &p); err != nil {
			b.Fatal(err)
		}
		c := written(p.ID, date(2025, 6, 1), Instagram, Facebook)
		c.Pictures, c.Shoot = ScopeShoot, "Alle"
		if i%5 == 0 {
			c.ValidUntil = dp(2026, 3, 20)
		}
		if err := ws.AddConsent(ctx, &c); err != nil {
			b.Fatal(err)
		}
		if i%10 == 3 {
			if err := ws.WithdrawConsent(ctx, c.ID, Withdrawal{On: date(2026, 1, 5)}); err != nil {
				b.Fatal(err)
			}
		}
		pids = append(pids, p.ID)
	}
	tx, err := ws.db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	exec := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	for i := range n {
		hash := fmt.Sprintf("%064x", i+1)
		taken := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour).Format(time.RFC3339)
		if _, err := tx.Exec(`INSERT INTO media (hash, path, kind, original_name, taken_at, created_at) VALUES (?, ?, 'image', ?, ?, '2026-01-01T00:00:00Z')`,
			hash, "media/x/"+hash+".jpg", fmt.Sprintf("IMG_%05d.JPG", i), taken); err != nil {
			b.Fatal(err)
		}
		switch i % 6 {
		case 0, 1:
			exec(`INSERT INTO media_people_decision VALUES (?, 'people', '')`, hash)
			for k := range 1 + i%3 {
				exec(`INSERT OR IGNORE INTO media_people VALUES (?, ?)`, hash, pids[(i*7+k*13)%people])
			}
		case 2:
			exec(`INSERT INTO media_people_decision VALUES (?, 'none', '')`, hash)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if _, err := ws.db.Exec(`ANALYZE`); err != nil {
		b.Fatal(err)
	}
	first, err := ws.ListMedia(ctx, MediaQuery{})
	if err != nil {
		b.Fatal(err)
	}
	var page []int64
	for _, m := range first.Items {
		page = append(page, m.ID)
	}
	b.Run("batch-page-200", func(b *testing.B) {
		for b.Loop() {
			if r, err := ws.MediaRights(ctx, page); err != nil || len(r) != len(page) {
				b.Fatal(len(r), err)
			}
		}
	})
	for _, s := range []RightsState{RightsWithdrawn, RightsUnclear} {
		b.Run("filter-first-page-"+string(s), func(b *testing.B) {
			for b.Loop() {
				if _, err := ws.ListMedia(ctx, MediaQuery{Rights: s}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("filter-count-missing", func(b *testing.B) {
		for b.Loop() {
			if _, err := ws.CountMedia(ctx, MediaQuery{Rights: RightsMissing}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// What the grid does at a reload: the page and the count together.
	b.Run("filter-page-and-count-missing", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := ws.ListMediaCounted(ctx, MediaQuery{Rights: RightsMissing}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("unfiltered-first-page", func(b *testing.B) {
		for b.Loop() {
			if _, err := ws.ListMedia(ctx, MediaQuery{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// The bulk pane's edits: people added to several pictures keep the people
// each showed and replace a "nobody" decision; a decision for several
// removes their people. Unknown items or people change nothing.
func TestBulkPicturePeople(t *testing.T) {
	ctx := context.Background()
	f := newRightsFixture(t)
	ws := f.ws
	otto := mustPerson(t, ws, Person{Name: "Otto Neu", Role: RoleGuest})
	pics := []int64{f.pics["ok"].ID, f.pics["none"].ID, f.pics["unclear"].ID}
	if err := ws.AddPicturePeople(ctx, pics, []int64{otto.ID}); err != nil {
		t.Fatal(err)
	}
	names := func(id int64) string {
		dec, people, err := ws.PicturePeople(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range people {
			out = append(out, p.Name)
		}
		return string(dec) + ":" + strings.Join(out, ",")
	}
	for id, want := range map[int64]string{pics[0]: "people:Anna Beispiel,Otto Neu", pics[1]: "people:Otto Neu", pics[2]: "people:Otto Neu"} {
		if got := names(id); got != want {
			t.Errorf("after adding: %s, want %s", got, want)
		}
	}
	if err := ws.AddPicturePeople(ctx, []int64{pics[0], 9999}, []int64{otto.ID}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown item: %v", err)
	}
	if err := ws.AddPicturePeople(ctx, pics, []int64{9999}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown person: %v", err)
	}
	if err := ws.SetPicturesDecision(ctx, pics[:2], DecisionCrowd); err != nil {
		t.Fatal(err)
	}
	if got := names(pics[0]) + " " + names(pics[1]) + " " + names(pics[2]); got != "crowd: crowd: people:Otto Neu" {
		t.Errorf("after the decision: %s", got)
	}
	if err := ws.SetPicturesDecision(ctx, pics, DecisionPeople); err == nil {
		t.Error("DecisionPeople is set by choosing people")
	}
}

// The Mediathek words the licence and consent ends with the canonical
// words and without a field's name ("(nutzbar bis)"), REVIEW8 items 5
// and 6.
func TestRightsOnMediathekWords(t *testing.T) {
	day := calendar.NewDate(2026, time.December, 2)
	date := func(y int, m time.Month, d int) *calendar.Date { v := calendar.NewDate(y, m, d); return &v }
	for _, c := range []struct {
		until *calendar.Date
		state RightsState
		key   string
	}{
		{date(2026, time.December, 1), RightsLicenceExpired, "Licence expired: the picture could be used until {{.Date}}."},
		{date(2026, time.December, 6), RightsExpiring, "The licence expires on {{.Date}}."},
	} {
		r := RightsOn(PictureFacts{Media: Media{ID: 1, UsableUntil: c.until}, Decision: DecisionNone}, day)
		if r.State != c.state || len(r.Findings) != 1 || r.Findings[0].Key != c.key {
			t.Errorf("usable until %s: %q %+v", c.until, r.State, r.Findings)
		}
		if strings.Contains(r.Findings[0].Key, "usable until") {
			t.Errorf("the field's name in %q", r.Findings[0].Key)
		}
	}
}
