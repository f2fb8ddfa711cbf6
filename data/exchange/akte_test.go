package exchange

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/demo"
)

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAkteOfTheDemoIsStable(t *testing.T) {
	ctx := context.Background()
	now := func() time.Time { return reportTime }
	ws, err := demo.Create(ctx, filepath.Join(t.TempDir(), "Demo"), data.Options{Now: now}, reportTime)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	from, to := calendar.NewDate(2026, 10, 1), calendar.NewDate(2026, 11, 30)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "Akte-1"), filepath.Join(dir, "Akte-2")
	sum, err := WriteAkte(ctx, ws, from, to, a)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Posts == 0 || sum.Files == 0 || sum.Pages == 0 {
		t.Fatalf("summary %+v: the demo has published posts with pictures", sum)
	}
	if d := os.Getenv("FEEDTAKT_REPORT_PDF"); d != "" {
		os.WriteFile(filepath.Join(d, "akte.pdf"), ta0(t, a), 0o644)
	}
	if _, err := WriteAkte(ctx, ws, from, to, b); err != nil {
		t.Fatal(err)
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) || len(ta) != sum.Files+2 {
		t.Fatalf("%d and %d files, want %d", len(ta), len(tb), sum.Files+2)
	}
	for name, content := range ta {
		if !bytes.Equal(content, tb[name]) {
			t.Errorf("%s differs between two exports of the same period", name)
		}
	}
	if _, err := os.Stat(a + ".part"); !os.IsNotExist(err) {
		t.Error("the .part folder is left")
	}
	idx := string(ta[AkteIndex])
	if !strings.HasPrefix(idx, "\uFEFFDatum;Uhrzeit;Titel;Kanäle;Link;Freigabe;Datei;Originalname;Bildnachweis;SHA-256\r\n") {
		t.Errorf("index starts %q", idx[:min(len(idx), 120)])
	}
	for name := range ta {
		if strings.HasPrefix(name, AkteMedia+"/") && !strings.Contains(idx, strings.TrimPrefix(name, AkteMedia+"/")) {
			t.Errorf("%s is not in the index", name)
		}
	}
	pages, err := PDFPages(ta[AktePDF])
	if err != nil || pages != sum.Pages {
		t.Errorf("PDF: %d pages, %v; summary %d", pages, err, sum.Pages)
	}
	if images := bytes.Count(ta[AktePDF], []byte("/Subtype /Image")); images == 0 {
		t.Error("no picture in the Akte's PDF")
	}
	// A third export into a folder that is not empty is refused.
	if _, err := WriteAkte(ctx, ws, from, to, a); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("over an Akte: %v", err)
	}
}

func TestAkteNamesWhoApproved(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	p := ws.add(t, postSpec{title: "Glühweinstand am Rathaus", caption: "Heute ab 16 Uhr.", date: day(2026, 12, 3), clock: "10:00",
		status: data.StatusDraft, channels: []string{"Instagram", "Facebook"}})
	ws.add(t, postSpec{title: "Nur geplant", date: day(2026, 12, 4), status: data.StatusApproved, channels: []string{"Instagram"}})
	ws.clock.advance(time.Hour)
	p.Status = data.StatusApproved
	if err := ws.UpdatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	ws.clock.advance(time.Hour)
	p.Status, p.PublishedLink = data.StatusPublished, "https://example.org/p/1"
	if err := ws.UpdatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "Akte")
	sum, err := WriteAkte(ctx, ws.Workspace, day(2026, 12, 1), day(2026, 12, 31), out)
	if err != nil || sum.Posts != 1 {
		t.Fatalf("%+v, %v", sum, err)
	}
	tree := readTree(t, out)
	flat := strings.Join(strings.Fields(pdfText(t, tree[AktePDF])), " ")
	for _, want := range []string{"Glühweinstand am Rathaus", "Heute ab 16 Uhr.", "Instagram, Facebook", "https://example.org/p/1",
		"Maria Muster, 01.11.2026, 10:00 Uhr", "Stand: 31.12.2026"} {
		if !strings.Contains(flat, want) {
			t.Errorf("Akte lacks %q:\n%s", want, flat)
		}
	}
	if strings.Contains(flat, "Nur geplant") || strings.Contains(string(tree[AkteIndex]), "Nur geplant") {
		t.Error("an unpublished post is in the Akte")
	}
	if !strings.Contains(string(tree[AkteIndex]), "Maria Muster, 01.11.2026, 10:00 Uhr") {
		t.Errorf("index %q", tree[AkteIndex])
	}
}

func ta0(t *testing.T, dir string) []byte {
	b, err := os.ReadFile(filepath.Join(dir, AktePDF))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A post marked published per channel lists each channel with its time
// and link, in the PDF and in the index.
func TestAkteListsEveryChannelsLink(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	p := ws.add(t, postSpec{title: "Glühweinstand am Rathaus", caption: "Heute ab 16 Uhr.", date: day(2026, 12, 3), clock: "10:00",
		status: data.StatusApproved, channels: []string{"Instagram", "Facebook"}})
	links := []string{"https://www.instagram.com/p/Abc1/", "https://www.facebook.com/story/42"}
	for i, pc := range p.Channels {
		ws.clock.advance(time.Hour)
		if err := ws.MarkPublished(ctx, p.ID, pc.ChannelID, links[i], time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "Akte")
	if sum, err := WriteAkte(ctx, ws.Workspace, day(2026, 11, 1), day(2026, 12, 31), out); err != nil || sum.Posts != 1 {
		t.Fatalf("%+v, %v", sum, err)
	}
	tree := readTree(t, out)
	flat := strings.Join(strings.Fields(pdfText(t, tree[AktePDF])), " ")
	for _, want := range []string{"Instagram: ", "· " + links[0], "Facebook: ", "· " + links[1]} {
		if !strings.Contains(flat, want) {
			t.Errorf("Akte lacks %q:\n%s", want, flat)
		}
	}
	if !strings.Contains(string(tree[AkteIndex]), ";"+links[0]+" "+links[1]+";") {
		t.Errorf("index %q", tree[AkteIndex])
	}
}
