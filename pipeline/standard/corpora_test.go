package standard

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/reader"
)

// sweepDates are the publication dates every article of the shared corpora is analysed
// with, besides its own: none, dates before and after the corpora's years, a leap day and
// a year end, so that relative dates resolve across month, year and era boundaries.
var sweepDates = []string{"", "2016-06-01", "2016-08-08", "1999-12-31", "2024-02-29", "2031-01-01"}

// TestCorporaWithDates runs the whole pipeline over the text corpora in ../shared/data,
// each article with publication dates taken from sweepDates, and fails on any stage that
// panics or leaves a layer that points outside the text. By default it takes every 8th
// article with one date each (a few seconds per corpus, as in CI); with
// TOCSIN_CORPORA=all it takes every article with every date, for a run of an hour or so
// by hand.
func TestCorporaWithDates(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIP: the corpus sweep is long; run without -short")
	}
	all := os.Getenv("TOCSIN_CORPORA") == "all"
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range sweepCorpora {
		t.Run(c.name, func(t *testing.T) {
			path := sharedtest.Path(t, c.path)
			n, checked := 0, 0
			err := c.read(t.Context(), path, func(a *article.Article) error {
				n++
				if !all && n%8 != 1 {
					return nil
				}
				dates := sweepDates
				if !all {
					dates = []string{sweepDates[hash(a.Origin)%uint32(len(sweepDates))]}
				}
				own := a.Published
				for _, date := range dates {
					b := *a
					if date != "" || own == "" {
						b.Published = date
					}
					d, err := p.Analyze(t.Context(), &b)
					checked++
					if err != nil {
						var in *article.InputError
						if errors.As(err, &in) && !strings.Contains(in.Reason, "failed on this article") {
							continue // an empty or oversized article, rejected as it should be
						}
						t.Errorf("%s with date %q: %v", a.Origin, date, err)
						continue
					}
					for _, problem := range checkDocument(d) {
						t.Errorf("%s with date %q: %s", a.Origin, date, problem)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if checked == 0 {
				t.Fatalf("no article read from %s", path)
			}
			t.Logf("%d articles read, %d analyses", n, checked)
		})
	}
}

// FuzzPipeline runs the whole pipeline on arbitrary text with an arbitrary publication
// date, seeded with the opening of real articles: no stage may panic, and every layer
// must point inside the text.
func FuzzPipeline(f *testing.F) {
	for _, rel := range []string{
		"seed/kerman-stampede.txt",
		"data/news-bench/politico_2016-08-08_inside-the-swing-state-trench-wa.txt",
		"data/news-bench/breitbart_2015-12-04_san-bernardino-terror-suspect-na.txt",
	} {
		b, err := os.ReadFile(sharedtest.Path(f, rel))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b[:min(len(b), 4000)]), int64(hash(rel)%12000))
	}
	f.Add("On Monday the army shot three protesters in Kabul. Two days earlier police arrested 12.", int64(9000))
	p, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	epoch := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string, days int64) {
		a := &article.Article{Body: text, Origin: "fuzz"}
		if days >= 0 {
			a.Published = epoch.AddDate(0, 0, int(days%20000)).Format(time.DateOnly)
		}
		d, err := p.Analyze(context.Background(), a)
		if err != nil {
			var in *article.InputError
			if errors.As(err, &in) && !strings.Contains(in.Reason, "failed on this article") {
				return
			}
			t.Fatalf("date %s: %v", a.Published, err)
		}
		for _, problem := range checkDocument(d) {
			t.Errorf("date %s: %s", a.Published, problem)
		}
	})
}

// sweepCorpora are the text corpora of ../shared/data and how to read each as articles.
var sweepCorpora = []struct {
	name, path string
	read       func(ctx context.Context, path string, each func(*article.Article) error) error
}{
	{"news-bench", "data/news-bench", readWithReader},
	{"wikinews", "data/wikinews/articles.jsonl", readWithReader},
	{"wikinews-undated", "data/wikinews/undated-unlabelled.jsonl.gz", readGzipJSONL},
	{"polnear", "data/polnear-dev/text", readWithReader},
	{"ngec-synthetic", "data/ngec-synthetic/stories.jsonl.gz", readGzipJSONL},
	{"conll2003", "data/conll2003/valid.txt", readCoNLL},
	{"ud-ewt", "data/ud-ewt/en_ewt-ud-dev.conllu", readCoNLLU},
}

func readWithReader(ctx context.Context, path string, each func(*article.Article) error) error {
	return reader.Read(ctx, path, reader.Options{}, func(a *article.Article, err error) error {
		if err != nil {
			return nil // a bad input is the readers' business, tested there
		}
		return each(a)
	})
}

func readGzipJSONL(ctx context.Context, path string, each func(*article.Article) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return reader.ParseJSONL(ctx, filepath.Base(path), z, func(a *article.Article, err error) error {
		if err != nil {
			return nil
		}
		return each(a)
	})
}

