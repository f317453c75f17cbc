// Package queue carries articles from `tocsin ingest --queue` to `tocsin worker`
// processes over NATS JetStream, and the workers' results back to the ingest that waits
// for them.
//
// Three streams, named from one prefix (Config.Name, "tocsin" by default):
//
//   - NAME_ARTICLES (subject NAME.articles, work-queue retention): one message a job (an
//     article as read, with the date tocsin gave it), its message ID the article's
//     content-hash ID, so that JetStream drops a second copy published within the
//     duplicate window. Workers share one durable pull consumer with explicit acks: a
//     message is acknowledged only after the article's transaction has committed, so a
//     worker that dies loses nothing, its messages being redelivered after AckWait.
//   - NAME_RESULTS (subjects NAME.results.ID, kept a day): what became of each job
//     (new, known, rejected, dead), with the stream sequence of the job it answers, so
//     that `ingest --wait` can tell its own jobs' outcomes from older ones.
//   - NAME_DEAD (subject NAME.dead, kept a week): jobs that failed MaxDeliver times,
//     with the last failure, for an operator to read and publish again.
package queue

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/tocsin-project/tocsin/article"
)

// Defaults for the zero values of Config.
const (
	DefaultName       = "tocsin"
	DefaultAckWait    = 30 * time.Second
	DefaultMaxDeliver = 5
	DefaultDuplicates = 10 * time.Minute
)

// Config names the streams and sets the work consumer's limits.
type Config struct {
	// Name prefixes the streams' subjects and, upper-cased, their names; letters, digits,
	// '-' and '_' only. Tests use a name of their own so that they never share streams.
	Name string
	// AckWait is how long a delivered job may go without an ack (or a sign of progress,
	// which workers send while they analyse) before JetStream redelivers it.
	AckWait time.Duration
	// MaxDeliver is how many times a job is tried before it goes to the dead-letter
	// stream.
	MaxDeliver int
	// Duplicates is JetStream's duplicate window: a job whose article ID was published
	// within it is not queued again.
	Duplicates time.Duration
}

func (c Config) withDefaults() Config {
	c.Name = cmp.Or(c.Name, DefaultName)
	c.AckWait = cmp.Or(c.AckWait, DefaultAckWait)
	c.MaxDeliver = cmp.Or(c.MaxDeliver, DefaultMaxDeliver)
	c.Duplicates = cmp.Or(c.Duplicates, DefaultDuplicates)
	return c
}

// Job is one queued article: as the reader gave it, its publication date filled in the
// way ingest fills it, and the document's date_source when tocsin gave the date.
type Job struct {
	ID         string          `json:"id"`
	Article    article.Article `json:"article"`
	DateSource string          `json:"date_source,omitempty"`
}

// Statuses of a Result.
const (
	StatusNew      = "new"      // stored
	StatusKnown    = "known"    // already stored
	StatusRejected = "rejected" // the article was refused, as ingest refuses it
	StatusDead     = "dead"     // failed MaxDeliver times; in the dead-letter stream
)

// Result is what became of one job, published by the worker that handled it.
type Result struct {
	ID     string `json:"id"`
	Seq    uint64 `json:"seq"` // the job's sequence in the articles stream
	Origin string `json:"origin"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"` // why it was rejected or dead-lettered
	Events int    `json:"events,omitempty"`
	Tries  int    `json:"tries,omitempty"`
}

// Queue is a connection to NATS with the three streams in place. It is safe for
// concurrent use.
type Queue struct {
	nc  *nats.Conn
	js  jetstream.JetStream
	cfg Config
	log *slog.Logger
	url string

	articles, results, dead string // stream names
}

