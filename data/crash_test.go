//go:build unix

package data

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestHelperSaveLoop is not a test: run by TestKilledWhileSaving as a child
// process, it opens the workspace and saves posts (with frequent
// checkpoints and the odd backup) until it is killed, printing "saved N"
// after each commit.
func TestHelperSaveLoop(t *testing.T) {
	dir := os.Getenv("FEEDTAKT_SAVE_LOOP")
	if dir == "" {
		t.Skip("helper process only")
	}
	ctx := context.Background()
	ws, err := Open(ctx, dir, Options{Actor: testActor})
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	if ws.ReadOnly() || ws.Restored() != nil {
		fmt.Println("open failed: read-only or restored", ws.Restored())
		os.Exit(3)
	}
	// Checkpoints every few pages, so kills land inside them too.
	ws.db.Exec("PRAGMA wal_autocheckpoint(20)")
	fmt.Println("open")
	for i := 1; ; i++ {
		p := Post{Title: fmt.Sprintf("Beitrag %d", i), Caption: strings.Repeat("Text mit Umlauten äöü. ", 10+i%200)}
		if err := ws.CreatePost(ctx, &p); err != nil {
			fmt.Println("save failed:", err)
			os.Exit(4)
		}
		if i%3 == 0 {
			p.Notes = strings.Repeat("Notiz ", i%50)
			if err := ws.UpdatePost(ctx, &p); err != nil {
				fmt.Println("save failed:", err)
				os.Exit(4)
			}
		}
		fmt.Printf("saved %d\n", i)
		if i%40 == 0 {
			if _, err := ws.Backup(ctx, ""); err != nil {
				fmt.Println("backup failed:", err)
				os.Exit(5)
			}
		}
	}
}

// TestKilledWhileSaving kills a saving process (kill -9) many times at
// random moments. After every kill "check" must find the workspace healthy
// without writing to it, with every acknowledged save present, and the next
// open must neither refuse nor restore a backup. FEEDTAKT_KILLS sets the
// number of kills (default 8; the fault-injection run uses 250).
func TestKilledWhileSaving(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	kills := 8
	if s := os.Getenv("FEEDTAKT_KILLS"); s != "" {
		kills, _ = strconv.Atoi(s)
	}
	ctx := context.Background()
	ws := newTestWorkspace(t)
	dir := ws.Dir()
	ws.Close()
	start := time.Now()
	saved := 0 // posts acknowledged so far, over all runs
	for k := 0; k < kills; k++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSaveLoop$", "-test.count=1")
		cmd.Env = append(os.Environ(), "FEEDTAKT_SAVE_LOOP="+dir)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var acked atomic.Int64
		opened := make(chan string, 1)
		done := make(chan struct{})
		go func() {
			defer close(done)
			sc := bufio.NewScanner(out)
			first := true
			for sc.Scan() {
				line := sc.Text()
				if first {
					opened <- line
					first = false
				}
				if n, ok := strings.CutPrefix(line, "saved "); ok {
					v, _ := strconv.Atoi(n)
					acked.Store(int64(v))
				} else if !first && line != "open" {
					t.Errorf("kill %d: child said %q", k, line)
				}
			}
			if first {
				opened <- "(nothing)"
			}
		}()
		if line := <-opened; line != "open" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("kill %d: child could not open: %s", k, line)
		}
		// The moment of the kill is the fault being injected, not a wait
		// for something to happen.
		time.Sleep(time.Duration(20+rand.IntN(400)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		cmd.Wait()
		saved += int(acked.Load())

		before := snapshot(t, dir)
		ro, err := Open(ctx, dir, Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("kill %d: check refused: %v", k, err)
		}
		h, err := ro.Inspect(ctx)
		ro.Close()
		if err != nil || h.Integrity != "ok" {
			t.Fatalf("kill %d: check: %v %s", k, err, h.Integrity)
		}
		if got := h.Counts.Ideas; got < saved {
			t.Fatalf("kill %d: %d posts, but %d saves were acknowledged", k, got, saved)
		}
		saved = h.Counts.Ideas // a commit may land just before its "saved" line
		after := snapshot(t, dir)
		delete(before, filepath.Join(dir, LockName))
		delete(after, filepath.Join(dir, LockName))
		assertUnchanged(t, before, after)
	}
	// The next open sweeps what killed backups left (x.part, x.part-journal).
	ws, err := Open(ctx, dir, Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	if left, _ := filepath.Glob(filepath.Join(dir, BackupsDir, "*.part*")); len(left) > 0 {
		t.Errorf("leftovers of killed backups after open: %v", left)
	}
	t.Logf("%d kills, %d posts saved, %s", kills, saved, time.Since(start).Round(time.Millisecond))
}
