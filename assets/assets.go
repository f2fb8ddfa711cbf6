// Package assets holds the files embedded into the binary: the icon and the
// translations. Its Text function lets code without Fyne (the command line)
// use the same wording as the screens.
package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"text/template"
)

// Lang holds lang/de.json and lang/en.json in the format of fyne.io/fyne/v2/lang:
// the key is the English sentence, the value the translation.
//
//go:embed lang/*.json
var Lang embed.FS

// Icon is the application icon (PNG).
//
//go:embed icon.png
var Icon []byte

// Languages are the UI languages Feedtakt ships, German first.
var Languages = []string{"de", "en"}

// Translations returns the key→text map of one language ("de" or "en").
// A plural entry ({"one": …, "other": …}) gives its "other" form.
func Translations(language string) (map[string]string, error) {
	b, err := Lang.ReadFile("lang/" + language + ".json")
	if err != nil {
		return nil, err
	}
	raw := map[string]json.RawMessage{}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("lang/%s.json: %w", language, err)
	}
	m := make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			m[k] = s
			continue
		}
		var plural map[string]string
		if err := json.Unmarshal(v, &plural); err != nil {
			return nil, fmt.Errorf("lang/%s.json: %q: %w", language, k, err)
		}
		m[k] = plural["other"]
	}
	return m, nil
}

// Text translates key into language and fills its {{.Field}} templates from
// data, as lang.L does in the UI. An unknown key is used as it is.
func Text(language, key string, data map[string]any) string {
	s := key
	if m, err := Translations(language); err == nil {
		if t, ok := m[key]; ok && t != "" {
			s = t
		}
	}
	if !strings.Contains(s, "{{") {
		return s
	}
	t, err := template.New("").Parse(s)
	if err != nil {
		return s
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return s
	}
	return b.String()
}
