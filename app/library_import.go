package app

import (
	"context"
	"errors"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/mediainfo"
	"feedtakt/data/thumbs"
)

func listableDir(dir string) (fyne.ListableURI, error) {
	return storage.ListerForURI(storage.NewFileURI(dir))
}

// importPaths imports files and folders (recursively) in a shown job: the
// status area has count and Abbrechen, the toolbar names the current file,
// and a summary follows.
func (s *libraryScreen) importPaths(paths []string) {
	ws, cache := s.u.ws, s.cache
	s.u.runShown(lang.L("Import"), func(ctx context.Context, j *job) func() {
		files, walkSkips := collectFiles(ctx, paths)
		im := ws.NewImport(0)
		defer im.Abort()
		for _, sk := range walkSkips {
			im.Skip(sk.name, sk.err)
		}
		var last time.Time
		for i, p := range files {
			if ctx.Err() != nil {
				break
			}
			j.progress(i, len(files))
			if now := time.Now(); now.Sub(last) >= progressEvery {
				last = now
				name := filepath.Base(p)
				j.send(func() { s.showActivity(name) })
			}
			if err := importOne(ctx, im, cache, ws, p); err != nil {
				break // cancelled, or the workspace cannot be written
			}
		}
		j.progress(len(files), len(files))
		// What was stored until a cancel is committed, not thrown away.
		results, err := im.Finish(context.WithoutCancel(ctx))
		end := func() {
			s.showActivity("")
			s.reload()
			if err != nil && !j.cancelled.Load() {
				s.u.showError(lang.L("The import stopped."), err)
			}
			s.showSummary(results, j.cancelled.Load())
		}
		if j.cancelled.Load() {
			// A cancelled job's result is dropped; what was stored until
			// Abbrechen still deserves its summary, unless the workspace
			// itself was closed meanwhile.
			s.u.deliver(func() {
				if j.gen == s.u.jobs.generation() {
					end()
				}
			})
			return nil
		}
		return end
	})
}

type walkSkip struct {
	name string
	err  error
}

