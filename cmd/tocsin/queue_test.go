package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/natstest"
	"github.com/tocsin-project/tocsin/internal/storeopen"
	"github.com/tocsin-project/tocsin/queue"
	"github.com/tocsin-project/tocsin/samples"
	"github.com/tocsin-project/tocsin/store"
)

// TestMain lets a test run tocsin itself as a child process (the test binary with
// TOCSIN_TEST_MAIN=1), to kill it with -9.
func TestMain(m *testing.M) {
	if os.Getenv("TOCSIN_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// samplesFile writes the bundled sample articles to a JSON Lines file.
func samplesFile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), filepath.Base(samples.Name))
	if err := os.WriteFile(p, samples.JSONL(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// storedEvents returns each stored article's events, date and date source, as JSON,
// by article ID, from the store db names (a SQLite path or a PostgreSQL URL).
func storedEvents(t *testing.T, db string) map[string]string {
	t.Helper()
	ctx := context.Background()
	st, err := storeopen.OpenExisting(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sums, n, err := st.List(ctx, store.Page{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != n {
		t.Fatalf("listed %d of %d", len(sums), n)
	}
	out := map[string]string{}
	for _, s := range sums {
		d, err := st.Get(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(struct {
			Events     any
			DateSource string
			Published  string
		}{d.Events, d.DateSource, d.Published})
		out[s.ID] = string(b)
	}
	return out
}

func sameEvents(t *testing.T, direct, queued map[string]string) {
	t.Helper()
	if len(direct) != len(queued) {
		t.Errorf("%d articles through the queue, %d direct", len(queued), len(direct))
	}
	diffs := 0
	for id, want := range direct {
		got, ok := queued[id]
		switch {
		case !ok:
			t.Errorf("article %s stored directly, not through the queue", id)
		case got != want:
			diffs++
			if diffs <= 3 {
				t.Errorf("article %s: through the queue\n%s\ndirect\n%s", id, got, want)
			}
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d articles differ", diffs, len(direct))
	}
}

// ingestDirect ingests in straight into a new SQLite store and returns its events.
func ingestDirect(t *testing.T, in string) map[string]string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "direct.db")
	if code, _, stderr := runCLI(t, "ingest", "--quiet", "--db", db, in); code != exitOK {
		t.Fatalf("direct ingest: exit %d: %s", code, stderr)
	}
	return storedEvents(t, db)
}

// worker runs tocsin worker in this process until the test ends.
func worker(t *testing.T, args ...string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var errb syncBuffer
	go func() {
		defer close(done)
		e := &env{stdout: &errb, stderr: &errb, getenv: func(string) string { return "" }}
		if code := run(ctx, e, append([]string{"worker"}, args...)); code != exitOK {
			t.Errorf("worker %v: exit %d: %s", args, code, errb.String())
		}
	}()
	t.Cleanup(func() { cancel(); <-done })
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// dropStreams deletes a test's streams when it ends.
func dropStreams(t *testing.T, url, name string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		q, err := queue.Connect(ctx, url, queue.Config{Name: name}, nil)
		if err != nil {
			t.Logf("cleaning up streams %s: %v", name, err)
			return
		}
		defer q.Close()
		if err := q.DeleteStreams(ctx); err != nil {
			t.Error(err)
		}
	})
}

// TestQueueIngestMatchesDirect ingests the samples through the queue and one worker:
// the same articles and events as a direct SQLite ingest, and a second ingest through
// the queue changes nothing.
func TestQueueIngestMatchesDirect(t *testing.T) {
	url, name := natstest.URL(t), natstest.Name(t)
	dropStreams(t, url, name)
	in := samplesFile(t)
	db := filepath.Join(t.TempDir(), "queued.db")
	worker(t, "--queue", url, "--stream", name, "--db", db, "--batch", "8")
	code, out, stderr := runCLI(t, "ingest", "--queue", url, "--stream", name, "--wait", in)
	if code != exitOK || !strings.Contains(out, "read 37, new 37, already known 0, rejected 0") {
		t.Fatalf("exit %d, summary %q, stderr %s", code, out, stderr)
	}
	first := storedEvents(t, db)
	sameEvents(t, ingestDirect(t, in), first)

	code, out, _ = runCLI(t, "ingest", "--queue", url, "--stream", name, "--wait", in)
	if code != exitOK || !strings.Contains(out, "read 37, new 0, already known 37, rejected 0") {
		t.Errorf("second ingest: exit %d, summary %q", code, out)
	}
	sameEvents(t, first, storedEvents(t, db))
}

func TestQueueIngestRejectsAsIngestDoes(t *testing.T) {
	url, name := natstest.URL(t), natstest.Name(t)
	dropStreams(t, url, name)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.jsonl"), []byte(
		`{"title":"Port strike ends","text":"Dock workers returned to work on Friday after a week-long strike.","published":"2021-03-05"}`+"\n"+
			`{"title": broken`+"\n"+
			`{"title":"","text":""}`+"\n"), 0o644)
	direct, queued := filepath.Join(t.TempDir(), "d.db"), filepath.Join(t.TempDir(), "q.db")
	dcode, dout, _ := runCLI(t, "ingest", "--quiet", "--db", direct, dir)
	worker(t, "--queue", url, "--stream", name, "--db", queued)
	qcode, qout, _ := runCLI(t, "ingest", "--queue", url, "--stream", name, "--wait", dir)
	if dcode != exitInput || qcode != dcode {
		t.Errorf("exit %d through the queue, %d direct, want %d", qcode, dcode, exitInput)
	}
	// The same lines, but for where the articles went.
	strip := func(s string) string {
		s = s[strings.Index(s, "\n")+1:]
		return s
	}
	if !strings.Contains(qout, "read 3, new 1, already known 0, rejected 2") || strip(qout) != strip(dout) {
		t.Errorf("through the queue:\n%s\ndirect:\n%s", qout, dout)
	}
	if code, _, stderr := runCLI(t, "worker", "--db", queued); code != exitUsage || !strings.Contains(stderr, "--queue is required") {
		t.Errorf("worker without --queue: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "worker", "--queue", url, "--log", "xml"); code != exitUsage || !strings.Contains(stderr, "want text or json") {
		t.Errorf("worker --log xml: exit %d, %s", code, stderr)
	}
}

// TestWorkerKilledMidBatch kills a worker process with -9 once it has stored the first
// article of a batch of 32: a second worker gets the rest once their AckWait has passed, and
// every article is stored once, with the events a direct ingest gives.
func TestWorkerKilledMidBatch(t *testing.T) {
	url, name := natstest.URL(t), natstest.Name(t)
	dropStreams(t, url, name)
	in := samplesFile(t)
	db := filepath.Join(t.TempDir(), "queued.db")
	args := []string{"--queue", url, "--stream", name, "--db", db, "--batch", "32", "--ack-wait", "3s"}
	if code, out, stderr := runCLI(t, "ingest", "--queue", url, "--stream", name, in); code != exitOK || !strings.Contains(out, "queued 37") {
		t.Fatalf("publishing: exit %d, %s %s", code, out, stderr)
	}
	child := exec.Command(os.Args[0], append([]string{"worker"}, args...)...)
	child.Env = append(os.Environ(), "TOCSIN_TEST_MAIN=1")
	var childLog syncBuffer
	child.Stderr = &childLog
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it as soon as it has concluded its first article: the rest of its batch is
	// analysed but neither stored nor acknowledged.
	q, err := queue.Connect(context.Background(), url, queue.Config{Name: name}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	err = q.Results(ctx, time.Now().Add(-time.Hour), func(queue.Result) bool { return false })
	child.Process.Kill()
	child.Wait()
	if err != nil {
		t.Fatalf("no result from the first worker: %v\n%s", err, childLog.String())
	}
	stored := len(storedEvents(t, db))
	if stored == 0 || stored >= 32 {
		t.Fatalf("%d articles stored when the worker was killed, want some of its first batch of 32", stored)
	}
	t.Logf("killed the worker with %d of 37 articles stored", stored)
	worker(t, args...)
	// Wait for every job: its result, from whichever worker.
	seen := map[string]bool{}
	err = q.Results(ctx, time.Now().Add(-time.Hour), func(r queue.Result) bool {
		if r.Status != queue.StatusNew && r.Status != queue.StatusKnown {
			t.Errorf("result %+v", r)
		}
		seen[r.ID] = true
		return len(seen) < 37
	})
	if err != nil {
		t.Fatalf("%d of 37 articles answered: %v", len(seen), err)
	}
	sameEvents(t, ingestDirect(t, in), storedEvents(t, db))
}

// TestNATSRestartDuringIngest restarts a private NATS server while ingest --wait
// publishes and a worker stores: the ingest completes, or fails loudly, and either way
// every article stored is whole, with the events a direct ingest gives.
func TestNATSRestartDuringIngest(t *testing.T) {
	srv := natstest.Start(t)
	url := srv.URL()
	in := samplesFile(t)
	db := filepath.Join(t.TempDir(), "queued.db")
	worker(t, "--queue", url, "--db", db, "--batch", "4", "--ack-wait", "3s")
	type outcome struct {
		code     int
		out, err string
	}
	done := make(chan outcome, 1)
	go func() {
		var out, errb syncBuffer
		code := run(context.Background(), &env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }},
			[]string{"ingest", "--queue", url, "--wait", in})
		done <- outcome{code, out.String(), errb.String()}
	}()
	// Restart once the first articles are stored.
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("nothing stored within 60s")
		}
		if _, err := os.Stat(db); err != nil { // the worker has not opened it yet
			continue
		}
		if n := len(storedEvents(t, db)); n > 0 {
			t.Logf("restarting NATS with %d articles stored", n)
			break
		}
	}
	srv.Restart(time.Second)
	var o outcome
	select {
	case o = <-done:
	case <-time.After(90 * time.Second):
		t.Fatal("ingest --wait did not finish within 90s of the restart")
	}
	t.Logf("ingest: exit %d\n%s%s", o.code, o.out, o.err)
	if o.code != exitOK {
		// Failing is allowed, loudly: a message on stderr and a non-zero exit.
		if !strings.Contains(o.err, "tocsin ingest:") {
			t.Errorf("ingest failed without saying why: exit %d, stderr %q", o.code, o.err)
		}
	} else if !strings.Contains(o.out, "read 37, new 37") {
		t.Errorf("summary %q", o.out)
	}
	direct := ingestDirect(t, in)
	got := storedEvents(t, db)
	for id, ev := range got {
		if direct[id] != ev {
			t.Errorf("article %s stored differently from a direct ingest", id)
		}
	}
	if o.code == exitOK && len(got) != len(direct) {
		t.Errorf("ingest succeeded with %d of %d articles stored", len(got), len(direct))
	}
}

