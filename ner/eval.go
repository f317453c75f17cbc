package ner

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/eval"
)

// Report is an entity-level evaluation: a predicted entity is correct when its token span
// and type both equal a gold entity's.
//
// Gold types: CoNLL-2003 PER, ORG, LOC become PERSON, ORG, LOCATION; its MISC names
// become NORP when every word is a nationality or group name in the gazetteer, and other
// MISC names are left out of the gold (a prediction on one counts as a false positive).
// Universal NER annotates neither nationalities nor groups, so on UNER files predicted
// NORP entities are ignored and its OTH names are left out of the gold; PER, ORG and LOC
// are scored.
type Report struct {
	System    string // "tocsin", or the System compared with it
	Path      string
	Format    string
	Documents int
	Sentences int
	Tokens    int
	Words     int // tokens with a letter or digit
	Types     []string
	ByType    map[string]eval.Score
	Overall   eval.Score
	// Elapsed is the time spent finding entities, not reading files or scoring; for a
	// system whose extractor needs its own tokenizer and tagger, ExtractorElapsed is the
	// extractor's part of it (see Found).
	Elapsed          time.Duration
	ExtractorElapsed time.Duration
}

// WordsPerSecond is Words / Elapsed.
func (r Report) WordsPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Words) / r.Elapsed.Seconds()
}

// String formats the report as a small table.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s on %s (%s): %d documents, %d sentences, %d tokens, %d words\n", r.System, r.Path, r.Format, r.Documents, r.Sentences, r.Tokens, r.Words)
	for _, t := range r.Types {
		fmt.Fprintf(&b, "  %-9s %v\n", t, r.ByType[t])
	}
	fmt.Fprintf(&b, "  %-9s %v\n", "overall", r.Overall)
	fmt.Fprintf(&b, "  speed     %.0f words/s", r.WordsPerSecond())
	if r.ExtractorElapsed > 0 {
		fmt.Fprintf(&b, " (whole pipeline); entity extractor alone %.0f words/s", float64(r.Words)/r.ExtractorElapsed.Seconds())
	}
	b.WriteString("\n")
	return b.String()
}

// span is an entity over tokens [start, end) of a document.
type span struct {
	start, end int
	typ        string
}

// evalDoc is a gold document turned into a tocsin document with its tokens.
type evalDoc struct {
	d    *doc.Document
	gold []span
}

// loadEval reads a labelled file into documents whose text is the words joined by spaces,
// sentences by newlines, with the gold words as tokens.
func loadEval(path, format string, g *gazetteer) ([]evalDoc, []string, error) {
	format, err := normalizeFormat(format)
	if err != nil {
		return nil, nil, err
	}
	docs, err := readLabelled(path, format)
	if err != nil {
		return nil, nil, err
	}
	types := []string{"PERSON", "ORG", "LOCATION", "NORP"}
	if format == FormatUNER {
		types = types[:3]
	}
	var out []evalDoc
	for _, ld := range docs {
		var text strings.Builder
		d := &doc.Document{Language: "en"}
		var gold []span
		for si, s := range ld.Sents {
			if si > 0 {
				text.WriteByte('\n')
			}
			first := len(d.Tokens)
			sStart := text.Len()
			for i, w := range s.Words {
				if i > 0 {
					text.WriteByte(' ')
				}
				st := text.Len()
				text.WriteString(w)
				d.Tokens = append(d.Tokens, doc.Token{Text: w, Span: doc.Span{Start: st, End: text.Len()}, Kind: kindOf(w), SpaceBefore: i > 0})
			}
			d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: sStart, End: text.Len()}, FirstToken: first, EndToken: len(d.Tokens)})
			for _, sp := range s.Spans {
				typ := ""
				switch sp.Type {
				case "PER":
					typ = "PERSON"
				case "ORG":
					typ = "ORG"
				case "LOC":
					typ = "LOCATION"
				case "MISC":
					if format == FormatCoNLL && isNORP(s.Words[sp.Start:sp.End], g) {
						typ = "NORP"
					}
				}
				if typ != "" {
					gold = append(gold, span{first + sp.Start, first + sp.End, typ})
				}
			}
		}
		d.Text = text.String()
		for i := range d.Sentences {
			d.Sentences[i].Text = d.Text[d.Sentences[i].Start:d.Sentences[i].End]
		}
		out = append(out, evalDoc{d: d, gold: gold})
	}
	return out, types, nil
}

// kindOf classifies a gold token the way the tokenizer would.
func kindOf(w string) doc.TokenKind {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") || strings.HasPrefix(w, "www."):
		return doc.URL
	case r == '#' && len(w) > 1:
		r2, _ := utf8.DecodeRuneInString(w[1:])
		if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
			return doc.Hashtag
		}
		return doc.Punct
	case unicode.IsDigit(r):
		return doc.Number
	case unicode.IsLetter(r):
		return doc.Word
	case unicode.IsPunct(r):
		for _, c := range w {
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				return doc.Word
			}
		}
		return doc.Punct
	}
	return doc.Symbol
}

func countWords(d *doc.Document) int {
	n := 0
	for _, t := range d.Tokens {
		if t.Kind == doc.Word || t.Kind == doc.Number {
			n++
		}
	}
	return n
}

