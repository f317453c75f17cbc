package store

import (
	"context"
	"net/url"

	"github.com/tocsin-project/tocsin/story"
)

// StoryStore holds the stories: the reports of one real-world happening linked at
// ingest (package story), queried by StoryFilter.
type StoryStore interface {
	// Stories returns one page of the stories that match f, newest first (by their
	// first event day, then creation), and how many match in all.
	Stories(ctx context.Context, f StoryFilter, page Page) ([]*story.Story, int, error)
	// Story returns the story with the given ID, or an error wrapping ErrNoStory.
	Story(ctx context.Context, id string) (*story.Story, error)
	// StoryUnits returns the story's mentions, as the linker read them (story.Unit),
	// in ingest order, at most limit of them.
	StoryUnits(ctx context.Context, id string, limit int) ([]story.Unit, error)
	// RebuildStories relinks every stored report from its stored units, in ingest
	// order, after the linking code changed, and reports how many stories there are.
	RebuildStories(ctx context.Context) (int, error)
}

// ErrNoStory is returned when no story has the requested ID.
var ErrNoStory = storyNotFound{}

type storyNotFound struct{}

func (storyNotFound) Error() string { return "story not found" }

// StoryFilter selects stories: the event filters that apply to a story as a whole.
// Source, Target and Dyad match the actors of its events, Roots its dominant root,
// Country its place, Since and Until its first event day, Text the articles that
// report it (the store's search syntax).
type StoryFilter struct {
	Source  string
	Target  string
	Dyad    [2]string
	Roots   []string
	Country string
	Since   string
	Until   string
	Text    string
}

// StoryFilterNames are the story filters, as query parameters and flags.
var StoryFilterNames = []string{"source", "target", "dyad", "root", "country", "since", "until", "q"}

// ParseStoryFilter reads the filters in v named in StoryFilterNames, checked as
// ParseEventFilter checks them; a filter that only events have (code, quad,
// modality, article) is a *FilterError.
func ParseStoryFilter(v url.Values) (StoryFilter, error) {
	for _, name := range []string{"code", "quad", "modality", "article"} {
		if _, ok := v[name]; ok {
			return StoryFilter{}, &FilterError{name, v.Get(name), "not a story filter (stories take " + joinNames(StoryFilterNames) + ")"}
		}
	}
	ef, err := ParseEventFilter(v)
	if err != nil {
		return StoryFilter{}, err
	}
	return StoryFilter{Source: ef.Source, Target: ef.Target, Dyad: ef.Dyad, Roots: ef.Roots,
		Country: ef.Country, Since: ef.Since, Until: ef.Until, Text: ef.Text}, nil
}

func joinNames(ns []string) string {
	s := ""
	for i, n := range ns {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}