// TestBenchQueue runs bench queue on four sample articles with one worker process (this
// test binary, as tocsin): every article stored, and the figures printed.
func TestBenchQueue(t *testing.T) {
	url := natstest.URL(t)
	t.Setenv("TOCSIN_TEST_MAIN", "1") // the worker processes are this binary, running main
	code, out, stderr := runCLI(t, "bench", "queue", "--queue", url, "--workers", "1", "--limit", "4", "--json", samplesFile(t))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var res benchQueueResult
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		t.Fatalf("last line is not the JSON figures: %v\n%s", err, out)
	}
	if res.Articles != 4 || len(res.Runs) != 1 || res.Runs[0].ArticlesPS <= 0 || res.OverheadMS <= 0 || res.Runs[0].WorkerCPU <= 0 {
		t.Errorf("figures %+v", res)
	}
	if !strings.Contains(out, "workers 1 ") || !strings.Contains(out, "overhead ") {
		t.Errorf("report:\n%s", out)
	}
}

// TestWorkerStopsOnSIGTERM sends SIGTERM to a worker process mid-batch: it exits 0 and
// what it stored or gave back is all there for the next worker.
func TestWorkerStopsOnSIGTERM(t *testing.T) {
	url, name := natstest.URL(t), natstest.Name(t)
	dropStreams(t, url, name)
	in := samplesFile(t)
	db := filepath.Join(t.TempDir(), "queued.db")
	args := []string{"--queue", url, "--stream", name, "--db", db, "--batch", "32"}
	if code, out, stderr := runCLI(t, "ingest", "--queue", url, "--stream", name, in); code != exitOK {
		t.Fatalf("publishing: %s %s", out, stderr)
	}
	child := exec.Command(os.Args[0], append([]string{"worker"}, args...)...)
	child.Env = append(os.Environ(), "TOCSIN_TEST_MAIN=1")
	var childLog syncBuffer
	child.Stderr = &childLog
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	q, err := queue.Connect(context.Background(), url, queue.Config{Name: name}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := q.Results(ctx, time.Now().Add(-time.Hour), func(queue.Result) bool { return false }); err != nil {
		child.Process.Kill()
		t.Fatalf("no result: %v\n%s", err, childLog.String())
	}
	child.Process.Signal(syscall.SIGTERM)
	exited := make(chan error, 1)
	go func() { exited <- child.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("worker exited with %v after SIGTERM:\n%s", err, childLog.String())
		}
	case <-time.After(30 * time.Second):
		child.Process.Kill()
		t.Fatal("worker still running 30s after SIGTERM")
	}
	if !strings.Contains(childLog.String(), "worker stopped") {
		t.Errorf("no 'worker stopped' in its log:\n%s", childLog.String())
	}
	worker(t, args...)
	seen := map[string]bool{}
	if err := q.Results(ctx, time.Now().Add(-time.Hour), func(r queue.Result) bool {
		seen[r.ID] = true
		return len(seen) < 37
	}); err != nil {
		t.Fatalf("%d of 37 answered: %v", len(seen), err)
	}
	if n := len(storedEvents(t, db)); n != 37 {
		t.Errorf("%d stored, want 37", n)
	}
}

