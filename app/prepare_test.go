package app

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/demo"
	"feedtakt/data/upload"
)

// importPhoto imports a generated w×h photo named name and returns its item.
func importPhoto(t *testing.T, u *UI, name string, w, h int) data.Media {
	t.Helper()
	img, err := demo.Picture("fachwerk", 7, w, h)
	if err != nil {
		t.Fatal(err)
	}
	b, err := demo.EncodeJPEG(img)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := u.ws.ImportFiles(ctx, []string{p}, data.ImportFilesOptions{}); err != nil {
		t.Fatal(err)
	}
	page, err := u.ws.ListMedia(ctx, data.MediaQuery{Text: strings.TrimSuffix(name, filepath.Ext(name))})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("imported item not found: %v, %d", err, len(page.Items))
	}
	return page.Items[0]
}

// drag sends the events a real pointer drag makes: the pointer pressed at
// from, moved in steps, each event with the position reached and the step.
func drag(v *cropView, from fyne.Position, dx, dy float32, steps int) {
	pos := from
	for range steps {
		d := fyne.Delta{DX: dx / float32(steps), DY: dy / float32(steps)}
		pos = pos.Add(d)
		v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}, Dragged: d})
	}
	v.DragEnd()
}

func openPrepareOn(t *testing.T, w, h int) (*UI, data.Media, *prepareDialog) {
	t.Helper()
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	m := importPhoto(t, u, "rathaus.jpg", w, h)
	p := u.openPrepare(m, nil)
	u.Wait()
	if p.view.img == nil {
		t.Fatal("no preview after loading")
	}
	return u, m, p
}

func TestPrepareDragMovesAndResizesTheCrop(t *testing.T) {
	u, _, p := openPrepareOn(t, 1600, 1200)
	f, _ := p.current()
	if f.ID != "instagram-4x5" {
		t.Fatalf("first format %q", f.ID)
	}
	if want := image.Rect(320, 0, 1280, 1200); p.view.crop != want {
		t.Fatalf("default crop %v, want %v", p.view.crop, want)
	}
	assertShows(t, topOverlay(u), "Zielformat", "Ausschnitt 960 × 1200 px → Kopie 1080 × 1350 px", "rathaus – Instagram 4x5.jpg")

	scale, _ := p.view.geometry()
	fp, fs := p.view.frameRect()
	centre := fp.Add(fyne.NewPos(fs.Width/2, fs.Height/2))
	drag(p.view, centre, 60, 40, 6)
	want := 320 + round32(60/scale)
	if p.view.crop.Min.X != want || p.view.crop.Min.Y != 0 || p.view.crop.Dx() != 960 {
		t.Errorf("after dragging right: %v, want x=%d (y stays 0: the frame is full height)", p.view.crop, want)
	}
	drag(p.view, centre, -2000, 0, 4)
	if p.view.crop != image.Rect(0, 0, 960, 1200) {
		t.Errorf("dragged past the left edge: %v", p.view.crop)
	}

	// The corner handle makes the frame smaller in the format's ratio.
	fp, fs = p.view.frameRect()
	corner := fp.Add(fyne.NewPos(fs.Width-2, fs.Height-2))
	drag(p.view, corner, -100, -10, 5)
	c := p.view.crop
	if c.Min != (image.Point{}) || c.Dx() >= 960 || c.Dx()*5 < c.Dy()*4-5 || c.Dx()*5 > c.Dy()*4+5 {
		t.Errorf("after resizing: %v (4:5 kept?)", c)
	}
	if !p.warning.Visible() {
		t.Errorf("a crop of %v for 1080×1350 should warn about enlarging", c)
	}
	assertShows(t, topOverlay(u), "wird vergrößert")
}

