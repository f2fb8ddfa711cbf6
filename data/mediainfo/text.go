package mediainfo

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// now is the clock the plausibility of dates is judged by; tests pin it.
var now = time.Now

// cleanText turns bytes from a file into a trimmed one-paragraph text:
// invalid UTF-8 is read as Latin-1 (old cameras and IPTC writers), control
// characters other than line breaks become spaces.
func cleanText(b []byte) string {
	var s string
	if utf8.Valid(b) {
		s = string(b)
	} else {
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		s = string(r)
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r) || r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if len(s) > maxString {
		s = s[:maxString]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}

// cameraLabel joins make and model without repeating the make.
func cameraLabel(mk, model string) string {
	mk, model = strings.TrimSpace(mk), strings.TrimSpace(model)
	switch {
	case mk == "":
		return model
	case model == "":
		return mk
	}
	// "NIKON CORPORATION" + "NIKON D850", "Canon" + "Canon EOS R6".
	first := strings.Fields(mk)[0]
	if strings.HasPrefix(strings.ToLower(model), strings.ToLower(first)) {
		return model
	}
	return mk + " " + model
}
