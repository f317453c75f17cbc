package quote

import "strings"

// sentence finds the attributions whose cue is in sentence si. A cue that ends the
// sentence ("…, sources said.") is read first and takes what comes before it, cues
// included: reported speech inside reported speech stays in its frame. The other cues are
// read left to right, each skipping the cues inside the content of the one before.
func (a *analysis) sentence(si int) {
	s := a.d.Sentences[si]
	lo, hi := max(s.FirstToken, a.consumed), s.EndToken
	if lo >= hi {
		return
	}
	if a.colonSpeaker(si) {
		return
	}
	last := span{}
	for i := lo; i < hi; i++ {
		if c, ok := a.cueAt(i); ok {
			if !a.isParticiple(c) {
				last = c
			}
			i = c.end - 1
		}
	}
	if !last.empty() {
		if first, next, ok := a.attribute(si, last, lo, hi, true); ok {
			a.clause(si, lo, min(first, last.first))
			a.clause(si, next, hi)
			return
		}
	}
	a.clause(si, lo, hi)
}

// clause reads the cues in tokens [lo, hi) of sentence si from left to right.
func (a *analysis) clause(si, lo, hi int) {
	for i := lo; i < hi; i++ {
		c, ok := a.cueAt(i)
		if !ok {
			continue
		}
		if _, next, ok := a.attribute(si, c, lo, hi, false); ok {
			lo = max(next, c.end)
			i = lo - 1
		} else {
			i = c.end - 1
		}
	}
}

// cueAt returns the cue starting at token i: a speech phrase outside quotes, lower case
// unless it opens the sentence ("According to …") or the sentence is a title-case
// headline. An evidence phrase ("found that") leaves its "that" to the content.
func (a *analysis) cueAt(i int) (span, bool) {
	f := a.long[i]
	if a.inQ[i] >= 0 || f&(fSpeech|fAccording|fEvidence) == 0 {
		return span{}, false
	}
	if !a.isLower(i) && a.d.Sentences[a.sent[i]].FirstToken != i && !a.titleCase(int(a.sent[i])) {
		return span{}, false
	}
	c := span{i, i + int(a.longN[i])}
	if f&(fSpeech|fAccording) == 0 {
		c.end-- // [evidence]: "that" opens the content
	}
	return c, true
}

// isParticiple reports a cue in -ing ("adding", "saying").
func (a *analysis) isParticiple(c span) bool {
	return strings.HasSuffix(a.toks[c.first].Text, "ing")
}

