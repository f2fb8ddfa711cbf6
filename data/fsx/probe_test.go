package fsx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestProbeSeesHolderWithoutWriting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feedtakt.lock")
	if held, _ := Probe(path); held {
		t.Fatal("missing file reported as held")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("Probe created the lock file")
	}
	l, err := Acquire(path, Owner{Person: "Maria Muster", PC: "PC-STADT-042"})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	held, o := Probe(path)
	if !held || o.Person != "Maria Muster" || o.PC != "PC-STADT-042" {
		t.Fatalf("Probe = %v, %+v", held, o)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("Probe changed the owner text")
	}
	l.Release()
	if held, _ := Probe(path); held {
		t.Fatal("released lock reported as held")
	}
	// Probe gave the lock back: the next Acquire succeeds.
	l2, err := Acquire(path, Owner{Person: "Kai"})
	if err != nil {
		t.Fatalf("Acquire after Probe: %v", err)
	}
	l2.Release()
}

func TestRenameReplacesTarget(t *testing.T) {
	dir := t.TempDir()
	from, to := filepath.Join(dir, "a.part"), filepath.Join(dir, "a")
	os.WriteFile(to, []byte("alt"), 0o644)
	os.WriteFile(from, []byte("neu"), 0o644)
	if err := Rename(from, to); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(to); string(b) != "neu" {
		t.Fatalf("content %q", b)
	}
	if _, err := os.Stat(from); !os.IsNotExist(err) {
		t.Fatal("source still there")
	}
}
