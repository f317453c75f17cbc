// Package wordcluster learns word clusters from unlabelled text for the training of
// tocsin's statistical models (ner's recogniser, syntax's tagger and parser), which each
// had a copy of it. Clusters tell a model how a word its labelled data never saw is used:
// that "Zeinab" appears where names of people do, or "airstrike" where "attack" does.
//
// Clusters are learnt in three steps:
//
//  1. every word seen at least MinCount times gets a sparse context vector: the positive
//     pointwise mutual information (PPMI, context distribution smoothed with α = 0.75) of
//     the context forms of the words two to the left and two to the right, each position
//     its own block of dimensions;
//  2. a randomised truncated SVD (Halko, Martinsson and Tropp 2011) reduces the vectors to
//     Dim dimensions, U·Σ^½, normalised to unit length;
//  3. spherical k-means (k-means++ seeding) groups the words into as many clusters as the
//     first level asks, and each further level groups the previous level's centroids, so
//     that the ids form a hierarchy like the prefixes of Brown cluster bit strings.
//
// This is far cheaper than Brown clustering's exchange of thousands of classes: about a
// minute on one core for two million words.
package wordcluster

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"time"
	"unicode"

	"github.com/tocsin-project/tocsin/internal/spectral"
)

// Config sets the clustering.
type Config struct {
	MinCount        int   // a word is clustered when seen this often
	MaxVocab        int   // at most this many words, the most frequent
	Contexts        int   // context forms kept, the most frequent; others share one dimension
	Dim             int   // dimensions after the SVD
	Levels          []int // clusters per level, finest first (each level at most the one before)
	Iterations      int   // k-means iterations
	PowerIterations int   // SVD power iterations
	Seed1, Seed2    uint64
}

// Clusters is the result: the words clustered, most frequent first, and for each level
// the 0-based cluster of each word (IDs[level][word]).
type Clusters struct {
	Words []string
	IDs   [][]int
	Sizes []int // clusters per level as learnt: a small vocabulary gets fewer than asked
}

// HasLetter reports whether w has a letter.
func HasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Learn clusters the words of sents. ctx gives each word's context form (sentence by
// sentence, word by word, the same shape as sents; nil means sents itself), and keep, if
// not nil, which words may be clustered. Progress lines go to progress.
func Learn(sents, ctx [][]string, keep func(string) bool, cfg Config, progress io.Writer) *Clusters {
	start := time.Now()
	if ctx == nil {
		ctx = sents
	}
	// Vocabulary and contexts, most frequent first.
	freq := map[string]int{}
	ctxFreq := map[string]int{}
	for i, s := range sents {
		for j, w := range s {
			if keep == nil || keep(w) {
				freq[w]++
			}
			ctxFreq[ctx[i][j]]++
		}
	}
	vocab := spectral.TopKeys(freq, cfg.MinCount, cfg.MaxVocab)
	ctxs := spectral.TopKeys(ctxFreq, 1, cfg.Contexts)
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
	for si, s := range sents {
		ids = ids[:0]
		for _, w := range ctx[si] {
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
	emb := spectral.RandomizedSVD(A, cfg.Dim, cfg.PowerIterations, rng)
	fmt.Fprintf(progress, "clusters: SVD to %d dimensions (%.1fs)\n", cfg.Dim, time.Since(start).Seconds())

	// Level 0 clusters the words; each further level clusters the previous level's
	// centroids, weighted by how many words each holds.
	out := &Clusters{Words: vocab}
	points, weights, n := emb, []float64(nil), V/4+1
	var above []int // cluster of each word at the previous level
	for l, want := range cfg.Levels {
		k := min(want, n)
		assign, cent := spectral.SphericalKMeans(points, cfg.Dim, weights, k, cfg.Iterations, rng)
		level := make([]int, V)
		for w := range level {
			if l == 0 {
				level[w] = assign[w]
			} else {
				level[w] = assign[above[w]]
			}
		}
		sizes := make([]float64, k)
		if l == 0 {
			for _, c := range assign {
				sizes[c]++
			}
		} else {
			for p, c := range assign {
				sizes[c] += weights[p]
			}
		}
		out.IDs = append(out.IDs, level)
		out.Sizes = append(out.Sizes, k)
		points, weights, n, above = cent, sizes, k, level
	}
	return out
}
