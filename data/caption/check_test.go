package caption

import (
	"slices"
	"strings"
	"testing"
)

// Each check fires on a bad text and stays quiet on a good one.
func TestCheckText(t *testing.T) {
	d := DefaultLimits()
	good := "Heute ist Tag der offenen Tür im Rathaus. Kommen Sie vorbei!\n#TagDerOffenenTür #Musterstadt 🎉"
	for _, c := range []struct {
		name     string
		platform string
		text     string
		codes    []string
		args     map[string]any // of the first finding, where given
	}{
		{"good text", "instagram", good, nil, nil},
		{"good text on X", "x", good, nil, nil},
		{"empty text", "x", "", nil, nil},
		{"over the limit", "x", strings.Repeat("a", 292), []string{CodeOverLimit},
			map[string]any{"Over": 12, "Count": 292, "Limit": 280, "Platform": "X"}},
		{"at the limit", "x", strings.Repeat("a", 280), nil, nil},
		{"X weighs € 2", "x", strings.Repeat("€", 141), []string{CodeOverLimit}, map[string]any{"Count": 282}},
		{"over the bytes", "bluesky", strings.Repeat(family, 121), []string{CodeOverBytes, CodeEmojiMany},
			map[string]any{"Over": 25, "Bytes": 3025, "Limit": 3000, "Platform": "Bluesky"}},
		{"too many hashtags", "instagram", "Text #A1 #B #C #D #E #F", []string{CodeTooManyTags},
			map[string]any{"Count": 6, "Limit": 5, "Over": 1, "Platform": "Instagram"}},
		{"hashtags at the cap", "instagram", "Text #A1 #B #C #D #E", nil, nil},
		{"no hashtag cap", "facebook", "Text #A1 #B #C #D #E #F", nil, nil},
		{"fake bold", "linkedin", "Jetzt 𝐛𝐞𝐰𝐞𝐫𝐛𝐞𝐧 und mehr", []string{CodeFakeBold}, map[string]any{"Word": "𝐛𝐞𝐰𝐞𝐫𝐛𝐞𝐧"}},
		{"fake italics at the start", "linkedin", "𝘩𝘦𝘶𝘵𝘦!", []string{CodeFakeBold}, map[string]any{"Word": "𝘩𝘦𝘶𝘵𝘦!"}},
		{"normal bold-looking letters are fine", "linkedin", "JETZT bewerben", nil, nil},
		{"long lower-case hashtag", "instagram", "#karriereimöffentlichendienst", []string{CodeCamelCase},
			map[string]any{"Tags": "#karriereimöffentlichendienst"}},
		{"long upper-case hashtag", "instagram", "#TAGDEROFFENENTÜR", []string{CodeCamelCase}, nil},
		{"short lower-case compound", "instagram", "#stadtfest und #aktionswoche", []string{CodeCamelCase},
			map[string]any{"Tags": "#stadtfest #aktionswoche", "Count": 2}},
		{"one word in lower case is fine", "facebook", "#ausbildung #sportlich #feuerwehr #kultur #darmstadt #mühlhausen #auswahl", nil, nil},
		{"CamelCase is fine", "instagram", "#KarriereImÖffentlichenDienst #Stadtfest", nil, nil},
		{"more than 3 emoji", "instagram", "Wir feiern! 🎉🎈🥳🎂", []string{CodeEmojiMany}, map[string]any{"Count": 4, "Max": 3}},
		{"3 emoji at the end are fine", "instagram", "Wir feiern! 🎉🎈🥳", nil, nil},
		{"family, flag, keycap count once each", "instagram", "Alle: " + family + " " + flagDE + " " + keycap, nil, nil},
		{"emoji as bullets", "instagram", "Das erwartet Sie:\n✅ Führungen\n✅ Kinderprogramm\nBis dann!",
			[]string{CodeEmojiBullets}, map[string]any{"Count": 2}},
		{"emoji bullets with CRLF", "instagram", "Programm:\r\n👉 Führungen\r\n👉 Musik",
			[]string{CodeEmojiBullets}, nil},
		{"one line starting with an emoji is fine", "instagram", "🎉 Heute ist es so weit!\nKommen Sie vorbei.", nil, nil},
		{"emoji in mid-sentence", "instagram", "Wir freuen uns 🎉 auf euch alle", []string{CodeEmojiMid},
			map[string]any{"Text": "Wir freuen uns 🎉 auf euch alle"}},
		{"emoji before a capital is fine", "instagram", "Heute 🎉 Tag der offenen Tür", nil, nil},
		{"emoji at a line's end is fine", "instagram", "Wir freuen uns 🎉\nauf euch", nil, nil},
		{"RTL and NUL are fine", "instagram", arabic + "\x00", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := CheckText(c.platform, c.text, d[c.platform], false)
			if !slices.Equal(codes(got), c.codes) {
				t.Fatalf("codes = %q, want %q (%+v)", codes(got), c.codes, got)
			}
			for k, v := range c.args {
				if got[0].Args[k] != v {
					t.Errorf("Args[%s] = %v, want %v", k, got[0].Args[k], v)
				}
			}
			for _, f := range got {
				blocking := f.Code == CodeOverLimit || f.Code == CodeOverBytes || f.Code == CodeTooManyTags || f.Code == CodeFakeBold
				if f.Blocking != blocking {
					t.Errorf("%s: Blocking = %v", f.Code, f.Blocking)
				}
				if f.Key == "" {
					t.Errorf("%s without a sentence", f.Code)
				}
			}
		})
	}
	if got := CheckText("tiktok", strings.Repeat("a", 3000), d["tiktok"], true); len(got) != 0 {
		t.Errorf("TikTok photo post of 3,000: %+v", got)
	}
}

