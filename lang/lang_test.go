package lang

import (
	"context"
	"strings"
	"testing"

	"github.com/abadojack/whatlanggo"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/syntax"
)

func TestDetect(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Rescue teams searched through the rubble on Friday after the earthquake struck the eastern province, officials said.", "en"},
		{"Les secouristes ont fouillé les décombres vendredi après le séisme qui a frappé la province orientale, selon les autorités.", "fr"},
		{"Los equipos de rescate buscaron entre los escombros el viernes después del terremoto, según las autoridades.", "es"},
		{"Rettungskräfte durchsuchten am Freitag die Trümmer, nachdem das Erdbeben die östliche Provinz erschüttert hatte.", "de"},
		{"تیم\u200cهای امدادی روز جمعه آوار را پس از زلزله در استان شرقی جستجو کردند.", "pes"},
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

// TestResultsTableIsEnglishWithANote: a results table (written for this test in the
// style of agency sports results) has few function words and many foreign names, and
// trigram statistics do not take it as English; its ordinary words are English, so the
// stage takes it as English and says in Skipped that it was unsure.
func TestResultsTableIsEnglishWithANote(t *testing.T) {
	syn, err := syntax.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "SOCCER - DUTCH FIRST DIVISION RESULTS / STANDINGS\n\nAMSTERDAM 1996-08-24\n" +
		"Results of Dutch first division soccer matches played on Saturday:\n" +
		"Vitesse Arnhem 2 Heerenveen 0\nWillem II Tilburg 1 Groningen 1\nFortuna Sittard 3 Sparta Rotterdam 1\n" +
		"Roda JC Kerkrade 0 Utrecht 0\nGraafschap Doetinchem 1 Twente Enschede 2\n" +
		"Standings (tabulate under games played, won, drawn, lost, goals for, against, points):\n" +
		"Vitesse Arnhem 2 2 0 0 5 1 6\nTwente Enschede 2 1 1 0 3 2 4\nFortuna Sittard 2 1 0 1 4 3 3\n" +
		"Groningen 2 0 2 0 2 2 2\nHeerenveen 2 0 1 1 1 3 1\nSparta Rotterdam 2 0 0 2 2 6 0\n"
	if got := whatlanggo.Detect(text).Lang.Iso6391(); got == "en" {
		t.Fatalf("the trigram model takes the table as English: the test needs a table it does not")
	}
	d := &doc.Document{Text: text}
	if err := (Stage{Known: syn.Knows}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Language != "en" {
		t.Fatalf("results table: language %q, want en", d.Language)
	}
	if len(d.Skipped) != 1 || d.Skipped[0].Stage != "language" || !strings.Contains(d.Skipped[0].Reason, "taken as English") {
		t.Errorf("results table: skipped %+v, want the language stage's note", d.Skipped)
	}
	// Without the vocabulary, the same table is not English.
	if got := Detect(text); got == "en" {
		t.Errorf("Detect without vocabulary: en, want another language or none")
	}
}

// TestForeignProseStaysForeign: prose in other languages, written for this test, whose
// ordinary words the English vocabulary partly knows (names, loans, short words), is not
// taken as English.
func TestForeignProseStaysForeign(t *testing.T) {
	syn, err := syntax.New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, want string }{
		{"Le gouvernement a annoncé mardi un plan de relance pour les régions touchées par les inondations. Selon le ministre, les travaux commenceront en mars et dureront deux ans. Les maires des communes concernées ont salué une décision attendue depuis longtemps.", "fr"},
		{"Il governo ha annunciato martedì un piano per le regioni colpite dalle alluvioni. Secondo il ministro, i lavori inizieranno a marzo e dureranno due anni. I sindaci dei comuni interessati hanno accolto con favore una decisione attesa da tempo.", "it"},
		{"El gobierno anunció el martes un plan para las regiones afectadas por las inundaciones. Según el ministro, las obras comenzarán en marzo y durarán dos años. Los alcaldes de los municipios afectados celebraron una decisión esperada desde hace tiempo.", "es"},
		{"De regering heeft dinsdag een plan aangekondigd voor de regio's die door de overstromingen zijn getroffen. Volgens de minister beginnen de werkzaamheden in maart en duren ze twee jaar.", "nl"},
	}
	for _, short := range []string{"Le séisme a frappé la côte.", "Die Regierung hat am Dienstag einen Plan angekündigt.", "El gobierno anunció un plan el martes."} {
		if got := DetectWith(short, syn.Knows); got == "en" {
			t.Errorf("DetectWith(%q) = en", short)
		}
	}
	for _, c := range cases {
		d := &doc.Document{Text: c.text}
		if err := (Stage{Known: syn.Knows}).Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if d.Language != c.want || len(d.Skipped) != 0 {
			t.Errorf("%.40q: language %q, skipped %+v; want %s and no note", c.text, d.Language, d.Skipped, c.want)
		}
	}
}
