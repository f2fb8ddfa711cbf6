package fsx

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// newTestTmpfs mounts a tmpfs of the given size (e.g. "64k") on a fresh
// temp folder and unmounts it when the test ends. Mounting needs root (or
// CAP_SYS_ADMIN); without it the test is skipped with mount's reason.
func newTestTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0755", "tmpfs", dir).CombinedOutput()
	if err != nil {
		t.Skipf("cannot mount a tmpfs: %v: %s", err, bytes.TrimSpace(out))
	}
	// Registered after TempDir, so it runs before TempDir's removal.
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// newTestReadOnlyDir returns an existing folder this process cannot create
// files in. Root ignores mode bits, so for root it is a tmpfs remounted
// read-only; for others a folder with mode 0500.
func newTestReadOnlyDir(t *testing.T) string {
	t.Helper()
	if os.Geteuid() == 0 {
		dir := newTestTmpfs(t, "1m")
		if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
			t.Skipf("cannot remount read-only: %v: %s", err, out)
		}
		return dir
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) }) // so TempDir can remove it
	if f, err := os.CreateTemp(dir, "probe"); err == nil {
		f.Close()
		os.Remove(f.Name())
		t.Skip("mode 0500 does not stop this process from writing (CAP_DAC_OVERRIDE?)")
	}
	return dir
}

func TestWriteFileDiskFull(t *testing.T) {
	dir := newTestTmpfs(t, "64k")
	path := filepath.Join(dir, "feedtakt.db")
	old := bytes.Repeat([]byte("alt "), 1024) // 4 KiB: fits
	if err := WriteFile(path, old, 0o644); err != nil {
		t.Fatalf("small file on 64k tmpfs: %v", err)
	}

	err := WriteFile(path, make([]byte, 256<<10), 0o644)
	if err == nil {
		t.Fatal("WriteFile of 256 KiB onto a 64 KiB tmpfs succeeded")
	}
	if !IsDiskFull(err) {
		t.Errorf("IsDiskFull(%v) = false", err)
	}
	if got := mustRead(t, path); !bytes.Equal(got, old) {
		t.Errorf("old content changed: %d bytes, want %d", len(got), len(old))
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"feedtakt.db"}) {
		t.Errorf("folder holds %q, want only feedtakt.db", got)
	}

	// The streaming form: the failed Write poisons Commit.
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	_, werr := f.Write(make([]byte, 256<<10))
	cerr := f.Commit()
	if !IsDiskFull(werr) || !IsDiskFull(cerr) {
		t.Errorf("Write err = %v, Commit err = %v; want both disk full", werr, cerr)
	}
	if got := mustRead(t, path); !bytes.Equal(got, old) {
		t.Errorf("old content changed after failed Commit")
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"feedtakt.db"}) {
		t.Errorf("folder holds %q, want only feedtakt.db", got)
	}
}

// When even the owner text does not fit, Acquire says disk full and does
// not keep the lock.
func TestAcquireDiskFull(t *testing.T) {
	dir := newTestTmpfs(t, "64k")
	filler := filepath.Join(dir, "filler")
	// os.WriteFile, not WriteFile: the partial file must stay and fill up.
	if err := os.WriteFile(filler, make([]byte, 128<<10), 0o644); !IsDiskFull(err) {
		t.Fatalf("filling the tmpfs: %v, want disk full", err)
	}
	path := filepath.Join(dir, "feedtakt.lock")
	_, err := Acquire(path, Owner{Person: "Maria Muster"})
	if !IsDiskFull(err) {
		t.Fatalf("Acquire on a full disk: %v, want disk full", err)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	l, err := Acquire(path, Owner{Person: "Maria Muster"})
	if err != nil {
		t.Fatalf("Acquire after freeing space: %v (lock kept by the failed Acquire?)", err)
	}
	l.Release()
}

func TestNotWritable(t *testing.T) {
	dir := newTestReadOnlyDir(t)

	_, err := Acquire(filepath.Join(dir, "feedtakt.lock"), Owner{Person: "Maria Muster"})
	if err == nil || !IsPermission(err) {
		t.Errorf("Acquire in read-only folder: err = %v, want IsPermission", err)
	}
	err = CheckDir(dir)
	if !errors.Is(err, ErrNotWritable) || !IsPermission(err) {
		t.Errorf("CheckDir(read-only) = %v, want ErrNotWritable and IsPermission", err)
	}
	err = WriteFile(filepath.Join(dir, "a.txt"), []byte("x"), 0o644)
	if !IsPermission(err) {
		t.Errorf("WriteFile in read-only folder: err = %v, want IsPermission", err)
	}
}

// A lock file that exists on a file system that is now read-only (a share
// mounted ro, a write-protected stick) cannot be opened for writing.
func TestAcquireExistingLockOnReadOnlyMount(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to remount a tmpfs read-only")
	}
	dir := newTestTmpfs(t, "1m")
	path := filepath.Join(dir, "feedtakt.lock")
	if err := os.WriteFile(path, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v: %s", err, out)
	}
	if _, err := Acquire(path, Owner{}); !IsPermission(err) {
		t.Errorf("Acquire = %v, want IsPermission (EROFS)", err)
	}
	if IsNetworkPath(dir) {
		t.Error("IsNetworkPath(tmpfs) = true")
	}
}
