package story

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/wikinews"
)

// BenchmarkLinkStreams links the development and Wikinews held-out streams (472
// articles) in memory, from their analysed documents: Units and Link, as ingest runs
// them after analysis. Measure CPU with -benchtime Nx under /usr/bin/time.
func BenchmarkLinkStreams(b *testing.B) {
	wn := wikinews.Path(filepath.Join("testdata", "dev.jsonl"))
	if _, err := os.Stat(wn); err != nil {
		b.Skip("no ../shared/data/wikinews")
	}
	p, cas := analyzers(b)
	var docs []*doc.Document
	var totals []map[string]int
	for _, name := range []string{StreamDev, StreamHeldout} {
		arts, err := Stream(name, wn, "testdata")
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range arts {
			d, err := p.Analyze(context.Background(), a)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, d)
			totals = append(totals, cas.Totals(d))
		}
	}
	b.ResetTimer()
	for range b.N {
		l, mem := NewLinker(), NewMemory()
		for i, d := range docs {
			_, touched, err := l.Link(Units(d, totals[i]), mem)
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range touched {
				mem.Put(s)
			}
		}
	}
}
