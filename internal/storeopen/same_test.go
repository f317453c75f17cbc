package storeopen

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/tocsin-project/tocsin/internal/pgtest"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/storetest"
)

// TestSameInBothStores puts the 37 sample articles, in order, into a SQLite store and
// a PostgreSQL store, opened as --db opens them, and compares what each gives back:
// the article IDs, every event row (all fields, its ID included, but for the ingest
// time) and every story.
func TestSameInBothStores(t *testing.T) {
	ctx := context.Background()
	docs := storetest.Samples(t)
	lite, err := Open(ctx, filepath.Join(t.TempDir(), "tocsin.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg, err := Open(ctx, pgtest.DB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	for _, st := range []Store{lite, pg} {
		for _, d := range docs {
			if created, err := st.Put(ctx, d); err != nil || !created {
				t.Fatalf("put %s: %v, %v", d.ID, created, err)
			}
		}
	}
	type dump struct {
		ids     []string
		events  []store.EventRow
		stories []string
	}
	read := func(st Store) dump {
		var d dump
		sums, _, err := st.List(ctx, store.Page{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sums {
			d.ids = append(d.ids, s.ID)
		}
		slices.Sort(d.ids)
		err = st.EachEvent(ctx, store.EventFilter{}, func(r *store.EventRow) error {
			c := *r
			c.Ingested = ""
			d.events = append(d.events, c)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		list, _, err := st.Stories(ctx, store.StoryFilter{}, store.Page{Limit: 10000})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range list {
			d.stories = append(d.stories, s.ID+" "+s.Label)
		}
		return d
	}
	a, b := read(lite), read(pg)
	if len(a.ids) != len(docs) || !slices.Equal(a.ids, b.ids) {
		t.Errorf("article IDs differ: SQLite %d, PostgreSQL %d", len(a.ids), len(b.ids))
	}
	if len(a.events) == 0 || len(a.events) != len(b.events) {
		t.Fatalf("events: SQLite %d rows, PostgreSQL %d", len(a.events), len(b.events))
	}
	for i := range a.events {
		if !reflect.DeepEqual(a.events[i], b.events[i]) {
			t.Errorf("event row %d differs:\nSQLite     %+v\nPostgreSQL %+v", i, a.events[i], b.events[i])
			break
		}
	}
	if len(a.stories) == 0 || !slices.Equal(a.stories, b.stories) {
		t.Errorf("stories differ: SQLite %d, PostgreSQL %d", len(a.stories), len(b.stories))
	}
	for _, s := range a.stories[:min(len(a.stories), 200)] {
		id := s[:len("st-0123456789abcdef")]
		x, err1 := lite.Story(ctx, id)
		y, err2 := pg.Story(ctx, id)
		if err1 != nil || err2 != nil || !reflect.DeepEqual(x, y) {
			t.Errorf("story %s differs (%v, %v)", id, err1, err2)
		}
	}
}
