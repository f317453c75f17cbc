package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/storetest"
	"github.com/tocsin-project/tocsin/story"
)

// misplacedActors counts the story_actors rows whose root or country is not their
// story's (migration 0014), and returns how many rows there are.
func misplacedActors(t *testing.T, s *Store) (bad, all int) {
	t.Helper()
	bad = count(t, s, `SELECT count(*) FROM story_actors a JOIN stories s ON s.id = a.story
		WHERE a.root <> s.root OR a.country <> s.country`)
	return bad, count(t, s, `SELECT count(*) FROM story_actors`)
}

// storyPlaces is each story's root and country, by ID.
func storyPlaces(t *testing.T, s *Store) map[string]string {
	t.Helper()
	rows, err := s.db.Query(`SELECT id, root, country FROM stories
		WHERE id IN (SELECT story FROM story_actors)`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, root, country string
		if err := rows.Scan(&id, &root, &country); err != nil {
			t.Fatal(err)
		}
		out[id] = root + " " + country
	}
	return out
}

// The actor filters with a root or a country, which read story_actors' own root and
// country, find the stories that the stories' root and country and their actors
// give (an actor checked on each story, as before migration 0014).
func checkActorFilters(t *testing.T, s *Store, when string) {
	t.Helper()
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
		{store.StoryFilter{Dyad: [2]string{"USAMIL", "IRN"}, Roots: []string{"19"}}, has("USAMIL", "") + ` AND ` + has("IRN", "") + ` AND root = '19'`},
		{store.StoryFilter{Source: "USA", Roots: []string{"19"}, Since: "2020-01-04"}, has("USA", "source") + ` AND root = '19' AND day >= '2020-01-04'`},
	} {
		want := queryIDs(t, s, `SELECT id FROM stories s WHERE `+c.want)
		storetest.SameStories(t, s, when, c.f, want)
	}
}

