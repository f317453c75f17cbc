package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/story"
)

func TestStoriesCommand(t *testing.T) {
	db := ingestedSamples(t)
	code, out, stderr := runCLI(t, "stories", "--db", db, "--json", "--country", "IRN", "--q", "stampede", "--limit", "100")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var kerman *story.Story
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var s story.Story
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if s.Place == nil || s.Place.Country != "IRN" {
			t.Errorf("story %s (%s) is not placed in IRN", s.ID, s.Label)
		}
		// The stampede's story is the Kerman story most reported: other stories of
		// that day's articles name Kerman too ("The scenes in Kerman came on the same
		// day that Iran's parliament voted…").
		if len(s.Articles) > 1 && strings.Contains(strings.ToLower(s.Label), "kerman") && (kerman == nil || len(s.Articles) > len(kerman.Articles)) {
			kerman = &s
		}
	}
	if kerman == nil {
		t.Fatalf("no story of several Kerman reports:\n%s", out)
	}
	k := kerman.Casualties["killed"]
	if k == nil || k.Best < 50 || k.Best > 56 || len(k.Claims) < 2 {
		t.Errorf("Kerman killed %+v; want the latest figure (50 to 56) and its claims", k)
	}
	for i := 1; k != nil && i < len(k.Claims); i++ {
		if k.Claims[i].Published < k.Claims[i-1].Published {
			t.Errorf("claims out of publication order: %+v", k.Claims)
		}
	}
	// One story by ID, and the table.
	code, one, stderr := runCLI(t, "stories", "--db", db, "--id", kerman.ID)
	if code != exitOK || !strings.Contains(one, kerman.Label) {
		t.Errorf("--id: exit %d, %s %s", code, one, stderr)
	}
	code, table, _ := runCLI(t, "stories", "--db", db, "--country", "IRN")
	if code != exitOK || !strings.HasPrefix(table, "ID") || !strings.Contains(table, kerman.ID) {
		t.Errorf("table (exit %d):\n%s", code, table)
	}
	// Rebuilding gives the same story.
	if code, _, stderr := runCLI(t, "stories", "--db", db, "--rebuild"); code != exitOK || !strings.Contains(stderr, "stories rebuilt") {
		t.Errorf("--rebuild: exit %d: %s", code, stderr)
	}
	if code, again, _ := runCLI(t, "stories", "--db", db, "--id", kerman.ID); code != exitOK || again != one {
		t.Errorf("after --rebuild the story differs:\n%s\nvs\n%s", one, again)
	}
}

func TestStoriesCommandErrors(t *testing.T) {
	db := ingestedSamples(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--country", "Iran"}, exitUsage, "--country"},
		{[]string{"--code", "190"}, exitUsage, "code"},
		{[]string{"--limit", "0"}, exitUsage, "--limit"},
		{[]string{"--format", "xml"}, exitUsage, "--format"},
		{[]string{"--q", "--"}, exitUsage, "--q"},
		{[]string{"--id", "st-none"}, exitInput, "no such story"},
	} {
		code, _, stderr := runCLI(t, append([]string{"stories", "--db", db}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %q; want exit %d naming %s", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}
