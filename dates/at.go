package dates

import (
	"sort"

	"github.com/tocsin-project/tocsin/doc"
)

// At returns the date that the clause or sentence containing span refers to, for other
// annotators (a casualty count, a quote) that need "the date it refers to": the date
// expression in the same sentence nearest to span, preferring one in the same clause. It
// returns false when the sentence holds no date. The date may be unresolved; check Resolved.
//
// Clauses are approximated by punctuation: a date is in another clause when a ';', ':',
// dash or bracket lies between it and span. Commas do not count, because "On Tuesday, 50
// people were killed" is one clause.
func At(d *doc.Document, span doc.Span) (doc.Date, bool) {
	si := d.SentenceAt(span.Start)
	if si < 0 {
		return doc.Date{}, false
	}
	sent := d.Sentences[si]
	best, bestDist, bestSame := -1, 0, false
	for k, dt := range d.Dates {
		if dt.Start < sent.Start || dt.End > sent.End {
			continue
		}
		same := !clauseBreak(d, dt.Span, span)
		dist := gap(dt.Span, span)
		if best < 0 || same && !bestSame || same == bestSame && dist < bestDist {
			best, bestDist, bestSame = k, dist, same
		}
	}
	if best < 0 {
		return doc.Date{}, false
	}
	return d.Dates[best], true
}

// gap is the number of bytes between two spans, 0 when they overlap.
func gap(a, b doc.Span) int {
	switch {
	case a.End <= b.Start:
		return b.Start - a.End
	case b.End <= a.Start:
		return a.Start - b.End
	}
	return 0
}

// clauseBreak reports whether a clause-separating punctuation token lies between a and b.
func clauseBreak(d *doc.Document, a, b doc.Span) bool {
	from, to := a.End, b.Start
	if b.End <= a.Start {
		from, to = b.End, a.Start
	}
	k := sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].Start >= from })
	for ; k < len(d.Tokens) && d.Tokens[k].End <= to; k++ {
		t := d.Tokens[k]
		if t.Kind != doc.Punct {
			continue
		}
		switch t.Text {
		case ";", ":", "—", "–", "(", ")", "[", "]":
			return true
		case "-", "--":
			if t.SpaceBefore {
				return true
			}
		}
	}
	return false
}
