package actor

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/place"
	"github.com/tocsin-project/tocsin/resolve"
	"github.com/tocsin-project/tocsin/segment"
)

// ent is an entity given by hand, as the entities stage would: type and text; repeated
// texts are found in order, whole words only, outside longer entities placed before.
type ent struct{ typ, text string }

func person(s string) ent { return ent{"PERSON", s} }
func norp(s string) ent   { return ent{"NORP", s} }
func loc(s string) ent    { return ent{"LOCATION", s} }
func org(s string) ent    { return ent{"ORG", s} }

// code builds a document from body, adds the entities, and runs resolve and actors.
func code(t *testing.T, published, body string, ents ...ent) *doc.Document {
	t.Helper()
	return codeWith(t, NewStage(testKB(t)), published, body, ents...)
}

func codeWith(t *testing.T, st pipeline.Stage, published, body string, ents ...ent) *doc.Document {
	t.Helper()
	d := pipeline.NewDocument(&article.Article{Title: "News", Body: body, Published: published, Language: "en"})
	if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	taken := make([]bool, len(d.Text))
	for _, e := range ents {
		off := -1
		for from := 0; ; {
			i := strings.Index(d.Text[from:], e.text)
			if i < 0 {
				t.Fatalf("%q is not in the text (or all its occurrences are taken)", e.text)
			}
			i += from
			from = i + 1
			end := i + len(e.text)
			if taken[i] || i > 0 && isLetter(d.Text[i-1]) || end < len(d.Text) && isLetter(d.Text[end]) {
				continue
			}
			off = i
			break
		}
		for k := off; k < off+len(e.text); k++ {
			taken[k] = true
		}
		d.Entities = append(d.Entities, doc.Entity{Text: e.text, Type: e.typ, Canonical: e.text, Span: doc.Span{Start: off, End: off + len(e.text)}})
	}
	sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })
	res, err := resolve.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []pipeline.Stage{res, st} {
		if err := s.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func dump(d *doc.Document) string {
	var b strings.Builder
	for _, e := range d.Entities {
		fmt.Fprintf(&b, "  %d %s %s %q canonical=%q role=%q actor=%s rule=%s\n", e.Start, e.Type, e.Mention, e.Text, e.Canonical, e.Role, e.Actor, e.ActorRule)
	}
	return b.String()
}

// want checks every mention whose text is text.
func want(t *testing.T, d *doc.Document, text, actor, rule string) {
	t.Helper()
	n := 0
	for _, e := range d.Entities {
		if e.Text != text {
			continue
		}
		n++
		if e.Actor != actor || e.ActorRule != rule {
			t.Errorf("%q at %d: %q %q, want %q %q\n%s", text, e.Start, e.Actor, e.ActorRule, actor, rule, dump(d))
		}
	}
	if n == 0 {
		t.Errorf("no entity %q\n%s", text, dump(d))
	}
}

func TestDescriptors(t *testing.T) {
	d := code(t, "", `Peruvian army commander Luis Mora reached the border on Sunday.

The Chilean foreign minister, Ana Lopez, met him there. Mora thanked her.`,
		norp("Peruvian"), person("Luis Mora"), norp("Chilean"), person("Ana Lopez"), person("Mora"))
	want(t, d, "Luis Mora", "PERMIL", "descriptor:Peruvian+army commander")
	want(t, d, "Mora", "PERMIL", "descriptor:Peruvian+army commander")
	want(t, d, "Ana Lopez", "CHLGOV", "descriptor:Chilean+foreign minister")
	// The nationalities that describe a person keep the country alone.
	want(t, d, "Peruvian", "PER", "demonym:Peruvian")
	want(t, d, "Chilean", "CHL", "demonym:Chilean")
}

func TestContextCountry(t *testing.T) {
	d := code(t, "", `Top general, Maj Gen Darius Rostami said the drills would go on, as Iranian officials watched.

Gen Ali Navid spoke while Iraqi and Syrian officials listened.`,
		person("Darius Rostami"), norp("Iranian"), person("Ali Navid"), norp("Iraqi"), norp("Syrian"))
	want(t, d, "Darius Rostami", "IRNMIL", "descriptor:general+context:Iranian")
	// Two countries in the sentence: the agent alone.
	want(t, d, "Ali Navid", "MIL", "descriptor:Gen")
	want(t, d, "Iranian", "IRNGOV", "descriptor:Iranian+officials")
	if e := d.Entities[1]; e.Canonical != "Iranian officials" {
		t.Errorf("group canonical = %q", e.Canonical)
	}
}

func TestDatedDictionaryCodes(t *testing.T) {
	body := "Mahmoud Ahmadinejad met Donald Trump. Later Mr Trump left."
	ents := []ent{person("Mahmoud Ahmadinejad"), person("Donald Trump"), person("Trump")}
	for _, c := range []struct{ published, ahmadinejad, trump string }{
		{"2010-05-01", "IRNGOV", "USAELI"},
		{"2019-05-01", "IRNELI", "USAGOV"},
		{"2023-05-01T08:00:00Z", "IRNELI", "USAELI"},
		{"", "IRNELI", "USAGOV"}, // no date: the undated code, the open-ended (current) one
	} {
		d := code(t, c.published, body, ents...)
		want(t, d, "Mahmoud Ahmadinejad", c.ahmadinejad, "dict:PHOENIX_COUNTRIES:MAHMOUD_AHMADINEJAD_")
		want(t, d, "Donald Trump", c.trump, "dict:TOCSIN_LEADERS:DONALD_TRUMP_")
		want(t, d, "Trump", c.trump, "dict:TOCSIN_LEADERS:DONALD_TRUMP_")
	}
}

func TestTitleAndName(t *testing.T) {
	// "Ayatollah Ruhollah Khomeini" is in the dictionary with the title only.
	d := code(t, "", "Crowds recalled Ayatollah Ruhollah Khomeini.", person("Ruhollah Khomeini"))
	want(t, d, "Ruhollah Khomeini", "IRNELI", "dict:PHOENIX_COUNTRIES:AYATOLLAH_RUHOLLAH_KHOMEINI_")
}

func TestAllMentionsOneCode(t *testing.T) {
	d := code(t, "", `Darius Rostami, an Iranian commander, toured the port. Rostami then left. The commander returned at dusk.

Rostami's son Kaveh spoke to reporters.`,
		person("Darius Rostami"), norp("Iranian"), person("Rostami"), person("Rostami"), person("Kaveh"))
	want(t, d, "Darius Rostami", "IRNMIL", "descriptor:Iranian+commander")
	want(t, d, "Rostami", "IRNMIL", "descriptor:Iranian+commander")
	want(t, d, "The commander", "IRNMIL", "descriptor:Iranian+commander")
	want(t, d, "Kaveh", "IRN", "relation:son of Darius Rostami")
}

func TestGroupsAndCountries(t *testing.T) {
	d := code(t, "", `Iranian officials met US soldiers near the U.S. military base. Talks between the United States and Iran stalled.

Americans and Iranians watched. Crowds gathered in Kerman.`,
		norp("Iranian"), loc("US"), loc("U.S."), loc("United States"), loc("Iran"), norp("Americans"), norp("Iranians"), loc("Kerman"))
	want(t, d, "Iranian", "IRNGOV", "descriptor:Iranian+officials")
	want(t, d, "US", "USAMIL", "descriptor:US+soldiers")
	want(t, d, "U.S.", "USAMIL", "dict:PHOENIX_COUNTRIES:UNITED_STATES_MILITARY_")
	want(t, d, "United States", "USA", "dict:PHOENIX_COUNTRIES:UNITED_STATES_OF_AMERICA_")
	want(t, d, "Iran", "IRN", "dict:PHOENIX_COUNTRIES:IRAN_")
	want(t, d, "Americans", "USA", "demonym:Americans")
	want(t, d, "Iranians", "IRN", "demonym:Iranians")
	want(t, d, "Kerman", "", "") // a city the dictionaries do not know
}

func TestOrganisations(t *testing.T) {
	d := code(t, "", "The Quds Force and the Iranian Foreign Ministry issued statements, as did the Red Cross.",
		org("Quds Force"), org("Iranian Foreign Ministry"), org("Red Cross"))
	want(t, d, "Quds Force", "IRNMIL", "dict:PHOENIX_COUNTRIES:REVOLUTIONARY_GUARD")
	want(t, d, "Iranian Foreign Ministry", "IRNGOV", "descriptor:Iranian+Foreign Ministry")
}

func TestNoEvidenceNoCode(t *testing.T) {
	d := code(t, "", "Lena Varga spoke to Tomas Brandt on Monday.", person("Lena Varga"), person("Tomas Brandt"))
	for _, e := range d.Entities {
		if e.Actor != "" {
			t.Errorf("%q coded %q by %q", e.Text, e.Actor, e.ActorRule)
		}
	}
}

func TestUserDictionaryInStage(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := kb.LoadActors("MY_DICT", strings.NewReader("LENA_VARGA_\n\t[HUNGOV 20180101-20220101]\n\t[HUNELI]\n")); err != nil {
		t.Fatal(err)
	}
	d := codeWith(t, NewStage(kb), "2020-03-01", "Lena Varga spoke on Monday. Varga left.", person("Lena Varga"), person("Varga"))
	want(t, d, "Lena Varga", "HUNGOV", "dict:MY_DICT:LENA_VARGA_")
	want(t, d, "Varga", "HUNGOV", "dict:MY_DICT:LENA_VARGA_")
}

// Odd inputs must not break the stage: no token layer, entities off token boundaries,
// empty ones, no resolve stage before it.
func TestOddInput(t *testing.T) {
	st := NewStage(testKB(t))
	body := "Iranian-backed Iranians, and US, US soldiers"
	for _, tokens := range []bool{true, false} {
		d := pipeline.NewDocument(&article.Article{Title: "x", Body: body, Language: "en"})
		if tokens {
			segment.Stage{}.Annotate(context.Background(), d)
		}
		off := d.BodyStart
		d.Entities = []doc.Entity{
			{Text: "Iranian", Type: "NORP", Span: doc.Span{Start: off, End: off + 7}},
			{Text: "Iranians", Type: "NORP", Span: doc.Span{Start: off + 15, End: off + 23}},
			{Text: "", Type: "ORG", Span: doc.Span{Start: off + 24, End: off + 24}},
			{Text: "US", Type: "LOCATION", Span: doc.Span{Start: off + 29, End: off + 31}},
			{Text: "US", Type: "LOCATION", Span: doc.Span{Start: off + 33, End: off + 35}},
		}
		if err := st.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		got := []string{}
		for _, e := range d.Entities {
			got = append(got, e.Actor)
		}
		want := "[IRN IRN  USA USAMIL]"
		if !tokens {
			want = "[IRN IRN  USA USA]" // no tokens: no group after the name
		}
		if fmt.Sprint(got) != want {
			t.Errorf("tokens=%v: codes %v, want %s\n%s", tokens, got, want, dump(d))
		}
	}
}

// TestSharedHead: "North" in "North and South Korea" is North Korea, from the name it
// shares its head with; a lone "North" stays uncoded.
func TestSharedHead(t *testing.T) {
	d := code(t, "", "The report comes after North and South Korea exchanged fire. The North was quiet.",
		loc("North"), loc("South Korea"), loc("North"))
	if got := d.Entities[0].Actor; got != "PRK" {
		t.Errorf("North (and South Korea) = %q, want PRK", got)
	}
	if got := d.Entities[1].Actor; got != "KOR" {
		t.Errorf("South Korea = %q, want KOR", got)
	}
	if got := d.Entities[2].Actor; got != "" {
		t.Errorf("a lone North = %q, want none", got)
	}
}

// TestShortForm: a place the resolve stage linked to a longer name ("the South" as
// South Korea) is coded by that name when its own text codes nothing.
func TestShortForm(t *testing.T) {
	d := code(t, "", "South Korea fired shells. The South said it would retaliate.", loc("South Korea"), loc("South"))
	d.Entities[1].Canonical = "South Korea"
	if err := NewStage(testKB(t)).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := d.Entities[1].Actor; got != "KOR" {
		t.Errorf("the South (as South Korea) = %q, want KOR", got)
	}
}

// TestContextFromPlaces: a town the places stage put in a country names that country
// for an organisation coded by context ("Thames Valley Police arrested a man in
// Reading": GBRCOP); without the place, no country.
func TestContextFromPlaces(t *testing.T) {
	body := "Thames Valley Police arrested a man in Reading on Saturday."
	d := code(t, "", body, org("Thames Valley Police"))
	if got := d.Entities[0].Actor; got != "" {
		t.Errorf("without places: %q, want none", got)
	}
	k := strings.Index(body, "Reading")
	d.Places = []doc.Place{{Name: "Reading", Country: "GBR", Span: doc.Span{Start: d.BodyStart + k, End: d.BodyStart + k + len("Reading")}}}
	if err := NewStage(testKB(t)).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want(t, d, "Thames Valley Police", "GBRCOP", "descriptor:Police+context:Reading")
}

// TestRoleOverStaleEntry: the office the text gives a person wins over a dictionary
// entry of another country or organisation (the Phoenix files kept Jens Stoltenberg in
// Norway's government, open-ended, when he was NATO's Secretary-General; a user's
// dictionary may be as stale); an office that agrees with the entry keeps the entry's
// code, and a former office makes the person an elite of the country (CAMEO's ELI, as
// the Phoenix agents code FORMER_PRESIDENT).
func TestRoleOverStaleEntry(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := kb.LoadActors("STALE", strings.NewReader("LENA_VARGA_\n\t[NORGOV >20051017]\n")); err != nil {
		t.Fatal(err)
	}
	st := NewStage(kb)
	d := codeWith(t, st, "2019-10-10", `NATO Secretary-General Lena Varga urged restraint.

US President Donald Trump agreed. Former Chilean foreign minister Ana Lopez disagreed.`,
		org("NATO"), person("Lena Varga"), loc("US"), person("Donald Trump"), norp("Chilean"), person("Ana Lopez"))
	want(t, d, "Lena Varga", "IGOWSTNAT", "descriptor:NATO; over dict:STALE:LENA_VARGA_")
	want(t, d, "Donald Trump", "USAGOV", "dict:TOCSIN_LEADERS:DONALD_TRUMP_")
	want(t, d, "Ana Lopez", "CHLELI", "descriptor:Chilean+foreign minister")
	// Without the office, the entry's code for the day.
	d = codeWith(t, st, "2019-10-10", "Lena Varga urged restraint.", person("Lena Varga"))
	want(t, d, "Lena Varga", "NORGOV", "dict:STALE:LENA_VARGA_")
}

// TestOrganisationHeads: an organisation the dictionaries do not know is coded by the head
// of its name and the country of its sentences; an armed one whose name marks a movement
// is rebels, not the state's military; with no country it stays uncoded.
func TestOrganisationHeads(t *testing.T) {
	d := code(t, "", `The Vandran People's Party won seats in Peru. Officers of the Thames Valley Police arrested him in Britain.

The Syrian Patriotic Forces and the Popular Salvation Forces of Iraq fought ISIS. The Vandran Times reported it.`,
		org("Vandran People's Party"), loc("Peru"), org("Thames Valley Police"), loc("Britain"),
		org("Syrian Patriotic Forces"), org("Popular Salvation Forces"), loc("Iraq"), org("Vandran Times"))
	want(t, d, "Vandran People's Party", "PERPTY", "descriptor:Party+context:Peru")
	want(t, d, "Thames Valley Police", "GBRCOP", "descriptor:Police+context:Britain")
	want(t, d, "Syrian Patriotic Forces", "SYRREB", "descriptor:Syrian+Forces+movement")
	want(t, d, "Popular Salvation Forces", "IRQREB", "descriptor:Forces+movement+context:Iraq")
	if e := d.Entities[len(d.Entities)-1]; e.Text != "Vandran Times" || e.Actor != "" {
		t.Errorf("Vandran Times, named with no country: %q %q, want no code\n%s", e.Actor, e.ActorRule, dump(d))
	}
}

// TestPluralDemonymOfDatedCountry: the plural of a demonym whose country's entry has
// only dated codes (IRAQ_ +IRAQI_: IRQ, IRQOCC 2003-2006, IRQ) is the country.
func TestPluralDemonymOfDatedCountry(t *testing.T) {
	for _, day := range []string{"", "2004-05-01", "2019-05-01"} {
		d := code(t, day, "Iraqis and Ukrainians marched.", norp("Iraqis"), norp("Ukrainians"))
		want(t, d, "Iraqis", "IRQ", "demonym:Iraqis")
		want(t, d, "Ukrainians", "UKR", "demonym:Ukrainians")
	}
	kb := testKB(t)
	if code, _, _ := kb.CodeNounPhrase([]string{"angry", "Iraqis"}, "2019-05-01"); code != "IRQ" {
		t.Errorf("angry Iraqis: %q, want IRQ", code)
	}
}

// TestDemonyms: nationalities the Phoenix files lack come from the gazetteer's demonyms
// (data/demonyms.actors.txt), plurals included; a name Phoenix has keeps its reading.
func TestDemonyms(t *testing.T) {
	d := code(t, "2019-06-20", "Swedish officials met Hong Kongers and Iranians.",
		norp("Swedish"), norp("Hong Kongers"), norp("Iranians"))
	want(t, d, "Swedish", "SWEGOV", "descriptor:Swedish+officials")
	want(t, d, "Hong Kongers", "HKG", "demonym:Hong Kongers")
	want(t, d, "Iranians", "IRN", "demonym:Iranians")
	kb := testKB(t)
	if _, rule, _ := kb.Name([]string{"Iranian"}, 0); !strings.HasPrefix(rule, "dict:PHOENIX_COUNTRIES:") {
		t.Errorf("Iranian: rule %q, want the Phoenix entry's", rule)
	}
}

// TestLeadersSince2014: heads of state and government the Phoenix files lack, with their
// offices' dates, and the Phoenix entry tocsin corrects (Stoltenberg left Norway's
// government in 2013).
func TestLeadersSince2014(t *testing.T) {
	for _, c := range []struct{ day, name, code string }{
		{"2019-06-30", "Kim Jong-un", "PRKGOV"},
		{"2019-06-30", "Rodrigo Duterte", "PHLGOV"},
		{"2023-06-30", "Rodrigo Duterte", "PHLELI"},
		{"2019-10-10", "Jens Stoltenberg", "IGOWSTNAT"},
		{"2010-10-10", "Jens Stoltenberg", "NORGOV"},
		{"2019-10-10", "Andrés Manuel López Obrador", "MEXGOV"},
	} {
		d := code(t, c.day, c.name+" spoke.", person(c.name))
		if e := d.Entities[0]; e.Actor != c.code {
			t.Errorf("%s on %s: %s (%s), want %s", c.name, c.day, e.Actor, e.ActorRule, c.code)
		}
	}
}

// TestTypeCodesAreNoCountries: codes of actor types and regions that the Phoenix files use
// whole ("REUTERS [MED]") name no country, so an organisation that only they code looks
// for its country (here its sentence's).
func TestTypeCodesAreNoCountries(t *testing.T) {
	kb := testKB(t)
	for _, c := range []string{"MED", "NGO", "MNC", "ELI", "WEU", "IGO"} {
		if kb.IsCountry(c) {
			t.Errorf("IsCountry(%s) = true", c)
		}
	}
	for _, c := range []string{"YEM", "SWE", "PSE", "KSV"} {
		if !kb.IsCountry(c) {
			t.Errorf("IsCountry(%s) = false", c)
		}
	}
	d := code(t, "2019-09-15", "Speaking on al-Masirah TV in Yemen, the spokesman said it.", org("al-Masirah TV"), loc("Yemen"))
	want(t, d, "al-Masirah TV", "YEMMED", "descriptor:TV+context:Yemen")
}

// TestAgentCountryIsNone: an organisation's name that only agents code has no country,
// even when an agent's code is also a country's ("Islamic" ~MUS is Muslims, not
// Mauritius); the OIC under its name since 2011 is the IGO.
func TestAgentCountryIsNone(t *testing.T) {
	d := code(t, "2019-09-15", "The Islamic Relief Council thanked the Organisation of Islamic Cooperation.",
		org("Islamic Relief Council"), org("Organisation of Islamic Cooperation"))
	if e := d.Entities[0]; e.Actor != "" {
		t.Errorf("Islamic Relief Council: %s (%s), want no code", e.Actor, e.ActorRule)
	}
	want(t, d, "Organisation of Islamic Cooperation", "IGOMOSOIC", "dict:TOCSIN_FIXES:ORGANISATION_OF_ISLAMIC_COOPERATION_")
}

// TestCommonWordsNoActors: single common words the Phoenix files list as names
// ("Organization" for TANZIM) code nothing; the longer names that hold them still do.
func TestCommonWordsNoActors(t *testing.T) {
	d := code(t, "2019-09-15", "The Organization condemned the Palestine Liberation Organization.",
		org("Organization"), org("Palestine Liberation Organization"))
	if e := d.Entities[0]; e.Actor != "" {
		t.Errorf("Organization: %s (%s), want no code", e.Actor, e.ActorRule)
	}
	if e := d.Entities[1]; e.Actor == "" {
		t.Errorf("Palestine Liberation Organization: no code\n%s", dump(d))
	}
}

// TestForcesWithoutCountry: a state's forces named without their country take none from
// their sentences, which name their enemy as often.
func TestForcesWithoutCountry(t *testing.T) {
	d := code(t, "2019-09-15", "The Vandran Border Force attacked Iraq.", org("Vandran Border Force"), loc("Iraq"))
	if e := d.Entities[0]; e.Actor != "" {
		t.Errorf("Vandran Border Force: %s (%s), want no code", e.Actor, e.ActorRule)
	}
}

// TestTitledNameSplit: a person's name that the entity recogniser split after a title
// with "of" or "for" ("President of France Emmanuel" as an ORG) is coded by the title:
// an office of the country after "of"; after "for", the country the title names before,
// not the country the office deals with.
func TestTitledNameSplit(t *testing.T) {
	d := code(t, "2019-09-15", `He met President of France Lena Varga.

In Riyadh, US Special Representative for Iran Tomas Brandt said it. The Special Envoy for Syria Ana Lopez agreed.`,
		org("France Lena Varga"), loc("Riyadh"), loc("US"), org("Iran Tomas Brandt"), org("Syria Ana Lopez"))
	want(t, d, "France Lena Varga", "FRAGOV", "descriptor:President+of+France")
	want(t, d, "Iran Tomas Brandt", "USA", "descriptor:US+for")
	if e := d.Entities[len(d.Entities)-1]; e.Text != "Syria Ana Lopez" || e.Actor != "" {
		t.Errorf("Syria Ana Lopez: %s (%s), want no code\n%s", e.Actor, e.ActorRule, dump(d))
	}
}

// TestUSPartyMembers: "a Republican senator", "Democrat Adam Schiff": the US parties'
// members named by party alone; "Democratic" alone names no party.
func TestUSPartyMembers(t *testing.T) {
	kb := testKB(t)
	for _, c := range []struct{ phrase, want string }{
		{"Republican senators", "USAPTYLEG"},
		{"a Democrat", "USAPTY"},
		{"Democratic", ""},
	} {
		if code, _, _ := kb.CodeNounPhrase(words(c.phrase), "2019-01-01"); code != c.want {
			t.Errorf("%s: %q, want %q", c.phrase, code, c.want)
		}
	}
}

// TestLapsedDictionaryCodes: a person whose dictionary codes have all ended before the
// article's day keeps the country of the last one, with the agent of the role the text
// gives; the country is not taken from the sentence ("Soviet" made President Reagan
// SUNGOV); a name with a single range, often a namesake's, gives nothing.
func TestLapsedDictionaryCodes(t *testing.T) {
	d := code(t, "2019-01-11", `On Friday, Speaker of the House Nancy Pelosi said the wall would not be funded.

President Ronald Reagan once called the Soviet Union an evil empire. Segregationist George Wallace ran a third-party campaign in 1968.`,
		org("House"), person("Nancy Pelosi"), person("Ronald Reagan"), loc("Soviet Union"), person("George Wallace"))
	want(t, d, "Nancy Pelosi", "USALEG", "descriptor:Speaker of the House+lapsed:PHOENIX_COUNTRIES:NANCY_PELOSI_")
	want(t, d, "Ronald Reagan", "USAGOV", "descriptor:President+lapsed:PHOENIX_COUNTRIES:RONALD_REAGAN_")
	want(t, d, "George Wallace", "", "")
	// on a day one of the ranges holds, the dictionary's code
	d = code(t, "2008-06-01", "Speaker Nancy Pelosi met the president.", person("Nancy Pelosi"))
	want(t, d, "Nancy Pelosi", "USAGOVLEG", "dict:PHOENIX_COUNTRIES:NANCY_PELOSI_")
}

// TestFixedOrganisations: organisations the Phoenix files lack, in tocsin's fixes, coded
// where no sentence names their country: the armed groups of Syria's and Iraq's wars as
// rebels of the country they fight in, India's parties, North Korea's army.
func TestFixedOrganisations(t *testing.T) {
	d := code(t, "2019-10-10", `Fighters of the People's Protection Units withdrew. Kataib Hezbollah blamed Washington.

A spokesperson for the Bharatiya Janata Party said the Korean People's Army had fired first.`,
		org("People's Protection Units"), org("Kataib Hezbollah"), loc("Washington"), org("Bharatiya Janata Party"), org("Korean People's Army"))
	want(t, d, "People's Protection Units", "SYRREB", "dict:TOCSIN_FIXES:PEOPLE'S_PROTECTION_UNITS_")
	want(t, d, "Kataib Hezbollah", "IRQREB", "dict:TOCSIN_FIXES:KATAIB_HEZBOLLAH_")
	want(t, d, "Bharatiya Janata Party", "INDPTY", "dict:TOCSIN_FIXES:BHARATIYA_JANATA_PARTY_")
	want(t, d, "Korean People's Army", "PRKMIL", "dict:TOCSIN_FIXES:KOREAN_PEOPLE'S_ARMY_")
}

// TestDivisionNotCountry: a name the dictionaries give a country ("Georgia") is coded as
// the country whose first-level division the places stage took it for, reading the
// places around it; where it took it for the country, the dictionary's code stays.
func TestDivisionNotCountry(t *testing.T) {
	pl, err := place.New()
	if err != nil {
		t.Fatal(err)
	}
	st := NewStage(testKB(t))
	for _, c := range []struct {
		body, code, rule string
	}{
		{"Clinton won Virginia, Georgia, Alabama and Tennessee on Tuesday, as Sanders won Vermont, Oklahoma and Minnesota.", "USA", "division:Georgia (US.GA), not dict:PHOENIX_COUNTRIES:GEORGIA_"},
		{"Russia sent troops into Georgia and Ukraine.", "GEO", "dict:PHOENIX_COUNTRIES:GEORGIA_"},
	} {
		ents := []ent{loc("Georgia")}
		for _, w := range []string{"Virginia", "Alabama", "Tennessee", "Vermont", "Oklahoma", "Minnesota", "Russia", "Ukraine"} {
			if strings.Contains(c.body, w) {
				ents = append(ents, loc(w))
			}
		}
		d := codeWith(t, stageFunc(func(ctx context.Context, d *doc.Document) error {
			if err := pl.Annotate(ctx, d); err != nil {
				return err
			}
			return st.Annotate(ctx, d)
		}), "2016-03-02", c.body, ents...)
		want(t, d, "Georgia", c.code, c.rule)
	}
}

// stageFunc runs a function as the stage after resolve.
type stageFunc func(context.Context, *doc.Document) error

func (stageFunc) Name() string                                          { return "test" }
func (f stageFunc) Annotate(ctx context.Context, d *doc.Document) error { return f(ctx, d) }

// TestUSBodiesWithoutCountry: the United States' federal bodies and party committees that
// news names without the country, which the Phoenix files know only with it.
func TestUSBodiesWithoutCountry(t *testing.T) {
	d := code(t, "2016-07-25", `The State Department released the emails on Friday. The Secret Service and the DNC declined to comment.`,
		org("State Department"), org("Secret Service"), org("DNC"))
	want(t, d, "State Department", "USAGOV", "dict:TOCSIN_FIXES:STATE_DEPARTMENT_")
	want(t, d, "Secret Service", "USAGOV", "dict:TOCSIN_FIXES:STATE_DEPARTMENT_")
	want(t, d, "DNC", "USAPTY", "dict:TOCSIN_FIXES:DEMOCRATIC_NATIONAL_COMMITTEE_")
}

// TestNameWithArticle: an organisation named with "The" is looked up without it too.
func TestNameWithArticle(t *testing.T) {
	d := code(t, "2016-07-25", `The Washington Post reported the emails on Friday.`, org("The Washington Post"))
	want(t, d, "The Washington Post", "MED", "dict:PHOENIX_INTERNATIONAL:WASHINGTON_POST")
}

// TestOrganisationKinds: the head words of data/orgheads.txt say what an organisation
// the dictionaries do not know is (a union, a firm, a university, a front); its country
// is the one its name gives, else its sentence's, else the article's when most of its
// places are in one country; a firm takes its country only from its name, and words that
// end names of no one kind ("Electoral College") code nothing. A place's name before a
// currency sign ("US$5 million") is no actor.
func TestOrganisationKinds(t *testing.T) {
	body := `The Vandran Workers union marched in Ruritania. Students of Vandran University joined them, and the Civil Vandran Front backed the strike.

Hong Kong Vandran Association and Kenya Vandran Corporation agreed. Vandran Motors and the Electoral College did not. Vandran Holdings paid US$5 million.

The strike in Ruritania went on.`
	d := code(t, "2019-06-16", body,
		org("Vandran Workers union"), loc("Ruritania"), org("Vandran University"), org("Civil Vandran Front"),
		org("Hong Kong Vandran Association"), org("Kenya Vandran Corporation"), org("Vandran Motors"),
		org("Electoral College"), org("Vandran Holdings"), loc("US"))
	// the places stage put Ruritania, named twice, in France
	for from := 0; ; {
		k := strings.Index(d.Text[from:], "Ruritania")
		if k < 0 {
			break
		}
		k += from
		d.Places = append(d.Places, doc.Place{Name: "Ruritania", Country: "FRA", Span: doc.Span{Start: k, End: k + len("Ruritania")}})
		from = k + 1
	}
	for i := range d.Entities {
		d.Entities[i].Actor, d.Entities[i].ActorRule = "", ""
	}
	if err := NewStage(testKB(t)).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want(t, d, "Vandran Workers union", "FRALAB", "descriptor:Workers union+context:Ruritania")
	want(t, d, "Vandran University", "FRAEDU", "descriptor:University+focus:FRA")
	want(t, d, "Civil Vandran Front", "FRAOPP", "descriptor:Front+focus:FRA")
	want(t, d, "Hong Kong Vandran Association", "HKGNGO", "descriptor:Hong Kong+Association")
	want(t, d, "Kenya Vandran Corporation", "KENBUS", "descriptor:Kenya+Corporation")
	want(t, d, "Vandran Motors", "", "")
	want(t, d, "Electoral College", "", "")
	want(t, d, "US", "", "")
}
