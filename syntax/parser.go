package syntax

import "github.com/tocsin-project/tocsin/internal/fhash"

// The parser is a greedy arc-hybrid transition system (Kuhlmann et al. 2011) with the
// root at the end of the buffer (Ballesteros and Nivre 2013):
//
//	SHIFT  moves the first buffer word b0 onto the stack;
//	LEFT   makes b0 the head of the stack top s0 and pops s0;
//	RIGHT  makes the word under the top, s1, the head of s0 and pops s0.
//
// A word is attached only once it has all its dependents, so the labeller, which runs
// at each attachment, sees the dependent's whole subtree. Only LEFT can attach a word to
// the root, and only when it is the last word on the stack: every tree has one root.
// The transition classifier is an averaged perceptron over hashed features in the style
// of Zhang and Nivre (2011), trained with the dynamic oracle of Goldberg and Nivre (2013).

const (
	trShift = iota
	trLeft
	trRight
	numTransitions
)

// Feature values for missing positions and the root.
const (
	noWord   = 0xffff_fff0
	rootWord = 0xffff_fff1
	noTag    = 0xff0
	rootTag  = 0xff1
	noLabel  = 0xff0
)

// pstate is a parser configuration over one sentence of n words; position n is the root.
type pstate struct {
	n     int
	word  []uint64 // vocabulary id of each word (0 unknown)
	tag   []uint64 // tag class of each word
	fine  []uint64 // word cluster
	mid   []uint64 // coarser word cluster
	head  []int32  // -1 until attached
	label []int32  // -1 until attached
	lc1   []int32  // leftmost dependent, -1 if none
	lc2   []int32  // second leftmost
	rc1   []int32  // rightmost dependent
	rc2   []int32
	nl    []int32 // number of left dependents
	nr    []int32
	lset  []uint64 // labels of left dependents, as bits
	rset  []uint64
	stack []int32
	b     int
}

func (s *pstate) reset(n int) {
	s.n = n
	m := n + 1
	s.word = grow(s.word, m)
	s.tag = grow(s.tag, m)
	s.fine = grow(s.fine, m)
	s.mid = grow(s.mid, m)
	s.head = grow(s.head, m)
	s.label = grow(s.label, m)
	s.lc1 = grow(s.lc1, m)
	s.lc2 = grow(s.lc2, m)
	s.rc1 = grow(s.rc1, m)
	s.rc2 = grow(s.rc2, m)
	s.nl = grow(s.nl, m)
	s.nr = grow(s.nr, m)
	s.lset = grow(s.lset, m)
	s.rset = grow(s.rset, m)
	for i := range m {
		s.head[i], s.label[i] = -1, -1
		s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i], s.rset[i] = 0, 0
	}
	s.word[n], s.tag[n], s.fine[n], s.mid[n] = rootWord, rootTag, rootWord, rootWord
	s.stack = s.stack[:0]
	s.b = 0
}

// setWord sets the word and tag of position i.
func (s *pstate) setWord(i int, x *lex, tag uint16) {
	s.word[i], s.tag[i], s.fine[i], s.mid[i] = x.wid, uint64(tag), x.fine, x.mid
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

func (s *pstate) done() bool { return len(s.stack) == 0 && s.b == s.n }

// legal reports which transitions are allowed, as bits 1<<tr.
func (s *pstate) legal() int {
	m := 0
	if s.b < s.n {
		m |= 1 << trShift
	}
	if len(s.stack) > 0 && (s.b < s.n || len(s.stack) == 1) {
		m |= 1 << trLeft
	}
	if len(s.stack) > 1 {
		m |= 1 << trRight
	}
	return m
}

// apply performs transition t; for an attachment, label gives the relation.
func (s *pstate) apply(t int, label int32) {
	switch t {
	case trShift:
		s.stack = append(s.stack, int32(s.b))
		s.b++
	case trLeft:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		h := int32(s.b)
		s.head[d], s.label[d] = h, label
		s.lc2[h], s.lc1[h] = s.lc1[h], d // d is left of all earlier left dependents of h
		s.nl[h]++
		s.lset[h] |= 1 << (uint(label) & 63)
	case trRight:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		h := s.stack[len(s.stack)-1]
		s.head[d], s.label[d] = h, label
		s.rc2[h], s.rc1[h] = s.rc1[h], d
		s.nr[h]++
		s.rset[h] |= 1 << (uint(label) & 63)
	}
}

// attachment returns the dependent and head that transition t would join.
func (s *pstate) attachment(t int) (dep, head int32) {
	d := s.stack[len(s.stack)-1]
	if t == trLeft {
		return d, int32(s.b)
	}
	return d, s.stack[len(s.stack)-2]
}

func (s *pstate) w(p int32) uint64 {
	if p < 0 {
		return noWord
	}
	return s.word[p]
}

func (s *pstate) c(p int32) uint64 {
	if p < 0 {
		return noWord
	}
	return s.fine[p]
}

func (s *pstate) cm(p int32) uint64 {
	if p < 0 {
		return noWord
	}
	return s.mid[p]
}

func (s *pstate) t(p int32) uint64 {
	if p < 0 {
		return noTag
	}
	return s.tag[p]
}

func (s *pstate) l(p int32) uint64 {
	if p < 0 || s.label[p] < 0 {
		return noLabel
	}
	return uint64(s.label[p])
}

func child(c []int32, p int32) int32 {
	if p < 0 {
		return -1
	}
	return c[p]
}

func dist(a, b int32) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	}
	return 7
}

