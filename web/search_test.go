package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/store"
)

// stallingStore's Search runs until its context ends, as a search over a pathological
// article would without limits, and then fails with the context's error, as the SQLite
// store does when the driver interrupts it. started receives each search as it starts;
// when hold is set, Search ignores its context and finds nothing once hold is closed.
type stallingStore struct {
	store.Store
	started chan struct{}
	hold    chan struct{}
}

func (s stallingStore) Search(ctx context.Context, _ string, _ store.Page) ([]store.Hit, int, error) {
	if s.started != nil {
		s.started <- struct{}{}
	}
	if s.hold != nil {
		<-s.hold
		return nil, 0, nil
	}
	<-ctx.Done()
	return nil, 0, ctx.Err()
}

// TestSearchTimeLimit: a search that would run for ever is stopped at the server's
// limit and answered 503 with a JSON error saying so; the HTML page answers 503 too.
func TestSearchTimeLimit(t *testing.T) {
	h := New(stallingStore{Store: openStore(t)}, pipeline.New(),
		Options{Logger: testLogger(t), SearchTimeout: 50 * time.Millisecond})
	rec := do(t, h, "GET", "/api/search?q=word", nil)
	wantError(t, rec, http.StatusServiceUnavailable, "longer than the server's limit of 50ms")
	if rec.Header().Get("Retry-After") == "" {
		t.Error("503 without Retry-After")
	}
	body := wantHTML(t, do(t, h, "GET", "/?q=word", nil), http.StatusServiceUnavailable)
	if !strings.Contains(body, "longer than the server") {
		t.Errorf("503 page does not say why:\n%s", body)
	}
}

// TestSearchConcurrencyCap: with one search slot taken, another search waits for it
// within its own time limit, then gets a 503 saying the server is busy.
func TestSearchConcurrencyCap(t *testing.T) {
	st := stallingStore{Store: openStore(t), started: make(chan struct{}, 2), hold: make(chan struct{})}
	h := New(st, pipeline.New(), Options{Logger: testLogger(t), MaxSearches: 1, SearchTimeout: 50 * time.Millisecond})
	first := make(chan int)
	go func() { first <- do(t, h, "GET", "/api/search?q=word", nil).Code }()
	<-st.started // the first search holds the only slot until hold is closed
	wantError(t, do(t, h, "GET", "/api/search?q=other", nil), http.StatusServiceUnavailable, "too many searches at once")
	close(st.hold)
	if code := <-first; code != http.StatusOK {
		t.Errorf("first search: status %d, want 200", code)
	}
	if n := len(st.started); n != 0 {
		t.Errorf("%d searches reached the store past the cap", n)
	}
}

// TestSearchClientGone: a search whose client has gone stops at once and its context
// error is not logged as a server failure.
func TestSearchClientGone(t *testing.T) {
	h := New(stallingStore{Store: openStore(t)}, pipeline.New(), Options{Logger: testLogger(t)})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "/api/search?q=word", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code == http.StatusInternalServerError {
		t.Errorf("a search whose client left was answered as a server error: %s", rec.Body)
	}
}

// TestPostUnreadableDate: a published value tocsin cannot read is a 400 naming it, not
// an article stored without its date; a readable one is kept.
func TestPostUnreadableDate(t *testing.T) {
	h := newTestServer(t, testToken)
	body := strings.Replace(floodJSON, `"published":"2024-03-05"`, `"published":"yesterday"`, 1)
	wantError(t, post(t, h, body), http.StatusBadRequest, `published "yesterday"`, "ISO 8601")
	body = strings.Replace(floodJSON, `"published":"2024-03-05"`, `"published":"Tue, 05 Mar 2024 10:30:00 GMT"`, 1)
	id := mustPost(t, h, body)
	var d struct{ Published string }
	decode(t, do(t, h, "GET", "/api/articles/"+id, nil), &d)
	if d.Published != "2024-03-05T10:30:00Z" {
		t.Errorf("published %q, want 2024-03-05T10:30:00Z", d.Published)
	}
}

// TestIndexOrdersByPublication: the home page lists the newest published article first,
// whenever it was ingested, and shows both dates; a search counts its matches in words.
func TestIndexOrdersByPublication(t *testing.T) {
	h := newTestServer(t, testToken)
	mustPost(t, h, floodJSON) // published 2024-03-05
	mustPost(t, h, strings.Replace(tramJSON, `"language":"en"`, `"language":"en","published":"2025-01-02"`, 1))
	mustPost(t, h, scriptJSON) // undated, ingested last
	body := wantHTML(t, do(t, h, "GET", "/", nil), http.StatusOK)
	tram := strings.Index(body, "Council approves tram extension")
	flood := strings.Index(body, "Flooding closes river crossings")
	script := strings.Index(body, "Site shows")
	if tram < 0 || flood < 0 || script < 0 || !(tram < flood && flood < script) {
		t.Errorf("order tram %d, flood %d, undated %d; want newest published first, undated last", tram, flood, script)
	}
	if !strings.Contains(body, "published 2025-01-02 · added ") || !strings.Contains(body, "published date unknown · added ") {
		t.Errorf("index does not show both dates:\n%s", body)
	}
	body = wantHTML(t, do(t, h, "GET", "/?q=evacuated", nil), http.StatusOK)
	if !strings.Contains(body, "1 article matches") {
		t.Errorf("search page count wording:\n%s", body)
	}
}