// attribute finds the speaker and content of cue within tokens [lo, hi) of sentence si.
// With endOnly it only accepts a cue whose content comes before it (`“…,” she said`,
// "…, officials said on Tuesday."). It returns the first token of the content and the
// token after the attribution.
func (a *analysis) attribute(si int, cue span, lo, hi int, endOnly bool) (first, next int, ok bool) {
	s := a.d.Sentences[si]
	if a.long[cue.first]&fAccording != 0 {
		return a.according(si, cue, lo, hi, endOnly)
	}
	j, be, clitic := a.skipAux(cue.first-1, lo)
	participle := a.isParticiple(cue)
	passive := be && !participle
	if j >= lo && a.is(j, "to") || cue.end < hi && (a.is(cue.end, "by") || a.is(cue.end, "of") && a.long[cue.first]&fAccuse != 0) {
		return 0, 0, false // "declined to say", "people accused of …", "was told by …"
	}
	if participle {
		switch {
		case endOnly:
			return 0, 0, false
		case j >= lo && a.toks[j].Text == "," || j < lo && lo > s.FirstToken:
			// ", adding that …": the speaker is the subject of the clause before.
			content, q := a.forward(cue, hi)
			if content.empty() {
				return 0, 0, false
			}
			a.emitParticiple(si, cue, content, q)
			return content.first, content.end, true
		case !be && !clitic:
			return 0, 0, false // "by claiming", "while speaking": not a cue of its own
		}
		// "is saying", "He's claiming": read as any cue.
	}
	if !endOnly && j >= lo && (a.is(j, "and") || a.is(j, "but")) && a.previous(si, cue) >= 0 {
		// "promised to stay and said she would …": the same speaker again.
		content, q := a.forward(cue, hi)
		if content.empty() {
			return 0, 0, false
		}
		a.emitParticiple(si, cue, content, q)
		return content.first, content.end, true
	}
	if !passive && a.long[cue.first]&fInvert != 0 && (j < s.FirstToken || a.toks[j].Text == "," || a.closesPassage(j)) {
		// `…,” said Mr Trump`: the speaker follows the cue, the content comes before it.
		np, ok := a.npAfter(cue.end, hi)
		if ok && j < s.FirstToken && np.end+1 < hi && a.toks[np.end].Text == ":" && !endOnly {
			// "Said Ellis: “…”"
			if content, q := a.forward(span{cue.first, np.end}, hi); !content.empty() {
				a.emit(si, cue, np, a.head(np), content, q)
				return content.first, content.end, true
			}
		}
		if ok && a.clauseEnds(np.end, hi) && a.forwardEmpty(span{cue.first, np.end}, hi) {
			if content, q := a.before(lo, j); !content.empty() {
				a.emit(si, cue, a.withAppositive(np, hi), a.head(np), content, q)
				return content.first, np.end, true
			}
		}
	}
	full, head, ok := a.npBefore(j, lo)
	if passive || !ok {
		// "it is said that …": a quote without a speaker, when the content is clear.
		if endOnly || !passive {
			return 0, 0, false
		}
		content, q := a.forward(cue, hi)
		if content.empty() || !(q >= 0 || a.is(content.first, "that")) {
			return 0, 0, false
		}
		a.emit(si, cue, span{}, span{}, content, q)
		return content.first, content.end, true
	}
	b := full.first - 1
	if b < lo && lo == s.FirstToken && a.closesPassage(b) && a.paragraph(b) == a.paragraph(full.first) && a.forwardEmpty(cue, hi) {
		// `“…?” Clinton said.`: the sentence ended inside the quote.
		if q := int(a.inQ[b]); !a.quotes[q].used && a.startsClause(a.quotes[q].open) {
			a.emit(si, cue, full, head, a.outer(a.quotes[q]), q)
			return cue.first, cue.end, true
		}
	}
	if b >= lo {
		sep := a.toks[b].Text == "," || isDash(a.toks[b].Text)
		quoted := a.closesPassage(b) || sep && b > 0 && a.closesPassage(b-1)
		if (quoted || sep) && a.forwardEmpty(cue, hi) || quoted && !endOnly {
			// `“…,” she said` and "…, officials said."
			if content, q := a.before(lo, b); !content.empty() {
				if rest := a.aside(cue, hi); !rest.empty() && q < 0 {
					// "But to prevent problems, he said, officials should be vigilant."
					a.emit(si, cue, full, head, content, q, rest)
					return content.first, rest.end, true
				}
				a.emit(si, cue, full, head, content, q)
				return content.first, cue.end, true
			}
		}
	}
	if endOnly {
		return 0, 0, false
	}
	content, q := a.forward(cue, hi)
	if content.empty() {
		return 0, 0, false
	}
	if f := full.first; f > lo && a.toks[f-1].Text == "," && (a.is(f, "who") || a.is(f, "which")) {
		// ", which had warned of failures, welcomed …": the relative clause ends at its comma.
		for i := content.first; i < content.end; i++ {
			if a.toks[i].Text == "," && a.inQ[i] < 0 {
				content.end = i
				break
			}
		}
	}
	a.emit(si, cue, full, head, content, q)
	return content.first, content.end, true
}

// skipAux walks back from token j over auxiliaries, adverbs and time expressions between
// a speaker and its cue ("has also said", "on Tuesday said"). be reports a form of "be"
// among them, clitic an "'s".
func (a *analysis) skipAux(j, lo int) (k int, be, clitic bool) {
	for j >= lo {
		switch {
		case a.one[j]&(fAux|fPassive) != 0 && (a.isLower(j) || a.isPossessive(j)) || a.isLyAdverb(j):
			be = be || a.one[j]&fPassive != 0
			clitic = clitic || a.isPossessive(j)
			j--
		case a.timeEndsAt(j, lo) >= 0:
			j = a.timeEndsAt(j, lo) - 1
		default:
			return j, be, clitic
		}
	}
	return j, be, clitic
}

// timeEndsAt returns the first token of a time expression that ends at token j, or -1.
func (a *analysis) timeEndsAt(j, lo int) int {
	for k := j; k >= lo && j-k < 4; k-- {
		if a.long[k]&fTime != 0 && k+int(a.longN[k])-1 == j {
			return k
		}
	}
	return -1
}
