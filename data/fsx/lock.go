package fsx

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Owner says who holds a workspace lock. It is written into the lock file as
// plain text so that a person (or the app on another PC) can see who to ask.
type Owner struct {
	Person string    // display name of the user, e.g. "Maria Muster"
	PC     string    // computer name, e.g. "PC-STADT-042"
	Since  time.Time // when the lock was taken
	PID    int       // process id on PC
}

// maxOwnerText caps how much of a lock file is read: the text is four short
// lines, and a damaged or foreign file must not be read into memory whole.
const maxOwnerText = 4 << 10

// text renders o as "key=value" lines. Newlines in values would start a new
// key, so they are flattened to spaces.
func (o Owner) text() []byte {
	clean := strings.NewReplacer("\r", " ", "\n", " ")
	value := func(s string) string {
		return strings.TrimSpace(clean.Replace(strings.ToValidUTF8(s, "\uFFFD")))
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "person=%s\n", value(o.Person))
	fmt.Fprintf(&b, "pc=%s\n", value(o.PC))
	fmt.Fprintf(&b, "since=%s\n", o.Since.Format(time.RFC3339))
	fmt.Fprintf(&b, "pid=%d\n", o.PID)
	return b.Bytes()
}

// parseOwner reads what text wrote. It never fails: a lock file may be empty
// (just created or released), cut short, or edited in Notepad (BOM, CRLF),
// and whatever cannot be read stays zero.
func parseOwner(b []byte) Owner {
	var o Owner
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "person":
			o.Person = value
		case "pc":
			o.PC = value
		case "since":
			if t, err := time.Parse(time.RFC3339, value); err == nil {
				o.Since = t
			}
		case "pid":
			if n, err := strconv.Atoi(value); err == nil {
				o.PID = n
			}
		}
	}
	return o
}

// readOwnerFrom reads the owner text through r without moving a file offset.
func readOwnerFrom(r io.ReaderAt) (Owner, error) {
	b, err := io.ReadAll(io.NewSectionReader(r, 0, maxOwnerText))
	if err != nil {
		return Owner{}, err
	}
	return parseOwner(b), nil
}

// ReadOwner returns the owner written in the lock file at path without
// taking the lock. An empty file (no one holds it, or the holder released
// it) yields a zero Owner and no error.
func ReadOwner(path string) (Owner, error) {
	f, err := os.Open(path)
	if err != nil {
		return Owner{}, fmt.Errorf("read lock owner: %w", err)
	}
	defer f.Close()
	o, err := readOwnerFrom(f)
	if err != nil {
		return Owner{}, fmt.Errorf("read lock owner: %w", err)
	}
	return o, nil
}

// HeldError is returned by Acquire when the lock is held elsewhere. It
// matches ErrHeld with errors.Is; Owner is what the holder wrote, zero where
// the text could not be read.
type HeldError struct {
	Path  string // the lock file
	Owner Owner  // who holds it, as far as the text says
}

// Error names the holder as far as it is known.
func (e *HeldError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "lock %s: %v", e.Path, ErrHeld)
	o := e.Owner
	if o.Person != "" {
		fmt.Fprintf(&b, ": %s", o.Person)
	}
	if o.PC != "" {
		fmt.Fprintf(&b, " on %s", o.PC)
	}
	if !o.Since.IsZero() {
		fmt.Fprintf(&b, " since %s", o.Since.Format(time.RFC3339))
	}
	if o.PID != 0 {
		fmt.Fprintf(&b, " (pid %d)", o.PID)
	}
	return b.String()
}

// Is makes errors.Is(err, ErrHeld) true for a *HeldError.
func (e *HeldError) Is(target error) bool { return target == ErrHeld }

// Lock is a held workspace lock. The OS releases it when the process ends,
// however it ends, so a crashed holder never blocks the next start.
//
// Keep the *Lock reachable until Release: if it is garbage collected, the
// runtime closes the file, and closing the file drops the OS lock.
type Lock struct {
	mu   sync.Mutex
	f    *os.File
	path string
}

