package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/storeopen"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/reader"
	"github.com/tocsin-project/tocsin/store"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "[--db PATH] [--date YYYY-MM-DD] PATH|URL ...\n       tocsin ingest --queue nats://HOST:PORT [--wait] PATH|URL ...")
	db := dbFlag(fs, e)
	date := fs.String("date", "", "publication `date` (YYYY-MM-DD) for articles that have none, in their text or their file name")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles analysed in parallel")
	batch := fs.Int("batch", defaultBatch, "articles each worker analyses together, stage by stage (faster; 1 for one at a time)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	language := languageFlag(fs)
	ro := readerFlags(fs)
	dicts := dictFlags(fs)
	qo := queueFlags(fs, "NATS `URL` (nats://HOST:PORT) of a work queue: publish the articles there, for tocsin worker processes to analyse and store, instead of into --db")
	wait := fs.Bool("wait", false, "with --queue: wait until the workers have stored or rejected every article, and print the usual summary")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no input: give files, directories, JSON Lines, HTML pages, feeds or URLs"}
	}
	if *wait && *qo.url == "" {
		return usageError{"--wait needs --queue"}
	}
	if *batch < 1 {
		return usageError{"--batch must be at least 1"}
	}
	pubDate, err := parseDate(*date)
	if err != nil {
		return err
	}
	lang, err := parseLanguage(*language)
	if err != nil {
		return err
	}
	sources := readSources(ctx, fs.Args(), ro, lang)
	if *qo.url != "" { // the workers analyse and store, with their own --db
		return queueIngest{qo: qo, wait: *wait, date: pubDate, sources: sources, progress: !*quiet && isTerminal(e.stderr)}.run(ctx, e)
	}
	st, err := storeopen.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := newPipeline(dicts)
	if err != nil {
		return err
	}
	ing := &ingester{st: st, p: p, workers: max(*workers, 1), batch: *batch, date: pubDate, progress: !*quiet && isTerminal(e.stderr), sources: sources}
	sum, err := ing.run(ctx, e.stderr)
	sum.print(e.stdout, *db)
	if err != nil {
		return err
	}
	if sum.Rejected > 0 {
		return inputError{sum.Rejected}
	}
	return nil
}

// readSources returns a reader of each input, giving the articles the --language code
// when their input declares none.
func readSources(ctx context.Context, inputs []string, ro readerOpts, lang string) []func(emit func(*article.Article, error) error) error {
	var sources []func(emit func(*article.Article, error) error) error
	for _, src := range inputs {
		sources = append(sources, func(emit func(*article.Article, error) error) error {
			return reader.Read(ctx, src, ro.options(), withLanguage(lang, emit))
		})
	}
	return sources
}

// analyzeForStore analyses a batch of articles into the documents ingest stores:
// sources[i] is arts[i]'s date_source when tocsin gave it its date (fillDate), and
// tokens are dropped (recomputed on demand; not worth storing). docs[i] and errs[i] are
// as pipeline.AnalyzeBatch gives them.
func analyzeForStore(ctx context.Context, p *pipeline.Pipeline, arts []*article.Article, sources []string) ([]*doc.Document, []error) {
	docs, errs := p.AnalyzeBatch(ctx, arts)
	for k, d := range docs {
		if errs[k] == nil {
			d.Tokens = nil
			if sources[k] != "" {
				d.DateSource = sources[k]
			}
		}
	}
	return docs, errs
}

