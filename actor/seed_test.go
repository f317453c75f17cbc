package actor

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/ner"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/resolve"
	"github.com/tocsin-project/tocsin/segment"
)

// seedPipeline is the real chain: text, entities, resolve, actors.
func seedPipeline(t testing.TB) (*pipeline.Pipeline, *article.Article) {
	t.Helper()
	b, err := os.ReadFile(sharedtest.Path(t, "seed/kerman-stampede.txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(string(b), "\n")
	ents, err := ner.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := resolve.New()
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.New(segment.Stage{}, ents, res, NewStage(testKB(t))), &article.Article{Title: title, Body: body, Language: "en"}
}

func TestSeed(t *testing.T) {
	p, a := seedPipeline(t)
	d, err := p.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	byCanon := map[string][]doc.Entity{}
	for _, e := range d.Entities {
		byCanon[e.Canonical] = append(byCanon[e.Canonical], e)
		if strings.HasPrefix(e.Text, "#") || e.Start >= strings.LastIndex(d.Text, "#Iran") {
			t.Errorf("entity from a hashtag: %+v", e)
		}
	}
	// Every mention of one canonical entity, nominal ones included, has the same code.
	check := func(canonical, actor, rule string, min int) {
		t.Helper()
		es := byCanon[canonical]
		if len(es) < min {
			t.Errorf("%q: %d mentions, want at least %d\n%s", canonical, len(es), min, dump(d))
		}
		for _, e := range es {
			if e.Actor != actor || e.ActorRule != rule {
				t.Errorf("%q (%s %q at %d): %q %q, want %q %q", canonical, e.Mention, e.Text, e.Start, e.Actor, e.ActorRule, actor, rule)
			}
		}
	}
	check("Qasem Soleimani", "IRNMIL", "descriptor:Iranian+military commander", 13)
	check("Mike Pompeo", "USAGOV", "descriptor:US secretary of state", 2)
	check("Hossein Salami", "IRNMIL", "descriptor:general+context:Iranian", 1)
	check("Zeinab", "IRN", "relation:daughter of Qasem Soleimani", 1)
	check("Donald Trump", "USAGOV", "dict:TOCSIN_LEADERS:DONALD_TRUMP_", 3)
	check("Quds force", "IRNMIL", "dict:PHOENIX_COUNTRIES:REVOLUTIONARY_GUARD", 1)
	check("Iranian officials", "IRNGOV", "descriptor:Iranian+officials", 1)
	check("US soldiers", "USAMIL", "descriptor:US+soldiers", 1)
	check("U.S. military", "USAMIL", "dict:PHOENIX_COUNTRIES:UNITED_STATES_MILITARY_", 1)
	check("United States", "USA", "dict:PHOENIX_COUNTRIES:UNITED_STATES_OF_AMERICA_", 8) // "United States", "US"
	check("Iranians", "IRN", "demonym:Iranians", 1)
	check("American", "USA", "demonym:American", 1)
	check("Iran", "IRN", "dict:PHOENIX_COUNTRIES:IRAN_", 10)
	for _, e := range byCanon["Qasem Soleimani"] {
		if e.Role != "fallen leader; Iranian military commander" {
			t.Errorf("Soleimani role %q", e.Role)
		}
	}
	if es := byCanon["Zeinab"]; len(es) == 0 || es[0].Role != "daughter of Qasem Soleimani" {
		t.Errorf("Zeinab: %+v", es)
	}
	if es := byCanon["Mike Pompeo"]; len(es) == 0 || es[0].Role != "US secretary of state" {
		t.Errorf("Pompeo: %+v", es)
	}
}

// With a publication date the codes follow the offices held on that day.
func TestSeedDated(t *testing.T) {
	p, a := seedPipeline(t)
	for date, trump := range map[string]string{"2020-01-08": "USAGOV", "2016-06-01": "USAELI"} {
		a.Published = date
		d, err := p.Analyze(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Entities {
			if e.Canonical == "Donald Trump" && e.Actor != trump {
				t.Errorf("%s: %q coded %q, want %q", date, e.Text, e.Actor, trump)
			}
		}
	}
}

// BenchmarkStage measures the actors stage alone on the seed article.
func BenchmarkStage(b *testing.B) {
	p, a := seedPipeline(b)
	d, err := p.Analyze(context.Background(), a)
	if err != nil {
		b.Fatal(err)
	}
	st := NewStage(testKB(b))
	words := 0
	for _, t := range d.Tokens {
		if t.Kind == doc.Word {
			words++
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := st.Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
