package app

import (
	"context"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// progressEvery is the shortest time between two progress updates of one
// job on the UI goroutine: a job over 20,000 items reports at most about
// ten times a second, not 20,000 times.
const progressEvery = 100 * time.Millisecond

// workerCount is how many jobs run at once: one per core, leaving one core
// for the UI goroutine, and at least one.
func workerCount() int { return max(1, runtime.NumCPU()-1) }

// runner runs everything that touches disk or database off the UI
// goroutine. Each job gets a context that ends when the workspace is
// switched or closed, when the window closes, or when the person cancels
// the job; results reach the UI goroutine only through deliver, and a
// result of a job started for another workspace is dropped (job.stale: the
// one place of that rule).
type runner struct {
	// deliver hands a function to the UI goroutine without waiting for it
	// (fyne.Do, or the test queue); closing a workspace waits for jobs, so
	// a job must never block on the UI goroutine.
	deliver func(func())
	now     func() time.Time
	sem     chan struct{} // one token per worker
	wg      jobCount

	mu     sync.Mutex
	root   context.Context // ends when the window closes
	stopFn context.CancelFunc
	ctx    context.Context // ends when the open workspace changes
	cancel context.CancelFunc
	gen    uint64 // counts workspace changes; a job remembers its own

	// shown and ended are called on the UI goroutine for jobs with a name:
	// a progress update, and the end of the job (the status area).
	shown func(j *job, done, total int)
	ended func(j *job)

	running, peak atomic.Int32 // jobs holding a worker now, and the most at once
}

func newRunner(deliver func(func()), workers int) *runner {
	r := &runner{deliver: deliver, now: time.Now, sem: make(chan struct{}, workers)}
	r.root, r.stopFn = context.WithCancel(context.Background())
	r.ctx, r.cancel = context.WithCancel(r.root)
	return r
}

// jobCount counts running jobs and background goroutines; wait blocks
// until none runs. It is a sync.WaitGroup that may be added to while
// someone waits: the watch goroutine starts jobs on its own clock, also
// while a test's Wait waits, which a WaitGroup forbids.
type jobCount struct {
	mu   sync.Mutex
	n    int
	idle *sync.Cond
}

func (c *jobCount) add() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *jobCount) done() {
	c.mu.Lock()
	c.n--
	if c.n == 0 && c.idle != nil {
		c.idle.Broadcast()
	}
	c.mu.Unlock()
}

func (c *jobCount) wait() {
	c.mu.Lock()
	if c.idle == nil {
		c.idle = sync.NewCond(&c.mu)
	}
	for c.n > 0 {
		c.idle.Wait()
	}
	c.mu.Unlock()
}

// job is one piece of background work.
type job struct {
	r         *runner
	name      string // shown in the status area; empty: not shown
	gen       uint64
	ctx       context.Context
	cancelCtx context.CancelFunc
	cancelled atomic.Bool

	pmu         sync.Mutex
	done, total int
	lastShown   time.Time
	showPending bool

	bmu      sync.Mutex
	batch    []func()
	flushing bool
}

// start runs work on a worker. work returns what to do on the UI goroutine
// when it is done (or nil); that is skipped when the job is stale. A job
// with a name shows a progress bar with a cancel button while it runs.
func (r *runner) start(name string, work func(ctx context.Context, j *job) func()) *job {
	return r.startIn(r.generation(), name, work)
}

// generation identifies the open workspace; a job started for an older
// one is cancelled at once and its results are dropped.
func (r *runner) generation() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.gen
}

// startIn is start for the workspace of generation gen, for goroutines
// that outlive the screen that started them (the watch).
func (r *runner) startIn(gen uint64, name string, work func(ctx context.Context, j *job) func()) *job {
	r.mu.Lock()
	ctx, cancel := context.WithCancel(r.ctx)
	j := &job{r: r, name: name, gen: gen, ctx: ctx, cancelCtx: cancel}
	if gen != r.gen {
		r.mu.Unlock()
		j.Cancel() // its workspace is gone: nothing to do
		return j
	}
	r.wg.add()
	r.mu.Unlock()
	if name != "" && r.shown != nil {
		r.deliver(func() { r.shown(j, 0, 0) })
	}
	go func() {
		defer r.wg.done()
		defer cancel()
		var done func()
		select {
		case r.sem <- struct{}{}:
			n := r.running.Add(1)
			for p := r.peak.Load(); n > p && !r.peak.CompareAndSwap(p, n); p = r.peak.Load() {
			}
			if ctx.Err() == nil {
				done = work(ctx, j)
			}
			r.running.Add(-1)
			<-r.sem
		case <-ctx.Done():
		}
		r.deliver(func() {
			if j.name != "" && r.ended != nil {
				r.ended(j)
			}
			if done != nil && !j.stale() {
				done()
			}
		})
	}()
	return j
}

// goBackground runs f on a goroutine of its own, outside the runner's
// workers, while ctx (a context of the open workspace) lasts: for work that
// bounds itself, such as the Mediathek's thumbnail feeder, so that it
// neither waits for nor holds a worker. Closing the workspace waits for f
// like for a job, and tests' Wait waits for it. It returns false, without
// running f, when ctx has ended.
func (r *runner) goBackground(ctx context.Context, f func()) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if ctx.Err() != nil {
		return false
	}
	r.wg.add()
	go func() {
		defer r.wg.done()
		f()
	}()
	return true
}

