package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"feedtakt/data/fsx"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Names of the files and folders inside a workspace folder.
const (
	DBName     = "feedtakt.db"
	LockName   = "feedtakt.lock"
	MediaDir   = "media"
	ThumbsDir  = "thumbs"
	BackupsDir = "backups"
)

// DefaultZone is the zone name stored with a post's local date and time.
const DefaultZone = "Europe/Berlin"

// Actor is who makes changes: the person's display name and the PC, both
// written into the change log and the lock file.
type Actor struct {
	Person string
	PC     string
}

// Options tune how a workspace is opened.
type Options struct {
	Actor Actor
	// ReadOnly opens without taking the lock and without writing anything
	// (used by "feedtakt check").
	ReadOnly bool
	// Now returns the current time; nil means time.Now. Tests set it.
	Now func() time.Time
	// Delay makes every read and every write transaction wait this long
	// first. Tests use it to prove that the window never waits for the
	// database; it is zero in the app.
	Delay time.Duration
}

// Restore tells what happened when the integrity check failed at open and a
// backup was put in place of the damaged database.
type Restore struct {
	BackupTime  time.Time // when the restored backup was made
	DamagedPath string    // where the damaged file was kept
}

// Workspace is an open workspace folder. Its methods are safe for use from
// several goroutines: writes go through one connection (db) in immediate
// transactions, reads through a pool (rdb) that in WAL mode never waits for
// a long write such as an import.
type Workspace struct {
	dir   string
	db    *sql.DB // the write pool: one connection
	rdb   *sql.DB // the read pool; the same as db for a read-only open
	lock  *fsx.Lock
	delay time.Duration

	actorMu sync.RWMutex
	actor   Actor

	now      func() time.Time
	readOnly bool
	heldBy   *fsx.Owner
	network  bool
	restored *Restore
	// immutable marks a read-only open for "check": nobody else had the
	// workspace open, so SQLite may skip locking and journals entirely.
	immutable bool
	// copyDir is the temp folder holding a copy of the database and its WAL
	// when a read-only open had to read one (see openCopy); removed at Close.
	copyDir string
	// backupMu serialises backups: two at once would share a file name
	// (one-second resolution) and overwrite each other's .part.
	backupMu sync.Mutex
}

// Dir is the workspace folder.
func (w *Workspace) Dir() string { return w.dir }

// ReadOnly reports whether writes are refused (another person has it open,
// the folder is not writable, or read-only was asked for).
func (w *Workspace) ReadOnly() bool { return w.readOnly }

// HeldBy returns who holds the lock when the workspace was opened read-only
// because someone else has it open, or nil.
func (w *Workspace) HeldBy() *fsx.Owner { return w.heldBy }

// Network reports whether the workspace lies on a network path (and so runs
// with the DELETE journal instead of WAL).
func (w *Workspace) Network() bool { return w.network }

// Restored returns what was restored at open after a failed integrity
// check, or nil.
func (w *Workspace) Restored() *Restore { return w.restored }

// Actor returns who is recorded as making changes.
func (w *Workspace) Actor() Actor {
	w.actorMu.RLock()
	defer w.actorMu.RUnlock()
	return w.actor
}

// SetActor changes the person recorded in the change log (after the display
// name was edited in the settings). Safe while other goroutines write.
func (w *Workspace) SetActor(a Actor) {
	w.actorMu.Lock()
	w.actor = a
	w.actorMu.Unlock()
}

// reader is the pool for queries. It waits for the test delay first.
func (w *Workspace) reader() *sql.DB {
	w.pause()
	return w.rdb
}

// pause is the test hook of Options.Delay.
func (w *Workspace) pause() {
	if w.delay > 0 {
		time.Sleep(w.delay)
	}
}

func (w *Workspace) path(name string) string { return filepath.Join(w.dir, name) }

