package main

import "testing"

// TestScore builds a tiny corpus of two labels and background news: "riot" is in most
// PROTEST stories and few others, "say" is everywhere, "meet" is split evenly between the
// labels, and "tear" is concentrated in PROTEST but too rare to count.
func TestScore(t *testing.T) {
	c := NewCounts()
	doc := func(words ...string) map[Key]bool {
		m := map[Key]bool{}
		for _, w := range words {
			m[Key{w, "VERB"}] = true
		}
		return m
	}
	for i := 0; i < 40; i++ {
		ws := []string{"say", "meet"}
		if i < 30 {
			ws = append(ws, "riot")
		}
		if i < 3 {
			ws = append(ws, "tear")
		}
		c.AddDoc("PROTEST", doc(ws...))
	}
	for i := 0; i < 40; i++ {
		ws := []string{"say", "meet"}
		if i < 2 {
			ws = append(ws, "riot")
		}
		c.AddDoc("CONSULT", doc(ws...))
	}
	for i := 0; i < 100; i++ {
		ws := []string{"say"}
		if i < 10 {
			ws = append(ws, "meet")
		}
		if i < 1 {
			ws = append(ws, "riot")
		}
		c.AddDoc("", doc(ws...))
	}
	got := map[string]Assoc{}
	for _, a := range Score(c, DefaultParams) {
		got[a.Key.Lemma] = a
	}
	a, ok := got["riot"]
	if !ok || a.Label != "PROTEST" || a.Docs != 30 || a.Z < DefaultParams.MinZ {
		t.Errorf("riot: got %+v (kept %v), want PROTEST with 30 stories", a, ok)
	}
	for _, w := range []string{"say", "meet", "tear"} {
		if a, ok := got[w]; ok {
			t.Errorf("%s kept: %+v", w, a)
		}
	}
}

// TestScoreEvenSplit checks that a key frequent in two labels is given to neither.
func TestScoreEvenSplit(t *testing.T) {
	c := NewCounts()
	k := Key{"clash", "NOUN"}
	for _, l := range []string{"ASSAULT", "PROTEST", "CONSULT"} {
		for i := 0; i < 50; i++ {
			c.AddDoc(l, map[Key]bool{k: l != "CONSULT" && i < 25})
		}
	}
	for i := 0; i < 50; i++ {
		c.AddDoc("", map[Key]bool{})
	}
	if got := Score(c, DefaultParams); len(got) != 0 {
		t.Errorf("clash split between two labels kept: %+v", got)
	}
}
