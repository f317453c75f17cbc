package postgres

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/tocsin-project/tocsin/store/storetest"
	"github.com/tocsin-project/tocsin/trend"
)

// Put, PutBatch, RebuildStories and flushSeries keep the sums WeekSums gives those of
// the stories, also when stories written before change (the Kerman reports join a
// story stored before), and leave series_dirty empty.
func TestFlushSeries(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	docs := storetest.Samples(t)
	sums := func(when string) []trend.WeekSum {
		t.Helper()
		want := trend.Sums{}
		if err := s.TrendItems(ctx, trend.Query{NoCasualties: true}, func(it *trend.Item) error {
			want.Add(it, 1)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for k := range want {
			names[k[0]] = true
		}
		var got []trend.WeekSum
		if err := s.WeekSums(ctx, slices.Sorted(maps.Keys(names)), "1900-01-01", "2999-12-31", func(ws *trend.WeekSum) error {
			got = append(got, *ws)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		var w []trend.WeekSum
		for _, ws := range want.Sorted() {
			w = append(w, *ws)
		}
		if !slices.Equal(got, w) {
			t.Errorf("%s: sums\n%v\nfrom the stories\n%v", when, got, w)
		}
		return got
	}
	flush := func() {
		t.Helper()
		tx, err := s.pool.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback(ctx)
		if err := flushSeries(ctx, tx); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM series_dirty`).Scan(&n); err != nil || n != 0 {
			t.Fatalf("series_dirty holds %d rows after a flush, %v", n, err)
		}
	}
	dirty := func(when string) {
		t.Helper()
		var n int
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM series_dirty`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: series_dirty holds %d rows, %v", when, n, err)
		}
	}
	for _, d := range docs[:20] {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	dirty("after Put")
	// A story changed without a flush is counted as it is now by a reader; a flush
	// then changes nothing it reads.
	if _, err := s.pool.Exec(ctx, `UPDATE stories SET country = 'ZZZ' WHERE id = (SELECT min(id) FROM stories WHERE country <> '' AND code <> '')`); err != nil {
		t.Fatal(err)
	}
	before := sums("before a flush")
	flush()
	if after := sums("after a flush"); !slices.Equal(before, after) {
		t.Errorf("a flush changed the sums")
	}
	if _, err := s.PutBatch(ctx, docs[20:]); err != nil {
		t.Fatal(err)
	}
	dirty("after PutBatch")
	if n := len(sums("all samples")); n < 10 {
		t.Errorf("%d weeks of series summed, want 10 or more", n)
	}
	if _, err := s.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	dirty("after RebuildStories")
	sums("rebuilt")
}