// TestWaitReportsDeadLetters runs ingest --queue --wait against a worker whose analysis
// always fails (max-deliver 1): --wait lists each article as dead-lettered, with the
// worker's error, and exits 1.
func TestWaitReportsDeadLetters(t *testing.T) {
	url, name := natstest.URL(t), natstest.Name(t)
	dropStreams(t, url, name)
	q, err := queue.Connect(context.Background(), url, queue.Config{Name: name, MaxDeliver: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	failing := func(ctx context.Context, jobs []queue.Job) ([]*doc.Document, []error) {
		errs := make([]error, len(jobs))
		for i := range errs {
			errs[i] = errors.New("the disk caught fire")
		}
		return make([]*doc.Document, len(jobs)), errs
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- (&queue.Worker{Queue: q, Store: nil, Analyze: failing}).Run(ctx) }()
	defer func() { cancel(); <-done }()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Bridge reopens\n\nThe river bridge reopened on Monday."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Port strike ends\n\nDock workers returned to work on Friday."), 0o644)
	code, out, _ := runCLI(t, "ingest", "--queue", url, "--stream", name, "--wait", dir)
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	if !strings.Contains(out, "read 2, new 0, already known 0, rejected 0") ||
		strings.Count(out, "dead-lettered ") != 2 || !strings.Contains(out, "a.txt after 1 tries: the disk caught fire") {
		t.Errorf("summary:\n%s", out)
	}
}

