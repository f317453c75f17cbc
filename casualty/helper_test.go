package casualty

import (
	"context"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// analyze runs the text layer and the stage on an article.
func analyze(t testing.TB, s *Stage, title, body string) *doc.Document {
	t.Helper()
	return analyzeDated(t, s, title, body, "")
}

// analyzeDated is analyze with a publication date.
func analyzeDated(t testing.TB, s *Stage, title, body, published string) *doc.Document {
	t.Helper()
	d := pipeline.NewDocument(&article.Article{Title: title, Body: body, Language: "en", Published: published})
	if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := s.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func mustNew(t testing.TB) *Stage {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return s
}
