package app

import (
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// postingCaption uses built-ins the Posten view must fill per channel, and
// emoji that must reach the clipboard intact (a ZWJ family, a skin tone).
const postingCaption = "Heute bei {Behörde}: Lena 👩🏽‍🎓 zeigt das Stadtarchiv.\n\nFamilientag 👨‍👩‍👧‍👦 am Samstag – mehr auf {Kanal}!"

// postingFixture is a workspace with an Instagram and an X channel and a
// post on both with two pictures.
type postingFixture struct {
	u            *UI
	s            *calendarScreen
	post         data.Post
	insta, x     data.Channel
	pics         []data.Media
	changedCalls int
}

// newPostingFixture makes the workspace; altTexts are the pictures'
// Bildbeschreibungen ("" = none).
func newPostingFixture(t *testing.T, altTexts ...string) *postingFixture {
	t.Helper()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Feedtakt")
	ws, err := data.Create(ctx, dir, data.Initial{
		Settings: data.Settings{Organisation: "Stadt Musterstadt", Land: calendar.Bayern},
		Channels: []data.Channel{
			{Name: "Instagram", Platform: data.Instagram, Handle: "@stadt.musterstadt"},
			{Name: "X", Platform: data.X, Handle: "@musterstadt"},
		},
	}, data.Options{Actor: data.Actor{Person: "Test", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	f := &postingFixture{u: u, s: u.shell.calendar}
	cs, err := u.Workspace().Channels(ctx)
	if err != nil || len(cs) != 2 {
		t.Fatalf("channels %v, %v", cs, err)
	}
	f.insta, f.x = cs[0], cs[1]
	names := []string{"lena-archiv.jpg", "familientag.jpg"}
	f.pics = importPictures(t, u, names[:len(altTexts)]...)
	var ids []int64
	for i := range f.pics {
		f.pics[i].AltText = altTexts[i]
		f.pics[i].Credit = "Stadt Musterstadt"
		if err := u.Workspace().UpdateMedia(ctx, &f.pics[i]); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, f.pics[i].ID)
	}
	status := data.StatusApproved // the approval rule refuses it with a picture lacking alt text
	for _, a := range altTexts {
		if a == "" {
			status = data.StatusDraft
		}
	}
	f.post = data.Post{Title: "Azubi-Dienstag: Lena im Archiv", Caption: postingCaption, Date: day(2026, 12, 8), Time: at(10, 0),
		Status: status, Channels: []data.PostChannel{{ChannelID: f.insta.ID}, {ChannelID: f.x.ID}}}
	if err := u.Workspace().SavePostWithMedia(ctx, &f.post, ids); err != nil {
		t.Fatal(err)
	}
	f.s.goTo(*f.post.Date)
	f.s.reload() // the post came after the calendar's first load
	u.Wait()
	return f
}

// open shows the Posten view of the fixture's post.
func (f *postingFixture) open(t *testing.T) *postingView {
	t.Helper()
	v := startPosting(f.u, f.post, func() { f.changedCalls++ })
	f.u.Wait()
	if v == nil || v.dlg == nil || len(v.channels) != 2 {
		t.Fatal("the Posten view did not open with two channels")
	}
	return v
}

// wantFinal is the caption as the channel named gets it.
func wantFinal(channel string) string {
	return strings.NewReplacer("{Behörde}", "Stadt Musterstadt", "{Kanal}", channel).Replace(postingCaption)
}

func TestPostingCopiesTheRenderedTextWithEmojiIntact(t *testing.T) {
	f := newPostingFixture(t, "Lena sortiert Akten im Lesesaal des Stadtarchivs.", "Eine Familie am Infostand der Stadt.")
	v := f.open(t)
	assertShows(t, v.body, "Azubi-Dienstag: Lena im Archiv", "Di 08.12.2026, 10:00 Uhr", "Instagram", "@musterstadt",
		wantFinal("Instagram"), wantFinal("X"), "lena-archiv.jpg", "Lena sortiert Akten")
	test.Tap(v.channels[1].copyB)
	want := clipboardText(wantFinal("X"), runtime.GOOS)
	if got := f.u.app.Clipboard().Content(); got != want {
		t.Fatalf("clipboard %q, want %q", got, want)
	}
	if !strings.Contains(f.u.app.Clipboard().Content(), "👨‍👩‍👧‍👦") {
		t.Error("the ZWJ family did not survive")
	}
	if v.channels[1].copied.Text != "Kopiert ✓" || v.channels[0].copied.Text != "" {
		t.Errorf("feedback %q / %q", v.channels[0].copied.Text, v.channels[1].copied.Text)
	}
	if !strings.Contains(v.channels[0].count.Text, "/ 2.200 Zeichen") || !strings.Contains(v.channels[1].count.Text, "/ 280") {
		t.Errorf("counters %q, %q", v.channels[0].count.Text, v.channels[1].count.Text)
	}
}

func TestPostingCopiesAltTextAndSaysWhenThereIsNone(t *testing.T) {
	f := newPostingFixture(t, "Lena sortiert Akten im Lesesaal des Stadtarchivs.", "")
	v := f.open(t)
	if len(v.pictures) != 2 {
		t.Fatalf("%d pictures", len(v.pictures))
	}
	test.Tap(v.pictures[0].copyB)
	if got := f.u.app.Clipboard().Content(); got != "Lena sortiert Akten im Lesesaal des Stadtarchivs." {
		t.Fatalf("clipboard %q", got)
	}
	if v.pictures[0].copied.Text != "Kopiert ✓" {
		t.Errorf("feedback %q", v.pictures[0].copied.Text)
	}
	if !v.pictures[1].copyB.Disabled() {
		t.Error("Alt-Text kopieren offered for a picture without one")
	}
	assertShows(t, v.body, "ohne Bildbeschreibung", "Für Kanal vorbereiten …")

	// Im Editor öffnen closes the view and opens the post's editor.
	test.Tap(findButton(t, topOverlay(f.u), "Im Editor öffnen"))
	f.u.Wait()
	if f.u.editor == nil || f.u.editor.post.ID != f.post.ID {
		t.Fatal("the editor did not take over from the Posten view")
	}
}

// markChannel fills and sends the mark form of channel i.
func markChannel(t *testing.T, f *postingFixture, v *postingView, i int, link string) {
	t.Helper()
	if v.channels[i].markB == nil {
		t.Fatalf("channel %d offers no mark", i)
	}
	test.Tap(v.channels[i].markB)
	if v.form == nil {
		t.Fatal("no mark form")
	}
	v.form.link.SetText(link)
	v.form.date.SetText("01.12.2026")
	v.form.clock.SetText("09:30")
	test.Tap(v.form.save)
	f.u.Wait()
}

func TestPostingMarkingEveryChannelPublishesThePost(t *testing.T) {
	f := newPostingFixture(t, "Lena sortiert Akten im Lesesaal des Stadtarchivs.", "Eine Familie am Infostand der Stadt.")
	v := f.open(t)
	markChannel(t, f, v, 0, "https://www.instagram.com/p/C0ffee/")
	if f.changedCalls != 1 {
		t.Errorf("calendar told %d times after the first mark", f.changedCalls)
	}
	assertShows(t, v.body, "Veröffentlicht am 01.12.2026, 09:30", "Markierung entfernen")
	p, _ := f.u.Workspace().Post(context.Background(), f.post.ID)
	if p.Status != data.StatusApproved {
		t.Errorf("one channel of two marked: status %s", p.Status)
	}
	markChannel(t, f, v, 1, "")
	p, _ = f.u.Workspace().Post(context.Background(), f.post.ID)
	if p.Status != data.StatusPublished || p.Channels[0].PublishedLink != "https://www.instagram.com/p/C0ffee/" {
		t.Fatalf("after both marks: %s, %+v", p.Status, p.Channels)
	}
	if f.changedCalls != 2 {
		t.Errorf("calendar told %d times", f.changedCalls)
	}
	assertShows(t, v.body, "Status: Veröffentlicht", "Alle Kanäle sind markiert")

	// Taking a mark back asks first, then the post is no longer published.
	test.Tap(v.channels[1].unmarkB)
	test.Tap(findButton(t, topOverlay(f.u), "Ja"))
	f.u.Wait()
	p, _ = f.u.Workspace().Post(context.Background(), f.post.ID)
	if p.Status == data.StatusPublished || !p.Channels[1].PublishedAt.IsZero() {
		t.Errorf("after unmark: %s, %+v", p.Status, p.Channels)
	}
	if v.channels[1].markB == nil {
		t.Error("the channel does not offer marking again")
	}
}

func TestPostingRefusesABadLinkInTheForm(t *testing.T) {
	f := newPostingFixture(t, "Lena sortiert Akten im Lesesaal des Stadtarchivs.")
	v := f.open(t)
	markChannel(t, f, v, 0, "www.instagram.com/p/C0ffee")
	if v.form.problem.Hidden || !strings.Contains(v.form.problem.Text, "https://") {
		t.Fatalf("problem %q (hidden %v)", v.form.problem.Text, v.form.problem.Hidden)
	}
	if v.form.link.Text != "www.instagram.com/p/C0ffee" {
		t.Error("what was typed is gone")
	}
	p, _ := f.u.Workspace().Post(context.Background(), f.post.ID)
	if !p.Channels[0].PublishedAt.IsZero() || f.changedCalls != 0 {
		t.Errorf("stored anyway: %+v, changed %d", p.Channels[0], f.changedCalls)
	}
}

func TestPostingShowsBlockingFindingsAndRefusesTheLastMark(t *testing.T) {
	f := newPostingFixture(t, "Lena sortiert Akten im Lesesaal des Stadtarchivs.")
	// A picture without Bildbeschreibung added later blocks the post; the
	// approval rule would refuse it as Freigegeben, so it is a draft.
	extra := importPictures(t, f.u, "lena-archiv.jpg", "ohne-beschreibung.jpg")[1:] // the first is the fixture's again (same content)
	f.post.Status = data.StatusDraft
	if err := f.u.Workspace().SavePostWithMedia(context.Background(), &f.post, []int64{f.pics[0].ID, extra[0].ID}); err != nil {
		t.Fatal(err)
	}
	v := f.open(t)
	assertShows(t, v.body, "Dieser Beitrag ist noch nicht fertig zum Posten", "Im Editor öffnen")
	markChannel(t, f, v, 0, "")
	markChannel(t, f, v, 1, "")
	p, _ := f.u.Workspace().Post(context.Background(), f.post.ID)
	if p.Status == data.StatusPublished {
		t.Fatal("a post with a blocking finding became published")
	}
	if v.form.problem.Hidden || !strings.Contains(v.form.problem.Text, "ohne-beschreibung.jpg hat keine Bildbeschreibung") {
		t.Fatalf("the refusal is not shown in the form: %q", v.form.problem.Text)
	}
	if !p.Channels[1].PublishedAt.IsZero() {
		t.Error("the refused mark was stored")
	}
}

func TestChipMenuOffersPostingAndCopiesTheFinalText(t *testing.T) {
	f := newPostingFixture(t, "Lena sortiert Akten im Lesesaal des Stadtarchivs.")
	chips := chipsOn(f.s, *f.post.Date)
	if len(chips) != 1 {
		t.Fatalf("%d chips", len(chips))
	}
	f.s.onChipMenu(chips[0], fyne.NewPos(10, 10))
	menu := topOverlay(f.u)
	var posting, copyText fyne.Tappable
	visit(menu, func(o fyne.CanvasObject) {
		if tp, ok := o.(fyne.Tappable); ok {
			switch {
			case contains(texts(o), "Posten …"):
				posting = tp
			case contains(texts(o), "Text kopieren"):
				copyText = tp
			}
		}
	})
	if posting == nil || copyText == nil {
		t.Fatalf("menu shows %v", texts(menu))
	}
	test.Tap(copyText)
	f.u.Wait()
	if got, want := f.u.app.Clipboard().Content(), clipboardText(wantFinal("Instagram"), runtime.GOOS); got != want {
		t.Fatalf("clipboard %q, want %q", got, want)
	}
	f.s.onChipMenu(chips[0], fyne.NewPos(10, 10))
	visit(topOverlay(f.u), func(o fyne.CanvasObject) {
		if tp, ok := o.(fyne.Tappable); ok && contains(texts(o), "Posten …") {
			posting = tp
		}
	})
	test.Tap(posting)
	f.u.Wait()
	assertShows(t, topOverlay(f.u), "Text kopieren", "Als veröffentlicht markieren …")
}

func TestListShowsReviewFindings(t *testing.T) {
	f := newPostingFixture(t)
	long := strings.Repeat("Ausbildung bei der Stadt. ", 14) // 364 characters: too long for X
	f.post.Caption = long
	f.post.Status = data.StatusDraft
	if err := f.u.Workspace().UpdatePost(context.Background(), &f.post); err != nil {
		t.Fatal(err)
	}
	f.s.modeSel.SetSelected("Liste")
	f.u.Wait()
	var row *listRow
	for i := range f.s.list.rows {
		if f.s.list.rows[i].post.ID == f.post.ID {
			row = &f.s.list.rows[i]
		}
	}
	if row == nil {
		t.Fatal("post not listed")
	}
	if !strings.Contains(row.problems, "X: 84 Zeichen zu lang") {
		t.Errorf("problems %q", row.problems)
	}
	if imp, _ := cellStyle(*row, 7, row.problems); imp != widget.DangerImportance {
		t.Errorf("a blocking finding is not shown as one (%v)", imp)
	}
	// The week view's chip says it too.
	f.s.modeSel.SetSelected("Woche")
	f.u.Wait()
	info := f.s.plan.chipFor(&f.s.plan.posts[0], true)
	if !strings.Contains(info.detail, "X: 84 Zeichen zu lang") {
		t.Errorf("chip detail %q", info.detail)
	}
}
