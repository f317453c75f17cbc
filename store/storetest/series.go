package storetest

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/tocsin-project/tocsin/trend"
)

// testSeriesSums checks a store's weekly sums (trend.Summer) against its stories: as
// articles are put, some of them joining a story told before (the three Kerman
// reports), and after the stories are rebuilt, the sums of every series and week are
// those of the stories TrendItems gives, and FirstDay is the first of their days.
func testSeriesSums(t *testing.T, s Store) {
	ctx := context.Background()
	docs := Samples(t)
	check := func(when string) {
		t.Helper()
		want := trend.Sums{}
		first, last := "", ""
		err := s.TrendItems(ctx, trend.Query{NoCasualties: true}, func(it *trend.Item) error {
			want.Add(it, 1)
			if first == "" {
				first = it.Day
			}
			last = it.Day
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for k := range want {
			names[k[0]] = true
		}
		got := trend.Sums{}
		err = s.WeekSums(ctx, slices.Sorted(maps.Keys(names)), "1900-01-01", "2999-12-31", func(ws *trend.WeekSum) error {
			if got[[2]string{ws.Series, ws.Week}] != nil {
				t.Errorf("%s: week %s of %s given twice", when, ws.Week, ws.Series)
			}
			c := *ws
			got[[2]string{ws.Series, ws.Week}] = &c
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		w, g := want.Sorted(), got.Sorted()
		if len(w) < 10 || len(g) != len(w) {
			t.Fatalf("%s: %d weeks of series summed, %d from the stories (want 10 or more)", when, len(g), len(w))
		}
		for i := range w {
			if *g[i] != *w[i] {
				t.Errorf("%s: sums %+v, from the stories %+v", when, *g[i], *w[i])
			}
		}
		day, err := s.FirstDay(ctx, "1900-01-01", last)
		if err != nil || day != first {
			t.Errorf("%s: FirstDay = %q, %v; want %q", when, day, err, first)
		}
		if day, err := s.FirstDay(ctx, "2999-01-01", "2999-12-31"); err != nil || day != "" {
			t.Errorf("%s: FirstDay of a time without stories = %q, %v", when, day, err)
		}
	}
	for i, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
		if i == 6 || i == 25 {
			check("after " + d.ID)
		}
	}
	check("all samples")
	if _, err := s.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	check("rebuilt")
}
