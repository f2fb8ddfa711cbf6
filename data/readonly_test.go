//go:build linux

package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// readOnlyView returns dir seen through a read-only bind mount (root), or
// skips: root ignores mode bits, so only a mount makes a folder unwritable.
func readOnlyView(t *testing.T, dir string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root for a read-only bind mount")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "--bind", dir, mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot bind-mount (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", mnt).Run() })
	if out, err := exec.Command("mount", "-o", "remount,bind,ro", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only (%v: %s)", err, out)
	}
	if f, err := os.Create(filepath.Join(mnt, "probe")); err == nil {
		f.Close()
		os.Remove(filepath.Join(mnt, "probe"))
		t.Skip("bind mount is writable here")
	}
	return mnt
}

// A WAL workspace in a folder the person may not write opens read-only
// (SQLite says READONLY_DIRECTORY or CANTOPEN there), also with a WAL left
// by a crash, whose rows must be seen.
func TestWALWorkspaceInReadOnlyFolder(t *testing.T) {
	ctx := context.Background()
	clean := newTestWorkspace(t)
	clean.Close()
	ws := newTestWorkspace(t)
	ws.Close()
	cases := map[string]string{
		"clean": clean.Dir(),
		"crash leftover": crashCopy(t, ws.Dir(), func(db *sql.DB) {
			mustExec(t, db, `INSERT INTO topics (name, color, position, created_at) VALUES ('Nur im WAL', '#123456', 9, '2026-01-01T00:00:00Z')`)
		}),
	}
	for name, dir := range cases {
		t.Run(name, func(t *testing.T) {
			wantTopics := 2
			if walSize(filepath.Join(dir, DBName)) > walHeaderSize {
				wantTopics = 3
				// a crash also leaves the shared-memory file
				os.WriteFile(filepath.Join(dir, DBName+"-shm"), make([]byte, 32768), 0o644)
			}
			ro := readOnlyView(t, dir)
			for _, check := range []bool{false, true} {
				w, err := Open(ctx, ro, Options{Actor: testActor, ReadOnly: check})
				if err != nil {
					t.Fatalf("check=%v: open in a read-only folder: %v", check, err)
				}
				if !w.ReadOnly() {
					t.Error("not read-only")
				}
				ts, err := w.Topics(ctx)
				w.Close()
				if err != nil || len(ts) != wantTopics {
					t.Fatalf("check=%v: topics %d, %v; want %d", check, len(ts), err, wantTopics)
				}
			}
		})
	}
}

// When the lock file may not be written, the person holding the workspace
// is still named: the lock can be read.
func TestHolderNamedWhenLockFileNotWritable(t *testing.T) {
	ws := newTestWorkspace(t)
	dir := ws.Dir()
	ws.Close()
	cmd, stdin := holdInChild(t, dir)
	defer func() { stdin.Close(); cmd.Wait() }()
	ro := readOnlyView(t, dir)
	w, err := Open(context.Background(), ro, Options{Actor: Actor{Person: "Kai Vertretung", PC: "PC-2"}})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if !w.ReadOnly() {
		t.Fatal("not read-only")
	}
	if o := w.HeldBy(); o == nil || o.Person != "Maria Muster" {
		t.Fatalf("held by %+v, want Maria Muster", o)
	}
	if _, err := w.Topics(context.Background()); err != nil {
		t.Fatalf("reading: %v", err)
	}
}

// TestHelperOpenAsUser is not a test: run by
// TestFolderNotWritableButFilesAre as another user, it opens the workspace
// and prints how.
func TestHelperOpenAsUser(t *testing.T) {
	dir := os.Getenv("FEEDTAKT_OPEN_AS_USER")
	if dir == "" {
		t.Skip("helper process only")
	}
	w, err := Open(context.Background(), dir, Options{Actor: testActor})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(3)
	}
	ts, err := w.Topics(context.Background())
	fmt.Printf("readonly=%v topics=%d err=%v\n", w.ReadOnly(), len(ts), err)
	w.Close()
	os.Exit(0)
}

// A folder the person may not write, holding files they may (a share with
// per-file rights): the lock is taken, but SQLite cannot create the -wal
// file and says READONLY_DIRECTORY. The workspace opens read-only.
func TestFolderNotWritableButFilesAre(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run the open as another user")
	}
	ws := newTestWorkspace(t)
	ws.Close()
	// Everything reachable for "nobody": the test binary and the folder.
	base, err := os.MkdirTemp("", "feedtakt-user-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	os.Chmod(base, 0o755)
	bin := filepath.Join(base, "data.test")
	if b, err := os.ReadFile(os.Args[0]); err != nil || os.WriteFile(bin, b, 0o755) != nil {
		t.Skip("cannot copy the test binary")
	}
	dir := filepath.Join(base, "Feedtakt")
	os.Mkdir(dir, 0o755) // owned by root: nobody may not create files in it
	for _, n := range []string{DBName, LockName} {
		b, _ := os.ReadFile(filepath.Join(ws.Dir(), n))
		os.WriteFile(filepath.Join(dir, n), b, 0o666)
		os.Chmod(filepath.Join(dir, n), 0o666)
	}
	cmd := exec.Command(bin, "-test.run=^TestHelperOpenAsUser$", "-test.count=1")
	cmd.Dir = base
	cmd.Env = append(os.Environ(), "FEEDTAKT_OPEN_AS_USER="+dir, "HOME="+base, "XDG_CACHE_HOME="+base, "XDG_CONFIG_HOME="+base)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if !strings.Contains(string(out), "readonly=true topics=2 err=<nil>") {
		t.Fatalf("open as a user who may not write the folder: %v\n%s", err, out)
	}
}
