package postgres

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/tocsin-project/tocsin/internal/pgtest"
	"github.com/tocsin-project/tocsin/store/storetest"
)

// misfiledArticles counts the story_articles rows that are not an (article, story)
// pair of story_units with the story's day, seq, root and country, and the pairs that
// have no row (migration 0007); and returns how many rows there are.
func misfiledArticles(t *testing.T, s *Store) (bad, all int) {
	t.Helper()
	const pairs, rows = storetest.StoryArticlePairs, storetest.StoryArticleRows
	err := s.pool.QueryRow(context.Background(), `SELECT
		(SELECT count(*) FROM (`+rows+` EXCEPT `+pairs+`) x) + (SELECT count(*) FROM (`+pairs+` EXCEPT `+rows+`) y),
		(SELECT count(*) FROM story_articles)`).Scan(&bad, &all)
	if err != nil {
		t.Fatal(err)
	}
	return bad, all
}

// checkTextFilters: each of storetest.TextFilters lists the stories, in their order,
// that the text filter gave before migration 0007, the stories of the units of the
// articles that match, with the other filters as they are.
func checkTextFilters(t *testing.T, s *Store, when string) {
	t.Helper()
	ctx := context.Background()
	for _, f := range storetest.TextFilters {
		var a args
		where, err := storyWhere(f, &a)
		if err != nil {
			t.Fatal(err)
		}
		tsq, err := filterQuery(f.Text)
		if err != nil {
			t.Fatal(err)
		}
		cond := `s.id IN (SELECT story FROM story_units WHERE article IN
			(SELECT seq FROM articles WHERE tsv @@ ` + a.add(tsq) + `::tsquery))`
		if where == "" {
			where = " WHERE " + cond
		} else {
			where += " AND " + cond
		}
		rows, err := s.pool.Query(ctx, `SELECT s.id FROM stories s`+where+` ORDER BY s.day DESC, s.seq DESC`, a...)
		if err != nil {
			t.Fatal(err)
		}
		want, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		storetest.SameStoryPage(t, s, when, f, want)
	}
}

// story_articles holds each (article, story) pair of story_units with its story's
// day, seq, root and country, whether the samples are stored one by one (a story's
// first day, dominant code and place change as reports join it) or in one batch
// (where a later article changes a story an earlier one's rows name), and after a
// rebuild; and the text filter, which reads it, lists the stories it listed from the
// units.
func TestStoryArticlesFollowStories(t *testing.T) {
	followStories(t, storetest.Samples(t, storetest.StorySamples()...), "story_articles", misfiledArticles, checkTextFilters)
}

// A store of schema 6, without story_articles, opened again: migration 0007 fills it
// from the units, and the text filter lists what it listed before.
func TestMigrateStoryArticles(t *testing.T) {
	ctx := context.Background()
	url := pgtest.DB(t)
	s, err := Open(ctx, url, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range storetest.Samples(t, storetest.StorySamples()...) {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	s = reopenAfter(t, s, url, `DROP TABLE story_articles; DROP FUNCTION story_articles_follow CASCADE;
		DELETE FROM schema_migrations WHERE version >= 7`)
	if bad, all := misfiledArticles(t, s); bad > 0 || all == 0 {
		t.Errorf("after migration 0007: %d of %d story_articles rows not their units' stories", bad, all)
	}
	checkTextFilters(t, s, "after migration 0007")
}
