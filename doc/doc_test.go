package doc

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestTokenHeadInJSON: a head of token 0 is written (it is a real head), and a token
// without syntax has no head at all.
func TestTokenHeadInJSON(t *testing.T) {
	for _, c := range []struct {
		tok  Token
		want string
	}{
		{Token{Text: "Iran", POS: "PROPN", Head: 1, Dep: "nsubj"}, `"head":1`},
		{Token{Text: "fired", POS: "VERB", Head: 0, Dep: "conj"}, `"head":0`},
		{Token{Text: "said", POS: "VERB", Head: -1, Dep: "root"}, `"head":-1`},
		{Token{Text: "Iran"}, ""},
	} {
		b, err := json.Marshal(c.tok)
		if err != nil {
			t.Fatal(err)
		}
		got := string(b)
		if c.want == "" && strings.Contains(got, `"head"`) || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%+v: got %s, want %q", c.tok, got, c.want)
		}
		if !strings.Contains(got, `"text":"`+c.tok.Text+`"`) || !strings.Contains(got, `"start":`) {
			t.Errorf("%+v: fields lost: %s", c.tok, got)
		}
		var back Token
		if err := json.Unmarshal(b, &back); err != nil || back != c.tok {
			t.Errorf("round trip: %+v, want %+v (%v)", back, c.tok, err)
		}
	}
}

// TestSentenceLookups: offsets and tokens map to their sentence, and what lies outside
// every sentence (a paragraph break) to none.
func TestSentenceLookups(t *testing.T) {
	d := &Document{Text: "One two.\n\nThree.", Sentences: []Sentence{
		{Text: "One two.", Span: Span{Start: 0, End: 8}, FirstToken: 0, EndToken: 3},
		{Text: "Three.", Span: Span{Start: 10, End: 16}, FirstToken: 3, EndToken: 5},
	}}
	for off, want := range map[int]int{0: 0, 7: 0, 8: -1, 9: -1, 10: 1, 15: 1, 16: -1} {
		if got := d.SentenceAt(off); got != want {
			t.Errorf("SentenceAt(%d) = %d, want %d", off, got, want)
		}
	}
	for tok, want := range map[int]int{0: 0, 2: 0, 3: 1, 4: 1, 5: -1} {
		if got := d.SentenceOfToken(tok); got != want {
			t.Errorf("SentenceOfToken(%d) = %d, want %d", tok, got, want)
		}
	}
}

func TestCasualtyBrief(t *testing.T) {
	for c, want := range map[Casualty]string{
		{Kind: "killed", Value: 50, Qualifier: "at_least"}: "killed at least 50",
		{Kind: "injured", Value: 48, Qualifier: "exact"}:   "injured 48",
		{Kind: "missing", Value: 3}:                        "missing 3",
	} {
		if got := c.Brief(); got != want {
			t.Errorf("%+v: %q, want %q", c, got, want)
		}
	}
}
