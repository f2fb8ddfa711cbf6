package bundle

import (
	"archive/zip"
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"time"

	"feedtakt/data"
	"feedtakt/data/fsx"
)

// source is a file that goes into the bundle.
type source struct {
	name string // entry name
	file string // where it is read from
	size int64
}

// Write packs the workspace into one bundle file at path: path+".part" is
// written, synced, read back in full (every size and hash against the
// manifest, from the disk rather than the cache where the OS allows) and
// only then renamed to path. On any failure, a cancelled ctx included, the
// .part is removed and an older file at path stays as it was. progress
// (may be nil) is told the bytes done of the total, writing and verifying
// together.
func Write(ctx context.Context, ws *data.Workspace, path string, progress func(done, total int64)) (Summary, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Summary{}, fmt.Errorf("write bundle %s: %w", path, err)
	}
	// A folder typed into the dialog that does not exist yet is made.
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return Summary{}, fmt.Errorf("write bundle %s: %w", abs, err)
	}
	part := abs + ".part"
	if err := os.Remove(part); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Summary{}, fmt.Errorf("write bundle %s: %w", abs, err)
	}
	sum, err := write(ctx, ws, abs, part, progress)
	if err != nil {
		os.Remove(part)
		return Summary{}, err
	}
	return sum, nil
}

func write(ctx context.Context, ws *data.Workspace, target, part string, progress func(done, total int64)) (Summary, error) {
	// The database copy lies beside the bundle: that folder is writable
	// (the workspace may not be), and it is removed however this ends.
	snap, err := os.CreateTemp(filepath.Dir(target), ".feedtakt-snapshot-*.part")
	if err != nil {
		return Summary{}, fmt.Errorf("write bundle %s: %w", target, err)
	}
	snapPath := snap.Name()
	snap.Close()
	defer os.Remove(snapPath + "-journal")
	defer os.Remove(snapPath)
	media, err := ws.Snapshot(ctx, snapPath)
	if err != nil {
		return Summary{}, fmt.Errorf("write bundle %s: %w", target, err)
	}
	srcs, sum, err := sources(ws.Dir(), snapPath, media)
	if err != nil {
		return Summary{}, fmt.Errorf("write bundle %s: %w", target, err)
	}
	var total int64
	for _, s := range srcs {
		total += s.size
	}
	done := int64(0)
	advance := func(n int64) {
		done += n
		if progress != nil {
			progress(done, 2*total)
		}
	}
	m, err := writeZip(ctx, part, srcs, ws.Actor(), advance)
	if err != nil {
		return Summary{}, fmt.Errorf("write bundle %s: %w", target, err)
	}
	writtenHook(part)
	if err := verifyWritten(ctx, part, m, advance); err != nil {
		return Summary{}, fmt.Errorf("write bundle %s: %w", target, err)
	}
	if err := fsx.Rename(part, target); err != nil {
		return Summary{}, fmt.Errorf("write bundle %s: %w", target, err)
	}
	sum.Path, sum.Files, sum.Bytes = target, len(m.Entries), total
	for _, e := range m.Entries {
		if base := path.Base(e.Path); e.Path != data.DBName && len(base) >= 64 && base[:64] != e.SHA256 {
			sum.Mismatched = append(sum.Mismatched, e.Path)
		}
	}
	return sum, nil
}

// writtenHook is a test hook: it runs between writing the .part and
// reading it back, where a failing drive would have spoilt it.
var writtenHook = func(part string) {}

// sources lists what goes into the bundle: the database copy, then each
// media file the copy names. A file deleted since the copy was made is
// taken from the Papierkorb (content-addressed: same name, same content);
// one that is gone altogether is listed in Summary.Missing.
func sources(dir, snapPath string, media []string) ([]source, Summary, error) {
	var sum Summary
	st, err := os.Stat(snapPath)
	if err != nil {
		return nil, sum, err
	}
	srcs := []source{{name: data.DBName, file: snapPath, size: st.Size()}}
	seen := newNameSet()
	seen.add(data.DBName)
	for _, p := range media {
		if checkName(p) != "" || seen.add(p) != "" {
			sum.Missing = append(sum.Missing, p)
			continue
		}
		file := filepath.Join(dir, filepath.FromSlash(p))
		st, err := os.Stat(file)
		if errors.Is(err, fs.ErrNotExist) {
			file, st, err = inTrash(dir, path.Base(p))
		}
		switch {
		case errors.Is(err, fs.ErrNotExist):
			sum.Missing = append(sum.Missing, p)
			continue
		case err != nil:
			return nil, sum, err
		case !st.Mode().IsRegular():
			sum.Missing = append(sum.Missing, p)
			continue
		}
		srcs = append(srcs, source{name: p, file: file, size: st.Size()})
	}
	return srcs, sum, nil
}

