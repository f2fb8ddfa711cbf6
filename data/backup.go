package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"feedtakt/data/fsx"
)

// Backup rotation: the newest backup of each of the last dailyKeep days, the
// newest of each of the last monthlyKeep months, and the newest
// migrationKeep backups made before a schema migration.
const (
	dailyKeep     = 14
	monthlyKeep   = 12
	migrationKeep = 3
)

// backupTimeLayout names backups by the UTC time they were made ("Z" at the
// end), so names sort right across the October hour that repeats in local
// time. Names without the Z were made by older versions in local time.
const (
	backupTimeLayout      = "20060102-150405Z"
	backupLocalTimeLayout = "20060102-150405"
)

// BackupInfo describes one backup file in the backups folder.
type BackupInfo struct {
	Path string
	Time time.Time
	Size int64
	// Tag is "" for a daily backup, "vN" for one made before migrating from
	// schema version N.
	Tag string
}

// Backups lists the backups of the workspace, newest first. Files whose
// names do not follow the pattern are left alone and not listed.
func (w *Workspace) Backups() ([]BackupInfo, error) {
	entries, err := os.ReadDir(w.path(BackupsDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	var out []BackupInfo
	for _, e := range entries {
		b, ok := parseBackupName(e.Name())
		if !ok || e.IsDir() {
			continue
		}
		if fi, err := e.Info(); err == nil {
			b.Size = fi.Size()
		}
		b.Path = filepath.Join(w.path(BackupsDir), e.Name())
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

func parseBackupName(name string) (BackupInfo, bool) {
	rest, ok := strings.CutPrefix(name, "feedtakt-")
	if !ok {
		return BackupInfo{}, false
	}
	rest, ok = strings.CutSuffix(rest, ".db")
	if !ok || len(rest) < len(backupLocalTimeLayout) {
		return BackupInfo{}, false
	}
	layout, loc := backupLocalTimeLayout, time.Local
	if len(rest) >= len(backupTimeLayout) && rest[len(backupLocalTimeLayout)] == 'Z' {
		layout, loc = backupTimeLayout, time.UTC
	}
	t, err := time.ParseInLocation(layout, rest[:len(layout)], loc)
	if err != nil {
		return BackupInfo{}, false
	}
	tag := strings.TrimPrefix(rest[len(layout):], "-")
	return BackupInfo{Time: t.Local(), Tag: tag}, true
}

// Backup writes a copy of the database with VACUUM INTO, verifies it
// (integrity, application id, schema version) and only then gives it its
// final name; afterwards old backups are rotated out.
func (w *Workspace) Backup(ctx context.Context, tag string) (BackupInfo, error) {
	w.backupMu.Lock()
	defer w.backupMu.Unlock()
	return w.backup(ctx, tag)
}

func (w *Workspace) backup(ctx context.Context, tag string) (BackupInfo, error) {
	if err := os.MkdirAll(w.path(BackupsDir), 0o755); err != nil {
		return BackupInfo{}, w.fault("create backups folder", err)
	}
	t := w.now()
	name := "feedtakt-" + t.UTC().Format(backupTimeLayout)
	if tag != "" {
		name += "-" + tag
	}
	final := filepath.Join(w.path(BackupsDir), name+".db")
	part := final + ".part"
	os.Remove(part)
	// The file name is bound, not spliced into the statement: a folder
	// name with quotes stays a name.
	if _, err := w.db.ExecContext(ctx, "VACUUM INTO ?", part); err != nil {
		os.Remove(part)
		return BackupInfo{}, w.fault("write backup", err)
	}
	if err := syncFile(part); err != nil {
		os.Remove(part)
		return BackupInfo{}, w.fault("write backup", err)
	}
	if err := verifyDatabase(ctx, part); err != nil {
		os.Remove(part)
		return BackupInfo{}, fmt.Errorf("verify backup: %w", err)
	}
	if err := fsx.Rename(part, final); err != nil {
		os.Remove(part)
		return BackupInfo{}, w.fault("write backup", err)
	}
	info := BackupInfo{Path: final, Time: t, Tag: tag}
	if fi, err := os.Stat(final); err == nil {
		info.Size = fi.Size()
	}
	if err := w.rotateBackups(); err != nil {
		return info, err
	}
	return info, nil
}

// BackupIfDue makes the daily backup unless one was made today already.
// The app calls it in the background after opening.
func (w *Workspace) BackupIfDue(ctx context.Context) (BackupInfo, bool, error) {
	if w.readOnly {
		return BackupInfo{}, false, nil
	}
	w.backupMu.Lock()
	defer w.backupMu.Unlock()
	bs, err := w.Backups()
	if err != nil {
		return BackupInfo{}, false, err
	}
	now := w.now()
	for _, b := range bs {
		if b.Tag == "" && SameDay(b.Time, now) {
			return b, false, nil
		}
	}
	b, err := w.backup(ctx, "")
	return b, err == nil, err
}

// rotateBackups removes backups that the rotation no longer keeps.
func (w *Workspace) rotateBackups() error {
	bs, err := w.Backups()
	if err != nil {
		return err
	}
	keep := map[string]bool{}
	days := map[string]bool{}
	months := map[string]bool{}
	migrations := 0
	for i, b := range bs { // newest first
		if i == 0 {
			keep[b.Path] = true
		}
		if b.Tag != "" {
			if migrations < migrationKeep {
				keep[b.Path] = true
			}
			migrations++
			continue
		}
		d := b.Time.Format("2006-01-02")
		if !days[d] && len(days) < dailyKeep {
			days[d] = true
			keep[b.Path] = true
		}
		m := b.Time.Format("2006-01")
		if !months[m] && len(months) < monthlyKeep {
			months[m] = true
			keep[b.Path] = true
		}
	}
	var errs []error
	for _, b := range bs {
		if !keep[b.Path] {
			if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// verifyDatabase opens a database file read-only (immutable, so nothing is
// written next to it) and checks integrity, application id and version.
func verifyDatabase(ctx context.Context, path string) error {
	if _, err := inspectHeader(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", sqliteDSN(path, "immutable=1", "_pragma=query_only(1)"))
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("%w: %s", ErrDamaged, res)
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// restoreFault is a test hook: an error it returns for a step stops the
// restore there, as a kill or a full disk would.
var restoreFault = func(step string) error { return nil }

// restoreNewestBackup puts the newest backup that still verifies in place of
// the damaged database and keeps the damaged file under a new name. At no
// moment is the folder without a feedtakt.db: the backup is copied in under
// a temporary name and verified there, the damaged file is kept through a
// second name (a hard link, else a copy), and one rename swaps the two.
// cause is the failed integrity check, returned (wrapped) when no backup
// can help.
func (w *Workspace) restoreNewestBackup(ctx context.Context, cause error) error {
	bs, err := w.Backups()
	if err != nil {
		return fmt.Errorf("%w; %v", cause, err)
	}
	var src *BackupInfo
	for i := range bs {
		if verifyDatabase(ctx, bs[i].Path) == nil {
			src = &bs[i]
			break
		}
	}
	if src == nil {
		return fmt.Errorf("%w (no usable backup)", cause)
	}
	w.db.Close()
	w.db = nil
	dbPath := w.path(DBName)
	incoming := dbPath + ".restore"
	os.Remove(incoming)
	fail := func(doing string, err error) error {
		os.Remove(incoming)
		return fmt.Errorf("restore backup %s: %s: %w", filepath.Base(src.Path), doing, err)
	}
	if err := copyFile(src.Path, incoming); err != nil {
		return fail("copy", err)
	}
	if err := restoreFault("copied"); err != nil {
		return fail("copy", err)
	}
	if err := verifyDatabase(ctx, incoming); err != nil {
		return fail("verify copy", err)
	}
	damaged := dbPath + ".beschaedigt-" + w.now().UTC().Format(backupTimeLayout)
	if err := keepAside(dbPath, damaged); err != nil {
		return fail("keep damaged database", err)
	}
	if err := restoreFault("kept"); err != nil {
		return fail("keep damaged database", err)
	}
	// The -wal and -shm files belong to the damaged file; left in place they
	// would be replayed onto the restored one.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Rename(dbPath+suffix, damaged+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fail("keep damaged journal", err)
		}
	}
	if err := restoreFault("journal kept"); err != nil {
		return fail("keep damaged journal", err)
	}
	if err := fsx.Rename(incoming, dbPath); err != nil {
		return fail("swap", err)
	}
	db, err := sql.Open("sqlite", sqliteDSN(dbPath, "_pragma=synchronous(FULL)"))
	if err != nil {
		return err
	}
	w.db = db
	if err := w.checkIntegrity(ctx); err != nil {
		return fmt.Errorf("restored backup: %w", err)
	}
	w.restored = &Restore{BackupTime: src.Time, DamagedPath: damaged}
	return nil
}

// keepAside gives the file at path a second name, so it survives being
// replaced: a hard link where the filesystem has them, else a copy.
func keepAside(path, aside string) error {
	if err := os.Link(path, aside); err == nil {
		return syncDirOf(aside)
	}
	return copyFile(path, aside)
}

func syncDirOf(path string) error {
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer d.Close()
	d.Sync() // not every OS syncs folders (Windows); the link is made anyway
	return nil
}

// copyFile copies src to dst through a .part file, so dst is either the
// old file or the complete copy.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := fsx.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Abort()
		return err
	}
	return out.Commit()
}

// copyPlain copies src to a new file dst without syncing: for throw-away
// copies in a temp folder.
func copyPlain(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
