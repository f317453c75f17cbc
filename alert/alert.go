// Package alert rings when a dyad or a country departs from its own baseline toward
// conflict. It reads the same items as package trend (stories, each counted once
// however many outlets reported it), buckets them by week, and applies two rules
// whose thresholds are a Config:
//
//   - conflict_count: the week's count of quad-class 3 and 4 stories has a z-score of
//     at least Config.Z over the previous Config.BaselineWeeks weeks (the standard
//     deviation floored at Config.SDFloor, so that a quiet series is not divided by
//     zero), is at least Config.MinCount, is at most Config.Alpha likely under a
//     Poisson law of the baseline's mean (floored at Config.MinRate), since a z-score
//     over a handful of stories takes chance for a departure, and the conflict share of
//     the week's stories is at least Config.ShareRise above the baseline's share, so
//     that more reporting of every kind (volume growth) is not taken for escalation;
//   - goldstein_drop: the week's Goldstein mean, over at least Config.MinCount stories,
//     is at least Config.GoldsteinDrop below the baseline's mean over at least
//     Config.MinBaselineStories stories, and that drop is at least Config.GoldsteinZ
//     standard errors of a mean of the week's size (the baseline stories' standard
//     deviation, floored at Config.GoldsteinSDFloor, over the square root of the week's
//     count), since the mean of three stories drawn at random falls five points often,
//     and a baseline of a few like stories says little of how far scores spread.
//
// A week is judged only after Config.MinHistory weeks of the store's history. Weeks in
// a row that ring for the same series and rule are one alert.
package alert

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/trend"
)

// Config holds the thresholds of the rules.
type Config struct {
	BaselineWeeks      int     // weeks before the judged one that make its baseline
	MinHistory         int     // weeks of history needed before a week is judged
	Z                  float64 // least z-score of the conflict count
	SDFloor            float64 // least standard deviation of the baseline counts
	MinCount           int     // least stories in the judged week
	ShareRise          float64 // least rise of the conflict share over the baseline's
	GoldsteinDrop      float64 // least drop of the Goldstein mean below the baseline's
	MinBaselineStories int     // least stories in the baseline for the Goldstein rule
	Alpha              float64 // most Poisson probability of the week's conflict count
	MinRate            float64 // least baseline rate (conflict stories a week) for Alpha
	GoldsteinZ         float64 // least drop in standard errors of the week's mean
	GoldsteinSDFloor   float64 // least standard deviation of the baseline's scores
	MaxStories         int     // stories listed with one alert
}

// DefaultConfig is the documented default (README, Trends and alerts).
var DefaultConfig = Config{
	BaselineWeeks:      12,
	MinHistory:         8,
	Z:                  3,
	SDFloor:            1,
	MinCount:           3,
	ShareRise:          0.2,
	GoldsteinDrop:      5,
	MinBaselineStories: 4,
	Alpha:              1e-4,
	MinRate:            0.2,
	GoldsteinZ:         4,
	GoldsteinSDFloor:   3,
	MaxStories:         100,
}

// The measures an alert is raised on.
const (
	ConflictCount = "conflict_count"
	GoldsteinDrop = "goldstein_drop"
)

// Alert is one departure toward conflict. Its JSON form is a line of tocsin alerts
// --json and an element of /api/alerts.
type Alert struct {
	Source   string   `json:"source,omitempty"`  // country-level actor code of a dyad's source
	Target   string   `json:"target,omitempty"`  // of its target
	Country  string   `json:"country,omitempty"` // ISO 3166 alpha-3 of a country's places
	Start    string   `json:"start"`             // first day of the first week that rang
	End      string   `json:"end"`               // last day of the last
	Measure  string   `json:"measure"`
	Value    float64  `json:"value"`    // the measure in the week that rang highest
	Baseline float64  `json:"baseline"` // its baseline then
	Score    float64  `json:"score"`    // z-score, or the drop of the Goldstein mean
	Stories  []string `json:"stories"`  // the stories of the weeks that rang
}

