package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
)

// analysis is the per-document state of one Extract call.
type analysis struct {
	v    *vocabulary
	d    *doc.Document
	toks []doc.Token
	// long holds the labels of the longest vocabulary phrase starting at each token and
	// longN its length in tokens; one holds the labels of the token on its own.
	long  []feat
	longN []uint8
	one   []feat
	sent  []int32 // sentence index of each token
	// quotes are the quoted passages in text order; inQ gives, for each token, the index
	// of the passage that contains it (marks included), or -1.
	quotes []passage
	inQ    []int32
	out    []Attribution
	// consumed is the token before which everything belongs to an attribution already.
	consumed int
	meta     []attMeta // parallel to out
	people   *people   // person mentions, found on first use
	// learned holds genders learned from resolved pronouns, by surname: after "she"
	// is found to be Ilse Mertens, "he" is not.
	learned map[string]gender
}

// attMeta is what the stage knows about an attribution beyond its public fields.
type attMeta struct {
	sentence int
	direct   bool // its content is one quoted passage
	who      who
	cueText  string
	para     int // paragraph of the content's first token
}

// who is a speaker and the tokens it was found at (the resolved mention for a pronoun),
// empty for none.
type who struct {
	s    doc.Speaker
	head span
}

// span is a half-open token range [first, end).
type span struct{ first, end int }

func (s span) empty() bool { return s.end <= s.first }

func newAnalysis(v *vocabulary, d *doc.Document) *analysis {
	n := len(d.Tokens)
	a := &analysis{
		v: v, d: d, toks: d.Tokens,
		long: make([]feat, n), longN: make([]uint8, n), one: make([]feat, n),
		sent: make([]int32, n), inQ: make([]int32, n),
	}
	for i := range d.Tokens {
		long, ln, one := v.features(d.Tokens, i)
		a.long[i], a.longN[i], a.one[i] = long, uint8(min(ln, 255)), one
		a.inQ[i] = -1
	}
	for si, s := range d.Sentences {
		for i := s.FirstToken; i < s.EndToken && i < n; i++ {
			a.sent[i] = int32(si)
		}
	}
	return a
}

// run finds every attribution of the document.
func (a *analysis) run() {
	a.findQuotes()
	for si := range a.d.Sentences {
		a.sentence(si)
	}
	a.attachLoose()
}

// spanOf returns the byte span of tokens s.
func (a *analysis) spanOf(s span) doc.Span {
	if s.empty() {
		return doc.Span{}
	}
	return doc.Span{Start: a.toks[s.first].Start, End: a.toks[s.end-1].End}
}

// text returns the text of tokens s.
func (a *analysis) text(s span) string {
	sp := a.spanOf(s)
	return a.d.Text[sp.Start:sp.End]
}

// paragraph returns the paragraph index of token i.
func (a *analysis) paragraph(i int) int {
	if len(a.d.Sentences) == 0 {
		return 0
	}
	return a.d.Sentences[a.sent[i]].Paragraph
}

// isCap reports a word starting with an upper-case letter.
func (a *analysis) isCap(i int) bool {
	t := a.toks[i]
	if t.Kind != doc.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return r < utf8.RuneSelf && r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
}

// isLower reports a word or number starting with a lower-case letter or digit.
func (a *analysis) isLower(i int) bool {
	t := a.toks[i]
	if t.Kind != doc.Word && t.Kind != doc.Number {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return !(r < utf8.RuneSelf && r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r))
}

// isLyAdverb reports a lower-case word ending in -ly ("repeatedly", "publicly").
func (a *analysis) isLyAdverb(i int) bool {
	t := a.toks[i].Text
	return len(t) > 4 && t[len(t)-2:] == "ly" && a.isLower(i)
}

// isPossessive reports the clitic "'s".
func (a *analysis) isPossessive(i int) bool {
	t := a.toks[i].Text
	return t == "'s" || t == "’s" || t == "'S" || t == "’S"
}

// is reports whether token i is the word w (ASCII, case-insensitive).
func (a *analysis) is(i int, w string) bool {
	t := a.toks[i].Text
	if len(t) != len(w) {
		return false
	}
	for k := 0; k < len(t); k++ {
		c := t[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

// isTerminator reports sentence-final punctuation.
func isTerminator(s string) bool {
	switch s {
	case ".", "!", "?", "…", "?!", "!?", "...":
		return true
	}
	return false
}

// isDash reports dashes used as clause separators.
func isDash(s string) bool {
	switch s {
	case "—", "–", "-", "--", "―":
		return true
	}
	return false
}
