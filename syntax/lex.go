package syntax

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/internal/fhash"
)

// lex holds the hashes of one token's spellings that the tagger's features use, computed
// once per token.
type lex struct {
	low   uint64    // lower-cased form
	form  uint64    // form as written
	suf   [4]uint64 // last 1..4 letters, lower case; 0 when the word is not longer
	pre1  uint64    // first letter, lower case
	pre3  uint64    // first three letters, lower case; 0 when the word is not longer
	shape uint64    // "Xxx", "dd,dd", "X.X." ...
	wid   uint64    // treebank vocabulary id, 0 for a rare word
	fine  uint64    // word cluster, 0 for none
	mid   uint64    // coarser cluster
	cas   uint64    // capitalisation class in unlabelled text
	upper uint64    // 1 when the word starts with a capital
	dict  uint16    // 1 + the tag the tag dictionary gives the form, 0 for none
}

// lexicon maps the hash of a lower-case word to what the model knows about it: its id in
// the treebank vocabulary (words seen twice or more), its clusters and its capitalisation
// class, so that one lookup per token finds them all.
type lexicon map[uint64]lexEntry

type lexEntry struct {
	id        uint32
	fine, mid uint16
	cas       uint8
}

func newLexicon(vocab []string, clusters []clusterEntry) lexicon {
	lx := make(lexicon, len(vocab)+len(clusters))
	for i, w := range vocab {
		lx[fhash.String(w)] = lexEntry{id: uint32(i + 1)}
	}
	for _, c := range clusters {
		h := fhash.String(c.Word)
		e := lx[h]
		e.fine, e.mid, e.cas = c.Fine, c.Mid, c.Case
		lx[h] = e
	}
	return lx
}

// normRune maps spellings that the treebank rarely uses to the ones it uses: curly
// apostrophes (Iran’s, won’t) become straight ones.
func normRune(r rune) rune {
	switch r {
	case '’', '‘', 'ʼ':
		return '\''
	}
	return r
}

// lowerNorm appends the lower-cased, normalised form of s to dst.
func lowerNorm(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(normRune(r)))
		i += n
	}
	return dst
}

// hashNorm is the hash of the normalised form of s, case kept.
func hashNorm(s string) uint64 {
	h := uint64(fhash.Offset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			h ^= uint64(c)
			h *= fhash.Prime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		var b [utf8.UTFMax]byte
		for _, c := range b[:utf8.EncodeRune(b[:], normRune(r))] {
			h ^= uint64(c)
			h *= fhash.Prime
		}
		i += n
	}
	return h
}

// makeLex computes the hashes of token s; buf is scratch space, returned for reuse.
func makeLex(s string, buf []byte, voc lexicon) (lex, []byte) {
	var x lex
	buf = lowerNorm(buf[:0], s)
	x.low = fhash.Bytes(buf)
	if e, ok := voc[x.low]; ok {
		x.wid, x.fine, x.mid, x.cas = uint64(e.id), uint64(e.fine), uint64(e.mid), uint64(e.cas)
	}
	x.form = hashNorm(s)
	nr := utf8.RuneCount(buf)
	// Suffixes, from the end of the lower-cased form.
	j := len(buf)
	for k := 0; k < 4 && k < nr-1; k++ {
		_, size := utf8.DecodeLastRune(buf[:j])
		j -= size
		x.suf[k] = fhash.Bytes(buf[j:]) ^ 0x5f5f // apart from prefixes and words
	}
	if nr > 0 {
		_, size := utf8.DecodeRune(buf)
		x.pre1 = fhash.Bytes(buf[:size]) ^ 0x7e7e
	}
	if nr > 3 {
		i := 0
		for k := 0; k < 3; k++ {
			_, size := utf8.DecodeRune(buf[i:])
			i += size
		}
		x.pre3 = fhash.Bytes(buf[:i]) ^ 0x7e7e
	}
	x.shape = shapeHash(s)
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsUpper(r) {
		x.upper = 1
	}
	return x, buf
}

// shapeHash hashes the shape of s: letters become X or x, digits d, other characters stay;
// runs of one class longer than two are cut to two, and the shape to ten characters.
func shapeHash(s string) uint64 {
	h := uint64(fhash.Offset)
	var prev rune = -1
	run, n := 0, 0
	for _, r := range s {
		var c rune
		switch {
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = r
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = normRune(r)
		}
		if c == prev {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
		}
		prev = c
		if n++; n > 10 {
			break
		}
		h ^= uint64(c)
		h *= fhash.Prime
	}
	return h ^ 0x3c3c
}

// sortedRows returns the indexes of keys in ascending key order.
func sortedRows(keys []uint64) []int {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		switch {
		case keys[a] < keys[b]:
			return -1
		case keys[a] > keys[b]:
			return 1
		}
		return 0
	})
	return order
}
