package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/internal/fhash"
)

// table maps phrases (token sequences, case-folded) to values. It is a hash table keyed by
// a 64-bit FNV-1a hash of the folded tokens, with every proper prefix of a phrase marked
// so that a longest-match scan stops as soon as no phrase can continue. Hits are checked
// against the stored phrase, so a hash collision can cost a probe but never a wrong
// match. Lookups fold ASCII tokens on the fly and do not allocate.
type table struct {
	m       index    // hash → phrase index+1, | more when a longer phrase continues
	phrases []string // folded tokens joined by sep
	vals    []int32  // phrase index → value
	maxLen  int
}

const (
	more = 1 << 31
	sep  = 0x1f
)

func newTable() *table {
	return &table{}
}

// foldRune maps a rune to the form phrases are compared in: upper case, with the
// typographic apostrophe as the straight one.
func foldRune(r rune) rune {
	if r == '’' || r == '‘' {
		return '\''
	}
	if r < utf8.RuneSelf {
		if r >= 'a' && r <= 'z' {
			return r - 32
		}
		return r
	}
	return unicode.ToUpper(r)
}

// hashToken continues h with the folded bytes of tok and the separator.
func hashToken(h uint64, tok string) uint64 {
	for i := 0; i < len(tok); {
		c := tok[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' {
				c -= 32
			}
			h ^= uint64(c)
			h *= fhash.Prime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(tok[i:])
		i += n
		var buf [4]byte
		k := utf8.EncodeRune(buf[:], foldRune(r))
		for _, b := range buf[:k] {
			h ^= uint64(b)
			h *= fhash.Prime
		}
	}
	h ^= sep
	h *= fhash.Prime
	return h
}

// foldString returns tok folded (for storing phrases).
func foldString(tok string) string {
	return strings.Map(foldRune, tok)
}

// add stores the phrase toks (already tokenised) with value v. A phrase already present
// takes the new value (later dictionaries override earlier ones). It returns false for an
// empty phrase.
func (t *table) add(toks []string, v int32) bool {
	if len(toks) == 0 {
		return false
	}
	h := uint64(fhash.Offset)
	for i, tok := range toks {
		h = hashToken(h, tok)
		old, _ := t.m.get(h)
		if i < len(toks)-1 {
			t.m.set(h, old|more)
			continue
		}
		if idx := old &^ more; idx != 0 {
			t.vals[idx-1] = v
			return true
		}
		folded := make([]string, len(toks))
		for k, s := range toks {
			folded[k] = foldString(s)
		}
		t.phrases = append(t.phrases, strings.Join(folded, string(rune(sep))))
		t.vals = append(t.vals, v)
		t.m.set(h, old|uint32(len(t.phrases)))
	}
	if len(toks) > t.maxLen {
		t.maxLen = len(toks)
	}
	return true
}

// longest returns the value and length of the longest phrase that starts at words[i], or
// n == 0 when none does.
func (t *table) longest(words []string, i int) (v int32, n int) {
	h := uint64(fhash.Offset)
	for j := i; j < len(words) && j-i < t.maxLen; j++ {
		h = hashToken(h, words[j])
		e, ok := t.m.get(h)
		if !ok {
			break
		}
		if idx := e &^ more; idx != 0 && sameTokens(t.phrases[idx-1], words[i:j+1]) {
			v, n = t.vals[idx-1], j-i+1
		}
		if e&more == 0 {
			break
		}
	}
	return v, n
}

// longestFunc is longest restricted to phrases whose value satisfies ok.
func (t *table) longestFunc(words []string, i int, ok func(int32) bool) (v int32, n int) {
	h := uint64(fhash.Offset)
	for j := i; j < len(words) && j-i < t.maxLen; j++ {
		h = hashToken(h, words[j])
		e, found := t.m.get(h)
		if !found {
			break
		}
		if idx := e &^ more; idx != 0 && ok(t.vals[idx-1]) && sameTokens(t.phrases[idx-1], words[i:j+1]) {
			v, n = t.vals[idx-1], j-i+1
		}
		if e&more == 0 {
			break
		}
	}
	return v, n
}

// exact returns the value of the phrase equal to words.
func (t *table) exact(words []string) (int32, bool) {
	if len(words) == 0 || len(words) > t.maxLen {
		return 0, false
	}
	h := uint64(fhash.Offset)
	for _, w := range words {
		h = hashToken(h, w)
	}
	e, _ := t.m.get(h)
	e &^= more
	if e == 0 || !sameTokens(t.phrases[e-1], words) {
		return 0, false
	}
	return t.vals[e-1], true
}

// sameTokens reports whether the stored phrase p equals words after folding.
func sameTokens(p string, words []string) bool {
	k := 0
	for wi, w := range words {
		if wi > 0 {
			if k >= len(p) || p[k] != sep {
				return false
			}
			k++
		}
		for i := 0; i < len(w); {
			c := w[i]
			if c < utf8.RuneSelf {
				if c >= 'a' && c <= 'z' {
					c -= 32
				}
				if k >= len(p) || p[k] != c {
					return false
				}
				k++
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(w[i:])
			i += n
			var buf [4]byte
			m := utf8.EncodeRune(buf[:], foldRune(r))
			if k+m > len(p) || p[k:k+m] != string(buf[:m]) {
				return false
			}
			k += m
		}
	}
	return k == len(p)
}