func capv(v int32) uint64 { return uint64(min(v, 4)) }

// numParseFeats is the number of features parseFeatures writes.
const numParseFeats = 72

// The features fall into groups by what they read, so that the parser can keep the
// weights of a group while what it reads is unchanged (cachedScores): the word at a
// position, its tag and clusters never change during a parse, and the front of the buffer
// changes only with SHIFT. keys[:featS1] read only s0's word, keys[featS1:featS2] only
// s1's, keys[featS2:featB] only s2's, keys[featB:featBL] only b0, b1 and b2's words (not
// their dependents), keys[featBL:featStack] only b0 and its left dependents,
// keys[featStack:featRest] only what stays the same while s0 is on the stack
// (stackFeatures), the rest the whole configuration.
const (
	featS1    = 4
	featS2    = 7
	featB     = 8
	featBL    = 19
	featStack = 24
	featRest  = 41
)

// parseFeatures writes the features of the current configuration into keys.
func (s *pstate) parseFeatures(keys *[numParseFeats]uint64) {
	s0, s1, s2 := s.stackTop()
	s.s0Features(s0, (*[featS1]uint64)(keys[:featS1]))
	s.s1Features(s1, (*[featS2 - featS1]uint64)(keys[featS1:featS2]))
	s.s2Features(s2, (*[featB - featS2]uint64)(keys[featS2:featB]))
	s.bufferFeatures((*[featBL - featB]uint64)(keys[featB:featBL]))
	s.b0LeftFeatures((*[featStack - featBL]uint64)(keys[featBL:featStack]))
	s.stackFeatures(s0, s1, s2, (*[featRest - featStack]uint64)(keys[featStack:featRest]))
	s.restFeatures(s0, s1, s2, (*[numParseFeats - featRest]uint64)(keys[featRest:]))
}

// stackTop returns the top three words of the stack, -1 where there are fewer.
func (s *pstate) stackTop() (s0, s1, s2 int32) {
	s0, s1, s2 = -1, -1, -1
	if k := len(s.stack); k > 0 {
		s0 = s.stack[k-1]
		if k > 1 {
			s1 = s.stack[k-2]
			if k > 2 {
				s2 = s.stack[k-3]
			}
		}
	}
	return s0, s1, s2
}

// buffer returns the first three words of the buffer, -1 past the root.
func (s *pstate) buffer() (b0, b1, b2 int32) {
	b0, b1, b2 = int32(s.b), -1, -1
	if s.b+1 <= s.n {
		b1 = b0 + 1
		if s.b+2 <= s.n {
			b2 = b0 + 2
		}
	}
	return b0, b1, b2
}

// s0Features writes the features of word p as the stack top.
func (s *pstate) s0Features(p int32, k *[featS1]uint64) {
	w, t := s.w(p), s.t(p)
	k[0] = fhash.F1(1, w)
	k[1] = fhash.F1(2, t)
	k[2] = fhash.F2(3, w, t)
	k[3] = fhash.F2(69, s.c(p), t)
}

// s1Features writes the features of word p as the word under the stack top.
func (s *pstate) s1Features(p int32, k *[featS2 - featS1]uint64) {
	w, t := s.w(p), s.t(p)
	k[0] = fhash.F1(4, w)
	k[1] = fhash.F1(5, t)
	k[2] = fhash.F2(6, w, t)
}

// s2Features writes the feature of word p as the third word of the stack.
func (s *pstate) s2Features(p int32, k *[featB - featS2]uint64) {
	k[0] = fhash.F1(15, s.t(p))
}

