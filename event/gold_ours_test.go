package event

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tocsin-project/tocsin/internal/sharedtest"
)

// TestOwnRealNewsGold scores the team's own gold set (testdata/gold-ours: 20 Wikinews
// articles, 182 events coded by event-gold-dev's guidelines, sentences given by offsets).
// The floors are a little under the scores measured when the set was made (P 0.359,
// R 0.209, dates 0.875, places filled 0.62), to catch regressions; `tocsin eval events
// event/testdata/gold-ours` prints the report.
func TestOwnRealNewsGold(t *testing.T) {
	wikinews := sharedtest.Path(t, "data/wikinews/articles.jsonl")
	dir := filepath.Join("testdata", "gold-ours")
	r, err := EvaluateGold(context.Background(), fullPipeline(t).Run, dir, wikinews)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s:\n%v", dir, r)
	if r.Articles != 20 || r.Gold != 182 {
		t.Errorf("read %d articles and %d gold events, want 20 and 182", r.Articles, r.Gold)
	}
	if r.Match.Recall() < 0.19 || r.Match.Precision() < 0.33 {
		t.Errorf("match P %.3f (floor 0.33), R %.3f (floor 0.19)", r.Match.Precision(), r.Match.Recall())
	}
	if r.DateGold == 0 || float64(r.DateRight)/float64(r.DateGold) < 0.8 {
		t.Errorf("dates right on %d of %d matched events, want at least 80%%", r.DateRight, r.DateGold)
	}
	if r.PlaceGold == 0 || float64(r.PlaceFilled)/float64(r.PlaceGold) < 0.55 {
		t.Errorf("places given on %d of %d matched events with a gold place, want at least 55%%", r.PlaceFilled, r.PlaceGold)
	}
}
