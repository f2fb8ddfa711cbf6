package fsx

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// holderEnv tells the re-executed test binary to act as the other process
// holding the lock; its value is the lock path.
const holderEnv = "FSX_TEST_HOLD_LOCK"

// holderOwner is who the helper process claims to be.
func holderOwner() Owner {
	return Owner{
		Person: "Maria Muster",
		PC:     "PC-STADT-042",
		Since:  time.Date(2026, 11, 27, 9, 12, 0, 0, time.FixedZone("CET", 3600)),
		PID:    os.Getpid(),
	}
}

// TestHelperProcess is not a test: it is the other process for the lock
// tests. It takes the lock, says "locked", and holds it until its stdin is
// closed, then releases it and exits.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv(holderEnv)
	if path == "" {
		t.Skip("helper process for the lock tests")
	}
	l, err := Acquire(path, holderOwner())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Fprint(os.Stdout, "locked\n")
	_, _ = io.Copy(io.Discard, os.Stdin)
	if err := l.Release(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	os.Exit(0)
}

// holder is a child process that holds a lock.
type holder struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr *bytes.Buffer
	wait   func() error
}

// newTestHolder starts a child process holding the lock at path and returns
// once the child has said it holds it.
func newTestHolder(t *testing.T, path string) *holder {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), holderEnv+"="+path)
	if _, ok := os.LookupEnv("GORACE"); !ok {
		// A -race binary otherwise sleeps a second at exit.
		cmd.Env = append(cmd.Env, "GORACE=atexit_sleep_ms=0")
	}
	h := &holder{cmd: cmd, stderr: new(bytes.Buffer)}
	cmd.Stderr = h.stderr
	var err error
	if h.stdin, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h.wait = sync.OnceValue(cmd.Wait)
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = h.wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if line != "locked\n" {
		_ = h.wait()
		t.Fatalf("helper said %q (%v); stderr: %s", line, err, h.stderr)
	}
	return h
}