// bufferFeatures writes the features of the first three words of the buffer.
func (s *pstate) bufferFeatures(k *[featBL - featB]uint64) {
	b0, b1, b2 := s.buffer()
	b0w, b0t, b1w, b1t, b2w, b2t := s.w(b0), s.t(b0), s.w(b1), s.t(b1), s.w(b2), s.t(b2)
	k[0] = fhash.F1(7, b0w)
	k[1] = fhash.F1(8, b0t)
	k[2] = fhash.F2(9, b0w, b0t)
	k[3] = fhash.F1(10, b1w)
	k[4] = fhash.F1(11, b1t)
	k[5] = fhash.F2(12, b1w, b1t)
	k[6] = fhash.F1(13, b2w)
	k[7] = fhash.F1(14, b2t)
	k[8] = fhash.F2(23, b0t, b1t)
	k[9] = fhash.F3(29, b0t, b1t, b2t)
	k[10] = fhash.F2(70, s.c(b0), b0t)
}

// b0LeftFeatures writes the features of the first word of the buffer and its left
// dependents.
func (s *pstate) b0LeftFeatures(k *[featStack - featBL]uint64) {
	b0 := int32(s.b)
	b0t := s.t(b0)
	b0L, b0L2 := s.lc1[b0], s.lc2[b0]
	b0Lt := s.t(b0L)
	k[0] = fhash.F2(49, b0t, capv(s.nl[b0]))
	k[1] = fhash.F2(55, s.w(b0L), s.l(b0L))
	k[2] = fhash.F2(56, b0Lt, s.l(b0L))
	k[3] = fhash.F3(60, b0t, b0Lt, s.t(b0L2))
	k[4] = fhash.F2(62, b0t, s.lset[b0])
}

// stackFeatures writes the features that read the top three words of the stack, the
// dependents of s1 and the left dependents of s0. None of them changes while s0 is on
// the stack: the words under it stay until it is popped, a word on the stack gains no
// left dependent (LEFT gives b0 one), and s1 gains a right one only by RIGHT, which pops
// s0. So the parser keeps their weights by s0 (transCache).
func (s *pstate) stackFeatures(s0, s1, s2 int32, k *[featRest - featStack]uint64) {
	s0w, s0t, s1w, s1t, s2t := s.w(s0), s.t(s0), s.w(s1), s.t(s1), s.t(s2)
	s0L, s0L2 := child(s.lc1, s0), child(s.lc2, s0)
	s1L, s1R := child(s.lc1, s1), child(s.rc1, s1)
	s0Lt, s1Rt := s.t(s0L), s.t(s1R)
	d1 := dist(s1, s0)
	var s0vl, s1vl, s1vr uint64 = 9, 9, 9
	if s0 >= 0 {
		s0vl = capv(s.nl[s0])
	}
	if s1 >= 0 {
		s1vl, s1vr = capv(s.nl[s1]), capv(s.nr[s1])
	}

	// pairs
	k[0] = fhash.F4(24, s1w, s1t, s0w, s0t)
	k[1] = fhash.F2(25, s1w, s0w)
	k[2] = fhash.F2(26, s1t, s0t)
	k[3] = fhash.F2(27, s1t, s0w)
	k[4] = fhash.F2(28, s1w, s0t)
	// triples of tags
	k[5] = fhash.F3(32, s2t, s1t, s0t)
	k[6] = fhash.F3(36, s1t, s1Rt, s0t)
	k[7] = fhash.F3(37, s1t, s0t, s0Lt)
	// distance
	k[8] = fhash.F3(44, s1t, s0t, d1)
	k[9] = fhash.F3(45, s1w, s0w, d1)
	// valency
	k[10] = fhash.F2(48, s0t, s0vl)
	k[11] = fhash.F3(50, s1t, s1vl, s1vr)
	// dependents
	k[12] = fhash.F2(51, s.w(s0L), s.l(s0L))
	k[13] = fhash.F2(52, s0Lt, s.l(s0L))
	k[14] = fhash.F3(57, s1Rt, s.l(s1R), s.t(s1L))
	k[15] = fhash.F3(58, s0t, s0Lt, s.t(s0L2))
	// word clusters
	k[16] = fhash.F2(72, s.cm(s1), s.cm(s0))
}

