package app

import (
	"context"
	"fmt"
	"log"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// listDays is how far ahead the agenda reaches from its start day.
const listDays = 5 * 366

// searchDelay is how long typing in the search field must pause before
// the search runs: the list follows the typing without a query per key.
const searchDelay = 250 * time.Millisecond

// listRow is one post in the agenda, with its display texts made once.
type listRow struct {
	post     data.Post
	date     string
	time     string
	channels string
	topic    string
	status   string
	problems string
	// noPicture: the post still needs a picture (data.LacksPicture).
	noPicture bool
	// pictures: how many pictures (images and videos) the post has.
	pictures int
	// consent: a picture of the planned post may not be used, or is
	// ungeklärt (consent_marks.go); its hints lead "Notes for you".
	consent     consentLevel
	consentMark markState
	consentWord string
	// reviewBlocking: a check before posting blocks the post.
	reviewBlocking bool
}

// listView is the agenda: a virtualised table of the posts from the chosen
// day on (or the results of the toolbar's search, the one text search),
// sortable by column and filterable by channel, topic and status.
type listView struct {
	s       *calendarScreen
	content fyne.CanvasObject
	table   *widget.Table
	info    *widget.Label

	channel *widget.Select
	topic   *widget.Select
	status  *widget.Select

	look    lookups
	all     []listRow
	rows    []listRow // after filters and sorting
	query   string    // as typed in the toolbar's search; blank: the agenda
	more    bool      // the search found more than it shows
	sortCol int
	desc    bool
	widths  []float32 // of the columns as shown, filling the list
	gen     int
	pending *job // the load under way; a newer one cancels it
}

// listColumns are the list's columns by their number (what sortBy,
// updateCell and cellStyle take); each has the least width it gets and a
// weight for its share of the width that is left, so the columns always
// fill the list and the title gets the most.
var listColumns = []struct {
	key    string
	min    float32
	weight float32
}{
	{"Date", 88, 0}, {"Time", 60, 0}, {"Channels", 80, 1}, {"Title", 170, 5}, {"Picture", 110, 0.5},
	{"Topic", 70, 1}, {"Status", 100, 0}, {"Notes for you", 120, 3},
}

// listOrder is the order the columns are shown in: the notes for her
// next to the title, where they are read with it, not off to the right.
var listOrder = []int{0, 1, 3, 7, 4, 6, 2, 5}

// listWidths shares width among the columns (in the order shown): each
// gets its least width and a share of the rest by its weight; where even
// the least widths do not fit, the list scrolls sideways. The table puts
// the theme's padding after every column; that is taken off first.
func listWidths(width float32) []float32 {
	width -= float32(len(listOrder)) * theme.Padding()
	var least, weights float32
	for _, c := range listColumns {
		least += c.min
		weights += c.weight
	}
	extra := max(0, width-least)
	out := make([]float32, len(listOrder))
	for i, col := range listOrder {
		c := listColumns[col]
		out[i] = c.min + extra*c.weight/weights
	}
	return out
}

// listFit lays the table out at the size it gets and shares its width
// among the columns whenever that width changes.
type listFit struct {
	v     *listView
	width float32
}

func (l *listFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.width {
		l.width = size.Width
		l.v.widths = listWidths(size.Width)
		for i, w := range l.v.widths {
			l.v.table.SetColumnWidth(i, w)
		}
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *listFit) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(100, objs[0].MinSize().Height)
}

func newListView(s *calendarScreen) *listView {
	v := &listView{s: s}
	v.info = widget.NewLabel("")
	v.channel = widget.NewSelect(nil, func(string) { v.apply() })
	v.topic = widget.NewSelect(nil, func(string) { v.apply() })
	v.status = widget.NewSelect(nil, func(string) { v.apply() })
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.rows), len(listColumns) },
		func() fyne.CanvasObject { return newListCell(v) },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*listCell).row = id.Row
			v.updateCell(widget.TableCellID{Row: id.Row, Col: listOrder[id.Col]}, o)
		})
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		col := listOrder[id.Col]
		b.SetText(lang.L(listColumns[col].key))
		// Theme icons rather than arrow characters: not every Windows
		// font has them.
		switch {
		case col != v.sortCol:
			b.SetIcon(nil)
		case v.desc:
			b.SetIcon(theme.MenuDropDownIcon())
		default:
			b.SetIcon(theme.MenuDropUpIcon())
		}
		b.OnTapped = func() { v.sortBy(col) }
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		v.openRow(id.Row)
	}
	filters := container.NewGridWithColumns(3, v.channel, v.topic, v.status)
	v.content = container.NewBorder(container.NewVBox(filters, v.info), nil, nil, nil,
		container.New(&listFit{v: v}, v.table))
	return v
}

