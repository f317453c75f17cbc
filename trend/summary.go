package trend

import (
	"context"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/cameo"
)

// Key names a series an item counts in for alerts: an ordered pair of the countries
// of its source and target actors ("dyad:A>B") or the country of its place
// ("country:C").
type Key struct{ Name, Source, Target, Country string }

// AppendKeys appends the series it counts in: each ordered pair of the distinct
// countries of its source and target actors (the first three letters of a CAMEO actor
// code), pairs of one country left out, and the country of its place.
func AppendKeys(out []Key, it *Item) []Key {
	srcs, tgts := countries(it.Sources), countries(it.Targets)
	for _, a := range srcs {
		for _, b := range tgts {
			if a != b {
				out = append(out, Key{Name: "dyad:" + a + ">" + b, Source: a, Target: b})
			}
		}
	}
	if it.Country != "" {
		out = append(out, Key{Name: "country:" + it.Country, Country: it.Country})
	}
	return out
}

// countries are the distinct first three letters of codes of three letters or more.
func countries(codes []string) []string {
	var out []string
	for _, c := range codes {
		if len(c) >= 3 && !slices.Contains(out, c[:3]) {
			out = append(out, c[:3])
		}
	}
	return out
}

// Tenths is a Goldstein score in tenths, the scale's precision: sums of them are exact
// in any order, so that a sum kept by a store as stories come and go is the one a
// reader of the stories would make.
func Tenths(goldstein float64) int64 { return int64(math.Round(goldstein * 10)) }

// WeekSum is what the stories of one week add up to in one series (Key.Name): the
// figures the alert rules read of a baseline week, kept by a store (Summer) so that
// one day's alerts read a dozen rows per series rather than every story of the
// baseline's weeks.
type WeekSum struct {
	Series      string // Key.Name
	Week        string // its Monday, YYYY-MM-DD
	Stories     int    // stories with a quad class
	Conflict    int    // of quad class 3 or 4
	Goldstein   int64  // sum of their Goldstein scores, in tenths (Tenths)
	GoldsteinSq int64  // sum of the squares of those tenths
}

// Summer is a Store that keeps the weekly sums of every series (StorySums of each of
// its stories, summed by series and week).
type Summer interface {
	// WeekSums calls fn with the sums of each of the series named (Key.Name) for
	// each week from the one starting on since to the one starting on until (Mondays,
	// YYYY-MM-DD) in which it has a story.
	WeekSums(ctx context.Context, series []string, since, until string, fn func(*WeekSum) error) error
	// FirstDay is the first day from since to until (inclusive) of a story with a
	// day, coded or not, "" when there is none: where an unfiltered series' history
	// starts.
	FirstDay(ctx context.Context, since, until string) (string, error)
}

// StoryItem sets it to the stored story id of the given day, dominant CAMEO code,
// place country and actors ("role:actor" separated by spaces, role source or
// target), as a series counts it: its quad class and Goldstein score are its code's
// (0 and 0 for a code cameo does not know), its casualties zero.
func StoryItem(it *Item, id, day, code, country, actors string) {
	it.ID, it.Story, it.Day, it.Country = id, id, day, country
	it.Quad, it.Goldstein, it.Killed, it.Injured = 0, 0, 0, 0
	if in, ok := cameo.Lookup(code); ok {
		it.Quad, it.Goldstein = in.QuadClass, in.Goldstein
	}
	it.Sources, it.Targets = it.Sources[:0], it.Targets[:0]
	for _, ra := range strings.Fields(actors) {
		role, actor, _ := strings.Cut(ra, ":")
		if role == "source" {
			it.Sources = append(it.Sources, actor)
		} else {
			it.Targets = append(it.Targets, actor)
		}
	}
}

// Sums are weekly sums keyed by series (Key.Name) and week (its Monday).
type Sums map[[2]string]*WeekSum

// Add adds sign times what one story, it, adds to its series' weeks: what a store
// adds for a story written and takes away (sign -1) for its former state. A story
// without a quad class, or without a day, adds nothing.
func (m Sums) Add(it *Item, sign int) {
	if it.Quad < 1 || it.Quad > 4 {
		return
	}
	d, err := time.Parse(iso, it.Day)
	if err != nil {
		return
	}
	week := Start(d, Week).Format(iso)
	g := Tenths(it.Goldstein)
	for _, k := range AppendKeys(nil, it) {
		ws := m[[2]string{k.Name, week}]
		if ws == nil {
			ws = &WeekSum{Series: k.Name, Week: week}
			m[[2]string{k.Name, week}] = ws
		}
		ws.Stories += sign
		if it.Quad >= 3 {
			ws.Conflict += sign
		}
		ws.Goldstein += int64(sign) * g
		ws.GoldsteinSq += int64(sign) * g * g
	}
}

// Sorted are the sums of m that are not all zero, ordered by series and week (the
// order in which stores update them, so that two writers lock rows in one order).
func (m Sums) Sorted() []*WeekSum {
	out := make([]*WeekSum, 0, len(m))
	for _, ws := range m {
		if *ws != (WeekSum{Series: ws.Series, Week: ws.Week}) {
			out = append(out, ws)
		}
	}
	slices.SortFunc(out, func(a, b *WeekSum) int {
		if c := strings.Compare(a.Series, b.Series); c != 0 {
			return c
		}
		return strings.Compare(a.Week, b.Week)
	})
	return out
}
