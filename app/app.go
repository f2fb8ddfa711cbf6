// Package app is Feedtakt's user interface (Fyne). It takes a fyne.App from
// main, so its tests run with fyne.io/fyne/v2/test and no display, and asks
// package data for everything that is not a screen.
package app

import (
	"context"
	"errors"
	"log"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/bundle"
	"feedtakt/data/calendar"
	"feedtakt/data/demo"
)

// Preference keys. The display name and the language belong to the person
// on this PC, not to the workspace a colleague also opens.
const (
	prefLastWorkspace = "lastWorkspace"
	prefDisplayName   = "displayName"
	prefLanguage      = "language"
	prefWindowWidth   = "windowWidth"
	prefWindowHeight  = "windowHeight"
)

// Config is what main hands over from the command line.
type Config struct {
	Workspace string // --workspace DIR: open this folder
	Demo      bool   // --demo: open (or make) the demo workspace
	Lang      string // --lang de|en: overrides the saved choice for this run
	// DemoDir is where the demo workspace lives; empty means the user's
	// config folder (Feedtakt/Demo).
	DemoDir string

	// queued makes background results wait in a queue that Wait runs on
	// the caller's goroutine. Fyne's test driver runs fyne.Do callbacks at
	// once on the calling goroutine, which would race with the test.
	queued bool
	// delay makes every database transaction of the workspaces this UI
	// opens wait first (data.Options.Delay): the slow-workspace test.
	delay time.Duration
}

// UI is the one window of Feedtakt and what it shows.
type UI struct {
	app fyne.App
	win fyne.Window
	cfg Config

	ws   *data.Workspace
	root *fyne.Container // swaps between welcome, progress and shell

	shell *shell
	// opening is true while a workspace is being opened or made; further
	// requests wait for it, so two never race for the same folder.
	opening bool
	editor  *editor // the open post editor, for Ctrl+S

	// jobs runs everything that touches disk or database (jobs.go).
	jobs *runner
	// deliver hands a function to the UI goroutine without waiting:
	// fyne.Do, or the queue in tests (see Config.queued).
	deliver func(func())
	qmu     sync.Mutex
	queue   []func()
	// status is the area at the bottom of the window where long jobs
	// show their progress; hidden when none runs.
	status     *fyne.Container
	statusRows map[*job]*statusRow
	// watchStop ends the reachability watch of the open workspace.
	watchStop chan struct{}
	watcher   *watcher // its state, for tests
}

// Run builds the window, shows it and blocks until the app quits.
func Run(a fyne.App, cfg Config) {
	u := New(a, cfg)
	u.win.ShowAndRun()
	u.closeWorkspace()
}

// New builds the window and starts opening what cfg or the preferences say:
// a folder from --workspace, the demo, the last workspace, or the welcome
// screen on first start.
func New(a fyne.App, cfg Config) *UI {
	pref := a.Preferences().String(prefLanguage)
	if cfg.Lang != "" {
		pref = cfg.Lang
	}
	setLanguage(pref)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	a.Settings().SetTheme(feedtaktTheme{})

	u := &UI{app: a, cfg: cfg, deliver: fyne.Do, statusRows: map[*job]*statusRow{}}
	if cfg.queued {
		u.deliver = u.enqueue
	}
	u.jobs = newRunner(u.deliver, workerCount())
	u.jobs.shown, u.jobs.ended = u.showJob, u.endJob
	u.win = a.NewWindow("Feedtakt")
	// The last size the person left the window at, else one that fits a
	// 1366x768 laptop with its taskbar.
	w, h := a.Preferences().FloatWithFallback(prefWindowWidth, 1240), a.Preferences().FloatWithFallback(prefWindowHeight, 700)
	u.win.Resize(fyne.NewSize(float32(w), float32(h)))
	u.win.SetOnDropped(u.dropped)
	u.win.SetOnClosed(func() {
		u.jobs.stop()
		sz := u.win.Canvas().Size()
		if sz.Width >= 400 && sz.Height >= 300 {
			a.Preferences().SetFloat(prefWindowWidth, float64(sz.Width))
			a.Preferences().SetFloat(prefWindowHeight, float64(sz.Height))
		}
	})
	u.root = container.NewStack()
	u.status = container.NewVBox()
	u.status.Hide()
	u.win.SetContent(container.NewBorder(nil, u.status, nil, nil, u.root))
	u.win.SetMainMenu(u.mainMenu())
	u.win.SetMaster()
	u.win.SetCloseIntercept(u.requestClose)

	switch {
	case cfg.Workspace != "":
		u.openWorkspace(cfg.Workspace)
	case cfg.Demo:
		u.openDemo()
	default:
		if p, ok := data.PortableDir(); ok {
			u.openOrCreate(p)
		} else if last := a.Preferences().String(prefLastWorkspace); last != "" {
			u.openWorkspace(last)
		} else {
			u.showWelcome()
		}
	}
	return u
}

