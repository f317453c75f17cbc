package casualty

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/dates"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

var (
	_ pipeline.Stage         = (*Stage)(nil)
	_ pipeline.LanguageBound = (*Stage)(nil)
)

// brief formats a count for comparison: "kind value qualifier [vague] [victims] [@place]".
func brief(c doc.Casualty) string {
	s := fmt.Sprintf("%s %d %s", c.Kind, c.Value, c.Qualifier)
	if c.Vague {
		s += " vague"
	}
	if c.Victims != "" {
		s += " " + c.Victims
	}
	if c.Place != "" {
		s += " @" + c.Place
	}
	return s
}

// briefs formats a document's counts and checks that each one's Text is its span.
func briefs(t *testing.T, d *doc.Document) string {
	t.Helper()
	var out []string
	for _, c := range d.Casualties {
		if got := d.Text[c.Start:c.End]; got != c.Text {
			t.Errorf("span [%d,%d) is %q, Text is %q", c.Start, c.End, got, c.Text)
		}
		out = append(out, brief(c))
	}
	return strings.Join(out, " | ")
}

// check runs each sentence as an article body and compares its counts with want.
func check(t *testing.T, cases map[string]string) {
	t.Helper()
	s := mustNew(t)
	for text, want := range cases {
		if got := briefs(t, analyze(t, s, "", text)); got != want {
			t.Errorf("%s\n got: %s\nwant: %s", text, got, want)
		}
	}
}

