package syntax

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Report is the accuracy of a model on a CoNLL-U file, with the file's own tokenisation
// (gold words) and the model's own tags (the parser never sees gold tags).
type Report struct {
	File      string
	Sentences int
	Words     int
	// Tagging and lemma accuracy over all words.
	UPOS, XPOS, Lemma float64
	// Attachment scores over all words, punctuation included: UAS counts the right head,
	// LAS the right head and full relation (subtypes such as nsubj:pass included), and
	// LASUniversal the right head and the relation's universal part (nsubj).
	UAS, LAS, LASUniversal float64
	// The same over words whose gold UPOS is not PUNCT, as the CoNLL 2018 shared task did.
	UASNoPunct, LASNoPunct float64
	// RawUAS and RawLAS are UAS and LAS (punctuation included) of the parser's own trees,
	// before the repairs (repair.go); Repairs counts the sentences each repair changed.
	RawUAS, RawLAS float64
	Repairs        map[string]int
	Elapsed        time.Duration // tagging, lemmatising, parsing and repairing time
}

// WordsPerSecond is the speed of the analysis, one core.
func (r Report) WordsPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Words) / r.Elapsed.Seconds()
}

func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d sentences, %d words (gold tokenisation, predicted tags)\n", r.File, r.Sentences, r.Words)
	fmt.Fprintf(&b, "UPOS %.2f%%  XPOS %.2f%%  lemma %.2f%%\n", 100*r.UPOS, 100*r.XPOS, 100*r.Lemma)
	fmt.Fprintf(&b, "with punctuation:    UAS %.2f%%  LAS %.2f%%  (universal relations only: LAS %.2f%%)\n", 100*r.UAS, 100*r.LAS, 100*r.LASUniversal)
	fmt.Fprintf(&b, "without punctuation: UAS %.2f%%  LAS %.2f%%\n", 100*r.UASNoPunct, 100*r.LASNoPunct)
	fmt.Fprintf(&b, "parser alone, before the tree repairs: UAS %.2f%%  LAS %.2f%% (with punctuation)\n", 100*r.RawUAS, 100*r.RawLAS)
	b.WriteString("sentences repaired:")
	for _, name := range RepairNames() {
		fmt.Fprintf(&b, " %s %d", name, r.Repairs[name])
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "speed: %.0f words/s", r.WordsPerSecond())
	return b.String()
}

// Evaluate tags, lemmatises, parses and repairs every sentence of a CoNLL-U file with m,
// as the stage does, and compares the result, and the parser's own before the repairs,
// with the file's annotation.
func Evaluate(ctx context.Context, m *Model, conlluPath string) (Report, error) {
	sents, err := ReadCoNLLU(conlluPath)
	if err != nil {
		return Report{}, err
	}
	r := Report{File: conlluPath, Sentences: len(sents), Repairs: map[string]int{}}
	var upos, xpos, lemma, uas, las, lasU, wordsNP, uasNP, lasNP, rawUAS, rawLAS int
	outs := make([][]Word, len(sents))
	raws := make([][]Word, len(sents))
	start := time.Now()
	for i := range sents {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return r, err
			}
		}
		raws[i] = m.Analyze(sents[i].Form)
		outs[i] = slices.Clone(raws[i])
		for _, name := range m.repairWords(outs[i]) {
			r.Repairs[name]++
		}
	}
	r.Elapsed = time.Since(start)
	for i := range sents {
		s := &sents[i]
		for j, w := range raws[i] {
			if w.Head == s.Head[j] {
				rawUAS++
				if w.Dep == s.Deprel[j] {
					rawLAS++
				}
			}
		}
		for j, w := range outs[i] {
			r.Words++
			if w.POS == s.UPOS[j] {
				upos++
			}
			if w.Tag == s.XPOS[j] {
				xpos++
			}
			if w.Lemma == s.Lemma[j] {
				lemma++
			}
			punct := s.UPOS[j] == "PUNCT"
			if !punct {
				wordsNP++
			}
			if w.Head != s.Head[j] {
				continue
			}
			uas++
			if !punct {
				uasNP++
			}
			if w.Dep == s.Deprel[j] {
				las++
				if !punct {
					lasNP++
				}
			}
			if universal(w.Dep) == universal(s.Deprel[j]) {
				lasU++
			}
		}
	}
	n := float64(max(r.Words, 1))
	r.UPOS, r.XPOS, r.Lemma = float64(upos)/n, float64(xpos)/n, float64(lemma)/n
	r.UAS, r.LAS, r.LASUniversal = float64(uas)/n, float64(las)/n, float64(lasU)/n
	r.RawUAS, r.RawLAS = float64(rawUAS)/n, float64(rawLAS)/n
	np := float64(max(wordsNP, 1))
	r.UASNoPunct, r.LASNoPunct = float64(uasNP)/np, float64(lasNP)/np
	return r, nil
}

// universal returns the universal part of a relation: "nsubj" for "nsubj:pass".
func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}
