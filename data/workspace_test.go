package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"feedtakt/data/calendar"
	"feedtakt/data/fsx"
)

var testActor = Actor{Person: "Maria Muster", PC: "PC-STADT-042"}

// newTestWorkspace creates a workspace in a temp folder with two channels
// and two topics, closed at the end of the test.
func newTestWorkspace(t testing.TB) *Workspace {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "Feedtakt")
	ws, err := Create(context.Background(), dir, Initial{
		Settings: Settings{Organisation: "Stadt Musterstadt", Land: calendar.Niedersachsen},
		Channels: []Channel{
			{Name: "Instagram", Platform: Instagram, Color: "#C13584", Cadence: Cadence{2, PerWeek}},
			{Name: "Facebook", Platform: Facebook, Color: "#1877F2", Cadence: Cadence{1, PerWeek}},
		},
		Topics: []Topic{{Name: "Ausbildung & Karriere", Color: "#2E7D32"}, {Name: "Service", Color: "#1565C0"}},
	}, Options{Actor: testActor})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

// snapshot hashes every file below dir, to prove nothing was written.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m[p] = sha256.Sum256(b)
		return nil
	})
	return m
}

func assertUnchanged(t *testing.T, before, after map[string][32]byte) {
	t.Helper()
	var diffs []string
	for p, h := range before {
		if after[p] != h {
			diffs = append(diffs, "changed or removed: "+p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, "added: "+p)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Fatalf("workspace files changed:\n%s", strings.Join(diffs, "\n"))
	}
}

func TestCreateMakesWorkspaceLayout(t *testing.T) {
	ws := newTestWorkspace(t)
	for _, name := range []string{DBName, LockName, MediaDir, ThumbsDir, BackupsDir} {
		if _, err := os.Stat(filepath.Join(ws.Dir(), name)); err != nil {
			t.Errorf("%s missing: %v", name, err)
		}
	}
	h, err := inspectHeader(filepath.Join(ws.Dir(), DBName))
	if err != nil {
		t.Fatal(err)
	}
	if h.applicationID != ApplicationID || h.userVersion != SchemaVersion() {
		t.Errorf("header = %+v", h)
	}
	var mode string
	ws.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode on a local disk = %q, want wal", mode)
	}
	var fk int
	ws.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if fk != 1 {
		t.Error("foreign keys are off")
	}
	s, _ := ws.Settings(context.Background())
	if s.Organisation != "Stadt Musterstadt" || s.Land != calendar.Niedersachsen {
		t.Errorf("settings = %+v", s)
	}
	cs, _ := ws.Channels(context.Background())
	if len(cs) != 2 || cs[0].Name != "Instagram" || cs[1].Position != 2 {
		t.Errorf("channels = %+v", cs)
	}
}

func TestCreateRefusesExistingWorkspaceAndFullFolder(t *testing.T) {
	ws := newTestWorkspace(t)
	dbPath := filepath.Join(ws.Dir(), DBName)
	before, _ := os.ReadFile(dbPath)
	if _, err := Create(context.Background(), ws.Dir(), Initial{}, Options{}); !errors.Is(err, ErrFolderNotEmpty) {
		t.Fatalf("Create over a workspace: %v, want ErrFolderNotEmpty", err)
	}
	if after, _ := os.ReadFile(dbPath); !bytes.Equal(before, after) {
		t.Fatal("the existing database was changed")
	}

	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "Brief.docx"), []byte("x"), 0o644)
	if _, err := Create(context.Background(), other, Initial{}, Options{}); !errors.Is(err, ErrFolderNotEmpty) {
		t.Fatalf("Create in a folder with files: %v", err)
	}
	if _, err := os.Stat(filepath.Join(other, DBName)); !errors.Is(err, fs.ErrNotExist) {
		t.Fatal("a database was created in a foreign folder")
	}
}

