package syntax

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"github.com/tocsin-project/tocsin/internal/spectral"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/segment"
)

// Word clusters and capitalisation statistics from unlabelled text tell the tagger and
// the parser how a word the treebank never saw is used: that "Zeinab" is written with a
// capital mid-sentence and appears where names of people do, or that "airstrike" appears
// where "attack" does. The clustering is the one of the ner package (ner/clusters.go),
// copied here because it is unexported there, over lower-case words:
//
//  1. every word seen at least MinCount times gets a sparse context vector: the positive
//     pointwise mutual information (PPMI, context distribution smoothed with α = 0.75) of
//     the lower-cased words two to the left and two to the right, each position its own
//     block of dimensions;
//  2. a randomised truncated SVD (Halko, Martinsson and Tropp 2011) reduces the vectors to
//     Dim dimensions, U·Σ^½, normalised to unit length;
//  3. spherical k-means (k-means++ seeding) groups the words into Fine clusters, and the
//     cluster centroids are grouped again into Mid clusters.
type clusterConfig struct {
	MinCount     int
	MaxVocab     int
	Contexts     int
	Dim          int
	Fine, Mid    int
	Iterations   int
	PowerIters   int
	Seed1, Seed2 uint64
}

var defaultClusterConfig = clusterConfig{
	MinCount: 3, MaxVocab: 50000, Contexts: 5000, Dim: 100,
	Fine: 800, Mid: 100, Iterations: 20, PowerIters: 2,
	Seed1: 0x746f6373, Seed2: 0x73796e74,
}

// clusterEntry is one word of the stored lexicon: its clusters (1-based; 0 none) and
// capitalisation class (0 unknown).
type clusterEntry struct {
	Word      string // lower case
	Fine, Mid uint16
	Case      uint8
}

// Capitalisation classes: how often a word is written with a capital away from the start
// of a sentence, in unlabelled text.
const (
	caseUnknown = iota
	caseLower   // ≥ 90% lower case
	caseMostLow // 50–90%
	caseMostCap // 10–50%
	caseCap     // < 10% lower case
)

// unlabelledSources are read, when present, from the shared data folder.
var unlabelledSources = []string{
	"wikinews/articles.jsonl",
	"wikinews/undated-unlabelled.jsonl.gz",
}

// readUnlabelled reads the unlabelled text under dataDir as tokenised sentences, tokenised
// by tocsin's own tokenizer so that the words look as they will at run time, and adds the
// words of the training sentences. It reports the sources read.
func readUnlabelled(dataDir string, train []Sentence) ([][]string, []string, error) {
	var sents [][]string
	var notes []string
	for _, rel := range unlabelledSources {
		p := filepath.Join(dataDir, rel)
		f, err := os.Open(p)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		var r io.Reader = f
		if strings.HasSuffix(p, ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				f.Close()
				return nil, nil, fmt.Errorf("%s: %w", p, err)
			}
			r = zr
		}
		before, words := len(sents), 0
		dec := json.NewDecoder(r)
		for {
			var row struct {
				Title, Text string
			}
			if err := dec.Decode(&row); err == io.EOF {
				break
			} else if err != nil {
				f.Close()
				return nil, nil, fmt.Errorf("%s: %w", p, err)
			}
			for _, text := range []string{row.Title, row.Text} {
				for _, s := range textSentences(text) {
					sents = append(sents, s)
					words += len(s)
				}
			}
		}
		f.Close()
		notes = append(notes, fmt.Sprintf("%s (%d sentences, %d words)", rel, len(sents)-before, words))
	}
	words := 0
	for i := range train {
		sents = append(sents, train[i].Form)
		words += train[i].Len()
	}
	notes = append(notes, fmt.Sprintf("the training sentences (%d words)", words))
	return sents, notes, nil
}

