package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/storeopen"
	"github.com/tocsin-project/tocsin/internal/telemetry"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/queue"
)

// queueOpts holds the flags naming the queue, shared by ingest --queue and worker.
type queueOpts struct {
	url, stream *string
}

func queueFlags(fs *flag.FlagSet, usage string) queueOpts {
	return queueOpts{
		url:    fs.String("queue", "", usage),
		stream: fs.String("stream", queue.DefaultName, "`name` of the queue's streams (NAME_ARTICLES, NAME_RESULTS, NAME_DEAD), for several deployments on one NATS"),
	}
}

// newLogger is the structured log of the queue commands, on stderr: slog's text lines,
// or JSON objects with json true.
func newLogger(w io.Writer, json bool) *slog.Logger {
	if json {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// queueIngest is ingest --queue: the inputs read and checked as ingest reads and checks
// them, the articles published, and with wait the workers' results awaited.
type queueIngest struct {
	qo      queueOpts
	wait    bool
	date    string
	sources []func(emit func(*article.Article, error) error) error
	// progress shows a count of the answers while --wait waits (a terminal, no --quiet).
	progress bool
}

func (qi queueIngest) run(ctx context.Context, e *env) error {
	q, err := queue.Connect(ctx, *qi.qo.url, queue.Config{Name: *qi.qo.stream}, newLogger(e.stderr, false))
	if err != nil {
		return err
	}
	defer q.Close()
	start := time.Now()
	var sum summary
	seqs := map[uint64]bool{} // the jobs to wait for
	dup := map[uint64]bool{}  // of those, the ones published before this run, within the duplicate window
	ids := map[string]bool{}  // the articles of this run
	queued, already := 0, 0
	// Jobs are published a run at a time (queue.PublishAll: one round trip for the run).
	var pending []queue.Job
	flush := func() error {
		rs, err := q.PublishAll(ctx, pending)
		pending = pending[:0]
		for _, r := range rs {
			seqs[r.Seq] = true
			if r.Duplicate {
				dup[r.Seq] = true
				already++
			} else {
				queued++
			}
		}
		return err
	}
	for _, src := range qi.sources {
		err := src(func(a *article.Article, err error) error {
			sum.Read++
			if err != nil {
				if _, ok := errors.AsType[*article.InputError](err); ok {
					sum.reject(err)
					return nil
				}
				return err
			}
			if err := a.Validate(); err != nil { // as pipeline.Analyze would refuse it
				sum.reject(&article.InputError{Input: a.Origin, Reason: err.Error()})
				return nil
			}
			source := fillDate(a, qi.date)
			id := pipeline.NewDocument(a).ID
			if ids[id] { // the same article twice in this run: its second Put would find it
				sum.Known++
				return nil
			}
			ids[id] = true
			if pending = append(pending, queue.Job{ID: id, Article: *a, DateSource: source}); len(pending) == publishRun {
				return flush()
			}
			return nil
		})
		if err == nil {
			err = flush()
		} else if ferr := flush(); ferr != nil {
			err = errors.Join(err, ferr)
		}
		if err != nil {
			sum.Elapsed = time.Since(start)
			fmt.Fprintf(e.stdout, "read %d, queued %d (%d already queued), rejected %d (%.1fs) to %s, then stopped\n",
				sum.Read, queued, already, sum.Rejected, sum.Elapsed.Seconds(), q)
			return err
		}
	}
	if !qi.wait {
		sum.Elapsed = time.Since(start)
		fmt.Fprintf(e.stdout, "read %d, queued %d (%d already queued), rejected %d (%.1fs) to %s\n",
			sum.Read, queued, already, sum.Rejected, sum.Elapsed.Seconds(), q)
		printRejections(e.stdout, sum)
		if sum.Rejected > 0 {
			return inputError{sum.Rejected}
		}
		return nil
	}
	// A duplicate was published, and so may have been answered, up to the duplicate
	// window before this run.
	since := start.Add(-q.Config().Duplicates - time.Minute)
	var dead []queue.Result
	var bar *progressbar.ProgressBar
	if qi.progress {
		bar = progressbar.NewOptions(len(seqs), progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription("waiting for the workers"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	err = q.Wait(ctx, since, seqs, func(r queue.Result) {
		if bar != nil {
			_ = bar.Add(1)
		}
		switch r.Status {
		case queue.StatusNew:
			if dup[r.Seq] { // stored, but from an earlier ingest's publication
				sum.Known++
			} else {
				sum.New++
			}
		case queue.StatusKnown:
			sum.Known++
		case queue.StatusRejected:
			sum.reject(errors.New(r.Reason))
		case queue.StatusDead:
			dead = append(dead, r)
		}
	})
	if bar != nil {
		_ = bar.Finish()
	}
	sum.Elapsed = time.Since(start)
	sum.print(e.stdout, q.String())
	for i, r := range dead {
		if i == maxListed {
			fmt.Fprintf(e.stdout, "  ... and %d more dead-lettered\n", len(dead)-maxListed)
			break
		}
		fmt.Fprintf(e.stdout, "  dead-lettered %s after %d tries: %s\n", r.Origin, r.Tries, r.Reason)
	}
	if err != nil {
		return fmt.Errorf("waiting for the workers: %w (%d of %d articles answered)", err, sum.New+sum.Known+len(dead), len(seqs))
	}
	if n := sum.Rejected + len(dead); n > 0 {
		return inputError{n}
	}
	return nil
}

// publishRun is how many jobs ingest --queue publishes at a time.
const publishRun = 64

// printRejections lists the rejections as summary.print does.
func printRejections(w io.Writer, s summary) {
	for _, r := range s.Reasons {
		fmt.Fprintf(w, "  rejected %s\n", r)
	}
	if n := s.Rejected - len(s.Reasons); n > 0 {
		fmt.Fprintf(w, "  ... and %d more rejected\n", n)
	}
}

// runWorker is tocsin worker. A SIGTERM (ctx cancelled) is a clean stop, exit 0, even
// before the worker has started.
func runWorker(ctx context.Context, e *env, args []string) error {
	err := workerMain(ctx, e, args)
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

func workerMain(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "worker", "--queue nats://HOST:PORT [--db PATH|postgres://...] [--batch N] [--procs N] [--listen HOST:PORT]")
	db := dbFlag(fs, e)
	qo := queueFlags(fs, "NATS `URL` (nats://HOST:PORT) of the work queue whose articles to analyse and store")
	batch := fs.Int("batch", defaultBatch, "most articles analysed together, stage by stage")
	procs := fs.Int("procs", 1, "articles of a batch analysed at once, and the most cores the worker's Go code runs on (GOMAXPROCS); a team runs one worker process a core, each with the default 1")
	maxDeliver := fs.Int("max-deliver", queue.DefaultMaxDeliver, "tries of an article before it goes to the dead-letter stream")
	ackWait := fs.Duration("ack-wait", queue.DefaultAckWait, "time a delivered article may go without a sign of progress before it is given to another worker")
	grace := fs.Duration("grace", 20*time.Second, "on SIGTERM, time the batch in hand may still take before what is left is given back to the queue")
	listen := fs.String("listen", "", "`host:port` to serve /metrics (Prometheus) and /healthz on (default: none)")
	logFormat := fs.String("log", "text", "log `format` on standard error: text (slog's key=value lines) or json (one object a line)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the worker, from start to stop, to `FILE` (read it with go tool pprof)")
	dicts := dictFlags(fs)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	case *qo.url == "":
		return usageError{"--queue is required: the NATS URL (nats://HOST:PORT) ingest --queue publishes to"}
	case *batch < 1 || *maxDeliver < 1 || *procs < 1:
		return usageError{"--batch, --procs and --max-deliver must be at least 1"}
	case *ackWait < time.Second:
		return usageError{"--ack-wait must be at least 1s"}
	case *logFormat != "text" && *logFormat != "json":
		return usageError{fmt.Sprintf("--log %q: want text or json", *logFormat)}
	}
	log := newLogger(e.stderr, *logFormat == "json")
	// The worker's unit of scale: --procs cores at most, so that n workers on n cores
	// each have one, the store's and the queue's servers what is left.
	runtime.GOMAXPROCS(*procs)
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	st, err := storeopen.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := newPipeline(dicts)
	if err != nil {
		return err
	}
	q, err := queue.Connect(ctx, *qo.url, queue.Config{Name: *qo.stream, AckWait: *ackWait, MaxDeliver: *maxDeliver}, log)
	if err != nil {
		return err
	}
	defer q.Close()
	m := telemetry.New(p)
	if *listen != "" {
		stop, err := serveMetrics(*listen, m.Handler(func(ctx context.Context) error {
			if !q.Connected() {
				return errors.New("not connected to the queue")
			}
			if m.StoreDown() {
				return errors.New("the store cannot be reached; jobs are held until it answers")
			}
			if pg, ok := st.(queue.Pinger); ok {
				return pg.Ping(ctx)
			}
			return nil
		}), log)
		if err != nil {
			return err
		}
		defer stop()
	}
	w := &queue.Worker{Queue: q, Store: st, Analyze: jobAnalyzer(p, *procs), Batch: *batch, Grace: *grace, Log: log, Observer: m}
	log.Info("worker store", "db", storeopen.Redact(*db), "procs", *procs)
	return w.Run(ctx)
}

// jobAnalyzer analyses queued jobs as ingest analyses the articles it reads: a batch
// in procs parts at once, each part stage by stage.
func jobAnalyzer(p *pipeline.Pipeline, procs int) queue.AnalyzeFunc {
	return func(ctx context.Context, jobs []queue.Job) ([]*doc.Document, []error) {
		arts := make([]*article.Article, len(jobs))
		sources := make([]string, len(jobs))
		for i := range jobs {
			arts[i], sources[i] = &jobs[i].Article, jobs[i].DateSource
		}
		if procs <= 1 || len(jobs) <= 1 {
			return analyzeForStore(ctx, p, arts, sources)
		}
		docs := make([]*doc.Document, len(jobs))
		errs := make([]error, len(jobs))
		size := (len(jobs) + procs - 1) / procs
		var wg sync.WaitGroup
		for lo := 0; lo < len(jobs); lo += size {
			hi := min(lo+size, len(jobs))
			wg.Go(func() {
				d, e := analyzeForStore(ctx, p, arts[lo:hi], sources[lo:hi])
				copy(docs[lo:hi], d)
				copy(errs[lo:hi], e)
			})
		}
		wg.Wait()
		return docs, errs
	}
}

// serveMetrics serves h on addr until the returned stop is called.
func serveMetrics(addr string, h http.Handler, log *slog.Logger) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--listen %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics server", "err", err)
		}
	}()
	log.Info("serving /metrics and /healthz", "addr", ln.Addr().String())
	return func() {
		c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(c)
	}, nil
}
