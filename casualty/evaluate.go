package casualty

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/eval"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// example is one line of an evaluation file (JSON Lines): a sentence or short text, an
// optional headline, and the counts it states.
type example struct {
	Title string `json:"title"`
	Text  string `json:"text"`
	Want  []struct {
		Kind      string `json:"kind"`
		Value     int    `json:"value"`
		Qualifier string `json:"qualifier"`
		Vague     bool   `json:"vague"`
	} `json:"want"`
	// Totals, when given, are the text's reconciled count of each kind named (see
	// Stage.Totals): "killing three ... The attacker was shot dead" is {"killed": 4}.
	Totals map[string]int `json:"totals"`
}

// key is what a count is scored on.
type key struct {
	kind  string
	value int
	qual  string
}

// Evaluate scores the default stage on a JSON Lines file of examples, one object a line:
//
//	{"text": "...", "title": "...", "want": [{"kind": "killed", "value": 50, "qualifier": "at_least", "vague": false}]}
//
// A found count is a true positive when an expected count of the same example has the
// same kind, value and qualifier (each expected count matches once); the rest are false
// positives and false negatives. testdata/dev.jsonl is the development set.
func Evaluate(path string) (eval.Score, error) {
	s, err := New()
	if err != nil {
		return eval.Score{}, err
	}
	return s.Evaluate(path)
}

// Evaluate is Evaluate with s, for a stage built with extra vocabulary.
func (s *Stage) Evaluate(path string) (eval.Score, error) {
	sc, _, err := s.evaluate(path, nil)
	return sc, err
}

// EvaluateTotals scores the reconciled totals (Stage.Totals) of the default stage on
// the examples of a JSON Lines file that give "totals": each kind named is exactly right
// or not.
func EvaluateTotals(path string) (ExactShare, error) {
	s, err := New()
	if err != nil {
		return ExactShare{}, err
	}
	_, tot, err := s.evaluate(path, nil)
	return tot, err
}

// evaluate scores path, calling miss (when not nil) for each example with errors. It
// also scores the totals of the examples that give them.
func (s *Stage) evaluate(path string, miss func(line int, ex example, got, want []key)) (eval.Score, ExactShare, error) {
	var total eval.Score
	var totals ExactShare
	f, err := os.Open(path)
	if err != nil {
		return total, totals, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var ex example
		if err := json.Unmarshal(sc.Bytes(), &ex); err != nil {
			return total, totals, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if ex.Text == "" {
			return total, totals, fmt.Errorf("%s:%d: example has no text", path, line)
		}
		n++
		d := pipeline.NewDocument(&article.Article{Title: ex.Title, Body: ex.Text, Language: "en"})
		if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
			return total, totals, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		var got, want []key
		for _, c := range s.Extract(d) {
			got = append(got, key{c.Kind, c.Value, c.Qualifier})
		}
		for _, w := range ex.Want {
			want = append(want, key{w.Kind, w.Value, w.Qualifier})
		}
		sc := score(got, want)
		total.Add(sc)
		wrongTotal := false
		if len(ex.Totals) > 0 {
			tot := s.Totals(d)
			for kind, v := range ex.Totals {
				w := v
				if !totals.add(&w, tot[kind]) {
					wrongTotal = true
					want = append(want, key{kind: "total " + kind, value: v})
					got = append(got, key{kind: "total " + kind, value: tot[kind]})
				}
			}
		}
		if miss != nil && (sc.FP > 0 || sc.FN > 0 || wrongTotal) {
			miss(line, ex, got, want)
		}
	}
	if err := sc.Err(); err != nil {
		return total, totals, fmt.Errorf("%s: %w", path, err)
	}
	if n == 0 {
		return total, totals, fmt.Errorf("%s: no examples", path)
	}
	return total, totals, nil
}

// score matches got against want as multisets.
func score(got, want []key) eval.Score {
	left := make(map[key]int, len(want))
	for _, w := range want {
		left[w]++
	}
	var s eval.Score
	for _, g := range got {
		if left[g] > 0 {
			left[g]--
			s.TP++
		} else {
			s.FP++
		}
	}
	s.FN = len(want) - s.TP
	return s
}
