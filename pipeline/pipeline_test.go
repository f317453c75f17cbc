package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
)

// englishOnly is a stage that only knows English and records that it ran.
type englishOnly struct{}

func (englishOnly) Name() string        { return "english-only" }
func (englishOnly) Languages() []string { return []string{"en"} }
func (englishOnly) Annotate(_ context.Context, d *doc.Document) error {
	d.Dates = append(d.Dates, doc.Date{Text: "ran"})
	return nil
}

func TestNewDocumentComposesText(t *testing.T) {
	d := NewDocument(&article.Article{Title: "  Quake  hits\ncoast ", Standfirst: "Dozens hurt", Body: "First paragraph.\r\n\r\nSecond one.", Origin: "x.txt"})
	if want := "Quake hits coast\n\nDozens hurt\n\nFirst paragraph.\n\nSecond one."; d.Text != want {
		t.Errorf("text = %q, want %q", d.Text, want)
	}
	if got := d.Text[d.BodyStart:]; !strings.HasPrefix(got, "First paragraph.") {
		t.Errorf("body_start points at %q", got)
	}
	if d.Entities == nil || d.Events == nil || d.Hashtags == nil {
		t.Error("layers must be empty arrays, not nil")
	}
}

func TestContentIDIgnoresCaseAndSpacing(t *testing.T) {
	a := ContentID("Quake hits coast", "First  paragraph.\n\nSecond.")
	b := ContentID("quake hits  coast", "First paragraph. Second.")
	if a != b {
		t.Errorf("same content, different IDs: %s %s", a, b)
	}
	if a == ContentID("Quake hits coast", "First paragraph. Third.") {
		t.Error("different bodies share an ID")
	}
}

func TestLanguageBoundStagesSkip(t *testing.T) {
	p := New(englishOnly{})
	fr, err := p.Analyze(context.Background(), &article.Article{Title: "Séisme", Body: "Le séisme a frappé la côte.", Language: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if len(fr.Dates) != 0 || len(fr.Skipped) != 1 || fr.Skipped[0].Stage != "english-only" || !strings.Contains(fr.Skipped[0].Reason, `"fr"`) {
		t.Errorf("French article: dates %v, skipped %+v", fr.Dates, fr.Skipped)
	}
	en, err := p.Analyze(context.Background(), &article.Article{Title: "Quake", Body: "The quake hit the coast.", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(en.Dates) != 1 || len(en.Skipped) != 0 {
		t.Errorf("English article: dates %v, skipped %+v", en.Dates, en.Skipped)
	}
	if st := p.Stats(); st[0].Documents != 1 {
		t.Errorf("stats count %d documents, want 1 (the skipped one is not counted)", st[0].Documents)
	}
}

func TestAnalyzeRejectsInvalidArticle(t *testing.T) {
	_, err := New().Analyze(context.Background(), &article.Article{Origin: "empty.txt"})
	var ie *article.InputError
	if err == nil || !errors.As(err, &ie) || ie.Input != "empty.txt" {
		t.Errorf("err = %v, want an InputError naming empty.txt", err)
	}
}

// fragile is a stage with a bug that some article's text sets off.
type fragile struct{}

func (fragile) Name() string { return "fragile" }
func (fragile) Annotate(_ context.Context, d *doc.Document) error {
	if strings.Contains(d.Text, "boom") {
		var m map[string]int
		//lint:ignore SA5000 the panic is what the test needs
		m["x"]++ // a nil map write: panics
	}
	d.Dates = append(d.Dates, doc.Date{Text: "ran"})
	return nil
}

// TestPanickingStageFailsOneArticle: a stage's panic rejects that article, naming the
// stage, and the rest of the batch is analysed.
func TestPanickingStageFailsOneArticle(t *testing.T) {
	p := New(fragile{}, englishOnly{})
	docs, errs := p.AnalyzeBatch(context.Background(), []*article.Article{
		{Origin: "a.txt", Title: "Calm", Body: "Nothing happened.", Language: "en"},
		{Origin: "b.txt", Title: "Bang", Body: "A boom was heard.", Language: "en"},
		{Origin: "c.txt", Title: "Quiet", Body: "Still nothing.", Language: "en"},
	})
	var ie *article.InputError
	if !errors.As(errs[1], &ie) || ie.Input != "b.txt" || !strings.Contains(ie.Reason, "fragile") || docs[1] != nil {
		t.Errorf("b.txt: err %v, doc %v; want an input error naming the stage", errs[1], docs[1])
	}
	for _, k := range []int{0, 2} {
		if errs[k] != nil || len(docs[k].Dates) != 2 {
			t.Errorf("article %d: err %v, dates %v; want both stages run", k, errs[k], docs[k])
		}
	}
}
