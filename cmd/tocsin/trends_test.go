package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/trend"
)

func TestTrendsCommand(t *testing.T) {
	db := ingestedSamples(t)
	code, out, stderr := runCLI(t, "trends", "--db", db, "--dyad", "usa-irn", "--period", "day",
		"--since", "2020-01-01", "--until", "2020-01-10", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rows []trend.Row
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r trend.Row
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		rows = append(rows, r)
	}
	if len(rows) != 10 || rows[0].Start != "2020-01-01" || rows[9].End != "2020-01-10" {
		t.Fatalf("want 10 days, 1 to 10 January:\n%s", out)
	}
	// Nothing between the US and Iran on New Year's Day; the strike on 3 January.
	if rows[0].Events != 0 || rows[2].Quad["4"] == 0 || rows[2].GoldsteinMean >= 0 {
		t.Errorf("1 Jan %+v; 3 Jan %+v", rows[0], rows[2])
	}
	code, table, _ := runCLI(t, "trends", "--db", db, "--country", "IRN", "--period", "month")
	if code != exitOK || !strings.Contains(table, "2020-01-01  2020-01-31") {
		t.Errorf("table (exit %d):\n%s", code, table)
	}
}

func TestTrendsCommandErrors(t *testing.T) {
	db := ingestedSamples(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--period", "week"}, "--dyad"},
		{[]string{"--dyad", "IRN"}, "--dyad"},
		{[]string{"--country", "IRN", "--period", "year"}, "--period"},
		{[]string{"--country", "IRN", "--since", "yesterday"}, "--since"},
		{[]string{"--country", "IRN", "--period", "day", "--since", "1900-01-01", "--until", "2020-01-01"}, "too many periods"},
	} {
		code, _, stderr := runCLI(t, append([]string{"trends", "--db", db}, c.args...)...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %s; want usage error naming %s", c.args, code, stderr, c.want)
		}
	}
}
