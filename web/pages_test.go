package web

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/lang"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
	"github.com/tocsin-project/tocsin/store"
)

// wantHTML checks that rec is an HTML page with the status and the security headers,
// and returns its body.
func wantHTML(t *testing.T, rec *httptest.ResponseRecorder, status int) string {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d; body %s", rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no X-Content-Type-Options: nosniff")
	}
	csp := rec.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script") || strings.Contains(csp, "unsafe") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	body := rec.Body.String()
	// The inline style sheet must be the one the policy's hash allows.
	m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("page has no style sheet")
	}
	sum := sha256.Sum256([]byte(m[1]))
	if !strings.Contains(csp, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
		t.Errorf("CSP %q does not allow the page's style sheet", csp)
	}
	if strings.Contains(body, "<script") {
		t.Error("page contains a script element")
	}
	return body
}

func TestIndexPage(t *testing.T) {
	h := newTestServer(t, testToken)
	body := wantHTML(t, do(t, h, "GET", "/", nil), http.StatusOK)
	if !strings.Contains(body, "No articles yet") {
		t.Error("empty store: no 'No articles yet'")
	}

	flood := mustPost(t, h, floodJSON)
	mustPost(t, h, scriptJSON)
	body = wantHTML(t, do(t, h, "GET", "/", nil), http.StatusOK)
	for _, want := range []string{`href="/articles/` + flood + `"`, "Flooding closes river crossings in Lowmoor",
		"Site shows &lt;b&gt;stray&lt;/b&gt; markup", `name="q"`, "2 articles stored"} {
		if !strings.Contains(body, want) {
			t.Errorf("index lacks %q", want)
		}
	}

	body = wantHTML(t, do(t, h, "GET", "/?q=evacuated", nil), http.StatusOK)
	if !strings.Contains(body, "<mark>evacuated</mark>") || !strings.Contains(body, `value="evacuated"`) {
		t.Errorf("search page does not highlight the match:\n%s", body)
	}
	body = wantHTML(t, do(t, h, "GET", "/?q=script", nil), http.StatusOK)
	if !strings.Contains(body, "&lt;<mark>script</mark>&gt;") {
		t.Errorf("snippet not escaped then marked:\n%s", body)
	}

	body = wantHTML(t, do(t, h, "GET", "/?q=%22%2A%22", nil), http.StatusBadRequest)
	if !strings.Contains(body, "Cannot search for that") {
		t.Error("bad query page does not explain")
	}
	wantHTML(t, do(t, h, "GET", "/?page=zero", nil), http.StatusBadRequest)
}

func TestIndexPaging(t *testing.T) {
	st := openStore(t)
	h := New(st, pipeline.New(lang.Stage{}, segment.Stage{}), Options{Token: testToken, Logger: testLogger(t)})
	for i := range htmlPageSize + 3 {
		body, _ := json.Marshal(map[string]string{
			"title": "Harbour report number " + string(rune('A'+i)),
			"text":  "Boats left the harbour at dawn, report " + string(rune('A'+i)) + ".",
		})
		mustPost(t, h, string(body))
	}
	body := wantHTML(t, do(t, h, "GET", "/", nil), http.StatusOK)
	if strings.Count(body, `<a class="title"`) != htmlPageSize || !strings.Contains(body, `href="/?page=2"`) {
		t.Errorf("first page: %d items", strings.Count(body, `<a class="title"`))
	}
	body = wantHTML(t, do(t, h, "GET", "/?page=2", nil), http.StatusOK)
	if strings.Count(body, `<a class="title"`) != 3 || !strings.Contains(body, `href="/"`) || strings.Contains(body, "page=3") {
		t.Errorf("second page:\n%s", body)
	}
	body = wantHTML(t, do(t, h, "GET", "/?q=harbour&page=2", nil), http.StatusOK)
	if strings.Count(body, `<a class="title"`) != 3 || !strings.Contains(body, `href="/?q=harbour"`) {
		t.Errorf("second page of search:\n%s", body)
	}
}