// stale says whether the job's results must be dropped: the workspace it
// was started for is no longer open, or the person cancelled it.
func (j *job) stale() bool {
	j.r.mu.Lock()
	defer j.r.mu.Unlock()
	return j.gen != j.r.gen || j.cancelled.Load()
}

// Cancel stops the job (the Abbrechen button); its results are dropped.
func (j *job) Cancel() {
	j.cancelled.Store(true)
	j.cancelCtx()
}

// progress reports how far the job is. It may be called for every item:
// the UI goroutine sees at most one update per progressEvery and never more
// than one waiting.
func (j *job) progress(done, total int) {
	if j.name == "" || j.r.shown == nil {
		return
	}
	j.pmu.Lock()
	j.done, j.total = done, total
	now := j.r.now()
	if j.showPending || (!j.lastShown.IsZero() && now.Sub(j.lastShown) < progressEvery) {
		j.pmu.Unlock()
		return
	}
	j.lastShown, j.showPending = now, true
	j.pmu.Unlock()
	j.r.deliver(func() {
		j.pmu.Lock()
		d, t := j.done, j.total
		j.showPending = false
		j.pmu.Unlock()
		if !j.stale() {
			j.r.shown(j, d, t)
		}
	})
}

// send hands one small result (a thumbnail for one cell) to the UI
// goroutine without waiting. Results sent while an earlier hand-over is
// still waiting join it, so 20,000 results do not queue 20,000 calls.
func (j *job) send(f func()) {
	j.bmu.Lock()
	j.batch = append(j.batch, f)
	if j.flushing {
		j.bmu.Unlock()
		return
	}
	j.flushing = true
	j.bmu.Unlock()
	j.r.deliver(func() {
		j.bmu.Lock()
		b := j.batch
		j.batch, j.flushing = nil, false
		j.bmu.Unlock()
		if j.stale() {
			return
		}
		for _, f := range b {
			f()
		}
	})
}

// reset cancels every job of the open workspace and waits until they have
// stopped; results still on their way are dropped. Called on the UI
// goroutine when the workspace is switched or closed.
func (r *runner) reset() {
	r.mu.Lock()
	r.cancel()
	r.gen++
	r.ctx, r.cancel = context.WithCancel(r.root)
	r.mu.Unlock()
	r.wg.wait()
}

// stop cancels every job for good (the window closes).
func (r *runner) stop() {
	r.mu.Lock()
	r.gen++
	r.mu.Unlock()
	r.stopFn()
}

// Wait blocks until every job started so far has returned (its results
// may still wait for the UI goroutine).
func (r *runner) Wait() { r.wg.wait() }

// run starts work in the background for the open workspace; the function
// it returns runs on the UI goroutine unless the workspace changed
// meanwhile. It replaces every direct database or disk call in callbacks.
func (u *UI) run(work func(ctx context.Context) func()) *job {
	return u.jobs.start("", func(ctx context.Context, _ *job) func() { return work(ctx) })
}

// runShown is run for a long job: while it runs, the status area at the
// bottom of the window shows name, progress and an Abbrechen button.
func (u *UI) runShown(name string, work func(ctx context.Context, j *job) func()) *job {
	return u.jobs.start(name, work)
}

// statusRow is one running job in the status area.
type statusRow struct {
	row   fyne.CanvasObject
	count *widget.Label
	bar   *widget.ProgressBar
}

// showJob adds or updates the row of j in the status area.
func (u *UI) showJob(j *job, done, total int) {
	r, ok := u.statusRows[j]
	if !ok {
		r = &statusRow{count: widget.NewLabel(""), bar: widget.NewProgressBar()}
		r.bar.TextFormatter = func() string { return "" }
		cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), j.Cancel)
		name := widget.NewLabelWithStyle(j.name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		r.row = container.NewBorder(nil, nil, name, container.NewHBox(r.count, cancel), r.bar)
		u.statusRows[j] = r
		u.status.Add(r.row)
		u.status.Show()
	}
	if total > 0 {
		r.bar.Max = float64(total)
		r.bar.SetValue(float64(done))
		r.count.SetText(lang.L("{{.Done}} of {{.Total}}", map[string]any{"Done": formatCount(done), "Total": formatCount(total)}))
	}
}

// endJob removes the row of j; the status area hides when no job is shown.
func (u *UI) endJob(j *job) {
	r, ok := u.statusRows[j]
	if !ok {
		return
	}
	delete(u.statusRows, j)
	u.status.Remove(r.row)
	if len(u.statusRows) == 0 {
		u.status.Hide()
	}
}

// formatCount writes a count with thousands separators ("20.000" in
// German, "20,000" in English).
func formatCount(n int) string {
	s := strconv.Itoa(n)
	sep := ","
	if language == "de" {
		sep = "."
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && c != '-' && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// do runs op on the open workspace in the background and then calls then
// with its error on the UI goroutine: the shape of every save.
func (u *UI) do(op func(ws *data.Workspace, ctx context.Context) error, then func(err error)) {
	ws := u.ws
	u.run(func(ctx context.Context) func() {
		err := op(ws, ctx)
		return func() { then(err) }
	})
}

// fetch reads with op in the background and hands the result to then on
// the UI goroutine: the shape of every load. op takes the workspace first
// so that method expressions such as (*data.Workspace).Topics fit.
func fetch[T any](u *UI, op func(ws *data.Workspace, ctx context.Context) (T, error), then func(T, error)) {
	ws := u.ws
	u.run(func(ctx context.Context) func() {
		v, err := op(ws, ctx)
		return func() { then(v, err) }
	})
}
