package syntax

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
	k[0] = f1(101, dw)
	k[1] = f1(102, dt)
	k[2] = f2(103, dw, dt)
	k[3] = f2(104, hw, dir)
	k[4] = f2(105, ht, dir)
	k[5] = f3(106, hw, ht, dir)
	k[6] = f3(107, dt, ht, dir)
	k[7] = f3(108, dw, ht, dir)
	k[8] = f3(109, dt, hw, dir)
	k[9] = f3(110, dw, hw, dir)
	k[10] = f4(111, dt, ht, dir, dd)
	k[11] = f3(112, dt, s.l(dL), s.t(dL))
	k[12] = f3(113, dt, s.l(dR), s.t(dR))
	k[13] = f2(114, dt, s.w(dL))
	k[14] = f2(115, dt, s.lset[d])
	k[15] = f2(116, dt, s.rset[d])
	k[16] = f4(117, dt, ht, dir, s.lset[h])
	k[17] = f4(118, dt, ht, dir, s.rset[h])
	k[18] = f2(119, dt, pt)
	k[19] = f2(120, dt, nt)
	k[20] = f2(121, dw, dir)
	k[21] = f4(122, dt, ht, dir, s.t(dL))
	k[22] = f2(123, s.c(d), dt)
	k[23] = f3(124, s.cm(d), s.cm(h), dir)
}
