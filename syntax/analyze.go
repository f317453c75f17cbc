package syntax

import (
	_ "embed"
	"math"
	"strings"
	"sync"

	"github.com/tocsin-project/tocsin/internal/fhash"
)

// worker holds the scratch space of one analysis; workers are pooled so that analysing a
// sentence allocates nothing but the lemmas that differ from their word.
type worker struct {
	m     *Model
	lx    []lex
	buf   []byte
	tags  []uint16
	pre   []uint16 // first-pass tags
	st    pstate
	tkeys [numTagFeats]uint64
	tc    transCache
	lkeys [numLabelFeats]uint64
	tsc   []int32
	// static holds tagPass's scores of each word's tag-independent features, len(tsc) a word.
	static []int32
	// The scores of the features of recent words' own spelling, in the first pass and
	// in the tagger's.
	preCache, tagCache wordCache
	lsc                []int32
	// For each word the tagger scored, how far its best finite verb tag fell below the
	// tag it chose, and that tag (finiteByMargin); forced is a word whose tag the next
	// pass must give it, plus one (0: none), and forcedTag that tag.
	gap       []int32
	finTag    []uint16
	forced    int
	forcedTag uint16
	pc        pieces // the stage's pieces of a sentence
	// reparseFronted's copy of the first parse of a sentence's rest
	savedHead, savedLabel []int32
	savedTag              []uint16
}

var workers sync.Pool

func (m *Model) getWorker() *worker {
	if w, ok := workers.Get().(*worker); ok && w.m == m {
		return w
	}
	return &worker{m: m, tsc: make([]int32, len(m.xpos)), lsc: make([]int32, len(m.labels))}
}

func putWorker(w *worker) { workers.Put(w) }

// tagWords tags forms, leaving the tag classes in w.tags and the lexical hashes in w.lx.
// With a two-pass model, a first tagger's tags give the second the right context.
func (w *worker) tagWords(forms []string) {
	m := w.m
	n := len(forms)
	w.tags = grow(w.tags, n)
	w.lexWords(forms)
	if !m.twoPass {
		w.tagPass(&m.tagger, nil, w.tags)
	} else {
		w.pre = grow(w.pre, n)
		w.prePass(w.pre)
		w.tagPass(&m.tagger, w.pre, w.tags)
	}
	m.finiteVerb(w.tags)
	w.finiteBeforeObject()
	w.finiteByMargin()
}

// maxFiniteGap is the largest margin by which the tagger may have preferred another tag
// to a finite verb for finiteByMargin to make the word one, in the tagger's scores (sums
// of the averaged perceptron's weights; most words' best finite verb tag falls 40,000 and
// more below their tag). Chosen on EWT dev (LAS 80.20 → 80.22%) and on news-bench's
// headlines, where below it most of the words it made verbs were verbs and above it most
// were not.
const maxFiniteGap = 10000

// finiteByMargin gives a sentence the tagger read without a finite verb the one it most
// nearly read: a news sentence has a verb, and the greedy tagger, which decides each word
// from its neighbours, reads one as a noun where the words around it are nouns
// ("Australian government announces/NNS $52.5 million package", "Sanders travels/NNS
// around California"). Of the nouns and adjectives right after a noun or pronoun (its
// subject) and before the last word whose best finite verb tag (VBD, VBZ, VBP) scored
// within maxFiniteGap of the tag chosen, the closest becomes that verb, and the sentence
// is tagged again around it. Participles are left to finiteVerb: a headline drops its
// auxiliaries ("Three killed in attack"), and made past tenses they cost EWT LAS.
func (w *worker) finiteByMargin() {
	m := w.m
	best := -1
	for i, t := range w.tags {
		k := m.tagKind[t]
		if k&kindFinite != 0 {
			return
		}
		if i > 0 && m.tagKind[w.tags[i-1]]&kindNominal != 0 && i+1 < len(w.tags) &&
			k&kindMisread != 0 && w.lx[i].dict == 0 &&
			w.gap[i] <= maxFiniteGap && (best < 0 || w.gap[i] < w.gap[best]) {
			best = i
		}
	}
	if best < 0 {
		return
	}
	w.forced, w.forcedTag = best+1, w.finTag[best]
	if m.twoPass {
		w.pre[best] = w.forcedTag
		w.tagPass(&m.tagger, w.pre, w.tags)
	} else {
		w.tagPass(&m.tagger, nil, w.tags)
	}
	w.forced = 0
}

