package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/data/calendar"
	"feedtakt/data/upload"
)

// Bilder endgültig löschen: after a withdrawal, a person's pictures and
// personal data are removed from everything the workspace keeps — the
// files (media/, thumbs/, the Papierkorb, prepared copies in "Zum
// Hochladen"), the rows, the texts that name the person, the database's
// free pages and WAL, and every backup — leaving only the proof record in
// erasures (migration 0007). It is the one exception to "media are never
// deleted outright" (ARCHITECTURE.md).
//
// Decisions, so the confirmation can say them:
//   - A picture that also shows other people is erased too: the person is
//     identifiable on it, and a crop is not something Feedtakt can make
//     safely on its own. Their links to it go with it.
//   - A scanned consent form of the person is erased, also when another
//     consent names the same form (a joint form shows the name).
//   - Posts stay and lose the picture; texts that name the person (post
//     titles, captions and notes, other people's notes, picture texts, the
//     change log …) get "[Name entfernt]" instead of the name; change-log
//     lines that quote an erased picture's name get "[Bild gelöscht]". The
//     change log is append-only; this rewrite inside the erasure's
//     transaction is its one exception.
//   - Not rewritten: who made a change (the change log's author and PC),
//     who ticked a removal, and the settings: they are the workspace's own
//     record of its users, not data about the person in the pictures.
//   - Prepared copies are found by name (data/upload names them after the
//     post's date and title, or the picture's name, and the format); every
//     copy of a post that showed the person goes, also copies of its other
//     pictures (they can be made again).
//
// Crash safety: the plan is written to erasures.pending before anything is
// removed; each step is idempotent and records that it is done, so running
// ErasePerson again completes an interrupted erasure. Files go before rows:
// a row whose file is gone is only "Datei fehlt", whereas a file whose row
// is gone would be adopted back by ScanMedia.

// ErasureRecord is the proof that a withdrawal was handled: the person's
// number, the day of the withdrawal, when the erasure ran, who ran it and
// how much went. It holds no name and no picture.
type ErasureRecord struct {
	PersonID    int64
	WithdrawnOn *calendar.Date
	Started     time.Time
	Erased      time.Time // zero while the erasure is not complete
	By          string    // the workspace user who ran it
	Pictures    int
	Forms       int
	Posts       int
	Backups     int // backups rewritten
}

// Done reports whether the erasure completed.
func (r ErasureRecord) Done() bool { return !r.Erased.IsZero() }

// ErasurePlan says what ErasePerson will remove, for the confirmation.
type ErasurePlan struct {
	PersonID int64
	// Pictures the person is shown in (Mediathek and Papierkorb), of them
	// WithOthers also show other people (erased too).
	Pictures, WithOthers int
	Forms                int // scanned consent forms
	Posts                int // posts that lose a picture (they stay)
	UploadCopies         int // prepared copies in "Zum Hochladen"
	// SameName counts other people of the same name: texts naming it lose
	// the name too, as they cannot be told apart; their own records stay.
	SameName int
	Backups  int // backups that are checked and rewritten where they hold the person
	// Resume is set when an erasure was interrupted: running it completes it.
	Resume bool
}

// BackupFailure is a backup (or a kept damaged database) that could not be
// rewritten and still holds the person's data.
type BackupFailure struct {
	Path string
	Err  error
}

// ErasureResult is what ErasePerson removed.
type ErasureResult struct {
	PersonID int64
	// Files removed from media/, thumbnail files, Papierkorb entries and
	// prepared copies.
	Files, Thumbnails, TrashCopies, UploadCopies int
	// Rows: pictures and forms erased, posts that lost a picture, texts
	// where the name was replaced.
	Pictures, Forms, Posts, Texts    int
	BackupsChecked, BackupsRewritten int
	BackupsFailed                    []BackupFailure
	Record                           ErasureRecord
	// AlreadyDone: the erasure had completed before; only the final clean
	// of the database file ran again.
	AlreadyDone bool
}

// ErrErasureIncomplete means a backup could not be rewritten: the person's
// data is gone from the workspace but not from that file. Running the
// erasure again retries it.
var ErrErasureIncomplete = errors.New("erasure incomplete: a backup could not be rewritten")

