package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ConsentFormText is the wording of the printed Einwilligungserklärung
// ("Einwilligungserklärung drucken"): the office adapts it to its own
// legal department's text in the settings, so the paper form and the
// record match. The facts (authority, event, person, channels, purposes,
// period) are filled in by the printout, not written here.
type ConsentFormText struct {
	Title         string // heading of the form
	Intro         string // the declaration of an adult, above the facts
	GuardianIntro string // the declaration of a minor's guardians
	Withdrawal    string // the notice of the right to withdraw
	Closing       string // voluntariness, data protection, contact

	// The office's contacts printed on the form, so that the withdrawal
	// and the Art. 13 information the text promises can be reached; empty
	// ones print as lines to fill in. They have no defaults.
	Address         string // postal address of the office
	WithdrawalEmail string // e-mail address for withdrawals
	DataProtection  string // contact of the Datenschutzbeauftragte/r
}

// keyConsentFormText holds the saved wording as JSON in the settings table
// (no row: the defaults), so it needs no migration and travels with
// backups.
const keyConsentFormText = "consent_form_text"

// maxConsentFormText is the most characters of one part of the wording,
// maxConsentFormContact of one of the contacts.
const (
	maxConsentFormText    = 3000
	maxConsentFormContact = 500
)

// DefaultConsentFormText is the wording a workspace starts with. It is in
// German whatever the UI language: the form is handed to people in a
// German office.
func DefaultConsentFormText() ConsentFormText {
	return ConsentFormText{
		Title:         germanKey("Declaration of consent to the publication of photos and videos"),
		Intro:         germanKey("I agree that the authority named above may publish photos and videos showing me, taken at the shoot or event named above, for the purposes and on the channels ticked below. I know that pictures published on the internet can be found, copied and passed on worldwide, also by search engines, and that the authority cannot fully remove them once they have been spread."),
		GuardianIntro: germanKey("As the guardians of the child or adolescent named above, we agree that the authority named above may publish photos and videos showing our child, taken at the shoot or event named above, for the purposes and on the channels ticked below. We know that pictures published on the internet can be found, copied and passed on worldwide, also by search engines, and that the authority cannot fully remove them once they have been spread."),
		Withdrawal:    germanKey("This consent is voluntary. Refusing it has no disadvantages. It can be withdrawn at any time with effect for the future, without giving reasons, by post or by e-mail to the address given on this form. After a withdrawal, the authority stops publishing the pictures and removes them from its own channels where that is possible. The lawfulness of the use until the withdrawal is not affected."),
		Closing:       germanKey("Information on data protection under Art. 13 GDPR is available from the authority and its data protection officer, both named on this form. The consent is kept as proof as long as the pictures may be used. After a withdrawal, the pictures and the data of the person shown are deleted, also from the backups; only a record without the name is kept that the withdrawal was handled and when."),
	}
}

// parts lists the fields with their names, for validation and merging.
func (t *ConsentFormText) parts() []*string {
	return []*string{&t.Title, &t.Intro, &t.GuardianIntro, &t.Withdrawal, &t.Closing}
}

// ConsentFormText reads the wording of the printed consent form: the saved
// one, with the default for any part left empty; a saved value that cannot
// be read (edited by hand) gives the defaults.
func (w *Workspace) ConsentFormText(ctx context.Context) (ConsentFormText, error) {
	def := DefaultConsentFormText()
	var v string
	err := w.reader().QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, keyConsentFormText).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	if err != nil {
		return def, w.fault("read consent form text", err)
	}
	var t ConsentFormText
	if json.Unmarshal([]byte(v), &t) != nil {
		return def, nil
	}
	for i, p := range t.parts() {
		if strings.TrimSpace(*p) == "" {
			*p = *def.parts()[i]
		}
	}
	return t, nil
}

// SaveConsentFormText stores the wording of the printed consent form and
// logs it. A part left empty prints the default; a part too long or with an
// invisible control character is refused with an *InvalidError.
func (w *Workspace) SaveConsentFormText(ctx context.Context, t ConsentFormText) error {
	for _, p := range t.parts() {
		*p = strings.TrimSpace(*p)
		if err := checkControl("consentform", p, true); err != nil {
			return err
		}
		if utf8.RuneCountInString(*p) > maxConsentFormText {
			return invalidArgs("consentform", "A part of the consent form's text is too long (at most {{.Max}} characters).",
				map[string]any{"Max": maxConsentFormText})
		}
	}
	for _, p := range []*string{&t.Address, &t.WithdrawalEmail, &t.DataProtection} {
		*p = strings.TrimSpace(*p)
		if err := checkControl("consentform", p, p != &t.WithdrawalEmail); err != nil {
			return err
		}
		if utf8.RuneCountInString(*p) > maxConsentFormContact {
			return invalidArgs("consentform", "A contact of the consent form is too long (at most {{.Max}} characters).",
				map[string]any{"Max": maxConsentFormContact})
		}
	}
	b, err := json.Marshal(t)
	if err != nil {
		return fmt.Errorf("save consent form text: %w", err)
	}
	return w.write(ctx, "save consent form text", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
			keyConsentFormText, string(b)); err != nil {
			return err
		}
		return w.logChange(ctx, tx, "update", "settings", 0, "Text der Einwilligungserklärung geändert")
	})
}
