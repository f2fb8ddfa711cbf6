package data

import (
	"context"
	"testing"
)

// A video's "Untertitel vorhanden" is saved with the ordinary edit, read
// back by every media query, logged by name and kept by an import.
func TestMediaSubtitlesSavedAndLogged(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	m := addTestMedia(t, ws, Media{OriginalName: "Azubi-Vorstellung.mp4", Kind: "video"})
	if m.Subtitles {
		t.Fatal("a new video has subtitles")
	}
	m.Subtitles = true
	if err := ws.UpdateMedia(ctx, &m); err != nil {
		t.Fatal(err)
	}
	got, err := ws.Media(ctx, m.ID)
	if err != nil || !got.Subtitles {
		t.Fatalf("stored %+v, %v", got, err)
	}
	if s := changeSummaries(t, ws, 1)[0]; s != "Angaben zu „Azubi-Vorstellung.mp4“ geändert: Untertitel" {
		t.Errorf("log %q", s)
	}
	got.Subtitles = false
	if err := ws.UpdateMedia(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if again, _ := ws.Media(ctx, m.ID); again.Subtitles {
		t.Error("subtitles not cleared")
	}
	withSubs := addTestMedia(t, ws, Media{OriginalName: "Film-mit-UT.mp4", Kind: "video", Subtitles: true})
	if back, _ := ws.Media(ctx, withSubs.ID); !back.Subtitles {
		t.Error("an item added with subtitles lost them")
	}
}
