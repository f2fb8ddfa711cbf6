package exchange

import (
	"archive/zip"
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/fsx"
)

// The Akte as one zip file: the same files as the folder (Akte.pdf,
// index.csv, Medien/…), for the e-Akte systems that take one file. Every
// entry carries the same fixed time, the end of the period, so that a
// second export of the same period is the same file byte for byte.

// akteZipComment is the zip file's comment.
const akteZipComment = "Feedtakt – Akte Social Media"

// zipEntry is what was written into the zip: name, size and SHA-256.
type zipEntry struct {
	name string
	size int64
	hash [sha256.Size]byte
}

// zipSink writes the files into a zip, stored (media, PDF) or deflated
// (the index), and notes each file's size and hash for the check after
// writing.
type zipSink struct {
	zw       *zip.Writer
	modified time.Time
	entries  []zipEntry
}

func (z *zipSink) put(name string, compress bool, r io.Reader) error {
	h := &zip.FileHeader{Name: name, Method: zip.Store, Modified: z.modified}
	if compress {
		h.Method = zip.Deflate
	}
	h.SetMode(0o644)
	w, err := z.zw.CreateHeader(h)
	if err != nil {
		return err
	}
	sum := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, sum), r)
	if err != nil {
		return err
	}
	e := zipEntry{name: name, size: n}
	sum.Sum(e.hash[:0])
	z.entries = append(z.entries, e)
	return nil
}

// akteZipWritten is a test hook: it runs between writing the zip and
// reading it back, where a failing drive would have spoilt it.
var akteZipWritten = func(part string) {}

// WriteAkteZip writes the Akte of the published posts from..to as one
// zip file at path, replacing a file there. It is written to path+".part",
// synced, read back in full (every entry's size and SHA-256 compared with
// what was written) and only then renamed to path; on any failure the
// .part is removed and an older file at path stays as it was.
func WriteAkteZip(ctx context.Context, ws *data.Workspace, from, to calendar.Date, path string) (AkteSummary, error) {
	if err := ValidateAktePeriod(from, to); err != nil {
		return AkteSummary{}, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return AkteSummary{}, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return AkteSummary{}, &data.InvalidError{Field: "file", Message: "There is a folder of this name; please choose another name for the zip file."}
	}
	entries, plan, err := loadAkte(ctx, ws, from, to)
	if err != nil {
		return AkteSummary{}, fmt.Errorf("akte: %w", err)
	}
	// A folder typed into the dialog that does not exist yet is made.
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return AkteSummary{}, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	part := abs + ".part"
	if err := os.Remove(part); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return AkteSummary{}, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	sum, err := writeAkteZip(ctx, ws, part, entries, plan)
	if err == nil {
		akteZipWritten(part)
		err = verifyAkteZip(ctx, part, sum.entries)
	}
	if err == nil {
		if err = fsx.Rename(part, abs); err != nil {
			err = fmt.Errorf("%w: %w", ErrWriteFile, err)
		}
	}
	if err != nil {
		os.Remove(part)
		return AkteSummary{}, err
	}
	return sum.AkteSummary, nil
}

// zipWritten is the summary and the entries of a zip just written.
type zipWritten struct {
	AkteSummary
	entries []zipEntry
}

func writeAkteZip(ctx context.Context, ws *data.Workspace, part string, entries []akteEntry, p *plan) (zipWritten, error) {
	f, err := os.OpenFile(part, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return zipWritten{}, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	zw := zip.NewWriter(bw)
	if err := zw.SetComment(akteZipComment); err != nil {
		return zipWritten{}, err
	}
	// The end of the period, as in the PDF: the same every time.
	modified := p.now
	dir := &zip.FileHeader{Name: AkteMedia + "/", Method: zip.Store, Modified: modified}
	dir.SetMode(fs.ModeDir | 0o755)
	if _, err := zw.CreateHeader(dir); err != nil {
		return zipWritten{}, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	sink := &zipSink{zw: zw, modified: modified}
	sum, err := writeAkteParts(ctx, ws, sink, entries, p)
	if err != nil {
		return zipWritten{}, err
	}
	err = zw.Close()
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return zipWritten{}, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	return zipWritten{AkteSummary: sum, entries: sink.entries}, nil
}

// verifyAkteZip reads the zip at part back in full and requires exactly
// the entries written, each with its size and SHA-256 (the zip reader
// checks each entry's CRC as well).
func verifyAkteZip(ctx context.Context, part string, want []zipEntry) error {
	r, err := zip.OpenReader(part)
	if err != nil {
		return fmt.Errorf("%w: read back: %w", ErrWriteFile, err)
	}
	defer r.Close()
	var got []zipEntry
	for _, f := range r.File {
		if err := ctx.Err(); err != nil {
			return err
		}
		if f.Name == AkteMedia+"/" {
			continue
		}
		e, err := hashZipEntry(f)
		if err != nil {
			return fmt.Errorf("%w: read back %s: %w", ErrWriteFile, f.Name, err)
		}
		got = append(got, e)
	}
	if !slices.Equal(got, want) {
		return fmt.Errorf("%w: read back: the zip file differs from what was written", ErrWriteFile)
	}
	return nil
}

func hashZipEntry(f *zip.File) (zipEntry, error) {
	rc, err := f.Open()
	if err != nil {
		return zipEntry{}, err
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, rc)
	if err != nil {
		return zipEntry{}, err
	}
	e := zipEntry{name: f.Name, size: n}
	h.Sum(e.hash[:0])
	return e, nil
}
