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

// inspectHeader reads the first 100 bytes of an SQLite file without opening
// it through SQLite, so a file we refuse is never touched by the library
// (which would create journals or initialise an empty file).
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
	if st.Size() == 0 {
		return sqliteHeader{}, ErrEmptyDatabase
	}
	var b [100]byte
	n, err := io.ReadFull(f, b[:])
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return sqliteHeader{}, err
	}
	if n < len(sqliteMagic) || string(b[:len(sqliteMagic)]) != sqliteMagic {
		return sqliteHeader{}, ErrNotSQLite
	}
	if n < 100 {
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
	if binary.BigEndian.Uint32(b[24:28]) == binary.BigEndian.Uint32(b[92:96]) && pages > 0 {
		if st.Size() < pages*pageSize {
			return sqliteHeader{}, fmt.Errorf("%w: %d of %d bytes", ErrTruncated, st.Size(), pages*pageSize)
		}
	}
	h := sqliteHeader{
		userVersion:   int(int32(binary.BigEndian.Uint32(b[60:64]))),
		applicationID: binary.BigEndian.Uint32(b[68:72]),
		wal:           b[18] == 2 && b[19] == 2,
	}
	if h.applicationID != ApplicationID {
		return h, fmt.Errorf("%w (application id %#x)", ErrForeignDatabase, h.applicationID)
	}
	if h.userVersion > SchemaVersion() {
		return h, &VersionError{File: h.userVersion, App: SchemaVersion()}
	}
	return h, nil
}
