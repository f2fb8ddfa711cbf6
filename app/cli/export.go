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

// runExport is "feedtakt export --workspace DIR --format ics|csv|pdf
// --from DATE --to DATE [--texts] -o FILE" (--texts: a PDF plan with the
// posts' texts and pictures, see exchange.Request.Texts). It opens the workspace read-only, so it
// works while a colleague has the workspace open, and writes FILE
// atomically: a failed export leaves an older FILE as it was. Exit status
// 0 on success, 2 for bad arguments, 1 when the workspace cannot be read
// or FILE cannot be written.
func runExport(args []string, env Env) int {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	usageLine := func(w io.Writer) {
		fmt.Fprintln(w, t("Usage: feedtakt export --workspace DIR --format ics|csv|pdf --from DATE --to DATE [--texts] -o FILE\nDATE as 2026-12-01 or 01.12.2026; without --format the file name's extension (.ics, .csv, .pdf) decides. --texts adds to a PDF plan each post's final text per channel, the picture descriptions and a small picture, for signing off the wording.", nil))
	}
	bad := func(msg string) int {
		fmt.Fprintln(env.Stderr, msg)
		usageLine(env.Stderr)
		return 2
	}
	fail := env.fail

	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	dir := fs.String("workspace", "", "")
	format := fs.String("format", "", "")
	fromS := fs.String("from", "", "")
	toS := fs.String("to", "", "")
	out := fs.String("o", "", "")
	texts := fs.Bool("texts", false, "")
	fs.StringVar(out, "output", "", "")
	if code, ok := parseOptions(fs, args, env, usageLine); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return bad(t("Unexpected argument “{{.Arg}}”.", map[string]any{"Arg": fs.Arg(0)}))
	}
	if *format == "" {
		*format = exchange.FormatFromName(*out)
	}
	var missing []string
	for _, m := range []struct{ value, flag string }{
		{*dir, "--workspace"}, {*format, "--format"}, {*fromS, "--from"}, {*toS, "--to"}, {*out, "-o"},
	} {
		if strings.TrimSpace(m.value) == "" {
			missing = append(missing, t("Please give {{.Flag}}.", map[string]any{"Flag": m.flag}))
		}
	}
	if len(missing) > 0 {
		return bad(strings.Join(missing, "\n"))
	}
	req := exchange.Request{Format: strings.ToLower(strings.TrimSpace(*format)), Now: env.Now(), Texts: *texts}
	for _, d := range []struct {
		text string
		into *calendar.Date
	}{{*fromS, &req.From}, {*toS, &req.To}} {
		v, err := calendar.ParseDate(d.text)
		if err != nil {
			return bad(t("The date “{{.Value}}” is not valid; write it as 2026-12-01 or 01.12.2026.", map[string]any{"Value": d.text}))
		}
		*d.into = v
	}
	if err := req.Validate(); err != nil {
		e := data.Explain(err)
		return bad(t(e.Key, e.Args))
	}
	target, err := filepath.Abs(*out)
	if err != nil {
		return bad(t("The export could not be written to {{.File}}.", map[string]any{"File": *out}))
	}
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		return bad(t("{{.File}} is a folder; please give a file name.", map[string]any{"File": *out}))
	}
	if workspaceFile(*dir, target) {
		return bad(t("The export must not overwrite the workspace's own files; please choose another file name.", nil))
	}

	ctx := context.Background()
	ws, err := openWorkspace(ctx, *dir, data.Options{Actor: env.Actor, Now: env.Now, ReadOnly: true})
	if err != nil {
		return fail(t("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": *dir}), err)
	}
	defer ws.Close()
	sum, err := req.ExportFile(ctx, ws, target)
	switch {
	case errors.Is(err, exchange.ErrWriteFile):
		return fail(t("The export could not be written to {{.File}}.", map[string]any{"File": *out}), err)
	case err != nil:
		return fail(t("The export failed.", nil), err)
	}
	fmt.Fprintln(env.Stdout, t("Exported {{.Count}} post to {{.File}}.", map[string]any{"Count": sum.Posts, "File": target}))
	if sum.LeftOut > 0 {
		fmt.Fprintln(env.Stdout, t("{{.Count}} discarded post was left out.", map[string]any{"Count": sum.LeftOut}))
	}
	if sum.DroppedChars > 0 {
		fmt.Fprintln(env.Stdout, droppedMessage(t, sum.DroppedChars, req.Texts))
	}
	return 0
}

// droppedMessage tells about the characters the PDF fonts lack: left
// out, and in a plan with texts marked in the texts.
func droppedMessage(t func(string, map[string]any) string, n int, texts bool) string {
	if texts {
		return t("{{.N}} characters (such as emoji) are not in the PDF font: left out of the titles, marked [Emoji] in the texts.", map[string]any{"N": n})
	}
	return t("{{.N}} characters (such as emoji) are not in the PDF font and were left out.", map[string]any{"N": n})
}

// workspaceFile reports whether target is the database or lock of the
// workspace in dir (or one of SQLite's companion files): an export written
// there would replace the workspace by a calendar file. Names are compared
// without case, as Windows does.
func workspaceFile(dir, target string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil || !strings.EqualFold(filepath.Clean(abs), filepath.Dir(target)) {
		return false
	}
	base := strings.ToLower(filepath.Base(target))
	return strings.HasPrefix(base, data.DBName) || base == data.LockName
}
