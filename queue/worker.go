package queue

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
)

// Store is what a worker needs of a store: Put, one transaction per document, reporting
// created=false for an article already stored (so that a redelivered job changes
// nothing).
type Store interface {
	Put(ctx context.Context, d *doc.Document) (created bool, err error)
}

// Pinger is implemented by stores that can tell whether they are reachable. A worker
// asks it after a failed Put, to tell a store that is down (wait and try again) from
// an article the store refuses (a failure that counts toward the dead letter).
type Pinger interface {
	Ping(ctx context.Context) error
}

// AnalyzeFunc analyses a batch of jobs: docs[i] and errs[i] are jobs[i]'s document and
// error, an *article.InputError for an article that is rejected (as ingest rejects it).
type AnalyzeFunc func(ctx context.Context, jobs []Job) (docs []*doc.Document, errs []error)

// Observer receives what a worker does, for metrics. Its methods must be safe for
// concurrent use and quick.
type Observer interface {
	// Article is called once for each job concluded, with its status and event count.
	Article(status string, events int)
	// Failure is called for each failed operation: "analysis", "store",
	// "store_unavailable", "queue".
	Failure(kind string)
	// Delivered is called for each job received, with the time since it was
	// published and how many jobs were still waiting undelivered.
	Delivered(lag time.Duration, pending uint64)
	// Batch is called after each batch with the time spent analysing and storing it.
	Batch(n int, analyse, store time.Duration)
	// StoreUp is called with false while the store is unreachable, true when it is back.
	StoreUp(up bool)
}

// ConsumerName is the durable consumer the workers share.
const ConsumerName = "workers"

// Worker consumes jobs, analyses them in batches and stores the documents.
type Worker struct {
	Queue   *Queue
	Store   Store
	Analyze AnalyzeFunc
	// Batch is the most jobs analysed together (default 32).
	Batch int
	// Grace is how long the batch in hand may still take once Run's context is
	// cancelled (SIGTERM); what is not done by then is given back (default 20s).
	Grace time.Duration
	Log   *slog.Logger
	// Observer, when set, is told of every job and failure.
	Observer Observer
}

// item is one delivered job.
type item struct {
	msg   jetstream.Msg
	job   Job
	seq   uint64
	tries int
	done  bool
}

// Run consumes jobs until ctx is cancelled, then finishes or gives back (naks) the
// batches in hand and returns nil. It returns an error only when it cannot start.
func (w *Worker) Run(ctx context.Context) error {
	q := w.Queue
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
	if w.Observer == nil {
		w.Observer = nopObserver{}
	}
	cons, err := q.js.CreateOrUpdateConsumer(ctx, q.articles, jetstream.ConsumerConfig{
		Durable:       ConsumerName,
		Description:   "tocsin workers: analyse and store",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.cfg.AckWait,
		MaxDeliver:    -1, // the worker dead-letters a job delivered more than MaxDeliver times
		MaxAckPending: 10_000,
		FilterSubject: q.articlesSubject(),
	})
	if err != nil {
		return fmt.Errorf("consumer %s on %s: %w", ConsumerName, q, err)
	}
	w.Log.Info("worker started", "queue", q.String(), "batch", w.batch(), "ack_wait", q.cfg.AckWait, "max_deliver", q.cfg.MaxDeliver)
	// One batch is stored while the next is fetched and analysed, so that a worker
	// keeps its core busy while the store commits; batches are stored one after the
	// other, in the order they were fetched.
	var storing chan struct{} // closed when the batch being stored is done
	wait := 250 * time.Millisecond
	for ctx.Err() == nil {
		items, err := w.fetch(ctx, cons)
		if err != nil {
			w.Observer.Failure("queue")
			w.Log.Warn("fetching jobs", "err", err, "retry_in", wait)
			sleep(ctx, wait)
			wait = min(2*wait, 10*time.Second)
			continue
		}
		wait = 250 * time.Millisecond
		if len(items) == 0 {
			continue
		}
		b := w.analyse(ctx, items)
		if storing != nil {
			<-storing
		}
		storing = make(chan struct{})
		go func(done chan struct{}) {
			defer close(done)
			w.store(ctx, b)
		}(storing)
	}
	if storing != nil {
		<-storing
	}
	w.Log.Info("worker stopped")
	return nil
}

func (w *Worker) batch() int { return max(cmp.Or(w.Batch, 32), 1) }

