package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"
)

// The calendar's check hints for a busy month: 300 posts in April 2026 on
// two or three of 8 channels (Instagram, Facebook, LinkedIn, Mastodon,
// YouTube, Website, Newsletter, Bluesky), captions of 200–1,200
// characters with placeholders, 1–4 pictures each (some with a licence
// that needs a credit line, some videos), a hashtag set and a quiet
// period. Goal: well under 100 ms, so loading a month stays quick.
//
//	go test -tags ci -run '^$' -bench 'ReviewPostsMonth' -benchtime 20x ./data/
func BenchmarkReviewPostsMonth(b *testing.B) {
	ctx := context.Background()
	ws := newBenchWorkspace(b, filepath.Join(b.TempDir(), "Feedtakt"), 0)
	defer ws.Close()
	chans, _ := testIDs(b, ws)
	set := addTemplateRow(b, ws, "hashtags", "Ausbildung", "#Ausbildung #Azubi #KarriereImÖffentlichenDienst #Musterstadt #Job #Zukunft")
	if err := ws.SaveQuietPeriod(ctx, &QuietPeriod{From: date(2026, 4, 20), To: date(2026, 4, 22), Note: "Staatstrauer"}); err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(2026, 9))
	err := ws.write(ctx, "seed review benchmark", func(tx *sql.Tx) error {
		created := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC).Format(time.RFC3339)
		var media []int64
		for i := range 900 {
			sum := sha256.Sum256(fmt.Append(nil, "review picture ", i))
			hash := hex.EncodeToString(sum[:])
			m := Media{Hash: hash, Path: mediaPath(hash, ".jpg"), Kind: "image", OriginalName: fmt.Sprintf("IMG_%04d.JPG", i),
				AltText: benchSentence(r, 8+r.IntN(20)), Credit: "Stadt Musterstadt / A. Beispiel", Licence: "own",
				Width: 4000, Height: 3000, Size: 3_000_000}
			switch i % 10 {
			case 0:
				m.Kind, m.Path, m.OriginalName = "video", mediaPath(hash, ".mp4"), fmt.Sprintf("VID_%04d.MP4", i)
			case 1, 2:
				m.Licence = "cc-by-4.0"
			case 3:
				m.AltText = ""
			}
			if err := insertMediaRow(ctx, tx, &m, created); err != nil {
				return err
			}
			media = append(media, m.ID)
		}
		for i := range 300 {
			d := date(2026, 4, 1+i%30)
			p := Post{Title: benchSentence(r, 4+r.IntN(6)), Date: &d, Status: StatusDraft, Zone: DefaultZone,
				Caption: "{Wochentag}, {Datum}: " + benchSentence(r, 30+r.IntN(140)) + "\n\nMehr: {Link}\n{Bildnachweis}\n{Hashtags}",
				Link:    "https://www.musterstadt.de/aktuelles/" + fmt.Sprint(i), HashtagSetID: set}
			if i%4 == 0 {
				p.Caption += " {Ausbildungsberuf}"
			}
			for _, k := range r.Perm(len(chans))[:2+r.IntN(2)] {
				p.Channels = append(p.Channels, PostChannel{ChannelID: chans[k]})
			}
			if err := ws.insertPost(ctx, tx, &p); err != nil {
				return err
			}
			for k := range 1 + r.IntN(4) {
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO post_media (post_id, media_id, position) VALUES (?, ?, ?)`,
					p.ID, media[(i*3+k)%len(media)], k); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	posts, err := ws.PostsBetween(ctx, date(2026, 4, 1), date(2026, 4, 30))
	if err != nil || len(posts) != 300 {
		b.Fatal(len(posts), err)
	}
	var findings, blocked int
	for b.Loop() {
		got, err := ws.ReviewPosts(ctx, posts)
		if err != nil {
			b.Fatal(err)
		}
		findings, blocked = 0, 0
		for _, fs := range got {
			findings += len(fs)
			if len(BlockingFindings(fs)) > 0 {
				blocked++
			}
		}
	}
	b.ReportMetric(float64(findings), "findings")
	b.ReportMetric(float64(blocked), "blocked-posts")
}
