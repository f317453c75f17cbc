// Package truecase is the "truecase" stage: it gives the words of a sentence written in
// title case ("Police Arrest 20 Protesters in Nairobi"), as many wire services and feeds
// write headlines, the case an ordinary sentence would write them in ("Police arrest 20
// protesters in Nairobi"), as doc.Token.Truecased.
//
// # Why
//
// The tagger, the parser and the entity recogniser learnt from text in ordinary case,
// where a capital away from the sentence's start is the strongest sign of a proper noun.
// Title case capitalises every content word and so destroys that evidence: the tagger
// reads "Police Arrest 20 Protesters" as four proper nouns, the parser finds no verb, and
// the headline yields no event, while "Police arrest 20 protesters" does. The models read
// Token.Form, the truecased word where this stage gave one; Token.Text, the offsets and
// everything the output quotes keep the article as written.
//
// # How
//
// A sentence is in title case when it opens its paragraph (a headline is a line of its
// own, as is the title), has a capitalised word besides its opening word, and no word
// other than a closed-class one (closed.txt: "in", "with", "the") in lower case. Words in
// capitals ("US", "NATO"), with a capital inside ("McDonald", "iPhone") or with a digit
// are left as written, as is the opening word, which ordinary case capitalises too (not
// a word after an opening number: "26 Dead in Attacks"). For
// every other capitalised word, the evidence is read in this order, the first that speaks
// deciding (the standard approach of truecasers: the document first, then the lexicon):
//
//  1. the article itself: how its other sentences (those not in title case) write the
//     word away from a sentence's start, lower case or capitalised, whichever more often;
//  2. closed-class words (closed.txt): lower case;
//  3. a name of two or more words that the gazetteer holds ("New York", "Security
//     Council"): capitalised;
//  4. the lexicon (Stage.Lexicons: how unlabelled news writes the word, then verb
//     forms);
//  5. a name of one word in the gazetteer ("Lesotho"): capitalised;
//  6. the lexicon again for the word without an inflection or a common suffix
//     ("Deepens" as "deepen");
//  7. otherwise the word stays capitalised: a word no lexicon knows is more often a name.
//
// The parts of a hyphenated word ("Anti-Government", "Al-Shabaab") are decided one by one
// when the article does not write the whole word. A truecased word has the same length in
// bytes as the word written, so that offsets inside it (the parser's pieces of hyphenated
// words) stay true; a word whose lower case would not is left as written.
package truecase

import (
	"context"
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
)

//go:embed closed.txt
var closedTxt string

// closed is the set of closed.txt's words lower-cased in any title-case sentence;
// function holds them and the words of its "[names too]" section, which do not tell
// whether a sentence is in title case.
var closed, function = func() (map[string]bool, map[string]bool) {
	c, f := map[string]bool{}, map[string]bool{}
	names := false
	for _, l := range strings.Split(closedTxt, "\n") {
		switch l = strings.TrimSpace(l); {
		case l == "" || l[0] == '#':
		case l == "[names too]":
			names = true
		default:
			f[l] = true
			if !names {
				c[l] = true
			}
		}
	}
	return c, f
}()

// Stage is the pipeline stage that writes the Truecased form of the tokens of title-case
// sentences. Its lexical knowledge comes from the other stages' models (see
// pipeline/standard); either function may be nil.
type Stage struct {
	// Lexicons say whether English writes word, in any case, in lower case, and whether
	// they know the word at all (syntax.Stage.WrittenLower, ner.Model.WrittenLower); the
	// first that knows the word decides.
	Lexicons []func(word string) (lower, known bool)
	// KnownNames gives, for each word of a sentence, whether a gazetteer name of one word
	// (1) or of two or more words (2) covers it, 0 for none (ner.Model.KnownNames).
	KnownNames func(words []string) []int
}

// Name kinds of Stage.KnownNames, as ner.Model.KnownNames gives them.
const (
	oneWord    = 1
	inLongName = 2
)

// Name implements pipeline.Stage.
func (Stage) Name() string { return "truecase" }

// Languages implements pipeline.LanguageBound: title case and the lexicons are English.
func (Stage) Languages() []string { return []string{"en"} }

