package app

import (
	"context"
	"testing"
	"time"

	"feedtakt/data"
)

// A video's tile is a film tile with its duration until she chooses a
// poster picture; then the tile and the detail pane show that picture.
func TestLibraryVideoPosterAndDuration(t *testing.T) {
	u, s := openLibrary(t)
	ctx := context.Background()
	ws := u.Workspace()
	p := writeJPEG(t, t.TempDir(), "rathaus.jpg", "fachwerk", 1)
	res, err := ws.ImportFiles(ctx, []string{p}, data.ImportFilesOptions{})
	if err != nil || len(res.Results) != 1 {
		t.Fatal(res, err)
	}
	pic := res.Results[0].Media
	video, err := ws.AddMediaBytes(ctx, data.Media{Kind: "video", OriginalName: "Rundgang.mp4", Duration: 83 * time.Second}, []byte("kein echter Film"))
	if err != nil {
		t.Fatal(err)
	}
	s.reload()
	u.Wait()
	index := func() int {
		for i, m := range s.items {
			if m.ID == video.ID {
				return i
			}
		}
		t.Fatal("video not in the grid")
		return -1
	}
	tile := s.newTile().(*mediaTile)
	s.updateTile(index(), tile)
	u.Wait()
	if tile.lengthM.Hidden || tile.length.Text != "1:23" {
		t.Errorf("duration mark: hidden %v, %q", tile.lengthM.Hidden, tile.length.Text)
	}
	if tile.img.Image != nil || tile.icon.Hidden {
		t.Error("a video without poster shows a picture instead of the film icon")
	}

	s.detail.show(s.items[index()])
	if s.detail.poster.Hidden || !s.detail.noPoster.Hidden {
		t.Fatalf("poster buttons: choose hidden %v, remove hidden %v", s.detail.poster.Hidden, s.detail.noPoster.Hidden)
	}
	s.detail.setPoster(pic.ID)
	u.Wait()
	if got := s.items[index()].PosterHash; got != pic.Hash {
		t.Fatalf("grid item's poster %q, want %q", got, pic.Hash)
	}
	u.Wait() // the preview's job
	if s.detail.preview.Image == nil || s.detail.noPoster.Hidden {
		t.Error("the detail pane does not show the poster (or offers no removal)")
	}
	s.updateTile(index(), tile)
	u.Wait()
	if tile.hash != pic.Hash || tile.img.Image == nil {
		t.Errorf("tile shows %q (image %v), want the poster", tile.hash, tile.img.Image != nil)
	}
	s.detail.setPoster(0)
	u.Wait()
	if s.items[index()].PosterHash != "" || !s.detail.noPoster.Hidden {
		t.Error("poster not removed")
	}
}
