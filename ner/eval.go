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

	"github.com/jdkato/prose/v2"

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
	System    string // "tocsin" or "prose"
	Path      string
	Format    string
	Documents int
	Sentences int
	Tokens    int
	Words     int // tokens with a letter or digit
	Types     []string
	ByType    map[string]eval.Score
	Overall   eval.Score
	// Elapsed is the time spent finding entities, not reading files or scoring. For prose
	// it covers its whole pipeline (tokenizer, tagger, entity extractor), since its
	// extractor needs the tagger's output; PipelineElapsed without the extractor, measured
	// separately, gives ExtractorElapsed.
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

// Evaluate scores m on a labelled file (format FormatCoNLL or FormatUNER), feeding the
// gold tokens and sentences to the stage, so spans align without re-tokenising. See
// Report for how types are mapped.
func Evaluate(ctx context.Context, m *Model, path, format string) (Report, error) {
	docs, types, err := loadEval(path, format, m.res.gaz)
	if err != nil {
		return Report{}, err
	}
	r := newReport("tocsin", path, format, docs, types)
	st := NewStage(m)
	preds := make([][]span, len(docs))
	start := time.Now()
	for i, e := range docs {
		if err := st.Annotate(ctx, e.d); err != nil {
			return Report{}, err
		}
		_ = i
	}
	r.Elapsed = time.Since(start)
	for i, e := range docs {
		byStart := map[int]int{}
		byEnd := map[int]int{}
		for k, t := range e.d.Tokens {
			byStart[t.Start] = k
			byEnd[t.End] = k + 1
		}
		for _, en := range e.d.Entities {
			if !slices.Contains(types, en.Type) {
				continue // NORP on UNER
			}
			preds[i] = append(preds[i], span{byStart[en.Start], byEnd[en.End], en.Type})
		}
		score(&r, e.gold, preds[i])
	}
	r.total()
	return r, nil
}

// proseTypes maps prose's entity labels to tocsin's; other labels are dropped.
var proseTypes = map[string]string{"PERSON": "PERSON", "GPE": "LOCATION", "GSP": "LOCATION", "LOCATION": "LOCATION", "ORGANIZATION": "ORG"}

// EvaluateProse scores github.com/jdkato/prose/v2's entity extractor on the same data as
// Evaluate. prose tokenises and tags text itself, so each document's text (gold words
// joined by spaces) is given to it, and its tokens are aligned to the gold tokens by
// position in the text; an entity is the gold tokens its tokens fall in. Entities are
// formed by prose's own chunking rules (replicated here because prose reports entity text
// but not positions). prose's labels map as PERSON → PERSON, GPE, GSP and LOCATION → LOCATION, ORGANIZATION → ORG; FACILITY is
// dropped. Its model is loaded once, outside the timing.
func EvaluateProse(ctx context.Context, path, format string) (Report, error) {
	ents, err := parseGazetteer(bytes.NewReader(gazetteerTSV))
	if err != nil {
		return Report{}, err
	}
	docs, types, err := loadEval(path, format, newGazetteer(ents))
	if err != nil {
		return Report{}, err
	}
	r := newReport("prose", path, format, docs, types)
	warm, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false))
	if err != nil {
		return Report{}, err
	}
	model := prose.UsingModel(warm.Model)
	results := make([]*prose.Document, len(docs))
	start := time.Now()
	for i, e := range docs {
		if err := ctx.Err(); err != nil {
			return Report{}, err
		}
		pd, err := prose.NewDocument(e.d.Text, model, prose.WithSegmentation(false))
		if err != nil {
			return Report{}, err
		}
		results[i] = pd
	}
	r.Elapsed = time.Since(start)
	start = time.Now()
	for _, e := range docs {
		if _, err := prose.NewDocument(e.d.Text, model, prose.WithSegmentation(false), prose.WithExtraction(false)); err != nil {
			return Report{}, err
		}
	}
	r.ExtractorElapsed = r.Elapsed - time.Since(start)
	for i, e := range docs {
		pred := proseSpans(e.d, results[i].Tokens())
		kept := pred[:0]
		for _, s := range pred {
			if slices.Contains(types, s.typ) {
				kept = append(kept, s)
			}
		}
		score(&r, e.gold, kept)
	}
	r.total()
	return r, nil
}

// proseSpans aligns prose's tokens to d's tokens and chunks them into entities with
// prose's rules (prose v2.0.0 extract.go, entityExtracter.chunk and parseEntities).
func proseSpans(d *doc.Document, ptoks []prose.Token) []span {
	// Gold token of each prose token, by the position of its text in d.Text.
	tokAt := make([]int, len(d.Text)+1)
	for i := range tokAt {
		tokAt[i] = -1
	}
	for k, t := range d.Tokens {
		for p := t.Start; p < t.End; p++ {
			tokAt[p] = k
		}
	}
	gi := make([]int, len(ptoks))
	pos := 0
	for i, pt := range ptoks {
		gi[i] = -1
		j := strings.Index(d.Text[pos:], pt.Text)
		if j < 0 || j > 20 {
			if i > 0 {
				gi[i] = gi[i-1]
			}
			continue
		}
		gi[i] = tokAt[pos+j]
		pos += j + len(pt.Text)
	}
	var out []span
	var parts []int
	end := ""
	emit := func() {
		labels := make([]string, len(parts))
		for k, p := range parts {
			labels[k] = ptoks[p].Label
		}
		typ := ""
		if len(labels) == 2 && slices.Contains(labels, "B-PERSON") {
			typ = "PERSON"
		} else if _, t, ok := strings.Cut(labels[0], "-"); ok {
			typ = t
		}
		a, b := gi[parts[0]], gi[parts[len(parts)-1]]
		if mapped, ok := proseTypes[typ]; ok && a >= 0 && b >= a {
			out = append(out, span{a, b + 1, mapped})
		}
	}
	for i, tok := range ptoks {
		label := tok.Label
		n := len(parts)
		if (label != "O" && label != end) || (n > 0 && tok.Tag == ptoks[parts[n-1]].Tag) || (n > 0 && tok.Tag == "CD" && ptoks[parts[n-1]].Label != "O") {
			end = strings.Replace(label, "B", "I", 1)
			parts = append(parts, i)
		} else if (label == "O" && end != "") || label == end {
			if label != "O" {
				parts = append(parts, i)
			}
			emit()
			end = ""
			parts = parts[:0]
		}
	}
	return out
}