// inTrash finds a media file by name in the Papierkorb's day folders.
func inTrash(dir, base string) (string, fs.FileInfo, error) {
	days, _ := os.ReadDir(filepath.Join(dir, data.TrashDir))
	for _, d := range slices.Backward(days) {
		file := filepath.Join(dir, data.TrashDir, d.Name(), base)
		if st, err := os.Stat(file); err == nil {
			return file, st, nil
		}
	}
	return "", nil, fs.ErrNotExist
}

// writeZip writes the entries and then the manifest into a new file at
// part and syncs it. Each file is read once: hashed while it is copied in.
func writeZip(ctx context.Context, part string, srcs []source, by data.Actor, advance func(int64)) (Manifest, error) {
	m := Manifest{Format: Format, Version: FormatVersion, App: appVersion(), Created: time.Now().UTC().Truncate(time.Second),
		Person: by.Person, PC: by.PC}
	f, err := os.OpenFile(part, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return m, err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, copyBufSize)
	zw := zip.NewWriter(bw)
	zw.SetComment("Feedtakt-Übergabepaket")
	buf := make([]byte, copyBufSize)
	for _, s := range srcs {
		e, err := addFile(ctx, zw, s, m.Created, buf, advance)
		if err != nil {
			return m, err
		}
		m.Entries = append(m.Entries, e)
		if s.name == data.DBName {
			if m.Schema, err = schemaOf(s.file); err != nil {
				return m, err
			}
		}
	}
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return m, err
	}
	w, err := zw.CreateHeader(header(ManifestName, m.Created))
	if err == nil {
		_, err = w.Write(b)
	}
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return m, err
}

func header(name string, modified time.Time) *zip.FileHeader {
	h := &zip.FileHeader{Name: name, Method: zip.Store, Modified: modified}
	h.SetMode(0o644)
	return h
}

// addFile copies one source into the zip, stored, and returns its entry.
func addFile(ctx context.Context, zw *zip.Writer, s source, modified time.Time, buf []byte, advance func(int64)) (Entry, error) {
	in, err := os.Open(s.file)
	if err != nil {
		return Entry{}, err
	}
	defer in.Close()
	w, err := zw.CreateHeader(header(s.name, modified))
	if err != nil {
		return Entry{}, err
	}
	h := sha256.New()
	n, err := copyChunks(ctx, io.MultiWriter(w, h), io.LimitReader(in, s.size), buf, advance)
	if err != nil {
		return Entry{}, err
	}
	if n != s.size {
		return Entry{}, fmt.Errorf("%s: %d bytes read, %d expected (changed while packing)", s.name, n, s.size)
	}
	return Entry{Path: s.name, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// schemaOf reads the schema version from a database file's header.
func schemaOf(file string) (int, error) {
	f, err := os.Open(file)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	b := make([]byte, dbHeaderSize)
	if _, err := io.ReadFull(f, b); err != nil {
		return 0, fmt.Errorf("read database header: %w", err)
	}
	return parseDBHeader(b)
}

// verifyWritten reads the new bundle back in full, as Verify would, and
// requires it to hold exactly what was written.
func verifyWritten(ctx context.Context, part string, m Manifest, advance func(int64)) error {
	o, err := openBundle(part)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrReadBack, err)
	}
	defer o.Close()
	o.fromDisk = true
	if err := o.check(ctx); err != nil {
		return fmt.Errorf("%w: %w", ErrReadBack, err)
	}
	if !slices.Equal(o.manifest.Entries, m.Entries) {
		return fmt.Errorf("%w: the manifest read back differs", ErrReadBack)
	}
	if err := o.hashAll(ctx, advance); err != nil {
		return fmt.Errorf("%w: %w", ErrReadBack, err)
	}
	return nil
}
