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
	// Iran's answer to the Soleimani strike, its missiles on U.S. forces in Iraq (8
	// January 2020): conflict stories placed in Iraq, which had almost none in its
	// baseline. (The Kankara kidnapping, the samples' only news from Nigeria, is one
	// happening in one article and its follow-up, so it does not ring.)
	var irq *alert.Alert
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a alert.Alert
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if a.Country == "IRQ" && a.Start == "2020-01-06" {
			irq = &a
		}
		if a.Country == "NGA" {
			t.Errorf("the Kankara kidnapping rang: %s", line)
		}
	}
	if irq == nil || irq.Measure != alert.ConflictCount || irq.Value < 4 || len(irq.Stories) != int(irq.Value) {
		t.Fatalf("want a conflict alert on Iraq in the week of 6 January 2020:\n%s", out)
	}
	// Each story behind it is placed in Iraq.
	for _, id := range irq.Stories {
		code, one, stderr := runCLI(t, "stories", "--db", db, "--id", id)
		var s story.Story
		if code != exitOK || json.Unmarshal([]byte(one), &s) != nil || s.Place == nil || s.Place.Country != "IRQ" {
			t.Errorf("story %s behind the alert: exit %d %s %s", id, code, one, stderr)
		}
	}
	// A window with no alert, and a table.
	if code, out, _ := runCLI(t, "alerts", "--db", db, "--json", "--since", "2020-06-01", "--until", "2020-06-30"); code != exitOK || out != "" {
		t.Errorf("June 2020: exit %d, %q", code, out)
	}
	if code, table, _ := runCLI(t, "alerts", "--db", db); code != exitOK || !strings.Contains(table, "IRQ") || !strings.HasPrefix(table, "SERIES") {
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