// errDamagedCopy is the reason a kept damaged database is not rewritten.
var errDamagedCopy = errors.New("kept damaged database: cannot be rewritten, delete it")

// Words put in place of what was erased.
const (
	nameRemoved    = "[Name entfernt]"
	pictureRemoved = "[Bild gelöscht]"
)

// Steps of an erasure, in order; erasureJob.Step is the next one to run.
const (
	stepFiles   = "files"
	stepRows    = "rows"
	stepBackups = "backups"
	// stepClean: everything is gone but the database file's free pages
	// and WAL may still hold old content; the plan kept for it has no
	// name and no hash left.
	stepClean = "clean"
)

// erasureJob is the plan kept in erasures.pending while an erasure runs.
// It holds the name (to find it in texts and backups) until the erasure
// completes; then pending is emptied and the file vacuumed.
type erasureJob struct {
	Step    string   `json:"step"`
	Name    string   `json:"name"`
	Needles []string `json:"needles"` // name, guardians, contact lines: replaced in texts
	Quoted  []string `json:"quoted"`  // picture names as the change log quotes them
	Hashes  []string `json:"hashes"`  // pictures and forms
	Paths   []string `json:"paths"`   // their files under the workspace
	Uploads []string `json:"uploads"` // prepared copies (file names in UploadDir)
	// Pictures and Forms are the counts of the plan; the rest accumulate
	// across interrupted runs.
	Pictures int `json:"pictures"`
	Forms    int `json:"forms"`
	Posts    int `json:"posts"`
	Texts    int `json:"texts"`
	Files    int `json:"files"`
	Thumbs   int `json:"thumbs"`
	Trash    int `json:"trash"`
	Copies   int `json:"copies"`
	Backups  int `json:"backups"`
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

const erasureColumns = `person_id, withdrawn_on, started_at, erased_at, erased_by, pictures, forms, posts, backups, pending`

func scanErasure(r rowScanner) (ErasureRecord, string, error) {
	var rec ErasureRecord
	var withdrawn, erased sql.NullString
	var started, pending string
	if err := r.Scan(&rec.PersonID, &withdrawn, &started, &erased, &rec.By, &rec.Pictures, &rec.Forms, &rec.Posts, &rec.Backups, &pending); err != nil {
		return rec, "", err
	}
	var err error
	if rec.WithdrawnOn, err = parseNullDate(withdrawn); err != nil {
		return rec, "", err
	}
	rec.Started = parseUTC(started)
	if erased.Valid {
		rec.Erased = parseUTC(erased.String)
	}
	return rec, pending, nil
}

func erasureRecord(ctx context.Context, q queryer, personID int64) (ErasureRecord, error) {
	rec, _, err := scanErasure(q.QueryRowContext(ctx, `SELECT `+erasureColumns+` FROM erasures WHERE person_id = ?`, personID))
	if err != nil {
		return rec, notFound("erasure", personID, err)
	}
	return rec, nil
}

// Erasures lists the erasures, newest first: the proof records, and any
// erasure that was interrupted (not Done: run ErasePerson again).
func (w *Workspace) Erasures(ctx context.Context) ([]ErasureRecord, error) {
	rows, err := w.reader().QueryContext(ctx, `SELECT `+erasureColumns+` FROM erasures ORDER BY started_at DESC, person_id DESC`)
	if err != nil {
		return nil, w.fault("read erasures", err)
	}
	defer rows.Close()
	var out []ErasureRecord
	for rows.Next() {
		rec, _, err := scanErasure(rows)
		if err != nil {
			return nil, w.fault("read erasures", err)
		}
		out = append(out, rec)
	}
	return out, w.fault("read erasures", rows.Err())
}

// Erasure returns the erasure record of a person, or ErrNotFound.
func (w *Workspace) Erasure(ctx context.Context, personID int64) (ErasureRecord, error) {
	rec, err := erasureRecord(ctx, w.reader(), personID)
	if err != nil && !isNotFound(err) {
		return rec, w.fault("read erasure", err)
	}
	return rec, err
}

// PlanErasure says what ErasePerson would remove. It refuses (an
// *InvalidError) a person whose consent is in force: the withdrawal must
// be recorded first, so a mistyped number cannot erase the wrong person.
func (w *Workspace) PlanErasure(ctx context.Context, personID int64) (ErasurePlan, error) {
	plan := ErasurePlan{PersonID: personID}
	rec, pending, err := scanErasure(w.reader().QueryRowContext(ctx, `SELECT `+erasureColumns+` FROM erasures WHERE person_id = ?`, personID))
	switch {
	case err == nil && rec.Done():
		return plan, invalidArgs("person", "The pictures of person no. {{.ID}} were already erased on {{.Date}}.",
			map[string]any{"ID": personID, "Date": rec.Erased.Local().Format("02.01.2006")})
	case err == nil:
		var job erasureJob
		if err := json.Unmarshal([]byte(pending), &job); err != nil {
			return plan, w.fault("read erasure", err)
		}
		plan.Resume = true
		plan.Pictures, plan.Forms, plan.Posts, plan.UploadCopies = job.Pictures, job.Forms, job.Posts, len(job.Uploads)
	case !errors.Is(err, sql.ErrNoRows):
		return plan, w.fault("read erasure", err)
	default:
		job, withOthers, err := w.planJob(ctx, personID)
		if err != nil {
			return plan, err
		}
		plan.Pictures, plan.WithOthers, plan.Forms, plan.Posts, plan.UploadCopies = job.Pictures, withOthers, job.Forms, job.Posts, len(job.Uploads)
		if err := w.reader().QueryRowContext(ctx, `SELECT count(*) FROM people WHERE id != ? AND name = ?`, personID, job.Name).Scan(&plan.SameName); err != nil {
			return plan, w.fault("plan erasure", err)
		}
	}
	bs, err := w.erasureTargets()
	if err != nil {
		return plan, err
	}
	plan.Backups = len(bs)
	return plan, nil
}

// planJob gathers what an erasure of the person removes.
func (w *Workspace) planJob(ctx context.Context, personID int64) (erasureJob, int, error) {
	job := erasureJob{Step: stepFiles}
	q := w.reader()
	p, err := getPerson(ctx, q, personID)
	if err != nil {
		return job, 0, w.fault("plan erasure", err)
	}
	cs, err := w.consentsOf(ctx, q, []int64{personID})
	if err != nil {
		return job, 0, w.fault("plan erasure", err)
	}
	switch PersonStateOn(p, cs[personID], w.Today()) {
	case PersonOK, PersonExpiring:
		return job, 0, invalid("person", "This person's consent is in force. Record the withdrawal first; then the pictures can be erased.")
	}
	job.Name = p.Name
	job.Needles = personNeedles(p)
	pictures, err := queryColumn[string](ctx, q, `SELECT DISTINCT media_hash FROM media_people WHERE person_id = ? ORDER BY 1`, personID)
	if err != nil {
		return job, 0, w.fault("plan erasure", err)
	}
	forms, err := queryColumn[string](ctx, q, `SELECT DISTINCT form_hash FROM consents WHERE person_id = ? AND form_hash != '' ORDER BY 1`, personID)
	if err != nil {
		return job, 0, w.fault("plan erasure", err)
	}
	job.Pictures, job.Forms = len(pictures), len(forms)
	for _, h := range forms {
		if !slices.Contains(pictures, h) {
			pictures = append(pictures, h)
		} else {
			job.Pictures--
		}
	}
	job.Hashes = pictures
	list := jsonList(job.Hashes)
	var withOthers int
	if err := q.QueryRowContext(ctx, `SELECT count(DISTINCT media_hash) FROM media_people
		WHERE media_hash IN (SELECT value FROM json_each(?)) AND person_id != ?`, list, personID).Scan(&withOthers); err != nil {
		return job, 0, w.fault("plan erasure", err)
	}
	if err := q.QueryRowContext(ctx, `SELECT count(DISTINCT pm.post_id) FROM post_media pm JOIN media m ON m.id = pm.media_id
		WHERE m.hash IN (SELECT value FROM json_each(?))`, list).Scan(&job.Posts); err != nil {
		return job, 0, w.fault("plan erasure", err)
	}
	var media []Media
	rows, err := q.QueryContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE hash IN (SELECT value FROM json_each(?)) ORDER BY id`, list)
	if err != nil {
		return job, 0, w.fault("plan erasure", err)
	}
	for rows.Next() {
		m, err := scanMedia(rows)
		if err != nil {
			rows.Close()
			return job, 0, w.fault("plan erasure", err)
		}
		media = append(media, m)
		job.Paths = append(job.Paths, m.Path)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return job, 0, w.fault("plan erasure", err)
	}
	// Pictures only in the Papierkorb: their notes know their names.
	idx, err := trashIndex(w.path(TrashDir))
	if err != nil {
		return job, 0, err
	}
	for _, h := range job.Hashes {
		for _, key := range idx[h] {
			if it, err := readTrashItem(w.path(TrashDir), key); err == nil {
				media = append(media, it.Media)
			}
		}
	}
	for _, m := range media {
		for _, s := range []string{displayName(m), m.Title, m.OriginalName} {
			if q := "„" + Ellipsis(s, 80) + "“"; s != "" && !slices.Contains(job.Quoted, q) {
				job.Quoted = append(job.Quoted, q)
			}
		}
	}
	if job.Uploads, err = w.uploadCopiesOf(ctx, q, media, list); err != nil {
		return job, 0, err
	}
	return job, withOthers, nil
}

// personNeedles are the texts that identify the person: the name (also
// with umlauts spelled out), the guardians' names and the lines of the
// contacts.
func personNeedles(p Person) []string {
	var out []string
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if utf8.RuneCountInString(s) >= 2 && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	addContact := func(c string) {
		for _, line := range strings.Split(c, "\n") {
			if utf8.RuneCountInString(strings.TrimSpace(line)) >= 5 {
				add(line)
			}
		}
	}
	names := []string{p.Name}
	for _, g := range p.Guardians {
		names = append(names, g.Name)
		addContact(g.Contact)
	}
	for _, n := range names {
		add(n)
		add(searchFold.Replace(n))
	}
	addContact(p.Contact)
	return out
}

// uploadCopiesOf finds the prepared copies of the pictures in UploadDir.
// data/upload names a copy "<date> <post title> – <format>" for a post,
// "<picture name> – <format>" without one, made safe for a file system and
// with " (2)" … when the name was taken.
func (w *Workspace) uploadCopiesOf(ctx context.Context, q queryer, media []Media, hashList string) ([]string, error) {
	es, err := os.ReadDir(w.UploadPath())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", UploadDir, err)
	}
	var heads []string
	for _, m := range media {
		// The copy of a picture without a post is named after its title,
		// else its file name without the extension (app/prepare.go).
		for _, name := range []string{m.Title, strings.TrimSuffix(m.OriginalName, path.Ext(m.OriginalName))} {
			if strings.TrimSpace(name) != "" {
				heads = append(heads, upload.SafeStem(upload.Stem("", name, ""), 120))
			}
		}
	}
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT p.title, coalesce(p.day, '') FROM posts p JOIN post_media pm ON pm.post_id = p.id
		JOIN media m ON m.id = pm.media_id WHERE m.hash IN (SELECT value FROM json_each(?))`, hashList)
	if err != nil {
		return nil, w.fault("plan erasure", err)
	}
	for rows.Next() {
		var title, day string
		if err := rows.Scan(&title, &day); err != nil {
			rows.Close()
			return nil, w.fault("plan erasure", err)
		}
		heads = append(heads, upload.SafeStem(upload.Stem(day, title, ""), 120))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, w.fault("plan erasure", err)
	}
	var out []string
	for _, e := range es {
		if !e.Type().IsRegular() || !strings.EqualFold(filepath.Ext(e.Name()), upload.Ext) {
			continue
		}
		if stem := copyStem(e.Name()); slices.ContainsFunc(heads, func(h string) bool { return copyOf(stem, h) }) {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

var copyNumber = regexp.MustCompile(` \([0-9]+\)$`)

// copyStem is a copy's name without the extension and " (2)".
func copyStem(name string) string {
	return copyNumber.ReplaceAllString(strings.TrimSuffix(name, filepath.Ext(name)), "")
}

// copyOf reports whether a copy named stem was made from head: head, then
// the format after " – "; a stem cut short in a deep folder is a prefix of
// that.
func copyOf(stem, head string) bool {
	full := head + " – "
	if strings.HasPrefix(stem, full) {
		return true
	}
	return utf8.RuneCountInString(stem) >= 24 && strings.HasPrefix(full, stem)
}

// ErasePerson erases a person's pictures and personal data (see the top of
// this file), leaving the proof record, and returns what it removed. It
// resumes an interrupted erasure. progress, when not nil, is called after
// each step (done of total). A backup that cannot be rewritten is listed in
// BackupsFailed and the error is ErrErasureIncomplete; running it again
// retries.
func (w *Workspace) ErasePerson(ctx context.Context, personID int64, progress func(done, total int)) (ErasureResult, error) {
	res := ErasureResult{PersonID: personID}
	if w.readOnly {
		return res, fmt.Errorf("erase person: %w", ErrReadOnly)
	}
	if w.gone() {
		return res, fmt.Errorf("erase person: %w", ErrWorkspaceGone)
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	// No backup may be made while the person is half erased: it would
	// keep the plan with the name.
	w.backupMu.Lock()
	defer w.backupMu.Unlock()
	job, rec, err := w.eraseInWorkspace(ctx, personID, progress)
	if err != nil || rec != nil {
		if rec != nil {
			res.AlreadyDone, res.Record = true, *rec
		}
		fillResult(&res, job)
		return res, err
	}
	// The backups are rewritten without holding the write connection, so
	// the screens can save meanwhile.
	var targets []string
	if job.Step != stepClean {
		if targets, err = w.erasureTargets(); err != nil {
			return res, err
		}
	}
	total := 3 + len(targets)
	var failed []BackupFailure
	rewritten := 0
	for i, t := range targets {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		res.BackupsChecked++
		changed, err := rewriteBackup(ctx, t, personID, &job)
		switch {
		case err != nil:
			failed = append(failed, BackupFailure{Path: t, Err: err})
		case changed:
			rewritten++
			// Counted at once: a rerun finds this backup clean and would
			// not count it again.
			job.Backups++
			if err := w.withSecureConn(ctx, func(conn *sql.Conn) error { return saveJob(ctx, conn, personID, &job) }); err != nil {
				return res, w.fault("erase person", err)
			}
		}
		progress(3+i, total)
	}
	res.BackupsRewritten = rewritten
	res.BackupsFailed = failed
	fillResult(&res, job)
	err = w.withSecureConn(ctx, func(conn *sql.Conn) error {
		if len(failed) > 0 {
			if err := saveJob(ctx, conn, personID, &job); err != nil {
				return w.fault("erase person", err)
			}
			return fmt.Errorf("erase person %d: %d %s: %w", personID, len(failed), plural(len(failed), "backup", "backups"), ErrErasureIncomplete)
		}
		// The plan loses the name and the hashes first; then the file is
		// cleaned; then the erasure is marked done. A kill in between
		// leaves the clean step, which a rerun (or the next open) does.
		job = erasureJob{Step: stepClean, Pictures: job.Pictures, Forms: job.Forms, Posts: job.Posts, Backups: job.Backups}
		if err := saveJob(ctx, conn, personID, &job); err != nil {
			return w.fault("erase person", err)
		}
		if err := erasureFault("clean"); err != nil {
			return err
		}
		if err := w.cleanFile(ctx, conn); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, `UPDATE erasures SET erased_at = ?, pending = '', pictures = ?, forms = ?, posts = ?, backups = ?
			WHERE person_id = ?`, w.timestamp(), job.Pictures, job.Forms, job.Posts, job.Backups, personID); err != nil {
			return w.fault("erase person", err)
		}
		progress(total, total)
		var err error
		if res.Record, err = erasureRecord(ctx, conn, personID); err != nil {
			return w.fault("erase person", err)
		}
		return nil
	})
	return res, err
}

// withSecureConn runs fn on the write connection with secure_delete on:
// deleted content is overwritten with zeros, not just unlinked.
func (w *Workspace) withSecureConn(ctx context.Context, fn func(conn *sql.Conn) error) error {
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return w.fault("erase person", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA secure_delete = ON`); err != nil {
		return w.fault("erase person", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA secure_delete = OFF`)
	return fn(conn)
}

// eraseInWorkspace starts or resumes the erasure and runs its steps in the
// workspace itself: the journal, the files, the rows. For an erasure done
// before it only cleans the file again and returns its record.
func (w *Workspace) eraseInWorkspace(ctx context.Context, personID int64, progress func(done, total int)) (job erasureJob, done *ErasureRecord, err error) {
	err = w.withSecureConn(ctx, func(conn *sql.Conn) error {
		rec, pending, err := scanErasure(conn.QueryRowContext(ctx, `SELECT `+erasureColumns+` FROM erasures WHERE person_id = ?`, personID))
		switch {
		case err == nil && rec.Done():
			done = &rec
			return w.cleanFile(ctx, conn)
		case err == nil:
			if err := json.Unmarshal([]byte(pending), &job); err != nil {
				return w.fault("erase person", err)
			}
		case errors.Is(err, sql.ErrNoRows):
			if job, _, err = w.planJob(ctx, personID); err != nil {
				return err
			}
			if err := w.startErasure(ctx, conn, personID, &job); err != nil {
				return err
			}
		default:
			return w.fault("erase person", err)
		}
		progress(0, 3)
		if job.Step == stepFiles {
			if err := w.eraseFiles(ctx, &job); err != nil {
				return err
			}
			job.Step = stepRows
			if err := saveJob(ctx, conn, personID, &job); err != nil {
				return w.fault("erase person", err)
			}
		}
		progress(1, 3)
		if job.Step == stepRows {
			if err := w.eraseLive(ctx, conn, personID, &job); err != nil {
				return err
			}
		}
		progress(2, 3)
		return nil
	})
	return job, done, err
}

func fillResult(res *ErasureResult, job erasureJob) {
	res.Files, res.Thumbnails, res.TrashCopies, res.UploadCopies = job.Files, job.Thumbs, job.Trash, job.Copies
	res.Pictures, res.Forms, res.Posts, res.Texts = job.Pictures, job.Forms, job.Posts, job.Texts
}

// startErasure writes the journal row: the intent, before anything goes.
func (w *Workspace) startErasure(ctx context.Context, conn *sql.Conn, personID int64, job *erasureJob) error {
	var withdrawn sql.NullString
	if err := conn.QueryRowContext(ctx, `SELECT min(withdrawn_on) FROM consents WHERE person_id = ?`, personID).Scan(&withdrawn); err != nil {
		return w.fault("erase person", err)
	}
	b, err := json.Marshal(job)
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO erasures (person_id, withdrawn_on, started_at, erased_by, pictures, forms, posts, pending)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, personID, withdrawn, w.timestamp(), w.Actor().Person, job.Pictures, job.Forms, job.Posts, string(b)); err != nil {
		return w.fault("erase person", err)
	}
	return erasureFault("journal")
}

func saveJob(ctx context.Context, conn *sql.Conn, personID int64, job *erasureJob) error {
	b, err := json.Marshal(job)
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, `UPDATE erasures SET pending = ? WHERE person_id = ?`, string(b), personID)
	return err
}

// erasureFault is a test hook: the crash test's child process exits there
// to stand for a kill between two steps.
var erasureFault = func(step string) error { return nil }

// eraseFiles removes the files: Papierkorb entries first (the scan would
// put one back for a row whose file is missing), then the originals, the
// thumbnails and the prepared copies. A file already gone is no error.
func (w *Workspace) eraseFiles(ctx context.Context, job *erasureJob) error {
	idx, err := trashIndex(w.path(TrashDir))
	if err != nil {
		return err
	}
	for _, h := range job.Hashes {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !isHash(h) {
			continue // not a content hash: names no file (and no glob pattern)
		}
		for _, key := range idx[h] {
			day, name, _, err := parseTrashKey(key)
			if err != nil {
				continue
			}
			file := filepath.Join(w.path(TrashDir), day, name)
			if err := removeFile(file + noteSuffix); err != nil {
				return w.fault("erase files", err)
			}
			if err := removeFile(file); err != nil {
				return w.fault("erase files", err)
			}
			job.Trash++
		}
		if err := erasureFault("trash"); err != nil {
			return err
		}
		files, _ := filepath.Glob(filepath.Join(w.path(MediaDir), h[:2], h+"*"))
		for _, p := range job.Paths {
			if strings.Contains(p, h) {
				files = append(files, w.path(filepath.FromSlash(p)))
			}
		}
		slices.Sort(files)
		for _, f := range slices.Compact(files) {
			if _, err := os.Lstat(f); err == nil {
				if err := removeFile(f); err != nil {
					return w.fault("erase files", err)
				}
				job.Files++
			}
		}
		// Thumbnails are <thumbs>/<hh>/<hash>-<size>.jpg (data/thumbs.Cache,
		// which data cannot import: its tests import data).
		thumbsOf, _ := filepath.Glob(filepath.Join(w.path(ThumbsDir), h[:2], h+"-*.jpg"))
		for _, f := range thumbsOf {
			if err := removeFile(f); err != nil {
				return w.fault("erase files", err)
			}
		}
		job.Thumbs += len(thumbsOf)
		if err := erasureFault("media"); err != nil {
			return err
		}
	}
	for _, name := range job.Uploads {
		p := filepath.Join(w.UploadPath(), name)
		if _, err := os.Lstat(p); err == nil {
			if err := removeFile(p); err != nil {
				return w.fault("erase files", err)
			}
			job.Copies++
		}
	}
	return erasureFault("files")
}

func removeFile(p string) error {
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// eraseLive removes the rows and rewrites the texts of the workspace's own
// database in one transaction, with the change-log line and the next step.
func (w *Workspace) eraseLive(ctx context.Context, conn *sql.Conn, personID int64, job *erasureJob) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return w.fault("erase person", err)
	}
	defer tx.Rollback()
	if err := keepPublishedPosts(ctx, tx, personID, job.Hashes); err != nil {
		return w.fault("erase person", err)
	}
	n, err := eraseRows(ctx, tx, personID, job, true)
	if err != nil {
		return w.fault("erase person", err)
	}
	job.Posts = max(job.Posts, n.posts)
	job.Texts += n.texts
	summary := fmt.Sprintf("Person Nr. %d: Bilder und personenbezogene Daten nach Widerruf endgültig gelöscht (%d %s, %d %s; aus %d %s entfernt)",
		personID, job.Pictures, plural(job.Pictures, "Bild", "Bilder"), job.Forms, plural(job.Forms, "Einwilligungserklärung", "Einwilligungserklärungen"),
		job.Posts, plural(job.Posts, "Beitrag", "Beiträgen"))
	actor := w.Actor()
	if _, err := tx.ExecContext(ctx, `INSERT INTO changelog (at, person, pc, action, item, item_id, summary) VALUES (?, ?, ?, 'delete', 'person', ?, ?)`,
		w.timestamp(), actor.Person, actor.PC, personID, summary); err != nil {
		return w.fault("erase person", err)
	}
	job.Step = stepBackups
	b, err := json.Marshal(job)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE erasures SET pending = ?, posts = ? WHERE person_id = ?`, string(b), job.Posts, personID); err != nil {
		return w.fault("erase person", err)
	}
	if err := tx.Commit(); err != nil {
		return w.fault("erase person", err)
	}
	return erasureFault("rows")
}

type rowCounts struct {
	posts, media, people, links, texts int
}

func (n rowCounts) any() bool { return n.media+n.people+n.links+n.texts > 0 }

// rowStep is one statement of eraseRows, run when its table (and column)
// exist: a backup may be of an older schema.
type rowStep struct {
	table, column string // column "" = the table suffices
	count         *int
	query         string
	args          []any
}

// eraseRows removes the person and the pictures from a database (the
// workspace's, or a backup's copy of any schema version) and replaces the
// person's name in its texts. live is false for a backup: there the
// person's row is removed only if it bears the same name, and a pending
// journal row (a backup made while an erasure ran) goes as well.
func eraseRows(ctx context.Context, tx *sql.Tx, personID int64, job *erasureJob, live bool) (rowCounts, error) {
	var n rowCounts
	tables, err := tableSet(ctx, tx)
	if err != nil {
		return n, err
	}
	list := jsonList(job.Hashes)
	const inList = `(SELECT value FROM json_each(?))`
	if tables["media"] && tables["post_media"] {
		if err := tx.QueryRowContext(ctx, `SELECT count(DISTINCT post_id) FROM post_media WHERE media_id IN (SELECT id FROM media WHERE hash IN `+inList+`)`,
			list).Scan(&n.posts); err != nil {
			return n, err
		}
	}
	// The person's row goes last but one: guardians, consents with their
	// scope and the picture links go with it (ON DELETE CASCADE). In a
	// backup only a row of the same name is the person's.
	personQuery, personArgs := `DELETE FROM people WHERE id = ?`, []any{personID}
	if !live {
		personQuery, personArgs = personQuery+` AND name = ?`, append(personArgs, job.Name)
	}
	steps := []rowStep{
		{"post_media", "", &n.links, `DELETE FROM post_media WHERE media_id IN (SELECT id FROM media WHERE hash IN ` + inList + `)`, []any{list}},
		{"media", "poster_hash", &n.links, `UPDATE media SET poster_hash = '' WHERE poster_hash IN ` + inList, []any{list}},
		{"media", "", &n.media, `DELETE FROM media WHERE hash IN ` + inList, []any{list}},
		{"media_people", "", &n.links, `DELETE FROM media_people WHERE media_hash IN ` + inList, []any{list}},
		{"media_people_decision", "", &n.links, `DELETE FROM media_people_decision WHERE media_hash IN ` + inList, []any{list}},
		{"consent_media", "", &n.links, `DELETE FROM consent_media WHERE media_hash IN ` + inList, []any{list}},
		{"consents", "", &n.links, `UPDATE consents SET form_hash = '' WHERE form_hash IN ` + inList, []any{list}},
		{"people", "", &n.people, personQuery, personArgs},
	}
	if !live {
		// A backup made while an erasure ran keeps its plan, with the name.
		steps = append(steps, rowStep{"erasures", "", &n.people, `DELETE FROM erasures WHERE person_id = ? AND erased_at IS NULL`, []any{personID}})
	}
	for _, st := range steps {
		if !tables[st.table] || (st.column != "" && !hasColumn(ctx, tx, st.table, st.column)) {
			continue // an older schema
		}
		res, err := tx.ExecContext(ctx, st.query, st.args...)
		if err != nil {
			return n, err
		}
		k, _ := res.RowsAffected()
		*st.count += int(k)
	}
	if n.texts, err = scrubTexts(ctx, tx, tables, job); err != nil {
		return n, err
	}
	if n.any() {
		if err := optimizeSearch(ctx, tx); err != nil {
			return n, err
		}
	}
	return n, nil
}

// tableSet lists the database's plain tables.
func tableSet(ctx context.Context, q queryer) (map[string]bool, error) {
	names, err := queryColumn[string](ctx, q, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
		AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, n := range names {
		out[n] = true
	}
	return out, nil
}

func hasColumn(ctx context.Context, q queryer, table, column string) bool {
	var n int
	q.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info(?) WHERE name = ?`, table, column).Scan(&n)
	return n > 0
}

