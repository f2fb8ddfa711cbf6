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
	"syscall"
	"testing"
	"time"
)

// TestHelperImportLoop is not a test: run by TestKilledWhileImporting as a
// child process, it imports the folder FEEDTAKT_IMPORT_FROM into the
// workspace FEEDTAKT_IMPORT_INTO, saying "open" when the workspace is open
// and "done" when the import finished.
func TestHelperImportLoop(t *testing.T) {
	dir, src := os.Getenv("FEEDTAKT_IMPORT_INTO"), os.Getenv("FEEDTAKT_IMPORT_FROM")
	if dir == "" {
		t.Skip("helper process only")
	}
	ctx := context.Background()
	ws, err := Open(ctx, dir, Options{Actor: testActor})
	if err != nil || ws.ReadOnly() {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	fmt.Println("open")
	if _, err := ws.ImportFiles(ctx, []string{src}, ImportFilesOptions{}); err != nil {
		fmt.Println("import failed:", err)
		os.Exit(4)
	}
	fmt.Println("done")
	os.Exit(0)
}

// TestKilledWhileImporting kills an importing process (kill -9) at random
// moments, each time with new files. After every kill the workspace opens
// without refusing or restoring, its integrity is ok, and after the sweep
// at open every row has its file and every file its row (no stray file,
// nothing left in staging). FEEDTAKT_KILLS sets the number of kills
// (default 6).
func TestKilledWhileImporting(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	kills := 6
	if s := os.Getenv("FEEDTAKT_KILLS"); s != "" {
		kills, _ = strconv.Atoi(s)
	}
	ctx := context.Background()
	ws := newTestWorkspace(t)
	dir := ws.Dir()
	ws.Close()
	start := time.Now()
	finished := 0
	// Round 0 runs to its end and measures how long an import of a round's
	// files takes here (the race detector slows it tenfold); the kills
	// land at random moments within that time.
	var full time.Duration
	for k := 0; k <= kills; k++ {
		src := filepath.Join(t.TempDir(), "Fotos")
		for i := 0; i < 60; i++ {
			writeFile(t, filepath.Join(src, fmt.Sprintf("Runde %d", k), fmt.Sprintf("Foto %03d.jpg", i)), testPicture(t, "jpeg", k*1000+i, 96, 96))
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperImportLoop$", "-test.count=1")
		cmd.Env = append(os.Environ(), "FEEDTAKT_IMPORT_INTO="+dir, "FEEDTAKT_IMPORT_FROM="+src)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		if !sc.Scan() || sc.Text() != "open" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("kill %d: child could not open: %s", k, sc.Text())
		}
		began := time.Now()
		if k > 0 {
			// The moment of the kill is the fault being injected, not a
			// wait for something to happen.
			time.Sleep(time.Duration(rand.Int64N(int64(full) + 1)))
			cmd.Process.Signal(syscall.SIGKILL)
		}
		var rest []string
		for sc.Scan() {
			rest = append(rest, sc.Text())
		}
		cmd.Wait()
		if strings.Contains(strings.Join(rest, "\n"), "failed") {
			t.Fatalf("kill %d: child said %q", k, rest)
		}
		if k == 0 {
			if len(rest) == 0 || rest[0] != "done" {
				t.Fatalf("the import without a kill did not finish: %q", rest)
			}
			full = time.Since(began)
		} else if len(rest) > 0 && rest[0] == "done" {
			finished++
		}

		ws, err := Open(ctx, dir, Options{Actor: testActor})
		if err != nil {
			t.Fatalf("kill %d: open refused: %v", k, err)
		}
		if ws.ReadOnly() || ws.Restored() != nil {
			t.Fatalf("kill %d: opened read-only or from a backup", k)
		}
		if err := ws.checkIntegrity(ctx); err != nil {
			t.Fatalf("kill %d: %v", k, err)
		}
		checkStoreConsistent(t, ws, fmt.Sprintf("kill %d", k))
		ws.Close()
	}
	ws, err := Open(ctx, dir, Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	t.Logf("%d kills within %v each (%d imports finished before their kill), %d items stored, %s",
		kills, full.Round(time.Millisecond), finished, mediaRowCount(t, ws), time.Since(start).Round(time.Millisecond))
}
