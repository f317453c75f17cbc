package storetest

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
)

// BenchCopies is how many copies of the 37 samples Bench stores: each copy's articles
// under new IDs and with every date moved on by a year per copy, so that each copy is
// new articles about new happenings, as a stream of news is.
const BenchCopies = 20

// Bench measures a store on the analysed samples, for both backends alike (run it
// with -benchtime 1x: each run builds its store once): Put's rate in articles and
// event rows per second, one goroutine putting after another, and then the p50 and
// p99 latency of the event query mix of `tocsin bench store` (a dyad and a date
// range, an actor and a root, a country and a month, a word of the sentence), each a
// page of 50 events with the total count.
func Bench(b *testing.B, st Store) {
	ctx := context.Background()
	docs := Samples(b)
	events := 0
	start := time.Now()
	for c := range BenchCopies {
		for _, d := range docs {
			cp := shifted(d, c)
			cp.ID = fmt.Sprintf("%s-%d", d.ID, c)
			if _, err := st.Put(ctx, cp); err != nil {
				b.Fatal(err)
			}
			events += len(d.Events)
		}
	}
	secs := time.Since(start).Seconds()
	b.ReportMetric(float64(BenchCopies*len(docs))/secs, "articles/s")
	b.ReportMetric(float64(events)/secs, "events/s")
	mix := []store.EventFilter{
		{Dyad: [2]string{"USA", "IRN"}, Since: "2025-01-01", Until: "2025-03-31"},
		{Source: "IRN", Roots: []string{"19"}},
		{Country: "IRN", Since: "2025-01-01", Until: "2025-01-31"},
		{Text: "killed"},
	}
	var times []time.Duration
	for range 50 {
		for _, f := range mix {
			t0 := time.Now()
			if _, _, err := st.Events(ctx, f, store.Page{Limit: 50}); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(t0))
		}
	}
	slices.Sort(times)
	pct := func(p float64) float64 {
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "query-p50-ms")
	b.ReportMetric(pct(0.99), "query-p99-ms")
	b.ReportMetric(0, "ns/op")
}

// shifted is a copy of d with every date of its metadata, events, casualty counts,
// incidents and dates layer moved on by years (d is not modified).
func shifted(d *doc.Document, years int) *doc.Document {
	cp := *d
	cp.Published = shiftYear(d.Published, years)
	cp.Events = slices.Clone(d.Events)
	for i := range cp.Events {
		cp.Events[i].Date = shiftYear(cp.Events[i].Date, years)
	}
	cp.Casualties = slices.Clone(d.Casualties)
	for i := range cp.Casualties {
		cp.Casualties[i].Date = shiftYear(cp.Casualties[i].Date, years)
	}
	cp.Incidents = slices.Clone(d.Incidents)
	for i := range cp.Incidents {
		cp.Incidents[i].Date = shiftYear(cp.Incidents[i].Date, years)
	}
	cp.Dates = slices.Clone(d.Dates)
	for i := range cp.Dates {
		cp.Dates[i].Value = shiftYear(cp.Dates[i].Value, years)
	}
	return &cp
}

// shiftYear moves an ISO-8601 date (or its year-month or year prefix) on by years; a
// value that does not start with a year is returned as it is.
func shiftYear(date string, years int) string {
	if len(date) < 4 {
		return date
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return date
	}
	return fmt.Sprintf("%04d", y+years) + date[4:]
}
