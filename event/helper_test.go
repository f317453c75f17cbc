package event

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/tocsin-project/tocsin/actor"
	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/dates"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/ner"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/place"
	"github.com/tocsin-project/tocsin/quote"
	"github.com/tocsin-project/tocsin/resolve"
	"github.com/tocsin-project/tocsin/segment"
	"github.com/tocsin-project/tocsin/syntax"
)

// tree builds a one-sentence document from text and one row per token, "LEMMA POS HEAD
// DEP" with HEAD the 1-based index of the head token (0 for the root), as in CoNLL-U. An
// actor code may follow as a fifth field; the token then becomes an entity with it.
func tree(t testing.TB, text string, rows ...string) *doc.Document {
	t.Helper()
	d := pipeline.NewDocument(&article.Article{Body: text, Language: "en", Published: "2021-06-15"})
	if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Tokens) != len(rows) {
		var toks []string
		for _, tk := range d.Tokens {
			toks = append(toks, tk.Text)
		}
		t.Fatalf("%d tokens %q, %d rows", len(d.Tokens), toks, len(rows))
	}
	for i, r := range rows {
		f := strings.Fields(r)
		if len(f) < 4 {
			t.Fatalf("row %d %q: want LEMMA POS HEAD DEP [ACTOR]", i+1, r)
		}
		h, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatal(err)
		}
		tk := &d.Tokens[i]
		tk.Lemma, tk.POS, tk.Head, tk.Dep = f[0], f[1], h-1, f[3]
		if f[1] == "VERB" && f[0] != strings.ToLower(tk.Text) {
			tk.Tag = "VBD"
		}
		if len(f) > 4 {
			d.Entities = append(d.Entities, doc.Entity{Text: tk.Text, Type: "GPE", Actor: f[4], Span: tk.Span})
		}
	}
	return d
}

// testStage is the stage with the embedded dictionaries and no actor knowledge base:
// actors come from the entities of hand-built trees.
func testStage(t testing.TB) *Stage {
	t.Helper()
	s, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// events formats d's events as "SRC→TGT CODE modality".
func events(d *doc.Document) []string {
	var out []string
	for _, e := range d.Events {
		s := e.Source + "→" + e.Target + " " + e.Code
		if e.Modality != Asserted {
			s += " " + e.Modality
		}
		out = append(out, s)
	}
	return out
}

var (
	fullOnce   sync.Once
	fullPipe   *pipeline.Pipeline
	fullStages []pipeline.Stage
	fullErr    error
)

// fullPipeline runs every stage the events stage reads: text, syntax, dates, entities,
// resolve, places, actors, quotes (whose speakers "I" and "we" stand for), then events with the actors stage's knowledge base.
func fullPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	fullOnce.Do(func() {
		var syn *syntax.Stage
		if syn, fullErr = syntax.New(); fullErr != nil {
			return
		}
		var ents *ner.Stage
		if ents, fullErr = ner.New(); fullErr != nil {
			return
		}
		var res *resolve.Stage
		if res, fullErr = resolve.New(); fullErr != nil {
			return
		}
		var pl *place.Stage
		if pl, fullErr = place.New(); fullErr != nil {
			return
		}
		var act *actor.Stage
		if act, fullErr = actor.New(); fullErr != nil {
			return
		}
		var qu *quote.Stage
		if qu, fullErr = quote.New(); fullErr != nil {
			return
		}
		var ev *Stage
		if ev, fullErr = New(act.KB()); fullErr != nil {
			return
		}
		fullStages = []pipeline.Stage{segment.Stage{}, syn, dates.New(), ents, res, pl, act, qu, ev}
		fullPipe = pipeline.New(fullStages...)
	})
	if fullErr != nil {
		t.Fatal(fullErr)
	}
	return fullPipe
}

// analyze runs the full pipeline on text.
func analyze(t testing.TB, text, published string) *doc.Document {
	t.Helper()
	p := fullPipeline(t)
	d := pipeline.NewDocument(&article.Article{Body: text, Language: "en", Published: published})
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// analyzeWant analyses text as analyze does, logs each event with its rule, and wants
// exactly the events wants, as events writes them ("IRN→USA 138").
func analyzeWant(t *testing.T, text, published string, wants ...string) {
	t.Helper()
	d := analyze(t, text, published)
	for _, e := range d.Events {
		t.Logf("%s→%s %s: %s", e.Source, e.Target, e.Code, e.Rule)
	}
	want(t, events(d), wants...)
}

// analyzeDated analyses text as analyze does and logs each event with its date and place
// and where each came from, for the tests that check those.
func analyzeDated(t *testing.T, text, published string) *doc.Document {
	t.Helper()
	d := analyze(t, text, published)
	for _, e := range d.Events {
		t.Logf("%s→%s %s %s (%s) %q (%s): %s", e.Source, e.Target, e.Code, e.Date, e.DateSource, placeName(e), e.PlaceSource, e.Rule)
	}
	return d
}

// placeName is the name of event e's place, "" when it has none.
func placeName(e doc.Event) string {
	if e.Place == nil {
		return ""
	}
	return e.Place.Name
}