func TestAcquireHeldByOtherProcessThenCrash(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feedtakt.lock")
	h := newTestHolder(t, path)

	_, err := Acquire(path, Owner{Person: "Max Beispiel"})
	if !errors.Is(err, ErrHeld) {
		t.Fatalf("Acquire while held elsewhere: err = %v, want ErrHeld", err)
	}
	var held *HeldError
	if !errors.As(err, &held) {
		t.Fatalf("err is %T, want *HeldError", err)
	}
	want := holderOwner()
	want.PID = h.cmd.Process.Pid
	if !ownersEqual(held.Owner, want) {
		t.Errorf("HeldError.Owner = %+v, want %+v", held.Owner, want)
	}
	// Others can read the text while it is locked (on Windows this is
	// what the far-away lock byte is for).
	if got, err := ReadOwner(path); err != nil || !ownersEqual(got, want) {
		t.Errorf("ReadOwner while held = %+v, %v; want %+v", got, err, want)
	}

	// A crash: the OS drops the lock with the process, no clean-up runs.
	if err := h.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = h.wait()

	me := Owner{Person: "Max Beispiel", PC: "PC-STADT-007"}
	l, err := Acquire(path, me)
	if err != nil {
		t.Fatalf("Acquire after the holder crashed: %v", err)
	}
	defer l.Release()
	got, err := ReadOwner(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Person != me.Person || got.PC != me.PC || got.PID != os.Getpid() || got.Since.IsZero() {
		t.Errorf("owner after take-over = %+v, want %s on %s, pid %d, since set", got, me.Person, me.PC, os.Getpid())
	}
}

func TestAcquireAfterOtherProcessReleased(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feedtakt.lock")
	h := newTestHolder(t, path)

	h.stdin.Close() // tells the helper to Release and exit
	if err := h.wait(); err != nil {
		t.Fatalf("helper: %v; stderr: %s", err, h.stderr)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("lock file after release: %v; want it kept", err)
	}
	if got, err := ReadOwner(path); err != nil || got != (Owner{}) {
		t.Errorf("ReadOwner after release = %+v, %v; want zero Owner", got, err)
	}
	l, err := Acquire(path, Owner{Person: "Max Beispiel"})
	if err != nil {
		t.Fatalf("Acquire after release: %v", err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
}

// flock belongs to the open file description, so a second open in the same
// process must not get the lock either (fcntl locks would allow it).
func TestAcquireTwiceInOneProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feedtakt.lock")
	first := Owner{Person: "Maria Muster", PC: "PC-1", Since: time.Date(2026, 3, 29, 1, 59, 0, 0, time.UTC), PID: 4711}
	l, err := Acquire(path, first)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Acquire(path, Owner{Person: "Max Beispiel"})
	var held *HeldError
	if !errors.As(err, &held) || !errors.Is(err, ErrHeld) {
		t.Fatalf("second Acquire: err = %v, want *HeldError", err)
	}
	if !ownersEqual(held.Owner, first) {
		t.Errorf("HeldError.Owner = %+v, want %+v", held.Owner, first)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if err := l.Release(); err != nil {
		t.Errorf("second Release: %v, want nil", err)
	}
	l2, err := Acquire(path, Owner{Person: "Max Beispiel"})
	if err != nil {
		t.Fatalf("Acquire after Release: %v", err)
	}
	if err := l2.Release(); err != nil {
		t.Fatal(err)
	}
}

func TestAcquireConcurrentOnlyOneWins(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feedtakt.lock")
	const n = 16
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		locks []*Lock
		other []error
	)
	for i := range n {
		wg.Go(func() {
			l, err := Acquire(path, Owner{Person: fmt.Sprint("user ", i)})
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				locks = append(locks, l)
			case !errors.Is(err, ErrHeld):
				other = append(other, err)
			}
		})
	}
	wg.Wait()
	for _, l := range locks {
		defer l.Release()
	}
	if len(locks) != 1 || len(other) != 0 {
		t.Fatalf("%d of %d concurrent Acquires won (want 1), other errors: %v", len(locks), n, other)
	}
}

func TestReleaseNilLock(t *testing.T) {
	var l *Lock
	if err := l.Release(); err != nil {
		t.Errorf("nil Lock Release = %v", err)
	}
}

func TestReadOwnerMissingFile(t *testing.T) {
	_, err := ReadOwner(filepath.Join(t.TempDir(), "feedtakt.lock"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadOwner(missing) err = %v, want ErrNotExist", err)
	}
}

func TestOwnerTextRoundTrip(t *testing.T) {
	berlin := time.FixedZone("CEST", 2*3600)
	tests := []struct {
		name string
		in   Owner
		want Owner
	}{
		{"plain", holderOwner(), holderOwner()},
		{"umlauts", Owner{Person: "Jürgen Groß", PC: "RATHAUS-Ä1", Since: time.Date(2026, 7, 1, 8, 0, 0, 0, berlin), PID: 1},
			Owner{Person: "Jürgen Groß", PC: "RATHAUS-Ä1", Since: time.Date(2026, 7, 1, 8, 0, 0, 0, berlin), PID: 1}},
		{"newline cannot inject a key", Owner{Person: "Eve\npc=FAKE", PC: "PC\r\n"},
			Owner{Person: "Eve pc=FAKE", PC: "PC"}},
		{"equals sign in value", Owner{Person: "a=b"}, Owner{Person: "a=b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseOwner(tt.in.text()); !ownersEqual(got, tt.want) {
				t.Errorf("round trip = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseOwnerTolerant(t *testing.T) {
	tests := []struct {
		name, text string
		want       Owner
	}{
		{"empty", "", Owner{}},
		{"garbage", "\x00\xff\xfe not a lock file", Owner{}},
		{"notepad BOM and CRLF", "\uFEFFperson=Maria Muster\r\npc=PC-1\r\npid=42\r\n",
			Owner{Person: "Maria Muster", PC: "PC-1", PID: 42}},
		{"cut short", "person=Maria Mu", Owner{Person: "Maria Mu"}},
		{"bad numbers and dates are dropped", "person=M\nsince=yesterday\npid=-x\n", Owner{Person: "M"}},
		{"unknown keys ignored", "color=blue\nperson=M\n", Owner{Person: "M"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseOwner([]byte(tt.text)); !ownersEqual(got, tt.want) {
				t.Errorf("parseOwner(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
		})
	}
}

func TestHeldErrorMessage(t *testing.T) {
	err := &HeldError{Path: "feedtakt.lock", Owner: holderOwner()}
	want := "lock feedtakt.lock: workspace is in use by another program: Maria Muster on PC-STADT-042 since 2026-11-27T09:12:00+01:00 (pid " + fmt.Sprint(os.Getpid()) + ")"
	if got := err.Error(); got != want {
		t.Errorf("Error() = %q\nwant      %q", got, want)
	}
	anon := &HeldError{Path: "x.lock"}
	if got, want := anon.Error(), "lock x.lock: workspace is in use by another program"; got != want {
		t.Errorf("Error() with unknown owner = %q, want %q", got, want)
	}
}

// ownersEqual compares owners with time.Time.Equal: the text keeps the
// instant and offset, not the zone name.
func ownersEqual(a, b Owner) bool {
	return a.Person == b.Person && a.PC == b.PC && a.PID == b.PID && a.Since.Equal(b.Since)
}
