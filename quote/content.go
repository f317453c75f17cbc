package quote

import (
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// before returns the content that ends at token j (a comma, dash or closing quote mark
// before the speaker) and starts no earlier than lo: the quote that closes there, or the
// clause. q is the passage index for a direct quote, else -1.
func (a *analysis) before(lo, j int) (content span, q int) {
	if j < 0 {
		return span{}, -1
	}
	k := j
	if !a.closesPassage(k) && k > 0 && a.closesPassage(k-1) && (a.toks[k].Text == "," || isDash(a.toks[k].Text)) {
		k--
	}
	if a.closesPassage(k) {
		q := int(a.inQ[k])
		if a.quotes[q].used {
			return span{}, -1
		}
		if a.startsClause(a.quotes[q].open) {
			return a.outer(a.quotes[q]), q
		}
		// A partial quote ending the clause (`called it “a disaster,” he said`).
	}
	end := j + 1
	if t := a.toks[j].Text; t == "," || isDash(t) {
		end = j
	}
	lo = a.skipDateline(lo, end)
	if end-lo < 2 {
		return span{}, -1
	}
	c := span{lo, end}
	return c, a.passageExactly(c)
}

// skipDateline returns the first token after a dateline that opens a paragraph
// ("WASHINGTON ― …", "BRUSSELS, Belgium - …"), or k when there is none.
func (a *analysis) skipDateline(k, hi int) int {
	if k > 0 && a.paragraph(k-1) == a.paragraph(k) || !a.isCap(k) || a.toks[k].Text != strings.ToUpper(a.toks[k].Text) {
		return k
	}
	for i := k; i < hi && i-k < 8; i++ {
		if isDash(a.toks[i].Text) {
			return i + 1
		}
		if a.toks[i].Kind != doc.Punct && !a.isCap(i) {
			return k
		}
	}
	return k
}

// forward returns the content after cue: the quote that follows it, or the reported
// clause. The hearer of "told"-like cues is skipped, and so are adjuncts ("on Tuesday",
// "in a statement") when "that" or a quote follows them.
func (a *analysis) forward(cue span, hi int) (content span, q int) {
	k := cue.end
	switch f := a.long[cue.first]; {
	case f&fAccuse != 0:
		// "accused Iran of propaganda": the accusation follows "of".
		if o := a.skipObject(k, hi); o < hi && a.is(o, "of") {
			k = o + 1
		}
	case f&fTell != 0:
		// "told reporters that …", "told CNN he …"; but "urged Trump to stop" keeps the
		// hearer, the subject of the infinitive.
		if o := a.skipObject(k, hi); o > k && o < hi {
			if k2, _ := a.skipAdjuncts(o, hi); k2 < hi && a.opensClause(k2) {
				k = o
			}
		}
	}
	start := k
	if k2, onlyTime := a.skipAdjuncts(k, hi); k2 < hi {
		t := a.toks[k2].Text
		if a.is(k2, "that") || onlyTime || a.opensPassage(k2) || t == ":" || t == "," {
			start = k2
		}
	}
	for start < hi && (a.toks[start].Text == ":" || a.toks[start].Text == "," || isDash(a.toks[start].Text)) {
		start++
	}
	if start >= hi {
		// "said:" ending a paragraph, the quote opening the next.
		if hi < len(a.toks) && a.toks[hi-1].Text == ":" && a.opensPassage(hi) {
			q := int(a.inQ[hi])
			return a.outer(a.quotes[q]), q
		}
		return span{}, -1
	}
	if a.opensPassage(start) {
		q := int(a.inQ[start])
		if after := a.quotes[q].close + 1; after >= hi || a.clauseEnds(after, hi) {
			return a.outer(a.quotes[q]), q
		}
	}
	content = span{start, a.contentEnd(start, hi)}
	if content.empty() || a.is(start, "and") || a.is(start, "or") || a.is(start, "but") {
		return span{}, -1 // "reported from Midway, and …": no content
	}
	return content, a.passageExactly(content)
}

// forwardEmpty reports whether nothing but adjuncts follows cue in its clause, as in
// "…, officials said on Tuesday." and "…, he said, adding …".
func (a *analysis) forwardEmpty(cue span, hi int) bool {
	k, _ := a.skipAdjuncts(cue.end, hi)
	if k+1 < hi && (a.toks[k].Text == "," || a.toks[k].Text == ":") && a.opensPassage(k+1) {
		return false // `the announcer said, “…”`
	}
	return a.clauseEnds(k, hi)
}

// clauseEnds reports whether the clause ends at token k: the sentence ends or punctuation
// follows.
func (a *analysis) clauseEnds(k, hi int) bool {
	if k >= hi {
		return true
	}
	t := a.toks[k].Text
	return t == "," || t == ";" || t == "(" || t == ")" || isDash(t) || isTerminator(t) ||
		a.one[k]&fPrep != 0 || a.long[k]&fTime != 0
}

// contentEnd returns where a reported clause starting at start ends: at the end of the
// sentence, or before ", adding …" or ", according to …", without final punctuation
// outside quotes.
func (a *analysis) contentEnd(start, hi int) int {
	end := hi
	for i := start; i < hi; i++ {
		if q := a.inQ[i]; q >= 0 {
			i = max(i, a.quotes[q].close)
			continue
		}
		if a.toks[i].Text == "," && i+1 < hi {
			n := i + 1
			for n+1 < hi && (a.one[n]&fAux != 0 && a.isLower(n) || a.isLyAdverb(n)) {
				n++ // ", even suggesting …"
			}
			if a.long[n]&fAccording != 0 || a.long[n]&fSpeech != 0 && a.isLower(n) && strings.HasSuffix(a.toks[n].Text, "ing") {
				end = i
				break
			}
		}
		if (a.is(i, "and") || a.is(i, "but")) && i > start {
			// "… and said that …": a second cue of the same speaker.
			n := i + 1
			for n < hi && (a.one[n]&fAux != 0 && a.isLower(n) || a.isLyAdverb(n)) {
				n++
			}
			if n == hi {
				break // "and" ends the clause: no cue after it
			}
			if c, ok := a.cueAt(n); ok && !a.isParticiple(c) {
				end = i
				break
			}
		}
	}
	for end > start && a.inQ[end-1] < 0 {
		t := a.toks[end-1].Text
		if !(isTerminator(t) || t == "," || t == ";" || t == ":" || isDash(t)) {
			break
		}
		end--
	}
	return end
}

// skipObject skips the hearer after a "told"-like cue: "reporters", "him", "CNN", "The
// New York Times", "a rally", "Breitbart News Daily host Alex Marlow".
func (a *analysis) skipObject(k, hi int) int {
	if k >= hi {
		return k
	}
	if a.long[k]&fObject != 0 {
		return k + int(a.longN[k])
	}
	i, lower := k, 0
	if a.one[i]&fDet != 0 {
		i++
	}
	for i < hi && i-k < 8 {
		switch {
		case a.isCap(i) && !a.capFunction(i) || a.isPossessive(i):
		case a.is(i, "of") && i+1 < hi && (a.isCap(i+1) || a.one[i+1]&fDet != 0):
		case a.isLower(i) && lower < 3 && !a.is(i, "of") && a.one[i]&(fStop|fPrep|fSpeech|fAux|fPassive|fPronoun|fClause) == 0 && a.long[i]&fTime == 0:
			lower++
		default:
			return i
		}
		i++
	}
	return i
}

// skipAdjuncts skips time expressions and prepositional phrases after a cue. onlyTime
// reports that it skipped something and all of it was time expressions.
func (a *analysis) skipAdjuncts(k, hi int) (next int, onlyTime bool) {
	onlyTime = true
	moved := false
	for n := 0; n < 4 && k < hi; n++ {
		if a.long[k]&fTime != 0 {
			k += int(a.longN[k])
			moved = true
			continue
		}
		if a.one[k]&fPrep == 0 || !a.isLower(k) {
			break
		}
		i := k + 1
		if i < hi && a.one[i]&fDet != 0 {
			i++
		}
		first := i
		for i < hi && i-first < 6 && !isMark(a.toks[i].Text) &&
			(a.isCap(i) || a.isPossessive(i) || a.isLower(i) && a.one[i]&(fStop|fPrep|fSpeech|fAux|fPassive|fPronoun) == 0) {
			i++
		}
		if i == first {
			break
		}
		k, moved, onlyTime = i, true, false
	}
	return k, onlyTime && moved
}

// opensClause reports whether a reported clause can start at token k after a hearer:
// a [clause] word ("that", "whether"), a quote, a colon or comma, or a subject pronoun.
func (a *analysis) opensClause(k int) bool {
	t := a.toks[k].Text
	return t == ":" || t == "," || a.opensPassage(k) || a.one[k]&(fPronoun|fClause) != 0
}

// aside returns the rest of the reported clause when the cue is a parenthetical
// ("…, he said, local officials should …"): the text after the cue's comma, unless it is
// another cue, a quote or a new clause ("as", "while", "and").
func (a *analysis) aside(cue span, hi int) span {
	k, _ := a.skipAdjuncts(cue.end, hi)
	if k+1 >= hi || a.toks[k].Text != "," {
		return span{}
	}
	n := k + 1
	if _, ok := a.cueAt(n); ok || isMark(a.toks[n].Text) || a.one[n]&fStop != 0 && a.one[n]&fPronoun == 0 || a.toks[n].Kind == doc.Punct {
		return span{}
	}
	rest := span{n, a.contentEnd(n, hi)}
	if rest.end-rest.first < 3 {
		return span{}
	}
	return rest
}
