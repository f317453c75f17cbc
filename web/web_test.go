package web

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/lang"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/sqlite"
)

const testToken = "s3cret-test-token"

// Articles written for these tests.
const (
	floodJSON = `{"title":"Flooding closes river crossings in Lowmoor",
		"text":"Heavy rain on Tuesday pushed the river Wend over its banks in Lowmoor, closing three bridges.\n\nThe county council said 40 homes were evacuated overnight. Nobody was hurt.\n\nEngineers expect the water to recede by Friday.",
		"url":"https://news.example.org/lowmoor-flooding","published":"2024-03-05","source":"Example News",
		"language":"en","author":"A. Reporter","hashtags":["#flood","Lowmoor"]}`
	tramJSON = `{"title":"Council approves tram extension",
		"text":"The city council of Eastvale voted on Monday to extend the tram line to the airport.\n\nConstruction is due to start next spring and will take two years.",
		"source":"Eastvale Gazette","language":"en"}`
	scriptJSON = `{"title":"Site shows <b>stray</b> markup",
		"text":"Readers saw the string <script>alert('x')</script> printed on the homepage of the museum on Sunday.\n\nThe museum said a plugin update & a typo caused it.",
		"source":"Tech Desk","language":"en","url":"javascript:alert(1)"}`
)

// newTestServer returns the handler over a fresh SQLite store and a real pipeline.
func newTestServer(t *testing.T, token string) http.Handler {
	t.Helper()
	st := openStore(t)
	return New(st, pipeline.New(lang.Stage{}, segment.Stage{}), Options{Token: token, Logger: testLogger(t)})
}

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "tocsin.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), nil))
}

// do serves one request and returns the recorded response.
func do(t *testing.T, h http.Handler, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// post sends body to POST /api/articles with the test token and a JSON content type.
func post(t *testing.T, h http.Handler, body string) *httptest.ResponseRecorder {
	t.Helper()
	return do(t, h, "POST", "/api/articles", strings.NewReader(body),
		"Authorization", "Bearer "+testToken, "Content-Type", "application/json")
}

// mustPost posts body and returns the new article's ID.
func mustPost(t *testing.T, h http.Handler, body string) string {
	t.Helper()
	rec := post(t, h, body)
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST: status %d, body %s", rec.Code, rec.Body)
	}
	var r postResponse
	decode(t, rec, &r)
	return r.ID
}

// decode checks that rec is JSON and decodes its body into v.
func decode(t *testing.T, rec *httptest.ResponseRecorder, v any) {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Fatalf("Content-Type = %q, want application/json (body %s)", ct, rec.Body)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("decode %s: %v", rec.Body, err)
	}
}

// wantError checks that rec is a JSON error with the status and a message containing
// each of parts, and returns the message.
func wantError(t *testing.T, rec *httptest.ResponseRecorder, status int, parts ...string) string {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d; body %s", rec.Code, status, rec.Body)
	}
	var e map[string]any
	decode(t, rec, &e)
	msg, ok := e["error"].(string)
	if !ok || len(e) != 1 || msg == "" {
		t.Fatalf("error body %s, want {\"error\": \"...\"}", rec.Body)
	}
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("error %q does not mention %q", msg, p)
		}
	}
	return msg
}

func TestPostNeedsToken(t *testing.T) {
	h := newTestServer(t, testToken)
	for _, auth := range []string{"", "Bearer", "Bearer wrong-token", "Basic " + testToken, testToken} {
		rec := do(t, h, "POST", "/api/articles", strings.NewReader(floodJSON),
			"Authorization", auth, "Content-Type", "application/json")
		wantError(t, rec, http.StatusUnauthorized, "token")
		if rec.Header().Get("WWW-Authenticate") == "" {
			t.Errorf("Authorization %q: no WWW-Authenticate header", auth)
		}
	}
	rec := do(t, h, "GET", "/api/articles", nil)
	var list listResponse
	decode(t, rec, &list)
	if list.Total != 0 {
		t.Errorf("refused posts stored %d articles", list.Total)
	}
}

func TestPostDisabledWithoutToken(t *testing.T) {
	h := newTestServer(t, "")
	rec := do(t, h, "POST", "/api/articles", strings.NewReader(floodJSON),
		"Authorization", "Bearer ", "Content-Type", "application/json")
	wantError(t, rec, http.StatusForbidden, "writes are disabled", "token")
}