// readCoNLL reads CoNLL-2003 documents (split at -DOCSTART-) as articles of one
// sentence per paragraph, the tokens joined by spaces.
func readCoNLL(_ context.Context, path string, each func(*article.Article) error) error {
	return readColumns(path, func(line string) (word string, docStart, sentEnd bool) {
		switch {
		case strings.HasPrefix(line, "-DOCSTART-"):
			return "", true, false
		case line == "":
			return "", false, true
		}
		return strings.Fields(line)[0], false, false
	}, each)
}

// readCoNLLU reads a UD treebank as articles, one per "# newdoc", from its "# text"
// lines.
func readCoNLLU(_ context.Context, path string, each func(*article.Article) error) error {
	return readColumns(path, func(line string) (word string, docStart, sentEnd bool) {
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			return "", true, false
		case strings.HasPrefix(line, "# text = "):
			return strings.TrimPrefix(line, "# text = "), false, true
		}
		return "", false, false
	}, each)
}

// readColumns assembles articles from a line-per-token or line-per-sentence file: split
// says what each line adds.
func readColumns(path string, split func(line string) (word string, docStart, sentEnd bool), each func(*article.Article) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var paras []string
	var words []string
	docs := 0
	flush := func(sentence bool) error {
		if len(words) > 0 {
			paras = append(paras, strings.Join(words, " "))
			words = words[:0]
		}
		if sentence || len(paras) == 0 {
			return nil
		}
		docs++
		a := &article.Article{Body: strings.Join(paras, "\n\n"), Origin: fmt.Sprintf("%s#%d", path, docs)}
		paras = nil
		return each(a)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		word, docStart, sentEnd := split(sc.Text())
		if docStart {
			if err := flush(false); err != nil {
				return err
			}
			continue
		}
		if word != "" {
			words = append(words, word)
		}
		if sentEnd {
			if err := flush(true); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %w", path, err)
	}
	return flush(false)
}

// isoValue matches the date values package dates documents: a day, a month, a year, a
// decade ("199"), an ISO week ("2020-W01"), or a day or month without a year ("--01-03").
var isoValue = regexp.MustCompile(`^(\d{3}|\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?|\d{4}-W(0[1-9]|[1-4]\d|5[0-3])|--(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)$`)

// checkDocument returns what is wrong with d's layers: spans outside the text or
// reversed, sentence indexes out of range, dates that are not the ISO-8601 values
// package dates documents.
func checkDocument(d *doc.Document) []string {
	var problems []string
	span := func(what string, s doc.Span) {
		if s.Start < 0 || s.End < s.Start || s.End > len(d.Text) {
			problems = append(problems, fmt.Sprintf("%s span [%d:%d] outside the text (%d bytes)", what, s.Start, s.End, len(d.Text)))
		}
	}
	sentence := func(what string, i int) {
		if i < 0 || i >= len(d.Sentences) {
			problems = append(problems, fmt.Sprintf("%s sentence %d out of range (%d sentences)", what, i, len(d.Sentences)))
		}
	}
	date := func(what, v string) {
		if v != "" && !isoValue.MatchString(v) {
			problems = append(problems, fmt.Sprintf("%s date %q is not an ISO-8601 value of package dates", what, v))
		}
	}
	for _, s := range d.Sentences {
		span("sentence", s.Span)
	}
	for _, tk := range d.Tokens {
		span("token", tk.Span)
	}
	for _, e := range d.Entities {
		span("entity", e.Span)
	}
	for _, p := range d.Places {
		span("place", p.Span)
	}
	for _, q := range d.Quotes {
		span("quote", q.Span)
		date("quote", q.Date)
	}
	for _, c := range d.Casualties {
		span("casualty", c.Span)
		date("casualty", c.Date)
	}
	for _, x := range d.Dates {
		span("date mention", x.Span)
		if x.Resolved {
			date("date mention", x.Value)
		}
	}
	for i, e := range d.Events {
		what := fmt.Sprintf("event %d (%s)", i, e.Code)
		sentence(what, e.Sentence)
		span(what+" source", e.Evidence.Source)
		span(what+" trigger", e.Evidence.Trigger)
		span(what+" target", e.Evidence.Target)
		date(what, e.Date)
	}
	for i, x := range d.Incidents {
		what := fmt.Sprintf("incident %d", i)
		sentence(what, x.Sentence)
		span(what, x.Span)
		date(what, x.Date)
	}
	return problems
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// TestDatedPoliticoArticle is the report that started the sweep: with --date 2016-08-08
// the events stage quoted a date mention that came after its noun with a reversed slice
// and rejected the article.
func TestDatedPoliticoArticle(t *testing.T) {
	path := sharedtest.Path(t, "data/news-bench/politico_2016-08-08_inside-the-swing-state-trench-wa.txt")
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = readWithReader(t.Context(), path, func(a *article.Article) error {
		a.Published = "2016-08-08"
		d, err := p.Analyze(t.Context(), a)
		if err != nil {
			return err
		}
		if len(d.Events) == 0 {
			t.Error("no events")
		}
		for _, problem := range checkDocument(d) {
			t.Error(problem)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
