package postgres

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/pgtest"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/storetest"
)

// misplacedActors counts the story_actors rows whose root or country is not their
// story's (migration 0006), and returns how many rows there are.
func misplacedActors(t *testing.T, s *Store) (bad, all int) {
	t.Helper()
	err := s.pool.QueryRow(context.Background(), `SELECT
		(SELECT count(*) FROM story_actors a JOIN stories s ON s.id = a.story
			WHERE a.root <> s.root OR a.country <> s.country),
		(SELECT count(*) FROM story_actors)`).Scan(&bad, &all)
	if err != nil {
		t.Fatal(err)
	}
	return bad, all
}

// checkActorFilters: the actor filters with a root or a country, which read
// story_actors' own root and country, find the stories that the stories' root and
// country and their actors give.
func checkActorFilters(t *testing.T, s *Store, when string) {
	t.Helper()
	ctx := context.Background()
	has := func(prefix, role string) string {
		c := `EXISTS (SELECT 1 FROM story_actors WHERE story = s.id AND actor >= '` + prefix +
			`' AND actor < '` + prefixEnd(prefix) + `'`
		if role != "" {
			c += ` AND role = '` + role + `'`
		}
		return c + `)`
	}
	for _, c := range []struct {
		f    store.StoryFilter
		want string
	}{
		{store.StoryFilter{Source: "USA", Roots: []string{"19"}}, has("USA", "source") + ` AND root = '19'`},
		{store.StoryFilter{Source: "IRN", Roots: []string{"11", "17", "19"}}, has("IRN", "source") + ` AND root IN ('11', '17', '19')`},
		{store.StoryFilter{Target: "USA", Roots: []string{"17", "19"}}, has("USA", "target") + ` AND root IN ('17', '19')`},
		{store.StoryFilter{Source: "USA", Country: "IRQ"}, has("USA", "source") + ` AND country = 'IRQ'`},
		{store.StoryFilter{Target: "IRQ", Country: "IRQ", Roots: []string{"19"}}, has("IRQ", "target") + ` AND country = 'IRQ' AND root = '19'`},
		{store.StoryFilter{Dyad: [2]string{"USA", "IRN"}, Roots: []string{"19"}}, has("USA", "") + ` AND ` + has("IRN", "") + ` AND root = '19'`},
	} {
		rows, err := s.pool.Query(ctx, `SELECT id FROM stories s WHERE `+c.want)
		if err != nil {
			t.Fatal(err)
		}
		want, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		storetest.SameStories(t, s, when, c.f, want)
	}
}

// Each story_actors row carries its story's root and country, whether the 37 samples
// are stored one by one (a story's dominant code and place change as reports join
// it) or in one batch (where a later article changes a story an earlier one's actor
// rows name, and the rows are written after the stories), and after a rebuild.
func TestStoryActorsFollowStories(t *testing.T) {
	var lines []int
	for i := 1; i <= 37; i++ {
		lines = append(lines, i)
	}
	followStories(t, storetest.Samples(t, lines...), "story_actors", misplacedActors, checkActorFilters)
}

// followStories stores docs one by one, checking after each, then in one batch into
// another store and rebuilds its stories: after each step, out (the rows of table
// that are not as their stories are, of all its rows) must find none and filters
// must list what the filters it checks list.
func followStories(t *testing.T, docs []*doc.Document, table string, out func(*testing.T, *Store) (int, int), filters func(*testing.T, *Store, string)) {
	t.Helper()
	ctx := context.Background()
	one := openTest(t)
	for i, d := range docs {
		if _, err := one.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
		if bad, all := out(t, one); bad > 0 {
			t.Fatalf("Put, after sample %d: %d of %d %s rows not as their stories are", i+1, bad, all, table)
		}
	}
	filters(t, one, "Put")
	batch := openTest(t)
	if _, err := batch.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if bad, all := out(t, batch); bad > 0 || all == 0 {
		t.Errorf("PutBatch: %d of %d %s rows not as their stories are", bad, all, table)
	}
	filters(t, batch, "PutBatch")
	if _, err := batch.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	if bad, all := out(t, batch); bad > 0 || all == 0 {
		t.Errorf("after rebuild: %d of %d %s rows not as their stories are", bad, all, table)
	}
	filters(t, batch, "after rebuild")
}

// A store of schema 5, whose story_actors rows have no root or country, opened again:
// migration 0006 gives each row its story's.
func TestMigrateStoryActorsRoot(t *testing.T) {
	ctx := context.Background()
	url := pgtest.DB(t)
	s, err := Open(ctx, url, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range storetest.Samples(t, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 26) {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	s = reopenAfter(t, s, url, `DROP TABLE story_articles; DROP FUNCTION story_articles_follow CASCADE;
		DROP FUNCTION story_actors_follow CASCADE;
		ALTER TABLE story_actors DROP COLUMN root, DROP COLUMN country;
		DELETE FROM schema_migrations WHERE version >= 6`)
	bad, all := misplacedActors(t, s)
	if bad > 0 || all == 0 {
		t.Errorf("after migration 0006: %d of %d story_actors rows not at their story's root and country", bad, all)
	}
	// The table was vacuumed after the migration (vacuums): its pages are marked
	// all-visible, which only VACUUM does, and none holds an old row version.
	var pages, visible int
	if err := s.pool.QueryRow(ctx, `SELECT relpages, relallvisible FROM pg_class WHERE relname = 'story_actors'`).Scan(&pages, &visible); err != nil {
		t.Fatal(err)
	}
	if pages == 0 || visible != pages {
		t.Errorf("after migration 0006: %d of story_actors' %d pages all-visible: not vacuumed", visible, pages)
	}
	checkActorFilters(t, s, "after migration 0006")
}