// Reads implements pipeline.Declarer.
func (Stage) Reads() []string { return []string{doc.LayerLanguage, doc.LayerText} }

// Writes implements pipeline.Declarer.
func (Stage) Writes() []string { return []string{doc.LayerTruecase} }

// Annotate implements pipeline.Stage.
func (s Stage) Annotate(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var titled []int // indexes of the title-case sentences
	for i, sn := range d.Sentences {
		if opensParagraph(d, i) && isTitleCase(d.Tokens[sn.FirstToken:sn.EndToken]) {
			titled = append(titled, i)
		}
	}
	if len(titled) == 0 {
		return nil
	}
	ev := articleCase(d, titled)
	for _, i := range titled {
		sn := d.Sentences[i]
		s.truecase(d.Tokens[sn.FirstToken:sn.EndToken], ev)
	}
	return nil
}

// opensParagraph reports whether sentence i is the first of its paragraph, or is in the
// title.
func opensParagraph(d *doc.Document, i int) bool {
	sn := d.Sentences[i]
	if sn.Start < d.BodyStart || i == 0 {
		return true
	}
	return d.Sentences[i-1].Paragraph != sn.Paragraph
}

// shape is what a word's letters say about its case.
type shape int

const (
	other   shape = iota // no letter, a digit, capitals only, a capital inside
	lower                // all lower case
	capital              // one capital, then lower case ("Arrest", "Al-shabaab" is other)
)

// shapeOf classes a token's word; a hyphenated word is capital when each part is
// capitalised or closed-class ("Anti-Government", "Al-Shabaab", "Get-Out-the-Vote").
func shapeOf(t *doc.Token) shape {
	if t.Kind != doc.Word {
		return other
	}
	if strings.Contains(t.Text, "-") {
		parts := strings.Split(t.Text, "-")
		caps, lows := 0, 0
		for _, p := range parts {
			switch partShape(p) {
			case capital:
				caps++
			case lower:
				if !function[p] {
					lows++
				}
			default:
				return other
			}
		}
		switch {
		case lows == 0 && caps > 0:
			return capital
		case caps == 0:
			return lower
		}
		return other
	}
	return partShape(t.Text)
}

// partShape classes a word without hyphens.
func partShape(w string) shape {
	if w == "" {
		return other
	}
	r0, n := utf8.DecodeRuneInString(w)
	rest := w[n:]
	lowerRest, letters := true, unicode.IsLetter(r0)
	for _, r := range rest {
		switch {
		case unicode.IsDigit(r):
			return other
		case unicode.IsUpper(r):
			lowerRest = false
		case unicode.IsLetter(r):
			letters = true
		}
	}
	switch {
	case !letters || !unicode.IsLetter(r0):
		return other
	case unicode.IsUpper(r0) && lowerRest && rest != "":
		return capital
	case unicode.IsLower(r0) && lowerRest:
		return lower
	}
	return other
}

// opening returns the index of the sentence's opening word, which ordinary case
// capitalises too: its first token after opening punctuation, when that is a word; -1 when
// the sentence opens with a number or a symbol ("26 Dead in Attacks").
func opening(toks []doc.Token) int {
	for i := range toks {
		switch toks[i].Kind {
		case doc.Punct:
			continue
		case doc.Word:
			return i
		}
		return -1
	}
	return -1
}

// isTitleCase reports whether a sentence's tokens are written in title case: a capitalised
// word besides the opening one and no word in lower case but closed-class ones.
func isTitleCase(toks []doc.Token) bool {
	caps, first := 0, opening(toks)
	for i := range toks {
		t := &toks[i]
		if t.Kind != doc.Word || i == first {
			continue
		}
		switch shapeOf(t) {
		case capital:
			caps++
		case lower:
			if !function[t.Text] {
				return false
			}
		}
	}
	return caps >= 1
}

// evidence counts how the article writes a word (lower-cased) in its sentences of
// ordinary case: in lower case, and capitalised away from a sentence's start.
type evidence map[string]*[2]int

