package web

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/lang"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
	"github.com/tocsin-project/tocsin/trend"
)

func TestAPITrends(t *testing.T) {
	st := eventsServer(t)
	h := New(st, pipeline.New(lang.Stage{}, segment.Stage{}), Options{Logger: testLogger(t)})
	rec := do(t, h, "GET", "/api/trends?country=IRN&period=week&since=2020-01-01&until=2020-01-31", nil)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var resp struct {
		Results []trend.Row `json:"results"`
	}
	decode(t, rec, &resp)
	if len(resp.Results) != 5 || resp.Results[0].Start != "2019-12-30" || resp.Results[4].End != "2020-02-02" {
		t.Fatalf("want the five weeks that hold January 2020: %+v", resp.Results)
	}
	events := 0
	for _, r := range resp.Results {
		events += r.Events
		if len(r.Quad) != 4 {
			t.Errorf("week %s quad %v, want four classes", r.Start, r.Quad)
		}
	}
	// The v1 store holds the Kerman stampede report (7 January, at least 40 dead).
	if events == 0 || resp.Results[1].Killed < 40 {
		t.Errorf("Iran in January 2020: %d stories; week of 6 Jan %+v", events, resp.Results[1])
	}
	wantError(t, do(t, h, "GET", "/api/trends?country=IRN&period=year", nil), 400, "period")
	wantError(t, do(t, h, "GET", "/api/trends?period=day", nil), 400, "dyad")
	wantError(t, do(t, h, "GET", "/api/trends?dyad=IRN-USA&limit=5", nil), 400, "limit")
	wantError(t, do(t, h, "GET", "/api/trends?country=IRN&period=day&since=1900-01-01&until=2020-01-01", nil), 400, "too many periods")
}

func TestTrendsAndAlertsPages(t *testing.T) {
	st, p := sampleStore(t)
	h := New(st, p, Options{Logger: testLogger(t)})

	// The US-Iran dyad by week: stacked bars, the Goldstein line, the table.
	rec := do(t, h, "GET", "/trends?dyad=USA-IRN&period=week", nil)
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "<svg") || !strings.Contains(body, `class="q4"`) ||
		!strings.Contains(body, `<polyline class="goldstein"`) || !strings.Contains(body, "2019-12-30 – 2020-01-05") {
		t.Fatalf("dyad page: status %d\n%s", rec.Code, body)
	}
	if !strings.Contains(body, `href="/stories?dyad=USA-IRN&amp;since=2019-12-30&amp;until=2020-01-05"`) {
		t.Errorf("the week of 30 December does not link to its stories:\n%s", body)
	}
	// Its top stories, most reported first, link to them.
	top := regexp.MustCompile(`(?s)<ol class="top-stories">(.*?)</ol>`).FindStringSubmatch(body)
	if top == nil || !strings.Contains(top[1], `<a href="/stories/st-`) {
		t.Errorf("no top stories on the dyad page:\n%s", body)
	} else {
		n := regexp.MustCompile(`· (\d+) reports?`).FindAllStringSubmatch(top[1], -1)
		for i := 1; i < len(n); i++ {
			if a, b := atoi(n[i-1][1]), atoi(n[i][1]); a < b {
				t.Errorf("top stories not most reported first: %v", n)
			}
		}
	}
	// A country page lists the dyads of its stories, each linking to its series.
	rec = do(t, h, "GET", "/trends?country=IRN&period=week", nil)
	body = rec.Body.String()
	if !regexp.MustCompile(`<a href="/trends\?dyad=(USA-IRN|IRN-USA)&amp;period=week&amp;since=[\d-]+&amp;until=[\d-]+">`).MatchString(body) {
		t.Errorf("Iran's page does not list the US-Iran dyad among its top dyads:\n%s", body)
	}
	// Iraq's week of Iran's missiles on U.S. forces rings: marked on the chart, its
	// stories linked.
	rec = do(t, h, "GET", "/trends?country=IRQ&period=week", nil)
	body = rec.Body.String()
	if rec.Code != 200 || strings.Count(body, `<rect class="alert"`) != 1 || !strings.Contains(body, "conflict_count") ||
		!strings.Contains(body, `<a href="/stories/st-`) {
		t.Errorf("Iraq page: status %d\n%s", rec.Code, body)
	}
	// The alerts page links each alert to its series and its stories, and a story
	// link leads to the story page.
	rec = do(t, h, "GET", "/alerts", nil)
	body = rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, `href="/trends?country=IRQ&amp;period=week"`) {
		t.Fatalf("alerts page: status %d\n%s", rec.Code, body)
	}
	i := strings.Index(body, `<a href="/stories/st-`)
	if i < 0 {
		t.Fatalf("no story link on the alerts page:\n%s", body)
	}
	link := body[i+len(`<a href="`):]
	link = link[:strings.IndexByte(link, '"')]
	if rec := do(t, h, "GET", link, nil); rec.Code != 200 {
		t.Errorf("%s: status %d", link, rec.Code)
	}
	// Bad input is a 400 page that shows the value escaped.
	rec = do(t, h, "GET", "/trends?dyad="+url.QueryEscape("<b>x</b>"), nil)
	if rec.Code != 400 || strings.Contains(rec.Body.String(), "<b>x</b>") || !strings.Contains(rec.Body.String(), "dyad") {
		t.Errorf("bad dyad: status %d\n%s", rec.Code, rec.Body)
	}
	if rec := do(t, h, "GET", "/alerts?since=tomorrow", nil); rec.Code != 400 {
		t.Errorf("bad since: status %d", rec.Code)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
