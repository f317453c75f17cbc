package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/storetest"
)

// TestSearchAwkwardText stores texts that a tsvector literal must quote (apostrophes,
// backslashes, quotes), a very long article (past PostgreSQL's last word position
// and its positions per word) and finds their words.
func TestSearchAwkwardText(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	long := strings.Repeat("filler words again ", 12000) + "zanzibar at the end"
	for _, d := range [][3]string{
		{"quotes", `O'Brien's "quoted" back\slash`, `It's a \'tricky\' text: ''' \\ "" ` + "\u00a0Tehrān."},
		{"long", "A very long article", long},
	} {
		if _, err := s.Put(ctx, storetest.NewDoc(d[0], d[1], d[2])); err != nil {
			t.Fatalf("put %s: %v", d[0], err)
		}
	}
	for q, want := range map[string]string{
		"o'brien's": "quotes", `"back slash"`: "quotes", "tricky": "quotes", "tehran": "quotes",
		"zanzibar": "long", "filler": "long",
	} {
		hits, _, err := s.Search(ctx, q, store.Page{})
		if err != nil || len(hits) != 1 || hits[0].ID != want {
			t.Errorf("Search(%q) = %v, %v; want %s", q, hitIDs(hits), err, want)
		}
	}
}

func hitIDs(hits []store.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

// TestSearchCancelled checks that a search whose context has ended fails with the
// context's error, which the server answers 503.
func TestSearchCancelled(t *testing.T) {
	s := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := s.Search(ctx, "anything", store.Page{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Search under a cancelled context: %v; want context.Canceled", err)
	}
}
