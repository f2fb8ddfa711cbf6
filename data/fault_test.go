package data

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"feedtakt/data/calendar"
	"feedtakt/data/fsx"
)

// TestHelperHoldWorkspace is not a test: run by TestLockHeldByAnotherProcess
// as a child process, it opens the workspace, says "open" and keeps it open
// until its stdin closes or it is killed.
func TestHelperHoldWorkspace(t *testing.T) {
	dir := os.Getenv("FEEDTAKT_HOLD_WORKSPACE")
	if dir == "" {
		t.Skip("helper process only")
	}
	ws, err := Open(context.Background(), dir, Options{Actor: Actor{Person: "Maria Muster", PC: "PC-STADT-042"}})
	if err != nil || ws.ReadOnly() {
		os.Stdout.WriteString("failed\n")
		os.Exit(3)
	}
	os.Stdout.WriteString("open\n")
	io.Copy(io.Discard, os.Stdin)
	ws.Close()
	os.Exit(0)
}

// holdInChild starts a second process that holds the workspace open.
func holdInChild(t *testing.T, dir string) (*exec.Cmd, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldWorkspace$", "-test.count=1")
	cmd.Env = append(os.Environ(), "FEEDTAKT_HOLD_WORKSPACE="+dir)
	stdin, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "open" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child said %q, %v", line, err)
	}
	return cmd, stdin
}

func TestLockHeldByAnotherProcessThenCrash(t *testing.T) {
	ws := newTestWorkspace(t)
	dir := ws.Dir()
	ws.Close()
	cmd, stdin := holdInChild(t, dir)
	defer stdin.Close()

	before := snapshot(t, dir)
	second, err := Open(context.Background(), dir, Options{Actor: Actor{Person: "Kai Vertretung", PC: "PC-2"}})
	if err != nil {
		t.Fatal(err)
	}
	if !second.ReadOnly() {
		t.Fatal("second process got write access")
	}
	if o := second.HeldBy(); o == nil || o.Person != "Maria Muster" || o.PC != "PC-STADT-042" || o.Since.IsZero() {
		t.Fatalf("held by %+v", second.HeldBy())
	}
	if _, err := second.Topics(context.Background()); err != nil {
		t.Fatalf("reading while held: %v", err)
	}
	if err := second.SaveTopic(context.Background(), &Topic{Name: "X"}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write while held: %v", err)
	}
	second.Close()
	// The read-only visitor wrote nothing (the holder's own files may move).
	after := snapshot(t, dir)
	if before[filepath.Join(dir, LockName)] != after[filepath.Join(dir, LockName)] {
		t.Error("the visitor changed the lock text")
	}

	// The holder crashes: the OS drops its lock, the next open takes over.
	cmd.Process.Kill()
	cmd.Wait()
	third, err := Open(context.Background(), dir, Options{Actor: Actor{Person: "Kai Vertretung", PC: "PC-2"}})
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if third.ReadOnly() {
		t.Fatal("lock of a crashed process was not taken over")
	}
	owner, _ := fsx.ReadOwner(filepath.Join(dir, LockName))
	if owner.Person != "Kai Vertretung" {
		t.Errorf("owner after take-over: %+v", owner)
	}
	if err := third.SaveTopic(context.Background(), &Topic{Name: "Nach dem Absturz"}); err != nil {
		t.Fatal(err)
	}
}

// mountTmpfs mounts a small tmpfs at a temp dir (root only), unmounted at
// the end of the test.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

