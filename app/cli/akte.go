package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/exchange"
)

// usageAkte is the usage line of the records export.
const usageAkte = "  feedtakt akte --workspace DIR --from DATE --to DATE -o DIR   file the published posts of a period for the records (PDF, original media files, index.csv) in a new folder"

// runAkte is "feedtakt akte --workspace DIR --from DATE --to DATE -o
// DIR". It opens the workspace read-only, writes the Akte into a new or
// empty folder all or nothing, and checks the PDF it wrote. Exit status 0
// on success, 2 for bad arguments, 1 when the workspace cannot be read or
// the folder cannot be written.
func runAkte(args []string, env Env) int {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	usageLine := func(w io.Writer) {
		fmt.Fprintln(w, t("Usage: feedtakt akte --workspace DIR --from DATE --to DATE -o DIR\nDATE as 2026-12-01 or 01.12.2026; the folder must be new or empty.", nil))
	}
	bad := func(msg string) int {
		fmt.Fprintln(env.Stderr, msg)
		usageLine(env.Stderr)
		return 2
	}
	fs := flag.NewFlagSet("akte", flag.ContinueOnError)
	dir := fs.String("workspace", "", "")
	fromS := fs.String("from", "", "")
	toS := fs.String("to", "", "")
	out := fs.String("o", "", "")
	fs.StringVar(out, "output", "", "")
	if code, ok := parseOptions(fs, args, env, usageLine); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return bad(t("Unexpected argument “{{.Arg}}”.", map[string]any{"Arg": fs.Arg(0)}))
	}
	var missing []string
	for _, m := range []struct{ value, flag string }{{*dir, "--workspace"}, {*fromS, "--from"}, {*toS, "--to"}, {*out, "-o"}} {
		if strings.TrimSpace(m.value) == "" {
			missing = append(missing, t("Please give {{.Flag}}.", map[string]any{"Flag": m.flag}))
		}
	}
	if len(missing) > 0 {
		return bad(strings.Join(missing, "\n"))
	}
	var from, to calendar.Date
	for _, d := range []struct {
		text string
		into *calendar.Date
	}{{*fromS, &from}, {*toS, &to}} {
		v, err := calendar.ParseDate(d.text)
		if err != nil {
			return bad(t("The date “{{.Value}}” is not valid; write it as 2026-12-01 or 01.12.2026.", map[string]any{"Value": d.text}))
		}
		*d.into = v
	}
	if err := exchange.ValidateAktePeriod(from, to); err != nil {
		e := data.Explain(err)
		return bad(t(e.Key, e.Args))
	}
	target, err := filepath.Abs(*out)
	if err != nil {
		return bad(t("The Akte could not be written to {{.Dir}}.", map[string]any{"Dir": *out}))
	}
	return writeAkte(*dir, from, to, target, env, t)
}

func writeAkte(dir string, from, to calendar.Date, target string, env Env, t func(string, map[string]any) string) int {
	ctx := context.Background()
	ws, err := data.Open(ctx, dir, data.Options{Actor: env.Actor, Now: env.Now, ReadOnly: true})
	if err != nil {
		return env.fail(t("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": dir}), err)
	}
	defer ws.Close()
	sum, err := exchange.WriteAkte(ctx, ws, from, to, target)
	var inv *data.InvalidError
	switch {
	case errors.As(err, &inv):
		e := data.Explain(err)
		fmt.Fprintln(env.Stderr, t(e.Key, e.Args))
		return 2
	case errors.Is(err, exchange.ErrWriteFile):
		return env.fail(t("The Akte could not be written to {{.Dir}}.", map[string]any{"Dir": target}), err)
	case err != nil:
		return env.fail(t("The Akte failed.", nil), err)
	}
	// Check what was written: the PDF is whole and has its pages.
	b, err := os.ReadFile(filepath.Join(target, exchange.AktePDF))
	if err == nil {
		var pages int
		if pages, err = exchange.PDFPages(b); err == nil && pages != sum.Pages {
			err = fmt.Errorf("%w: %d pages instead of %d", exchange.ErrBadPDF, pages, sum.Pages)
		}
	}
	if err != nil {
		return env.fail(t("The Akte could not be written to {{.Dir}}.", map[string]any{"Dir": target}), err)
	}
	fmt.Fprintln(env.Stdout, t("Akte written to {{.Dir}}: {{.Count}} published post, {{.Files}} media files, {{.Pages}} pages.",
		map[string]any{"Dir": target, "Count": sum.Posts, "Files": sum.Files, "Pages": sum.Pages}))
	if sum.MissingFiles > 0 {
		fmt.Fprintln(env.Stdout, t("{{.N}} media files were missing in the workspace; the index names them without a file.", map[string]any{"N": sum.MissingFiles}))
	}
	return 0
}
