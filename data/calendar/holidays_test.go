package calendar

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestEaster(t *testing.T) {
	tests := []struct {
		year  int
		month time.Month
		day   int
	}{
		{1943, time.April, 25}, // latest possible date
		{1995, time.April, 16},
		{1996, time.April, 7},
		{2000, time.April, 23},
		{2008, time.March, 23},
		{2011, time.April, 24},
		{2019, time.April, 21},
		{2024, time.March, 31},
		{2025, time.April, 20},
		{2026, time.April, 5},
		{2027, time.March, 28},
		{2038, time.April, 25},
		{2100, time.March, 28},
		{2285, time.March, 22}, // earliest possible date
	}
	for _, tt := range tests {
		want := Date{tt.year, tt.month, tt.day}
		if got := Easter(tt.year); got != want {
			t.Errorf("Easter(%d) = %v, want %v", tt.year, got, want)
		}
	}
	for y := 1583; y <= 3000; y++ {
		e := Easter(y)
		lo, hi := Date{y, time.March, 22}, Date{y, time.April, 25}
		if e.Weekday() != time.Sunday || e.Before(lo) || e.After(hi) {
			t.Fatalf("Easter(%d) = %v (%v), not a Sunday from 22.03. to 25.04.", y, e, e.Weekday())
		}
	}
}

func TestBussUndBettag(t *testing.T) {
	tests := map[int]Date{
		1995: {1995, time.November, 22},
		2017: {2017, time.November, 22}, // 22.11. itself is a Wednesday
		2023: {2023, time.November, 22},
		2024: {2024, time.November, 20},
		2025: {2025, time.November, 19},
		2026: {2026, time.November, 18},
	}
	for year, want := range tests {
		if got := bussUndBettag(year); got != want {
			t.Errorf("bussUndBettag(%d) = %v, want %v", year, got, want)
		}
	}
	for y := MinHolidayYear; y <= MaxHolidayYear; y++ {
		d := bussUndBettag(y)
		if d.Weekday() != time.Wednesday || d.Month != time.November || d.Day < 16 || d.Day > 22 {
			t.Fatalf("bussUndBettag(%d) = %v", y, d)
		}
	}
}

// holidayOn returns the holiday called name in land and year, if any.
func holidayOn(t *testing.T, land Land, year int, name string) (Holiday, bool) {
	t.Helper()
	hs, err := Holidays(land, year)
	if err != nil {
		t.Fatalf("Holidays(%s, %d): %v", land, year, err)
	}
	for _, h := range hs {
		if h.Name == name {
			return h, true
		}
	}
	return Holiday{}, false
}

func TestHolidaysBayern2026(t *testing.T) {
	hs, err := Holidays(Bayern, 2026)
	if err != nil {
		t.Fatal(err)
	}
	want := []Holiday{
		{Date: Date{2026, 1, 1}, Name: "Neujahr"},
		{Date: Date{2026, 1, 6}, Name: "Heilige Drei Könige"},
		{Date: Date{2026, 4, 3}, Name: "Karfreitag"},
		{Date: Date{2026, 4, 6}, Name: "Ostermontag"},
		{Date: Date{2026, 5, 1}, Name: "Tag der Arbeit"},
		{Date: Date{2026, 5, 14}, Name: "Christi Himmelfahrt"},
		{Date: Date{2026, 5, 25}, Name: "Pfingstmontag"},
		{Date: Date{2026, 6, 4}, Name: "Fronleichnam"},
		{Date: Date{2026, 8, 8}, Name: "Augsburger Friedensfest", Regional: true, Note: "nur in der Stadt Augsburg"},
		{Date: Date{2026, 8, 15}, Name: "Mariä Himmelfahrt", Regional: true, Note: "nur in Gemeinden mit überwiegend katholischer Bevölkerung"},
		{Date: Date{2026, 10, 3}, Name: "Tag der Deutschen Einheit"},
		{Date: Date{2026, 11, 1}, Name: "Allerheiligen"},
		{Date: Date{2026, 12, 25}, Name: "1. Weihnachtstag"},
		{Date: Date{2026, 12, 26}, Name: "2. Weihnachtstag"},
	}
	if !slices.Equal(hs, want) {
		t.Errorf("Holidays(BY, 2026) =\n%v\nwant\n%v", hs, want)
	}
}

func TestHolidaysCountPerLand2026(t *testing.T) {
	want := map[Land]int{
		BadenWuerttemberg: 12, Bayern: 14, Berlin: 10, Brandenburg: 12,
		Bremen: 10, Hamburg: 10, Hessen: 10, MecklenburgVorpommern: 11,
		Niedersachsen: 10, NordrheinWestfalen: 11, RheinlandPfalz: 11, Saarland: 12,
		Sachsen: 12, SachsenAnhalt: 11, SchleswigHolstein: 10, Thueringen: 12,
	}
	for _, li := range Lands() {
		hs, err := Holidays(li.Code, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if len(hs) != want[li.Code] {
			t.Errorf("%s 2026: %d holidays, want %d: %v", li.Code, len(hs), want[li.Code], hs)
		}
		if !slices.IsSortedFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) }) {
			t.Errorf("%s 2026 not sorted: %v", li.Code, hs)
		}
		for _, h := range hs {
			if h.Regional && h.Note == "" {
				t.Errorf("%s: regional %s without note", li.Code, h.Name)
			}
		}
	}
}

