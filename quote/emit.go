package quote

import (
	"slices"

	"github.com/tocsin-project/tocsin/dates"
	"github.com/tocsin-project/tocsin/doc"
)

// emit records an attribution. source is the speaker phrase as written, head the speaker
// in it; q is the passage of a direct quote, or -1.
func (a *analysis) emit(si int, cue, source, head, content span, q int, more ...span) {
	a.add(si, cue, a.spanOf(source), a.speaker(head), content, q, more...)
}

// emitParticiple records ", adding that …" and "… and said that …": the speaker is the
// one of the sentence's previous attribution, or the subject of the clause.
func (a *analysis) emitParticiple(si int, cue, content span, q int) {
	if k := a.previous(si, cue); k >= 0 {
		a.add(si, cue, a.out[k].Source, a.meta[k].who, content, q)
		return
	}
	s := a.d.Sentences[si]
	if np, ok := a.clauseSubject(s.FirstToken, cue.first); ok {
		a.add(si, cue, a.spanOf(np), a.speaker(a.head(np)), content, q)
		return
	}
	a.add(si, cue, doc.Span{}, who{}, content, q)
}

// previous returns the latest attribution of sentence si whose cue comes before cue, or -1.
func (a *analysis) previous(si int, cue span) int {
	best := -1
	for k := len(a.out) - 1; k >= 0 && a.meta[k].sentence == si; k-- {
		if a.out[k].Cue.End <= a.toks[cue.first].Start && (best < 0 || a.out[k].Cue.Start > a.out[best].Cue.Start) {
			best = k
		}
	}
	return best
}

// add appends an attribution and marks the passages in its content as used. more holds
// further content parts, such as the rest of a sentence after ", he said,".
func (a *analysis) add(si int, cue span, source doc.Span, w who, content span, q int, more ...span) {
	cueText := a.text(cue)
	at := Attribution{Cue: a.spanOf(cue), Source: source, Content: a.spanOf(content)}
	for _, c := range append([]span{content}, more...) {
		for i := c.first; i < c.end; i++ {
			if k := a.inQ[i]; k >= 0 {
				a.quotes[k].used = true
			}
		}
		qc := q
		if c != content {
			qc = a.passageExactly(c)
		}
		qt := a.quote(c, qc, w.s, cueText)
		qt.Date = a.dateOf(at.Cue, qt.Span)
		at.Quotes = append(at.Quotes, qt)
		b := a.spanOf(c)
		at.Content = doc.Span{Start: min(at.Content.Start, b.Start), End: max(at.Content.End, b.End)}
	}
	a.out = append(a.out, at)
	a.meta = append(a.meta, attMeta{sentence: si, direct: q >= 0, who: w, cueText: cueText, para: a.paragraph(content.first)})
}

// quote builds the Quote of a content: for a direct quote the words inside the marks, for
// reported speech the clause without a leading "that".
func (a *analysis) quote(content span, q int, sp doc.Speaker, cue string) doc.Quote {
	s := content
	if q >= 0 {
		s = a.inner(a.quotes[q])
	} else if a.is(s.first, "that") && s.end-s.first > 1 {
		s.first++
	}
	b := a.spanOf(s)
	return doc.Quote{Text: a.d.Text[b.Start:b.End], Direct: q >= 0, Cue: cue, Speaker: sp, Span: b}
}

