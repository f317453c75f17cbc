// Package trend turns stored stories (or event rows) into series: one row per day,
// week or month for a dyad, an actor pair or a country, with its counts by quad class,
// Goldstein sum and mean, net cooperation, share of all events and casualties. The
// store supplies items and daily totals (Store); the bucketing here is the same for
// every backend.
package trend

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/tocsin-project/tocsin/store"
)

// Period is the length of one row of a series.
type Period string

// The periods a series may have. Weeks start on Monday (ISO 8601).
const (
	Day   Period = "day"
	Week  Period = "week"
	Month Period = "month"
)

// maxPeriods bounds the rows of one series (about 27 years of days).
const maxPeriods = 10000

// Query selects the items of a series. Actor codes match by prefix, as in
// tocsin events; Dyad matches either direction.
type Query struct {
	Source, Target string
	Dyad           [2]string
	Country        string // ISO 3166 alpha-3 of the place
	Since, Until   string // YYYY-MM-DD, inclusive; "" for the first or last item's day
	Period         Period
	Mentions       bool // count event rows instead of stories
	// NoCasualties leaves Item.Killed and Injured zero, for callers that do not use
	// them (alerts), which spares reading each story's figures.
	NoCasualties bool
}

// Item is one counted thing: a story, or with Query.Mentions an event row.
type Item struct {
	ID        string // story ID or event row ID
	Story     string // its story, "" for an event row without one
	Day       string // YYYY-MM-DD
	Quad      int    // 1-4; 0 for a story without a coded event (counted only for casualties)
	Goldstein float64
	Killed    int // the story's reconciled figures
	Injured   int
	Country   string   // ISO 3166 alpha-3 of its place, "" when unknown
	Sources   []string // actor codes of the sources
	Targets   []string // actor codes of the targets
}

// Store is what a backend provides for series and alerts.
type Store interface {
	// TrendItems calls fn with each item that matches q (its actors, country, since
	// and until; Period is ignored), in day order. The item is reused between calls.
	TrendItems(ctx context.Context, q Query, fn func(*Item) error) error
	// TrendTotals returns the count of all items with a quad class, per day, from
	// since to until inclusive: the denominator of Row.Share.
	TrendTotals(ctx context.Context, since, until string, mentions bool) (map[string]int, error)
}

// Row is one period of a series. Its JSON form is a line of tocsin trends --json and
// an element of /api/trends.
type Row struct {
	Start          string         `json:"start"` // first day, YYYY-MM-DD
	End            string         `json:"end"`   // last day, inclusive
	Events         int            `json:"events"`
	Quad           map[string]int `json:"quad"` // "1".."4" → count
	GoldsteinSum   float64        `json:"goldstein_sum"`
	GoldsteinMean  float64        `json:"goldstein_mean"`  // 0 when no events
	NetCooperation float64        `json:"net_cooperation"` // (q1+q2-q3-q4)/events, 0 when none
	Share          float64        `json:"share"`           // events over all events of the period
	Killed         int            `json:"killed"`
	Injured        int            `json:"injured"`
	// Items are the IDs of the counted items (stories, or event rows), for alerts.
	Items []string `json:"-"`
}

// ParamNames are the query parameters of a series (and, with "--", the flags).
var ParamNames = []string{"source", "target", "dyad", "country", "since", "until", "period", "mentions"}

// ParseQuery reads a query from v: source, target, dyad, country, since and until
// checked as store.ParseEventFilter checks them, period (day, week or month; week by
// default) and mentions (true or false). Exactly one of source/target, dyad or country
// selects the series. A bad value is a *store.FilterError naming the parameter.
func ParseQuery(v url.Values) (Query, error) {
	q := Query{Period: Week}
	for name := range v {
		known := false
		for _, n := range ParamNames {
			known = known || n == name
		}
		if !known {
			return q, &store.FilterError{Name: name, Value: v.Get(name), Reason: "unknown parameter; trends take source, target, dyad, country, since, until, period and mentions"}
		}
	}
	ev := url.Values{}
	for _, n := range []string{"source", "target", "dyad", "country", "since", "until"} {
		if vs, ok := v[n]; ok {
			ev[n] = vs
		}
	}
	f, err := store.ParseEventFilter(ev)
	if err != nil {
		return q, err
	}
	q.Source, q.Target, q.Dyad, q.Country, q.Since, q.Until = f.Source, f.Target, f.Dyad, f.Country, f.Since, f.Until
	actors := q.Source != "" || q.Target != ""
	n := 0
	for _, set := range []bool{actors, q.Dyad[0] != "", q.Country != ""} {
		if set {
			n++
		}
	}
	if n != 1 {
		return q, &store.FilterError{Name: "dyad", Value: v.Get("dyad"), Reason: "give one of source and/or target, dyad, or country"}
	}
	if p := v.Get("period"); p != "" {
		switch Period(p) {
		case Day, Week, Month:
			q.Period = Period(p)
		default:
			return q, &store.FilterError{Name: "period", Value: p, Reason: "want day, week or month"}
		}
	}
	if m := v.Get("mentions"); m != "" {
		b, err := strconv.ParseBool(m)
		if err != nil {
			return q, &store.FilterError{Name: "mentions", Value: m, Reason: "want true or false"}
		}
		q.Mentions = b
	}
	return q, nil
}

