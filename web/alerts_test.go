package web

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
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
	p, err := standard.New(standard.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	sc := bufio.NewScanner(bytes.NewReader(samples.JSONL()))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ Title, Text, Published, Source, URL, Language string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		d, err := p.Analyze(context.Background(), &article.Article{Title: a.Title, Body: a.Text, Published: a.Published, Source: a.Source, URL: a.URL, Language: a.Language})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return st, p
}
