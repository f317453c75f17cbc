package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/tocsin-project/tocsin/alert"
)

func runAlerts(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "alerts", "[--db PATH] [--since DATE --until DATE] [--json] [thresholds]")
	db := dbFlag(fs, e)
	since := fs.String("since", "", "alerts whose weeks end on or after this `day`, YYYY-MM-DD")
	until := fs.String("until", "", "alerts whose weeks start on or before this `day`, YYYY-MM-DD")
	asJSON := fs.Bool("json", false, "JSON Lines, one alert a line, with its stories")
	cfg := alert.DefaultConfig
	fs.IntVar(&cfg.BaselineWeeks, "baseline-weeks", cfg.BaselineWeeks, "weeks before the judged one that make its baseline")
	fs.IntVar(&cfg.MinHistory, "min-history", cfg.MinHistory, "weeks of history before a week is judged")
	fs.Float64Var(&cfg.Z, "z", cfg.Z, "least z-score of the weekly count of quad 3+4 stories")
	fs.Float64Var(&cfg.SDFloor, "sd-floor", cfg.SDFloor, "least standard deviation of the baseline counts")
	fs.IntVar(&cfg.MinCount, "min-count", cfg.MinCount, "least stories in the judged week")
	fs.Float64Var(&cfg.ShareRise, "share-rise", cfg.ShareRise, "least rise of the conflict share of a series' stories over its baseline's")
	fs.Float64Var(&cfg.GoldsteinDrop, "goldstein-drop", cfg.GoldsteinDrop, "least drop of the weekly Goldstein mean below the baseline's")
	fs.IntVar(&cfg.MinBaselineStories, "min-baseline-stories", cfg.MinBaselineStories, "least baseline stories for the Goldstein rule")
	fs.Float64Var(&cfg.Alpha, "alpha", cfg.Alpha, "most Poisson probability of the week's conflict count under the baseline's rate")
	fs.Float64Var(&cfg.MinRate, "min-rate", cfg.MinRate, "least baseline rate (conflict stories a week) for --alpha")
	fs.Float64Var(&cfg.GoldsteinZ, "goldstein-z", cfg.GoldsteinZ, "least Goldstein drop in standard errors of the week's mean")
	fs.Float64Var(&cfg.GoldsteinSDFloor, "goldstein-sd-floor", cfg.GoldsteinSDFloor, "least standard deviation of the baseline's Goldstein scores")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	for _, d := range []struct{ name, v string }{{"since", *since}, {"until", *until}} {
		if d.v == "" {
			continue
		}
		if _, err := parseDate(d.v); err != nil || len(d.v) != 10 {
			return usageError{fmt.Sprintf("--%s %q: want a date as YYYY-MM-DD", d.name, d.v)}
		}
	}
	if *since != "" && *until != "" && *since > *until {
		return usageError{fmt.Sprintf("--until %s is before --since %s", *until, *since)}
	}
	if err := checkConfig(cfg); err != nil {
		return usageError{err.Error()}
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	alerts, err := alert.Compute(ctx, st, cfg, *since, *until)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, a := range alerts {
			if err := enc.Encode(a); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SERIES\tSTART\tEND\tMEASURE\tVALUE\tBASELINE\tSCORE\tSTORIES")
	for _, a := range alerts {
		series := a.Source + ">" + a.Target
		if a.Country != "" {
			series = a.Country
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%v\t%v\t%v\t%s\n", series, a.Start, a.End, a.Measure, a.Value, a.Baseline,
			a.Score, strings.Join(a.Stories[:min(3, len(a.Stories))], " ")+more(len(a.Stories)-3))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "alerts: %d\n", len(alerts))
	return nil
}

func more(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" (+%d)", n)
}

// checkConfig rejects thresholds that make no rule: each names its flag.
func checkConfig(c alert.Config) error {
	switch {
	case c.BaselineWeeks < 2 || c.BaselineWeeks > 104:
		return fmt.Errorf("--baseline-weeks %d: want 2 to 104", c.BaselineWeeks)
	case c.MinHistory < 1 || c.MinHistory > c.BaselineWeeks:
		return fmt.Errorf("--min-history %d: want 1 to --baseline-weeks (%d)", c.MinHistory, c.BaselineWeeks)
	case c.SDFloor <= 0:
		return fmt.Errorf("--sd-floor %v: want more than 0", c.SDFloor)
	case c.MinCount < 1:
		return fmt.Errorf("--min-count %d: want 1 or more", c.MinCount)
	case c.MinBaselineStories < 1:
		return fmt.Errorf("--min-baseline-stories %d: want 1 or more", c.MinBaselineStories)
	case !(c.Alpha > 0 && c.Alpha <= 1):
		return fmt.Errorf("--alpha %v: want more than 0, at most 1", c.Alpha)
	case !(c.MinRate > 0):
		return fmt.Errorf("--min-rate %v: want more than 0", c.MinRate)
	case !(c.GoldsteinSDFloor > 0):
		return fmt.Errorf("--goldstein-sd-floor %v: want more than 0", c.GoldsteinSDFloor)
	case math.IsNaN(c.GoldsteinZ) || math.IsNaN(c.Z):
		return fmt.Errorf("--z and --goldstein-z: want numbers")
	}
	return nil
}

// evalAlerts scores the alert rule on development streams (alert/testdata): each
// PATH is a stream of reports, its gold escalations beside it as dev-gold.tsv.
func evalAlerts(_ context.Context, e *env, paths []string) error {
	misses := slices.Contains(paths, "--misses")
	paths = slices.DeleteFunc(paths, func(p string) bool { return p == "--misses" })
	for _, path := range paths {
		items, err := alert.ReadStream(path)
		if err != nil {
			return err
		}
		goldPath := strings.TrimSuffix(path, "-stream.jsonl") + "-gold.tsv"
		gold, err := alert.ReadGold(goldPath)
		if err != nil {
			return fmt.Errorf("%s: its gold escalations: %w", path, err)
		}
		r := alert.Score(alert.Detect(items, alert.DefaultConfig, "", ""), gold)
		fmt.Fprintf(e.stdout, "%s: %d reports, %d gold escalations (%s)\n", path, len(items), r.Gold, goldPath)
		fmt.Fprintf(e.stdout, "  alerts %d, correct %d: precision %.3f\n", r.Alerts, r.Correct, r.Precision)
		fmt.Fprintf(e.stdout, "  escalations found %d of %d: recall %.3f\n", r.Found, r.Gold, r.Recall)
		if misses {
			for _, m := range r.Misses {
				fmt.Fprintf(e.stdout, "  %s\n", m)
			}
		}
	}
	return nil
}
