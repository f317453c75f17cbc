// Package truecase is the "truecase" stage: it gives the words of a sentence written in
// title case ("Police Arrest 20 Protesters in Nairobi") or in capitals ("POLICE ARREST 20
// PROTESTERS IN NAIROBI"), as many wire services and feeds write headlines, the case an
// ordinary sentence would write them in ("Police arrest 20 protesters in Nairobi"), as
// doc.Token.Truecased.
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
//
// # Capitals
//
// Headlines and datelines are also written in capitals ("POLICE ARREST 20 PROTESTERS IN
// NAIROBI", Reuters' "RUSSIA SAYS IT WILL EXPEL DIPLOMATS", the numbered items of a list,
// a lead-in "NEW YORK, Nov. 19 (UPI) — Police ..."), which the models read as a row of
// acronyms. A sentence is in capitals when it has no word with a lower-case letter and two
// words or more in capitals of two letters or more, wherever it stands; a sentence that
// opens its paragraph may also open with such a run and go on in ordinary case (a
// lead-in), and the run alone is truecased. There every word's case is unknown, the
// acronyms' too: a word stays in capitals ("US", "NATO"), is capitalised ("Nairobi") or
// lowered ("arrest"), decided as above, with these differences:
//
//   - an acronym of capitals.txt (counted on unlabelled news by internal/capsgen) stays in capitals, before
//     the article's lower case ("told us") or closed.txt ("us") are asked, unless the
//     article writes it capitalised ("Nato");
//   - the article also counts the words it writes in capitals ("ECOWAS");
//   - a word without a vowel is an acronym ("DRC", "PKK") unless a lexicon writes it in
//     lower case ("BY", "TRY") or capitals.txt lists it as an abbreviation ("MR");
//   - a word no lexicon knows stays in capitals when it has three letters or fewer, and is
//     otherwise capitalised;
//   - clitics ("'S", "N'T"), "A" and the suffixes of numbers ("737S", "30TH", "12-YEAR")
//     are lowered, and the opening word is capitalised.
//
// Words with a period or a digit inside ("U.N.", "G20", "COVID-19") are left as written.
package truecase

import (
	"context"
	_ "embed"
	"maps"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
)

//go:embed closed.txt
var closedTxt string

//go:embed capitals.txt
var capitalsTxt string

// acronyms is the set of capitals.txt's words written in capitals; notAcronyms those of
// its "[not acronyms]" section, written capitalised though they have no vowel.
var acronyms, notAcronyms = sections(capitalsTxt, "[not acronyms]")

// closed is the set of closed.txt's words lower-cased in any title-case sentence;
// function holds them and the words of its "[names too]" section, which do not tell
// whether a sentence is in title case.
var closed, function = func() (map[string]bool, map[string]bool) {
	c, names := sections(closedTxt, "[names too]")
	f := maps.Clone(c)
	maps.Copy(f, names)
	return c, f
}()

// sections reads a word list, one word a line and "#" comments, into the words before
// the line mark and those after it.
func sections(text, mark string) (before, after map[string]bool) {
	before, after = map[string]bool{}, map[string]bool{}
	cur := before
	for _, l := range strings.Split(text, "\n") {
		switch l = strings.TrimSpace(l); {
		case l == "" || l[0] == '#':
		case l == mark:
			cur = after
		default:
			cur[l] = true
		}
	}
	return before, after
}

