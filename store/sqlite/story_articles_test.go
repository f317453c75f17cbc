package sqlite

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/store/storetest"
	"github.com/tocsin-project/tocsin/story"
)

// misfiledArticles counts the story_articles rows that are not an (article, story)
// pair of story_units with the story's day, seq, root and country, and the pairs that
// have no row (migration 0015); and returns how many rows there are.
func misfiledArticles(t *testing.T, s *Store) (bad, all int) {
	t.Helper()
	const pairs, rows = storetest.StoryArticlePairs, storetest.StoryArticleRows
	bad = count(t, s, `SELECT count(*) FROM (`+rows+` EXCEPT `+pairs+`)`) +
		count(t, s, `SELECT count(*) FROM (`+pairs+` EXCEPT `+rows+`)`)
	return bad, count(t, s, `SELECT count(*) FROM story_articles`)
}

// storyOrders is each story's day, root and country, by ID.
func storyOrders(t *testing.T, s *Store) map[string]string {
	t.Helper()
	rows, err := s.db.Query(`SELECT id, day || ' ' || root || ' ' || country FROM stories`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, v string
		if err := rows.Scan(&id, &v); err != nil {
			t.Fatal(err)
		}
		out[id] = v
	}
	return out
}

// checkTextFilters: each of storetest.TextFilters lists the stories, in their order,
// that the text filter gave before migration 0015, the stories of the units of the
// articles that match, with the other filters as they are.
func checkTextFilters(t *testing.T, s *Store, when string) {
	t.Helper()
	for _, f := range storetest.TextFilters {
		match, err := ftsQuery(f.Text)
		if err != nil {
			t.Fatal(err)
		}
		where, args, err := storyWhere(f)
		if err != nil {
			t.Fatal(err)
		}
		cond := `s.id IN (SELECT story FROM story_units WHERE article IN
			(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))`
		if where == "" {
			where = " WHERE " + cond
		} else {
			where += " AND " + cond
		}
		want := queryIDs(t, s, `SELECT s.id FROM stories s`+where+` ORDER BY s.day DESC, s.seq DESC`, append(args, match)...)
		storetest.SameStoryPage(t, s, when, f, want)
	}
}

// story_articles holds each (article, story) pair of story_units with its story's
// day, seq, root and country as Put links reports (a story's first day, dominant
// code and place change as reports join it: its rows follow), as a story is saved
// with others, and after a rebuild; and the text filter, which reads it, lists the
// stories it listed from the units.
func TestStoryArticlesFollowStories(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	putFollowing(t, s, analysedSamples(t, storetest.StorySamples()...), "story_articles", misfiledArticles, storyOrders)
	checkTextFilters(t, s, "after ingest")

	// A story saved with another day, root and country, as saveStory writes a grown
	// one, takes its rows along.
	var id string
	if err := s.db.QueryRow(`SELECT story FROM story_articles GROUP BY story
		ORDER BY count(*) DESC, story LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	st := resaveStory(t, s, id, func(st *story.Story) {
		root := "20"
		if st.Root == root {
			root = "01"
		}
		st.Date, st.Root, st.Code = "1999-12-31", root, root+"0"
	})
	if bad, _ := misfiledArticles(t, s); bad > 0 {
		t.Errorf("after saving story %s on %s with root %s: %d story_articles rows left behind", id, st.Date, st.Root, bad)
	}
	checkTextFilters(t, s, "after a story moved")

	if _, err := s.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	if bad, all := misfiledArticles(t, s); bad > 0 || all == 0 {
		t.Errorf("after rebuild: %d of %d story_articles rows not their units' stories as they are", bad, all)
	}
	checkTextFilters(t, s, "after rebuild")
}

// A store of schema 14, without story_articles, upgraded: migration 0015 fills it
// from the units, and the text filter lists what it listed before.
func TestMigrateStoryArticles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range analysedSamples(t, storetest.StorySamples()...) {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	// Back to schema 14: what 0015 adds undone, checked against a new store of 14.
	if _, err := s.db.Exec(`DROP TABLE story_articles; DROP TRIGGER story_articles_insert;
		DROP TRIGGER story_articles_follow; DELETE FROM schema_migrations WHERE version >= 15`); err != nil {
		t.Fatal(err)
	}
	ref := openAt(t, filepath.Join(t.TempDir(), "v14.db"), 14)
	if got, want := schemaOf(t, s), schemaOf(t, ref); !slices.Equal(got, want) {
		t.Fatalf("the store taken back is not of schema 14:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	ref.Close()
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if bad, all := misfiledArticles(t, s); bad > 0 || all == 0 {
		t.Errorf("after migration 0015: %d of %d story_articles rows not their units' stories", bad, all)
	}
	checkTextFilters(t, s, "after migration 0015")
}
