package resolve

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/ner"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// seedDoc runs the text, entities and resolve stages on the seed article.
func seedDoc(t *testing.T) *doc.Document {
	t.Helper()
	b, err := os.ReadFile(sharedtest.Path(t, "seed/kerman-stampede.txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(string(b), "\n")
	ents, err := ner.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d, err := pipeline.New(segment.Stage{}, ents, res).Analyze(context.Background(), &article.Article{Title: title, Body: body, Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSeed(t *testing.T) {
	d := seedDoc(t)
	byText := map[string][]doc.Entity{}
	for _, e := range d.Entities {
		byText[e.Text] = append(byText[e.Text], e)
		if strings.HasPrefix(e.Text, "#") || e.Start >= strings.LastIndex(d.Text, "#Iran") {
			t.Errorf("entity from a hashtag: %+v", e)
		}
	}
	check := func(text string, min int, canonical, role, mention string) {
		t.Helper()
		es := byText[text]
		if len(es) < min {
			t.Errorf("%q: %d mentions, want at least %d\n%s", text, len(es), min, dump(d))
		}
		for _, e := range es {
			if e.Canonical != canonical || e.Role != role || e.Mention != mention || e.Type != "PERSON" {
				t.Errorf("%q at %d: %s %s canonical %q role %q, want %s canonical %q role %q", text, e.Start, e.Type, e.Mention, e.Canonical, e.Role, mention, canonical, role)
			}
		}
	}
	const soleimani = "fallen leader; Iranian military commander"
	check("Qasem Soleimani", 3, "Qasem Soleimani", soleimani, "name")
	check("Qassem Soleimani", 1, "Qasem Soleimani", soleimani, "name")
	check("Soleimani", 6, "Qasem Soleimani", soleimani, "name") // five of them "Soleimani's", without the 's
	check("The head of the Quds force", 1, "Qasem Soleimani", soleimani, "nominal")
	check("the general", 1, "Qasem Soleimani", soleimani, "nominal")
	check("the fallen leader", 1, "Qasem Soleimani", soleimani, "nominal")
	check("Mike Pompeo", 1, "Mike Pompeo", "US secretary of state", "name")
	check("Pompeo", 1, "Mike Pompeo", "US secretary of state", "name")
	check("Hossein Salami", 1, "Hossein Salami", "top general; Maj Gen", "name")
	check("Zeinab", 1, "Zeinab", "daughter of Qasem Soleimani", "name")
	check("Donald Trump", 1, "Donald Trump", "Mr", "name")
	check("Trump", 2, "Donald Trump", "Mr", "name")
	check("Ruhollah Khomeini", 1, "Ruhollah Khomeini", "Islamic Republic founder; Ayatollah", "name")

	// One canonical for everything the article calls Soleimani, and nothing else linked.
	canon := map[string]bool{}
	nominals := 0
	for _, e := range d.Entities {
		if strings.Contains(e.Text, "Soleimani") {
			canon[e.Canonical] = true
		}
		if e.Mention == "nominal" {
			nominals++
		}
	}
	if len(canon) != 1 || nominals != 3 {
		t.Errorf("Soleimani canonicals %v, %d nominal mentions (want 1 and 3)\n%s", canon, nominals, dump(d))
	}
	// "US" and "U.S." are the "United States" of the first paragraph.
	for _, s := range []string{"US", "U.S."} {
		for _, e := range byText[s] {
			if e.Canonical != "United States" {
				t.Errorf("%q at %d has canonical %q", s, e.Start, e.Canonical)
			}
		}
	}
}

func BenchmarkStage(b *testing.B) {
	raw, err := os.ReadFile(sharedtest.Path(b, "seed/kerman-stampede.txt"))
	if err != nil {
		b.Fatal(err)
	}
	title, body, _ := strings.Cut(string(raw), "\n")
	ents, err := ner.New()
	if err != nil {
		b.Fatal(err)
	}
	res, _ := New()
	d, err := pipeline.New(segment.Stage{}, ents).Analyze(context.Background(), &article.Article{Title: title, Body: body, Language: "en"})
	if err != nil {
		b.Fatal(err)
	}
	orig := append([]doc.Entity(nil), d.Entities...)
	words := 0
	for _, t := range d.Tokens {
		if t.Kind == doc.Word {
			words++
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Entities = append(d.Entities[:0], orig...)
		if err := res.Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
