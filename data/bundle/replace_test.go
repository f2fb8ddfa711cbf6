package bundle

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"feedtakt/data"
	"feedtakt/data/demo"
	"feedtakt/data/fsx"
)

var jana = data.Actor{Person: "Jana Beispiel", PC: "PC-VERTRETUNG"}

// roundTrip is the story of a handover: the demo workspace here, a bundle
// of it worked on by Jana elsewhere (one post changed, one deleted, one
// new), and her bundle brought back.
type roundTrip struct {
	here     *data.Workspace // open
	back     string          // Jana's bundle
	janaDir  string          // her workspace (closed)
	changed  string          // title of the post she changed
	removed  string          // title of the post she deleted
	hereEdit string          // title of a post changed here after the first bundle
}

func newRoundTrip(t *testing.T) roundTrip {
	t.Helper()
	ctx := context.Background()
	root := t.TempDir()
	dir := filepath.Join(root, "Feedtakt")
	ws, err := demo.Create(ctx, dir, data.Options{Actor: testActor}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(root, "hin.feedtakt")
	if _, err := Write(ctx, ws, first, nil); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	rt := roundTrip{back: filepath.Join(root, "zurueck.feedtakt"), janaDir: filepath.Join(root, "Jana")}
	if err := Unpack(ctx, first, rt.janaDir, nil); err != nil {
		t.Fatal(err)
	}
	jws, err := data.Open(ctx, rt.janaDir, data.Options{Actor: jana})
	if err != nil {
		t.Fatal(err)
	}
	posts := demoPosts(t, jws)
	p := posts[0]
	p.Title = "Geändert von Jana"
	if err := jws.UpdatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	rt.changed = p.Title
	rt.removed = posts[1].Title
	if err := jws.DeletePost(ctx, posts[1].ID); err != nil {
		t.Fatal(err)
	}
	day := jws.Today().AddDays(3)
	if err := jws.CreatePost(ctx, &data.Post{Title: "Neu von Jana", Date: &day, Status: data.StatusDraft}); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(ctx, jws, rt.back, nil); err != nil {
		t.Fatal(err)
	}
	jws.Close()
	// Meanwhile here, an hour later, someone changed another post.
	later := func() time.Time { return time.Now().Add(time.Hour) }
	rt.here, err = data.Open(ctx, dir, data.Options{Actor: testActor, Now: later})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.here.Close() })
	q := demoPosts(t, rt.here)[2]
	q.Title = "Hier noch geändert"
	if err := rt.here.UpdatePost(ctx, &q); err != nil {
		t.Fatal(err)
	}
	rt.hereEdit = q.Title
	return rt
}

// demoPosts lists the posts of the year around today, by id.
func demoPosts(t testing.TB, ws *data.Workspace) []data.Post {
	t.Helper()
	today := ws.Today()
	posts, err := ws.PostsBetween(context.Background(), today.AddDays(-400), today.AddDays(400))
	if err != nil || len(posts) < 3 {
		t.Fatalf("%d posts, %v", len(posts), err)
	}
	slices.SortFunc(posts, func(a, b data.Post) int { return int(a.ID - b.ID) })
	return posts
}

func findDiff(d Diff, title string) (PostDiff, bool) {
	for _, p := range d.Posts {
		if p.Title == title {
			return p, true
		}
	}
	return PostDiff{}, false
}

