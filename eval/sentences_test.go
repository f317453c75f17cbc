package eval

import (
	"testing"

	"github.com/tocsin-project/tocsin/internal/sharedtest"
)

// TestSentenceBoundariesEWT scores the splitter on the UD English Web Treebank test file.
// The floor guards against regressions; the figures themselves are reported by
// `tocsin eval sentences`.
func TestSentenceBoundariesEWT(t *testing.T) {
	path := sharedtest.Path(t, "data/ud-ewt/en_ewt-ud-test.conllu")
	r, err := SentenceBoundaries(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.Sentences < 2000 || r.Documents < 300 {
		t.Errorf("read %d sentences in %d documents; the test file has about 2,077 in 316", r.Sentences, r.Documents)
	}
	if p, rec := r.Inner.Precision(), r.Inner.Recall(); p < 0.95 || rec < 0.65 {
		t.Errorf("inner boundaries %v: below the floor P 0.95, R 0.65", r.Inner)
	}
}

func TestScore(t *testing.T) {
	s := Score{TP: 8, FP: 2, FN: 8}
	if s.Precision() != 0.8 || s.Recall() != 0.5 {
		t.Errorf("P %v R %v", s.Precision(), s.Recall())
	}
	if f := s.F1(); f < 0.615 || f > 0.616 {
		t.Errorf("F1 %v, want 0.6154", f)
	}
	if (Score{}).F1() != 0 {
		t.Error("empty score F1 should be 0")
	}
}
