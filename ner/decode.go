package ner

import "math"

// scores holds a score per tag; it has room for 32 so that a tag taken from the low
// five bits of a packed weight needs no bounds check.
type scores [32]int32

// scoreFunc adds the weights of the features in keys to sc.
type scoreFunc func(keys []uint64, sc *scores)

// decodeSentence tags the prepared sentence s greedily from left to right, writing tags
// and recording decisions in h. Each step scores every tag with the token's features
// (static ones and those reading the two previous decisions) and takes the best tag that
// keeps the BILOU sequence well formed; a token forced outside entities (a hashtag) ends
// any entity before it. buf is scratch space, returned for reuse.
func decodeSentence(s *sentInfo, h history, tags []int, buf []uint64, score scoreFunc) []uint64 {
	p1, p2 := -1, -1
	n := len(s.toks)
	var sc scores // escapes to the heap through score: one allocation per sentence
	for i := 0; i < n; i++ {
		// A plain lower-case word ("said", "the") outside an entity stays outside: the
		// model tags it O all but never (the rare exceptions, such as "of" in "Bank of
		// England", continue an entity and are scored). Skipping them halves the
		// recogniser's work on news text.
		if s.toks[i].plain && validNext(p1, 0) {
			tags[i] = 0
			h.record(s, i, 0)
			p2, p1 = p1, 0
			continue
		}
		if s.toks[i].force {
			tags[i] = 0
			h.record(s, i, 0)
			p2, p1 = p1, 0
			continue
		}
		buf = staticKeys(s, i, buf[:0])
		buf = dynamicKeys(s, i, p1, p2, h, buf)
		sc = scores{}
		score(buf, &sc)
		last := i == n-1 || s.toks[i+1].force
		t := best(&sc, p1, last)
		tags[i] = t
		h.record(s, i, t)
		p2, p1 = p1, t
	}
	return buf
}

// best returns the highest-scoring tag that may follow p (and end the sentence when last).
// Ties go to the lower tag, so O wins over an entity when nothing is known.
func best(sc *scores, p int, last bool) int {
	bt, bs := -1, int32(math.MinInt32)
	for t := 0; t < numTags; t++ {
		if !validNext(p, t) || last && !validLast(t) {
			continue
		}
		if bt < 0 || sc[t] > bs {
			bt, bs = t, sc[t]
		}
	}
	return bt
}
