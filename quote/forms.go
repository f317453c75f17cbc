package quote

import "github.com/tocsin-project/tocsin/doc"

// according handles "according to X": the content is the clause after "X," when the cue
// opens the clause, and the clause before the cue otherwise.
func (a *analysis) according(si int, cue span, lo, hi int, endOnly bool) (first, next int, ok bool) {
	np, ok := a.npAfter(cue.end, hi)
	if !ok {
		return 0, 0, false
	}
	opens := true
	for k := lo; k < cue.first; k++ {
		if a.one[k]&fStop == 0 && a.toks[k].Kind != doc.Punct {
			opens = false
			break
		}
	}
	if endOnly && (opens || !a.clauseEnds(np.end, hi)) {
		return 0, 0, false
	}
	var content span
	q := -1
	if opens {
		start := np.end
		for start < hi && (a.toks[start].Text == "," || isDash(a.toks[start].Text)) {
			start++
		}
		content = span{start, a.contentEnd(start, hi)}
		q = a.passageExactly(content)
	} else {
		content, q = a.before(lo, cue.first-1)
		if content.empty() {
			content = span{lo, cue.first}
			for content.end > lo && (a.toks[content.end-1].Text == "," || isDash(a.toks[content.end-1].Text)) {
				content.end--
			}
		}
	}
	if content.end-content.first < 2 {
		return 0, 0, false
	}
	a.emit(si, cue, np, a.head(np), content, q)
	return content.first, max(np.end, content.end), true
}

// maxColonSpeaker bounds the name before a colon in "Pence: …", in tokens.
const maxColonSpeaker = 5

// colonSpeaker reads a paragraph that opens with a name and a colon, as headlines
// ("Pat Caddell: Democrat Voters Worried …") and transcripts ("WALLACE: Let's start …")
// attribute: the name is the speaker, the colon the cue, the rest of the paragraph the
// content.
func (a *analysis) colonSpeaker(si int) bool {
	s := a.d.Sentences[si]
	k := s.FirstToken
	if k > 0 && a.paragraph(k-1) == a.paragraph(k) {
		return false
	}
	if a.opensPassage(k) {
		k++
	}
	first := k
	for k < s.EndToken && k-first < maxColonSpeaker && a.isCap(k) && a.one[k]&(fStop|fDet|fPronoun) == 0 {
		k++
	}
	if k == first || k+3 >= s.EndToken || a.toks[k].Text != ":" || a.long[first]&fNotSpeaker != 0 {
		return false
	}
	p := a.paragraph(k)
	end := k + 1
	for end < len(a.toks) && a.paragraph(end) == p {
		end++
	}
	if q := a.inQ[first]; q >= 0 && a.quotes[q].close < end {
		end = a.quotes[q].close // the quote mark around a transcript line stays out
	}
	content := span{k + 1, a.contentEnd(k+1, end)}
	if content.end-content.first < 3 {
		return false
	}
	np := span{first, k}
	a.emit(si, span{k, k + 1}, np, np, content, a.passageExactly(content))
	a.consumed = end
	return true
}

// titleCase reports a sentence written in title case, as headlines are ("Obama Says
// Museum Will Tell …"): there a cue may be capitalised.
func (a *analysis) titleCase(si int) bool {
	s := a.d.Sentences[si]
	return a.titleCaseSpan(span{s.FirstToken, s.EndToken})
}

// titleCaseSpan reports whether most words of four letters or more in s are capitalised.
func (a *analysis) titleCaseSpan(s span) bool {
	caps, words := 0, 0
	for i := s.first; i < s.end; i++ {
		if a.toks[i].Kind == doc.Word && len(a.toks[i].Text) >= 4 {
			words++
			if a.isCap(i) {
				caps++
			}
		}
	}
	return words >= 3 && caps*4 >= words*3
}

// withAppositive extends a speaker phrase after its cue over an appositive that ends the
// sentence (`said Alan Cole, an economist at the Tax Foundation.`).
func (a *analysis) withAppositive(np span, hi int) span {
	if np.end+1 >= hi || a.toks[np.end].Text != "," {
		return np
	}
	end := a.contentEnd(np.end+1, hi)
	for i := np.end + 1; i < end; i++ {
		if _, ok := a.cueAt(i); ok || isMark(a.toks[i].Text) {
			return np
		}
	}
	return span{np.first, end}
}
