package casualty

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	wn "github.com/tocsin-project/tocsin/internal/wikinews"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// articleGold is one line of an article gold file (testdata/wikinews/*.jsonl): the
// article's address in the Wikinews corpus and its killed and injured totals, nil when the
// article is not scored on that kind (see testdata/wikinews/GUIDELINES.md).
type articleGold struct {
	URL string `json:"url"`
	ID  string `json:"id"` // an article of the undated bodies, named by id

	Title   string `json:"title"`
	Killed  *int   `json:"killed"`
	Injured *int   `json:"injured"`
	Note    string `json:"note"`
}

// ArticleScore is how often the article totals are exactly right.
type ArticleScore struct {
	Killed, Injured ExactShare // the reconciled totals (Totals)
	// LargestKilled and LargestInjured score the baseline that takes the largest
	// count of each kind as the article's total.
	LargestKilled, LargestInjured ExactShare
	// Misses lists the articles whose reconciled totals are wrong.
	Misses []string
}

// ExactShare counts the articles whose total is exactly the label.
type ExactShare struct{ Right, Of int }

// Share is Right / Of (0 when nothing was scored).
func (e ExactShare) Share() float64 {
	if e.Of == 0 {
		return 0
	}
	return float64(e.Right) / float64(e.Of)
}

func (e ExactShare) String() string { return fmt.Sprintf("%.3f (%d/%d)", e.Share(), e.Right, e.Of) }

func (e *ExactShare) add(want *int, got int) bool {
	if want == nil {
		return true
	}
	e.Of++
	if got == *want {
		e.Right++
		return true
	}
	return false
}

// EvaluateArticles scores the article totals of the default stage against an article
// gold file, reading the article texts from articles, the Wikinews JSON Lines corpus
// (../shared/data/wikinews/articles.jsonl).
func EvaluateArticles(gold, articles string) (ArticleScore, error) {
	s, err := New()
	if err != nil {
		return ArticleScore{}, err
	}
	return s.EvaluateArticles(gold, articles)
}

// EvaluateArticles is EvaluateArticles with s.
func (s *Stage) EvaluateArticles(gold, articles string) (ArticleScore, error) {
	var sc ArticleScore
	golds, err := readArticleGold(gold)
	if err != nil {
		return sc, err
	}
	texts, err := readWikinews(articles)
	if err != nil {
		return sc, err
	}
	undated := filepath.Join(filepath.Dir(articles), "undated-unlabelled.jsonl.gz")
	if slices.ContainsFunc(golds, func(g articleGold) bool { return g.ID != "" }) {
		if err := readUndated(undated, texts); err != nil {
			return sc, err
		}
	}
	for _, g := range golds {
		name := g.URL + g.ID
		a, ok := texts[name]
		if !ok {
			return sc, fmt.Errorf("%s: article %s is not in %s or %s", gold, name, articles, undated)
		}
		if g.Title == "" {
			g.Title = name
		}
		d := pipeline.NewDocument(&a)
		if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
			return sc, fmt.Errorf("%s: %s: %w", gold, name, err)
		}
		cs := s.Extract(d)
		tot, big := s.Totals(d), largest(cs)
		okK := sc.Killed.add(g.Killed, tot["killed"])
		okI := sc.Injured.add(g.Injured, tot["injured"])
		sc.LargestKilled.add(g.Killed, big["killed"])
		sc.LargestInjured.add(g.Injured, big["injured"])
		if !okK || !okI {
			var found []string
			for _, c := range cs {
				if c.Kind == "killed" || c.Kind == "injured" {
					found = append(found, fmt.Sprintf("%s %d %q", c.Kind, c.Value, c.Text))
				}
			}
			sc.Misses = append(sc.Misses, fmt.Sprintf("%s: killed %d (want %s), injured %d (want %s); counts: %s",
				g.Title, tot["killed"], orNull(g.Killed), tot["injured"], orNull(g.Injured), strings.Join(found, "; ")))
		}
	}
	return sc, nil
}

func orNull(p *int) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

// largest is the baseline total: the largest count of each kind.
func largest(cs []doc.Casualty) map[string]int {
	m := map[string]int{}
	for _, c := range cs {
		m[c.Kind] = max(m[c.Kind], c.Value)
	}
	return m
}

func readArticleGold(path string) ([]articleGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []articleGold
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g articleGold
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if (g.URL == "") == (g.ID == "") {
			return nil, fmt.Errorf("%s:%d: want one of \"url\" and \"id\"", path, line)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	return out, nil
}

// readWikinews reads the Wikinews articles by URL.
func readWikinews(path string) (map[string]article.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]article.Article{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for line := 1; sc.Scan(); line++ {
		var a struct{ Title, Published, URL, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out[a.URL] = article.Article{Title: a.Title, Body: a.Text, Published: a.Published, URL: a.URL, Language: "en", Origin: fmt.Sprintf("%s:%d", path, line)}
	}
	return out, sc.Err()
}

// readUndated adds the undated Wikinews bodies (gzip JSON Lines with id and text) to
// texts, by id.
func readUndated(path string, texts map[string]article.Article) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(z)
	sc.Buffer(nil, 1<<24)
	for line := 1; sc.Scan(); line++ {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		texts[a.ID] = article.Article{Body: a.Text, Language: "en", Origin: fmt.Sprintf("%s:%d", path, line)}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// isArticleGold reports whether a JSON Lines file's first line names an article by "url"
// rather than giving a "text".
func isArticleGold(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var first map[string]json.RawMessage
	if !sc.Scan() || json.Unmarshal(sc.Bytes(), &first) != nil {
		return false
	}
	_, url := first["url"]
	_, id := first["id"]
	_, text := first["text"]
	return (url || id) && !text
}

// Report scores the stage on each file and writes one result per file: P/R/F1 on a file
// of sentences with their counts, or killed-exact and injured-exact, beside the
// largest-count baseline, on an article gold file. With misses it lists the errors.
func Report(w io.Writer, misses bool, paths ...string) error {
	s, err := New()
	if err != nil {
		return err
	}
	for _, p := range paths {
		if !isArticleGold(p) {
			sc, tot, err := s.evaluate(p, func(line int, ex example, got, want []key) {
				if misses {
					fmt.Fprintf(w, "  %s:%d: got %v, want %v: %.100q\n", p, line, got, want, ex.Text)
				}
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "%s: %v", p, sc)
			if tot.Of > 0 {
				fmt.Fprintf(w, "; totals exact %v", tot)
			}
			fmt.Fprintln(w)
			continue
		}
		sc, err := s.EvaluateArticles(p, wn.Path(p))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s: killed exact %v, injured exact %v; largest count: killed %v, injured %v\n",
			p, sc.Killed, sc.Injured, sc.LargestKilled, sc.LargestInjured)
		if misses {
			for _, m := range sc.Misses {
				fmt.Fprintf(w, "  %s\n", m)
			}
		}
	}
	return nil
}
