package syntax

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/internal/fhash"
)

// TrainConfig says where the treebank is and how long to train.
type TrainConfig struct {
	// UDDir holds en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu. The test file is
	// never read by training.
	UDDir string
	// Train and Dev, when set, are used instead of the files in UDDir (tests).
	Train, Dev []Sentence
	// DataDir is the shared data folder whose unlabelled text (wikinews) gives word
	// clusters; default: the parent of UDDir. Without it (tests), there are no clusters.
	DataDir string

	TaggerEpochs int     // most tagger epochs; the best on dev is kept (default 10)
	OnePass      bool    // tag once, without the first pass whose tags give the right context
	ParserEpochs int     // most parser epochs; the best on dev is kept (default 15)
	Folds        int     // jackknife folds for the parser's training tags (default 5; 1 = gold tags)
	TransBits    uint    // log2 of the transition table's rows (default 20)
	Prune        float64 // drop averaged tagger and transition weights smaller than this (default 0.5 of one update)
	LabelPrune   float64 // the same for the labeller (default 1)
	Seed         uint64  // shuffling and exploration (default 1)
}

func (c *TrainConfig) defaults() {
	if c.TaggerEpochs == 0 {
		c.TaggerEpochs = 10
	}
	if c.ParserEpochs == 0 {
		c.ParserEpochs = 15
	}
	if c.Folds == 0 {
		c.Folds = 5
	}
	if c.TransBits == 0 {
		c.TransBits = 20
	}
	if c.Prune == 0 {
		c.Prune = 0.5
	}
	if c.LabelPrune == 0 {
		c.LabelPrune = 1
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
}

// Train trains the tagger, lemmatiser and parser; progress goes to log.
func Train(ctx context.Context, cfg TrainConfig, log io.Writer) (*Model, error) {
	cfg.defaults()
	start := time.Now()
	train, dev := cfg.Train, cfg.Dev
	if train == nil {
		var err error
		if train, err = ReadCoNLLU(filepath.Join(cfg.UDDir, "en_ewt-ud-train.conllu")); err != nil {
			return nil, err
		}
		if dev, err = ReadCoNLLU(filepath.Join(cfg.UDDir, "en_ewt-ud-dev.conllu")); err != nil {
			return nil, err
		}
	}
	if len(train) == 0 || len(dev) == 0 {
		return nil, fmt.Errorf("no training or development sentences")
	}
	d := &modelData{TransBits: cfg.TransBits}
	tc := buildTagClasses(train)
	d.Tags = tc.names
	d.Labels = buildLabels(train)
	d.Vocab = buildVocab(train)
	dataDir := cfg.DataDir
	if dataDir == "" && cfg.UDDir != "" {
		dataDir = filepath.Dir(filepath.Clean(cfg.UDDir))
	}
	var unlabNotes []string
	if dataDir != "" {
		sents, notes, err := readUnlabelled(dataDir, train)
		if err != nil {
			return nil, err
		}
		unlabNotes = notes
		d.Clusters = learnLexicon(sents, defaultClusterConfig, log)
	}
	d.TagDict = buildTagDict(train, tc)
	d.LemmaRules, d.LemmaExc = learnLemmatizer(train, newLexicon(d.Vocab, d.Clusters))
	fmt.Fprintf(log, "train %d sentences, dev %d; %d tags, %d labels, %d vocabulary words, %d tag dictionary words, %d lemma rules, %d lemma exceptions\n",
		len(train), len(dev), len(d.Tags), len(d.Labels), len(d.Vocab), len(d.TagDict), len(d.LemmaRules), len(d.LemmaExc))

	// Taggers: with two passes, first a tagger without right context, whose tags on the
	// training data come from taggers that did not see them (jackknifing), then the second
	// tagger, which reads them. Each keeps the epoch that tags dev best.
	var preTrain [][]uint16
	var notes string
	if !cfg.OnePass {
		feats, ep, acc := trainTagStage(ctx, d, tc, train, nil, dev, cfg, log, "first-pass tagger", true)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		preTrain = jackknife(ctx, d, tc, train, nil, cfg, ep, true)
		d.PreFeats = feats
		notes += fmt.Sprintf("first-pass tagger: %d epochs, dev accuracy %.4f, %d features\n", ep, acc, len(feats))
		fmt.Fprintf(log, "first pass jackknifed %s\n", time.Since(start).Round(time.Second))
	}
	feats, bestEpoch, best := trainTagStage(ctx, d, tc, train, preTrain, dev, cfg, log, "tagger", false)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	d.TagFeats = feats
	notes += fmt.Sprintf("tagger: %d epochs (best on dev of %d), dev accuracy %.4f, %d features\n", bestEpoch, cfg.TaggerEpochs, best, len(d.TagFeats))

	// Tags for the parser's training data: predicted by taggers that did not see them.
	var trainTags [][]uint16
	if cfg.Folds <= 1 {
		for i := range train {
			trainTags = append(trainTags, tc.goldTags(&train[i]))
		}
	} else {
		trainTags = jackknife(ctx, d, tc, train, preTrain, cfg, bestEpoch, false)
		fmt.Fprintf(log, "jackknifed the parser's training tags %s\n", time.Since(start).Round(time.Second))
	}
	tm := partialModel(d, d.TagFeats, nil, nil)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	devTags := make([][]uint16, len(dev))
	devGold := make([][]uint16, len(dev))
	for i := range dev {
		devTags[i] = tm.tagClasses(dev[i].Form)
		devGold[i] = tc.goldTags(&dev[i])
	}

	// Parser and labeller: keep the epoch with the best dev LAS.
	pt := newParseTrainer(d, cfg)
	bestLAS, bestEpoch := -1.0, 0
	for ep := 1; ep <= cfg.ParserEpochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pt.epoch(train, trainTags, ep)
		trans, _ := pt.trans.averaged(cfg.Prune)
		labels, _ := pt.labels.averaged(cfg.LabelPrune)
		m := partialModel(d, d.TagFeats, trans, labels)
		uas, las := parseAccuracy(m, dev, devTags)
		guas, glas := parseAccuracy(m, dev, devGold)
		fmt.Fprintf(log, "parser epoch %d: dev UAS %.4f LAS %.4f, with gold tags %.4f %.4f (%d label features) %s\n", ep, uas, las, guas, glas, len(labels), time.Since(start).Round(time.Second))
		if las > bestLAS {
			bestLAS, bestEpoch = las, ep
			d.Trans, d.LabelFeats = trans, labels
		}
		if ep >= bestEpoch+3 {
			break // three epochs without progress
		}
	}
	nz := 0
	for r := 0; r < len(d.Trans); r += 4 {
		if d.Trans[r]|d.Trans[r+1]|d.Trans[r+2] != 0 {
			nz++
		}
	}
	notes += fmt.Sprintf("parser: %d epochs (best on dev), dev LAS %.4f with predicted tags, %d of %d transition rows used, %d label features\n", bestEpoch, bestLAS, nz, 1<<cfg.TransBits, len(d.LabelFeats))
	notes += fmt.Sprintf("trained on UD English EWT (CC BY-SA 4.0): %d train sentences; %d jackknife folds; prune %.2f; seed %d\n", len(train), cfg.Folds, cfg.Prune, cfg.Seed)
	if len(unlabNotes) > 0 {
		notes += fmt.Sprintf("word clusters (%d words) from %s\n", len(d.Clusters), strings.Join(unlabNotes, ", "))
	}
	d.Notes = notes
	fmt.Fprintf(log, "trained in %s\n", time.Since(start).Round(time.Second))
	return compile(d)
}

