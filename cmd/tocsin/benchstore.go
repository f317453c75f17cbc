package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/alert"
	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/export"
	"github.com/tocsin-project/tocsin/internal/cputime"
	"github.com/tocsin-project/tocsin/internal/storeopen"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/trend"
	"github.com/tocsin-project/tocsin/web"
)

// benchStoreResult is what tocsin bench store reports; with --json it is the last line.
type benchStoreResult struct {
	Events        int                `json:"events"`
	Articles      int                `json:"articles"`
	IngestSeconds float64            `json:"ingest_seconds"`
	IngestRowsPS  float64            `json:"ingest_rows_per_s"`
	QueryP50MS    float64            `json:"query_p50_ms"`
	QueryP99MS    float64            `json:"query_p99_ms"`
	Queries       map[string]latency `json:"queries"`
	// Analysis is the latency of the analyst's reads (analysisKinds): a series, one
	// day's alerts, the map page.
	Analysis map[string]latency `json:"analysis"`
	// Stories is the latency of the story queries (storyKinds; issue 12's target is
	// < 50 ms at 1M events).
	Stories      map[string]latency `json:"stories"`
	ExportRowsPS map[string]float64 `json:"export_rows_per_s"`
	// ExportRowsPerCPUS is rows per second of CPU time the process used, which other
	// programs running on the machine do not lower.
	ExportRowsPerCPUS map[string]float64 `json:"export_rows_per_cpu_s"`
	IngestRowsPerCPUS float64            `json:"ingest_rows_per_cpu_s"`
	DBBytes           int64              `json:"db_bytes"`
}

// latency is the p50 and p99 of one kind of query, in milliseconds.
type latency struct {
	N     int     `json:"n"`
	P50MS float64 `json:"p50_ms"`
	P99MS float64 `json:"p99_ms"`
	Rows  float64 `json:"mean_total"` // mean number of matching events
}

// queriesPerKind is how many queries of each kind of the mix bench store runs.
const queriesPerKind = 100

// analysisRuns is how many times bench store runs each analyst's read.
const analysisRuns = 50

// analysisKinds are the analyst's reads bench store times (issue 13's targets, each
// p99 < 100 ms at 1M events):
//   - trends: a dyad's weekly series over five years (trend.Series, --dyad A-B);
//   - alerts-day: the alerts of one new day (alert.Compute with since = until = the
//     day, which reads the baseline weeks before it);
//   - map-month: the /map page of one calendar month, rendered (web handler).
var analysisKinds = []string{"trends", "alerts-day", "map-month"}

// storyKinds are the story queries bench store times, queriesPerKind of each, each a
// page of 50 stories with the total count (store.StoryStore.Stories) but story-id:
//   - story-page: the newest stories, no filter;
//   - story-dyad: --dyad A-B of two countries;
//   - story-source+root: --source A --root NN;
//   - story-id: one story by ID (Story), the IDs the kinds before it returned;
//   - story-target+root: --target A --root NN;
//   - story-source+country: --source A --country C;
//   - story-country+root: --country C --root NN;
//   - story-q+root: --q WORD (a word of the vocabulary's rarer half) --root NN;
//   - story-q: --q WORD alone;
//   - story-q+country: --q WORD --country C;
//   - story-q+source: --q WORD --source A.
//
// The kinds after story-id came later, each after those before it, so that the
// parameters of the earlier ones are those they always were.
var storyKinds = []string{"story-page", "story-dyad", "story-source+root", "story-id",
	"story-target+root", "story-source+country", "story-country+root", "story-q+root",
	"story-q", "story-q+country", "story-q+source"}

