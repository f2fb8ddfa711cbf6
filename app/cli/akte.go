package cli

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/exchange"
)

// usageAkte is the usage line of the records export.
const usageAkte = "  feedtakt akte --workspace DIR --from DATE --to DATE -o DIR|FILE.zip   file the published posts of a period for the records (PDF, original media files, index.csv) in a new folder or a zip file"

// runAkte is "feedtakt akte --workspace DIR --from DATE --to DATE -o
// DIR" or "-o FILE.zip". It opens the workspace read-only, writes the Akte
// all or nothing into a new or empty folder or, when the target ends in
// .zip, into one zip file (verified after writing, an older file
// replaced), and checks the PDF it wrote. Exit status 0 on success, 2 for
// bad arguments, 1 when the workspace cannot be read or the target cannot
// be written.
func runAkte(args []string, env Env) int {
	a, code, ok := parsePeriodArgs("akte", args, env, func(t func(string, map[string]any) string) string {
		return t("Usage: feedtakt akte --workspace DIR --from DATE --to DATE -o DIR|FILE.zip\nDATE as 2026-12-01 or 01.12.2026; the folder must be new or empty, an older zip file is replaced.", nil)
	}, exchange.ValidateAktePeriod)
	if !ok {
		return code
	}
	t, bad := a.t, a.bad
	target, err := filepath.Abs(a.out)
	if err != nil {
		return bad(t("The Akte could not be written to {{.Dir}}.", map[string]any{"Dir": a.out}))
	}
	return writeAkte(a.dir, a.from, a.to, target, env, t)
}

func writeAkte(dir string, from, to calendar.Date, target string, env Env, t func(string, map[string]any) string) int {
	ctx := context.Background()
	ws, err := openWorkspace(ctx, dir, data.Options{Actor: env.Actor, Now: env.Now, ReadOnly: true})
	if err != nil {
		return env.fail(t("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": dir}), err)
	}
	defer ws.Close()
	zipped := isZipName(target)
	write := exchange.WriteAkte
	if zipped {
		write = exchange.WriteAkteZip
	}
	sum, err := write(ctx, ws, from, to, target)
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
	b, err := aktePDF(target, zipped)
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

// isZipName reports whether the Akte goes into a zip file: the target's
// name ends in .zip, in any case.
func isZipName(target string) bool {
	return strings.EqualFold(filepath.Ext(target), ".zip")
}

// aktePDF reads the Akte's PDF from the folder or the zip file target.
func aktePDF(target string, zipped bool) ([]byte, error) {
	if !zipped {
		return os.ReadFile(filepath.Join(target, exchange.AktePDF))
	}
	r, err := zip.OpenReader(target)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	f, err := r.Open(exchange.AktePDF)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}
