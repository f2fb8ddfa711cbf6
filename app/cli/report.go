package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/exchange"
)

// usageReport is the usage line of the handover report.
const usageReport = "  feedtakt report --workspace DIR --from DATE --to DATE -o FILE.pdf   write the handover report (Vertretungsmappe) for a colleague who covers"

// runReport is "feedtakt report --workspace DIR --from DATE --to DATE -o
// FILE.pdf". Like export it opens the workspace read-only and writes FILE
// atomically, then checks the file it wrote. Exit status 0 on success, 2
// for bad arguments, 1 when the workspace cannot be read or FILE cannot
// be written.
func runReport(args []string, env Env) int {
	a, code, ok := parsePeriodArgs("report", args, env, func(t func(string, map[string]any) string) string {
		return t("Usage: feedtakt report --workspace DIR --from DATE --to DATE -o FILE.pdf\nDATE as 2026-12-01 or 01.12.2026; the period is at most half a year.", nil)
	}, exchange.ValidateReportPeriod)
	if !ok {
		return code
	}
	t, bad := a.t, a.bad
	target, err := filepath.Abs(a.out)
	if err != nil {
		return bad(t("The report could not be written to {{.File}}.", map[string]any{"File": a.out}))
	}
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		return bad(t("{{.File}} is a folder; please give a file name.", map[string]any{"File": a.out}))
	}
	if workspaceFile(a.dir, target) {
		return bad(t("The export must not overwrite the workspace's own files; please choose another file name.", nil))
	}
	return writeReport(a.dir, a.from, a.to, target, env, t)
}

func writeReport(dir string, from, to calendar.Date, target string, env Env, t func(string, map[string]any) string) int {
	ctx := context.Background()
	ws, err := openWorkspace(ctx, dir, data.Options{Actor: env.Actor, Now: env.Now, ReadOnly: true})
	if err != nil {
		return env.fail(t("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": dir}), err)
	}
	defer ws.Close()
	sum, pages, err := exchange.WriteHandoverReportFile(ctx, ws, from, to, target)
	switch {
	case errors.Is(err, exchange.ErrWriteFile):
		return env.fail(t("The report could not be written to {{.File}}.", map[string]any{"File": target}), err)
	case err != nil:
		return env.fail(t("The handover report failed.", nil), err)
	}
	fmt.Fprintln(env.Stdout, t("Handover report written to {{.File}} ({{.Pages}} pages), with {{.Count}} post in the plan.",
		map[string]any{"File": target, "Pages": pages, "Count": sum.Posts}))
	if sum.DroppedChars > 0 {
		fmt.Fprintln(env.Stdout, t("{{.N}} characters (such as emoji) are not in the PDF font and were left out.", map[string]any{"N": sum.DroppedChars}))
	}
	return 0
}