// runBenchStore measures the event dataset on a synthetic store of n events: how fast
// rows are stored (Store.Put of articles carrying the events), how fast the query mix
// answers, and how fast each export format streams.
//
// The synthetic articles have 1 to 19 events each (10 on average) between 40
// countries' actors (a country code, alone or with one of 8 type codes), with real
// CAMEO codes, dates over 2015-2024, a place in one of the countries for 60% of them,
// and a sentence of 12 to 30 words from a 2,000-word vocabulary. Everything is drawn
// from a fixed seed, so that two runs measure the same store.
//
// The query mix, queriesPerKind of each, each query a page of 50 events with the total
// count (store.Events), parameters drawn at random:
//   - dyad + date range: --dyad A-B --since D --until D+90 days;
//   - actor + root: --source A --root NN;
//   - country + month: --country C --since YYYY-MM-01 --until the month's last day;
//   - full-text sentence: --q WORD, a word of the vocabulary's rarer half.
//
// Then the analyst's reads of analysisKinds, analysisRuns of each.
func runBenchStore(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench store", "[--events N] [--json] [--dir DIR | --db postgres://URL]")
	n := fs.Int("events", 1_000_000, "events in the synthetic store")
	asJSON := fs.Bool("json", false, "end with one line of JSON holding the figures")
	dir := fs.String("dir", "", "build the store in `DIR` and keep it; a store an earlier run left there is measured again, without ingest (default: a new temporary directory, removed afterwards)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to `FILE`")
	pgURL := fs.String("db", "", "build the store in the PostgreSQL database at `URL` (postgres://...) instead of SQLite: an empty or missing database, or one an earlier run filled, measured again without ingest")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	if *n < 1 || *n > 100_000_000 {
		return usageError{fmt.Sprintf("--events %d: want 1 to 100000000", *n)}
	}
	if *pgURL != "" && (!storeopen.IsPostgres(*pgURL) || *dir != "") {
		return usageError{"--db takes a postgres:// URL, and not with --dir"}
	}
	root := *dir
	if root == "" {
		tmp, err := os.MkdirTemp("", "tocsin-bench-store-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		root = tmp
	}
	path := filepath.Join(root, "bench.db")
	_, err := os.Stat(path)
	reuse := err == nil // a store a previous run left in --dir: measure queries and exports again
	if *pgURL != "" {
		path = *pgURL
		reuse = false
	}
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	res := benchStoreResult{Events: *n, Queries: map[string]latency{}, Analysis: map[string]latency{}, Stories: map[string]latency{}, ExportRowsPS: map[string]float64{}, ExportRowsPerCPUS: map[string]float64{}}
	gen := newSynth()

	// Ingest.
	st, err := storeopen.Open(ctx, path)
	if err != nil {
		return err
	}
	if *pgURL != "" { // a database an earlier run filled is measured again
		_, have, err := st.Events(ctx, store.EventFilter{}, store.Page{Limit: 1})
		if err != nil {
			st.Close()
			return err
		}
		reuse = have > 0
	}
	if reuse {
		_, have, err := st.Events(ctx, store.EventFilter{}, store.Page{Limit: 1})
		st.Close()
		if err != nil {
			return err
		}
		if have != *n {
			return usageError{fmt.Sprintf("--dir %s holds a bench.db of %d events, not %d", root, have, *n)}
		}
		st, err = storeopen.Open(ctx, path)
		if err != nil {
			return err
		}
		res.Articles = -1 // not measured
	}
	start, cpu0 := time.Now(), cputime.Self()
	for left := *n; left > 0 && !reuse; {
		d := gen.article(res.Articles, min(left, 1+gen.r.IntN(19)))
		if _, err := st.Put(ctx, d); err != nil {
			st.Close()
			return err
		}
		left -= len(d.Events)
		res.Articles++
		if res.Articles%5000 == 0 && !*asJSON {
			fmt.Fprintf(e.stderr, "\ringested %d of %d events", *n-left, *n)
		}
	}
	if !reuse {
		res.IngestSeconds = time.Since(start).Seconds()
		res.IngestRowsPS = float64(*n) / res.IngestSeconds
		res.IngestRowsPerCPUS = perCPU(*n, cpu0)
	}
	if !*asJSON {
		fmt.Fprintln(e.stderr)
	}
	// Closing runs PRAGMA optimize, which gathers the statistics the query planner
	// uses, as every tocsin command that writes does when it ends.
	if err := st.Close(); err != nil {
		return err
	}
	if fi, err := os.Stat(path); err == nil {
		res.DBBytes = fi.Size()
	}
	st, err = storeopen.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	if sz, ok := st.(interface {
		Bytes(context.Context) (int64, error)
	}); ok {
		if res.DBBytes, err = sz.Bytes(ctx); err != nil {
			return err
		}
	}

	// Queries.
	var all []time.Duration
	for _, kind := range []string{"dyad+dates", "actor+root", "country+month", "fulltext"} {
		var ds []time.Duration
		sum := 0
		for range queriesPerKind {
			f := gen.query(kind)
			t0 := time.Now()
			_, total, err := st.Events(ctx, f, store.Page{Limit: 50})
			if err != nil {
				return fmt.Errorf("query %s %+v: %w", kind, f, err)
			}
			ds = append(ds, time.Since(t0))
			sum += total
		}
		all = append(all, ds...)
		p50, p99 := percentiles(ds)
		res.Queries[kind] = latency{N: len(ds), P50MS: p50, P99MS: p99, Rows: float64(sum) / float64(len(ds))}
	}
	res.QueryP50MS, res.QueryP99MS = percentiles(all)
	if err := benchAnalysis(ctx, st, gen, res.Analysis); err != nil {
		return err
	}
	if err := benchStories(ctx, st, gen, res.Stories); err != nil {
		return err
	}

	// Exports, to nowhere.
	for _, format := range export.Formats {
		w, err := export.New(format, io.Discard)
		if err != nil {
			return err
		}
		rows := 0
		t0, cpu0 := time.Now(), cputime.Self()
		err = st.EachEvent(ctx, store.EventFilter{NoStoryCounts: !export.WritesStoryCounts(format)}, func(r *store.EventRow) error {
			rows++
			return w.Write(r)
		})
		if err == nil {
			err = w.Close()
		}
		if err != nil {
			return fmt.Errorf("export %s: %w", format, err)
		}
		res.ExportRowsPS[format] = float64(rows) / time.Since(t0).Seconds()
		res.ExportRowsPerCPUS[format] = perCPU(rows, cpu0)
	}
	printBenchStore(e.stdout, res)
	if *asJSON {
		b, err := json.Marshal(res)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", b)
	}
	return nil
}

func printBenchStore(w io.Writer, r benchStoreResult) {
	fmt.Fprintf(w, "events     %d in %d articles (%.0f MB on disk)\n", r.Events, r.Articles, float64(r.DBBytes)/(1<<20))
	if r.Articles < 0 {
		fmt.Fprintln(w, "ingest     not measured: the store of an earlier run")
	} else {
		fmt.Fprintf(w, "ingest     %.1fs, %.0f event rows/s, %.0f per CPU second (articles with their rows, one transaction each)\n",
			r.IngestSeconds, r.IngestRowsPS, r.IngestRowsPerCPUS)
	}
	fmt.Fprintf(w, "queries    p50 %.2f ms, p99 %.2f ms (page of 50 with total count)\n", r.QueryP50MS, r.QueryP99MS)
	for _, kind := range []string{"dyad+dates", "actor+root", "country+month", "fulltext"} {
		q := r.Queries[kind]
		fmt.Fprintf(w, "  %-14s p50 %6.2f ms  p99 %6.2f ms  mean total %.0f\n", kind, q.P50MS, q.P99MS, q.Rows)
	}
	fmt.Fprintln(w, "analysis   (p99 < 100 ms is the target)")
	for _, kind := range analysisKinds {
		q := r.Analysis[kind]
		fmt.Fprintf(w, "  %-14s p50 %6.2f ms  p99 %6.2f ms  mean %s %.0f\n", kind, q.P50MS, q.P99MS, analysisUnit[kind], q.Rows)
	}
	fmt.Fprintln(w, "stories    (< 50 ms is the target)")
	for _, kind := range storyKinds {
		q := r.Stories[kind]
		fmt.Fprintf(w, "  %-20s p50 %6.2f ms  p99 %6.2f ms  mean total %.0f\n", kind, q.P50MS, q.P99MS, q.Rows)
	}
	fmt.Fprintln(w, "export     rows/s    rows/CPU s")
	for _, f := range export.Formats {
		fmt.Fprintf(w, "  %-8s %10.0f %10.0f\n", f, r.ExportRowsPS[f], r.ExportRowsPerCPUS[f])
	}
}

// analysisUnit names what Rows counts for each analyst's read.
var analysisUnit = map[string]string{"trends": "stories", "alerts-day": "alerts", "map-month": "stories"}

// benchAnalysis times the analyst's reads on st into out, parameters drawn by gen.
func benchAnalysis(ctx context.Context, st storeopen.Store, gen *synth, out map[string]latency) error {
	h := web.New(st, nil, web.Options{})
	for _, kind := range analysisKinds {
		var ds []time.Duration
		sum := 0
		for range analysisRuns {
			c1, c2 := gen.countries[gen.q.IntN(len(gen.countries))], gen.countries[gen.q.IntN(len(gen.countries))]
			day := gen.epoch.AddDate(0, 0, 90+gen.q.IntN(3650-90))
			t0 := time.Now()
			switch kind {
			case "trends":
				from := gen.epoch.AddDate(0, 0, gen.q.IntN(5*365))
				rows, err := trend.Series(ctx, st, trend.Query{Dyad: [2]string{c1, c2}, Period: trend.Week,
					Since: from.Format(time.DateOnly), Until: from.AddDate(5, 0, -1).Format(time.DateOnly)})
				if err != nil {
					return fmt.Errorf("trends %s-%s: %w", c1, c2, err)
				}
				for _, r := range rows {
					sum += r.Events
				}
			case "alerts-day":
				d := day.Format(time.DateOnly)
				alerts, err := alert.Compute(ctx, st, alert.DefaultConfig, d, d)
				if err != nil {
					return fmt.Errorf("alerts of %s: %w", d, err)
				}
				sum += len(alerts)
			case "map-month":
				first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
				target := "/map?since=" + first.Format(time.DateOnly) + "&until=" + first.AddDate(0, 1, -1).Format(time.DateOnly)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequestWithContext(ctx, "GET", target, nil))
				if rec.Code != 200 {
					return fmt.Errorf("%s: status %d", target, rec.Code)
				}
				sum += countStories(rec.Body.String())
			}
			ds = append(ds, time.Since(t0))
		}
		p50, p99 := percentiles(ds)
		out[kind] = latency{N: len(ds), P50MS: p50, P99MS: p99, Rows: float64(sum) / float64(len(ds))}
	}
	return nil
}

// benchStories times the story queries of storyKinds on st into out, parameters
// drawn by gen.
func benchStories(ctx context.Context, st storeopen.Store, gen *synth, out map[string]latency) error {
	var ids []string
	for _, kind := range storyKinds {
		var ds []time.Duration
		sum := 0
		for i := range queriesPerKind {
			c1, c2 := gen.countries[gen.q.IntN(len(gen.countries))], gen.countries[gen.q.IntN(len(gen.countries))]
			var f store.StoryFilter
			switch kind {
			case "story-dyad":
				f.Dyad = [2]string{c1, c2}
			case "story-source+root":
				f.Source, f.Roots = c1, []string{fmt.Sprintf("%02d", 1+gen.q.IntN(20))}
			case "story-target+root":
				f.Target, f.Roots = c1, []string{fmt.Sprintf("%02d", 1+gen.q.IntN(20))}
			case "story-source+country":
				f.Source, f.Country = c1, c2
			case "story-country+root":
				f.Country, f.Roots = c1, []string{fmt.Sprintf("%02d", 1+gen.q.IntN(20))}
			case "story-q+root":
				f.Text, f.Roots = gen.words[len(gen.words)/2+gen.q.IntN(len(gen.words)/2)], []string{fmt.Sprintf("%02d", 1+gen.q.IntN(20))}
			case "story-q":
				f.Text = gen.words[len(gen.words)/2+gen.q.IntN(len(gen.words)/2)]
			case "story-q+country":
				f.Text, f.Country = gen.words[len(gen.words)/2+gen.q.IntN(len(gen.words)/2)], c2
			case "story-q+source":
				f.Text, f.Source = gen.words[len(gen.words)/2+gen.q.IntN(len(gen.words)/2)], c1
			case "story-id":
				if len(ids) == 0 {
					continue
				}
				id := ids[i%len(ids)]
				t0 := time.Now()
				if _, err := st.Story(ctx, id); err != nil {
					return fmt.Errorf("story %s: %w", id, err)
				}
				ds = append(ds, time.Since(t0))
				sum++
				continue
			}
			t0 := time.Now()
			page, total, err := st.Stories(ctx, f, store.Page{Limit: 50})
			if err != nil {
				return fmt.Errorf("stories %s %+v: %w", kind, f, err)
			}
			ds = append(ds, time.Since(t0))
			sum += total
			if len(page) > 0 {
				ids = append(ids, page[gen.q.IntN(len(page))].ID)
			}
		}
		if len(ds) == 0 {
			continue
		}
		p50, p99 := percentiles(ds)
		out[kind] = latency{N: len(ds), P50MS: p50, P99MS: p99, Rows: float64(sum) / float64(len(ds))}
	}
	return nil
}

// countStories reads the map page's count of stories ("N stories, ...").
func countStories(page string) int {
	i := strings.Index(page, `id="map-counts">`)
	if i < 0 {
		return 0
	}
	n, _ := strconv.Atoi(strings.Fields(page[i+len(`id="map-counts">`):])[0])
	return n
}

// perCPU is n divided by the CPU time used since cpu0, 0 when that is unknown.
func perCPU(n int, cpu0 time.Duration) float64 {
	d := cputime.Self() - cpu0
	if cpu0 == 0 || d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// percentiles returns the p50 and p99 of ds in milliseconds (nearest rank).
func percentiles(ds []time.Duration) (p50, p99 float64) {
	s := slices.Clone(ds)
	slices.Sort(s)
	at := func(p float64) float64 {
		i := int(p*float64(len(s))+0.5) - 1
		return float64(s[min(max(i, 0), len(s)-1)]) / float64(time.Millisecond)
	}
	return at(0.50), at(0.99)
}

// synth draws the synthetic articles and queries of bench store.
type synth struct {
	r         *rand.Rand // articles
	q         *rand.Rand // queries, apart, so that a run on a kept store draws the same
	countries []string
	types     []string
	codes     []cameo.Info
	words     []string
	epoch     time.Time
}

// synthCountries are the countries of the synthetic events.
var synthCountries = strings.Fields(`USA IRN IRQ ISR PSE SYR LBN SAU YEM TUR RUS UKR CHN TWN IND PAK AFG
	GBR FRA DEU NGA ETH SDN SSD SOM KEN COD MLI EGY LBY MEX COL VEN BRA PRK KOR JPN MMR PHL IDN`)

func newSynth() *synth {
	g := &synth{
		r:         rand.New(rand.NewPCG(1, 2)),
		q:         rand.New(rand.NewPCG(3, 4)),
		countries: synthCountries,
		types:     []string{"", "GOV", "MIL", "REB", "CVL", "OPP", "COP", "MED", "BUS"},
		epoch:     time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	for _, c := range cameo.Codes() {
		if len(c.Code) >= 3 {
			g.codes = append(g.codes, c)
		}
	}
	// A vocabulary of 2,000 made-up words, drawn with a Zipf-like skew as words are.
	for i := range 2000 {
		g.words = append(g.words, "w"+strconv.Itoa(i)+strings.Repeat("x", i%5))
	}
	return g
}

func (g *synth) actor() string {
	return g.countries[g.r.IntN(len(g.countries))] + g.types[g.r.IntN(len(g.types))]
}

// word draws a vocabulary word, low ranks far more often than high ones.
func (g *synth) word() string {
	x := g.r.Float64()
	return g.words[int(x*x*x*float64(len(g.words)))]
}

// article builds synthetic article i with k events, one sentence each.
func (g *synth) article(i, k int) *doc.Document {
	day := g.epoch.AddDate(0, 0, g.r.IntN(3650))
	d := &doc.Document{
		ID: fmt.Sprintf("bench-%08d", i), Title: "Synthetic article " + strconv.Itoa(i),
		Published: day.Format("2006-01-02"), Source: "bench", URL: "https://bench.invalid/" + strconv.Itoa(i),
		Language: "en",
	}
	var text strings.Builder
	text.WriteString(d.Title + "\n\n")
	d.BodyStart = text.Len()
	for j := range k {
		src, tgt := g.actor(), g.actor()
		code := g.codes[g.r.IntN(len(g.codes))]
		start := text.Len()
		var sb strings.Builder
		sb.WriteString(src + " officials")
		for range 10 + g.r.IntN(19) {
			sb.WriteString(" " + g.word())
		}
		sb.WriteString(" " + tgt + ".")
		s := sb.String()
		text.WriteString(s + " ")
		d.Sentences = append(d.Sentences, doc.Sentence{Text: s, Span: doc.Span{Start: start, End: start + len(s)}})
		ev := doc.Event{Source: src, Target: tgt, Code: code.Code, Root: code.Root,
			Plover: doc.Plover{Type: code.Plover, Mode: code.PloverMode}, QuadClass: code.QuadClass,
			Goldstein: code.Goldstein, Date: day.AddDate(0, 0, -g.r.IntN(3)).Format("2006-01-02"),
			DateSource: "text", Sentence: j, Rule: "bench", Modality: "asserted",
			Evidence: doc.Evidence{Source: doc.Span{Start: start, End: start + len(src)},
				Target: doc.Span{Start: start + len(s) - len(tgt) - 1, End: start + len(s) - 1}}}
		if g.r.IntN(10) < 6 {
			c := g.countries[g.r.IntN(len(g.countries))]
			ev.Place = &doc.Location{Name: "Town " + c, Country: c, Admin1: c[:2] + ".01",
				Lat: g.r.Float64()*120 - 60, Lon: g.r.Float64()*360 - 180, GeonameID: 1000 + g.r.IntN(100000)}
			ev.PlaceSource = "sentence"
		}
		d.Events = append(d.Events, ev)
	}
	d.Text = text.String()
	return d
}

// query draws a filter of one kind of the query mix.
func (g *synth) query(kind string) store.EventFilter {
	c1, c2 := g.countries[g.q.IntN(len(g.countries))], g.countries[g.q.IntN(len(g.countries))]
	day := g.epoch.AddDate(0, 0, g.q.IntN(3650))
	switch kind {
	case "dyad+dates":
		return store.EventFilter{Dyad: [2]string{c1, c2}, Since: day.Format("2006-01-02"), Until: day.AddDate(0, 0, 90).Format("2006-01-02")}
	case "actor+root":
		return store.EventFilter{Source: c1, Roots: []string{fmt.Sprintf("%02d", 1+g.q.IntN(20))}}
	case "country+month":
		first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
		return store.EventFilter{Country: c1, Since: first.Format("2006-01-02"), Until: first.AddDate(0, 1, -1).Format("2006-01-02")}
	}
	return store.EventFilter{Text: g.words[len(g.words)/2+g.q.IntN(len(g.words)/2)]}
}