func TestPostCreatesOnce(t *testing.T) {
	h := newTestServer(t, testToken)
	rec := post(t, h, floodJSON)
	if rec.Code != http.StatusCreated {
		t.Fatalf("first POST: status %d, body %s", rec.Code, rec.Body)
	}
	var first postResponse
	decode(t, rec, &first)
	if !first.Created || first.ID == "" {
		t.Fatalf("first POST: %+v", first)
	}
	if loc := rec.Header().Get("Location"); loc != "/api/articles/"+first.ID {
		t.Errorf("Location = %q", loc)
	}

	// Bearer is case-insensitive and the charset parameter is allowed.
	rec = do(t, h, "POST", "/api/articles", strings.NewReader(floodJSON),
		"Authorization", "bearer "+testToken, "Content-Type", "application/json; charset=utf-8")
	if rec.Code != http.StatusOK {
		t.Fatalf("second POST: status %d, body %s", rec.Code, rec.Body)
	}
	var second postResponse
	decode(t, rec, &second)
	if second.Created || second.ID != first.ID {
		t.Errorf("second POST: %+v, want created=false and id %s", second, first.ID)
	}
}

func TestPostTooLarge(t *testing.T) {
	// Over a real connection, where the server stops reading at the limit.
	srv := httptest.NewServer(newTestServer(t, testToken))
	defer srv.Close()
	body := `{"title":"Big","text":"` + strings.Repeat("word ", maxPostBytes/5+1) + `"}`
	req, _ := http.NewRequest("POST", srv.URL+"/api/articles", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	rec := httptest.NewRecorder()
	rec.Code = resp.StatusCode
	maps.Copy(rec.Header(), resp.Header)
	io.Copy(rec.Body, resp.Body)
	wantError(t, rec, http.StatusRequestEntityTooLarge, "limit")
}

func TestPostOverArticleLimit(t *testing.T) {
	// Within the body limit, over the article limit.
	h := newTestServer(t, testToken)
	body := `{"title":"Big","text":"` + strings.Repeat("word ", article.MaxBytes/5+10) + `"}`
	wantError(t, post(t, h, body), http.StatusRequestEntityTooLarge, "limit")
	// Just under the limit once compacted: the layout's spaces do not count.
	body = "{\n  \"title\": \"Big\",\n  \"text\": \"" + strings.Repeat("word ", article.MaxBytes/5-10) + "\"\n}"
	if rec := post(t, h, body); rec.Code != http.StatusCreated {
		t.Errorf("article under the limit: status %d, body %.200s", rec.Code, rec.Body)
	}
}

func TestPostBadBody(t *testing.T) {
	h := newTestServer(t, testToken)
	for _, tc := range []struct{ body, want string }{
		{``, "empty"},
		{`{"title": "Cut off`, "invalid JSON"},
		{`{"title": "x", text: "y"}`, "invalid JSON at byte"},
		{`[{"text": "x"}]`, "must be one object, not an array"},
		{` "text"`, "must be one object, not a string"},
		{`<html></html>`, "invalid JSON at byte 1: invalid character '<'"},
		{`{"text": 5}`, `"text" must be a string`},
		{`{"text": "x", "hashtags": "a"}`, `"hashtags" must be an array of strings`},
		{`{"text": "x"} {"text": "y"}`, "nothing after it (more at byte 15)"},
		{`{"text": "x"}}`, "nothing after it"},
		{`{"title": "Only a title"}`, `"text" or "html"`},
		{`{"text": "   \n "}`, `"text" or "html"`},
		{`{"text": "nul \u0000 bytes"}`, "binary"},
	} {
		t.Run(tc.body, func(t *testing.T) {
			wantError(t, post(t, h, tc.body), http.StatusBadRequest, tc.want)
		})
	}
}

func TestPostHTML(t *testing.T) {
	h := newTestServer(t, testToken)
	body, _ := json.Marshal(map[string]any{
		"html": `<html lang="en"><head><title>Ferry service resumes</title></head><body>
			<nav><a href="/">Home</a> <a href="/news">News</a></nav>
			<article><h1>Ferry service resumes</h1>
			<p>The ferry between Portwick and the island of Skarra resumed on Wednesday morning after a two-day strike by deck crews ended with an agreement on overtime pay.</p>
			<p>Operators said timetables would return to normal by the weekend, and thanked passengers for their patience while the sailings were cancelled.</p>
			<p>The union said its members had voted to accept the offer, which raises overtime rates by a tenth and adds a rest day after long crossings.</p>
			</article><footer>Copyright Portwick Post</footer></body></html>`,
		"published": "Wed, 06 Mar 2024 09:30:00 GMT",
		"hashtags":  []string{"#ferry"},
	})
	id := mustPost(t, h, string(body))
	var d map[string]any
	decode(t, do(t, h, "GET", "/api/articles/"+id, nil), &d)
	if d["title"] != "Ferry service resumes" || d["published"] != "2024-03-06T09:30:00Z" {
		t.Errorf("title %q, published %q", d["title"], d["published"])
	}
	if text, _ := d["text"].(string); !strings.Contains(text, "overtime pay.\n\nOperators said") || strings.Contains(text, "Copyright") {
		t.Errorf("text %q", text)
	}
}

func TestPostContentType(t *testing.T) {
	h := newTestServer(t, testToken)
	for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "application/json-seq"} {
		rec := do(t, h, "POST", "/api/articles", strings.NewReader(floodJSON),
			"Authorization", "Bearer "+testToken, "Content-Type", ct)
		wantError(t, rec, http.StatusUnsupportedMediaType, "application/json")
	}
}

