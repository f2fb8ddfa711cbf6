package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
)

// TestSlowWorkspaceNeverBlocksTheUIGoroutine opens a workspace whose every
// read and write transaction first waits slowDelay (data.Options.Delay).
// The test goroutine plays the UI goroutine: each handler must return in
// well under one delay, so it cannot have touched the database itself; the
// results arrive afterwards (Wait).
func TestSlowWorkspaceNeverBlocksTheUIGoroutine(t *testing.T) {
	const slowDelay = 100 * time.Millisecond
	dir := newTestWorkspaceDir(t)
	ws, err := data.Open(context.Background(), dir, data.Options{Actor: data.Actor{Person: "Test", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := ws.Channels(context.Background())
	post := data.Post{Title: "Langsam", Date: day(2026, 12, 8), Channels: []data.PostChannel{{ChannelID: cs[0].ID}}}
	if err := ws.CreatePost(context.Background(), &post); err != nil {
		t.Fatal(err)
	}
	ws.Close()

	start := time.Now()
	u, _ := newTestUI(t, Config{Workspace: dir, delay: slowDelay})
	t.Logf("opening and first loads with a %v delay per transaction: %v", slowDelay, time.Since(start).Round(time.Millisecond))
	s := u.shell.calendar
	s.goTo(*post.Date)
	u.Wait()

	var slowest time.Duration
	step := func(name string, handler func(), check func() error) {
		t.Helper()
		began := time.Now()
		handler()
		took := time.Since(began)
		slowest = max(slowest, took)
		t.Logf("%s: %v", name, took)
		if took >= slowDelay/2 {
			t.Errorf("%s kept the UI goroutine %v (one transaction takes %v)", name, took, slowDelay)
		}
		u.Wait()
		if err := check(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	postsOn := func(d int) []data.Post {
		ps, _ := u.Workspace().PostsBetween(context.Background(), *day(2026, 12, d), *day(2026, 12, d))
		return ps
	}
	errorf := func(ok bool, format string, args ...any) error {
		if ok {
			return nil
		}
		return fmt.Errorf(format, args...)
	}

	s.selPost = post.ID
	step("Strg+D (duplicate)", func() { shortcut(t, u, fyne.KeyD) },
		func() error { return errorf(len(postsOn(8)) == 2, "%d posts on 8.12.", len(postsOn(8))) })
	step("drag and drop (move)", func() { s.moveTo(post.ID, *day(2026, 12, 10)) },
		func() error { return errorf(len(postsOn(10)) == 1, "post not moved") })
	step("Enter (open the editor)", func() { s.openPost(post.ID) },
		func() error { return errorf(u.editor != nil && topOverlay(u) != nil, "no editor") })
	ed := u.editor
	ed.title.SetText("Langsam, aber gespeichert")
	step("editor Speichern", func() { test.Tap(ed.saveB) },
		func() error {
			p, _ := u.Workspace().Post(context.Background(), post.ID)
			return errorf(p.Title == "Langsam, aber gespeichert" && topOverlay(u) == nil, "saved %q", p.Title)
		})
	set := u.shell.settings
	set.org.SetText("Langsame Stadt")
	step("settings Speichern (and the title)", func() { test.Tap(set.saveGen) },
		func() error {
			return errorf(strings.Contains(u.win.Title(), "Langsame Stadt"), "title %q", u.win.Title())
		})
	// The first showing of a screen costs Fyne some layout time with the
	// race detector on; what is timed is the reload it does.
	u.shell.selectScreen(screenHandover)
	u.Wait()
	step("handover (facts, backups, change log)", u.shell.handover.refresh,
		func() error {
			return errorf(u.shell.handover.logLength() > 0 && strings.Contains(u.shell.handover.backups.Text, "Sicherung"), "handover empty")
		})
	step("series and dates screen", func() { u.shell.dates.load() },
		func() error {
			return errorf(u.shell.dates.actions.rowCount() > 0, "action days not loaded")
		})
	u.shell.selectScreen(screenCalendar)
	u.Wait()
	s.selPost = post.ID
	s.typedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	u.Wait()
	confirm := topOverlay(u)
	if confirm == nil {
		t.Fatal("no confirmation")
	}
	step("delete after confirming", func() { test.Tap(findButton(t, confirm, "Ja")) },
		func() error {
			_, err := u.Workspace().Post(context.Background(), post.ID)
			return errorf(err != nil, "post still there")
		})
	t.Logf("slowest handler: %v", slowest)
}
