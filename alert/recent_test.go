package alert

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/tocsin-project/tocsin/trend"
)

// sumStore is a memStore that keeps weekly sums, as the stores do: each item's sums
// (trend.Sums) added up by series and week.
type sumStore struct {
	memStore
	sums trend.Sums
}

func newSumStore(items []trend.Item) sumStore {
	s := sumStore{memStore: items, sums: trend.Sums{}}
	for i := range items {
		s.sums.Add(&items[i], 1)
	}
	return s
}

func (s sumStore) WeekSums(_ context.Context, series []string, since, until string, fn func(*trend.WeekSum) error) error {
	for _, ws := range s.sums.Sorted() {
		if slices.Contains(series, ws.Series) && ws.Week >= since && ws.Week <= until {
			if err := fn(ws); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s sumStore) FirstDay(_ context.Context, since, until string) (string, error) {
	for _, it := range s.memStore {
		if it.Day >= since && it.Day <= until {
			return it.Day, nil
		}
	}
	return "", nil
}

// Compute from a store's weekly sums gives what the rules give over every item to the
// window's end: alerts, values, baselines, scores and stories.
func TestComputeFromSums(t *testing.T) {
	items := randomItems(5, 80000)
	st := newSumStore(items)
	cfg := DefaultConfig
	cfg.Alpha, cfg.GoldsteinZ = 1, 0 // ring often, so that there is something to compare
	rang := 0
	for _, w := range [][2]string{
		{"2015-01-20", "2015-01-20"}, // three weeks of history: nothing judged
		{"2015-03-04", "2015-03-04"}, // nine weeks: a baseline shorter than BaselineWeeks
		{"2016-03-09", "2016-03-09"},
		{"2018-07-01", "2018-07-01"}, // a Sunday
		{"2019-11-25", "2019-12-07"}, // two weeks, the first full
		{"2021-02-14", "2021-02-20"},
		{"2024-12-30", "2024-12-31"}, // after the last item
		{"2017-05-01", "2017-12-31"}, // most series can ring
		{"2024-10-02", ""},           // a poller's: to the last item
	} {
		got, err := Compute(context.Background(), st, cfg, w[0], w[1])
		if err != nil {
			t.Fatal(err)
		}
		upTo := slices.DeleteFunc(slices.Clone(items), func(it trend.Item) bool { return w[1] != "" && it.Day > w[1] })
		want := Detect(upTo, cfg, w[0], w[1])
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s..%s: from sums %d alerts, Detect %d:\n%v\n%v", w[0], w[1], len(got), len(want), got, want)
		}
		rang += len(got)
	}
	if rang == 0 {
		t.Error("no alerts to compare")
	}
}
