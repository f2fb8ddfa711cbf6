package fsx

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestCheckDir(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "feedtakt.db")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		want error
	}{
		{"usable folder", dir, nil},
		{"missing", filepath.Join(dir, "nope"), fs.ErrNotExist},
		{"file where the folder should be", file, ErrNotDir},
		{"file where a parent should be", filepath.Join(file, "sub", "sub"), ErrNotDir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckDir(tt.dir)
			if !errors.Is(err, tt.want) {
				t.Errorf("CheckDir(%s) = %v, want %v", tt.dir, err, tt.want)
			}
		})
	}
	if got := dirNames(t, dir); len(got) != 1 {
		t.Errorf("probe left files behind: %q", got)
	}
}

func TestClassifyPortable(t *testing.T) {
	perm := &fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}
	tests := []struct {
		name               string
		err                error
		diskFull, permDeny bool
	}{
		{"nil", nil, false, false},
		{"EOF", io.EOF, false, false},
		{"not exist", fs.ErrNotExist, false, false},
		{"fs.ErrPermission wrapped twice", fmt.Errorf("import: %w", perm), false, true},
		{"not writable wraps its cause", fmt.Errorf("%w: %w", ErrNotWritable, perm), false, true},
	}
	for _, tt := range tests {
		if got := IsDiskFull(tt.err); got != tt.diskFull {
			t.Errorf("IsDiskFull(%s) = %v", tt.name, got)
		}
		if got := IsPermission(tt.err); got != tt.permDeny {
			t.Errorf("IsPermission(%s) = %v", tt.name, got)
		}
	}
}
