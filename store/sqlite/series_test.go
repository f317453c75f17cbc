package sqlite

import (
	"context"
	"slices"
	"testing"

	"github.com/tocsin-project/tocsin/store/storetest"
	"github.com/tocsin-project/tocsin/trend"
)

// The sums migration 0010 fills from stored stories are those kept as they were
// written; and a story changed without a flush (series_dirty left full) is counted
// as it is now by a reader.
func TestSeriesBackfillAndPending(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for _, d := range storetest.Samples(t) {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	all := func() []trend.WeekSum {
		t.Helper()
		var names []string
		rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT series FROM series_weeks ORDER BY series`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			names = append(names, n)
		}
		rows.Close()
		var out []trend.WeekSum
		err = s.WeekSums(ctx, append(names, "country:ZZZ"), "1900-01-01", "2999-12-31", func(ws *trend.WeekSum) error {
			out = append(out, *ws)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	kept := all()
	if len(kept) < 10 {
		t.Fatalf("%d weeks of series kept, want 10 or more", len(kept))
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM series_weeks`); err != nil {
		t.Fatal(err)
	}
	if err := backfillSeries(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if filled := all(); !slices.Equal(filled, kept) {
		t.Errorf("backfilled sums\n%v\nkept as written\n%v", filled, kept)
	}

	// A story moved to a new place without a flush: its old country loses it, the new
	// one gains it.
	var id, country string
	if err := s.db.QueryRowContext(ctx, `SELECT id, country FROM story_trend WHERE country <> '' AND code <> ''
		ORDER BY day LIMIT 1`).Scan(&id, &country); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE stories SET country = 'ZZZ' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	moved := all()
	count := func(sums []trend.WeekSum, series string) int {
		n := 0
		for _, ws := range sums {
			if ws.Series == series {
				n += ws.Stories
			}
		}
		return n
	}
	if count(moved, "country:ZZZ") != 1 || count(moved, "country:"+country) != count(kept, "country:"+country)-1 {
		t.Errorf("story %s moved from %s to ZZZ: ZZZ %d stories, %s %d (was %d)", id, country,
			count(moved, "country:ZZZ"), country, count(moved, "country:"+country), count(kept, "country:"+country))
	}
}