func TestHolidayRules(t *testing.T) {
	tests := []struct {
		land     Land
		year     int
		name     string
		want     bool
		date     Date // checked when want
		regional bool
		note     string // substring, checked when want
	}{
		// Internationaler Frauentag: Berlin since 2019, MV since 2023.
		{Berlin, 2018, "Internationaler Frauentag", false, Date{}, false, ""},
		{Berlin, 2019, "Internationaler Frauentag", true, Date{2019, 3, 8}, false, ""},
		{MecklenburgVorpommern, 2022, "Internationaler Frauentag", false, Date{}, false, ""},
		{MecklenburgVorpommern, 2023, "Internationaler Frauentag", true, Date{2023, 3, 8}, false, ""},
		{Brandenburg, 2026, "Internationaler Frauentag", false, Date{}, false, ""},
		// Weltkindertag in Thüringen since 2019.
		{Thueringen, 2018, "Weltkindertag", false, Date{}, false, ""},
		{Thueringen, 2019, "Weltkindertag", true, Date{2019, 9, 20}, false, ""},
		{Sachsen, 2026, "Weltkindertag", false, Date{}, false, ""},
		// Reformationstag: the north since 2018, everyone in 2017.
		{Niedersachsen, 2016, "Reformationstag", false, Date{}, false, ""},
		{Niedersachsen, 2017, "Reformationstag", true, Date{2017, 10, 31}, false, "500 Jahre Reformation"},
		{Niedersachsen, 2018, "Reformationstag", true, Date{2018, 10, 31}, false, ""},
		{Hamburg, 2018, "Reformationstag", true, Date{2018, 10, 31}, false, ""},
		{Bremen, 2018, "Reformationstag", true, Date{2018, 10, 31}, false, ""},
		{SchleswigHolstein, 2018, "Reformationstag", true, Date{2018, 10, 31}, false, ""},
		{SchleswigHolstein, 2017, "Reformationstag", true, Date{2017, 10, 31}, false, "einmalig"},
		{BadenWuerttemberg, 2016, "Reformationstag", false, Date{}, false, ""},
		{BadenWuerttemberg, 2017, "Reformationstag", true, Date{2017, 10, 31}, false, "einmalig"},
		{BadenWuerttemberg, 2018, "Reformationstag", false, Date{}, false, ""},
		{Brandenburg, 1995, "Reformationstag", true, Date{1995, 10, 31}, false, ""},
		{Brandenburg, 2017, "Reformationstag", true, Date{2017, 10, 31}, false, ""}, // regular there, no one-off note
		// Berlin one-offs on 8 May.
		{Berlin, 2019, "Tag der Befreiung", false, Date{}, false, ""},
		{Berlin, 2020, "Tag der Befreiung", true, Date{2020, 5, 8}, false, "75. Jahrestag"},
		{Berlin, 2021, "Tag der Befreiung", false, Date{}, false, ""},
		{Berlin, 2025, "Tag der Befreiung", true, Date{2025, 5, 8}, false, "80. Jahrestag"},
		{Berlin, 2026, "Tag der Befreiung", false, Date{}, false, ""},
		{Brandenburg, 2020, "Tag der Befreiung", false, Date{}, false, ""},
		// Brandenburg's Sundays.
		{Brandenburg, 2026, "Ostersonntag", true, Date{2026, 4, 5}, false, ""},
		{Brandenburg, 2026, "Pfingstsonntag", true, Date{2026, 5, 24}, false, ""},
		{Berlin, 2026, "Ostersonntag", false, Date{}, false, ""},
		{Hessen, 2026, "Pfingstsonntag", false, Date{}, false, ""},
		// Fronleichnam: whole Land or only some communities.
		{Hessen, 2026, "Fronleichnam", true, Date{2026, 6, 4}, false, ""},
		{Sachsen, 2026, "Fronleichnam", true, Date{2026, 6, 4}, true, "Sorbisches Siedlungsgebiet"},
		{Thueringen, 2026, "Fronleichnam", true, Date{2026, 6, 4}, true, "Eichsfeld"},
		{Niedersachsen, 2026, "Fronleichnam", false, Date{}, false, ""},
		// Mariä Himmelfahrt.
		{Saarland, 2026, "Mariä Himmelfahrt", true, Date{2026, 8, 15}, false, ""},
		{Bayern, 2026, "Mariä Himmelfahrt", true, Date{2026, 8, 15}, true, "katholisch"},
		{BadenWuerttemberg, 2026, "Mariä Himmelfahrt", false, Date{}, false, ""},
		// Heilige Drei Könige and Allerheiligen.
		{SachsenAnhalt, 2026, "Heilige Drei Könige", true, Date{2026, 1, 6}, false, ""},
		{Sachsen, 2026, "Heilige Drei Könige", false, Date{}, false, ""},
		{RheinlandPfalz, 2026, "Allerheiligen", true, Date{2026, 11, 1}, false, ""},
		{Hessen, 2026, "Allerheiligen", false, Date{}, false, ""},
		// Buß- und Bettag only in Sachsen.
		{Sachsen, 1995, "Buß- und Bettag", true, Date{1995, 11, 22}, false, ""},
		{Sachsen, 2026, "Buß- und Bettag", true, Date{2026, 11, 18}, false, ""},
		{Bayern, 2026, "Buß- und Bettag", false, Date{}, false, ""},
		// The edges of the supported range.
		{Sachsen, 2100, "Buß- und Bettag", true, bussUndBettag(2100), false, ""},
		{Hamburg, 2100, "Christi Himmelfahrt", true, Date{2100, 5, 6}, false, ""},
		{Hamburg, 1995, "Pfingstmontag", true, Date{1995, 6, 5}, false, ""},
	}
	for _, tt := range tests {
		h, ok := holidayOn(t, tt.land, tt.year, tt.name)
		if ok != tt.want {
			t.Errorf("%s %d %s: present = %v, want %v", tt.land, tt.year, tt.name, ok, tt.want)
			continue
		}
		if !ok {
			continue
		}
		if h.Date != tt.date || h.Regional != tt.regional {
			t.Errorf("%s %d %s = %v regional %v, want %v regional %v", tt.land, tt.year, tt.name, h.Date, h.Regional, tt.date, tt.regional)
		}
		if tt.note == "" && h.Note != "" || !strings.Contains(strings.ToLower(h.Note), strings.ToLower(tt.note)) {
			t.Errorf("%s %d %s note = %q, want %q", tt.land, tt.year, tt.name, h.Note, tt.note)
		}
	}
}

