package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"text/tabwriter"

	"github.com/tocsin-project/tocsin/trend"
)

func runTrends(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "trends", "[--db PATH] --source CODE --target CODE | --dyad A-B | --country ISO3 [--period day|week|month] [--since DATE --until DATE] [--mentions] [--json]")
	db := dbFlag(fs, e)
	v := url.Values{}
	usage := map[string]string{
		"source":  "source actor `CODE` (or prefix), e.g. IRN",
		"target":  "target actor `CODE` (or prefix)",
		"dyad":    "actor pair `A-B`, in either direction, e.g. USA-IRN",
		"country": "ISO 3166 alpha-3 `CODE` of the place",
		"since":   "first `day`, YYYY-MM-DD (default: the first item's)",
		"until":   "last `day`, YYYY-MM-DD (default: the last item's)",
		"period":  "one row per `day`, week (from Monday) or month",
	}
	for _, name := range trend.ParamNames {
		if name == "mentions" {
			continue
		}
		fs.Func(name, usage[name], func(s string) error {
			v.Add(name, s)
			return nil
		})
	}
	mentions := fs.Bool("mentions", false, "count event rows (every report) instead of stories")
	asJSON := fs.Bool("json", false, "JSON Lines, one line per period")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q: the series is chosen by flags, e.g. --dyad USA-IRN", fs.Arg(0))}
	}
	if *mentions {
		v.Set("mentions", "true")
	}
	q, err := trend.ParseQuery(v)
	if err != nil {
		return filterError(err)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	rows, err := trend.Series(ctx, st, q)
	if errors.Is(err, trend.ErrTooLong) {
		return usageError{err.Error() + "; narrow --since/--until or use a longer --period"}
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "start\tend\tevents\tq1\tq2\tq3\tq4\tgoldstein\tmean\tnet coop\tshare\tkilled\tinjured\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%.1f\t%.2f\t%.2f\t%.3f\t%d\t%d\t\n", r.Start, r.End, r.Events,
			r.Quad["1"], r.Quad["2"], r.Quad["3"], r.Quad["4"], r.GoldsteinSum, r.GoldsteinMean, r.NetCooperation,
			r.Share, r.Killed, r.Injured)
	}
	return tw.Flush()
}
