package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"feedtakt/data/mediainfo"
)

// FileImport is what ImportFiles did: one result per file found, in the
// order the files were found, and how many of them failed (unreadable or
// damaged; an unsupported file type is skipped but is no failure).
type FileImport struct {
	Results []ImportResult
	Failed  int
}

// Count returns how many results have the given outcome.
func (fi FileImport) Count(o ImportOutcome) int {
	n := 0
	for _, r := range fi.Results {
		if r.Outcome == o {
			n++
		}
	}
	return n
}

// ImportFilesOptions tune ImportFiles. Both callbacks may be nil.
type ImportFilesOptions struct {
	// Progress is told before each file: how many are done, of how many,
	// and the file's name.
	Progress func(done, total int, current string)
	// Thumbnail is called after the import committed, once per new
	// picture (the app and the command line make thumbnails with it).
	Thumbnail func(ctx context.Context, m Media) error
}

// ImportFiles imports files and folders (folders recursively) into the
// Mediathek, reading each file's metadata first (data/mediainfo): kind and
// pixel size by content, Aufnahmedatum, orientation, camera, GPS, and the
// XMP/IPTC texts. It is the one import both the window and "feedtakt
// import" use. A cancelled ctx stops between files; what was imported
// until then stays and is reported.
func (w *Workspace) ImportFiles(ctx context.Context, paths []string, opt ImportFilesOptions) (FileImport, error) {
	var out FileImport
	files, walkErrs := collectFiles(ctx, paths)
	im := w.NewImport(DefaultImportBatch)
	defer im.Abort()
	for _, we := range walkErrs {
		im.Skip(we.name, we.err)
		out.Failed++
	}
	for i, p := range files {
		if ctx.Err() != nil {
			break
		}
		if opt.Progress != nil {
			opt.Progress(i, len(files), filepath.Base(p))
		}
		failed, err := w.importOne(ctx, im, p)
		if err != nil {
			return out, err
		}
		if failed {
			out.Failed++
		}
	}
	results, err := im.Finish(ctx)
	out.Results = results
	if opt.Progress != nil {
		opt.Progress(len(files), len(files), "")
	}
	if err != nil {
		return out, err
	}
	if opt.Thumbnail != nil {
		for _, r := range results {
			if r.Outcome == ImportAdded && r.Media.Kind == "image" && ctx.Err() == nil {
				// A thumbnail that fails is made again when it is missing;
				// the import stands either way.
				_ = opt.Thumbnail(ctx, r.Media)
			}
		}
	}
	return out, ctx.Err()
}

// importOne reads one file's metadata and streams it into im. failed is
// true when the file could not be taken for a reason other than its type;
// err is an error that stops the whole import (the workspace, not the file).
func (w *Workspace) importOne(ctx context.Context, im *Import, path string) (failed bool, err error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		im.Skip(name, fmt.Errorf("open %s: %w", name, err))
		return true, nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		im.Skip(name, fmt.Errorf("open %s: %w", name, err))
		return true, nil
	}
	info, err := mediainfo.Read(f, st.Size(), name)
	if err != nil {
		im.Skip(name, fmt.Errorf("%s: %w", name, err))
		return !errors.Is(err, mediainfo.ErrUnsupported), nil
	}
	if _, err := f.Seek(0, 0); err != nil {
		im.Skip(name, fmt.Errorf("read %s: %w", name, err))
		return true, nil
	}
	res, err := im.Add(ctx, f, mediaFromInfo(name, info, st.ModTime()))
	if err != nil {
		return false, err
	}
	return res.Outcome == ImportSkipped, nil
}

// mediaFromInfo fills the fields of a new item from what the file says.
func mediaFromInfo(name string, info mediainfo.Info, mtime time.Time) Media {
	m := Media{
		OriginalName: name,
		storeExt:     info.Format.Ext(),
		Kind:         string(info.Kind),
		Title:        info.Title,
		AltText:      info.AltText,
		Credit:       info.Credit,
		Creator:      info.Creator,
		Rights:       info.Rights,
		UsageTerms:   info.UsageTerms,
		Tags:         info.Tags,
		Orientation:  info.Orientation,
		Camera:       info.Camera(),
		HasGPS:       info.HasGPS,
		Duration:     info.Duration,
		Pages:        info.Pages,
		FileTime:     mtime,
	}
	m.Width, m.Height = info.Displayed()
	switch info.DateFrom {
	case mediainfo.DateEXIF, mediainfo.DateXMP:
		m.Taken, m.TakenZoneKnown, m.TakenSource = info.Taken, info.TakenZone, TakenFromEXIF
	case mediainfo.DateContainer:
		m.Taken, m.TakenZoneKnown, m.TakenSource = info.Taken, info.TakenZone, TakenFromContainer
	}
	return m
}

// walkError is a file or folder that could not be read while collecting.
type walkError struct {
	name string
	err  error
}

// collectFiles lists the regular files of paths, folders recursively, in a
// stable order. Links are followed, but every real folder is read once, so
// a link loop ends; system files (desktop.ini, Thumbs.db, .DS_Store) and
// hidden files are left out.
func collectFiles(ctx context.Context, paths []string) ([]string, []walkError) {
	var files []string
	var errs []walkError
	seen := map[string]bool{}
	var visit func(p string)
	visit = func(p string) {
		if ctx.Err() != nil {
			return
		}
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, walkError{filepath.Base(p), fmt.Errorf("open %s: %w", filepath.Base(p), err)})
			return
		}
		if !st.IsDir() {
			if st.Mode().IsRegular() && !skippedFile(filepath.Base(p)) {
				files = append(files, p)
			}
			return
		}
		real, err := filepath.EvalSymlinks(p)
		if err != nil || seen[real] {
			return
		}
		seen[real] = true
		entries, err := os.ReadDir(p)
		if err != nil {
			errs = append(errs, walkError{filepath.Base(p), fmt.Errorf("open %s: %w", filepath.Base(p), err)})
			return
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
		for _, e := range entries {
			if e.Type()&fs.ModeSymlink == 0 && !e.IsDir() && !e.Type().IsRegular() {
				continue // devices, pipes
			}
			visit(filepath.Join(p, e.Name()))
		}
	}
	for _, p := range paths {
		visit(p)
	}
	return files, errs
}

// skippedFile says whether a file found in a folder is left out: the
// system's own files and hidden ones, which nobody means to import.
func skippedFile(name string) bool {
	switch strings.ToLower(name) {
	case "desktop.ini", "thumbs.db", ".ds_store":
		return true
	}
	return strings.HasPrefix(name, ".")
}
