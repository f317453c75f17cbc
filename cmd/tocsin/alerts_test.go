package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/alert"
	"github.com/tocsin-project/tocsin/story"
)

func TestAlertsCommand(t *testing.T) {
	db := ingestedSamples(t)
	code, out, stderr := runCLI(t, "alerts", "--db", db, "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The week of the Soleimani strike (3 January 2020): four conflict stories placed
	// in Iran, which had none in its baseline. (The Kankara kidnapping, the samples'
	// only news from Nigeria, is three stories: as likely as 0.0011 by chance at the
	// floored rate, above --alpha, so it does not ring.)
	var irn *alert.Alert
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a alert.Alert
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if a.Country == "IRN" {
			irn = &a
		}
	}
	if irn == nil || irn.Start != "2019-12-30" || irn.Measure != alert.ConflictCount || irn.Value < 4 || len(irn.Stories) != int(irn.Value) {
		t.Fatalf("want a conflict alert on Iran in the week of 30 December 2019:\n%s", out)
	}
	// Each story behind it is placed in Iran.
	for _, id := range irn.Stories {
		code, one, stderr := runCLI(t, "stories", "--db", db, "--id", id)
		var s story.Story
		if code != exitOK || json.Unmarshal([]byte(one), &s) != nil || s.Place == nil || s.Place.Country != "IRN" {
			t.Errorf("story %s behind the alert: exit %d %s %s", id, code, one, stderr)
		}
	}
	// A window with no alert, and a table.
	if code, out, _ := runCLI(t, "alerts", "--db", db, "--json", "--since", "2020-06-01", "--until", "2020-06-30"); code != exitOK || out != "" {
		t.Errorf("June 2020: exit %d, %q", code, out)
	}
	if code, table, _ := runCLI(t, "alerts", "--db", db); code != exitOK || !strings.Contains(table, "IRN") || !strings.HasPrefix(table, "SERIES") {
		t.Errorf("table (exit %d):\n%s", code, table)
	}
}

func TestAlertsCommandErrors(t *testing.T) {
	db := ingestedSamples(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--since", "last week"}, "--since"},
		{[]string{"--since", "2020-02-01", "--until", "2020-01-01"}, "--until"},
		{[]string{"--min-history", "50"}, "--min-history"},
		{[]string{"--sd-floor", "0"}, "--sd-floor"},
		{[]string{"--alpha", "0"}, "--alpha"},
		{[]string{"--min-rate", "-1"}, "--min-rate"},
		{[]string{"--goldstein-sd-floor", "0"}, "--goldstein-sd-floor"},
		{[]string{"IRN"}, "unexpected argument"},
	} {
		code, _, stderr := runCLI(t, append([]string{"alerts", "--db", db}, c.args...)...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %s; want usage error naming %s", c.args, code, stderr, c.want)
		}
	}
}

func TestEvalAlerts(t *testing.T) {
	code, out, stderr := runCLI(t, "eval", "alerts", "../../alert/testdata/dev-stream.jsonl")
	if code != exitOK || !strings.Contains(out, "precision") || !strings.Contains(out, "recall 1.000") {
		t.Errorf("exit %d: %s %s", code, out, stderr)
	}
}
