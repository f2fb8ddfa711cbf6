package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"feedtakt/assets"
	"feedtakt/data"
)

// Usage lines of the exchange with neighbouring authorities.
const (
	usageShare       = "  feedtakt share --workspace DIR -o FILE.json [--templates all|ID,ID…] [--series all|ID,…] [--ideas all|ID,…] [--note TEXT] [--with-notes]   write an exchange file for a neighbouring office (templates, hashtag sets, Bausteine, series, ideas; never people, consents or pictures; internal notes only with --with-notes); --list shows the IDs"
	usageShareImport = "  feedtakt share-import --workspace DIR FILE.json [--yes]   show what an exchange file brings; with --yes take it over (nothing is overwritten)"
)

// runShare is "feedtakt share --workspace DIR -o FILE [--templates …]
// [--series …] [--ideas …] [--note TEXT] [--with-notes]" and "feedtakt share --workspace
// DIR --list". It opens the workspace read-only, writes FILE atomically
// and reads it back. Exit status 0 on success, 2 for bad arguments, 1
// when the workspace cannot be read or FILE cannot be written.
func runShare(args []string, env Env) int {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	usageLine := func(w io.Writer) {
		fmt.Fprintln(w, t("Usage: feedtakt share --workspace DIR -o FILE.json [--templates all|ID,ID…] [--series all|ID,…] [--ideas all|ID,…] [--note TEXT] [--with-notes]\n       feedtakt share --workspace DIR --list   (the IDs)\n--templates covers caption templates, hashtag sets and Bausteine; a series brings its caption template, a template its hashtag set. The items' internal notes stay out unless --with-notes is given.", nil))
	}
	bad := func(msg string) int {
		fmt.Fprintln(env.Stderr, msg)
		usageLine(env.Stderr)
		return 2
	}
	fs := flag.NewFlagSet("share", flag.ContinueOnError)
	dir := fs.String("workspace", "", "")
	out := fs.String("o", "", "")
	fs.StringVar(out, "output", "", "")
	tpls := fs.String("templates", "", "")
	series := fs.String("series", "", "")
	ideas := fs.String("ideas", "", "")
	note := fs.String("note", "", "")
	withNotes := fs.Bool("with-notes", false, "")
	list := fs.Bool("list", false, "")
	if code, ok := parseOptions(fs, args, env, usageLine); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return bad(t("Unexpected argument “{{.Arg}}”.", map[string]any{"Arg": fs.Arg(0)}))
	}
	if strings.TrimSpace(*dir) == "" {
		return bad(t("Please give {{.Flag}}.", map[string]any{"Flag": "--workspace"}))
	}
	ctx := context.Background()
	ws, err := openWorkspace(ctx, *dir, data.Options{Actor: env.Actor, Now: env.Now, ReadOnly: true})
	if err != nil {
		return env.fail(t("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": *dir}), err)
	}
	defer ws.Close()
	if *list {
		return listShareable(ctx, ws, env, t)
	}
	if strings.TrimSpace(*out) == "" {
		return bad(t("Please give {{.Flag}}.", map[string]any{"Flag": "-o"}))
	}
	sel, code, ok := shareSelection(ctx, ws, *tpls, *series, *ideas, *note, env, bad, t)
	sel.WithNotes = *withNotes
	if !ok {
		return code
	}
	if sel.Empty() {
		return bad(t("Please choose what goes into the exchange file: --templates, --series or --ideas.", nil))
	}
	target, err := filepath.Abs(*out)
	if err != nil {
		return bad(t("The exchange file could not be written to {{.File}}.", map[string]any{"File": *out}))
	}
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		return bad(t("{{.File}} is a folder; please give a file name.", map[string]any{"File": *out}))
	}
	if workspaceFile(*dir, target) {
		return bad(t("The export must not overwrite the workspace's own files; please choose another file name.", nil))
	}
	return writeShare(ctx, ws, sel, target, env, t)
}

