package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"feedtakt/assets"
)

// parseOptions parses a command's options. flag's own messages are
// English, so they are kept quiet and the two common mistakes are said in
// the user's language, followed by the usage. It returns ok when the
// command may go on; otherwise code is its exit status: 0 after --help (the
// usage on stdout), 2 for a bad option.
func parseOptions(fs *flag.FlagSet, args []string, env Env, usage func(io.Writer)) (code int, ok bool) {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if err == nil {
		return 0, true
	}
	if errors.Is(err, flag.ErrHelp) {
		usage(env.Stdout)
		return 0, false
	}
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag needs an argument: "):
		msg = t("The option {{.Option}} needs a value.", map[string]any{"Option": strings.TrimPrefix(msg, "flag needs an argument: ")})
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		msg = t("Unknown option {{.Option}}.", map[string]any{"Option": strings.TrimPrefix(msg, "flag provided but not defined: ")})
	}
	fmt.Fprintln(env.Stderr, msg)
	usage(env.Stderr)
	return 2, false
}