// Compute finds the alerts whose weeks overlap since..until (YYYY-MM-DD; "" for the
// first or last item's day) among the items of s, read from BaselineWeeks weeks before
// since. The items are summed into weeks as they are read, never held.
//
// For a window of up to candidateDays days (one new day's alerts), the window's weeks
// are read first, and only the series with Config.MinCount stories in one of them,
// the only ones that can ring, are summed over the baseline. From a store that keeps
// weekly sums (trend.Summer), with since, the stories of the window's weeks are read
// and the baseline weeks before them are the sums of the series that can ring, a
// dozen rows each, not their stories, whatever the window.
func Compute(ctx context.Context, s trend.Store, cfg Config, since, until string) ([]Alert, error) {
	return ComputeFor(ctx, s, cfg, trend.Query{}, since, until)
}

// ComputeFor is Compute over the items that match of's series filters (source,
// target, dyad or country; the rest of of is ignored): the alerts of a page's series
// without reading every series. The series of those items that are not of's (other
// dyads of its stories) may be judged on part of their stories: keep only of's. With
// a filter and since, history counts from the start of the window read (since's week
// less BaselineWeeks), not from the series' first item.
func ComputeFor(ctx context.Context, s trend.Store, cfg Config, of trend.Query, since, until string) ([]Alert, error) {
	q := trend.Query{Source: of.Source, Target: of.Target, Dyad: of.Dyad, Country: of.Country, NoCasualties: true}
	filtered := of.Source != "" || of.Target != "" || of.Dyad[0] != "" || of.Country != ""
	var only map[string]bool
	if since != "" {
		t, err := time.Parse(time.DateOnly, since)
		if err != nil {
			return nil, err
		}
		if sm, ok := s.(trend.Summer); ok && !filtered {
			return recent(ctx, s, sm, cfg, t, since, until)
		}
		q.Since = trend.Start(t, trend.Week).AddDate(0, 0, -7*cfg.BaselineWeeks).Format(time.DateOnly)
		if short(t, until) {
			if only, err = candidates(ctx, s, cfg, q, trend.Start(t, trend.Week), until); err != nil {
				return nil, err
			}
		}
	}
	q.Until = until
	b := builder{only: only}
	if filtered && q.Since != "" {
		start, _ := time.Parse(time.DateOnly, q.Since)
		b.start(start)
	}
	err := s.TrendItems(ctx, q, func(it *trend.Item) error {
		b.add(it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.alerts(cfg, since, until), nil
}

// candidateDays is the longest window for which Compute reads candidates first.
const candidateDays = 14

// short tells whether the window from since to until is one of candidateDays or
// fewer.
func short(since time.Time, until string) bool {
	u, err := time.Parse(time.DateOnly, until)
	return err == nil && !u.Before(since) && u.Sub(since) < candidateDays*24*time.Hour
}

// candidates are the series with at least cfg.MinCount stories in a week from the one
// starting on monday to until's: a series with fewer cannot ring there.
func candidates(ctx context.Context, s trend.Store, cfg Config, q trend.Query, monday time.Time, until string) (map[string]bool, error) {
	var b builder
	q.Since, q.Until = monday.Format(time.DateOnly), until
	err := s.TrendItems(ctx, q, func(it *trend.Item) error {
		b.add(it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for name, sr := range b.all {
		for _, w := range sr.weeks {
			if w.all >= cfg.MinCount {
				out[name] = true
			}
		}
	}
	return out, nil
}

// week is what one series holds of one week: its distinct stories, with quad class
// and Goldstein score. Scores are summed in tenths (trend.Tenths), exactly, as a
// store keeps them (trend.WeekSum), so that a week read from a store's sums and one
// summed here from its stories judge alike. The stories are listed for the weeks
// summed here only.
type week struct {
	all, conflict int
	goldstein     int64 // in tenths
	goldsteinSq   int64 // sum of squares of the tenths, for the baseline's deviation
	stories       []string
	conflicting   []string
}

// series is one dyad's or country's weeks, indexed from the first week of the items.
type series struct {
	source, target, country string
	weeks                   []week
}

// builder sums items, in day order, into the weeks of their series.
type builder struct {
	origin  time.Time // Monday of the first item's week
	last    int       // index of the last item's week
	started bool
	all     map[string]*series
	seen    map[seen]bool // a story counted in a series' week
	day     string        // the last item's day, and its week
	w       int
	keys    []trend.Key
	only    map[string]bool // when not nil, the only series summed
}

type seen struct {
	s     *series
	w     int
	story string
}

// add counts it in each of its series' weeks, once a story.
func (b *builder) add(it *trend.Item) {
	if it.Day != b.day {
		d, err := time.Parse(time.DateOnly, it.Day)
		if err != nil {
			return
		}
		if !b.started {
			b.start(d)
		}
		w := int(trend.Start(d, trend.Week).Sub(b.origin).Hours() / 24 / 7)
		if w < 0 {
			return // before the first item: Detect orders its items first
		}
		b.day, b.w, b.last = it.Day, w, max(b.last, w)
	}
	if it.Quad < 1 || it.Quad > 4 {
		return // a story without a coded event: its day counts as history only
	}
	id := cmp.Or(it.Story, it.ID)
	b.keys = trend.AppendKeys(b.keys[:0], it)
	for _, k := range b.keys {
		if b.only != nil && !b.only[k.Name] {
			continue
		}
		s := b.all[k.Name]
		if s == nil {
			s = &series{source: k.Source, target: k.Target, country: k.Country}
			b.all[k.Name] = s
		}
		if len(s.weeks) <= b.w {
			s.weeks = slices.Grow(s.weeks, b.w+1-len(s.weeks))[:b.w+1]
		}
		if b.seen[seen{s, b.w, id}] {
			continue
		}
		b.seen[seen{s, b.w, id}] = true
		wk := &s.weeks[b.w]
		wk.all++
		g := trend.Tenths(it.Goldstein)
		wk.goldstein += g
		wk.goldsteinSq += g * g
		wk.stories = append(wk.stories, id)
		if it.Quad >= 3 {
			wk.conflict++
			wk.conflicting = append(wk.conflicting, id)
		}
	}
}

// start counts weeks from the one holding day.
func (b *builder) start(day time.Time) {
	b.started, b.origin = true, trend.Start(day, trend.Week)
	b.all, b.seen = map[string]*series{}, map[seen]bool{}
}

// alerts judges every series, newest alert first.
func (b *builder) alerts(cfg Config, since, until string) []Alert {
	out := []Alert{}
	names := make([]string, 0, len(b.all))
	for k := range b.all {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		s := b.all[k]
		if n := b.last + 1; len(s.weeks) < n {
			s.weeks = slices.Grow(s.weeks, n-len(s.weeks))[:n]
		}
		out = append(out, judge(s, b.origin, cfg, since, until)...)
	}
	slices.SortStableFunc(out, func(a, b Alert) int { return strings.Compare(b.Start, a.Start) })
	return out
}

// Detect applies the rules of cfg to items (event rows of one story count once) and
// returns the alerts whose weeks overlap since..until, newest first.
func Detect(items []trend.Item, cfg Config, since, until string) []Alert {
	sorted := slices.Clone(items)
	slices.SortStableFunc(sorted, func(a, b trend.Item) int { return strings.Compare(a.Day, b.Day) })
	var b builder
	for i := range sorted {
		b.add(&sorted[i])
	}
	return b.alerts(cfg, since, until)
}

// judge applies the rules to each week of s in since..until, merging weeks in a row.
func judge(s *series, origin time.Time, cfg Config, since, until string) []Alert {
	var out []Alert
	open := map[string]int{} // measure → index in out of the alert the last week rang
	for w := cfg.MinHistory; w < len(s.weeks); w++ {
		start := origin.AddDate(0, 0, 7*w)
		end := start.AddDate(0, 0, 6)
		if (since != "" && end.Format(time.DateOnly) < since) || (until != "" && start.Format(time.DateOnly) > until) {
			continue
		}
		from := max(0, w-cfg.BaselineWeeks)
		base := s.weeks[from:w]
		cur := s.weeks[w]
		rang := map[string]bool{}
		ring := func(measure string, value, baseline, score float64, stories []string) {
			rang[measure] = true
			i, ok := open[measure]
			if !ok {
				out = append(out, Alert{Source: s.source, Target: s.target, Country: s.country,
					Start: start.Format(time.DateOnly), Measure: measure, Score: math.Inf(-1)})
				i = len(out) - 1
				open[measure] = i
			}
			a := &out[i]
			a.End = end.Format(time.DateOnly)
			if score > a.Score {
				a.Value, a.Baseline, a.Score = value, baseline, score
			}
			for _, id := range stories {
				if len(a.Stories) < cfg.MaxStories && !slices.Contains(a.Stories, id) {
					a.Stories = append(a.Stories, id)
				}
			}
		}
		// conflict_count
		var sum, sumsq float64
		var baseAll, baseConflict int
		var baseG, baseGSq int64
		for _, b := range base {
			sum += float64(b.conflict)
			sumsq += float64(b.conflict * b.conflict)
			baseAll += b.all
			baseConflict += b.conflict
			baseG += b.goldstein
			baseGSq += b.goldsteinSq
		}
		nb := float64(len(base))
		mean := sum / nb
		sd := math.Max(math.Sqrt(math.Max(0, sumsq/nb-mean*mean)), cfg.SDFloor)
		z := (float64(cur.conflict) - mean) / sd
		baseShare := 0.0
		if baseAll > 0 {
			baseShare = float64(baseConflict) / float64(baseAll)
		}
		if cur.conflict >= cfg.MinCount && z >= cfg.Z && cur.all > 0 &&
			float64(cur.conflict)/float64(cur.all)-baseShare >= cfg.ShareRise &&
			poissonTail(cur.conflict, math.Max(mean, cfg.MinRate)) <= cfg.Alpha {
			ring(ConflictCount, float64(cur.conflict), round(mean), round(z), cur.conflicting)
		}
		// goldstein_drop
		if cur.all >= cfg.MinCount && baseAll >= cfg.MinBaselineStories {
			m, bm := float64(cur.goldstein)/10/float64(cur.all), float64(baseG)/10/float64(baseAll)
			gsd := math.Max(math.Sqrt(math.Max(0, float64(baseGSq)/100/float64(baseAll)-bm*bm)), cfg.GoldsteinSDFloor)
			if drop := bm - m; drop >= cfg.GoldsteinDrop && drop/(gsd/math.Sqrt(float64(cur.all))) >= cfg.GoldsteinZ {
				ids := slices.Clone(cur.stories)
				slices.Sort(ids)
				ring(GoldsteinDrop, round(m), round(bm), round(drop), ids)
			}
		}
		for m := range open {
			if !rang[m] {
				delete(open, m)
			}
		}
	}
	return out
}

// poissonTail is the probability that a Poisson variable of mean lambda is at least
// k, summed from k upward so that a tiny tail keeps its precision.
func poissonTail(k int, lambda float64) float64 {
	if k <= 0 {
		return 1
	}
	lg, _ := math.Lgamma(float64(k) + 1)
	term := math.Exp(-lambda + float64(k)*math.Log(lambda) - lg)
	sum := 0.0
	for i := k; term > sum*1e-12 && i < k+10000; i++ {
		sum += term
		term *= lambda / float64(i+1)
	}
	return math.Min(sum, 1)
}

func round(f float64) float64 { return math.Round(f*100) / 100 }
