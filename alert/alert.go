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
// since.
func Compute(ctx context.Context, s trend.Store, cfg Config, since, until string) ([]Alert, error) {
	q := trend.Query{NoCasualties: true}
	if since != "" {
		t, err := time.Parse(time.DateOnly, since)
		if err != nil {
			return nil, err
		}
		q.Since = trend.Start(t, trend.Week).AddDate(0, 0, -7*cfg.BaselineWeeks).Format(time.DateOnly)
	}
	q.Until = until
	var items []trend.Item
	err := s.TrendItems(ctx, q, func(it *trend.Item) error {
		c := *it
		c.Sources, c.Targets = slices.Clone(it.Sources), slices.Clone(it.Targets)
		items = append(items, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return Detect(items, cfg, since, until), nil
}

// week is what one series holds of one week: its distinct stories, with quad class
// and Goldstein score.
type week struct {
	all, conflict int
	goldstein     float64
	goldsteinSq   float64 // sum of squares, for the baseline's deviation
	stories       map[string]bool
	conflicting   []string
}

// series is one dyad's or country's weeks, indexed from the first week of the items.
type series struct {
	source, target, country string
	weeks                   []week
}

// Detect applies the rules of cfg to items (in day order; event rows of one story
// count once) and returns the alerts whose weeks overlap since..until, newest first.
func Detect(items []trend.Item, cfg Config, since, until string) []Alert {
	if len(items) == 0 {
		return []Alert{}
	}
	first, _ := time.Parse(time.DateOnly, items[0].Day)
	last, _ := time.Parse(time.DateOnly, items[len(items)-1].Day)
	for _, it := range items {
		d, _ := time.Parse(time.DateOnly, it.Day)
		if d.Before(first) {
			first = d
		}
		if d.After(last) {
			last = d
		}
	}
	origin := trend.Start(first, trend.Week)
	n := int(trend.Start(last, trend.Week).Sub(origin).Hours()/24/7) + 1
	all := map[string]*series{}
	get := func(key, source, target, country string) *series {
		s := all[key]
		if s == nil {
			s = &series{source: source, target: target, country: country, weeks: make([]week, n)}
			all[key] = s
		}
		return s
	}
	for _, it := range items {
		if it.Quad < 1 || it.Quad > 4 {
			continue
		}
		d, err := time.Parse(time.DateOnly, it.Day)
		if err != nil {
			continue
		}
		w := int(trend.Start(d, trend.Week).Sub(origin).Hours() / 24 / 7)
		id := cmp.Or(it.Story, it.ID)
		for _, key := range keys(&it) {
			s := get(key.name, key.source, key.target, key.country)
			wk := &s.weeks[w]
			if wk.stories[id] {
				continue
			}
			if wk.stories == nil {
				wk.stories = map[string]bool{}
			}
			wk.stories[id] = true
			wk.all++
			wk.goldstein += it.Goldstein
			wk.goldsteinSq += it.Goldstein * it.Goldstein
			if it.Quad >= 3 {
				wk.conflict++
				wk.conflicting = append(wk.conflicting, id)
			}
		}
	}
	var out []Alert
	names := make([]string, 0, len(all))
	for k := range all {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		out = append(out, judge(all[k], origin, cfg, since, until)...)
	}
	slices.SortStableFunc(out, func(a, b Alert) int { return strings.Compare(b.Start, a.Start) })
	if out == nil {
		out = []Alert{}
	}
	return out
}

type key struct{ name, source, target, country string }

// keys are the series an item counts in: each ordered pair of the distinct countries
// of its source and target actors (the first three letters of a CAMEO actor code),
// and the country of its place.
func keys(it *trend.Item) []key {
	var out []key
	seen := map[string]bool{}
	for _, s := range it.Sources {
		for _, t := range it.Targets {
			if len(s) < 3 || len(t) < 3 {
				continue
			}
			a, b := s[:3], t[:3]
			name := "dyad:" + a + ">" + b
			if a == b || seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, key{name: name, source: a, target: b})
		}
	}
	if it.Country != "" {
		out = append(out, key{name: "country:" + it.Country, country: it.Country})
	}
	return out
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
		var baseG, baseGSq float64
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
			m, bm := cur.goldstein/float64(cur.all), baseG/float64(baseAll)
			gsd := math.Max(math.Sqrt(math.Max(0, baseGSq/float64(baseAll)-bm*bm)), cfg.GoldsteinSDFloor)
			if drop := bm - m; drop >= cfg.GoldsteinDrop && drop/(gsd/math.Sqrt(float64(cur.all))) >= cfg.GoldsteinZ {
				ids := make([]string, 0, len(cur.stories))
				for id := range cur.stories {
					ids = append(ids, id)
				}
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