// Window returns the main window (for tests).
func (u *UI) Window() fyne.Window { return u.win }

// Workspace returns the open workspace or nil.
func (u *UI) Workspace() *data.Workspace { return u.ws }

// Wait blocks until background work started so far has finished and its
// results are shown, including work those results start; tests use it
// instead of sleeping.
func (u *UI) Wait() {
	for {
		u.jobs.Wait()
		if !u.runQueued() {
			return
		}
	}
}

// runQueued runs what jobs have handed to the UI goroutine so far (test
// mode) and says whether there was anything.
func (u *UI) runQueued() bool {
	u.qmu.Lock()
	q := u.queue
	u.queue = nil
	u.qmu.Unlock()
	for _, f := range q {
		f()
	}
	return len(q) > 0
}

func (u *UI) enqueue(f func()) {
	u.qmu.Lock()
	u.queue = append(u.queue, f)
	u.qmu.Unlock()
}

func (u *UI) setContent(o fyne.CanvasObject) {
	u.root.Objects = []fyne.CanvasObject{o}
	u.root.Refresh()
}

// actor is who this person is in the change log: the display name from the
// preferences, else the OS user.
func (u *UI) actor() data.Actor {
	a := data.CurrentActor()
	if n := u.app.Preferences().String(prefDisplayName); n != "" {
		a.Person = n
	}
	return a
}

// showProgress replaces the window content with a spinner and a sentence.
func (u *UI) showProgress(text string) {
	bar := widget.NewProgressBarInfinite()
	label := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{})
	u.setContent(container.NewCenter(container.NewVBox(label, container.NewGridWrap(fyne.NewSize(320, bar.MinSize().Height), bar))))
}

// openWorkspace opens dir in the background. Success shows the workspace;
// failure explains why and goes back to the welcome screen, losing nothing.
func (u *UI) openWorkspace(dir string) {
	if u.opening {
		return
	}
	u.opening = true
	u.closeWorkspace()
	u.showProgress(lang.L("Opening the workspace …"))
	actor := u.actor()
	u.run(func(ctx context.Context) func() {
		// A bundle import killed between its two renames is finished
		// first (handover_replace.go); otherwise this does nothing.
		if err := bundle.Resume(dir); err != nil {
			log.Printf("finish an interrupted bundle import: %v", err)
		}
		ws, err := data.Open(ctx, dir, data.Options{Actor: actor, Delay: u.cfg.delay})
		if err == nil && ctx.Err() != nil {
			ws.Close() // the window closed meanwhile: release the lock
			return nil
		}
		return func() {
			u.opening = false
			if err != nil {
				log.Printf("open workspace %s: %v", dir, err)
				u.showWelcome()
				u.showError(lang.L("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": dir}), err)
				return
			}
			u.showWorkspace(ws)
		}
	})
}

// openOrCreate opens dir when it holds a workspace and creates one otherwise
// (the portable "workspace" folder next to the program).
func (u *UI) openOrCreate(dir string) {
	bundle.Resume(dir) // an interrupted bundle import is finished, not replaced by a new workspace
	if _, err := os.Stat(filepath.Join(dir, data.DBName)); err == nil {
		u.openWorkspace(dir)
		return
	}
	u.createWorkspace(dir, data.Settings{Land: "NI"})
}

// createWorkspace makes a new workspace with German default channels and
// topics the person then adapts in the guided start (guide.go).
func (u *UI) createWorkspace(dir string, s data.Settings) {
	if u.opening {
		return
	}
	u.opening = true
	u.closeWorkspace()
	u.showProgress(lang.L("Creating the workspace …"))
	actor := u.actor()
	init := data.Initial{Settings: s, Channels: defaultChannels(), Topics: defaultTopics()}
	u.run(func(ctx context.Context) func() {
		ws, err := data.Create(ctx, dir, init, data.Options{Actor: actor, Delay: u.cfg.delay})
		if err == nil && ctx.Err() != nil {
			ws.Close()
			return nil
		}
		return func() {
			u.opening = false
			if err != nil {
				log.Printf("create workspace %s: %v", dir, err)
				u.showWelcome()
				u.showError(lang.L("No workspace could be created in {{.Dir}}.", map[string]any{"Dir": dir}), err)
				return
			}
			u.showWorkspace(ws)
			u.startGuide() // channels, topics, a first post; ends in the calendar
		}
	})
}