func textSentences(text string) [][]string {
	text = segment.Normalize(text)
	toks := segment.Tokenize(text)
	var out [][]string
	for _, s := range segment.Sentences(text, toks, segment.Paragraphs(text)) {
		words := make([]string, 0, s.EndToken-s.FirstToken)
		for _, t := range toks[s.FirstToken:s.EndToken] {
			if t.Kind != doc.URL {
				words = append(words, t.Text)
			}
		}
		if len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// learnLexicon clusters the lower-cased words of sents and counts their capitalisation.
func learnLexicon(sents [][]string, cfg clusterConfig, progress io.Writer) []clusterEntry {
	start := time.Now()
	lower := make([][]string, len(sents))
	var buf []byte
	freq := map[string]int{}
	for i, s := range sents {
		ls := make([]string, len(s))
		for j, w := range s {
			buf = lowerNorm(buf[:0], w)
			ls[j] = string(buf)
			freq[ls[j]]++
		}
		lower[i] = ls
	}
	vocab := spectral.TopKeys(freq, cfg.MinCount, cfg.MaxVocab)
	ctxs := spectral.TopKeys(freq, 1, cfg.Contexts)
	wid := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		wid[w] = int32(i)
	}
	cid := make(map[string]int32, len(ctxs))
	for i, w := range ctxs {
		cid[w] = int32(i)
	}
	nc := int32(len(ctxs)) + 1 // one extra id for boundaries and rare words
	dims := 4 * int(nc)
	offsets := [4]int{-2, -1, 1, 2}
	var pairs []uint64
	ids := []int32{}
	for _, s := range lower {
		ids = ids[:0]
		for _, w := range s {
			c, ok := cid[w]
			if !ok {
				c = nc - 1
			}
			ids = append(ids, c)
		}
		for i, w := range s {
			v, ok := wid[w]
			if !ok {
				continue
			}
			for k, off := range offsets {
				j := i + off
				c := nc - 1
				if j >= 0 && j < len(s) {
					c = ids[j]
				}
				pairs = append(pairs, uint64(v)<<32|uint64(int32(k)*nc+c))
			}
		}
	}
	slices.Sort(pairs)
	// CSR matrix of counts, then PPMI.
	V := len(vocab)
	rowPtr := make([]int, V+1)
	var cols []int32
	var vals []float64
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		r := int(pairs[i] >> 32)
		rowPtr[r+1]++
		cols = append(cols, int32(pairs[i]&0xffffffff))
		vals = append(vals, float64(j-i))
		i = j
	}
	pairs = nil
	for r := 0; r < V; r++ {
		rowPtr[r+1] += rowPtr[r]
	}
	rowSum := make([]float64, V)
	colSum := make([]float64, dims)
	for r := 0; r < V; r++ {
		for p := rowPtr[r]; p < rowPtr[r+1]; p++ {
			rowSum[r] += vals[p]
			colSum[cols[p]] += vals[p]
		}
	}
	smooth := 0.0
	for d := range colSum {
		colSum[d] = math.Pow(colSum[d], 0.75)
		smooth += colSum[d]
	}
	for r := 0; r < V; r++ {
		for p := rowPtr[r]; p < rowPtr[r+1]; p++ {
			pmi := math.Log(vals[p] * smooth / (rowSum[r] * colSum[cols[p]]))
			vals[p] = max(pmi, 0)
		}
	}
	A := &spectral.CSR{Rows: V, Cols: dims, RowPtr: rowPtr, Col: cols, Val: vals}
	fmt.Fprintf(progress, "clusters: %d words, %d context dimensions, %d non-zeros (%.1fs)\n", V, dims, len(vals), time.Since(start).Seconds())
	rng := rand.New(rand.NewPCG(cfg.Seed1, cfg.Seed2))
	emb := spectral.RandomizedSVD(A, cfg.Dim, cfg.PowerIters, rng)
	fineK := min(cfg.Fine, V/4+1)
	fine, cent := spectral.SphericalKMeans(emb, cfg.Dim, nil, fineK, cfg.Iterations, rng)
	sizes := make([]float64, fineK)
	for _, c := range fine {
		sizes[c]++
	}
	midK := min(cfg.Mid, fineK)
	midOfFine, _ := spectral.SphericalKMeans(cent, cfg.Dim, sizes, midK, cfg.Iterations, rng)
	cases := caseStats(sents)
	out := make([]clusterEntry, V)
	for w, f := range fine {
		out[w] = clusterEntry{Word: vocab[w], Fine: uint16(f + 1), Mid: uint16(midOfFine[f] + 1), Case: cases[vocab[w]]}
	}
	// Words too rare to cluster keep their capitalisation class.
	for w, c := range cases {
		if _, ok := wid[w]; !ok {
			out = append(out, clusterEntry{Word: w, Case: c})
		}
	}
	slices.SortFunc(out, func(a, b clusterEntry) int { return strings.Compare(a.Word, b.Word) })
	fmt.Fprintf(progress, "clusters: %d / %d clusters, %d words with a capitalisation class (%.1fs)\n", fineK, midK, len(cases), time.Since(start).Seconds())
	return out
}

// caseStats computes, for each lower-cased word seen at least twice in lower case or
// capitalised away from a sentence start, its capitalisation class.
func caseStats(sents [][]string) map[string]uint8 {
	type counts struct{ lower, capital int }
	m := map[string]*counts{}
	var buf []byte
	for _, s := range sents {
		for i, w := range s {
			if !hasLetter(w) {
				continue
			}
			buf = lowerNorm(buf[:0], w)
			var isLower, isCap bool
			switch {
			case string(buf) == w:
				isLower = true
			case i > 0 && hasLetter(s[i-1]) && strings.ToUpper(w) != w:
				for _, r := range w {
					isCap = unicode.IsUpper(r)
					break
				}
			}
			if !isLower && !isCap {
				continue
			}
			c := m[string(buf)]
			if c == nil {
				c = &counts{}
				m[string(buf)] = c
			}
			if isLower {
				c.lower++
			} else {
				c.capital++
			}
		}
	}
	out := map[string]uint8{}
	for w, c := range m {
		total := c.lower + c.capital
		if total < 2 {
			continue
		}
		r := float64(c.lower) / float64(total)
		var b uint8
		switch {
		case r >= 0.9:
			b = caseLower
		case r >= 0.5:
			b = caseMostLow
		case r >= 0.1:
			b = caseMostCap
		default:
			b = caseCap
		}
		out[w] = b
	}
	return out
}
