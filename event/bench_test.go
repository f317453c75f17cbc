package event

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/pipeline"
)

// benchDocs runs the stages before events on the first n articles of the news-bench
// corpus (real US political news, 2016) once; the benchmarks then time only the events
// stage. It also reports how long those stages took, for the pipeline's share.
func benchDocs(b *testing.B, n int) ([]*doc.Document, int) {
	b.Helper()
	dir := sharedtest.Path(b, "data/news-bench")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("SKIP: no articles in %s", dir)
	}
	if len(files) > n {
		files = files[:n]
	}
	p := fullPipeline(b)
	var docs []*doc.Document
	words := 0
	start := time.Now()
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		title, body, _ := strings.Cut(strings.TrimSpace(string(src)), "\n")
		d := pipeline.NewDocument(&article.Article{Title: title, Body: body, Language: "en", Published: "2016-06-01"})
		if err := p.Run(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		for _, t := range d.Tokens {
			if t.Kind == doc.Word || t.Kind == doc.Number {
				words++
			}
		}
		docs = append(docs, d)
	}
	b.Logf("%d articles, %d words; the pipeline with events took %v (%.0f words/s)", len(docs), words,
		time.Since(start).Round(time.Millisecond), float64(words)/time.Since(start).Seconds())
	return docs, words
}

// BenchmarkStage times the events stage alone on parsed articles; the goal is 1M words/s
// on one core (go test -bench Stage -cpu 1 ./event/).
func BenchmarkStage(b *testing.B) {
	docs, words := benchDocs(b, 120)
	s := fullStage(b)
	ctx := context.Background()
	events := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		events = 0
		for _, d := range docs {
			if err := s.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
			events += len(d.Events)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(events), "events")
}

// fullStage returns the events stage of fullPipeline.
func fullStage(b *testing.B) *Stage {
	for _, st := range fullStages {
		if s, ok := st.(*Stage); ok {
			return s
		}
	}
	b.Fatal("no events stage in the pipeline")
	return nil
}
