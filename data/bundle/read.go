package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"feedtakt/data"
)

// Caps on what a bundle may declare. Feedtakt writes every entry stored,
// so its declared sizes add up to less than the file; a deflated entry
// (from a tool that repacked the bundle) may expand, but not beyond what a
// database can (pictures and videos do not deflate at all). A zip bomb
// that declares honestly is refused here before a byte is read; one that
// declares small is stopped by counting (copyEntry).
const (
	maxEntries      = 500_000
	maxManifestSize = 64 << 20
	maxDeflateRatio = 20
	deflateSlack    = 64 << 10
)

// copyBufSize is the chunk the streams move: big enough for disk speed,
// small enough that memory stays flat however big the bundle.
const copyBufSize = 1 << 20

// opened is a bundle file being read.
type opened struct {
	f        *os.File
	size     int64
	zr       *zip.Reader
	manifest Manifest
	want     map[string]Entry // the manifest's entries by path
	payload  []*zip.File      // every entry but the manifest, in file order
	dbHead   []byte           // the database's first bytes, seen while hashing
	buf      []byte
	// fromDisk drops the file's cached pages before hashing, so a
	// verify after writing reads what reached the disk.
	fromDisk bool
}

// openBundle opens path as a zip. A file that is no zip is ErrNotABundle;
// one that starts like a zip but has no readable directory (cut off) is
// ErrBundleDamaged.
func openBundle(path string) (*opened, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open bundle: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open bundle: %w", err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("open bundle %s: %w", path, ErrNotABundle)
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		// ErrInsecurePath (GODEBUG=zipinsecurepath=0) comes with a usable
		// reader; checkName refuses the entry by name.
		head := make([]byte, 4)
		n, _ := f.ReadAt(head, 0)
		f.Close()
		if n == 4 && string(head) == "PK\x03\x04" {
			return nil, fmt.Errorf("open bundle %s: %w (%v)", path, ErrBundleDamaged, err)
		}
		return nil, fmt.Errorf("open bundle %s: %w (%v)", path, ErrNotABundle, err)
	}
	return &opened{f: f, size: st.Size(), zr: zr, buf: make([]byte, copyBufSize)}, nil
}

func (o *opened) Close() error { return o.f.Close() }

// check reads the manifest and checks the whole directory against it and
// against the rules, without reading the payload: the manifest first, so a
// bundle of a newer layout is called newer rather than unsafe.
func (o *opened) check(ctx context.Context) error {
	if len(o.zr.File) > maxEntries {
		return unsafeEntry("", fmt.Sprintf("%d entries", len(o.zr.File)))
	}
	if err := o.readManifest(ctx); err != nil {
		return err
	}
	names := newNameSet()
	var compressed uint64
	for _, f := range o.zr.File {
		if why := checkName(f.Name); why != "" {
			return unsafeEntry(f.Name, why)
		}
		if !f.Mode().IsRegular() {
			return unsafeEntry(f.Name, "not a plain file (a link or folder)")
		}
		if why := names.add(f.Name); why != "" {
			return unsafeEntry(f.Name, why)
		}
		if err := checkDeclared(f); err != nil {
			return err
		}
		compressed += f.CompressedSize64
		if f.Name != ManifestName {
			o.payload = append(o.payload, f)
		}
	}
	if compressed > uint64(o.size) {
		return damagedEntry("", "entries declare more data than the file holds")
	}
	return o.matchManifest()
}

// checkDeclared refuses sizes no Feedtakt bundle has, before reading.
func checkDeclared(f *zip.File) error {
	switch {
	case f.UncompressedSize64 > 1<<50 || f.CompressedSize64 > 1<<50:
		return unsafeEntry(f.Name, "absurd size")
	case f.Method == zip.Store && f.UncompressedSize64 != f.CompressedSize64:
		return damagedEntry(f.Name, "stored entry with two sizes")
	case f.Method == zip.Deflate && f.UncompressedSize64 > maxDeflateRatio*f.CompressedSize64+deflateSlack:
		return unsafeEntry(f.Name, fmt.Sprintf("expands from %d to %d bytes (zip bomb)", f.CompressedSize64, f.UncompressedSize64))
	case f.Method != zip.Store && f.Method != zip.Deflate:
		return damagedEntry(f.Name, fmt.Sprintf("unknown compression %d", f.Method))
	}
	return nil
}

