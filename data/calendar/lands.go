package calendar

// Land is a German federal state (Bundesland), written as its two-letter
// code, e.g. "BY". Public holidays depend on it.
type Land string

// The 16 Länder. The codes are the ones German authorities and ISO 3166-2:DE
// use (without the "DE-" prefix).
const (
	BadenWuerttemberg     Land = "BW"
	Bayern                Land = "BY"
	Berlin                Land = "BE"
	Brandenburg           Land = "BB"
	Bremen                Land = "HB"
	Hamburg               Land = "HH"
	Hessen                Land = "HE"
	MecklenburgVorpommern Land = "MV"
	Niedersachsen         Land = "NI"
	NordrheinWestfalen    Land = "NW"
	RheinlandPfalz        Land = "RP"
	Saarland              Land = "SL"
	Sachsen               Land = "SN"
	SachsenAnhalt         Land = "ST"
	SchleswigHolstein     Land = "SH"
	Thueringen            Land = "TH"
)

// LandInfo pairs a Land with its German name for a selection list.
type LandInfo struct {
	Code Land
	Name string
}

// lands is in alphabetical order of the German name, the order a German
// user expects in a drop-down.
var lands = []LandInfo{
	{BadenWuerttemberg, "Baden-Württemberg"},
	{Bayern, "Bayern"},
	{Berlin, "Berlin"},
	{Brandenburg, "Brandenburg"},
	{Bremen, "Bremen"},
	{Hamburg, "Hamburg"},
	{Hessen, "Hessen"},
	{MecklenburgVorpommern, "Mecklenburg-Vorpommern"},
	{Niedersachsen, "Niedersachsen"},
	{NordrheinWestfalen, "Nordrhein-Westfalen"},
	{RheinlandPfalz, "Rheinland-Pfalz"},
	{Saarland, "Saarland"},
	{Sachsen, "Sachsen"},
	{SachsenAnhalt, "Sachsen-Anhalt"},
	{SchleswigHolstein, "Schleswig-Holstein"},
	{Thueringen, "Thüringen"},
}

// Lands returns all 16 Länder with their German names, in alphabetical
// order of the name. The slice is a fresh copy the caller may change.
func Lands() []LandInfo {
	return append([]LandInfo(nil), lands...)
}

// Valid reports whether l is one of the 16 codes.
func (l Land) Valid() bool {
	return l.Name() != ""
}

// Name returns the German name of l, or "" for an unknown code.
func (l Land) Name() string {
	for _, li := range lands {
		if li.Code == l {
			return li.Name
		}
	}
	return ""
}
