package thumbs

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func hashN(i int) string { return fmt.Sprintf("%064x", i) }

func TestPoolMakesThumbnails(t *testing.T) {
	dir := t.TempDir()
	c := NewCache(filepath.Join(dir, "thumbs"))
	var jobs []Job
	for i := range 3 {
		src := filepath.Join(dir, fmt.Sprintf("p%d.jpg", i))
		photo(t, src, int64(i+10), 640, 480)
		jobs = append(jobs, Job{Hash: hashN(i + 1), Src: src, Format: FormatJPEG, Orientation: 1, Sizes: []int{GridSize, 512}})
	}
	broken := filepath.Join(dir, "broken.jpg")
	if err := os.WriteFile(broken, []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 2}, 0o644); err != nil {
		t.Fatal(err)
	}
	jobs = append(jobs, Job{Hash: hashN(99), Src: broken, Format: FormatJPEG, Sizes: []int{GridSize}})

	p := NewPool(context.Background(), c, 2)
	defer p.Close()
	results := make(chan Result, len(jobs))
	for _, j := range jobs {
		if err := p.Submit(context.Background(), j, func(r Result) { results <- r }); err != nil {
			t.Fatal(err)
		}
	}
	for range jobs {
		r := <-results
		if r.Job.Hash == hashN(99) {
			if !errors.Is(r.Err, ErrDamaged) {
				t.Errorf("broken file: %v, want ErrDamaged", r.Err)
			}
			continue
		}
		if r.Err != nil {
			t.Errorf("%s: %v", r.Job.Src, r.Err)
		}
		for _, s := range r.Job.Sizes {
			if !c.Exists(r.Job.Hash, s) {
				t.Errorf("%s: size %d missing", r.Job.Src, s)
			}
		}
	}
	if err := p.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := p.Submit(context.Background(), Job{Hash: "XYZ", Sizes: []int{64}}, func(Result) {}); !errors.Is(err, ErrBadHash) {
		t.Errorf("bad hash: %v", err)
	}
}

// The same hash submitted many times while it is being made is made at
// most once more afterwards, never twice at once, and every submitter
// hears back exactly once.
func TestPoolNeverMakesAHashTwiceAtOnce(t *testing.T) {
	p := NewPool(context.Background(), NewCache(t.TempDir()), 3)
	defer p.Close()
	var mu sync.Mutex
	running := map[string]int{}
	calls := map[string]int{}
	started := make(chan struct{}, 10)
	gate := make(chan struct{})
	p.makeFn = func(ctx context.Context, j Job) error {
		mu.Lock()
		running[j.Hash]++
		calls[j.Hash]++
		if running[j.Hash] > 1 {
			t.Errorf("hash %s made twice at once", j.Hash)
		}
		mu.Unlock()
		started <- struct{}{}
		<-gate
		mu.Lock()
		running[j.Hash]--
		mu.Unlock()
		return nil
	}
	var answers sync.WaitGroup
	submit := func(h string, size int) {
		answers.Add(1)
		var once sync.Once
		err := p.Submit(context.Background(), Job{Hash: h, Src: "x", Sizes: []int{size}}, func(r Result) {
			ran := false
			once.Do(func() { ran = true })
			if !ran {
				t.Error("callback called twice")
			}
			answers.Done()
		})
		if err != nil {
			t.Error(err)
			answers.Done()
		}
	}
	same := hashN(7)
	submit(same, 64)
	<-started // the first one is running now
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() { submit(same, 64+i) })
	}
	wg.Go(func() { submit(hashN(8), 64) })
	wg.Wait()
	close(gate)
	answers.Wait()
	mu.Lock()
	defer mu.Unlock()
	if calls[same] != 2 {
		t.Errorf("hash made %d times, want 2 (the first and one merged follow-up)", calls[same])
	}
	if calls[hashN(8)] != 1 {
		t.Errorf("other hash made %d times", calls[hashN(8)])
	}
}

// Cancelling the pool's context stops the running job and answers the
// queued ones; a job whose own context ended is answered without work.
func TestPoolCancelStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	p := NewPool(ctx, NewCache(t.TempDir()), 1)
	started := make(chan struct{}, 1)
	var mu sync.Mutex
	made := 0
	p.makeFn = func(ctx context.Context, j Job) error {
		mu.Lock()
		made++
		mu.Unlock()
		started <- struct{}{}
		<-ctx.Done() // a long decode that checks ctx
		return ctx.Err()
	}
	results := make(chan Result, 10)
	answer := func(r Result) { results <- r }
	if err := p.Submit(context.Background(), Job{Hash: hashN(1), Sizes: []int{64}}, answer); err != nil {
		t.Fatal(err)
	}
	<-started
	gone, stop := context.WithCancel(context.Background())
	if err := p.Submit(gone, Job{Hash: hashN(2), Sizes: []int{64}}, answer); err != nil {
		t.Fatal(err)
	}
	stop()
	for i := 3; i <= 5; i++ {
		if err := p.Submit(context.Background(), Job{Hash: hashN(i), Sizes: []int{64}}, answer); err != nil {
			t.Fatal(err)
		}
	}
	// The queue holds 4 (2–5): a full queue and an ended context return at once.
	full, stopFull := context.WithCancel(context.Background())
	stopFull()
	if err := p.Submit(full, Job{Hash: hashN(7), Sizes: []int{64}}, answer); !errors.Is(err, context.Canceled) {
		t.Fatalf("submit to a full queue with an ended context: %v", err)
	}
	cancel()
	p.Close()
	for range 5 {
		if r := <-results; !errors.Is(r.Err, context.Canceled) {
			t.Errorf("%s: %v, want context.Canceled", r.Job.Hash, r.Err)
		}
	}
	if made != 1 {
		t.Errorf("%d jobs were started, want only the first", made)
	}
	if err := p.Submit(context.Background(), Job{Hash: hashN(8), Sizes: []int{64}}, answer); !errors.Is(err, ErrClosed) {
		t.Errorf("submit after Close: %v", err)
	}
}
