package syntax

import (
	"slices"
	"strings"
	"testing"
)

// TestTransScoresCached parses the news test sentences as the parser does and checks, at
// every configuration it scores, that the scores with the cached feature groups
// (transScores) are those of all of parseFeatures' keys added afresh: a group read from
// the cache after what it reads changed would show here.
func TestTransScoresCached(t *testing.T) {
	st := stage(t)
	m := st.Model()
	w := m.getWorker()
	defer putWorker(w)
	scored := 0
	for _, file := range []string{"testdata/news-svo.txt", "testdata/news-fronted.txt"} {
		for _, cols := range tsvLines(t, file) {
			text := cols[len(cols)-1]
			d := analyze(t, st, "", text)
			var forms []string
			for _, tok := range d.Tokens {
				forms = append(forms, tok.Text)
			}
			w.tagWords(forms)
			ps := &w.st
			ps.reset(len(w.tags))
			for i := range w.tags {
				ps.setWord(i, &w.lx[i], w.tags[i])
			}
			w.tc.reset(len(w.tags))
			for !ps.done() {
				legal := ps.legal()
				tr := trShift
				switch legal {
				case 1 << trShift:
				case 1 << trLeft:
					tr = trLeft
				case 1 << trRight:
					tr = trRight
				default:
					got := w.transScores()
					var keys [numParseFeats]uint64
					ps.parseFeatures(&keys)
					var want [numTransitions]int32
					m.trans.score(keys[:], &want)
					if got != want {
						t.Fatalf("%q, stack %v, buffer at %d: cached scores %v, afresh %v", text, ps.stack, ps.b, got, want)
					}
					scored++
					tr = bestLegal(legal, got)
				}
				var label int32 = -1
				if tr != trShift {
					dep, head := ps.attachment(tr)
					label = w.label(dep, head)
				}
				ps.apply(tr, label)
			}
		}
	}
	if scored < 500 {
		t.Errorf("only %d configurations scored", scored)
	}
	t.Logf("%d configurations scored", scored)
}

// TestWordFeatsReadTheWordAlone checks that the features wordCache keeps by a word's
// form are the same wherever the word stands, and that the others are not.
func TestWordFeatsReadTheWordAlone(t *testing.T) {
	m := stage(t).m
	lexes := func(words ...string) []lex {
		out := make([]lex, len(words))
		for i, w := range words {
			out[i], _ = makeLex(w, nil, m.lexicon)
		}
		return out
	}
	a := lexes("Police", "arrested", "protesters", "in", "Paris")
	b := lexes("Paris", "police", "said")
	var ka, kb [numTagFeats]uint64
	tagStatic(a, 4, []uint16{1, 2, 3, 4, 5}, &ka)
	tagStatic(b, 0, []uint16{6, 7, 8}, &kb)
	for _, k := range tagWordFeats {
		if ka[k] != kb[k] {
			t.Errorf("tagger feature %d of Paris differs with its place", k)
		}
	}
	if ka[10] == kb[10] || ka[23] == kb[23] {
		t.Error("the previous word's and the case features of Paris are the same at the start and the end")
	}
	preFeatures(a, 4, 5, &ka)
	preFeatures(b, 0, 9, &kb)
	for _, k := range preWordFeats {
		if ka[k] != kb[k] {
			t.Errorf("first-pass feature %d of Paris differs with its place", k)
		}
	}
}

// TestWordCacheScores checks that a worker whose word cache is full of other words tags
// a sentence with the same scores as a new one.
func TestWordCacheScores(t *testing.T) {
	m := stage(t).m
	fresh := func() *worker {
		return &worker{m: m, tsc: make([]int32, len(m.xpos)), lsc: make([]int32, len(m.labels))}
	}
	words := strings.Fields("Hundreds of protesters gathered outside the embassy in Baghdad on Tuesday , and police fired tear gas")
	cold := fresh()
	cold.tagWords(words)
	warm := fresh()
	warm.tagWords(strings.Fields("The embassy said protesters and police clashed in Baghdad ; tear gas was fired"))
	warm.tagWords(words)
	if !slices.Equal(cold.tags, warm.tags) {
		t.Errorf("tags %v with an empty cache, %v with a warm one", cold.tags, warm.tags)
	}
	nc, scored := len(m.xpos), 0
	for i := range words {
		if cold.lx[i].dict != 0 {
			continue // not scored: the tag dictionary's
		}
		scored++
		if !slices.Equal(cold.static[i*nc:(i+1)*nc], warm.static[i*nc:(i+1)*nc]) {
			t.Errorf("%s: scores differ with a warm cache", words[i])
		}
	}
	if scored < 3 {
		t.Errorf("%d words scored", scored)
	}
}
