package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
)

// layered is a stage that declares its layers and records, in d.Skipped, that it ran.
type layered struct {
	name          string
	reads, writes []string
}

func (s layered) Name() string     { return s.name }
func (s layered) Reads() []string  { return s.reads }
func (s layered) Writes() []string { return s.writes }
func (s layered) Annotate(_ context.Context, d *doc.Document) error {
	d.Skipped = append(d.Skipped, doc.Skip{Stage: s.name, Reason: "ran"})
	return nil
}

var (
	textStage   = layered{name: "text", writes: []string{doc.LayerText}}
	entityStage = layered{name: "entities", reads: []string{doc.LayerText}, writes: []string{doc.LayerEntities}}
	placeStage  = layered{name: "places", reads: []string{doc.LayerText, doc.LayerEntities}, writes: []string{doc.LayerPlaces}}
)

func TestBuildAcceptsWritersBeforeReaders(t *testing.T) {
	p, err := Build(textStage, entityStage, placeStage)
	if err != nil {
		t.Fatalf("Build in order: %v", err)
	}
	d, err := p.Analyze(context.Background(), &article.Article{Title: "Quake", Body: "The quake hit the coast."})
	if err != nil {
		t.Fatal(err)
	}
	var ran []string
	for _, s := range d.Skipped {
		ran = append(ran, s.Stage)
	}
	if got := strings.Join(ran, " "); got != "text entities places" {
		t.Errorf("stages ran %q, want text entities places", got)
	}
	if got := len(p.Stages()); got != 3 {
		t.Errorf("Stages() has %d stages, want 3", got)
	}
}

func TestBuildRejectsReadingAnUnwrittenLayer(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stages []Stage
		want   string
	}{
		{
			name:   "writer missing",
			stages: []Stage{textStage, placeStage},
			want:   `stage "places" reads layer "entities", which no earlier stage writes`,
		},
		{
			name:   "writer after reader",
			stages: []Stage{textStage, placeStage, entityStage},
			want:   `stage "places" reads layer "entities", which stage "entities" writes only after it`,
		},
		{
			name:   "reader first",
			stages: []Stage{entityStage, textStage},
			want:   `stage "entities" reads layer "text", which stage "text" writes only after it`,
		},
		{
			name:   "a stage does not read its own layer",
			stages: []Stage{layered{name: "loop", reads: []string{"loop"}, writes: []string{"loop"}}},
			want:   `stage "loop" reads layer "loop", which no earlier stage writes`,
		},
	} {
		p, err := Build(tc.stages...)
		if err == nil {
			t.Errorf("%s: Build accepted the order", tc.name)
			continue
		}
		if p != nil {
			t.Errorf("%s: Build returned a pipeline with its error", tc.name)
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %q, want it to say %q", tc.name, err, tc.want)
		}
		if err2 := Check(tc.stages...); err2 == nil || err2.Error() != err.Error() {
			t.Errorf("%s: Check says %v, Build %v", tc.name, err2, err)
		}
	}
}

func TestBuildRejectsUndeclaredStages(t *testing.T) {
	_, err := Build(textStage, englishOnly{})
	if err == nil || !strings.Contains(err.Error(), `"english-only" does not declare`) {
		t.Errorf("undeclared stage: error %v", err)
	}
	// New stays unchecked, for deliberately partial pipelines.
	if p := New(placeStage, englishOnly{}); len(p.Stages()) != 2 {
		t.Errorf("New dropped stages: %d", len(p.Stages()))
	}
}
