package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/internal/fhash"
)

// Entity types the model predicts. MISC (CoNLL's other names: events, products, works)
// is learnt so that it does not pollute the other types, and is not output.
const (
	typPERSON = iota
	typORG
	typLOC
	typNORP
	typMISC
	numTypes
)

// TypeNames are the output names of the model's types, indexed by type.
var typeNames = [numTypes]string{"PERSON", "ORG", "LOCATION", "NORP", "MISC"}

// Tags are BILOU over the types: tag 0 is O, then B, I, L, U for each type in turn.
const numTags = 1 + 4*numTypes

const (
	posB = iota
	posI
	posL
	posU
)

func tagOf(typ, pos int) int { return 1 + 4*typ + pos }
func tagType(tag int) int    { return (tag - 1) / 4 }
func tagPos(tag int) int     { return (tag - 1) % 4 }

// validNext reports whether tag t may follow tag p (p = -1 at the sentence start), and
// last whether t may end a sentence.
func validNext(p, t int) bool {
	open := p > 0 && (tagPos(p) == posB || tagPos(p) == posI)
	if open {
		return t > 0 && tagType(t) == tagType(p) && (tagPos(t) == posI || tagPos(t) == posL)
	}
	return t == 0 || tagPos(t) == posB || tagPos(t) == posU
}

func validLast(t int) bool { return t == 0 || tagPos(t) == posL || tagPos(t) == posU }

// resources are the model's lexical knowledge: word clusters, capitalisation statistics
// and the gazetteer, all learnt or built from data other than the labelled corpus.
type resources struct {
	clusters map[uint64]uint32 // word hash → fine | mid<<12 | coarse<<24, each +1
	caseStat map[uint64]uint8  // lower-case word hash → caseBucket
	gaz      *gazetteer
	titles   map[uint64]bool // lower-case hashes of titles
}

// Capitalisation buckets: how often the lower-case form of a word is written in lower case
// in unlabelled text, against capitalised away from the sentence start.
const (
	caseUnseen  = iota // fewer than two occurrences
	caseLower          // ≥ 90% lower case
	caseMostLow        // 50–90%
	caseMostCap        // 10–50%
	caseCap            // < 10%: a name
	caseNotCap         // the token itself is not capitalised
	numCaseBuckets
)

// Sentence casing: headlines in title case or capitals need different evidence.
const (
	sentNormal = iota
	sentTitle
	sentUpper
)

// tokInfo holds the per-token values the feature templates combine.
type tokInfo struct {
	lower, exact, shape, short uint64
	pre, suf                   [4]uint64
	cl                         [3]uint64 // hashed cluster ids, 0 when unknown
	gaz                        [numGaz]uint8
	caseB                      uint8
	names                      uint8
	title                      bool // a title such as "Mr", "Gen." or "President"
	capital                    bool // starts with an upper-case letter
	force                      bool // never part of an entity (hashtag, URL)
	plain                      bool // letters only, all lower case ("said", "the")
}

// sentInfo is a sentence prepared for tagging.
type sentInfo struct {
	toks     []tokInfo
	lowers   []uint64
	gazCodes [][numGaz]uint8
	casing   uint8
}