// partialModel builds a model for evaluation during training.
func partialModel(d *modelData, tagFeats []sparseEntry, trans []int16, labels []sparseEntry) *Model {
	dd := *d
	dd.TagFeats = tagFeats
	dd.Trans = trans
	if dd.Trans == nil {
		dd.Trans = make([]int16, 4<<dd.TransBits)
	}
	dd.LabelFeats = labels
	m, err := compile(&dd)
	if err != nil {
		panic(err) // the data were built by Train
	}
	return m
}

// tagClasses tags a sentence and returns the tag classes.
func (m *Model) tagClasses(forms []string) []uint16 {
	w := m.getWorker()
	defer putWorker(w)
	w.tagWords(forms)
	return slices.Clone(w.tags)
}

// tagClassSet maps treebank (XPOS, UPOS) pairs to tag classes.
type tagClassSet struct {
	names []string
	index map[string]uint16 // "XPOS UPOS" → class, rare pairs mapped to a frequent one
}

func (tc *tagClassSet) goldTags(s *Sentence) []uint16 {
	out := make([]uint16, s.Len())
	for i := range out {
		out[i] = tc.class(s.XPOS[i], s.UPOS[i])
	}
	return out
}

func (tc *tagClassSet) class(xpos, upos string) uint16 {
	if c, ok := tc.index[xpos+" "+upos]; ok {
		return c
	}
	if c, ok := tc.index[xpos]; ok {
		return c
	}
	return tc.index[""]
}