// errWouldBlock is what the platform lock call reports when someone else
// holds the lock; Acquire turns it into a *HeldError.
var errWouldBlock = errors.New("lock is held")

// lockAttempts bounds the retries when the lock file is replaced between
// open and lock; that needs someone deleting the file at the same moment,
// so a second attempt practically always settles it.
const lockAttempts = 5

// Acquire takes the workspace lock at path without waiting, creating the
// file if needed, and writes o into it. A zero o.Since becomes now and a zero
// o.PID becomes this process.
//
// If another process, or another Lock in this process, holds it, Acquire
// returns a *HeldError (errors.Is(err, ErrHeld)). A lock left by a crashed
// process is not held: the OS released it when the process died, so it is
// simply taken over. If the folder is not writable, IsPermission(err) is
// true.
//
// On unix this is flock(LOCK_EX|LOCK_NB), which belongs to the open file
// description: unlike fcntl locks it also excludes a second open in the same
// process, and closing some other descriptor of the file does not drop it.
// Linux maps flock on NFS and CIFS to byte-range locks the server sees. On
// Windows it is LockFileEx on one byte far past the text, because Windows
// locks are mandatory and would otherwise stop others reading the owner.
func Acquire(path string, o Owner) (*Lock, error) {
	if o.Since.IsZero() {
		o.Since = time.Now()
	}
	if o.PID == 0 {
		o.PID = os.Getpid()
	}
	for range lockAttempts {
		// 0666 before the umask, like os.Create: colleagues sharing a
		// folder must be able to take the lock over after the holder left.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if err := lockFile(f); err != nil {
			if errors.Is(err, errWouldBlock) {
				// Read through the open handle: it is the file that is held.
				// Unreadable text still means "held", just by someone unnamed.
				owner, _ := readOwnerFrom(f)
				f.Close()
				return nil, &HeldError{Path: path, Owner: owner}
			}
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		// If the file was deleted (and maybe recreated) between our open and
		// our lock, we hold a lock on a file nobody else will ever open.
		// Release never deletes it, but a person or an old version might.
		if same, err := isSameFile(f, path); err != nil || !same {
			unlockFile(f)
			f.Close()
			if err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("lock %s: %w", path, err)
			}
			continue
		}
		if err := writeOwner(f, o); err != nil {
			// A full disk usually shows up here first; give the lock back so
			// the error is the only thing that stays.
			unlockFile(f)
			f.Close()
			return nil, fmt.Errorf("lock %s: write owner: %w", path, err)
		}
		return &Lock{f: f, path: path}, nil
	}
	return nil, fmt.Errorf("lock %s: file keeps being replaced", path)
}

func isSameFile(f *os.File, path string) (bool, error) {
	held, err := f.Stat()
	if err != nil {
		return false, err
	}
	named, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	return os.SameFile(held, named), nil
}

// writeOwner replaces the text and syncs it, so the name shown to others
// survives a power cut as long as the lock could.
func writeOwner(f *os.File, o Owner) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	if _, err := f.WriteAt(o.text(), 0); err != nil {
		return err
	}
	return f.Sync()
}

// Release clears the owner text and gives the lock up. Calling it again, or
// on a nil *Lock, does nothing.
//
// The file itself stays. Deleting it would race with a process that has
// already opened it and is about to lock it: that process would lock the
// deleted file while a third one creates and locks a new one, and two
// programs would own the workspace.
func (l *Lock) Release() error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	f := l.f
	l.f = nil
	// Clear while still holding the lock, so this can never wipe the text
	// of whoever takes the lock next.
	err := errors.Join(f.Truncate(0), unlockFile(f), f.Close())
	if err != nil {
		return fmt.Errorf("release lock %s: %w", l.path, err)
	}
	return nil
}

// control runs fn with f's descriptor. SyscallConn is used rather than Fd,
// because Fd switches a unix descriptor to blocking mode as a side effect.
func control(f *os.File, fn func(fd uintptr) error) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var opErr error
	if err := rc.Control(func(fd uintptr) { opErr = fn(fd) }); err != nil {
		return err
	}
	return opErr
}
