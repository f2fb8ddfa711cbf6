//go:build unix

package data

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHelperErase is not a test: run by TestKilledWhileErasing as a child
// process, it opens the workspace and erases a person. With
// FEEDTAKT_ERASE_STOP set it prints "at STEP" when the erasure reaches that
// step and waits there to be killed.
func TestHelperErase(t *testing.T) {
	dir := os.Getenv("FEEDTAKT_ERASE_DIR")
	if dir == "" {
		t.Skip("helper process only")
	}
	id, _ := strconv.ParseInt(os.Getenv("FEEDTAKT_ERASE_ID"), 10, 64)
	stop := os.Getenv("FEEDTAKT_ERASE_STOP")
	erasureFault = func(step string) error {
		if step == stop {
			fmt.Println("at " + step)
			time.Sleep(time.Hour) // killed here
		}
		return nil
	}
	ctx := context.Background()
	ws, err := Open(ctx, dir, Options{Actor: testActor})
	if err != nil || ws.ReadOnly() {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	fmt.Println("open")
	res, err := ws.ErasePerson(ctx, id, nil)
	if err != nil {
		fmt.Println("erase failed:", err)
		os.Exit(4)
	}
	fmt.Printf("done %d pictures\n", res.Pictures)
	ws.Close()
}

// runEraseChild runs the helper on dir; with stop it kills the child
// (SIGKILL) when it reports that step, with delay > 0 after that long.
// It returns the child's last line of its own.
func runEraseChild(t *testing.T, dir string, id int64, stop string, delay time.Duration) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperErase$", "-test.count=1")
	cmd.Env = append(os.Environ(), "FEEDTAKT_ERASE_DIR="+dir, fmt.Sprintf("FEEDTAKT_ERASE_ID=%d", id), "FEEDTAKT_ERASE_STOP="+stop)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	last := ""
	for sc.Scan() {
		line := sc.Text()
		if line == "PASS" || strings.HasPrefix(line, "---") || strings.HasPrefix(line, "===") {
			continue // the test framework's lines after the helper
		}
		last = line
		if last == "open" && delay > 0 {
			// The moment of the kill is the fault being injected.
			time.Sleep(delay)
			cmd.Process.Signal(syscall.SIGKILL)
		}
		if stop != "" && last == "at "+stop {
			cmd.Process.Signal(syscall.SIGKILL)
		}
	}
	cmd.Wait()
	return last
}

// An erasure killed (kill -9, a real process) at each of its steps, and at
// random moments, leaves a healthy workspace with the erasure pending and
// the person not half restored; running it again completes it: the byte
// search finds nothing and the proof record is there.
func TestKilledWhileErasing(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	points := []string{"journal", "trash", "media", "files", "rows", "backup", "clean"}
	randoms := 3
	if raceEnabled {
		randoms = 1 // ten times slower: the fixed points carry the test
	}
	for i := range randoms {
		points = append(points, fmt.Sprintf("random-%d", i))
	}
	for _, stop := range points {
		t.Run(stop, func(t *testing.T) {
			ctx := context.Background()
			f := newErasureFixture(t)
			dir := f.ws.Dir()
			f.ws.Close()
			var last string
			if strings.HasPrefix(stop, "random") {
				delay := time.Duration(1+rand.IntN(150)) * time.Millisecond
				last = runEraseChild(t, dir, f.person.ID, "", delay)
				t.Logf("killed after %v; the child's last line: %q", delay, last)
			} else {
				last = runEraseChild(t, dir, f.person.ID, stop, 0)
				if last != "at "+stop {
					t.Fatalf("child did not reach %s: %q", stop, last)
				}
			}
			// Killed: the workspace opens healthy, nothing restored.
			ws, err := Open(ctx, dir, Options{Actor: testActor})
			if err != nil || ws.Restored() != nil {
				t.Fatalf("open after kill: %v, restored %v", err, ws.Restored())
			}
			if err := ws.checkIntegrity(ctx); err != nil {
				t.Fatal(err)
			}
			rec, err := ws.Erasure(ctx, f.person.ID)
			switch {
			case errors.Is(err, ErrNotFound):
				// Killed before the journal was written: nothing may be
				// gone yet.
				if _, err := ws.Person(ctx, f.person.ID); err != nil {
					t.Fatalf("killed before the journal (%q), but the person is gone: %v", last, err)
				}
				if _, err := ws.Media(ctx, f.pictures[0].ID); err != nil {
					t.Fatalf("killed before the journal (%q), but a picture is gone: %v", last, err)
				}
			case err != nil:
				t.Fatal(err)
			}
			ws.Close()
			// The kill may land after the last commit and before the child
			// says "done": a record that says done must then stand for work
			// that is done, with nothing left to find.
			if err == nil && rec.Done() {
				if found := byteSearch(t, dir, f.needles()); len(found) > 0 {
					t.Fatalf("after kill at %s (%q): record %+v done, but found:\n%s", stop, last, rec, strings.Join(found, "\n"))
				}
			}
			if last := runEraseChild(t, dir, f.person.ID, "", 0); !strings.HasPrefix(last, "done") {
				t.Fatalf("rerun: %q", last)
			}
			if found := byteSearch(t, dir, f.needles()); len(found) > 0 {
				t.Errorf("after rerun found:\n%s", strings.Join(found, "\n"))
			}
			if f.ws, err = Open(ctx, dir, Options{Actor: testActor}); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { f.ws.Close() })
			f.checkAfter(t)
		})
	}
}
