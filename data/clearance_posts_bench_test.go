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

// The calendar's consent marks for a busy month: 300 posts in April 2026
// with 2,000 linked pictures (each linked once), 250 people on them (1–3
// per picture, a fifth of the pictures ungeklärt), every person with one
// or two consents. Goal: the month's marks in well under 100 ms, so
// loading a month stays quick.
//
//	go test -tags ci -run '^$' -bench 'ClearPostsMonth' -benchtime 20x ./data/
func BenchmarkClearPostsMonth(b *testing.B) {
	ctx := context.Background()
	ws := newBenchWorkspace(b, filepath.Join(b.TempDir(), "Feedtakt"), 0)
	defer ws.Close()
	chans, _ := testIDs(b, ws)
	r := rand.New(rand.NewPCG(2026, 8))
	var people []int64
	for i := range 250 {
		p := Person{Name: fmt.Sprintf("Person %03d", i), Role: RoleEmployee}
		if err := ws.SavePerson(ctx, &p); err != nil {
			b.Fatal(err)
		}
		people = append(people, p.ID)
		c := written(p.ID, date(2026, 1, 10), Instagram, Facebook)
		if i%7 == 0 {
			c.Platforms = []Platform{Instagram}
		}
		if err := ws.AddConsent(ctx, &c); err != nil {
			b.Fatal(err)
		}
		if i%5 == 0 {
			c2 := written(p.ID, date(2026, 2, 1), Website)
			if err := ws.AddConsent(ctx, &c2); err != nil {
				b.Fatal(err)
			}
		}
	}
	err := ws.write(ctx, "seed clearance benchmark", func(tx *sql.Tx) error {
		created := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC).Format(time.RFC3339)
		var media []int64
		for i := range 2000 {
			sum := sha256.Sum256(fmt.Append(nil, "picture ", i))
			hash := hex.EncodeToString(sum[:])
			m := Media{Hash: hash, Path: mediaPath(hash, ".jpg"), Kind: "image", OriginalName: fmt.Sprintf("IMG_%04d.JPG", i),
				Width: 4000, Height: 3000, Size: 3_000_000, Taken: time.Date(2026, 2, 10, 10, 0, 0, 0, WorkspaceZone()), TakenSource: TakenFromEXIF}
			m.normTaken(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
			if err := insertMediaRow(ctx, tx, &m, created); err != nil {
				return err
			}
			media = append(media, m.ID)
			if i%5 == 0 {
				continue // ungeklärt
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO media_people_decision (media_hash, decision, decided_at) VALUES (?, 'people', ?)`, hash, created); err != nil {
				return err
			}
			for range 1 + r.IntN(3) {
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO media_people (media_hash, person_id) VALUES (?, ?)`, hash, people[r.IntN(len(people))]); err != nil {
					return err
				}
			}
		}
		for i := range 300 {
			d := date(2026, 4, 1+i%30)
			p := Post{Title: fmt.Sprintf("Beitrag %d", i), Caption: "Text", Date: &d, Status: StatusDraft, Zone: DefaultZone,
				Channels: []PostChannel{{ChannelID: chans[i%3]}, {ChannelID: chans[(i+1)%3]}}}
			if err := ws.insertPost(ctx, tx, &p); err != nil {
				return err
			}
			for k, id := range media[i*2000/300 : (i+1)*2000/300] {
				if _, err := tx.ExecContext(ctx, `INSERT INTO post_media (post_id, media_id, position) VALUES (?, ?, ?)`, p.ID, id, k); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	posts, err := ws.PostsBetween(ctx, date(2026, 3, 30), date(2026, 5, 10))
	if err != nil || len(posts) != 300 {
		b.Fatal(len(posts), err)
	}
	var blocked, pictures int
	for b.Loop() {
		checks, err := ws.ClearPosts(ctx, posts)
		if err != nil {
			b.Fatal(err)
		}
		blocked, pictures = 0, 0
		for _, c := range checks {
			pictures += len(c.Pictures)
			if c.Blocked() {
				blocked++
			}
		}
	}
	b.ReportMetric(float64(pictures), "pictures")
	b.ReportMetric(float64(blocked), "blocked-posts")
}
