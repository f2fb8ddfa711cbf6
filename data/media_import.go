package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// How an import stages files. Everything that is written into the
// Mediathek passes through media/.staging: the content as a *.part file
// while it is copied and hashed, and per batch an *.intent file that lists
// the files renamed into media/ whose rows are not committed yet. After a
// crash the sweep at open only reads this one folder (see
// sweepMediaStaging) and never has to walk media/ with its thousands of
// originals.
const (
	stagingName  = ".staging"
	partSuffix   = ".part"
	intentSuffix = ".intent"
)

// DefaultImportBatch is how many files an Import commits at once when
// NewImport is given no size: big enough that a long import does not commit
// per file, small enough that a cancel or a crash keeps most of the work.
const DefaultImportBatch = 100

// ImportOutcome says what happened to one file of an import.
type ImportOutcome int

// The outcomes of an imported file.
const (
	// ImportAdded means the file is a new item of the Mediathek.
	ImportAdded ImportOutcome = iota + 1
	// ImportExisting means identical content was already in the Mediathek
	// (or earlier in the same import); Media is that item.
	ImportExisting
	// ImportSkipped means the file was not taken; Err says why.
	ImportSkipped
)

// ImportResult is what an import did with one file.
type ImportResult struct {
	Name    string // the file's original name, as given in Media.OriginalName
	Outcome ImportOutcome
	Media   Media // the new or existing item; ID is set once committed
	Err     error // why a file was skipped
}

// Import adds many files to the Mediathek: each file is streamed, hashed
// and put in place by Add, rows are committed every batch files, and Finish
// commits the rest. Each committed batch gets its change-log line ("12
// Dateien in die Mediathek aufgenommen"; an import within one batch has one
// line), so a killed import leaves no committed item unlogged. Use it from
// one goroutine
// (an import job); several imports and AddMedia calls may run at once.
//
//	im := ws.NewImport(0)
//	defer im.Abort()
//	for each file { if _, err := im.Add(ctx, f, m); err != nil { break } }
//	results, err := im.Finish(ctx)
type Import struct {
	w     *Workspace
	batch int
	// summary formats the change-log line for n files; one names the file
	// when there is only one.
	summary func(n int, one Media, cancelled bool) string

	results []ImportResult
	pending []pendingFile
	byHash  map[string]int // hash → index in results of the pending file
	dupOf   map[int]int    // result index → result index of the same content in this import
	intent  *os.File       // the current batch's intent file, nil before the first rename
	added   int
	first   Media // the first added item, for a one-file summary
	err     error // a failed commit: the import is over
	done    bool
}

// pendingFile is a file in media/ whose row waits for the batch commit. Its
// hash stays locked until then, so nobody else stores or deletes the same
// content in between.
type pendingFile struct {
	m       Media
	result  int
	placed  bool // renamed into media/ by this import (listed in the intent); false: the file was already there
	release func()
}

// NewImport starts an import that commits rows every batch files (0 means
// DefaultImportBatch).
func (w *Workspace) NewImport(batch int) *Import {
	if batch <= 0 {
		batch = DefaultImportBatch
	}
	return &Import{w: w, batch: batch, byHash: map[string]int{}, dupOf: map[int]int{}, summary: importSummary}
}

func importSummary(n int, one Media, cancelled bool) string {
	s := fmt.Sprintf("%d Dateien in die Mediathek aufgenommen", n)
	if n == 1 {
		s = fmt.Sprintf("Datei „%s“ in die Mediathek aufgenommen", Ellipsis(one.OriginalName, 80))
	}
	if cancelled {
		s += " (Import abgebrochen)"
	}
	return s
}

// Skip records a file the caller did not pass to Add (an unsupported type,
// an unreadable file), so the import's results list every file.
func (im *Import) Skip(name string, reason error) {
	im.results = append(im.results, ImportResult{Name: name, Outcome: ImportSkipped, Err: reason})
}

