package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// check lists the planned posts of the next 8 weeks that may not go out
// as they are; the exit status stays about health unless --strict.
func TestCheckListsBlockedPlannedPosts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Feedtakt")
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC) }
	ws, err := data.Create(ctx, dir, data.Initial{
		Settings: data.Settings{Organisation: "Stadt Musterstadt"},
		Channels: []data.Channel{{Name: "Instagram", Platform: data.Instagram}, {Name: "Facebook", Platform: data.Facebook}},
	}, data.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	chs, _ := ws.Channels(ctx)
	ig, fb := chs[0].ID, chs[1].ID
	pic, err := ws.AddMedia(ctx, strings.NewReader("Bild vom Azubi-Tag"), data.Media{OriginalName: "Azubi.jpg",
		Taken: time.Date(2026, 10, 1, 10, 0, 0, 0, data.WorkspaceZone())})
	if err != nil {
		t.Fatal(err)
	}
	anna := data.Person{Name: "Anna Beispiel", Role: data.RoleTrainee}
	if err := ws.SavePerson(ctx, &anna); err != nil {
		t.Fatal(err)
	}
	c := data.Consent{PersonID: anna.ID, GivenOn: calendar.NewDate(2026, 10, 1), Form: data.FormWritten, GivenBy: data.GivenBySelf,
		Platforms: []data.Platform{data.Instagram}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeShoot, Shoot: "Azubi-Tag"}
	if err := ws.AddConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetPicturePeople(ctx, pic.ID, []int64{anna.ID}); err != nil {
		t.Fatal(err)
	}
	post := func(title string, d calendar.Date, st data.Status, channels ...int64) {
		t.Helper()
		p := data.Post{Title: title, Caption: "Text", Date: &d, Status: st}
		for _, id := range channels {
			p.Channels = append(p.Channels, data.PostChannel{ChannelID: id})
		}
		if err := ws.SavePostWithMedia(ctx, &p, []int64{pic.ID}); err != nil {
			t.Fatal(err)
		}
	}
	post("Azubi-Tag auf Instagram", calendar.NewDate(2026, 12, 1), data.StatusDraft, ig)  // covered
	post("Azubi-Tag überall", calendar.NewDate(2026, 12, 12), data.StatusReview, ig, fb)  // Facebook not covered
	post("Rückblick Azubi-Tag", calendar.NewDate(2027, 2, 15), data.StatusDraft, fb)      // beyond 8 weeks
	post("Verworfen: Azubi-Tag", calendar.NewDate(2026, 12, 5), data.StatusDiscarded, fb) // not planned
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}

	run := func(args ...string) cliResult {
		var out, errb strings.Builder
		code := Run(args, Env{Stdout: &out, Stderr: &errb, Lang: "de", Now: now})
		return cliResult{code, out.String(), errb.String()}
	}
	r := run("check", dir)
	if r.code != 0 {
		t.Fatalf("check: %+v", r)
	}
	want := "  12.12.2026  „Azubi-Tag überall“ · Facebook: Die Einwilligung von Person Nr. 1 deckt Facebook nicht ab."
	if !strings.Contains(r.stdout, "Einwilligungen und Lizenzen: geplante Beiträge der nächsten 8 Wochen, die so nicht freigegeben werden können: 1\n"+want+"\n") {
		t.Errorf("check output lacks the blocked post:\n%s", r.stdout)
	}
	for _, not := range []string{"Anna", "Rückblick", "Verworfen", "Azubi-Tag auf Instagram"} {
		if strings.Contains(r.stdout, not) {
			t.Errorf("check output names %q:\n%s", not, r.stdout)
		}
	}
	if r := run("check", "--strict", dir); r.code != 3 {
		t.Errorf("check --strict with a blocked post: %+v", r)
	}
	if r := run("check", dir, "--strict", "zwei"); r.code != 2 {
		t.Errorf("two folders: %+v", r)
	}
}

// A workspace without such posts says so, and --strict passes.
func TestCheckStrictPassesWithoutBlockedPosts(t *testing.T) {
	dir := newTestExportWorkspace(t)
	r := runCLI("check", "--strict", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "Einwilligungen und Lizenzen: kein geplanter Beitrag der nächsten 8 Wochen ist blockiert.") {
		t.Errorf("check --strict: %+v", r)
	}
}
