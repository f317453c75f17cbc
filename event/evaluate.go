package event

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/eval"
	"github.com/tocsin-project/tocsin/pipeline"
)

// Annotator runs the stages an evaluation needs on a document: every stage up to and
// including events. (*pipeline.Pipeline).Run has this type.
type Annotator func(ctx context.Context, d *doc.Document) error

// example is one line of an evaluation file.
type example struct {
	Text      string   `json:"text"`
	Published string   `json:"published"`
	Events    []record `json:"events"`
}

// record is an expected event.
type record struct {
	Source   string `json:"source"`
	Target   string `json:"target"`
	Code     string `json:"code"`
	Modality string `json:"modality,omitempty"`
}

// Report is the result of Evaluate.
type Report struct {
	Examples, Gold, Found int
	// Exact scores (source, target, code); Root (source, target, root code); Country
	// (source country, target country, root code): the first three letters of each
	// actor code, which separates the event coding from the finer actor coding.
	Exact, Root, Country eval.Score
	// RootAccuracy is, over the expected events whose source and target were found in
	// some event, the share whose root code was right: how well the verb was coded once
	// the actors were.
	RootAccuracy         float64
	RootPairs, RootRight int
	// ModalityRight counts exact matches whose modality was the expected one (asserted
	// unless the file says otherwise).
	ModalityRight int
	// ByRoot scores (source, target, root) per expected root, "01" to "20".
	ByRoot map[string]*eval.Score
	Misses []Miss
	Words  int
	Time   time.Duration
}

// Miss is an example the stage did not code exactly as expected.
type Miss struct {
	Line           int
	Text           string
	Missing, Extra []string // "IRN→USA 138"
}

func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d examples, %d expected events, %d found\n", r.Examples, r.Gold, r.Found)
	fmt.Fprintf(&b, "  exact (source, target, code)      %v\n", r.Exact)
	fmt.Fprintf(&b, "  root  (source, target, root)      %v\n", r.Root)
	fmt.Fprintf(&b, "  country (src[:3], tgt[:3], root)  %v\n", r.Country)
	fmt.Fprintf(&b, "  root accuracy where the actors were found: %.4f (%d/%d)\n", r.RootAccuracy, r.RootRight, r.RootPairs)
	fmt.Fprintf(&b, "  modality right on exact matches: %d/%d\n", r.ModalityRight, r.Exact.TP)
	writeRecallByRoot(&b, "by root (source, target, root)", r.ByRoot)
	if r.Time > 0 {
		fmt.Fprintf(&b, "  %d words in %v (whole pipeline)\n", r.Words, r.Time.Round(time.Millisecond))
	}
	return b.String()
}