// fetch waits up to two seconds for one job, then takes as many more as are waiting, up
// to a batch: a batch is what is waiting, so that a trickle of jobs is not held back.
func (w *Worker) fetch(ctx context.Context, cons jetstream.Consumer) ([]*item, error) {
	var msgs []jetstream.Msg
	fctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	b, err := cons.Fetch(1, jetstream.FetchContext(fctx))
	if err != nil {
		return nil, err
	}
	for m := range b.Messages() {
		msgs = append(msgs, m)
	}
	if err := b.Error(); err != nil && len(msgs) == 0 && !errors.Is(err, nats.ErrTimeout) && fctx.Err() == nil {
		return nil, err
	}
	if len(msgs) > 0 && w.batch() > 1 {
		b, err := cons.FetchNoWait(w.batch() - 1)
		if err == nil {
			for m := range b.Messages() {
				msgs = append(msgs, m)
			}
		}
	}
	items := make([]*item, 0, len(msgs))
	for _, m := range msgs {
		it := &item{msg: m, tries: 1}
		if md, err := m.Metadata(); err == nil {
			it.seq, it.tries = md.Sequence.Stream, int(md.NumDelivered)
			w.Observer.Delivered(time.Since(md.Timestamp), md.NumPending)
		}
		items = append(items, it)
	}
	return items, nil
}

// batch is a fetched batch between its analysis and its storing.
type batch struct {
	items    []*item
	live     []*item // the items analysed: docs[k] and errs[k] are live[k]'s
	docs     []*doc.Document
	errs     []error
	analysed time.Duration
	work     context.Context // the batch's operations: ends a grace period after Run's
	pub      context.Context // its publications: ends when one has failed for good
	conclude *acker
	release  func() // stops the keep-alive and the contexts
}

// analyse decodes and analyses items, starting the keep-alive that holds them while
// they wait to be stored.
func (w *Worker) analyse(ctx context.Context, items []*item) *batch {
	q := w.Queue
	// work outlives ctx by the grace period, so that a SIGTERM lets the batch finish.
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stopGrace := context.AfterFunc(ctx, func() {
		t := time.AfterFunc(cmp.Or(w.Grace, 20*time.Second), cancel)
		<-work.Done()
		t.Stop()
	})
	// pub is the context of the batch's publications (results, dead letters): once one
	// has failed for good (NATS away for longer than publishRetry), the others do not
	// each wait as long; their jobs stay unacknowledged, to be redelivered and found
	// stored.
	pub, giveUp := context.WithCancel(work)
	b := &batch{items: items, work: work, pub: pub, conclude: &acker{w: w, giveUp: giveUp}}
	stopKeep := w.keepAlive(&b.conclude.mu, items)
	b.release = func() {
		stopKeep()
		stopGrace()
		giveUp()
		cancel()
	}
	var jobs []Job
	for _, it := range items {
		if err := json.Unmarshal(it.msg.Data(), &it.job); err != nil {
			w.deadLetter(pub, it, b.conclude, "not a tocsin job: "+err.Error())
			continue
		}
		if it.tries > q.cfg.MaxDeliver {
			w.deadLetter(pub, it, b.conclude, fmt.Sprintf("delivered %d times without an outcome: the workers handling it stopped or timed out", it.tries-1))
			continue
		}
		jobs = append(jobs, it.job)
		b.live = append(b.live, it)
	}
	if len(b.live) > 0 {
		t0 := time.Now()
		b.docs, b.errs = w.Analyze(work, jobs)
		b.analysed = time.Since(t0)
	}
	return b
}

