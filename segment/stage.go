package segment

import (
	"context"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// Stage is the pipeline stage that writes the token, paragraph and sentence layers and
// adds hashtags written inline in the text to the hashtag layer.
type Stage struct{}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "text" }

// Annotate implements pipeline.Stage.
func (Stage) Annotate(_ context.Context, d *doc.Document) error {
	d.Tokens = Tokenize(d.Text)
	d.Paragraphs = Paragraphs(d.Text)
	d.Sentences = Sentences(d.Text, d.Tokens, d.Paragraphs)
	seen := make(map[string]bool, len(d.Hashtags))
	for _, h := range d.Hashtags {
		seen[strings.ToLower(h)] = true
	}
	for _, t := range d.Tokens {
		if t.Kind == doc.Hashtag {
			tag := t.Text[1:]
			if !seen[strings.ToLower(tag)] {
				seen[strings.ToLower(tag)] = true
				d.Hashtags = append(d.Hashtags, tag)
			}
		}
	}
	return nil
}
