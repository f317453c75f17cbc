package syntax

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

func stage(t testing.TB) *Stage {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// analyze runs the text stage and the syntax stage on an article.
func analyze(t testing.TB, s *Stage, title, body string) *doc.Document {
	t.Helper()
	d := pipeline.NewDocument(&article.Article{Title: title, Body: body, Language: "en"})
	ctx := context.Background()
	if err := (segment.Stage{}).Annotate(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := s.Annotate(ctx, d); err != nil {
		t.Fatal(err)
	}
	return d
}

// sentenceWith returns the index of the first sentence containing phrase.
func sentenceWith(t *testing.T, d *doc.Document, phrase string) doc.Sentence {
	t.Helper()
	for _, s := range d.Sentences {
		if strings.Contains(s.Text, phrase) {
			return s
		}
	}
	t.Fatalf("no sentence contains %q", phrase)
	return doc.Sentence{}
}

// word returns the document index of the first token spelled w in sentence s.
func word(t *testing.T, d *doc.Document, s doc.Sentence, w string) int {
	t.Helper()
	for i := s.FirstToken; i < s.EndToken; i++ {
		if d.Tokens[i].Text == w {
			return i
		}
	}
	t.Fatalf("no token %q in %q", w, s.Text)
	return -1
}

func dump(d *doc.Document, s doc.Sentence) string {
	var b strings.Builder
	for i := s.FirstToken; i < s.EndToken; i++ {
		tk := d.Tokens[i]
		head := "ROOT"
		if tk.Head >= 0 {
			head = d.Tokens[tk.Head].Text
		}
		b.WriteString("  " + tk.Text + "/" + tk.Tag + "/" + tk.POS + " " + tk.Lemma + " " + tk.Dep + "→" + head + "\n")
	}
	return b.String()
}

func TestSeedArticle(t *testing.T) {
	data, err := os.ReadFile(sharedtest.Path(t, "seed/kerman-stampede.txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(strings.TrimLeft(string(data), "\n"), "\n")
	d := analyze(t, stage(t), title, body)
	checks := []struct {
		phrase, dep, head, rel string
	}{
		{"Pompeo accused Iran of propaganda", "Pompeo", "accused", "nsubj"},
		{"Pompeo accused Iran of propaganda", "Iran", "accused", "obj"},
		{"Iran threatened retaliation", "retaliation", "threatened", "obj"},
		{"Zeinab also threatened an attack", "attack", "threatened", "obj"},
	}
	for _, c := range checks {
		s := sentenceWith(t, d, c.phrase)
		dep, head := word(t, d, s, c.dep), word(t, d, s, c.head)
		if got := d.Tokens[dep]; got.Head != head || got.Dep != c.rel {
			t.Errorf("%s: want %s %s of %s; sentence:\n%s", c.phrase, c.dep, c.rel, c.head, dump(d, s))
		}
	}
	if testing.Verbose() {
		for _, s := range d.Sentences {
			t.Logf("%s\n%s", s.Text, dump(d, s))
		}
	}
}
