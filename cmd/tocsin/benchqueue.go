package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/storeopen"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/queue"
	"github.com/tocsin-project/tocsin/reader"
)

// benchQueueRun is one run of bench queue: n worker processes over the articles.
type benchQueueRun struct {
	Workers     int     `json:"workers"`
	Seconds     float64 `json:"seconds"`
	ArticlesPS  float64 `json:"articles_per_s"`
	WorkerCPU   float64 `json:"worker_cpu_s"` // user + system of the worker processes
	Speedup     float64 `json:"speedup"`      // articles/s over the first run's
	CPUPerArtMS float64 `json:"cpu_ms_per_article"`
	// StoreBytes is the store's size on disk after the run: SQLite's file and WAL, or
	// pg_database_size.
	StoreBytes int64 `json:"store_bytes"`
	// The CPU used during the run, an article, by the PostgreSQL backends serving the
	// workers and by the NATS server, when they run on this machine (0 otherwise).
	// PostgreSQL's shared processes (WAL writer, checkpointer) are not counted; other
	// clients of the NATS server are.
	PostgresMS float64 `json:"postgres_cpu_ms_per_article,omitempty"`
	NATSMS     float64 `json:"nats_cpu_ms_per_article,omitempty"`
}

// benchQueueResult is what tocsin bench queue reports; with --json it is the last line.
type benchQueueResult struct {
	Articles int             `json:"articles"`
	Batch    int             `json:"batch"`
	Procs    int             `json:"procs"` // each worker's --procs
	Runs     []benchQueueRun `json:"runs"`
	Store    string          `json:"store"` // SQLite or PostgreSQL
	// The queue's own cost per article, with nothing to analyse or store: publishing
	// (publishRun jobs a round trip, as ingest --queue does), and the rest of the way
	// (fetch, results published a batch at a time, acks, and ingest --wait reading the
	// results).
	PublishMS  float64 `json:"overhead_publish_ms"`
	ConsumeMS  float64 `json:"overhead_consume_ms"`
	OverheadMS float64 `json:"overhead_ms_per_article"`
	// Load is the machine's 1-minute load average before the runs, "" where unknown:
	// on a shared machine, worker CPU time is the steadier figure.
	Load string `json:"load,omitempty"`
}

