package quote

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// analyze runs the text stage and the quotes stage on an article.
func analyze(t testing.TB, title, body string) *doc.Document {
	t.Helper()
	d := pipeline.NewDocument(&article.Article{Title: title, Body: body, Language: "en"})
	if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// readArticle splits a plain-text article into its title (first non-empty line) and body.
func readArticle(t testing.TB, path string) (title, body string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimLeft(string(b), " \t\r\n")
	title, body, _ = strings.Cut(s, "\n")
	return title, body
}

// dump prints quotes for debugging failures.
func dump(d *doc.Document) string {
	var b strings.Builder
	for _, q := range d.Quotes {
		b.WriteString("  [" + q.Speaker.Text + "] " + q.Cue + " direct=")
		if q.Direct {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
		b.WriteString(": " + q.Text + "\n")
	}
	return b.String()
}