func TestPrepareSavesTheChosenSizeAndSaysWhere(t *testing.T) {
	u, _, p := openPrepareOn(t, 1600, 1200)
	var saved string
	p.saved = func(path string) { saved = path }
	// X 16:9 on a 4:3 picture: full width, centred; move it to the top.
	for i, f := range p.formats {
		if f.ID == "x-16x9" {
			p.choice.SetSelectedIndex(i)
		}
	}
	if want := image.Rect(0, 150, 1600, 1050); p.view.crop != want {
		t.Fatalf("crop %v, want %v", p.view.crop, want)
	}
	fp, _ := p.view.frameRect()
	drag(p.view, fp.Add(fyne.NewPos(50, 50)), 0, -500, 5)
	if p.view.crop != image.Rect(0, 0, 1600, 900) {
		t.Fatalf("after dragging up: %v", p.view.crop)
	}
	test.Tap(p.save)
	u.Wait()
	if saved == "" {
		t.Fatal("nothing saved")
	}
	if filepath.Dir(saved) != u.ws.UploadPath() || filepath.Base(saved) != "rathaus – X 16x9.jpg" {
		t.Errorf("saved as %s", saved)
	}
	b, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width != 1600 || cfg.Height != 900 {
		t.Errorf("copy is %dx%d, %v", cfg.Width, cfg.Height, err)
	}
	assertShows(t, topOverlay(u), "Bild vorbereitet", "rathaus – X 16x9.jpg", "Zum Hochladen", "Ordner öffnen")
	es, _ := os.ReadDir(u.ws.UploadPath())
	if len(es) != 1 {
		t.Errorf("upload folder holds %d entries", len(es))
	}
	// Saving again never overwrites.
	p.dlg.Show()
	test.Tap(p.save)
	u.Wait()
	if filepath.Base(saved) != "rathaus – X 16x9 (2).jpg" {
		t.Errorf("second copy saved as %s", filepath.Base(saved))
	}
}

func TestPrepareForPostOffersItsChannelsFirstAndNamesTheFile(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	ctx := context.Background()
	ch := data.Channel{Name: "LinkedIn Stadt", Platform: data.LinkedIn, Color: "#0A66C2", Cadence: data.Cadence{Count: 1, Period: data.PerWeek}}
	if err := u.ws.SaveChannel(ctx, &ch); err != nil {
		t.Fatal(err)
	}
	m := importPhoto(t, u, "IMG_4711.jpg", 2000, 1500)
	day := calendar.NewDate(2026, time.December, 18)
	post := &data.Post{Title: "Azubi-Dienstag", Date: &day, Channels: []data.PostChannel{{ChannelID: ch.ID}}}
	p := u.openPrepare(m, post)
	u.Wait()
	f, _ := p.current()
	if f.ID != "linkedin-landscape" {
		t.Fatalf("first format %q, want the post's LinkedIn", f.ID)
	}
	var saved string
	p.saved = func(path string) { saved = path }
	test.Tap(p.save)
	u.Wait()
	if filepath.Base(saved) != "2026-12-18 Azubi-Dienstag – LinkedIn Stadt 1.91x1.jpg" {
		t.Errorf("saved as %q", filepath.Base(saved))
	}
	b, _ := os.ReadFile(saved)
	if cfg, err := jpeg.DecodeConfig(bytes.NewReader(b)); err != nil || cfg.Width != 1200 || cfg.Height != 627 {
		t.Errorf("copy %dx%d, %v", cfg.Width, cfg.Height, err)
	}
}

func TestSettingsFormatsEditAndRefuse(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	f := newFormatsSection(u)
	u.Wait()
	assertShows(t, f.content, "Formate zum Hochladen", "Instagram 4:5", "1080 × 1350", "Bluesky", "≤ 2000 px, ≤ 1 MB")

	bad := append([]upload.Format(nil), f.formats...)
	bad[0].Width = 0
	reopened := false
	f.saveAll(bad, func() { reopened = true })
	u.Wait()
	if !reopened {
		t.Error("a refused format does not reopen the form")
	}
	assertShows(t, topOverlay(u), "Breite und Höhe müssen zwischen 16 und 8192 Pixeln liegen.")

	good := append([]upload.Format(nil), f.formats...)
	good[0].Height = 1440
	good = append(good, upload.Format{Name: "Website 3:2", Fit: upload.FitCrop, Width: 1500, Height: 1000})
	f.saveAll(good, nil)
	u.Wait()
	assertShows(t, f.content, "1080 × 1440", "Website 3:2", "1500 × 1000")
	back, err := u.ws.UploadFormats(context.Background())
	if err != nil || back[0].Height != 1440 || back[len(back)-1].Name != "Website 3:2" {
		t.Errorf("stored %+v, %v", back, err)
	}
}

func TestPrepareFrameMovesWithTheKeyboard(t *testing.T) {
	u, _, p := openPrepareOn(t, 1600, 1200)
	u.win.Canvas().Focus(p.view)
	start := p.view.crop
	p.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	p.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if p.view.crop != start.Add(image.Pt(32, 0)) {
		t.Errorf("two steps right: %v from %v", p.view.crop, start)
	}
	p.view.TypedRune('-')
	c := p.view.crop
	if c.Dx() >= start.Dx() || c.Dx()*5 < c.Dy()*4-5 || c.Dx()*5 > c.Dy()*4+5 {
		t.Errorf("smaller: %v", c)
	}
	assertShows(t, topOverlay(u), "Ausschnitt 914 × 1143 px")
}
