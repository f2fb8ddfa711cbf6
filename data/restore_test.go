package data

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// damagePages fills ws with enough rows that its tables span several pages,
// checkpoints so the damage lands in the main file, closes ws and overwrites
// pages 2..6 (b-tree roots and interior pages) with noise. It returns the
// database path.
func damagePages(t *testing.T, ws *Workspace) string {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < 200; i++ {
		if err := ws.CreatePost(ctx, &Post{Title: strings.Repeat("Füllbeitrag ", 20), Caption: strings.Repeat("Text ", 200)}); err != nil {
			t.Fatal(err)
		}
	}
	ws.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	ws.Close()
	path := filepath.Join(ws.Dir(), DBName)
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(content[16:18]))
	for i := pageSize; i < 6*pageSize && i < len(content); i++ {
		content[i] = byte(i * 7)
	}
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// damagedWithBackup makes a workspace with a backup and then damages its
// database; it returns the folder and the damaged bytes.
func damagedWithBackup(t *testing.T) (string, []byte) {
	t.Helper()
	ctx := context.Background()
	ws := newTestWorkspace(t)
	if err := ws.SaveTopic(ctx, &Topic{Name: "Vor der Sicherung"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Backup(ctx, ""); err != nil {
		t.Fatal(err)
	}
	path := damagePages(t, ws)
	content, _ := os.ReadFile(path)
	return ws.Dir(), content
}

// A restore stopped at any step (a kill, a full disk) leaves a feedtakt.db
// in the folder: the damaged one, untouched, until the swap; and the next
// open restores.
func TestRestoreStoppedMidwayNeverLeavesTheFolderWithoutDatabase(t *testing.T) {
	ctx := context.Background()
	for _, step := range []string{"copied", "kept", "journal kept"} {
		t.Run(step, func(t *testing.T) {
			dir, damaged := damagedWithBackup(t)
			path := filepath.Join(dir, DBName)
			seen := 0
			restoreFault = func(s string) error {
				// At every step the folder holds the damaged database.
				if b, err := os.ReadFile(path); err != nil || !bytes.Equal(b, damaged) {
					t.Errorf("at step %q feedtakt.db is missing or changed: %v", s, err)
				}
				seen++
				if s == step {
					return errors.New("simulated kill")
				}
				return nil
			}
			defer func() { restoreFault = func(string) error { return nil } }()
			if _, err := Open(ctx, dir, Options{Actor: testActor}); err == nil {
				t.Fatal("open succeeded although the restore was stopped")
			}
			if seen == 0 {
				t.Fatal("the restore never reached a step")
			}
			if b, err := os.ReadFile(path); err != nil || !bytes.Equal(b, damaged) {
				t.Fatalf("after the stopped restore feedtakt.db is missing or changed: %v", err)
			}
			restoreFault = func(string) error { return nil }
			re, err := Open(ctx, dir, Options{Actor: testActor})
			if err != nil {
				t.Fatalf("next open: %v", err)
			}
			defer re.Close()
			if re.Restored() == nil {
				t.Fatal("next open did not restore")
			}
			if kept, err := os.ReadFile(re.Restored().DamagedPath); err != nil || !bytes.Equal(kept, damaged) {
				t.Fatalf("damaged file not kept: %v", err)
			}
			if _, err := os.Stat(path + ".restore"); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("temporary restore file left behind: %v", err)
			}
		})
	}
}
