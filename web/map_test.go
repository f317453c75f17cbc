package web

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestMapPage(t *testing.T) {
	st, p := sampleStore(t)
	h := New(st, p, Options{Logger: testLogger(t)})

	// December 2020: the Kankara kidnapping shades Nigeria and is a point.
	rec := do(t, h, "GET", "/map?since=2020-12-01&until=2020-12-31", nil)
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "<svg") {
		t.Fatalf("map: status %d\n%s", rec.Code, body)
	}
	if n := strings.Count(body, "<path "); n < 170 {
		t.Errorf("%d country outlines, want every country of the map", n)
	}
	nga := regexp.MustCompile(`<path class="(s\d)" data-country="NGA"`).FindStringSubmatch(body)
	if nga == nil || nga[1] == "s0" {
		t.Errorf("Nigeria not shaded for December 2020: %v", nga)
	}
	if !strings.Contains(body, `href="/trends?country=NGA&amp;period=week&amp;since=2020-12-01&amp;until=2020-12-31"`) {
		t.Error("Nigeria does not link to its series of the period")
	}
	points := regexp.MustCompile(`<a href="(/stories/st-[^"]+)"><circle class="q\d" cx="[\d.]+" cy="[\d.]+"`).FindAllStringSubmatch(body, -1)
	if len(points) == 0 {
		t.Fatalf("no story points:\n%s", body)
	}
	if rec := do(t, h, "GET", points[0][1], nil); rec.Code != 200 {
		t.Errorf("%s: status %d", points[0][1], rec.Code)
	}
	counts := regexp.MustCompile(`(\d+) stories, (\d+) of conflict; (\d+) with a place, (\d+) drawn`).FindStringSubmatch(body)
	if counts == nil || counts[4] != counts[3] || counts[4] == "0" {
		t.Errorf("counts line %v, want every placed story drawn (%d points)", counts, len(points))
	}
	if !strings.Contains(body, `<td><a href="/trends?country=NGA`) {
		t.Error("Nigeria is not in the table of countries")
	}
	// A month without stories: all grey, no points.
	rec = do(t, h, "GET", "/map?since=2001-02-01&until=2001-02-28", nil)
	if rec.Code != 200 || strings.Contains(rec.Body.String(), "<circle") || regexp.MustCompile(`<path class="s[1-5]"`).MatchString(rec.Body.String()) {
		t.Errorf("empty month: status %d, shaded or drawn", rec.Code)
	}
	// Without a period: the month of the latest story.
	if rec := do(t, h, "GET", "/map", nil); rec.Code != 200 || !strings.Contains(rec.Body.String(), "<circle") {
		t.Errorf("default map: status %d, no points", rec.Code)
	}
	// Bad input is a 400 page, escaped.
	for _, q := range []string{"since=" + url.QueryEscape("<b>x</b>"), "since=2020-02-01&until=2020-01-01",
		"since=2018-01-01&until=2020-01-01", "country=NGA"} {
		rec := do(t, h, "GET", "/map?"+q, nil)
		if rec.Code != 400 || strings.Contains(rec.Body.String(), "<b>x</b>") || !strings.Contains(rec.Body.String(), `class="error"`) {
			t.Errorf("/map?%s: status %d\n%s", q, rec.Code, rec.Body)
		}
	}
}
