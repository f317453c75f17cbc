package postgres

import (
	"context"
	"errors"
	neturl "net/url"
	"testing"

	"github.com/tocsin-project/tocsin/internal/pgtest"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/storetest"
	"github.com/tocsin-project/tocsin/worldmap"
)

// reopenAfter runs undo on s, SQL that takes it back to an older schema, closes it and
// opens the store at url again, so that the migrations since run on its rows; the
// store it returns is closed when the test ends.
func reopenAfter(t *testing.T, s *Store, url, undo string) *Store {
	t.Helper()
	ctx := context.Background()
	if _, err := s.pool.Exec(ctx, undo); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(ctx, url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestMigrateStoryPlace takes a store back to schema version 1 (no story coordinates,
// no series sums) and opens it again: migration 0002 fills each story's coordinates
// from its JSON.
func TestMigrateStoryPlace(t *testing.T) {
	ctx := context.Background()
	url := pgtest.DB(t)
	s, err := Open(ctx, url, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range storetest.Samples(t, 5, 6, 7, 26) {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	want := mapped(t, s)
	// Back to version 1: undo 0007, 0006, 0004, 0003 and 0002.
	s = reopenAfter(t, s, url, `DROP TABLE story_articles; DROP FUNCTION story_articles_follow CASCADE;
		DROP FUNCTION story_actors_follow CASCADE;
		ALTER TABLE story_actors DROP COLUMN root, DROP COLUMN country;
		DROP TABLE series_weeks, series_counted, series_dirty;
		DROP FUNCTION series_dirty_story, series_dirty_actor CASCADE;
		DROP INDEX stories_day_root;
		ALTER TABLE stories DROP COLUMN lat, DROP COLUMN lon;
		DELETE FROM schema_migrations WHERE version >= 2`)
	got := mapped(t, s)
	if len(want) == 0 || len(got) != len(want) {
		t.Fatalf("after the migration %d map stories; before %d", len(got), len(want))
	}
	placed := 0
	for id, m := range want {
		if got[id] != m {
			t.Errorf("story %s: %+v after the migration, %+v before", id, got[id], m)
		}
		if m.HasPlace {
			placed++
		}
	}
	if placed == 0 {
		t.Error("no story has a place: the test checks nothing")
	}
	// Migration 0004 sums the stored stories into series_weeks (flushSeries).
	var dirty, weeks int
	if err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM series_dirty), (SELECT count(*) FROM series_weeks)`).Scan(&dirty, &weeks); err != nil || dirty != 0 || weeks == 0 {
		t.Errorf("after migration 0004: %d stories left to sum, %d weeks of series summed, %v", dirty, weeks, err)
	}
}

func mapped(t *testing.T, s *Store) map[string]worldmap.Story {
	t.Helper()
	out := map[string]worldmap.Story{}
	err := s.MapStories(context.Background(), "0000-01-01", "9999-12-31", func(m *worldmap.Story) error {
		out[m.ID] = *m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestOpenWithoutCreate checks that a missing database, or one without the schema, is
// ErrNoDatabase when Open may not create, and that nothing is created.
func TestOpenWithoutCreate(t *testing.T) {
	ctx := context.Background()
	url := pgtest.DB(t) // empty: no schema
	if _, err := Open(ctx, url, Options{}); !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("Open of an empty database: %v; want ErrNoDatabase", err)
	}
	s, err := Open(ctx, url, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, total, err := s.List(ctx, store.Page{}); err != nil || total != 0 {
		t.Errorf("new store: %d articles, %v", total, err)
	}
	u, err := neturl.Parse(url)
	if err != nil {
		t.Fatal(err)
	}
	u.Path += "_missing"
	if _, err := Open(ctx, u.String(), Options{}); !errors.Is(err, ErrNoDatabase) {
		t.Errorf("Open of a database that does not exist: %v; want ErrNoDatabase", err)
	}
}
