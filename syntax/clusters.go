package syntax

import (
	"cmp"
	"compress/gzip"
	"encoding/json"
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
	vocab := topKeys(freq, cfg.MinCount, cfg.MaxVocab)
	ctxs := topKeys(freq, 1, cfg.Contexts)
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
	A := &csr{rows: V, cols: dims, rowPtr: rowPtr, col: cols, val: vals}
	fmt.Fprintf(progress, "clusters: %d words, %d context dimensions, %d non-zeros (%.1fs)\n", V, dims, len(vals), time.Since(start).Seconds())
	rng := rand.New(rand.NewPCG(cfg.Seed1, cfg.Seed2))
	emb := randomizedSVD(A, cfg.Dim, cfg.PowerIters, rng)
	fineK := min(cfg.Fine, V/4+1)
	fine, cent := sphericalKMeans(emb, cfg.Dim, nil, fineK, cfg.Iterations, rng)
	sizes := make([]float64, fineK)
	for _, c := range fine {
		sizes[c]++
	}
	midK := min(cfg.Mid, fineK)
	midOfFine, _ := sphericalKMeans(cent, cfg.Dim, sizes, midK, cfg.Iterations, rng)
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

// topKeys returns the keys with count ≥ min, most frequent first (ties by key), at most n.
func topKeys(m map[string]int, minCount, n int) []string {
	var ks []string
	for k, c := range m {
		if c >= minCount {
			ks = append(ks, k)
		}
	}
	slices.SortFunc(ks, func(a, b string) int {
		if c := cmp.Compare(m[b], m[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	if len(ks) > n {
		ks = ks[:n]
	}
	return ks
}

// csr is a sparse matrix in compressed sparse row form.
type csr struct {
	rows, cols int
	rowPtr     []int
	col        []int32
	val        []float64
}

// mul returns A·X for X dense cols×k (row-major); the result is rows×k.
func (a *csr) mul(x []float64, k int) []float64 {
	y := make([]float64, a.rows*k)
	for r := 0; r < a.rows; r++ {
		yr := y[r*k : (r+1)*k]
		for p := a.rowPtr[r]; p < a.rowPtr[r+1]; p++ {
			v := a.val[p]
			xr := x[int(a.col[p])*k : int(a.col[p]+1)*k]
			for j := range yr {
				yr[j] += v * xr[j]
			}
		}
	}
	return y
}

// mulT returns Aᵀ·Y for Y dense rows×k; the result is cols×k.
func (a *csr) mulT(y []float64, k int) []float64 {
	x := make([]float64, a.cols*k)
	for r := 0; r < a.rows; r++ {
		yr := y[r*k : (r+1)*k]
		for p := a.rowPtr[r]; p < a.rowPtr[r+1]; p++ {
			v := a.val[p]
			xr := x[int(a.col[p])*k : int(a.col[p]+1)*k]
			for j := range xr {
				xr[j] += v * yr[j]
			}
		}
	}
	return x
}

// orthonormalize makes the k columns of the n×k row-major matrix m orthonormal (modified
// Gram–Schmidt, applied twice for stability).
func orthonormalize(m []float64, n, k int) {
	colsM := make([][]float64, k)
	for j := range colsM {
		c := make([]float64, n)
		for i := 0; i < n; i++ {
			c[i] = m[i*k+j]
		}
		colsM[j] = c
	}
	for range 2 {
		for j := 0; j < k; j++ {
			cj := colsM[j]
			for i := 0; i < j; i++ {
				ci := colsM[i]
				d := dot(ci, cj)
				for t := range cj {
					cj[t] -= d * ci[t]
				}
			}
			norm := math.Sqrt(dot(cj, cj))
			if norm < 1e-12 {
				clear(cj)
				continue
			}
			for t := range cj {
				cj[t] /= norm
			}
		}
	}
	for j, c := range colsM {
		for i := 0; i < n; i++ {
			m[i*k+j] = c[i]
		}
	}
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// randomizedSVD returns the rows of U·Σ^½ for the top dim singular values of a,
// normalised to unit length, as a rows×dim row-major matrix.
func randomizedSVD(a *csr, dim, power int, rng *rand.Rand) []float64 {
	l := dim + 10
	omega := make([]float64, a.cols*l)
	for i := range omega {
		omega[i] = rng.NormFloat64()
	}
	y := a.mul(omega, l)
	for range power {
		orthonormalize(y, a.rows, l)
		z := a.mulT(y, l)
		orthonormalize(z, a.cols, l)
		y = a.mul(z, l)
	}
	orthonormalize(y, a.rows, l) // Q
	bt := a.mulT(y, l)           // Bᵀ = Aᵀ Q, cols×l
	// M = B Bᵀ, l×l.
	m := make([]float64, l*l)
	for d := 0; d < a.cols; d++ {
		row := bt[d*l : (d+1)*l]
		for i := 0; i < l; i++ {
			if row[i] == 0 {
				continue
			}
			mi := m[i*l : (i+1)*l]
			for j := range mi {
				mi[j] += row[i] * row[j]
			}
		}
	}
	evals, evecs := jacobiEigen(m, l)
	order := make([]int, l)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(evals[j], evals[i]) })
	// U = Q·W, scaled by σ^½ = λ^¼.
	emb := make([]float64, a.rows*dim)
	for r := 0; r < a.rows; r++ {
		q := y[r*l : (r+1)*l]
		e := emb[r*dim : (r+1)*dim]
		for c := 0; c < dim; c++ {
			j := order[c]
			s := 0.0
			for i := 0; i < l; i++ {
				s += q[i] * evecs[i*l+j]
			}
			e[c] = s * math.Pow(max(evals[j], 0), 0.25)
		}
		normalize(e)
	}
	return emb
}

func normalize(v []float64) {
	n := math.Sqrt(dot(v, v))
	if n == 0 {
		return
	}
	for i := range v {
		v[i] /= n
	}
}

// jacobiEigen diagonalises the symmetric n×n matrix a (destroyed) by cyclic Jacobi
// rotations; it returns the eigenvalues and the eigenvectors as columns.
func jacobiEigen(a []float64, n int) ([]float64, []float64) {
	v := make([]float64, n*n)
	for i := 0; i < n; i++ {
		v[i*n+i] = 1
	}
	for sweep := 0; sweep < 100; sweep++ {
		off := 0.0
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				off += a[i*n+j] * a[i*n+j]
			}
		}
		if off < 1e-22 {
			break
		}
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				apq := a[p*n+q]
				if math.Abs(apq) < 1e-300 {
					continue
				}
				theta := (a[q*n+q] - a[p*n+p]) / (2 * apq)
				t := math.Copysign(1, theta) / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for k := 0; k < n; k++ {
					akp, akq := a[k*n+p], a[k*n+q]
					a[k*n+p] = c*akp - s*akq
					a[k*n+q] = s*akp + c*akq
				}
				for k := 0; k < n; k++ {
					apk, aqk := a[p*n+k], a[q*n+k]
					a[p*n+k] = c*apk - s*aqk
					a[q*n+k] = s*apk + c*aqk
				}
				for k := 0; k < n; k++ {
					vkp, vkq := v[k*n+p], v[k*n+q]
					v[k*n+p] = c*vkp - s*vkq
					v[k*n+q] = s*vkp + c*vkq
				}
			}
		}
	}
	ev := make([]float64, n)
	for i := range ev {
		ev[i] = a[i*n+i]
	}
	return ev, v
}