func TestOpenRefusesBadFilesWithoutWriting(t *testing.T) {
	valid := newTestWorkspace(t)
	valid.Close()
	good, _ := os.ReadFile(filepath.Join(valid.Dir(), DBName))

	foreign := filepath.Join(t.TempDir(), "foreign.db")
	db, _ := sql.Open("sqlite", foreign)
	db.Exec("CREATE TABLE kunden (id INTEGER)")
	db.Close()
	foreignBytes, _ := os.ReadFile(foreign)

	newer := append([]byte(nil), good...)
	binary.BigEndian.PutUint32(newer[60:64], uint32(SchemaVersion()+7))

	cases := []struct {
		name    string
		content []byte
		want    error
	}{
		{"zero length", nil, ErrEmptyDatabase},
		{"garbage header", []byte("PK\x03\x04 this is a zip file, not a database"), ErrNotSQLite},
		{"truncated", good[:len(good)/2], ErrTruncated},
		{"header only", good[:60], ErrTruncated},
		{"foreign database", foreignBytes, ErrForeignDatabase},
		{"newer version", newer, ErrNewerVersion},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, DBName)
			if err := os.WriteFile(path, c.content, 0o644); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			_, err := Open(context.Background(), dir, Options{Actor: testActor})
			if !errors.Is(err, c.want) {
				t.Fatalf("Open: %v, want %v", err, c.want)
			}
			assertUnchanged(t, before, snapshot(t, dir))
			if e := Explain(err); e.Key == "" || strings.HasPrefix(e.Key, "Something went wrong") {
				t.Errorf("no specific explanation for %v", err)
			}
		})
	}
}

func TestNewerVersionNamesBothVersions(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.Close()
	path := filepath.Join(ws.Dir(), DBName)
	b, _ := os.ReadFile(path)
	binary.BigEndian.PutUint32(b[60:64], 42)
	os.WriteFile(path, b, 0o644)
	_, err := Open(context.Background(), ws.Dir(), Options{})
	var ve *VersionError
	if !errors.As(err, &ve) || ve.File != 42 || ve.App != SchemaVersion() {
		t.Fatalf("err = %v", err)
	}
	e := Explain(err)
	if e.Args["File"] != 42 || e.Args["App"] != SchemaVersion() {
		t.Errorf("explanation args = %v", e.Args)
	}
}

func TestOpenMissingFolderAndFileWhereFolderExpected(t *testing.T) {
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "gibtsnicht"), Options{})
	if !errors.Is(err, ErrNoWorkspace) {
		t.Errorf("missing folder: %v", err)
	}
	f := filepath.Join(t.TempDir(), "datei.txt")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := Open(context.Background(), f, Options{}); !errors.Is(err, fsx.ErrNotDir) {
		t.Errorf("file as folder: %v", err)
	}
	if _, err := Create(context.Background(), f, Initial{}, Options{}); !errors.Is(err, fsx.ErrNotDir) {
		t.Errorf("create on a file: %v", err)
	}
	if _, err := Open(context.Background(), t.TempDir(), Options{}); !errors.Is(err, ErrNoWorkspace) {
		t.Errorf("empty folder: %v", err)
	}
}

func TestSecondOpenInSameProcessIsReadOnly(t *testing.T) {
	ws := newTestWorkspace(t)
	second, err := Open(context.Background(), ws.Dir(), Options{Actor: Actor{Person: "Kai Vertretung", PC: "PC-2"}})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	if !second.ReadOnly() || second.HeldBy() == nil {
		t.Fatalf("second open: readOnly=%v heldBy=%v", second.ReadOnly(), second.HeldBy())
	}
	if o := second.HeldBy(); o.Person != "Maria Muster" || o.PC != "PC-STADT-042" {
		t.Errorf("held by %+v", o)
	}
	err = second.SaveTopic(context.Background(), &Topic{Name: "Neu"})
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write on read-only: %v", err)
	}
	// The holder's changes are visible to the reader.
	if err := ws.SaveTopic(context.Background(), &Topic{Name: "Beteiligung"}); err != nil {
		t.Fatal(err)
	}
	ts, err := second.Topics(context.Background())
	if err != nil || len(ts) != 3 {
		t.Fatalf("reader sees %d topics, err %v", len(ts), err)
	}
}

