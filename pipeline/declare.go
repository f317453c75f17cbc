package pipeline

import (
	"fmt"
	"slices"
)

// Declarer is implemented by stages that say which document layers they read and which
// they write, by the names of package doc (doc.LayerText, doc.LayerEntities, ...). Build
// checks the order of a pipeline with them.
type Declarer interface {
	// Reads lists every layer the stage looks at, including those it can do without
	// (resolve reads the syntax layer when it is there): a stage that runs before the
	// writer of such a layer gives other results, so the order check must see it. A
	// stage bound to some languages (LanguageBound) reads doc.LayerLanguage.
	Reads() []string
	// Writes lists the layers the stage adds. A stage that only refines a layer it
	// reads (resolve adds nominal mentions to the entities) lists that layer in Reads.
	Writes() []string
}

// Build returns a pipeline that runs stages in the order given, after checking that
// order with Check. It is what builds the pipelines tocsin runs (package
// pipeline/standard); New is the same without the check.
func Build(stages ...Stage) (*Pipeline, error) {
	if err := Check(stages...); err != nil {
		return nil, err
	}
	return New(stages...), nil
}

// Check reports whether every stage declares its layers (Declarer) and comes after the
// stages that write the layers it reads. The error names the first stage out of place
// and the layer it lacks.
func Check(stages ...Stage) error {
	written := make(map[string]bool)
	for i, s := range stages {
		d, ok := s.(Declarer)
		if !ok {
			return fmt.Errorf("pipeline: stage %q does not declare the layers it reads and writes (pipeline.Declarer)", s.Name())
		}
		for _, layer := range d.Reads() {
			if written[layer] {
				continue
			}
			if j := writer(stages[i+1:], layer); j >= 0 {
				return fmt.Errorf("pipeline: stage %q reads layer %q, which stage %q writes only after it", s.Name(), layer, stages[i+1+j].Name())
			}
			return fmt.Errorf("pipeline: stage %q reads layer %q, which no earlier stage writes", s.Name(), layer)
		}
		for _, layer := range d.Writes() {
			written[layer] = true
		}
	}
	return nil
}

// writer returns the index of the first of stages that declares it writes layer, -1 when
// none does.
func writer(stages []Stage, layer string) int {
	for i, s := range stages {
		if d, ok := s.(Declarer); ok && slices.Contains(d.Writes(), layer) {
			return i
		}
	}
	return -1
}

// Stages returns the pipeline's stages, in order.
func (p *Pipeline) Stages() []Stage { return slices.Clone(p.stages) }
