package alert

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/trend"
)

// report is one line of a development stream (testdata/dev-stream.jsonl): one coded
// event of one article, with its story.
type report struct {
	Story     string  `json:"story"`
	Outlet    string  `json:"outlet"`
	Day       string  `json:"day"`
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Country   string  `json:"country"`
	Quad      int     `json:"quad"`
	Goldstein float64 `json:"goldstein"`
}

// ReadStream reads a development stream of reports as items in day order, one per
// report (event row), each with its story.
func ReadStream(path string) ([]trend.Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []trend.Item
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		var r report
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if _, err := time.Parse(time.DateOnly, r.Day); err != nil || r.Story == "" || r.Quad < 1 || r.Quad > 4 {
			return nil, fmt.Errorf("%s:%d: want a story, a day as YYYY-MM-DD and a quad class 1-4", path, n)
		}
		out = append(out, trend.Item{ID: fmt.Sprint(n), Story: r.Story, Day: r.Day, Quad: r.Quad,
			Goldstein: r.Goldstein, Country: r.Country, Sources: []string{r.Source}, Targets: []string{r.Target}})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	slices.SortStableFunc(out, func(a, b trend.Item) int { return strings.Compare(a.Day, b.Day) })
	return out, nil
}

// Escalation is a gold escalation: a dyad (Source, Target) or a Country, and the first
// day of its first week.
type Escalation struct {
	Source, Target, Country string
	Start                   string
	Note                    string
}

// ReadGold reads gold escalations (testdata/dev-gold.tsv): kind (dyad or country),
// source or country, target, first day, note; # starts a comment.
func ReadGold(path string) ([]Escalation, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []Escalation
	for n, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return nil, fmt.Errorf("%s:%d: want kind, source or country, target, first day", path, n+1)
		}
		if _, err := time.Parse(time.DateOnly, f[3]); err != nil {
			return nil, fmt.Errorf("%s:%d: first day %q: want YYYY-MM-DD", path, n+1, f[3])
		}
		e := Escalation{Start: f[3]}
		if len(f) > 4 {
			e.Note = f[4]
		}
		switch f[0] {
		case "dyad":
			e.Source, e.Target = f[1], f[2]
		case "country":
			e.Country = f[1]
		default:
			return nil, fmt.Errorf("%s:%d: kind %q: want dyad or country", path, n+1, f[0])
		}
		out = append(out, e)
	}
	return out, nil
}

// Result scores alerts against gold escalations.
type Result struct {
	Alerts, Correct   int // alerts, and those that match an escalation
	Gold, Found       int // escalations, and those some alert matches
	Precision, Recall float64
	Misses            []string // false alerts and missed escalations, for --misses
}

// window is how early and late an alert may start to match an escalation: from the
// week before its first week to two weeks after.
const (
	early = -7
	late  = 14
)

// Score matches alerts to escalations: an alert is correct when it is on the same
// dyad or country and starts from a week before to two weeks after the escalation's
// first day.
func Score(alerts []Alert, gold []Escalation) Result {
	r := Result{Alerts: len(alerts), Gold: len(gold)}
	found := make([]bool, len(gold))
	for _, a := range alerts {
		ok := false
		for i, g := range gold {
			if a.Source == g.Source && a.Target == g.Target && a.Country == g.Country && within(a.Start, g.Start) {
				ok, found[i] = true, true
			}
		}
		if ok {
			r.Correct++
		} else {
			r.Misses = append(r.Misses, fmt.Sprintf("false alert: %s %s..%s %s=%v (baseline %v, score %v)",
				seriesName(a.Source, a.Target, a.Country), a.Start, a.End, a.Measure, a.Value, a.Baseline, a.Score))
		}
	}
	for i, g := range gold {
		if found[i] {
			r.Found++
		} else {
			r.Misses = append(r.Misses, fmt.Sprintf("missed: %s from %s (%s)", seriesName(g.Source, g.Target, g.Country), g.Start, g.Note))
		}
	}
	if r.Alerts > 0 {
		r.Precision = float64(r.Correct) / float64(r.Alerts)
	}
	if r.Gold > 0 {
		r.Recall = float64(r.Found) / float64(r.Gold)
	}
	return r
}

func within(day, start string) bool {
	d, err1 := time.Parse(time.DateOnly, day)
	s, err2 := time.Parse(time.DateOnly, start)
	if err1 != nil || err2 != nil {
		return false
	}
	diff := int(d.Sub(s).Hours() / 24)
	return diff >= early && diff <= late
}

func seriesName(source, target, country string) string {
	if country != "" {
		return "country " + country
	}
	return "dyad " + source + ">" + target
}