// articleCase reads the evidence of every sentence but the title-case ones.
func articleCase(d *doc.Document, titled []int) evidence {
	ev := evidence{}
	next := 0
	for i, sn := range d.Sentences {
		if next < len(titled) && titled[next] == i {
			next++
			continue
		}
		first := true
		for k := sn.FirstToken; k < sn.EndToken; k++ {
			t := &d.Tokens[k]
			if t.Kind != doc.Word {
				// a word after a colon or an opening quote may take a capital
				first = first || t.Text == ":" || isQuote(t.Text)
				continue
			}
			sh := shapeOf(t)
			if sh == other || (sh == capital && first) {
				first = false
				continue
			}
			first = false
			w := strings.ToLower(t.Text)
			c := ev[w]
			if c == nil {
				c = new([2]int)
				ev[w] = c
			}
			if sh == lower {
				c[0]++
			} else {
				c[1]++
			}
		}
	}
	return ev
}

func isQuote(s string) bool {
	switch s {
	case `"`, "“", "‘", "'", "(", "[", "—", "–", "-":
		return true
	}
	return false
}

// says returns what the article says of word w: lower case (1), capitalised (-1) or
// nothing (0).
func (ev evidence) says(w string) int {
	c := ev[strings.ToLower(w)]
	switch {
	case c == nil || c[0] == c[1]:
		return 0
	case c[0] > c[1]:
		return 1
	}
	return -1
}

// truecase sets Truecased on the words of one title-case sentence that ordinary case
// writes in lower case.
func (s Stage) truecase(toks []doc.Token, ev evidence) {
	var names []int
	if s.KnownNames != nil {
		words := make([]string, len(toks))
		for i := range toks {
			words[i] = toks[i].Text
		}
		names = s.KnownNames(words)
	}
	first := opening(toks)
	for i := range toks {
		t := &toks[i]
		if t.Kind != doc.Word || i == first || shapeOf(t) != capital {
			continue
		}
		name := 0
		if names != nil {
			name = names[i]
		}
		var out string
		switch ev.says(t.Text) {
		case 1:
			out = strings.ToLower(t.Text)
		case -1:
			continue
		default:
			if !strings.Contains(t.Text, "-") {
				if !s.lowerWord(t.Text, name) {
					continue
				}
				out = strings.ToLower(t.Text)
				break
			}
			if name == inLongName {
				continue
			}
			parts := strings.Split(t.Text, "-")
			for k, p := range parts {
				if partShape(p) == capital && (ev.says(p) == 1 || ev.says(p) == 0 && s.lowerWord(p, 0)) {
					parts[k] = strings.ToLower(p)
				}
			}
			out = strings.Join(parts, "-")
		}
		if out != t.Text && len(out) == len(t.Text) {
			t.Truecased = out
		}
	}
}

// lowerWord decides a capitalised word the article says nothing of, by steps 2 to 7 of
// the package's list; name is what KnownNames gave it.
func (s Stage) lowerWord(w string, name int) bool {
	lw := strings.ToLower(w)
	switch {
	case closed[lw]:
		return true
	case name == inLongName:
		return false
	}
	if lower, known := s.writtenLower(lw); known {
		return lower
	}
	if name == oneWord {
		return false
	}
	for _, stem := range stems(lw) {
		if lower, known := s.writtenLower(stem); known {
			return lower
		}
	}
	return false
}

// writtenLower asks the lexicons in turn; the first that knows w decides.
func (s Stage) writtenLower(w string) (lower, known bool) {
	for _, lx := range s.Lexicons {
		if lower, known := lx(w); known {
			return lower, true
		}
	}
	return false, false
}

// stems returns the forms a word may have without an inflection or a common suffix:
// "deepens" → "deepen", "deepened" → "deepen", "deepening" → "deepen", "raided" →
// "raid", "raide".
func stems(w string) []string {
	var out []string
	for _, suf := range []string{"ing", "ers", "er", "ed", "es", "s", "ly", "d"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 3 {
			out = append(out, b)
			if suf == "ing" || suf == "ed" {
				out = append(out, b+"e")
				if n := len(b); b[n-1] == b[n-2] { // "stopping" → "stop"
					out = append(out, b[:n-1])
				}
			}
		}
	}
	return out
}
