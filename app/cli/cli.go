// Package cli is Feedtakt's command line for support and automation:
// "feedtakt demo|check|backup DIR". It opens no window; messages go to
// stderr in the user's language and the exit status is non-zero on failure.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"feedtakt/app/cli/quiet"
	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/demo"
)

// Commands lists the words that make Feedtakt run as a command instead of
// opening its window.
var Commands = quiet.Commands

// IsCommand reports whether args start with a command word.
func IsCommand(args []string) bool { return quiet.IsCommand(args) }

// Language picks the message language: German unless LANG/LC_ALL/LANGUAGE
// name another language (Windows has none of them set: German).
func Language() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		if v := os.Getenv(k); v != "" && v != "C" && v != "POSIX" {
			if strings.HasPrefix(v, "de") {
				return "de"
			}
			return "en"
		}
	}
	return "de"
}

// Env is what a command works with; tests fill it.
type Env struct {
	Stdout, Stderr io.Writer
	Stdin          io.Reader // nil = os.Stdin (feedtakt count)
	Lang           string
	Actor          data.Actor
	Now            func() time.Time
}

// fail prints what failed and why (in env's language, with the technical
// detail in brackets for the IT) and returns exit status 1.
func (env Env) fail(what string, err error) int {
	e := data.Explain(err)
	fmt.Fprintf(env.Stderr, "%s\n%s\n(%v)\n", what, assets.Text(env.Lang, e.Key, e.Args), err)
	return 1
}

// Run executes a command and returns the exit status.
func Run(args []string, env Env) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.Lang == "" {
		env.Lang = "de"
	}
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	fail := env.fail
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(env.Stdout, usageText(t))
		return 0
	}
	switch args[0] {
	case "report":
		return runReport(args[1:], env)
	case "akte":
		return runAkte(args[1:], env)
	case "export":
		return runExport(args[1:], env)
	case "import":
		return runImport(args[1:], env)
	case "check":
		return runCheck(args[1:], env)
	case "erase-person":
		return runErase(args[1:], env)
	case "count":
		return runCount(args[1:], env)
	case "bundle":
		return runBundle(args[1:], env)
	case "unbundle":
		return runUnbundle(args[1:], env)
	case "share":
		return runShare(args[1:], env)
	case "share-import":
		return runShareImport(args[1:], env)
	}
	if len(args) != 2 {
		fmt.Fprintln(env.Stderr, usageText(t))
		return 2
	}
	ctx := context.Background()
	dir := args[1]
	opt := data.Options{Actor: env.Actor, Now: env.Now}
	switch args[0] {
	case "demo":
		ws, err := demo.Create(ctx, dir, opt, env.Now())
		if err != nil {
			return fail(t("The demo workspace could not be created in {{.Dir}}.", map[string]any{"Dir": dir}), err)
		}
		defer ws.Close()
		c, _ := ws.Counts(ctx)
		fmt.Fprintln(env.Stdout, t("Demo workspace created in {{.Dir}}: {{.Posts}} posts, {{.Ideas}} ideas, {{.Media}} pictures.",
			map[string]any{"Dir": ws.Dir(), "Posts": c.Posts, "Ideas": c.Ideas, "Media": c.Media}))
		return 0
	case "backup":
		ws, err := openWorkspace(ctx, dir, opt)
		if err != nil {
			return fail(t("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": dir}), err)
		}
		defer ws.Close()
		if ws.ReadOnly() {
			return fail(t("The backup failed.", nil), data.ErrReadOnly)
		}
		b, err := ws.Backup(ctx, "")
		if err != nil {
			return fail(t("The backup failed.", nil), err)
		}
		fmt.Fprintln(env.Stdout, t("Backup written and verified: {{.Path}}", map[string]any{"Path": b.Path}))
		return 0
	}
	fmt.Fprintln(env.Stderr, usageText(t))
	return 2
}

const usage = "Usage:\n  feedtakt [--workspace DIR] [--demo] [--lang de|en]   open the app\n  feedtakt demo DIR     create the demo workspace in DIR (missing or empty)\n  feedtakt check DIR    check a workspace; exit status 0 only if it is healthy\n  feedtakt backup DIR   make and verify a backup now\n  feedtakt export --workspace DIR --format ics|csv|pdf --from DATE --to DATE -o FILE   export the plan\n  feedtakt import --workspace DIR FILE_OR_FOLDER …   import files and folders into the media library"