// TestWorkerProcsAnalyseAlike analyses the samples as one batch of jobs with --procs 1
// and --procs 3: the same documents, in the same order.
func TestWorkerProcsAnalyseAlike(t *testing.T) {
	p, err := newPipeline(nil)
	if err != nil {
		t.Fatal(err)
	}
	var jobs []queue.Job
	for line := range bytes.Lines(samples.JSONL()) {
		var j queue.Job
		if err := json.Unmarshal(line, &j.Article); err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, j)
	}
	ctx := context.Background()
	encode := func(procs int) string {
		docs, errs := jobAnalyzer(p, procs)(ctx, jobs)
		if len(docs) != len(jobs) || len(errs) != len(jobs) {
			t.Fatalf("--procs %d: %d documents, %d errors for %d jobs", procs, len(docs), len(errs), len(jobs))
		}
		var b strings.Builder
		for i, d := range docs {
			if errs[i] != nil {
				t.Fatalf("--procs %d: %s: %v", procs, jobs[i].Article.Origin, errs[i])
			}
			js, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(js)
		}
		return b.String()
	}
	one, three := encode(1), encode(3)
	if len(jobs) < 4 || one != three {
		t.Errorf("--procs 3 analysed %d jobs unlike --procs 1 (%d and %d bytes of JSON)", len(jobs), len(one), len(three))
	}
}