// Add streams one file into the Mediathek. A file that cannot be read is
// recorded as skipped and returns a nil error, so the import goes on; an
// error means the import must stop: ctx was cancelled (nothing of this file
// stays behind), or the workspace cannot be written (disk full, read-only,
// gone). Call Finish in either case.
func (im *Import) Add(ctx context.Context, r io.Reader, m Media) (ImportResult, error) {
	w := im.w
	if err := im.usable(ctx); err != nil {
		return ImportResult{}, err
	}
	staging := w.path(filepath.Join(MediaDir, stagingName))
	if err := os.MkdirAll(staging, 0o755); err != nil {
		return ImportResult{}, w.fault("store media", err)
	}
	if m.Kind == "" {
		m.Kind = kindByExt(mediaExt(m.OriginalName))
	}
	if !validKind(m.Kind) {
		// A caller's mistake; checked before the batch commit, which would
		// otherwise fail for every file in it.
		im.Skip(m.OriginalName, fmt.Errorf("media kind %q: %w", m.Kind, ErrInvalid))
		return im.results[len(im.results)-1], nil
	}
	if err := m.checkTexts(); err != nil {
		im.Skip(m.OriginalName, err)
		return im.results[len(im.results)-1], nil
	}
	m.normImported(w.now())
	part, hash, size, readErr, err := stageCopy(ctx, staging, r)
	if err != nil {
		return ImportResult{}, w.fault("store media", err)
	}
	if readErr != nil {
		im.Skip(m.OriginalName, readErr)
		return im.results[len(im.results)-1], nil
	}
	m.ID, m.Hash, m.Size = 0, hash, size
	ext := m.storeExt
	if ext == "" {
		ext = mediaExt(m.OriginalName)
	}
	m.Path = mediaPath(hash, ext)
	res, err := im.place(ctx, m, part)
	if part != "" {
		os.Remove(part) // still there unless it was renamed into media/
	}
	return res, err
}

// usable refuses to go on after Finish, a failed commit, a cancel or on a
// workspace that cannot be written.
func (im *Import) usable(ctx context.Context) error {
	switch {
	case im.done:
		return errors.New("import already finished")
	case im.err != nil:
		return im.err
	case im.w.readOnly:
		return fmt.Errorf("store media: %w", ErrReadOnly)
	case im.w.gone():
		// Checked before MkdirAll, which would make a ghost of a folder
		// that was deleted or whose drive was disconnected.
		return fmt.Errorf("store media: %w", ErrWorkspaceGone)
	}
	return ctx.Err()
}

// stageCopy copies r into a new .part file in staging while hashing it and
// syncs it. A failure to read r is returned as readErr (the file is
// skipped); err is a failure to write (the import stops) or a cancel.
// Either way the .part is gone unless both are nil.
func stageCopy(ctx context.Context, staging string, r io.Reader) (part, hash string, size int64, readErr, err error) {
	f, err := os.CreateTemp(staging, "*"+partSuffix)
	if err != nil {
		return "", "", 0, nil, err
	}
	h := sha256.New()
	src := &trackedReader{ctx: ctx, r: r}
	buf := copyBuffers.Get().(*[]byte)
	size, err = io.CopyBuffer(io.MultiWriter(f, h), src, *buf)
	copyBuffers.Put(buf)
	// Not synced here: syncPlaced syncs a batch's files together before
	// their rows are committed (see there).
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		if src.err != nil && src.err == err {
			if ctx.Err() != nil {
				return "", "", 0, nil, ctx.Err()
			}
			return "", "", 0, err, nil
		}
		return "", "", 0, nil, err
	}
	return f.Name(), hex.EncodeToString(h.Sum(nil)), size, nil, nil
}

// copyBuffers hold 1 MiB buffers for stageCopy: large writes are much
// faster than io.Copy's 32 KiB on a network share.
var copyBuffers = sync.Pool{New: func() any { b := make([]byte, 1<<20); return &b }}

// trackedReader remembers a read error (to tell it from a write error) and
// stops a long copy when ctx is cancelled.
type trackedReader struct {
	ctx context.Context
	r   io.Reader
	err error
}