// Close releases the database and the lock.
func (w *Workspace) Close() error {
	var errs []error
	if w.rdb != nil && w.rdb != w.db {
		errs = append(errs, w.rdb.Close())
	}
	if w.db != nil {
		errs = append(errs, w.db.Close())
	}
	if w.lock != nil {
		errs = append(errs, w.lock.Release())
	}
	if w.copyDir != "" {
		errs = append(errs, os.RemoveAll(w.copyDir))
	}
	return errors.Join(errs...)
}

// Open opens an existing workspace folder. It refuses, without writing a
// byte to it, a database that is empty, not SQLite, truncated, of another
// application or of a newer Feedtakt. If another process holds the lock the
// workspace opens read-only and HeldBy says who has it. A failed integrity
// check restores the newest verified backup (see Restored).
func Open(ctx context.Context, dir string, opt Options) (*Workspace, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := folderExists(dir); err != nil {
		return nil, err
	}
	dbPath := filepath.Join(dir, DBName)
	if _, err := os.Stat(dbPath); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("open %s: %w", dir, ErrNoWorkspace)
	} else if err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	if _, err := inspectHeader(dbPath); err != nil {
		return nil, fmt.Errorf("open %s: %w", dbPath, err)
	}

	w := &Workspace{dir: dir, actor: opt.Actor, now: opt.Now, delay: opt.Delay, readOnly: opt.ReadOnly, immutable: opt.ReadOnly}
	if w.now == nil {
		w.now = time.Now
	}
	w.network = fsx.IsNetworkPath(dir)
	if err := w.checkPendingWAL(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", dbPath, err)
	}
	if !opt.ReadOnly {
		if err := w.takeLock(); err != nil {
			return nil, err
		}
	}
	if err := w.openDB(ctx); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

func folderExists(dir string) error {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("open %s: %w", dir, ErrNoWorkspace)
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("open %s: %w", dir, fsx.ErrNotDir)
	}
	return nil
}

// takeLock takes the OS lock. Held by someone else, or a folder we may not
// write to, means read-only rather than failure: the colleague can still
// look at the plan.
func (w *Workspace) takeLock() error {
	owner := fsx.Owner{Person: w.actor.Person, PC: w.actor.PC, Since: w.now(), PID: os.Getpid()}
	lock, err := fsx.Acquire(w.path(LockName), owner)
	var held *fsx.HeldError
	switch {
	case err == nil:
		w.lock = lock
	case errors.As(err, &held):
		w.readOnly = true
		o := held.Owner
		w.heldBy = &o
	case fsx.IsPermission(err):
		// We may not write the lock file, but it can still tell who has
		// the workspace open.
		w.readOnly = true
		if held, o := fsx.Probe(w.path(LockName)); held {
			w.heldBy = &o
		}
	default:
		return fmt.Errorf("lock %s: %w", w.dir, err)
	}
	return nil
}

// sqliteDSN builds a file: URI that SQLite accepts for local, drive-letter
// and UNC paths alike, with the pragmas set explicitly (modernc's defaults
// leave foreign keys off and no busy timeout).
func sqliteDSN(path string, params ...string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	// "file:////server/share/x" keeps a UNC path; an authority other than
	// localhost is refused by SQLite.
	u := "file://" + (&url.URL{Path: p}).EscapedPath()
	q := append([]string{
		"_pragma=foreign_keys(1)",
		"_pragma=busy_timeout(5000)",
		"_txlock=immediate",
	}, params...)
	return u + "?" + strings.Join(q, "&")
}

