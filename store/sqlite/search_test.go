package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/store"
)

// pathological is an article in which one word repeats n times: FTS5's snippet()
// takes time quadratic in the repeats (15 s for 40,000 on the machine).
func pathological(id string, n int) (title, body string) {
	return "Repeated " + id, strings.Repeat("word ", n)
}

// TestSearchPathologicalArticle searches an article of 100,000 repeats of one word,
// under a context that ends well before FTS5's own snippet() would have finished
// (about 95 s by the measures), so that a search whose cost grows with the
// repeats fails here with the context's error instead of answering.
func TestSearchPathologicalArticle(t *testing.T) {
	s := openTest(t)
	searchDocs(t, s)
	title, body := pathological("many", 100_000)
	if _, err := s.Put(context.Background(), newDoc("many", title, body)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for _, q := range []string{"word", `"word word"`, "wor*", "word -soleimani", "word OR soleimani"} {
		hits, total, err := s.Search(ctx, q, store.Page{})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if total < 1 || hits[0].ID != "many" {
			t.Fatalf("Search(%q) = %v, total %d; want the repeated article first", q, ids(hits), total)
		}
		h := hits[0]
		if len(h.Highlights) == 0 || len(h.Snippet) > 400 {
			t.Errorf("Search(%q): snippet %q with %d highlights; want a short one with highlights", q, h.Snippet, len(h.Highlights))
		}
		for _, m := range h.Highlights {
			if got := strings.Fields(strings.ToLower(h.Snippet[m.Start:m.End])); len(got) == 0 || strings.Trim(strings.Join(got, ""), "word") != "" {
				t.Errorf("Search(%q): highlight %q; want word", q, got)
			}
		}
	}
}

// TestQueryInterruptedByContext checks that modernc.org/sqlite interrupts a running
// statement when its context ends (the driver's progress handler), which the search
// relies on: the statement below would otherwise count for hours.
func TestQueryInterruptedByContext(t *testing.T) {
	s := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	const forever = `WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c WHERE n < 1000000000000)
		SELECT count(*) FROM c`
	var n int64
	err := s.db.QueryRowContext(ctx, forever).Scan(&n)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("query under a cancelled context = %d, %v; want context.Canceled", n, err)
	}
}

// BenchmarkSearch searches a store of ../shared/data/news-bench (titles and texts, no
// annotation) plus an article of 40,000 repeats of one word, and reports the 50th and
// 99th percentile of the time per search over a mix of queries.
func BenchmarkSearch(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "news-bench")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("../shared/data/news-bench is absent")
	}
	s := openTest(b)
	ctx := context.Background()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		title, body, _ := strings.Cut(string(data), "\n")
		if _, err := s.Put(ctx, newDoc(filepath.Base(f), strings.TrimSpace(title), strings.TrimSpace(body))); err != nil {
			b.Fatal(err)
		}
	}
	title, body := pathological("word", 40_000)
	if _, err := s.Put(ctx, newDoc("pathological", title, body)); err != nil {
		b.Fatal(err)
	}
	queries := []string{"word", "the", "trump", "clinton campaign", `"the president"`, "elect*", "iran -iraq", "obama OR biden", "word the"}
	var times []time.Duration
	i := 0
	for b.Loop() {
		q := queries[i%len(queries)]
		i++
		start := time.Now()
		if _, _, err := s.Search(ctx, q, store.Page{Limit: 20}); err != nil {
			b.Fatalf("Search(%q): %v", q, err)
		}
		times = append(times, time.Since(start))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	pct := func(p float64) float64 {
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(0, "ns/op")
}

func TestListByPublished(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, a := range []struct{ id, published string }{
		{"old", "2016-08-08"}, {"undated", ""}, {"new", "2020-01-07T10:30:00Z"}, {"mid", "2018-03-01"},
	} {
		d := newDoc(a.id, "Title "+a.id, "body")
		d.Published = a.published
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	sums, _, err := s.List(ctx, store.Page{ByPublished: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sum := range sums {
		got = append(got, sum.ID)
	}
	if want := []string{"new", "mid", "old", "undated"}; !slices.Equal(got, want) {
		t.Errorf("by publication: %v; want %v", got, want)
	}
}