// openRow opens the post of a row (a click, or Enter on the keyboard).
func (v *listView) openRow(row int) {
	if row < 0 || row >= len(v.rows) {
		return
	}
	v.s.selPost = v.rows[row].post.ID
	if d := v.rows[row].post.Date; d != nil {
		v.s.selected = *d
	}
	v.s.openPost(v.rows[row].post.ID)
}

// rowMenu is the right click on a row: the chip's menu for its post.
func (v *listView) rowMenu(row int, at fyne.Position) {
	if row < 0 || row >= len(v.rows) {
		return
	}
	widget.ShowPopUpMenuAtPosition(v.s.postMenu(v.rows[row].post), v.s.u.win.Canvas(), at)
}

// listCell is one cell of the list: a label cut with an ellipsis that
// opens its row's post on a click, offers its menu on a right click and
// shows its full text when the pointer rests on it and it is cut.
type listCell struct {
	widget.BaseWidget
	label *widget.Label
	v     *listView
	row   int
}

func newListCell(v *listView) *listCell {
	c := &listCell{label: widget.NewLabel(""), v: v}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

func (c *listCell) Tapped(*fyne.PointEvent) { c.v.openRow(c.row) }

func (c *listCell) TappedSecondary(ev *fyne.PointEvent) { c.v.rowMenu(c.row, ev.AbsolutePosition) }

func (c *listCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.label) }

// MouseIn shows a cut text in full after the rest, and lets the table
// still mark the row under the pointer.
func (c *listCell) MouseIn(ev *desktop.MouseEvent) {
	c.v.table.MouseMoved(c.tableEvent(ev))
	if c.v.s.hover == nil || c.label.Text == "" || !labelCut(c.label) {
		return
	}
	text := c.label.Text
	c.v.s.hover.rest(c, func() fyne.CanvasObject { return hoverTextCard(text) })
}

func (c *listCell) MouseMoved(ev *desktop.MouseEvent) { c.MouseIn(ev) }

func (c *listCell) MouseOut() {
	c.v.table.MouseOut()
	if c.v.s.hover != nil {
		c.v.s.hover.leave(c)
	}
}

// tableEvent is ev as the table sees it, relative to the table.
func (c *listCell) tableEvent(ev *desktop.MouseEvent) *desktop.MouseEvent {
	out := *ev
	out.Position = ev.AbsolutePosition.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(c.v.table))
	return &out
}

// setQuery shows the search results for q (blank: the agenda) after
// delay; a newer query before then replaces it, and the result of an older
// one that is still on its way is dropped.
func (v *listView) setQuery(q string, delay time.Duration) {
	v.query = q
	v.load(delay)
}

// searching says whether the list shows search results.
func (v *listView) searching() bool { return strings.TrimSpace(v.query) != "" }

// reload loads the agenda (or the search results) in the background.
func (v *listView) reload() { v.load(0) }

// load is reload after delay. The search asks the store for the order the
// Datum column shows, so the first 200 by date are the ones listed.
func (v *listView) load(delay time.Duration) {
	v.gen++
	gen := v.gen
	if v.pending != nil {
		v.pending.Cancel()
	}
	ws := v.s.u.ws
	from := v.s.selected
	q := v.query
	order := data.ByDate
	if v.sortCol == 0 && v.desc {
		order = data.ByDateDesc
	}
	v.pending = v.s.u.run(func(ctx context.Context) func() {
		if delay > 0 {
			t := time.NewTimer(delay)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
			}
		}
		look, posts, more, err := listPosts(ctx, ws, from, q, order)
		var rows []listRow
		if err == nil {
			rows, err = listRows(ctx, ws, look, posts, from)
		}
		return func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				log.Printf("load agenda: %v", err)
				v.s.u.showError(lang.L("The plan could not be loaded."), err)
				return
			}
			v.look = look
			v.all, v.more = rows, more
			v.fillFilters()
			v.apply()
		}
	})
}

// listPosts reads the posts the list shows: the search's hits for q, or
// the agenda from the day from on.
func listPosts(ctx context.Context, ws *data.Workspace, from calendar.Date, q string, order data.SearchOrder) (lookups, []data.Post, bool, error) {
	look, err := loadLookups(ctx, ws)
	if err != nil {
		return look, nil, false, err
	}
	if strings.TrimSpace(q) != "" {
		r, err := ws.SearchPosts(ctx, q, order, data.MaxSearchResults)
		return look, r.Posts, r.More, err
	}
	posts, err := ws.PostsBetween(ctx, from, from.AddDays(listDays))
	return look, posts, false, err
}

