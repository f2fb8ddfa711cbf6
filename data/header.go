package data

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
)

// sqliteHeader holds the fields of an SQLite file header that decide
// whether Feedtakt may open a file at all.
type sqliteHeader struct {
	userVersion   int
	applicationID uint32
	wal           bool // file format version 2: the database uses WAL
}

const sqliteMagic = "SQLite format 3\x00"

// walHeaderSize is the size of a WAL file's own header; a longer -wal file
// holds frames that SQLite replays over the main file.
const walHeaderSize = 32

// inspectHeader reads the first 100 bytes of an SQLite file without opening
// it through SQLite, so a file we refuse is never touched by the library
// (which would create journals or initialise an empty file). A non-empty
// -wal next to the file is taken into account: see parseHeader.
func inspectHeader(path string) (sqliteHeader, error) {
	f, err := os.Open(path)
	if err != nil {
		return sqliteHeader{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return sqliteHeader{}, err
	}
	var b [100]byte
	n, err := io.ReadFull(f, b[:])
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return sqliteHeader{}, err
	}
	return parseHeader(b[:n], st.Size(), walSize(path))
}

// walSize is the size of the -wal file next to path, 0 if there is none.
func walSize(path string) int64 {
	st, err := os.Stat(path + "-wal")
	if err != nil {
		return 0
	}
	return st.Size()
}

// parseHeader judges the first bytes b of a database file of the given size.
// wal is the size of its -wal file: when that holds frames, the header's
// page count may describe pages that are still only in the WAL (a
// checkpoint cut short by a kill or a full disk writes page 1 before the
// file has grown), so the length check is left to SQLite, which reads the
// WAL too.
func parseHeader(b []byte, size, wal int64) (sqliteHeader, error) {
	if size == 0 {
		return sqliteHeader{}, ErrEmptyDatabase
	}
	if len(b) < len(sqliteMagic) || string(b[:len(sqliteMagic)]) != sqliteMagic {
		return sqliteHeader{}, ErrNotSQLite
	}
	if len(b) < 100 {
		return sqliteHeader{}, ErrTruncated
	}
	pageSize := int64(binary.BigEndian.Uint16(b[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return sqliteHeader{}, ErrNotSQLite
	}
	// The in-header page count is valid only when the change counter matches
	// "version-valid-for"; older writers leave it stale.
	pages := int64(binary.BigEndian.Uint32(b[28:32]))
	if binary.BigEndian.Uint32(b[24:28]) == binary.BigEndian.Uint32(b[92:96]) && pages > 0 && wal <= walHeaderSize {
		if size < pages*pageSize {
			return sqliteHeader{}, fmt.Errorf("%w: %d of %d bytes", ErrTruncated, size, pages*pageSize)
		}
	}
	h := sqliteHeader{
		userVersion:   int(int32(binary.BigEndian.Uint32(b[60:64]))),
		applicationID: binary.BigEndian.Uint32(b[68:72]),
		wal:           b[18] == 2 && b[19] == 2,
	}
	return h, h.ours()
}

// ours refuses a header of another application or of a newer Feedtakt.
func (h sqliteHeader) ours() error {
	if h.applicationID != ApplicationID {
		return fmt.Errorf("%w (application id %#x)", ErrForeignDatabase, h.applicationID)
	}
	if h.userVersion > SchemaVersion() {
		return &VersionError{File: h.userVersion, App: SchemaVersion()}
	}
	return nil
}