// store concludes each job of b: stored (ack), rejected (ack), failed (nak, to be
// tried again later), dead-lettered (ack), or given back on shutdown (nak). A store
// that can (BatchStore) stores the batch's documents in one transaction; the results
// of the jobs so concluded are published together, and each job is acknowledged once
// its result is in the results stream. When the batch's transaction fails, the
// documents are stored one by one, each concluded as it is stored.
func (w *Worker) store(ctx context.Context, b *batch) {
	defer b.release()
	defer func() { // whatever is left is given back
		for _, it := range b.items {
			b.conclude.done(it, it.msg.Nak)
		}
	}()
	if len(b.live) == 0 {
		return
	}
	t1 := time.Now()
	var done []*item // concluded together at the end: results[k] is done[k]'s
	var results []Result
	var good []int // the analysed documents to store: indices in b.live
	for k, it := range b.live {
		err := b.errs[k]
		if err == nil {
			good = append(good, k)
			continue
		}
		var ie *article.InputError
		switch {
		case errors.As(err, &ie):
			done, results = append(done, it), append(results, Result{Status: StatusRejected, Reason: err.Error()})
		case b.work.Err() != nil:
			return // given back by the deferred nak
		default:
			w.Observer.Failure("analysis")
			w.fail(b.pub, it, b.conclude, err)
		}
	}
	if bs, ok := w.Store.(BatchStore); ok && len(good) > 1 {
		docs := make([]*doc.Document, len(good))
		for j, k := range good {
			docs[j] = b.docs[k]
		}
		created, err := bs.PutBatch(b.work, docs)
		switch {
		case err == nil:
			for j, k := range good {
				done, results = append(done, b.live[k]), append(results, stored(created[j], docs[j]))
			}
			good = nil
		case b.work.Err() != nil || ctx.Err() != nil:
			return // shutting down: give the batch back
		default:
			w.Log.Info("storing the batch article by article", "articles", len(docs), "err", err)
		}
	}
	for _, k := range good {
		it := b.live[k]
		created, err := w.put(ctx, b.work, b.docs[k])
		if err != nil {
			if b.work.Err() != nil || ctx.Err() != nil {
				return // shutting down while the store is away: give the rest back
			}
			w.Observer.Failure("store")
			w.fail(b.pub, it, b.conclude, err)
			continue
		}
		w.conclude(b.pub, it, b.conclude, stored(created, b.docs[k]))
	}
	w.concludeAll(b.pub, done, b.conclude, results)
	w.Observer.Batch(len(b.live), b.analysed, time.Since(t1))
}

// BatchStore is implemented by stores that can store several documents in one
// transaction (fewer commits and round trips than a Put each). created[i] is docs[i]'s
// Put result; on an error nothing is stored, and the worker puts the documents one by
// one.
type BatchStore interface {
	PutBatch(ctx context.Context, docs []*doc.Document) (created []bool, err error)
}

// stored is the result of a stored document.
func stored(created bool, d *doc.Document) Result {
	if created {
		return Result{Status: StatusNew, Events: len(d.Events)}
	}
	return Result{Status: StatusKnown, Events: len(d.Events)}
}

// concludeAll concludes items[k] with results[k] as conclude does, their results
// published together; a result whose publication fails is published again on its
// own, with conclude's retries.
func (w *Worker) concludeAll(ctx context.Context, items []*item, conclude *acker, results []Result) {
	for k, it := range items {
		r := &results[k]
		r.ID, r.Seq, r.Origin, r.Tries = it.job.ID, it.seq, it.job.Article.Origin, it.tries
	}
	ok := w.Queue.publishResults(ctx, results)
	for k, it := range items {
		if !ok[k] {
			w.conclude(ctx, it, conclude, results[k])
			continue
		}
		w.concluded(it, conclude, results[k])
	}
}

// acker concludes each job of a batch once (ack, nak), under the lock the keep-alive
// shares.
type acker struct {
	w      *Worker
	mu     sync.Mutex // guards the items' done flags
	giveUp context.CancelFunc
}

func (a *acker) done(it *item, f func() error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if it.done {
		return
	}
	it.done = true
	if err := f(); err != nil {
		a.w.Observer.Failure("queue")
		a.w.Log.Warn("acknowledging job", "id", it.job.ID, "seq", it.seq, "err", err)
	}
}

// conclude publishes its result and acknowledges it. A result that cannot be
// published leaves the job unacknowledged, to be redelivered (and found stored).
func (w *Worker) conclude(ctx context.Context, it *item, conclude *acker, r Result) {
	r.ID, r.Seq, r.Origin, r.Tries = it.job.ID, it.seq, it.job.Article.Origin, it.tries
	if err := w.Queue.publishResult(ctx, r); err != nil {
		w.Observer.Failure("queue")
		w.Log.Warn("publishing result; the job is left to be redelivered", "id", r.ID, "err", err)
		conclude.giveUp()
		return
	}
	w.concluded(it, conclude, r)
}

// concluded acknowledges it, whose result r is published.
func (w *Worker) concluded(it *item, conclude *acker, r Result) {
	w.Observer.Article(r.Status, r.Events)
	if r.Status == StatusRejected {
		w.Log.Info("article rejected", "id", r.ID, "origin", r.Origin, "reason", r.Reason)
	}
	conclude.done(it, it.msg.Ack)
}