// Compare names what Jana added, changed and removed, and by whom, and
// flags the post changed here since.
func TestCompareNamesWhoChangedWhat(t *testing.T) {
	rt := newRoundTrip(t)
	d, err := Compare(context.Background(), rt.back, rt.here, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("added %d changed %d removed %d: %+v", d.Added, d.Changed, d.Removed, d.Posts)
	if d.Added != 1 || d.Changed != 2 || d.Removed != 1 || d.HereLater != 1 || len(d.Posts) != 4 {
		t.Fatalf("added %d changed %d removed %d here-later %d, %d listed", d.Added, d.Changed, d.Removed, d.HereLater, len(d.Posts))
	}
	if d.By != jana.Person || d.Manifest.Person != jana.Person || d.Manifest.Created.IsZero() {
		t.Errorf("bundle by %q, manifest %+v", d.By, d.Manifest.Person)
	}
	for _, want := range []struct {
		title string
		kind  DiffKind
	}{{"Neu von Jana", Added}, {rt.changed, Changed}, {rt.removed, Removed}} {
		p, ok := findDiff(d, want.title)
		if !ok || p.Kind != want.kind || p.By != jana.Person || p.HereLater || p.At.IsZero() {
			t.Errorf("%q: %+v (found %v)", want.title, p, ok)
		}
	}
	if d.Posts[0].Kind != Added || d.Posts[3].Kind != Removed {
		t.Errorf("order: %+v", d.Posts)
	}
	// The post changed here later: the bundle still has the demo's title,
	// last changed by the demo's maker.
	later := slices.DeleteFunc(slices.Clone(d.Posts), func(p PostDiff) bool { return !p.HereLater })
	if len(later) != 1 || later[0].Kind != Changed || later[0].By != testActor.Person {
		t.Errorf("changed here later: %+v", later)
	}
	if d.MediaAdded != 0 || d.MediaOnlyHere != 0 {
		t.Errorf("media %d/%d", d.MediaAdded, d.MediaOnlyHere)
	}
	assertSameAsOwn(t, rt)
}

// Marking one channel published or attaching a picture leaves the post's
// row as it was; Compare still names the post as changed.
func TestCompareSeesPublishedMarksAndPictures(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	ws, err := demo.Create(ctx, filepath.Join(root, "Feedtakt"), data.Options{Actor: testActor}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	first := filepath.Join(root, "hin.feedtakt")
	if _, err := Write(ctx, ws, first, nil); err != nil {
		t.Fatal(err)
	}
	janaDir := filepath.Join(root, "Jana")
	if err := Unpack(ctx, first, janaDir, nil); err != nil {
		t.Fatal(err)
	}
	jws, err := data.Open(ctx, janaDir, data.Options{Actor: jana})
	if err != nil {
		t.Fatal(err)
	}
	var marked, pictured string
	var pic int64
	posts := demoPosts(t, jws)
	for _, p := range posts {
		if ms, _ := jws.PostMedia(ctx, p.ID); len(ms) > 0 && pic == 0 {
			pic = ms[0].ID
		}
	}
	for _, p := range posts {
		ms, _ := jws.PostMedia(ctx, p.ID)
		switch {
		case marked == "" && len(p.Channels) >= 2 && p.Channels[0].PublishedAt.IsZero() && p.Status != data.StatusPublished:
			if err := jws.MarkPublished(ctx, p.ID, p.Channels[0].ChannelID, "", time.Time{}); err != nil {
				t.Fatal(err)
			}
			marked = p.Title
		case pictured == "" && len(ms) == 0 && p.Status == data.StatusDraft && pic != 0:
			if err := jws.AttachMedia(ctx, p.ID, []int64{pic}); err != nil {
				t.Fatal(err)
			}
			pictured = p.Title
		}
	}
	back := filepath.Join(root, "zurueck.feedtakt")
	_, err = Write(ctx, jws, back, nil)
	jws.Close()
	if err != nil || marked == "" || pictured == "" {
		t.Fatalf("marked %q, pictured %q: %v", marked, pictured, err)
	}
	d, err := Compare(ctx, back, ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Added != 0 || d.Removed != 0 || d.Changed != 2 {
		t.Fatalf("added %d changed %d removed %d: %+v", d.Added, d.Changed, d.Removed, d.Posts)
	}
	for _, title := range []string{marked, pictured} {
		if p, ok := findDiff(d, title); !ok || p.Kind != Changed || p.By != jana.Person {
			t.Errorf("%q: %+v (found %v)", title, p, ok)
		}
	}
}

// A consent withdrawn and a person erased here after the bundle was made:
// replacing would bring both back, so Compare names them, and says what to
// do afterwards.
func TestCompareWarnsOfWithdrawalsAndErasures(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	ws, err := demo.Create(ctx, filepath.Join(root, "Feedtakt"), data.Options{Actor: testActor}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	file := filepath.Join(root, "paket.feedtakt")
	if _, err := Write(ctx, ws, file, nil); err != nil {
		t.Fatal(err)
	}
	people, err := ws.People(ctx, data.PeopleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var withdrawn string
	var erased int64
	for _, p := range people {
		cs, err := ws.Consents(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			switch {
			case erased == 0 && c.Withdrawal != nil:
				if _, err := ws.ErasePerson(ctx, p.ID, nil); err != nil {
					t.Fatal(err)
				}
				erased = p.ID
			case withdrawn == "" && c.Withdrawal == nil:
				if err := ws.WithdrawConsent(ctx, c.ID, data.Withdrawal{On: ws.Today(), Via: "E-Mail"}); err != nil {
					t.Fatal(err)
				}
				withdrawn = p.Name
			default:
				continue
			}
			break
		}
	}
	if withdrawn == "" || erased == 0 {
		t.Fatalf("demo: withdrawn %q, erased %d", withdrawn, erased)
	}
	d, err := Compare(ctx, file, ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []PrivacyLoss{{Person: withdrawn, ID: d.Privacy[0].ID, Day: ws.Today().ISO()}, {Erased: true, ID: erased, Day: time.Now().Format("2006-01-02")}}
	if !reflect.DeepEqual(d.Privacy, want) {
		t.Fatalf("privacy %+v, want %+v", d.Privacy, want)
	}
	w := d.Warnings()
	if len(w) != 2 || w[0].Args["Person"] != withdrawn || w[1].Args["ID"] != erased {
		t.Errorf("warnings %+v", w)
	}
	// Against itself (a bundle made now) nothing is lost.
	again := filepath.Join(root, "neu.feedtakt")
	if _, err := Write(ctx, ws, again, nil); err != nil {
		t.Fatal(err)
	}
	if d, err := Compare(ctx, again, ws, nil); err != nil || len(d.Privacy) != 0 {
		t.Errorf("fresh bundle: %+v, %v", d.Privacy, err)
	}
}

// The bundle against Jana's own workspace: nothing differs.
func assertSameAsOwn(t *testing.T, rt roundTrip) {
	t.Helper()
	jws, err := data.Open(context.Background(), rt.janaDir, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer jws.Close()
	if d, err := Compare(context.Background(), rt.back, jws, nil); err != nil || !d.Same() {
		t.Errorf("same workspace: %+v, %v", d, err)
	}
}

// Replace backs up, puts Jana's workspace in place, keeps the old folder
// whole beside it and a copy of the backup in the new backups folder.
func TestReplaceBringsBundleBack(t *testing.T) {
	ctx := context.Background()
	rt := newRoundTrip(t)
	dir := rt.here.Dir()
	rt.here.Close()
	before := tableRows(t, filepath.Join(dir, data.DBName))
	beforeMedia := mediaHashes(t, dir)

	res, err := Replace(ctx, rt.back, dir, data.Options{Actor: testActor}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", res)
	if got, want := tableRows(t, filepath.Join(dir, data.DBName)), tableRows(t, filepath.Join(rt.janaDir, data.DBName)); !reflect.DeepEqual(got, want) {
		t.Error("the workspace does not hold the bundle's rows")
	}
	if !strings.HasPrefix(filepath.Base(res.Aside), "Feedtakt (vor Paket ") || filepath.Dir(res.Aside) != filepath.Dir(dir) {
		t.Errorf("old folder at %s", res.Aside)
	}
	if got := tableRows(t, filepath.Join(res.Aside, data.DBName)); !reflect.DeepEqual(got, before) {
		t.Error("the old folder's database changed")
	}
	if got := mediaHashes(t, res.Aside); !reflect.DeepEqual(got, beforeMedia) {
		t.Error("the old folder's media changed")
	}
	if filepath.Dir(res.Backup) != filepath.Join(dir, data.BackupsDir) {
		t.Errorf("backup at %s", res.Backup)
	}
	if got := tableRows(t, res.Backup); !reflect.DeepEqual(got, before) {
		t.Error("the backup in the new workspace is not the old database")
	}
	for _, p := range []string{dir + ".part", filepath.Join(dir, readyName), filepath.Join(dir, markerName)} {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s left: %v", p, err)
		}
	}
	ws, err := data.Open(ctx, dir, data.Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if ws.ReadOnly() {
		t.Error("reopened read-only")
	}
	bs, _ := ws.Backups()
	if len(bs) == 0 || bs[0].Path != res.Backup {
		t.Errorf("Sicherungen: %+v", bs)
	}
	titles := map[string]bool{}
	for _, p := range demoPosts(t, ws) {
		titles[p.Title] = true
	}
	if !titles["Neu von Jana"] || !titles[rt.changed] || titles[rt.removed] || titles[rt.hereEdit] {
		t.Errorf("posts after replacing: %v", titles)
	}
}

// A bundle that is refused, or a workspace open elsewhere, leaves the
// workspace exactly as it was: no backup, no .part, no folder aside.
func TestReplaceRefusedLeavesWorkspace(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	dir := filepath.Join(root, "Arbeitsbereich")
	ws, err := data.Create(ctx, dir, data.Initial{Settings: data.Settings{Land: "NI"}}, data.Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(t.TempDir(), "gut.feedtakt")
	if _, err := Write(ctx, ws, good, nil); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	inbox := filepath.Join(t.TempDir(), "eingang")
	os.Mkdir(inbox, 0o755)
	before := listTree(t, root)
	check := func(t *testing.T, err error, want error) {
		t.Helper()
		if !errors.Is(err, want) {
			t.Fatalf("got %v, want %v", err, want)
		}
		assertGerman(t, err)
		if after := listTree(t, root); !slices.Equal(after, before) {
			t.Errorf("files changed:\nbefore %v\nafter  %v", before, after)
		}
	}
	for i, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(inbox, fmt.Sprintf("%d.feedtakt", i))
			if c.file != nil {
				c.file(t, file)
			} else {
				buildBundle(t, file, c.entries(t), c.edit)
			}
			_, err := Replace(ctx, file, dir, data.Options{Actor: testActor}, nil)
			check(t, err, c.want)
		})
	}
	t.Run("open elsewhere", func(t *testing.T) {
		other, err := data.Open(ctx, dir, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-STADT-042"}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = Replace(ctx, good, dir, data.Options{Actor: testActor}, nil)
		other.Close()
		check(t, err, fsx.ErrHeld)
		if text := assertGerman(t, err); !strings.Contains(text, "Maria Muster") || !strings.Contains(text, "PC-STADT-042") {
			t.Errorf("does not say who: %q", text)
		}
	})
	t.Run("no workspace", func(t *testing.T) {
		_, err := Replace(ctx, good, filepath.Join(root, "fehlt"), data.Options{Actor: testActor}, nil)
		check(t, err, data.ErrNoWorkspace)
	})
	t.Run("cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		_, err := Replace(cctx, good, dir, data.Options{Actor: testActor}, nil)
		check(t, err, context.Canceled)
	})
}

// A failure after the backup (before the swap) leaves the workspace
// as it was, its new backup aside, and no .part.
func TestReplaceFailureBeforeSwap(t *testing.T) {
	ctx := context.Background()
	for _, step := range []string{"backup", "ready"} {
		t.Run(step, func(t *testing.T) {
			file, dir := writeTestBundle(t, 3, 1000)
			before := tableRows(t, filepath.Join(dir, data.DBName))
			replaceStep = func(s string) error {
				if s == step {
					return errors.New("simulated failure at " + s)
				}
				return nil
			}
			defer func() { replaceStep = func(string) error { return nil } }()
			if _, err := Replace(ctx, file, dir, data.Options{Actor: testActor}, nil); err == nil {
				t.Fatal("no error")
			}
			if got := tableRows(t, filepath.Join(dir, data.DBName)); !reflect.DeepEqual(got, before) {
				t.Error("database changed")
			}
			if _, err := os.Lstat(dir + ".part"); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf(".part left: %v", err)
			}
			if m, _ := filepath.Glob(dir + " (vor Paket*"); len(m) > 0 {
				t.Errorf("moved aside: %v", m)
			}
		})
	}
}

// A folder that cannot be renamed (Windows: a file in it is open) is
// said in German; the workspace stays, no .part remains, whichever of the
// two renames failed.
func TestReplaceFolderBusy(t *testing.T) {
	for _, failing := range []int{1, 2} {
		t.Run(fmt.Sprint(failing), func(t *testing.T) {
			file, dir := writeTestBundle(t, 2, 1000)
			before := tableRows(t, filepath.Join(dir, data.DBName))
			n := 0
			renameDir = func(from, to string) error {
				if n++; n == failing {
					return &os.LinkError{Op: "rename", Old: from, New: to, Err: fs.ErrPermission}
				}
				return fsx.Rename(from, to)
			}
			defer func() { renameDir = fsx.Rename }()
			_, err := Replace(context.Background(), file, dir, data.Options{Actor: testActor}, nil)
			if !errors.Is(err, ErrFolderBusy) {
				t.Fatalf("got %v", err)
			}
			assertGerman(t, err)
			if got := tableRows(t, filepath.Join(dir, data.DBName)); !reflect.DeepEqual(got, before) {
				t.Error("database changed")
			}
			if m, _ := filepath.Glob(dir + "*"); len(m) != 1 {
				t.Errorf("left: %v", m)
			}
		})
	}
}

// TestHelperReplace is not a test: run by TestReplaceKilled as a child
// process, it replaces and exits at the step it is given, as if killed.
func TestHelperReplace(t *testing.T) {
	spec := os.Getenv("FEEDTAKT_REPLACE_HELPER")
	if spec == "" {
		t.Skip("helper process only")
	}
	parts := strings.Split(spec, "|")
	replaceStep = func(s string) error {
		if s == parts[2] {
			os.Exit(3) // no deferred cleanup runs, as in a kill
		}
		return nil
	}
	_, err := Replace(context.Background(), parts[0], parts[1], data.Options{Actor: testActor}, nil)
	fmt.Println("fertig", errString(err))
	os.Exit(0)
}

// A process killed at any step of Replace leaves the old or the new
// workspace at dir (after Resume, which the app runs before opening), and
// the next attempt succeeds and leaves nothing behind.
func TestReplaceKilled(t *testing.T) {
	ctx := context.Background()
	for _, step := range []string{"backup", "ready", "aside", "swapped"} {
		t.Run(step, func(t *testing.T) {
			file, dir := writeTestBundle(t, 3, 1000)
			// The workspace to replace: a different one at dir.
			other := filepath.Join(t.TempDir(), "anders")
			ows := newMediaWorkspace(t, other, 1, 500)
			ows.Close()
			os.RemoveAll(dir)
			if err := os.Rename(other, dir); err != nil {
				t.Fatal(err)
			}
			oldRows := tableRows(t, filepath.Join(dir, data.DBName))
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperReplace$", "-test.count=1")
			cmd.Env = append(os.Environ(), "FEEDTAKT_REPLACE_HELPER="+file+"|"+dir+"|"+step)
			out, err := cmd.CombinedOutput()
			if code := cmd.ProcessState.ExitCode(); code != 3 {
				t.Fatalf("helper exit %d (%v): %s", code, err, out)
			}
			if err := Resume(dir); err != nil {
				t.Fatal(err)
			}
			got := tableRows(t, filepath.Join(dir, data.DBName))
			isOld := reflect.DeepEqual(got, oldRows)
			if !isOld && len(mediaHashes(t, dir)) != 3 {
				t.Fatalf("after a kill at %s: neither the old nor the new workspace", step)
			}
			t.Logf("kill at %s: old workspace at dir: %v", step, isOld)
			if _, err := Replace(ctx, file, dir, data.Options{Actor: testActor}, nil); err != nil {
				t.Fatalf("next attempt: %v", err)
			}
			if n := len(mediaHashes(t, dir)); n != 3 {
				t.Errorf("%d media after the next attempt", n)
			}
			if _, err := os.Lstat(dir + ".part"); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf(".part left: %v", err)
			}
			ws, err := data.Open(ctx, dir, data.Options{Actor: testActor})
			if err != nil {
				t.Fatal(err)
			}
			ws.Close()
		})
	}
}

// Compare stays quick and small with 10,000 posts on each side.
func TestCompareTenThousandPosts(t *testing.T) {
	if testing.Short() {
		t.Skip("large")
	}
	ctx := context.Background()
	root := t.TempDir()
	dir := filepath.Join(root, "ws")
	ws, err := data.Create(ctx, dir, data.Initial{Settings: data.Settings{Land: "NI"},
		Channels: []data.Channel{{Name: "Instagram", Platform: data.Instagram}, {Name: "Facebook", Platform: data.Facebook}}}, data.Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	insertPosts(t, filepath.Join(dir, data.DBName), 0, 10_000, "alt")
	ws, err = data.Open(ctx, dir, data.Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "paket.feedtakt")
	if _, err := Write(ctx, ws, file, nil); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	// Here: 3,000 posts changed, 2,000 more made after the bundle.
	insertPosts(t, filepath.Join(dir, data.DBName), 0, 3_000, "neu")
	insertPosts(t, filepath.Join(dir, data.DBName), 10_000, 12_000, "alt")
	ws, err = data.Open(ctx, dir, data.Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	start := time.Now()
	d, err := Compare(ctx, file, ws, nil)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("compare of 10,000 against 12,000 posts: %v, %d listed", took, len(d.Posts))
	if d.Added != 0 || d.Changed != 3_000 || d.Removed != 2_000 || len(d.Posts) != 5_000 {
		t.Errorf("added %d changed %d removed %d, %d listed", d.Added, d.Changed, d.Removed, len(d.Posts))
	}
	if took > 30*time.Second {
		t.Errorf("took %v", took)
	}
}

// insertPosts writes posts uid-from..to into a closed workspace's
// database in one transaction (replacing same uids), with a text for
// every channel and a change-log entry each.
func insertPosts(t testing.TB, dbPath string, from, to int, title string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(dbPath))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Format(time.RFC3339)
	day := time.Now().Format("2006-01-02")
	for i := from; i < to; i++ {
		uid := fmt.Sprintf("uid-%06d", i)
		res, err := tx.Exec(`INSERT INTO posts (uid, title, caption, day, status, created_at, updated_at) VALUES (?, ?, '', ?, 'draft', ?, ?)
			ON CONFLICT (uid) DO UPDATE SET title = excluded.title`, uid, fmt.Sprintf("%s %d", title, i), day, now, now)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		// A text per channel, as the posts of a real plan have.
		if _, err := tx.Exec(`INSERT OR REPLACE INTO post_channels (post_id, channel_id, caption) SELECT ?, id, ? FROM channels`, id, title); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO changelog (at, person, pc, action, item, item_id, summary) VALUES (?, 'Jana Beispiel', 'PC', 'update', 'post', ?, '')`, now, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// The manifest names the app's real version (FyneApp.toml's, set at
// start), not Go's "(devel)".
func TestManifestAppVersion(t *testing.T) {
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	v := VersionFromToml(string(toml))
	if v == "" || strings.ContainsAny(v, `"= `) {
		t.Fatalf("version %q from FyneApp.toml", v)
	}
	if got := VersionFromToml("[Details]\r\n  Name = \"x\"\r\n  Version = \"2.3.4\"\r\n"); got != "2.3.4" {
		t.Errorf("CRLF file: %q", got)
	}
	if got := VersionFromToml("[Other]\nVersion = \"9\"\n"); got != "" {
		t.Errorf("outside [Details]: %q", got)
	}
	old := AppVersion
	AppVersion = v
	defer func() { AppVersion = old }()
	ws := newMediaWorkspace(t, filepath.Join(t.TempDir(), "ws"), 1, 100)
	file := filepath.Join(t.TempDir(), "p.feedtakt")
	if _, err := Write(context.Background(), ws, file, nil); err != nil {
		t.Fatal(err)
	}
	m, err := Verify(context.Background(), file, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(m.App, v) || strings.Contains(m.App, "devel") {
		t.Errorf("manifest app %q, want %q", m.App, v)
	}
	if m.Person != testActor.Person || m.PC != testActor.PC {
		t.Errorf("manifest by %q/%q", m.Person, m.PC)
	}
}