// isPlain reports whether w is made of lower-case ASCII letters only.
func isPlain(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// Boundary values for context beyond the sentence.
var (
	hashBOS = fhash.String("<s>")
	hashEOS = fhash.String("</s>")
)

// prepare fills s for the words; kinds may be nil (then hashtags and URLs are recognised
// by their text).
func (r *resources) prepare(s *sentInfo, words []string, force []bool) {
	n := len(words)
	if cap(s.toks) < n {
		s.toks = make([]tokInfo, n, 2*n)
		s.lowers = make([]uint64, n, 2*n)
		s.gazCodes = make([][numGaz]uint8, n, 2*n)
	}
	s.toks, s.lowers, s.gazCodes = s.toks[:n], s.lowers[:n], s.gazCodes[:n]
	caps, uppers, letters := 0, 0, 0
	for i, w := range words {
		t := &s.toks[i]
		*t = tokInfo{}
		t.lower = fhash.Lower(w)
		t.exact = fhash.String(w)
		t.shape, t.short = shapes(w)
		for k := range 4 {
			t.pre[k], _ = fhash.Affix(w, k+1, false)
			t.suf[k], _ = fhash.Affix(w, k+1, true)
		}
		s.lowers[i] = t.lower
		r0, _ := utf8.DecodeRuneInString(w)
		t.capital = unicode.IsUpper(r0)
		t.plain = isPlain(w)
		if force != nil {
			t.force = force[i]
		}
		if c, ok := r.clusters[t.exact]; ok {
			t.cl = clusterHashes(c)
		} else if c, ok := r.clusters[t.lower]; ok {
			t.cl = clusterHashes(c)
		}
		if t.capital {
			t.caseB = r.caseStat[t.lower] // caseUnseen when absent
		} else {
			t.caseB = caseNotCap
		}
		t.names = r.gaz.names[t.lower]
		t.title = r.titles[fhash.Lower(strings.TrimSuffix(w, "."))]
		if unicode.IsLetter(r0) {
			letters++
			if t.capital {
				caps++
				if isAllUpper(w) && len(w) > 1 {
					uppers++
				}
			}
		}
	}
	s.casing = sentNormal
	if letters >= 3 {
		switch {
		case uppers*10 >= letters*7:
			s.casing = sentUpper
		case caps*10 >= letters*7:
			s.casing = sentTitle
		}
	}
	r.gaz.match(s.lowers, s.gazCodes)
	for i := range s.toks {
		s.toks[i].gaz = s.gazCodes[i]
	}
}

func clusterHashes(c uint32) [3]uint64 {
	return [3]uint64{uint64(c&0xfff) | 1<<40, uint64(c>>12&0xfff) | 2<<40, uint64(c>>24) | 3<<40}
}

func isAllUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// shapes returns the hashes of a word's shape with runs capped at four ("Xxxx" for
// "Kerman", "X.X." for "U.S.", "dddd" for "1989") and of its short shape with runs
// collapsed ("Xx", "X.X.", "d").
func shapes(w string) (uint64, uint64) {
	long, short := uint64(fhash.Offset), uint64(fhash.Offset)
	var last byte
	run := 0
	for _, r := range w {
		var c byte
		switch {
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z':
			c = 'x'
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			c = 'X'
		case r < utf8.RuneSelf && '0' <= r && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r) || unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '*'
		}
		if c == last {
			run++
		} else {
			run = 1
		}
		if run <= 4 {
			long ^= uint64(c)
			long *= fhash.Prime
		}
		if run == 1 {
			short ^= uint64(c)
			short *= fhash.Prime
		}
		last = c
	}
	return long, short
}

// Feature templates. Their numbers are part of the model file: append, never reorder.
const (
	fBias = iota + 1
	fWord
	fExact
	fShape
	fShort
	fPre1
	fPre2
	fPre3
	fPre4
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fWordM1
	fWordM2
	fWordP1
	fWordP2
	fShortM1
	fShortM2
	fShortP1
	fShortP2
	fBigramM1
	fBigramP1
	fShapeTri
	fFirstShape
	fFirstCase
	fCaseShape
	fCl0
	fCl1
	fCl2
	fCl0M1
	fCl0P1
	fCl1M1
	fCl1P1
	fCl2M1
	fCl2P1
	fGaz
	fGazM1
	fGazP1
	fNames
	fCasingShape
	fWordM1Shape
	fShapeWordP1
	fCasingWord
	// dynamic templates, which read earlier decisions
	fPrev
	fPrev2
	fPrevWord
	fPrevShape
	fHist
	fHistEntity
	fPrevCl1
	fTitle
	fTitleM1
)

func key(t int, v uint64) uint64     { return fhash.Mix(uint64(t)*0x2545F4914F6CDD1D, v) }
func key2(t int, a, b uint64) uint64 { return fhash.Mix(fhash.Mix(uint64(t)*0x2545F4914F6CDD1D, a), b) }
func key3(t int, a, b, c uint64) uint64 {
	return fhash.Mix(fhash.Mix(fhash.Mix(uint64(t)*0x2545F4914F6CDD1D, a), b), c)
}

