// Package fhash is the feature hashing of tocsin's statistical models (ner's recogniser,
// syntax's tagger and parser) and of its phrase tables: strings are hashed with 64-bit
// FNV-1a, and a feature template is combined with its values by multiply-xorshift steps.
// Nothing is allocated; a collision between two of a model's few hundred thousand
// features is vanishingly rare.
//
// The keys are part of the models: model.bin and model.tables store weights under them,
// so changing any function here means retraining (the freshness tests of ner and syntax
// fail first).
package fhash

import (
	"unicode"
	"unicode/utf8"
)

// Offset and Prime are FNV-1a's 64-bit offset basis and prime.
const (
	Offset = 14695981039346656037
	Prime  = 1099511628211
)

// String is FNV-1a over the bytes of s.
func String(s string) uint64 {
	h := uint64(Offset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= Prime
	}
	return h
}

// Bytes is FNV-1a over b.
func Bytes(b []byte) uint64 {
	h := uint64(Offset)
	for _, c := range b {
		h ^= uint64(c)
		h *= Prime
	}
	return h
}

// Lower is String(strings.ToLower(s)) without the allocation.
func Lower(s string) uint64 {
	h := uint64(Offset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= Prime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		h = Rune(h, unicode.ToLower(r))
		i += n
	}
	return h
}

// Rune continues h with the UTF-8 bytes of r.
func Rune(h uint64, r rune) uint64 {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, b := range buf[:n] {
		h ^= uint64(b)
		h *= Prime
	}
	return h
}

// Affix hashes the first (or, with suffix set, the last) n runes of s, lower-cased. It
// reports false when s has fewer than n runes.
func Affix(s string, n int, suffix bool) (uint64, bool) {
	h := uint64(Offset)
	if suffix {
		h ^= 0x5f // keep "ab" as prefix apart from "ba" as suffix
		h *= Prime
	}
	i, j := 0, len(s)
	for k := 0; k < n; k++ {
		var r rune
		var size int
		if suffix {
			if j == 0 {
				return 0, false
			}
			r, size = utf8.DecodeLastRuneInString(s[:j])
			j -= size
		} else {
			if i == len(s) {
				return 0, false
			}
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
		}
		h = Rune(h, unicode.ToLower(r))
	}
	return h, true
}

// Multipliers of the combining steps (the golden ratio's and SplitMix64's).
const (
	k1 = 0x9E3779B97F4A7C15
	k2 = 0xBF58476D1CE4E5B9
	k3 = 0x94D049BB133111EB
)

// Mix combines a hash with a value by a SplitMix64 finaliser: the key of a feature
// template applied to values, as ner's recogniser forms it.
func Mix(a, b uint64) uint64 {
	x := a*k1 + b
	x ^= x >> 31
	x *= k2
	x ^= x >> 27
	x *= k3
	x ^= x >> 31
	return x
}

// fmix finalises a key so that both its high and its low bits are well mixed.
func fmix(x uint64) uint64 {
	x ^= x >> 31
	x *= k3
	x ^= x >> 29
	return x
}

// F1, F2, F3 and F4 are the keys of template t applied to one to four values, as syntax's
// tagger and parser form them: cheap enough to run some sixty times per parser transition.
func F1(t uint64, a uint64) uint64 {
	return fmix((t*k1 ^ a) * k2)
}

// F2 is F1 for two values.
func F2(t uint64, a, b uint64) uint64 {
	x := (t*k1 ^ a) * k2
	x = (x ^ x>>32 ^ b) * k1
	return fmix(x)
}

// F3 is F1 for three values.
func F3(t uint64, a, b, c uint64) uint64 {
	x := (t*k1 ^ a) * k2
	x = (x ^ x>>32 ^ b) * k1
	x = (x ^ x>>32 ^ c) * k2
	return fmix(x)
}

// F4 is F1 for four values.
func F4(t uint64, a, b, c, d uint64) uint64 {
	x := (t*k1 ^ a) * k2
	x = (x ^ x>>32 ^ b) * k1
	x = (x ^ x>>32 ^ c) * k2
	x = (x ^ x>>32 ^ d) * k1
	return fmix(x)
}