// Each story_actors row carries its story's root and country as Put links reports
// (a story's dominant code and place change as reports join it: its rows follow), as
// a story is saved with another root and country, and after a rebuild.
func TestStoryActorsFollowStories(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var lines []int
	for i := 1; i <= 37; i++ {
		lines = append(lines, i)
	}
	putFollowing(t, s, analysedSamples(t, lines...), "story_actors", misplacedActors, storyPlaces)
	checkActorFilters(t, s, "after ingest")

	// A story saved with another root and country (as saveStory writes a grown one)
	// takes its actor rows along: the filters find it under the new ones only.
	var id, actor, root string
	if err := s.db.QueryRow(`SELECT a.story, a.actor, s.root FROM story_actors a JOIN stories s ON s.id = a.story
		WHERE a.role = 'source' AND s.root <> '' ORDER BY s.seq LIMIT 1`).Scan(&id, &actor, &root); err != nil {
		t.Fatal(err)
	}
	newRoot := "20"
	if root == newRoot {
		newRoot = "01"
	}
	st := resaveStory(t, s, id, func(st *story.Story) {
		st.Root, st.Code = newRoot, newRoot+"0"
		if st.Place != nil {
			st.Place.Country = "ZZZ"
		}
	})
	if bad, _ := misplacedActors(t, s); bad > 0 {
		t.Errorf("after saving story %s with root %s: %d story_actors rows left behind", id, newRoot, bad)
	}
	find := func(roots ...string) bool {
		list, _, err := s.Stories(ctx, store.StoryFilter{Source: actor, Roots: roots}, store.Page{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		return slices.ContainsFunc(list, func(x *story.Story) bool { return x.ID == id })
	}
	if !find(newRoot) || find(root) {
		t.Errorf("story %s saved with root %s: found under it %v, under its old root %s %v", id, newRoot, find(newRoot), root, find(root))
	}
	if st.Place != nil {
		list, _, err := s.Stories(ctx, store.StoryFilter{Source: actor, Country: "ZZZ"}, store.Page{Limit: 10})
		if err != nil || len(list) != 1 || list[0].ID != id {
			t.Errorf("story %s moved to ZZZ: --source %s --country ZZZ gave %d stories, %v", id, actor, len(list), err)
		}
	}

	if _, err := s.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	if bad, all := misplacedActors(t, s); bad > 0 || all == 0 {
		t.Errorf("after rebuild: %d of %d story_actors rows not at their story's root and country", bad, all)
	}
	checkActorFilters(t, s, "after rebuild")
}

// putFollowing stores docs one by one into s, checking after each that out (the rows
// of table that are not as their stories are, of all its rows) finds none, and fails
// unless some story's state (its key values by ID, as state reads them) changed as
// reports joined: otherwise the test checks nothing there.
func putFollowing(t *testing.T, s *Store, docs []*doc.Document, table string, out func(*testing.T, *Store) (int, int), state func(*testing.T, *Store) map[string]string) {
	t.Helper()
	moved := 0
	before := map[string]string{}
	for i, d := range docs {
		if _, err := s.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if bad, all := out(t, s); bad > 0 {
			t.Fatalf("after sample %d: %d of %d %s rows not as their stories are", i+1, bad, all, table)
		}
		after := state(t, s)
		for id, v := range before {
			if after[id] != v {
				moved++
			}
		}
		before = after
	}
	if moved == 0 {
		t.Fatalf("no story of %s changed during ingest: the test checks nothing there", table)
	}
}

// resaveStory saves story id again, changed by change, as saveStory writes a grown
// story, and returns it.
func resaveStory(t *testing.T, s *Store, id string, change func(*story.Story)) *story.Story {
	t.Helper()
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	st, err := loadStory(ctx, tx, id)
	if err != nil {
		t.Fatal(err)
	}
	change(st)
	sts := &stmts{ctx: ctx, tx: tx, m: map[string]*sql.Stmt{}}
	if err := saveStory(sts, st, false); err != nil {
		t.Fatal(err)
	}
	sts.close()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return st
}

// openAt opens the database at path with the first n migrations only: a store as the
// tocsin of schema version n left it.
func openAt(t *testing.T, path string, n int) *Store {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	link, err := newLinking()
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{path: path, db: db, write: make(chan struct{}, 1), link: link}
	migs, err := loadMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.migrate(ctx, migs[:n]); err != nil {
		t.Fatal(err)
	}
	return s
}

// schemaOf lists the tables, indexes and triggers of s, the indexes' and triggers'
// SQL, and story_actors' columns.
// queryIDs returns the first column of query q's rows: the stories a test's own SQL
// lists, to compare with what a filter lists.
func queryIDs(t *testing.T, s *Store, q string, args ...any) []string {
	t.Helper()
	rows, err := s.db.Query(q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

func schemaOf(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	for _, q := range []string{`SELECT type || ' ' || name || ' ' || CASE type WHEN 'table' THEN '' ELSE coalesce(sql, '') END
			FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1`,
		`SELECT 'column ' || name || ' ' || type FROM pragma_table_info('story_actors') ORDER BY cid`} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var x string
			if err := rows.Scan(&x); err != nil {
				t.Fatal(err)
			}
			out = append(out, x)
		}
		rows.Close()
	}
	return out
}

// A store of schema 13, whose story_actors rows have no root or country, upgraded:
// migration 0014 gives each row its story's, and the filters that read them find what
// the stories say.
func TestMigrateStoryActorsRoot(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range analysedSamples(t, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 26) {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	// Back to schema 13: what 0014 and 0015 add undone, checked against a new store of 13.
	if _, err := s.db.Exec(`DROP TABLE story_articles; DROP TRIGGER story_articles_insert; DROP TRIGGER story_articles_follow;
		DROP TRIGGER story_actors_follow; DROP INDEX story_actors_root;
		ALTER TABLE story_actors DROP COLUMN root; ALTER TABLE story_actors DROP COLUMN country;
		DROP INDEX stories_id_order; CREATE INDEX stories_id_order ON stories(id, day, seq);
		DROP INDEX stories_root; CREATE INDEX stories_root ON stories(root, day, seq, id);
		DROP INDEX stories_country; CREATE INDEX stories_country ON stories(country, day, seq, id);
		DELETE FROM schema_migrations WHERE version >= 14`); err != nil {
		t.Fatal(err)
	}
	ref := openAt(t, filepath.Join(t.TempDir(), "v13.db"), 13)
	if got, want := schemaOf(t, s), schemaOf(t, ref); !slices.Equal(got, want) {
		t.Fatalf("the store taken back is not of schema 13:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	ref.Close()
	if n := count(t, s, `SELECT count(*) FROM stories WHERE root <> '' AND id IN (SELECT story FROM story_actors)`); n == 0 {
		t.Fatal("no story with a root and actors: the test checks nothing")
	}
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if bad, all := misplacedActors(t, s); bad > 0 || all == 0 {
		t.Errorf("after migration 0014: %d of %d story_actors rows not at their story's root and country", bad, all)
	}
	checkActorFilters(t, s, "after migration 0014")
}
