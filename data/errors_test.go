package data

import (
	"context"
	"feedtakt/assets"
	"feedtakt/data/mediainfo"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sqlite3 "modernc.org/sqlite/lib"
)

func TestIsConstraintByCode(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	db := ws.db
	if _, err := db.ExecContext(ctx, `CREATE TEMP TABLE a (id INTEGER PRIMARY KEY, u TEXT UNIQUE)`); err != nil {
		t.Fatal(err)
	}
	db.ExecContext(ctx, `INSERT INTO a (u) VALUES ('x')`)
	_, dup := db.ExecContext(ctx, `INSERT INTO a (u) VALUES ('x')`)
	_, fk := db.ExecContext(ctx, `INSERT INTO post_channels (post_id, channel_id, caption) VALUES (999999, 999999, '')`)
	cases := []struct {
		name string
		err  error
		code int
		want bool
	}{
		{"unique is unique", dup, sqlite3.SQLITE_CONSTRAINT_UNIQUE, true},
		{"unique is not a foreign key", dup, sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY, false},
		{"foreign key", fk, sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY, true},
		{"nil", nil, sqlite3.SQLITE_CONSTRAINT_UNIQUE, false},
	}
	for _, c := range cases {
		if got := isConstraint(c.err, c.code); got != c.want {
			t.Errorf("%s: isConstraint(%v) = %v", c.name, c.err, got)
		}
	}
}

// A workspace in a folder whose name holds a quote still gets its backups:
// the file name is bound, not spliced into VACUUM INTO.
func TestBackupIntoFolderWithQuote(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Presse 'Stadt'")
	ws, err := Create(ctx, dir, Initial{Settings: Settings{Land: "NI"}}, Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	b, err := ws.Backup(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(b.Path); err != nil || !strings.Contains(b.Path, "'Stadt'") {
		t.Fatalf("backup %s: %v", b.Path, err)
	}
}

// A file the Mediathek refuses is explained with mediainfo's sentence, and
// every such sentence has a German translation.
func TestExplainMediaFileErrors(t *testing.T) {
	de, err := assets.Translations("de")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []error{mediainfo.ErrEmpty, mediainfo.ErrTooLarge, mediainfo.ErrDamaged, mediainfo.ErrUnsupported,
		mediainfo.ErrTruncated, mediainfo.ErrImplausibleDate, mediainfo.ErrBadMetadata} {
		got := Explain(fmt.Errorf("import IMG_4711.HEIC: %w", e))
		if got.Key != mediainfo.Key(e) || got.Key == "" {
			t.Errorf("%v: explained as %q", e, got.Key)
		}
		if de[got.Key] == "" || de[got.Key] == got.Key {
			t.Errorf("%q has no German translation", got.Key)
		}
	}
}