func (w *Workspace) openDB(ctx context.Context) error {
	if w.db != nil {
		// checkPendingWAL already opened a copy for "check".
		if err := w.checkIntegrity(ctx); err != nil {
			return err
		}
		w.rdb = w.db
		return nil
	}
	dbPath := w.path(DBName)
	db, err := sql.Open("sqlite", sqliteDSN(dbPath, w.openParams()...))
	if err != nil {
		return fmt.Errorf("open %s: %w", dbPath, err)
	}
	w.db = db
	err = w.checkIntegrity(ctx)
	if err != nil && !w.readOnly && (isReadOnlyDirectory(err) || isCantOpen(err)) {
		// The lock file and feedtakt.db may be writable while the folder is
		// not: SQLite then cannot create the -wal file (READONLY_DIRECTORY).
		// Give the lock back and read, like in any folder we may not write.
		db.Close()
		w.db = nil
		if w.lock != nil {
			w.lock.Release()
			w.lock = nil
		}
		w.readOnly = true
		return w.openDB(ctx)
	}
	if err != nil && w.readOnly && !w.immutable && (isCantOpen(err) || isReadOnlyDirectory(err)) {
		db.Close()
		err = w.reopenAsItIs(ctx)
	}
	if err == nil && w.readOnly {
		// What SQLite reads may differ from the main file's header when a
		// colleague's WAL is not yet checkpointed.
		err = effectiveHeader(ctx, w.db)
	}
	if err != nil {
		if err := w.recover(ctx, err); err != nil {
			return err
		}
	}
	if w.readOnly {
		w.rdb = w.db
		return nil
	}
	return w.prepareForWriting(ctx)
}

// openParams are the connection settings of the first connection: immutable
// for "check" when nobody has the workspace open, read-only for a second
// person or a folder we may not write, full sync otherwise.
func (w *Workspace) openParams() []string {
	switch {
	case w.immutable && !w.lockHeldElsewhere():
		// Only for "check": nobody has it open and no WAL is pending (else
		// checkPendingWAL opened a copy), and immutable reads create no
		// -wal/-shm files, so a healthy workspace stays byte-for-byte as
		// it was. A session that is read-only because the folder is not
		// writable must not use it: a colleague may write meanwhile.
		return []string{"immutable=1", "_pragma=query_only(1)"}
	case w.readOnly:
		return []string{"mode=ro", "_pragma=query_only(1)"}
	default:
		return []string{"_pragma=synchronous(FULL)"}
	}
}

// reopenAsItIs reads a WAL database in a folder we may not write to: SQLite
// cannot make the shared-memory file a read-only reader needs (CANTOPEN, or
// READONLY_DIRECTORY when the folder is read-only). It reads the file as it
// is, or a copy with its WAL if one is pending; changes a colleague makes
// show after reopening.
func (w *Workspace) reopenAsItIs(ctx context.Context) error {
	dbPath := w.path(DBName)
	w.db = nil
	var err error
	if walSize(dbPath) > walHeaderSize {
		if w.db, w.copyDir, err = openCopy(ctx, dbPath); err != nil {
			return fmt.Errorf("open %s: %w", dbPath, err)
		}
	} else if w.db, err = sql.Open("sqlite", sqliteDSN(dbPath, "immutable=1", "_pragma=query_only(1)")); err != nil {
		return fmt.Errorf("open %s: %w", dbPath, err)
	}
	return w.checkIntegrity(ctx)
}