// buildTagClasses makes a class of each (XPOS, UPOS) pair seen twice or more, and of the
// most frequent pair of each XPOS; a rarer pair becomes the most frequent pair of its XPOS.
func buildTagClasses(train []Sentence) *tagClassSet {
	counts := map[string]int{}
	for i := range train {
		s := &train[i]
		for j := range s.Form {
			counts[s.XPOS[j]+" "+s.UPOS[j]]++
		}
	}
	all := make([]string, 0, len(counts))
	for p := range counts {
		all = append(all, p)
	}
	slices.Sort(all)
	bestOf := map[string]string{}
	for _, p := range all {
		x, _, _ := strings.Cut(p, " ")
		if b, ok := bestOf[x]; !ok || counts[p] > counts[b] {
			bestOf[x] = p
		}
	}
	var names []string
	for _, p := range all {
		x, _, _ := strings.Cut(p, " ")
		if counts[p] >= 2 || bestOf[x] == p {
			names = append(names, p)
		}
	}
	tc := &tagClassSet{names: names, index: map[string]uint16{}}
	top := names[0]
	for i, p := range names {
		tc.index[p] = uint16(i)
		if counts[p] > counts[top] {
			top = p
		}
	}
	for x, p := range bestOf {
		tc.index[x] = tc.index[p]
	}
	tc.index[""] = tc.index[top]
	return tc
}

func buildLabels(train []Sentence) []string {
	seen := map[string]bool{}
	for i := range train {
		for _, l := range train[i].Deprel {
			seen[l] = true
		}
	}
	var out []string
	for l := range seen {
		out = append(out, l)
	}
	slices.Sort(out)
	if len(out) > 64 {
		out = out[:64] // label sets are 64-bit masks; EWT has about fifty
	}
	return out
}