func defaultChannels() []data.Channel {
	return []data.Channel{
		{Name: "Instagram", Platform: data.Instagram, Color: "#C13584", Cadence: data.Cadence{Count: 2, Period: data.PerWeek}},
		{Name: "Facebook", Platform: data.Facebook, Color: "#1877F2", Cadence: data.Cadence{Count: 2, Period: data.PerWeek}},
	}
}

func defaultTopics() []data.Topic {
	return []data.Topic{
		{Name: lang.L("Careers & training"), Color: "#2E7D32"},
		{Name: lang.L("Behind the scenes"), Color: "#6A1B9A"},
		{Name: lang.L("Service"), Color: "#1565C0"},
		{Name: lang.L("Events"), Color: "#EF6C00"},
	}
}

// demoDir is where the demo workspace is kept between runs.
func (u *UI) demoDir() string {
	if u.cfg.DemoDir != "" {
		return u.cfg.DemoDir
	}
	base, err := os.UserConfigDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "Feedtakt", "Demo")
}

// openDemo opens the demo workspace, making it first if it does not exist.
func (u *UI) openDemo() {
	if u.opening {
		return
	}
	dir := u.demoDir()
	if _, err := os.Stat(filepath.Join(dir, data.DBName)); err == nil {
		u.openWorkspace(dir)
		return
	}
	u.opening = true
	u.closeWorkspace()
	u.showProgress(lang.L("Creating the demo workspace …"))
	actor := u.actor()
	u.run(func(ctx context.Context) func() {
		ws, err := demo.Create(ctx, dir, data.Options{Actor: actor, Delay: u.cfg.delay}, time.Now())
		if err == nil && ctx.Err() != nil {
			ws.Close()
			return nil
		}
		return func() {
			u.opening = false
			if err != nil {
				log.Printf("create demo %s: %v", dir, err)
				u.showWelcome()
				u.showError(lang.L("The demo workspace could not be created."), err)
				return
			}
			u.showWorkspace(ws)
		}
	})
}

// showWorkspace makes ws the open workspace and shows the main screens.
func (u *UI) showWorkspace(ws *data.Workspace) {
	if u.ws != nil && u.ws != ws {
		u.closeWorkspace()
	}
	u.ws = ws
	u.app.Preferences().SetString(prefLastWorkspace, ws.Dir())
	u.shell = newShell(u)
	u.setContent(u.shell.content)
	u.updateTitle()
	u.watch()
	u.bindKeys()
	if !ws.ReadOnly() {
		u.run(func(ctx context.Context) func() {
			_, made, err := ws.BackupIfDue(ctx)
			if err != nil {
				log.Printf("daily backup: %v", err)
				return func() { u.shell.setBackupProblem(err) }
			}
			if made {
				return func() { u.shell.refreshHandover() }
			}
			return nil
		})
		u.checkMedia(ws)
		u.resumeErasures(ws)
	}
}

// checkMedia empties the Papierkorb of what is older than 30 days and
// compares the media files with the database in the background (files
// deleted or changed outside Feedtakt, files a restored backup still
// needs), with a progress row because on a network share it takes a while.
func (u *UI) checkMedia(ws *data.Workspace) {
	u.runShown(lang.L("Checking the media library"), func(ctx context.Context, j *job) func() {
		if _, err := ws.PurgeTrash(ctx); err != nil {
			log.Printf("purge Papierkorb: %v", err)
		}
		scan, err := ws.ScanMedia(ctx, j.progress)
		if err != nil {
			log.Printf("media check: %v", err)
			return nil
		}
		n := len(scan.Missing) + len(scan.Changed)
		return func() { u.shell.setMediaProblems(n) }
	})
}

// updateTitle puts the organisation into the window title; the settings
// are read in the background.
func (u *UI) updateTitle() {
	if u.ws == nil {
		u.win.SetTitle("Feedtakt")
		return
	}
	ws := u.ws
	u.run(func(ctx context.Context) func() {
		s, err := ws.Settings(ctx)
		return func() {
			title := "Feedtakt"
			if err == nil && s.Organisation != "" {
				title += " – " + s.Organisation
			}
			if ws.ReadOnly() {
				title += " " + lang.L("(read-only)")
			}
			u.win.SetTitle(title)
		}
	})
}

