// Package telemetry holds the Prometheus metrics of `tocsin worker` and `tocsin serve`,
// and the handler that serves them at /metrics beside /healthz.
//
// Each Metrics has a registry of its own (no global state): the Go runtime's and the
// process's collectors, the pipeline's per-stage timings read at each scrape, and the
// counters below.
//
//	tocsin_articles_total{status}      jobs or posts concluded: new, known, rejected, dead
//	tocsin_events_total                events in the articles stored
//	tocsin_failures_total{kind}        analysis, store, store_unavailable, queue, http
//	tocsin_queue_lag_seconds           time from publish to delivery to a worker
//	tocsin_queue_pending               jobs not yet delivered (as of the last delivery)
//	tocsin_batch_seconds{step}         time to analyse, and to store, one batch
//	tocsin_store_up                    1 while the store answers, 0 while it is away
//	tocsin_stage_seconds_total{stage}  time spent in each pipeline stage
//	tocsin_stage_documents_total{stage} documents each stage has annotated
package telemetry

import (
	"context"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/tocsin-project/tocsin/pipeline"
)

// Metrics are one process's metrics. It satisfies queue.Observer.
type Metrics struct {
	reg      *prometheus.Registry
	articles *prometheus.CounterVec
	events   prometheus.Counter
	failures *prometheus.CounterVec
	lag      prometheus.Histogram
	pending  prometheus.Gauge
	batch    *prometheus.HistogramVec
	storeUp  prometheus.Gauge
	down     atomic.Bool // the store is away, as the last StoreUp said
}

// New registers the metrics, with the stage timings of p when it is not nil.
func New(p *pipeline.Pipeline) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "tocsin_articles_total",
			Help: "Articles concluded, by status: new, known (already stored), rejected, dead (dead-lettered)."}, []string{"status"}),
		events: prometheus.NewCounter(prometheus.CounterOpts{Name: "tocsin_events_total",
			Help: "Events in the articles stored."}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "tocsin_failures_total",
			Help: "Failed operations, by kind: analysis, store, store_unavailable, queue, http."}, []string{"kind"}),
		lag: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "tocsin_queue_lag_seconds",
			Help:    "Time from an article's publication on the queue to its delivery to a worker.",
			Buckets: prometheus.ExponentialBuckets(0.01, 4, 10)}),
		pending: prometheus.NewGauge(prometheus.GaugeOpts{Name: "tocsin_queue_pending",
			Help: "Articles on the queue not yet delivered to any worker, as of the last delivery."}),
		batch: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "tocsin_batch_seconds",
			Help:    "Time to analyse, and to store, one batch of articles.",
			Buckets: prometheus.ExponentialBuckets(0.01, 3, 10)}, []string{"step"}),
		storeUp: prometheus.NewGauge(prometheus.GaugeOpts{Name: "tocsin_store_up",
			Help: "1 while the store answers, 0 while it cannot be reached."}),
	}
	m.storeUp.Set(1)
	m.reg.MustRegister(m.articles, m.events, m.failures, m.lag, m.pending, m.batch, m.storeUp,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, s := range []string{"new", "known", "rejected", "dead"} {
		m.articles.WithLabelValues(s) // shown as 0 before the first
	}
	if p != nil {
		m.reg.MustRegister(stageCollector{p})
	}
	return m
}

// Article counts one concluded article and its events.
func (m *Metrics) Article(status string, events int) {
	m.articles.WithLabelValues(status).Inc()
	m.events.Add(float64(events))
}

// Failure counts one failed operation.
func (m *Metrics) Failure(kind string) { m.failures.WithLabelValues(kind).Inc() }

// Delivered records a job's wait on the queue and the jobs still waiting.
func (m *Metrics) Delivered(lag time.Duration, pending uint64) {
	m.lag.Observe(lag.Seconds())
	m.pending.Set(float64(pending))
}

// Batch records a batch's analysis and storage times.
func (m *Metrics) Batch(_ int, analyse, store time.Duration) {
	m.batch.WithLabelValues("analyse").Observe(analyse.Seconds())
	m.batch.WithLabelValues("store").Observe(store.Seconds())
}

// StoreUp records whether the store answers.
func (m *Metrics) StoreUp(up bool) {
	m.down.Store(!up)
	if up {
		m.storeUp.Set(1)
	} else {
		m.storeUp.Set(0)
	}
}

// StoreDown reports whether the store was away at the last StoreUp.
func (m *Metrics) StoreDown() bool { return m.down.Load() }

// Handler serves GET /metrics in the Prometheus text format and GET /healthz: 200 "ok"
// when health returns nil (or is nil), else 503 with its error.
func (m *Metrics) Handler(health func(context.Context) error) http.Handler {
	if health == nil {
		health = func(context.Context) error { return nil }
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		if err := health(ctx); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("unhealthy: " + err.Error() + "\n"))
			return
		}
		w.Write([]byte("ok"))
	})
	return mux
}

// CountPosts wraps an HTTP handler, counting the articles POSTed to path by the answer:
// 201 new, 200 known, other 4xx rejected, 5xx a failure of kind "http".
func (m *Metrics) CountPosts(path string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != path {
			next.ServeHTTP(w, r)
			return
		}
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		switch {
		case rec.status == http.StatusCreated:
			m.articles.WithLabelValues("new").Inc()
		case rec.status == http.StatusOK:
			m.articles.WithLabelValues("known").Inc()
		case rec.status == http.StatusUnauthorized || rec.status == http.StatusForbidden:
		case rec.status >= 500:
			m.failures.WithLabelValues("http").Inc()
		case rec.status >= 400:
			m.articles.WithLabelValues("rejected").Inc()
		}
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// stageCollector reports the pipeline's accumulated per-stage timings at each scrape.
type stageCollector struct{ p *pipeline.Pipeline }

var (
	stageSeconds = prometheus.NewDesc("tocsin_stage_seconds_total",
		"Time spent in each pipeline stage (summed over the documents; divide by tocsin_stage_documents_total for the mean).", []string{"stage"}, nil)
	stageDocs = prometheus.NewDesc("tocsin_stage_documents_total",
		"Documents each pipeline stage has annotated.", []string{"stage"}, nil)
)

func (c stageCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- stageSeconds
	ch <- stageDocs
}

func (c stageCollector) Collect(ch chan<- prometheus.Metric) {
	for _, s := range c.p.Stats() {
		ch <- prometheus.MustNewConstMetric(stageSeconds, prometheus.CounterValue, s.Time.Seconds(), s.Name)
		ch <- prometheus.MustNewConstMetric(stageDocs, prometheus.CounterValue, float64(s.Documents), s.Name)
	}
}