// fillDate dates an article that carries no publication date: from its file name
// (news-bench style, politico_2016-08-08_….txt), else with the --date value. It returns
// the document's date_source for the date it gave ("filename" or "user"), or "" when it
// gave none and the pipeline's own ("article" or nothing) stands.
func fillDate(a *article.Article, userDate string) string {
	switch {
	case a.Published != "":
		return ""
	case reader.FileNameDate(a.Origin) != "":
		a.Published = reader.FileNameDate(a.Origin)
		return "filename"
	case userDate != "":
		a.Published = userDate
		return "user"
	}
	return ""
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// maxListed bounds how many rejections the summary lists one by one, so that a file of a
// million bad lines cannot fill memory.
const maxListed = 50

// summary counts what an ingest did.
type summary struct {
	Read, New, Known, Rejected int
	Words                      int
	Reasons                    []string // the first maxListed rejections
	Elapsed                    time.Duration
}

func (s *summary) reject(err error) {
	s.Rejected++
	if len(s.Reasons) < maxListed {
		s.Reasons = append(s.Reasons, err.Error())
	}
}

func (s summary) print(w io.Writer, db string) {
	fmt.Fprintf(w, "read %d, new %d, already known %d, rejected %d (%.1fs) into %s\n",
		s.Read, s.New, s.Known, s.Rejected, s.Elapsed.Seconds(), db)
	for _, r := range s.Reasons {
		fmt.Fprintf(w, "  rejected %s\n", r)
	}
	if n := s.Rejected - len(s.Reasons); n > 0 {
		fmt.Fprintf(w, "  ... and %d more rejected\n", n)
	}
}

// ingester reads sources in order, analyses articles on several workers and writes
// documents from one goroutine, in the order they were read: stories are linked as each
// report is stored, so the same input in the same order must be stored in that order to
// give the same stories, whichever worker finishes first. At most inFlight articles are
// read and not yet stored, so memory stays flat whatever the number of articles.
type ingester struct {
	st       store.Store
	p        *pipeline.Pipeline
	workers  int
	batch    int // articles analysed together (pipeline.RunBatch)
	date     string
	progress bool
	sources  []func(emit func(*article.Article, error) error) error
}

// job is an article and its place in the input.
type job struct {
	seq int
	a   *article.Article
}

type result struct {
	seq int // the input's place, for storing in input order
	d   *doc.Document
	err error // an *article.InputError for a rejected input
}

func (g *ingester) run(ctx context.Context, stderr io.Writer) (summary, error) {
	start := time.Now()
	var sum summary
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	inFlight := g.workers * g.batch * 4
	slots := make(chan struct{}, inFlight) // one per input read and not yet stored
	jobs := make(chan job, g.workers*g.batch)
	results := make(chan result, inFlight)
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		for _, src := range g.sources {
			err := src(func(a *article.Article, err error) error {
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return ctx.Err()
				}
				seq++
				if err != nil {
					select {
					case results <- result{seq: seq - 1, err: err}:
					case <-ctx.Done():
						return ctx.Err()
					}
					return nil
				}
				select {
				case jobs <- job{seq: seq - 1, a: a}:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
			if err != nil {
				readErr = err
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range g.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			taken := make([]job, 0, g.batch)
			batch := make([]*article.Article, 0, g.batch)
			sources := make([]string, 0, g.batch) // each article's date_source, when tocsin gave the date
			for j := range jobs {
				// A batch is what is waiting, up to g.batch articles.
				taken = waiting(append(taken[:0], j), jobs, g.batch)
				batch, sources = batch[:0], sources[:0]
				for _, t := range taken {
					batch = append(batch, t.a)
					sources = append(sources, fillDate(t.a, g.date))
				}
				docs, errs := analyzeForStore(ctx, g.p, batch, sources)
				for k, d := range docs {
					select {
					case results <- result{seq: taken[k].seq, d: d, err: errs[k]}:
					case <-ctx.Done():
						return
					}
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var bar *progressbar.ProgressBar
	if g.progress {
		bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionSpinnerType(14), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	var fatal error
	// Results arrive as workers finish; pending holds those ahead of the next one in the
	// input, whose slot is given back once it is stored.
	pending := make(map[int]result)
	next := 0
	inOrder := func(yield func(result) bool) {
		for r := range results {
			pending[r.seq] = r
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				<-slots
				if !yield(r) {
					return
				}
			}
		}
	}
	for r := range inOrder {
		if fatal != nil {
			continue // drain so workers can finish
		}
		sum.Read++
		if bar != nil {
			_ = bar.Add(1)
		}
		if r.err != nil {
			var ie *article.InputError
			if errors.As(r.err, &ie) {
				sum.reject(r.err)
				continue
			}
			fatal = r.err
			cancel()
			continue
		}
		created, err := g.st.Put(ctx, r.d)
		if err != nil {
			fatal = fmt.Errorf("storing %s: %w", r.d.Origin, err)
			cancel()
			continue
		}
		if created {
			sum.New++
		} else {
			sum.Known++
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
	sum.Elapsed = time.Since(start)
	if fatal == nil && readErr != nil {
		fatal = readErr
	}
	return sum, fatal
}
