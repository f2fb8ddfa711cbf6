package calendar

import (
	"fmt"
	"sync"
	"time"
	_ "time/tzdata" // Windows PCs without Go have no zoneinfo; Berlin must still load.
)

var berlin = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		// Unreachable with time/tzdata linked in; stay usable anyway.
		return time.FixedZone("MEZ", 3600)
	}
	return loc
})

// GermanZone returns the Europe/Berlin time zone, the zone of every German
// authority. It works on PCs without a zoneinfo database because the
// package links in time/tzdata.
func GermanZone() *time.Location {
	return berlin()
}

// LocalTime returns the instant at which the wall clock in loc (time.Local
// when nil) shows hour:minute on day d. On the two days a year with a clock
// change the wall-clock time can be missing or doubled; LocalTime then
// decides the way a person would and says so in a note (otherwise the note
// is the zero Message):
//
//   - a time in the gap (29.03.2026 02:30 in Berlin) becomes the moment after
//     the gap, as far past the change as asked for (03:30 summer time);
//   - a time that occurs twice (25.10.2026 02:30) is the first of the two,
//     still on summer time.
func LocalTime(d Date, hour, minute int, loc *time.Location) (t time.Time, note Message) {
	if loc == nil {
		loc = time.Local
	}
	// The wall-clock reading as if it were UTC; subtracting a zone offset
	// from it gives a candidate instant.
	wall := time.Date(d.Year, d.Month, d.Day, hour, minute, 0, 0, time.UTC)
	_, offBefore := wall.Add(-36 * time.Hour).In(loc).Zone()
	_, offAt := wall.In(loc).Zone()
	_, offAfter := wall.Add(36 * time.Hour).In(loc).Zone()

	var found []time.Time
	for _, off := range []int{offBefore, offAt, offAfter} {
		cand := wall.Add(-time.Duration(off) * time.Second).In(loc)
		if sameWall(cand, wall) && !containsInstant(found, cand) {
			found = append(found, cand)
		}
	}
	switch len(found) {
	case 1:
		return found[0], Message{}
	case 0:
		// Gap: read the wall time with the offset valid before the change,
		// which lands just as far after the gap.
		t = wall.Add(-time.Duration(offBefore) * time.Second).In(loc)
		return t, Message{Key: "The time {{.Time}} does not exist on {{.Date}} because the clocks change; the post is therefore at {{.Actual}} ({{if .Summer}}summer time{{else}}standard time{{end}}, {{.Zone}}).",
			Args: zoneArgs(t, map[string]any{"Time": fmt.Sprintf("%02d:%02d", hour, minute), "Date": d.String(), "Actual": t.Format("15:04")})}
	default:
		t = found[0]
		for _, c := range found[1:] {
			if c.Before(t) {
				t = c
			}
		}
		return t, Message{Key: "The time {{.Time}} occurs twice on {{.Date}} because the clocks change; the post is at the first one ({{if .Summer}}summer time{{else}}standard time{{end}}, {{.Zone}}).",
			Args: zoneArgs(t, map[string]any{"Time": fmt.Sprintf("%02d:%02d", hour, minute), "Date": d.String()})}
	}
}

func sameWall(t, wall time.Time) bool {
	y, m, d := t.Date()
	wy, wm, wd := wall.Date()
	return y == wy && m == wm && d == wd && t.Hour() == wall.Hour() && t.Minute() == wall.Minute()
}

func containsInstant(ts []time.Time, t time.Time) bool {
	for _, u := range ts {
		if u.Equal(t) {
			return true
		}
	}
	return false
}

// zoneArgs describe the zone of t for a note: Summer says whether it is
// daylight-saving time, Zone the abbreviation of the zone database ("CEST")
// and ZoneDE the German one ("MESZ"), so each translation words it its
// own way.
func zoneArgs(t time.Time, args map[string]any) map[string]any {
	abbr, _ := t.Zone()
	de := abbr
	switch abbr {
	case "CEST":
		de = "MESZ"
	case "CET":
		de = "MEZ"
	}
	args["Summer"], args["Zone"], args["ZoneDE"] = t.IsDST(), abbr, de
	return args
}
