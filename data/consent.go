package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"feedtakt/assets"
	"feedtakt/data/calendar"
)

// ConsentForm is how a consent was given. Employees' consent must be
// written or electronic (§ 26(2) BDSG), and so is every other the office
// can prove.
type ConsentForm string

// The forms of a consent.
const (
	FormWritten    ConsentForm = "written"    // schriftlich
	FormElectronic ConsentForm = "electronic" // elektronisch
)

// GivenBy says who declared a consent: the person, the guardians of a
// minor, or both (a minor of 16 or 17 signing with the parents).
type GivenBy string

// Who can give a consent.
const (
	GivenBySelf      GivenBy = "self"
	GivenByGuardians GivenBy = "guardians"
	GivenByBoth      GivenBy = "both"
)

// fits reports whether the right people took part: a minor needs the
// guardians, an adult their own declaration (the guardians' consent given
// for a child does not carry over past the 18th birthday).
func (g GivenBy) fits(minor bool) bool {
	if minor {
		return g == GivenByGuardians || g == GivenByBoth
	}
	return g == GivenBySelf || g == GivenByBoth
}

// Purpose is what a consent allows the pictures to be used for.
type Purpose string

// The purposes a consent can name. Posts have no purpose of their own
// yet: every post counts as PurposePR.
const (
	PurposePR            Purpose = "pr"            // Öffentlichkeitsarbeit
	PurposeRecruiting    Purpose = "recruiting"    // Personalgewinnung
	PurposePress         Purpose = "press"         // Pressearbeit
	PurposeDocumentation Purpose = "documentation" // Dokumentation
)

// Purposes lists every purpose in display order.
func Purposes() []Purpose {
	return []Purpose{PurposePR, PurposeRecruiting, PurposePress, PurposeDocumentation}
}

// Key is the purpose's name as a translation key.
func (p Purpose) Key() string {
	switch p {
	case PurposePR:
		return "Public relations"
	case PurposeRecruiting:
		return "Staff recruitment"
	case PurposePress:
		return "Press work"
	case PurposeDocumentation:
		return "Documentation"
	}
	return string(p)
}

// PictureScope says which pictures a consent covers.
type PictureScope string

// The picture scopes of a consent.
const (
	// ScopeShoot covers every picture of the person from a shoot or event
	// (Consent.Shoot), optionally limited to an Aufnahmedatum range.
	ScopeShoot PictureScope = "shoot"
	// ScopeItems covers the chosen pictures (Consent.MediaIDs).
	ScopeItems PictureScope = "items"
)

// Withdrawal (Widerruf) of a consent: the day it was declared, how it
// reached the office (Brief, E-Mail, mündlich …) and a note.
type Withdrawal struct {
	On       calendar.Date
	Via      string
	Note     string
	Recorded time.Time // when it was entered (set by the store)
}

// Consent (Einwilligung) is one consent record of a person as given. It is
// never changed after the fact except by its withdrawal and by attaching
// the scanned form; a person who agrees to more gives a new consent.
type Consent struct {
	ID       int64
	PersonID int64
	GivenOn  calendar.Date
	Form     ConsentForm
	GivenBy  GivenBy
	// What it covers: channel types (Instagram, Print …), single channels
	// and purposes. A channel is covered when its platform or itself is
	// named; at least one of them and one purpose are required.
	Platforms  []Platform
	ChannelIDs []int64
	Purposes   []Purpose
	// Which pictures: a shoot (Shoot, ShootFrom..ShootTo by Aufnahmedatum,
	// either end open) or the chosen MediaIDs.
	Pictures  PictureScope
	Shoot     string
	ShootFrom *calendar.Date
	ShootTo   *calendar.Date
	MediaIDs  []int64 // when written: the items; when read: those still in the Mediathek
	// mediaHashes are the chosen pictures by content (see migration 0006).
	mediaHashes []string
	ValidUntil  *calendar.Date // the last day it covers; nil = no end
	Informed    bool           // informed of the right to withdraw
	FormMediaID int64          // the scanned form in the Mediathek; 0 = none (or no longer there)
	formHash    string
	Notes       string
	Withdrawal  *Withdrawal // nil = not withdrawn
	Created     time.Time
}

