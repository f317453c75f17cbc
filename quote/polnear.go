package quote

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/eval"
	"github.com/tocsin-project/tocsin/segment"
)

// Report is the result of EvaluatePolNeAR.
//
// An attribution is a (content span, source span) pair. Exact requires both spans to be
// equal (after trimming white space); Overlap requires the content spans to overlap and the
// source spans to overlap. An attribution without a source matches only one without a
// source. ContentExact and ContentOverlap compare content spans alone. Matching is one to
// one: each gold attribution takes the unmatched prediction whose content overlaps it most.
type Report struct {
	Articles       int
	Gold           int // gold attributions
	Predicted      int
	Exact          eval.Score
	Overlap        eval.Score
	ContentExact   eval.Score
	ContentOverlap eval.Score
}

func (r Report) String() string {
	return fmt.Sprintf("PolNeAR quotes: %d articles, %d gold attributions, %d predicted\n"+
		"  content+source exact    %v\n  content+source overlap  %v\n"+
		"  content exact           %v\n  content overlap         %v\n",
		r.Articles, r.Gold, r.Predicted, r.Exact, r.Overlap, r.ContentExact, r.ContentOverlap)
}

// pair is an attribution reduced to what is scored.
type pair struct {
	content, source doc.Span // source is zero when there is none
	cue             doc.Span
}

// EvaluatePolNeAR scores the stage against a PolNeAR split: dir holds text/NAME.txt and
// attributions/NAME_ANNOTATOR.ann (brat standoff, offsets in code points). When several
// annotators annotated an article, the first annotation file in name order is the gold.
// Each text is normalised as the pipeline does (segment.Normalize), gold offsets are
// mapped onto the normalised text, and the text and quotes stages run on it. Discontinuous
// gold spans (a quote split by its cue) are scored by their hull, as the stage's
// attributions are.
func EvaluatePolNeAR(dir string) (Report, error) {
	var r Report
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return r, err
	}
	if len(texts) == 0 {
		return r, fmt.Errorf("%s: no text/*.txt files: not a PolNeAR split", dir)
	}
	s, err := New()
	if err != nil {
		return r, err
	}
	for _, tf := range texts {
		name := strings.TrimSuffix(filepath.Base(tf), ".txt")
		anns, _ := filepath.Glob(filepath.Join(dir, "attributions", name+"_*.ann"))
		if len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		raw, err := os.ReadFile(tf)
		if err != nil {
			return r, err
		}
		orig := string(raw)
		norm := segment.Normalize(orig)
		gold, err := readBrat(anns[0], orig, alignOffsets(orig, norm), norm)
		if err != nil {
			return r, err
		}
		d := &doc.Document{Text: norm, Language: "en"}
		if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
			return r, fmt.Errorf("%s: %w", tf, err)
		}
		var pred []pair
		for _, a := range s.Extract(d) {
			pred = append(pred, pair{content: a.Content, source: a.Source})
		}
		r.Articles++
		r.Gold += len(gold)
		r.Predicted += len(pred)
		r.Exact.Add(match(gold, pred, norm, true, true))
		r.Overlap.Add(match(gold, pred, norm, false, true))
		r.ContentExact.Add(match(gold, pred, norm, true, false))
		r.ContentOverlap.Add(match(gold, pred, norm, false, false))
	}
	return r, nil
}

// match counts one-to-one matches between gold and predicted attributions.
func match(gold, pred []pair, text string, exact, withSource bool) eval.Score {
	same := func(g, p doc.Span, isSource bool) bool {
		if isSource && (g == doc.Span{} || p == doc.Span{}) {
			return g == p
		}
		if exact {
			return trim(text, g) == trim(text, p)
		}
		return overlap(g, p) > 0
	}
	used := make([]bool, len(pred))
	tp := 0
	for _, g := range gold {
		best, bestOv := -1, 0
		for k, p := range pred {
			if used[k] || !same(g.content, p.content, false) || withSource && !same(g.source, p.source, true) {
				continue
			}
			if ov := overlap(g.content, p.content); best < 0 || ov > bestOv {
				best, bestOv = k, ov
			}
		}
		if best >= 0 {
			used[best] = true
			tp++
		}
	}
	return eval.Score{TP: tp, FP: len(pred) - tp, FN: len(gold) - tp}
}