func TestCheckLeavesHealthyWorkspaceUnchanged(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	if _, err := ws.Backup(ctx, ""); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	before := snapshot(t, ws.Dir())
	ro, err := Open(ctx, ws.Dir(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	h, err := ro.Inspect(ctx)
	ro.Close()
	if err != nil {
		t.Fatal(err)
	}
	if h.Integrity != "ok" || h.SchemaVersion != SchemaVersion() || h.Counts.Channels != 2 || len(h.Backups) != 1 || h.LockHeld || h.Journal != "wal" {
		t.Errorf("health = %+v", h)
	}
	assertUnchanged(t, before, snapshot(t, ws.Dir()))
}

func TestDamagedDatabaseIsRestoredFromBackup(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	if err := ws.SaveTopic(ctx, &Topic{Name: "Vor der Sicherung"}); err != nil {
		t.Fatal(err)
	}
	b, err := ws.Backup(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.SaveTopic(ctx, &Topic{Name: "Nach der Sicherung"}); err != nil {
		t.Fatal(err)
	}
	content, err := os.ReadFile(damagePages(t, ws))
	if err != nil {
		t.Fatal(err)
	}

	re, err := Open(ctx, ws.Dir(), Options{Actor: testActor})
	if err != nil {
		t.Fatalf("open damaged: %v", err)
	}
	defer re.Close()
	r := re.Restored()
	if r == nil {
		t.Fatal("no restore reported")
	}
	if !r.BackupTime.Equal(b.Time.Truncate(time.Second)) && r.BackupTime.Format(backupTimeLayout) != b.Time.Format(backupTimeLayout) {
		t.Errorf("restored backup from %v, want %v", r.BackupTime, b.Time)
	}
	kept, err := os.ReadFile(r.DamagedPath)
	if err != nil || !bytes.Equal(kept, content) {
		t.Fatalf("damaged file not kept byte-for-byte: %v", err)
	}
	ts, err := re.Topics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tp := range ts {
		names = append(names, tp.Name)
	}
	got := strings.Join(names, ",")
	if !strings.Contains(got, "Vor der Sicherung") || strings.Contains(got, "Nach der Sicherung") {
		t.Errorf("topics after restore = %s", got)
	}
}

func TestDamagedWithoutBackupIsRefused(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	for i := 0; i < 100; i++ {
		ws.CreatePost(ctx, &Post{Title: "Beitrag", Caption: strings.Repeat("x", 500)})
	}
	ws.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	ws.Close()
	path := filepath.Join(ws.Dir(), DBName)
	content, _ := os.ReadFile(path)
	ps := int(binary.BigEndian.Uint16(content[16:18]))
	for i := ps; i < 4*ps; i++ {
		content[i] = 0xAB
	}
	os.WriteFile(path, content, 0o644)
	_, err := Open(ctx, ws.Dir(), Options{})
	if !errors.Is(err, ErrDamaged) && !isCorrupt(err) {
		t.Fatalf("err = %v, want damaged", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, content) {
		t.Error("damaged file was changed although no backup could replace it")
	}
}

func TestMigrationFromEmptyAndBackupBeforeMigrating(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, DBName)
	db, err := sql.Open("sqlite", sqliteDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA application_id = " + itoa(ApplicationID)); err != nil {
		t.Fatal(err)
	}
	// A workspace at version 0 with our id (as an interrupted creation
	// would leave it, had it not been a .part file) migrates from empty.
	db.Exec("CREATE TABLE placeholder (x)")
	db.Close()
	ws, err := Open(ctx, dir, Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	var v int
	ws.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion() {
		t.Fatalf("version %d", v)
	}
}

func TestUpgradeBacksUpThenMigrates(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	if err := ws.SaveTopic(ctx, &Topic{Name: "Bleibt erhalten"}); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	oldVersion := SchemaVersion()

	// The next version of the app adds a migration.
	next := fstest.MapFS{}
	entries, _ := fs.ReadDir(migrationFiles, "migrations")
	for _, e := range entries {
		b, _ := migrationFiles.ReadFile("migrations/" + e.Name())
		next["migrations/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	name := "migrations/" + fmt.Sprintf("%04d", oldVersion+1) + "_topic_icons.sql"
	next[name] = &fstest.MapFile{Data: []byte("ALTER TABLE topics ADD COLUMN icon TEXT NOT NULL DEFAULT '';")}
	migrationSource = next
	t.Cleanup(func() { migrationSource = migrationFiles })

	up, err := Open(ctx, ws.Dir(), Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	var v int
	up.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != oldVersion+1 {
		t.Fatalf("version after upgrade = %d", v)
	}
	if _, err := up.db.Exec("UPDATE topics SET icon = 'x'"); err != nil {
		t.Fatalf("new column missing: %v", err)
	}
	bs, _ := up.Backups()
	if len(bs) != 1 || bs[0].Tag != fmt.Sprintf("v%d", oldVersion) {
		t.Fatalf("backups = %+v, want one tagged v%d", bs, oldVersion)
	}
	h, err := inspectHeader(bs[0].Path)
	if err != nil || h.userVersion != oldVersion {
		t.Fatalf("backup header %+v, %v", h, err)
	}

	// A broken migration leaves the file at the old version.
	next[fmt.Sprintf("migrations/%04d_broken.sql", oldVersion+2)] = &fstest.MapFile{Data: []byte("ALTER TABLE topics ADD COLUMN icon TEXT;")}
	up.Close()
	if _, err := Open(ctx, ws.Dir(), Options{Actor: testActor}); err == nil {
		t.Fatal("broken migration did not fail")
	}
	h, _ = inspectHeader(filepath.Join(ws.Dir(), DBName))
	if h.userVersion != oldVersion+1 {
		t.Errorf("version after failed migration = %d", h.userVersion)
	}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for n > 0 || i == len(b) {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func TestWorkspaceDeletedWhileOpen(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	if err := os.RemoveAll(ws.Dir()); err != nil {
		t.Fatal(err)
	}
	err := ws.SaveTopic(ctx, &Topic{Name: "Verloren?"})
	if !errors.Is(err, ErrWorkspaceGone) {
		t.Fatalf("write after delete: %v", err)
	}
	if ws.Check() == nil {
		t.Error("Check did not notice")
	}
	if e := Explain(err); !strings.Contains(e.Key, "no longer be reached") {
		t.Errorf("explanation %q", e.Key)
	}
}

func TestLeftoverPartFilesAreSweptAtOpen(t *testing.T) {
	ws := newTestWorkspace(t)
	ws.Close()
	// Imports copy into media/.staging; the sweep reads only there (see media_staging_test.go).
	left := filepath.Join(ws.Dir(), MediaDir, ".staging", "abcdef.jpg.part")
	os.MkdirAll(filepath.Dir(left), 0o755)
	os.WriteFile(left, []byte("half a picture"), 0o644)
	re, err := Open(context.Background(), ws.Dir(), Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	defer re.Close()
	if _, err := os.Stat(left); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("leftover still there: %v", err)
	}
}

func TestSQLiteDSNForWindowsPaths(t *testing.T) {
	cases := map[string]string{
		`/home/maria/Feedtakt/feedtakt.db`: "file:///home/maria/Feedtakt/feedtakt.db?",
		`/tmp/Pläne #1/feedtakt.db`:        "file:///tmp/Pl%C3%A4ne%20%231/feedtakt.db?",
	}
	for in, want := range cases {
		if got := sqliteDSN(in); !strings.HasPrefix(got, want) {
			t.Errorf("sqliteDSN(%q) = %q, want prefix %q", in, got, want)
		}
	}
}

func TestConcurrentBackupsDoNotCollide(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			_, err := ws.Backup(ctx, "")
			errs <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-errs; err != nil {
			t.Errorf("backup %d: %v", i, err)
		}
	}
	bs, _ := ws.Backups()
	for _, b := range bs {
		if err := verifyDatabase(ctx, b.Path); err != nil {
			t.Errorf("%s: %v", b.Path, err)
		}
	}
	if parts, _ := filepath.Glob(filepath.Join(ws.Dir(), BackupsDir, "*.part")); len(parts) > 0 {
		t.Errorf("leftovers %v", parts)
	}
}

func TestIdeasCarryTheirChannels(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	cs, _ := ws.Channels(ctx)
	if err := ws.CreatePost(ctx, &Post{Title: "Idee", Status: StatusIdea, Channels: []PostChannel{{ChannelID: cs[1].ID}}}); err != nil {
		t.Fatal(err)
	}
	ideas, err := ws.Ideas(ctx, 10)
	if err != nil || len(ideas) != 1 || len(ideas[0].Channels) != 1 || ideas[0].Channels[0].ChannelID != cs[1].ID {
		t.Fatalf("ideas %+v, %v", ideas, err)
	}
}
