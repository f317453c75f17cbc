package event

import (
	"github.com/tocsin-project/tocsin/cameo"
)

// Pattern matching. A pattern's elements are matched in order against the words of the
// verb's phrase (post) or of what precedes the verb in its clause (pre), with gaps allowed
// as in TABARI; a prepositional phrase's words must lie inside that phrase, a noun phrase's
// inside that noun phrase. Markers ($ + ^ %) match nothing but record where the noun phrase
// they stand for begins, so that $ and + can bind the source and the target.

// wordIDs returns the ids of the pattern words token i matches, each as
// id<<2 | doer<<1 | stem: stem set when the token only begins with the word, doer when
// it is a noun that adds to the stem the ending of the one who does it (see agentSuffix).
// Computed once per token.
func (x *extractor) wordIDs(i int) []int32 {
	k := i - x.s.first
	if x.idOff[k] >= 0 {
		return x.idBuf[x.idOff[k] : x.idOff[k]+int32(x.idLen[k])]
	}
	start := len(x.idBuf)
	w := &x.st.c.words
	low := x.lower(i)
	if id, ok := w.ids[low]; ok {
		x.idBuf = append(x.idBuf, id<<2)
	}
	if lem := x.d.Tokens[i].Lemma; lem != "" && lem != low {
		if id, ok := w.ids[lem]; ok {
			x.idBuf = append(x.idBuf, id<<2)
		}
	}
	noun := x.d.Tokens[i].POS == "NOUN"
	for l := 4; l < len(low) && l < len(w.stemLen); l++ {
		if !w.stemLen[l] {
			continue
		}
		if id, ok := w.stems[low[:l]]; ok {
			v := id<<2 | 1
			if noun && agentSuffix(low[l:]) {
				v |= 2
			}
			x.idBuf = append(x.idBuf, v)
		}
	}
	x.idOff[k], x.idLen[k] = int32(start), uint8(min(len(x.idBuf)-start, 255))
	return x.idBuf[start : start+int(x.idLen[k])]
}

// agentSuffix reports whether a noun's ending after a pattern's stem makes it the doer,
// not the deed: "attackers" and "supporters" are people. After the verb, where a pattern
// names what is done or said ("* SUPPORT", "* ATTACK"), such a noun does not match the
// stem, as it does in TABARI, which lets a stem match any word it begins; before the
// verb, where a pattern names who acts ("PROTEST * (WITH)": protesters clash with), it
// does (see the README's notes on PETRARCH).
func agentSuffix(rest string) bool {
	switch rest {
	case "er", "ers", "or", "ors":
		return true
	}
	return false
}

// hasID reports whether token i matches word id (exactly, or as a stem when stem); after
// the verb (post), not a doer's noun as a stem.
func (x *extractor) hasID(i int, id int32, stem, post bool) bool {
	for _, v := range x.wordIDs(i) {
		if v>>2 == id && (stem || v&1 == 0) && !(post && v&2 != 0) {
			return true
		}
	}
	return false
}

// matchAlt reports how many tokens of seq from p an alternative matches (0: none); post
// says that seq follows the verb.
func (x *extractor) matchAlt(a *alt, seq []int32, p int, post bool) int {
	if p+len(a.ids) > len(seq) {
		return 0
	}
	last := len(a.ids) - 1
	for k, id := range a.ids {
		if !x.hasID(int(seq[p+k]), id, k == last && a.lastStem, post) {
			return 0
		}
	}
	return len(a.ids)
}

// marker records where a $ or + element stood in the sequence it was matched against.
type marker struct {
	kind cameo.ElemKind
	seq  []int32
	pos  int
}

// matcher holds the state of one pattern match.
type matcher struct {
	x       *extractor
	markers []marker
	post    bool // matching the words after the verb
}

// elems matches es in order in seq[from:], tokens beyond limit (a token index) excluded.
// It returns the position of the first element's match (-1 when the list held only
// markers), the position after the last, and whether all matched.
func (m *matcher) elems(es []celem, seq []int32, from int, limit int32, anchored bool) (first, next int, ok bool) {
	first, cur := -1, from
	for ei := range es {
		e := &es[ei]
		switch e.kind {
		case cameo.ElemSource, cameo.ElemTarget:
			m.markers = append(m.markers, marker{kind: e.kind, seq: seq, pos: cur})
			continue
		case cameo.ElemSkip, cameo.ElemCompound:
			continue
		}
		found := false
		for p := cur; p < len(seq) && seq[p] <= limit; p++ {
			if n := m.one(e, seq, p, limit); n > 0 {
				if first < 0 {
					first = p
				}
				cur, found = p+n, true
				break
			}
			if anchored && first < 0 {
				break
			}
		}
		if !found {
			return first, cur, false
		}
	}
	return first, cur, true
}

