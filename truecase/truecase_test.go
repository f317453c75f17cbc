package truecase_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/pipeline/standard"
)

var (
	stdOnce sync.Once
	std     *pipeline.Pipeline
	stdErr  error
)

// analyze runs the standard pipeline on an article of title and body.
func analyze(t *testing.T, title, body string) *doc.Document {
	t.Helper()
	stdOnce.Do(func() { std, stdErr = standard.New(standard.Options{}) })
	if stdErr != nil {
		t.Fatal(stdErr)
	}
	d, err := std.Analyze(t.Context(), &article.Article{Title: title, Body: body, Published: "2020-01-10", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// events returns "code source target place" of each event of d, sorted.
func events(d *doc.Document) []string {
	var out []string
	for _, e := range d.Events {
		place := ""
		if e.Place != nil {
			place = e.Place.Name
		}
		out = append(out, fmt.Sprintf("%s %s %s %s", e.Code, e.Source, e.Target, place))
	}
	slices.Sort(out)
	return out
}

// TestTitleCaseHeadlineEvents: a headline in title case yields the events of the same
// headline in ordinary case, in the title and as the first line of a body, for headlines
// of several kinds: an arrest, an expulsion, an attack with numbers, a visit with an
// infinitive, a verb after a colon and a noun phrase of a name of several words.
func TestTitleCaseHeadlineEvents(t *testing.T) {
	cases := []struct{ title, plain string }{
		{"Police Arrest 20 Protesters in Nairobi", "Police arrest 20 protesters in Nairobi"},
		{"Kenya Expels Two American Diplomats", "Kenya expels two American diplomats"},
		{"Gunmen Kill Five Soldiers in Mali", "Gunmen kill five soldiers in Mali"},
		{"Sudan Leader Visits Lesotho to Deepen Ties", "Sudan leader visits Lesotho to deepen ties"},
		{"Egypt: Security Forces Detain Opposition Leader", "Egypt: security forces detain opposition leader"},
		{"United Nations Condemns Attack on Peacekeepers", "United Nations condemns attack on peacekeepers"},
		{"Taliban Rejects Peace Offer From Afghan Government", "Taliban rejects peace offer from Afghan government"},
		{"Iran Accuses Israel of Attack on Tanker", "Iran accuses Israel of attack on tanker"},
	}
	for _, c := range cases {
		wantPlainEvents(t, events, c.title, c.plain, false)
	}
}

// wantPlainEvents checks that headline, as a body's first line and as the title (and, with
// listItem, as a numbered item of a list), yields the events norm lists of the same
// headline in ordinary case.
func wantPlainEvents(t *testing.T, norm func(*doc.Document) []string, headline, plain string, listItem bool) {
	t.Helper()
	want := norm(analyze(t, "Report", plain))
	if len(want) == 0 {
		t.Errorf("%q: no event in ordinary case; choose another headline", plain)
		return
	}
	if got := norm(analyze(t, "Report", headline)); !slices.Equal(got, want) {
		t.Errorf("%q as a body's first line: events %q, want those of %q: %q", headline, got, plain, want)
	}
	if got := norm(analyze(t, headline, "")); !slices.Equal(got, want) {
		t.Errorf("%q as the title: events %q, want %q", headline, got, want)
	}
	if !listItem {
		return
	}
	if got := norm(analyze(t, "Report", "Things to know today.\n\n2. "+headline+".")); !slices.Equal(got, want) {
		t.Errorf("%q as an item of a list: events %q, want %q", headline, got, want)
	}
}

// TestTitleCaseKeepsNames: the names of a title-case headline stay capitalised and stay
// entities, whether the article writes them (a surname that is also a verb, "Bush"), the
// gazetteer holds them ("Theresa May") or no lexicon knows them ("Lesotho"); the words
// ordinary case writes in lower case are lowered, also when only the article says so.
func TestTitleCaseKeepsNames(t *testing.T) {
	d := analyze(t, "Theresa May Meets Bush in Lesotho Over Trade Pact",
		"The British prime minister met former president George Bush in Maseru on Friday. "+
			"Bush said the trade pact would be signed next year.")
	got := map[string]string{}
	for _, k := range d.Tokens {
		if k.Start >= d.BodyStart {
			break
		}
		got[k.Text] = k.Form()
	}
	want := map[string]string{"Theresa": "Theresa", "May": "May", "Meets": "meets", "Bush": "Bush",
		"Lesotho": "Lesotho", "Over": "over", "Trade": "trade", "Pact": "pact"}
	for w, f := range want {
		if got[w] != f {
			t.Errorf("%q read as %q, want %q", w, got[w], f)
		}
	}
	var names []string
	for _, e := range d.Entities {
		if e.End <= d.BodyStart {
			names = append(names, e.Text+"/"+e.Type)
		}
	}
	for _, n := range []string{"Theresa May/PERSON", "Bush/PERSON", "Lesotho/LOCATION"} {
		if !slices.Contains(names, n) {
			t.Errorf("headline entities %q lack %q", names, n)
		}
	}
	// What the output quotes keeps the headline as written.
	if s := d.Sentences[0].Text; !strings.Contains(s, "Meets Bush in Lesotho Over Trade Pact") {
		t.Errorf("sentence text %q changed", s)
	}
}

// TestOrdinaryCaseUntouched: a sentence in ordinary case, however many names it holds,
// and a body sentence after the first of its paragraph are left as written.
func TestOrdinaryCaseUntouched(t *testing.T) {
	d := analyze(t, "Police arrest 20 protesters in Nairobi",
		"Kenyan police arrested 20 protesters in Nairobi on Friday. Barack Obama And Angela Merkel Watched.\n\n"+
			"Barack Obama met Angela Merkel in Berlin.")
	for _, k := range d.Tokens {
		if k.Truecased != "" {
			t.Errorf("%q at %d truecased as %q", k.Text, k.Start, k.Truecased)
		}
	}
}

// TestCapsHeadlineEvents: a headline written in capitals yields the events of the same
// headline in ordinary case, in the title and as a body's line, for headlines of several
// kinds: an arrest with a number, an expulsion with "US", a report of speech with a
// pronoun and a clitic, an accusation with a name of several words, a numbered item of a
// list, and a dateline in capitals that opens a sentence of ordinary case.
func TestCapsHeadlineEvents(t *testing.T) {
	cases := []struct{ caps, plain string }{
		{"POLICE ARREST 20 PROTESTERS IN NAIROBI", "Police arrest 20 protesters in Nairobi"},
		{"KENYA EXPELS TWO US DIPLOMATS", "Kenya expels two US diplomats"},
		{"RUSSIA'S PRESIDENT SAYS IT WILL EXPEL BRITISH DIPLOMATS", "Russia's president says it will expel British diplomats"},
		{"GUNMEN KILL FIVE SOLDIERS IN MALI", "Gunmen kill five soldiers in Mali"},
		{"UNITED NATIONS CONDEMNS ATTACK ON PEACEKEEPERS", "United Nations condemns attack on peacekeepers"},
		{"IRAN ACCUSES ISRAEL OF ATTACK ON TANKER", "Iran accuses Israel of attack on tanker"},
		{"NATO ACCUSES RUSSIA OF AGGRESSION", "NATO accuses Russia of aggression"},
	}
	for _, c := range cases {
		wantPlainEvents(t, folded, c.caps, c.plain, true)
	}
	lead, plain := "ABUJA, Nigeria — Soldiers killed five militants on Friday.", "Abuja, Nigeria — Soldiers killed five militants on Friday."
	want := folded(analyze(t, "Report", plain))
	if got := folded(analyze(t, "Report", lead)); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("%q: events %q, want those of %q: %q", lead, got, plain, want)
	}
}

// folded returns the events of d as events does, in lower case: the place's name is
// quoted as written.
func folded(d *doc.Document) []string {
	out := events(d)
	for i := range out {
		out[i] = strings.ToLower(out[i])
	}
	return out
}

// forms returns the form each word of d's first sentence is read in.
func forms(d *doc.Document) []string {
	var out []string
	sn := d.Sentences[0]
	for _, k := range d.Tokens[sn.FirstToken:sn.EndToken] {
		out = append(out, k.Form())
	}
	return out
}

// TestCapsAcronyms: in a sentence in capitals, acronyms stay in capitals, whether the
// lexicons know them ("US", "UN", "EU", "NATO"), the article writes them so ("ECOWAS") or
// they have no vowel ("DRC"); the other words take their ordinary case, names
// capitalised, and the opening word capitalised; the article's "Nato" wins over the list.
func TestCapsAcronyms(t *testing.T) {
	d := analyze(t, "US AND UK URGE NATO, EU AND ECOWAS TO SEND UN TROOPS TO DRC'S BORDER",
		"Leaders of the ECOWAS bloc met on Friday.")
	want := "US and UK urge NATO , EU and ECOWAS to send UN troops to DRC 's border"
	if got := strings.Join(forms(d), " "); got != want {
		t.Errorf("read as %q, want %q", got, want)
	}
	d = analyze(t, "NATO ALLIES MEET IN BRUSSELS", "Nato allies met in Brussels on Friday, and Nato said more.")
	if got, want := strings.Join(forms(d), " "), "Nato allies meet in Brussels"; got != want {
		t.Errorf("read as %q, want %q", got, want)
	}
	// What the output quotes keeps the headline as written.
	if s := d.Sentences[0].Text; s != "NATO ALLIES MEET IN BRUSSELS" {
		t.Errorf("sentence text %q changed", s)
	}
}

// TestCapsOrdinaryUntouched: sentences in ordinary case that open with one acronym or hold
// several are left as written, in the title and in the body.
func TestCapsOrdinaryUntouched(t *testing.T) {
	d := analyze(t, "UN envoy meets NATO and EU officials",
		"UN officials said on Friday that NATO troops would stay.\n\n"+
			"The US and the UK backed the plan. BBC reporters saw the convoy.\n\n"+
			"NATO said the EU would pay.")
	for _, k := range d.Tokens {
		if k.Truecased != "" {
			t.Errorf("%q at %d truecased as %q", k.Text, k.Start, k.Truecased)
		}
	}
}
