package postgres

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/storetest"
)

// linkTogether puts two reports of the Kerman stampede (which one after the other
// link into one story) from two goroutines, each transaction waiting before its commit
// until the other reaches its own commit or a second has passed, so that both link
// while neither has committed. It reports whether one story holds both.
func linkTogether(t *testing.T, s *Store) bool {
	return linkTogetherBy(t, s, func(ctx context.Context, d *doc.Document) error {
		_, err := s.Put(ctx, d)
		return err
	})
}

// linkTogetherBy is linkTogether with each report stored by put.
func linkTogetherBy(t *testing.T, s *Store, put func(context.Context, *doc.Document) error) bool {
	t.Helper()
	docs := storetest.Samples(t, 5, 6)
	var mu sync.Mutex
	arrived := 0
	all := make(chan struct{})
	s.beforeCommit = func() {
		mu.Lock()
		arrived++
		if arrived == len(docs) {
			close(all)
		}
		mu.Unlock()
		select {
		case <-all:
		case <-time.After(time.Second): // the other is waiting for this one's locks
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, len(docs))
	for i, d := range docs {
		wg.Go(func() { errs[i] = put(context.Background(), d) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return together(t, s)
}

// together reports whether one story of s holds both Kerman reports.
func together(t *testing.T, s *Store) bool {
	t.Helper()
	list, _, err := s.Stories(context.Background(), store.StoryFilter{Country: "IRN", Since: "2020-01-07", Until: "2020-01-07"}, store.Page{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range list {
		if len(st.Articles) == 2 {
			return true
		}
	}
	return false
}

// TestConcurrentLinking checks that two workers storing reports of one happening at
// the same moment make one story, and that it is the story-key locks that do it:
// without them, the same two puts make two stories.
func TestConcurrentLinking(t *testing.T) {
	serial := openTest(t)
	for _, d := range storetest.Samples(t, 5, 6) {
		if _, err := serial.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if !together(t, serial) {
		t.Fatal("the two Kerman reports, stored one after the other, are not one story")
	}
	if !linkTogether(t, openTest(t)) {
		t.Error("two reports of one happening linked at the same moment made two stories")
	}
	unlocked := openTest(t)
	unlocked.noKeyLocks = true
	if linkTogether(t, unlocked) {
		t.Error("without the key locks the two reports still made one story: this test does not exercise the race")
	}
}

// TestConcurrentPutsKeepStoriesWhole stores every sample from four goroutines and
// checks that no story lost a report to a concurrent update: each story's articles
// are those of the units linked to it.
func TestConcurrentPutsKeepStoriesWhole(t *testing.T) {
	s := openTest(t)
	docs := storetest.Samples(t)
	ctx := context.Background()
	next := make(chan int)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := range next {
				if _, err := s.Put(ctx, docs[i]); err != nil {
					t.Error(err)
				}
			}
		})
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	list, _, err := s.Stories(ctx, store.StoryFilter{}, store.Page{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range list {
		units, err := s.StoryUnits(ctx, st.ID, 10000)
		if err != nil {
			t.Fatal(err)
		}
		linked := map[string]bool{}
		for _, u := range units {
			linked[u.Article.ID] = true
		}
		if len(linked) != len(st.Articles) {
			t.Errorf("story %s lists %d articles, but units of %d are linked to it", st.ID, len(st.Articles), len(linked))
		}
	}
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM events WHERE story IS NULL`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d events without a story (%v)", n, err)
	}
}

// TestConcurrentPutsOfOneArticle puts one article from four goroutines at once, as
// two workers given the same redelivered article would: one put stores it, the others
// wait for its commit and report it already stored.
func TestConcurrentPutsOfOneArticle(t *testing.T) {
	s := openTest(t)
	d := storetest.Samples(t, 5)[0]
	var wg sync.WaitGroup
	created := make([]bool, 4)
	errs := make([]error, 4)
	for i := range created {
		wg.Go(func() { created[i], errs[i] = s.Put(context.Background(), d) })
	}
	wg.Wait()
	n := 0
	for i := range created {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if created[i] {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d of 4 concurrent puts of one article stored it; want 1", n)
	}
	rows, total, err := s.Events(context.Background(), store.EventFilter{}, store.Page{Limit: 1000})
	if err != nil || total != len(d.Events) || len(rows) != len(d.Events) {
		t.Errorf("%d event rows (%v); the article has %d", total, err, len(d.Events))
	}
}