func TestDiskFullWhileWritingLosesNothing(t *testing.T) {
	mnt := mountTmpfs(t, "1m")
	ctx := context.Background()
	ws, err := Create(ctx, filepath.Join(mnt, "Feedtakt"), Initial{Settings: Settings{Land: "NI"}}, Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if err := ws.CreatePost(ctx, &Post{Title: "Bleibt erhalten"}); err != nil {
		t.Fatal(err)
	}
	// Fill the disk.
	filler, _ := os.Create(filepath.Join(mnt, "filler"))
	buf := make([]byte, 64<<10)
	for {
		if _, err := filler.Write(buf); err != nil {
			break
		}
	}
	filler.Close()
	var werr error
	for i := 0; i < 200 && werr == nil; i++ {
		werr = ws.CreatePost(ctx, &Post{Title: "Zu viel", Caption: strings.Repeat("Text, der nicht mehr passt. ", 400)})
	}
	if werr == nil {
		t.Fatal("writes kept succeeding on a full disk")
	}
	if e := Explain(werr); !strings.Contains(e.Key, "disk is full") {
		t.Errorf("error %v explained as %q", werr, e.Key)
	}
	// Free the space: the earlier post is intact and writing works again.
	os.Remove(filepath.Join(mnt, "filler"))
	p, err := ws.PostsBetween(ctx, calendar.NewDate(MinYear, 1, 1), calendar.NewDate(MaxYear, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	ideas, _ := ws.Ideas(ctx, 1000)
	found := false
	for _, x := range append(p, ideas...) {
		found = found || x.Title == "Bleibt erhalten"
	}
	if !found {
		t.Fatal("a post written before the disk filled up is gone")
	}
	if err := ws.checkIntegrity(ctx); err != nil {
		t.Fatalf("database damaged by the full disk: %v", err)
	}
	if err := ws.CreatePost(ctx, &Post{Title: "Wieder Platz"}); err != nil {
		t.Fatalf("write after freeing space: %v", err)
	}
}

func TestFolderNotWritable(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	dir := ws.Dir()
	ws.Close()
	// A read-only bind of the folder (as root) or chmod (as a user).
	if os.Geteuid() == 0 {
		mnt := t.TempDir()
		if out, err := exec.Command("mount", "--bind", "-o", "ro", dir, mnt).CombinedOutput(); err != nil {
			t.Skipf("cannot bind-mount read-only (%v: %s)", err, out)
		}
		t.Cleanup(func() { exec.Command("umount", "-l", mnt).Run() })
		// Some kernels need a remount for ro to apply to a bind mount.
		exec.Command("mount", "-o", "remount,bind,ro", mnt).Run()
		if f, err := os.Create(filepath.Join(mnt, "probe")); err == nil {
			f.Close()
			t.Skip("bind mount is writable here")
		}
		dir = mnt
	} else {
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
	ro, err := Open(ctx, dir, Options{Actor: testActor})
	if err != nil {
		t.Fatalf("open of a read-only folder: %v", err)
	}
	defer ro.Close()
	if !ro.ReadOnly() || ro.HeldBy() != nil {
		t.Fatalf("readOnly=%v heldBy=%v", ro.ReadOnly(), ro.HeldBy())
	}
	if cs, err := ro.Channels(ctx); err != nil || len(cs) != 2 {
		t.Fatalf("reading: %v", err)
	}
	_, err = Create(ctx, filepath.Join(dir, "neu"), Initial{}, Options{})
	if err == nil {
		t.Fatal("created a workspace in a read-only folder")
	}
	if e := Explain(err); !strings.Contains(e.Key, "may not write") {
		t.Errorf("explained as %q (%v)", e.Key, err)
	}
}

// A full disk in the middle of saving and checkpointing: every
// acknowledged save survives, "check" calls the workspace healthy (not
// "truncated") while the disk is still full, and it opens again without a
// backup being restored, before and after space is freed.
func TestDiskFullThenCheckAndReopen(t *testing.T) {
	ctx := context.Background()
	for _, size := range []string{"600k", "1m", "2m"} {
		t.Run(size, func(t *testing.T) {
			mnt := mountTmpfs(t, size)
			dir := filepath.Join(mnt, "Feedtakt")
			ws, err := Create(ctx, dir, Initial{Settings: Settings{Land: "NI"}}, Options{Actor: testActor})
			if err != nil {
				t.Skipf("no room for a workspace: %v", err)
			}
			ws.db.Exec("PRAGMA wal_autocheckpoint(20)")
			// Room to free later.
			os.WriteFile(filepath.Join(mnt, "filler"), make([]byte, 128<<10), 0o644)
			saved := 0
			for i := 0; i < 100000; i++ {
				if err := ws.CreatePost(ctx, &Post{Title: "Beitrag", Caption: strings.Repeat("Text ", 100+i%300)}); err != nil {
					break
				}
				saved++
			}
			ws.Close() // its checkpoint runs into the full disk too

			ro, err := Open(ctx, dir, Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("check on the full disk after %d saves: %v", saved, err)
			}
			h, err := ro.Inspect(ctx)
			ro.Close()
			if err != nil || h.Integrity != "ok" || h.Counts.Ideas < saved {
				t.Fatalf("check: %v, integrity %s, %d of %d posts", err, h.Integrity, h.Counts.Ideas, saved)
			}
			for _, free := range []bool{false, true} {
				if free {
					os.Remove(filepath.Join(mnt, "filler"))
				}
				re, err := Open(ctx, dir, Options{Actor: testActor})
				if err != nil {
					t.Fatalf("open (space freed: %v): %v", free, err)
				}
				if re.Restored() != nil {
					t.Fatalf("a backup was restored over intact data")
				}
				c, err := re.Counts(ctx)
				re.Close()
				if err != nil || c.Ideas < saved {
					t.Fatalf("open (space freed: %v): %d of %d posts, %v", free, c.Ideas, saved, err)
				}
			}
		})
	}
}
