// Package proseeval runs github.com/jdkato/prose/v2's entity extractor as an
// ner.System, so that `go run ./ner/cmd/eval-ner -prose` and the speed benchmarks can
// compare tocsin's recogniser with it on the same data.
//
// It is a package of its own, outside ner, so that the tocsin command, which imports ner,
// links neither prose nor what prose brings with it (gonum, the sentences tokenizer).
package proseeval

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/ner"
)

// Evaluate scores prose on a labelled file, as ner.Evaluate scores tocsin's recogniser.
func Evaluate(ctx context.Context, path, format string) (ner.Report, error) {
	return ner.EvaluateSystem(ctx, System(), path, format)
}

// types maps prose's entity labels to tocsin's; other labels (FACILITY) are dropped.
var types = map[string]string{"PERSON": "PERSON", "GPE": "LOCATION", "GSP": "LOCATION", "LOCATION": "LOCATION", "ORGANIZATION": "ORG"}

// System returns prose as an ner.System named "prose". prose tokenises and tags text
// itself, so each document's text (gold words joined by spaces) is given to it, and its
// tokens are aligned to the gold tokens by position in the text; an entity is the gold
// tokens its tokens fall in. Entities are formed by prose's own chunking rules (followed
// here because prose reports entity text but not positions). prose's labels map as PERSON
// → PERSON, GPE, GSP and LOCATION → LOCATION, ORGANIZATION → ORG; FACILITY is dropped.
// Its model is loaded once, outside the timing. Elapsed covers prose's whole pipeline
// (tokenizer, tagger, entity extractor), since its extractor needs the tagger's output;
// the pipeline is then timed again without the extractor to give ExtractorElapsed.
func System() ner.System {
	return ner.System{Name: "prose", Find: find}
}

func find(ctx context.Context, docs []*doc.Document) (ner.Found, error) {
	warm, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false))
	if err != nil {
		return ner.Found{}, err
	}
	model := prose.UsingModel(warm.Model)
	results := make([]*prose.Document, len(docs))
	start := time.Now()
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return ner.Found{}, err
		}
		pd, err := prose.NewDocument(d.Text, model, prose.WithSegmentation(false))
		if err != nil {
			return ner.Found{}, err
		}
		results[i] = pd
	}
	f := ner.Found{Spans: make([][]ner.TokenSpan, len(docs)), Elapsed: time.Since(start)}
	start = time.Now()
	for _, d := range docs {
		if _, err := prose.NewDocument(d.Text, model, prose.WithSegmentation(false), prose.WithExtraction(false)); err != nil {
			return ner.Found{}, err
		}
	}
	f.ExtractorElapsed = f.Elapsed - time.Since(start)
	for i, d := range docs {
		f.Spans[i] = spans(d, results[i].Tokens())
	}
	return f, nil
}

// spans aligns prose's tokens to d's tokens and chunks them into entities with prose's
// rules (prose v2.0.0 extract.go, entityExtracter.chunk and parseEntities).
func spans(d *doc.Document, ptoks []prose.Token) []ner.TokenSpan {
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
	var out []ner.TokenSpan
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
		if mapped, ok := types[typ]; ok && a >= 0 && b >= a {
			out = append(out, ner.TokenSpan{Start: a, End: b + 1, Type: mapped})
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