// usageStrict follows usage: check's option, in a sentence of its own.
const usageStrict = "  feedtakt check --strict DIR   as check, and exit status 3 when a planned post of the next 8 weeks has a consent or licence problem"

// usageErase follows usageStrict: the erasure for the IT department.
const usageErase = "  feedtakt erase-person --workspace DIR --id N [--confirm]   erase a person who withdrew: their pictures, forms and personal data, also in the backups; without --confirm it only shows what would go"

// usageCount follows usageErase: counting a caption like a platform.
const usageCount = "  feedtakt count --platform x|bluesky|mastodon|threads|instagram|tiktok|facebook|linkedin|youtube [--photo] [FILE]   count a caption (FILE or standard input, UTF-8) the way the platform counts, e.g. 287/280; exit status 1 when over the limit"

// usageText is the whole usage.
func usageText(t func(string, map[string]any) string) string {
	return t(usage, nil) + "\n" + t(usageStrict, nil) + "\n" + t(usageErase, nil) + "\n" + t(usageCount, nil) +
		"\n" + t(usageBundle, nil) + "\n" + t(usageUnbundle, nil) + "\n" + t(usageReport, nil) + "\n" + t(usageAkte, nil) +
		"\n" + t(usageShare, nil) + "\n" + t(usageShareImport, nil)
}

const damagedSentence = "The workspace database is damaged. The check changed nothing. When the workspace is opened in Feedtakt, the newest intact backup is put in its place and the damaged file is kept."

// runCheck is "feedtakt check [--strict] DIR".
func runCheck(args []string, env Env) int {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	strict := false
	var dirs []string
	for _, a := range args {
		switch a {
		case "--strict", "-strict":
			strict = true
		default:
			dirs = append(dirs, a)
		}
	}
	if len(dirs) != 1 {
		fmt.Fprintln(env.Stderr, usageText(t))
		return 2
	}
	opt := data.Options{Actor: env.Actor, Now: env.Now}
	return check(context.Background(), dirs[0], opt, strict, env, t, env.fail)
}

// check reports a workspace's health without writing to it, and the
// planned posts of the next weeks that may not go out as they are. The
// exit status is about health; strict makes such a post count too
// (exit status 3), for a scheduled task at the IT department.
func check(ctx context.Context, dir string, opt data.Options, strict bool, env Env, t func(string, map[string]any) string, fail func(string, error) int) int {
	opt.ReadOnly = true
	unhealthy := t("The workspace in {{.Dir}} is not healthy.", map[string]any{"Dir": dir})
	damaged := func(err error) int {
		// Not Explain's sentence for the app ("no intact backup was
		// found"): check only looks, the app restores when it opens.
		fmt.Fprintf(env.Stderr, "%s\n%s\n(%v)\n", unhealthy, t(damagedSentence, nil), err)
		return 1
	}
	ws, err := openWorkspace(ctx, dir, opt)
	if errors.Is(err, data.ErrDamaged) {
		return damaged(err)
	}
	if err != nil {
		return fail(unhealthy, err)
	}
	defer ws.Close()
	h, err := ws.Inspect(ctx)
	if err != nil {
		return fail(t("The workspace in {{.Dir}} is not healthy.", map[string]any{"Dir": dir}), err)
	}
	out := env.Stdout
	fmt.Fprintln(out, t("Workspace: {{.Dir}}", map[string]any{"Dir": h.Dir}))
	fmt.Fprintln(out, t("Data version: {{.V}} (this program: {{.App}})", map[string]any{"V": h.SchemaVersion, "App": data.SchemaVersion()}))
	fmt.Fprintln(out, t("Integrity: {{.I}}", map[string]any{"I": h.Integrity}))
	fmt.Fprintln(out, t("Journal mode: {{.J}}", map[string]any{"J": h.Journal}))
	if h.LockHeld {
		o := h.LockOwner
		fmt.Fprintln(out, t("Open by: {{.Person}} on {{.PC}} since {{.Since}}", map[string]any{"Person": o.Person, "PC": o.PC, "Since": o.Since.Format("02.01.2006 15:04")}))
	} else {
		fmt.Fprintln(out, t("Open by: nobody", nil))
	}
	c := h.Counts
	fmt.Fprintln(out, t("Contents: {{.Posts}} posts, {{.Ideas}} ideas, {{.Channels}} channels, {{.Topics}} topics, {{.Media}} media files, {{.Changes}} change log entries",
		map[string]any{"Posts": c.Posts, "Ideas": c.Ideas, "Channels": c.Channels, "Topics": c.Topics, "Media": c.Media, "Changes": c.Changes}))
	if h.MissingMedia > 0 {
		fmt.Fprintln(out, t("Media library: {{.Count}} file is missing (the app looks for it at the next start; Neu verknüpfen finds moved files).", map[string]any{"Count": h.MissingMedia}))
	}
	if len(h.Backups) == 0 {
		fmt.Fprintln(out, t("Backups: none yet", nil))
	} else {
		fmt.Fprintln(out, t("Backups: {{.N}}, newest {{.Time}}", map[string]any{"N": len(h.Backups), "Time": h.Backups[0].Time.Format("02.01.2006 15:04")}))
	}
	if h.Integrity != "ok" {
		return damaged(fmt.Errorf("%w: %s", data.ErrDamaged, h.Integrity))
	}
	fmt.Fprintln(out, t("Healthy.", nil))
	blocked, err := printBlockedPosts(ctx, ws, env, t)
	if err != nil {
		return fail(t("The planned posts could not be checked.", nil), err)
	}
	if strict && blocked > 0 {
		return 3
	}
	return 0
}