const (
	maxShoot = 300
	maxVia   = 200
)

func (c *Consent) validate(today calendar.Date) error {
	if err := c.validateDates(today); err != nil {
		return err
	}
	if c.Form != FormWritten && c.Form != FormElectronic {
		return invalid("form", "Please choose whether the consent was given in writing or electronically.")
	}
	if c.GivenBy != GivenBySelf && c.GivenBy != GivenByGuardians && c.GivenBy != GivenByBoth {
		return invalid("givenby", "Please choose who gave the consent.")
	}
	if err := c.validateScope(); err != nil {
		return err
	}
	if err := c.validatePictures(); err != nil {
		return err
	}
	if err := checkControl("notes", &c.Notes, true); err != nil {
		return err
	}
	if utf8.RuneCountInString(c.Notes) > MaxNotes {
		return invalidArgs("notes", "The notes are too long (at most {{.Max}} characters).", map[string]any{"Max": MaxNotes})
	}
	return nil
}

func (c *Consent) validateDates(today calendar.Date) error {
	if !c.GivenOn.Valid() || c.GivenOn.Year < MinYear {
		return invalid("given", "Please enter the day the consent was given.")
	}
	if c.GivenOn.After(today) {
		return invalid("given", "The consent cannot have been given in the future.")
	}
	if c.ValidUntil != nil && (!c.ValidUntil.Valid() || c.ValidUntil.Before(c.GivenOn)) {
		return invalid("until", "The consent cannot end before the day it was given.")
	}
	return nil
}

func (c *Consent) validateScope() error {
	for _, p := range c.Platforms {
		if !p.Valid() {
			return invalid("channels", "Please choose the channels from the list.")
		}
	}
	if len(c.Platforms) == 0 && len(c.ChannelIDs) == 0 {
		return invalid("channels", "Please choose at least one channel or channel type the consent covers.")
	}
	for _, p := range c.Purposes {
		if !slices.Contains(Purposes(), p) {
			return invalid("purposes", "Please choose the purposes from the list.")
		}
	}
	if len(c.Purposes) == 0 {
		return invalid("purposes", "Please choose at least one purpose the consent covers.")
	}
	slices.Sort(c.Platforms)
	c.Platforms = slices.Compact(c.Platforms)
	slices.Sort(c.ChannelIDs)
	c.ChannelIDs = slices.Compact(c.ChannelIDs)
	slices.Sort(c.Purposes)
	c.Purposes = slices.Compact(c.Purposes)
	return nil
}

func (c *Consent) validatePictures() error {
	c.Shoot = strings.TrimSpace(c.Shoot)
	if err := checkControlField("shoot", &c.Shoot, false); err != nil {
		return err
	}
	if utf8.RuneCountInString(c.Shoot) > maxShoot {
		return invalidArgs("shoot", "The shoot or event is too long (at most {{.Max}} characters).", map[string]any{"Max": maxShoot})
	}
	switch c.Pictures {
	case ScopeShoot:
		if c.Shoot == "" {
			return invalid("shoot", "Please name the shoot or event the consent covers.")
		}
		if c.ShootFrom != nil && c.ShootTo != nil && c.ShootTo.Before(*c.ShootFrom) {
			return invalid("shoot", "The shoot cannot end before it began.")
		}
		c.MediaIDs = nil
	case ScopeItems:
		if len(c.MediaIDs) == 0 {
			return invalid("pictures", "Please choose the pictures the consent covers.")
		}
		c.ShootFrom, c.ShootTo = nil, nil
	default:
		return invalid("pictures", "Please choose which pictures the consent covers.")
	}
	return nil
}

// germanKey is a translation key in German, for the change log, which is
// written for a German office whatever the UI language.
func germanKey(k string) string { return assets.Text("de", k, nil) }