// restFeatures writes the features that read the stack and the buffer together, or the
// right dependents of s0.
func (s *pstate) restFeatures(s0, s1, s2 int32, k *[numParseFeats - featRest]uint64) {
	b0, b1, _ := s.buffer()
	s0w, s0t, s1w, s1t := s.w(s0), s.t(s0), s.w(s1), s.t(s1)
	b0w, b0t, b1t := s.w(b0), s.t(b0), s.t(b1)
	s0L, s0R, s0R2 := child(s.lc1, s0), child(s.rc1, s0), child(s.rc2, s0)
	b0L := s.lc1[b0]
	s0Lt, s0Rt, b0Lt := s.t(s0L), s.t(s0R), s.t(b0L)
	d0 := dist(s0, b0)
	var s0vr, s0ls, s0rs uint64 = 9, 0, 0
	if s0 >= 0 {
		s0vr, s0ls, s0rs = capv(s.nr[s0]), s.lset[s0], s.rset[s0]
	}

	// pairs
	k[0] = fhash.F4(16, s0w, s0t, b0w, b0t)
	k[1] = fhash.F3(17, s0w, s0t, b0w)
	k[2] = fhash.F3(18, s0w, b0w, b0t)
	k[3] = fhash.F3(19, s0w, s0t, b0t)
	k[4] = fhash.F3(20, s0t, b0w, b0t)
	k[5] = fhash.F2(21, s0w, b0w)
	k[6] = fhash.F2(22, s0t, b0t)
	// triples of tags
	k[7] = fhash.F3(30, s0t, b0t, b1t)
	k[8] = fhash.F3(31, s1t, s0t, b0t)
	k[9] = fhash.F3(33, s0t, s0Lt, b0t)
	k[10] = fhash.F3(34, s0t, s0Rt, b0t)
	k[11] = fhash.F3(35, s0t, b0t, b0Lt)
	k[12] = fhash.F3(38, s1t, s0t, s0Rt)
	// distance
	k[13] = fhash.F2(39, s0w, d0)
	k[14] = fhash.F2(40, s0t, d0)
	k[15] = fhash.F2(41, b0w, d0)
	k[16] = fhash.F2(42, b0t, d0)
	k[17] = fhash.F3(43, s0t, b0t, d0)
	// valency
	k[18] = fhash.F2(46, s0w, s0vr)
	k[19] = fhash.F2(47, s0t, s0vr)
	// dependents
	k[20] = fhash.F2(53, s.w(s0R), s.l(s0R))
	k[21] = fhash.F2(54, s0Rt, s.l(s0R))
	k[22] = fhash.F3(59, s0t, s0Rt, s.t(s0R2))
	// label sets
	k[23] = fhash.F3(61, s0t, s0ls, s0rs)
	k[24] = fhash.F2(63, s1t, b0t)
	k[25] = fhash.F3(64, s1w, s1t, b0t)
	k[26] = fhash.F3(65, s1t, s0t, b1t)
	k[27] = fhash.F2(66, s0t, b1t)
	k[28] = fhash.F3(67, s0w, b0t, b1t)
	k[29] = fhash.F4(68, s1t, s0t, b0t, d0)
	// word clusters
	k[30] = fhash.F2(71, s.cm(s0), s.cm(b0))
}

// transitionCosts returns, for each legal transition, the number of gold arcs it makes
// unreachable (Goldberg and Nivre 2013, arc-hybrid); gold holds gold heads with n for the
// root. Illegal transitions cost -1.
func (s *pstate) transitionCosts(gold []int32, legal int) [numTransitions]int {
	c := [numTransitions]int{-1, -1, -1}
	n := int32(s.n)
	if legal&(1<<trShift) != 0 {
		b0 := int32(s.b)
		cost := 0
		for i, d := range s.stack {
			if gold[d] == b0 {
				cost++
			}
			if gold[b0] == d && i != len(s.stack)-1 {
				cost++
			}
		}
		c[trShift] = cost
	}
	if legal&(1<<(trLeft))|legal&(1<<trRight) != 0 {
		s0 := s.stack[len(s.stack)-1]
		kids := 0
		for d := int32(s.b); d < n; d++ {
			if gold[d] == s0 {
				kids++
			}
		}
		g := gold[s0]
		if legal&(1<<trLeft) != 0 {
			cost := kids
			if g > int32(s.b) || len(s.stack) > 1 && g == s.stack[len(s.stack)-2] {
				cost++
			}
			c[trLeft] = cost
		}
		if legal&(1<<trRight) != 0 {
			cost := kids
			if g >= int32(s.b) {
				cost++
			}
			c[trRight] = cost
		}
	}
	return c
}
