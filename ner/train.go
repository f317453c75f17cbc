package ner

import (
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/tocsin-project/tocsin/internal/fhash"
)

// TrainConfig says what to train on. Only CoNLLDir is required.
type TrainConfig struct {
	// CoNLLDir holds CoNLL-2003 train.txt (training) and valid.txt (progress reports only).
	CoNLLDir string
	// DataDir is the shared data folder whose unlabelled text the word clusters and
	// capitalisation statistics are learnt from; default: the parent of CoNLLDir.
	DataDir string
	// Gazetteer is the gazetteer file; default: the gazetteer.tsv embedded in the package.
	Gazetteer string
	// Extra lists more labelled files to train on, as "FORMAT:PATH"; none by default.
	// The shipped model is trained on CoNLL-2003 alone so that Universal NER stays an
	// out-of-domain evaluation, as the project's evaluation plan asks. Adding UNER's
	// English EWT dev set (uner:DATA/uner-ewt/en_ewt-ud-dev.iob2) raises UNER test F1
	// from about 0.56 to 0.65 at a small cost on newswire. Never add a test set.
	Extra []string
	// CoNLLOnly trains on CoNLL-2003 train alone, ignoring Extra.
	CoNLLOnly bool
	// Epochs over the training data; default 12.
	Epochs int
	// MinCount drops features seen fewer times in training; default 2.
	MinCount int
	// Prune drops averaged weights smaller than this in absolute value; default 0.5.
	Prune float64
	// Seed fixes the order documents are visited in; default 1.
	Seed uint64
	// NoAugment turns off the dotless copies of training sentences (see dotless).
	NoAugment bool
	// ClusterCache, when set, is a file that keeps the learnt clusters and statistics
	// between runs: read when it exists, written otherwise. For experiments only.
	ClusterCache string
}

