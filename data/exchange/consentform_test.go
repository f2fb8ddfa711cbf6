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
	minor := adult
	minor.Person, minor.BornOn, minor.Guardian = "Zoë Müller", &born, true
	minor.Guardians = []string{"Änne Müller", "Björn Müller"}

	a := consentFormBytes(t, adult)
	m := consentFormBytes(t, minor)
	if bytes.Equal(a, m) {
		t.Fatal("the guardian variant is the same file as the adult's")
	}
	at, mt := flat(pdfText(t, a)), flat(pdfText(t, m))
	def := data.DefaultConsentFormText()
	for _, want := range []string{
		"Landesamt für Denkmalpflege Südheide", def.Title, "Jürgen Weiß",
		"Tag des offenen Denkmals Lüneburg", "13.06.2026 – 14.06.2026", "bis einschließlich 31.12.2028",
		"Instagram", "Print", "Website Aufmacher", "Öffentlichkeitsarbeit", "Personalgewinnung", "Pressearbeit",
		"Widerrufsrecht", flat(def.Withdrawal), flat(def.Intro), "Ort, Datum", "Unterschrift Abgebildete Person (Jürgen Weiß)",
	} {
		if !strings.Contains(at, want) {
			t.Errorf("adult form lacks %q", want)
		}
	}
	for _, want := range []string{
		"Zoë Müller", "09.03.2014", "Erklärung der Erziehungsberechtigten", flat(def.GuardianIntro),
		"Unterschrift Erziehungsberechtigte/r 1 (Änne Müller)", "Unterschrift Erziehungsberechtigte/r 2 (Björn Müller)",
		"Kind / Jugendliche/r (ab 14 Jahren)",
	} {
		if !strings.Contains(mt, want) {
			t.Errorf("guardian form lacks %q", want)
		}
	}
	if strings.Contains(mt, flat(def.Intro)) || strings.Contains(at, "Erziehungsberechtigte/r 1") {
		t.Error("the variants mix their declarations")
	}
}

func TestConsentFormBlankAndEditedText(t *testing.T) {
	text := data.DefaultConsentFormText()
	text.Withdrawal = "Widerruf bitte an presse@südheide.example – jederzeit.\nZweiter Absatz über Löschung."
	b := consentFormBytes(t, ConsentForm{Text: text, Now: exportTime})
	got := flat(pdfText(t, b))
	for _, want := range []string{"Behörde: ___", "Name der abgebildeten Person:", "Datum / Zeitraum:", "bis auf Widerruf",
		"presse@südheide.example – jederzeit.", "Zweiter Absatz über Löschung.", "Instagram", "Dokumentation"} {
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
