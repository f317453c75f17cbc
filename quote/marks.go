package quote

import (
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// passage is a quoted passage: the tokens from its opening mark to its closing mark, or to
// the end of its paragraph when the closing mark is missing.
type passage struct {
	open, close int // token indexes of the opening mark and of the closing mark's last token (or of the last token)
	// openW and closeW are the widths of the marks in tokens: 2 for a doubled apostrophe
	// (''like this''), else 1.
	openW, closeW int
	closed        bool
	single        bool // in single quote marks
	used          bool // part of an attribution
}

// direction is what a quote mark does where it stands.
type direction uint8

const (
	either direction = iota // undecided: the state of the pairing decides
	opens
	closes
)

func isDoubleMark(s string) bool {
	switch s {
	case "\"", "“", "”", "„", "‟", "«", "»":
		return true
	}
	return false
}

func isSingleMark(s string) bool {
	switch s {
	case "'", "`", "‘", "’", "‚", "‛", "‹", "›":
		return true
	}
	return false
}

// isMark reports any quote mark.
func isMark(s string) bool { return isDoubleMark(s) || isSingleMark(s) }

// doubleAt returns the width in tokens of a double quote mark at token i: 1 for a double
// glyph, 2 for a doubled apostrophe (”like this”, as some papers write) or two backticks
// (opening a quote that two apostrophes close, the TeX convention of some corpora), 0 for
// none.
func (a *analysis) doubleAt(i int) int {
	t := a.toks[i].Text
	if isDoubleMark(t) {
		return 1
	}
	if (t == "'" || t == "’" || t == "`") && i+1 < len(a.toks) && a.toks[i+1].Text == t && !a.toks[i+1].SpaceBefore {
		return 2
	}
	return 0
}

// direction decides from its neighbours whether the mark in tokens [i, i+w) opens or
// closes a quote: a mark after space (or a bracket, dash or colon) and before a word
// opens; one against the word before it and followed by space, punctuation or the end
// closes. When the position does not decide, a curly glyph does.
func (a *analysis) direction(i, w int) direction {
	t := a.toks[i]
	before := i == 0 || t.SpaceBefore
	if !before {
		switch a.toks[i-1].Text {
		case "(", "[", "—", "–", "-", ":", "/":
			before = true
		}
	}
	j := i + w
	after := j == len(a.toks) || a.toks[j].SpaceBefore
	if !after {
		switch n := a.toks[j].Text; {
		case n == "," || n == ";" || n == ":" || n == ")" || n == "]" || isTerminator(n) || isDash(n):
			after = true
		case isMark(n):
			// `”’` or `.’”`: a mark against another closes when it follows a word.
			after = !before
		}
	}
	switch {
	case before && !after:
		return opens
	case after && !before:
		return closes
	}
	switch t.Text {
	case "“", "„", "«", "‘", "‚", "‹":
		return opens
	case "”", "»", "’", "›":
		return closes
	}
	return either
}

// findQuotes pairs quote marks into passages and fills inQ. Double marks pair across
// sentences; a paragraph that ends inside a quote continues it when the next paragraph
// opens with a quote mark, and closes it otherwise. Single marks pair within a sentence,
// outside double quotes.
func (a *analysis) findQuotes() {
	open, openW := -1, 0
	lastPara := -1
	for i := 0; i < len(a.toks); i++ {
		w := a.doubleAt(i)
		if p := a.paragraph(i); p != lastPara {
			if open >= 0 && !(w > 0 && a.direction(i, w) != closes) {
				a.addPassage(passage{open: open, openW: openW, close: i - 1})
				open = -1
			}
			lastPara = p
			if open >= 0 {
				i += w - 1
				continue // the continuation mark of a quote running on
			}
		}
		if w == 0 {
			continue
		}
		dir := a.direction(i, w)
		if dir == either {
			dir = opens
			if open >= 0 {
				dir = closes
			}
		}
		switch {
		case dir == opens && open >= 0:
			// A second opening mark: the first quote was not closed.
			a.addPassage(passage{open: open, openW: openW, close: i - 1})
			open, openW = i, w
		case dir == opens:
			open, openW = i, w
		case open >= 0:
			a.addPassage(passage{open: open, openW: openW, close: i + w - 1, closeW: w, closed: true})
			open = -1
		}
		i += w - 1
	}
	if open >= 0 {
		a.addPassage(passage{open: open, openW: openW, close: len(a.toks) - 1})
	}
	a.findSingles()
}

// findSingles pairs single quote marks within each sentence, outside double quotes. A
// closing mark with no opening mark before it is an apostrophe ("soldiers’ families").
func (a *analysis) findSingles() {
	for _, s := range a.d.Sentences {
		open := -1
		for i := s.FirstToken; i < s.EndToken; i++ {
			if a.inQ[i] >= 0 || !isSingleMark(a.toks[i].Text) {
				continue
			}
			switch a.direction(i, 1) {
			case opens:
				open = i
			case closes:
				if open >= 0 {
					a.addPassage(passage{open: open, openW: 1, close: i, closeW: 1, closed: true, single: true})
					open = -1
				}
			}
		}
	}
	// Keep passages in text order: singles were appended after the doubles.
	for k := 1; k < len(a.quotes); k++ {
		for j := k; j > 0 && a.quotes[j].open < a.quotes[j-1].open; j-- {
			a.quotes[j], a.quotes[j-1] = a.quotes[j-1], a.quotes[j]
		}
	}
	for k, q := range a.quotes {
		for i := q.open; i <= q.close; i++ {
			a.inQ[i] = int32(k)
		}
	}
}

// addPassage records q unless it is empty, marking its tokens.
func (a *analysis) addPassage(q passage) {
	if in := a.inner(q); in.empty() {
		return
	}
	for i := q.open; i <= q.close; i++ {
		a.inQ[i] = 0 // provisional: renumbered once singles are in
	}
	a.quotes = append(a.quotes, q)
}

// inner returns the tokens inside the marks of q, without a comma before the closing mark
// (news style puts the attribution's comma inside the quote).
func (a *analysis) inner(q passage) span {
	s := span{q.open + q.openW, q.close + 1}
	if q.closed {
		s.end -= q.closeW
	}
	if s.end-s.first > 1 && a.toks[s.end-1].Text == "," {
		s.end--
	}
	return s
}

// outer returns the tokens of q with its marks.
func (a *analysis) outer(q passage) span { return span{q.open, q.close + 1} }

// startsClause reports whether the quote mark at token k opens a clause: it starts a
// sentence or follows punctuation, not a word (`said: “…”`, not `broadcast of “Fox News”`).
func (a *analysis) startsClause(k int) bool {
	if k == 0 || a.d.Sentences[a.sent[k]].FirstToken == k || a.lineStart(k) {
		return true
	}
	p := a.toks[k-1]
	return p.Kind != doc.Word && p.Kind != doc.Number
}

// lineStart reports whether token k begins a line.
func (a *analysis) lineStart(k int) bool {
	return k == 0 || strings.IndexByte(a.d.Text[a.toks[k-1].End:a.toks[k].Start], '\n') >= 0
}

// opensPassage reports whether token k is the opening mark of a passage.
func (a *analysis) opensPassage(k int) bool {
	return k < len(a.toks) && a.inQ[k] >= 0 && a.quotes[a.inQ[k]].open == k
}

// closesPassage reports whether token k is the closing mark of a passage.
func (a *analysis) closesPassage(k int) bool {
	if k < 0 || a.inQ[k] < 0 {
		return false
	}
	q := a.quotes[a.inQ[k]]
	return q.closed && q.close == k
}

// passageExactly returns the passage that is exactly c, or -1.
func (a *analysis) passageExactly(c span) int {
	if c.empty() || !a.opensPassage(c.first) {
		return -1
	}
	q := int(a.inQ[c.first])
	if a.quotes[q].close == c.end-1 {
		return q
	}
	return -1
}
