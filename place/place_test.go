package place

import (
	"context"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/ner"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// stages loads the gazetteer and the entity model once for all tests.
var stages = sync.OnceValues(func() (*Stage, error) { return New() })

var nerStage = sync.OnceValues(func() (*ner.Stage, error) { return ner.New() })

func load(t testing.TB) (*Stage, *ner.Stage) {
	t.Helper()
	s, err := stages()
	if err != nil {
		t.Fatal(err)
	}
	n, err := nerStage()
	if err != nil {
		t.Fatal(err)
	}
	return s, n
}

// analyze runs the text, entities and places stages on body.
func analyze(t testing.TB, title, body string) *doc.Document {
	t.Helper()
	s, n := load(t)
	d, err := pipeline.New(segment.Stage{}, n, s).Analyze(context.Background(),
		&article.Article{Title: title, Body: body, Language: "en", Origin: t.Name()})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// placesNamed returns the places whose name is name.
func placesNamed(d *doc.Document, name string) []doc.Place {
	var out []doc.Place
	for _, p := range d.Places {
		if p.Name == name {
			out = append(out, p)
		}
	}
	return out
}

func TestSeedKermanStampede(t *testing.T) {
	b, err := os.ReadFile(sharedtest.Path(t, "seed/kerman-stampede.txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(string(b), "\n")
	d := analyze(t, title, body)
	for _, tc := range []struct {
		name, country string
		lat, lon      float64 // 0, 0 when only the country is checked
		min           int     // mentions expected at least
	}{
		{"Kerman", "IRN", 30.28, 57.08, 3},
		{"Baghdad", "IRQ", 33.34, 44.40, 1},
		{"Tehran", "IRN", 35.69, 51.42, 2},
		{"Iran", "IRN", 0, 0, 8},
		{"Iraq", "IRQ", 0, 0, 1},
		{"United States", "USA", 0, 0, 1},
		{"US", "USA", 0, 0, 5},
		{"U.S.", "USA", 0, 0, 1},
		{"Middle East", "", 0, 0, 2},
	} {
		ps := placesNamed(d, tc.name)
		if len(ps) < tc.min {
			t.Errorf("%s: %d places, want at least %d", tc.name, len(ps), tc.min)
		}
		for _, p := range ps {
			if p.Country != tc.country {
				t.Errorf("%s at %d: country %q, want %q", tc.name, p.Start, p.Country, tc.country)
			}
			if d.Slice(p.Span) != tc.name {
				t.Errorf("%s: span %v holds %q", tc.name, p.Span, d.Slice(p.Span))
			}
			if tc.lat != 0 && Distance(p.Lat, p.Lon, tc.lat, tc.lon) > 20 {
				t.Errorf("%s at %.2f, %.2f, want near %.2f, %.2f", tc.name, p.Lat, p.Lon, tc.lat, tc.lon)
			}
		}
	}
	k := placesNamed(d, "Kerman")
	if len(k) > 0 && (k[0].GeonameID != 128234 || k[0].Admin1 != "IR.29") {
		t.Errorf("Kerman = %+v, want geonameid 128234 in IR.29", k[0])
	}
	for _, p := range d.Places {
		if p.Name == "Middle East" && (math.Abs(p.Lat-29) > 10 || math.Abs(p.Lon-41) > 15) {
			t.Errorf("Middle East at %.1f, %.1f", p.Lat, p.Lon)
		}
	}
	for _, p := range d.Places {
		switch p.Name {
		case "Kerman", "Baghdad", "Tehran", "Iran", "Iraq", "United States", "US", "U.S.", "Middle East":
		default:
			t.Logf("also: %q %s %s (%.2f, %.2f)", p.Name, p.Country, p.Admin1, p.Lat, p.Lon)
		}
	}
}

// withEntities builds a tokenised document from text with the given entities, each
// written "TYPE:text" and found at its first occurrence after the previous one.
func withEntities(t *testing.T, text string, ents ...string) *doc.Document {
	t.Helper()
	d := pipeline.NewDocument(&article.Article{Body: text, Language: "en"})
	if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	from := 0
	for _, e := range ents {
		typ, name, _ := strings.Cut(e, ":")
		i := strings.Index(d.Text[from:], name)
		if i < 0 {
			t.Fatalf("%q not in %q", name, text)
		}
		sp := doc.Span{Start: from + i, End: from + i + len(name)}
		d.Entities = append(d.Entities, doc.Entity{Text: name, Type: typ, Canonical: name, Span: sp})
		from = sp.End
	}
	return d
}

func TestContext(t *testing.T) {
	s, _ := load(t)
	for _, tc := range []struct {
		text    string
		ents    []string
		name    string // the place checked
		country string
		admin1  string // "" when not checked
	}{
		{"Storms hit Paris, Texas, overnight.", []string{"LOCATION:Paris", "LOCATION:Texas"}, "Paris", "USA", "US.TX"},
		{"Storms hit Paris overnight.", []string{"LOCATION:Paris"}, "Paris", "FRA", "FR.11"},
		{"Atlanta, Georgia, was hot.", []string{"LOCATION:Atlanta", "LOCATION:Georgia"}, "Georgia", "USA", "US.GA"},
		{"Georgia's parliament in Tbilisi met.", []string{"LOCATION:Georgia", "LOCATION:Tbilisi"}, "Georgia", "GEO", ""},
		{"Shelling hit Tripoli, Libya.", []string{"LOCATION:Tripoli", "LOCATION:Libya"}, "Tripoli", "LBY", ""},
		{"Shelling hit Tripoli in northern Lebanon.", []string{"LOCATION:Tripoli", "LOCATION:Lebanon"}, "Tripoli", "LBN", ""},
		{"They fled Tripoli for Beirut with other Lebanese families.", []string{"LOCATION:Tripoli", "LOCATION:Beirut", "NORP:Lebanese"}, "Tripoli", "LBN", ""},
		{"They fled Lebanon's Tripoli at dawn.", []string{"LOCATION:Lebanon", "LOCATION:Tripoli"}, "Tripoli", "LBN", ""},
		{"The southeastern Iranian city of Kerman mourned.", []string{"NORP:Iranian", "LOCATION:Kerman"}, "Kerman", "IRN", "IR.29"},
		{"Farms near Kerman, California, dried up.", []string{"LOCATION:Kerman", "LOCATION:California"}, "Kerman", "USA", "US.CA"},
		{"Militants attacked Kerman province.", []string{"LOCATION:Kerman"}, "Kerman", "IRN", "IR.29"},
		{"Gunmen killed five soldiers in Northern Mali.", []string{"LOCATION:Northern Mali"}, "Northern Mali", "MLI", ""},
		{"Tanks rolled into North Korea.", []string{"LOCATION:North Korea"}, "North Korea", "PRK", ""},
		{"Iran denied it.", []string{"ORG:Iran"}, "Iran", "IRN", ""},
		{"Fighting around Bakhmut went on.", []string{"PERSON:Bakhmut"}, "Bakhmut", "UKR", ""},
		// The countries a sentence names; a list names two places, not one twice.
		{"The United States reported cases in New York, California and Texas. The United States closed schools. Saudi Arabia extended curfews in the holy cities of Mecca and Medina.",
			[]string{"LOCATION:United States", "LOCATION:New York", "LOCATION:California", "LOCATION:Texas", "LOCATION:United States", "LOCATION:Saudi Arabia", "LOCATION:Mecca", "LOCATION:Medina"}, "Medina", "SAU", ""},
		{"The United States reported cases in New York, California and Texas. The United States closed schools. Saudi Arabia extended curfews in the holy cities of Mecca and Medina.",
			[]string{"LOCATION:United States", "LOCATION:New York", "LOCATION:California", "LOCATION:Texas", "LOCATION:United States", "LOCATION:Saudi Arabia", "LOCATION:Mecca", "LOCATION:Medina"}, "Mecca", "SAU", ""},
		// An abbreviation's period that ends the sentence; an office's place before its holder.
		{"Trump limited travel to the U.S. The President later eased it.", []string{"LOCATION:U.S."}, "U.S.", "USA", ""},
		{"Mayor of Koszalin Piotr Jedlinski declared a day of mourning.", []string{"LOCATION:Koszalin", "ORG:Piotr Jedlinski"}, "Koszalin", "POL", ""},
		{"Korea substituted Park Joo-Ho in the 28th minute.", []string{"LOCATION:Korea", "PERSON:Park Joo-Ho"}, "Korea", "KOR", ""},
		// A town the gazetteer lacks, at the division named next to it; a facility word
		// that ends a town's own name.
		{"The plane overshot the runway at Karipur, Kerala, on Friday.", []string{"LOCATION:Karipur", "LOCATION:Kerala"}, "Karipur", "IND", "IN.13"},
		{"He died at a hospital in College Station, Texas, on Monday.", []string{"LOCATION:College Station", "LOCATION:Texas"}, "College Station", "USA", "US.TX"},
		{"Pilgrims streamed into Najaf on Friday.", nil, "Najaf", "IRQ", ""},
		{"Crowds gathered in downtown Mombasa on Friday.", nil, "Mombasa", "KEN", ""},
		{"Protesters camped on the outskirts of Kisumu.", nil, "Kisumu", "KEN", ""},
		{"Tankers slowed in the Strait of Hormuz.", nil, "Strait of Hormuz", "", ""},
		{"Rockets hit Ain al-Asad at night.", []string{"LOCATION:Ain"}, "Ain al-Asad", "IRQ", ""},
		{"Officials in Sulaimaniya agreed.", []string{"LOCATION:Sulaimaniya"}, "Sulaimaniya", "IRQ", "IQ.05"},
		{"The U.S. and the UK agreed.", []string{"LOCATION:U.S.", "LOCATION:UK"}, "UK", "GBR", ""},
		// A town never outranks a country or a far larger division abroad on the article's
		// votes alone.
		{"Mexico's president met governors from Texas, Missouri and Kansas.", []string{"LOCATION:Mexico", "LOCATION:Texas", "LOCATION:Missouri", "LOCATION:Kansas"}, "Mexico", "MEX", ""},
		{"Fans in Little Rock, Arkansas, and Memphis cheered as England lost.", []string{"LOCATION:Little Rock", "LOCATION:Arkansas", "LOCATION:Memphis", "LOCATION:England"}, "England", "GBR", "GB.ENG"},
		{"Ferries to Hong Kong Island were cancelled.", []string{"LOCATION:Hong Kong", "LOCATION:Island"}, "Hong Kong Island", "HKG", ""},
		{"Gunmen killed four in Ciudad Juárez on Monday.", []string{"LOCATION:Juárez"}, "Ciudad Juárez", "MEX", ""},
		{"Kurdish forces in Syria retook Tell Tamer.", []string{"LOCATION:Syria", "LOCATION:Tell Tamer"}, "Tell Tamer", "SYR", ""},
		{"The bus left Marksville, Louisiana, at dawn.", []string{"ORG:Marksville", "LOCATION:Louisiana"}, "Marksville", "USA", "US.LA"},
		{"Delegates flew from Tonga's capital, Nukualofa, to Fiji.", []string{"LOCATION:Tonga", "ORG:Nukualofa", "LOCATION:Fiji"}, "Nukualofa", "TON", ""},
		{"The Chicago-based company grew.", nil, "Chicago", "USA", "US.IL"},
		{"Waves hit the coast of Aceh, Indonesia.", []string{"LOCATION:Aceh", "LOCATION:Indonesia"}, "Aceh", "IDN", "ID.01"},
		{"Sweden beat Panama 3 – 0 in the first game.", []string{"LOCATION:Sweden", "ORG:Panama"}, "Panama", "PAN", ""},
		{"The ship's position in Jakarta Bay was recorded.", []string{"LOCATION:Jakarta", "LOCATION:Bay"}, "Jakarta Bay", "IDN", ""},
		{"Committee member Doug Collins of Georgia said so on Twitter.", []string{"PERSON:Doug Collins", "LOCATION:Georgia"}, "Georgia", "USA", "US.GA"},
		{"Russia's invasion of neighbouring Georgia hit markets.", []string{"LOCATION:Russia", "LOCATION:Georgia"}, "Georgia", "GEO", ""},
		// Nor a state of its own country a hundred times its size, a capital abroad, or a
		// city whose main name it borrows, and states listed together are states.
		{"Governors of Missouri, Kansas, Nevada, Oregon and New Mexico met in the United States capital.", []string{"LOCATION:Missouri", "LOCATION:Kansas", "LOCATION:Nevada", "LOCATION:Oregon", "LOCATION:New Mexico", "LOCATION:United States"}, "Nevada", "USA", "US.NV"},
		{"Stocks fell in the United States and in London on Monday.", []string{"LOCATION:United States", "LOCATION:London"}, "London", "GBR", ""},
		{"Protesters marched in Washington, D.C., on Sunday.", []string{"LOCATION:Washington"}, "Washington", "USA", "US.DC"},
		// A name the gazetteer has only in another division is placed at the division
		// named next to it; a possessive after the comma describes, and holds nothing.
		{"The plane is registered in Middlesex County, Massachusetts, since 1987.", []string{"LOCATION:Middlesex County", "LOCATION:Massachusetts"}, "Middlesex County", "USA", "US.MA"},
		{"Leaders met in Niamey, Niger's capital, for a summit.", []string{"LOCATION:Niamey", "LOCATION:Niger"}, "Niamey", "NER", ""},
		{"Primaries in South Carolina, Kansas, and Arizona were cancelled.", []string{"LOCATION:South Carolina", "LOCATION:Kansas", "LOCATION:Arizona"}, "South Carolina", "USA", "US.SC"},
		// The place of an office cut from its holder's name, before a title, or after a
		// division word and "of" in an organisation's entity.
		{"Prime Minister of India Narendra Modi wrote a letter.", []string{"ORG:India Narendra", "PERSON:Modi"}, "India", "IND", ""},
		{"Connecticut Governor Ned Lamont spoke to reporters.", []string{"ORG:Connecticut Governor", "PERSON:Ned Lamont"}, "Connecticut", "USA", "US.CT"},
		{"The Municipality of Livorno asked the schools to pay.", []string{"ORG:Municipality of Livorno"}, "Livorno", "ITA", ""},
		{"The party is on the ballot in the District of Columbia.", []string{"ORG:District of Columbia"}, "District of Columbia", "USA", "US.DC"},
		// A name the entities stage cut at a title word or a connector.
		{"The quake was recorded in Sultan Kudarat on Monday.", []string{"PERSON:Kudarat"}, "Sultan Kudarat", "PHL", ""},
		{"Twenty were injured in Davao del Sur on Monday.", []string{"LOCATION:Davao", "LOCATION:Sur"}, "Davao del Sur", "PHL", ""},
		// Rivers, islands, volcanoes and former country names of the hand-written tables.
		{"Forces crossed the Euphrates River near Raqqa.", []string{"LOCATION:Euphrates River", "LOCATION:Raqqa"}, "Euphrates River", "", ""},
		{"Ministers met on gas drilling in the Eastern Mediterranean.", nil, "Eastern Mediterranean", "", ""},
		{"The storm stalled over Grand Bahama for a day.", []string{"LOCATION:Grand Bahama"}, "Grand Bahama", "BHS", ""},
		{"He later returned to Rhodesia, then a British colony.", []string{"LOCATION:Rhodesia"}, "Rhodesia", "ZWE", ""},
		{"Lava flowed from Kilauea on Monday.", []string{"LOCATION:Kilauea"}, "Kilauea", "USA", ""},
	} {
		d := withEntities(t, tc.text, tc.ents...)
		ps := placesNamed(&doc.Document{Places: s.Resolve(d)}, tc.name)
		if len(ps) != 1 {
			t.Errorf("%q: %d places named %q in %+v", tc.text, len(ps), tc.name, s.Resolve(d))
			continue
		}
		if p := ps[0]; p.Country != tc.country || tc.admin1 != "" && p.Admin1 != tc.admin1 {
			t.Errorf("%q: %s = %s %s, want %s %s", tc.text, tc.name, p.Country, p.Admin1, tc.country, tc.admin1)
		}
	}
}

func TestNotPlaces(t *testing.T) {
	s, _ := load(t)
	for _, tc := range []struct {
		text string
		ents []string
	}{
		{"Western officials met.", []string{"LOCATION:Western"}},
		{"Crowds filled Riad al-Solh Square.", []string{"LOCATION:Riad"}},
		{"Hamas said it would respond.", []string{"ORG:Hamas"}},
		{"The Islamic Republic said so.", []string{"LOCATION:Islamic Republic"}},
		{"Jackson said he would run.", []string{"PERSON:Jackson"}},
		{"I played the Muzychuk sisters Anna and Mariya in a tournament.", []string{"LOCATION:Anna", "PERSON:Mariya"}},
		{"He spoke to reporters in English.", nil},
		// Inside a longer name, a currency, a person's surname, a building.
		{"Toyota recalled a million cars.", []string{"ORG:Toyota"}},
		{"Hillary Clinton met voters. Clinton said the plan would work.", []string{"PERSON:Hillary Clinton", "LOCATION:Clinton"}},
		{"Valeska Paris left the ship. Paris said she was forced to work.", []string{"ORG:Valeska Paris", "LOCATION:Paris"}},
		{"Republic Act 11469 took effect.", []string{"LOCATION:Republic"}},
		{"Guests were attacked at Fishmongers' Hall.", []string{"LOCATION:Hall"}},
		{"The White House said so.", []string{"LOCATION:White House"}},
		{"Middle East Respiratory Syndrome spread.", []string{"LOCATION:Middle East"}},
		{"The deal is worth US$7 billion.", []string{"LOCATION:US"}},
		{"They were paid in U.S. dollars.", []string{"LOCATION:U.S."}},
		{"Flights on Air France resumed.", []string{"LOCATION:France"}},
		{"The United States Navy confirmed it.", []string{"LOCATION:United States", "ORG:Navy"}},
		{"Planes of Mahan Air of Iran were banned.", []string{"ORG:Mahan Air", "LOCATION:Iran"}},
		// The name of a thing: after a namer word, or with its number.
		{"Hurricane Zeta slammed into the coast.", []string{"ORG:Zeta"}},
		{"Markets were closed in honor of Martin Luther King.", []string{"PERSON:Martin Luther King"}},
		{"She was awarded the Presidential Medal of Freedom.", []string{"LOCATION:Freedom"}},
		{"The crew plan to return the flag to Earth.", []string{"LOCATION:Earth"}},
		{"Wikinews reached out to Richardson to discuss the campaign.", []string{"ORG:Wikinews", "PERSON:Richardson"}},
		{"In Warren's campaign for the nomination, health care came first.", []string{"PERSON:Warren"}},
		{"He injured three people on Streatham High Road.", []string{"LOCATION:Streatham High", "LOCATION:Road"}},
		// A direction word with a function word the entities stage took along.
		{"A safe zone was to be set up East of the river.", []string{"LOCATION:East of"}},
		// A one-word name of a hamlet with no sign of a place.
		{"Magna plans to invest in auto parts giant Delphi.", []string{"ORG:Magna", "LOCATION:Delphi"}},
		{"Shares in the auto companies Toyota, Nissan and Honda dropped.", []string{"ORG:Toyota", "ORG:Nissan", "ORG:Honda"}},
		{"Apple unveiled Lion, the new version of its operating system.", []string{"ORG:Apple", "ORG:Lion"}},
		{"Iranian news agency Fars reported it.", []string{"NORP:Iranian", "ORG:Fars"}},
		{"The capsule flew atop a Falcon 9 rocket.", []string{"ORG:Falcon"}},
		{"He used to own the San Francisco 49ers football team.", []string{"LOCATION:San Francisco"}},
		// A person's surname or given name, even listed or after "between".
		{"Hillary Clinton met Bernie Sanders. The race between Clinton and Sanders tightened, and Bernie won.",
			[]string{"PERSON:Hillary Clinton", "PERSON:Bernie Sanders"}},
	} {
		if got := s.Resolve(withEntities(t, tc.text, tc.ents...)); len(got) != 0 {
			t.Errorf("%q: places %+v, want none", tc.text, got)
		}
	}
}

// TestGenericWord: a generic word ("Peninsula", "Island") asks for no division: "Trinity
// Peninsula" is not Trinity, a parish of Jersey, in an article about Chile and Antarctica,
// while "Hong Kong Island" stays Hong Kong's.
func TestGenericWord(t *testing.T) {
	s, _ := load(t)
	got := s.Resolve(withEntities(t, "Chile reported cases at a base in Trinity Peninsula, Antarctica. Chile's navy ship had visited it.",
		"LOCATION:Chile", "LOCATION:Trinity Peninsula", "LOCATION:Antarctica", "LOCATION:Chile"))
	for _, p := range got {
		if p.Name == "Trinity Peninsula" {
			t.Errorf("Trinity Peninsula placed at %s %s (%.2f, %.2f)", p.Country, p.Admin1, p.Lat, p.Lon)
		}
	}
	if len(got) != 3 {
		t.Errorf("got %d places, want Chile, Antarctica, Chile: %+v", len(got), got)
	}
}

// TestRepeated: a place of two words or more that the entities stage tagged once is a
// place where it is repeated untagged, not inside a longer name.
func TestRepeated(t *testing.T) {
	s, _ := load(t)
	d := withEntities(t, "A bomber crashed in Windsor Locks, Connecticut. According to Windsor Locks' first selectman, ten were aboard. The Windsor Locks Police said so.",
		"LOCATION:Windsor Locks", "LOCATION:Connecticut")
	ps := placesNamed(&doc.Document{Places: s.Resolve(d)}, "Windsor Locks")
	if len(ps) != 2 {
		t.Fatalf("%d places named Windsor Locks, want 2: %+v", len(ps), ps)
	}
	if ps[1].Admin1 != "US.CT" || !strings.HasPrefix(d.Text[ps[1].End:], "'") {
		t.Errorf("second Windsor Locks = %+v", ps[1])
	}
}

// TestSkeletonOutlier: a name the gazetteer lacks ("Ghouta") must not become a Slovak
// town through the transliteration skeleton of its alternate name "Guta" when the
// article is about Syria.
func TestSkeletonOutlier(t *testing.T) {
	s, _ := load(t)
	got := s.Resolve(withEntities(t, "Syria used chemical weapons against rebels in Ghouta.", "LOCATION:Syria", "LOCATION:Ghouta"))
	if len(got) != 1 || got[0].Country != "SYR" {
		t.Errorf("places %+v, want Syria alone", got)
	}
}

func TestSpansAndEmpty(t *testing.T) {
	s, _ := load(t)
	d := withEntities(t, "Kerman mourned. Kerman wept.", "LOCATION:Kerman", "LOCATION:Kerman")
	ps := s.Resolve(d)
	if len(ps) != 2 || ps[0].Span != (doc.Span{Start: 0, End: 6}) || ps[1].Start != 16 || ps[1].Name != "Kerman" {
		t.Errorf("places %+v", ps)
	}
	if ps := s.Resolve(&doc.Document{}); ps == nil || len(ps) != 0 {
		t.Errorf("empty document: %#v, want an empty slice", ps)
	}
}

func TestEvaluate(t *testing.T) {
	s, n := load(t)
	for _, tc := range []struct {
		path           string
		country, point float64 // accuracy at least
	}{
		{"testdata/ambiguous.tsv", 0.95, 0.95},
		{"testdata/heldout.tsv", 0.95, 0.95},
	} {
		r, err := EvaluateWith(context.Background(), s, n, tc.path)
		if err != nil {
			t.Fatal(err)
		}
		t.Log(r.String())
		if r.Cases < 40 || r.CountryAccuracy() < tc.country || r.PointAccuracy() < tc.point {
			t.Errorf("%s: %d cases, country %.3f (want ≥ %.2f), point %.3f (want ≥ %.2f)",
				tc.path, r.Cases, r.CountryAccuracy(), tc.country, r.PointAccuracy(), tc.point)
		}
	}
	if _, err := ReadCases("testdata/missing.tsv"); err == nil {
		t.Error("ReadCases of a missing file: no error")
	}
}

func TestStageInterface(t *testing.T) {
	s, _ := load(t)
	var st pipeline.Stage = s
	if st.Name() != "places" || !slices.Equal(s.Languages(), []string{"en"}) {
		t.Errorf("Name %q, Languages %v", st.Name(), s.Languages())
	}
	d := withEntities(t, "Kerman mourned.", "LOCATION:Kerman")
	d.Language = "fr"
	if err := pipeline.New(st).Run(context.Background(), d); err != nil || len(d.Places) != 0 || len(d.Skipped) != 1 {
		t.Errorf("French document: err %v, places %v, skipped %v", err, d.Places, d.Skipped)
	}
}

func BenchmarkResolveSeed(b *testing.B) {
	raw, err := os.ReadFile(sharedtest.Path(b, "seed/kerman-stampede.txt"))
	if err != nil {
		b.Fatal(err)
	}
	title, body, _ := strings.Cut(string(raw), "\n")
	s, n := load(b)
	d, err := pipeline.New(segment.Stage{}, n).Analyze(context.Background(), &article.Article{Title: title, Body: body, Language: "en"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.Resolve(d)
	}
}

func TestConcurrent(t *testing.T) {
	s, _ := load(t)
	d := withEntities(t, "Storms hit Paris, Texas, and Tripoli, Libya.", "LOCATION:Paris", "LOCATION:Texas", "LOCATION:Tripoli", "LOCATION:Libya")
	want := s.Resolve(d)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				if got := s.Resolve(d); !slices.Equal(got, want) {
					t.Errorf("concurrent Resolve = %+v, want %+v", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestDistance(t *testing.T) {
	// Kerman to Tehran is about 800 km.
	if d := Distance(30.28, 57.08, 35.69, 51.42); d < 780 || d > 830 {
		t.Errorf("Distance(Kerman, Tehran) = %.0f km", d)
	}
	if d := Distance(10, 20, 10, 20); d != 0 {
		t.Errorf("Distance to itself = %v", d)
	}
}

func TestLastWord(t *testing.T) {
	for in, want := range map[string]string{"fighting in ": "in", "battle for": "for", "x,": "", "": "", "Into ": "into"} {
		if got, _ := lastWord(in); got != want {
			t.Errorf("lastWord(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestListedRejected: a listed town that turns out to be part of a longer name ("Carrascal
// Airport") is left out, and the search for listed towns ends (it once looped for ever).
func TestListedRejected(t *testing.T) {
	s, _ := load(t)
	d := withEntities(t, "Aid reached Cantilan, Carrascal Airport and Lanuza.", "LOCATION:Cantilan", "LOCATION:Lanuza")
	got := s.Resolve(d)
	if len(placesNamed(&doc.Document{Places: got}, "Carrascal")) != 0 || len(placesNamed(&doc.Document{Places: got}, "Cantilan")) != 1 {
		t.Errorf("places %+v, want Cantilan and Lanuza, not Carrascal", got)
	}
}

// TestSubdivisions: counties and island regions that GeoNames' city list lacks resolve to
// the ISO 3166-2 subdivisions of the gazetteer, and towns listed with towns of one
// division stay in it rather than in a foreign division of the same name.
func TestSubdivisions(t *testing.T) {
	s, _ := load(t)
	got := s.Resolve(withEntities(t, "Floods hit County Kerry and the Azores.", "LOCATION:County Kerry", "LOCATION:Azores"))
	if len(got) != 2 || got[0].Country != "IRL" || got[1].Country != "PRT" || Distance(got[1].Lat, got[1].Lon, 37.8, -25.5) > 161 {
		t.Errorf("places %+v, want County Kerry (IRL) and the Azores (PRT)", got)
	}
	text := "The Philippines was hit. Damage was reported in Cantilan, Madrid, Carmen, Lanuza, and Cortes."
	got = s.Resolve(withEntities(t, text, "LOCATION:Philippines", "LOCATION:Cantilan", "LOCATION:Madrid", "LOCATION:Carmen", "LOCATION:Lanuza", "LOCATION:Cortes"))
	if c := placesNamed(&doc.Document{Places: got}, "Cortes"); len(c) != 1 || c[0].Country != "PHL" {
		t.Errorf("Cortes: %+v, want the Philippine town listed with its neighbours", c)
	}
}