// cleanFile leaves no erased byte in the database file or its journal:
// the WAL is checkpointed and truncated, the file rebuilt (VACUUM: no
// free pages, the search indexes compact), and the WAL emptied again.
func (w *Workspace) cleanFile(ctx context.Context, conn *sql.Conn) error {
	if err := checkpointTruncate(ctx, conn); err != nil {
		return w.fault("clean database file", err)
	}
	if _, err := conn.ExecContext(ctx, `VACUUM`); err != nil {
		return w.fault("clean database file", err)
	}
	if err := checkpointTruncate(ctx, conn); err != nil {
		return w.fault("clean database file", err)
	}
	return nil
}

// checkpointTruncate copies the WAL into the database and truncates it to
// zero bytes. A reader still inside a transaction keeps it busy; it is
// asked again a few times before giving up.
func checkpointTruncate(ctx context.Context, conn *sql.Conn) error {
	var mode string
	if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		return err
	}
	if !strings.EqualFold(mode, "wal") {
		return nil
	}
	for attempt := 0; ; attempt++ {
		var busy, logFrames, done int
		if err := conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &done); err != nil {
			return err
		}
		if busy == 0 {
			return nil
		}
		if attempt == 50 {
			return errors.New("the database is busy: the journal could not be emptied")
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func jsonList[T any](s []T) string {
	if len(s) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(s)
	return string(b)
}
