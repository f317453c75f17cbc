package resolve

import (
	"context"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// Odd inputs must not break the stage: entities that do not fall on tokens, overlap,
// are empty, or come without a token layer at all.
func TestOddInput(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	body := "Gen. Ana Ruiz's anti-American aide, Ruiz, said: the general. #Ruiz"
	for _, tokens := range []bool{true, false} {
		d := pipeline.NewDocument(&article.Article{Title: "x", Body: body, Language: "en"})
		if tokens {
			segment.Stage{}.Annotate(context.Background(), d)
		}
		off := d.BodyStart
		d.Entities = []doc.Entity{
			{Text: "Gen. Ana Ruiz's", Type: "PERSON", Span: doc.Span{Start: off, End: off + 15}},
			{Text: "Ana", Type: "PERSON", Span: doc.Span{Start: off + 5, End: off + 8}}, // overlaps
			{Text: "American", Type: "NORP", Span: doc.Span{Start: off + 21, End: off + 29}},
			{Text: "", Type: "PERSON", Span: doc.Span{Start: off + 30, End: off + 30}},
			{Text: "Ruiz", Type: "PERSON", Span: doc.Span{Start: off + 36, End: off + 40}},
			{Text: "#Ruiz", Type: "PERSON", Span: doc.Span{Start: len(d.Text) - 5, End: len(d.Text)}},
		}
		if err := s.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Entities {
			if e.Start < 0 || e.End > len(d.Text) || e.Start > e.End || d.Text[e.Start:e.End] != e.Text {
				t.Errorf("tokens=%v: entity %+v does not match the text", tokens, e)
			}
			if e.Text == "#Ruiz" {
				t.Errorf("tokens=%v: hashtag kept", tokens)
			}
		}
	}
}
