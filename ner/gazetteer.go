package ner

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/internal/fhash"
)

// Gazetteer kinds. A phrase may have several.
const (
	gazPER = iota
	gazORG
	gazLOC
	gazNORP
	numGaz
)

var gazKinds = [numGaz]string{"PER", "ORG", "LOC", "NORP"}

// maxPhraseTokens bounds the length of a gazetteer phrase.
const maxPhraseTokens = 8

// gazEntry is one line of gazetteer.tsv: a lower-cased phrase, its tokens joined by
// single spaces, and its kind.
type gazEntry struct {
	Kind   uint8
	Phrase string
}

// parseGazetteer reads the gazetteer's text form: "KIND<TAB>phrase" lines, '#' comments.
func parseGazetteer(r io.Reader) ([]gazEntry, error) {
	var out []gazEntry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		k, p, ok := strings.Cut(s, "\t")
		kind := slices.Index(gazKinds[:], k)
		if !ok || kind < 0 || p == "" {
			return nil, fmt.Errorf("gazetteer line %d: want KIND<TAB>phrase with KIND one of %v, got %q", line, gazKinds, s)
		}
		out = append(out, gazEntry{Kind: uint8(kind), Phrase: p})
	}
	return out, sc.Err()
}

// gazetteer matches phrases over a sentence's lower-cased token hashes.
type gazetteer struct {
	phrases map[uint64]uint8 // phrase hash → bit mask of kinds
	starts  map[uint64]uint8 // first token → longest phrase starting with it
	names   map[uint64]uint8 // token → nameFirst | nameLast
}

// Bits of gazetteer.names: tokens seen first or last in two or more multi-word person names.
const (
	nameFirst = 1 << iota
	nameLast
)

// phraseHash folds token hashes into the key of a phrase.
func phraseHash(h uint64, next uint64) uint64 { return fhash.Mix(h, next) }

func newGazetteer(entries []gazEntry) *gazetteer {
	g := &gazetteer{phrases: make(map[uint64]uint8, len(entries)), starts: make(map[uint64]uint8), names: make(map[uint64]uint8)}
	firsts, lasts := map[uint64]int{}, map[uint64]int{}
	for _, e := range entries {
		toks := strings.Split(e.Phrase, " ")
		if len(toks) > maxPhraseTokens {
			continue
		}
		h := fhash.Lower(toks[0])
		for _, t := range toks[1:] {
			h = phraseHash(h, fhash.Lower(t))
		}
		g.phrases[h] |= 1 << e.Kind
		f := fhash.Lower(toks[0])
		if uint8(len(toks)) > g.starts[f] {
			g.starts[f] = uint8(len(toks))
		}
		if e.Kind == gazPER && len(toks) >= 2 {
			firsts[f]++
			lasts[fhash.Lower(toks[len(toks)-1])]++
		}
	}
	for h, n := range firsts {
		if n >= 2 {
			g.names[h] |= nameFirst
		}
	}
	for h, n := range lasts {
		if n >= 2 {
			g.names[h] |= nameLast
		}
	}
	return g
}

// BILU codes of a token inside a match.
const (
	gazNone = iota
	gazB
	gazI
	gazL
	gazU
)

// match writes into codes[i][k] the position of token i in the longest match of kind k
// that covers it, matching left to right. lower holds the tokens' lower-case hashes.
func (g *gazetteer) match(lower []uint64, codes [][numGaz]uint8) {
	var coverEnd [numGaz]int
	for i := range lower {
		codes[i] = [numGaz]uint8{}
	}
	for i := range lower {
		maxLen := int(g.starts[lower[i]])
		if maxLen == 0 {
			continue
		}
		var best [numGaz]int
		h := lower[i]
		for n := 1; n <= maxLen && i+n <= len(lower); n++ {
			if n > 1 {
				h = phraseHash(h, lower[i+n-1])
			}
			if m := g.phrases[h]; m != 0 {
				for k := range numGaz {
					if m&(1<<k) != 0 {
						best[k] = n
					}
				}
			}
		}
		for k := range numGaz {
			n := best[k]
			if n == 0 || coverEnd[k] > i {
				continue
			}
			coverEnd[k] = i + n
			if n == 1 {
				codes[i][k] = gazU
				continue
			}
			codes[i][k] = gazB
			for j := i + 1; j < i+n-1; j++ {
				codes[j][k] = gazI
			}
			codes[i+n-1][k] = gazL
		}
	}
}

// lookup reports the kinds of an exact phrase given as token hashes.
func (g *gazetteer) lookup(lower []uint64) uint8 {
	if len(lower) == 0 {
		return 0
	}
	h := lower[0]
	for _, t := range lower[1:] {
		h = phraseHash(h, t)
	}
	return g.phrases[h]
}

// Name kinds KnownNames gives a word.
const (
	NotName    = iota // no gazetteer name covers the word
	OneWord           // a name of one word ("Lesotho", "Hezbollah")
	InLongName        // a word of a name of two or more words ("New York", "Theresa May")
)

// KnownNames returns, for each of words (in any case), whether a name of the gazetteer
// covers it, as NotName, OneWord or InLongName; a word inside a longer name is InLongName
// even when it is a name of its own. The truecase stage asks it which words of a
// title-case headline are names.
func (m *Model) KnownNames(words []string) []int {
	lower := make([]uint64, len(words))
	for i, w := range words {
		lower[i] = fhash.Lower(w)
	}
	codes := make([][numGaz]uint8, len(words))
	m.res.gaz.match(lower, codes)
	out := make([]int, len(words))
	for i, c := range codes {
		for _, p := range c {
			switch p {
			case gazB, gazI, gazL:
				out[i] = InLongName
			case gazU:
				out[i] = max(out[i], OneWord)
			}
		}
	}
	return out
}

// WrittenLower reports whether word, in any case, is written in lower case half the time
// or more, away from a sentence's start, in the unlabelled text the model's
// capitalisation statistics were counted on; known is false when it was seen fewer than
// twice. The truecase stage asks it of the words of title-case headlines.
func (m *Model) WrittenLower(word string) (lower, known bool) {
	b, ok := m.res.caseStat[fhash.Lower(word)]
	if !ok || b == caseUnseen {
		return false, false
	}
	return b == caseLower || b == caseMostLow, true
}
