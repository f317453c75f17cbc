package reader

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/internal/sharedtest"
)

// seedPath is the project's seed article, in the shared folder beside the repository
// (/work/shared/seed from /work/main/reader). The fuzz tests add it to their corpus when
// it is there.
const seedPath = "../../shared/seed/kerman-stampede.txt"

// TestSeedArticle reads the seed through Read, as `tocsin analyze` does. It skips with a
// visible message when the shared folder is absent, and fails instead when
// TOCSIN_REQUIRE_SHARED=1 (sharedtest also honours TOCSIN_SHARED).
func TestSeedArticle(t *testing.T) {
	path := sharedtest.Path(t, "seed/kerman-stampede.txt")
	var c collected
	if err := Read(context.Background(), path, Options{}, c.emit); err != nil {
		t.Fatal(err)
	}
	if len(c.articles) != 1 {
		t.Fatalf("emitted %q %+v", c.order, c.errs)
	}
	a := c.articles[0]
	if want := "50 mourners dead after stampede at Qasem Soleimani burial in Iran"; a.Title != want {
		t.Errorf("title = %q, want %q", a.Title, want)
	}
	if want := "People mourn fallen leader Qasem Soleimani"; a.Standfirst != want {
		t.Errorf("standfirst = %q, want %q", a.Standfirst, want)
	}
	if want := []string{"Iran", "Soleimani", "Middleeast", "UnitedStates", "DonaldTrump"}; !slices.Equal(a.Hashtags, want) {
		t.Errorf("hashtags = %q, want %q", a.Hashtags, want)
	}
	if !strings.HasPrefix(a.Body, "At least 50 people have been killed") {
		t.Errorf("body starts %q", a.Body[:min(len(a.Body), 60)])
	}
	if strings.Contains(a.Body, "#") {
		t.Errorf("body still holds a hashtag: %q", a.Body[strings.Index(a.Body, "#"):])
	}
	if !strings.HasSuffix(a.Body, `"If you attack us again, we’ll hit you again."`) {
		t.Errorf("body ends %q", a.Body[max(0, len(a.Body)-60):])
	}
	if strings.Contains(a.Body, "\n\n\n") || strings.Count(a.Body, "\n\n") != 15 {
		t.Errorf("body has %d paragraph breaks, want 15 (16 paragraphs)", strings.Count(a.Body, "\n\n"))
	}
	if a.Origin != path || a.Published != "" || a.Author != "" {
		t.Errorf("origin %q, published %q, author %q", a.Origin, a.Published, a.Author)
	}
}
