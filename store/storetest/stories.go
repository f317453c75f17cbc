package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/tocsin-project/tocsin/store"
)

// StoryArticlePairs selects what the story_articles table must hold, the (article, story)
// pairs of story_units with the story's day, seq, root and country; StoryArticleRows
// selects what it holds. Both backends' tests compare the two with EXCEPT both ways.
const (
	StoryArticlePairs = `SELECT DISTINCT u.article, u.story, s.day, s.seq, s.root, s.country
		FROM story_units u JOIN stories s ON s.id = u.story`
	StoryArticleRows = `SELECT article, story, day, seq, root, country FROM story_articles`
)

// SameStories checks that s lists, for filter f, exactly the stories whose IDs want
// holds (what a backend's own query of its tables gives, in any order), and that there
// are some to compare; when says at which step of the caller's test.
func SameStories(t *testing.T, s store.StoryStore, when string, f store.StoryFilter, want []string) {
	t.Helper()
	list, total, err := s.Stories(context.Background(), f, store.Page{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, st := range list {
		got = append(got, st.ID)
	}
	slices.Sort(got)
	want = slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) || total != len(want) {
		t.Errorf("%s: stories %+v: %v (total %d), the actors give %v", when, f, got, total, want)
	}
	if len(want) == 0 {
		t.Errorf("%s: stories %+v: none to compare", when, f)
	}
}

// TextFilters are story filters with a text query, alone and with each other filter,
// for stores that hold StorySamples: a backend's test lists each with Stories and
// compares the page with what its own query of its units gives (SameStoryPage).
var TextFilters = []store.StoryFilter{
	{Text: "Soleimani"},
	{Text: "killed"},
	{Text: "Iran OR Ukrainian"},
	{Text: "Iran -Soleimani"},
	{Text: `"brain injuries"`},
	{Text: "Solei*"},
	{Text: "Iran", Roots: []string{"19"}},
	{Text: "Iran", Roots: []string{"17", "19"}},
	{Text: "killed", Country: "IRN"},
	{Text: "killed", Country: "IRQ", Roots: []string{"19"}},
	{Text: "Iran", Source: "USA"},
	{Text: "Iran", Target: "IRN", Roots: []string{"19"}},
	{Text: "Iran", Dyad: [2]string{"USA", "IRN"}},
	{Text: "Iran", Dyad: [2]string{"USAMIL", "IRN"}},
	{Text: "killed", Since: "2020-01-08", Until: "2020-12-31"},
}

// StorySamples are the lines of the bundled samples that TextFilters are for: the
// first 37, a few stories of several reports each.
func StorySamples() []int {
	lines := make([]int, 37)
	for i := range lines {
		lines[i] = i + 1
	}
	return lines
}

// SameStoryPage checks that s lists, for filter f, the stories whose IDs want holds
// in want's order (a backend's own query of the stories that f gives, in listing
// order), with their total, whole and as the page of two after the first; and that
// there are some to compare.
func SameStoryPage(t *testing.T, s store.StoryStore, when string, f store.StoryFilter, want []string) {
	t.Helper()
	for _, page := range []store.Page{{Limit: 1000}, {Limit: 2, Offset: 1}} {
		list, total, err := s.Stories(context.Background(), f, page)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, st := range list {
			got = append(got, st.ID)
		}
		w := want[min(page.Offset, len(want)):min(page.Offset+page.Limit, len(want))]
		if !slices.Equal(got, w) || total != len(want) {
			t.Errorf("%s: stories %+v, page %+v: %v (total %d), want %v (total %d)", when, f, page, got, total, w, len(want))
		}
	}
	if len(want) == 0 {
		t.Errorf("%s: stories %+v: none to compare", when, f)
	}
}