// listRows makes the rows of posts with everything their notes and the
// Bild column say, in a few queries for all of them.
func listRows(ctx context.Context, ws *data.Workspace, look lookups, posts []data.Post, from calendar.Date) ([]listRow, error) {
	quiet := map[int64]string{}
	cs, err := ws.QuietConflicts(ctx, from.AddDays(-366), from.AddDays(listDays))
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		quiet[c.PostID] = c.Note
	}
	noPic, err := lackingPicture(ctx, ws, look, posts)
	if err != nil {
		return nil, err
	}
	marks, err := consentMarks(ctx, ws, look, posts)
	if err != nil {
		return nil, err
	}
	review, err := reviewMarks(ctx, ws, look, posts)
	if err != nil {
		return nil, err
	}
	pics, err := pictureCounts(ctx, ws, posts)
	if err != nil {
		return nil, err
	}
	rows := make([]listRow, 0, len(posts))
	for _, p := range posts {
		r := makeListRow(look, p, quiet)
		r.noPicture, r.pictures = noPic[p.ID], pics[p.ID]
		r.addReview(review[p.ID])
		r.addConsent(marks[p.ID])
		rows = append(rows, r)
	}
	return rows, nil
}

// pictureCounts says how many pictures (images and videos; a PDF is none)
// each of posts has, in a few queries whatever their number.
func pictureCounts(ctx context.Context, ws *data.Workspace, posts []data.Post) (map[int64]int, error) {
	checks, err := ws.ClearPosts(ctx, posts)
	if err != nil {
		return nil, err
	}
	out := map[int64]int{}
	for id, c := range checks {
		for _, m := range c.Media {
			if m.Kind == "image" || m.Kind == "video" {
				out[id]++
			}
		}
	}
	return out, nil
}

// pictureWord is the Bild column: what is wrong with the pictures, or
// how many there are.
func pictureWord(r listRow) string {
	switch {
	case r.noPicture:
		return lang.L("no picture")
	case r.consent != consentOK:
		return r.consentWord
	case r.pictures == 1:
		return lang.L("picture ✓")
	case r.pictures > 1:
		return lang.L("{{.N}} pictures", map[string]any{"N": r.pictures})
	}
	return ""
}

// pictureRank sorts the Bild column: the posts that may not go out
// first, then those that need a picture, then ungeklärt ones.
func pictureRank(r listRow) string {
	switch {
	case r.consent == consentBlocked:
		return "a"
	case r.noPicture:
		return "b"
	case r.consent == consentWarn:
		return "c"
	}
	return fmt.Sprintf("d%03d", 999-min(r.pictures, 999))
}

// addReview puts the findings of the checks before posting in front of
// the other notes (the consent hints go in front of them).
func (r *listRow) addReview(m reviewMark) {
	if len(m.hints) == 0 {
		return
	}
	r.reviewBlocking = m.blocking
	r.problems = strings.TrimSuffix(strings.Join(append(m.hints, r.problems), "; "), "; ")
}

// addConsent puts a post's consent mark into the row: its word for the
// Bild column, its hints first among the notes.
func (r *listRow) addConsent(m consentMark) {
	if m.level == consentOK {
		return
	}
	r.consent, r.consentMark, r.consentWord = m.level, m.state, m.word
	r.problems = strings.TrimSuffix(strings.Join(append(m.hints, r.problems), "; "), "; ")
}

func makeListRow(look lookups, p data.Post, quiet map[int64]string) listRow {
	r := listRow{post: p, topic: look.topicName(p.TopicID), status: statusName(p.Status)}
	if p.Date != nil {
		r.date = p.Date.String()
	} else {
		r.date = lang.L("Idea")
	}
	if p.Time != nil {
		r.time = p.Time.String()
	}
	var names []string
	for _, c := range p.Channels {
		names = append(names, look.channelName(c.ChannelID))
	}
	r.channels = strings.Join(names, ", ")
	exists := func(id int64) bool { _, ok := look.channelByID[id]; return ok }
	var problems []string
	for _, pr := range data.PostProblems(p, exists, quiet[p.ID]) {
		problems = append(problems, lang.L(pr.Key, pr.Args))
	}
	r.problems = strings.Join(problems, "; ")
	return r
}

// fillFilters offers the channels, topics and statuses as filter choices.
func (v *listView) fillFilters() {
	var channels, topics, statuses []string
	for _, c := range v.look.channels {
		channels = append(channels, c.Name)
	}
	for _, t := range v.look.topics {
		topics = append(topics, t.Name)
	}
	for _, st := range data.Statuses() {
		statuses = append(statuses, statusName(st))
	}
	setFilterOptions(v.channel, lang.L("All channels"), channels)
	setFilterOptions(v.topic, lang.L("All topics"), topics)
	setFilterOptions(v.status, lang.L("All statuses"), statuses)
}