func overlap(a, b doc.Span) int {
	return max(0, min(a.End, b.End)-max(a.Start, b.Start))
}

// trim narrows s to exclude white space at either end.
func trim(text string, s doc.Span) doc.Span {
	for s.Start < s.End && (text[s.Start] == ' ' || text[s.Start] == '\n') {
		s.Start++
	}
	for s.End > s.Start && (text[s.End-1] == ' ' || text[s.End-1] == '\n') {
		s.End--
	}
	return s
}

// readBrat reads the attributions of a PolNeAR .ann file, mapping code-point offsets in
// orig to byte offsets in the normalised text through m.
func readBrat(path, orig string, m []int, norm string) ([]pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	byteAt := runeOffsets(orig)
	spans := map[string]doc.Span{}
	var links [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 {
			continue
		}
		switch fields[0][0] {
		case 'T':
			label, locs, _ := strings.Cut(fields[1], " ")
			if label != "Source" && label != "Cue" && label != "Content" {
				continue
			}
			var s doc.Span
			for k, loc := range strings.Split(locs, ";") {
				a, b, _ := strings.Cut(loc, " ")
				start, err1 := strconv.Atoi(a)
				end, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || start < 0 || end < start || end >= len(byteAt) {
					return nil, fmt.Errorf("%s:%d: bad offsets %q", path, n, locs)
				}
				bs, be := m[byteAt[start]], m[byteAt[end]]
				if k == 0 || bs < s.Start {
					s.Start = bs
				}
				s.End = max(s.End, be)
			}
			spans[fields[0]] = trim(norm, s)
		case 'E':
			links = append(links, strings.Fields(fields[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []pair
	for _, l := range links {
		var p pair
		for _, arg := range l {
			role, id, _ := strings.Cut(arg, ":")
			switch role {
			case "Content":
				p.content = hull(p.content, spans[id])
			case "Source":
				p.source = hull(p.source, spans[id])
			case "Cue":
				p.cue = hull(p.cue, spans[id])
			}
		}
		if p.content.Len() > 0 {
			out = append(out, p)
		}
	}
	return out, nil
}

func hull(a, b doc.Span) doc.Span {
	if a.Len() == 0 {
		return b
	}
	if b.Len() == 0 {
		return a
	}
	return doc.Span{Start: min(a.Start, b.Start), End: max(a.End, b.End)}
}

// runeOffsets returns the byte offset of every code point of s, and len(s) at the end.
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// alignOffsets maps every byte offset of orig to the matching offset of norm, which is
// orig after segment.Normalize: normalisation drops characters and rewrites white space
// but keeps every other character in order.
func alignOffsets(orig, norm string) []int {
	m := make([]int, len(orig)+1)
	i, j := 0, 0
	for i < len(orig) {
		if j < len(norm) && orig[i] == norm[j] {
			m[i] = j
			i, j = i+1, j+1
			continue
		}
		r, n := utf8.DecodeRuneInString(orig[i:])
		if j < len(norm) && !unicode.IsSpace(r) && (norm[j] == ' ' || norm[j] == '\n') {
			j++ // white space the normaliser put where orig has none of its own kind
			continue
		}
		// A character normalisation dropped or rewrote (white space, controls, NFC).
		skipNorm := !unicode.IsSpace(r) && !unicode.IsControl(r) && !unicode.Is(unicode.Mn, r) && r != '\u00ad' && r != '\u200b' && r != '\ufeff'
		for k := i; k < i+n; k++ {
			m[k] = j
		}
		i += n
		if skipNorm && j < len(norm) {
			_, nn := utf8.DecodeRuneInString(norm[j:])
			j += nn
		}
	}
	m[len(orig)] = j
	return m
}