// AddConsent records a new consent for c.PersonID. It validates first (an
// *InvalidError names the field), checks that the person, the channels,
// the pictures and the form exist, and logs one change-log line.
func (w *Workspace) AddConsent(ctx context.Context, c *Consent) error {
	if err := c.validate(w.Today()); err != nil {
		return err
	}
	c.Withdrawal = nil
	return w.write(ctx, "add consent", func(tx *sql.Tx) error {
		p, err := getPerson(ctx, tx, c.PersonID)
		if err != nil {
			return err
		}
		if err := checkChannelsExist(ctx, tx, c.ChannelIDs); err != nil {
			return err
		}
		if c.mediaHashes, err = hashesOf(ctx, tx, c.MediaIDs); err != nil {
			return err
		}
		if c.formHash, err = formHash(ctx, tx, c.FormMediaID); err != nil {
			return err
		}
		now := w.timestamp()
		err = tx.QueryRowContext(ctx, `INSERT INTO consents (person_id, given_on, form, given_by, pictures, shoot, shoot_from, shoot_to,
				valid_until, informed, form_hash, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			c.PersonID, c.GivenOn.ISO(), c.Form, c.GivenBy, c.Pictures, c.Shoot, nullDate(c.ShootFrom), nullDate(c.ShootTo),
			nullDate(c.ValidUntil), c.Informed, c.formHash, c.Notes, now).Scan(&c.ID)
		if err != nil {
			return err
		}
		c.Created = parseUTC(now)
		if err := putConsentScope(ctx, tx, c); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "create", "consent", c.ID, fmt.Sprintf("Einwilligung Nr. %d von %s erfasst: gegeben am %s, %s",
			c.ID, personSummary(p), c.GivenOn, consentScopeSummary(*c)))
	})
}

// consentScopeSummary words what a consent covers, for the change log.
func consentScopeSummary(c Consent) string {
	var parts []string
	for _, p := range c.Platforms {
		parts = append(parts, platformName(p))
	}
	for _, id := range c.ChannelIDs {
		parts = append(parts, fmt.Sprintf("Kanal Nr. %d", id))
	}
	var purposes []string
	for _, p := range c.Purposes {
		purposes = append(purposes, germanKey(p.Key()))
	}
	s := "für " + strings.Join(parts, ", ") + "; Zwecke: " + strings.Join(purposes, ", ")
	if c.ValidUntil != nil {
		s += "; gültig bis " + c.ValidUntil.String()
	}
	return s
}

func putConsentScope(ctx context.Context, tx *sql.Tx, c *Consent) error {
	put := func(kind, value string) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO consent_scope (consent_id, kind, value) VALUES (?, ?, ?)`, c.ID, kind, value)
		return err
	}
	for _, p := range c.Platforms {
		if err := put("platform", string(p)); err != nil {
			return err
		}
	}
	for _, id := range c.ChannelIDs {
		if err := put("channel", strconv.FormatInt(id, 10)); err != nil {
			return err
		}
	}
	for _, p := range c.Purposes {
		if err := put("purpose", string(p)); err != nil {
			return err
		}
	}
	for _, h := range c.mediaHashes {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO consent_media (consent_id, media_hash) VALUES (?, ?)`, c.ID, h); err != nil {
			return err
		}
	}
	return nil
}

func checkChannelsExist(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM channels WHERE id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("channel %d: %w", id, ErrNotFound)
		}
	}
	return nil
}

// hashesOf returns the content hashes of media items, each once.
func hashesOf(ctx context.Context, q queryer, ids []int64) ([]string, error) {
	var out []string
	for _, id := range ids {
		var h string
		if err := q.QueryRowContext(ctx, `SELECT hash FROM media WHERE id = ?`, id).Scan(&h); err != nil {
			return nil, notFound("media", id, err)
		}
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out, nil
}

func formHash(ctx context.Context, q queryer, id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	hs, err := hashesOf(ctx, q, []int64{id})
	if err != nil {
		return "", err
	}
	return hs[0], nil
}

// SetConsentForm attaches the scanned form (a PDF or photo imported into
// the Mediathek) to a consent, or detaches it (mediaID 0), with a
// change-log line. The consent itself stays as given.
func (w *Workspace) SetConsentForm(ctx context.Context, consentID, mediaID int64) error {
	return w.write(ctx, "attach consent form", func(tx *sql.Tx) error {
		h, err := formHash(ctx, tx, mediaID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE consents SET form_hash = ? WHERE id = ? AND form_hash != ?`, h, consentID, h)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var one int
			if err := tx.QueryRowContext(ctx, `SELECT 1 FROM consents WHERE id = ?`, consentID).Scan(&one); err != nil {
				return notFound("consent", consentID, err)
			}
			return nil // already so
		}
		what := "Einwilligungserklärung (Scan) angehängt"
		if h == "" {
			what = "Einwilligungserklärung (Scan) entfernt"
		}
		return w.logChange(ctx, tx, "update", "consent", consentID, fmt.Sprintf("Einwilligung Nr. %d: %s", consentID, what))
	})
}

