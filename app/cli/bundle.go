package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/bundle"
)

// Usage lines of the handover bundle, after the others.
const (
	usageBundle   = "  feedtakt bundle --workspace DIR -o FILE   write the whole workspace into one handover bundle (.feedtakt) and verify it"
	usageUnbundle = "  feedtakt unbundle FILE DIR   check a handover bundle in full, then unpack it into DIR (missing or empty) as a new workspace\n  feedtakt unbundle --replace [--yes] FILE DIR   compare a handover bundle with the workspace in DIR; with --yes replace it (after a verified backup, the old folder is kept)"
)

// failBundle is env.fail with the bundle's own explanations.
func (env Env) failBundle(what string, err error) int {
	e := bundle.Explain(err)
	fmt.Fprintf(env.Stderr, "%s\n%s\n(%v)\n", what, assets.Text(env.Lang, e.Key, e.Args), err)
	return 1
}

// runBundle is "feedtakt bundle --workspace DIR -o FILE". The workspace is
// opened read-only, so a bundle can be made while a colleague works in
// it; the file is verified (read back in full) before it gets its name.
// Exit status 0 on success, 2 for bad arguments, 1 on any failure.
func runBundle(args []string, env Env) int {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	usageLine := func(w io.Writer) {
		fmt.Fprintln(w, t("Usage: feedtakt bundle --workspace DIR -o FILE", nil))
	}
	fs := flag.NewFlagSet("bundle", flag.ContinueOnError)
	dir := fs.String("workspace", "", "")
	out := fs.String("o", "", "")
	fs.StringVar(out, "output", "", "")
	if code, ok := parseOptions(fs, args, env, usageLine); !ok {
		return code
	}
	bad := func(msg string) int {
		fmt.Fprintln(env.Stderr, msg)
		usageLine(env.Stderr)
		return 2
	}
	if fs.NArg() > 0 {
		return bad(t("Unexpected argument “{{.Arg}}”.", map[string]any{"Arg": fs.Arg(0)}))
	}
	var missing []string
	for _, m := range []struct{ value, flag string }{{*dir, "--workspace"}, {*out, "-o"}} {
		if strings.TrimSpace(m.value) == "" {
			missing = append(missing, t("Please give {{.Flag}}.", map[string]any{"Flag": m.flag}))
		}
	}
	if len(missing) > 0 {
		return bad(strings.Join(missing, "\n"))
	}
	if st, err := os.Stat(*out); err == nil && st.IsDir() {
		return bad(t("{{.File}} is a folder; please give a file name.", map[string]any{"File": *out}))
	}
	if target, err := filepath.Abs(*out); err != nil || workspaceFile(*dir, target) {
		return bad(t("The bundle must not overwrite the workspace's own files; please choose another file name.", nil))
	}

	ctx := context.Background()
	ws, err := openWorkspace(ctx, *dir, data.Options{Actor: env.Actor, Now: env.Now, ReadOnly: true})
	if err != nil {
		return env.fail(t("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": *dir}), err)
	}
	defer ws.Close()
	sum, err := bundle.Write(ctx, ws, *out, nil)
	if err != nil {
		return env.failBundle(t("The handover bundle could not be written to {{.File}}.", map[string]any{"File": *out}), err)
	}
	printBundleSummary(env, t, sum)
	return 0
}

// printBundleSummary says what went into the bundle and what could not.
func printBundleSummary(env Env, t func(string, map[string]any) string, sum bundle.Summary) {
	fmt.Fprintln(env.Stdout, t("Handover bundle written and verified: {{.File}}", map[string]any{"File": sum.Path}))
	fmt.Fprintln(env.Stdout, t("Contents: the database and {{.Count}} media files, {{.Size}} in total.",
		map[string]any{"Count": sum.Files - 1, "Size": sizeText(env.Lang, sum.Bytes)}))
	for _, l := range []struct {
		key   string
		paths []string
	}{
		{"{{.Count}} media files are missing in the workspace and could not be packed:", sum.Missing},
		{"{{.Count}} media files no longer match their fingerprint (damaged on disk); they were packed as they are:", sum.Mismatched},
	} {
		if len(l.paths) == 0 {
			continue
		}
		fmt.Fprintln(env.Stdout, t(l.key, map[string]any{"Count": len(l.paths)}))
		for _, p := range l.paths {
			fmt.Fprintln(env.Stdout, "  "+p)
		}
	}
}

// runUnbundle is "feedtakt unbundle FILE DIR": the whole bundle is checked
// first, then unpacked into DIR+".part", read back, its database checked,
// and renamed to DIR; afterwards the new workspace gets the health report
// of "feedtakt check". Exit status 0 on success, 2 for bad arguments, 1 on
// any failure (then neither DIR nor DIR.part is left behind).
func runUnbundle(args []string, env Env) int {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	usageLine := func(w io.Writer) {
		fmt.Fprintln(w, t("Usage: feedtakt unbundle FILE DIR\nDIR must not exist or be empty.", nil))
		fmt.Fprintln(w, t("Or: feedtakt unbundle --replace [--yes] FILE DIR\nDIR is an existing workspace; without --yes (or with --dry-run) only the differences are shown.", nil))
	}
	fs := flag.NewFlagSet("unbundle", flag.ContinueOnError)
	replace := fs.Bool("replace", false, "")
	yes := fs.Bool("yes", false, "")
	dry := fs.Bool("dry-run", false, "")
	if code, ok := parseOptions(fs, args, env, usageLine); !ok {
		return code
	}
	if fs.NArg() != 2 || strings.TrimSpace(fs.Arg(0)) == "" || strings.TrimSpace(fs.Arg(1)) == "" {
		usageLine(env.Stderr)
		return 2
	}
	file, dir := fs.Arg(0), fs.Arg(1)
	if *replace {
		return runReplace(file, dir, *yes && !*dry, env)
	}
	ctx := context.Background()
	if err := bundle.Unpack(ctx, file, dir, nil); err != nil {
		return env.failBundle(t("The handover bundle {{.File}} could not be unpacked.", map[string]any{"File": file}), err)
	}
	abs, _ := filepath.Abs(dir)
	fmt.Fprintln(env.Stdout, t("Handover bundle checked and unpacked into {{.Dir}}.", map[string]any{"Dir": abs}))
	opt := data.Options{Actor: env.Actor, Now: env.Now}
	return check(ctx, dir, opt, false, env, t, env.fail)
}

// sizeText writes a byte count as a person reads it ("3,4 MB" in German).
func sizeText(language string, n int64) string {
	var s string
	switch {
	case n >= 1<<30:
		s = fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		s = fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	default:
		s = fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	if language == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
