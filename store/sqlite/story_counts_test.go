package sqlite

import (
	"context"
	"testing"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/storetest"
)

// A store written before stories existed, upgraded: every event row's story counts
// (joined from story_counts, which migration 0012 fills from story_sources, which
// 0008's backfill fills) are its story's mentions, outlets and articles, the same in a
// filtered walk as in the whole walk.
func TestStoryCountsAfterUpgrade(t *testing.T) {
	s := openV1(t)
	defer s.Close()
	rows := checkStoryCounts(t, s)
	if len(rows) > 0 {
		one := allEvents(t, s, store.EventFilter{Article: rows[0].ArticleID})
		for _, r := range one {
			want := rows[0]
			for _, w := range rows {
				if w.ID == r.ID {
					want = w
				}
			}
			if r.StoryMentions != want.StoryMentions || r.StorySources != want.StorySources || r.StoryArticles != want.StoryArticles {
				t.Errorf("event %d: filtered walk counts differ from the whole walk's", r.ID)
			}
		}
	}
}

// The counts an export reads by story number (story_counts, events.story_seq, kept
// by migration 0012's triggers) follow the stories as Put links each new report, and
// as a rebuild deletes and links them all again.
func TestStoryCountsFollowLinking(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	docs := storetest.Samples(t)
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	grown := count(t, s, `SELECT count(*) FROM story_counts WHERE articles > 1`)
	if grown == 0 {
		t.Fatalf("no story of the %d samples has more than one article", len(docs))
	}
	checkStoryCounts(t, s)
	if _, err := s.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, `SELECT count(*) FROM story_counts WHERE articles > 1`); n != grown {
		t.Errorf("after the rebuild %d stories have more than one article, before %d", n, grown)
	}
	checkStoryCounts(t, s)
}

// checkStoryCounts checks that every event row of s has its story's counts (none
// without a story), and that story_counts holds one row per story; it returns the
// rows of the whole walk.
func checkStoryCounts(t *testing.T, s *Store) []store.EventRow {
	t.Helper()
	ctx := context.Background()
	rows := allEvents(t, s, store.EventFilter{})
	withStory := 0
	for _, r := range rows {
		if r.Story == "" {
			if r.StoryMentions != 0 || r.StorySources != 0 || r.StoryArticles != 0 {
				t.Errorf("event %d has no story but counts %d/%d/%d", r.ID, r.StoryMentions, r.StorySources, r.StoryArticles)
			}
			continue
		}
		withStory++
		st, err := s.Story(ctx, r.Story)
		if err != nil {
			t.Fatal(err)
		}
		if r.StoryMentions != st.Mentions || r.StorySources != len(st.Sources) || r.StoryArticles != len(st.Articles) {
			t.Errorf("event %d of story %s: counts %d/%d/%d, want %d/%d/%d", r.ID, r.Story,
				r.StoryMentions, r.StorySources, r.StoryArticles, st.Mentions, len(st.Sources), len(st.Articles))
		}
	}
	if withStory == 0 {
		t.Fatalf("no event has a story (%d events)", len(rows))
	}
	if n, m := count(t, s, `SELECT count(*) FROM story_counts`), count(t, s, `SELECT count(*) FROM stories`); n != m {
		t.Errorf("story_counts has %d rows for %d stories", n, m)
	}
	return rows
}
