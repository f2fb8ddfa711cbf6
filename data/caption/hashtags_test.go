package caption

import (
	"slices"
	"testing"
)

func TestTextHashtags(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"Kein Hashtag hier", nil},
		{"#Ausbildung #Azubi", []string{"#Ausbildung", "#Azubi"}},
		{"Umlaute: #Größe #Fußball #ÄrzteTag", []string{"#Größe", "#Fußball", "#ÄrzteTag"}},
		{"Ziffern und _: #Tag_2026 #2026 #1a", []string{"#Tag_2026", "#1a"}},
		{"Satzzeichen beenden: #Rathaus, #Stadt! (#Kultur)", []string{"#Rathaus", "#Stadt", "#Kultur"}},
		{"nicht im Wort: Nr#1 A#b &#39;", nil},
		{"nicht im Link: https://stadt.de/seite#abschnitt stadt.de/#/route stadt.de/seite/#anker", nil},
		{"nach einem Link: https://stadt.de #Stadt", []string{"#Stadt"}},
		{"Satzende vor Tag: Ende.#Stadt", []string{"#Stadt"}},
		{"kein Tag vor # oder ://: #a#b #c://x", nil},
		{"Zeilenanfang\n#Feuerwehr", []string{"#Feuerwehr"}},
		{"Vollbreite: ＃Kultur", []string{"＃Kultur"}},
		{"kombinierende Zeichen: #Cafe\u0301", []string{"#Cafe\u0301"}},
		{"RTL: #مرحبا", []string{"#مرحبا"}},
		{"nur #", nil},
	} {
		if got := TextHashtags(c.text); !slices.Equal(got, c.want) {
			t.Errorf("TextHashtags(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestParseHashtags(t *testing.T) {
	for _, c := range []struct {
		name  string
		in    string
		tags  []string
		notes []string // keys
		bad   []string
	}{
		{"as typed with #", "#Ausbildung #Azubi", []string{"#Ausbildung", "#Azubi"}, nil, nil},
		{"separators", "#A1, #B2; #C3\n#D4\t#E5", []string{"#A1", "#B2", "#C3", "#D4", "#E5"}, nil, nil},
		{"# missing", "Ausbildung Azubi #Rathaus",
			[]string{"#Ausbildung", "#Azubi", "#Rathaus"}, []string{"A # was added to {{.Count}} words."}, nil},
		{"duplicates by case, first kept", "#Ausbildung #ausbildung AUSBILDUNG #Azubi #Azubi",
			[]string{"#Ausbildung", "#Azubi"}, []string{"{{.Count}} duplicate hashtags were removed."}, nil},
		{"both notes", "ausbildung, #Ausbildung, azubi",
			[]string{"#ausbildung", "#azubi"}, []string{"{{.Count}} duplicate hashtags were removed.", "A # was added to {{.Count}} words."}, nil},
		{"bad words", "#Tag-der-offenen-Tür #Öffentlicher.Dienst #2026 # #Gut",
			[]string{"#Gut"}, nil, []string{"#Tag-der-offenen-Tür", "#Öffentlicher.Dienst", "#2026", "#"}},
		{"empty", "  ,; \n", nil, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			tags, notes, bad := ParseHashtags(c.in)
			if !slices.Equal(tags, c.tags) {
				t.Errorf("tags = %q, want %q", tags, c.tags)
			}
			if !slices.Equal(keys(notes), c.notes) {
				t.Errorf("notes = %q, want %q", keys(notes), c.notes)
			}
			if !slices.Equal(bad, c.bad) {
				t.Errorf("bad = %q, want %q", bad, c.bad)
			}
		})
	}
	_, notes, _ := ParseHashtags("a b c #a")
	if len(notes) != 2 || notes[0].Args["Count"] != 1 || notes[1].Args["Count"] != 3 {
		t.Errorf("counts in notes: %+v", notes)
	}
	if f := BadHashtagsFinding([]string{"#a-b", "#c.d"}); f.Args["Words"] != "#a-b #c.d" || f.Blocking {
		t.Errorf("BadHashtagsFinding: %+v", f)
	}
}

func TestCheckTemplate(t *testing.T) {
	for _, c := range []struct {
		name  string
		texts []string
		codes []string
		args  map[string]any // of the last finding, where given
	}{
		{"good template", []string{"Heute, {Datum}: {Behörde} lädt ein. {Hashtags}"}, nil, nil},
		{"unclosed brace", []string{"Am {Datum in {Ort"}, []string{CodeSyntax, CodeSyntax}, nil},
		{"empty placeholder", []string{"Hallo {}"}, []string{CodeSyntax}, nil},
		{"built-in in another case", []string{"Am {datum} um {UHRZEIT}"}, []string{CodeLikeBuiltin, CodeLikeBuiltin, CodeCustomFields},
			map[string]any{"Names": "{datum}, {UHRZEIT}", "Count": 2}},
		{"custom fields named once, over all texts", []string{"{Ausbildungsberuf} in {Ort}", "X: {Ort} {Datum}"},
			[]string{CodeCustomFields}, map[string]any{"Names": "{Ausbildungsberuf}, {Ort}", "Count": 2}},
		{"literal brace is fine", []string{"Mengenlehre: {{a, b}"}, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := CheckTemplate(c.texts...)
			if !slices.Equal(codes(got), c.codes) {
				t.Fatalf("codes = %q, want %q (%+v)", codes(got), c.codes, got)
			}
			for _, f := range got {
				if f.Blocking {
					t.Errorf("CheckTemplate blocks: %+v", f)
				}
			}
			if c.args != nil {
				last := got[len(got)-1].Args
				for k, v := range c.args {
					if last[k] != v {
						t.Errorf("Args[%s] = %v, want %v", k, last[k], v)
					}
				}
			}
		})
	}
	got := CheckTemplate("{datum}")
	if got[0].Args["Builtin"] != "{Datum}" || got[0].Args["Name"] != "{datum}" {
		t.Errorf("like built-in: %+v", got[0])
	}
}

func keys(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Key)
	}
	return out
}

func codes(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}
