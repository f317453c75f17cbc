package web

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/lang"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
	"github.com/tocsin-project/tocsin/story"
)

func TestAPIStories(t *testing.T) {
	st := eventsServer(t)
	h := New(st, pipeline.New(lang.Stage{}, segment.Stage{}), Options{Logger: testLogger(t)})
	rec := do(t, h, "GET", "/api/stories?limit=100", nil)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var resp struct {
		Results []story.Story `json:"results"`
		Total   int           `json:"total"`
		Limit   int           `json:"limit"`
	}
	decode(t, rec, &resp)
	if resp.Total == 0 || len(resp.Results) != resp.Total || resp.Limit != 100 {
		t.Fatalf("got %d of %d stories, limit %d", len(resp.Results), resp.Total, resp.Limit)
	}
	// The v1 store holds the Kerman report of "at least 40" dead.
	var kerman *story.Story
	for i, s := range resp.Results {
		if k := s.Casualties["killed"]; k != nil && k.Best == 40 {
			kerman = &resp.Results[i]
		}
		if s.State != nil {
			t.Errorf("story %s served with its linking state", s.ID)
		}
	}
	if kerman == nil {
		t.Fatalf("no story with 40 killed among %d", len(resp.Results))
	}
	rec = do(t, h, "GET", "/api/stories/"+kerman.ID, nil)
	var one story.Story
	decode(t, rec, &one)
	if rec.Code != 200 || one.ID != kerman.ID || one.Label != kerman.Label {
		t.Errorf("GET one story: %d %+v", rec.Code, one)
	}
	rec = do(t, h, "GET", "/api/stories?country=IRN&q=Kerman", nil)
	decode(t, rec, &resp)
	found := false
	for _, s := range resp.Results {
		found = found || s.ID == kerman.ID
	}
	if rec.Code != 200 || !found {
		t.Errorf("country=IRN&q=Kerman: status %d, Kerman story not among %d", rec.Code, len(resp.Results))
	}

	wantError(t, do(t, h, "GET", "/api/stories/st-none", nil), 404, "st-none")
	wantError(t, do(t, h, "GET", "/api/stories?code=190", nil), 400, "code")
	wantError(t, do(t, h, "GET", "/api/stories?colour=red", nil), 400, "colour")
	wantError(t, do(t, h, "GET", "/api/stories?since=2020-13-01", nil), 400, "since")

	// The pages: the list links the story; the story shows its claim, chart and sentence link.
	rec = do(t, h, "GET", "/stories?country=IRN", nil)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "/stories/"+kerman.ID) {
		t.Errorf("stories page: status %d, no link to %s", rec.Code, kerman.ID)
	}
	rec = do(t, h, "GET", "/stories/"+kerman.ID, nil)
	body := html.UnescapeString(rec.Body.String())
	claim := kerman.Casualties["killed"].Claims[0]
	if rec.Code != 200 || !strings.Contains(body, "<svg") || !strings.Contains(body, "/articles/"+url.PathEscape(claim.Article)+"#:~:text=") {
		t.Errorf("story page: status %d, want the chart and a link to the claim's sentence:\n%s", rec.Code, body)
	}
	if !strings.Contains(body, "<h2>Mentions</h2>") || !strings.Contains(body, claim.Sentence[:min(40, len(claim.Sentence))]) {
		t.Errorf("story page lists no mention with the claim's sentence %q", claim.Sentence)
	}
	if rec := do(t, h, "GET", "/stories/st-none", nil); rec.Code != 404 {
		t.Errorf("unknown story page: status %d", rec.Code)
	}
}