// score compares predicted with gold spans, per type.
func score(r *Report, gold, pred []span) {
	key := func(s span) string { return fmt.Sprintf("%d:%d:%s", s.start, s.end, s.typ) }
	g := map[string]bool{}
	for _, s := range gold {
		g[key(s)] = true
	}
	matched := map[string]bool{}
	for _, s := range pred {
		sc := r.ByType[s.typ]
		if g[key(s)] && !matched[key(s)] {
			sc.TP++
			matched[key(s)] = true
		} else {
			sc.FP++
		}
		r.ByType[s.typ] = sc
	}
	for _, s := range gold {
		if !matched[key(s)] {
			sc := r.ByType[s.typ]
			sc.FN++
			r.ByType[s.typ] = sc
		}
	}
}

func newReport(system, path, format string, docs []evalDoc, types []string) Report {
	format, _ = normalizeFormat(format)
	r := Report{System: system, Path: path, Format: format, Documents: len(docs), Types: types, ByType: map[string]eval.Score{}}
	for _, e := range docs {
		r.Sentences += len(e.d.Sentences)
		r.Tokens += len(e.d.Tokens)
		r.Words += countWords(e.d)
	}
	return r
}

func (r *Report) total() {
	r.Overall = eval.Score{}
	for _, t := range r.Types {
		r.Overall.Add(r.ByType[t])
	}
}

// TokenSpan is an entity over the tokens [Start, End) of an evaluation document, as a
// System reports it.
type TokenSpan struct {
	Start, End int
	Type       string
}

// Found is what a System found in the evaluation documents: the entities of each
// document, and the time spent finding them (not reading files or scoring).
type Found struct {
	Spans [][]TokenSpan
	// Elapsed is the time spent finding entities. ExtractorElapsed, when the system can
	// tell it apart, is the part of it spent in the entity extractor alone (for a system
	// whose extractor needs its own tokenizer and tagger first).
	Elapsed, ExtractorElapsed time.Duration
}

// A System is an entity recogniser that EvaluateSystem scores: Find is given the
// documents of a labelled file (the gold words as tokens, text the words joined by spaces
// and sentences by newlines) and returns the entities it finds in each. tocsin's own
// recogniser is one (Evaluate); others, for comparison, live outside this package so
// that their code is not linked into programs that only run the stage.
type System struct {
	Name string
	Find func(ctx context.Context, docs []*doc.Document) (Found, error)
}

// Evaluate scores m on a labelled file (format FormatCoNLL or FormatUNER), feeding the
// gold tokens and sentences to the stage, so spans align without re-tokenising. See
// Report for how types are mapped.
func Evaluate(ctx context.Context, m *Model, path, format string) (Report, error) {
	return evaluate(ctx, System{Name: "tocsin", Find: NewStage(m).find}, m.res.gaz, path, format)
}

// EvaluateSystem scores sys on a labelled file as Evaluate scores tocsin's recogniser,
// with the gold's NORP read by the embedded gazetteer.
func EvaluateSystem(ctx context.Context, sys System, path, format string) (Report, error) {
	ents, err := parseGazetteer(bytes.NewReader(gazetteerTSV))
	if err != nil {
		return Report{}, err
	}
	return evaluate(ctx, sys, newGazetteer(ents), path, format)
}

func evaluate(ctx context.Context, sys System, g *gazetteer, path, format string) (Report, error) {
	docs, types, err := loadEval(path, format, g)
	if err != nil {
		return Report{}, err
	}
	r := newReport(sys.Name, path, format, docs, types)
	ds := make([]*doc.Document, len(docs))
	for i, e := range docs {
		ds[i] = e.d
	}
	found, err := sys.Find(ctx, ds)
	if err != nil {
		return Report{}, fmt.Errorf("%s on %s: %w", sys.Name, path, err)
	}
	if len(found.Spans) != len(docs) {
		return Report{}, fmt.Errorf("%s on %s: entities for %d documents, want %d", sys.Name, path, len(found.Spans), len(docs))
	}
	r.Elapsed, r.ExtractorElapsed = found.Elapsed, found.ExtractorElapsed
	for i, e := range docs {
		var pred []span
		for _, s := range found.Spans[i] {
			if slices.Contains(types, s.Type) { // not NORP on UNER
				pred = append(pred, span{s.Start, s.End, s.Type})
			}
		}
		score(&r, e.gold, pred)
	}
	r.total()
	return r, nil
}

// find is the stage as a System: it annotates each document and returns its entities as
// token spans.
func (s *Stage) find(ctx context.Context, docs []*doc.Document) (Found, error) {
	start := time.Now()
	for _, d := range docs {
		if err := s.Annotate(ctx, d); err != nil {
			return Found{}, err
		}
	}
	f := Found{Spans: make([][]TokenSpan, len(docs)), Elapsed: time.Since(start)}
	for i, d := range docs {
		byStart := map[int]int{}
		byEnd := map[int]int{}
		for k, t := range d.Tokens {
			byStart[t.Start] = k
			byEnd[t.End] = k + 1
		}
		for _, en := range d.Entities {
			f.Spans[i] = append(f.Spans[i], TokenSpan{byStart[en.Start], byEnd[en.End], en.Type})
		}
	}
	return f, nil
}