// runBenchQueue measures ingest through the queue: the articles published and awaited
// as ingest --queue --wait does, with 1, then 2 (--workers) tocsin worker processes
// storing into a new store each run (a SQLite file, or a PostgreSQL database with --db),
// from the time the workers are ready; and the
// queue's own overhead per article, with an empty pipeline and a store that keeps
// nothing.
func runBenchQueue(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench queue", "[--queue nats://HOST:PORT] [--workers 1,2] [--limit N] DIR|FILE ...")
	url := fs.String("queue", "nats://127.0.0.1:4222", "NATS `URL`; the bench makes streams of its own and deletes them")
	workerList := fs.String("workers", "1,2", "comma-separated worker process counts, one run each")
	limit := fs.Int("limit", 200, "articles measured (the first ones read)")
	batch := fs.Int("batch", defaultBatch, "the workers' --batch")
	procs := fs.Int("procs", 1, "the workers' --procs: cores each worker may use (one worker a core compares like with like)")
	dbBase := fs.String("db", "", "PostgreSQL `URL` whose server the runs store into, each in a new database named after the URL's (created, measured and dropped); default: a new SQLite file each run")
	asJSON := fs.Bool("json", false, "end with one line of JSON holding the figures")
	profile := fs.String("cpuprofile", "", "write each worker's CPU profile to `PREFIX`-RUN-WORKER.prof (read them with go tool pprof)")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no input: give a directory of articles, e.g. ../shared/data/news-bench"}
	}
	var counts []int
	for _, f := range strings.Split(*workerList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 64 {
			return usageError{fmt.Sprintf("--workers %q: want counts from 1 to 64, comma-separated", *workerList)}
		}
		counts = append(counts, n)
	}
	if *limit < 1 || *batch < 1 || *procs < 1 {
		return usageError{"--limit, --batch and --procs must be at least 1"}
	}
	var jobs []queue.Job
	seen := map[string]bool{}
	for _, src := range fs.Args() {
		err := reader.Read(ctx, src, reader.Options{}, func(a *article.Article, err error) error {
			if err != nil || len(jobs) >= *limit || a.Validate() != nil {
				return nil
			}
			source := fillDate(a, "")
			id := pipeline.NewDocument(a).ID
			if !seen[id] {
				seen[id] = true
				jobs = append(jobs, queue.Job{ID: id, Article: *a, DateSource: source})
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
	}
	if len(jobs) == 0 {
		return errors.New("no articles to measure")
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "tocsin-bench-queue-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	res := benchQueueResult{Articles: len(jobs), Batch: *batch, Procs: *procs, Load: loadAverage(), Store: "SQLite"}
	if *dbBase != "" {
		res.Store = "PostgreSQL"
	}
	for i, n := range counts {
		name := fmt.Sprintf("bench%d%d", time.Now().UnixNano(), i)
		db, size, err := benchQueueStore(ctx, *dbBase, tmp, name)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%d worker(s) over %d articles into %s...\n", n, len(jobs), storeopen.Redact(db))
		prof := ""
		if *profile != "" {
			prof = fmt.Sprintf("%s-%d", *profile, i+1)
		}
		r, err := benchQueueWorkers(ctx, exe, *url, name, db, n, *batch, *procs, prof, jobs)
		bytes, serr := size()
		if err = cmp.Or(err, serr); err != nil {
			return err
		}
		r.StoreBytes = bytes
		r.Speedup = r.ArticlesPS / max(res.firstRate(r), 1e-9)
		res.Runs = append(res.Runs, r)
	}
	if err := benchQueueOverhead(ctx, *url, jobs, &res); err != nil {
		return err
	}
	printBenchQueue(e.stdout, res)
	if *asJSON {
		b, err := json.Marshal(res)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", b)
	}
	return nil
}

func (r benchQueueResult) firstRate(cur benchQueueRun) float64 {
	if len(r.Runs) == 0 {
		return cur.ArticlesPS
	}
	return r.Runs[0].ArticlesPS
}

// benchQueueWorkers starts n worker processes, waits until each has started, then
// publishes the jobs and waits for every result.
func benchQueueWorkers(ctx context.Context, exe, url, name, db string, n, batch, cores int, profile string, jobs []queue.Job) (benchQueueRun, error) {
	q, err := queue.Connect(ctx, url, queue.Config{Name: name}, nil)
	if err != nil {
		return benchQueueRun{}, err
	}
	defer q.Close()
	defer q.DeleteStreams(context.WithoutCancel(ctx))
	ready := make(chan error, n)
	var procs []*exec.Cmd
	defer func() {
		for _, p := range procs {
			if p.ProcessState == nil {
				p.Process.Kill()
				p.Wait()
			}
		}
	}()
	for k := range n {
		args := []string{"worker", "--queue", url, "--stream", name, "--db", db, "--batch", strconv.Itoa(batch), "--procs", strconv.Itoa(cores)}
		if profile != "" {
			args = append(args, "--cpuprofile", fmt.Sprintf("%s-%d.prof", profile, k+1))
		}
		cmd := exec.CommandContext(ctx, exe, args...)
		stderr, err := cmd.StderrPipe()
		if err != nil {
			return benchQueueRun{}, err
		}
		if err := cmd.Start(); err != nil {
			return benchQueueRun{}, err
		}
		procs = append(procs, cmd)
		go func() {
			sc := bufio.NewScanner(stderr)
			said := false
			for sc.Scan() {
				if !said && strings.Contains(sc.Text(), "worker started") {
					said = true
					ready <- nil
				}
			}
			if !said {
				ready <- errors.New("a worker stopped before it started")
			}
		}()
	}
	for range n {
		select {
		case err := <-ready:
			if err != nil {
				return benchQueueRun{}, err
			}
		case <-time.After(2 * time.Minute):
			return benchQueueRun{}, errors.New("workers not started within 2 minutes")
		}
	}
	pg0 := backendCPU(ctx, db)
	nats0, natsOK := serverCPU("nats-server")
	start := time.Now()
	seqs, err := publishJobs(ctx, q, jobs)
	if err != nil {
		return benchQueueRun{}, err
	}
	failed := 0
	if err := q.Wait(ctx, start.Add(-time.Minute), seqs, func(r queue.Result) {
		if r.Status != queue.StatusNew {
			failed++
		}
	}); err != nil {
		return benchQueueRun{}, err
	}
	elapsed := time.Since(start)
	pg1 := backendCPU(ctx, db)
	nats1, _ := serverCPU("nats-server")
	if failed > 0 {
		return benchQueueRun{}, fmt.Errorf("%d of %d articles not stored new", failed, len(jobs))
	}
	var cpu time.Duration
	for _, p := range procs {
		p.Process.Signal(syscall.SIGTERM)
		p.Wait()
		if p.ProcessState != nil {
			cpu += p.ProcessState.UserTime() + p.ProcessState.SystemTime()
		}
	}
	r := benchQueueRun{Workers: n, Seconds: elapsed.Seconds(), ArticlesPS: float64(len(jobs)) / elapsed.Seconds(),
		WorkerCPU: cpu.Seconds(), CPUPerArtMS: 1000 * cpu.Seconds() / float64(len(jobs))}
	if len(pg1) > 0 {
		var pg time.Duration
		for pid, t := range pg1 {
			pg += t - pg0[pid] // a backend started during the run began at 0
		}
		r.PostgresMS = 1000 * pg.Seconds() / float64(len(jobs))
	}
	if natsOK {
		r.NATSMS = 1000 * (nats1 - nats0).Seconds() / float64(len(jobs))
	}
	return r, nil
}

// benchQueueStore makes the new, empty store of one run: a SQLite file in tmp, or, when
// base is a PostgreSQL URL, a database named after base's with name appended. It is
// created here, so that the workers do not race to create it. size reports how much the
// store grew on disk during the run, and removes it.
func benchQueueStore(ctx context.Context, base, tmp, name string) (dsn string, size func() (int64, error), err error) {
	if base == "" {
		dsn = filepath.Join(tmp, name+".db")
	} else {
		if !storeopen.IsPostgres(base) {
			return "", nil, usageError{"--db: want a postgres:// URL (the default is a new SQLite file each run)"}
		}
		cfg, err := pgx.ParseConfig(base)
		if err != nil {
			return "", nil, usageError{"--db: " + err.Error()}
		}
		u, err := url.Parse(base)
		if err != nil {
			return "", nil, usageError{"--db: not a URL"}
		}
		u.Path = "/" + cmp.Or(cfg.Database, "tocsin") + "_" + name
		dsn = u.String()
	}
	st, err := storeopen.Open(ctx, dsn)
	if err != nil {
		return "", nil, err
	}
	if err := st.Close(); err != nil {
		return "", nil, err
	}
	// The empty store's size (PostgreSQL's catalogue alone is some 7 MB) is not the
	// articles'.
	empty, err := measure(ctx, dsn, base)
	if err != nil {
		return "", nil, err
	}
	return dsn, func() (int64, error) {
		n, err := measure(ctx, dsn, base)
		return n - empty, errors.Join(err, remove(ctx, dsn, base))
	}, nil
}

// publishJobs publishes jobs as ingest --queue does, publishRun at a time, and returns
// their sequences.
func publishJobs(ctx context.Context, q *queue.Queue, jobs []queue.Job) (map[uint64]bool, error) {
	seqs := map[uint64]bool{}
	for lo := 0; lo < len(jobs); lo += publishRun {
		rs, err := q.PublishAll(ctx, jobs[lo:min(lo+publishRun, len(jobs))])
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			seqs[r.Seq] = true
		}
	}
	return seqs, nil
}

// backendCPU is the CPU time used so far by each PostgreSQL backend, by pid, connected
// to the database dsn names (but the one asking), when they run on this machine; nil
// for a SQLite store or a server elsewhere.
func backendCPU(ctx context.Context, dsn string) map[int]time.Duration {
	if !storeopen.IsPostgres(dsn) {
		return nil
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return nil
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)
	if err != nil {
		return nil
	}
	pids, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return nil
	}
	cpu := map[int]time.Duration{}
	for _, pid := range pids {
		if t, ok := pidCPU(int(pid), "postgres"); ok {
			cpu[int(pid)] = t
		}
	}
	return cpu
}

// discardStore keeps nothing: the overhead run measures the queue alone.
type discardStore struct{}

func (discardStore) Put(context.Context, *doc.Document) (bool, error) { return true, nil }

// benchQueueOverhead sends the jobs through the queue with an in-process worker that
// analyses nothing (an empty pipeline) and stores nothing.
func benchQueueOverhead(ctx context.Context, url string, jobs []queue.Job, res *benchQueueResult) error {
	name := fmt.Sprintf("benchoverhead%d", time.Now().UnixNano())
	q, err := queue.Connect(ctx, url, queue.Config{Name: name}, nil)
	if err != nil {
		return err
	}
	defer q.Close()
	defer q.DeleteStreams(context.WithoutCancel(ctx))
	start := time.Now()
	seqs, err := publishJobs(ctx, q, jobs)
	if err != nil {
		return err
	}
	published := time.Since(start)
	empty := pipeline.New()
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w := &queue.Worker{Queue: q, Store: discardStore{}, Batch: res.Batch, Analyze: jobAnalyzer(empty, 1)}
	done := make(chan error, 1)
	t1 := time.Now()
	go func() { done <- w.Run(wctx) }()
	err = q.Wait(ctx, start.Add(-time.Minute), seqs, func(queue.Result) {})
	consumed := time.Since(t1)
	cancel()
	if werr := <-done; err == nil {
		err = werr
	}
	if err != nil {
		return err
	}
	n := float64(len(jobs))
	res.PublishMS = 1000 * published.Seconds() / n
	res.ConsumeMS = 1000 * consumed.Seconds() / n
	res.OverheadMS = res.PublishMS + res.ConsumeMS
	return nil
}

func printBenchQueue(w io.Writer, r benchQueueResult) {
	fmt.Fprintf(w, "articles   %d through the queue, batches of %d, each worker --procs %d, each run into a new %s store\n", r.Articles, r.Batch, r.Procs, r.Store)
	if r.Load != "" {
		fmt.Fprintf(w, "load       %s (1-minute load average before the runs)\n", r.Load)
	}
	for _, run := range r.Runs {
		fmt.Fprintf(w, "workers %-2d %.1fs, %.2f articles/s (%.2f× the first run), %.1f s of worker CPU (%.0f ms an article), store %.1f kB an article\n",
			run.Workers, run.Seconds, run.ArticlesPS, run.Speedup, run.WorkerCPU, run.CPUPerArtMS, float64(run.StoreBytes)/float64(r.Articles)/1000)
		var servers []string
		if run.PostgresMS > 0 {
			servers = append(servers, fmt.Sprintf("PostgreSQL backends %.1f ms", run.PostgresMS))
		}
		if run.NATSMS > 0 {
			servers = append(servers, fmt.Sprintf("NATS %.1f ms", run.NATSMS))
		}
		if len(servers) > 0 {
			fmt.Fprintf(w, "           servers: %s of CPU an article\n", strings.Join(servers, ", "))
		}
	}
	fmt.Fprintf(w, "overhead   %.3f ms an article: publish %.3f ms, delivery, result and ack %.3f ms (empty pipeline, no store)\n",
		r.OverheadMS, r.PublishMS, r.ConsumeMS)
	if len(r.Runs) > 0 && r.Runs[0].ArticlesPS > 0 {
		per := 1000 / r.Runs[0].ArticlesPS * float64(r.Runs[0].Workers)
		fmt.Fprintf(w, "           %.1f%% of a worker's %.0f ms an article on the clock, %.1f%% of its %.0f ms of CPU\n",
			100*r.OverheadMS/per, per, 100*r.OverheadMS/r.Runs[0].CPUPerArtMS, r.Runs[0].CPUPerArtMS)
	}
}

// loadAverage is the 1-minute load average, "" where /proc/loadavg is missing.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// measure is the size on disk of the store dsn names: SQLite's file and WAL, or
// pg_database_size when base (the --db given) is a PostgreSQL URL.
func measure(ctx context.Context, dsn, base string) (int64, error) {
	if base == "" {
		var n int64
		for _, f := range []string{dsn, dsn + "-wal"} {
			if fi, err := os.Stat(f); err == nil {
				n += fi.Size()
			}
		}
		return n, nil
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return 0, err
	}
	defer conn.Close(ctx)
	var n int64
	err = conn.QueryRow(ctx, "SELECT pg_database_size(current_database())").Scan(&n)
	return n, err
}

// remove deletes the store dsn names: the SQLite files, or the PostgreSQL database,
// from the server's maintenance database.
func remove(ctx context.Context, dsn, base string) error {
	if base == "" {
		for _, f := range []string{dsn, dsn + "-wal", dsn + "-shm"} {
			if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
		return nil
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return err
	}
	name := cfg.Database
	cfg.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "DROP DATABASE "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	return err
}
