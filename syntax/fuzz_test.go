package syntax

import (
	"context"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/segment"
)

// FuzzStage runs the stage on arbitrary text: it must not fail, and every sentence must
// get well-formed trees.
func FuzzStage(f *testing.F) {
	for _, s := range []string{
		"Iran threatened retaliation.",
		"#Iran #Soleimani",
		"a-b-c - -- --- x- -y",
		"https://example.com/a-b?c=d e",
		strings.Repeat("word ", 500),
		strings.Repeat("a-", 300) + "b",
		"\u00a0\u200b\ufeff",
		"Ünïcödé wörds, 北京 and العربية.",
		"'s n't 're ’s ’ll",
	} {
		f.Add(s)
	}
	st, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		text = segment.Normalize(text)
		toks := segment.Tokenize(text)
		d := &doc.Document{Text: text, Language: "en", Tokens: toks, Sentences: segment.Sentences(text, toks, segment.Paragraphs(text))}
		if err := st.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkTrees(t, d)
	})
}