func (t *trackedReader) Read(p []byte) (int, error) {
	if err := t.ctx.Err(); err != nil {
		t.err = err
		return 0, err
	}
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		t.err = err
	}
	return n, err
}

// place puts a staged file (part) with content m.Hash into media/, or finds
// the item that already has this content. It sets part's file aside only by
// renaming; the caller removes what is left.
func (im *Import) place(ctx context.Context, m Media, part string) (ImportResult, error) {
	w := im.w
	if i, ok := im.byHash[m.Hash]; ok {
		// The same content twice in one import: one file, one row.
		im.results = append(im.results, ImportResult{Name: m.OriginalName, Outcome: ImportExisting, Media: im.results[i].Media})
		im.dupOf[len(im.results)-1] = i
		return im.results[len(im.results)-1], nil
	}
	release, err := im.lockHash(ctx, m.Hash)
	if err != nil {
		return ImportResult{}, err
	}
	if old, err := w.mediaByHash(ctx, w.reader(), m.Hash); err == nil {
		release()
		im.results = append(im.results, ImportResult{Name: m.OriginalName, Outcome: ImportExisting, Media: old})
		return im.results[len(im.results)-1], nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		release()
		return ImportResult{}, w.fault("look up media", err)
	}
	full := w.path(filepath.FromSlash(m.Path))
	placed, err := im.moveIntoPlace(ctx, part, full, m)
	if err != nil {
		release()
		return ImportResult{}, w.fault("store media", err)
	}
	im.results = append(im.results, ImportResult{Name: m.OriginalName, Outcome: ImportAdded, Media: m})
	im.byHash[m.Hash] = len(im.results) - 1
	im.pending = append(im.pending, pendingFile{m: m, result: len(im.results) - 1, placed: placed, release: release})
	if len(im.pending) >= im.batch {
		if err := im.commit(context.WithoutCancel(ctx), false, false); err != nil {
			return im.results[len(im.results)-1], err
		}
	}
	return im.results[len(im.results)-1], nil
}

// moveIntoPlace renames part to full. A file already at full with the same
// content was left by a crash before its row was committed: it is adopted
// (placed is false) and part is left for the caller to remove. Anything
// else there (another size, other bytes after a power cut) is damaged and
// is replaced. The existing file is hashed only in this rare case.
func (im *Import) moveIntoPlace(ctx context.Context, part, full string, m Media) (placed bool, err error) {
	if st, err := os.Lstat(full); err == nil && st.Mode().IsRegular() && st.Size() == m.Size {
		if h, _, err := hashFile(ctx, full); err == nil && h == m.Hash {
			return false, nil
		}
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return false, err
	}
	// The intent line goes first: if the process dies after the rename,
	// the sweep at open finds the file through it.
	if err := im.noteIntent(m); err != nil {
		return false, err
	}
	if err := os.Rename(part, full); err != nil {
		return false, err
	}
	return true, nil
}

// noteIntent appends "hash path" to the batch's intent file. It is not
// synced per file: a killed process leaves it in the page cache, and after
// a power cut a file the intent lost is found by the full scan (ScanMedia).
func (im *Import) noteIntent(m Media) error {
	if im.intent == nil {
		f, err := os.CreateTemp(im.w.path(filepath.Join(MediaDir, stagingName)), "*"+intentSuffix)
		if err != nil {
			return err
		}
		im.intent = f
	}
	_, err := fmt.Fprintf(im.intent, "%s %s\n", m.Hash, m.Path)
	return err
}

// lockHash takes the per-content lock. If another import holds it, this
// import first commits its own batch (releasing its locks) before it
// waits, so two imports can never wait for each other.
func (im *Import) lockHash(ctx context.Context, hash string) (func(), error) {
	key := hashKey{w: im.w, hash: hash}
	if release, ok := hashLocks.tryLock(key); ok {
		return release, nil
	}
	if err := im.commit(context.WithoutCancel(ctx), false, false); err != nil {
		return nil, err
	}
	return hashLocks.lock(ctx, key)
}