// setFilterOptions fills a filter selection with "all" and names, keeping
// the current choice.
func setFilterOptions(sel *widget.Select, all string, names []string) {
	sel.Options = append([]string{all}, names...)
	if sel.Selected == "" {
		sel.Selected = all
	}
	sel.Refresh()
}

// apply filters and sorts the loaded rows.
func (v *listView) apply() {
	v.rows = v.rows[:0]
	for _, r := range v.all {
		if i := v.channel.SelectedIndex(); i > 0 {
			want := v.look.channels[i-1].ID
			found := false
			for _, c := range r.post.Channels {
				found = found || c.ChannelID == want
			}
			if !found {
				continue
			}
		}
		if i := v.topic.SelectedIndex(); i > 0 && r.post.TopicID != v.look.topics[i-1].ID {
			continue
		}
		if i := v.status.SelectedIndex(); i > 0 && r.post.Status != data.Statuses()[i-1] {
			continue
		}
		v.rows = append(v.rows, r)
	}
	v.sortRows()
	q := strings.TrimSpace(v.query)
	switch {
	case q != "" && v.more:
		v.info.SetText(lang.L("more than {{.N}} results for “{{.Query}}” — refine the search", map[string]any{"N": data.MaxSearchResults, "Query": q}))
	case q != "":
		v.info.SetText(lang.L("{{.N}} results for “{{.Query}}”", map[string]any{"N": len(v.rows), "Query": q}))
	default:
		v.info.SetText(lang.L("{{.N}} posts from {{.Date}} on", map[string]any{"N": len(v.rows), "Date": v.s.selected.String()}))
	}
	v.table.Refresh()
}

func (v *listView) sortBy(col int) {
	if v.sortCol == col {
		v.desc = !v.desc
	} else {
		v.sortCol, v.desc = col, false
	}
	if v.searching() && v.more {
		v.reload() // the first 200 in the new order are other posts
		return
	}
	v.apply()
}

func (v *listView) sortRows() {
	key := func(r listRow) string {
		switch v.sortCol {
		case 1:
			return r.time
		case 2:
			return strings.ToLower(r.channels)
		case 3:
			return strings.ToLower(r.post.Title)
		case 4:
			return pictureRank(r)
		case 5:
			return strings.ToLower(r.topic)
		case 6:
			for i, s := range data.Statuses() {
				if s == r.post.Status {
					return string(rune('a' + i))
				}
			}
			return ""
		case 7:
			return r.problems
		}
		return ""
	}
	dateKey := func(r listRow) string {
		d := "9999-99-99"
		if r.post.Date != nil {
			d = r.post.Date.ISO()
		}
		return d + " " + r.time
	}
	sort.SliceStable(v.rows, func(i, j int) bool {
		a, b := key(v.rows[i]), key(v.rows[j])
		if v.sortCol == 0 || a == b {
			a, b = dateKey(v.rows[i]), dateKey(v.rows[j])
		}
		if v.desc {
			return a > b
		}
		return a < b
	})
}

func (v *listView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l, ok := o.(*widget.Label)
	if c, isCell := o.(*listCell); isCell {
		l, ok = c.label, true
	}
	if !ok {
		return
	}
	if id.Row >= len(v.rows) {
		l.SetText("")
		return
	}
	r := v.rows[id.Row]
	var t string
	switch id.Col {
	case 0:
		t = r.date
	case 1:
		t = r.time
	case 2:
		t = r.channels
	case 3:
		t = r.post.Title
	case 4:
		t = pictureWord(r)
	case 5:
		t = r.topic
	case 6:
		t = r.status
	case 7:
		t = r.problems
	}
	l.Importance, l.TextStyle.Bold = cellStyle(r, id.Col, t)
	l.SetText(t)
}

// cellStyle is how a cell of the list stands out: the Bild column's
// marks bold as well as coloured (readable without colour), ungeklärt
// quietly, the hints of a post that may not go out in the error colour.
func cellStyle(r listRow, col int, text string) (widget.Importance, bool) {
	switch {
	case text == "":
	case col == 4 && !r.noPicture && r.consent == consentOK:
		return widget.MediumImportance, false // pictures there and fine
	case col == 4 && r.consentMark == markUnclear && !r.noPicture:
		return widget.LowImportance, false // ungeklärt only warns, quietly
	case col == 4 && r.consent == consentBlocked:
		return widget.DangerImportance, true
	case col == 4:
		return widget.WarningImportance, true
	case col == 7 && (r.consent == consentBlocked || r.reviewBlocking):
		return widget.DangerImportance, false
	case col == 7:
		return widget.WarningImportance, false
	}
	return widget.MediumImportance, false
}
