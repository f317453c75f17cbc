package sqlite

import (
	"context"
	"testing"

	"github.com/tocsin-project/tocsin/store"
)

// A store written before stories existed, upgraded: every event row's story counts
// (joined from story_sources, which migration 0008's backfill fills) are its story's
// mentions, outlets and articles, the same in a filtered walk as in the whole walk.
func TestStoryCountsAfterUpgrade(t *testing.T) {
	ctx := context.Background()
	s := openV1(t)
	defer s.Close()
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
		t.Fatalf("no event of the upgraded store has a story (%d events)", len(rows))
	}
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
