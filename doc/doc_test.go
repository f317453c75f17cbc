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