// finiteVerb corrects the tagger's commonest mistake on news: a past tense verb between
// its subject and its object tagged as a past participle ("Police arrested/VBN 12
// protesters"), which the treebank's web text, rich in participles, teaches it. In a
// sentence without a finite verb, the first participle with a noun or pronoun before it
// and the start of a noun phrase after it becomes a past tense verb; a comma closing an
// aside after the subject may stand between them ("mourners, spreading across several
// miles, chanted/VBN anti-American slogans"), and a hyphenated word, whatever the tag of
// its first piece, starts a noun phrase. Headlines such as "Man arrested in Paris"
// keep their participle.
func (m *Model) finiteVerb(tags []uint16) {
	if m.vbd < 0 {
		return
	}
	for _, t := range tags {
		if m.tagKind[t]&kindFinite != 0 {
			return
		}
	}
	nominal := false // a noun or pronoun before i-1
	for i := 1; i+1 < len(tags); i++ {
		prev := m.tagKind[tags[i-1]]
		npNext := m.tagKind[tags[i+1]]&kindNPStart != 0 || i+2 < len(tags) && m.tagKind[tags[i+2]]&kindHyph != 0
		if m.tagKind[tags[i]]&kindVBN != 0 && npNext &&
			(prev&kindNominal != 0 || prev&kindComma != 0 && nominal) {
			tags[i] = uint16(m.vbd)
			return
		}
		nominal = nominal || prev&kindNominal != 0
	}
}

// finiteBeforeObject corrects the mistake finiteVerb corrects in sentences that have a
// finite verb elsewhere, where a participle after a noun is often a reduced relative ("the
// men arrested yesterday were released"): only a participle between a noun or pronoun
// and a determiner, possessive or number, which start its object, becomes a past tense
// verb ("the Saudi government said the attack included/VBN cruise missiles" is not such
// a case, "hackers compromised/VBN 12 FDIC workstations" is). A reduced relative with an
// object of its own is a passive of a verb with two objects, which news seldom writes,
// except for the participles of participles.txt [naming] ("a group called the Islamic
// State", "voters given the choice"), and a determiner of participles.txt [time] starts
// no object ("a report issued this month"). Neither is a participle after an inverted
// auxiliary ("Have you seen the materials", "never before has the seamstress done a
// perfect job"). The parser's training tags (jackknife in train.go) do not go through
// this correction: it was added after the model was trained.
func (w *worker) finiteBeforeObject() {
	m, tags := w.m, w.tags
	if m.vbd < 0 {
		return
	}
	for i := 1; i+1 < len(tags); i++ {
		if m.tagKind[tags[i]]&kindVBN == 0 || m.tagKind[tags[i-1]]&kindNominal == 0 || m.tagKind[tags[i+1]]&kindObjStart == 0 {
			continue
		}
		if participleWords.naming[w.lx[i].low] || participleWords.time[w.lx[i+1].low] {
			continue
		}
		k := i - 1
		for k > 0 && m.tagKind[tags[k]]&kindNPStart != 0 {
			k--
		}
		if m.upos[tags[k]] == "AUX" {
			continue
		}
		tags[i] = uint16(m.vbd)
	}
}

// lexWords fills w.lx with the words' hashes and what the model knows about them.
func (w *worker) lexWords(forms []string) {
	m := w.m
	w.lx = grow(w.lx, len(forms))
	for i, f := range forms {
		x := &w.lx[i]
		*x, w.buf = makeLex(f, w.buf, m.lexicon)
		if t, ok := m.tagdict[x.form]; ok {
			x.dict = t + 1
		}
	}
}

// prePass is the light first pass of a two-pass tagger.
func (w *worker) prePass(out []uint16) {
	m := w.m
	p1 := uint64(tagStart1)
	for i := range w.lx {
		tag := w.lx[i].dict - 1
		if w.lx[i].dict == 0 {
			preFeatures(w.lx, i, p1, &w.tkeys)
			sc := w.tsc
			copy(sc, w.preCache.scores(&m.pre, len(sc), w.lx[i].form, w.tkeys[:numPreFeats], preWordFeats[:]))
			m.pre.add(w.tkeys[:numPreFeats], sc)
			tag = uint16(argmax(sc))
		}
		out[i] = tag
		p1 = uint64(tag)
	}
}

