package dates

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/eval"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// Evaluate scores the annotator on a development file such as testdata/dev.tsv: one
// document per line, "published<TAB>text<TAB>expected", where published is YYYY-MM-DD or
// "-", and expected lists EXPRESSION=VALUE pairs joined by " | " ("-" for none; an empty
// VALUE means found but unresolved). A found date counts as a true positive only when its
// text and value both match a gold pair exactly.
func Evaluate(path string) (eval.Score, error) {
	score, _, err := evaluate(path)
	return score, err
}

// miss is one disagreement with the gold file, for tests and debugging.
type miss struct {
	line      int
	gold, got []string
}

func evaluate(path string) (eval.Score, []miss, error) {
	var score eval.Score
	var misses []miss
	f, err := os.Open(path)
	if err != nil {
		return score, nil, err
	}
	defer f.Close()
	s := New()
	sc := bufio.NewScanner(f)
	rows := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return score, nil, fmt.Errorf("%s:%d: want 3 tab-separated columns (published, text, expected), got %d", path, n, len(cols))
		}
		gold, err := parseGold(cols[2])
		if err != nil {
			return score, nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		a := &article.Article{Body: cols[1], Language: "en", Origin: fmt.Sprintf("%s:%d", path, n)}
		if cols[0] != "-" {
			a.Published = cols[0]
		}
		d := pipeline.NewDocument(a)
		if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
			return score, nil, err
		}
		if err := s.Annotate(context.Background(), d); err != nil {
			return score, nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		var got []string
		for _, dt := range d.Dates {
			got = append(got, dt.Text+"="+dt.Value)
		}
		row := compare(gold, got)
		score.Add(row)
		if row.FP+row.FN > 0 {
			misses = append(misses, miss{line: n, gold: gold, got: got})
		}
		rows++
	}
	if err := sc.Err(); err != nil {
		return score, nil, fmt.Errorf("%s: %w", path, err)
	}
	if rows == 0 {
		return score, nil, fmt.Errorf("%s: no rows", path)
	}
	return score, misses, nil
}

// parseGold reads "Tuesday=2020-01-07 | last week=2020-W01" or "-".
func parseGold(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "-" {
		return nil, nil
	}
	var out []string
	for _, p := range strings.Split(s, " | ") {
		text, value, ok := strings.Cut(p, "=")
		if !ok || strings.TrimSpace(text) == "" {
			return nil, fmt.Errorf("expected pair %q is not EXPRESSION=VALUE", p)
		}
		out = append(out, strings.TrimSpace(text)+"="+strings.TrimSpace(value))
	}
	return out, nil
}

// compare matches predicted pairs with gold pairs as multisets.
func compare(gold, got []string) eval.Score {
	var s eval.Score
	left := make(map[string]int, len(gold))
	for _, g := range gold {
		left[g]++
	}
	for _, p := range got {
		if left[p] > 0 {
			left[p]--
			s.TP++
		} else {
			s.FP++
		}
	}
	for _, n := range left {
		s.FN += n
	}
	return s
}