func TestArticlePage(t *testing.T) {
	h := newTestServer(t, testToken)
	flood := mustPost(t, h, floodJSON)
	body := wantHTML(t, do(t, h, "GET", "/articles/"+flood, nil), http.StatusOK)
	for _, want := range []string{
		"<h1>Flooding closes river crossings in Lowmoor</h1>",
		"2024-03-05", "Example News", "A. Reporter", "#flood, #Lowmoor",
		`<a href="https://news.example.org/lowmoor-flooding"`,
		"<p>The county council said 40 homes were evacuated overnight. Nobody was hurt.</p>",
		"5 sentences in 4 paragraphs", "Entities (0)", "Events (0)", "none yet",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	if n := strings.Count(body, "none yet"); n != 7 {
		t.Errorf("%d empty layers shown, want 7", n)
	}

	id := mustPost(t, h, scriptJSON)
	body = wantHTML(t, do(t, h, "GET", "/articles/"+id, nil), http.StatusOK)
	for _, want := range []string{"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;b&gt;stray&lt;/b&gt;", "update &amp; a typo"} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks escaped %q", want)
		}
	}
	if strings.Contains(body, `href="javascript:`) || strings.Contains(body, "ZgotmplZ") {
		t.Error("a javascript: URL became a link")
	}
}

func TestHTMLNotFound(t *testing.T) {
	h := newTestServer(t, testToken)
	body := wantHTML(t, do(t, h, "GET", "/articles/feedface", nil), http.StatusNotFound)
	if !strings.Contains(body, "There is no article feedface") {
		t.Error("404 page does not name the article")
	}
	body = wantHTML(t, do(t, h, "GET", "/no/such/<page>", nil), http.StatusNotFound)
	if !strings.Contains(body, "Not Found") || strings.Contains(body, "<page>") {
		t.Errorf("404 page:\n%s", body)
	}
	wantHTML(t, do(t, h, "POST", "/", nil), http.StatusMethodNotAllowed)
}

func TestHighlight(t *testing.T) {
	hit := func(snippet string, offsets ...int) store.Hit {
		h := store.Hit{Snippet: snippet}
		for i := 0; i+1 < len(offsets); i += 2 {
			h.Highlights = append(h.Highlights, store.Highlight{Start: offsets[i], End: offsets[i+1]})
		}
		return h
	}
	for _, tt := range []struct {
		in   store.Hit
		want string
	}{
		{hit("…the flood <b> & more…", 7, 12), "…the <mark>flood</mark> &lt;b&gt; &amp; more…"},
		// Guillemets in the text are text, not markers.
		{hit("a » b « c", 5, 6), "a » <mark>b</mark> « c"},
		{hit("x y", 0, 1, 2, 3), "<mark>x</mark> <mark>y</mark>"},
		// Overlapping, reversed or out-of-range offsets are skipped.
		{hit("x y", 0, 3, 2, 3, 1, 0, 2, 9), "<mark>x y</mark>"},
		{hit(""), ""},
	} {
		if got := string(highlight(tt.in)); got != tt.want {
			t.Errorf("highlight(%+v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// evidenceStage stands in for the event and incident annotators, which the web package
// does not import: it codes the second sentence as an event and its count as an incident.
type evidenceStage struct{}

func (evidenceStage) Name() string { return "evidence" }

func (evidenceStage) Annotate(_ context.Context, d *doc.Document) error {
	if len(d.Sentences) < 2 {
		return nil
	}
	s := d.Sentences[1]
	d.Casualties = append(d.Casualties, doc.Casualty{Kind: "killed", Value: 3, Qualifier: "at_least", Text: s.Text, Span: s.Span})
	d.Events = append(d.Events, doc.Event{Source: "AAAMIL", Target: "BBB", Code: "190", Root: "19", Sentence: 1,
		Date: "2024-03-05", DateSource: "publication", Rule: "test rule", Modality: "asserted"})
	d.Incidents = append(d.Incidents, doc.Incident{Cause: "shelling", Kind: "violence", Casualties: []int{0}, Events: []int{0}, Sentence: 1, Span: s.Span})
	return nil
}

// TestArticlePageShowsEvidence: each event shows the sentence that proves it, with the
// rule on hover; an incident its counts.
func TestArticlePageShowsEvidence(t *testing.T) {
	h := New(openStore(t), pipeline.New(lang.Stage{}, segment.Stage{}, evidenceStage{}), Options{Token: testToken, Logger: testLogger(t)})
	id := mustPost(t, h, floodJSON)
	body := wantHTML(t, do(t, h, "GET", "/articles/"+id, nil), http.StatusOK)
	for _, want := range []string{
		"Events (1)", `<td title="test rule">Heavy rain on Tuesday pushed the river Wend`, "2024-03-05 (publication)",
		"Incidents (1)", "<td>shelling</td>", "killed at least 3",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
}
