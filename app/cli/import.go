package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/mediainfo"
	"feedtakt/data/thumbs"
)

// runImport is "feedtakt import --workspace DIR PATH…": files and folders
// (recursively) into the Mediathek, all thumbnails made before it exits,
// with a summary of what was imported,
// what was there already and what was skipped and why. Exit status 0 when
// nothing failed (a file type the Mediathek does not take is skipped, not a
// failure), 1 when a file was unreadable or damaged or the workspace could
// not be written, 2 for bad arguments.
func runImport(args []string, env Env) int {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	usageLine := func(w io.Writer) {
		fmt.Fprintln(w, t("Usage: feedtakt import --workspace DIR FILE_OR_FOLDER …", nil))
	}
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	dir := fs.String("workspace", "", "")
	if code, ok := parseOptions(fs, args, env, usageLine); !ok {
		return code
	}
	if *dir == "" || fs.NArg() == 0 {
		usageLine(env.Stderr)
		return 2
	}
	ctx := context.Background()
	ws, err := openWorkspace(ctx, *dir, data.Options{Actor: env.Actor, Now: env.Now})
	if err != nil {
		return env.fail(t("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": *dir}), err)
	}
	defer ws.Close()
	if ws.ReadOnly() {
		return env.fail(t("The import failed.", nil), data.ErrReadOnly)
	}
	start := time.Now()
	// Thumbnails are made on all cores but one while the import goes on,
	// and the command waits for them: the Mediathek opens with its grid.
	pool := thumbs.NewPool(ctx, thumbs.NewCache(filepath.Join(ws.Dir(), data.ThumbsDir)), thumbs.DefaultWorkers())
	defer pool.Close()
	thumbnail := func(ctx context.Context, m data.Media) error {
		return pool.Submit(ctx, thumbs.Job{Hash: m.Hash, Src: filepath.Join(ws.Dir(), filepath.FromSlash(m.Path)),
			Orientation: m.Orientation, Sizes: []int{thumbs.GridSize, thumbs.PreviewSize}}, nil)
	}
	res, err := ws.ImportFiles(ctx, fs.Args(), data.ImportFilesOptions{Thumbnail: thumbnail})
	if werr := pool.Wait(ctx); err == nil {
		err = werr
	}
	printImport(env.Stdout, t, res, time.Since(start))
	if err != nil {
		return env.fail(t("The import failed.", nil), err)
	}
	if res.Failed > 0 {
		return 1
	}
	return 0
}

// printImport writes the summary: the counts, then every file that was
// there already and every file skipped, with the reason.
func printImport(out io.Writer, t func(string, map[string]any) string, res data.FileImport, took time.Duration) {
	fmt.Fprintln(out, t("Imported: {{.Added}}, already in the media library: {{.Existing}}, skipped: {{.Skipped}} ({{.Seconds}} s).",
		map[string]any{"Added": res.Count(data.ImportAdded), "Existing": res.Count(data.ImportExisting),
			"Skipped": res.Count(data.ImportSkipped), "Seconds": fmt.Sprintf("%.1f", took.Seconds())}))
	for _, r := range res.Results {
		switch r.Outcome {
		case data.ImportExisting:
			fmt.Fprintln(out, "  "+t("{{.Name}}: already there as “{{.Existing}}”", map[string]any{"Name": r.Name, "Existing": nonEmpty(r.Media.Title, r.Media.OriginalName)}))
		case data.ImportSkipped:
			fmt.Fprintln(out, "  "+t("{{.Name}}: skipped — {{.Why}}", map[string]any{"Name": r.Name, "Why": reason(t, r.Err)}))
		}
	}
}

// reason words why a file was skipped.
func reason(t func(string, map[string]any) string, err error) string {
	if k := mediainfo.Key(err); k != "" {
		return t(k, nil)
	}
	e := data.Explain(err)
	return strings.TrimSpace(t(e.Key, e.Args))
}

func nonEmpty(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
