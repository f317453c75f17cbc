package syntax

import (
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