// tagPass tags the words in w.lx left to right with the weights of t.
func (w *worker) tagPass(t *sparseTable, right []uint16, out []uint16) {
	// The features of a word that do not depend on this pass's tags are scored first,
	// for every word at once: their table lookups do not wait on the tags before them,
	// so their cache misses overlap. The scores are sums of integers, so adding the
	// tag-dependent features to them afterwards gives the same totals.
	nc := len(w.tsc)
	w.static = grow(w.static, len(w.lx)*nc)
	for i := range w.lx {
		if w.lx[i].dict == 0 && i+1 != w.forced {
			tagStatic(w.lx, i, right, &w.tkeys)
			sc := w.static[i*nc : (i+1)*nc]
			copy(sc, w.tagCache.scores(t, nc, w.lx[i].form, w.tkeys[:numTagStatic], tagWordFeats[:]))
			t.add(w.tkeys[:numTagStatic], sc)
		}
	}
	p1, p2, lv := uint64(tagStart1), uint64(tagStart2), uint64(tagStart1)
	w.gap, w.finTag = grow(w.gap, len(w.lx)), grow(w.finTag, len(w.lx))
	for i := range w.lx {
		tag := w.lx[i].dict - 1
		switch {
		case i+1 == w.forced:
			tag = w.forcedTag
		case w.lx[i].dict == 0:
			tagDynamic(p1, p2, lv, w.lx, i, right, &w.tkeys)
			sc := w.tsc
			copy(sc, w.static[i*nc:(i+1)*nc])
			t.add(w.tkeys[numTagStatic:], sc)
			tag = uint16(argmax(sc))
			w.gap[i], w.finTag[i] = w.m.finiteGap(sc, tag)
		}
		out[i] = tag
		p2, p1 = p1, uint64(tag)
		if w.m.isVerb[tag] {
			lv = uint64(tag)
		}
	}
}

// wordCacheBits sets the size of a wordCache: 1024 words cover about two thirds of the
// words news-bench's tagger scores (the others being in the tag dictionary), at 372
// bytes a word (93 tags).
const wordCacheBits = 10

// wordCache keeps the scores of the features that read a word alone (its spelling, its
// affixes, its clusters), by its form, for the words most recently tagged. A word's
// features are looked up in a table several megabytes large, one cache miss or two
// each, and those of its own spelling are the same at each of its occurrences: a name
// or a noun of the story recurs in sentence after sentence. The scores are sums of
// integers, so starting from the cached ones gives the same totals. Hashes stand for
// forms, as in the tag dictionary.
type wordCache struct {
	t    *sparseTable // the table the scores are of
	form []uint64     // per entry, the hash of its form (lex.form)
	used []bool
	sc   []int32 // per entry, a score per class
}

// scores returns the scores of the nc classes under t of the features of keys at the
// indexes own, which must read only the word whose form is form, and zeroes those keys
// (no feature) for the caller to add the others. The slice is the cache's: read it
// before the next call.
func (c *wordCache) scores(t *sparseTable, nc int, form uint64, keys []uint64, own []int) []int32 {
	if c.t != t {
		c.t = t
		c.form, c.used = make([]uint64, 1<<wordCacheBits), make([]bool, 1<<wordCacheBits)
		c.sc = make([]int32, nc<<wordCacheBits)
	}
	e := int(form * 0x9e3779b97f4a7c15 >> (64 - wordCacheBits))
	sc := c.sc[e*nc : (e+1)*nc]
	if !c.used[e] || c.form[e] != form {
		var ownKeys [16]uint64
		for j, k := range own {
			ownKeys[j] = keys[k]
		}
		clear(sc)
		t.add(ownKeys[:len(own)], sc)
		c.form[e], c.used[e] = form, true
	}
	for _, k := range own {
		keys[k] = 0
	}
	return sc
}