// Connect connects to the NATS server at rawURL (nats://HOST:PORT) and creates, or
// updates, the streams cfg names. The connection reconnects by itself after the server
// restarts; operations in between fail and are retried by their callers.
func Connect(ctx context.Context, rawURL string, cfg Config, log *slog.Logger) (*Queue, error) {
	cfg = cfg.withDefaults()
	if err := checkName(cfg.Name); err != nil {
		return nil, err
	}
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "nats" && u.Scheme != "tls") || u.Host == "" {
		return nil, fmt.Errorf("--queue %s: want nats://HOST:PORT", Redact(rawURL))
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	q := &Queue{cfg: cfg, log: log, url: Redact(rawURL)}
	up := strings.ToUpper(strings.ReplaceAll(cfg.Name, "-", "_"))
	q.articles, q.results, q.dead = up+"_ARTICLES", up+"_RESULTS", up+"_DEAD"
	q.nc, err = nats.Connect(rawURL,
		nats.Name("tocsin"),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond),
		nats.Timeout(5*time.Second),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("queue disconnected", "url", q.url, "err", err)
			}
		}),
		nats.ReconnectHandler(func(*nats.Conn) { log.Info("queue reconnected", "url", q.url) }),
	)
	if err != nil {
		return nil, fmt.Errorf("--queue %s: %w", q.url, err)
	}
	// An asynchronous publication (the results of a batch) not answered within a few
	// seconds fails, as a synchronous one does, and is then published again.
	q.js, err = jetstream.New(q.nc, jetstream.WithPublishAsyncTimeout(5*time.Second))
	if err != nil {
		q.nc.Close()
		return nil, fmt.Errorf("--queue %s: %w", q.url, err)
	}
	if err := q.setup(ctx); err != nil {
		q.nc.Close()
		return nil, fmt.Errorf("--queue %s: %w", q.url, err)
	}
	return q, nil
}

// checkName accepts the characters valid in both a subject token and a stream name.
func checkName(name string) error {
	if strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != "" {
		return fmt.Errorf("--stream %q: want letters, digits, '-' and '_' only", name)
	}
	return nil
}

// Redact drops the user information (a password or token) from a URL, for messages.
func Redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.User == nil {
		return rawURL
	}
	u.User = url.User("xxxxx")
	return u.String()
}

// String names the queue for summaries: the URL and the stream prefix.
func (q *Queue) String() string { return q.url + " (stream " + q.articles + ")" }

// Config returns the queue's configuration, defaults filled in.
func (q *Queue) Config() Config { return q.cfg }

// Connected reports whether the connection to the server is up.
func (q *Queue) Connected() bool { return q.nc.IsConnected() }

// Close drains nothing and closes the connection.
func (q *Queue) Close() { q.nc.Close() }

func (q *Queue) articlesSubject() string        { return q.cfg.Name + ".articles" }
func (q *Queue) resultSubject(id string) string { return q.cfg.Name + ".results." + id }
func (q *Queue) deadSubject() string            { return q.cfg.Name + ".dead" }

// setup creates or updates the three streams.
func (q *Queue) setup(ctx context.Context) error {
	streams := []jetstream.StreamConfig{
		{Name: q.articles, Subjects: []string{q.articlesSubject()}, Retention: jetstream.WorkQueuePolicy,
			Storage: jetstream.FileStorage, Duplicates: q.cfg.Duplicates,
			Description: "tocsin: articles waiting to be analysed and stored"},
		{Name: q.results, Subjects: []string{q.cfg.Name + ".results.>"}, Retention: jetstream.LimitsPolicy,
			Storage: jetstream.FileStorage, MaxAge: 24 * time.Hour,
			Description: "tocsin: what became of each queued article"},
		{Name: q.dead, Subjects: []string{q.deadSubject()}, Retention: jetstream.LimitsPolicy,
			Storage: jetstream.FileStorage, MaxAge: 7 * 24 * time.Hour,
			Description: "tocsin: articles that failed every try"},
	}
	for _, sc := range streams {
		if _, err := q.js.CreateOrUpdateStream(ctx, sc); err != nil {
			return fmt.Errorf("stream %s: %w", sc.Name, err)
		}
	}
	return nil
}

