package ner

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/tocsin-project/tocsin/internal/wordcluster"
)

// Word clusters are learnt from unlabelled text by internal/wordcluster (PPMI context
// vectors, a randomised SVD and spherical k-means at three levels, Fine, Mid and Coarse):
// exact word forms with a letter are clustered, by the lower-cased words around them.
type clusterConfig struct {
	MinCount           int
	MaxVocab           int
	Contexts           int
	Dim                int
	Fine, Mid, Coarse  int
	Iterations         int
	PowerIterations    int
	Seed1, Seed2       uint64
	MinCaseOccurrences int
}

var defaultClusterConfig = clusterConfig{
	MinCount: 3, MaxVocab: 50000, Contexts: 5000, Dim: 100,
	Fine: 1000, Mid: 128, Coarse: 16, Iterations: 20, PowerIterations: 2,
	Seed1: 0x746f6373, Seed2: 0x696e6e65, MinCaseOccurrences: 2,
}

// wordClusters is the result: each word's fine, mid and coarse cluster.
type wordClusters struct {
	Words             []string
	Fine, Mid, Coarse []uint16
}

// learnClusters clusters the words of u.
func learnClusters(u *unlabelled, cfg clusterConfig, progress io.Writer) *wordClusters {
	start := time.Now()
	lower := make([][]string, len(u.Sents))
	for i, s := range u.Sents {
		lower[i] = make([]string, len(s))
		for j, w := range s {
			lower[i][j] = strings.ToLower(w)
		}
	}
	c := wordcluster.Learn(u.Sents, lower, wordcluster.HasLetter, wordcluster.Config{
		MinCount: cfg.MinCount, MaxVocab: cfg.MaxVocab, Contexts: cfg.Contexts, Dim: cfg.Dim,
		Levels: []int{cfg.Fine, cfg.Mid, cfg.Coarse}, Iterations: cfg.Iterations,
		PowerIterations: cfg.PowerIterations, Seed1: cfg.Seed1, Seed2: cfg.Seed2,
	}, progress)
	V := len(c.Words)
	wc := &wordClusters{Words: c.Words, Fine: make([]uint16, V), Mid: make([]uint16, V), Coarse: make([]uint16, V)}
	for w := range c.Words {
		wc.Fine[w] = uint16(c.IDs[0][w])
		wc.Mid[w] = uint16(c.IDs[1][w])
		wc.Coarse[w] = uint16(c.IDs[2][w])
	}
	fmt.Fprintf(progress, "clusters: %d / %d / %d clusters (%.1fs)\n", c.Sizes[0], c.Sizes[1], c.Sizes[2], time.Since(start).Seconds())
	return wc
}

// caseStats computes, for each lower-cased word seen at least minOcc times in lower case
// or capitalised away from a sentence start, its capitalisation bucket.
func caseStats(u *unlabelled, minOcc int) map[string]uint8 {
	type counts struct{ lower, capital int }
	m := map[string]*counts{}
	for _, s := range u.Sents {
		for i, w := range s {
			if !wordcluster.HasLetter(w) {
				continue
			}
			lw := strings.ToLower(w)
			var isLower, isCap bool
			switch {
			case lw == w:
				isLower = true
			case i > 0 && wordcluster.HasLetter(s[i-1]) && !isAllUpper(w):
				r := []rune(w)[0]
				isCap = unicode.IsUpper(r)
			}
			if !isLower && !isCap {
				continue
			}
			c := m[lw]
			if c == nil {
				c = &counts{}
				m[lw] = c
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
		if total < minOcc {
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
