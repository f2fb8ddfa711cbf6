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
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"feedtakt/data"
)

// testDB is a real, empty Feedtakt database, made once.
var testDB = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "feedtakt-bundle-db-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ws, err := data.Create(context.Background(), filepath.Join(dir, "ws"), data.Initial{Settings: data.Settings{Land: "NI"}}, data.Options{Actor: testActor})
	if err != nil {
		return nil, err
	}
	ws.Close()
	return os.ReadFile(filepath.Join(dir, "ws", data.DBName))
})

// picture is the content of the one media file of a hand-built bundle.
var picture = bytes.Repeat([]byte("JPEG-Inhalt "), 1000)

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func pictureName() string { return "media/" + sha(picture)[:2] + "/" + sha(picture) + ".jpg" }

// hEntry is one entry of a hand-built bundle.
type hEntry struct {
	name string
	body []byte
	mode fs.FileMode // 0: a plain file
	// raw writes the entry itself (crafted headers); manifest then uses
	// size and hash as given.
	raw        func(zw *zip.Writer) error
	size       int64
	hash       string
	noManifest bool // leave it out of the manifest
}

// goodEntries are the entries of an honest bundle.
func goodEntries(t testing.TB) []hEntry {
	t.Helper()
	db, err := testDB()
	if err != nil {
		t.Fatal(err)
	}
	return []hEntry{{name: data.DBName, body: db}, {name: pictureName(), body: picture}}
}

// buildBundle writes a bundle by hand at path: the entries in order, then
// a manifest listing them, which edit may change into a lie.
func buildBundle(t testing.TB, path string, entries []hEntry, edit func(*Manifest)) {
	t.Helper()
	m := Manifest{Format: Format, Version: FormatVersion, App: "test", Schema: data.SchemaVersion(), Created: time.Now().UTC()}
	var buf bytes.Buffer
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	for _, e := range entries {
		if e.raw != nil {
			if err := e.raw(zw); err != nil {
				t.Fatal(err)
			}
		} else {
			h := &zip.FileHeader{Name: e.name, Method: zip.Store}
			if e.mode != 0 {
				h.SetMode(e.mode)
			}
			w, err := zw.CreateHeader(h)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(e.body)
			e.size, e.hash = int64(len(e.body)), sha(e.body)
		}
		if !e.noManifest {
			m.Entries = append(m.Entries, Entry{Path: e.name, Size: e.size, SHA256: e.hash})
		}
	}
	if edit != nil {
		edit(&m)
	}
	json.NewEncoder(&buf).Encode(m)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: ManifestName, Method: zip.Store})
	w.Write(buf.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// An honest hand-built bundle unpacks: what the hostile cases change is
// what makes them fail.
func TestHandBuiltBundleUnpacks(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "b.feedtakt")
	buildBundle(t, file, goodEntries(t), nil)
	target := filepath.Join(root, "out", "ws")
	if err := Unpack(context.Background(), file, target, nil); err != nil {
		t.Fatal(err)
	}
	got := listTree(t, target)
	want := []string{"feedtakt.db", "media/", "media/" + sha(picture)[:2] + "/", pictureName()}
	if !slices.Equal(got, want) {
		t.Errorf("unpacked %v, want %v", got, want)
	}
}

// withEntry is the honest bundle plus one entry.
func withEntry(t testing.TB, e hEntry) []hEntry { return append(goodEntries(t), e) }

// deflateRaw writes an entry with a crafted deflate stream and declared
// size (CRC left zero: a bomb's is never checked, it is refused first).
func deflateRaw(name string, declared uint64, stream io.Reader, streamLen int64) func(*zip.Writer) error {
	return func(zw *zip.Writer) error {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: uint64(streamLen), UncompressedSize64: declared})
		if err != nil {
			return err
		}
		n, err := io.Copy(w, stream)
		if err == nil && n != streamLen {
			err = io.ErrShortWrite
		}
		return err
	}
}

// bombStream is a deflate stream that expands to n MiB of zeros: one
// flushed block of a MiB of zeros (about 1 KB) repeated, then an empty
// final block. It is never held whole in memory.
func bombStream(t testing.TB, mib int) (io.Reader, int64) {
	t.Helper()
	var chunk bytes.Buffer
	fw, _ := flate.NewWriter(&chunk, flate.BestCompression)
	fw.Write(make([]byte, 1<<20))
	fw.Flush()                // byte-aligned, not final: chunks can follow each other
	end := []byte{0x03, 0x00} // a final, empty fixed-Huffman block
	readers := []io.Reader{}
	for range mib {
		readers = append(readers, bytes.NewReader(chunk.Bytes()))
	}
	readers = append(readers, bytes.NewReader(end))
	return io.MultiReader(readers...), int64(chunk.Len())*int64(mib) + int64(len(end))
}

type hostileCase struct {
	name    string
	entries func(t testing.TB) []hEntry
	edit    func(*Manifest)
	file    func(t testing.TB, path string) // writes the file itself instead
	want    error
	entry   string // the entry the refusal names ("" = any)
}

