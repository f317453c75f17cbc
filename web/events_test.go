package web

import (
	"context"
	"encoding/json"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/lang"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/sqlite"
)

// eventsServer serves a copy of the sqlite package's v1 test store: real articles
// analysed by tocsin, whose events the migration back-fills as rows.
func eventsServer(t *testing.T) *sqlite.Store {
	t.Helper()
	b, err := os.ReadFile("../store/sqlite/testdata/v1.db")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "v1.db")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestAPIEvents(t *testing.T) {
	st := eventsServer(t)
	h := New(st, pipeline.New(lang.Stage{}, segment.Stage{}), Options{Logger: testLogger(t)})
	rec := do(t, h, "GET", "/api/events?dyad=irn-usa&root=19&root=18&limit=2", nil)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var resp struct {
		Results []store.EventRow `json:"results"`
		Total   int              `json:"total"`
		Limit   int              `json:"limit"`
		Offset  int              `json:"offset"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	f := store.EventFilter{Dyad: [2]string{"IRN", "USA"}, Roots: []string{"19", "18"}}
	_, want, err := st.Events(context.Background(), f, store.Page{})
	if err != nil || want < 3 {
		t.Fatalf("the test store has %d IRN-USA events of roots 18-19 (%v); the test needs 3 or more", want, err)
	}
	if resp.Total != want || len(resp.Results) != 2 || resp.Limit != 2 || resp.Offset != 0 {
		t.Fatalf("total %d, %d results, limit %d; want total %d, 2 results", resp.Total, len(resp.Results), resp.Limit, want)
	}
	for _, r := range resp.Results {
		pair := r.Source[:3] + "-" + r.Target[:3]
		if pair != "IRN-USA" && pair != "USA-IRN" || r.Root != "19" && r.Root != "18" || r.URL == "" || r.SentenceText == "" {
			t.Errorf("result %+v does not match the filters or lacks its evidence", r)
		}
	}
	// The next page continues where the first stopped.
	rec = do(t, h, "GET", "/api/events?dyad=IRN-USA&root=19&root=18&limit=2&offset=2", nil)
	var next struct{ Results []store.EventRow }
	json.Unmarshal(rec.Body.Bytes(), &next)
	if len(next.Results) == 0 || next.Results[0].ID <= resp.Results[1].ID {
		t.Errorf("second page %+v does not follow the first", next.Results)
	}
}

func TestAPIEventsBadFilters(t *testing.T) {
	st := eventsServer(t)
	h := New(st, pipeline.New(lang.Stage{}, segment.Stage{}), Options{Logger: testLogger(t)})
	for query, name := range map[string]string{
		"root=7":                    "root",
		"code=abc":                  "code",
		"quad=9":                    "quad",
		"country=12":                "country",
		"since=yesterday":           "since",
		"modality=perhaps":          "modality",
		"dyad=IRN-":                 "dyad",
		"q=" + url.QueryEscape(`"`): "q",
		"contry=IRQ":                "contry",
		"limit=0":                   "limit",
	} {
		rec := do(t, h, "GET", "/api/events?"+query, nil)
		var body struct{ Error string }
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != 400 || !strings.Contains(body.Error, name) {
			t.Errorf("GET /api/events?%s: %d %s; want 400 naming %s", query, rec.Code, rec.Body, name)
		}
	}
}

func TestEventsPage(t *testing.T) {
	st := eventsServer(t)
	h := New(st, pipeline.New(lang.Stage{}, segment.Stage{}), Options{Logger: testLogger(t)})
	rec := do(t, h, "GET", "/events?country=IRQ&source=&root=", nil)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	rows, _, err := st.Events(context.Background(), store.EventFilter{Country: "IRQ"}, store.Page{Limit: 100})
	if err != nil || len(rows) == 0 {
		t.Fatalf("%d events in Iraq, %v", len(rows), err)
	}
	if n := strings.Count(body, "<tr>") - 1; n != len(rows) {
		t.Errorf("%d table rows; want %d", n, len(rows))
	}
	for _, r := range rows {
		link := html.EscapeString(sentenceLink(&r))
		if !strings.Contains(body, `href="`+link+`"`) || !strings.HasPrefix(sentenceLink(&r), "/articles/"+r.ArticleID+"#:~:text=") {
			t.Errorf("no link %s to the sentence of event %d", link, r.ID)
		}
	}
	if !strings.Contains(body, `href="/api/events?country=IRQ"`) {
		t.Error("the page does not link to the same filters in the API")
	}
	if !strings.Contains(body, `value="IRQ"`) {
		t.Error("the form does not keep the country filter")
	}
	rec = do(t, h, "GET", "/events?root=7", nil)
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "root") {
		t.Errorf("bad filter: %d %s", rec.Code, rec.Body)
	}
}

func TestSentenceLink(t *testing.T) {
	r := store.EventRow{ArticleID: "abc", SentenceText: "Iran fired missiles at U.S. forces in Iraq, officials said, hitting al-Asad & Erbil bases."}
	got := sentenceLink(&r)
	want := "/articles/abc#:~:text=Iran%20fired%20missiles%20at%20U.S.%20forces,said%2C%20hitting%20al%2DAsad%20%26%20Erbil%20bases."
	if got != want {
		t.Errorf("sentenceLink = %s\nwant %s", got, want)
	}
}