// readManifest finds, reads and decodes manifest.json and refuses another
// format or a newer version.
func (o *opened) readManifest(ctx context.Context) error {
	var mf *zip.File
	for _, f := range o.zr.File {
		if f.Name != ManifestName {
			continue
		}
		if mf != nil {
			return unsafeEntry(ManifestName, "name twice")
		}
		mf = f
	}
	if mf == nil {
		return fmt.Errorf("no %s: %w", ManifestName, ErrNotABundle)
	}
	if err := checkDeclared(mf); err != nil {
		return err
	}
	if mf.UncompressedSize64 > maxManifestSize {
		return unsafeEntry(ManifestName, "manifest too large")
	}
	var b bytes.Buffer
	if _, err := o.copyEntry(ctx, mf, int64(mf.UncompressedSize64), &b, nil); err != nil {
		return err
	}
	var m Manifest
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		return fmt.Errorf("read %s: %w (%v)", ManifestName, ErrNotABundle, err)
	}
	switch {
	case m.Format != Format:
		return fmt.Errorf("manifest format %q: %w", m.Format, ErrNotABundle)
	case m.Version > FormatVersion:
		return &NewerError{What: "bundle format", File: m.Version, App: FormatVersion}
	case m.Version < 1:
		return damagedEntry(ManifestName, fmt.Sprintf("format version %d", m.Version))
	case len(m.Entries) > maxEntries:
		return unsafeEntry(ManifestName, fmt.Sprintf("%d entries", len(m.Entries)))
	}
	o.manifest = m
	return nil
}

// matchManifest requires the manifest and the zip to name the same files
// with the same sizes, the database among them.
func (o *opened) matchManifest() error {
	want := make(map[string]Entry, len(o.manifest.Entries))
	for _, e := range o.manifest.Entries {
		if _, dup := want[e.Path]; dup {
			return damagedEntry(e.Path, "listed twice in the manifest")
		}
		if e.Size < 0 || !isHexHash(e.SHA256) {
			return damagedEntry(e.Path, "manifest entry without size or hash")
		}
		want[e.Path] = e
	}
	for _, f := range o.payload {
		e, ok := want[f.Name]
		if !ok {
			return damagedEntry(f.Name, "not in the manifest")
		}
		if uint64(e.Size) != f.UncompressedSize64 {
			return damagedEntry(f.Name, fmt.Sprintf("size %d, manifest says %d", f.UncompressedSize64, e.Size))
		}
		delete(want, f.Name)
	}
	for _, e := range o.manifest.Entries {
		if _, missing := want[e.Path]; missing {
			return damagedEntry(e.Path, "in the manifest but not in the bundle")
		}
		want[e.Path] = e
	}
	o.want = want
	if _, ok := want[data.DBName]; !ok {
		return damagedEntry(data.DBName, "missing")
	}
	return nil
}

func isHexHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// hashAll reads every payload entry and compares it with the manifest.
// advance is told the bytes read.
func (o *opened) hashAll(ctx context.Context, advance func(int64)) error {
	if o.fromDisk {
		dropCache(o.f)
	}
	for _, f := range o.payload {
		if err := o.checkEntry(ctx, f, o.want[f.Name], io.Discard, advance); err != nil {
			return err
		}
	}
	return o.checkDatabaseHeader()
}

