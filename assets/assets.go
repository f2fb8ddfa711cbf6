// Package assets holds the files embedded into the binary: the icon, the
// translations and the manual. Its Text function lets code without Fyne (the command line)
// use the same wording as the screens.
package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"sync"
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

// Manual holds the short user manual shown under Hilfe → Handbuch,
// manual/handbuch-de.md and manual/handbuch-en.md (Markdown).
//
//go:embed manual/*.md
var Manual embed.FS

// ManualText is the manual in language ("de" or "en"); German when there
// is none in that language.
func ManualText(language string) string {
	b, err := Manual.ReadFile("manual/handbuch-" + language + ".md")
	if err != nil {
		b, _ = Manual.ReadFile("manual/handbuch-de.md")
	}
	return string(b)
}

// Languages are the UI languages Feedtakt ships, German first.
var Languages = []string{"de", "en"}

// Translations returns the key→text map of one language ("de" or "en").
// A plural entry ({"one": …, "other": …}) gives its "other" form; Text
// picks the form by count.
func Translations(language string) (map[string]string, error) {
	t, err := load(language)
	if err != nil {
		return nil, err
	}
	return t.other, nil
}

// table is one parsed language file: the "other" (or only) form of every
// key, and the "one" form of plural entries.
type table struct {
	other, one map[string]string
}

// tables parses each language file once; Text is called for every line of
// an export and every message of the command line.
var tables = map[string]func() (table, error){}

func init() {
	for _, l := range Languages {
		tables[l] = sync.OnceValues(func() (table, error) { return parse(l) })
	}
}

func load(language string) (table, error) {
	f, ok := tables[language]
	if !ok {
		return parse(language) // reports the missing file
	}
	t, err := f()
	if err != nil {
		return t, err
	}
	// A copy of the map, so a caller cannot change what Text reads.
	return table{other: maps.Clone(t.other), one: t.one}, nil
}

func parse(language string) (table, error) {
	b, err := Lang.ReadFile("lang/" + language + ".json")
	if err != nil {
		return table{}, err
	}
	raw := map[string]json.RawMessage{}
	if err := json.Unmarshal(b, &raw); err != nil {
		return table{}, fmt.Errorf("lang/%s.json: %w", language, err)
	}
	t := table{other: make(map[string]string, len(raw)), one: map[string]string{}}
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			t.other[k] = s
			continue
		}
		var plural map[string]string
		if err := json.Unmarshal(v, &plural); err != nil {
			return table{}, fmt.Errorf("lang/%s.json: %q: %w", language, k, err)
		}
		t.other[k] = plural["other"]
		if one, ok := plural["one"]; ok {
			t.one[k] = one
		}
	}
	return t, nil
}

// Text translates key into language and fills its {{.Field}} templates from
// data, as lang.L does in the UI. An unknown key is used as it is. For a
// plural entry the "one" form is taken when data["Count"] is 1 (German and
// English both use "one" for exactly 1 only), otherwise the "other" form.
func Text(language, key string, data map[string]any) string {
	s := key
	f, ok := tables[language]
	if ok {
		if t, err := f(); err == nil {
			if v, ok := t.other[key]; ok && v != "" {
				s = v
			}
			if v, ok := t.one[key]; ok && v != "" && isOne(data["Count"]) {
				s = v
			}
		}
	}
	if !strings.Contains(s, "{{") {
		return s
	}
	tp, err := template.New("").Parse(s)
	if err != nil {
		return s
	}
	var b strings.Builder
	if err := tp.Execute(&b, data); err != nil {
		return s
	}
	return b.String()
}

// isOne reports whether a Count argument is the number 1.
func isOne(v any) bool {
	switch n := v.(type) {
	case int:
		return n == 1
	case int64:
		return n == 1
	case int32:
		return n == 1
	case uint:
		return n == 1
	case uint64:
		return n == 1
	}
	return false
}
