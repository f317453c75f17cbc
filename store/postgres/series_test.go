package postgres

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/tocsin-project/tocsin/store/storetest"
	"github.com/tocsin-project/tocsin/trend"
)

// flushSeries empties series_dirty into the kept sums without changing what
// WeekSums gives: the sums of the stories, also when stories written after a flush
// change (the Kerman reports join a story stored before).
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
	for i, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
		if i == 4 || i == 20 {
			before := sums("before a flush")
			flush()
			if after := sums("after a flush"); !slices.Equal(before, after) {
				t.Errorf("a flush changed the sums")
			}
		}
	}
	flush()
	if n := len(sums("all samples")); n < 10 {
		t.Errorf("%d weeks of series summed, want 10 or more", n)
	}
	if _, err := s.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	sums("rebuilt")
	flush()
	sums("rebuilt and flushed")
}
