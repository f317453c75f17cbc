package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvaluate scores the development set and the held-out set. Both were written by the
// developers; dev.tsv was used while writing the rules, heldout.tsv only after they were
// frozen, so only the second approximates unseen text. The floors guard against regressions.
func TestEvaluate(t *testing.T) {
	for _, c := range []struct {
		path  string
		floor float64
	}{{"testdata/dev.tsv", 0.95}, {"testdata/heldout.tsv", 0.85}} {
		score, misses, err := evaluate(c.path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range misses {
			t.Logf("%s:%d\n  gold %s\n  got  %s", c.path, m.line, strings.Join(m.gold, " | "), strings.Join(m.got, " | "))
		}
		t.Logf("%s: %v", c.path, score)
		if c.path == "testdata/dev.tsv" && score.TP+score.FN < 60 {
			t.Errorf("%s has %d gold dates, want at least 60", c.path, score.TP+score.FN)
		}
		if score.F1() < c.floor {
			t.Errorf("%s: F1 = %.3f, want >= %.2f", c.path, score.F1(), c.floor)
		}
		if pub, err := Evaluate(c.path); err != nil || pub != score {
			t.Errorf("Evaluate(%s) = %v, %v; want %v", c.path, pub, err, score)
		}
	}
}

func TestEvaluateErrors(t *testing.T) {
	if _, err := Evaluate("testdata/missing.tsv"); err == nil || !strings.Contains(err.Error(), "missing.tsv") {
		t.Errorf("missing file: err = %v", err)
	}
	for _, src := range []string{"2020-01-08\tno gold column\n", "2020-01-08\tOn Tuesday.\tTuesday\n", "# only a comment\n"} {
		path := filepath.Join(t.TempDir(), "bad.tsv")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Evaluate(path); err == nil || !strings.Contains(err.Error(), "bad.tsv") {
			t.Errorf("Evaluate(%q) error = %v, want one naming bad.tsv", src, err)
		}
	}
}

func TestCompare(t *testing.T) {
	s := compare([]string{"Tuesday=2020-01-07", "1989=1989"}, []string{"Tuesday=2020-01-07", "Tuesday=2020-01-14"})
	if s.TP != 1 || s.FP != 1 || s.FN != 1 {
		t.Errorf("compare = %+v, want 1 TP, 1 FP, 1 FN", s)
	}
}