// Finish commits the files not yet committed with the import's (closing)
// change-log line and returns every file's result in the order given. It
// commits even when ctx was cancelled: what is in place is complete, and
// keeping it is what the person expects from "Abbrechen" halfway through.
func (im *Import) Finish(ctx context.Context) ([]ImportResult, error) {
	if im.done {
		return im.results, im.err
	}
	cancelled := ctx.Err() != nil
	err := im.commit(context.WithoutCancel(ctx), true, cancelled)
	im.done = true
	return im.results, err
}

// Abort gives up the files not yet committed (they are removed again) and
// releases their locks. It does nothing after Finish; call it in a defer.
func (im *Import) Abort() {
	if im.done {
		return
	}
	im.done = true
	im.rollback()
}

// commit writes the rows of the pending files in one transaction; last adds
// the import's change-log line. The files and their folders are synced
// first, so a committed row never names content the disk has not got.
func (im *Import) commit(ctx context.Context, last, cancelled bool) error {
	if im.err != nil {
		return im.err
	}
	if len(im.pending) == 0 && !(last && im.added > 0) {
		im.dropIntent()
		return nil
	}
	w := im.w
	if err := im.syncPlaced(); err != nil {
		im.err = w.fault("store media", err)
		im.rollback()
		return im.err
	}
	ids := make([]int64, len(im.pending))
	err := w.write(ctx, "record media", func(tx *sql.Tx) error {
		if err := im.insertPending(ctx, tx, ids); err != nil {
			return err
		}
		// Every batch's rows get their change-log line in the same
		// transaction, so an import killed later leaves no committed item
		// unlogged; an import within one batch has one line.
		n := len(im.pending)
		if n == 0 {
			return nil
		}
		one := im.pending[0].m
		one.ID = ids[0]
		var itemID int64
		if n == 1 {
			itemID = one.ID
		}
		return w.logChange(ctx, tx, "create", "media", itemID, im.summary(n, one, last && cancelled))
	})
	if err != nil {
		im.err = err
		im.rollback()
		return err
	}
	for i, p := range im.pending {
		im.results[p.result].Media.ID = ids[i]
		if im.added == 0 && i == 0 {
			im.first = im.results[p.result].Media
		}
		p.release()
	}
	im.added += len(im.pending)
	for r, orig := range im.dupOf {
		im.results[r].Media = im.results[orig].Media
	}
	im.pending = im.pending[:0]
	clear(im.byHash)
	im.dropIntent()
	return nil
}

// syncPlaced makes the batch's files durable before their rows are
// committed: first their content, then the folders they were renamed into.
// The files are synced here, several at once, rather than one by one before
// each rename: the disk (or the file server) then serves the flushes
// together, which for many small files is most of an import's time. A power
// cut before this point can leave a file with wrong content under its hash
// name, but never a row for it: the sweep removes it through the intent,
// the scan finds its hash does not match, and an import of the same content
// replaces it (moveIntoPlace hashes what it finds).
func (im *Import) syncPlaced() error {
	var files []string
	dirs := map[string]bool{}
	for _, p := range im.pending {
		// Adopted files too: one left by a killed import may still be only
		// in the page cache.
		full := im.w.path(filepath.FromSlash(p.m.Path))
		files = append(files, full)
		dirs[filepath.Dir(full)] = true
	}
	if err := syncAll(files, syncFile); err != nil {
		return err
	}
	var ds []string
	for d := range dirs {
		ds = append(ds, d)
	}
	return syncAll(ds, syncFolder)
}

