package exchange

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

func consentFormBytes(t *testing.T, c ConsentForm) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteConsentForm(&buf, c); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	checkPDF(t, b)
	return b
}

// flat joins pdftotext's lines and spaces, so a test need not know where
// a sentence wraps.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestConsentFormFilledForAdultAndGuardians(t *testing.T) {
	from, to := calendar.NewDate(2026, 6, 13), calendar.NewDate(2026, 6, 14)
	until := calendar.NewDate(2028, 12, 31)
	born := calendar.NewDate(2014, 3, 9)
	adult := ConsentForm{
		Authority: "Landesamt für Denkmalpflege Südheide",
		Person:    "Jürgen Weiß",
		Event:     "Tag des offenen Denkmals Lüneburg",
		EventFrom: &from, EventTo: &to,
		Platforms:  []data.Platform{data.Instagram, data.Print},
		Channels:   []string{"Website Aufmacher"},
		Purposes:   []data.Purpose{data.PurposePR, data.PurposeRecruiting},
		ValidUntil: &until,
		Text:       data.DefaultConsentFormText(),
		Now:        exportTime,
	}
	adult.Text.Address = "Landesamt für Denkmalpflege Südheide\nAm Markt 1\n21335 Lüneburg"
	adult.Text.WithdrawalEmail = "widerruf@denkmal-suedheide.example"
	adult.Text.DataProtection = "Datenschutzbeauftragte, Am Markt 1, datenschutz@denkmal-suedheide.example"
	minor := adult
	minor.Person, minor.BornOn, minor.Guardian = "Zoë Müller", &born, true
	minor.Guardians = []string{"Änne Müller", "Björn Müller"}

	a := consentFormBytes(t, adult)
	m := consentFormBytes(t, minor)
	// With the contacts and two guardians the form is one page: the
	// signatures stand under the text they sign.
	for _, b := range [][]byte{a, m} {
		if n := bytes.Count(b, []byte("/Count 1\n")); n != 1 {
			t.Errorf("the form is not one page")
		}
	}
	if bytes.Equal(a, m) {
		t.Fatal("the guardian variant is the same file as the adult's")
	}
	at, mt := flat(pdfText(t, a)), flat(pdfText(t, m))
	def := data.DefaultConsentFormText()
	for _, want := range []string{
		"Landesamt für Denkmalpflege Südheide", def.Title, "Jürgen Weiß",
		"Tag des offenen Denkmals Lüneburg", "13.06.2026 – 14.06.2026", "bis einschließlich 31.12.2028",
		"Instagram", "Print", "Website Aufmacher", "Öffentlichkeitsarbeit", "Personalgewinnung", "Pressearbeit",
		"Widerrufsrecht", flat(def.Withdrawal), flat(def.Intro), flat(def.Closing), "Ort, Datum",
		"Unterschrift der abgebildeten Person (Jürgen Weiß)",
		// The contacts the text promises.
		"Anschrift: Landesamt für Denkmalpflege Südheide · Am Markt 1 · 21335 Lüneburg",
		"E-Mail für den Widerruf: widerruf@denkmal-suedheide.example",
		"Datenschutzbeauftragte/r: Datenschutzbeauftragte, Am Markt 1, datenschutz@denkmal-suedheide.example",
		// Channel types not chosen are printed too, unticked.
		"Facebook", "YouTube",
	} {
		if !strings.Contains(at, want) {
			t.Errorf("adult form lacks %q", want)
		}
	}
	for _, want := range []string{
		"Zoë Müller", "09.03.2014", "Erklärung der Erziehungsberechtigten", flat(def.GuardianIntro),
		"Unterschrift der/des Erziehungsberechtigten 1 (Änne Müller)", "Unterschrift der/des Erziehungsberechtigten 2 (Björn Müller)",
		"Unterschrift des Kindes / der/des Jugendlichen (ab 14 Jahren) (Zoë Müller)",
	} {
		if !strings.Contains(mt, want) {
			t.Errorf("guardian form lacks %q", want)
		}
	}
	if strings.Contains(mt, flat(def.Intro)) || strings.Contains(at, "Erziehungsberechtigten 1") {
		t.Error("the variants mix their declarations")
	}
	// The declaration points to the event printed above it, not below.
	for _, s := range []string{def.Intro, def.GuardianIntro} {
		if strings.Contains(s, "unten genannten Termin") || !strings.Contains(s, "oben genannten Fototermin") {
			t.Errorf("declaration points the wrong way: %q", s)
		}
	}
}

func TestConsentFormBlankAndEditedText(t *testing.T) {
	text := data.DefaultConsentFormText()
	text.Withdrawal = "Widerruf bitte an presse@südheide.example – jederzeit.\nZweiter Absatz über Löschung."
	b := consentFormBytes(t, ConsentForm{Text: text, Now: exportTime})
	got := flat(pdfText(t, b))
	for _, want := range []string{"Behörde: ___", "Name der abgebildeten Person:", "Datum / Zeitraum:", "bis auf Widerruf",
		"presse@südheide.example – jederzeit.", "Zweiter Absatz über Löschung.", "Instagram", "Dokumentation",
		"Anschrift: ___", "E-Mail für den Widerruf:", "Datenschutzbeauftragte/r:"} {
		if !strings.Contains(got, want) {
			t.Errorf("blank form lacks %q", want)
		}
	}
	// Written to a file through a .part: the file is whole and named.
	path := filepath.Join(t.TempDir(), ConsentFormName("Jürgen Weiß / Chor"))
	if filepath.Base(path) != "Einwilligungserklärung Jürgen Weiß _ Chor.pdf" {
		t.Errorf("name %q", filepath.Base(path))
	}
	if err := WriteConsentFormFile(path, ConsentForm{Text: text, Now: exportTime}); err != nil {
		t.Fatal(err)
	}
	if fb, err := os.ReadFile(path); err != nil || !bytes.Equal(fb, b) {
		t.Errorf("file differs from the written form (err %v)", err)
	}
}
