package calendar

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// The years for which Holidays knows the law. 1995 is the first year after
// Buß- und Bettag stopped being a holiday outside Sachsen; beyond 2100 the
// rules are guesswork.
const (
	MinHolidayYear = 1995
	MaxHolidayYear = 2100
)

// Errors of Holidays, for the UI to turn into a sentence.
var (
	// ErrUnknownLand means the Land code is not one of the 16 Länder.
	ErrUnknownLand = errors.New("unbekanntes Bundesland")
	// ErrYearOutOfRange means the year is outside MinHolidayYear..MaxHolidayYear.
	ErrYearOutOfRange = errors.New("year outside 1995 to 2100")
)

// Holiday is a public holiday (gesetzlicher Feiertag) in one Land.
type Holiday struct {
	// Date is the day of the holiday.
	Date Date
	// Name is the German name, e.g. "Fronleichnam".
	Name string
	// Regional is true when the day is a holiday only in part of the Land,
	// e.g. Mariä Himmelfahrt in Bayern. Note then says where.
	Regional bool
	// Note explains a regional or one-off holiday in German; "" otherwise.
	Note string
}

// Notes on regional and one-off holidays.
const (
	noteAugsburg      = "nur in der Stadt Augsburg"
	noteCatholicBY    = "nur in Gemeinden mit überwiegend katholischer Bevölkerung"
	noteSorbianSN     = "nur in einigen Gemeinden (Sorbisches Siedlungsgebiet im Landkreis Bautzen)"
	noteEichsfeldTH   = "nur in einigen Gemeinden (im Eichsfeld u. a.)"
	noteReformation17 = "einmalig bundesweit: 500 Jahre Reformation"
	noteLiberation    = "einmalig: %d. Jahrestag der Befreiung vom Nationalsozialismus und der Beendigung des Zweiten Weltkriegs in Europa"
)

// Easter returns Easter Sunday of year in the Gregorian calendar (the
// anonymous Gregorian computus by Meeus/Jones/Butcher), valid for any year
// after 1582.
func Easter(year int) Date {
	a := year % 19
	b := year / 100
	c := year % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	n := h + l - 7*m + 114
	return Date{Year: year, Month: time.Month(n / 31), Day: n%31 + 1}
}

// bussUndBettag is the Wednesday before 23 November, i.e. the last
// Wednesday from 16 to 22 November.
func bussUndBettag(year int) Date {
	d := Date{year, time.November, 22}
	back := (int(d.Weekday()) - int(time.Wednesday) + 7) % 7
	return d.AddDays(-back)
}

// holidayRule is one line of the holiday law: a day, where it applies and
// since when.
type holidayRule struct {
	name     string
	date     func(year int, easter Date) Date
	lands    []Land // nil: every Land
	since    int    // first year, 0: the whole supported range
	once     int    // only in this year, 0: every year
	regional bool
	note     string
}

func fixedDay(m time.Month, d int) func(int, Date) Date {
	return func(year int, _ Date) Date { return Date{year, m, d} }
}

func easterPlus(n int) func(int, Date) Date {
	return func(_ int, easter Date) Date { return easter.AddDays(n) }
}