func TestHolidaysSameDay(t *testing.T) {
	// In 2008 Christi Himmelfahrt fell on 1 May; both must be listed.
	hs, err := Holidays(Bayern, 2008)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, h := range hs {
		if h.Date == (Date{2008, time.May, 1}) {
			names = append(names, h.Name)
		}
	}
	if !slices.Equal(names, []string{"Tag der Arbeit", "Christi Himmelfahrt"}) {
		t.Errorf("01.05.2008 = %v", names)
	}
}

func TestHolidaysErrors(t *testing.T) {
	for _, year := range []int{1994, 2101, 0} {
		_, err := Holidays(Bayern, year)
		if !errors.Is(err, ErrYearOutOfRange) {
			t.Errorf("Holidays(BY, %d) error = %v, want ErrYearOutOfRange", year, err)
		}
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(deErr(ie), "1995 bis 2100") {
			t.Errorf("Holidays(BY, %d) message = %v", year, err)
		}
	}
	for _, year := range []int{MinHolidayYear, MaxHolidayYear} {
		if _, err := Holidays(Bayern, year); err != nil {
			t.Errorf("Holidays(BY, %d): %v", year, err)
		}
	}
	for _, l := range []Land{"", "by", "XX", "DE-BY"} {
		if _, err := Holidays(l, 2026); !errors.Is(err, ErrUnknownLand) {
			t.Errorf("Holidays(%q) error = %v, want ErrUnknownLand", l, err)
		}
	}
}

func TestHolidaysBetween(t *testing.T) {
	hs, err := HolidaysBetween(Berlin, Date{2025, time.December, 20}, Date{2026, time.January, 6})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hs {
		got = append(got, h.Date.String()+" "+h.Name)
	}
	want := []string{"25.12.2025 1. Weihnachtstag", "26.12.2025 2. Weihnachtstag", "01.01.2026 Neujahr"}
	if !slices.Equal(got, want) {
		t.Errorf("HolidaysBetween = %v, want %v", got, want)
	}
	if _, err := HolidaysBetween(Berlin, Date{2100, 12, 1}, Date{2101, 1, 31}); !errors.Is(err, ErrYearOutOfRange) {
		t.Errorf("HolidaysBetween into 2101: %v", err)
	}
}

func TestLands(t *testing.T) {
	ls := Lands()
	if len(ls) != 16 {
		t.Fatalf("%d Länder", len(ls))
	}
	// German order: umlauts sort like their base letter.
	fold := strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss")
	seen := map[Land]bool{}
	for i, l := range ls {
		if !l.Code.Valid() || l.Code.Name() != l.Name || seen[l.Code] {
			t.Errorf("bad entry %v", l)
		}
		seen[l.Code] = true
		if i > 0 && fold.Replace(strings.ToLower(ls[i-1].Name)) >= fold.Replace(strings.ToLower(l.Name)) {
			t.Errorf("%q listed before %q", ls[i-1].Name, l.Name)
		}
	}
	for _, code := range strings.Fields("BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH") {
		if !seen[Land(code)] {
			t.Errorf("%s missing", code)
		}
	}
	ls[0].Name = "changed"
	if Lands()[0].Name != "Baden-Württemberg" {
		t.Error("Lands() returns shared slice")
	}
	if Land("XX").Valid() || Land("XX").Name() != "" {
		t.Error("XX accepted")
	}
}