// Stage is the pipeline stage that writes the Truecased form of the tokens of title-case
// sentences and of sentences in capitals. Its lexical knowledge comes from the other stages' models (see
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
	var titled []int      // indexes of the title-case sentences
	caps := map[int]int{} // sentences in capitals, or opening with a run of them: its end
	for i, sn := range d.Sentences {
		toks := d.Tokens[sn.FirstToken:sn.EndToken]
		if end := capsRun(toks); end > 0 && (end == len(toks) || opensParagraph(d, i)) {
			caps[i] = end
			titled = append(titled, i)
		} else if opensParagraph(d, i) && isTitleCase(toks) {
			titled = append(titled, i)
		}
	}
	if len(titled) == 0 {
		return nil
	}
	ev := articleCase(d, titled, caps)
	for _, i := range titled {
		sn := d.Sentences[i]
		toks := d.Tokens[sn.FirstToken:sn.EndToken]
		if end, ok := caps[i]; ok {
			s.truecaseCaps(toks, end, ev)
		} else {
			s.truecase(toks, ev)
		}
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

// capsRun returns the end of the run of tokens written in capitals that opens a sentence
// ("POLICE ARREST 20 PROTESTERS IN NAIROBI", the lead-in "NEW YORK, Nov. 19"): the index
// of its first word with a lower-case letter, or len(toks) when it has none; 0 when the
// run has fewer than two words in capitals of two letters or more, which one acronym
// ("UN officials said") or a dateline of one word ("MOSCOW 1996-08-22") do not make.
func capsRun(toks []doc.Token) int {
	n := 0
	for i := range toks {
		t := &toks[i]
		if t.Kind != doc.Word {
			continue
		}
		if hasLower(t.Text) {
			if n < 2 {
				return 0
			}
			return i
		}
		if inCaps(t.Text) {
			n++
		}
	}
	if n < 2 {
		return 0
	}
	return len(toks)
}

// hasLower reports whether w has a lower-case letter.
func hasLower(w string) bool {
	return strings.IndexFunc(w, unicode.IsLower) >= 0
}

// inCaps reports whether w is a word in capitals whose case is unknown: two letters or
// more, all upper case, no digit and no period ("PANEL", "ANTI-WAR", "RUSSIA'S"; not
// "U.N.", "G20", "A").
func inCaps(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r) || r == '.' || unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters >= 2
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
// ordinary case: in lower case, capitalised away from a sentence's start, and in
// capitals (two letters or more, anywhere).
type evidence map[string]*[3]int

// articleCase reads the evidence of every sentence but the title-case ones and the runs
// in capitals (caps: a sentence's index to the end of its run).
func articleCase(d *doc.Document, titled []int, caps map[int]int) evidence {
	ev := evidence{}
	next := 0
	for i, sn := range d.Sentences {
		from := sn.FirstToken
		if next < len(titled) && titled[next] == i {
			next++
			end, ok := caps[i]
			if !ok {
				continue
			}
			from += end // the rest of a sentence after its lead-in in capitals
		}
		first := true
		for k := from; k < sn.EndToken; k++ {
			t := &d.Tokens[k]
			if t.Kind != doc.Word {
				// a word after a colon or an opening quote may take a capital
				first = first || t.Text == ":" || isQuote(t.Text)
				continue
			}
			sh := shapeOf(t)
			if sh == other && inCaps(t.Text) && !strings.Contains(t.Text, "-") {
				ev.count(t.Text, 2)
			}
			if sh == other || (sh == capital && first) {
				first = false
				continue
			}
			first = false
			if sh == lower {
				ev.count(t.Text, 0)
			} else {
				ev.count(t.Text, 1)
			}
		}
	}
	return ev
}

// count adds one to the count k of word w.
func (ev evidence) count(w string, k int) {
	w = strings.ToLower(w)
	c := ev[w]
	if c == nil {
		c = new([3]int)
		ev[w] = c
	}
	c[k]++
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
	names := s.knownNames(toks)
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

// How ordinary case writes a word of a sentence in capitals.
const (
	inCapitals  = iota // "US", "NATO"
	capitalised        // "Nairobi"
	lowered            // "arrest"
)

// knownNames returns what KnownNames says of the sentence's words (nil without it).
func (s Stage) knownNames(toks []doc.Token) []int {
	if s.KnownNames == nil {
		return nil
	}
	words := make([]string, len(toks))
	for i := range toks {
		words[i] = toks[i].Text
	}
	return s.KnownNames(words)
}

// truecaseCaps sets Truecased on the words of the run in capitals that opens a sentence,
// toks[:end], to the case ordinary prose would write them in: capitalised for the
// sentence's opening word, unless it stays in capitals.
func (s Stage) truecaseCaps(toks []doc.Token, end int, ev evidence) {
	names := s.knownNames(toks)
	first := opening(toks)
	for i := range toks[:end] {
		t := &toks[i]
		if t.Kind != doc.Word && t.Kind != doc.Number {
			continue
		}
		clitic, number := isClitic(t.Text), startsWithDigit(t.Text)
		if t.Kind == doc.Number && !number || !inCaps(t.Text) && !clitic && !number && !(t.Text == "A" && i != first) {
			continue
		}
		name := 0
		if names != nil {
			name = names[i]
		}
		var out string
		switch {
		case clitic || t.Text == "A":
			out = strings.ToLower(t.Text)
		case number:
			// a number's suffix ("737S", "30TH", "7.2BN") and the words joined to it
			// ("12-YEAR-OLD"); a letter of a name ("3D", "4G") stays
			parts := strings.Split(t.Text, "-")
			for k, p := range parts {
				if inCaps(p) {
					parts[k] = inForm(p, s.capsWord(p, 0, ev))
				} else if startsWithDigit(p) {
					digits := strings.TrimRightFunc(p, unicode.IsUpper)
					if suffix := p[len(digits):]; numberSuffix[strings.ToLower(suffix)] {
						parts[k] = digits + strings.ToLower(suffix)
					}
				}
			}
			out = strings.Join(parts, "-")
		case strings.Contains(t.Text, "-") && ev.caseOf(t.Text) < 0:
			// the parts of a hyphenated word one by one ("ANTI-WAR", "AL-SHABAAB"), as
			// capitals when a gazetteer name holds it ("GUINEA-BISSAU")
			parts := strings.Split(t.Text, "-")
			for k, p := range parts {
				f := capitalised
				if name != inLongName && inCaps(p) {
					f = s.capsWord(p, 0, ev)
				}
				parts[k] = inForm(p, f)
			}
			out = strings.Join(parts, "-")
		default:
			out = inForm(t.Text, s.capsWord(t.Text, name, ev))
		}
		if i == first {
			// ordinary case capitalises the opening word
			r, n := utf8.DecodeRuneInString(out)
			out = string(unicode.ToUpper(r)) + out[n:]
		}
		if out != t.Text && len(out) == len(t.Text) {
			t.Truecased = out
		}
	}
}

// inForm writes w, in capitals, in form f.
func inForm(w string, f int) string {
	switch f {
	case lowered:
		return strings.ToLower(w)
	case capitalised:
		r, n := utf8.DecodeRuneInString(w)
		return string(r) + strings.ToLower(w[n:])
	}
	return w
}

// caseOf returns what the article says of word w: the form its other sentences write it
// in most often, or -1 when none does more often than the others.
func (ev evidence) caseOf(w string) int {
	c := ev[strings.ToLower(w)]
	if c == nil {
		return -1
	}
	// c counts lower case, capitalised, capitals
	switch lo, cp, up := c[0], c[1], c[2]; {
	case up > lo && up > cp:
		return inCapitals
	case cp > lo && cp > up:
		return capitalised
	case lo > cp && lo > up:
		return lowered
	}
	return -1
}

// capsWord decides how ordinary case writes a word of a sentence in capitals, the first
// evidence that speaks deciding: capitals.txt, unless the article writes the word
// capitalised more often than in capitals; the article; closed-class words; a word
// without a vowel, unless a lexicon writes it in lower case ("BY", "TRY"), is an acronym
// ("DRC", "PKK"); then as for title case, a gazetteer name of several words, the
// lexicons, a gazetteer name of one word, the lexicons for the word without its
// inflection; a word no lexicon knows stays in capitals when it has three letters or
// fewer, as acronyms do, and is otherwise capitalised, as names are.
func (s Stage) capsWord(w string, name int, ev evidence) int {
	lw := strings.ToLower(w)
	if acronyms[lw] {
		// the article's lower case does not speak against an acronym that is also a
		// word ("told us"); its capitalised form does ("Nato", as British style has it)
		if c := ev[lw]; c != nil && c[1] > c[2] {
			return capitalised
		}
		return inCapitals
	}
	if f := ev.caseOf(lw); f >= 0 {
		return f
	}
	switch {
	case closed[lw]:
		return lowered
	case !strings.ContainsAny(lw, "aeiouy") && !notAcronyms[lw]:
		if lower, _ := s.writtenLower(lw); lower {
			return lowered
		}
		return inCapitals
	case name == inLongName:
		return capitalised
	}
	if lower, known := s.writtenLower(lw); known {
		if lower {
			return lowered
		}
		return capitalised
	}
	if name == oneWord {
		return capitalised
	}
	for _, stem := range stems(lw) {
		if lower, known := s.writtenLower(stem); known {
			if lower {
				return lowered
			}
			return capitalised
		}
	}
	if utf8.RuneCountInString(lw) <= 3 {
		return inCapitals
	}
	return capitalised
}

// isClitic reports a clitic in capitals ("'S", "’S", "N'T", "'LL"), which ordinary case
// writes in lower case.
func isClitic(w string) bool {
	i := strings.IndexAny(w, "'’")
	return i >= 0 && i <= 1 && len(w) > i+1 && !hasLower(w) && (i == 0 || w[0] == 'N')
}

// startsWithDigit reports a word that opens with a digit ("737S", "12-YEAR-OLD").
func startsWithDigit(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// numberSuffix holds the suffixes of numbers that ordinary case writes in lower case:
// plurals, ordinals, amounts and times ("1990s", "30th", "7.2bn", "5pm").
var numberSuffix = map[string]bool{"s": true, "st": true, "nd": true, "rd": true, "th": true,
	"bn": true, "m": true, "k": true, "km": true, "kg": true, "am": true, "pm": true}
