package telemetry

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline"
)

type upper struct{}

func (upper) Name() string { return "upper" }
func (upper) Annotate(_ context.Context, d *doc.Document) error {
	d.Title = strings.ToUpper(d.Title)
	return nil
}

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	b, _ := io.ReadAll(rec.Body)
	return rec.Code, string(b)
}

func TestMetricsAndHealth(t *testing.T) {
	p := pipeline.New(upper{})
	if _, err := p.Analyze(context.Background(), &article.Article{Title: "a", Body: "b"}); err != nil {
		t.Fatal(err)
	}
	m := New(p)
	m.Article("new", 3)
	m.Article("new", 2)
	m.Article("dead", 0)
	m.Failure("store_unavailable")
	m.Delivered(1500*time.Millisecond, 7)
	m.StoreUp(false)
	if !m.StoreDown() {
		t.Error("StoreDown after StoreUp(false) is false")
	}
	var healthErr error
	h := m.Handler(func(context.Context) error { return healthErr })
	code, body := get(t, h, "/metrics")
	if code != 200 {
		t.Fatalf("/metrics %d", code)
	}
	for _, want := range []string{
		`tocsin_articles_total{status="new"} 2`,
		`tocsin_articles_total{status="dead"} 1`,
		`tocsin_articles_total{status="known"} 0`,
		`tocsin_events_total 5`,
		`tocsin_failures_total{kind="store_unavailable"} 1`,
		`tocsin_queue_pending 7`,
		`tocsin_queue_lag_seconds_count 1`,
		`tocsin_store_up 0`,
		`tocsin_stage_documents_total{stage="upper"} 1`,
		`tocsin_stage_seconds_total{stage="upper"}`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if code, body := get(t, h, "/healthz"); code != 200 || body != "ok" {
		t.Errorf("/healthz %d %q", code, body)
	}
	healthErr = errors.New("queue disconnected")
	if code, body := get(t, h, "/healthz"); code != 503 || !strings.Contains(body, "queue disconnected") {
		t.Errorf("/healthz when unhealthy: %d %q", code, body)
	}
}

func TestCountPosts(t *testing.T) {
	m := New(nil)
	codes := []int{201, 200, 400, 401, 500}
	i := 0
	h := m.CountPosts("/api/articles", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			return // a read: passed through, not counted
		}
		w.WriteHeader(codes[i])
		i++
	}))
	for range codes {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/api/articles", nil))
	}
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/api/articles", nil))
	_, body := get(t, m.Handler(func(context.Context) error { return nil }), "/metrics")
	for _, want := range []string{`tocsin_articles_total{status="new"} 1`, `tocsin_articles_total{status="known"} 1`,
		`tocsin_articles_total{status="rejected"} 1`, `tocsin_failures_total{kind="http"} 1`} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
