package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"feedtakt/assets"
	"feedtakt/data/caption"
)

// maxCountInput is the most runCount reads: far more than any platform
// takes, and a guard against being handed a video by mistake.
const maxCountInput = 8 << 20

// runCount is "feedtakt count --platform P [--photo] [FILE]": it counts a
// caption from FILE or standard input the way platform P does, with the
// same function as the editor's counter (caption.Count) and Feedtakt's
// built-in limits (caption.DefaultLimits; it opens no workspace, so limits
// corrected in a workspace's settings do not apply). It prints one line
// whose first word is COUNT/LIMIT, e.g. "287/280 gewichtete Zeichen" or
// "301/300 Zeichen, 320/3000 Bytes". Exit status 0 within the limits, 1
// over any of them, 2 for bad arguments or input that cannot be read.
//
// A text file's final line break is not counted (editors add one; it is
// no part of the caption), nor a UTF-8 byte order mark (Notepad writes
// one); "\r\n" counts as one line break.
func runCount(args []string, env Env) int {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	usageLine := func(w io.Writer) { fmt.Fprintln(w, t(usageCount, nil)) }
	bad := func(msg string) int {
		fmt.Fprintln(env.Stderr, msg)
		usageLine(env.Stderr)
		return 2
	}
	fs := flag.NewFlagSet("count", flag.ContinueOnError)
	platform := fs.String("platform", "", "")
	photo := fs.Bool("photo", false, "")
	if code, ok := parseOptions(fs, args, env, usageLine); !ok {
		return code
	}
	if fs.NArg() > 1 {
		return bad(t("Unexpected argument “{{.Arg}}”.", map[string]any{"Arg": fs.Arg(1)}))
	}
	p := strings.ToLower(strings.TrimSpace(*platform))
	if p == "" {
		return bad(t("Please give {{.Flag}}.", map[string]any{"Flag": "--platform"}))
	}
	limits, ok := caption.DefaultLimits()[p]
	if !ok {
		fmt.Fprintln(env.Stderr, t("Unknown platform “{{.Platform}}”. Feedtakt counts for: {{.Platforms}}.",
			map[string]any{"Platform": *platform, "Platforms": strings.Join(caption.Platforms(), ", ")}))
		return 2
	}

	name := "-"
	in := env.Stdin
	if in == nil {
		in = os.Stdin
	}
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		name = fs.Arg(0)
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s\n(%v)\n", t("The file {{.File}} could not be read.", map[string]any{"File": name}), err)
			return 2
		}
		defer f.Close()
		in = f
	}
	b, err := io.ReadAll(io.LimitReader(in, maxCountInput+1))
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s\n(%v)\n", t("The file {{.File}} could not be read.", map[string]any{"File": name}), err)
		return 2
	}
	if len(b) > maxCountInput {
		fmt.Fprintln(env.Stderr, t("The text is larger than {{.MB}} MB; that is no caption.", map[string]any{"MB": maxCountInput >> 20}))
		return 2
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if !utf8.Valid(b) {
		fmt.Fprintln(env.Stderr, t("The text is not UTF-8 (at byte {{.Offset}}). Save it as UTF-8 (in Notepad: Save as …, Encoding UTF-8) and try again.",
			map[string]any{"Offset": invalidUTF8At(b)}))
		return 2
	}
	text := string(b)
	if s, ok := strings.CutSuffix(text, "\n"); ok {
		text = strings.TrimSuffix(s, "\r")
	}

	c := caption.Count(p, text, limits, *photo)
	fmt.Fprintln(env.Stdout, countLine(c, t))
	if c.Over() {
		return 1
	}
	return 0
}

// countLine is the count as "N/LIMIT unit", then bytes and hashtags where
// the platform limits them.
func countLine(c caption.Counted, t func(string, map[string]any) string) string {
	unit := "{{.N}}/{{.Limit}} characters"
	if c.Unit == caption.UnitWeighted {
		unit = "{{.N}}/{{.Limit}} weighted characters"
	}
	parts := []string{t(unit, map[string]any{"N": c.N, "Limit": c.Limit})}
	if c.ByteLimit > 0 {
		parts = append(parts, t("{{.N}}/{{.Limit}} bytes", map[string]any{"N": c.Bytes, "Limit": c.ByteLimit}))
	}
	if c.HashtagLimit > 0 {
		parts = append(parts, t("{{.N}}/{{.Limit}} hashtags", map[string]any{"N": c.Hashtags, "Limit": c.HashtagLimit}))
	}
	return strings.Join(parts, ", ")
}

// invalidUTF8At is the offset of the first byte that is not UTF-8.
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}
