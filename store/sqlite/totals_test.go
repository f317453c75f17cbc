package sqlite

import (
	"context"
	"maps"
	"testing"
)

// story_day_totals, kept by triggers, says what counting the stories says: after
// ingest of the samples (stories created and grown, their day and root changing as
// reports join) and after a rebuild (every story deleted and linked again).
func TestStoryDayTotals(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	check := func(when string) {
		t.Helper()
		want := map[string]int{}
		rows, err := s.db.QueryContext(ctx, `SELECT day, count(*) FROM stories WHERE root <> '' AND day <> '' GROUP BY day`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var d string
			var n int
			if err := rows.Scan(&d, &n); err != nil {
				t.Fatal(err)
			}
			want[d] = n
		}
		rows.Close()
		got, err := s.TrendTotals(ctx, "0000-01-01", "9999-12-31", false)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !maps.Equal(got, want) {
			t.Errorf("%s: totals %v, counted %v", when, got, want)
		}
	}
	check("after ingest")
	if _, err := s.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	check("after rebuild")
}
