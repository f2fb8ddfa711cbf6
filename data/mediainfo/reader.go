package mediainfo

import (
	"errors"
	"fmt"
	"io"
)

// errShort means a read reached past the end of the file: the header
// promised more than there is.
var errShort = errors.New("unexpected end of file")

// reader reads bounded ranges of a file. Every length comes from the file
// itself, so each read is checked against the file's size and a cap first.
type reader struct {
	r    io.ReaderAt
	size int64
}

// at reads n bytes at off. It refuses ranges outside the file and reads
// over limit without allocating them.
func (rd *reader) at(off, n, limit int64) ([]byte, error) {
	if off < 0 || n < 0 || off > rd.size || n > rd.size-off {
		return nil, fmt.Errorf("%d bytes at %d of %d: %w", n, off, rd.size, errShort)
	}
	if n > limit {
		return nil, fmt.Errorf("%d bytes at %d over the limit of %d: %w", n, off, limit, ErrBadMetadata)
	}
	b := make([]byte, n)
	if _, err := rd.r.ReadAt(b, off); err != nil && !(errors.Is(err, io.EOF) && len(b) == int(n)) {
		return nil, fmt.Errorf("read %d bytes at %d: %w", n, off, err)
	}
	return b, nil
}

// upTo reads at most n bytes at off, fewer at the end of the file.
func (rd *reader) upTo(off, n int64) []byte {
	if off < 0 || off >= rd.size {
		return nil
	}
	if n > rd.size-off {
		n = rd.size - off
	}
	b := make([]byte, n)
	m, _ := rd.r.ReadAt(b, off)
	return b[:m]
}

// warn records a non-fatal problem.
func (i *Info) warn(err error) {
	if len(i.Warnings) < 16 {
		i.Warnings = append(i.Warnings, err)
	}
}

// bytesReaderAt reads from a block already in memory (a HEIF Exif item).
type bytesReaderAt []byte

func (b bytesReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off >= int64(len(b)) {
		return 0, io.EOF
	}
	n := copy(p, b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}
