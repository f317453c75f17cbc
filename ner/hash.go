package ner

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes: a string is hashed with FNV-1a, and a feature template is
// combined with its values by a SplitMix64-style finaliser. Nothing is allocated; a
// collision between two of the model's few hundred thousand features is vanishingly rare.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString is FNV-1a over the bytes of s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashLower is hashString(strings.ToLower(s)) without the allocation.
func hashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		h = hashRune(h, unicode.ToLower(r))
		i += n
	}
	return h
}

// hashRune adds the UTF-8 bytes of r to h.
func hashRune(h uint64, r rune) uint64 {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, b := range buf[:n] {
		h ^= uint64(b)
		h *= fnvPrime
	}
	return h
}

// hashAffix hashes the first (or, with suffix set, the last) n runes of s, lower-cased.
// It reports false when s has fewer than n runes.
func hashAffix(s string, n int, suffix bool) (uint64, bool) {
	h := uint64(fnvOffset)
	if suffix {
		h ^= 0x5f // keep "ab" as prefix apart from "ba" as suffix
		h *= fnvPrime
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
		h = hashRune(h, unicode.ToLower(r))
	}
	return h, true
}

// mix combines a hash with a value; it is the key of a feature template applied to values.
func mix(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 + b
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}