func (c *TrainConfig) defaults() {
	if c.DataDir == "" {
		c.DataDir = filepath.Dir(filepath.Clean(c.CoNLLDir))
	}
	if c.Epochs == 0 {
		c.Epochs = 12
	}
	if c.MinCount == 0 {
		c.MinCount = 2
	}
	if c.Prune == 0 {
		c.Prune = 0.5
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.CoNLLOnly {
		c.Extra = nil
	}
}

// trainSent is a training sentence: its prepared tokens, static feature indices and gold tags.
type trainSent struct {
	words  []string
	gold   []int
	feats  []int32 // static feature indices of every token, concatenated
	offs   []int32 // token i's features are feats[offs[i]:offs[i+1]]
	casing uint8
}

// Train learns a model: word clusters and capitalisation statistics from unlabelled text,
// then an averaged perceptron over BILOU tags from CoNLL-2003 train (and any Extra files).
// It is deterministic: the same data and configuration give the same model file.
func Train(ctx context.Context, cfg TrainConfig, progress io.Writer) (*Model, error) {
	if progress == nil {
		progress = io.Discard
	}
	cfg.defaults()
	start := time.Now()
	var notes strings.Builder
	fmt.Fprintf(&notes, "tocsin NER model: averaged perceptron, greedy BILOU decoding, %d epochs, features seen ≥ %d times, |weights| ≥ %g.\n", cfg.Epochs, cfg.MinCount, cfg.Prune)

	// Gazetteer.
	gazText := gazetteerTSV
	if cfg.Gazetteer != "" {
		b, err := os.ReadFile(cfg.Gazetteer)
		if err != nil {
			return nil, err
		}
		gazText = b
	}
	gazEntries, err := parseGazetteer(bytes.NewReader(gazText))
	if err != nil {
		return nil, err
	}

	// Unlabelled text: clusters and capitalisation statistics.
	lex, err := loadLexical(cfg, progress)
	if err != nil {
		return nil, err
	}
	wc, cs := lex.Clusters, lex.Case
	fmt.Fprintf(&notes, "Word clusters (%d words; %d/%d/%d clusters) and capitalisation statistics (%d words) learnt from unlabelled text:\n",
		len(wc.Words), defaultClusterConfig.Fine, defaultClusterConfig.Mid, defaultClusterConfig.Coarse, len(cs))
	for _, s := range lex.Sources {
		fmt.Fprintf(&notes, "  %s\n", s)
	}
	clusters := make([]clusterEntry, len(wc.Words))
	for i, w := range wc.Words {
		clusters[i] = clusterEntry{Word: w, Fine: wc.Fine[i], Mid: wc.Mid[i], Coarse: wc.Coarse[i]}
	}
	data := &modelData{Clusters: clusters, Case: sortedCase(cs), Gaz: gazEntries}
	res := buildResources(data.Clusters, data.Case, data.Gaz)

	// Labelled data.
	type source struct{ format, path string }
	sources := []source{{FormatCoNLL, filepath.Join(cfg.CoNLLDir, "train.txt")}}
	for _, e := range cfg.Extra {
		f, p, ok := strings.Cut(e, ":")
		if !ok {
			return nil, fmt.Errorf("extra training file %q: want FORMAT:PATH", e)
		}
		sources = append(sources, source{f, p})
	}
	var docs [][]trainSent
	fmt.Fprintf(&notes, "Labelled training data:\n")
	for _, src := range sources {
		ld, err := readLabelled(src.path, src.format)
		if err != nil {
			return nil, err
		}
		nt, na := 0, 0
		for _, d := range ld {
			var sents, aug []trainSent
			for _, s := range d.Sents {
				gold := goldTags(s, res.gaz, src.format)
				sents = append(sents, trainSent{words: s.Words, gold: gold})
				nt += len(s.Words)
				if w, ok := dotless(s.Words); ok && !cfg.NoAugment {
					aug = append(aug, trainSent{words: w, gold: gold})
					na++
				}
			}
			docs = append(docs, sents)
			if len(aug) > 0 {
				docs = append(docs, aug)
			}
		}
		fmt.Fprintf(&notes, "  %s (%s): %d documents, %d tokens; %d dotless copies of sentences\n", filepath.Base(src.path), src.format, len(ld), nt, na)
		fmt.Fprintf(progress, "labelled: %s: %d documents, %d tokens, %d dotless copies\n", src.path, len(ld), nt, na)
	}

	// Feature index: features seen at least MinCount times with gold history.
	counts := map[uint64]int32{}
	var si sentInfo
	var buf []uint64
	allKeys := make([][][]uint64, len(docs))
	for d, sents := range docs {
		h := history{}
		allKeys[d] = make([][]uint64, len(sents))
		for j := range sents {
			s := &sents[j]
			res.prepare(&si, s.words, nil)
			s.casing = si.casing
			var flat []uint64
			p1, p2 := -1, -1
			for i := range s.words {
				buf = staticKeys(&si, i, buf[:0])
				flat = append(flat, uint64(len(buf)))
				flat = append(flat, buf...)
				for _, k := range buf {
					counts[k]++
				}
				buf = dynamicKeys(&si, i, p1, p2, h, buf[:0])
				for _, k := range buf {
					counts[k]++
				}
				h.record(&si, i, s.gold[i])
				p2, p1 = p1, s.gold[i]
			}
			allKeys[d][j] = flat
		}
	}
	index := map[uint64]int32{}
	var keys []uint64
	for k, c := range counts {
		if int(c) >= cfg.MinCount {
			keys = append(keys, k)
		}
	}
	counts = nil
	slices.Sort(keys)
	for i, k := range keys {
		index[k] = int32(i)
	}
	for d, sents := range docs {
		for j := range sents {
			s := &sents[j]
			flat := allKeys[d][j]
			s.offs = make([]int32, 0, len(s.words)+1)
			for p := 0; p < len(flat); {
				n := int(flat[p])
				s.offs = append(s.offs, int32(len(s.feats)))
				for _, k := range flat[p+1 : p+1+n] {
					if f, ok := index[k]; ok {
						s.feats = append(s.feats, f)
					}
				}
				p += 1 + n
			}
			s.offs = append(s.offs, int32(len(s.feats)))
		}
		allKeys[d] = nil
	}
	fmt.Fprintf(progress, "features: %d (%.1fs)\n", len(keys), time.Since(start).Seconds())

	// Averaged perceptron (Collins 2002) with the lazy averaging trick: u accumulates
	// c·Δ, and the average is w − u/c.
	nf := len(keys)
	w := make([]int32, nf*numTags)
	acc := make([]int64, nf*numTags)
	c := int64(1)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x6e6572))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	score := func(feats []int32, sc *scores) {
		for _, f := range feats {
			row := w[int(f)*numTags : int(f+1)*numTags]
			for t, v := range row {
				sc[t] += v
			}
		}
	}
	var dyn []int32
	validPath := filepath.Join(cfg.CoNLLDir, "valid.txt")
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, d := range order {
			h := history{}
			for j := range docs[d] {
				s := &docs[d][j]
				res.prepare(&si, s.words, nil)
				p1, p2 := -1, -1
				for i := range s.words {
					static := s.feats[s.offs[i]:s.offs[i+1]]
					buf = dynamicKeys(&si, i, p1, p2, h, buf[:0])
					dyn = dyn[:0]
					for _, k := range buf {
						if f, ok := index[k]; ok {
							dyn = append(dyn, f)
						}
					}
					var sc scores
					score(static, &sc)
					score(dyn, &sc)
					pred := best(&sc, p1, i == len(s.words)-1)
					gold := oracle(p1, s.gold[i])
					if pred != gold {
						errs++
						for _, fs := range [2][]int32{static, dyn} {
							for _, f := range fs {
								g, p := int(f)*numTags+gold, int(f)*numTags+pred
								w[g]++
								w[p]--
								acc[g] += c
								acc[p] -= c
							}
						}
					}
					c++
					toks++
					h.record(&si, i, pred)
					p2, p1 = p1, pred
				}
			}
		}
		msg := fmt.Sprintf("epoch %d: %d errors in %d tokens (%.2f%%)", epoch, errs, toks, 100*float64(errs)/float64(toks))
		if _, err := os.Stat(validPath); err == nil && (epoch == cfg.Epochs || epoch%3 == 0) {
			m, err := finish(data, keys, w, acc, c, cfg.Prune)
			if err != nil {
				return nil, err
			}
			r, err := Evaluate(ctx, m, validPath, FormatCoNLL)
			if err != nil {
				return nil, err
			}
			msg += fmt.Sprintf("; valid F1 %.4f", r.Overall.F1())
		}
		fmt.Fprintf(progress, "%s (%.1fs)\n", msg, time.Since(start).Seconds())
	}
	m, err := finish(data, keys, w, acc, c, cfg.Prune)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&notes, "%d features kept of %d.\n", len(m.data.Keys), nf)
	m.data.Notes = notes.String()
	fmt.Fprintf(progress, "trained in %.1fs: %d features kept of %d\n", time.Since(start).Seconds(), len(m.data.Keys), nf)
	return m, nil
}

