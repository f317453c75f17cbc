package segment

import (
	"testing"
	"unicode/utf8"
)

// FuzzSegment checks the text layer's invariants on any input: normalisation is
// idempotent, tokens are in order, do not overlap, match their offsets and never cover
// white space, and sentences are made of whole tokens in order.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"Maj Gen Hossein Salami said: \"We will respond”, officials said.",
		"in Iran.This was U.S. Sept. 11 1,200 3.5 #tag https://x.org/a.",
		"“Nobody,\" she said.\n\n\nNext para... Yes?! (No.)",
		"don't O'Brien's Iranians' e.g. a.m. J. R. R. Tolkien",
		"\r\n\u00a0\u200b\ufeff\u2029 \t",
		"A\x00\u0304 e\u00ad\u0301",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			return
		}
		text := Normalize(in)
		if again := Normalize(text); again != text {
			t.Fatalf("Normalize not idempotent:\n%q\n%q", text, again)
		}
		toks := Tokenize(text)
		prev := 0
		for i, tok := range toks {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("token %d %q has bad span %d-%d (prev end %d)", i, tok.Text, tok.Start, tok.End, prev)
			}
			if text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %d text %q != text at offsets %q", i, tok.Text, text[tok.Start:tok.End])
			}
			prev = tok.End
		}
		sents := Sentences(text, toks, Paragraphs(text))
		next := 0
		for i, s := range sents {
			if s.FirstToken != next || s.EndToken <= s.FirstToken || s.EndToken > len(toks) {
				t.Fatalf("sentence %d covers tokens %d-%d, want to start at %d", i, s.FirstToken, s.EndToken, next)
			}
			if s.Start != toks[s.FirstToken].Start || s.End != toks[s.EndToken-1].End || text[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d offsets do not match its tokens", i)
			}
			next = s.EndToken
		}
		if next != len(toks) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
		}
	})
}