// recover answers a failed first look at the database: damage in a
// workspace we may write is repaired from the newest verified backup;
// anything else, or any failure read-only, is returned.
func (w *Workspace) recover(ctx context.Context, err error) error {
	if isCorrupt(err) && w.readOnly && !errors.Is(err, ErrDamaged) {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if !isCorrupt(err) || w.readOnly {
		return err
	}
	return w.restoreNewestBackup(ctx, err)
}

// prepareForWriting sets the journal, sweeps leftovers, makes the folders,
// migrates (after a backup) and opens the read pool.
func (w *Workspace) prepareForWriting(ctx context.Context) error {
	mode := "WAL"
	if w.network {
		// WAL needs shared memory, which network filesystems do not provide.
		mode = "DELETE"
	}
	if _, err := w.db.ExecContext(ctx, "PRAGMA journal_mode = "+mode); err != nil {
		return w.fault("set journal mode", err)
	}
	// data/media_staging.go: reads no more than staging, never all of media/.
	if err := w.sweepAtOpen(ctx); err != nil {
		return fmt.Errorf("sweep leftovers in %s: %w", w.dir, err)
	}
	for _, d := range []string{MediaDir, ThumbsDir, BackupsDir} {
		if err := os.MkdirAll(w.path(d), 0o755); err != nil {
			return w.fault("create "+d, err)
		}
	}
	if err := w.migrateWithBackup(ctx); err != nil {
		return err
	}
	return w.openReadPool()
}

// openReadPool opens the connections for queries once the schema is current.
// The writer is limited to one connection: SQLite allows one writer anyway,
// and one connection makes "immediate" transactions queue in Go instead of
// timing out in SQLite.
func (w *Workspace) openReadPool() error {
	w.db.SetMaxOpenConns(1)
	rdb, err := sql.Open("sqlite", sqliteDSN(w.path(DBName), "_pragma=query_only(1)"))
	if err != nil {
		return fmt.Errorf("open %s: %w", w.path(DBName), err)
	}
	rdb.SetMaxOpenConns(4)
	w.rdb = rdb
	return nil
}

// lockHeldElsewhere reports whether another process holds the OS lock,
// without writing to the lock file.
func (w *Workspace) lockHeldElsewhere() bool {
	held, _ := fsx.Probe(w.path(LockName))
	return held
}

// checkIntegrity runs quick_check; a corrupt file comes back as an error
// that isCorrupt recognises.
func (w *Workspace) checkIntegrity(ctx context.Context) error {
	rows, err := w.db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("integrity check: %w: %s", ErrDamaged, strings.Join(problems, "; "))
	}
	return nil
}

// checkPendingWAL looks at what SQLite would read when feedtakt.db-wal holds
// frames nobody has checkpointed (after a crash, or a newer Feedtakt that
// was killed): the data version there may be newer than the main file's
// header says. It reads a copy, so a version we refuse is never merged into
// feedtakt.db. With the lock held elsewhere the holder owns the WAL; the
// read-only open checks the version itself. A read-only open ("check")
// keeps the copy as its database.
func (w *Workspace) checkPendingWAL(ctx context.Context) error {
	dbPath := w.path(DBName)
	if walSize(dbPath) <= walHeaderSize || w.lockHeldElsewhere() {
		return nil
	}
	db, tmp, err := openCopy(ctx, dbPath)
	if err != nil {
		return err
	}
	err = effectiveHeader(ctx, db)
	if err == nil && w.immutable {
		w.db, w.copyDir = db, tmp
		return nil
	}
	db.Close()
	os.RemoveAll(tmp)
	if err != nil && isCorrupt(err) && !w.readOnly {
		// Damage is for the integrity check and the restore at open.
		return nil
	}
	return err
}

// openCopy copies the database and its WAL into a new temp folder and opens
// the copy, so SQLite replays the WAL there, showing what it would show in
// place, while the workspace stays exactly as it is.
func openCopy(ctx context.Context, dbPath string) (*sql.DB, string, error) {
	tmp, err := os.MkdirTemp("", "feedtakt-read-")
	if err != nil {
		return nil, "", fmt.Errorf("copy database for reading: %w", err)
	}
	dst := filepath.Join(tmp, DBName)
	for _, suffix := range []string{"", "-wal"} {
		if err := copyPlain(dbPath+suffix, dst+suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			os.RemoveAll(tmp)
			return nil, "", fmt.Errorf("copy database for reading: %w", err)
		}
	}
	db, err := sql.Open("sqlite", sqliteDSN(dst, "_pragma=query_only(1)"))
	if err != nil {
		os.RemoveAll(tmp)
		return nil, "", fmt.Errorf("open copy of %s: %w", dbPath, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		os.RemoveAll(tmp)
		return nil, "", fmt.Errorf("open copy of %s: %w", dbPath, err)
	}
	return db, tmp, nil
}

// effectiveHeader refuses a database whose data version or application id,
// as SQLite reads them (WAL included), is not ours.
func effectiveHeader(ctx context.Context, db *sql.DB) error {
	var h sqliteHeader
	var id int64
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&h.userVersion); err != nil {
		return fmt.Errorf("read data version: %w", err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return fmt.Errorf("read application id: %w", err)
	}
	h.applicationID = uint32(id)
	return h.ours()
}

func isReadOnlyDirectory(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_READONLY_DIRECTORY
}

func isCantOpen(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CANTOPEN
}

func isCorrupt(err error) bool {
	if errors.Is(err, ErrDamaged) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return true
		}
	}
	return false
}

