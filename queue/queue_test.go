package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/natstest"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/sqlite"
)

// connect opens a queue with streams of the test's own on the shared server.
func connect(t *testing.T, url string, cfg Config) *Queue {
	t.Helper()
	if cfg.Name == "" {
		cfg.Name = natstest.Name(t)
	}
	q, err := Connect(context.Background(), url, cfg, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := q.DeleteStreams(context.Background()); err != nil {
			t.Error(err)
		}
		q.Close()
	})
	return q
}

func testLog(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// job builds the job ingest would publish for an article.
func job(title, body string) Job {
	a := article.Article{Title: title, Body: body, Origin: title + ".txt"}
	return Job{ID: pipeline.NewDocument(&a).ID, Article: a}
}

// plainAnalyze analyses with a pipeline of no stages: the document as composed from
// the article, which is all the queue tests need.
func plainAnalyze(fail func(Job) error) AnalyzeFunc {
	p := pipeline.New()
	return func(ctx context.Context, jobs []Job) ([]*doc.Document, []error) {
		arts := make([]*article.Article, len(jobs))
		for i := range jobs {
			arts[i] = &jobs[i].Article
		}
		docs, errs := p.AnalyzeBatch(ctx, arts)
		if fail != nil {
			for i, j := range jobs {
				if err := fail(j); err != nil && errs[i] == nil {
					docs[i], errs[i] = nil, err
				}
			}
		}
		return docs, errs
	}
}

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// startWorker runs a worker until the test ends.
func startWorker(t *testing.T, w *Worker) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("worker: %v", err)
		}
	})
}

// publishAll publishes jobs and returns their sequences.
func publishAll(t *testing.T, q *Queue, jobs ...Job) (map[uint64]bool, []Receipt) {
	t.Helper()
	seqs := map[uint64]bool{}
	var rs []Receipt
	for _, j := range jobs {
		r, err := q.Publish(context.Background(), j)
		if err != nil {
			t.Fatal(err)
		}
		seqs[r.Seq] = true
		rs = append(rs, r)
	}
	return seqs, rs
}

// wait collects the results of seqs, failing the test after limit.
func wait(t *testing.T, q *Queue, since time.Time, seqs map[uint64]bool, limit time.Duration) map[string][]Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	by := map[string][]Result{}
	if err := q.Wait(ctx, since, seqs, func(r Result) { by[r.Status] = append(by[r.Status], r) }); err != nil {
		t.Fatalf("waiting for %d results (have %v): %v", len(seqs), by, err)
	}
	return by
}