// Receipt is JetStream's answer to a publish: the job's sequence in the articles stream,
// and whether it was a duplicate of a job published within the duplicate window (whose
// sequence it then is).
type Receipt struct {
	Seq       uint64
	Duplicate bool
}

// publishRetry is how long Publish keeps trying while the server is unreachable (a
// restart) before it gives up.
const publishRetry = 30 * time.Second

// Publish queues job, with its article ID as the message ID. While the server is
// unreachable it retries, the same message ID making a retry of a publish that did
// arrive a duplicate, for up to publishRetry, then fails.
func (q *Queue) Publish(ctx context.Context, job Job) (Receipt, error) {
	data, err := json.Marshal(job)
	if err != nil {
		return Receipt{}, fmt.Errorf("%s: %w", job.Article.Origin, err)
	}
	var ack *jetstream.PubAck
	err = retry(ctx, publishRetry, func(ctx context.Context) error {
		var err error
		ack, err = q.js.Publish(ctx, q.articlesSubject(), data, jetstream.WithMsgID(job.ID), jetstream.WithExpectStream(q.articles))
		return err
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("publishing %s to %s: %w", job.Article.Origin, q, err)
	}
	return Receipt{Seq: ack.Sequence, Duplicate: ack.Duplicate}, nil
}

// PublishAll queues jobs as Publish queues each, but sends every publication before
// it awaits any answer, so that a run of jobs takes about one round trip to the
// server rather than one each. receipts[i] is jobs[i]'s. A publication the server
// does not confirm is published again with Publish's retries; its message ID makes a
// repeat of one that did arrive a duplicate.
func (q *Queue) PublishAll(ctx context.Context, jobs []Job) (receipts []Receipt, err error) {
	receipts = make([]Receipt, len(jobs))
	futures := make([]jetstream.PubAckFuture, len(jobs))
	for i, job := range jobs {
		data, err := json.Marshal(job)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", job.Article.Origin, err)
		}
		futures[i], _ = q.js.PublishAsync(q.articlesSubject(), data, jetstream.WithMsgID(job.ID), jetstream.WithExpectStream(q.articles))
	}
	for i, f := range futures {
		if f != nil {
			select {
			case ack := <-f.Ok():
				receipts[i] = Receipt{Seq: ack.Sequence, Duplicate: ack.Duplicate}
				continue
			case <-f.Err():
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		if receipts[i], err = q.Publish(ctx, jobs[i]); err != nil {
			return nil, err
		}
	}
	return receipts, nil
}

// publishResult records r on the results stream, retrying as Publish does.
func (q *Queue) publishResult(ctx context.Context, r Result) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return retry(ctx, publishRetry, func(ctx context.Context) error {
		_, err := q.js.Publish(ctx, q.resultSubject(r.ID), data, jetstream.WithExpectStream(q.results))
		return err
	})
}

// publishResults records rs on the results stream together: every publication is
// sent before any answer is awaited, so that a batch's results take one round trip to
// the server instead of one each. ok[i] reports whether rs[i] is stored; the caller
// publishes those that are not again, with publishResult's retries.
func (q *Queue) publishResults(ctx context.Context, rs []Result) (ok []bool) {
	ok = make([]bool, len(rs))
	futures := make([]jetstream.PubAckFuture, len(rs))
	for i, r := range rs {
		data, err := json.Marshal(r)
		if err != nil {
			continue
		}
		futures[i], _ = q.js.PublishAsync(q.resultSubject(r.ID), data, jetstream.WithExpectStream(q.results))
	}
	for i, f := range futures {
		if f == nil {
			continue
		}
		select {
		case <-f.Ok():
			ok[i] = true
		case <-f.Err():
		case <-ctx.Done():
			return ok
		}
	}
	return ok
}

// retry calls f, each call with a timeout of a few seconds, until it succeeds, ctx ends
// or limit has passed, waiting longer between tries.
func retry(ctx context.Context, limit time.Duration, f func(context.Context) error) error {
	deadline := time.Now().Add(limit)
	wait := 100 * time.Millisecond
	for {
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := f(c)
		cancel()
		if err == nil || ctx.Err() != nil || time.Now().After(deadline) {
			return cmp.Or(ctx.Err(), err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 2*time.Second)
	}
}

// Results calls f with every result published from since on, in order, until f
// returns false, ctx ends or the connection fails for good. An ingest that waits reads
// them from a little before it started publishing: a job it published that was a
// duplicate was published, and so answered, at most the duplicate window earlier.
func (q *Queue) Results(ctx context.Context, since time.Time, f func(Result) bool) error {
	cons, err := q.js.OrderedConsumer(ctx, q.results, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{q.cfg.Name + ".results.>"},
		DeliverPolicy:  jetstream.DeliverByStartTimePolicy,
		OptStartTime:   &since,
	})
	if err != nil {
		return fmt.Errorf("reading results from %s: %w", q, err)
	}
	it, err := cons.Messages()
	if err != nil {
		return fmt.Errorf("reading results from %s: %w", q, err)
	}
	defer it.Stop()
	defer context.AfterFunc(ctx, it.Stop)()
	for {
		m, err := it.Next()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
				return fmt.Errorf("reading results from %s: %w", q, err)
			}
			q.log.Warn("reading results", "err", err)
			sleep(ctx, 100*time.Millisecond) // the consumer recovers by itself (a server restart)
			continue
		}
		var r Result
		if err := json.Unmarshal(m.Data(), &r); err != nil {
			q.log.Warn("unreadable result", "subject", m.Subject(), "err", err)
			continue
		}
		if !f(r) {
			return nil
		}
	}
}

