package syntax

import "github.com/tocsin-project/tocsin/internal/fhash"

// The labeller names the relation of each attachment as the parser makes it. It is an
// averaged perceptron of its own over the dependent (whose subtree is complete), the head
// and what the head has collected so far; separating it from the transition classifier
// keeps that classifier at three classes, so the parser's weight rows are eight bytes.

const numLabelFeats = 24

func (s *pstate) labelFeatures(d, h int32, keys *[numLabelFeats]uint64) {
	dw, dt, hw, ht := s.w(d), s.t(d), s.w(h), s.t(h)
	dir := uint64(0)
	if h > d {
		dir = 1
	}
	dd := dist(d, h)
	dL, dR := s.lc1[d], s.rc1[d]
	pt, nt := uint64(noTag), uint64(noTag)
	if d > 0 {
		pt = s.tag[d-1]
	}
	if int(d)+1 < s.n {
		nt = s.tag[d+1]
	}
	k := keys
	k[0] = fhash.F1(101, dw)
	k[1] = fhash.F1(102, dt)
	k[2] = fhash.F2(103, dw, dt)
	k[3] = fhash.F2(104, hw, dir)
	k[4] = fhash.F2(105, ht, dir)
	k[5] = fhash.F3(106, hw, ht, dir)
	k[6] = fhash.F3(107, dt, ht, dir)
	k[7] = fhash.F3(108, dw, ht, dir)
	k[8] = fhash.F3(109, dt, hw, dir)
	k[9] = fhash.F3(110, dw, hw, dir)
	k[10] = fhash.F4(111, dt, ht, dir, dd)
	k[11] = fhash.F3(112, dt, s.l(dL), s.t(dL))
	k[12] = fhash.F3(113, dt, s.l(dR), s.t(dR))
	k[13] = fhash.F2(114, dt, s.w(dL))
	k[14] = fhash.F2(115, dt, s.lset[d])
	k[15] = fhash.F2(116, dt, s.rset[d])
	k[16] = fhash.F4(117, dt, ht, dir, s.lset[h])
	k[17] = fhash.F4(118, dt, ht, dir, s.rset[h])
	k[18] = fhash.F2(119, dt, pt)
	k[19] = fhash.F2(120, dt, nt)
	k[20] = fhash.F2(121, dw, dir)
	k[21] = fhash.F4(122, dt, ht, dir, s.t(dL))
	k[22] = fhash.F2(123, s.c(d), dt)
	k[23] = fhash.F3(124, s.cm(d), s.cm(h), dir)
}
