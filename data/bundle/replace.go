package bundle

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"feedtakt/data"
	"feedtakt/data/fsx"
)

// readyName marks a .part folder that is complete and checked: only the
// rename to the workspace folder is missing. Like markerName it ends in
// .part, so the sweep at open removes it should it survive.
const readyName = ".feedtakt-unbundle-ready.part"

// Replaced tells where Replace put things.
type Replaced struct {
	Dir    string // the workspace folder, now holding the bundle's workspace
	Aside  string // the old workspace folder, kept whole under a new name
	Backup string // the verified backup of the old database, in Dir's backups folder
}

// replaceStep is a test hook: an error it returns for a step stops
// Replace there, as a failure would; a test helper process exits in it,
// as a kill would.
var replaceStep = func(step string) error { return nil }

// Replace puts the bundle at path in place of the existing workspace in
// dir, which must not be open anywhere (the caller closes its own). It
// takes the workspace's lock, checks the whole bundle, makes a verified
// backup of the database, unpacks the bundle into dir+".part" (read back,
// database checked) with a copy of that backup in its backups folder, and
// then swaps the folders: the old one is renamed to "<dir> (vor Paket
// <date time>)" and kept (media only it has are not lost), the new one
// takes its name.
//
// A failure before the swap leaves dir as it was (a new backup in its
// backups folder at most). A kill leaves dir as it was plus a .part the
// next attempt removes, or, between the two renames, no dir but a ready
// .part, which Resume (called by Replace, and by the app before opening)
// renames into place.
func Replace(ctx context.Context, path, dir string, opt data.Options, progress func(done, total int64)) (Replaced, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return Replaced{}, err
	}
	if err := Resume(dir); err != nil {
		return Replaced{}, err
	}
	part := dir + ".part"
	if err := removeLeftover(part); err != nil {
		return Replaced{}, err
	}
	ws, err := openToReplace(ctx, dir, opt)
	if err != nil {
		return Replaced{}, err
	}
	// Until the swap the lock is held, so nobody opens the workspace
	// meanwhile; Close is safe twice.
	defer ws.Close()
	res, err := prepareReplacement(ctx, path, ws, part, progress)
	if err != nil {
		os.RemoveAll(part)
		return Replaced{}, err
	}
	// Windows renames no folder with open files: the lock goes first.
	if err := ws.Close(); err != nil {
		os.RemoveAll(part)
		return Replaced{}, fmt.Errorf("close %s: %w", dir, err)
	}
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	res.Aside = asideName(dir, now())
	if err := swap(dir, part, res.Aside); err != nil {
		return Replaced{}, err
	}
	res.Dir = dir
	res.Backup = filepath.Join(dir, data.BackupsDir, filepath.Base(res.Backup))
	return res, nil
}

// openToReplace opens the workspace with its lock. Open elsewhere (or
// here, in the app) it is refused, naming who has it.
func openToReplace(ctx context.Context, dir string, opt data.Options) (*data.Workspace, error) {
	opt.ReadOnly = false
	ws, err := data.Open(ctx, dir, opt)
	if err != nil {
		return nil, err
	}
	if !ws.ReadOnly() {
		return ws, nil
	}
	held := ws.HeldBy()
	ws.Close()
	if held != nil {
		return nil, fmt.Errorf("replace %s: %w", dir, &fsx.HeldError{Path: filepath.Join(dir, data.LockName), Owner: *held})
	}
	return nil, fmt.Errorf("replace %s: %w", dir, fsx.ErrNotWritable)
}

