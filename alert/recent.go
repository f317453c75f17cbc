package alert

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/tocsin-project/tocsin/trend"
)

// recent computes the alerts of every series from since (the day t) to until ("" for
// the last story's day) from a store that keeps weekly sums: the stories of the
// window's weeks are read (the weeks that can ring, whose stories an alert lists),
// and the baseline weeks before them are the kept sums of the series that can ring
// there (those with cfg.MinCount stories in one of the window's weeks), so that one
// new day's alerts, or a poller's since its last day, read the window's stories and a
// dozen sums per candidate series, not the stories of the BaselineWeeks weeks before.
// It gives what the same rules give over the stories (TestComputeFromSums).
func recent(ctx context.Context, s trend.Store, sm trend.Summer, cfg Config, t time.Time, since, until string) ([]Alert, error) {
	monday := trend.Start(t, trend.Week)
	from := monday.AddDate(0, 0, -7*cfg.BaselineWeeks)
	// History counts from the first story read, as when the baseline's stories are.
	first, err := sm.FirstDay(ctx, from.Format(time.DateOnly), cmp.Or(until, "9999-12-31"))
	if err != nil {
		return nil, err
	}
	if first == "" {
		return []Alert{}, nil
	}
	d, err := time.Parse(time.DateOnly, first)
	if err != nil {
		return nil, err
	}
	var b builder
	b.start(d)
	q := trend.Query{Since: monday.Format(time.DateOnly), Until: until, NoCasualties: true}
	err = s.TrendItems(ctx, q, func(it *trend.Item) error {
		b.add(it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var names []string
	for name, sr := range b.all {
		if slices.ContainsFunc(sr.weeks, func(w week) bool { return w.all >= cfg.MinCount }) {
			names = append(names, name)
		} else {
			delete(b.all, name) // cannot ring: both rules want MinCount stories in the week
		}
	}
	if len(names) == 0 {
		return []Alert{}, nil
	}
	slices.Sort(names)
	last := monday.AddDate(0, 0, -7)
	if last.Before(from) {
		return b.alerts(cfg, since, until), nil
	}
	err = sm.WeekSums(ctx, names, from.Format(time.DateOnly), last.Format(time.DateOnly), func(ws *trend.WeekSum) error {
		sr := b.all[ws.Series]
		wd, err := time.Parse(time.DateOnly, ws.Week)
		if sr == nil || err != nil || wd.Before(b.origin) || !wd.Before(monday) {
			return nil
		}
		w := int(wd.Sub(b.origin).Hours() / 24 / 7)
		if len(sr.weeks) <= w {
			sr.weeks = slices.Grow(sr.weeks, w+1-len(sr.weeks))[:w+1]
		}
		sr.weeks[w] = week{all: ws.Stories, conflict: ws.Conflict, goldstein: ws.Goldstein, goldsteinSq: ws.GoldsteinSq}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.alerts(cfg, since, until), nil
}