// findingChannel names the channel of a finding; a licence's counts for
// every channel of the post.
func findingChannel(f data.PostFinding, p data.Post, name map[int64]string) string {
	if f.ChannelID != 0 {
		return name[f.ChannelID]
	}
	var all []string
	for _, pc := range p.Channels {
		all = append(all, name[pc.ChannelID])
	}
	return strings.Join(all, ", ")
}

// findingReason is the rule's sentence with the person as a number; a
// licence's names the picture.
func findingReason(f data.PostFinding, language string) string {
	args := maps.Clone(f.Args)
	if f.PersonID != 0 {
		args["Person"] = calendar.Message{Key: "Person no. {{.ID}}", Args: map[string]any{"ID": f.PersonID}}
	}
	reason := calendar.Message{Key: f.Key, Args: args}.Text(language)
	if f.MediaName != "" && f.PersonID == 0 {
		reason += " (" + f.MediaName + ")"
	}
	return reason
}

// checkWeeks is how far ahead check looks for planned posts that may not
// go out.
const checkWeeks = 8

// printBlockedPosts lists the planned posts of the next checkWeeks weeks
// with a blocking consent or licence finding: date, title, channel and
// reason, one line each, and returns how many posts there are. People
// are named by number ("Person Nr. 12", as in the change log), not by
// name: the list goes to the IT department's task logs, and the office
// finds the person under that number in Feedtakt.
func printBlockedPosts(ctx context.Context, ws *data.Workspace, env Env, t func(string, map[string]any) string) (int, error) {
	today := ws.Today()
	posts, err := ws.PostsBetween(ctx, today, today.AddDays(checkWeeks*7-1))
	if err != nil {
		return 0, err
	}
	posts = slices.DeleteFunc(posts, func(p data.Post) bool { return !data.Planned(p) })
	checks, err := ws.ClearPosts(ctx, posts)
	if err != nil {
		return 0, err
	}
	chans, err := ws.Channels(ctx)
	if err != nil {
		return 0, err
	}
	name := map[int64]string{}
	for _, c := range chans {
		name[c.ID] = c.Name
	}
	var lines []string
	n := 0
	for _, p := range posts {
		c := checks[p.ID]
		if !c.Blocked() {
			continue
		}
		n++
		when := p.Date.String()
		if p.Time != nil {
			when += " " + p.Time.String()
		}
		for _, f := range c.Blocking() {
			lines = append(lines, t("  {{.When}}  “{{.Title}}” · {{.Channel}}: {{.Reason}}",
				map[string]any{"When": when, "Title": data.Ellipsis(p.Title, 60), "Channel": findingChannel(f, p, name), "Reason": findingReason(f, env.Lang)}))
		}
	}
	if n == 0 {
		fmt.Fprintln(env.Stdout, t("Consents and licences: no planned post in the next {{.N}} weeks is blocked.", map[string]any{"N": checkWeeks}))
		return 0, nil
	}
	fmt.Fprintln(env.Stdout, t("Consents and licences: planned posts in the next {{.N}} weeks that cannot be approved as they are: {{.Count}}",
		map[string]any{"N": checkWeeks, "Count": n}))
	for _, l := range lines {
		fmt.Fprintln(env.Stdout, l)
	}
	return n, nil
}