// migrateWithBackup brings an older schema up to date, after a verified
// backup of the old file.
func (w *Workspace) migrateWithBackup(ctx context.Context) error {
	var v int
	if err := w.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return w.fault("read schema version", err)
	}
	if v == SchemaVersion() {
		return nil
	}
	if v > 0 {
		if _, err := w.Backup(ctx, fmt.Sprintf("v%d", v)); err != nil {
			return fmt.Errorf("backup before migration: %w", err)
		}
	}
	if err := migrate(ctx, w.db); err != nil {
		return w.fault("migrate", err)
	}
	return nil
}

// fault wraps an error from the database or the folder. If the folder or the
// database file has vanished, it says so with ErrWorkspaceGone, because
// "disk I/O error" tells a person nothing.
func (w *Workspace) fault(doing string, err error) error {
	if err == nil {
		return nil
	}
	if w.gone() {
		return fmt.Errorf("%s: %w (%v)", doing, ErrWorkspaceGone, err)
	}
	return fmt.Errorf("%s: %w", doing, err)
}

func (w *Workspace) gone() bool {
	_, err := os.Stat(w.path(DBName))
	return errors.Is(err, fs.ErrNotExist)
}

// Check reports whether the workspace is still reachable, for a periodic
// look from the UI (a network drive can drop at any time).
func (w *Workspace) Check() error {
	if w.gone() {
		return ErrWorkspaceGone
	}
	return nil
}

// Create makes a new workspace in dir, which must not exist or be empty; a
// folder that already holds a database is never initialised over. The
// database is built as feedtakt.db.part and renamed when complete, so a
// crash leaves no half workspace.
func Create(ctx context.Context, dir string, init Initial, opt Options) (*Workspace, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := prepareNewFolder(dir); err != nil {
		return nil, err
	}
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	part := filepath.Join(dir, DBName+".part")
	os.Remove(part)
	if err := buildDatabase(ctx, part, init, opt.Actor, now()); err != nil {
		os.Remove(part)
		return nil, fmt.Errorf("create workspace in %s: %w", dir, err)
	}
	if err := fsx.Rename(part, filepath.Join(dir, DBName)); err != nil {
		os.Remove(part)
		return nil, fmt.Errorf("create workspace in %s: %w", dir, err)
	}
	return Open(ctx, dir, opt)
}

// prepareNewFolder accepts a missing or empty folder (system files such as
// desktop.ini do not count) and makes it.
func prepareNewFolder(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", dir, err)
		}
	case err != nil:
		return fmt.Errorf("create %s: %w", dir, err)
	case !st.IsDir():
		return fmt.Errorf("create %s: %w", dir, fsx.ErrNotDir)
	default:
		if _, err := os.Stat(filepath.Join(dir, DBName)); err == nil {
			return fmt.Errorf("create %s: %w", dir, ErrFolderNotEmpty)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("create %s: %w", dir, err)
		}
		for _, e := range entries {
			switch strings.ToLower(e.Name()) {
			case "desktop.ini", "thumbs.db", ".ds_store", DBName + ".part":
				continue
			}
			return fmt.Errorf("create %s: %w", dir, ErrFolderNotEmpty)
		}
	}
	if err := fsx.CheckDir(dir); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	return nil
}

func buildDatabase(ctx context.Context, path string, init Initial, actor Actor, now time.Time) error {
	db, err := sql.Open("sqlite", sqliteDSN(path, "_pragma=journal_mode(DELETE)", "_pragma=synchronous(FULL)"))
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return fmt.Errorf("set application id: %w", err)
	}
	if err := migrate(ctx, db); err != nil {
		return err
	}
	w := &Workspace{db: db, actor: actor, now: func() time.Time { return now }}
	if err := w.seed(ctx, init); err != nil {
		return err
	}
	return db.Close()
}