// attachLoose handles passages no cue claimed. A passage counts as speech when it opens a
// clause and ends its sentence (or holds a sentence end): mid-sentence passages with no cue
// are scare quotes, titles or mentions ("broadcast of “Fox News Sunday”") and are not
// reported. Speech in the paragraph of a direct quote's attribution joins it (`“…,” she
// said. “…”`); speech that opens a paragraph right after a paragraph ending with a direct
// quote is a quote of the same speaker, without a cue of its own; any other is a quote
// without a speaker.
func (a *analysis) attachLoose() {
	n := len(a.out)
	for qi := range a.quotes {
		q := &a.quotes[qi]
		if q.used || !a.isSpeech(*q) {
			continue
		}
		q.used = true
		if a.dashSpeaker(qi) {
			continue
		}
		p := a.paragraph(q.open)
		start := a.toks[q.open].Start
		best := -1
		for k := 0; k < n; k++ {
			m := a.meta[k]
			if !m.direct || m.para != p {
				continue
			}
			if a.out[k].Content.Start < start {
				best = k
			} else if best < 0 {
				best = k
			}
		}
		if best >= 0 {
			m := a.meta[best]
			at := &a.out[best]
			qt := a.quote(a.outer(*q), qi, m.who.s, m.cueText)
			qt.Date = a.dateOf(at.Cue, qt.Span)
			at.Quotes = append(at.Quotes, qt)
			c := a.spanOf(a.outer(*q))
			at.Content = doc.Span{Start: min(at.Content.Start, c.Start), End: max(at.Content.End, c.End)}
			continue
		}
		var w who
		if prev := a.lastDirect(p - 1); prev >= 0 && q.open > 0 && a.paragraph(q.open-1) == p-1 {
			w = a.meta[prev].who
		}
		c := a.outer(*q)
		qt := a.quote(c, qi, w.s, "")
		qt.Date = a.dateOf(doc.Span{}, qt.Span)
		a.out = append(a.out, Attribution{Content: a.spanOf(c), Quotes: []doc.Quote{qt}})
		a.meta = append(a.meta, attMeta{direct: true, para: p, who: w})
	}
	slices.SortStableFunc(a.out, func(x, y Attribution) int { return x.Content.Start - y.Content.Start })
}

// lastDirect returns the attribution that ends paragraph p when it is a direct quote, or -1.
func (a *analysis) lastDirect(p int) int {
	last := -1
	for k, m := range a.meta {
		if m.para == p && (last < 0 || a.out[k].Content.End > a.out[last].Content.End) {
			last = k
		}
	}
	if last < 0 || !a.meta[last].direct {
		return -1
	}
	return last
}

// isSpeech reports whether a passage with no cue reads as speech: it opens a clause and
// ends its sentence, or holds a sentence end.
func (a *analysis) isSpeech(q passage) bool {
	in := a.inner(q)
	if !a.startsClause(q.open) || a.titleCaseSpan(in) {
		return false // a title: ‘All Bets Are Off.’
	}
	for i := in.first; i < in.end; i++ {
		if isTerminator(a.toks[i].Text) {
			return true
		}
	}
	after := q.close + 1
	return after >= len(a.toks) || a.sent[after] != a.sent[q.close] || isTerminator(a.toks[after].Text)
}

// dashSpeaker attributes a passage followed by a dash and a name that ends the sentence,
// as in `“…” ― Jane Doe`: the dash is the cue.
func (a *analysis) dashSpeaker(qi int) bool {
	q := a.quotes[qi]
	d := q.close + 1
	if d+1 >= len(a.toks) || !isDash(a.toks[d].Text) || a.paragraph(d) != a.paragraph(q.close) {
		return false
	}
	np, ok := a.npAfter(d+1, len(a.toks))
	if !ok || !a.isCap(np.first) || np.end < len(a.toks) && !a.lineStart(np.end) &&
		!isTerminator(a.toks[np.end].Text) && a.toks[np.end].Text != "," {
		return false
	}
	a.emit(int(a.sent[d]), span{d, d + 1}, np, a.head(np), a.outer(q), qi)
	return true
}

// dateOf returns the value of the date the dates stage found nearest the cue in its
// sentence (or nearest the quote when there is no cue): for "said on Tuesday" the day the
// words were said. It is "" when the sentence has no date or the date has no value.
func (a *analysis) dateOf(cue, quote doc.Span) string {
	if len(a.d.Dates) == 0 {
		return ""
	}
	at := cue
	if at.Len() == 0 {
		at = quote
	}
	if dt, ok := dates.At(a.d, at); ok {
		return dt.Value
	}
	return ""
}
