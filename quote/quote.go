package quote

import (
	"context"
	"io"
	"slices"

	"github.com/tocsin-project/tocsin/doc"
)

// Stage is the quotes stage. It is safe for concurrent use.
type Stage struct {
	v *vocabulary
}

// New returns the stage with the embedded vocabulary and then each extra vocabulary file
// (lexicon format, labels as in the embedded files; they are named extra#1, extra#2, … in
// errors).
func New(extra ...io.Reader) (*Stage, error) {
	v, err := loadVocabulary(extra)
	if err != nil {
		return nil, err
	}
	return &Stage{v: v}, nil
}

// Name implements pipeline.Stage.
func (*Stage) Name() string { return "quotes" }

// Languages implements pipeline.LanguageBound.
func (*Stage) Languages() []string { return []string{"en"} }

// Annotate implements pipeline.Stage: it sets d.Quotes, in text order.
func (s *Stage) Annotate(_ context.Context, d *doc.Document) error {
	var qs []doc.Quote
	for _, a := range s.Extract(d) {
		qs = append(qs, a.Quotes...)
	}
	slices.SortStableFunc(qs, func(a, b doc.Quote) int { return a.Start - b.Start })
	if qs == nil {
		qs = []doc.Quote{}
	}
	d.Quotes = qs
	return nil
}

// Attribution is one cue with its source and content: the unit that attribution corpora
// such as PolNeAR annotate. A quote split by its cue (`“…,” she said. “…”`) is one
// attribution with two quotes.
type Attribution struct {
	Cue    doc.Span // the cue; zero for a quote without one
	Source doc.Span // the speaker as written in the cue clause ("she", "Flynn, a surrogate,"); zero when none
	// Content covers the reported material, quote marks and a leading "that" included.
	Content doc.Span
	Quotes  []doc.Quote
}

// Extract returns the attributions of d in text order. It needs the token, sentence and
// paragraph layers (segment.Stage).
func (s *Stage) Extract(d *doc.Document) []Attribution {
	if len(d.Tokens) == 0 {
		return nil
	}
	a := newAnalysis(s.v, d)
	a.run()
	return a.out
}
