package alert

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/trend"
)

// randomItems draws n stories over ten years with nothing planted: as tocsin bench
// store draws its synthetic articles, each story has a source and a target among 40
// countries, a CAMEO code drawn uniformly from the table's three- and four-digit
// codes, a day uniformly from 2015 to 2024 and, six times in ten, a place in one of
// the countries. Every departure a rule finds in them is chance.
func randomItems(seed uint64, n int) []trend.Item {
	r := rand.New(rand.NewPCG(seed, 13))
	countries := strings.Fields(`USA IRN IRQ ISR PSE SYR LBN SAU YEM TUR RUS UKR CHN TWN IND PAK AFG
		GBR FRA DEU NGA ETH SDN SSD SOM KEN COD MLI EGY LBY MEX COL VEN BRA PRK KOR JPN MMR PHL IDN`)
	var codes []cameo.Info
	for _, c := range cameo.Codes() {
		if len(c.Code) >= 3 {
			codes = append(codes, c)
		}
	}
	epoch := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	items := make([]trend.Item, n)
	for i := range items {
		c := codes[r.IntN(len(codes))]
		it := trend.Item{ID: fmt.Sprint(i), Story: fmt.Sprint("s", i), Day: epoch.AddDate(0, 0, r.IntN(3650)).Format(time.DateOnly),
			Quad: c.QuadClass, Goldstein: c.Goldstein,
			Sources: []string{countries[r.IntN(len(countries))]}, Targets: []string{countries[r.IntN(len(countries))]}}
		if r.IntN(10) < 6 {
			it.Country = countries[r.IntN(len(countries))]
		}
		items[i] = it
	}
	slices.SortStableFunc(items, func(a, b trend.Item) int { return strings.Compare(a.Day, b.Day) })
	return items
}

// tally counts alerts by measure and kind of series.
func tally(alerts []Alert) map[string]int {
	out := map[string]int{}
	for _, a := range alerts {
		kind := "dyad"
		if a.Country != "" {
			kind = "country"
		}
		out[a.Measure+" "+kind]++
	}
	return out
}

// A store of random stories, with nothing planted, rings a handful of times in ten
// years over its 40 countries and 1,560 dyads (724 times before the Poisson and
// standard-error conditions: 490 Goldstein drops of country series, 219 country and
// 15 dyad conflict counts).
func TestRandomStoriesRarelyRing(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		alerts := Detect(randomItems(seed, 80000), DefaultConfig, "", "")
		t.Logf("seed %d: %d alerts: %v", seed, len(alerts), tally(alerts))
		if len(alerts) > 10 {
			t.Errorf("seed %d: %d alerts on random stories, want at most 10", seed, len(alerts))
		}
	}
}

func TestPoissonTail(t *testing.T) {
	for _, c := range []struct {
		k      int
		lambda float64
		want   float64
	}{
		{0, 1, 1},
		{1, 1, 1 - math.Exp(-1)},
		{3, 0.2, 1 - math.Exp(-0.2)*(1+0.2+0.02)},
		{8, 1.1, 2.0e-5}, // 1 - sum of the first 8 terms, to two digits
	} {
		got := poissonTail(c.k, c.lambda)
		if math.Abs(got-c.want) > c.want*0.05 {
			t.Errorf("poissonTail(%d, %v) = %v, want %v", c.k, c.lambda, got, c.want)
		}
	}
}

// memStore serves items from memory, as a store would: those from since to until,
// of the query's country (the only series filter it knows).
type memStore []trend.Item

func (m memStore) TrendItems(_ context.Context, q trend.Query, fn func(*trend.Item) error) error {
	for i := range m {
		it := m[i]
		if (q.Since != "" && it.Day < q.Since) || (q.Until != "" && it.Day > q.Until) || (q.Country != "" && it.Country != q.Country) {
			continue
		}
		if err := fn(&it); err != nil {
			return err
		}
	}
	return nil
}

func (memStore) TrendTotals(context.Context, string, string, bool) (map[string]int, error) {
	return nil, nil
}

// Compute over one day, which sums only the series that can ring, gives what the
// rules give over every item to that day; so does Compute over a wider window, which
// sums all.
func TestComputeOneDay(t *testing.T) {
	items := randomItems(3, 80000)
	cfg := DefaultConfig
	cfg.Alpha, cfg.GoldsteinZ = 1, 0 // ring often, so that there is something to compare
	rang := 0
	for i, day := range []string{"2016-03-09", "2018-07-01", "2019-11-25", "2021-02-14", "2024-06-30"} {
		until := day
		if i == 4 {
			until = "2024-08-31" // over candidateDays: every series summed
		}
		got, err := Compute(context.Background(), memStore(items), cfg, day, until)
		if err != nil {
			t.Fatal(err)
		}
		upTo := slices.DeleteFunc(slices.Clone(items), func(it trend.Item) bool { return it.Day > until })
		want := Detect(upTo, cfg, day, until)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s..%s: Compute gives %d alerts, Detect %d:\n%v\n%v", day, until, len(got), len(want), got, want)
		}
		rang += len(got)
	}
	if rang == 0 {
		t.Error("no alerts to compare")
	}
}

// The alerts of one country's series, read alone, are those of every series kept to
// that country's.
func TestComputeForCountry(t *testing.T) {
	items := randomItems(4, 80000)
	cfg := DefaultConfig
	cfg.Alpha, cfg.GoldsteinZ = 1, 0
	n := 0
	for _, c := range []string{"IRN", "NGA", "UKR", "BRA"} {
		all, err := Compute(context.Background(), memStore(items), cfg, "2017-01-01", "2019-12-31")
		if err != nil {
			t.Fatal(err)
		}
		want := slices.DeleteFunc(all, func(a Alert) bool { return a.Country != c })
		got, err := ComputeFor(context.Background(), memStore(items), cfg, trend.Query{Country: c}, "2017-01-01", "2019-12-31")
		if err != nil {
			t.Fatal(err)
		}
		got = slices.DeleteFunc(got, func(a Alert) bool { return a.Country != c })
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: alone %v\nof all %v", c, got, want)
		}
		n += len(want)
	}
	if n == 0 {
		t.Error("no alerts to compare")
	}
}
