package story

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	wikinews "github.com/tocsin-project/tocsin/internal/wikinews"
	"github.com/tocsin-project/tocsin/samples"
)

func TestReconcile(t *testing.T) {
	c := func(v int, q, pub string) Claim { return Claim{Value: v, Qualifier: q, Published: pub} }
	for _, tc := range []struct {
		name      string
		claims    []Claim
		best      int
		qualifier string
		low, high int
	}{
		{"a toll revised upwards is its latest exact figure",
			[]Claim{c(35, "at_least", "2020-01-07T10"), c(40, "at_least", "2020-01-07T12"), c(50, "exact", "2020-01-07T18"), c(56, "exact", "2020-01-08")},
			56, "exact", 35, 56},
		{"a later floor below the exact figure does not replace it",
			[]Claim{c(213, "exact", "2020-01-07"), c(200, "more_than", "2020-01-08")}, 213, "exact", 200, 213},
		{"a later floor above it does",
			[]Claim{c(22, "exact", "2020-01-24"), c(41, "at_least", "2020-01-27")}, 41, "at_least", 22, 41},
		{"claims are put in publication order",
			[]Claim{c(56, "exact", "2020-01-08"), c(35, "exact", "2020-01-07")}, 56, "exact", 35, 56},
		{"an official revision downward is taken",
			[]Claim{c(80, "exact", "2020-01-08"), c(60, "exact", "2020-01-09")}, 60, "exact", 60, 80},
		{"a ceiling is the figure only alone, and the lowest then",
			[]Claim{c(30, "up_to", "2020-01-01"), c(20, "up_to", "2020-01-02")}, 20, "up_to", 20, 30},
		{"a ceiling does not replace a figure",
			[]Claim{c(12, "exact", "2020-01-01"), c(30, "up_to", "2020-01-02")}, 12, "exact", 12, 30},
	} {
		got := Reconcile(tc.claims)
		if got.Best != tc.best || got.Qualifier != tc.qualifier || got.Low != tc.low || got.High != tc.high {
			t.Errorf("%s: got best %d %s, low %d, high %d; want %d %s, %d, %d", tc.name,
				got.Best, got.Qualifier, got.Low, got.High, tc.best, tc.qualifier, tc.low, tc.high)
		}
		for i := 1; i < len(got.Claims); i++ {
			if got.Claims[i].Published < got.Claims[i-1].Published {
				t.Errorf("%s: claims out of publication order: %v", tc.name, got.Claims)
			}
		}
	}
}