// one matches a single element at seq[p] exactly, returning the tokens it covers.
func (m *matcher) one(e *celem, seq []int32, p int, limit int32) int {
	x := m.x
	switch e.kind {
	case cameo.ElemWord, cameo.ElemSet:
		for ai := range e.alts {
			if n := x.matchAlt(&e.alts[ai], seq, p, m.post); n > 0 && seq[p+n-1] <= limit {
				return n
			}
		}
		return 0
	case cameo.ElemPrep:
		n := m.one(&e.sub[0], seq, p, limit)
		if n == 0 {
			return 0
		}
		if len(e.sub) == 1 {
			return n
		}
		// The phrase ends where the subtree of the preposition's head ends.
		pl := limit
		if h := x.s.head(int(seq[p])); h >= 0 && h > int(seq[p]) {
			pl = min(limit, x.s.right[h-x.s.first])
		}
		save := len(m.markers)
		_, next, ok := m.elems(e.sub[1:], seq, p+n, pl, false)
		if !ok {
			m.markers = m.markers[:save]
			return 0
		}
		return next - p
	case cameo.ElemNP:
		// The noun phrase is the subtree of the noun the first word modifies (or is).
		t := int(seq[p])
		h := t
		for steps := 0; steps < 4; steps++ {
			hh := x.s.head(h)
			if hh < 0 || hh < t || !nounMod(x.s.dep(h)) {
				break
			}
			h = hh
		}
		nl := min(limit, x.s.right[h-x.s.first])
		save := len(m.markers)
		_, next, ok := m.elems(e.sub, seq, p, nl, true)
		if !ok {
			m.markers = m.markers[:save]
			return 0
		}
		return next - p
	}
	return 0
}

// nounMod reports the relations that attach a word inside a noun phrase.
func nounMod(dep string) bool {
	switch dep {
	case "compound", "amod", "flat", "nummod", "det", "nmod", "fixed":
		return true
	}
	return false
}

// patternMatch is the best pattern found for a trigger.
type patternMatch struct {
	p            *cpattern
	start        int
	source, targ int // tokens bound by $ and +, -1 when unbound
}

// bestPattern tries every pattern of the blocks and returns the most specific match:
// most literal words, then the earliest start in the phrase, then dictionary order.
func (x *extractor) bestPattern(blocks []*cblock, pre, post []int32) (patternMatch, bool) {
	best := patternMatch{start: -1, source: -1, targ: -1}
	m := &x.m
	// Most patterns name a word the phrases do not hold: the ids the phrases' words
	// match rule them out before the matcher tries them word by word.
	x.inPre, x.inPost = x.idSet(x.inPre, pre), x.idSet(x.inPost, post)
	for _, b := range blocks {
		for _, p := range b.patterns {
			if best.p != nil && p.lits < best.p.lits {
				continue
			}
			if !holdsAll(x.inPre, p.needPre) || !holdsAll(x.inPost, p.needPost) {
				continue
			}
			m.markers = m.markers[:0]
			if len(p.pre) > 0 {
				m.post = false
				if _, _, ok := m.elems(p.pre, pre, 0, 1<<30, false); !ok {
					continue
				}
			}
			m.post = true
			start, _, ok := m.elems(p.post, post, 0, 1<<30, false)
			if !ok {
				continue
			}
			if start < 0 {
				start = 0 // words before the verb only: anchored on the verb
			}
			if best.p != nil && (p.lits == best.p.lits && (start > best.start || start == best.start && p.order > best.p.order)) {
				continue
			}
			best = patternMatch{p: p, start: start, source: -1, targ: -1}
			for _, mk := range m.markers {
				h := x.bindNP(mk.seq, mk.pos)
				if mk.kind == cameo.ElemSource {
					best.source = h
				} else {
					best.targ = h
				}
			}
		}
	}
	return best, best.p != nil
}

// bindNP returns the head of the first noun phrase in seq at or after pos, -1 if none.
func (x *extractor) bindNP(seq []int32, pos int) int {
	for p := pos; p < len(seq); p++ {
		t := int(seq[p])
		switch x.d.Tokens[t].POS {
		case "NOUN", "PROPN", "PRON", "NUM", "X":
		default:
			continue
		}
		for steps := 0; steps < 4; steps++ {
			h := x.s.head(t)
			if h < 0 || !nounMod(x.s.dep(t)) || x.s.dep(t) == "nmod" {
				break
			}
			t = h
		}
		return t
	}
	return -1
}

// idSet returns set, as a bit set of word ids, emptied and filled with the ids of the
// pattern words the tokens of seq match (wordIDs), however they match.
func (x *extractor) idSet(set []uint64, seq []int32) []uint64 {
	set = grow(set, (int(x.st.c.words.n)+63)/64)
	clear(set)
	for _, t := range seq {
		for _, v := range x.wordIDs(int(t)) {
			id := v >> 2
			set[id>>6] |= 1 << (id & 63)
		}
	}
	return set
}

// holdsAll reports whether set holds one id at least of each list of need.
func holdsAll(set []uint64, need [][]int32) bool {
	for _, ids := range need {
		found := false
		for _, id := range ids {
			if set[id>>6]&(1<<(id&63)) != 0 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