// collectFiles lists the files of paths, descending into folders. WalkDir
// does not follow symbolic links, so a link loop cannot trap it.
func collectFiles(ctx context.Context, paths []string) ([]string, []walkSkip) {
	var files []string
	var skips []walkSkip
	for _, p := range paths {
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				skips = append(skips, walkSkip{filepath.Base(path), err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
	}
	return files, skips
}

// importOne reads a file's facts, streams it into the import and makes its
// thumbnails. An error means the import must stop.
func importOne(ctx context.Context, im *data.Import, cache *thumbs.Cache, ws *data.Workspace, path string) error {
	name := filepath.Base(path)
	info, err := mediainfo.ReadFile(path)
	if err != nil {
		im.Skip(name, err)
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		im.Skip(name, err)
		return nil
	}
	defer f.Close()
	var mtime time.Time
	if st, err := f.Stat(); err == nil {
		mtime = st.ModTime()
	}
	m := mediaFromInfo(name, info, mtime)
	res, err := im.Add(ctx, f, m)
	if err != nil {
		return err
	}
	if res.Outcome == data.ImportAdded && m.Kind == "image" {
		src := filepath.Join(ws.Dir(), filepath.FromSlash(res.Media.Path))
		orientation := info.Orientation
		if info.Format == mediainfo.FormatHEIC {
			orientation = 1 // the HEIC decoder rotates itself
		}
		if err := cache.Make(ctx, res.Media.Hash, src, thumbFormat(info.Format), orientation, []int{thumbs.GridSize, thumbs.PreviewSize}); err != nil {
			log.Printf("thumbnail of %s: %v", name, err) // made again when the grid asks
		}
	}
	return nil
}

// mediaFromInfo fills the fields of a new item from what mediainfo read.
func mediaFromInfo(name string, info mediainfo.Info, mtime time.Time) data.Media {
	w, h := info.Displayed()
	m := data.Media{
		Kind: string(info.Kind), OriginalName: name,
		Title: info.Title, AltText: info.AltText, Credit: info.Credit, Creator: info.Creator,
		Rights: info.Rights, UsageTerms: info.UsageTerms, Tags: info.Tags,
		Width: w, Height: h, Orientation: info.Orientation, Camera: info.Camera(), HasGPS: info.HasGPS,
		Duration: info.Duration, Pages: info.Pages, FileTime: mtime,
	}
	switch info.DateFrom {
	case mediainfo.DateEXIF, mediainfo.DateXMP:
		m.Taken, m.TakenZoneKnown, m.TakenSource = info.Taken, info.TakenZone, data.TakenFromEXIF
	case mediainfo.DateContainer:
		m.Taken, m.TakenZoneKnown, m.TakenSource = info.Taken, info.TakenZone, data.TakenFromContainer
	}
	return m
}

func thumbFormat(f mediainfo.Format) thumbs.Format {
	switch f {
	case mediainfo.FormatJPEG:
		return thumbs.FormatJPEG
	case mediainfo.FormatPNG:
		return thumbs.FormatPNG
	case mediainfo.FormatGIF:
		return thumbs.FormatGIF
	case mediainfo.FormatWebP:
		return thumbs.FormatWebP
	case mediainfo.FormatHEIC:
		return thumbs.FormatHEIC
	case mediainfo.FormatTIFF:
		return thumbs.FormatTIFF
	}
	return thumbs.FormatUnknown
}

// skipReason words why a file was not imported.
func skipReason(err error) string {
	if k := mediainfo.Key(err); k != "" {
		return lang.L(k)
	}
	if errors.Is(err, fs.ErrPermission) {
		return lang.L("The file could not be read (no permission).")
	}
	return explain(err)
}

// showActivity names the file being imported under the toolbar ("" hides it).
func (s *libraryScreen) showActivity(name string) {
	if name == "" {
		s.activity.Hide()
		return
	}
	s.activity.SetText(lang.L("Importing {{.Name}} …", map[string]any{"Name": name}))
	s.activity.Show()
}

// importCounts sorts an import's results for the summary.
type importCounts struct {
	added, existing []string
	skipped         [][2]string // name, reason
}

func countImport(results []data.ImportResult) importCounts {
	var c importCounts
	for _, r := range results {
		switch r.Outcome {
		case data.ImportAdded:
			c.added = append(c.added, r.Name)
		case data.ImportExisting:
			name := r.Name
			if other := r.Media.OriginalName; other != "" && other != r.Name {
				name = lang.L("{{.Name}} (as {{.Other}})", map[string]any{"Name": r.Name, "Other": other})
			}
			c.existing = append(c.existing, name)
		case data.ImportSkipped:
			c.skipped = append(c.skipped, [2]string{r.Name, skipReason(r.Err)})
		}
	}
	return c
}

// showSummary says what the import did: imported, already there (which),
// skipped with the reason per file.
func (s *libraryScreen) showSummary(results []data.ImportResult, cancelled bool) {
	c := countImport(results)
	var b strings.Builder
	if cancelled {
		b.WriteString(lang.L("The import was cancelled; the files before it are in the media library.") + "\n\n")
	}
	b.WriteString(lang.N("{{.Count}} file imported.", len(c.added), map[string]any{"Count": len(c.added)}))
	if len(c.existing) > 0 {
		b.WriteString("\n\n" + lang.N("{{.Count}} file was already in the media library:", len(c.existing), map[string]any{"Count": len(c.existing)}))
		for _, n := range c.existing {
			b.WriteString("\n• " + n)
		}
	}
	if len(c.skipped) > 0 {
		b.WriteString("\n\n" + lang.N("{{.Count}} file skipped:", len(c.skipped), map[string]any{"Count": len(c.skipped)}))
		slices.SortStableFunc(c.skipped, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
		for _, sk := range c.skipped {
			b.WriteString("\n• " + sk[0] + ": " + sk[1])
		}
	}
	l := widget.NewLabel(b.String())
	l.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(l)
	scroll.SetMinSize(fyne.NewSize(520, min(360, l.MinSize().Height+8)))
	d := dialog.NewCustom(lang.L("Import finished"), lang.L("OK"), scroll, s.u.win)
	d.Show()
}