func TestCheckAltText(t *testing.T) {
	d := DefaultLimits()
	for _, c := range []struct {
		name     string
		platform string
		alt      string
		file     string
		video    bool
		codes    []string
		blocking bool
	}{
		{"good", "instagram", "Zwei Auszubildende lachen vor dem Rathaus.", "IMG_1234.jpg", false, nil, false},
		{"missing", "x", "", "IMG_1234.jpg", false, []string{CodeAltMissing}, true},
		{"only spaces", "mastodon", "  \n ", "a.jpg", false, []string{CodeAltMissing}, true},
		{"the file name", "x", "Sommerfest_2026.jpg", `C:\Fotos\Sommerfest_2026.jpg`, false, []string{CodeAltFileName}, true},
		{"the file name without extension", "x", "sommerfest_2026", "Sommerfest_2026.jpg", false, []string{CodeAltFileName}, true},
		{"a camera's name", "bluesky", "IMG_1234", "foto.jpg", false, []string{CodeAltFileName}, true},
		{"DSC", "bluesky", "DSC01234", "foto.jpg", false, []string{CodeAltFileName}, true},
		{"another file's name", "bluesky", "rathaus-front.webp", "foto.jpg", false, []string{CodeAltFileName}, true},
		{"a screenshot's name", "bluesky", "Screenshot 2026-11-27 um 10.15.32", "a.png", false, []string{CodeAltFileName}, true},
		{"digits only", "bluesky", "20261127_101530", "a.png", false, []string{CodeAltFileName}, true},
		{"Foto", "instagram", "Foto", "a.jpg", false, []string{CodeAltFileName}, true},
		{"Bild 2", "instagram", "Bild 2.", "a.jpg", false, []string{CodeAltFileName}, true},
		{"a sentence with Foto is fine", "instagram", "Foto vom Stadtfest: Menschen tanzen auf dem Marktplatz.", "a.jpg", false, nil, false},
		{"a sentence starting like a camera name is fine", "instagram", "Pic-Nic 2026 im Park mit vielen Familien", "a.jpg", false, nil, false},
		{"too long", "x", strings.Repeat("ä", 1001), "a.jpg", false, []string{CodeAltTooLong}, true},
		{"at the limit", "x", strings.Repeat("ä", 1000), "a.jpg", false, nil, false},
		{"Bluesky allows 2,000", "bluesky", strings.Repeat("a", 1500), "a.jpg", false, nil, false},
		{"video on Instagram", "instagram", "", "reel.mp4", true, []string{CodeAltImpossible}, false},
		{"video elsewhere is subtitles' business", "x", "", "clip.mp4", true, nil, false},
		{"YouTube has no alt text", "youtube", "", "a.jpg", false, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := CheckAltText(c.platform, c.alt, c.file, c.video, d[c.platform])
			if !slices.Equal(codes(got), c.codes) {
				t.Fatalf("codes = %q, want %q (%+v)", codes(got), c.codes, got)
			}
			for _, f := range got {
				if f.Blocking != c.blocking {
					t.Errorf("%s: Blocking = %v", f.Code, f.Blocking)
				}
			}
		})
	}
	f := CheckAltText("x", strings.Repeat("a", 1012), `H:\Fotos\rathaus.jpg`, false, d["x"])
	if a := f[0].Args; a["File"] != "rathaus.jpg" || a["Over"] != 12 || a["Platform"] != "X" || a["Limit"] != 1000 {
		t.Errorf("too long: %+v", a)
	}
}

func TestUnfilledAndSyntaxFindings(t *testing.T) {
	f := UnfilledFinding([]string{"Ort", "Datum"})
	if f.Code != CodeUnfilled || !f.Blocking || f.Args["Names"] != "{Ort}, {Datum}" || f.Args["Count"] != 2 {
		t.Errorf("UnfilledFinding: %+v", f)
	}
	// A built-in is filled from the post: the sentence says where, a
	// custom field alone points to the form.
	if !strings.Contains(f.Key, "Link im Text") {
		t.Errorf("built-in left, sentence %q", f.Key)
	}
	if g := UnfilledFinding([]string{"Ort"}); strings.Contains(g.Key, "Link im Text") || !strings.Contains(g.Key, "Platzhalter ausfüllen") {
		t.Errorf("custom field only, sentence %q", g.Key)
	}
	_, bad := Placeholders("Am {Datum in {} und {a|b}")
	var keys []string
	for _, p := range bad {
		f := SyntaxFinding(p)
		if f.Code != CodeSyntax || !f.Blocking || f.Args["Text"] != p.Text {
			t.Errorf("SyntaxFinding(%+v) = %+v", p, f)
		}
		keys = append(keys, f.Key)
	}
	if len(keys) != 3 || keys[0] == keys[1] || keys[1] == keys[2] {
		t.Errorf("unclosed, empty and bad name need their own sentences: %q", keys)
	}
}

func TestPlatformNamesAndDefaults(t *testing.T) {
	d := DefaultLimits()
	for _, p := range Platforms() {
		l, ok := d[p]
		if !ok || l.Platform != p || l.Text <= 0 || l.Source == "" || l.CheckedOn == "" {
			t.Errorf("DefaultLimits()[%q] = %+v", p, l)
		}
		if PlatformName(p) == p {
			t.Errorf("PlatformName(%q) has no display name", p)
		}
	}
	if len(d) != len(Platforms()) {
		t.Errorf("DefaultLimits has %d platforms, Platforms %d", len(d), len(Platforms()))
	}
	if PlatformName("x") != "X" || PlatformName("linkedin") != "LinkedIn" || PlatformName("neu") != "neu" {
		t.Error("PlatformName")
	}
}