// Evaluate runs annotate on each example of a JSON Lines file and scores the events
// found against the expected ones. Each line is
//
//	{"text": "Iran threatened retaliation.", "published": "2021-06-15",
//	 "events": [{"source": "IRN", "target": "USA", "code": "138", "modality": "asserted"}]}
//
// An example with no events expects none (sports, accidents, weather). These sets follow
// PETRARCH's convention of events between two coded actors, so one-sided events (an
// unknown source or target, see classes.txt) are left out of the scoring; the
// article-level gold of EvaluateGold scores them. A found event
// matches an expected one of the same example once; the rest are false positives and
// false negatives. testdata/dev.jsonl is the team's development set: sentences written
// for it, covering the 20 CAMEO roots.
func Evaluate(ctx context.Context, annotate Annotator, path string) (Report, error) {
	r := Report{ByRoot: map[string]*eval.Score{}}
	f, err := os.Open(path)
	if err != nil {
		return r, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var ex example
		if err := json.Unmarshal(sc.Bytes(), &ex); err != nil {
			return r, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if ex.Text == "" {
			return r, fmt.Errorf("%s:%d: example has no text", path, line)
		}
		d := pipeline.NewDocument(&article.Article{Body: ex.Text, Published: ex.Published, Language: "en", Origin: fmt.Sprintf("%s:%d", path, line)})
		start := time.Now()
		if err := annotate(ctx, d); err != nil {
			return r, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		r.Time += time.Since(start)
		r.Words += len(strings.Fields(ex.Text))
		r.Examples++
		r.score(line, ex, twoSided(d.Events))
	}
	if err := sc.Err(); err != nil {
		return r, err
	}
	if r.RootPairs > 0 {
		r.RootAccuracy = float64(r.RootRight) / float64(r.RootPairs)
	}
	return r, nil
}

func (r *Report) score(line int, ex example, got []doc.Event) {
	r.Gold += len(ex.Events)
	r.Found += len(got)
	type key struct{ s, t, c string }
	exact := func(s, t, c string) key { return key{s, t, c} }
	root := func(s, t, c string) key { return key{s, t, c[:min(2, len(c))]} }
	ctry := func(s, t, c string) key { return key{country(s), country(t), c[:min(2, len(c))]} }
	match := func(f func(s, t, c string) key, sc *eval.Score, byRoot bool) []bool {
		used := make([]bool, len(got))
		hit := make([]bool, len(ex.Events))
		for gi, g := range ex.Events {
			k := f(g.Source, g.Target, g.Code)
			for i, e := range got {
				if !used[i] && f(e.Source, e.Target, e.Code) == k {
					used[i], hit[gi] = true, true
					break
				}
			}
			if byRoot {
				rs := r.ByRoot[g.Code[:min(2, len(g.Code))]]
				if rs == nil {
					rs = &eval.Score{}
					r.ByRoot[g.Code[:min(2, len(g.Code))]] = rs
				}
				if hit[gi] {
					rs.TP++
				} else {
					rs.FN++
				}
			}
		}
		tp := 0
		for _, h := range hit {
			if h {
				tp++
			}
		}
		sc.Add(eval.Score{TP: tp, FP: len(got) - tp, FN: len(ex.Events) - tp})
		return used
	}
	used := match(exact, &r.Exact, false)
	match(root, &r.Root, true)
	match(ctry, &r.Country, false)
	// Modality of the exact matches.
	usedM := make([]bool, len(got))
	for _, g := range ex.Events {
		want := g.Modality
		if want == "" {
			want = Asserted
		}
		for i, e := range got {
			if !usedM[i] && e.Source == g.Source && e.Target == g.Target && e.Code == g.Code {
				usedM[i] = true
				if e.Modality == want {
					r.ModalityRight++
				}
				break
			}
		}
	}
	// Root accuracy where the actor pair was found.
	for _, g := range ex.Events {
		pair, right := false, false
		for _, e := range got {
			if e.Source == g.Source && e.Target == g.Target {
				pair = true
				right = right || e.Root == g.Code[:2]
			}
		}
		if pair {
			r.RootPairs++
			if right {
				r.RootRight++
			}
		}
	}
	// Misses.
	var miss Miss
	hitGold := make([]bool, len(ex.Events))
	for gi, g := range ex.Events {
		for i, e := range got {
			if used[i] && e.Source == g.Source && e.Target == g.Target && e.Code == g.Code {
				hitGold[gi] = true
				break
			}
		}
		if !hitGold[gi] {
			miss.Missing = append(miss.Missing, fmt.Sprintf("%s→%s %s", g.Source, g.Target, g.Code))
		}
	}
	for i, e := range got {
		if !used[i] {
			miss.Extra = append(miss.Extra, fmt.Sprintf("%s→%s %s (%s)", e.Source, e.Target, e.Code, e.Rule))
		}
	}
	if len(miss.Missing)+len(miss.Extra) > 0 {
		miss.Line, miss.Text = line, ex.Text
		r.Misses = append(r.Misses, miss)
	}
}

// twoSided returns the events with both actors coded.
func twoSided(evs []doc.Event) []doc.Event {
	out := make([]doc.Event, 0, len(evs))
	for _, e := range evs {
		if e.Source != "" && e.Target != "" {
			out = append(out, e)
		}
	}
	return out
}

// writeRecallByRoot writes one line of recall per expected root, in root order.
func writeRecallByRoot(b *strings.Builder, title string, byRoot map[string]*eval.Score) {
	fmt.Fprintf(b, "  %s, recall:", title)
	for _, k := range slices.Sorted(maps.Keys(byRoot)) {
		s := byRoot[k]
		fmt.Fprintf(b, " %s %d/%d", k, s.TP, s.TP+s.FN)
	}
	b.WriteByte('\n')
}
