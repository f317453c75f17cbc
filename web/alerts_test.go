package web

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/alert"
	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/pipeline/standard"
	"github.com/tocsin-project/tocsin/samples"
	"github.com/tocsin-project/tocsin/store/sqlite"
)

func TestAPIAlerts(t *testing.T) {
	st, p := sampleStore(t)
	h := New(st, p, Options{Logger: testLogger(t)})
	var resp struct {
		Results []alert.Alert `json:"results"`
	}
	// A poller asking from 1 December 2020 gets the Kankara kidnapping week in Nigeria.
	rec := do(t, h, "GET", "/api/alerts?since=2020-12-01", nil)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	decode(t, rec, &resp)
	if len(resp.Results) == 0 || resp.Results[0].Country != "NGA" || resp.Results[0].Start != "2020-12-07" || len(resp.Results[0].Stories) < 3 {
		t.Fatalf("alerts since 2020-12-01: %+v", resp.Results)
	}
	for _, a := range resp.Results {
		if a.End < "2020-12-01" {
			t.Errorf("alert ending %s served to a poller since 2020-12-01", a.End)
		}
	}
	// Each story behind it is served.
	for _, id := range resp.Results[0].Stories {
		if rec := do(t, h, "GET", "/api/stories/"+id, nil); rec.Code != 200 {
			t.Errorf("story %s of the alert: status %d", id, rec.Code)
		}
	}
	wantError(t, do(t, h, "GET", "/api/alerts?since=yesterday", nil), 400, "since")
	wantError(t, do(t, h, "GET", "/api/alerts?country=IRN", nil), 400, "country")
	wantError(t, do(t, h, "GET", "/api/alerts?since=2020-02-01&until=2020-01-01", nil), 400, "until")
}

// sampleStore is a store of the 37 sample articles, analysed by the full pipeline.
func sampleStore(t *testing.T) (*sqlite.Store, *pipeline.Pipeline) {
	t.Helper()
	st, p, _ := sampleStoreBut(t, func(string) bool { return false })
	return st, p
}

// sampleStoreBut is a store of the sample articles but those whose title leave says
// to leave out, which it returns as JSON lines, for a test to post.
func sampleStoreBut(t *testing.T, leave func(title string) bool) (*sqlite.Store, *pipeline.Pipeline, []string) {
	t.Helper()
	p, err := standard.New(standard.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	var left []string
	sc := bufio.NewScanner(bytes.NewReader(samples.JSONL()))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ Title, Text, Published, Source, URL, Language string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		if leave(a.Title) {
			left = append(left, sc.Text())
			continue
		}
		d, err := p.Analyze(context.Background(), &article.Article{Title: a.Title, Body: a.Text, Published: a.Published, Source: a.Source, URL: a.URL, Language: a.Language})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return st, p, left
}

// A server recomputes its alerts as articles arrive: a poller asking since 1
// December 2020 sees no Nigerian alert until the Kankara reports are posted, and then
// sees it, with the posted reports' stories behind it.
func TestAlertsFollowPostedArticles(t *testing.T) {
	st, p, nigeria := sampleStoreBut(t, func(title string) bool {
		return strings.Contains(title, "Nigerian school") || strings.Contains(title, "Kankara")
	})
	if len(nigeria) != 2 {
		t.Fatalf("%d Kankara samples, want 2", len(nigeria))
	}
	h := New(st, p, Options{Token: testToken, Logger: testLogger(t)})
	poll := func() []alert.Alert {
		t.Helper()
		var resp struct {
			Results []alert.Alert `json:"results"`
		}
		rec := do(t, h, "GET", "/api/alerts?since=2020-12-01", nil)
		if rec.Code != 200 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		decode(t, rec, &resp)
		return resp.Results
	}
	nga := func(as []alert.Alert) *alert.Alert {
		for i := range as {
			if as[i].Country == "NGA" {
				return &as[i]
			}
		}
		return nil
	}
	if a := nga(poll()); a != nil {
		t.Fatalf("a Nigerian alert before the reports came: %+v", a)
	}
	var ids []string
	for _, body := range nigeria {
		ids = append(ids, mustPost(t, h, body))
	}
	a := nga(poll())
	if a == nil || a.Start != "2020-12-07" {
		t.Fatalf("no Nigerian alert of the week of 7 December after the reports came: %+v", a)
	}
	// Its stories are the posted reports'.
	found := false
	for _, sid := range a.Stories {
		rec := do(t, h, "GET", "/api/stories/"+sid, nil)
		for _, id := range ids {
			found = found || strings.Contains(rec.Body.String(), `"id":"`+id+`"`)
		}
	}
	if !found {
		t.Errorf("none of the alert's stories %v holds a posted report %v", a.Stories, ids)
	}
}
