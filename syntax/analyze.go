package syntax

import "sync"

// worker holds the scratch space of one analysis; workers are pooled so that analysing a
// sentence allocates nothing but the lemmas that differ from their word.
type worker struct {
	m     *Model
	lx    []lex
	buf   []byte
	tags  []uint16
	st    pstate
	tkeys [numTagFeats]uint64
	pkeys [numParseFeats]uint64
	lkeys [numLabelFeats]uint64
	tsc   []int32
	lsc   []int32
	pc    pieces // the stage's pieces of a sentence
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
func (w *worker) tagWords(forms []string) {
	m := w.m
	n := len(forms)
	w.lx = grow(w.lx, n)
	w.tags = grow(w.tags, n)
	for i, f := range forms {
		w.lx[i], w.buf = makeLex(f, w.buf)
	}
	p1, p2 := uint64(tagStart1), uint64(tagStart2)
	for i := range n {
		t, ok := m.tagdict[w.lx[i].form]
		if !ok {
			tagStatic(w.lx, i, &w.tkeys)
			tagDynamic(p1, p2, &w.lx[i], &w.tkeys)
			sc := w.tsc
			clear(sc)
			m.tagger.add(w.tkeys[:], sc)
			t = uint16(argmax(sc))
		}
		w.tags[i] = t
		p2, p1 = p1, uint64(t)
	}
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
	m := w.m
	n := len(w.tags)
	st := &w.st
	st.reset(n)
	for i := range n {
		st.word[i] = uint64(m.vocab[w.lx[i].low])
		st.tag[i] = uint64(w.tags[i])
	}
	tw := m.trans.w
	shift := m.trans.shift
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
			st.parseFeatures(&w.pkeys)
			var s0, s1, s2 int32
			for _, k := range w.pkeys {
				r := int(k>>shift) * 4
				row := tw[r : r+3 : r+3]
				s0 += int32(row[0])
				s1 += int32(row[1])
				s2 += int32(row[2])
			}
			t = bestLegal(legal, [numTransitions]int32{s0, s1, s2})
		}
		var label int32 = -1
		if t != trShift {
			d, h := st.attachment(t)
			label = w.label(d, h)
		}
		st.apply(t, label)
	}
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
	w.tagWords(words)
	w.parse()
	for i, f := range words {
		t := w.tags[i]
		var l string
		l, w.buf = m.lemmas.lemma(f, m.xpos[t], w.buf)
		h := int(w.st.head[i])
		if h == len(words) {
			h = -1
		}
		out[i] = Word{Form: f, Tag: m.xpos[t], POS: m.upos[t], Lemma: l, Head: h, Dep: m.labels[w.st.label[i]]}
	}
	return out
}
