package app

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// handOver is a UI goroutine stand-in for runner tests: it keeps what jobs
// hand over until run, and counts the hand-overs.
type handOver struct {
	mu    sync.Mutex
	fs    []func()
	calls int
}

func (h *handOver) deliver(f func()) {
	h.mu.Lock()
	h.fs = append(h.fs, f)
	h.calls++
	h.mu.Unlock()
}

func (h *handOver) run() {
	for {
		h.mu.Lock()
		fs := h.fs
		h.fs = nil
		h.mu.Unlock()
		if len(fs) == 0 {
			return
		}
		for _, f := range fs {
			f()
		}
	}
}

func (h *handOver) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.calls
}

func TestRunnerResetCancelsWaitsAndDropsResults(t *testing.T) {
	for _, tc := range []struct {
		name  string
		close func(r *runner)
	}{
		{"workspace switched or closed", (*runner).reset},
		{"window closed", func(r *runner) { r.stop(); r.Wait() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := &handOver{}
			r := newRunner(h.deliver, 2)
			started := make(chan struct{})
			sawCancel, delivered, finishedDelivered := false, false, false
			// One job finished before the switch, its result not yet shown.
			r.start("", func(context.Context, *job) func() { return func() { finishedDelivered = true } })
			r.Wait()
			// One job still running: it only ends when its context does.
			r.start("", func(ctx context.Context, _ *job) func() {
				close(started)
				<-ctx.Done()
				sawCancel = true
				return func() { delivered = true }
			})
			<-started
			tc.close(r)
			if !sawCancel {
				t.Fatal("closing returned before the running job had stopped")
			}
			h.run()
			if delivered || finishedDelivered {
				t.Errorf("results for a closed workspace were shown: running %v, finished %v", delivered, finishedDelivered)
			}
		})
	}
}

func TestRunnerResultsOfTheNewWorkspaceArrive(t *testing.T) {
	h := &handOver{}
	r := newRunner(h.deliver, 1)
	r.reset()
	got := false
	r.start("", func(context.Context, *job) func() { return func() { got = true } })
	r.Wait()
	h.run()
	if !got {
		t.Fatal("a job started after the switch lost its result")
	}
}

func TestRunnerCancelledJobIsDropped(t *testing.T) {
	h := &handOver{}
	r := newRunner(h.deliver, 1)
	started := make(chan struct{})
	shown := false
	j := r.start("Import", func(ctx context.Context, j *job) func() {
		close(started)
		<-ctx.Done()
		j.send(func() { shown = true })
		return func() { shown = true }
	})
	<-started
	j.Cancel()
	r.Wait()
	h.run()
	if shown {
		t.Error("a cancelled job's results were shown")
	}
}

func TestRunnerBoundsWorkers(t *testing.T) {
	if want := max(1, runtime.NumCPU()-1); workerCount() != want {
		t.Errorf("workerCount() = %d, want %d", workerCount(), want)
	}
	h := &handOver{}
	r := newRunner(h.deliver, 2)
	gate := make(chan struct{})
	started := make(chan struct{}, 8)
	var mu sync.Mutex
	ran := 0
	for range 8 {
		r.start("", func(context.Context, *job) func() {
			started <- struct{}{}
			<-gate
			mu.Lock()
			ran++
			mu.Unlock()
			return nil
		})
	}
	<-started
	<-started
	// Two jobs hold both workers; the six others wait for a free one.
	if n := r.running.Load(); n != 2 {
		t.Errorf("%d jobs running, want 2", n)
	}
	close(gate)
	r.Wait()
	if ran != 8 || r.peak.Load() != 2 {
		t.Errorf("ran %d jobs, at most %d at once; want 8, 2", ran, r.peak.Load())
	}
}

