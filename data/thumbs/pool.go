package thumbs

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
)

// ErrClosed is returned by Submit after Close.
var ErrClosed = errors.New("thumbnail pool closed")

// Job asks for the thumbnails of one picture.
type Job struct {
	Hash        string // content hash, lower-case hex; names the cache files
	Src         string // path of the stored original
	Format      Format // may be FormatUnknown: the content decides
	Orientation int    // EXIF orientation 1–8 (0 = unknown = as stored)
	Sizes       []int  // long sides wanted, e.g. GridSize and PreviewSize
}

// Result reports a finished Job. Err is nil when every size is on disk; the
// paths are then Cache.Path(Job.Hash, size) for each of Job.Sizes.
type Result struct {
	Job Job
	Err error
}

type waiter struct {
	ctx  context.Context
	done func(Result)
}

// entry is one hash's work, queued or running. Submits for a hash that is
// already queued join its entry; those for a hash that is running wait in
// next and run on the same worker right after it, so a hash is never
// decoded twice at once and usually not twice at all (Make skips sizes that
// are on disk by then).
type entry struct {
	job     Job
	waiters []waiter
	running bool
	next    *entry
}

// Pool makes thumbnails on a fixed number of background goroutines from a
// bounded queue. Callbacks run on a pool goroutine: the UI wraps its own in
// fyne.Do.
type Pool struct {
	cache   *Cache
	makeFn  func(ctx context.Context, job Job) error // Cache.Make; tests watch it
	ctx     context.Context
	cancel  context.CancelFunc
	queue   chan *entry
	workers sync.WaitGroup
	submits sync.WaitGroup

	mu      sync.Mutex
	pending map[string]*entry
	closed  bool
	idle    chan struct{} // closed when pending empties; made by Wait
}

// DefaultWorkers is the number of workers for an interactive app: all cores
// but one, which is left for the UI, and at least one.
func DefaultWorkers() int { return max(1, runtime.NumCPU()-1) }

// NewPool starts workers goroutines (DefaultWorkers() when workers < 1)
// writing into cache. Its queue holds 4 jobs per worker; Submit blocks while
// it is full. Cancelling ctx stops the pool: running decodes stop at their
// next check and every job not done is answered with the context's error.
// Close must still be called to wait for the workers.
func NewPool(ctx context.Context, cache *Cache, workers int) *Pool {
	if workers < 1 {
		workers = DefaultWorkers()
	}
	ctx, cancel := context.WithCancel(ctx)
	p := &Pool{
		cache:   cache,
		ctx:     ctx,
		cancel:  cancel,
		queue:   make(chan *entry, 4*workers),
		pending: make(map[string]*entry),
	}
	p.makeFn = func(ctx context.Context, j Job) error {
		return cache.Make(ctx, j.Hash, j.Src, j.Format, j.Orientation, j.Sizes)
	}
	for range workers {
		p.workers.Add(1)
		go p.work()
	}
	return p
}

// Submit queues job; done (may be nil) is called exactly once with its result when
// Submit returns nil (with ctx's error if ctx ends before the job starts).
// It blocks while the queue is full and returns ctx's or the pool's error
// if either ends first, or ErrClosed after Close. A job for a hash that is
// already queued is merged into that one (sizes united).
func (p *Pool) Submit(ctx context.Context, job Job, done func(Result)) error {
	if err := checkHash(job.Hash); err != nil {
		return err
	}
	if err := checkSizes(job.Sizes); err != nil {
		return err
	}
	job.Sizes = slices.Clone(job.Sizes)
	if done == nil {
		done = func(Result) {}
	}
	w := waiter{ctx: ctx, done: done}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return ErrClosed
	}
	if e, ok := p.pending[job.Hash]; ok {
		if e.running {
			if e.next == nil {
				e.next = &entry{job: job}
			}
			e = e.next
		}
		e.job.Sizes = union(e.job.Sizes, job.Sizes)
		e.waiters = append(e.waiters, w)
		p.mu.Unlock()
		return nil
	}
	e := &entry{job: job, waiters: []waiter{w}}
	p.pending[job.Hash] = e
	p.submits.Add(1)
	p.mu.Unlock()
	defer p.submits.Done()

	select {
	case p.queue <- e:
		return nil
	case <-ctx.Done():
		p.abandon(e, ctx.Err())
		return ctx.Err()
	case <-p.ctx.Done():
		p.abandon(e, p.ctx.Err())
		return p.ctx.Err()
	}
}

// abandon drops an entry that never reached the queue: the submitter gets
// the error as return value, anyone who joined it gets it by callback.
func (p *Pool) abandon(e *entry, err error) {
	p.mu.Lock()
	if p.pending[e.job.Hash] == e {
		p.forget(e.job.Hash)
	}
	others := e.waiters[1:]
	p.mu.Unlock()
	for _, w := range others {
		w.done(Result{Job: e.job, Err: err})
	}
}

func union(a, b []int) []int {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

func (p *Pool) work() {
	defer p.workers.Done()
	for {
		select {
		case <-p.ctx.Done():
			return
		case e := <-p.queue:
			p.run(e)
		}
	}
}

// run makes e and then any follow-up that arrived for the same hash while
// it ran.
func (p *Pool) run(e *entry) {
	for e != nil {
		p.mu.Lock()
		e.running = true
		job := e.job
		waiters := e.waiters
		e.waiters = nil
		p.mu.Unlock()

		// Skip the work when nobody still wants it.
		live := waiters[:0:0]
		for _, w := range waiters {
			if err := w.ctx.Err(); err != nil {
				w.done(Result{Job: job, Err: err})
			} else {
				live = append(live, w)
			}
		}
		var err error
		if len(live) > 0 {
			if err = p.ctx.Err(); err == nil {
				err = p.makeFn(p.ctx, job)
			}
		}

		p.mu.Lock()
		// Waiters that joined while it ran were put in next, not here.
		next := e.next
		if next != nil {
			p.pending[job.Hash] = next
		} else {
			p.forget(job.Hash)
		}
		p.mu.Unlock()
		for _, w := range live {
			w.done(Result{Job: job, Err: err})
		}
		e = next
	}
}

// Close stops the pool: it cancels the running work, waits for the workers
// and answers every job still queued with an error. It is safe to call
// more than once.
func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.cancel()
	p.submits.Wait()
	p.workers.Wait()
	for {
		select {
		case e := <-p.queue:
			p.mu.Lock()
			p.forget(e.job.Hash)
			waiters := e.waiters
			e.waiters = nil
			p.mu.Unlock()
			for _, w := range waiters {
				w.done(Result{Job: e.job, Err: p.ctx.Err()})
			}
		default:
			return
		}
	}
}

// Wait blocks until nothing is queued or running, or ctx ends. The
// command line uses it to make all thumbnails before it exits.
func (p *Pool) Wait(ctx context.Context) error {
	p.mu.Lock()
	if len(p.pending) == 0 {
		p.mu.Unlock()
		return nil
	}
	if p.idle == nil {
		p.idle = make(chan struct{})
	}
	idle := p.idle
	p.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// forget removes hash from pending and wakes Wait when nothing is left;
// p.mu is held.
func (p *Pool) forget(hash string) {
	delete(p.pending, hash)
	if len(p.pending) == 0 && p.idle != nil {
		close(p.idle)
		p.idle = nil
	}
}
