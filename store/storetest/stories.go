package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/tocsin-project/tocsin/store"
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
