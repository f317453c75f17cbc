package casualty

import (
	"math"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// maxCount bounds the values read, so that a stray long digit string is not a count.
const maxCount = 1e11

// number reads a number starting at toks[i]: digits ("56", "1,200", "1.5 million"), words
// ("fifty", "twenty-three", "two hundred and fifty", "a dozen") or a vague quantity
// ("dozens", "several hundred"). It returns the value, whether it is vague, and the number
// of tokens read (0 when there is no whole number there: "3.5", "9/11", "10:30").
func (s *Stage) number(toks []doc.Token, i, to int) (int64, bool, int) {
	var total, cur float64
	var have, digits, vague, afterScale, lastTens bool
	j := i
loop:
	for j < to {
		t := toks[j]
		if t.Kind == doc.Number {
			if have {
				break
			}
			v, ok := parseDigits(t.Text)
			if !ok {
				break
			}
			cur, have, digits = v, true, true
			j++
			continue
		}
		in, n := s.lookup(toks, j, to)
		if n == 0 && t.Kind == doc.Word {
			if v, ok := s.hyphenNumber(t.Text); ok {
				in, n = info{flags: fNumber, value: v}, 1
			}
		}
		if have && afterScale && !digits && glueOf(t.Text) == gAnd && j+1 < to {
			// "two hundred and fifty": only when a number word follows.
			if next, m := s.lookup(toks, j+1, to); m > 0 && next.flags&(fNumber|fVague) == fNumber {
				j++
				continue
			}
		}
		switch {
		case n == 0:
			break loop
		case in.has(fVague):
			if have {
				break loop
			}
			cur, have, vague = float64(in.value), true, true
		case in.has(fNumber):
			v := float64(in.value)
			if digits || vague || have && !afterScale && !(lastTens && v < 10) {
				break loop
			}
			cur += v
			have, afterScale = true, false
			lastTens = v >= 20 && v < 100 && math.Mod(v, 10) == 0
		case in.has(fScale):
			if !have {
				break loop
			}
			if in.value == 100 {
				cur *= 100
			} else {
				total += cur * float64(in.value)
				cur = 0
			}
			afterScale, lastTens = true, false
		default:
			break loop
		}
		j += n
	}
	v := total + cur
	if !have || v < 1 || v > maxCount || v != math.Trunc(v) {
		return 0, false, 0
	}
	return int64(v), vague, j - i
}

// hyphenNumber reads "twenty-three": a tens word, a hyphen and a unit word.
func (s *Stage) hyphenNumber(w string) (int64, bool) {
	a, b, ok := strings.Cut(w, "-")
	if !ok {
		return 0, false
	}
	tens, ok1 := s.wordValue(a)
	unit, ok2 := s.wordValue(b)
	if !ok1 || !ok2 || tens < 20 || tens >= 100 || tens%10 != 0 || unit < 1 || unit > 9 {
		return 0, false
	}
	return tens + unit, true
}

// wordValue is the value of a single number word.
func (s *Stage) wordValue(w string) (int64, bool) {
	tok := [1]doc.Token{{Text: w}}
	in, n := s.lookup(tok[:], 0, 1)
	if n != 1 || in.flags&(fNumber|fVague) != fNumber {
		return 0, false
	}
	return in.value, true
}

// parseDigits reads a decimal number written with digits, optional thousands commas in
// groups of three and an optional decimal part: "56", "1,200", "1.5".
func parseDigits(s string) (float64, bool) {
	var v float64
	i, group := 0, -1 // group counts digits since the last comma; -1 before any comma
	lead := 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			v = v*10 + float64(c-'0')
			if group >= 0 {
				group++
			} else {
				lead++
			}
		case c == ',':
			if lead == 0 || lead > 3 || group >= 0 && group != 3 {
				return 0, false
			}
			group = 0
		case c == '.':
			if group >= 0 && group != 3 {
				return 0, false
			}
			return fraction(v, s[i+1:])
		default:
			return 0, false
		}
	}
	if group >= 0 && group != 3 || lead == 0 {
		return 0, false
	}
	return v, true
}

func fraction(v float64, s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	scale := 0.1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v += float64(c-'0') * scale
		scale /= 10
	}
	return v, true
}
