package ner

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/segment"
)

// benchText is news-like text written for the benchmarks, about 3,000 words.
var benchText = strings.Repeat("Foreign ministers from Norway and Chile met in Geneva on Monday to discuss the "+
	"ceasefire, a spokesman for the United Nations said. Maria Lindqvist, who leads the Norwegian "+
	"delegation, told reporters that talks with the Red Crescent had gone well. \"We are not there yet,\" "+
	"she said. Officials in Santiago declined to comment. The European Union pledged 40 million euros in "+
	"aid, while Chilean and Argentine engineers began repairing the bridge near Valparaiso. Shares in "+
	"Andes Copper Corp fell 3.5% after the company said its mine in the Atacama desert would close for "+
	"a week. Mr Okafor, a senior analyst at Lagos-based Harbour Capital, said investors were nervous.\n\n", 30)

func benchWords() int { return len(strings.Fields(benchText)) }

func benchDoc() *doc.Document {
	text := segment.Normalize(benchText)
	toks := segment.Tokenize(text)
	return &doc.Document{Text: text, Language: "en", Tokens: toks, Sentences: segment.Sentences(text, toks, segment.Paragraphs(text))}
}

// BenchmarkEntities measures the entities stage alone, on tokenised and segmented text.
func BenchmarkEntities(b *testing.B) {
	st, err := New()
	if err != nil {
		b.Fatal(err)
	}
	d := benchDoc()
	ctx := context.Background()
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		if err := st.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchWords()*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkProse measures github.com/jdkato/prose/v2 on the same text: its tokenizer,
// tagger and entity extractor, which needs the tagger (its model is loaded once).
func BenchmarkProse(b *testing.B) {
	warm, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false))
	if err != nil {
		b.Fatal(err)
	}
	model := prose.UsingModel(warm.Model)
	text := segment.Normalize(benchText)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := prose.NewDocument(text, model, prose.WithSegmentation(false)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchWords()*b.N)/b.Elapsed().Seconds(), "words/s")
}

// newsBench returns the news-bench corpus (real articles, read at run time and never
// copied) as tokenised documents, and its word count.
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

// BenchmarkEntitiesNewsBench measures the stage on the 840 news-bench articles.
func BenchmarkEntitiesNewsBench(b *testing.B) {
	st, err := New()
	if err != nil {
		b.Fatal(err)
	}
	docs, words := newsBench(b)
	ctx := context.Background()
	for b.Loop() {
		for _, d := range docs {
			if err := st.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
