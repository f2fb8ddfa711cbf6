package cli

import (
	"context"
	"fmt"
	"path/filepath"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/bundle"
)

// maxDiffLines is how many differing posts the command line lists.
const maxDiffLines = 20

// openWorkspace opens the workspace in dir as data.Open does, after
// finishing a bundle import that was stopped between its two renames (dir
// is then missing and its checked ".part" folder is complete), so that
// every command finds the workspace as the app would.
func openWorkspace(ctx context.Context, dir string, opt data.Options) (*data.Workspace, error) {
	if err := bundle.Resume(dir); err != nil {
		return nil, err
	}
	return data.Open(ctx, dir, opt)
}

// runReplace is "feedtakt unbundle --replace [--yes] FILE DIR": the bundle
// is checked in full and compared with the workspace in DIR; the posts
// that differ are listed. Only with --yes (and without --dry-run) is the
// workspace then replaced: a verified backup first, the old folder kept
// beside it. Exit status 0 on success, 1 on any failure.
func runReplace(file, dir string, yes bool, env Env) int {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	ctx := context.Background()
	ws, err := openWorkspace(ctx, dir, data.Options{Actor: env.Actor, Now: env.Now, ReadOnly: true})
	if err != nil {
		return env.fail(t("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": dir}), err)
	}
	d, err := bundle.Compare(ctx, file, ws, nil)
	ws.Close()
	if err != nil {
		return env.failBundle(t("The handover bundle {{.File}} could not be compared with the workspace.", map[string]any{"File": file}), err)
	}
	printDiff(env, t, d)
	if !yes {
		fmt.Fprintln(env.Stdout, t("Nothing was changed. With --yes the workspace is replaced by the bundle (after a verified backup; the old folder is kept).", nil))
		return 0
	}
	res, err := bundle.Replace(ctx, file, dir, data.Options{Actor: env.Actor, Now: env.Now}, nil)
	if err != nil {
		return env.failBundle(t("The workspace in {{.Dir}} could not be replaced.", map[string]any{"Dir": dir}), err)
	}
	fmt.Fprintln(env.Stdout, t("The workspace in {{.Dir}} now holds the bundle. The old folder was kept as {{.Aside}}; the backup of the old database is {{.Backup}}.",
		map[string]any{"Dir": res.Dir, "Aside": filepath.Base(res.Aside), "Backup": res.Backup}))
	return check(ctx, res.Dir, data.Options{Actor: env.Actor, Now: env.Now}, false, env, t, env.fail)
}

// printDiff writes the headline, the notes and up to maxDiffLines posts.
func printDiff(env Env, t func(string, map[string]any) string, d bundle.Diff) {
	h := d.Headline()
	fmt.Fprintln(env.Stdout, t(h.Key, h.Args))
	for _, w := range d.Warnings() {
		fmt.Fprintln(env.Stdout, t("Caution:", nil)+" "+t(w.Key, w.Args))
	}
	for _, n := range d.Notes() {
		fmt.Fprintln(env.Stdout, t(n.Key, n.Args))
	}
	for i, p := range d.Posts {
		if i == maxDiffLines {
			fmt.Fprintln(env.Stdout, t("… and {{.Count}} more.", map[string]any{"Count": d.Added + d.Changed + d.Removed - maxDiffLines}))
			break
		}
		fmt.Fprintln(env.Stdout, "  "+diffLine(t, p))
	}
}

// diffLine is one post: "Geändert  18.12.2026  Titel  (Jana Beispiel)".
func diffLine(t func(string, map[string]any) string, p bundle.PostDiff) string {
	day, isKey := p.DayText()
	if isKey {
		day = t(day, nil)
	}
	s := fmt.Sprintf("%-9s %-10s  %s", t(p.Kind.KindKey(), nil), day, p.Title)
	if p.By != "" {
		s += "  (" + p.By + ")"
	}
	if p.HereLater {
		s += "  " + t("[changed here after the bundle]", nil)
	}
	return s
}
