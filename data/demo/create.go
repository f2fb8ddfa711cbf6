package demo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	demoassets "feedtakt/assets/demo"
	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/fsx"
)

// Picture size of the demo photos: a common camera aspect ratio, large
// enough that thumbnails and previews have real work to do.
const (
	pictureWidth  = 1600
	pictureHeight = 1200
)

// Create makes the demo workspace in dir (which must be missing or empty):
// the settings, channels and topics of the fictional office, its pictures
// drawn now, and its posts dated relative to now so the demo always looks
// current. The change log names opt.Actor, or the demo editor when unset.
//
// The demo is built in a folder next to dir named dir+".part" and renamed
// to dir when complete, so a killed run or a full disk never leaves a half
// demo that looks like a workspace; a .part left by such a run is removed
// and built again.
func Create(ctx context.Context, dir string, opt data.Options, now time.Time) (*data.Workspace, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := targetFree(dir); err != nil {
		return nil, err
	}
	part := dir + ".part"
	if err := os.RemoveAll(part); err != nil {
		return nil, fmt.Errorf("remove unfinished demo %s: %w", part, err)
	}
	ws, err := build(ctx, part, opt, now)
	if err == nil {
		err = interrupt("built")
	}
	if ws != nil {
		if cerr := ws.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		os.RemoveAll(part)
		return nil, err
	}
	// An empty target folder (made by the person beforehand) gives way;
	// renaming onto it is not portable.
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		os.RemoveAll(part)
		return nil, fmt.Errorf("create demo in %s: %w", dir, err)
	}
	if err := fsx.Rename(part, dir); err != nil {
		os.RemoveAll(part)
		return nil, fmt.Errorf("create demo in %s: %w", dir, err)
	}
	return data.Open(ctx, dir, opt)
}

// interrupt is a test hook: an error it returns for a stage stops Create
// there, as a kill or a full disk would.
var interrupt = func(stage string) error { return nil }

// targetFree refuses a target that is not a missing or empty folder, with
// the same errors data.Create gives.
func targetFree(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		st, serr := os.Stat(dir)
		if serr == nil && !st.IsDir() {
			return fmt.Errorf("create demo in %s: %w", dir, fsx.ErrNotDir)
		}
		return fmt.Errorf("create demo in %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("create demo in %s: %w", dir, data.ErrFolderNotEmpty)
	}
	return nil
}

// build makes the complete demo workspace in dir.
func build(ctx context.Context, dir string, opt data.Options, now time.Time) (*data.Workspace, error) {
	c, err := Load(demoassets.JSON)
	if err != nil {
		return nil, err
	}
	if opt.Actor.Person == "" {
		opt.Actor.Person = c.Person
	}
	init := data.Initial{Settings: data.Settings{Organisation: c.Organisation, Land: calendar.Land(c.Bundesland), Demo: true}}
	for _, ch := range c.Channels {
		init.Channels = append(init.Channels, data.Channel{
			Name: ch.Name, Platform: data.Platform(ch.Platform), Handle: ch.Handle, Color: ch.Color,
			Cadence: data.Cadence{Count: ch.CadenceCount, Period: ch.CadencePeriod},
		})
	}
	for _, t := range c.Topics {
		init.Topics = append(init.Topics, data.Topic{Name: t.Name, Color: t.Color})
	}
	ws, err := data.Create(ctx, dir, init, opt)
	if err != nil {
		return nil, err
	}
	if err := fill(ctx, ws, c, now); err != nil {
		return ws, fmt.Errorf("demo content: %w", err)
	}
	return ws, nil
}

// fill adds the demo's content to the fresh workspace ws: pictures,
// templates, the weekly series, own dates, posts and people, with dates
// relative to now.
func fill(ctx context.Context, ws *data.Workspace, c Content, now time.Time) error {
	chanID, topicID, err := namedIDs(ctx, ws)
	if err != nil {
		return err
	}
	mediaID, err := addPictures(ctx, ws, c.Pictures)
	if err != nil {
		return err
	}
	today := calendar.FromTime(now)
	tplID, err := templates(ctx, ws, chanID, topicID)
	if err != nil {
		return err
	}
	series, err := azubiSeries(ctx, ws, today, chanID, topicID, tplID["Azubi-Dienstag"])
	if err != nil {
		return err
	}
	if err := ownDates(ctx, ws, today); err != nil {
		return err
	}
	filled := map[calendar.Date]bool{}
	for _, dp := range c.Posts {
		p := demoPost(dp, today, series, chanID, topicID, filled)
		if err := ws.CreatePost(ctx, &p); err != nil {
			return fmt.Errorf("post %q: %w", dp.Title, err)
		}
		var ids []int64
		for _, name := range dp.Pictures {
			ids = append(ids, mediaID[name])
		}
		if len(ids) > 0 {
			if err := ws.AttachMedia(ctx, p.ID, ids); err != nil {
				return err
			}
		}
	}
	if err := fillFromTemplates(ctx, ws, today, tplID, mediaID); err != nil {
		return err
	}
	return people(ctx, ws, today, mediaID)
}

