package dates

import (
	"context"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// benchText is news-like text written for the benchmark, about 2,400 words, with a date
// expression every two sentences or so.
var benchText = strings.Repeat("Rescue teams in the eastern province searched through the rubble on Friday after "+
	"the earthquake, officials said. At least 41 people were killed and more than 1,600 injured, "+
	"according to Gen. Ahmet Kaya of the U.S.-trained disaster agency, which was founded in 1999.\"We will not stop,\" he said. "+
	"The quake struck at 8:55 p.m. on Jan. 24 and was felt in Syria.Aid convoys arrived yesterday, two days after "+
	"the first appeal, and the United Nations will send more teams next week.\n\n", 40)

func BenchmarkAnnotate(b *testing.B) {
	d := pipeline.NewDocument(&article.Article{Body: benchText, Published: "2020-01-27", Language: "en"})
	if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	s := New()
	words := len(strings.Fields(benchText))
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	if len(d.Dates) < 4*40 {
		b.Fatalf("found %d dates, want at least %d", len(d.Dates), 4*40)
	}
}
