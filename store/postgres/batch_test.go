package postgres

import (
	"context"
	"reflect"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/storetest"
)

// dump is what a store gives back of its articles: each event row (its ID included,
// but for the ingest time) and each story with its articles, in order.
func dump(t *testing.T, s *Store) (events []store.EventRow, stories []string) {
	t.Helper()
	ctx := context.Background()
	err := s.EachEvent(ctx, store.EventFilter{}, func(r *store.EventRow) error {
		c := *r
		c.Ingested = ""
		events = append(events, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	list, _, err := s.Stories(ctx, store.StoryFilter{}, store.Page{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range list {
		stories = append(stories, st.ID+" "+st.Label+" "+st.Date+" "+st.DateEnd)
		for _, a := range st.Articles {
			stories = append(stories, "  "+a.ID)
		}
	}
	return events, stories
}

// TestPutBatchIsPutInOrder stores the 37 samples with Put, one by one, and with
// PutBatch in batches of 8 (the first batch holding one article twice): the same
// event rows, IDs included, and the same stories. A second PutBatch of them all finds
// every one stored and changes nothing.
func TestPutBatchIsPutInOrder(t *testing.T) {
	ctx := context.Background()
	docs := storetest.Samples(t)
	one, batched := openTest(t), openTest(t)
	for _, d := range docs {
		if created, err := one.Put(ctx, d); err != nil || !created {
			t.Fatalf("put %s: %v, %v", d.ID, created, err)
		}
	}
	for lo := 0; lo < len(docs); lo += 8 {
		b := docs[lo:min(lo+8, len(docs))]
		if lo == 0 {
			b = append(b[:len(b):len(b)], docs[2])
		}
		created, err := batched.PutBatch(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range created {
			if want := !(lo == 0 && i == len(b)-1); c != want {
				t.Errorf("batch at %d, document %d (%s): created %v, want %v", lo, i, b[i].ID, c, want)
			}
		}
	}
	ev1, st1 := dump(t, one)
	ev2, st2 := dump(t, batched)
	if len(ev1) == 0 || len(ev1) != len(ev2) {
		t.Fatalf("events: Put %d rows, PutBatch %d", len(ev1), len(ev2))
	}
	for i := range ev1 {
		if !reflect.DeepEqual(ev1[i], ev2[i]) {
			t.Fatalf("event row %d differs:\nPut      %+v\nPutBatch %+v", i, ev1[i], ev2[i])
		}
	}
	if !reflect.DeepEqual(st1, st2) {
		t.Errorf("stories differ: Put %d lines, PutBatch %d", len(st1), len(st2))
	}
	created, err := batched.PutBatch(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range created {
		if c {
			t.Errorf("second PutBatch stored %s again", docs[i].ID)
		}
	}
	if ev3, st3 := dump(t, batched); !reflect.DeepEqual(ev2, ev3) || !reflect.DeepEqual(st2, st3) {
		t.Error("a second PutBatch of the same articles changed the store")
	}
}

// TestPutBatchLinksAsOneByOne stores the 37 samples in one batch, whose linking
// reads the stored stories once and sees its own in memory (linkBatch), and then
// links them again one article after the other, each reading what the one before
// wrote (RebuildStories): the same stories, with the same articles.
func TestPutBatchLinksAsOneByOne(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.PutBatch(ctx, storetest.Samples(t)); err != nil {
		t.Fatal(err)
	}
	_, batched := dump(t, s)
	if _, err := s.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	_, one := dump(t, s)
	if len(one) == 0 || !reflect.DeepEqual(batched, one) {
		t.Errorf("stories linked in one batch (%d lines) differ from those linked one by one (%d lines):\nbatch      %q\none by one %q", len(batched), len(one), batched, one)
	}
}

// TestPutBatchRefusesWhole checks that a batch with a document the store refuses
// stores none of them.
func TestPutBatchRefusesWhole(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	docs := storetest.Samples(t, 1, 2)
	bad := *docs[1]
	bad.Title = "a title with a NUL \x00 byte" // PostgreSQL text cannot hold one
	if _, err := s.PutBatch(ctx, []*doc.Document{docs[0], &bad}); err == nil {
		t.Fatal("a batch with a NUL byte in a title was stored")
	}
	if _, n, err := s.List(ctx, store.Page{}); err != nil || n != 0 {
		t.Errorf("%d articles stored (%v) after a refused batch; want none", n, err)
	}
}

// TestConcurrentBatchLinking is TestConcurrentLinking with each report stored in a
// batch of its own, beside another article: two batches linking reports of one
// happening at the same moment make one story, and without the key locks two.
func TestConcurrentBatchLinking(t *testing.T) {
	// Each batch's other article is its own: a batch putting an article another
	// batch is putting waits for that one's commit at the insert, before linking.
	others := map[string]*doc.Document{}
	for i, d := range storetest.Samples(t, 5, 6) {
		others[d.ID] = storetest.Samples(t, 1, 2)[i]
	}
	batch := func(s *Store) func(context.Context, *doc.Document) error {
		return func(ctx context.Context, d *doc.Document) error {
			_, err := s.PutBatch(ctx, []*doc.Document{d, others[d.ID]})
			return err
		}
	}
	s := openTest(t)
	if !linkTogetherBy(t, s, batch(s)) {
		t.Error("two batches with reports of one happening, linked at the same moment, made two stories")
	}
	unlocked := openTest(t)
	unlocked.noKeyLocks = true
	if linkTogetherBy(t, unlocked, batch(unlocked)) {
		t.Error("without the key locks the two reports still made one story: this test does not exercise the race")
	}
}
