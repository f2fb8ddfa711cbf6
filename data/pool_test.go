package data

import (
	"context"
	"database/sql"
	"sync"
	"testing"
	"time"
)

// A long write (an import) must not keep the calendar from reading: reads
// go through their own pool while the one writer holds its transaction.
func TestReadsDoNotWaitForALongWrite(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	p := Post{Title: "Vorher da"}
	if err := ws.CreatePost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	inside := make(chan struct{})
	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		err := ws.write(ctx, "long write", func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `UPDATE posts SET title = 'Während' WHERE id = ?`, p.ID); err != nil {
				return err
			}
			close(inside)
			<-release
			return nil
		})
		if err != nil {
			t.Error(err)
		}
	}()
	<-inside
	readCtx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	got, err := ws.Post(readCtx, p.ID)
	close(release)
	wg.Wait()
	if err != nil {
		t.Fatalf("read during a write: %v", err)
	}
	if got.Title != "Vorher da" {
		t.Errorf("read saw %q, want the committed title", got.Title)
	}
	after, err := ws.Post(ctx, p.ID)
	if err != nil || after.Title != "Während" {
		t.Errorf("after commit: %q, %v", after.Title, err)
	}
}

// The read pool refuses writes: a read that slipped into writing would
// bypass the immediate transactions and the change log.
func TestReadPoolIsQueryOnly(t *testing.T) {
	ws := newTestWorkspace(t)
	if _, err := ws.rdb.Exec(`DELETE FROM posts`); err == nil {
		t.Fatal("the read pool accepted a write")
	}
	if ws.rdb == ws.db {
		t.Fatal("reads and writes share one pool")
	}
	if n := ws.db.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("write pool allows %d connections, want 1", n)
	}
}

// SetActor may be called while another goroutine writes (the settings
// screen renames the person while a backup or import runs).
func TestSetActorWhileWriting(t *testing.T) {
	ws := newTestWorkspace(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			ws.SetActor(Actor{Person: "Vertretung", PC: "PC-2"})
		}
	}()
	for i := 0; i < 20; i++ {
		p := Post{Title: "Beitrag"}
		if err := ws.CreatePost(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
}
