package app

import (
	"context"
	"log"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// chooseRelinkFolder is "Neu verknüpfen …": she names a folder (a copy on
// a USB stick, the old photo folder on H:\) and Feedtakt looks there for
// the content of every missing file.
func (s *libraryScreen) chooseRelinkFolder() {
	if s.u.ws.ReadOnly() {
		return
	}
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		s.lastDir = l.Path()
		s.relink(l.Path())
	}, s.u.win)
	d.SetTitleText(lang.L("Relink: folder to search"))
	s.startIn(d.SetLocation)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// relink searches folder and its sub-folders for the missing files in a
// shown job (progress line, Abbrechen), then says what it found, updates
// the banner and the grid. What was found before Abbrechen stays found.
func (s *libraryScreen) relink(folder string) {
	ws := s.u.ws
	s.u.runShown(lang.L("Relink"), func(ctx context.Context, j *job) func() {
		var last time.Time
		progress := func(files int, current string) {
			if now := time.Now(); now.Sub(last) >= progressEvery {
				last = now
				j.send(func() { s.showSearching(files, current) })
			}
		}
		res, err := ws.Relink(ctx, folder, progress)
		if err != nil && ctx.Err() == nil {
			log.Printf("relink media in %s: %v", folder, err)
		}
		end := func() {
			s.activity.Hide()
			s.u.shell.setMediaProblems(len(res.NotFound))
			s.reload()
			for _, f := range res.Found {
				if f.Media.ID == s.detail.m.ID {
					s.detail.fileBack()
				}
			}
			s.showRelinkResult(folder, res, err, j.cancelled.Load())
		}
		if j.cancelled.Load() {
			// A cancelled job's result is dropped; what was put back until
			// Abbrechen is still said, unless the workspace was closed.
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

// showSearching names the file being looked at under the toolbar.
func (s *libraryScreen) showSearching(files int, current string) {
	s.activity.SetText(lang.L("Searching for missing files: {{.Count}} looked at, now {{.Name}}",
		map[string]any{"Count": formatCount(files), "Name": filepath.Base(current)}))
	s.activity.Show()
}

// relinkSummary words what Relink did.
func relinkSummary(folder string, res data.RelinkResult, err error, cancelled bool) string {
	var b strings.Builder
	if cancelled {
		b.WriteString(lang.L("The search was cancelled; the files found until then are restored.") + "\n\n")
	} else if err != nil {
		b.WriteString(lang.L("The search stopped: {{.Why}}", map[string]any{"Why": explain(err)}) + "\n\n")
	}
	if len(res.Found) == 0 && len(res.NotFound) == 0 {
		b.WriteString(lang.L("No file of the media library is missing."))
		return b.String()
	}
	b.WriteString(lang.N("{{.Count}} file looked at in {{.Folder}}.", res.Files, map[string]any{"Count": formatCount(res.Files), "Folder": folder}))
	b.WriteString("\n\n")
	b.WriteString(lang.N("{{.Count}} missing file found and restored", len(res.Found), map[string]any{"Count": len(res.Found)}))
	if len(res.Found) > 0 {
		b.WriteString(":")
		for _, f := range res.Found {
			// The source within the folder she chose: short, and enough
			// to find it.
			src := f.Source
			if rel, err := filepath.Rel(folder, src); err == nil && !strings.HasPrefix(rel, "..") {
				src = rel
			}
			name := displayMediaName(f.Media)
			if src == name {
				b.WriteString("\n• " + name) // "rathaus.jpg (aus rathaus.jpg)" says nothing
				continue
			}
			b.WriteString("\n• " + lang.L("{{.Name}} (from {{.Source}})", map[string]any{"Name": name, "Source": src}))
		}
	} else {
		b.WriteString(".")
	}
	if len(res.NotFound) > 0 {
		b.WriteString("\n\n" + lang.N("{{.Count}} file is still missing:", len(res.NotFound), map[string]any{"Count": len(res.NotFound)}))
		for _, m := range res.NotFound {
			b.WriteString("\n• " + displayMediaName(m))
		}
	} else {
		b.WriteString("\n\n" + lang.L("No file is missing any more."))
	}
	return b.String()
}

// showRelinkResult says how many missing files were found and restored,
// and which are still missing.
func (s *libraryScreen) showRelinkResult(folder string, res data.RelinkResult, err error, cancelled bool) {
	l := widget.NewLabel(relinkSummary(folder, res, err, cancelled))
	l.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(l)
	scroll.SetMinSize(fyne.NewSize(560, min(360, l.MinSize().Height+8)))
	dialog.NewCustom(lang.L("Relink"), lang.L("OK"), scroll, s.u.win).Show()
}