// DeadLetter is a job in the dead-letter stream, with the failure that put it there.
type DeadLetter struct {
	Job    Job    `json:"job"`
	Reason string `json:"reason"`
	Tries  int    `json:"tries"`
	Seq    uint64 `json:"seq"` // the job's sequence in the articles stream
}

// Pending reports how many jobs wait in the articles stream, delivered or not.
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	s, err := q.js.Stream(ctx, q.articles)
	if err != nil {
		return 0, err
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, err
	}
	return info.State.Msgs, nil
}

// DeadLetters returns the jobs in the dead-letter stream, oldest first, at most limit.
func (q *Queue) DeadLetters(ctx context.Context, limit int) ([]DeadLetter, error) {
	s, err := q.js.Stream(ctx, q.dead)
	if err != nil {
		return nil, err
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, err
	}
	var out []DeadLetter
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && seq > 0 && len(out) < limit; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var dl DeadLetter
		if err := json.Unmarshal(m.Data, &dl); err != nil {
			return nil, fmt.Errorf("dead letter %d: %w", seq, err)
		}
		out = append(out, dl)
	}
	return out, nil
}

// Wait reads the results published from since on until every job in seqs (their
// sequences in the articles stream) has one, calling f once for each, in the order
// they come. A job redelivered after its result was published (its worker died before
// the ack) may be answered twice: the first answer counts.
func (q *Queue) Wait(ctx context.Context, since time.Time, seqs map[uint64]bool, f func(Result)) error {
	if len(seqs) == 0 {
		return nil
	}
	seen := make(map[uint64]bool, len(seqs))
	return q.Results(ctx, since, func(r Result) bool {
		if seqs[r.Seq] && !seen[r.Seq] {
			seen[r.Seq] = true
			f(r)
		}
		return len(seen) < len(seqs)
	})
}

// DeleteStreams deletes the three streams and everything in them: for tests and
// benchmarks, which make streams of their own.
func (q *Queue) DeleteStreams(ctx context.Context) error {
	var errs []error
	for _, s := range []string{q.articles, q.results, q.dead} {
		if err := q.js.DeleteStream(ctx, s); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
			errs = append(errs, fmt.Errorf("deleting stream %s: %w", s, err))
		}
	}
	return errors.Join(errs...)
}