// namedIDs maps the workspace's channel and topic names to their IDs: the
// demo content refers to them by name.
func namedIDs(ctx context.Context, ws *data.Workspace) (chanID, topicID map[string]int64, err error) {
	channels, err := ws.Channels(ctx)
	if err != nil {
		return nil, nil, err
	}
	topics, err := ws.Topics(ctx)
	if err != nil {
		return nil, nil, err
	}
	chanID = map[string]int64{}
	for _, ch := range channels {
		chanID[ch.Name] = ch.ID
	}
	topicID = map[string]int64{}
	for _, t := range topics {
		topicID[t.Name] = t.ID
	}
	return chanID, topicID, nil
}

// addPictures renders each demo picture, stores it in the Mediathek and
// returns the items' IDs by picture name.
func addPictures(ctx context.Context, ws *data.Workspace, pictures []PictureSpec) (map[string]int64, error) {
	mediaID := map[string]int64{}
	for _, p := range pictures {
		img, err := p.Render(pictureWidth, pictureHeight)
		if err != nil {
			return nil, err
		}
		b, err := EncodeJPEG(img)
		if err != nil {
			return nil, err
		}
		m, err := ws.AddMediaBytes(ctx, data.Media{
			Kind: "image", OriginalName: p.Name + ".jpg", Title: p.Title, AltText: p.AltText, Credit: p.Credit,
			Width: pictureWidth, Height: pictureHeight,
		}, b)
		if err != nil {
			return nil, err
		}
		mediaID[p.Name] = m.ID
	}
	return mediaID, nil
}

// demoPost turns the demo post dp into a post to create, dated relative to
// today; a post of the weekly series is moved onto its Tuesday and takes
// that slot unless filled already holds it (filled is updated).
func demoPost(dp Post, today calendar.Date, series data.Series, chanID, topicID map[string]int64,
	filled map[calendar.Date]bool) data.Post {
	p := data.Post{
		Title: dp.Title, Caption: dp.Caption, Notes: dp.Notes,
		Status: data.Status(dp.Status), TopicID: topicID[dp.Topic], PublishedLink: dp.PublishedLink,
	}
	if dp.DayOffset != nil {
		d := today.AddDays(*dp.DayOffset)
		p.Date = &d
		if h, m, ok := dp.Clock(); ok {
			p.Time = &data.Clock{Hour: h, Minute: m}
		}
		if strings.HasPrefix(dp.Title, series.Title+":") {
			placeInSeries(&p, d, series, filled)
		}
		if p.Status == data.StatusPublished {
			p.PublishedOn = p.Date
		}
	}
	for _, name := range dp.Channels {
		p.Channels = append(p.Channels, data.PostChannel{ChannelID: chanID[name]})
	}
	return p
}

// placeInSeries moves p, planned for day d, into the weekly series. The
// weekly format goes out on Tuesdays: its posts sit on the Tuesday of their
// week (never later than planned, so a published one stays in the past) and
// fill that series slot unless filled already holds it.
func placeInSeries(p *data.Post, d calendar.Date, series data.Series, filled map[calendar.Date]bool) {
	tue := calendar.WeekStart(d).AddDays(1)
	if tue.After(d) {
		tue = tue.AddDays(-7)
	}
	d = tue
	p.Date = &d
	p.Time = &data.Clock{Hour: series.Rule.Hour, Minute: series.Rule.Minute}
	if !d.Before(series.Rule.Start) && !filled[d] {
		filled[d] = true
		p.SeriesID, p.SeriesDate = series.ID, &d
	}
}

// azubiSeries makes the demo's weekly format, "Azubi-Dienstag": every
// Tuesday at 10:00 on Instagram and Facebook, from three weeks ago on, so
// the calendar shows filled and open slots; its slots start from the
// caption template templateID.
func azubiSeries(ctx context.Context, ws *data.Workspace, today calendar.Date, chanID, topicID map[string]int64,
	templateID int64) (data.Series, error) {
	start := calendar.WeekStart(today.AddDays(-21)).AddDays(1)
	s := data.Series{
		Title:      "Azubi-Dienstag",
		Caption:    "#AzubiDienstag #AusbildungImÖffentlichenDienst",
		Notes:      "Einwilligung der Azubis vor jedem Foto prüfen.",
		TopicID:    topicID["Ausbildung & Karriere"],
		Channels:   []int64{chanID["Instagram"], chanID["Facebook"]},
		Rule:       calendar.Recurrence{Kind: calendar.Weekly, Interval: 1, Weekday: time.Tuesday, Start: start, Hour: 10},
		TemplateID: templateID,
	}
	if err := ws.SaveSeries(ctx, &s); err != nil {
		return s, fmt.Errorf("series: %w", err)
	}
	return s, nil
}

// ownDates gives the demo the office's own dates the posts talk about: the
// open day (a Saturday about six weeks ahead, planned three weeks before)
// and the end of the comment period of the monument list.
func ownDates(ctx context.Context, ws *data.Workspace, today calendar.Date) error {
	openDay := calendar.WeekStart(today.AddDays(42)).AddDays(5)
	dates := []data.OwnDate{
		{Date: openDay, Name: "Tag der offenen Tür im Landesamt", Note: "Presse einladen, Fotografin buchen, Kinder-Grabung ankündigen", LeadDays: 21},
		{Date: today.AddDays(28), Name: "Ende der Auslegung: Denkmalliste Landkreis Ohlenbruch", Note: "Stellungnahmen bis 24 Uhr", LeadDays: 7},
	}
	for i := range dates {
		if err := ws.SaveOwnDate(ctx, &dates[i]); err != nil {
			return fmt.Errorf("own date %q: %w", dates[i].Name, err)
		}
	}
	return nil
}
