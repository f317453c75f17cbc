package event

import (
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// sent is one sentence's dependency tree in a form that is quick to walk: children lists,
// subtree extents, the clause each token belongs to. Indexes are document token indexes;
// the slices are indexed by i-first. The buffers are reused from sentence to sentence.
//
// The heads and relations are the syntax layer's, which the syntax stage has already
// repaired where the parser misreads news (syntax/repair.go: verbless headlines, reports
// before their verb, ...), so the event coder reads the same tree as every other stage.
type sent struct {
	x           *extractor
	first, end  int
	hd          []int32  // head of each token, -1 for a root or a head outside the sentence
	dp          []string // relation of each token
	kidStart    []int32  // children of i: kids[kidStart[i-first]:kidStart[i-first+1]]
	kids        []int32
	left, right []int32 // extent of each subtree
	clause      []int32 // the clause head each token belongs to, -1 unknown
}

func (s *sent) reset(x *extractor, first, end int) {
	s.x, s.first, s.end = x, first, end
	n := end - first
	s.hd = grow(s.hd, n)
	s.dp = grow(s.dp, n)
	for i := first; i < end; i++ {
		t := &x.d.Tokens[i]
		h := t.Head
		if t.Dep == "" || h < first || h >= end || h == i {
			h = -1
		}
		s.hd[i-first], s.dp[i-first] = int32(h), t.Dep
	}
	s.build()
}

// build fills the children lists, extents and clause memo from hd.
func (s *sent) build() {
	first, end, x := s.first, s.end, s.x
	n := end - first
	s.kidStart = grow(s.kidStart, n+1)
	s.left = grow(s.left, n)
	s.right = grow(s.right, n)
	s.clause = grow(s.clause, n)
	clear(s.kidStart)
	for i := first; i < end; i++ {
		s.left[i-first], s.right[i-first], s.clause[i-first] = int32(i), int32(i), -1
		if h := s.head(i); h >= 0 {
			s.kidStart[h-first+1]++
		}
	}
	for i := 1; i <= n; i++ {
		s.kidStart[i] += s.kidStart[i-1]
	}
	s.kids = grow(s.kids, int(s.kidStart[n]))
	fill := x.fill[:0]
	fill = append(fill, s.kidStart[:n]...)
	for i := first; i < end; i++ {
		if h := s.head(i); h >= 0 {
			s.kids[fill[h-first]] = int32(i)
			fill[h-first]++
		}
	}
	x.fill = fill
	// Extents: push each token's position up its chain of heads.
	for i := first; i < end; i++ {
		for h, steps := s.head(i), 0; h >= 0 && steps < n; h, steps = s.head(h), steps+1 {
			k := h - first
			s.left[k] = min(s.left[k], int32(i))
			s.right[k] = max(s.right[k], int32(i))
		}
	}
}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// head returns i's head inside the sentence, -1 for a root or a head outside it.
func (s *sent) head(i int) int { return int(s.hd[i-s.first]) }

// full returns i's relation with its subtype: "nsubj:pass".
func (s *sent) full(i int) string { return s.dp[i-s.first] }

// children returns i's dependents in text order.
func (s *sent) children(i int) []int32 {
	k := i - s.first
	return s.kids[s.kidStart[k]:s.kidStart[k+1]]
}

// dep returns i's relation without its subtype: "nsubj" for "nsubj:pass".
func (s *sent) dep(i int) string {
	d := s.dp[i-s.first]
	if j := strings.IndexByte(d, ':'); j >= 0 {
		return d[:j]
	}
	return d
}

// child returns the first dependent of i with relation rel ("nsubj" matches
// "nsubj:pass"; "nsubj:pass" only itself), -1 when there is none.
func (s *sent) child(i int, rel string) int {
	for _, c := range s.children(i) {
		if s.rel(int(c), rel) {
			return int(c)
		}
	}
	return -1
}

// subject returns verb v's passive subject, else its subject, -1 when it has neither.
func (s *sent) subject(v int) int {
	if c := s.child(v, "nsubj:pass"); c >= 0 {
		return c
	}
	return s.child(v, "nsubj")
}

// objectOf returns v's direct object as a one-element list, none when v has none.
func objectOf(s *sent, v int) []int {
	if o := s.child(v, "obj"); o >= 0 {
		return []int{o}
	}
	return nil
}

// rel reports whether i's relation is rel or a subtype of it.
func (s *sent) rel(i int, rel string) bool {
	if i < s.first || i >= s.end {
		return false
	}
	d := s.dp[i-s.first]
	return d == rel || len(d) > len(rel) && d[len(rel)] == ':' && d[:len(rel)] == rel && !strings.Contains(rel, ":")
}

// heads reports whether i heads a clause of its own: a root, a clausal dependent, or a
// verb conjoined to a verb.
func (s *sent) heads(i int) bool {
	switch s.dep(i) {
	case "root", "ccomp", "xcomp", "advcl", "parataxis", "csubj", "acl":
		return true
	case "conj":
		h := s.head(i)
		toks := s.x.d.Tokens
		return toks[i].POS == "VERB" && h >= 0 && (toks[h].POS == "VERB" || toks[h].POS == "AUX")
	}
	return s.head(i) < 0
}

// clauseOf returns the head of the clause i belongs to.
func (s *sent) clauseOf(i int) int {
	k := i - s.first
	if c := s.clause[k]; c >= 0 {
		return int(c)
	}
	c := i
	for steps := 0; steps <= s.end-s.first; steps++ {
		if s.heads(c) {
			break
		}
		h := s.head(c)
		if h < 0 {
			break
		}
		c = h
	}
	s.clause[k] = int32(c)
	return c
}

// inSubtree reports whether j lies in i's subtree.
func (s *sent) inSubtree(j, i int) bool {
	for steps := 0; j >= 0 && steps <= s.end-s.first; steps++ {
		if j == i {
			return true
		}
		j = s.head(j)
	}
	return false
}

// span returns the byte span of i's subtree, punctuation at its edges left out.
func (s *sent) span(i int) doc.Span {
	toks := s.x.d.Tokens
	l, r := int(s.left[i-s.first]), int(s.right[i-s.first])
	for l < i && toks[l].Kind == doc.Punct {
		l++
	}
	for r > i && toks[r].Kind == doc.Punct {
		r--
	}
	return doc.Span{Start: toks[l].Start, End: toks[r].End}
}