// shareSelection reads --templates, --series and --ideas ("all" or IDs);
// ok is false when the command is over (code is its exit status).
func shareSelection(ctx context.Context, ws *data.Workspace, tpls, series, ideas, note string, env Env, bad func(string) int,
	t func(string, map[string]any) string) (sel data.ShareSelection, code int, ok bool) {
	sel.Note = note
	for _, c := range []struct {
		flag, value string
		into        *[]int64
		all         func() ([]int64, error)
	}{
		{"--templates", tpls, &sel.Templates, func() ([]int64, error) { return templateIDs(ctx, ws) }},
		{"--series", series, &sel.Series, func() ([]int64, error) { return seriesIDs(ctx, ws) }},
		{"--ideas", ideas, &sel.Ideas, func() ([]int64, error) { return ws.ShareIdeaIDs(ctx) }},
	} {
		ids, err := parseIDs(c.value, c.all)
		if errors.Is(err, errBadIDs) {
			return sel, bad(t("{{.Flag}} takes all or IDs separated by commas, e.g. 3,7,12.", map[string]any{"Flag": c.flag})), false
		}
		if err != nil {
			return sel, env.fail(t("The exchange file failed.", nil), err), false
		}
		*c.into = ids
	}
	return sel, 0, true
}

func writeShare(ctx context.Context, ws *data.Workspace, sel data.ShareSelection, target string, env Env, t func(string, map[string]any) string) int {
	f, err := ws.ExportShare(ctx, sel)
	var inv *data.InvalidError
	switch {
	case errors.As(err, &inv):
		e := data.Explain(err)
		fmt.Fprintln(env.Stderr, t(e.Key, e.Args))
		return 2
	case err != nil:
		return env.fail(t("The exchange file failed.", nil), err)
	}
	if err := data.WriteShareFile(target, f); err != nil {
		return env.fail(t("The exchange file could not be written to {{.File}}.", map[string]any{"File": target}), err)
	}
	fmt.Fprintln(env.Stdout, t("Exchange file written and checked: {{.File}} ({{.Templates}} templates, {{.Series}} series, {{.Ideas}} ideas). Never in it: people, consents, pictures.",
		map[string]any{"File": target, "Templates": len(f.Templates), "Series": len(f.Series), "Ideas": len(f.Ideas)}))
	return 0
}

var errBadIDs = errors.New("bad ID list")

// parseIDs reads "all", "" (none) or "3,7,12".
func parseIDs(s string, all func() ([]int64, error)) ([]int64, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return nil, nil
	case strings.EqualFold(s, "all"), strings.EqualFold(s, "alle"):
		return all()
	}
	var out []int64
	for _, part := range strings.Split(s, ",") {
		id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64)
		if err != nil || id <= 0 {
			return nil, errBadIDs
		}
		out = append(out, id)
	}
	return out, nil
}

func templateIDs(ctx context.Context, ws *data.Workspace) ([]int64, error) {
	ts, err := ws.Templates(ctx, "")
	var out []int64
	for _, tp := range ts {
		out = append(out, tp.ID)
	}
	return out, err
}

func seriesIDs(ctx context.Context, ws *data.Workspace) ([]int64, error) {
	ss, err := ws.Series(ctx)
	var out []int64
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out, err
}

// listShareable prints what can go into an exchange file, with IDs.
func listShareable(ctx context.Context, ws *data.Workspace, env Env, t func(string, map[string]any) string) int {
	ts, err := ws.Templates(ctx, "")
	if err != nil {
		return env.fail(t("The exchange file failed.", nil), err)
	}
	for _, tp := range ts {
		it := data.ShareItem{What: "template", Kind: tp.Kind, Name: tp.Name}
		fmt.Fprintf(env.Stdout, "  --templates %-5d %s\n", tp.ID, it.Label().Text(env.Lang))
	}
	ss, err := ws.Series(ctx)
	if err != nil {
		return env.fail(t("The exchange file failed.", nil), err)
	}
	for _, s := range ss {
		fmt.Fprintf(env.Stdout, "  --series    %-5d %s\n", s.ID, data.ShareItem{What: "series", Name: s.Title}.Label().Text(env.Lang))
	}
	ids, err := ws.ShareIdeaIDs(ctx)
	if err != nil {
		return env.fail(t("The exchange file failed.", nil), err)
	}
	for _, id := range ids {
		p, err := ws.Post(ctx, id)
		if err != nil {
			return env.fail(t("The exchange file failed.", nil), err)
		}
		fmt.Fprintf(env.Stdout, "  --ideas     %-5d %s\n", id, data.ShareItem{What: "idea", Name: data.Ellipsis(p.Title, 80)}.Label().Text(env.Lang))
	}
	return 0
}

