package event

import (
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// sent is one sentence's dependency tree in a form that is quick to walk: children lists,
// subtree extents, the clause each token belongs to. Indexes are document token indexes;
// the slices are indexed by i-first. The buffers are reused from sentence to sentence.
//
// The heads and relations are the syntax layer's, copied so that a headline the parser
// read as a noun phrase can be repaired here without touching the document (see repair).
type sent struct {
	x           *extractor
	first, end  int
	hd          []int32  // head of each token, -1 for a root or a head outside the sentence
	dp          []string // relation of each token
	kidStart    []int32  // children of i: kids[kidStart[i-first]:kidStart[i-first+1]]
	kids        []int32
	left, right []int32 // extent of each subtree
	clause      []int32 // the clause head each token belongs to, -1 unknown
	repaired    bool
	verb        int // the verb repair made the root, -1 if none
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
	s.verb = -1
	s.repaired = s.repair()
	if !s.repaired {
		s.repaired = s.repairSubject()
	}
	s.repaired = s.repairRelativeVerb() || s.repaired
	s.repaired = s.repairTwoSubjects() || s.repaired
	s.repaired = s.repairNounSubject() || s.repaired
	s.repaired = s.repairReport() || s.repaired
	s.repaired = s.repairCountObject() || s.repaired
	s.repaired = s.repairGerundComplement() || s.repaired
	s.build()
}

// repairGerundComplement reads a gerund with an object that the parser hung on a verb
// as an adjective as the verb's complement: "Iran admits downing Ukrainian jet" (a verb
// has no adjectival modifiers).
func (s *sent) repairGerundComplement() bool {
	toks := s.x.d.Tokens
	changed := false
	for i := s.first; i < s.end; i++ {
		h := int(s.hd[i-s.first])
		if h < 0 || s.dp[i-s.first] != "amod" || toks[i].POS != "VERB" || toks[h].POS != "VERB" || !strings.HasSuffix(s.x.lower(i), "ing") {
			continue
		}
		for k := s.first; k < s.end; k++ {
			if int(s.hd[k-s.first]) == i && s.dp[k-s.first] == "obj" {
				s.dp[i-s.first] = "xcomp"
				changed = true
				break
			}
		}
	}
	return changed
}

// repairCountObject reads a number that the parser hung on a verb as its numeric
// modifier as the verb's object, when the verb has none: "Bombs kill at least 20 at
// cathedral" (only nouns take numeric modifiers).
func (s *sent) repairCountObject() bool {
	toks := s.x.d.Tokens
	changed := false
	for i := s.first; i < s.end; i++ {
		h := int(s.hd[i-s.first])
		if h < 0 || s.dp[i-s.first] != "nummod" || toks[i].POS != "NUM" || toks[h].POS != "VERB" || h > i {
			continue
		}
		hasObj := false
		for k := s.first; k < s.end; k++ {
			if int(s.hd[k-s.first]) == h && (s.dp[k-s.first] == "obj" || s.dp[k-s.first] == "ccomp") {
				hasObj = true
			}
		}
		if !hasObj {
			s.dp[i-s.first] = "obj"
			changed = true
		}
	}
	return changed
}

// repairSubject gives a subjectless finite root verb the noun the parser hung elsewhere
// before it: in "The day before, mourners, spreading across several miles, chanted
// slogans" it reads "mourners" as a conjunct of "day". The subject is the nearest noun or
// pronoun before the verb, in the verb's own tree, with no preposition, attached loosely
// (conjunct, apposition, unclassified); a finite verb before it ends the search, as it
// starts another clause. It reports whether it changed anything.
func (s *sent) repairSubject() bool {
	toks := s.x.d.Tokens
	v, _ := s.root()
	if v < 0 || toks[v].POS != "VERB" || !toks[v].Finite() {
		return false
	}
	for i := s.first; i < s.end; i++ {
		if int(s.hd[i-s.first]) == v {
			switch d := s.dp[i-s.first]; {
			case strings.HasPrefix(d, "nsubj"), strings.HasPrefix(d, "csubj"), d == "expl":
				return false
			}
		}
	}
	for q := v - 1; q >= s.first; q-- {
		if toks[q].Finite() {
			return false
		}
		switch toks[q].POS {
		case "NOUN", "PROPN", "PRON":
		default:
			continue
		}
		switch s.dp[q-s.first] {
		case "conj", "appos", "dep", "list", "parataxis", "vocative":
		default:
			continue
		}
		if s.hasCase(q) || !s.inSubtree(q, v) {
			continue
		}
		s.hd[q-s.first], s.dp[q-s.first] = int32(v), "nsubj"
		return true
	}
	return false
}

// repairRelativeVerb re-reads a sentence whose root is a noun and whose past tense verb
// the parser hung on a noun as a reduced relative: "Thousands of protesters marched in
// Paris" as "thousands of protesters (who) marched". The verb becomes the root and the
// noun phrase before it its subject. A past participle ("Man arrested in Paris") stays.
func (s *sent) repairRelativeVerb() bool {
	toks := s.x.d.Tokens
	root, only := s.root()
	if !only || toks[root].POS == "VERB" || toks[root].POS == "AUX" {
		// several roots: leave it
		return false
	}
	for v := s.first; v < s.end; v++ {
		if toks[v].Tag != "VBD" || s.dp[v-s.first] != "acl" {
			continue
		}
		n := int(s.hd[v-s.first])
		if n < 0 || n > v || toks[n].POS != "NOUN" && toks[n].POS != "PROPN" {
			continue
		}
		// The subject is the whole noun phrase: "thousands" when the noun is its "of"
		// complement and it is the root.
		subj := n
		if h := int(s.hd[n-s.first]); h == root && root < n && s.dp[n-s.first] == "nmod" {
			subj = root
		}
		s.hd[v-s.first], s.dp[v-s.first] = -1, "root"
		s.hd[subj-s.first], s.dp[subj-s.first] = int32(v), "nsubj"
		// What hung on the old root after the verb (the final full stop) is the verb's.
		for i := v + 1; i < s.end; i++ {
			if int(s.hd[i-s.first]) == root && root != subj {
				s.hd[i-s.first] = int32(v)
			}
			if int(s.hd[i-s.first]) == subj && subj == root && toks[i].Kind == doc.Punct {
				s.hd[i-s.first] = int32(v)
			}
		}
		return true
	}
	return false
}

// repairTwoSubjects reads a name that the parser made a second subject of the same verb,
// right after the first, as the first's apposition: "Soleimani's daughter Zeinab
// threatened" has one subject, the daughter, who is Zeinab.
func (s *sent) repairTwoSubjects() bool {
	toks := s.x.d.Tokens
	changed := false
	for i := s.first + 1; i < s.end; i++ {
		p := i - 1
		if toks[i].POS != "PROPN" || s.dp[i-s.first] != "nsubj" || s.dp[p-s.first] != "nsubj" {
			continue
		}
		if s.hd[i-s.first] != s.hd[p-s.first] || toks[p].POS != "NOUN" {
			continue
		}
		s.hd[i-s.first], s.dp[i-s.first] = int32(p), "appos"
		changed = true
	}
	return changed
}

// repairNounSubject reads a name the parser made the subject of the noun right after
// it as that noun's compound: in "the United States government labeled" it hangs
// "States" on "government" as nsubj, which only a copular clause has ("he is a doctor",
// where the noun has its "is").
func (s *sent) repairNounSubject() bool {
	toks := s.x.d.Tokens
	changed := false
	for i := s.first; i+1 < s.end; i++ {
		h := int(s.hd[i-s.first])
		if h != i+1 || s.dp[i-s.first] != "nsubj" || toks[i].POS != "PROPN" {
			continue
		}
		if p := toks[h].POS; p != "NOUN" && p != "PROPN" {
			continue
		}
		copular := false
		for k := s.first; k < s.end; k++ {
			if int(s.hd[k-s.first]) == h && s.dp[k-s.first] == "cop" {
				copular = true
			}
		}
		if !copular {
			s.dp[i-s.first] = "compound"
			changed = true
		}
	}
	return changed
}

// repairReport mends the commonest misparse of a report placed before its verb: in
// "Russia never invaded Georgia, the Kremlin said" the parser takes "Georgia" for the
// subject of "said" and "the Kremlin" for its conjunct. When a verb's subject sits
// between the verb and its clausal complement on the left, has a conjunct after a comma,
// and the complement has no object, the subject is the complement's object and the
// conjunct the verb's subject.
func (s *sent) repairReport() bool {
	toks := s.x.d.Tokens
	changed := false
	for v := s.first; v < s.end; v++ {
		if toks[v].POS != "VERB" {
			continue
		}
		c, subj := -1, -1
		for i := s.first; i < v; i++ {
			if int(s.hd[i-s.first]) != v {
				continue
			}
			switch s.dp[i-s.first] {
			case "ccomp":
				c = i
			case "nsubj":
				subj = i
			}
		}
		if c < 0 || subj < c || toks[c].POS != "VERB" {
			continue
		}
		conj, comma, hasObj := -1, false, false
		for i := s.first; i < s.end; i++ {
			switch {
			case int(s.hd[i-s.first]) == subj && s.dp[i-s.first] == "conj" && i > subj && i < v:
				conj = i
			case int(s.hd[i-s.first]) == c && s.dp[i-s.first] == "obj":
				hasObj = true
			}
			if i > subj && i < v && toks[i].Text == "," {
				comma = true
			}
		}
		if conj < 0 || !comma || hasObj {
			continue
		}
		s.hd[subj-s.first], s.dp[subj-s.first] = int32(c), "obj"
		s.hd[conj-s.first], s.dp[conj-s.first] = int32(v), "nsubj"
		changed = true
	}
	return changed
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

// repair re-reads a sentence that the parser took for a noun phrase because its verb was
// tagged as a participle or adjective ("China donated vaccines to Cambodia" as "China
// donated-vaccines"; "Russian forces invaded Ukraine" as forces with a reduced relative):
// when no token is a finite verb and none is a verbal root, the first verb after a noun
// becomes the root, the noun phrase before it its subject, and the old root, when it
// follows, its object. A noun with an object of its own is such a verb too ("A gunman
// shot three people"). In a headline, a verb followed by a preposition ("Three soldiers
// killed in attack") is read as passive. It reports whether it changed anything.
func (s *sent) repair() bool {
	toks := s.x.d.Tokens
	v := -1
	for i := s.first; i < s.end; i++ {
		t := &toks[i]
		if t.Finite() {
			return false
		}
		if s.hd[i-s.first] < 0 && (t.POS == "VERB" || t.POS == "AUX") {
			return false
		}
		if v < 0 && t.POS == "VERB" && i > s.first {
			v = i
		}
	}
	if v < 0 {
		// A past participle tagged as an adjective ("imposed sanctions") that the verb
		// dictionaries know.
		for i := s.first + 1; i < s.end; i++ {
			t := &toks[i]
			if t.POS == "ADJ" && strings.HasSuffix(s.x.lower(i), "ed") && len(s.x.st.c.verbs[s.x.lower(i)]) > 0 {
				v = i
				break
			}
		}
	}
	if v < 0 {
		// A verb tagged as a noun that the parser still gave an object ("A gunman shot
		// three people", "shot" a noun after "gunman"): only a verb takes an object.
		for i := s.first + 1; i < s.end && v < 0; i++ {
			if toks[i].POS != "NOUN" || len(s.x.st.c.verbs[s.x.lower(i)]) == 0 {
				continue
			}
			for k := s.first; k < s.end; k++ {
				if int(s.hd[k-s.first]) == i && s.dp[k-s.first] == "obj" {
					v = i
					break
				}
			}
		}
	}
	if v < 0 {
		return false
	}
	// The subject: the noun phrase just before the verb.
	subj := v - 1
	for subj >= s.first && toks[subj].Kind == doc.Punct {
		subj--
	}
	if subj < s.first {
		return false
	}
	switch toks[subj].POS {
	case "NOUN", "PROPN", "PRON":
	default:
		return false
	}
	for steps := 0; steps < 4; steps++ {
		h := int(s.hd[subj-s.first])
		if h < 0 || h >= v {
			break
		}
		switch s.dp[subj-s.first] {
		case "compound", "flat", "amod", "det", "nummod":
			subj = h
			continue
		}
		break
	}
	root, _ := s.root()
	// Only a headline drops its auxiliary ("Three soldiers killed in attack"); in the
	// body such a verb is a past tense the tagger missed ("protesters marched in Paris").
	passive := false
	inTitle := toks[s.first].Start < s.x.d.BodyStart
	for q := v + 1; q < s.end && inTitle; q++ {
		switch toks[q].POS {
		case "ADV", "PART":
			continue
		case "ADP":
			passive = true
		}
		break
	}
	s.hd[v-s.first], s.dp[v-s.first] = -1, "root"
	s.hd[subj-s.first] = int32(v)
	if passive {
		s.dp[subj-s.first] = "nsubj:pass"
	} else {
		s.dp[subj-s.first] = "nsubj"
	}
	s.verb = v
	if root > v && root != subj {
		s.hd[root-s.first], s.dp[root-s.first] = int32(v), "obj"
	}
	// Noun phrases after the verb that hung on the subject ("diplomats held talks",
	// read as "diplomats, held-talks") are the verb's: the first its object, those with
	// a preposition its obliques.
	hasObj := root > v && root != subj
	for q := v + 1; q < s.end; q++ {
		if h := int(s.hd[q-s.first]); h != subj && h != root || h < 0 {
			continue
		}
		switch toks[q].POS {
		case "NOUN", "PROPN", "PRON":
		default:
			continue
		}
		if s.hasCase(q) {
			s.hd[q-s.first], s.dp[q-s.first] = int32(v), "obl"
		} else if !hasObj && !passive {
			s.hd[q-s.first], s.dp[q-s.first] = int32(v), "obj"
			hasObj = true
		}
	}
	// Whatever still hangs from the old root before the verb, or forms a cycle with the
	// verb, now hangs from the verb.
	for i := s.first; i < s.end; i++ {
		if i == v {
			continue
		}
		if s.cycles(i) {
			s.hd[i-s.first] = int32(v)
		}
	}
	return true
}

// root returns the sentence's first token that has no head and is not punctuation, -1
// when there is none, and whether it is the only one. It reads the heads alone, so the
// repairs can use it before the children lists are built.
func (s *sent) root() (first int, only bool) {
	first, n := -1, 0
	for i := s.first; i < s.end; i++ {
		if s.hd[i-s.first] < 0 && s.x.d.Tokens[i].Kind != doc.Punct {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	return first, n == 1
}

// hasCase reports whether q has a case marker before it, from the heads alone (repair
// runs before the children lists are built).
func (s *sent) hasCase(q int) bool {
	for k := s.first; k < q; k++ {
		if int(s.hd[k-s.first]) == q && s.dp[k-s.first] == "case" {
			return true
		}
	}
	return false
}

// cycles reports whether following heads from i never reaches a root.
func (s *sent) cycles(i int) bool {
	for steps := 0; steps <= s.end-s.first; steps++ {
		h := s.hd[i-s.first]
		if h < 0 {
			return false
		}
		i = int(h)
	}
	return true
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
