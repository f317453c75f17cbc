package standard

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline"
)

// TestStandardPipelineDeclaresEveryLayer: the pipeline builds, runs every stage in the
// documented order, and between them its stages declare every layer of doc.Layers, each
// written once, before any stage reads it.
func TestStandardPipelineDeclaresEveryLayer(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	written := map[string]string{} // layer → its writer
	for _, s := range p.Stages() {
		names = append(names, s.Name())
		d, ok := s.(pipeline.Declarer)
		if !ok {
			t.Fatalf("stage %q declares no layers", s.Name())
		}
		for _, l := range d.Reads() {
			if !slices.Contains(doc.Layers, l) {
				t.Errorf("stage %q reads %q, which is not in doc.Layers", s.Name(), l)
			}
			if written[l] == "" {
				t.Errorf("stage %q reads %q before any stage writes it", s.Name(), l)
			}
		}
		if _, bound := s.(pipeline.LanguageBound); bound && !slices.Contains(d.Reads(), doc.LayerLanguage) {
			t.Errorf("stage %q is bound to languages but does not read the language layer", s.Name())
		}
		for _, l := range d.Writes() {
			if !slices.Contains(doc.Layers, l) {
				t.Errorf("stage %q writes %q, which is not in doc.Layers", s.Name(), l)
			}
			if w := written[l]; w != "" {
				t.Errorf("layer %q written by both %q and %q", l, w, s.Name())
			}
			written[l] = s.Name()
		}
	}
	if got, want := strings.Join(names, " "), strings.Join(doc.Layers, " "); got != want {
		t.Errorf("stages %s, want %s", got, want)
	}
	for _, l := range doc.Layers {
		if written[l] == "" {
			t.Errorf("no stage writes layer %q", l)
		}
	}
	d, err := p.Analyze(context.Background(), &article.Article{
		Title:     "Protesters storm embassy",
		Body:      "Hundreds of protesters stormed the US embassy in Baghdad on Tuesday, Iraqi officials said.",
		Published: "2020-01-01",
	})
	if err != nil {
		t.Fatal(err)
	}
	if d.Language != "en" || len(d.Sentences) != 2 || len(d.Entities) == 0 || len(d.Places) == 0 || len(d.Skipped) != 0 {
		t.Errorf("language %q, %d sentences, entities %+v, places %+v, skipped %+v", d.Language, len(d.Sentences), d.Entities, d.Places, d.Skipped)
	}
}

func TestBadDictionaryNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.verbs")
	if err := os.WriteFile(bad, []byte("what [is] this {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{bad, "verbs:" + bad, filepath.Join(dir, "missing.txt")} {
		p, err := New(Options{Dicts: []string{arg}})
		if err == nil || p != nil {
			t.Errorf("--dict %s: pipeline %v, error %v; want an error", arg, p, err)
			continue
		}
		_, path, _ := strings.Cut(arg, "verbs:")
		if path == "" {
			path = arg
		}
		if !strings.Contains(err.Error(), filepath.Base(path)) {
			t.Errorf("--dict %s: error %q does not name the file", arg, err)
		}
	}
}

// TestActorDictionaryCodesEntities: a user's actor dictionary reaches the actors stage,
// not only the event coder; with DictOnly it is the only actor knowledge.
func TestActorDictionaryCodesEntities(t *testing.T) {
	dir := t.TempDir()
	actors := filepath.Join(dir, "mine.actors")
	if err := os.WriteFile(actors, []byte("IRAN_ [XYZ]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	verbs := filepath.Join(dir, "snub.verbs") // DictOnly needs a verb dictionary
	if err := os.WriteFile(verbs, []byte("--- SNUB [125] ---\nSNUB {SNUBS SNUBBED SNUBBING}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := New(Options{Dicts: []string{"verbs:" + verbs, actors}, DictOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Analyze(context.Background(), &article.Article{Title: "Talks", Body: "Iran and Iraq held talks on Monday.", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	for _, e := range d.Entities {
		codes[e.Text] = e.Actor
	}
	if codes["Iran"] != "XYZ" || codes["Iraq"] != "" {
		t.Errorf("actor codes %v, want Iran XYZ from mine.actors and Iraq uncoded", codes)
	}
}

func TestWithout(t *testing.T) {
	p, err := New(Options{Without: []string{"incidents"}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range p.Stages() {
		names = append(names, s.Name())
	}
	if slices.Contains(names, "incidents") || len(names) != len(doc.Layers)-1 {
		t.Errorf("without incidents: stages %v", names)
	}
	// The events stage reads the quotations (their speakers): leaving them out is refused.
	if _, err := New(Options{Without: []string{"quotes"}}); err == nil || !strings.Contains(err.Error(), `stage "events" reads layer "quotes"`) {
		t.Errorf("without quotes: error %v", err)
	}
	// Later stages read the syntax layer: leaving it out is refused, naming the reader.
	if _, err := New(Options{Without: []string{"syntax"}}); err == nil || !strings.Contains(err.Error(), `stage "resolve" reads layer "syntax", which no earlier stage writes`) {
		t.Errorf("without syntax: error %v", err)
	}
	if _, err := New(Options{Without: []string{"sentiment"}}); err == nil || !strings.Contains(err.Error(), `"sentiment"`) {
		t.Errorf("leaving out an unknown stage: error %v", err)
	}
}
