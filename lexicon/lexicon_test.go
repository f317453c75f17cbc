package lexicon

import (
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/segment"
)

const vocab = `
# casualty words for the test
[killed]
killed
lost their lives
death toll   # a phrase with a trailing comment
[injured]
injured
[speech]
told reporters
[killed]
dead
`

func TestMatch(t *testing.T) {
	l, err := Parse("test.vocab", strings.NewReader(vocab))
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != 6 {
		t.Errorf("Len = %d, want 6", l.Len())
	}
	text := "Nine people LOST THEIR LIVES and 12 were injured, the minister told reporters; the death toll rose."
	toks := segment.Tokenize(text)
	var got []string
	for _, h := range l.FindAll(toks, 0, len(toks)) {
		got = append(got, h.Labels[0]+"="+text[toks[h.First].Start:toks[h.End-1].End])
	}
	want := "killed=LOST THEIR LIVES|injured=injured|speech=told reporters|killed=death toll"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("FindAll = %s\nwant       %s", g, want)
	}
	// "lost" alone is not a phrase.
	if _, n := l.Match(segment.Tokenize("lost the match"), 0); n != 0 {
		t.Errorf("matched a phrase prefix")
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{"killed\n", "[killed\nkilled\n", "[]\n"} {
		if _, err := Parse("bad.vocab", strings.NewReader(src)); err == nil || !strings.Contains(err.Error(), "bad.vocab:") {
			t.Errorf("Parse(%q) error = %v, want one naming bad.vocab and the line", src, err)
		}
	}
}