// buildVocab lists the lower-case forms seen at least twice: the parser's word features
// use them, and rarer words share one "unknown" value.
func buildVocab(train []Sentence) []string {
	counts := map[string]int{}
	var buf []byte
	for i := range train {
		for _, f := range train[i].Form {
			buf = lowerNorm(buf[:0], f)
			counts[string(buf)]++
		}
	}
	var out []string
	for w, n := range counts {
		if n >= 2 {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}

// buildTagDict lists frequent forms that have one tag (almost) always; the tagger gives
// them that tag without scoring.
func buildTagDict(train []Sentence, tc *tagClassSet) []tagDictEntry {
	counts := map[string]map[uint16]int{}
	var buf []byte
	for i := range train {
		s := &train[i]
		for j, f := range s.Form {
			buf = normForm(buf[:0], f)
			k := string(buf)
			if counts[k] == nil {
				counts[k] = map[uint16]int{}
			}
			counts[k][tc.class(s.XPOS[j], s.UPOS[j])]++
		}
	}
	var out []tagDictEntry
	for f, m := range counts {
		total, bestN, best := 0, 0, uint16(0)
		for t, n := range m {
			total += n
			if n > bestN || n == bestN && t < best {
				best, bestN = t, n
			}
		}
		if total >= 20 && float64(bestN) >= 0.995*float64(total) {
			out = append(out, tagDictEntry{Form: f, Tag: best})
		}
	}
	slices.SortFunc(out, func(a, b tagDictEntry) int { return strings.Compare(a.Form, b.Form) })
	return out
}

// normForm appends the normalised form of s (case kept) to dst.
func normForm(dst []byte, s string) []byte {
	for _, r := range s {
		dst = append(dst, string(normRune(r))...)
	}
	return dst
}

// tagTrainer trains the tagger.
type tagTrainer struct {
	d       *modelData
	tc      *tagClassSet
	dict    map[uint64]uint16
	lexicon lexicon
	light   bool // the first pass of a two-pass tagger
	isVerb  []bool
	p       *trainSparse
	rng     *rand.Rand
	lx      []lex
	buf     []byte
	sc      []int32
}

func newTagTrainer(d *modelData, tc *tagClassSet, seed uint64) *tagTrainer {
	t := &tagTrainer{d: d, tc: tc, dict: map[uint64]uint16{}, p: newTrainSparse(len(d.Tags)), lexicon: newLexicon(d.Vocab, d.Clusters),
		rng: rand.New(rand.NewPCG(seed, 0x7a66)), sc: make([]int32, len(d.Tags)), isVerb: verbClasses(d.Tags)}
	for _, e := range d.TagDict {
		t.dict[fhash.String(e.Form)] = e.Tag
	}
	return t
}

// epoch trains on sents once, in random order; rights, when not nil, holds the first
// pass's tags of each sentence.
func (t *tagTrainer) epoch(sents []Sentence, rights [][]uint16) {
	order := t.rng.Perm(len(sents))
	var keys [numTagFeats]uint64
	for _, si := range order {
		s := &sents[si]
		n := s.Len()
		t.lx = grow(t.lx, n)
		for i, f := range s.Form {
			t.lx[i], t.buf = makeLex(f, t.buf, t.lexicon)
		}
		var right []uint16
		if rights != nil {
			right = rights[si]
		}
		p1, p2, lv := uint64(tagStart1), uint64(tagStart2), uint64(tagStart1)
		for i := range n {
			gold := t.tc.class(s.XPOS[i], s.UPOS[i])
			guess, ok := t.dict[t.lx[i].form]
			if !ok {
				ks := keys[:]
				if t.light {
					preFeatures(t.lx, i, p1, &keys)
					ks = keys[:numPreFeats]
				} else {
					tagStatic(t.lx, i, right, &keys)
					tagDynamic(p1, p2, lv, t.lx, i, right, &keys)
				}
				clear(t.sc)
				t.p.score(ks, t.sc)
				guess = uint16(argmax(t.sc))
				if guess != gold {
					t.p.update(ks, int(gold), int(guess))
				}
				t.p.tick()
			}
			p2, p1 = p1, uint64(guess)
			if t.isVerb[guess] {
				lv = uint64(guess)
			}
		}
	}
}

// trainTagStage trains a tagger (the first pass when rights is nil and cfg.TwoPass,
// else the only or second pass) and returns the weights of its best epoch on dev.
func trainTagStage(ctx context.Context, d *modelData, tc *tagClassSet, train []Sentence, rights [][]uint16, dev []Sentence, cfg TrainConfig, log io.Writer, name string, light bool) ([]sparseEntry, int, float64) {
	start := time.Now()
	tt := newTagTrainer(d, tc, cfg.Seed)
	tt.light = light
	var feats []sparseEntry
	best, bestEpoch := -1.0, 0
	for ep := 1; ep <= cfg.TaggerEpochs; ep++ {
		if ctx.Err() != nil {
			return nil, 0, 0
		}
		tt.epoch(train, rights)
		f, _ := tt.p.averaged(cfg.Prune)
		dd := *d
		dd.TagFeats = f
		if light {
			dd.TagFeats, dd.PreFeats = nil, f
		}
		acc := tagAccuracy(&dd, dev, tc, light)
		fmt.Fprintf(log, "%s epoch %d: dev accuracy %.4f (%d features) %s\n", name, ep, acc, len(f), time.Since(start).Round(time.Second))
		if acc > best {
			best, bestEpoch, feats = acc, ep, f
		}
	}
	return feats, bestEpoch, best
}

// jackknife tags each of cfg.Folds parts of train with a tagger trained for epochs on the
// other parts (reading the first-pass tags rights, when not nil).
func jackknife(ctx context.Context, d *modelData, tc *tagClassSet, train []Sentence, rights [][]uint16, cfg TrainConfig, epochs int, light bool) [][]uint16 {
	out := make([][]uint16, len(train))
	folds := max(cfg.Folds, 2)
	for f := range folds {
		if ctx.Err() != nil {
			return out
		}
		lo, hi := f*len(train)/folds, (f+1)*len(train)/folds
		rest := slices.Concat(train[:lo], train[hi:])
		var restRights [][]uint16
		if rights != nil {
			restRights = slices.Concat(rights[:lo], rights[hi:])
		}
		ft := newTagTrainer(d, tc, cfg.Seed+uint64(f)+1)
		ft.light = light
		for range epochs {
			ft.epoch(rest, restRights)
		}
		feats, _ := ft.p.averaged(cfg.Prune)
		dd := *d
		dd.PreFeats = nil
		if light {
			dd.PreFeats = feats
		}
		m := partialModel(&dd, feats, nil, nil)
		w := m.getWorker()
		for i := lo; i < hi; i++ {
			var right []uint16
			if rights != nil {
				right = rights[i]
			}
			forms := train[i].Form
			w.lexWords(forms)
			out[i] = make([]uint16, len(forms))
			if light {
				w.prePass(out[i])
			} else {
				w.tagPass(&m.tagger, right, out[i])
				m.finiteVerb(out[i])
			}
		}
		putWorker(w)
	}
	return out
}

// tagAccuracy measures the tagger of d on sents; with light, its first pass alone.
func tagAccuracy(d *modelData, sents []Sentence, tc *tagClassSet, light bool) float64 {
	m := partialModel(d, d.TagFeats, nil, nil)
	w := m.getWorker()
	defer putWorker(w)
	right, total := 0, 0
	for i := range sents {
		s := &sents[i]
		var tags []uint16
		if light {
			w.lexWords(s.Form)
			tags = grow(w.pre, s.Len())
			w.prePass(tags)
		} else {
			tags = m.tagClasses(s.Form)
		}
		for j, t := range tags {
			if t == tc.class(s.XPOS[j], s.UPOS[j]) {
				right++
			}
			total++
		}
	}
	return float64(right) / float64(max(total, 1))
}

// parseTrainer trains the transition classifier and the labeller together.
type parseTrainer struct {
	d       *modelData
	labelOf map[string]int32
	root    int32
	trans   *trainDense
	labels  *trainSparse
	rng     *rand.Rand
	st      pstate
	buf     []byte
	gold    []int32
	lexicon lexicon
	lsc     []int32
}

func newParseTrainer(d *modelData, cfg TrainConfig) *parseTrainer {
	p := &parseTrainer{d: d, labelOf: map[string]int32{}, trans: newTrainDense(cfg.TransBits),
		labels: newTrainSparse(len(d.Labels)), rng: rand.New(rand.NewPCG(cfg.Seed, 0x9a45)),
		lexicon: newLexicon(d.Vocab, d.Clusters), lsc: make([]int32, len(d.Labels))}
	for i, l := range d.Labels {
		p.labelOf[l] = int32(i)
	}
	p.root = p.labelOf["root"]
	return p
}

func (p *parseTrainer) epoch(sents []Sentence, tags [][]uint16, ep int) {
	order := p.rng.Perm(len(sents))
	var keys [numParseFeats]uint64
	var lkeys [numLabelFeats]uint64
	for _, si := range order {
		s := &sents[si]
		n := s.Len()
		st := &p.st
		st.reset(n)
		for i, f := range s.Form {
			var x lex
			x, p.buf = makeLex(f, p.buf, p.lexicon)
			st.setWord(i, &x, tags[si][i])
		}
		p.gold = projectivize(s.Head, p.gold)
		for !st.done() {
			legal := st.legal()
			var t int
			if legal&(legal-1) == 0 { // one legal transition
				t = 0
				for legal != 1<<t {
					t++
				}
			} else {
				st.parseFeatures(&keys)
				var sc [4]int32
				p.trans.score(keys[:], &sc)
				pred := bestLegal(legal, [numTransitions]int32{sc[0], sc[1], sc[2]})
				costs := st.transitionCosts(p.gold, legal)
				minCost := -1
				for _, c := range costs {
					if c >= 0 && (minCost < 0 || c < minCost) {
						minCost = c
					}
				}
				best := -1
				for tr, c := range costs {
					if c == minCost && (best < 0 || sc[tr] > sc[best]) {
						best = tr
					}
				}
				if costs[pred] != minCost {
					p.trans.update(keys[:], best, pred)
				}
				p.trans.tick()
				t = best
				if ep > 1 && p.rng.Float64() < 0.9 {
					t = pred // explore: follow the model's own mistakes
				}
			}
			var label int32 = -1
			if t != trShift {
				d, h := st.attachment(t)
				if int(h) == n {
					label = p.root
				} else {
					st.labelFeatures(d, h, &lkeys)
					clear(p.lsc)
					p.labels.score(lkeys[:], p.lsc)
					label = -1
					for i, v := range p.lsc {
						if int32(i) != p.root && (label < 0 || v > p.lsc[label]) {
							label = int32(i)
						}
					}
					if g, ok := p.labelOf[s.Deprel[d]]; ok && g != label && g != p.root {
						p.labels.update(lkeys[:], int(g), int(label))
					}
					p.labels.tick()
				}
			}
			st.apply(t, label)
		}
	}
}

// projectivize returns gold heads (the root as n) made projective by lifting: while an
// arc crosses another, the shortest such arc's dependent is attached to its head's head.
func projectivize(heads []int, dst []int32) []int32 {
	n := len(heads)
	dst = grow(dst, n)
	for i, h := range heads {
		if h < 0 {
			dst[i] = int32(n)
		} else {
			dst[i] = int32(h)
		}
	}
	for range n * n { // bounded; each lift shortens a path to the root
		worst, worstLen := -1, 0
		for d := range n {
			if !projectiveArc(dst, d) {
				l := int(dst[d]) - d
				if l < 0 {
					l = -l
				}
				if worst < 0 || l < worstLen {
					worst, worstLen = d, l
				}
			}
		}
		if worst < 0 {
			break
		}
		h := dst[worst]
		if int(h) == n {
			break // cannot lift above the root
		}
		dst[worst] = dst[h]
	}
	return dst
}

// projectiveArc reports whether every word between d and its head descends from the head.
func projectiveArc(heads []int32, d int) bool {
	h := int(heads[d])
	n := len(heads)
	lo, hi := min(d, h), max(d, h)
	for k := lo + 1; k < hi; k++ {
		if k >= n {
			break
		}
		a := k
		for steps := 0; a != h && a != n && steps <= n; steps++ {
			a = int(heads[a])
		}
		if a != h {
			return false
		}
	}
	return true
}

// parseAccuracy parses sents with the given tags and returns UAS and LAS over all words.
func parseAccuracy(m *Model, sents []Sentence, tags [][]uint16) (uas, las float64) {
	w := m.getWorker()
	defer putWorker(w)
	ur, lr, total := 0, 0, 0
	for i := range sents {
		s := &sents[i]
		w.tagWords(s.Form) // fills w.lx
		copy(w.tags, tags[i])
		w.parse()
		for j := range s.Form {
			h := int(w.st.head[j])
			if h == s.Len() {
				h = -1
			}
			if h == s.Head[j] {
				ur++
				if m.labels[w.st.label[j]] == s.Deprel[j] {
					lr++
				}
			}
			total++
		}
	}
	return float64(ur) / float64(total), float64(lr) / float64(total)
}
