package casualty

import (
	"os"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/internal/sharedtest"
)

// TestArticleTotals scores the article totals on the Wikinews articles labelled by
// testdata/wikinews/GUIDELINES.md, beside the largest-count baseline; the floors sit just
// below the measured values. heldout5.jsonl and heldout6.jsonl were never read for tuning.
func TestArticleTotals(t *testing.T) {
	wikinews := sharedtest.Path(t, "data/wikinews/articles.jsonl")
	for _, tc := range []struct {
		path            string
		killed, injured float64
	}{
		{"testdata/wikinews/dev.jsonl", 0.99, 0.99},
		{"testdata/wikinews/dev2.jsonl", 0.95, 0.96},
		{"testdata/wikinews/heldout.jsonl", 0.99, 0.83},
		{"testdata/wikinews/heldout2.jsonl", 0.99, 0.94},
		{"testdata/wikinews/heldout3.jsonl", 0.94, 0.82},
		{"testdata/wikinews/heldout4.jsonl", 0.94, 0.93},
		{"testdata/wikinews/dev3.jsonl", 0.92, 0.96},
		{"testdata/wikinews/dev4.jsonl", 0.99, 0.99},
		{"testdata/wikinews/dev5.jsonl", 0.91, 0.95},
		{"testdata/wikinews/dev6.jsonl", 0.89, 0.77},
		{"testdata/wikinews/dev7.jsonl", 0.85, 0.83},
		{"testdata/wikinews/dev8.jsonl", 0.94, 0.88},
		{"testdata/wikinews/dev9.jsonl", 0.88, 0.94},
		{"testdata/wikinews/dev10.jsonl", 0.87, 0.84},
		{"testdata/wikinews/heldout5.jsonl", 0.77, 0.84},
		{"testdata/wikinews/heldout6.jsonl", 0.84, 0.89},
		{"testdata/wikinews/heldout7.jsonl", 0.84, 0.68},
	} {
		sc, err := EvaluateArticles(tc.path, wikinews)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: killed exact %v, injured exact %v; largest count: killed %v, injured %v", tc.path, sc.Killed, sc.Injured, sc.LargestKilled, sc.LargestInjured)
		if testing.Verbose() && os.Getenv("MISSES") != "" && strings.Contains(tc.path, os.Getenv("MISSES")) {
			for _, m := range sc.Misses {
				t.Log(m)
			}
		}
		if sc.Killed.Share() < tc.killed || sc.Injured.Share() < tc.injured {
			t.Errorf("%s: killed exact %v, injured exact %v; want at least %.2f and %.2f", tc.path, sc.Killed, sc.Injured, tc.killed, tc.injured)
		}
	}
}
