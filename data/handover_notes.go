package data

import (
	"context"
	"database/sql"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What the handover report (Vertretungsmappe) prints besides the plan:
// per channel where its access is documented (Channel.AccessNote, saved
// with the channel), and three free texts of the office kept in the
// settings.

// Limits of the handover texts, in characters.
const (
	MaxAccessNote   = 300
	MaxHandoverText = 5000
)

// HandoverNotes are the office's free texts for the person who covers.
type HandoverNotes struct {
	// Netiquette is how the office answers comments and messages: tone,
	// what to delete, when to hand over to the press office.
	Netiquette string
	// Contacts are the people to ask: head of unit, IT, the press office
	// next door, with phone numbers.
	Contacts string
	// Hints are the "Hinweise für die Vertretung": anything else.
	Hints string
}

const (
	keyNetiquette = "handover.netiquette"
	keyContacts   = "handover.contacts"
	keyHints      = "handover.hints"
)

// HandoverNotes reads the office's texts for the person who covers; unset
// texts are empty.
func (w *Workspace) HandoverNotes(ctx context.Context) (HandoverNotes, error) {
	var n HandoverNotes
	err := eachRow(ctx, w.reader(), `SELECT key, value FROM settings WHERE key LIKE 'handover.%'`,
		nil, func(rows *sql.Rows) error {
			var k, v string
			if err := rows.Scan(&k, &v); err != nil {
				return err
			}
			switch k {
			case keyNetiquette:
				n.Netiquette = v
			case keyContacts:
				n.Contacts = v
			case keyHints:
				n.Hints = v
			}
			return nil
		})
	return n, w.fault("read handover notes", err)
}

func (n HandoverNotes) validate() (HandoverNotes, error) {
	fields := []struct {
		s     *string
		field string
		long  string
	}{
		{&n.Netiquette, "netiquette", "The netiquette is too long (at most {{.Max}} characters)."},
		{&n.Contacts, "contacts", "The contacts are too long (at most {{.Max}} characters)."},
		{&n.Hints, "hints", "The notes for the person covering are too long (at most {{.Max}} characters)."},
	}
	for _, f := range fields {
		*f.s = strings.TrimSpace(*f.s)
		if err := checkControl("notes", f.s, true); err != nil {
			return n, err
		}
		if utf8.RuneCountInString(*f.s) > MaxHandoverText {
			return n, invalidArgs(f.field, f.long, map[string]any{"Max": MaxHandoverText})
		}
		if looksLikePassword(*f.s) {
			return n, invalid(f.field, "This looks like a password. Write down only where the access is documented (for example “Passwortsafe, Eintrag Social Media”), never the password itself.")
		}
	}
	return n, nil
}

// SaveHandoverNotes stores the office's texts for the person who covers
// and logs which of them changed.
func (w *Workspace) SaveHandoverNotes(ctx context.Context, n HandoverNotes) error {
	n, err := n.validate()
	if err != nil {
		return err
	}
	old, err := w.HandoverNotes(ctx)
	if err != nil {
		return err
	}
	var changed []string
	kv := map[string]string{}
	for _, c := range []struct{ key, label, old, new string }{
		{keyNetiquette, "Netiquette", old.Netiquette, n.Netiquette},
		{keyContacts, "Ansprechpartner", old.Contacts, n.Contacts},
		{keyHints, "Hinweise für die Vertretung", old.Hints, n.Hints},
	} {
		if c.old != c.new {
			changed = append(changed, c.label)
			kv[c.key] = c.new
		}
	}
	if len(changed) == 0 {
		return nil
	}
	return w.write(ctx, "save handover notes", func(tx *sql.Tx) error {
		for k, v := range kv {
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return err
			}
		}
		return w.logChange(ctx, tx, "update", "settings", 0, "Übergabe-Texte geändert: "+strings.Join(changed, ", "))
	})
}

// secretLabels are words that, followed by ":" or "=" and a value, give a
// secret away ("Passwort: Sommer2026!").
var secretLabels = []string{"passwort", "kennwort", "password", "passwd", "pwd", "pw", "pin", "zugangscode", "code"}

// looksLikePassword reports text that obviously holds a password: a
// password label followed by a value that is not a plain word
// ("Passwort: x7Tq!" but not "Passwort: siehe Safe"), or a word mixing
// small and capital letters, digits and symbols like a generated password.
// Where the access is documented ("Passwortsafe, Eintrag Social Media")
// passes.
func looksLikePassword(s string) bool {
	low := strings.ToLower(s)
	for _, l := range secretLabels {
		for i := 0; ; {
			j := strings.Index(low[i:], l)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(l)
			i = end
			if start > 0 && isWordRune(rune(low[start-1])) {
				continue // "Wordpress-Login:" is not "pw:"
			}
			rest := strings.TrimLeft(s[end:], " ")
			if !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "=") {
				continue
			}
			value, _, _ := strings.Cut(strings.TrimLeft(rest[1:], " "), " ")
			value = strings.TrimRight(value, ",;.")
			if value != "" && !plainWord(value) {
				return true
			}
		}
	}
	for _, word := range strings.Fields(s) {
		if generated(strings.TrimRight(word, ",;.")) {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// plainWord is a word of letters only, possibly hyphenated.
func plainWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

// generated is a word of 8 or more characters with small and capital
// letters, digits and a symbol other than those of names, paths and
// addresses.
func generated(w string) bool {
	if utf8.RuneCountInString(w) < 8 || strings.Contains(w, "://") || strings.Contains(w, "@") {
		return false
	}
	var lower, upper, digit, symbol bool
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		case !strings.ContainsRune("-._/\\:()„“\"'", r):
			symbol = true
		}
	}
	return lower && upper && digit && symbol
}