func TestSeed(t *testing.T) {
	src, err := os.ReadFile(sharedtest.Path(t, "seed/kerman-stampede.txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(strings.TrimLeft(string(src), "\n"), "\n")
	d := analyze(t, mustNew(t), title, body)
	want := []doc.Casualty{
		{Kind: "killed", Value: 50, Qualifier: AtLeast, Victims: "people", Place: "Kerman", Text: "At least 50 people have been killed"},
		{Kind: "injured", Value: 200, Qualifier: MoreThan, Place: "Kerman", Text: "more than 200 injured"},
	}
	if len(d.Casualties) != len(want) {
		t.Fatalf("got %d counts, want %d: %s", len(d.Casualties), len(want), briefs(t, d))
	}
	for i, c := range d.Casualties {
		if c.Start < d.BodyStart {
			t.Errorf("%s: the headline's count should be merged into the body's", brief(c))
		}
		if d.Text[c.Start:c.End] != c.Text {
			t.Errorf("%s: span does not hold its text", brief(c))
		}
		c.Span = doc.Span{}
		if c != want[i] {
			t.Errorf("count %d:\n got %+v\nwant %+v", i, c, want[i])
		}
	}
}

func TestPatterns(t *testing.T) {
	check(t, map[string]string{
		"At least 50 people have been killed and more than 200 injured in the city of Arak.": "killed 50 at_least people @Arak | injured 200 more_than @Arak",
		"Gunmen killed 12 soldiers near Gao.":                                                "killed 12 exact soldiers @Gao",
		"12 soldiers were killed on Monday.":                                                 "killed 12 exact soldiers",
		"The death toll rose to 56 on Sunday.":                                               "killed 56 exact",
		"All 189 on the aircraft died when the flight came down.":                            "killed 189 exact",
		"The fire killed five children in a church bus and two truck drivers.":               "killed 5 exact children | killed 2 exact drivers",
		"The blast killed five people in Kabul and two in Kandahar.":                         "killed 5 exact people @Kabul",
		"Police opened fire on the protesters; two were reported as injured.":                "injured 2 exact",
		"A teacher sustained a critical head injury while breaking up a fight.":              "injured 1 exact teacher",
		"The death toll rose from 40 to 56.":                                                 "killed 56 exact",
		"The death toll has climbed to more than 80.":                                        "killed 80 more_than",
		"56 dead as storm hits coast":                                                        "killed 56 exact",
		"The explosion left 3 dead and 20 wounded.":                                          "killed 3 exact | injured 20 exact",
		"The attack killed at least 7.":                                                      "killed 7 at_least",
		"One person died.":                                                                   "killed 1 exact person",
		"A policeman was killed in Lagos.":                                                   "killed 1 exact policeman @Lagos",
		"Two of the victims died in hospital.":                                               "killed 2 exact victims",
		"The jet crashed, killing 176 people on board.":                                      "killed 176 exact people",
		"Three gunmen killed 12 soldiers.":                                                   "killed 12 exact soldiers",
		"Raiders killed 9 guards and 2 drivers.":                                             "killed 9 exact guards | killed 2 exact drivers",
		"Two medics and a nurse were killed.":                                                "killed 2 exact medics | killed 1 exact nurse",
		"Nine miners were killed.":                                                           "killed 9 exact miners",
		"Fifty people, including 12 children, were killed.":                                  "killed 50 exact people",
		"Officials confirmed 8 deaths.":                                                      "killed 8 exact",
		"Seven police officers were among the dead.":                                         "killed 7 exact police officers",
		"One of the wounded later died.":                                                     "killed 1 exact wounded",
		"More than 200 injured people were taken to hospital.":                               "injured 200 more_than people",
		"The militants claimed to have killed 30 soldiers.":                                  "killed 30 exact soldiers",
		"A man aged 56 died at the scene.":                                                   "killed 1 exact man",
		"Officials said between 30 and 40 people had died.":                                  "killed 30 at_least people",
		"Four of whom were injured in the crush.":                                            "injured 4 exact",
		"The ministry put the number of injured at 412.":                                     "injured 412 exact",
		"Twelve bodies were pulled from the river.":                                          "killed 12 exact",
		"Twenty pilgrims drowned when the ferry sank.":                                       "killed 20 exact pilgrims",
		// A participle phrase between the count and its predicate; "the two men" refers.
		"At least five other people travelling with the two men were also killed.": "killed 5 at_least people",
		"Three workers living in the camp were injured.":                           "injured 3 exact workers",
		"Troops shot dead four protesters.":                                        "killed 4 exact protesters",
		"The unrest has claimed the lives of at least 86 people.":                  "killed 86 at_least people",
		"The bomber killed himself and 8 others.":                                  "killed 8 exact others",
		"The crash killed all 157 people on board.":                                "killed 157 exact people",
		"Sixty-six people or more were injured.":                                   "injured 66 at_least people",
		"Thirty were hurt, two of them seriously.":                                 "injured 30 exact",
		"Forty passengers were hurt; the driver was not.":                          "injured 40 exact passengers",
		"“Three militants” were killed, the army said.":                            "killed 3 exact militants",
		"The rebels kidnapped a priest and two nuns.":                              "kidnapped 1 exact priest | kidnapped 2 exact nuns",
		"Officers arrested a 36-year-old man on Friday.":                           "arrested 1 exact man",
		"The blast, which happened at 10:30, killed 5 people.":                     "killed 5 exact people",
		"A further 12 people were reported missing.":                               "missing 12 exact people",
		"Rescuers found 30 people dead in the rubble of the mill.":                 "killed 30 exact people",
		"The quake left 2,500 people homeless.":                                    "displaced 2500 exact people",
		"The fighting forced tens of thousands of people to flee.":                 "displaced 20000 at_least vague people",
	})
}

func TestKinds(t *testing.T) {
	check(t, map[string]string{
		"Troops detained 40 students.":                   "arrested 40 exact students",
		"Nine people were taken into custody.":           "arrested 9 exact people",
		"Eleven climbers are still missing.":             "missing 11 exact climbers",
		"Sixty-one people remain unaccounted for.":       "missing 61 exact people",
		"Rebels abducted 30 villagers.":                  "kidnapped 30 exact villagers",
		"Twenty pilgrims were taken hostage.":            "kidnapped 20 exact pilgrims",
		"About 5,000 residents were evacuated.":          "displaced 5000 about residents",
		"Thousands have fled their homes.":               "displaced 2000 at_least vague",
		"Fourteen people were hospitalised overnight.":   "injured 14 exact people",
		"Six were treated for injuries.":                 "injured 6 exact",
		"The blast wounded 23 people.":                   "injured 23 exact people",
		"Three people lost their lives in the collapse.": "killed 3 exact people",
		"Eight were crushed to death.":                   "killed 8 exact",
		"Ten men perished at sea.":                       "killed 10 exact men",
	})
}

func TestNumbers(t *testing.T) {
	check(t, map[string]string{
		"Twenty-three miners were killed.":                     "killed 23 exact miners",
		"Two hundred and fifty people were evacuated.":         "displaced 250 exact people",
		"Two thousand five hundred people were evacuated.":     "displaced 2500 exact people",
		"The virus has killed 1.5 million people.":             "killed 1500000 exact people",
		"1,200 people were injured.":                           "injured 1200 exact people",
		"A dozen people died.":                                 "killed 12 exact people",
		"Nearly two dozen people were wounded.":                "injured 24 about people",
		"Several hundred people were arrested.":                "arrested 300 at_least vague people",
		"Dozens were wounded.":                                 "injured 24 at_least vague",
		"Scores were arrested.":                                "arrested 40 at_least vague",
		"Hundreds were injured.":                               "injured 200 at_least vague",
		"Thousands were displaced.":                            "displaced 2000 at_least vague",
		"Tens of thousands were displaced.":                    "displaced 20000 at_least vague",
		"Hundreds of thousands of people have been displaced.": "displaced 200000 at_least vague people",
		"Several were killed.":                                 "killed 3 at_least vague",
		"A handful of soldiers were hurt.":                     "injured 3 at_least vague soldiers",
		"Around 2000 people died.":                             "killed 2000 about people",
		"In 2000 people died.":                                 "",
		"3.5 people died.":                                     "",
	})
}

func TestQualifiers(t *testing.T) {
	check(t, map[string]string{
		"No fewer than 9 people died.":            "killed 9 at_least people",
		"A minimum of 4 people were killed.":      "killed 4 at_least people",
		"Upwards of 60 people were injured.":      "injured 60 more_than people",
		"In excess of 100 people were detained.":  "arrested 100 more_than people",
		"Over 70 people died.":                    "killed 70 more_than people",
		"Nearly 70 people died.":                  "killed 70 about people",
		"Almost 30 people died.":                  "killed 30 about people",
		"Some 600 migrants remain missing.":       "missing 600 about migrants",
		"An estimated 500 people were displaced.": "displaced 500 about people",
		"Roughly 40 people were hurt.":            "injured 40 about people",
		"Up to 15 people were missing.":           "missing 15 up_to people",
		"As many as 80 people were hurt.":         "injured 80 up_to people",
		"40 or more people died.":                 "killed 40 at_least people",
	})
}

func TestNotCounts(t *testing.T) {
	cases := map[string]string{}
	for _, s := range []string{
		// hypothetical, future, threatened, hedged
		"The storm could kill thousands.",
		"Militants threatened to kill the 20 hostages.",
		"Up to 30 people may have died.",
		"Such a blast would kill hundreds.",
		"The bombing could have killed hundreds of shoppers.",
		"Fifty people are feared dead.",
		"More than 200 protesters have been killed since the beginning of the unrest.",
		"It was the police that killed the innocent people of the town.",
		"The storm killed the children of the village.",
		"The government will evacuate 10,000 people.",
		"Officials plan to evacuate 5,000 residents.",
		"He said thousands of deaths could be prevented.",
		"Police want to arrest 12 suspects.",
		// other quantities
		"The convoy travelled 200 miles.",
		"The march stretched across several miles.",
		"Crowds gathered for the 1989 funeral.",
		"The fund raised $5 million for victims.",
		"The victim was 56 years old.",
		"About 2,000 troops were deployed.",
		"Daniel Okafor, 19, was arrested on Friday.",
		"The floods killed 300 sheep.",
		"Nearly 3,000 families were left homeless.",
		"The two missing pieces were found.",
		// crowds
		"She spoke to a crowd of hundreds of thousands in Tehran.",
		// background history
		"Survivors of the 1988 attack, which killed 290 people, met on Friday.",
		"The attack was the deadliest since 2015, when 130 people were killed.",
		"Five years ago, 40 workers died in a fire.",
		"About 30 people died in a similar accident on the same road.",
		"In 1989, about 300 people died in a stampede.",
		"This revised an earlier toll of 27 dead.",
		// negation
		"No one was killed.",
		"There were no casualties.",
		"Nobody was hurt.",
		"None of the 200 passengers was injured.",
		"Not a single person died.",
		"Twelve people were not hurt.",
		// rates, mixed kinds, no number
		"The region records four deaths per 100,000 people.",
		"Forty people were killed or injured.",
		"Soleimani's remains and those of the other victims killed in last week's US airstrike were brought to a central square.",
		"Two of the injured are in critical condition.",
	} {
		cases[s] = ""
	}
	check(t, cases)
}

func TestPublicationYear(t *testing.T) {
	s := mustNew(t)
	// The count's own date says it is history, even with the year out of its clause.
	withDates := func(text, published string) *doc.Document {
		d := pipeline.NewDocument(&article.Article{Body: text, Language: "en", Published: published})
		for _, st := range []pipeline.Stage{segment.Stage{}, dates.New(), s} {
			if err := st.Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	old := "The turnout was the largest since the 1989 funeral of the republic's founder, Ruhollah Khomeini, where a crush also killed several people."
	if got := briefs(t, withDates(old, "2020-01-07")); got != "" {
		t.Errorf("a 1989 count in 2020: got %q, want nothing (background)", got)
	}
	if got := briefs(t, withDates("A crush killed 12 people on December 30.", "2020-01-02")); got != "killed 12 exact people" {
		t.Errorf("last week's count across new year: got %q", got)
	}
	text := "In 2019 floods, 50 people died."
	if got := briefs(t, analyzeDated(t, s, "", text, "2024-03-01")); got != "" {
		t.Errorf("published 2024: got %q, want nothing (background)", got)
	}
	if got := briefs(t, analyzeDated(t, s, "", text, "2019-08-01")); got != "killed 50 exact people" {
		t.Errorf("published 2019: got %q", got)
	}
}

func TestHeadline(t *testing.T) {
	s := mustNew(t)
	for _, tc := range []struct{ title, body, want string }{
		// same incident: the body's record stays, the headline's goes
		{"50 mourners dead after stampede at Soleimani burial", "At least 50 people have been killed in a stampede in Kerman.", "killed 50 at_least people @Kerman"},
		// the headline is more precise than a vague body count: it replaces it, taking the
		// body's victims and place where it has none
		{"Bombing in Quetta kills 31", "Dozens of people were killed in the bombing.", "killed 31 exact people @Quetta"},
		// no body count of that kind: the headline's stays
		{"Blast kills 12", "The explosion tore through a market on Friday.", "killed 12 exact"},
		{"Fire injures 20", "Two firefighters were killed.", "injured 20 exact | killed 2 exact firefighters"},
		// different figures of the same kind are both kept
		{"Plane crash leaves two dead", "One passenger was pronounced dead at the scene.", "killed 2 exact | killed 1 exact passenger"},
		{"More than 20 dead in floods", "Officials said 23 people had died.", "killed 23 exact people"},
		// a base verb counts in a headline, not in the body
		{"Troops kill 12 rebels", "The operation lasted two days.", "killed 12 exact rebels"},
		{"Raids in the north", "Officers arrest 12 protesters whenever they march.", ""},
	} {
		d := analyze(t, s, tc.title, tc.body)
		if got := briefs(t, d); got != tc.want {
			t.Errorf("%s / %s\n got: %s\nwant: %s", tc.title, tc.body, got, tc.want)
		}
	}
}

func TestPlacesLayer(t *testing.T) {
	s := mustNew(t)
	d := pipeline.NewDocument(&article.Article{Body: "At least 50 people were killed at Mehrabad on Friday. Officials met in Tehran.", Language: "en"})
	if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	at := func(name string) doc.Span {
		i := strings.Index(d.Text, name)
		return doc.Span{Start: i, End: i + len(name)}
	}
	d.Places = []doc.Place{{Name: "Tehran Mehrabad Airport", Span: at("Mehrabad")}, {Name: "Tehran", Span: at("Tehran")}}
	if err := s.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := briefs(t, d); got != "killed 50 at_least people @Tehran Mehrabad Airport" {
		t.Errorf("got %s", got)
	}
}

func TestDate(t *testing.T) {
	d := pipeline.NewDocument(&article.Article{Body: "On Tuesday, at least 50 people were killed in Kerman.", Language: "en", Published: "2020-01-08"})
	ctx := context.Background()
	for _, st := range []pipeline.Stage{segment.Stage{}, dates.New(), mustNew(t)} {
		if err := st.Annotate(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if len(d.Casualties) != 1 || d.Casualties[0].Date != "2020-01-07" {
		t.Errorf("got %+v, want one count dated 2020-01-07", d.Casualties)
	}
}

func TestPipelineLanguage(t *testing.T) {
	p := pipeline.New(segment.Stage{}, mustNew(t))
	ctx := context.Background()
	d, err := p.Analyze(ctx, &article.Article{Body: "Trois personnes ont été tuées. 3 people were killed.", Language: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Casualties) != 0 || !slices.ContainsFunc(d.Skipped, func(s doc.Skip) bool { return s.Stage == "casualties" }) {
		t.Errorf("French document: casualties %v, skipped %v; want the stage skipped", d.Casualties, d.Skipped)
	}
	d, err = p.Analyze(ctx, &article.Article{Body: "3 people were killed.", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if got := briefs(t, d); got != "killed 3 exact people" {
		t.Errorf("English document: got %q", got)
	}
}

func TestExtraVocabulary(t *testing.T) {
	extra := "# a user's additions\n[killed]\nwent down with the ship\n[victim]\ncrew\n[unit]\nlifeboats\n"
	s, err := New(strings.NewReader(extra))
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"Forty sailors went down with the ship.": "killed 40 exact sailors",
		"The storm killed 12 lifeboats.":         "",
	} {
		if got := briefs(t, analyze(t, s, "", text)); got != want {
			t.Errorf("%s: got %q, want %q", text, got, want)
		}
	}
	if got := briefs(t, analyze(t, mustNew(t), "", "Forty sailors went down with the ship.")); got != "" {
		t.Errorf("without the extra file: got %q, want nothing", got)
	}
	_, err = New(strings.NewReader("[victims]\nsailors\n"))
	if err == nil || !strings.Contains(err.Error(), "extra vocabulary 1:1") || !strings.Contains(err.Error(), "victims") {
		t.Errorf("unknown heading: err = %v, want one naming the file, line and heading", err)
	}
	_, err = New(strings.NewReader("[vague many]\nloads\n"))
	if err == nil {
		t.Error("[vague many]: want an error")
	}
}

func TestParseDigits(t *testing.T) {
	for s, want := range map[string]float64{"56": 56, "1,200": 1200, "200,000": 200000, "1.5": 1.5, "0": 0} {
		if v, ok := parseDigits(s); !ok || v != want {
			t.Errorf("parseDigits(%q) = %v, %v; want %v", s, v, ok, want)
		}
	}
	for _, s := range []string{"1,20", "12,0000", "9/11", "10:30", "1.", "50-year-old", ",5"} {
		if v, ok := parseDigits(s); ok {
			t.Errorf("parseDigits(%q) = %v, want no number", s, v)
		}
	}
}

func TestConcurrent(t *testing.T) {
	s := mustNew(t)
	text := "At least 50 people have been killed and more than 200 injured in a stampede in Kerman."
	want := briefs(t, analyze(t, s, "", text))
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				d := pipeline.NewDocument(&article.Article{Body: text, Language: "en"})
				segment.Stage{}.Annotate(context.Background(), d)
				s.Annotate(context.Background(), d)
				got := make([]string, len(d.Casualties))
				for i, c := range d.Casualties {
					got[i] = brief(c)
				}
				if g := strings.Join(got, " | "); g != want {
					t.Errorf("concurrent: got %s, want %s", g, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestEvaluate(t *testing.T) {
	for _, tc := range []struct {
		path       string
		minP, minR float64
	}{
		{"testdata/dev.jsonl", 0.99, 0.97},
		{"testdata/heldout.jsonl", 0.99, 0.99},
		{"testdata/dev-individuals.jsonl", 0.99, 0.95},
	} {
		sc, err := Evaluate(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %v", tc.path, sc)
		if sc.TP+sc.FN < 30 || sc.Precision() < tc.minP || sc.Recall() < tc.minR {
			t.Errorf("%s: %v; want P >= %.2f, R >= %.2f", tc.path, sc, tc.minP, tc.minR)
		}
	}
	// The short reports of dev-individuals.jsonl also give their reconciled totals.
	tot, err := EvaluateTotals("testdata/dev-individuals.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("testdata/dev-individuals.jsonl: totals exact %v", tot)
	if tot.Of < 40 || tot.Share() < 0.95 {
		t.Errorf("testdata/dev-individuals.jsonl: totals exact %v, want at least 0.95 of 40 or more", tot)
	}
	bad := t.TempDir() + "/bad.jsonl"
	os.WriteFile(bad, []byte("{\"text\": \"One person died.\", \"want\": []}\n{not json\n"), 0o644)
	if _, err := Evaluate(bad); err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("bad line: err = %v, want one naming the file and line 2", err)
	}
	if _, err := Evaluate(t.TempDir() + "/missing.jsonl"); err == nil {
		t.Error("missing file: want an error")
	}
}

// TestIndividuals: one person named without a number counts one (issue 10): a name, a
// pronoun, "the" or "a" with a noun for a person; shot or stabbed without a word of death
// is injured, and "shot ... and died" is killed.
func TestIndividuals(t *testing.T) {
	check(t, map[string]string{
		"Zamperoni was pronounced dead at the scene.": "killed 1 exact",
		"He died today.":                                                      "killed 1 exact",
		"The driver died in hospital on Sunday.":                              "killed 1 exact driver",
		"An engineer was killed while working at the station.":                "killed 1 exact engineer",
		"A state lawmaker sustained a critical head injury on Tuesday.":       "injured 1 exact lawmaker",
		"A city official was killed in the blast.":                            "killed 1 exact official",
		"A man was shot and wounded outside a bar.":                           "injured 1 exact man",
		"Police said a boy shot in the head was in a critical condition.":     "injured 1 exact boy",
		"Wiranto was stabbed on Thursday.":                                    "injured 1 exact",
		"The mayor was shot at a rally and died in hospital.":                 "killed 1 exact mayor",
		"Leon van Biljon, owner of the lodge, was killed by his lions.":       "killed 1 exact",
		"Police arrived and shot him dead.":                                   "killed 1 exact",
		"A bomb killed photojournalist Ziad al-Sharabi.":                      "killed 1 exact",
		"The local police chief and two others were also injured.":            "injured 1 exact police chief | injured 2 exact others",
		"Around twenty more were injured.":                                    "injured 20 about",
		"On Saturday, a gunman shot shoppers at a store.":                     "",
		"Officials were hurt by the decision.":                                "",
		"Top general Salami said the martyr is stronger now that he is dead.": "",
		"The fire died down by morning.":                                      "",
	})
}

// TestTotals: an article's count of a kind is the reconciled total of its counts.
func TestTotals(t *testing.T) {
	s := mustNew(t)
	cases := []struct {
		title, body string
		want        map[string]int
	}{
		{"", "An IT worker went on a stabbing spree, killing four. A fifth person was hospitalized in critical condition. The attacker was shot dead by police. Three of the victims were male police officers. The toll is heavy, several police lost their lives.", map[string]int{"killed": 5, "injured": 1}},
		{"", "A man wearing a fake vest injured a man and two women. The officers eventually shot him dead. Two women and a man were injured, according to the reports.", map[string]int{"killed": 1, "injured": 3}},
		{"", "Mayor Adamowicz was stabbed last night on stage. He died today.", map[string]int{"killed": 1}},
		{"", "At least seventeen people died. The embassy confirmed two pilgrims from Myanmar also died.", map[string]int{"killed": 17}},
		{"", "A bomb killed photojournalist Ziad al-Sharabi. At least five other civilians also died; around twenty more were injured.", map[string]int{"killed": 6, "injured": 20}},
		{"Plane crash leaves two dead, three injured", "One was pronounced dead at the crash site. Another later died. A bystander was also injured.", map[string]int{"killed": 2, "injured": 3}},
		{"", "Wiranto was stabbed. The local police chief and two others were also injured.", map[string]int{"injured": 4}},
		{"", "Dozens died in the attack. The spokesman said the attack had killed twelve.", map[string]int{"killed": 12}},
		{"", "Three tourists and a Briton died when their light aircraft crashed into trees. The fifth person on board is undergoing treatment for bruising.", map[string]int{"killed": 4, "injured": 1}},
		{"", "The ferry capsized on the river. The minister said at least 80 people had been confirmed dead. However, the police later announced a provisional death toll of 138.", map[string]int{"killed": 138}},
		{"", "The robber Garcia was gunned down by police. Officers had surrounded the bank for hours. Negotiators spoke to him by phone. Shots were then heard and Garcia was shot in the doorway.", map[string]int{"killed": 1}},
	}
	for _, c := range cases {
		got := s.Totals(analyze(t, s, c.title, c.body))
		for kind, v := range got {
			if v == 0 {
				delete(got, kind)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%.60q: totals %v, want %v", c.body, got, c.want)
		}
	}
}