func TestGetArticle(t *testing.T) {
	h := newTestServer(t, testToken)
	id := mustPost(t, h, floodJSON)

	rec := do(t, h, "GET", "/api/articles/"+id, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, body %s", rec.Code, rec.Body)
	}
	var d map[string]any
	decode(t, rec, &d)
	if d["id"] != id || d["title"] != "Flooding closes river crossings in Lowmoor" {
		t.Errorf("id %v, title %v", d["id"], d["title"])
	}
	if d["published"] != "2024-03-05" || d["source"] != "Example News" || d["language"] != "en" {
		t.Errorf("metadata: published %v, source %v, language %v", d["published"], d["source"], d["language"])
	}
	if _, ok := d["tokens"]; ok {
		t.Error("tokens present in the API document")
	}
	for _, layer := range []string{"hashtags", "paragraphs", "sentences", "entities", "places",
		"quotes", "casualties", "dates", "events", "incidents", "skipped"} {
		if _, ok := d[layer].([]any); !ok {
			t.Errorf("layer %q is %T, want an array", layer, d[layer])
		}
	}
	if n := len(d["sentences"].([]any)); n < 4 {
		t.Errorf("%d sentences, want at least 4", n)
	}
	tags, _ := json.Marshal(d["hashtags"])
	if string(tags) != `["flood","Lowmoor"]` {
		t.Errorf("hashtags %s", tags)
	}
}

func TestGetArticleNotFound(t *testing.T) {
	h := newTestServer(t, testToken)
	rec := do(t, h, "GET", "/api/articles/0123abc", nil)
	if msg := wantError(t, rec, http.StatusNotFound); msg != "article 0123abc not found" {
		t.Errorf("error %q", msg)
	}
}

func TestSearch(t *testing.T) {
	h := newTestServer(t, testToken)
	flood := mustPost(t, h, floodJSON)
	mustPost(t, h, tramJSON)

	rec := do(t, h, "GET", "/api/search?q=evacuated+homes", nil)
	var res searchResponse
	decode(t, rec, &res)
	if rec.Code != http.StatusOK || res.Total != 1 || len(res.Results) != 1 || res.Results[0].ID != flood {
		t.Fatalf("status %d, body %s", rec.Code, rec.Body)
	}
	hit := res.Results[0]
	var marked []string
	for _, m := range hit.Highlights {
		marked = append(marked, hit.Snippet[m.Start:m.End])
	}
	if !slices.Equal(marked, []string{"homes", "evacuated"}) {
		t.Errorf("snippet %q marks %q; want homes and evacuated", hit.Snippet, marked)
	}

	rec = do(t, h, "GET", "/api/search?q=council", nil)
	decode(t, rec, &res)
	if res.Total != 2 {
		t.Errorf("q=council: total %d, want 2", res.Total)
	}
	rec = do(t, h, "GET", "/api/search?q=submarine", nil)
	decode(t, rec, &res)
	if rec.Code != http.StatusOK || res.Total != 0 || res.Results == nil {
		t.Errorf("no match: status %d, body %s", rec.Code, rec.Body)
	}
}

func TestSearchBadQueries(t *testing.T) {
	h := newTestServer(t, testToken)
	mustPost(t, h, floodJSON)
	wantError(t, do(t, h, "GET", "/api/search", nil), http.StatusBadRequest, "q=")
	wantError(t, do(t, h, "GET", "/api/search?q=+++", nil), http.StatusBadRequest, "q=")
	wantError(t, do(t, h, "GET", "/api/search?q=flood&limit=x", nil), http.StatusBadRequest, "limit", `"x"`)
	for _, q := range []string{`"`, `*`, `-`, `(`, `AND`, `NEAR(`, `"*"`, `title:`, `^`, `'`, `!!`, `Lowmoor)`} {
		rec := do(t, h, "GET", "/api/search?q="+url.QueryEscape(q), nil)
		if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
			t.Errorf("q=%s: status %d, body %s", q, rec.Code, rec.Body)
		}
		if rec.Code == http.StatusBadRequest {
			wantError(t, rec, http.StatusBadRequest)
		}
	}
}

