package app

import "testing"

func TestClipboardText(t *testing.T) {
	family := "👨\u200d👩\u200d👧\u200d👦" // ZWJ family: must stay one sequence
	cases := []struct {
		name, in, windows, linux string
	}{
		{"plain", "Tag der offenen Tür", "Tag der offenen Tür", "Tag der offenen Tür"},
		{"umlauts and ß", "Grüße aus der Straße\nÄÖÜ", "Grüße aus der Straße\r\nÄÖÜ", "Grüße aus der Straße\nÄÖÜ"},
		{"emoji with skin tone", "Danke 👍🏽\n\n#Ausbildung", "Danke 👍🏽\r\n\r\n#Ausbildung", "Danke 👍🏽\n\n#Ausbildung"},
		{"ZWJ family", family + "\nFamilientag", family + "\r\nFamilientag", family + "\nFamilientag"},
		{"flag", "🇩🇪 Einheit", "🇩🇪 Einheit", "🇩🇪 Einheit"},
		{"CRLF already there", "Zeile 1\r\nZeile 2", "Zeile 1\r\nZeile 2", "Zeile 1\nZeile 2"},
		{"lone CR", "Zeile 1\rZeile 2", "Zeile 1\r\nZeile 2", "Zeile 1\nZeile 2"},
		{"mixed", "a\r\nb\nc\rd", "a\r\nb\r\nc\r\nd", "a\nb\nc\nd"},
		{"empty", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := clipboardText(c.in, "windows"); got != c.windows {
				t.Errorf("windows: %q, want %q", got, c.windows)
			}
			for _, goos := range []string{"linux", "darwin"} {
				if got := clipboardText(c.in, goos); got != c.linux {
					t.Errorf("%s: %q, want %q", goos, got, c.linux)
				}
			}
		})
	}
}
