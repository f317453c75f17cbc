package store

import (
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/story"
)

// CasualtyStories is the story of each casualty count of d, after its units were
// linked (of[i] is the story of units[i]): the story of the unit whose incident holds
// the count, else of the unit that carries the article's claims (the first with
// claims, else the first unit). It is nil when d has no units or no counts. Both
// stores record it on their casualty rows.
func CasualtyStories(d *doc.Document, units []story.Unit, of []*story.Story) []string {
	if d == nil || len(units) == 0 || len(d.Casualties) == 0 {
		return nil
	}
	claimant := 0
	for i := range units {
		if len(units[i].Claims) > 0 {
			claimant = i
			break
		}
	}
	storyOf := make([]string, len(d.Casualties))
	for i := range units {
		for _, in := range units[i].Incidents {
			if in < 0 || in >= len(d.Incidents) {
				continue
			}
			for _, c := range d.Incidents[in].Casualties {
				if c >= 0 && c < len(storyOf) && storyOf[c] == "" {
					storyOf[c] = of[i].ID
				}
			}
		}
	}
	for c := range storyOf {
		if storyOf[c] == "" {
			storyOf[c] = of[claimant].ID
		}
	}
	return storyOf
}