// runShareImport is "feedtakt share-import --workspace DIR FILE [--yes]":
// it reads FILE strictly and prints what it brings; with --yes it takes
// it over in one transaction. Exit status 0 on success, 2 for bad
// arguments, 1 when the file is refused or the workspace cannot be
// written.
func runShareImport(args []string, env Env) int {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	usageLine := func(w io.Writer) {
		fmt.Fprintln(w, t("Usage: feedtakt share-import --workspace DIR FILE.json [--yes]\nWithout --yes it only shows what the file brings.", nil))
	}
	bad := func(msg string) int {
		fmt.Fprintln(env.Stderr, msg)
		usageLine(env.Stderr)
		return 2
	}
	fs := flag.NewFlagSet("share-import", flag.ContinueOnError)
	dir := fs.String("workspace", "", "")
	yes := fs.Bool("yes", false, "")
	// Options may also follow the file: parse the rest again.
	var files []string
	for rest := args; ; {
		if code, ok := parseOptions(fs, rest, env, usageLine); !ok {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		files, rest = append(files, fs.Arg(0)), fs.Args()[1:]
	}
	switch {
	case strings.TrimSpace(*dir) == "":
		return bad(t("Please give {{.Flag}}.", map[string]any{"Flag": "--workspace"}))
	case len(files) != 1:
		return bad(t("Please give one exchange file.", nil))
	}
	f, err := data.ReadShareFile(files[0])
	if err != nil {
		return env.fail(t("The exchange file {{.File}} cannot be taken over.", map[string]any{"File": files[0]}), err)
	}
	ctx := context.Background()
	ws, err := openWorkspace(ctx, *dir, data.Options{Actor: env.Actor, Now: env.Now, ReadOnly: !*yes})
	if err != nil {
		return env.fail(t("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": *dir}), err)
	}
	defer ws.Close()
	if !*yes {
		pv, err := ws.PreviewShare(ctx, f)
		if err != nil {
			return env.fail(t("The exchange file {{.File}} cannot be taken over.", map[string]any{"File": files[0]}), err)
		}
		printSharePreview(env.Stdout, pv, env.Lang)
		fmt.Fprintln(env.Stdout, t("Nothing was changed. To take it over: the same command with --yes.", nil))
		return 0
	}
	if ws.ReadOnly() {
		return env.fail(t("The exchange file {{.File}} cannot be taken over.", map[string]any{"File": files[0]}), data.ErrReadOnly)
	}
	pv, err := ws.ApplyShare(ctx, f)
	if err != nil {
		return env.fail(t("The exchange file {{.File}} cannot be taken over.", map[string]any{"File": files[0]}), err)
	}
	printSharePreview(env.Stdout, pv, env.Lang)
	fmt.Fprintln(env.Stdout, t("Taken over. The change log names the origin of every item.", nil))
	return 0
}

// printSharePreview writes the preview: origin, note, the items with what
// happens to them, the channels and the counts.
func printSharePreview(w io.Writer, pv data.SharePreview, language string) {
	t := func(key string, a map[string]any) string { return assets.Text(language, key, a) }
	fmt.Fprintln(w, pv.Origin.Heading().Text(language))
	if pv.Origin.Note != "" {
		fmt.Fprintln(w, t("Note: {{.Note}}", map[string]any{"Note": pv.Origin.Note}))
	}
	for _, it := range pv.Items {
		line := "  " + it.Label().Text(language)
		if n := it.Note(); n.Key != "" {
			line += ": " + n.Text(language)
		}
		fmt.Fprintln(w, line)
		if m := it.Schedule(); m.Key != "" {
			fmt.Fprintln(w, "      "+m.Text(language))
		}
		for _, l := range it.Losses() {
			fmt.Fprintln(w, "      "+l.Text(language))
		}
	}
	if len(pv.Channels) > 0 {
		fmt.Fprintln(w, t("Channels:", nil))
		for _, m := range pv.Channels {
			fmt.Fprintln(w, "  "+m.Message().Text(language))
		}
	}
	fmt.Fprintln(w, pv.Summary().Text(language))
}
