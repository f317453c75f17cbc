package wordcluster

import (
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// Animals and places are used in different contexts; the clusters must tell them apart,
// and the levels must nest.
func TestLearn(t *testing.T) {
	animals := []string{"cat", "dog", "horse", "goat", "sheep", "cow"}
	places := []string{"Paris", "Lagos", "Lima", "Oslo", "Hanoi", "Quito"}
	rng := rand.New(rand.NewPCG(1, 2))
	var sents [][]string
	for range 600 {
		a, p := animals[rng.IntN(len(animals))], places[rng.IntN(len(places))]
		if rng.IntN(2) == 0 {
			sents = append(sents, strings.Fields("the "+a+" ate grass near "+p+" today"))
		} else {
			sents = append(sents, strings.Fields("a trip to "+p+" with my "+a+" was long"))
		}
	}
	sents = append(sents, []string{"42", "!"}, []string{"once"})
	cfg := Config{MinCount: 3, MaxVocab: 100, Contexts: 50, Dim: 8, Levels: []int{4, 2}, Iterations: 10, PowerIterations: 2, Seed1: 3, Seed2: 4}
	c := Learn(sents, nil, HasLetter, cfg, io.Discard)
	if slices.Contains(c.Words, "42") || slices.Contains(c.Words, "once") {
		t.Errorf("a number or a rare word was clustered: %v", c.Words)
	}
	id := map[string]int{}
	for i, w := range c.Words {
		id[w] = i
	}
	for _, group := range [][]string{animals, places} {
		for _, w := range group[1:] {
			if c.IDs[1][id[w]] != c.IDs[1][id[group[0]]] {
				t.Errorf("%s and %s in different top-level clusters", w, group[0])
			}
		}
	}
	if c.IDs[1][id["cat"]] == c.IDs[1][id["Paris"]] {
		t.Error("animals and places in one top-level cluster")
	}
	// Words of one fine cluster share their coarse cluster.
	top := map[int]int{}
	for w := range c.Words {
		if t0, ok := top[c.IDs[0][w]]; ok && t0 != c.IDs[1][w] {
			t.Fatalf("fine cluster %d spans coarse clusters %d and %d", c.IDs[0][w], t0, c.IDs[1][w])
		}
		top[c.IDs[0][w]] = c.IDs[1][w]
	}
	if !slices.Equal(c.Sizes, []int{4, 2}) {
		t.Errorf("sizes %v", c.Sizes)
	}
	// The same input and seeds give the same clusters.
	if d := Learn(sents, nil, HasLetter, cfg, io.Discard); !slices.Equal(d.Words, c.Words) || !slices.Equal(d.IDs[0], c.IDs[0]) {
		t.Error("not deterministic")
	}
}