// finiteGap returns how far the best finite verb class scored below tag in sc, and that
// class; a model without finite verb classes gives the largest gap.
func (m *Model) finiteGap(sc []int32, tag uint16) (int32, uint16) {
	if len(m.finiteVerbs) == 0 {
		return math.MaxInt32, tag
	}
	f := m.finiteVerbs[0]
	for _, c := range m.finiteVerbs[1:] {
		if sc[c] > sc[f] {
			f = c
		}
	}
	return sc[tag] - sc[f], f
}

func argmax(sc []int32) int {
	best := 0
	for i, v := range sc {
		if v > sc[best] {
			best = i
		}
	}
	return best
}

// parse parses the words last tagged; heads and labels are left in w.st.
func (w *worker) parse() {
	n := len(w.tags)
	st := &w.st
	st.reset(n)
	for i := range n {
		st.setWord(i, &w.lx[i], w.tags[i])
	}
	w.tc.reset(n)
	for !st.done() {
		legal := st.legal()
		t := trShift
		switch legal {
		case 1 << trShift:
		case 1 << trLeft:
			t = trLeft
		case 1 << trRight:
			t = trRight
		default:
			t = bestLegal(legal, w.transScores())
		}
		var label int32 = -1
		if t != trShift {
			d, h := st.attachment(t)
			label = w.label(d, h)
		}
		st.apply(t, label)
	}
}

// transCache holds the transition scores of the feature groups of parseFeatures that
// read one word or the front of the buffer, while what they read is unchanged: the
// parser scores about two configurations for each word, and consecutive ones share much
// (after an attachment the buffer is the same; a word is the stack top again once the
// words above it are attached). The scores are sums of integers, so taking a group's
// from the cache gives the same total as adding its weights again.
type transCache struct {
	s0, s1, s2 []cachedScore // by position + 1 (0: no word)
	stack      []cachedScore // stackFeatures' scores, by s0's position + 1
	b          int           // the buffer front whose buffer features are in bsc, -1 none
	bsc        [numTransitions]int32
	bl         int   // the buffer front whose left-dependent features are in blsc, -1 none
	blDeps     int32 // its number of left dependents then
	blsc       [numTransitions]int32
	keys       [numParseFeats]uint64
}

type cachedScore struct {
	sc [numTransitions]int32
	ok bool
}

// reset empties the cache for a sentence of n words.
func (c *transCache) reset(n int) {
	c.s0, c.s1, c.s2 = grow(c.s0, n+2), grow(c.s1, n+2), grow(c.s2, n+2)
	c.stack = grow(c.stack, n+2)
	clear(c.stack)
	clear(c.s0)
	clear(c.s1)
	clear(c.s2)
	c.b, c.bl = -1, -1
}

// score adds the transition weights of keys to sc.
func (t *denseTable) score(keys []uint64, sc *[numTransitions]int32) {
	rows, shift, lut := t.rows, t.shift, &t.lut
	s0, s1, s2 := sc[0], sc[1], sc[2]
	for _, k := range keys {
		row := rows[k>>shift]
		s0 += lut[uint8(row)]
		s1 += lut[uint8(row>>8)]
		s2 += lut[uint8(row>>16)]
	}
	sc[0], sc[1], sc[2] = s0, s1, s2
}

