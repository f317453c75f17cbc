package proseeval

import (
	"context"
	"testing"

	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/ner"
)

func TestFixture(t *testing.T) {
	r, err := Evaluate(context.Background(), "../testdata/tiny.conll", "conll2003")
	if err != nil {
		t.Fatal(err)
	}
	if r.System != "prose" || r.Overall.TP+r.Overall.FN != 9 || r.Elapsed <= 0 {
		t.Errorf("prose report: %s", r)
	}
	if _, err := Evaluate(context.Background(), "../testdata/missing.conll", "conll2003"); err == nil {
		t.Error("missing file accepted")
	}
}

// On CoNLL-2003 valid and Universal NER EWT test, prose scores below tocsin's recogniser.
func TestBelowTocsin(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIP: full evaluation in -short mode")
	}
	ctx := context.Background()
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ rel, format string }{
		{"data/conll2003/valid.txt", ner.FormatCoNLL},
		{"data/uner-ewt/en_ewt-ud-test.iob2", ner.FormatUNER},
	} {
		path := sharedtest.Path(t, c.rel)
		r, err := ner.Evaluate(ctx, m, path, c.format)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Evaluate(ctx, path, c.format)
		if err != nil {
			t.Fatal(err)
		}
		t.Log(p)
		if p.Overall.F1() >= r.Overall.F1() {
			t.Errorf("%s: prose F1 %.4f is not below ours %.4f", c.rel, p.Overall.F1(), r.Overall.F1())
		}
	}
}