// oracle returns the best tag after p when the gold tag cannot follow it (Goldberg and
// Nivre's dynamic oracle, for BILOU): after a wrongly opened entity, close it now; when an
// entity's start was missed, start it here. Training on these corrections teaches the
// tagger to recover from its own mistakes instead of running an entity on.
func oracle(p, gold int) int {
	if validNext(p, gold) {
		return gold
	}
	if p > 0 && (tagPos(p) == posB || tagPos(p) == posI) {
		return tagOf(tagType(p), posL)
	}
	if tagPos(gold) == posI {
		return tagOf(tagType(gold), posB)
	}
	return tagOf(tagType(gold), posU)
}

// lexical is what is learnt from unlabelled text.
type lexical struct {
	Clusters *wordClusters
	Case     map[string]uint8
	Sources  []string
}

func loadLexical(cfg TrainConfig, progress io.Writer) (*lexical, error) {
	if cfg.ClusterCache != "" {
		if f, err := os.Open(cfg.ClusterCache); err == nil {
			defer f.Close()
			var lex lexical
			if err := gob.NewDecoder(f).Decode(&lex); err != nil {
				return nil, fmt.Errorf("%s: %w", cfg.ClusterCache, err)
			}
			fmt.Fprintf(progress, "clusters: read from %s\n", cfg.ClusterCache)
			return &lex, nil
		}
	}
	u, err := readUnlabelled(cfg.DataDir, progress)
	if err != nil {
		return nil, err
	}
	lex := &lexical{Clusters: learnClusters(u, defaultClusterConfig, progress), Case: caseStats(u, defaultClusterConfig.MinCaseOccurrences), Sources: u.Sources}
	if cfg.ClusterCache != "" {
		var b bytes.Buffer
		if err := gob.NewEncoder(&b).Encode(lex); err != nil {
			return nil, err
		}
		if err := os.WriteFile(cfg.ClusterCache, b.Bytes(), 0o644); err != nil {
			return nil, err
		}
	}
	return lex, nil
}

