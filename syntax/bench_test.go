package syntax

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/segment"
)

// newsBench returns the news-bench corpus (real articles, read at run time and never
// copied) as tokenised documents, and its word count (whitespace-separated words, as
// tocsin bench counts them).
func newsBench(b *testing.B) ([]*doc.Document, int) {
	dir := sharedtest.Path(b, "data/news-bench")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no news-bench files in %s: %v", dir, err)
	}
	var docs []*doc.Document
	words := 0
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		text := segment.Normalize(string(data))
		toks := segment.Tokenize(text)
		docs = append(docs, &doc.Document{Text: text, Language: "en", Tokens: toks, Sentences: segment.Sentences(text, toks, segment.Paragraphs(text))})
		words += len(strings.Fields(text))
	}
	return docs, words
}

// BenchmarkStageNewsBench measures the syntax stage (tagging, lemmatising, parsing) on
// the 840 news-bench articles, already tokenised and split into sentences.
func BenchmarkStageNewsBench(b *testing.B) {
	st := stage(b)
	docs, words := newsBench(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if err := st.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkRepairsNewsBench measures the tree repairs alone (repair.go) on the news-bench
// articles, parsed once beforehand; words/s is comparable with BenchmarkStageNewsBench's.
func BenchmarkRepairsNewsBench(b *testing.B) {
	st := stage(b)
	docs, words := newsBench(b)
	ctx := context.Background()
	for _, d := range docs {
		if err := st.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	// The parser's own trees, restored before each pass so that every pass repairs them.
	type arc struct {
		head     int
		dep      string
		pos, tag string
	}
	saved := make([][]arc, len(docs))
	tr := getTree()
	defer putTree(tr)
	b.ReportAllocs()
	for b.Loop() {
		for di, d := range docs {
			if saved[di] == nil {
				saved[di] = make([]arc, len(d.Tokens))
				for i, t := range d.Tokens {
					saved[di][i] = arc{t.Head, t.Dep, t.POS, t.Tag}
				}
			}
			for i, a := range saved[di] {
				t := &d.Tokens[i]
				t.Head, t.Dep, t.POS, t.Tag = a.head, a.dep, a.pos, a.tag
			}
			for si := range d.Sentences {
				sn := &d.Sentences[si]
				if sn.FirstToken < sn.EndToken {
					tr.repairSentence(st.m, d, sn.FirstToken, sn.EndToken, sn)
				}
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
