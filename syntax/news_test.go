package syntax

import (
	"os"
	"strings"
	"testing"
)

// TestNewsSVO parses simple news sentences and checks the verb's subject and object,
// what the event coder reads. The model is allowed a few misses (it learnt from web text:
// reviews, e-mail, blogs), not many.
func TestNewsSVO(t *testing.T) {
	st := stage(t)
	right, total := 0, 0
	for _, cols := range tsvLines(t, "testdata/news-svo.txt") {
		subj, verb, obj, text := cols[0], cols[1], cols[2], cols[3]
		d := analyze(t, st, "", text)
		s := d.Sentences[0]
		v, sb, ob := word(t, d, s, verb), word(t, d, s, subj), word(t, d, s, obj)
		total++
		if d.Tokens[sb].Head == v && d.Tokens[sb].Dep == "nsubj" && d.Tokens[ob].Head == v && d.Tokens[ob].Dep == "obj" {
			right++
		} else {
			t.Logf("%s\n%s", text, dump(d, s))
		}
	}
	t.Logf("%d of %d subject-verb-object triples right", right, total)
	if right < total*9/10 {
		t.Errorf("only %d of %d subject-verb-object triples right", right, total)
	}
}

// TestNewsFronted parses news sentences that open with a phrase and a comma, which the
// model, trained on web text, often parses with its root inside that phrase: the verb
// after the comma must be the root and the opening phrase must hang from it
// (reparseFronted).
func TestNewsFronted(t *testing.T) {
	st := stage(t)
	right, total := 0, 0
	for _, cols := range tsvLines(t, "testdata/news-fronted.txt") {
		verb, front, text := cols[0], cols[1], cols[2]
		d := analyze(t, st, "", text)
		s := d.Sentences[0]
		v, fr := word(t, d, s, verb), word(t, d, s, front)
		total++
		if d.Tokens[v].Head == -1 && d.Tokens[fr].Head == v {
			right++
		} else {
			t.Logf("%s\n%s", text, dump(d, s))
		}
	}
	t.Logf("%d of %d opening phrases right", right, total)
	if right < total*8/10 {
		t.Errorf("only %d of %d opening phrases right", right, total)
	}
}

// tsvLines returns the tab-separated columns of each line of path that is not blank or a
// "#" comment.
func tsvLines(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for line := range strings.SplitSeq(string(b), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, strings.Split(line, "\t"))
		}
	}
	return out
}
