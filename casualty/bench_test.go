package casualty

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// benchDocs segments the news-bench corpus (real articles) once; the benchmark then
// times only the casualty stage, reporting words per second.
func benchDocs(b *testing.B) ([]*doc.Document, int) {
	dir := sharedtest.Path(b, "data/news-bench")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("SKIP: no articles in %s", dir)
	}
	var docs []*doc.Document
	words := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		title, body, _ := strings.Cut(strings.TrimSpace(string(src)), "\n")
		d := pipeline.NewDocument(&article.Article{Title: title, Body: body, Language: "en"})
		if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		for _, t := range d.Tokens {
			if t.Kind == doc.Word || t.Kind == doc.Number {
				words++
			}
		}
		docs = append(docs, d)
	}
	return docs, words
}

func BenchmarkStage(b *testing.B) {
	docs, words := benchDocs(b)
	s := mustNew(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := s.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