// staticKeys appends the keys of the features of token i that do not depend on decisions.
func staticKeys(s *sentInfo, i int, buf []uint64) []uint64 {
	t := &s.toks[i]
	n := len(s.toks)
	wm1, wm2, wp1, wp2 := hashBOS, hashBOS, hashEOS, hashEOS
	sm1, sm2, sp1, sp2 := hashBOS, hashBOS, hashEOS, hashEOS
	var clM1, clP1 [3]uint64
	var gM1, gP1 [numGaz]uint8
	if i > 0 {
		p := &s.toks[i-1]
		wm1, sm1, clM1, gM1 = p.lower, p.short, p.cl, p.gaz
		if i > 1 {
			wm2, sm2 = s.toks[i-2].lower, s.toks[i-2].short
		}
	}
	if i+1 < n {
		q := &s.toks[i+1]
		wp1, sp1, clP1, gP1 = q.lower, q.short, q.cl, q.gaz
		if i+2 < n {
			wp2, sp2 = s.toks[i+2].lower, s.toks[i+2].short
		}
	}
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	buf = append(buf,
		key(fBias, 0),
		key(fWord, t.lower),
		key(fExact, t.exact),
		key(fShape, t.shape),
		key(fShort, t.short),
		key(fWordM1, wm1),
		key(fWordM2, wm2),
		key(fWordP1, wp1),
		key(fWordP2, wp2),
		key(fShortM1, sm1),
		key(fShortM2, sm2),
		key(fShortP1, sp1),
		key(fShortP2, sp2),
		key2(fBigramM1, wm1, t.lower),
		key2(fBigramP1, t.lower, wp1),
		key3(fShapeTri, sm1, t.short, sp1),
		key2(fFirstShape, first, t.short),
		key2(fFirstCase, first, uint64(t.caseB)),
		key2(fCaseShape, uint64(t.caseB), t.short),
		key2(fCasingShape, uint64(s.casing), t.short),
		key2(fWordM1Shape, wm1, t.short),
		key2(fShapeWordP1, t.short, wp1),
	)
	if s.casing != sentNormal {
		buf = append(buf, key2(fCasingWord, uint64(s.casing), t.lower))
	}
	for k := range 4 {
		if t.pre[k] != 0 {
			buf = append(buf, key(fPre1+k, t.pre[k]))
		}
		if t.suf[k] != 0 {
			buf = append(buf, key(fSuf1+k, t.suf[k]))
		}
	}
	for k := range 3 {
		if t.cl[k] != 0 {
			buf = append(buf, key(fCl0+k, t.cl[k]))
		}
	}
	buf = append(buf,
		key(fCl0M1, clM1[0]), key(fCl0P1, clP1[0]),
		key(fCl1M1, clM1[1]), key(fCl1P1, clP1[1]),
		key(fCl2M1, clM1[2]), key(fCl2P1, clP1[2]),
	)
	capBit := uint64(0)
	if t.capital {
		capBit = 1
	}
	for k := range numGaz {
		if c := t.gaz[k]; c != 0 {
			buf = append(buf, key3(fGaz, uint64(k), uint64(c), capBit))
		}
		if c := gM1[k]; c != 0 {
			buf = append(buf, key3(fGazM1, uint64(k), uint64(c), capBit))
		}
		if c := gP1[k]; c != 0 {
			buf = append(buf, key3(fGazP1, uint64(k), uint64(c), capBit))
		}
	}
	if t.names != 0 {
		buf = append(buf, key2(fNames, uint64(t.names), capBit))
	}
	if t.title {
		buf = append(buf, key2(fTitle, 1, capBit))
	}
	if i > 0 && s.toks[i-1].title {
		buf = append(buf, key2(fTitleM1, 1, capBit))
	}
	return buf
}

// history counts, per document, the types given to earlier capitalised tokens with the
// same lower-case form (Ratinov and Roth's extended prediction history).
type history map[uint64]*[numTypes + 1]uint16

// dynamicKeys appends the keys of the features of token i that read the decisions for
// the two previous tokens (p1, p2; -1 before the sentence start) and the history.
func dynamicKeys(s *sentInfo, i, p1, p2 int, h history, buf []uint64) []uint64 {
	t := &s.toks[i]
	a, b := uint64(p1+1), uint64(p2+1)
	buf = append(buf,
		key(fPrev, a),
		key2(fPrev2, b, a),
		key2(fPrevWord, a, t.lower),
		key2(fPrevShape, a, t.short),
		key2(fPrevCl1, a, t.cl[1]),
	)
	if t.capital {
		if c := h[t.lower]; c != nil {
			best, bestEnt := 0, -1
			for k := 1; k <= numTypes; k++ {
				if c[k] > c[best] {
					best = k
				}
				if c[k] > 0 && (bestEnt < 0 || c[k] > c[bestEnt]) {
					bestEnt = k
				}
			}
			buf = append(buf, key(fHist, uint64(best)))
			if bestEnt > 0 {
				buf = append(buf, key(fHistEntity, uint64(bestEnt)))
			}
		}
	}
	return buf
}

// record adds the decision for token i to the history: index 0 is O, k+1 is type k.
func (h history) record(s *sentInfo, i, tag int) {
	t := &s.toks[i]
	if !t.capital {
		return
	}
	c := h[t.lower]
	if c == nil {
		c = new([numTypes + 1]uint16)
		h[t.lower] = c
	}
	k := 0
	if tag > 0 {
		k = tagType(tag) + 1
	}
	if c[k] < 65535 {
		c[k]++
	}
}
