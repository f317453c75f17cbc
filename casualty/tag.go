package casualty

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
)

// item is one token, or one phrase of several tokens, of a sentence with what the
// vocabulary says about it. Counts are read over items rather than raw tokens so that
// "at least", "hundreds of thousands" and "two hundred" are single steps.
type item struct {
	first, end int // tokens [first, end)
	info
	glue glue
}

func (in *info) has(f flags) bool { return in.flags&f != 0 }

func (it *item) hasKind() bool {
	return it.kinds[0]|it.kinds[1]|it.kinds[2]|it.kinds[3] != 0 || it.has(fAmbiguous)
}

// glue marks the grammatical words the patterns are written in terms of. They are the
// grammar of English, not knowledge, so they live in code rather than in the vocabulary.
type glue uint8

const (
	gNone  glue = iota
	gOf         // "two of the victims"
	gAnd        // "killed 12 soldiers and 3 civilians"
	gOr         // "killed or ..."
	gIndef      // "a policeman was killed"
	gTo         // "threatened to kill"
	gFrom       // "rose from 40 to 56"
	gBy         // "rose by 12"
	gThe        // "the 1988 bombing"
	gComma      // ,
	gOpen       // ( [
	gClose      // ) ]
	gStop       // ; : and dashes end a clause
	gPoss       // 's
)

func glueOf(t string) glue {
	if len(t) > 4 {
		return gNone
	}
	switch strings.ToLower(t) {
	case "of":
		return gOf
	case "and":
		return gAnd
	case "or":
		return gOr
	case "a", "an":
		return gIndef
	case "to":
		return gTo
	case "from":
		return gFrom
	case "by":
		return gBy
	case "the":
		return gThe
	case ",":
		return gComma
	case "(", "[":
		return gOpen
	case ")", "]":
		return gClose
	case ";", ":", "—", "–", "--":
		return gStop
	case "'s", "’s":
		return gPoss
	}
	return gNone
}

// lookup returns the merged meaning of the longest vocabulary phrase at toks[i], and
// its length in tokens (0 when none starts there).
func (s *Stage) lookup(toks []doc.Token, i, to int) (info, int) {
	labels, n := s.lex.Match(toks[:to], i)
	var in info
	for _, l := range labels {
		in.merge(s.labels[l])
	}
	return in, n
}

// tag reads the tokens [from, to) of one sentence into items, appending to its.
func (s *Stage) tag(toks []doc.Token, from, to int, its []item) []item {
	for i := from; i < to; {
		t := &toks[i]
		it := item{first: i, end: i + 1}
		var n int
		if t.Kind != doc.Number {
			it.info, n = s.lookup(toks, i, to)
		}
		if t.Kind == doc.Number || it.has(fNumber) || n == 0 && t.Kind == doc.Word && strings.IndexByte(t.Text, '-') > 0 {
			if v, vague, m := s.number(toks, i, to); m > 0 {
				it.info = info{flags: fNumber, value: v}
				if vague {
					it.flags |= fVague
				}
				it.end = i + m
				if m == 1 && s.isYear(toks, i, to, its) {
					it.flags = fYear
				}
				its = append(its, it)
				i += m
				continue
			}
			if t.Kind == doc.Number {
				it.info, n = info{}, 0
			}
		}
		if n > 1 {
			it.end = i + n
		}
		if n <= 1 {
			it.glue = glueOf(t.Text)
		}
		switch t.Kind {
		case doc.Punct:
			it.flags |= fPunct
		case doc.Symbol:
			it.flags |= fSymbol
		case doc.Word, doc.Number:
			if n == 0 && it.glue == gNone {
				it.flags |= fWord
			}
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
				it.flags |= fCap
				// "In May", "on March 3": a capitalised month inside a sentence is not a modal.
				if it.has(fNotPlace) && i > from {
					it.flags &^= fHypo
				}
			}
		}
		if it.has(fHospital) {
			if e := hospitalAfter(toks, it.end, to); e > 0 {
				it.end, it.flags = e, it.flags&^fHospital
				it.kinds[rolePredicate] |= 1 << 1 // injured: "admitted to an Oxford hospital"
			}
		}
		its = append(its, it)
		i = it.end
	}
	return its
}

// hospitalAfter returns the end of "to ... hospital" at toks[i] with one to three words
// between that are an article, a possessive or a name ("to an Oxford hospital", "to a
// local hospital", "to St Mary's hospital"), or 0.
func hospitalAfter(toks []doc.Token, i, to int) int {
	if i >= to || !strings.EqualFold(toks[i].Text, "to") {
		return 0
	}
	for j := i + 1; j < to && j <= i+4; j++ {
		w := toks[j].Text
		switch lw := strings.ToLower(w); {
		case lw == "hospital" || lw == "hospitals":
			if j == i+1 {
				return 0 // "taken to hospital" is a phrase of the vocabulary
			}
			return j + 1
		case glueOf(w) == gIndef || glueOf(w) == gThe || glueOf(w) == gPoss || lw == "local" || lw == "nearby":
		default:
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return 0
			}
		}
	}
	return 0
}

// isYear reports whether the four-digit number toks[i] is a year rather than a count: a
// number from 1800 to 2099 written without a comma, unless a noun for people or a
// casualty word follows it and nothing before it ("in", "since", "the") marks a year.
func (s *Stage) isYear(toks []doc.Token, i, to int, before []item) bool {
	t := toks[i].Text
	if len(t) != 4 || t < "1800" || t > "2099" {
		return false
	}
	if i+1 >= to {
		return true
	}
	next, _ := s.lookup(toks, i+1, to)
	if next.has(fUnit) {
		return false // "1800 UTC", "2000 miles"
	}
	if len(before) > 0 && before[len(before)-1].has(fYearCue) {
		return true
	}
	return !next.has(fVictim) && next.kinds[rolePredicate] == 0
}