// Start is the first day of the period of p that holds day.
func Start(day time.Time, p Period) time.Time {
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	switch p {
	case Week:
		return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	case Month:
		return time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return day
}

// Next is the first day of the period after the one that starts on start.
func Next(start time.Time, p Period) time.Time {
	switch p {
	case Week:
		return start.AddDate(0, 0, 7)
	case Month:
		return start.AddDate(0, 1, 0)
	}
	return start.AddDate(0, 0, 1)
}

const iso = "2006-01-02"

// ErrTooLong is returned for a series of more than maxPeriods rows.
var ErrTooLong = errors.New("trend: too many periods")

// Series computes the series of q from s: one row per period from the period of
// q.Since (or of the first item) to that of q.Until (or of the last item), empty
// periods included with zeros. With no items and no since/until, it is empty.
func Series(ctx context.Context, s Store, q Query) ([]Row, error) {
	var items []Item
	err := s.TrendItems(ctx, q, func(it *Item) error {
		c := *it
		c.Sources, c.Targets = nil, nil
		items = append(items, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	since, until := q.Since, q.Until
	for _, it := range items { // in day order
		if q.Since == "" && (since == "" || it.Day < since) {
			since = it.Day
		}
		if q.Until == "" && it.Day > until {
			until = it.Day
		}
	}
	if since == "" || until == "" {
		return []Row{}, nil
	}
	rows, err := Bucket(items, since, until, q.Period)
	if err != nil {
		return nil, err
	}
	first, last := rows[0].Start, rows[len(rows)-1].End
	totals, err := s.TrendTotals(ctx, first, last, q.Mentions)
	if err != nil {
		return nil, err
	}
	Shares(rows, totals)
	return rows, nil
}

// Bucket sums items into the periods of p from the one holding since to the one
// holding until (YYYY-MM-DD). Items outside are left out; each story's casualties
// count once per period however many of its items fall there.
func Bucket(items []Item, since, until string, p Period) ([]Row, error) {
	from, err := time.Parse(iso, since)
	if err != nil {
		return nil, fmt.Errorf("trend: since %q: %w", since, err)
	}
	to, err := time.Parse(iso, until)
	if err != nil {
		return nil, fmt.Errorf("trend: until %q: %w", until, err)
	}
	var rows []Row
	for t := Start(from, p); !t.After(to); t = Next(t, p) {
		if len(rows) == maxPeriods {
			return nil, fmt.Errorf("%w: %s to %s by %s is more than %d", ErrTooLong, since, until, p, maxPeriods)
		}
		rows = append(rows, Row{Start: t.Format(iso), End: Next(t, p).AddDate(0, 0, -1).Format(iso),
			Quad: map[string]int{"1": 0, "2": 0, "3": 0, "4": 0}})
	}
	seen := make([]map[string]bool, len(rows))
	for _, it := range items {
		i := find(rows, it.Day)
		if i < 0 {
			continue
		}
		r := &rows[i]
		if it.Quad >= 1 && it.Quad <= 4 {
			r.Events++
			r.Quad[strconv.Itoa(it.Quad)]++
			r.GoldsteinSum += it.Goldstein
			r.Items = append(r.Items, it.ID)
		}
		key := it.Story
		if key == "" {
			key = "item:" + it.ID
		}
		if seen[i] == nil {
			seen[i] = map[string]bool{}
		}
		if !seen[i][key] {
			seen[i][key] = true
			r.Killed += it.Killed
			r.Injured += it.Injured
		}
	}
	for i := range rows {
		r := &rows[i]
		if r.Events > 0 {
			r.GoldsteinMean = r.GoldsteinSum / float64(r.Events)
			r.NetCooperation = float64(r.Quad["1"]+r.Quad["2"]-r.Quad["3"]-r.Quad["4"]) / float64(r.Events)
		}
	}
	return rows, nil
}

// Shares sets each row's share from the daily totals of all items.
func Shares(rows []Row, totals map[string]int) {
	all := make([]int, len(rows))
	for d, n := range totals {
		if i := find(rows, d); i >= 0 {
			all[i] += n
		}
	}
	for i := range rows {
		if all[i] > 0 {
			rows[i].Share = float64(rows[i].Events) / float64(all[i])
		}
	}
}

// find is the index of the row whose period holds day, -1 for none.
func find(rows []Row, day string) int {
	lo, hi := 0, len(rows)
	for lo < hi {
		m := (lo + hi) / 2
		if rows[m].End < day {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(rows) && rows[lo].Start <= day && day <= rows[lo].End {
		return lo
	}
	return -1
}
