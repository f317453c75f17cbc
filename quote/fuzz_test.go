package quote

import (
	"context"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/segment"
)

// FuzzExtract checks that any text gives attributions whose spans lie in the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"A," he said. “B”`, `”'' said ''“`, "said:\n\n\"", `According to`, `X: "`, "“a” ― B",
		`Mr said, said Mr, "it is said that", he told`, `'' '' ' ’ ‘ “ ” " «»`,
	} {
		f.Add(s)
	}
	s, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := &doc.Document{Text: segment.Normalize(text), Language: "en"}
		if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
			t.Skip()
		}
		in := func(sp doc.Span) bool { return 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(d.Text) }
		for _, a := range s.Extract(d) {
			if !in(a.Cue) || !in(a.Source) || !in(a.Content) {
				t.Fatalf("span out of text: %+v", a)
			}
			for _, q := range a.Quotes {
				if !in(q.Span) || !in(q.Speaker.Span) || d.Slice(q.Span) != q.Text {
					t.Fatalf("bad quote %+v", q)
				}
			}
		}
	})
}
