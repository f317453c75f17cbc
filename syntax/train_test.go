package syntax

import (
	"bytes"
	"context"
	"io"
	"slices"
	"testing"
)

// trainTiny trains a model on the hand-annotated sentences of testdata/tiny.conllu.
func trainTiny(t *testing.T) (*Model, []Sentence) {
	t.Helper()
	sents, err := ReadCoNLLU("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	cfg := TrainConfig{Train: sents, Dev: sents, TaggerEpochs: 8, ParserEpochs: 8, Folds: 1, TransBits: 16, Prune: 1e-6, LabelPrune: 1e-6}
	m, err := Train(context.Background(), cfg, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	return m, sents
}

func TestReadCoNLLU(t *testing.T) {
	sents, err := ReadCoNLLU("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 7 {
		t.Fatalf("%d sentences, want 7", len(sents))
	}
	s := sents[6] // the multi-word token line and the empty node are skipped
	if !slices.Equal(s.Form, []string{"They", "wo", "n't", "stop", "."}) || !slices.Equal(s.Head, []int{3, 3, 3, -1, 3}) {
		t.Errorf("sentence 7: %q heads %v", s.Form, s.Head)
	}
	if _, err := parseCoNLLU(bytes.NewReader([]byte("1\tA\ta\tX\tX\t_\t5\tdep\t_\t_\n\n"))); err == nil {
		t.Error("a head outside the sentence should be an error")
	}
}

// TestTrainTiny trains on seven sentences: the model must learn them, training must be
// deterministic, and the model must survive writing and reading.
func TestTrainTiny(t *testing.T) {
	m, sents := trainTiny(t)
	right, total := 0, 0
	for _, s := range sents {
		for i, w := range m.Analyze(s.Form) {
			total++
			if w.Tag == s.XPOS[i] && w.POS == s.UPOS[i] && w.Head == s.Head[i] && w.Dep == s.Deprel[i] {
				right++
			}
		}
	}
	if right < total*9/10 {
		t.Errorf("the model learnt %d of %d training words (tag, head and relation)", right, total)
	}
	got := m.Analyze([]string{"Soldiers", "attacked", "Kabul", "."})
	if got[1].Lemma != "attack" || got[0].Head != 1 || got[0].Dep != "nsubj" || got[1].Head != -1 {
		t.Errorf("Soldiers attacked Kabul: %+v", got)
	}

	var a, b bytes.Buffer
	if _, err := m.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	m2, _ := trainTiny(t)
	if _, err := m2.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("training twice gives different models")
	}
	m3, err := ReadModel(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		if x, y := m.Analyze(s.Form), m3.Analyze(s.Form); !slices.Equal(x, y) {
			t.Errorf("the model read back analyses %q differently:\n%+v\n%+v", s.Form, x, y)
		}
	}
	if _, err := ReadModel(bytes.NewReader(a.Bytes()[:len(a.Bytes())/2])); err == nil {
		t.Error("a truncated model should not load")
	}
}

func TestProjectivize(t *testing.T) {
	// 0→2, 1→3 cross: "A hearing is scheduled on the issue today" style. Words 0..3,
	// root 3; 1 depends on 3 across the arc 0→2... lifted to the root's level.
	heads := []int{2, 3, -1, 2}
	got := projectivize([]int{2, 3, -1, 2}, nil)
	for d := range got {
		if !projectiveArc(got, d) {
			t.Errorf("arc %d→%d still crosses: %v (from %v)", got[d], d, got, heads)
		}
	}
}

type tlog struct{ t *testing.T }

func (l tlog) Write(p []byte) (int, error) { l.t.Log(string(p)); return len(p), nil }

func testLog(t *testing.T) io.Writer {
	if testing.Verbose() {
		return tlog{t}
	}
	return io.Discard
}