// sphericalKMeans clusters the n unit vectors in x (n×dim, row-major; weights may be nil)
// into k clusters by cosine similarity. It returns each vector's cluster and the unit
// centroids (k×dim).
func sphericalKMeans(x []float64, dim int, weights []float64, k, iters int, rng *rand.Rand) ([]int, []float64) {
	n := len(x) / dim
	w := func(i int) float64 {
		if weights == nil {
			return 1
		}
		return weights[i]
	}
	cent := make([]float64, k*dim)
	// k-means++ seeding with distance 1 - cos.
	best := make([]float64, n)
	for i := range best {
		best[i] = math.Inf(1)
	}
	first := rng.IntN(n)
	copy(cent[:dim], x[first*dim:(first+1)*dim])
	for c := 1; c < k; c++ {
		prev := cent[(c-1)*dim : c*dim]
		total := 0.0
		for i := 0; i < n; i++ {
			d := max(1-dot(prev, x[i*dim:(i+1)*dim]), 0)
			if d < best[i] {
				best[i] = d
			}
			total += best[i] * best[i] * w(i)
		}
		pick := n - 1
		if total > 0 {
			r := rng.Float64() * total
			for i := 0; i < n; i++ {
				r -= best[i] * best[i] * w(i)
				if r <= 0 {
					pick = i
					break
				}
			}
		} else {
			pick = rng.IntN(n)
		}
		copy(cent[c*dim:(c+1)*dim], x[pick*dim:(pick+1)*dim])
	}
	assign := make([]int, n)
	sims := make([]float64, n)
	for i := range assign {
		assign[i] = -1
	}
	for it := 0; it < iters; it++ {
		changed := 0
		for i := 0; i < n; i++ {
			xi := x[i*dim : (i+1)*dim]
			bc, bs := 0, math.Inf(-1)
			for c := 0; c < k; c++ {
				if s := dot(xi, cent[c*dim:(c+1)*dim]); s > bs {
					bc, bs = c, s
				}
			}
			if assign[i] != bc {
				changed++
				assign[i] = bc
			}
			sims[i] = bs
		}
		clear(cent)
		count := make([]float64, k)
		for i := 0; i < n; i++ {
			c := assign[i]
			count[c] += w(i)
			cc := cent[c*dim : (c+1)*dim]
			for j, v := range x[i*dim : (i+1)*dim] {
				cc[j] += w(i) * v
			}
		}
		for c := 0; c < k; c++ {
			if count[c] == 0 {
				// Re-seed an empty cluster with the point least like its own centroid.
				worst := 0
				for i := 1; i < n; i++ {
					if sims[i] < sims[worst] {
						worst = i
					}
				}
				sims[worst] = math.Inf(1)
				copy(cent[c*dim:(c+1)*dim], x[worst*dim:(worst+1)*dim])
				continue
			}
			normalize(cent[c*dim : (c+1)*dim])
		}
		if changed*1000 < n {
			break
		}
	}
	return assign, cent
}