// finish averages the weights, drops small ones and quantises the rest to int16.
func finish(base *modelData, keys []uint64, w []int32, acc []int64, c int64, prune float64) (*Model, error) {
	avg := make([]float64, numTags)
	maxAbs := 0.0
	for i := range w {
		v := float64(w[i]) - float64(acc[i])/float64(c)
		maxAbs = max(maxAbs, math.Abs(v))
	}
	scale := 32000 / maxAbs
	d := &modelData{Notes: base.Notes, Clusters: base.Clusters, Case: base.Case, Gaz: base.Gaz, Scale: float32(scale)}
	for f, k := range keys {
		keep := false
		for t := range avg {
			v := float64(w[f*numTags+t]) - float64(acc[f*numTags+t])/float64(c)
			if math.Abs(v) < prune {
				v = 0
			}
			avg[t] = v
			if math.Round(v*scale) != 0 {
				keep = true
			}
		}
		if !keep || k == 0 {
			continue
		}
		d.Keys = append(d.Keys, k)
		for _, v := range avg {
			d.Weights = append(d.Weights, int16(math.Round(v*scale)))
		}
	}
	return compile(d)
}

// dotless returns a copy of words with abbreviations written without dots, as British
// and much online news writes them ("U.S." → "US", "U.N.-led" → "UN-led", "Mr." → "Mr",
// "Gen." → "Gen"), and reports whether anything changed. Reuters, and so CoNLL-2003,
// always writes the dots; without these copies the model would not know "US" as a place.
func dotless(words []string) ([]string, bool) {
	var out []string
	for i, w := range words {
		nw := w
		head, rest := w, ""
		if j := strings.Index(w, ".-"); j > 0 {
			head, rest = w[:j+1], w[j+1:]
		}
		if len(head) >= 4 && isInitials(head) {
			nw = strings.ReplaceAll(head, ".", "") + rest
		} else if strings.HasSuffix(w, ".") && titles[strings.ToLower(strings.TrimSuffix(w, "."))] {
			nw = strings.TrimSuffix(w, ".")
		}
		if nw != w {
			if out == nil {
				out = slices.Clone(words)
			}
			out[i] = nw
		}
	}
	return out, out != nil
}

// isInitials reports whether w is capital letters each followed by a dot ("U.S.").
func isInitials(w string) bool {
	for i := 0; i < len(w); i += 2 {
		if i+1 >= len(w) || w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// goldTags converts a labelled sentence's spans to BILOU tags over the model's types:
// PER → PERSON, ORG → ORG, LOC → LOCATION, MISC and OTH → NORP when every word is a
// nationality or group name in the gazetteer, else MISC. In UNER data, where nationality
// words are not annotated, a capitalised lone word that the gazetteer lists only as NORP
// is tagged NORP, to agree with the CoNLL mapping.
func goldTags(s labSent, g *gazetteer, format string) []int {
	tags := make([]int, len(s.Words))
	for _, sp := range s.Spans {
		typ := typMISC
		switch sp.Type {
		case "PER":
			typ = typPERSON
		case "ORG":
			typ = typORG
		case "LOC":
			typ = typLOC
		default:
			if isNORP(s.Words[sp.Start:sp.End], g) {
				typ = typNORP
			}
		}
		if sp.End-sp.Start == 1 {
			tags[sp.Start] = tagOf(typ, posU)
			continue
		}
		tags[sp.Start] = tagOf(typ, posB)
		for i := sp.Start + 1; i < sp.End-1; i++ {
			tags[i] = tagOf(typ, posI)
		}
		tags[sp.End-1] = tagOf(typ, posL)
	}
	if format == FormatUNER {
		for i, w := range s.Words {
			r := []rune(w)
			if tags[i] == 0 && len(r) > 0 && unicode.IsUpper(r[0]) && g.lookup([]uint64{fhash.Lower(w)}) == 1<<gazNORP {
				tags[i] = tagOf(typNORP, posU)
			}
		}
	}
	return tags
}

// isNORP reports whether words name a nationality or group: the whole phrase, or every
// word, is a NORP phrase in the gazetteer.
func isNORP(words []string, g *gazetteer) bool {
	hs := make([]uint64, len(words))
	for i, w := range words {
		hs[i] = fhash.Lower(w)
	}
	if g.lookup(hs)&(1<<gazNORP) != 0 {
		return true
	}
	for _, h := range hs {
		if g.lookup([]uint64{h})&(1<<gazNORP) == 0 {
			return false
		}
	}
	return true
}
