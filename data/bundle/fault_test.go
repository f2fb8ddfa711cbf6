package bundle

import (
	"bufio"
	"context"
	"errors"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"feedtakt/data"
	"feedtakt/data/fsx"
)

// writeTestBundle makes a workspace with n media files of size bytes and
// bundles it; it returns the bundle and the workspace folder (closed).
func writeTestBundle(t testing.TB, n int, size int64) (file, wsDir string) {
	t.Helper()
	root := t.TempDir()
	ws := newMediaWorkspace(t, filepath.Join(root, "ws"), n, size)
	file = filepath.Join(root, "paket.feedtakt")
	if _, err := Write(context.Background(), ws, file, nil); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	return file, ws.Dir()
}

// mountTmpfs mounts a small tmpfs (root only; skipped elsewhere).
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

const diskFullKey = "The disk is full. Nothing incomplete was left behind. Free some space or choose another drive, then try again."

// A full disk while writing a bundle (in the database copy or in the zip)
// gives the disk-full sentence and leaves nothing on that disk.
func TestWriteDiskFull(t *testing.T) {
	ctx := context.Background()
	ws := newMediaWorkspace(t, filepath.Join(t.TempDir(), "ws"), 6, 1<<20)
	for _, size := range []string{"64k", "2m"} { // the copy does not fit / the media do not
		t.Run(size, func(t *testing.T) {
			mnt := mountTmpfs(t, size)
			_, err := Write(ctx, ws, filepath.Join(mnt, "paket.feedtakt"), nil)
			if err == nil {
				t.Fatal("a 6 MB bundle fit on a small tmpfs")
			}
			t.Log(err)
			if !isDiskFull(err) || Explain(err).Key != diskFullKey {
				t.Fatalf("%v explained as %q", err, Explain(err).Key)
			}
			assertGerman(t, err)
			if got := listTree(t, mnt); len(got) > 0 {
				t.Errorf("left on the disk: %v", got)
			}
		})
	}
}

// A full disk while unpacking leaves neither the target nor a .part.
func TestUnpackDiskFull(t *testing.T) {
	file, _ := writeTestBundle(t, 6, 1<<20)
	mnt := mountTmpfs(t, "2m")
	err := Unpack(context.Background(), file, filepath.Join(mnt, "Arbeitsbereich"), nil)
	t.Log(err)
	if !isDiskFull(err) || Explain(err).Key != diskFullKey {
		t.Fatalf("%v explained as %q", err, Explain(err).Key)
	}
	assertGerman(t, err)
	if got := listTree(t, mnt); len(got) > 0 {
		t.Errorf("left on the disk: %v", got)
	}
}

// TestHelperUnpack is not a test: run by TestUnpackKilledStartsClean as a
// child process, it unpacks and, in the middle of writing the files, says
// "mitten" and waits to be killed.
func TestHelperUnpack(t *testing.T) {
	spec := os.Getenv("FEEDTAKT_UNPACK_HELPER")
	if spec == "" {
		t.Skip("helper process only")
	}
	file, dir, _ := strings.Cut(spec, "|")
	var once sync.Once
	err := Unpack(context.Background(), file, dir, func(done, total int64) {
		// The first third is the check; past half of the second, some
		// files are written and some not.
		if done > total/2 {
			once.Do(func() {
				os.Stdout.WriteString("mitten\n")
				io.Copy(io.Discard, os.Stdin) // until killed
			})
		}
	})
	os.Stdout.WriteString("fertig " + errString(err) + "\n")
	os.Exit(0)
}

func errString(err error) string {
	if err == nil {
		return "ok"
	}
	return err.Error()
}

// A process killed while unpacking leaves a .part folder and no target;
// the next attempt removes the .part and succeeds.
func TestUnpackKilledStartsClean(t *testing.T) {
	file, wsDir := writeTestBundle(t, 20, 300_000)
	target := filepath.Join(t.TempDir(), "Arbeitsbereich")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperUnpack$", "-test.count=1")
	cmd.Env = append(os.Environ(), "FEEDTAKT_UNPACK_HELPER="+file+"|"+target)
	stdin, _ := cmd.StdinPipe()
	defer stdin.Close()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "mitten" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child said %q, %v", line, err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	if _, err := os.Stat(target); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("target exists after the kill: %v", err)
	}
	left := listTree(t, target+".part")
	if !slices.Contains(left, markerName) || len(left) < 4 {
		t.Fatalf("expected a half-written .part folder, found %v", left)
	}

	if err := Unpack(context.Background(), file, target, nil); err != nil {
		t.Fatalf("second attempt: %v", err)
	}
	if _, err := os.Stat(target + ".part"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf(".part still there: %v", err)
	}
	if got := listTree(t, target); slices.Contains(got, markerName) {
		t.Errorf("marker left in the workspace")
	}
	if !maps.Equal(mediaHashes(t, wsDir), mediaHashes(t, target)) {
		t.Error("media differ after the second attempt")
	}
	ws, err := data.Open(context.Background(), target, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if h, err := ws.Inspect(context.Background()); err != nil || h.Integrity != "ok" || h.MissingMedia != 0 || h.Counts.Media != 20 {
		t.Errorf("health %+v, %v", h, err)
	}
}

