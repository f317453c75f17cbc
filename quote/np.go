package quote

import (
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// maxNP bounds a speaker's noun phrase, in tokens, and maxLower the lower-case words in it.
const (
	maxNP    = 10
	maxLower = 4
	// maxAppositive bounds an appositive between a speaker and its cue, in tokens.
	maxAppositive = 28
)

// npBefore returns the noun phrase that ends at token j and starts no earlier than lo: the
// speaker before a cue. full is the phrase as written, appositive included ("Flynn, a top
// surrogate,"); head is the speaker in it ("Flynn"). A phrase ending in a possessive is not
// a speaker ("Trump's" in "Trump's claims").
func (a *analysis) npBefore(j, lo int) (full, head span, ok bool) {
	if j < lo {
		return span{}, span{}, false
	}
	if t := a.toks[j].Text; t == "," || t == ")" {
		// An appositive or parenthesis between the speaker and the cue.
		opener := ","
		if t == ")" {
			opener = "("
		}
		for k := j - 1; k >= lo && j-k <= maxAppositive; k-- {
			tk := a.toks[k].Text
			abbrev := tk == "." && a.toks[k+1].Text == "," && !a.toks[k+1].SpaceBefore // "R-Ky.,"
			if a.inQ[k] >= 0 || isTerminator(tk) && opener == "," && !abbrev || a.long[k]&fSpeech != 0 && a.isLower(k) {
				return span{}, span{}, false
			}
			if tk == opener {
				inner, ok := a.npWalk(k-1, lo)
				if !ok {
					return span{}, span{}, false
				}
				// "Michael Mulgrew, president of the union, which …, said": a description
				// between commas follows the name.
				if b := inner.first - 1; opener == "," && b > lo && a.toks[b].Text == "," && !a.isName(a.head(inner)) {
					if outer, ok := a.npWalk(b-1, lo); ok && a.isCap(outer.end-1) {
						inner = outer
					}
				}
				head := a.head(inner)
				if appos := (span{k + 1, j}); opener == "," && !a.isName(head) && a.isName(appos) {
					head = appos // "Their spokeswoman, Ines Costa, said"
				}
				return span{inner.first, j + 1}, head, true
			}
		}
		return span{}, span{}, false
	}
	if a.is(j, "who") || a.is(j, "which") {
		// "an architect who said …": the relative pronoun is the source as written, the
		// phrase before it the speaker.
		k := j - 1
		if k >= lo && a.toks[k].Text == "," {
			k--
		}
		if ante, ok := a.npWalk(k, lo); ok {
			return span{j, j + 1}, a.head(ante), true
		}
		return span{}, span{}, false
	}
	full, ok = a.npWalk(j, lo)
	if !ok {
		return span{}, span{}, false
	}
	return full, a.head(full), true
}

// npWalk walks back from j over one noun phrase.
func (a *analysis) npWalk(j, lo int) (span, bool) {
	if j < lo {
		return span{}, false
	}
	if a.one[j]&fPronoun != 0 && a.isWordPronoun(j) {
		return span{j, j + 1}, true
	}
	i, lower := j, 0
	for ; i >= lo && j-i < maxNP; i-- {
		t, f := a.toks[i], a.one[i]
		if a.isPossessive(i) {
			if i == j {
				return span{}, false // a possessor, not a speaker
			}
			continue
		}
		if a.isPluralPossessive(i) && i < j {
			continue // "residents' groups"
		}
		if t.Kind == doc.Punct || t.Kind == doc.Symbol || isMark(t.Text) || f&fPronoun != 0 && i != j {
			break
		}
		if f&fDet != 0 {
			if i == j {
				return span{}, false
			}
			// The determiner opens the phrase, unless a preposition joins it to a noun
			// before ("the head of the force", "a spokesman for the ministry").
			if i-1 > lo && a.joinsNP(i-1) {
				i--
				continue
			}
			i--
			break
		}
		if a.is(i, "and") && i > lo && i < j && a.isCap(i-1) && a.isCap(i+1) {
			continue // "Trump and Pence"
		}
		if i < j && i > lo && a.joinsNP(i) {
			continue
		}
		if a.isCap(i) {
			if a.capFunction(i) {
				break
			}
			continue
		}
		if t.Kind != doc.Word && t.Kind != doc.Number || f&(fStop|fAux|fPassive|fTime|fPrep) != 0 ||
			a.long[i]&fSpeech != 0 || lower >= maxLower {
			break
		}
		lower++
	}
	s := span{i + 1, j + 1}
	for !s.empty() && (a.one[s.first]&fNPPrep != 0 || a.is(s.first, "and")) {
		s.first++
	}
	// A name after a noun that is not a person's role starts the phrase: "In a Bloomberg
	// interview Trump said" gives "Trump", while "campaign manager Robby Mook" stays whole.
	r := s.end
	for r > s.first && (a.isCap(r-1) || a.one[r-1]&fParticle != 0) && !a.isPossessive(r-1) {
		r--
	}
	if r > s.first && r < s.end && a.isLower(r-1) && a.one[r-1]&(fRole|fDet|fParticle|fNPPrep) == 0 && a.long[r]&fTitle == 0 {
		s.first = r
	}
	if s.empty() || s.end-s.first == 1 && a.one[s.first]&fDet != 0 {
		return span{}, false
	}
	return s, true
}

// isWordPronoun reports a pronoun written as a word ("he", "She"), not as part of a name.
func (a *analysis) isWordPronoun(i int) bool {
	return a.toks[i].Kind == doc.Word && a.longN[i] <= 1
}

// head reduces a phrase to its speaker: the run of capitalised words (with titles and
// name particles) that ends it when lower-case words come before the run ("Clinton's
// campaign manager Robby Mook" gives "Robby Mook"), or the whole phrase.
func (a *analysis) head(s span) span {
	if !a.isCap(s.end - 1) {
		return s
	}
	i := s.end - 1
	for i > s.first && (a.isCap(i-1) || a.one[i-1]&fParticle != 0 && a.isLower(i-1)) && !a.isPossessive(i-1) {
		i--
	}
	if i > s.first && a.one[i-1]&(fNPPrep|fDet) != 0 {
		return s // "a reporter from Montana", "the council of Nice": the name is not the head
	}
	for k := s.first; k < i; k++ {
		if a.isLower(k) && a.one[k]&(fDet|fNPPrep) == 0 {
			return span{i, s.end}
		}
	}
	return s
}

// npAfter returns the noun phrase that starts at token k and ends before hi: the speaker
// after "said" (`…,” said Mr Trump`) or "according to".
func (a *analysis) npAfter(k, hi int) (span, bool) {
	if k >= hi {
		return span{}, false
	}
	if a.one[k]&fPronoun != 0 && a.isWordPronoun(k) {
		return span{k, k + 1}, true
	}
	if a.is(k, "him") || a.is(k, "her") && (k+1 == hi || a.toks[k+1].Kind == doc.Punct) || a.is(k, "them") {
		return span{k, k + 1}, true // "according to him"
	}
	if a.one[k]&(fObject|fPrep) != 0 {
		return span{}, false // "told me", "said of the plan"
	}
	i, lower := k, 0
	if a.one[i]&fDet != 0 {
		i++
	}
	for ; i < hi && i-k < maxNP; i++ {
		t, f := a.toks[i], a.one[i]
		if a.isPossessive(i) || a.is(i, "of") {
			continue
		}
		if t.Kind == doc.Punct || t.Kind == doc.Symbol || isMark(t.Text) {
			break
		}
		if a.isCap(i) {
			if a.capFunction(i) {
				break
			}
			continue
		}
		if t.Kind != doc.Word && t.Kind != doc.Number || f&(fStop|fAux|fPassive|fTime|fPrep|fPronoun) != 0 ||
			a.long[i]&fSpeech != 0 || lower >= maxLower {
			break
		}
		lower++
	}
	s := span{k, i}
	for !s.empty() && (a.is(s.end-1, "of") || a.isPossessive(s.end-1)) {
		s.end--
	}
	if s.empty() || s.end-s.first == 1 && a.one[s.first]&fDet != 0 {
		return span{}, false
	}
	return s, true
}

// clauseSubject returns the subject at the start of the clause [lo, hi): the noun phrase
// after any introductory phrase ("At a press conference, Pompeo …").
func (a *analysis) clauseSubject(lo, hi int) (span, bool) {
	k := lo
	for k < hi && (a.one[k]&(fStop|fPrep) != 0 && a.one[k]&fPronoun == 0 || a.toks[k].Kind == doc.Punct) {
		if a.one[k]&fPrep != 0 || a.is(k, "after") || a.is(k, "before") || a.is(k, "while") || a.is(k, "when") {
			// An introductory phrase runs to its comma.
			c := k
			for c < hi && c-k < 12 && a.toks[c].Text != "," {
				c++
			}
			if c < hi && a.toks[c].Text == "," {
				k = c
			}
		}
		k++
	}
	return a.npAfter(k, hi)
}

// capFunction reports a capitalised word that is a function or time word rather than part
// of a name: "But", "In", "Tuesday", and "May" or "Will" only where a clause starts.
func (a *analysis) capFunction(i int) bool {
	if a.long[i]&fTime != 0 || a.one[i]&fTitle != 0 {
		return a.long[i]&fTime != 0
	}
	if a.one[i]&(fStop|fDet|fPronoun) == 0 {
		return false
	}
	return a.clauseStart(i)
}

// clauseStart reports whether token i opens its sentence or follows punctuation.
func (a *analysis) clauseStart(i int) bool {
	if i == 0 || a.d.Sentences[a.sent[i]].FirstToken == i {
		return true
	}
	k := a.toks[i-1].Kind
	return k == doc.Punct || k == doc.Symbol
}

// joinsNP reports a preposition at token i that joins a noun phrase to the noun before it.
func (a *analysis) joinsNP(i int) bool {
	if a.one[i]&fNPPrep == 0 || !a.isLower(i) || i == 0 {
		return false
	}
	p := i - 1
	return a.isCap(p) || a.isLower(p) && a.one[p]&(fStop|fDet|fAux|fPassive|fPrep|fPronoun) == 0 && a.long[p]&fSpeech == 0
}

// isPluralPossessive reports an apostrophe closing a plural possessive ("residents' ").
func (a *analysis) isPluralPossessive(i int) bool {
	t := a.toks[i]
	return (t.Text == "'" || t.Text == "’") && a.inQ[i] < 0 && i > 0 && !t.SpaceBefore &&
		strings.HasSuffix(a.toks[i-1].Text, "s")
}

// isName reports a short run of capitalised words, titles and name particles.
func (a *analysis) isName(s span) bool {
	if s.empty() || s.end-s.first > 6 || !a.isCap(s.first) {
		return false
	}
	for i := s.first; i < s.end; i++ {
		if !a.isCap(i) && a.one[i]&fParticle == 0 || a.capFunction(i) {
			return false
		}
	}
	return true
}
