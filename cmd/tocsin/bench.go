package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/casualty"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/cputime"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/reader"
	"github.com/tocsin-project/tocsin/story"
)

func runBench(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "store" { // tocsin bench store: the event dataset (benchstore.go)
		return runBenchStore(ctx, e, args[1:])
	}
	if len(args) > 0 && args[0] == "queue" { // tocsin bench queue: workers through NATS (benchqueue.go)
		return runBenchQueue(ctx, e, args[1:])
	}
	initCPU := cputime.Self() // the process's start: runtime and package initialisation
	fs := newFlags(e, "bench", "[--workers N] [--repeat N] [--cpuprofile FILE] DIR|FILE ...\n       tocsin bench store [--events N] [--json]\n       tocsin bench queue [--queue URL] [--workers 1,2] [--limit N] DIR|FILE ...")
	workers := fs.Int("workers", 1, "articles analysed in parallel (1 measures one core)")
	repeat := fs.Int("repeat", 1, "passes over the articles")
	batch := fs.Int("batch", defaultBatch, "articles analysed together, stage by stage")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the analysis to `FILE` (read it with go tool pprof)")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no input: give a directory of articles, e.g. ../shared/data/news-bench"}
	}
	if *workers < 1 || *repeat < 1 || *batch < 1 {
		return usageError{"--workers, --repeat and --batch must be at least 1"}
	}
	// Read everything first so that reading and parsing files is not counted as analysis.
	readStart := time.Now()
	var arts []*article.Article
	rejected := 0
	for _, src := range fs.Args() {
		err := reader.Read(ctx, src, reader.Options{}, func(a *article.Article, err error) error {
			if err != nil {
				rejected++
				fmt.Fprintf(e.stderr, "rejected %v\n", err)
				return nil
			}
			arts = append(arts, a)
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
	}
	readTime := time.Since(readStart)
	if len(arts) == 0 {
		return errors.New("no articles to measure")
	}
	buildCPU, buildStart := cputime.Self(), time.Now()
	p, err := newPipeline(nil)
	if err != nil {
		return err
	}
	st := startup{init: initCPU, buildCPU: cputime.Self() - buildCPU, build: time.Since(buildStart)}
	var words, sentences int
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	var mu sync.Mutex
	type job struct {
		at   int // position of the batch's first article in arts
		arts []*article.Article
	}
	jobs := make(chan job)
	// The first pass's documents, in input order, for the story-linking stage.
	analysed := make([]*doc.Document, len(arts))
	var wg sync.WaitGroup
	var firstErr error
	start := time.Now()
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				docs, errs := p.AnalyzeBatch(ctx, b.arts)
				mu.Lock()
				for k, d := range docs {
					if errs[k] != nil {
						if firstErr == nil {
							firstErr = errs[k]
						}
						continue
					}
					if b.at+k < len(analysed) {
						analysed[b.at+k] = d
					}
					words += countWords(d)
					sentences += len(d.Sentences)
				}
				mu.Unlock()
			}
		}()
	}
	for pass := range *repeat {
		for lo := 0; lo < len(arts); lo += *batch {
			at := len(arts) // later passes are not linked
			if pass == 0 {
				at = lo
			}
			jobs <- job{at, arts[lo:min(lo+*batch, len(arts))]}
		}
	}
	close(jobs)
	wg.Wait()
	total := time.Since(start)
	if firstErr != nil {
		return firstErr
	}
	link, err := benchLinking(analysed)
	if err != nil {
		return err
	}
	report(e.stdout, benchResult{articles: len(arts) * *repeat, words: words, sentences: sentences, total: total, read: readTime, workers: *workers, stats: p.Stats(), link: link, start: st})
	if rejected > 0 {
		return inputError{rejected}
	}
	return nil
}

// benchLinking links the analysed documents of one pass into stories, in input order,
// as ingest does after analysis (casualty totals, units, the linker), over an index
// held in memory: the linking stage's CPU without the store's reads and writes.
func benchLinking(docs []*doc.Document) (pipeline.StageStat, error) {
	cas, err := casualty.New()
	if err != nil {
		return pipeline.StageStat{}, err
	}
	l, idx := story.NewLinker(), story.NewMemory()
	t0 := time.Now()
	for _, d := range docs {
		if d == nil {
			continue
		}
		_, touched, err := l.Link(story.Units(d, cas.Totals(d)), idx)
		if err != nil {
			return pipeline.StageStat{}, err
		}
		for _, s := range touched {
			idx.Put(s)
		}
	}
	return pipeline.StageStat{Name: "story linking (index in memory)", Time: time.Since(t0)}, nil
}

func countWords(d *doc.Document) int {
	n := 0
	for _, t := range d.Tokens {
		if t.Kind == doc.Word || t.Kind == doc.Number {
			n++
		}
	}
	return n
}

type benchResult struct {
	articles, words, sentences int
	total, read                time.Duration
	workers                    int
	stats                      []pipeline.StageStat
	link                       pipeline.StageStat // story linking, after the analysis, on one core
	start                      startup
}

// startup is what a process spends before its first article: CPU time of the runtime's
// and packages' initialisation, and CPU and wall time to build the pipeline (models,
// gazetteer, dictionaries). Every run of tocsin analyze pays it.
type startup struct {
	init, buildCPU, build time.Duration
}

func report(w io.Writer, r benchResult) {
	sec := r.total.Seconds()
	fmt.Fprintf(w, "articles   %d\nwords      %d\nsentences  %d\n", r.articles, r.words, r.sentences)
	fmt.Fprintf(w, "time       %.3fs with %d worker(s) (reading the files, not counted: %.3fs)\n", sec, r.workers, r.read.Seconds())
	fmt.Fprintf(w, "speed      %.0f words/s, %.0f sentences/s, %.1f articles/s\n", float64(r.words)/sec, float64(r.sentences)/sec, float64(r.articles)/sec)
	if rss := peakRSS(); rss > 0 {
		fmt.Fprintf(w, "peak RSS   %.1f MB\n", float64(rss)/(1<<20))
	}
	if s := r.start; s.init > 0 {
		fmt.Fprintf(w, "start      %.3fs of CPU before the first article: process and package initialisation %.3fs, pipeline %.3fs (%.3fs wall)\n",
			(s.init + s.buildCPU).Seconds(), s.init.Seconds(), s.buildCPU.Seconds(), s.build.Seconds())
	}
	fmt.Fprintln(w, "\nper stage (time summed over workers):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\ttime\tshare\twords/s\t")
	var staged time.Duration
	for _, s := range r.stats {
		staged += s.Time
	}
	cpu := r.total * time.Duration(r.workers)
	rows := append(r.stats, pipeline.StageStat{Name: "other (normalise, compose)", Time: max(cpu-staged, 0)})
	if r.link.Name != "" {
		// Linking runs after the analysis, on one core: its share is of analysis and
		// linking together.
		rows = append(rows, r.link)
		cpu += r.link.Time
	}
	for _, s := range rows {
		share, wps := 0.0, 0.0
		if cpu > 0 {
			share = 100 * s.Time.Seconds() / cpu.Seconds()
		}
		if s.Time > 0 {
			wps = float64(r.words) / s.Time.Seconds()
		}
		fmt.Fprintf(tw, "%s\t%.3fs\t%.1f%%\t%.0f\t\n", s.Name, s.Time.Seconds(), share, wps)
	}
	tw.Flush()
}

// startCPUProfile starts a CPU profile written to path (--cpuprofile) and returns what
// stops it; with no path it does nothing.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile %s: %w", path, err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
