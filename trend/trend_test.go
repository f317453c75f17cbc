package trend

import (
	"net/url"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/store"
)

func TestStart(t *testing.T) {
	for _, c := range []struct {
		day  string
		p    Period
		want string
	}{
		{"2020-01-08", Week, "2020-01-06"}, // a Wednesday: the Monday before
		{"2020-01-06", Week, "2020-01-06"}, // a Monday: itself
		{"2020-01-05", Week, "2019-12-30"}, // a Sunday: across the year
		{"2020-02-29", Month, "2020-02-01"},
		{"2020-02-29", Day, "2020-02-29"},
	} {
		d, _ := time.Parse(iso, c.day)
		if got := Start(d, c.p).Format(iso); got != c.want {
			t.Errorf("Start(%s, %s) = %s, want %s", c.day, c.p, got, c.want)
		}
	}
}

func TestBucketKeepsEmptyPeriods(t *testing.T) {
	items := []Item{
		{ID: "a", Story: "a", Day: "2020-01-03", Quad: 4, Goldstein: -10, Killed: 2},
		{ID: "b", Story: "b", Day: "2020-01-05", Quad: 1, Goldstein: 3},
		{ID: "c", Story: "c", Day: "2020-01-20", Quad: 3, Goldstein: -4, Injured: 5},
		{ID: "d", Story: "d", Day: "2020-01-21", Quad: 0, Killed: 7},    // an incident: casualties only
		{ID: "e", Story: "e", Day: "2020-03-01", Quad: 2, Goldstein: 1}, // after until: left out
	}
	rows, err := Bucket(items, "2020-01-01", "2020-01-31", Week)
	if err != nil {
		t.Fatal(err)
	}
	starts := []string{"2019-12-30", "2020-01-06", "2020-01-13", "2020-01-20", "2020-01-27"}
	if len(rows) != len(starts) {
		t.Fatalf("%d rows, want %d: %+v", len(rows), len(starts), rows)
	}
	for i, r := range rows {
		if r.Start != starts[i] {
			t.Errorf("row %d starts %s, want %s", i, r.Start, starts[i])
		}
	}
	r := rows[0]
	if r.End != "2020-01-05" || r.Events != 2 || r.Quad["1"] != 1 || r.Quad["4"] != 1 || r.GoldsteinSum != -7 ||
		r.GoldsteinMean != -3.5 || r.NetCooperation != 0 || r.Killed != 2 {
		t.Errorf("first week = %+v", r)
	}
	for _, i := range []int{1, 2, 4} {
		if rows[i].Events != 0 || rows[i].GoldsteinMean != 0 || rows[i].Quad["3"] != 0 {
			t.Errorf("week %s should be empty: %+v", rows[i].Start, rows[i])
		}
	}
	if r := rows[3]; r.Events != 1 || r.NetCooperation != -1 || r.Killed != 7 || r.Injured != 5 {
		t.Errorf("week of 20 Jan = %+v", r)
	}
	Shares(rows, map[string]int{"2020-01-03": 4, "2020-01-05": 4, "2020-01-22": 1})
	if rows[0].Share != 0.25 || rows[3].Share != 1 || rows[1].Share != 0 {
		t.Errorf("shares %v %v %v", rows[0].Share, rows[3].Share, rows[1].Share)
	}
}

func TestBucketCountsAStoryCasualtiesOncePerPeriod(t *testing.T) {
	// Three event rows of one story (mentions): counted three times, its dead once.
	items := []Item{
		{ID: "1", Story: "s", Day: "2020-01-08", Quad: 4, Goldstein: -10, Killed: 50},
		{ID: "2", Story: "s", Day: "2020-01-08", Quad: 4, Goldstein: -10, Killed: 50},
		{ID: "3", Story: "s", Day: "2020-01-09", Quad: 4, Goldstein: -10, Killed: 50},
	}
	rows, err := Bucket(items, "2020-01-08", "2020-01-09", Month)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Events != 3 || rows[0].Killed != 50 || rows[0].End != "2020-01-31" {
		t.Errorf("rows = %+v", rows)
	}
}

func TestBucketBoundsItsLength(t *testing.T) {
	if _, err := Bucket(nil, "1900-01-01", "2020-01-01", Day); err == nil {
		t.Error("a 120-year daily series was accepted")
	}
}

func TestParseQuery(t *testing.T) {
	q, err := ParseQuery(url.Values{"dyad": {"irn-usa"}, "period": {"month"}, "mentions": {"true"}})
	if err != nil || q.Dyad != [2]string{"IRN", "USA"} || q.Period != Month || !q.Mentions {
		t.Errorf("ParseQuery = %+v, %v", q, err)
	}
	for _, c := range []struct {
		v    url.Values
		name string
	}{
		{url.Values{"dyad": {"IRN"}}, "dyad"},
		{url.Values{"country": {"IRN"}, "period": {"year"}}, "period"},
		{url.Values{"country": {"IRN"}, "mentions": {"yes please"}}, "mentions"},
		{url.Values{"country": {"IRN"}, "since": {"8 Jan"}}, "since"},
		{url.Values{"country": {"IRN"}, "limit": {"3"}}, "limit"},
		{url.Values{"period": {"day"}}, "dyad"},                       // nothing selects a series
		{url.Values{"country": {"IRN"}, "dyad": {"IRN-USA"}}, "dyad"}, // two selectors
	} {
		_, err := ParseQuery(c.v)
		fe, ok := err.(*store.FilterError)
		if !ok || fe.Name != c.name {
			t.Errorf("ParseQuery(%v) = %v, want an error naming %s", c.v, err, c.name)
		}
	}
}