// transScores returns the scores of the transitions from the current configuration:
// the sum of the weights of all of parseFeatures' keys, the groups that read what has
// not changed since they were scored taken from w.tc.
func (w *worker) transScores() [numTransitions]int32 {
	st, c, t := &w.st, &w.tc, &w.m.trans
	k := &c.keys
	s0, s1, s2 := st.stackTop()
	if e := &c.s0[s0+1]; !e.ok {
		st.s0Features(s0, (*[featS1]uint64)(k[:featS1]))
		*e = cachedScore{ok: true}
		t.score(k[:featS1], &e.sc)
	}
	if e := &c.s1[s1+1]; !e.ok {
		st.s1Features(s1, (*[featS2 - featS1]uint64)(k[featS1:featS2]))
		*e = cachedScore{ok: true}
		t.score(k[featS1:featS2], &e.sc)
	}
	if e := &c.s2[s2+1]; !e.ok {
		st.s2Features(s2, (*[featB - featS2]uint64)(k[featS2:featB]))
		*e = cachedScore{ok: true}
		t.score(k[featS2:featB], &e.sc)
	}
	if c.b != st.b {
		st.bufferFeatures((*[featBL - featB]uint64)(k[featB:featBL]))
		c.b, c.bsc = st.b, [numTransitions]int32{}
		t.score(k[featB:featBL], &c.bsc)
	}
	if deps := st.nl[st.b]; c.bl != st.b || c.blDeps != deps {
		st.b0LeftFeatures((*[featStack - featBL]uint64)(k[featBL:featStack]))
		c.bl, c.blDeps, c.blsc = st.b, deps, [numTransitions]int32{}
		t.score(k[featBL:featStack], &c.blsc)
	}
	if e := &c.stack[s0+1]; !e.ok {
		st.stackFeatures(s0, s1, s2, (*[featRest - featStack]uint64)(k[featStack:featRest]))
		*e = cachedScore{ok: true}
		t.score(k[featStack:featRest], &e.sc)
	}
	st.restFeatures(s0, s1, s2, (*[numParseFeats - featRest]uint64)(k[featRest:]))
	var sc [numTransitions]int32
	t.score(k[featRest:], &sc)
	for i := range sc {
		sc[i] += c.s0[s0+1].sc[i] + c.s1[s1+1].sc[i] + c.s2[s2+1].sc[i] + c.bsc[i] + c.blsc[i] + c.stack[s0+1].sc[i]
	}
	return sc
}

// bestLegal returns the legal transition with the highest score.
func bestLegal(legal int, sc [numTransitions]int32) int {
	best := -1
	for t := range numTransitions {
		if legal&(1<<t) != 0 && (best < 0 || sc[t] > sc[best]) {
			best = t
		}
	}
	return best
}

// label chooses the relation of dependent d to head h.
func (w *worker) label(d, h int32) int32 {
	m := w.m
	if int(h) == w.st.n {
		return m.rootLabel
	}
	w.st.labelFeatures(d, h, &w.lkeys)
	sc := w.lsc
	clear(sc)
	m.labeler.add(w.lkeys[:], sc)
	best := -1
	for i, v := range sc {
		if m.labelMask[i] && (best < 0 || v > sc[best]) {
			best = i
		}
	}
	return int32(best)
}

// Word is one analysed word.
type Word struct {
	Form  string
	Tag   string // Penn Treebank tag
	POS   string // Universal POS tag
	Lemma string
	Head  int // index of the head word in the sentence, -1 for the root
	Dep   string
}

// Analyze tags, lemmatises and parses one sentence given as words in the treebank's
// tokenisation.
func (m *Model) Analyze(words []string) []Word {
	out := make([]Word, len(words))
	if len(words) == 0 {
		return out
	}
	w := m.getWorker()
	defer putWorker(w)
	// The same parse as the stage's, fronted phrases included (reparseFronted).
	p := &w.pc
	n := len(words)
	p.forms = append(p.forms[:0], words...)
	p.head, p.label, p.tag = grow(p.head, n), grow(p.label, n), grow(p.tag, n)
	w.parseRange(0, n)
	w.reparseFronted(0, n)
	for i, f := range words {
		t := p.tag[i]
		var l string
		l, w.buf = m.lemmas.lemma(f, m.xpos[t], w.buf)
		out[i] = Word{Form: f, Tag: m.xpos[t], POS: m.upos[t], Lemma: l, Head: int(p.head[i]), Dep: m.labels[p.label[i]]}
	}
	return out
}

// participles.txt lists the words that keep a participle a participle for
// finiteBeforeObject.
//
//go:embed participles.txt
var participlesTxt string

// participleWords are participles.txt's sections as sets of lower-case word hashes (lex.low).
var participleWords = func() (p struct{ naming, time map[uint64]bool }) {
	p.naming, p.time = map[uint64]bool{}, map[uint64]bool{}
	var cur map[uint64]bool
	for l := range strings.SplitSeq(participlesTxt, "\n") {
		switch l = strings.TrimSpace(l); {
		case l == "" || l[0] == '#':
		case l == "[naming]":
			cur = p.naming
		case l == "[time]":
			cur = p.time
		case cur == nil:
			panic("syntax: participles.txt: a word before any section: " + l)
		default:
			cur[fhash.String(l)] = true
		}
	}
	return p
}()