func TestRunnerProgressIsRateLimited(t *testing.T) {
	// Hand-overs run at once here (as in Fyne's test driver), so only the
	// rate limit keeps updates apart; the clock moves 1 ms per item.
	r := newRunner(func(f func()) { f() }, 1)
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	r.now = func() time.Time { return clock }
	var updates []int
	r.shown = func(_ *job, done, _ int) { updates = append(updates, done) }
	r.ended = func(*job) {}
	const items = 20000
	r.start("Import", func(_ context.Context, j *job) func() {
		for i := 1; i <= items; i++ {
			clock = clock.Add(time.Millisecond)
			j.progress(i, items)
		}
		return nil
	})
	r.Wait()
	// 20 s of work: at most one update per 100 ms (plus the one at start).
	if n := len(updates); n > items/100+2 || n < 100 {
		t.Fatalf("%d progress updates for %d items", n, items)
	}
}

func TestRunnerProgressWaitsForTheUIGoroutine(t *testing.T) {
	// A busy UI goroutine never gets a second update queued behind the first.
	h := &handOver{}
	r := newRunner(h.deliver, 1)
	clock := time.Now()
	r.now = func() time.Time { return clock }
	shown := 0
	r.shown = func(*job, int, int) { shown++ }
	r.ended = func(*job) {}
	r.start("Import", func(_ context.Context, j *job) func() {
		for i := range 20000 {
			clock = clock.Add(time.Second)
			j.progress(i, 20000)
		}
		return nil
	})
	r.Wait()
	if c := h.count(); c != 3 { // shown at start, one update, the end
		t.Errorf("%d hand-overs queued, want 3", c)
	}
	h.run()
}

func TestRunnerSendCoalescesSmallResults(t *testing.T) {
	h := &handOver{}
	r := newRunner(h.deliver, 1)
	var got []int
	r.start("", func(_ context.Context, j *job) func() {
		for i := range 20000 {
			j.send(func() { got = append(got, i) })
		}
		return nil
	})
	r.Wait()
	if c := h.count(); c != 2 { // one batch, the end
		t.Errorf("20,000 results took %d hand-overs, want 2", c)
	}
	h.run()
	if len(got) != 20000 || got[0] != 0 || got[19999] != 19999 {
		t.Fatalf("got %d results", len(got))
	}
	// A later result after the batch was shown starts a new hand-over.
	r.start("", func(_ context.Context, j *job) func() {
		j.send(func() { got = append(got, -1) })
		return nil
	})
	r.Wait()
	h.run()
	if got[len(got)-1] != -1 {
		t.Error("a result after the first batch was lost")
	}
}

func TestFormatCount(t *testing.T) {
	setLanguage("de")
	for n, want := range map[int]string{0: "0", 999: "999", 1234: "1.234", 20000: "20.000", 1234567: "1.234.567", -1234: "-1.234"} {
		if got := formatCount(n); got != want {
			t.Errorf("formatCount(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestStatusAreaShowsProgressAndCancels(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	if u.status.Visible() {
		t.Fatal("status area shown while idle")
	}
	reported := make(chan struct{})
	resultShown := false
	u.runShown("Bilder einlesen", func(ctx context.Context, j *job) func() {
		j.progress(1234, 20000)
		close(reported)
		<-ctx.Done()
		return func() { resultShown = true }
	})
	<-reported
	u.runQueued()
	if !u.status.Visible() {
		t.Fatal("no status area while a job runs")
	}
	assertShows(t, u.status, "Bilder einlesen", "1.234 von 20.000", "Abbrechen")
	test.Tap(findButton(t, u.status, "Abbrechen"))
	u.Wait()
	if u.status.Visible() || resultShown {
		t.Errorf("after Abbrechen: status visible %v, result shown %v", u.status.Visible(), resultShown)
	}
}

// The watch goroutine starts jobs on its own clock, also while a test
// waits for the jobs: Wait must allow that (a sync.WaitGroup panics with
// "reused before previous Wait has returned").
func TestRunnerWaitWhileAnotherGoroutineStartsJobs(t *testing.T) {
	r := newRunner(func(func()) {}, 2)
	defer r.stop()
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			r.start("", func(context.Context, *job) func() {
				runtime.Gosched()
				return nil
			})
			runtime.Gosched()
		}
	}()
	for range 3000 {
		r.start("", func(context.Context, *job) func() {
			runtime.Gosched()
			return nil
		})
		r.Wait()
	}
	close(stop)
	<-done
	r.Wait()
}
