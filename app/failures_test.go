package app

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"feedtakt/data"
)

// breakTable renames a table behind the open workspace's back, so that the
// queries that need it fail as on a damaged database.
func breakTable(t *testing.T, dir, table string) {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(dir, data.DBName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("ALTER TABLE " + table + " RENAME TO " + table + "_gone"); err != nil {
		t.Fatal(err)
	}
}

// breakBackups puts a file where the backups folder belongs.
func breakBackups(t *testing.T, dir string) {
	t.Helper()
	b := filepath.Join(dir, data.BackupsDir)
	if err := os.RemoveAll(b); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("kein Ordner"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Panels that cannot load say so in the panel instead of staying empty.
func TestPanelsSayWhenTheyCannotLoad(t *testing.T) {
	for _, tc := range []struct {
		name   string
		break_ func(t *testing.T, dir string)
		load   func(u *UI)
		shown  func(u *UI) []string
		want   string
	}{
		{"idea board", func(t *testing.T, d string) { breakTable(t, d, "posts") },
			func(u *UI) { u.shell.ideas.reload() },
			func(u *UI) []string { return texts(u.shell.ideas.content) },
			"Die Ideen konnten nicht geladen werden."},
		{"gap panel", func(t *testing.T, d string) { breakTable(t, d, "posts") },
			func(u *UI) { u.shell.calendar.gaps.reload() },
			func(u *UI) []string { return texts(u.shell.calendar.gaps.content) },
			"Die Lücken konnten nicht geladen werden."},
		{"media library count", func(t *testing.T, d string) { breakTable(t, d, "media") },
			func(u *UI) { u.shell.library.reload() },
			func(u *UI) []string { return texts(u.shell.library.content) },
			"Die Mediathek konnte nicht gelesen werden."},
		{"handover change log", func(t *testing.T, d string) { breakTable(t, d, "changelog") },
			func(u *UI) { u.shell.handover.refresh() },
			func(u *UI) []string { return texts(u.shell.handover.content) },
			"Das Änderungsprotokoll konnte nicht gelesen werden."},
		{"handover backups", breakBackups,
			func(u *UI) { u.shell.handover.refresh() },
			func(u *UI) []string { return texts(u.shell.handover.content) },
			"Die Sicherungen konnten nicht aufgelistet werden."},
		{"editor media section", func(t *testing.T, d string) { breakTable(t, d, "post_media") },
			func(u *UI) {
				ps, _ := u.Workspace().Ideas(context.Background(), 10)
				u.shell.calendar.openPost(ps[0].ID)
			},
			func(u *UI) []string {
				if ov := topOverlay(u); ov != nil {
					return texts(ov)
				}
				return nil
			},
			"Die verknüpften Bilder konnten nicht gelesen werden."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := newTestWorkspaceDir(t)
			u, _ := newTestUI(t, Config{Workspace: dir})
			p := data.Post{Title: "Eine Idee", Status: data.StatusIdea}
			if err := u.Workspace().CreatePost(context.Background(), &p); err != nil {
				t.Fatal(err)
			}
			tc.break_(t, dir)
			tc.load(u)
			u.Wait()
			got := tc.shown(u)
			if !containsPrefix(got, tc.want) {
				t.Errorf("panel shows %q, want a sentence starting %q", got, tc.want)
			}
		})
	}
}

func containsPrefix(texts []string, prefix string) bool {
	for _, s := range texts {
		if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}

// The backup after midnight reports a failure like the one at start-up.
func TestMidnightBackupFailureShowsBanner(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	breakBackups(t, dir)
	u.watcher.tick(time.Now().AddDate(0, 0, 1))
	u.Wait()
	assertShows(t, u.shell.banners, "Die tägliche Sicherung ist fehlgeschlagen")
}

// A change-log page that was being read when the list was refreshed must
// not join the new list (duplicates, wrong order).
func TestChangeLogPageFromBeforeARefreshIsDropped(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	h := u.shell.handover
	h.refresh()
	u.jobs.Wait() // the page is read; it waits for the UI goroutine
	h.refresh()
	u.Wait()
	all, err := u.Workspace().Changes(context.Background(), 0, changePage)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	h.mu.Lock()
	defer h.mu.Unlock()
	for i, c := range h.changes {
		if seen[c.ID] || (i > 0 && c.ID > h.changes[i-1].ID) {
			t.Fatalf("change log shows %d rows with duplicates or out of order", len(h.changes))
		}
		seen[c.ID] = true
	}
	if len(h.changes) != len(all) {
		t.Errorf("change log shows %d rows, the workspace has %d", len(h.changes), len(all))
	}
}

// A media file deleted outside Feedtakt is found by the check at open and
// said in a banner; an intact library shows none.
func TestMissingMediaFileShowsBannerAfterOpen(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	ws, err := data.Open(context.Background(), dir, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var paths []string
	for _, name := range []string{"Lena im Archiv.jpg", "Grabung.jpg"} {
		m, err := ws.AddMediaBytes(ctx, data.Media{OriginalName: name}, []byte("Bildinhalt "+name))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Join(dir, filepath.FromSlash(m.Path)))
	}
	ws.Close()

	u, _ := newTestUI(t, Config{Workspace: dir})
	assertNotShows(t, u.shell.banners, "Mediathek")
	u.closeWorkspace()

	if err := os.Remove(paths[0]); err != nil {
		t.Fatal(err)
	}
	u2, _ := newTestUI(t, Config{Workspace: dir})
	assertShows(t, u2.shell.banners, "1 Datei der Mediathek fehlt")
}