func TestBCubed(t *testing.T) {
	gold := map[string]string{"a": "x", "b": "x", "c": "y"}
	pred := map[string]string{"a": "1", "b": "2", "c": "2"}
	p, r, f := BCubed(pred, gold)
	// a: P 1, R 1/2; b: P 1/2, R 1/2; c: P 1/2, R 1.
	if !near(p, 2.0/3) || !near(r, 2.0/3) || !near(f, 2.0/3) {
		t.Errorf("got P %.3f R %.3f F %.3f, want 0.667 each", p, r, f)
	}
	if p, r, _ := BCubed(map[string]string{}, gold); p != 1 || !near(r, (0.5+0.5+1)/3) {
		t.Errorf("all singletons: got P %.3f R %.3f, want 1 and 0.667", p, r)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// sampleDocs analyses the sample articles at the given 1-based lines, in that order.
func sampleDocs(t *testing.T, lines ...int) ([]*doc.Document, map[string]map[string]int) {
	t.Helper()
	p, cas := analyzers(t)
	var all []*article.Article
	sc := bufio.NewScanner(bytes.NewReader(samples.JSONL()))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ Title, Text, Published, Source, URL, Language string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		all = append(all, &article.Article{Title: a.Title, Body: a.Text, Published: a.Published, Source: a.Source, URL: a.URL, Language: a.Language})
	}
	var docs []*doc.Document
	totals := map[string]map[string]int{}
	for _, l := range lines {
		d, err := p.Analyze(context.Background(), all[l-1])
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		totals[d.ID] = cas.Totals(d)
	}
	return docs, totals
}

// link runs the linker over docs in order and returns the story of each article's lead
// unit, and every story.
func link(t *testing.T, docs []*doc.Document, totals map[string]map[string]int) ([]*Story, *Memory) {
	t.Helper()
	mem := NewMemory()
	l := NewLinker()
	var leads []*Story
	for _, d := range docs {
		of, touched, err := l.Link(Units(d, totals[d.ID]), mem)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range touched {
			mem.Put(s)
		}
		if len(of) == 0 {
			t.Fatalf("%s: no unit", d.Title)
		}
		leads = append(leads, of[0])
	}
	return leads, mem
}

func TestLinkSampleReports(t *testing.T) {
	// Kerman stampede (35, at least 40, 50 dead), the Elazig quake (22, then 41) and
	// the Albania quake two months before: three happenings.
	docs, totals := sampleDocs(t, 28, 5, 6, 7, 26, 27)
	leads, mem := link(t, docs, totals)
	albania, kerman, elazig := leads[0], leads[1], leads[4]
	if leads[2] != kerman || leads[3] != kerman {
		t.Errorf("Kerman reports in stories %s, %s, %s; want one", leads[1].ID, leads[2].ID, leads[3].ID)
	}
	if leads[5] != elazig {
		t.Errorf("Elazig reports in stories %s and %s; want one", elazig.ID, leads[5].ID)
	}
	if albania == kerman || albania == elazig || kerman == elazig {
		t.Errorf("three happenings share a story: %s %s %s", albania.ID, kerman.ID, elazig.ID)
	}
	k := kerman.Casualties["killed"]
	if k == nil {
		t.Fatalf("Kerman story has no killed figure: %+v", kerman.Casualties)
	}
	var vals []int
	for _, c := range k.Claims {
		vals = append(vals, c.Value)
	}
	if !slices.Equal(vals, []int{35, 40, 50}) || k.Best != 50 || k.Low != 35 || k.High != 50 {
		t.Errorf("Kerman killed: claims %v best %d low %d high %d; want 35 40 50, 50, 35, 50", vals, k.Best, k.Low, k.High)
	}
	if e := elazig.Casualties["killed"]; e == nil || e.Best != 41 {
		t.Errorf("Elazig killed: %+v, want best 41", e)
	}
	if len(kerman.Articles) != 3 || len(kerman.Sources) != 3 || kerman.FirstSeen != "2020-01-07" {
		t.Errorf("Kerman: %d articles, sources %v, first seen %q; want 3, 3, 2020-01-07", len(kerman.Articles), kerman.Sources, kerman.FirstSeen)
	}
	if kerman.Place == nil || kerman.Place.Country != "IRN" || kerman.Date != "2020-01-07" {
		t.Errorf("Kerman place %v date %q; want in IRN on 2020-01-07", kerman.Place, kerman.Date)
	}
	// The same stream in the same order gives the same stories.
	_, again := link(t, docs, totals)
	ids := func(m *Memory) (out []string) {
		for _, s := range m.Stories() {
			out = append(out, s.ID+" "+s.Label)
		}
		return out
	}
	if a, b := ids(mem), ids(again); !slices.Equal(a, b) {
		t.Errorf("two runs differ:\n%v\n%v", a, b)
	}
}

func TestRepeatedThreatsAreOneUnit(t *testing.T) {
	d := &doc.Document{ID: "x", Title: "t", Published: "2020-01-04",
		Text: "Iran vowed revenge. Iran threatened America. Iran warned Washington.",
		Sentences: []doc.Sentence{{Text: "Iran vowed revenge.", Span: doc.Span{Start: 0, End: 19}},
			{Text: "Iran threatened America.", Span: doc.Span{Start: 20, End: 44}},
			{Text: "Iran warned Washington.", Span: doc.Span{Start: 45, End: 68}}},
		Events: []doc.Event{
			{Source: "IRN", Target: "USA", Code: "138", QuadClass: 3, Sentence: 0},
			{Source: "IRNGOV", Target: "USA", Code: "130", QuadClass: 3, Sentence: 1},
			{Source: "IRN", Target: "USAGOV", Code: "130", QuadClass: 3, Sentence: 2},
		}}
	us := Units(d, nil)
	if len(us) != 1 || len(us[0].Events) != 3 {
		t.Fatalf("got %d units (%+v), want one with three events", len(us), us)
	}
	s := New(&us[0])
	if s.Mentions != 3 || s.Code != "130" || s.Root != "13" || s.QuadClass != 3 {
		t.Errorf("story mentions %d code %s root %s quad %d; want 3, 130, 13, 3", s.Mentions, s.Code, s.Root, s.QuadClass)
	}
}

// Each gold file names its stream, and every article it lists is in that stream; the
// held-out streams share no article with the development stream.
func TestStreamGold(t *testing.T) {
	wn := wikinews.Path(filepath.Join("testdata", "dev.jsonl"))
	if _, err := os.Stat(wn); err != nil {
		if os.Getenv("TOCSIN_REQUIRE_SHARED") != "" {
			t.Fatal(err)
		}
		t.Skip("no ../shared/data/wikinews")
	}
	inDev := map[string]bool{}
	for _, tc := range []struct {
		file, stream string
		articles     int
	}{{"dev.jsonl", StreamDev, 110}, {"heldout.jsonl", StreamHeldout, 362}, {"local.jsonl", StreamLocal, 26}, {"dev-local.jsonl", StreamDevLocal, 17}, {"heldout2.jsonl", StreamNewsBench, 261}} {
		gold, err := ReadGold(filepath.Join("testdata", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		if gold.Stream != tc.stream {
			t.Errorf("%s: stream %q, want %q", tc.file, gold.Stream, tc.stream)
		}
		arts, err := Stream(gold.Stream, wn, "testdata")
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != tc.articles {
			t.Errorf("%s: stream has %d articles, want %d", tc.file, len(arts), tc.articles)
		}
		urls := map[string]bool{}
		for _, a := range arts {
			urls[a.URL] = true
			if tc.stream == StreamDev {
				inDev[a.URL] = true
			} else if inDev[a.URL] {
				t.Errorf("%s: %s is also in the development stream", tc.file, a.URL)
			}
		}
		for _, g := range gold.Stories {
			for _, a := range g.Articles {
				if !urls[a] {
					t.Errorf("%s: gold story %s: %s is not in the stream", tc.file, g.Story, a)
				}
			}
		}
	}
}

func TestReadGoldStream(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"stream": "nosuch"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadGold(bad); err == nil {
		t.Error("an unknown stream was accepted")
	}
}

// A report's lead does not join a story that only a background sentence started,
// however alike their words; a second report's lead joins the first report's story.
func TestLeadsJoinReportedStories(t *testing.T) {
	terms := map[string]float64{"kerman": 4, "stampede": 2, "funeral": 2, "crush": 1}
	unit := func(id string, lead bool) Unit {
		return Unit{Article: Article{ID: id, Published: "2020-01-08"}, Lead: lead, Day: "2020-01-07",
			Dated: true, Terms: maps.Clone(terms)}
	}
	mem, l := NewMemory(), NewLinker()
	link := func(u Unit) *Story {
		of, touched, err := l.Link([]Unit{u}, mem)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range touched {
			mem.Put(s)
		}
		return of[0]
	}
	recalled := link(unit("a", false))
	first := link(unit("b", true))
	if first == recalled {
		t.Errorf("a report's lead joined story %s, which only a recalling sentence started", recalled.ID)
	}
	if second := link(unit("c", true)); second != first {
		t.Errorf("the second report is in story %s, the first in %s", second.ID, first.ID)
	}
}

// Two reports that name different people score lower against a story than one that
// names its person, by the weights of both signals.
func TestNamesSharedAndClashing(t *testing.T) {
	l := NewLinker()
	u := Unit{Article: Article{ID: "a"}, Lead: true, Day: "2021-03-07", Dated: true,
		Terms: map[string]float64{"dayton": 2, "shot": 1, "bar": 1}, Names: []string{"carter", "lopez"}}
	s := New(&u)
	same, other := u, u
	same.Article.ID, other.Article.ID = "b", "c"
	same.Names, other.Names = []string{"lopez"}, []string{"becker"}
	got := l.Score(&same, s) - l.Score(&other, s)
	if math.Abs(got-(l.NameShared+l.NameClash)) > 1e-9 {
		t.Errorf("a shared name scores %.3f above a different one, want %.3f", got, l.NameShared+l.NameClash)
	}
}

// A report dated by its own text three weeks after a story's last day scores the
// whole DayFarMax below one dated the same day, less the same-day Day it misses.
func TestFarDatedReport(t *testing.T) {
	l := NewLinker()
	terms := map[string]float64{"sars": 4, "milestone": 2, "infections": 2}
	first := Unit{Article: Article{ID: "a"}, Lead: true, Day: "2020-04-05", Dated: true, Kind: "health", Terms: maps.Clone(terms)}
	s := New(&first)
	same, late := first, first
	same.Article.ID, late.Article.ID = "b", "c"
	late.Day = "2020-04-28"
	got := l.Score(&same, s) - l.Score(&late, s)
	if math.Abs(got-(l.Day+l.DayFarMax)) > 1e-9 {
		t.Errorf("a report 23 days later scores %.3f below one the same day, want %.3f", got, l.Day+l.DayFarMax)
	}
}
