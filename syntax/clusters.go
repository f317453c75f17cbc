package syntax

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/wordcluster"
	"github.com/tocsin-project/tocsin/segment"
)

// Word clusters and capitalisation statistics from unlabelled text tell the tagger and
// the parser how a word the treebank never saw is used: that "Zeinab" is written with a
// capital mid-sentence and appears where names of people do, or that "airstrike" appears
// where "attack" does. The clusters are learnt by internal/wordcluster (PPMI context
// vectors, a randomised SVD and spherical k-means at two levels, Fine and Mid), over
// lower-case words.
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

// learnLexicon clusters the lower-cased words of sents and counts their capitalisation.
func learnLexicon(sents [][]string, cfg clusterConfig, progress io.Writer) []clusterEntry {
	start := time.Now()
	lower := make([][]string, len(sents))
	var buf []byte
	for i, s := range sents {
		ls := make([]string, len(s))
		for j, w := range s {
			buf = lowerNorm(buf[:0], w)
			ls[j] = string(buf)
		}
		lower[i] = ls
	}
	c := wordcluster.Learn(lower, nil, nil, wordcluster.Config{
		MinCount: cfg.MinCount, MaxVocab: cfg.MaxVocab, Contexts: cfg.Contexts, Dim: cfg.Dim,
		Levels: []int{cfg.Fine, cfg.Mid}, Iterations: cfg.Iterations,
		PowerIterations: cfg.PowerIters, Seed1: cfg.Seed1, Seed2: cfg.Seed2,
	}, progress)
	V := len(c.Words)
	wid := make(map[string]bool, V)
	cases := caseStats(sents)
	out := make([]clusterEntry, V)
	for w, word := range c.Words {
		wid[word] = true
		out[w] = clusterEntry{Word: word, Fine: uint16(c.IDs[0][w] + 1), Mid: uint16(c.IDs[1][w] + 1), Case: cases[word]}
	}
	// Words too rare to cluster keep their capitalisation class.
	for w, class := range cases {
		if !wid[w] {
			out = append(out, clusterEntry{Word: w, Case: class})
		}
	}
	slices.SortFunc(out, func(a, b clusterEntry) int { return strings.Compare(a.Word, b.Word) })
	fmt.Fprintf(progress, "clusters: %d / %d clusters, %d words with a capitalisation class (%.1fs)\n", c.Sizes[0], c.Sizes[1], len(cases), time.Since(start).Seconds())
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
			if !wordcluster.HasLetter(w) {
				continue
			}
			buf = lowerNorm(buf[:0], w)
			var isLower, isCap bool
			switch {
			case string(buf) == w:
				isLower = true
			case i > 0 && wordcluster.HasLetter(s[i-1]) && strings.ToUpper(w) != w:
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