func TestListPaging(t *testing.T) {
	h := newTestServer(t, testToken)
	ids := []string{mustPost(t, h, floodJSON), mustPost(t, h, tramJSON), mustPost(t, h, scriptJSON)}

	var list listResponse
	decode(t, do(t, h, "GET", "/api/articles", nil), &list)
	if list.Total != 3 || list.Limit != defaultLimit || list.Offset != 0 || len(list.Results) != 3 {
		t.Fatalf("default page: %+v", list)
	}
	if list.Results[0].ID != ids[2] || list.Results[2].ID != ids[0] {
		t.Errorf("not newest first: %v", list.Results)
	}

	decode(t, do(t, h, "GET", "/api/articles?limit=2", nil), &list)
	if len(list.Results) != 2 || list.Total != 3 || list.Results[0].ID != ids[2] {
		t.Errorf("limit=2: %+v", list)
	}
	decode(t, do(t, h, "GET", "/api/articles?limit=2&offset=2", nil), &list)
	if len(list.Results) != 1 || list.Offset != 2 || list.Results[0].ID != ids[0] {
		t.Errorf("offset=2: %+v", list)
	}
	decode(t, do(t, h, "GET", "/api/articles?offset=10", nil), &list)
	if len(list.Results) != 0 || list.Results == nil || list.Total != 3 {
		t.Errorf("offset past the end: %+v", list)
	}
	decode(t, do(t, h, "GET", "/api/articles?limit=200", nil), &list)
	if list.Limit != maxLimit {
		t.Errorf("limit=200 gave limit %d, want %d", list.Limit, maxLimit)
	}
	// Over the cap is an error that states the cap, not a silently shorter page.
	wantError(t, do(t, h, "GET", "/api/articles?limit=5000", nil), http.StatusBadRequest, "from 1 to 200")
	wantError(t, do(t, h, "GET", "/api/search?q=flood&limit=100000", nil), http.StatusBadRequest, "from 1 to 200")

	for _, q := range []string{"limit=abc", "limit=0", "limit=-3", "limit=2.5", "offset=-1", "offset=x", "offset=99999999999999999999"} {
		param, _, _ := strings.Cut(q, "=")
		wantError(t, do(t, h, "GET", "/api/articles?"+q, nil), http.StatusBadRequest, param)
	}
}

func TestAPIRoutingErrors(t *testing.T) {
	h := newTestServer(t, testToken)
	wantError(t, do(t, h, "GET", "/api/nothing", nil), http.StatusNotFound, "/api/nothing")
	wantError(t, do(t, h, "GET", "/api/articles/a/b", nil), http.StatusNotFound)

	rec := do(t, h, "DELETE", "/api/articles", nil)
	wantError(t, rec, http.StatusMethodNotAllowed, "DELETE")
	if allow := rec.Header().Get("Allow"); !strings.Contains(allow, "GET") || !strings.Contains(allow, "POST") {
		t.Errorf("Allow = %q", allow)
	}
	wantError(t, do(t, h, "POST", "/api/search", nil), http.StatusMethodNotAllowed)
}

func TestHealthz(t *testing.T) {
	h := newTestServer(t, "")
	rec := do(t, h, "GET", "/healthz", nil)
	if rec.Code != http.StatusOK || rec.Body.String() != "ok" {
		t.Errorf("status %d, body %q", rec.Code, rec.Body)
	}
}

// faultyStore fails or panics on reads, to test server errors.
type faultyStore struct {
	store.Store
}

func (faultyStore) Search(context.Context, string, store.Page) ([]store.Hit, int, error) {
	return nil, 0, errors.New("disk I/O error at /var/lib/secret.db")
}

func (faultyStore) List(context.Context, store.Page) ([]store.Summary, int, error) {
	panic("list exploded")
}

func TestServerErrors(t *testing.T) {
	h := New(faultyStore{openStore(t)}, pipeline.New(), Options{Logger: testLogger(t)})
	msg := wantError(t, do(t, h, "GET", "/api/search?q=x", nil), http.StatusInternalServerError)
	if strings.Contains(msg, "secret") {
		t.Errorf("error leaks internals: %q", msg)
	}
	wantError(t, do(t, h, "GET", "/api/articles", nil), http.StatusInternalServerError)
	rec := do(t, h, "GET", "/", nil)
	wantError(t, rec, http.StatusInternalServerError)
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Error("recovered response lost the security headers")
	}
}
