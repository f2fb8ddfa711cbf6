package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/calendar"
)

// periodArgs is what "report" and "akte" take: a workspace, a period and
// where to write.
type periodArgs struct {
	dir, out string
	from, to calendar.Date
	t        func(string, map[string]any) string
	// bad says msg and the usage on standard error: exit status 2.
	bad func(msg string) int
}

// parsePeriodArgs reads "--workspace DIR --from DATE --to DATE -o OUT" for
// the command name. usage gives the command's usage sentence (translated
// by the t it is handed), valid the limits of the period. ok is false when
// the command is over already (help asked for, or bad arguments); code is
// then its exit status.
func parsePeriodArgs(name string, args []string, env Env, usage func(t func(string, map[string]any) string) string,
	valid func(from, to calendar.Date) error) (a periodArgs, code int, ok bool) {
	a.t = func(key string, m map[string]any) string { return assets.Text(env.Lang, key, m) }
	usageLine := func(w io.Writer) { fmt.Fprintln(w, usage(a.t)) }
	a.bad = func(msg string) int {
		fmt.Fprintln(env.Stderr, msg)
		usageLine(env.Stderr)
		return 2
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	dir := fs.String("workspace", "", "")
	fromS := fs.String("from", "", "")
	toS := fs.String("to", "", "")
	out := fs.String("o", "", "")
	fs.StringVar(out, "output", "", "")
	if code, ok := parseOptions(fs, args, env, usageLine); !ok {
		return a, code, false
	}
	if fs.NArg() > 0 {
		return a, a.bad(a.t("Unexpected argument “{{.Arg}}”.", map[string]any{"Arg": fs.Arg(0)})), false
	}
	var missing []string
	for _, m := range []struct{ value, flag string }{{*dir, "--workspace"}, {*fromS, "--from"}, {*toS, "--to"}, {*out, "-o"}} {
		if strings.TrimSpace(m.value) == "" {
			missing = append(missing, a.t("Please give {{.Flag}}.", map[string]any{"Flag": m.flag}))
		}
	}
	if len(missing) > 0 {
		return a, a.bad(strings.Join(missing, "\n")), false
	}
	for _, d := range []struct {
		text string
		into *calendar.Date
	}{{*fromS, &a.from}, {*toS, &a.to}} {
		v, err := calendar.ParseDate(d.text)
		if err != nil {
			return a, a.bad(a.t("The date “{{.Value}}” is not valid; write it as 2026-12-01 or 01.12.2026.", map[string]any{"Value": d.text})), false
		}
		*d.into = v
	}
	if err := valid(a.from, a.to); err != nil {
		e := data.Explain(err)
		return a, a.bad(a.t(e.Key, e.Args)), false
	}
	a.dir, a.out = *dir, *out
	return a, 0, true
}
