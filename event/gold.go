package event

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/eval"
	wn "github.com/tocsin-project/tocsin/internal/wikinews"
	"github.com/tocsin-project/tocsin/pipeline"
)

// goldArticle is one entry of an article-level gold set's articles.json: which line of the
// Wikinews JSON Lines file holds the article.
type goldArticle struct {
	Article      string `json:"article"`
	WikinewsLine int    `json:"wikinews_line"`
	Title        string `json:"title"`
	Published    string `json:"published"`
	URL          string `json:"url"`
}

// goldEvent is one line of gold.jsonl: an event coded by hand in one sentence of an article.
//
// The sentence is given either as text (an exact substring of the article) or, where the
// article text may not be copied, as character offsets Start and End into the document
// text that EvaluateGold builds from the article (title, blank line, body; see
// pipeline.NewDocument), counted in Unicode code points.
type goldEvent struct {
	Article  string `json:"article"`
	Sentence string `json:"sentence"`
	Start    *int   `json:"start"`
	End      *int   `json:"end"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	Code     string `json:"code"`
	Root     string `json:"root"`
	Date     string `json:"date"`
	Place    string `json:"place"`
	None     bool   `json:"none"`
}

// GoldReport is the result of EvaluateGold: event coding scored against exhaustive
// coding of whole articles by hand.
type GoldReport struct {
	Articles, Gold, Found int
	// Match scores (sentence, root, source country where both give one): the headline
	// figure. Full also needs the target countries to agree where both give one, and
	// Exact the whole source and target codes and the full event code.
	Match, Full, Exact eval.Score
	// Asserted counts the system's events that are asserted; only they are scored, as the
	// guidelines code no negated or hypothetical events.
	Asserted int
	// DateRight/DateGold: matched events whose gold gives a date, and those whose date
	// agrees; PlaceRight/PlaceGold the same for places, PlaceFilled those where the
	// system gave a place at all.
	DateRight, DateGold                int
	PlaceRight, PlaceFilled, PlaceGold int
	ByRoot                             map[string]*eval.Score
	Misses                             []GoldMiss
	Words                              int
	Time                               time.Duration
}

// GoldMiss is a gold event not found, a system event with no gold one (Extra), or a
// matched event with the wrong date (Date), for reading the errors.
type GoldMiss struct {
	Article, Sentence, Event string
	Extra                    bool
	Date                     bool // a matched event with the wrong date
	Place                    bool // a matched event with no place or another than the gold one
}

func (r GoldReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles, %d gold events, %d coded (%d asserted, scored)\n", r.Articles, r.Gold, r.Found, r.Asserted)
	fmt.Fprintf(&b, "  sentence, root, source country      %v\n", r.Match)
	fmt.Fprintf(&b, "  ... and target country (full)      %v\n", r.Full)
	fmt.Fprintf(&b, "  ... exact codes                    %v\n", r.Exact)
	fmt.Fprintf(&b, "  date right on matches with a gold date:   %s\n", frac(r.DateRight, r.DateGold))
	fmt.Fprintf(&b, "  place on matches with a gold place: filled %s, right %s\n", frac(r.PlaceFilled, r.PlaceGold), frac(r.PlaceRight, r.PlaceGold))
	writeRecallByRoot(&b, "by gold root", r.ByRoot)
	if r.Time > 0 {
		fmt.Fprintf(&b, "  %d words in %v (whole pipeline)\n", r.Words, r.Time.Round(time.Millisecond))
	}
	return b.String()
}

func frac(a, b int) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.3f (%d/%d)", float64(a)/float64(b), a, b)
}

// EvaluateGold scores annotate on an article-level gold set laid out as
// ../shared/data/event-gold-dev: dir/articles.json names the articles by their line in the
// Wikinews JSON Lines file (dir/../wikinews/articles.jsonl unless wikinews is given), and
// dir/gold.jsonl lists every event a careful coder codes in them, with its sentence (its
// text, or its offsets into the document text). When dir/../wikinews/articles.jsonl does
// not exist (a gold set kept in the repository), the Wikinews file is looked for under
// $TOCSIN_SHARED/data and then ../shared/data.
//
// A coded event matches a gold one when it lies in the same sentence (the sentences of the
// document that the gold sentence covers, sentencesOf), the roots agree, and the source
// countries (the first three letters of the codes) agree where both give one. Each event
// matches at most once; among candidates, one whose target country also agrees is taken
// first. Only asserted events are scored: the guidelines code no negated or hypothetical
// ones.
func EvaluateGold(ctx context.Context, annotate Annotator, dir, wikinews string) (GoldReport, error) {
	r := GoldReport{ByRoot: map[string]*eval.Score{}}
	var arts []goldArticle
	raw, err := os.ReadFile(filepath.Join(dir, "articles.json"))
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(raw, &arts); err != nil {
		return r, fmt.Errorf("%s: %w", filepath.Join(dir, "articles.json"), err)
	}
	gold, err := readGold(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		return r, err
	}
	if wikinews == "" {
		wikinews = wikinewsPath(dir)
	}
	texts, err := wn.Lines[wikinewsArticle](wikinews)
	if err != nil {
		return r, err
	}
	for _, a := range arts {
		if a.WikinewsLine < 1 || a.WikinewsLine > len(texts) {
			return r, fmt.Errorf("%s: article %s: line %d is not in %s", dir, a.Article, a.WikinewsLine, wikinews)
		}
		w := texts[a.WikinewsLine-1]
		d := pipeline.NewDocument(&article.Article{Title: w.Title, Body: w.Text, Published: a.Published, URL: a.URL, Language: "en", Origin: a.Article})
		if err := resolveOffsets(gold[a.Article], d.Text); err != nil {
			return r, fmt.Errorf("%s: article %s: %w", filepath.Join(dir, "gold.jsonl"), a.Article, err)
		}
		start := time.Now()
		if err := annotate(ctx, d); err != nil {
			return r, fmt.Errorf("%s: %w", a.Article, err)
		}
		r.Time += time.Since(start)
		r.Words += len(strings.Fields(w.Text))
		r.Articles++
		r.scoreArticle(a.Article, d, gold[a.Article])
	}
	return r, nil
}

func readGold(path string) (map[string][]goldEvent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]goldEvent{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g goldEvent
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if g.None {
			continue
		}
		if g.Root == "" && len(g.Code) >= 2 {
			g.Root = g.Code[:2]
		}
		out[g.Article] = append(out[g.Article], g)
	}
	return out, sc.Err()
}

// wikinewsPath is the Wikinews JSON Lines file for the gold set in dir: beside it as in
// ../shared/data, else the shared corpus that wn.Path finds for a gold set kept in
// the repository.
func wikinewsPath(dir string) string {
	beside := filepath.Join(dir, "..", "wikinews", "articles.jsonl")
	if _, err := os.Stat(beside); err == nil {
		return beside
	}
	return wn.Path(filepath.Join(dir, "gold.jsonl"))
}

// resolveOffsets fills in the sentence text of gold events given by character offsets
// into the document text.
func resolveOffsets(gold []goldEvent, text string) error {
	var runes []rune
	for i := range gold {
		g := &gold[i]
		if g.Start == nil && g.End == nil {
			continue
		}
		if runes == nil {
			runes = []rune(text)
		}
		if g.Start == nil || g.End == nil || *g.Start < 0 || *g.End <= *g.Start || *g.End > len(runes) {
			return fmt.Errorf("sentence offsets %v..%v are not a span of the %d-character text", deref(g.Start), deref(g.End), len(runes))
		}
		s := string(runes[*g.Start:*g.End])
		if g.Sentence != "" && g.Sentence != s {
			return fmt.Errorf("sentence offsets %d..%d give %q, not %q", *g.Start, *g.End, s, g.Sentence)
		}
		g.Sentence = s
	}
	return nil
}

func deref(p *int) any {
	if p == nil {
		return "none"
	}
	return *p
}

type wikinewsArticle struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// sentencesOf returns the range [from, to) of d's sentences that the gold sentence s
// covers: where s is found in the text, every sentence it overlaps, since the coder's
// sentence may be two of tocsin's ("… have been revealed [...] If they are truthful …");
// else the one sentenceOf finds, or {-1, -1}.
func sentencesOf(d *doc.Document, s string) [2]int {
	if k := strings.Index(d.Text, s); k >= 0 && s != "" {
		from, to := -1, -1
		for i, st := range d.Sentences {
			if st.Start < k+len(s) && st.End > k {
				if from < 0 {
					from = i
				}
				to = i + 1
			}
		}
		if from >= 0 {
			return [2]int{from, to}
		}
	}
	i := sentenceOf(d, s)
	if i < 0 {
		return [2]int{-1, -1}
	}
	return [2]int{i, i + 1}
}

// sentenceOf is the index of d's sentence that shares most words with s, -1 when none
// shares half of s's words.
func sentenceOf(d *doc.Document, s string) int {
	want := wordSet(s)
	best, bestN := -1, 0
	for i, st := range d.Sentences {
		n := 0
		for w := range wordSet(st.Text) {
			if want[w] {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	if 2*bestN < len(want) {
		return -1
	}
	return best
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 127)
	}) {
		m[w] = true
	}
	return m
}

// agree says whether two actor codes' countries agree where both give one.
func agree(a, b string) bool {
	ca, cb := country(a), country(b)
	return ca == "" || cb == "" || ca == cb
}

func (r *GoldReport) scoreArticle(id string, d *doc.Document, gold []goldEvent) {
	var got []doc.Event
	for _, e := range d.Events {
		r.Found++
		if e.Modality == Asserted {
			got = append(got, e)
		}
	}
	r.Asserted += len(got)
	r.Gold += len(gold)
	sents := make([][2]int, len(gold)) // the document sentences [from, to) of each gold one
	for i, g := range gold {
		sents[i] = sentencesOf(d, g.Sentence)
	}
	type test func(g goldEvent, e doc.Event) bool
	base := func(g goldEvent, e doc.Event) bool { return e.Root == g.Root && agree(g.Source, e.Source) }
	full := func(g goldEvent, e doc.Event) bool { return base(g, e) && agree(g.Target, e.Target) }
	exact := func(g goldEvent, e doc.Event) bool {
		return e.Code == g.Code && e.Source == g.Source && e.Target == g.Target
	}
	// match pairs gold and system events by the tests in order of preference.
	match := func(tests ...test) ([]int, eval.Score) {
		pair := make([]int, len(gold))
		used := make([]bool, len(got))
		for i := range pair {
			pair[i] = -1
		}
		for _, t := range tests {
			for gi, g := range gold {
				if pair[gi] >= 0 || sents[gi][0] < 0 {
					continue
				}
				for i, e := range got {
					if !used[i] && e.Sentence >= sents[gi][0] && e.Sentence < sents[gi][1] && t(g, e) {
						pair[gi], used[i] = i, true
						break
					}
				}
			}
		}
		tp := 0
		for _, p := range pair {
			if p >= 0 {
				tp++
			}
		}
		return pair, eval.Score{TP: tp, FP: len(got) - tp, FN: len(gold) - tp}
	}
	pair, s := match(exact, full, base)
	r.Match.Add(s)
	_, s = match(exact, full)
	r.Full.Add(s)
	_, s = match(exact)
	r.Exact.Add(s)
	used := make([]bool, len(got))
	for gi, g := range gold {
		rs := r.ByRoot[g.Root]
		if rs == nil {
			rs = &eval.Score{}
			r.ByRoot[g.Root] = rs
		}
		p := pair[gi]
		if p < 0 {
			rs.FN++
			r.Misses = append(r.Misses, GoldMiss{Article: id, Sentence: g.Sentence, Event: fmt.Sprintf("%s→%s %s", g.Source, g.Target, g.Code)})
			continue
		}
		rs.TP++
		used[p] = true
		e := got[p]
		if g.Date != "" {
			r.DateGold++
			if e.Date != "" && strings.HasPrefix(e.Date, g.Date) {
				r.DateRight++
			} else {
				r.Misses = append(r.Misses, GoldMiss{Article: id, Sentence: g.Sentence, Event: fmt.Sprintf("date %s (%s), gold %s", orUnknown(e.Date), e.DateSource, g.Date), Date: true})
			}
		}
		if g.Place != "" {
			r.PlaceGold++
			got := "none"
			if e.Place != nil {
				r.PlaceFilled++
				got = fmt.Sprintf("%q (%s)", e.Place.Name, e.PlaceSource)
				if placeAgrees(g.Place, e.Place.Name) {
					r.PlaceRight++
					got = ""
				}
			}
			if got != "" {
				r.Misses = append(r.Misses, GoldMiss{Article: id, Sentence: g.Sentence, Event: fmt.Sprintf("place %s, gold %q", got, g.Place), Place: true})
			}
		}
	}
	for i, e := range got {
		if !used[i] {
			st := ""
			if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
				st = d.Sentences[e.Sentence].Text
			}
			r.Misses = append(r.Misses, GoldMiss{Article: id, Sentence: st, Event: fmt.Sprintf("%s→%s %s (%s)", e.Source, e.Target, e.Code, e.Rule), Extra: true})
		}
	}
}

// placeAgrees says whether a coded place names the gold place: one of the gold's
// comma-separated parts ("Jolo Cathedral, Jolo, Mindanao") is the coded name, or the
// other way round.
func placeAgrees(gold, got string) bool {
	name, _, _ := strings.Cut(got, ",")
	name = strings.ToLower(strings.TrimSpace(name))
	for _, part := range strings.Split(strings.ToLower(gold), ",") {
		part = strings.TrimSpace(part)
		if part != "" && (strings.Contains(part, name) || strings.Contains(name, part)) {
			return true
		}
	}
	return false
}