// The target must be missing or empty; a .part folder that is not ours is
// left alone; an empty folder made beforehand gives way.
func TestUnpackTarget(t *testing.T) {
	ctx := context.Background()
	file, _ := writeTestBundle(t, 2, 1000)
	root := t.TempDir()

	full := filepath.Join(root, "voll")
	os.MkdirAll(full, 0o755)
	os.WriteFile(filepath.Join(full, "brief.docx"), []byte("x"), 0o644)
	err := Unpack(ctx, file, full, nil)
	if !errors.Is(err, ErrTargetNotEmpty) {
		t.Fatalf("non-empty target: %v", err)
	}
	assertGerman(t, err)
	if got := listTree(t, full); !slices.Equal(got, []string{"brief.docx"}) {
		t.Errorf("target changed: %v", got)
	}

	foreign := filepath.Join(root, "fremd")
	os.MkdirAll(foreign+".part", 0o755)
	os.WriteFile(filepath.Join(foreign+".part", "wichtig.txt"), []byte("x"), 0o644)
	if err := Unpack(ctx, file, foreign, nil); !errors.Is(err, ErrTargetNotEmpty) {
		t.Fatalf("foreign .part: %v", err)
	}
	if _, err := os.Stat(filepath.Join(foreign+".part", "wichtig.txt")); err != nil {
		t.Errorf("a folder that is not ours was touched: %v", err)
	}

	afile := filepath.Join(root, "datei")
	os.WriteFile(afile, []byte("x"), 0o644)
	if err := Unpack(ctx, file, afile, nil); !errors.Is(err, fsx.ErrNotDir) {
		t.Fatalf("file as target: %v", err)
	}

	empty := filepath.Join(root, "leer")
	os.MkdirAll(empty, 0o755)
	os.WriteFile(filepath.Join(empty, "desktop.ini"), []byte("[.ShellClassInfo]"), 0o644)
	if err := Unpack(ctx, file, empty, nil); err != nil {
		t.Fatalf("empty target: %v", err)
	}
	if _, err := os.Stat(filepath.Join(empty, data.DBName)); err != nil {
		t.Error(err)
	}
}

// Cancelling stops writing and unpacking and leaves nothing behind.
func TestCancelLeavesNothing(t *testing.T) {
	root := t.TempDir()
	ws := newMediaWorkspace(t, filepath.Join(root, "ws"), 4, 3<<20)
	out := filepath.Join(root, "out")
	os.Mkdir(out, 0o755)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Write(ctx, ws, filepath.Join(out, "p.feedtakt"), func(done, total int64) {
		if done > total/4 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("write: %v", err)
	}
	if got := listTree(t, out); len(got) > 0 {
		t.Errorf("left after cancel: %v", got)
	}

	file := filepath.Join(out, "p.feedtakt")
	if _, err := Write(context.Background(), ws, file, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	target := filepath.Join(out, "ws")
	err = Unpack(ctx, file, target, func(done, total int64) {
		if done > total/2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("unpack: %v", err)
	}
	if got := listTree(t, out); !slices.Equal(got, []string{"p.feedtakt"}) {
		t.Errorf("left after cancel: %v", got)
	}
}

// A bundle spoilt on the disk after writing (a failing stick) is caught by
// reading it back: Write fails with ErrReadBack and removes the file.
func TestWriteCatchesSpoiltFile(t *testing.T) {
	ws := newMediaWorkspace(t, filepath.Join(t.TempDir(), "ws"), 3, 100_000)
	for _, at := range []float64{0.1, 0.5, 0.9} {
		writtenHook = func(part string) {
			b, _ := os.ReadFile(part)
			b[int(float64(len(b))*at)] ^= 0x20
			os.WriteFile(part, b, 0o644)
		}
		out := t.TempDir()
		_, err := Write(context.Background(), ws, filepath.Join(out, "p.feedtakt"), nil)
		writtenHook = func(string) {}
		if !errors.Is(err, ErrReadBack) {
			t.Fatalf("spoilt at %.0f%%: %v", at*100, err)
		}
		if Explain(err).Key != "What was written could not be read back correctly (is the drive all right?). It was removed again. Please try again or choose another drive." {
			t.Errorf("explained as %q", Explain(err).Key)
		}
		assertGerman(t, err)
		if got := listTree(t, out); len(got) > 0 {
			t.Errorf("left: %v", got)
		}
	}
}