func hostileCases() []hostileCase {
	plain := func(name string) func(testing.TB) []hEntry {
		return func(t testing.TB) []hEntry { return withEntry(t, hEntry{name: name, body: []byte("evil")}) }
	}
	bad := func(name string) hostileCase {
		return hostileCase{name: name, entries: plain(name), want: ErrBundleUnsafe, entry: name}
	}
	cases := []hostileCase{
		bad("../evil.txt"),
		bad("media/../../evil.txt"),
		bad("media/ab/../../../evil.txt"),
		bad("/tmp/evil.txt"),
		bad(`C:\Windows\evil.txt`),
		bad("C:evil.txt"),
		bad(`\\server\share\evil.txt`),
		bad("//server/share/evil.txt"),
		bad("media/ab/CON"),
		bad("media/ab/NUL.jpg"),
		bad("media/ab/aux.txt"),
		bad("media/Com1/x.jpg"),
		bad("media/ab/lpt9.png"),
		bad("media/ab/x.jpg."),
		bad("media/ab/x.jpg "),
		bad("media/ab/x.jpg:stream"),
		bad("media/ab/x?.jpg"),
		bad("media/ab/\x01.jpg"),
		bad("media/ab/bild-ä.jpg"),
		bad("media//x.jpg"),
		bad("evil.exe"),
		bad("thumbs/x.jpg"),
		bad("Media/x.jpg"),
		{name: "folder entry", entries: plain("media/ab/"), want: ErrBundleUnsafe, entry: "media/ab/"},
		{name: "case-only duplicate", entries: func(t testing.TB) []hEntry {
			up := pictureName()[:len(pictureName())-4] + ".JPG"
			return withEntry(t, hEntry{name: up, body: picture})
		}, want: ErrBundleUnsafe},
		{name: "case-only duplicate of the database", entries: plain("FEEDTAKT.DB"), want: ErrBundleUnsafe, entry: "FEEDTAKT.DB"},
		{name: "exact duplicate", entries: func(t testing.TB) []hEntry {
			return withEntry(t, hEntry{name: pictureName(), body: []byte("anderer Inhalt"), noManifest: true})
		}, want: ErrBundleUnsafe, entry: pictureName()},
		{name: "file where a folder is", entries: plain("media/" + sha(picture)[:2]), want: ErrBundleUnsafe},
		{name: "symlink", entries: func(t testing.TB) []hEntry {
			return withEntry(t, hEntry{name: "media/ab/link.jpg", body: []byte("../../../../etc/passwd"), mode: fs.ModeSymlink | 0o777})
		}, want: ErrBundleUnsafe, entry: "media/ab/link.jpg"},
		{name: "manifest lies about a hash", entries: goodEntries, edit: func(m *Manifest) {
			m.Entries[1].SHA256 = sha([]byte("etwas anderes"))
		}, want: ErrBundleDamaged, entry: pictureName()},
		{name: "manifest lies about a size", entries: goodEntries, edit: func(m *Manifest) {
			m.Entries[1].Size--
		}, want: ErrBundleDamaged, entry: pictureName()},
		{name: "entry not in the manifest", entries: func(t testing.TB) []hEntry {
			return withEntry(t, hEntry{name: "media/cd/extra.jpg", body: []byte("x"), noManifest: true})
		}, want: ErrBundleDamaged, entry: "media/cd/extra.jpg"},
		{name: "manifest names a missing file", entries: goodEntries, edit: func(m *Manifest) {
			m.Entries = append(m.Entries, Entry{Path: "media/cd/fehlt.jpg", Size: 1, SHA256: sha([]byte("x"))})
		}, want: ErrBundleDamaged, entry: "media/cd/fehlt.jpg"},
		{name: "manifest entry with an unsafe name", entries: goodEntries, edit: func(m *Manifest) {
			m.Entries = append(m.Entries, Entry{Path: "../evil.txt", Size: 1, SHA256: sha([]byte("x"))})
		}, want: ErrBundleDamaged},
		{name: "no database", entries: func(t testing.TB) []hEntry { return goodEntries(t)[1:] }, want: ErrBundleDamaged, entry: data.DBName},
		{name: "database of another program", entries: func(t testing.TB) []hEntry {
			es := goodEntries(t)
			db := bytes.Clone(es[0].body)
			binary.BigEndian.PutUint32(db[68:72], 0x12345678)
			es[0].body = db
			return es
		}, want: ErrBundleDamaged, entry: data.DBName},
		{name: "zip bomb declared", entries: func(t testing.TB) []hEntry {
			stream, n := bombStream(t, 16)
			return withEntry(t, hEntry{name: "media/ab/bomb.mp4", raw: deflateRaw("media/ab/bomb.mp4", 11<<30, stream, n), size: 11 << 30, hash: sha(nil)})
		}, want: ErrBundleUnsafe, entry: "media/ab/bomb.mp4"},
		{name: "zip bomb counted", entries: func(t testing.TB) []hEntry {
			// Declares 1 KiB, in the zip and in the manifest; expands to
			// 11 GiB. Reading stops after 1 KiB + 1 byte.
			stream, n := bombStream(t, 11<<10)
			return withEntry(t, hEntry{name: "media/ab/bomb.mp4", raw: deflateRaw("media/ab/bomb.mp4", 1024, stream, n), size: 1024, hash: sha(make([]byte, 1024))})
		}, want: ErrBundleUnsafe, entry: "media/ab/bomb.mp4"},
		{name: "stored entry declaring more than the file", entries: func(t testing.TB) []hEntry {
			raw := func(zw *zip.Writer) error {
				w, err := zw.CreateRaw(&zip.FileHeader{Name: "media/ab/gross.mp4", Method: zip.Store, CompressedSize64: 11 << 30, UncompressedSize64: 11 << 30})
				if err == nil {
					_, err = w.Write([]byte("kurz"))
				}
				return err
			}
			return withEntry(t, hEntry{name: "media/ab/gross.mp4", raw: raw, size: 11 << 30, hash: sha(nil)})
		}, want: ErrBundleDamaged},
		{name: "newer format", entries: goodEntries, edit: func(m *Manifest) { m.Version = FormatVersion + 1 }, want: ErrBundleNewer},
		{name: "newer format with new folders", entries: plain("formulare/x.pdf"), edit: func(m *Manifest) { m.Version = FormatVersion + 1 }, want: ErrBundleNewer},
		{name: "database of a newer Feedtakt", entries: func(t testing.TB) []hEntry {
			es := goodEntries(t)
			db := bytes.Clone(es[0].body)
			binary.BigEndian.PutUint32(db[60:64], uint32(data.SchemaVersion()+1))
			es[0].body = db
			return es
		}, want: ErrBundleNewer},
		{name: "another format", entries: goodEntries, edit: func(m *Manifest) { m.Format = "other-app" }, want: ErrNotABundle},
		{name: "zip without manifest", file: func(t testing.TB, path string) {
			f, _ := os.Create(path)
			zw := zip.NewWriter(f)
			w, _ := zw.Create("feedtakt.db")
			w.Write([]byte("x"))
			zw.Close()
			f.Close()
		}, want: ErrNotABundle},
		{name: "not a zip", file: func(t testing.TB, path string) {
			os.WriteFile(path, []byte("%PDF-1.7\nDas ist ein PDF, kein Paket.\n"), 0o644)
		}, want: ErrNotABundle},
		{name: "empty file", file: func(t testing.TB, path string) { os.WriteFile(path, nil, 0o644) }, want: ErrNotABundle},
		{name: "truncated", file: func(t testing.TB, path string) {
			buildBundle(t, path, goodEntries(t), nil)
			st, _ := os.Stat(path)
			os.Truncate(path, st.Size()*2/3)
		}, want: ErrBundleDamaged},
		{name: "truncated by one byte", file: func(t testing.TB, path string) {
			buildBundle(t, path, goodEntries(t), nil)
			st, _ := os.Stat(path)
			os.Truncate(path, st.Size()-1)
		}, want: ErrBundleDamaged},
		{name: "bit flipped in a picture", file: func(t testing.TB, path string) {
			buildBundle(t, path, goodEntries(t), nil)
			b, _ := os.ReadFile(path)
			i := bytes.Index(b, picture[:64])
			b[i+100] ^= 1
			os.WriteFile(path, b, 0o644)
		}, want: ErrBundleDamaged, entry: pictureName()},
	}
	return cases
}

