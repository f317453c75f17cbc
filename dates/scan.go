package dates

import (
	"fmt"
	"time"

	"github.com/tocsin-project/tocsin/doc"
)

// scanner finds the dates of one document, sentence by sentence, in text order.
type scanner struct {
	s    *Stage
	d    *doc.Document
	toks []doc.Token // d.Tokens
	low  []doc.Token // the same tokens with ASCII-lower-cased text, for the vocabulary

	pub    time.Time
	pubWhy string // why pub cannot be used; "" when it can

	last    time.Time // the last resolved day mentioned, which anchor phrases count from
	hasLast bool
	lastAt  int // the token where last was mentioned
	yearEnd int // token index just after the last bare year, for "from 2015 to 2019"

	first, end int // the current sentence's tokens
}

func newScanner(s *Stage, d *doc.Document) *scanner {
	sc := &scanner{s: s, d: d, toks: d.Tokens, low: lowerTokens(d.Text, d.Tokens), yearEnd: -1}
	sc.pub, sc.pubWhy = publication(d.Published)
	return sc
}

// lowerTokens returns toks with their text taken from an ASCII-lower-cased copy of text.
// Offsets are unchanged because only ASCII letters change. The vocabulary is matched on
// these, so the lexicon's case folding does not allocate for every capitalised word: two
// allocations per document instead of one per capitalised token.
func lowerTokens(text string, toks []doc.Token) []doc.Token {
	low := asciiLower(text)
	out := make([]doc.Token, len(toks))
	for i, t := range toks {
		if t.End <= len(low) && t.Start <= t.End {
			t.Text = low[t.Start:t.End]
		}
		out[i] = t
	}
	return out
}

func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// sentence scans tokens [first, end).
func (sc *scanner) sentence(first, end int) {
	sc.first, sc.end = first, end
	for i := first; i < end; {
		n := sc.at(i)
		if n < 1 {
			n = 1
		}
		i += n
	}
}

// at tries every rule at token i and returns the number of tokens the date found there
// covers, 0 when none.
func (sc *scanner) at(i int) int {
	switch sc.toks[i].Kind {
	case doc.Number:
		return sc.number(i)
	case doc.Word:
		if c := sc.low[i].Text[0]; c < 'a' || c > 'z' {
			return 0
		}
		w := sc.word(i)
		if w.n == 0 {
			return 0
		}
		return sc.phrase(i, &w)
	}
	return 0
}

// word looks the vocabulary up at token i of the current sentence.
func (sc *scanner) word(i int) word {
	if i < sc.first {
		return word{}
	}
	return sc.s.lookup(sc.low[:sc.end], i)
}

// text returns the lower-cased text of token i, "" outside the sentence.
func (sc *scanner) text(i int) string {
	if i < sc.first || i >= sc.end {
		return ""
	}
	return sc.low[i].Text
}

// capital reports whether token i is written with a capital letter, as month and weekday
// names are ("May" the month, "may" the verb).
func (sc *scanner) capital(i int) bool {
	t := sc.toks[i].Text
	for k := 0; k < len(t); k++ {
		if t[k] >= 'A' && t[k] <= 'Z' {
			return true
		}
	}
	return false
}

// counted reports whether token i makes the number before it a count ("2000 troops").
func (sc *scanner) counted(i int) bool {
	if i >= sc.end {
		return false
	}
	w := sc.word(i)
	return w.is(kCounted)
}

// object reports whether a word or number follows at token i, so that a phrase ending in
// a preposition ("the day before") has an object and is relative to it, not to a date.
func (sc *scanner) object(i int) bool {
	if i >= sc.end {
		return false
	}
	k := sc.toks[i].Kind
	return k == doc.Word || k == doc.Number
}

// part extends a day expression ending before token j over a part of the day ("Tuesday
// night") and returns the new end.
func (sc *scanner) part(j int) int {
	if j < sc.end {
		if w := sc.word(j); w.is(kPart) {
			return j + w.n
		}
	}
	return j
}

// emit records the date covering tokens [from, to) and returns its length in tokens.
func (sc *scanner) emit(from, to int, r result) int {
	start, end := sc.toks[from].Start, sc.toks[to-1].End
	if t := sc.toks[to-1].Text; to == sc.end && len(t) > 1 && t[len(t)-1] == '.' && sc.toks[to-1].Kind == doc.Word {
		end-- // "on 3 Jan.": the tokenizer joined the full stop to the abbreviation
	}
	sc.d.Dates = append(sc.d.Dates, doc.Date{
		Text:     sc.d.Text[start:end],
		Value:    r.value,
		Resolved: r.resolved,
		Reason:   r.reason,
		Span:     doc.Span{Start: start, End: end},
	})
	if r.resolved && !r.day.IsZero() {
		sc.last, sc.hasLast, sc.lastAt = r.day, true, from
	}
	return to - from
}

// anchor is the day that "the day before" and "two days later" count from.
func (sc *scanner) anchor() (time.Time, string) {
	if sc.hasLast {
		return sc.last, ""
	}
	return sc.pub, sc.pubWhy
}

// calendar resolves a day and month with year y, or without one (y == 0) against the
// publication date. ok is false when no such day exists.
func (sc *scanner) calendar(y, m, d int) (result, bool) {
	if y != 0 {
		t, ok := date(y, m, d)
		return dayResult(t), ok
	}
	if _, ok := date(2000, m, d); !ok { // 2000 is a leap year: 29 February exists
		return result{}, false
	}
	if sc.pubWhy != "" {
		return partial(fmt.Sprintf("--%02d-%02d", m, d), sc.pubWhy), true
	}
	t, ok := date(nearestYear(sc.pub, m, d), m, d)
	if !ok {
		return unresolved(fmt.Sprintf("no 29 February in %d", nearestYear(sc.pub, m, d))), true
	}
	return dayResult(t), true
}