// prepareReplacement checks the bundle, backs the workspace up and
// unpacks the bundle into part, ready for the swap. res.Backup is the
// backup in the old workspace.
func prepareReplacement(ctx context.Context, path string, ws *data.Workspace, part string, progress func(done, total int64)) (Replaced, error) {
	o, err := openBundle(path)
	if err != nil {
		return Replaced{}, err
	}
	defer o.Close()
	if err := o.check(ctx); err != nil {
		return Replaced{}, fmt.Errorf("check bundle %s: %w", path, err)
	}
	total := 3 * o.manifest.Payload()
	done := int64(0)
	advance := func(n int64) {
		done += n
		if progress != nil {
			progress(done, total)
		}
	}
	if err := o.hashAll(ctx, advance); err != nil {
		return Replaced{}, fmt.Errorf("check bundle %s: %w", path, err)
	}
	// The bundle is sound: now the backup, before anything is written.
	b, err := ws.Backup(ctx, "")
	if err != nil {
		return Replaced{}, fmt.Errorf("back up %s: %w", ws.Dir(), err)
	}
	if err := replaceStep("backup"); err != nil {
		return Replaced{}, err
	}
	if err := o.unpackInto(ctx, part, advance); err != nil {
		return Replaced{}, fmt.Errorf("unpack %s: %w", path, err)
	}
	if err := checkUnpacked(ctx, part); err != nil {
		return Replaced{}, fmt.Errorf("unpack %s: %w", path, err)
	}
	if err := copyVerified(b.Path, filepath.Join(part, data.BackupsDir, filepath.Base(b.Path))); err != nil {
		return Replaced{}, fmt.Errorf("copy the backup into the new workspace: %w", err)
	}
	if err := fsx.WriteFile(filepath.Join(part, readyName), []byte("feedtakt unbundle: ready\n"), 0o644); err != nil {
		return Replaced{}, err
	}
	if err := replaceStep("ready"); err != nil {
		return Replaced{}, err
	}
	return Replaced{Backup: b.Path}, nil
}

// renameDir renames a folder (a test hook: a folder Windows will not
// rename because a file in it is open).
var renameDir = fsx.Rename

// swap renames dir to aside and part to dir. If the second rename fails,
// the first is undone; if that fails too, the ready part stays for
// Resume.
func swap(dir, part, aside string) error {
	if err := renameDir(dir, aside); err != nil {
		os.RemoveAll(part)
		return fmt.Errorf("move %s aside: %w (%w)", dir, ErrFolderBusy, err)
	}
	if err := replaceStep("aside"); err != nil {
		return err
	}
	if err := renameDir(part, dir); err != nil {
		if uerr := renameDir(aside, dir); uerr != nil {
			// Neither: the ready part stays for Resume.
			return fmt.Errorf("move the new workspace into %s: %w; move the old one back: %w", dir, err, uerr)
		}
		os.RemoveAll(part)
		return fmt.Errorf("move the new workspace into %s: %w (%w)", dir, ErrFolderBusy, err)
	}
	if err := replaceStep("swapped"); err != nil {
		return err
	}
	// The markers are harmless leftovers the next open sweeps.
	os.Remove(filepath.Join(dir, readyName))
	os.Remove(filepath.Join(dir, markerName))
	return nil
}

// Resume finishes a replacement (or an unpack) that was interrupted
// between moving the old workspace aside and moving the new one into
// place: if dir is missing and dir+".part" is complete and checked, it
// becomes dir. Otherwise it does nothing.
func Resume(dir string) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	part := dir + ".part"
	if _, err := os.Lstat(filepath.Join(part, readyName)); err != nil {
		return nil
	}
	if err := fsx.Rename(part, dir); err != nil {
		return fmt.Errorf("finish replacing %s: %w", dir, err)
	}
	os.Remove(filepath.Join(dir, readyName))
	os.Remove(filepath.Join(dir, markerName))
	return nil
}

// asideName is where the old workspace goes: "<dir> (vor Paket
// 2026-12-03 0912)", with a number added should that exist.
func asideName(dir string, t time.Time) string {
	base := fmt.Sprintf("%s (vor Paket %s)", dir, t.Local().Format("2006-01-02 1504"))
	name := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s (vor Paket %s, %d)", dir, t.Local().Format("2006-01-02 1504"), i)
	}
}

// copyVerified copies src to dst (through a synced .part file) and reads
// the copy back against src's hash.
func copyVerified(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := fsx.Create(dst)
	if err != nil {
		return err
	}
	defer out.Abort()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, h), in)
	if err != nil {
		return err
	}
	if err := out.Commit(); err != nil {
		return err
	}
	return readBackFile(context.Background(), dst, Entry{Path: filepath.Base(dst), Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, make([]byte, copyBufSize), nil)
}