func count(t *testing.T, st store.Store) int {
	t.Helper()
	_, n, err := st.List(context.Background(), store.Page{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPublishDeduplicatesByArticleID(t *testing.T) {
	q := connect(t, natstest.URL(t), Config{})
	j := job("Port strike ends", "Dock workers returned to work on Friday.")
	_, rs := publishAll(t, q, j, j, job("Bridge reopens", "The bridge reopened on Monday."))
	if rs[0].Duplicate || !rs[1].Duplicate || rs[1].Seq != rs[0].Seq || rs[2].Duplicate || rs[2].Seq == rs[0].Seq {
		t.Errorf("receipts %+v: want the second a duplicate of the first, the third new", rs)
	}
	if n, err := q.Pending(context.Background()); err != nil || n != 2 {
		t.Errorf("pending %d (%v), want 2", n, err)
	}
}

// TestPublishAllIsPublishInOrder publishes a run of jobs together: the receipts are
// those Publish gives one by one, a job already queued (before the run, or earlier in
// it) a duplicate with the first one's sequence.
func TestPublishAllIsPublishInOrder(t *testing.T) {
	q := connect(t, natstest.URL(t), Config{})
	a := job("Port strike ends", "Dock workers returned to work on Friday.")
	b := job("Bridge reopens", "The bridge reopened on Monday.")
	c := job("Ferry resumes", "The ferry resumed its crossings on Tuesday.")
	_, before := publishAll(t, q, a)
	rs, err := q.PublishAll(context.Background(), []Job{b, a, c, b})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 4 || rs[0].Duplicate || !rs[1].Duplicate || rs[1].Seq != before[0].Seq ||
		rs[2].Duplicate || rs[2].Seq <= rs[0].Seq || !rs[3].Duplicate || rs[3].Seq != rs[0].Seq {
		t.Errorf("receipts %+v (the first job's %+v): want b new, a and the second b duplicates, c new after b", rs, before[0])
	}
	if n, err := q.Pending(context.Background()); err != nil || n != 3 {
		t.Errorf("pending %d (%v), want 3", n, err)
	}
}

func TestWorkerStoresRejectsAndAnswersWait(t *testing.T) {
	q := connect(t, natstest.URL(t), Config{Duplicates: time.Second})
	st := openStore(t)
	start := time.Now()
	jobs := []Job{
		job("Port strike ends", "Dock workers returned to work on Friday."),
		job("Bridge reopens", "The bridge reopened on Monday."),
		job("Talks resume", "Negotiators met again in Geneva."),
		{ID: "bad", Article: article.Article{Body: "nul\x00byte", Origin: "bad.txt"}},
	}
	seqs, _ := publishAll(t, q, jobs...)
	startWorker(t, &Worker{Queue: q, Store: st, Analyze: plainAnalyze(nil), Batch: 2, Log: testLog(t)})
	by := wait(t, q, start, seqs, 30*time.Second)
	if len(by[StatusNew]) != 3 || len(by[StatusRejected]) != 1 {
		t.Fatalf("results %v: want 3 new, 1 rejected", by)
	}
	if r := by[StatusRejected][0]; r.Origin != "bad.txt" || !strings.Contains(r.Reason, "binary") {
		t.Errorf("rejection %+v: want bad.txt, binary data", r)
	}
	if n := count(t, st); n != 3 {
		t.Errorf("%d articles stored, want 3", n)
	}
	// Past the duplicate window the same jobs are queued again, and found stored.
	time.Sleep(1100 * time.Millisecond)
	again := time.Now()
	seqs, rs := publishAll(t, q, jobs[:3]...)
	if rs[0].Duplicate {
		t.Fatalf("a job published after the duplicate window was taken for a duplicate")
	}
	by = wait(t, q, again, seqs, 30*time.Second)
	if len(by[StatusKnown]) != 3 {
		t.Errorf("second pass: %v, want 3 known", by)
	}
	if n := count(t, st); n != 3 {
		t.Errorf("%d articles stored after the second pass, want 3", n)
	}
}

func TestFailingArticleIsDeadLettered(t *testing.T) {
	q := connect(t, natstest.URL(t), Config{MaxDeliver: 2})
	st := openStore(t)
	var tries atomic.Int32
	fail := func(j Job) error {
		if strings.HasPrefix(j.Article.Title, "Poison") {
			tries.Add(1)
			return errors.New("stage exploded")
		}
		return nil
	}
	start := time.Now()
	seqs, _ := publishAll(t, q, job("Poison pill", "This one fails every time."), job("Good news", "This one is fine."))
	startWorker(t, &Worker{Queue: q, Store: st, Analyze: plainAnalyze(fail), Log: testLog(t)})
	by := wait(t, q, start, seqs, 30*time.Second)
	if len(by[StatusDead]) != 1 || len(by[StatusNew]) != 1 {
		t.Fatalf("results %v: want 1 dead, 1 new", by)
	}
	if d := by[StatusDead][0]; d.Tries != 2 || !strings.Contains(d.Reason, "stage exploded") || d.Origin != "Poison pill.txt" {
		t.Errorf("dead result %+v", d)
	}
	if n := tries.Load(); n != 2 {
		t.Errorf("tried %d times, want MaxDeliver=2", n)
	}
	dls, err := q.DeadLetters(context.Background(), 10)
	if err != nil || len(dls) != 1 || dls[0].Job.Article.Title != "Poison pill" {
		t.Fatalf("dead letters %+v (%v)", dls, err)
	}
}

// flakyStore refuses connections until it is told to come back.
type flakyStore struct {
	*sqlite.Store
	down     atomic.Bool
	refusals atomic.Int32
}

func (f *flakyStore) Put(ctx context.Context, d *doc.Document) (bool, error) {
	if f.down.Load() {
		f.refusals.Add(1)
		return false, fmt.Errorf("dial tcp 127.0.0.1:5432: %w", ErrUnavailable)
	}
	return f.Store.Put(ctx, d)
}

type recorder struct {
	nopObserver
	mu    sync.Mutex
	fails map[string]int
	ups   []bool
}

func (r *recorder) Failure(kind string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fails[kind]++
}

func (r *recorder) StoreUp(up bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ups = append(r.ups, up)
}

func TestWorkerWaitsForStore(t *testing.T) {
	q := connect(t, natstest.URL(t), Config{AckWait: 2 * time.Second, MaxDeliver: 2})
	st := &flakyStore{Store: openStore(t)}
	st.down.Store(true)
	obs := &recorder{fails: map[string]int{}}
	start := time.Now()
	seqs, _ := publishAll(t, q, job("One", "First article."), job("Two", "Second article."))
	startWorker(t, &Worker{Queue: q, Store: st, Analyze: plainAnalyze(nil), Log: testLog(t), Observer: obs})
	// Down for longer than AckWait and MaxDeliver tries would last: the jobs must be
	// held, neither redelivered nor dead-lettered.
	for deadline := time.Now().Add(time.Minute); st.refusals.Load() < 3; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the worker tried the store %d times in a minute", st.refusals.Load())
		}
	}
	time.Sleep(3 * time.Second)
	st.down.Store(false)
	by := wait(t, q, start, seqs, 60*time.Second)
	if len(by[StatusNew]) != 2 {
		t.Fatalf("results %v: want 2 new", by)
	}
	for _, r := range by[StatusNew] {
		if r.Tries != 1 {
			t.Errorf("%s was delivered %d times while the store was down; want once (held in progress)", r.Origin, r.Tries)
		}
	}
	obs.mu.Lock()
	defer obs.mu.Unlock()
	if obs.fails["store_unavailable"] < 3 || obs.fails["store"] != 0 || len(obs.ups) != 2 || obs.ups[0] || !obs.ups[1] {
		t.Errorf("observed failures %v, store up/down %v", obs.fails, obs.ups)
	}
}

// TestShutdownGivesBackTheBatch stops a worker in the middle of a slow batch with a
// short grace: what it had not stored goes back to the queue, and a second worker
// stores it.
func TestShutdownGivesBackTheBatch(t *testing.T) {
	q := connect(t, natstest.URL(t), Config{})
	st := openStore(t)
	var jobs []Job
	for i := range 6 {
		jobs = append(jobs, job(fmt.Sprintf("Article %d", i), fmt.Sprintf("Body of article %d.", i)))
	}
	start := time.Now()
	seqs, _ := publishAll(t, q, jobs...)
	analysing := make(chan struct{}, 1)
	slow := func(ctx context.Context, jobs []Job) ([]*doc.Document, []error) {
		select {
		case analysing <- struct{}{}:
		default:
		}
		<-ctx.Done() // never finishes in time
		return plainAnalyze(nil)(ctx, jobs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- (&Worker{Queue: q, Store: st, Analyze: slow, Grace: 200 * time.Millisecond, Log: testLog(t)}).Run(ctx)
	}()
	select {
	case <-analysing:
	case <-time.After(time.Minute):
		t.Fatal("the worker analysed nothing within a minute")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("worker did not stop within 10s of its context's end")
	}
	if n := count(t, st); n != 0 {
		t.Fatalf("%d stored by the stopped worker", n)
	}
	startWorker(t, &Worker{Queue: q, Store: st, Analyze: plainAnalyze(nil), Log: testLog(t)})
	by := wait(t, q, start, seqs, 30*time.Second)
	if len(by[StatusNew]) != 6 {
		t.Fatalf("results %v: want 6 new", by)
	}
	if n := count(t, st); n != 6 {
		t.Errorf("%d stored, want 6", n)
	}
}

func TestConnectChecksInput(t *testing.T) {
	if _, err := Connect(context.Background(), "http://127.0.0.1:4222", Config{}, nil); err == nil || !strings.Contains(err.Error(), "want nats://") {
		t.Errorf("http URL: %v", err)
	}
	if _, err := Connect(context.Background(), "nats://127.0.0.1:4222", Config{Name: "a.b"}, nil); err == nil || !strings.Contains(err.Error(), "--stream") {
		t.Errorf("bad name: %v", err)
	}
	if got := Redact("nats://user:secret@host:4222"); strings.Contains(got, "secret") {
		t.Errorf("Redact kept the password: %s", got)
	}
}

type discard struct{}

func (discard) Put(context.Context, *doc.Document) (bool, error) { return true, nil }

// BenchmarkRoundTrip is the queue's own cost an article: publish (64 at a time, as
// ingest --queue does), delivery to a worker that analyses nothing (a pipeline of no
// stages) and stores nothing, result, ack, and the wait reading the result.
// go test -bench RoundTrip -run '^$' ./queue/
func BenchmarkRoundTrip(b *testing.B) {
	url := natstest.URL(b)
	q, err := Connect(context.Background(), url, Config{Name: natstest.Name(b)}, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer q.Close()
	defer q.DeleteStreams(context.Background())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- (&Worker{Queue: q, Store: discard{}, Analyze: plainAnalyze(nil)}).Run(ctx) }()
	start := time.Now()
	seqs := map[uint64]bool{}
	b.ResetTimer()
	for lo := 0; lo < b.N; lo += 64 { // as ingest --queue publishes: a run at a time
		var jobs []Job
		for i := lo; i < min(lo+64, b.N); i++ {
			jobs = append(jobs, job(fmt.Sprintf("Article %d", i), fmt.Sprintf("Body of article %d, published at %v.", i, start)))
		}
		rs, err := q.PublishAll(context.Background(), jobs)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rs {
			seqs[r.Seq] = true
		}
	}
	if err := q.Wait(context.Background(), start.Add(-time.Minute), seqs, func(Result) {}); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	cancel()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
}