// checkEntry copies one entry to w while hashing and counting it; what
// does not match e is refused.
func (o *opened) checkEntry(ctx context.Context, f *zip.File, e Entry, w io.Writer, advance func(int64)) error {
	h := sha256.New()
	var out io.Writer = h
	if w != io.Discard {
		out = io.MultiWriter(w, h)
	}
	if f.Name == data.DBName {
		o.dbHead = o.dbHead[:0]
		out = io.MultiWriter(out, &headWriter{b: &o.dbHead})
	}
	n, err := o.copyEntry(ctx, f, e.Size, out, advance)
	if err != nil {
		return err
	}
	if n != e.Size {
		return damagedEntry(f.Name, fmt.Sprintf("%d bytes, manifest says %d", n, e.Size))
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != e.SHA256 {
		return damagedEntry(f.Name, "content does not match the manifest's hash")
	}
	return nil
}

// copyEntry streams an entry's content to w, reading at most limit+1
// bytes: more than declared is a zip bomb and stops right there, however
// much the entry would still expand to.
func (o *opened) copyEntry(ctx context.Context, f *zip.File, limit int64, w io.Writer, advance func(int64)) (int64, error) {
	raw, err := f.OpenRaw()
	if err != nil {
		return 0, damagedEntry(f.Name, err.Error())
	}
	r := raw
	if f.Method == zip.Deflate {
		fr := flate.NewReader(raw)
		defer fr.Close()
		r = fr
	}
	n, err := copyChunks(ctx, w, io.LimitReader(r, limit+1), o.buf, advance)
	switch {
	case n > limit:
		return n, unsafeEntry(f.Name, fmt.Sprintf("more data than the %d bytes declared (zip bomb)", limit))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, zip.ErrFormat):
		return n, damagedEntry(f.Name, err.Error())
	case isCorruptInput(err):
		return n, damagedEntry(f.Name, err.Error())
	}
	return n, err
}

func isCorruptInput(err error) bool {
	var ce flate.CorruptInputError
	return errors.As(err, &ce)
}

// copyChunks copies src to dst in buf-sized chunks, checking ctx and
// telling advance after each.
func copyChunks(ctx context.Context, dst io.Writer, src io.Reader, buf []byte, advance func(int64)) (int64, error) {
	var n int64
	for {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		k, rerr := io.ReadFull(src, buf)
		if k > 0 {
			if _, err := dst.Write(buf[:k]); err != nil {
				return n, err
			}
			n += int64(k)
			if advance != nil {
				advance(int64(k))
			}
		}
		switch {
		case rerr == io.EOF || rerr == io.ErrUnexpectedEOF:
			// ReadFull's short read is the end of src, not an error.
			return n, nil
		case rerr != nil:
			return n, rerr
		}
	}
}

// headWriter keeps the first dbHeaderSize bytes written to it.
type headWriter struct{ b *[]byte }

func (h *headWriter) Write(p []byte) (int, error) {
	if room := dbHeaderSize - len(*h.b); room > 0 {
		*h.b = append(*h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// The SQLite header fields a bundle's database is checked by.
const (
	dbHeaderSize = 100
	sqliteMagic  = "SQLite format 3\x00"
)

// checkDatabaseHeader refuses a database that is not Feedtakt's, or of a
// newer Feedtakt, before anything is unpacked.
func (o *opened) checkDatabaseHeader() error {
	v, err := parseDBHeader(o.dbHead)
	if err != nil {
		return err
	}
	if v > data.SchemaVersion() {
		return &NewerError{What: "database", File: v, App: data.SchemaVersion()}
	}
	return nil
}

// parseDBHeader returns the schema version (user_version) of a Feedtakt
// database's first bytes.
func parseDBHeader(b []byte) (int, error) {
	if len(b) < dbHeaderSize || string(b[:len(sqliteMagic)]) != sqliteMagic {
		return 0, damagedEntry(data.DBName, "not an SQLite database")
	}
	if binary.BigEndian.Uint32(b[68:72]) != data.ApplicationID {
		return 0, damagedEntry(data.DBName, "database of another application")
	}
	return int(int32(binary.BigEndian.Uint32(b[60:64]))), nil
}
