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
	// A poller asking from 30 December 2019 gets the week of Iran's missiles on U.S.
	// forces in Iraq, its answer to the Soleimani strike.
	rec := do(t, h, "GET", "/api/alerts?since=2019-12-30", nil)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	decode(t, rec, &resp)
	var irq *alert.Alert
	for i, a := range resp.Results {
		if a.End < "2019-12-30" {
			t.Errorf("alert ending %s served to a poller since 2019-12-30", a.End)
		}
		if a.Country == "IRQ" && a.Start == "2020-01-06" {
			irq = &resp.Results[i]
		}
	}
	if irq == nil || len(irq.Stories) < 4 {
		t.Fatalf("alerts since 2019-12-30: %+v", resp.Results)
	}
	// Each story behind it is served.
	for _, id := range irq.Stories {
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

// A server recomputes its alerts as articles arrive: a poller asking since 30
// The alerts follow what is posted: the Iraqi alert of the week of 6 January 2020 rises
// when the reports of Iran's missiles on U.S. forces in Iraq are posted, with the posted
// reports' stories behind it. Other samples tell of the strike in passing ("the crash
// happened a few hours after Iran launched missiles at bases in Iraq"), so the week may
// ring before; if it does, it rings louder after.
func TestAlertsFollowPostedArticles(t *testing.T) {
	st, p, strike := sampleStoreBut(t, func(title string) bool {
		return strings.Contains(title, "Iran fires missiles") || strings.Contains(title, "no Americans were harmed")
	})
	if len(strike) != 2 {
		t.Fatalf("%d missile-strike samples, want 2", len(strike))
	}
	h := New(st, p, Options{Token: testToken, Logger: testLogger(t)})
	poll := func() []alert.Alert {
		t.Helper()
		var resp struct {
			Results []alert.Alert `json:"results"`
		}
		rec := do(t, h, "GET", "/api/alerts?since=2019-12-30", nil)
		if rec.Code != 200 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		decode(t, rec, &resp)
		return resp.Results
	}
	irq := func(as []alert.Alert) *alert.Alert {
		for i := range as {
			if as[i].Country == "IRQ" {
				return &as[i]
			}
		}
		return nil
	}
	before := irq(poll())
	var ids []string
	for _, body := range strike {
		ids = append(ids, mustPost(t, h, body))
	}
	a := irq(poll())
	if a == nil || a.Start != "2020-01-06" {
		t.Fatalf("no Iraqi alert of the week of 6 January after the reports came: %+v", a)
	}
	if before != nil && (before.Start != a.Start || before.Value >= a.Value) {
		t.Errorf("the Iraqi alert did not rise with the reports: before %+v, after %+v", before, a)
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
