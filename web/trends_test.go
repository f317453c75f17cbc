package web

import (
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
