package lang

import (
	"context"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/syntax"
)

func TestDetect(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Rescue teams searched through the rubble on Friday after the earthquake struck the eastern province, officials said.", "en"},
		{"Les secouristes ont fouillé les décombres vendredi après le séisme qui a frappé la province orientale, selon les autorités.", "fr"},
		{"Los equipos de rescate buscaron entre los escombros el viernes después del terremoto, según las autoridades.", "es"},
		{"Rettungskräfte durchsuchten am Freitag die Trümmer, nachdem das Erdbeben die östliche Provinz erschüttert hatte.", "de"},
		{"تیم‌های امدادی روز جمعه آوار را پس از زلزله در استان شرقی جستجو کردند.", "pes"},
	}
	for _, c := range cases {
		if got := Detect(c.text); got != c.want {
			t.Errorf("Detect(%.30q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestStageKeepsDeclaredLanguage(t *testing.T) {
	d := &doc.Document{Language: "EN-gb", Text: "Les secouristes ont fouillé les décombres vendredi."}
	if err := (Stage{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Language != "en" {
		t.Errorf("declared language: got %q, want en", d.Language)
	}
}

// TestShortTextsWithVocabulary: trigram statistics call these short English texts
// Haitian Creole or French; the syntax model's English vocabulary decides them.
func TestShortTextsWithVocabulary(t *testing.T) {
	syn, err := syntax.New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, want string }{
		{"Iranian mourners chanted anti-American slogans.", "en"},
		{"Israeli jets bombed positions near Damascus.", "en"},
		{"Russia shelled Kharkiv overnight.", "en"},
		{"Les manifestants ont scandé des slogans hostiles.", "fr"},
		{"Die Demonstranten riefen Parolen gegen Amerika.", "de"},
	}
	for _, c := range cases {
		if got := DetectWith(c.text, syn.Knows); got != c.want {
			t.Errorf("DetectWith(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestShortTexts(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Talks stall\n\nIran snubbed Israel on Monday, officials said.", "en"},
		{"Quake hits coast\n\nTwo people died in the town.", "en"},
		{"Le séisme a frappé la côte.", ""},
		{"Kerman", ""},
	}
	for _, c := range cases {
		if got := Detect(c.text); got != c.want {
			t.Errorf("Detect(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