// WithdrawConsent records the withdrawal (Widerruf) of a consent. The
// record stays as it was given, with the withdrawal added; a withdrawal
// cannot be changed or taken back (the database refuses it too). It is
// refused when dated before the consent or in the future.
func (w *Workspace) WithdrawConsent(ctx context.Context, consentID int64, wd Withdrawal) error {
	wd.Via = strings.TrimSpace(wd.Via)
	if err := checkControlField("via", &wd.Via, false); err != nil {
		return err
	}
	if utf8.RuneCountInString(wd.Via) > maxVia {
		return invalidArgs("via", "The way the withdrawal was received is too long (at most {{.Max}} characters).", map[string]any{"Max": maxVia})
	}
	if err := checkControl("note", &wd.Note, true); err != nil {
		return err
	}
	if !wd.On.Valid() {
		return invalid("withdrawn", "Please enter the day of the withdrawal.")
	}
	if wd.On.After(w.Today()) {
		return invalid("withdrawn", "A withdrawal cannot be dated in the future.")
	}
	return w.write(ctx, "withdraw consent", func(tx *sql.Tx) error {
		var given string
		var withdrawn sql.NullString
		var personID int64
		if err := tx.QueryRowContext(ctx, `SELECT person_id, given_on, withdrawn_on FROM consents WHERE id = ?`, consentID).
			Scan(&personID, &given, &withdrawn); err != nil {
			return notFound("consent", consentID, err)
		}
		if withdrawn.Valid {
			return invalid("withdrawn", "This consent has already been withdrawn.")
		}
		if wd.On.ISO() < given {
			return invalid("withdrawn", "The withdrawal cannot be dated before the consent was given.")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE consents SET withdrawn_on = ?, withdrawn_via = ?, withdrawn_note = ?, withdrawn_at = ? WHERE id = ?`,
			wd.On.ISO(), wd.Via, wd.Note, w.timestamp(), consentID); err != nil {
			return err
		}
		p, err := getPerson(ctx, tx, personID)
		if err != nil {
			return err
		}
		via := ""
		if wd.Via != "" {
			via = " (" + wd.Via + ")"
		}
		return w.logChange(ctx, tx, "update", "consent", consentID,
			fmt.Sprintf("Einwilligung Nr. %d von %s widerrufen am %s%s", consentID, personSummary(p), wd.On, via))
	})
}

// Consents lists a person's consents, oldest given first.
func (w *Workspace) Consents(ctx context.Context, personID int64) ([]Consent, error) {
	m, err := w.consentsOf(ctx, w.reader(), []int64{personID})
	if err != nil {
		return nil, w.fault("read consents", err)
	}
	return m[personID], nil
}

const consentColumns = `c.id, c.person_id, c.given_on, c.form, c.given_by, c.pictures, c.shoot, c.shoot_from, c.shoot_to,
	c.valid_until, c.informed, c.form_hash, coalesce((SELECT id FROM media WHERE hash = c.form_hash AND c.form_hash != ''), 0),
	c.notes, c.withdrawn_on, c.withdrawn_via, c.withdrawn_note, c.withdrawn_at, c.created_at`

func scanConsent(r rowScanner) (Consent, error) {
	var c Consent
	var given string
	var from, to, until, wOn, wAt sql.NullString
	var wVia, wNote, created string
	if err := r.Scan(&c.ID, &c.PersonID, &given, &c.Form, &c.GivenBy, &c.Pictures, &c.Shoot, &from, &to,
		&until, &c.Informed, &c.formHash, &c.FormMediaID, &c.Notes, &wOn, &wVia, &wNote, &wAt, &created); err != nil {
		return c, err
	}
	var err error
	if c.GivenOn, err = calendar.ParseDate(given); err != nil {
		return c, err
	}
	for _, f := range []struct {
		s   sql.NullString
		dst **calendar.Date
	}{{from, &c.ShootFrom}, {to, &c.ShootTo}, {until, &c.ValidUntil}} {
		if *f.dst, err = parseNullDate(f.s); err != nil {
			return c, err
		}
	}
	if wOn.Valid {
		d, err := calendar.ParseDate(wOn.String)
		if err != nil {
			return c, err
		}
		c.Withdrawal = &Withdrawal{On: d, Via: wVia, Note: wNote, Recorded: parseUTC(wAt.String)}
	}
	c.Created = parseUTC(created)
	return c, nil
}

// consentsOf reads the consents of the given people (nil: of everyone)
// with their scope, by person, each person's oldest given first.
func (w *Workspace) consentsOf(ctx context.Context, q queryer, personIDs []int64) (map[int64][]Consent, error) {
	list, _ := json.Marshal(personIDs)
	rows, err := q.QueryContext(ctx, `SELECT `+consentColumns+` FROM consents c
		WHERE ? = 'null' OR c.person_id IN (SELECT value FROM json_each(?))
		ORDER BY c.person_id, c.given_on, c.id`, string(list), string(list))
	if err != nil {
		return nil, err
	}
	out := map[int64][]Consent{}
	byID := map[int64]*Consent{}
	var order []int64
	for rows.Next() {
		c, err := scanConsent(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out[c.PersonID] = append(out[c.PersonID], c)
		order = append(order, c.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for pid := range out {
		for i := range out[pid] {
			byID[out[pid][i].ID] = &out[pid][i]
		}
	}
	if len(order) == 0 {
		return out, nil
	}
	return out, readConsentScopes(ctx, q, byID)
}

// readConsentScopes fills the scope and chosen pictures of the consents in
// byID.
func readConsentScopes(ctx context.Context, q queryer, byID map[int64]*Consent) error {
	ids := make([]int64, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	list, _ := json.Marshal(ids)
	rows, err := q.QueryContext(ctx, `SELECT consent_id, kind, value FROM consent_scope
		WHERE consent_id IN (SELECT value FROM json_each(?)) ORDER BY consent_id, kind, value`, string(list))
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var kind, value string
		if err := rows.Scan(&id, &kind, &value); err != nil {
			rows.Close()
			return err
		}
		addScope(byID[id], kind, value)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, `SELECT cm.consent_id, cm.media_hash, coalesce(m.id, 0) FROM consent_media cm
		LEFT JOIN media m ON m.hash = cm.media_hash
		WHERE cm.consent_id IN (SELECT value FROM json_each(?)) ORDER BY cm.consent_id, m.id`, string(list))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, mediaID int64
		var hash string
		if err := rows.Scan(&id, &hash, &mediaID); err != nil {
			return err
		}
		c := byID[id]
		c.mediaHashes = append(c.mediaHashes, hash)
		if mediaID != 0 {
			c.MediaIDs = append(c.MediaIDs, mediaID)
		}
	}
	return rows.Err()
}

func addScope(c *Consent, kind, value string) {
	if c == nil {
		return
	}
	switch kind {
	case "platform":
		c.Platforms = append(c.Platforms, Platform(value))
	case "channel":
		if id, err := strconv.ParseInt(value, 10, 64); err == nil {
			c.ChannelIDs = append(c.ChannelIDs, id)
		}
	case "purpose":
		c.Purposes = append(c.Purposes, Purpose(value))
	}
}

// platformName names a channel type in the change log; the names are the
// platforms' own, the same in German and English.
func platformName(p Platform) string {
	switch p {
	case Other:
		return "Sonstige"
	case X:
		return "X"
	case TikTok:
		return "TikTok"
	case LinkedIn:
		return "LinkedIn"
	case YouTube:
		return "YouTube"
	}
	return strings.ToUpper(string(p[:1])) + string(p[1:])
}

// getConsent reads one consent with its scope.
func getConsent(ctx context.Context, q queryer, id int64) (Consent, error) {
	c, err := scanConsent(q.QueryRowContext(ctx, `SELECT `+consentColumns+` FROM consents c WHERE c.id = ?`, id))
	if err != nil {
		return c, notFound("consent", id, err)
	}
	return c, readConsentScopes(ctx, q, map[int64]*Consent{id: &c})
}

// CorrectConsent saves corrections to a consent as it was recorded (a
// mistyped date, a channel forgotten when the paper form was entered). The
// change log keeps what changed, the dates with their old and new value;
// nothing is logged when nothing changed. A withdrawn consent cannot be
// corrected, and a consent stays with its person: what the person agrees
// to later is a new consent (AddConsent).
func (w *Workspace) CorrectConsent(ctx context.Context, c *Consent) error {
	if err := c.validate(w.Today()); err != nil {
		return err
	}
	return w.write(ctx, "correct consent", func(tx *sql.Tx) error {
		old, err := getConsent(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if old.Withdrawal != nil {
			return invalid("withdrawn", "A withdrawn consent can no longer be changed; record a new consent instead.")
		}
		if err := checkChannelsExist(ctx, tx, c.ChannelIDs); err != nil {
			return err
		}
		c.PersonID, c.Withdrawal, c.Created = old.PersonID, nil, old.Created
		if c.mediaHashes, err = hashesOf(ctx, tx, c.MediaIDs); err != nil {
			return err
		}
		if c.formHash, err = formHash(ctx, tx, c.FormMediaID); err != nil {
			return err
		}
		changed := diffConsent(old, *c)
		if len(changed) == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE consents SET given_on = ?, form = ?, given_by = ?, pictures = ?, shoot = ?,
				shoot_from = ?, shoot_to = ?, valid_until = ?, informed = ?, form_hash = ?, notes = ? WHERE id = ?`,
			c.GivenOn.ISO(), c.Form, c.GivenBy, c.Pictures, c.Shoot, nullDate(c.ShootFrom), nullDate(c.ShootTo),
			nullDate(c.ValidUntil), c.Informed, c.formHash, c.Notes, c.ID); err != nil {
			return err
		}
		for _, table := range []string{"consent_scope", "consent_media"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE consent_id = ?`, c.ID); err != nil {
				return err
			}
		}
		if err := putConsentScope(ctx, tx, c); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "update", "consent", c.ID,
			fmt.Sprintf("Einwilligung Nr. %d berichtigt: %s", c.ID, strings.Join(changed, ", ")))
	})
}

// diffConsent names what a correction changed, in German for the change
// log; dates with their old and new value.
func diffConsent(a, b Consent) []string {
	var out []string
	add := func(differs bool, name string) {
		if differs {
			out = append(out, name)
		}
	}
	day := func(d *calendar.Date) string {
		if d == nil {
			return "ohne"
		}
		return d.String()
	}
	add(a.GivenOn != b.GivenOn, fmt.Sprintf("gegeben am %s → %s", a.GivenOn, b.GivenOn))
	add(a.Form != b.Form, "Form")
	add(a.GivenBy != b.GivenBy, "erteilt von")
	add(!slices.Equal(a.Platforms, b.Platforms) || !slices.Equal(a.ChannelIDs, b.ChannelIDs), "Kanäle")
	add(!slices.Equal(a.Purposes, b.Purposes), "Zwecke")
	add(a.Pictures != b.Pictures || a.Shoot != b.Shoot || !sameDate(a.ShootFrom, b.ShootFrom) || !sameDate(a.ShootTo, b.ShootTo) ||
		!slices.Equal(sortedCopy(a.mediaHashes), sortedCopy(b.mediaHashes)), "Bilder")
	add(!sameDate(a.ValidUntil, b.ValidUntil), fmt.Sprintf("gültig bis %s → %s", day(a.ValidUntil), day(b.ValidUntil)))
	add(a.Informed != b.Informed, "über Widerrufsrecht informiert")
	add(a.formHash != b.formHash, "Einwilligungserklärung (Scan)")
	add(a.Notes != b.Notes, "Notizen")
	return out
}

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
