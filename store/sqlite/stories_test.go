package sqlite

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline/standard"
	"github.com/tocsin-project/tocsin/samples"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/story"
)

// analysedSamples analyses the sample articles at the given 1-based lines.
func analysedSamples(t *testing.T, lines ...int) []*doc.Document {
	t.Helper()
	p, err := standard.New(standard.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var all []*article.Article
	sc := bufio.NewScanner(bytes.NewReader(samples.JSONL()))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ Title, Text, Published, Source, URL, Language string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		all = append(all, &article.Article{Title: a.Title, Body: a.Text, Published: a.Published, Source: a.Source, URL: a.URL, Language: a.Language})
	}
	var docs []*doc.Document
	for _, l := range lines {
		d, err := p.Analyze(context.Background(), all[l-1])
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// storyDump is every story of s as JSON, in listing order, linking state included.
func storyDump(t *testing.T, s *Store) string {
	t.Helper()
	rows, err := s.db.Query(`SELECT story_json FROM stories ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b bytes.Buffer
	for rows.Next() {
		var js string
		if err := rows.Scan(&js); err != nil {
			t.Fatal(err)
		}
		b.WriteString(js + "\n")
	}
	return b.String()
}

func count(t *testing.T, s *Store, q string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPutLinksStories(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	// Three reports of the Kerman stampede and one of the Elazig quake.
	docs := analysedSamples(t, 5, 6, 7, 26)
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM events WHERE story IS NULL`); n != 0 {
		t.Errorf("%d event rows without a story", n)
	}
	if n := count(t, s, `SELECT count(*) FROM casualties WHERE story IS NULL`); n != 0 {
		t.Errorf("%d casualty rows without a story", n)
	}
	list, total, err := s.Stories(ctx, store.StoryFilter{Country: "IRN", Since: "2020-01-07", Until: "2020-01-07"}, store.Page{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var kerman *story.Story
	for _, st := range list {
		if len(st.Articles) == 3 {
			kerman = st
		}
		if st.State != nil {
			t.Errorf("story %s listed with its linking state", st.ID)
		}
	}
	if kerman == nil || total != len(list) {
		t.Fatalf("no story of the three Kerman reports among %d (total %d)", len(list), total)
	}
	if k := kerman.Casualties["killed"]; k == nil || k.Best != 50 || len(k.Claims) != 3 {
		t.Errorf("Kerman killed: %+v; want best 50 from 3 claims", k)
	}
	// Each event row carries its story and the story's counts (GDELT's NumMentions...).
	rows, _, err := s.Events(ctx, store.EventFilter{Article: kerman.Articles[0].ID}, store.Page{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	inKerman := 0
	for _, r := range rows {
		if r.Story == "" {
			t.Errorf("event %d has no story", r.ID)
		}
		if r.Story == kerman.ID {
			inKerman++
			if r.StoryMentions != kerman.Mentions || r.StorySources != 3 || r.StoryArticles != 3 {
				t.Errorf("event %d: story counts %d/%d/%d, want %d/3/3", r.ID, r.StoryMentions, r.StorySources, r.StoryArticles, kerman.Mentions)
			}
		}
	}
	if inKerman == 0 && kerman.Mentions > 0 {
		t.Errorf("no event of the first Kerman report is in its story")
	}
	units, err := s.StoryUnits(ctx, kerman.ID, 100)
	if err != nil {
		t.Fatal(err)
	}
	arts := map[string]bool{}
	for _, u := range units {
		arts[u.Article.ID] = true
	}
	if len(arts) != 3 {
		t.Errorf("Kerman story has units of %d articles, want 3", len(arts))
	}
	one, err := s.Story(ctx, kerman.ID)
	if err != nil || one.ID != kerman.ID || one.Label != kerman.Label {
		t.Errorf("Story(%s): %v, %v", kerman.ID, one, err)
	}
	if _, err := s.Story(ctx, "st-nope"); !errors.Is(err, store.ErrNoStory) {
		t.Errorf("unknown story: got %v, want ErrNoStory", err)
	}
	tur, _, err := s.Stories(ctx, store.StoryFilter{Country: "TUR"}, store.Page{})
	if err != nil || len(tur) != 1 || tur[0].Casualties["killed"] == nil || tur[0].Casualties["killed"].Best != 22 {
		t.Errorf("country TUR: %d stories (%v), want the Elazig quake with 22 killed", len(tur), err)
	}
	q, _, err := s.Stories(ctx, store.StoryFilter{Text: "Elazig"}, store.Page{})
	if err != nil || len(q) == 0 {
		t.Fatalf("q=Elazig: %d stories, %v", len(q), err)
	}
	for _, st := range q {
		if st.Articles[0].Title != docs[3].Title {
			t.Errorf("q=Elazig gave a story of %q", st.Articles[0].Title)
		}
	}
	if _, _, err := s.Stories(ctx, store.StoryFilter{Text: "--"}, store.Page{}); !errors.As(err, new(*store.FilterError)) {
		t.Errorf("bad query: got %v, want a *store.FilterError", err)
	}

	// Re-ingesting changes nothing; rebuilding from the stored units gives the same stories.
	before := storyDump(t, s)
	for _, d := range docs {
		if created, err := s.Put(ctx, d); err != nil || created {
			t.Fatalf("second put: created %v, %v", created, err)
		}
	}
	if after := storyDump(t, s); after != before {
		t.Errorf("re-ingest changed the stories")
	}
	n, err := s.RebuildStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after := storyDump(t, s); after != before || n != count(t, s, `SELECT count(*) FROM stories`) {
		t.Errorf("rebuild changed the stories:\n%s\nvs\n%s", before, after)
	}
}

func TestMigrateLinksStoredArticles(t *testing.T) {
	s := openV1(t)
	if n := count(t, s, `SELECT count(*) FROM stories`); n == 0 {
		t.Fatal("no stories linked for the articles of a schema-1 store")
	}
	if n := count(t, s, `SELECT count(*) FROM events WHERE story IS NULL`); n != 0 {
		t.Errorf("%d event rows without a story after the migration", n)
	}
	if n := count(t, s, `SELECT count(*) FROM story_units su LEFT JOIN stories st ON st.id = su.story WHERE st.id IS NULL`); n != 0 {
		t.Errorf("%d units point to no story", n)
	}
}