// holidayRules is the law from 1995 on, in calendar order.
var holidayRules = []holidayRule{
	{name: "Neujahr", date: fixedDay(time.January, 1)},
	{name: "Heilige Drei Könige", date: fixedDay(time.January, 6), lands: []Land{BadenWuerttemberg, Bayern, SachsenAnhalt}},
	{name: "Internationaler Frauentag", date: fixedDay(time.March, 8), lands: []Land{Berlin}, since: 2019},
	{name: "Internationaler Frauentag", date: fixedDay(time.March, 8), lands: []Land{MecklenburgVorpommern}, since: 2023},
	{name: "Karfreitag", date: easterPlus(-2)},
	{name: "Ostersonntag", date: easterPlus(0), lands: []Land{Brandenburg}},
	{name: "Ostermontag", date: easterPlus(1)},
	{name: "Tag der Arbeit", date: fixedDay(time.May, 1)},
	{name: "Tag der Befreiung", date: fixedDay(time.May, 8), lands: []Land{Berlin}, once: 2020, note: fmt.Sprintf(noteLiberation, 75)},
	{name: "Tag der Befreiung", date: fixedDay(time.May, 8), lands: []Land{Berlin}, once: 2025, note: fmt.Sprintf(noteLiberation, 80)},
	{name: "Christi Himmelfahrt", date: easterPlus(39)},
	{name: "Pfingstsonntag", date: easterPlus(49), lands: []Land{Brandenburg}},
	{name: "Pfingstmontag", date: easterPlus(50)},
	{name: "Fronleichnam", date: easterPlus(60), lands: []Land{BadenWuerttemberg, Bayern, Hessen, NordrheinWestfalen, RheinlandPfalz, Saarland}},
	{name: "Fronleichnam", date: easterPlus(60), lands: []Land{Sachsen}, regional: true, note: noteSorbianSN},
	{name: "Fronleichnam", date: easterPlus(60), lands: []Land{Thueringen}, regional: true, note: noteEichsfeldTH},
	{name: "Augsburger Friedensfest", date: fixedDay(time.August, 8), lands: []Land{Bayern}, regional: true, note: noteAugsburg},
	{name: "Mariä Himmelfahrt", date: fixedDay(time.August, 15), lands: []Land{Saarland}},
	{name: "Mariä Himmelfahrt", date: fixedDay(time.August, 15), lands: []Land{Bayern}, regional: true, note: noteCatholicBY},
	{name: "Weltkindertag", date: fixedDay(time.September, 20), lands: []Land{Thueringen}, since: 2019},
	{name: "Tag der Deutschen Einheit", date: fixedDay(time.October, 3)},
	{name: "Reformationstag", date: fixedDay(time.October, 31), lands: []Land{Brandenburg, MecklenburgVorpommern, Sachsen, SachsenAnhalt, Thueringen}},
	{name: "Reformationstag", date: fixedDay(time.October, 31), lands: []Land{Bremen, Hamburg, Niedersachsen, SchleswigHolstein}, since: 2018},
	{name: "Reformationstag", date: fixedDay(time.October, 31), once: 2017, note: noteReformation17, lands: []Land{
		BadenWuerttemberg, Bayern, Berlin, Bremen, Hamburg, Hessen, Niedersachsen,
		NordrheinWestfalen, RheinlandPfalz, Saarland, SchleswigHolstein,
	}},
	{name: "Allerheiligen", date: fixedDay(time.November, 1), lands: []Land{BadenWuerttemberg, Bayern, NordrheinWestfalen, RheinlandPfalz, Saarland}},
	{name: "Buß- und Bettag", date: func(year int, _ Date) Date { return bussUndBettag(year) }, lands: []Land{Sachsen}},
	{name: "1. Weihnachtstag", date: fixedDay(time.December, 25)},
	{name: "2. Weihnachtstag", date: fixedDay(time.December, 26)},
}

func (r holidayRule) appliesTo(land Land, year int) bool {
	return (r.lands == nil || slices.Contains(r.lands, land)) &&
		year >= r.since && (r.once == 0 || year == r.once)
}

// Holidays returns the public holidays of land in year, sorted by date.
// Holidays that apply only in part of the Land are included with
// Regional set. Errors are *InputError wrapping ErrYearOutOfRange (years
// outside 1995–2100) or ErrUnknownLand.
func Holidays(land Land, year int) ([]Holiday, error) {
	if !land.Valid() {
		return nil, &InputError{
			Key: "Unknown federal state “{{.Land}}”.", Args: map[string]any{"Land": string(land)},
			Err: ErrUnknownLand,
		}
	}
	if year < MinHolidayYear || year > MaxHolidayYear {
		return nil, &InputError{
			Key: "Holidays are known for the years {{.Min}} to {{.Max}} only, not for {{.Year}}.", Args: map[string]any{"Min": MinHolidayYear, "Max": MaxHolidayYear, "Year": year},
			Err: ErrYearOutOfRange,
		}
	}
	easter := Easter(year)
	var hs []Holiday
	for _, r := range holidayRules {
		if r.appliesTo(land, year) {
			hs = append(hs, Holiday{Date: r.date(year, easter), Name: r.name, Regional: r.regional, Note: r.note})
		}
	}
	// Days counted from Easter move against the fixed ones.
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return hs, nil
}

// HolidaysBetween returns the public holidays of land from from to to
// (both included), sorted by date; useful for a month grid that reaches
// into the neighbouring year. It fails like Holidays for any year outside
// the supported range.
func HolidaysBetween(land Land, from, to Date) ([]Holiday, error) {
	var out []Holiday
	for y := from.Year; y <= to.Year; y++ {
		hs, err := Holidays(land, y)
		if err != nil {
			return nil, err
		}
		for _, h := range hs {
			if !h.Date.Before(from) && !h.Date.After(to) {
				out = append(out, h)
			}
		}
	}
	return out, nil
}