// Every hostile bundle is refused by Verify and by Unpack with a German
// sentence; nothing is written anywhere, no target and no .part remain.
func TestHostileBundlesAreRefused(t *testing.T) {
	ctx := context.Background()
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			inbox := filepath.Join(root, "eingang")
			os.Mkdir(inbox, 0o755)
			file := filepath.Join(inbox, "paket.feedtakt")
			if c.file != nil {
				c.file(t, file)
			} else {
				buildBundle(t, file, c.entries(t), c.edit)
			}
			before := listTree(t, root)

			start := time.Now()
			_, verr := Verify(ctx, file, nil)
			target := filepath.Join(root, "ziel", "Arbeitsbereich")
			uerr := Unpack(ctx, file, target, nil)
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("refusing took %v: it did not stop early", took)
			}
			t.Logf("Unpack: %v", uerr)
			for _, err := range []error{verr, uerr} {
				if !errors.Is(err, c.want) {
					t.Fatalf("got %v, want %v", err, c.want)
				}
				var ee *EntryError
				if c.entry != "" && (!errors.As(err, &ee) || ee.Entry != c.entry) {
					t.Errorf("%v does not name %q", err, c.entry)
				}
				assertGerman(t, err)
			}
			// Nothing new anywhere below root, not even the target's parent.
			after := listTree(t, root)
			if !slices.Equal(after, before) {
				t.Errorf("files changed:\nbefore %v\nafter  %v", before, after)
			}
			for _, p := range []string{target, target + ".part", filepath.Join(root, "evil.txt"), "/tmp/evil.txt"} {
				if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("%s exists", p)
				}
			}
		})
	}
}
