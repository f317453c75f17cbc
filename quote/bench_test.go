package quote

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

// BenchmarkStage measures the quotes stage alone on the news benchmark corpus (840 US
// political news articles), already segmented. Words are counted as strings.Fields does.
func BenchmarkStage(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(sharedtest.Path(b, "data/news-bench"), "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("SKIP: no news-bench articles: %v", err)
	}
	var docs []*doc.Document
	words, bytes := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d := &doc.Document{Text: segment.Normalize(string(raw)), Language: "en"}
		if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		words += len(strings.Fields(d.Text))
		bytes += len(d.Text)
	}
	s, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(bytes))
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
