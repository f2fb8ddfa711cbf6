package data

import (
	"encoding/binary"
	"errors"
	"testing"
)

// validHeader is the first 100 bytes of a Feedtakt database of n pages.
func validHeader(n uint32) []byte {
	b := make([]byte, 100)
	copy(b, sqliteMagic)
	binary.BigEndian.PutUint16(b[16:18], 4096)
	b[18], b[19] = 2, 2
	binary.BigEndian.PutUint32(b[24:28], 7)
	binary.BigEndian.PutUint32(b[28:32], n)
	binary.BigEndian.PutUint32(b[60:64], uint32(SchemaVersion()))
	binary.BigEndian.PutUint32(b[68:72], ApplicationID)
	binary.BigEndian.PutUint32(b[92:96], 7)
	return b
}

// FuzzInspectHeader feeds the header check bytes from outside (any file
// can be called feedtakt.db): it must never panic, refuse only with its
// own errors, and accept only a header of ours that is not newer.
func FuzzInspectHeader(f *testing.F) {
	f.Add(validHeader(10), int64(40960), int64(0))
	f.Add(validHeader(10), int64(20480), int64(0))    // truncated
	f.Add(validHeader(10), int64(20480), int64(8272)) // interrupted checkpoint
	f.Add([]byte("PK\x03\x04"), int64(4), int64(0))
	f.Add([]byte{}, int64(0), int64(0))
	f.Add([]byte(sqliteMagic), int64(16), int64(0))
	f.Fuzz(func(t *testing.T, b []byte, size, wal int64) {
		if size < int64(len(b)) {
			size = int64(len(b)) // a file is at least as long as what was read
		}
		if len(b) > 100 {
			b = b[:100]
		}
		h, err := parseHeader(b, size, wal)
		if err == nil {
			if h.applicationID != ApplicationID || h.userVersion > SchemaVersion() {
				t.Fatalf("accepted %+v", h)
			}
			if len(b) < 100 {
				t.Fatalf("accepted a header of %d bytes", len(b))
			}
			return
		}
		for _, known := range []error{ErrEmptyDatabase, ErrNotSQLite, ErrTruncated, ErrForeignDatabase, ErrNewerVersion} {
			if errors.Is(err, known) {
				return
			}
		}
		t.Fatalf("unknown refusal %v", err)
	})
}

// The rules the fuzz seeds stand for, checked every run.
func TestParseHeaderRules(t *testing.T) {
	cases := []struct {
		name      string
		b         []byte
		size, wal int64
		want      error
	}{
		{"whole", validHeader(10), 40960, 0, nil},
		{"cut off, no WAL", validHeader(10), 20480, 0, ErrTruncated},
		{"cut off, WAL header only", validHeader(10), 20480, walHeaderSize, ErrTruncated},
		{"interrupted checkpoint: pages in the WAL", validHeader(10), 20480, walHeaderSize + 24 + 4096, nil},
		{"empty", nil, 0, 0, ErrEmptyDatabase},
		{"zip", []byte("PK\x03\x04"), 4, 0, ErrNotSQLite},
		{"magic only", []byte(sqliteMagic), 16, 0, ErrTruncated},
	}
	for _, c := range cases {
		_, err := parseHeader(c.b, c.size, c.wal)
		if (c.want == nil) != (err == nil) || (c.want != nil && !errors.Is(err, c.want)) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}