// syncAll runs fn on every path with up to 8 at a time.
func syncAll(paths []string, fn func(string) error) error {
	errs := make([]error, len(paths))
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			errs[i] = fn(p)
			<-sem
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// insertPending writes the pending files' rows and puts their IDs in ids.
func (im *Import) insertPending(ctx context.Context, tx *sql.Tx, ids []int64) error {
	created := im.w.timestamp()
	for i, p := range im.pending {
		m := p.m
		if m.TakenSource == "" || m.Taken.IsZero() {
			m.normImported(im.w.now()) // adopted by the scan
		}
		if err := insertMediaRow(ctx, tx, &m, created); err != nil {
			return fmt.Errorf("record %s: %w", m.OriginalName, err)
		}
		ids[i] = m.ID
	}
	return nil
}

// rollback removes the files this import renamed into media/ whose rows
// were not committed, releases their locks and marks them skipped.
func (im *Import) rollback() {
	for _, p := range im.pending {
		if p.placed {
			os.Remove(im.w.path(filepath.FromSlash(p.m.Path)))
		}
		r := &im.results[p.result]
		r.Outcome, r.Err = ImportSkipped, im.err
		if r.Err == nil {
			r.Err = context.Canceled
		}
		p.release()
	}
	for r, orig := range im.dupOf {
		if im.results[orig].Outcome == ImportSkipped {
			im.results[r].Outcome, im.results[r].Err = ImportSkipped, im.results[orig].Err
		}
	}
	im.pending = im.pending[:0]
	clear(im.byHash)
	im.dropIntent()
}

func (im *Import) dropIntent() {
	if im.intent == nil {
		return
	}
	im.intent.Close()
	os.Remove(im.intent.Name())
	im.intent = nil
}

// syncFolder makes renames in dir durable (see fsx.Rename, which does the
// same for one file; an import syncs each folder once per batch instead).
func syncFolder(dir string) error {
	if runtime.GOOS == "windows" {
		// NTFS journals the rename itself; a folder handle cannot be
		// flushed there.
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, errors.ErrUnsupported) {
		err = nil // CIFS and some FUSE file systems cannot sync a folder
	}
	return errors.Join(err, d.Close())
}

// hashKey names the content a lock is for; keys of different workspaces
// never meet.
type hashKey struct {
	w    *Workspace
	hash string
}

// keyedLocks lets one goroutine at a time handle a given content (store,
// adopt, delete, restore). An entry lives only while someone holds or
// waits for it, so the map stays small.
type keyedLocks struct {
	mu sync.Mutex
	m  map[hashKey]*keyedLock
}

type keyedLock struct {
	token chan struct{} // holds one value while the lock is held
	refs  int
}

var hashLocks keyedLocks

func (k *keyedLocks) entry(key hashKey) *keyedLock {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.m == nil {
		k.m = map[hashKey]*keyedLock{}
	}
	l := k.m[key]
	if l == nil {
		l = &keyedLock{token: make(chan struct{}, 1)}
		k.m[key] = l
	}
	l.refs++
	return l
}

func (k *keyedLocks) drop(key hashKey, l *keyedLock) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if l.refs--; l.refs == 0 {
		delete(k.m, key)
	}
}

func (k *keyedLocks) releaser(key hashKey, l *keyedLock) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			<-l.token
			k.drop(key, l)
		})
	}
}

// lock waits for the content's lock or ctx.
func (k *keyedLocks) lock(ctx context.Context, key hashKey) (func(), error) {
	l := k.entry(key)
	select {
	case l.token <- struct{}{}:
		return k.releaser(key, l), nil
	case <-ctx.Done():
		k.drop(key, l)
		return nil, ctx.Err()
	}
}

// tryLock takes the lock only if it is free.
func (k *keyedLocks) tryLock(key hashKey) (func(), bool) {
	l := k.entry(key)
	select {
	case l.token <- struct{}{}:
		return k.releaser(key, l), true
	default:
		k.drop(key, l)
		return nil, false
	}
}

// readIntent reads the complete lines of an intent file; a line cut short
// by a crash belongs to a rename that never happened.
func readIntent(path string) ([][2]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(b), "\n")
	var out [][2]string
	for _, line := range lines[:len(lines)-1] { // after the last newline: unfinished
		hash, rel, ok := strings.Cut(line, " ")
		if ok && isHash(hash) {
			out = append(out, [2]string{hash, rel})
		}
	}
	return out, nil
}

// stagingEntries lists the staging folder sorted by name; a missing folder
// is empty.
func stagingEntries(dir string) ([]fs.DirEntry, error) {
	es, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Name() < es[j].Name() })
	return es, err
}