// fail gives a failed job back to be tried again after a delay growing with its
// tries, or, at its last try, dead-letters it.
func (w *Worker) fail(ctx context.Context, it *item, conclude *acker, err error) {
	if it.tries >= w.Queue.cfg.MaxDeliver {
		w.deadLetter(ctx, it, conclude, err.Error())
		return
	}
	delay := min(time.Duration(it.tries)*time.Second, 30*time.Second)
	w.Log.Warn("article failed; it will be tried again", "id", it.job.ID, "origin", it.job.Article.Origin, "try", it.tries, "of", w.Queue.cfg.MaxDeliver, "retry_in", delay, "err", err)
	conclude.done(it, func() error { return it.msg.NakWithDelay(delay) })
}

// deadLetter moves a job to the dead-letter stream with its last failure, reports it
// as dead and acknowledges it.
func (w *Worker) deadLetter(ctx context.Context, it *item, conclude *acker, reason string) {
	q := w.Queue
	data, err := json.Marshal(DeadLetter{Job: it.job, Reason: reason, Tries: it.tries, Seq: it.seq})
	if err == nil {
		err = retry(ctx, publishRetry, func(ctx context.Context) error {
			_, err := q.js.Publish(ctx, q.deadSubject(), data, jetstream.WithMsgID("dead-"+strconv.FormatUint(it.seq, 10)), jetstream.WithExpectStream(q.dead))
			return err
		})
	}
	if err != nil {
		w.Observer.Failure("queue")
		w.Log.Warn("dead-lettering job", "seq", it.seq, "err", err)
		conclude.giveUp()
		return // redelivered, and dead-lettered then
	}
	w.Log.Error("article dead-lettered", "id", it.job.ID, "origin", it.job.Article.Origin, "seq", it.seq, "tries", it.tries, "reason", reason, "stream", q.dead)
	w.conclude(ctx, it, conclude, Result{Status: StatusDead, Reason: reason})
}

// put stores d. While the store is unreachable it waits, longer each time, and tries
// again, the job kept (not acknowledged, not given back) until ctx ends; an error that
// is not the store being away is returned.
func (w *Worker) put(ctx, work context.Context, d *doc.Document) (bool, error) {
	wait := 250 * time.Millisecond
	down, retried := false, false
	for {
		created, err := w.Store.Put(work, d)
		if err == nil {
			if down {
				w.Observer.StoreUp(true)
				w.Log.Info("store is back")
			}
			return created, nil
		}
		if work.Err() != nil {
			return false, fmt.Errorf("storing %s: %w", d.Origin, err)
		}
		if !w.unavailable(work, err) {
			// A connection the server dropped fails with whatever the driver makes of
			// it; the next try dials again, and says whether the store is away. Put is
			// idempotent, so trying again is safe.
			if retried {
				return false, fmt.Errorf("storing %s: %w", d.Origin, err)
			}
			retried = true
			continue
		}
		if !down {
			w.Observer.StoreUp(false)
		}
		down = true
		w.Observer.Failure("store_unavailable")
		w.Log.Warn("store unavailable; waiting", "retry_in", wait, "err", err)
		if !sleep(ctx, wait) {
			return false, ctx.Err()
		}
		wait = min(2*wait, 15*time.Second)
	}
}

// unavailable reports whether err says the store is out of reach rather than that it
// refused this document.
func (w *Worker) unavailable(ctx context.Context, err error) bool {
	var ne net.Error
	if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, ErrUnavailable) || errors.As(err, &ne) {
		return true
	}
	if p, ok := w.Store.(Pinger); ok {
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		return p.Ping(c) != nil
	}
	return false
}

// ErrUnavailable may be wrapped by a store's errors to say that it cannot be reached
// for now: a worker waits and tries again rather than count a failure.
var ErrUnavailable = errors.New("store unavailable")

// keepAlive tells JetStream every third of AckWait that the batch's jobs not yet
// concluded are in progress, so that a long batch, or one held while the store is
// down, is not redelivered to another worker. It returns the function that stops it.
func (w *Worker) keepAlive(mu *sync.Mutex, items []*item) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(w.Queue.cfg.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				mu.Lock()
				for _, it := range items {
					if !it.done {
						_ = it.msg.InProgress()
					}
				}
				mu.Unlock()
			}
		}
	}()
	return func() { close(done) }
}

// sleep waits d or until ctx ends, reporting whether it waited the whole time.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

type nopObserver struct{}

func (nopObserver) Article(string, int)                     {}
func (nopObserver) Failure(string)                          {}
func (nopObserver) Delivered(time.Duration, uint64)         {}
func (nopObserver) Batch(int, time.Duration, time.Duration) {}
func (nopObserver) StoreUp(bool)                            {}
