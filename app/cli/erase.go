package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"feedtakt/assets"
	"feedtakt/data"
)

// runErase is "feedtakt erase-person --workspace DIR --id N [--confirm]":
// the erasure of a person's pictures and personal data after a withdrawal,
// without a window, for the IT department. Without --confirm it prints what
// would be removed and exits 1, changing nothing; with it, it erases (or
// completes an interrupted erasure) and prints what it removed. Exit
// status 0 when the erasure is complete, 1 when it failed or a backup could
// not be rewritten (listed), 2 for bad arguments.
func runErase(args []string, env Env) int {
	t := func(key string, a map[string]any) string { return assets.Text(env.Lang, key, a) }
	usageLine := func(w io.Writer) {
		fmt.Fprintln(w, t("Usage: feedtakt erase-person --workspace DIR --id N [--confirm]", nil))
	}
	fs := flag.NewFlagSet("erase-person", flag.ContinueOnError)
	dir := fs.String("workspace", "", "")
	id := fs.Int64("id", 0, "")
	confirm := fs.Bool("confirm", false, "")
	if code, ok := parseOptions(fs, args, env, usageLine); !ok {
		return code
	}
	if *dir == "" || *id <= 0 || fs.NArg() > 0 {
		usageLine(env.Stderr)
		return 2
	}
	ctx := context.Background()
	ws, err := openWorkspace(ctx, *dir, data.Options{Actor: env.Actor, Now: env.Now})
	if err != nil {
		return env.fail(t("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": *dir}), err)
	}
	defer ws.Close()
	if ws.ReadOnly() {
		return env.fail(t("The erasure failed.", nil), data.ErrReadOnly)
	}
	failed := t("The erasure failed.", nil)
	if rec, err := ws.Erasure(ctx, *id); err == nil && rec.Done() && !*confirm {
		printRecord(env.Stdout, t, rec)
		return 0
	}
	if !*confirm {
		plan, err := ws.PlanErasure(ctx, *id)
		if err != nil {
			return env.fail(failed, err)
		}
		printPlan(env.Stdout, t, plan)
		fmt.Fprintln(env.Stdout, t("Nothing was removed. Run the command again with --confirm to erase.", nil))
		return 1
	}
	res, err := ws.ErasePerson(ctx, *id, nil)
	if res.AlreadyDone {
		printRecord(env.Stdout, t, res.Record)
		return 0
	}
	if err != nil && !errors.Is(err, data.ErrErasureIncomplete) {
		return env.fail(failed, err)
	}
	printErasure(env.Stdout, t, res)
	if len(res.BackupsFailed) > 0 {
		for _, f := range res.BackupsFailed {
			fmt.Fprintln(env.Stderr, t("Backup not rewritten: {{.Path}} ({{.Err}})", map[string]any{"Path": f.Path, "Err": f.Err}))
		}
		fmt.Fprintln(env.Stderr, t("The erasure is not complete: the files listed still hold the person's data. Delete them, then run the command again.", nil))
		return 1
	}
	return 0
}

// printPlan says what an erasure would remove.
func printPlan(w io.Writer, t func(string, map[string]any) string, p data.ErasurePlan) {
	if p.Resume {
		fmt.Fprintln(w, t("An erasure of person no. {{.ID}} was interrupted. Running it again completes it:", map[string]any{"ID": p.PersonID}))
	} else {
		fmt.Fprintln(w, t("Erasing person no. {{.ID}} removes:", map[string]any{"ID": p.PersonID}))
	}
	for _, line := range erasurePlanLines(t, p) {
		fmt.Fprintln(w, "  "+line)
	}
}

// erasurePlanLines words a plan, one line per kind of thing removed.
func erasurePlanLines(t func(string, map[string]any) string, p data.ErasurePlan) []string {
	lines := []string{
		t("{{.Count}} picture shows the person.", map[string]any{"Count": p.Pictures}),
	}
	// Only what is there is mentioned, as in the window's confirmation.
	for _, c := range []struct {
		line string
		n    int
	}{
		{t("{{.Count}} of these pictures also shows other people; it is erased all the same.", map[string]any{"Count": p.WithOthers}), p.WithOthers},
		{t("{{.Count}} scanned consent form is erased.", map[string]any{"Count": p.Forms}), p.Forms},
		{t("{{.Count}} post loses these pictures; it stays, its texts say “[Name entfernt]” instead of the name.", map[string]any{"Count": p.Posts}), p.Posts},
		{t("{{.Count}} prepared copy in “Zum Hochladen” is erased.", map[string]any{"Count": p.UploadCopies}), p.UploadCopies},
		{t("{{.Count}} backup is checked and rewritten where it holds the person.", map[string]any{"Count": p.Backups}), p.Backups},
	} {
		if c.n > 0 {
			lines = append(lines, c.line)
		}
	}
	lines = append(lines, t("Name, contact details, notes, guardians and consents of the person. What stays is a record without a name: number, day of the withdrawal, day of the erasure.", nil))
	if p.SameName > 0 {
		lines = append(lines, t(sameNameKey, map[string]any{"N": p.SameName}))
	}
	return lines
}

// sameNameKey warns of namesakes in the confirmation (also the window's).
const sameNameKey = "Other people of the same name: {{.N}}. Texts that name them lose the name too, as they cannot be told apart; their own records stay."

// printErasure says what an erasure removed.
func printErasure(w io.Writer, t func(string, map[string]any) string, r data.ErasureResult) {
	fmt.Fprintln(w, t("Erased person no. {{.ID}}:", map[string]any{"ID": r.PersonID}))
	for _, line := range []string{
		t("Pictures: {{.N}}, consent forms: {{.Forms}}", map[string]any{"N": r.Pictures, "Forms": r.Forms}),
		t("Files removed: {{.Files}} originals, {{.Thumbs}} thumbnails, {{.Trash}} from the Papierkorb, {{.Copies}} prepared copies",
			map[string]any{"Files": r.Files, "Thumbs": r.Thumbnails, "Trash": r.TrashCopies, "Copies": r.UploadCopies}),
		t("Posts that lost the pictures: {{.N}}; texts where the name was replaced: {{.Texts}}", map[string]any{"N": r.Posts, "Texts": r.Texts}),
		t("Backups checked: {{.Checked}}, rewritten and verified: {{.Rewritten}}", map[string]any{"Checked": r.BackupsChecked, "Rewritten": r.BackupsRewritten}),
	} {
		fmt.Fprintln(w, "  "+line)
	}
}

// printRecord shows the proof record of a completed erasure.
func printRecord(w io.Writer, t func(string, map[string]any) string, rec data.ErasureRecord) {
	withdrawn := "—"
	if rec.WithdrawnOn != nil {
		withdrawn = rec.WithdrawnOn.String()
	}
	fmt.Fprintln(w, t("Person no. {{.ID}} was erased on {{.Date}} (withdrawal of {{.Withdrawn}}; {{.Pictures}} pictures, {{.Forms}} consent forms). Nothing left to do.",
		map[string]any{"ID": rec.PersonID, "Date": rec.Erased.Local().Format("02.01.2006 15:04"), "Withdrawn": withdrawn,
			"Pictures": rec.Pictures, "Forms": rec.Forms}))
}