// watch checks every few seconds that the workspace is still reachable, so
// an unplugged network drive is reported before the person types a page,
// and makes the daily backup when the app stays open past midnight.
func (u *UI) watch() {
	stop := make(chan struct{})
	u.watchStop = stop
	w := &watcher{u: u, ws: u.ws, gen: u.jobs.generation(), day: data.Today(time.Now())}
	u.watcher = w
	go func() {
		t := time.NewTicker(5 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case now := <-t.C:
				w.tick(now)
			}
		}
	}()
}

// watcher is what one watch of one open workspace remembers.
type watcher struct {
	u   *UI
	ws  *data.Workspace
	gen uint64 // the workspace's generation in the runner

	mu  sync.Mutex    // tests tick too, besides the watch goroutine
	day calendar.Date // the workspace day (data.Today) of the last backup check
}

// tick is one look at the workspace: the backup after midnight, and
// whether the folder is still there. It runs its work as jobs of the
// workspace's generation, so nothing reaches the screens of another one.
func (w *watcher) tick(now time.Time) {
	u, ws := w.u, w.ws
	w.mu.Lock()
	newDay := data.Today(now) != w.day
	w.day = data.Today(now)
	w.mu.Unlock()
	if newDay && !ws.ReadOnly() {
		u.jobs.startIn(w.gen, "", func(ctx context.Context, _ *job) func() {
			_, made, err := ws.BackupIfDue(ctx)
			if err != nil {
				log.Printf("daily backup: %v", err)
				return func() { u.shell.setBackupProblem(err) }
			}
			if made {
				return func() {
					u.shell.setBackupProblem(nil)
					u.shell.refreshHandover()
				}
			}
			return nil
		})
	}
	u.jobs.startIn(w.gen, "", func(context.Context, *job) func() {
		if err := ws.Check(); err != nil {
			return func() { u.shell.setGone(true) }
		}
		return nil
	})
}

// closeWorkspace releases the open workspace, if any: its jobs are
// cancelled and waited for first, so none uses a closed database.
func (u *UI) closeWorkspace() {
	if u.watchStop != nil {
		close(u.watchStop)
		u.watchStop = nil
	}
	u.jobs.reset()
	if u.ws != nil {
		if err := u.ws.Close(); err != nil {
			log.Printf("close workspace: %v", err)
		}
		u.ws = nil
	}
	u.shell = nil
}

// showError shows what failed and why in the UI language, and logs it.
func (u *UI) showError(what string, err error) {
	if err == nil {
		return
	}
	log.Printf("%s: %v", what, err)
	msg := what
	if why := explain(err); why != "" {
		msg += "\n\n" + why
	}
	d := dialog.NewError(errors.New(msg), u.win)
	d.Show()
}

// confirmDelete asks before a deletion, runs del, explains a failure with
// failed, and calls done with whether the item is gone.
func (u *UI) confirmDelete(title, question, failed string, del func(ctx context.Context) error, done func(deleted bool)) {
	dialog.ShowConfirm(title, question, func(ok bool) {
		if !ok {
			return
		}
		u.run(func(ctx context.Context) func() {
			err := del(ctx)
			return func() {
				if err != nil {
					u.showError(failed, err)
				}
				done(err == nil)
			}
		})
	}, u.win)
}

// confirmDeletePost asks before deleting a post; the calendar and the
// editor both offer it.
func (u *UI) confirmDeletePost(p data.Post, done func(deleted bool)) {
	ws := u.ws
	u.confirmDelete(lang.L("Delete post?"),
		lang.L("Delete “{{.Title}}”? This cannot be undone; the change log keeps a record.", map[string]any{"Title": p.Title}),
		lang.L("The post could not be deleted."),
		func(ctx context.Context) error { return ws.DeletePost(ctx, p.ID) }, done)
}

// quit closes the workspace and ends the app, after asking about unsaved
// edits in the editor.
func (u *UI) quit() {
	u.confirmLeave(func() {
		u.closeWorkspace()
		u.app.Quit()
	})
}

// requestClose is the window's close button: an editor with unsaved edits
// asks first; otherwise, or after Verwerfen, the window closes.
func (u *UI) requestClose() {
	u.confirmLeave(u.win.Close)
}

// confirmLeave runs leave at once, or after the editor's discard question
// when it holds unsaved edits.
func (u *UI) confirmLeave(leave func()) {
	if e := u.editor; e != nil && e.dlg != nil {
		e.confirmDiscard(leave)
		return
	}
	leave()
}
