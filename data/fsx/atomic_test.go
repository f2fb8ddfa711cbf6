package fsx

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// dirNames lists the names in dir, to catch stray .part files.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWriteFileCreatesAndReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "post.txt")
	if err := WriteFile(path, []byte("alt"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("neu"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, path); string(got) != "neu" {
		t.Errorf("content = %q, want %q", got, "neu")
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"post.txt"}) {
		t.Errorf("folder holds %q, want only post.txt", got)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("mode = %v, want 0600", fi.Mode().Perm())
		}
	}
}

func TestWriteFileMissingFolder(t *testing.T) {
	err := WriteFile(filepath.Join(t.TempDir(), "nope", "a.txt"), []byte("x"), 0o644)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want ErrNotExist", err)
	}
}

// A rename that fails must leave the old entry alone and clean up.
func TestWriteFileRenameFailsKeepsOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "media")
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(path, "keep.jpg"), []byte("jpg"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("not a folder"), 0o644); err == nil {
		t.Fatal("WriteFile over a non-empty folder succeeded")
	}
	if got := mustRead(t, filepath.Join(path, "keep.jpg")); string(got) != "jpg" {
		t.Errorf("file in folder = %q, want %q", got, "jpg")
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"media"}) {
		t.Errorf("folder holds %q, want only media", got)
	}
}

// A leftover .part that is a symlink must be replaced, not written through.
func TestWriteFileDoesNotFollowStalePartLink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(t.TempDir(), "victim.txt")
	if err := os.WriteFile(victim, []byte("untouched"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "a.txt")
	if err := os.Symlink(victim, path+".part"); err != nil {
		t.Skipf("cannot make symlinks here: %v", err)
	}
	if err := WriteFile(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, victim); string(got) != "untouched" {
		t.Errorf("symlink target = %q, want it untouched", got)
	}
	if got := mustRead(t, path); string(got) != "new" {
		t.Errorf("content = %q, want %q", got, "new")
	}
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("Lstat(path) = %v, %v; want a regular file", fi, err)
	}
}

func TestCreateCommit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	for _, chunk := range []string{"a;b\n", "1;2\n"} {
		if _, err := f.Write([]byte(chunk)); err != nil {
			t.Fatal(err)
		}
	}
	if got := mustRead(t, path); string(got) != "old" {
		t.Errorf("before Commit readers see %q, want %q", got, "old")
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, path); string(got) != "a;b\n1;2\n" {
		t.Errorf("after Commit = %q", got)
	}
	f.Abort() // after Commit: must not remove anything
	if got := dirNames(t, dir); !slices.Equal(got, []string{"export.csv"}) {
		t.Errorf("folder holds %q, want only export.csv", got)
	}
	if err := f.Commit(); !errors.Is(err, os.ErrClosed) {
		t.Errorf("second Commit err = %v, want ErrClosed", err)
	}
	if _, err := f.Write([]byte("x")); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Write after Commit err = %v, want ErrClosed", err)
	}
}

func TestCreateAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("half")); err != nil {
		t.Fatal(err)
	}
	f.Abort()
	f.Abort()
	if got := mustRead(t, path); string(got) != "old" {
		t.Errorf("after Abort = %q, want %q", got, "old")
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"a.txt"}) {
		t.Errorf("folder holds %q, want only a.txt", got)
	}
	if err := f.Commit(); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Commit after Abort err = %v, want ErrClosed", err)
	}
}

func TestSweepParts(t *testing.T) {
	root := t.TempDir()
	write := func(rel string) string {
		t.Helper()
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(rel), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	wantRemoved := []string{
		write("feedtakt.db.part"),
		write(filepath.Join("media", "ab", "abcdef.jpg.part")),
		// A folder named *.part is not a leftover, but what is in it may be.
		write(filepath.Join("odd.part", "c.part")),
		// SQLite's journal of a backup killed during VACUUM INTO.
		write(filepath.Join("backups", "feedtakt-20261201-235748Z.db.part-journal")),
		write(filepath.Join("backups", "feedtakt-20261201-235748Z.db.part-wal")),
	}
	wantKept := []string{
		write("feedtakt.db"),
		write(filepath.Join("media", "ab", "abcdef.jpg")),
		write("part"),
		write("x.partial"),
		write("feedtakt.db-journal"),
	}
	// Links are neither followed nor removed.
	outside := t.TempDir()
	outsidePart := filepath.Join(outside, "elsewhere.part")
	if err := os.WriteFile(outsidePart, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	links := true
	if err := os.Symlink(outside, filepath.Join(root, "link")); err != nil {
		t.Logf("no symlinks here, skipping that part: %v", err)
		links = false
	} else {
		if err := os.Symlink(outsidePart, filepath.Join(root, "link.part")); err != nil {
			t.Fatal(err)
		}
		wantKept = append(wantKept, outsidePart, filepath.Join(root, "link.part"))
	}

	removed, err := SweepParts(root)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(removed)
	slices.Sort(wantRemoved)
	if !slices.Equal(removed, wantRemoved) {
		t.Errorf("removed %q\nwant    %q", removed, wantRemoved)
	}
	for _, p := range wantRemoved {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s still there (%v)", p, err)
		}
	}
	for _, p := range wantKept {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed: %v", p, err)
		}
	}
	if fi, err := os.Stat(filepath.Join(root, "odd.part")); err != nil || !fi.IsDir() {
		t.Errorf("folder odd.part: %v, %v; want it kept", fi, err)
	}
	if links {
		if fi, err := os.Lstat(filepath.Join(root, "link")); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("link: %v, %v; want it kept", fi, err)
		}
	}

	again, err := SweepParts(root)
	if err != nil || len(again) != 0 {
		t.Errorf("second sweep = %q, %v; want nothing", again, err)
	}
}

func TestSweepPartsMissingFolder(t *testing.T) {
	_, err := SweepParts(filepath.Join(t.TempDir(), "nope"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want ErrNotExist", err)
	}
}

// WriteFile of nothing still makes a file; an empty export is not an error.
func TestWriteFileEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty")
	if err := WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, path); !bytes.Equal(got, []byte{}) {
		t.Errorf("content = %q, want empty", got)
	}
}
