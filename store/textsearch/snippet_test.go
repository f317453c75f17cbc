package textsearch

import (
	"slices"
	"strings"
	"testing"
)

func TestSnippetOffsets(t *testing.T) {
	text := "Guillemets «like these» stay text, whatever a page shows.\n\nThe funeral procession for Qasem Soleimani moved slowly through Kerman's main square, and Soleimani's portrait was carried high above the crowd by mourners dressed in black."
	q, err := Parse(`"funeral proc"* OR «absent» soleimani -kerman`)
	if err != nil {
		t.Fatal(err)
	}
	snip, marks := Snippet(text, q.Positive())
	var got []string
	for _, m := range marks {
		got = append(got, snip[m.Start:m.End])
	}
	want := []string{"funeral procession", "Soleimani", "Soleimani"}
	if !strings.HasPrefix(snip, "…") || !slices.Equal(got, want) {
		t.Errorf("snippet %q marks %q; want an ellipsis first and %q", snip, got, want)
	}
	if strings.Contains(snip, "\n") {
		t.Errorf("snippet %q keeps line breaks", snip)
	}
	// A match on the first word: no leading ellipsis, and a guillemet is text.
	snip, marks = Snippet(text, mustParse(t, "guillemets like").Positive())
	if strings.HasPrefix(snip, "…") || len(marks) != 2 || snip[marks[1].Start:marks[1].End] != "like" {
		t.Errorf("snippet %q marks %v; want Guillemets and like marked from the start", snip, marks)
	}
	// Diacritics and case fold as FTS5's tokenizer folds them.
	snip, marks = Snippet("Crowds in Tehrān cheered.", mustParse(t, "TEHRAN").Positive())
	if len(marks) != 1 || snip[marks[0].Start:marks[0].End] != "Tehrān" {
		t.Errorf("snippet %q marks %v; want Tehrān marked", snip, marks)
	}
}

func mustParse(t *testing.T, q string) Query {
	t.Helper()
	p, err := Parse(q)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
