package app

import (
	"context"
	"errors"
	"io/fs"
	"log"
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

// importPaths imports files and folders (recursively) in a shown job
// through data's ImportFiles, the same import as "feedtakt import": the
// status area has count and Abbrechen, the toolbar names the current file,
// thumbnails are made as the files come in, and a summary follows.
func (s *libraryScreen) importPaths(paths []string) {
	s.u.importFiles(paths, s.cache, s.showActivity, func(results []data.ImportResult, err error, cancelled bool) {
		s.showActivity("")
		s.reload()
		if err != nil && !cancelled {
			s.u.showError(lang.L("The import stopped."), err)
		}
		s.u.showImportSummary(results, cancelled)
	})
}

// importFiles is the one import job of the window (the Mediathek's and the
// post editor's): ImportFiles for paths as a shown job with count and
// Abbrechen, grid and preview thumbnails made into cache as files come in.
// activity (may be nil) names the current file, "" at the end; end runs on
// the UI goroutine with the results, also after Abbrechen (what was stored
// until then stays), unless the workspace was closed meanwhile.
func (u *UI) importFiles(paths []string, cache *thumbs.Cache, activity func(string), end func(results []data.ImportResult, err error, cancelled bool)) {
	ws := u.ws
	u.runShown(lang.L("Import"), func(ctx context.Context, j *job) func() {
		var last time.Time
		progress := func(done, total int, current string) {
			j.progress(done, total)
			if now := time.Now(); activity != nil && (now.Sub(last) >= progressEvery || current == "") {
				last = now
				j.send(func() { activity(current) })
			}
		}
		thumbnail := func(ctx context.Context, m data.Media) error {
			src := filepath.Join(ws.Dir(), filepath.FromSlash(m.Path))
			err := cache.Make(ctx, m.Hash, src, thumbs.FormatUnknown, m.Orientation, []int{thumbs.GridSize, thumbs.PreviewSize})
			if err != nil {
				log.Printf("thumbnail of %s: %v", m.OriginalName, err) // made again when the grid asks
			}
			return err
		}
		// What was stored until a cancel is committed, not thrown away.
		res, err := ws.ImportFiles(ctx, paths, data.ImportFilesOptions{Progress: progress, Thumbnail: thumbnail})
		done := func() { end(res.Results, err, j.cancelled.Load()) }
		if j.cancelled.Load() {
			// A cancelled job's result is dropped; what was stored until
			// Abbrechen still deserves its summary, unless the workspace
			// itself was closed meanwhile.
			u.deliver(func() {
				if j.gen == u.jobs.generation() {
					done()
				}
			})
			return nil
		}
		return done
	})
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
			// The item already there by what the Mediathek shows: its
			// title, else its file name.
			if other := displayMediaName(r.Media); other != "" && other != r.Name {
				name = lang.L("{{.Name}} (as {{.Other}})", map[string]any{"Name": r.Name, "Other": other})
			}
			c.existing = append(c.existing, name)
		case data.ImportSkipped:
			c.skipped = append(c.skipped, [2]string{r.Name, skipReason(r.Err)})
		}
	}
	return c
}

// showImportSummary says what the import did: imported, already there (which),
// skipped with the reason per file.
func (u *UI) showImportSummary(results []data.ImportResult, cancelled bool) {
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
	d := dialog.NewCustom(lang.L("Import finished"), lang.L("OK"), scroll, u.win)
	d.Show()
}
