package assets

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// keyPatterns find the sentences that reach a person: lang.L/N in the UI,
// validation messages and error explanations in data, and the command
// line's t(...) calls.
var keyPatterns = []*regexp.Regexp{
	regexp.MustCompile(`lang\.[LN]\(\s*("(?:[^"\\]|\\.)*")`),
	regexp.MustCompile(`invalid(?:Args)?\(\s*[a-zA-Z"]+[^,]*,\s*("(?:[^"\\]|\\.)*")`),
	regexp.MustCompile(`Message: ("(?:[^"\\]|\\.)*")`),
	regexp.MustCompile(`Key: ("(?:[^"\\]|\\.)*")`),
	regexp.MustCompile(`\bt\(("(?:[^"\\]|\\.)*")`),
	regexp.MustCompile(`const usage = ("(?:[^"\\]|\\.)*")`),
}

func sourceKeys(t *testing.T) []string {
	t.Helper()
	keys := map[string]bool{}
	for _, dir := range []string{"../app", "../data"} {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, re := range keyPatterns {
				for _, m := range re.FindAllSubmatch(b, -1) {
					if k, err := strconv.Unquote(string(m[1])); err == nil && k != "" {
						keys[k] = true
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var out []string
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestEveryUserFacingSentenceIsTranslated keeps de.json and en.json
// complete: a sentence added in code without a translation fails here.
func TestEveryUserFacingSentenceIsTranslated(t *testing.T) {
	keys := sourceKeys(t)
	if len(keys) < 100 {
		t.Fatalf("found only %d keys; the patterns no longer match the code", len(keys))
	}
	for _, l := range Languages {
		m, err := Translations(l)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if v, ok := m[k]; !ok || v == "" {
				t.Errorf("lang/%s.json lacks %q", l, k)
			}
		}
	}
}

func TestTextFillsTemplatesInGerman(t *testing.T) {
	got := Text("de", "Backups: {{.N}}, newest {{.Time}}", map[string]any{"N": 3, "Time": "27.11.2026 09:12"})
	if got != "Sicherungen: 3, neueste vom 27.11.2026 09:12" {
		t.Errorf("got %q", got)
	}
	if got := Text("en", "Healthy.", nil); got != "Healthy." {
		t.Errorf("en: %q", got)
	}
	if got := Text("de", "Unbekannter Schlüssel", nil); got != "Unbekannter Schlüssel" {
		t.Errorf("unknown key: %q", got)
	}
}

// TestGermanTextsUseGermanPunctuation catches a translation that was left
// in English by mistake: a German value equal to a long English key.
func TestGermanTextsDifferFromEnglish(t *testing.T) {
	de, _ := Translations("de")
	for k, v := range de {
		if len(k) > 40 && v == k {
			t.Errorf("German text for %q is still English", k)
		}
	}
}

func TestTextPicksPluralByCount(t *testing.T) {
	key := "{{.Count}} line could not be read. It is saved as typed but ignored until it is corrected:"
	for _, c := range []struct {
		count any
		want  string
	}{
		{1, "1 Zeile konnte"}, {2, "2 Zeilen konnten"}, {0, "0 Zeilen konnten"}, {int64(1), "1 Zeile konnte"},
	} {
		got := Text("de", key, map[string]any{"Count": c.count})
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("Count %v: %q, want prefix %q", c.count, got, c.want)
		}
	}
	if got := Text("de", "Draft", nil); got != "Entwurf" {
		t.Errorf("plain key: %q", got)
	}
}
