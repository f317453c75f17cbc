package quote

import (
	"context"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/dates"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// want is one expected quote: its exact text, speaker text, cue and directness.
type want struct {
	text, speaker, cue string
	direct             bool
}

// check runs the stage on body (under a neutral headline) and compares every quote.
func check(t *testing.T, body string, wants ...want) *doc.Document {
	t.Helper()
	d := analyze(t, "Council meets", body)
	if len(d.Quotes) != len(wants) {
		t.Fatalf("got %d quotes, want %d:\n%s", len(d.Quotes), len(wants), dump(d))
	}
	for k, w := range wants {
		q := d.Quotes[k]
		if q.Text != w.text || q.Speaker.Text != w.speaker || q.Cue != w.cue || q.Direct != w.direct {
			t.Errorf("quote %d = [%s] %s direct=%v: %q\nwant   [%s] %s direct=%v: %q", k,
				q.Speaker.Text, q.Cue, q.Direct, q.Text, w.speaker, w.cue, w.direct, w.text)
		}
	}
	return d
}

func TestQuoteMarksByPosition(t *testing.T) {
	// Opened with a straight mark and closed with a curly one, and the reverse.
	check(t, `Mayor Lena Brandt said: "The bridge will reopen in spring”, as crews worked overnight.

“We have waited long enough," the mayor said.`,
		want{"The bridge will reopen in spring", "Mayor Lena Brandt", "said", true},
		want{"We have waited long enough", "the mayor", "said", true})
}

func TestBacktickQuotes(t *testing.T) {
	// TeX-style marks (``like this''), as some corpora write double quotes, make one quote
	// each, and the sentence before them ends at its full stop.
	d := check(t, "The ban was extended. ``We do not need to buy aircraft from Europe,'' the minister said.",
		want{"We do not need to buy aircraft from Europe", "the minister", "said", true})
	if n := len(d.Sentences); n != 3 {
		t.Errorf("got %d sentences (headline included), want 3", n)
	}
}

func TestQuoteAcrossParagraphs(t *testing.T) {
	// A paragraph that ends inside a quote continues when the next opens with a mark.
	d := check(t, `Engineer Tomas Varga said: "The supports are sound.

"The deck is another matter, and it will take a year."

Work starts in May.`,
		want{"The supports are sound.\n\n\"The deck is another matter, and it will take a year.", "Engineer Tomas Varga", "said", true})
	if q := d.Quotes[0]; d.Slice(q.Span) != q.Text {
		t.Errorf("quote text %q is not the text at its span %q", q.Text, d.Slice(q.Span))
	}
}

func TestSplitQuoteJoinsItsAttribution(t *testing.T) {
	s, _ := New()
	d := check(t, `“The water is rising fast,” said Ana Ruiz, a river warden. “We moved the sandbags twice.”`,
		want{"The water is rising fast", "Ana Ruiz", "said", true},
		want{"We moved the sandbags twice.", "Ana Ruiz", "said", true})
	if atts := s.Extract(d); len(atts) != 1 || len(atts[0].Quotes) != 2 {
		t.Errorf("want one attribution with two quotes, got %d attributions", len(atts))
	}
}

func TestPartialQuoteGovernedByCue(t *testing.T) {
	// The quoted words stay inside the reported clause, which is not direct.
	check(t, `The union vowed to stage "rolling strikes" across the port.`,
		want{`to stage "rolling strikes" across the port`, "The union", "vowed", false})
}

func TestScareQuoteIsNotAQuote(t *testing.T) {
	check(t, `The so-called “smart” meters were installed in 2019 and the “pilot” ended soon after.`)
}

func TestIndirectSpeech(t *testing.T) {
	check(t, `Finance Minister Olu Adeyemi said that the budget would be balanced by 2027.

The ministry said on Tuesday the tax would not rise.

According to the central bank, inflation slowed in March.

Inflation slowed in March, according to the central bank.

Mr Adeyemi told reporters he had no plans to resign.

Opposition leader Rita Moss accused the government of hiding the debt.

The debt is larger than reported, officials said.`,
		want{"the budget would be balanced by 2027", "Finance Minister Olu Adeyemi", "said", false},
		want{"the tax would not rise", "The ministry", "said", false},
		want{"inflation slowed in March", "the central bank", "According to", false},
		want{"Inflation slowed in March", "the central bank", "according to", false},
		want{"he had no plans to resign", "Mr Adeyemi", "told", false},
		want{"hiding the debt", "Rita Moss", "accused", false},
		want{"The debt is larger than reported", "officials", "said", false})
}

// TestBeliefs: a belief reported with a "that" clause is an attribution; without "that",
// "believe" reads too many ways to be one.
func TestBeliefs(t *testing.T) {
	check(t, `Iraqi officials believe that the attack was planned for weeks.

Residents fear the river will flood again.`,
		want{"the attack was planned for weeks", "Iraqi officials", "believe that", false})
}

func TestSpeakerAfterQuote(t *testing.T) {
	check(t, `“Nobody was hurt,” said Mr Okafor.

“The fire is out,” a spokesman said on Monday.`,
		want{"Nobody was hurt", "Mr Okafor", "said", true},
		want{"The fire is out", "a spokesman", "said", true})
}

func TestPronounResolvedByGender(t *testing.T) {
	// "she" skips the nearer man for the woman; "he" takes the nearest man.
	check(t, `Farmer Ilse Mertens met Mr Duarte, the regional governor, on Friday.

“We lost half the harvest,” she said.

He said the province would pay for new seed.`,
		want{"We lost half the harvest", "Farmer Ilse Mertens", "said", true},
		want{"the province would pay for new seed", "Mr Duarte", "said", false})
}

func TestPronounResolvedByRoleNoun(t *testing.T) {
	// An unfamiliar first name takes its gender from the noun before it.
	check(t, `The general's widow Amaru spoke at the memorial with Colonel Idris Kane.

"He gave everything," she said.`,
		want{"He gave everything", "Amaru", "said", true})
}

func TestParticipleContinuesTheSpeaker(t *testing.T) {
	check(t, `The mayor said the roads were clear, adding that schools would open on time.`,
		want{"the roads were clear", "The mayor", "said", false},
		want{"schools would open on time", "The mayor", "adding", false})
}

func TestPassiveHasNoSpeaker(t *testing.T) {
	check(t, `It is said that the old mill will close.`,
		want{"the old mill will close", "", "said", false})
}

func TestLooseQuote(t *testing.T) {
	// A whole-sentence quote with no cue and no attributed quote before it is kept
	// without a speaker; the cue-less words in a sentence are not.
	check(t, `The rebels left a leaflet - "Leave the valley or we will return."`,
		want{"Leave the valley or we will return.", "", "", true})
}

func TestContinuationParagraphKeepsSpeaker(t *testing.T) {
	check(t, `“The harbour is closed,” the port authority said.

“Ships will be diverted to the north.”`,
		want{"The harbour is closed", "the port authority", "said", true},
		want{"Ships will be diverted to the north.", "the port authority", "", true})
}

func TestHeadlineForms(t *testing.T) {
	d := analyze(t, "Minister Says Dam Is Safe After Floods", "Engineers inspected the dam on Monday.")
	if len(d.Quotes) != 1 || d.Quotes[0].Speaker.Text != "Minister" || d.Quotes[0].Text != "Dam Is Safe After Floods" {
		t.Errorf("title-case cue: got\n%s", dump(d))
	}
	d = analyze(t, "Kovacs: Talks Will Resume Next Week", "The talks stalled in June.")
	if len(d.Quotes) != 1 || d.Quotes[0].Speaker.Text != "Kovacs" || d.Quotes[0].Cue != ":" {
		t.Errorf("colon headline: got\n%s", dump(d))
	}
}

func TestDashAttribution(t *testing.T) {
	check(t, `“The river gave us everything and took it back.” ― Marta Silva`,
		want{"The river gave us everything and took it back.", "Marta Silva", "―", true})
}

func TestEntityLayerIsPreferred(t *testing.T) {
	d := analyze(t, "Council meets", `Maj Gen Sven Aalto said the border was calm.`)
	start := strings.Index(d.Text, "Sven Aalto")
	d.Entities = []doc.Entity{{Text: "Sven Aalto", Type: "PERSON", Canonical: "Sven Aalto", Actor: "FINMIL",
		Span: doc.Span{Start: start, End: start + len("Sven Aalto")}}}
	s, _ := New()
	if err := s.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	sp := d.Quotes[0].Speaker
	if sp.Text != "Maj Gen Sven Aalto" || sp.Canonical != "Sven Aalto" || sp.Actor != "FINMIL" {
		t.Errorf("speaker = %+v; want the title kept, canonical and actor from the entity", sp)
	}
	// An entity covering the speaker replaces it.
	d.Entities[0].Start, d.Entities[0].Text = strings.Index(d.Text, "Maj"), "Maj Gen Sven Aalto"
	if err := s.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if sp := d.Quotes[0].Speaker; sp.Span != d.Entities[0].Span {
		t.Errorf("speaker span = %v, want the entity's %v", sp.Span, d.Entities[0].Span)
	}
}

func TestSpansPointIntoText(t *testing.T) {
	title, body := readArticle(t, "testdata/mixed.txt")
	d := analyze(t, title, body)
	if len(d.Quotes) == 0 {
		t.Fatal("no quotes")
	}
	for _, q := range d.Quotes {
		if d.Slice(q.Span) != q.Text {
			t.Errorf("quote text %q differs from its span %q", q.Text, d.Slice(q.Span))
		}
		if q.Speaker.Text != "" && d.Slice(q.Speaker.Span) != q.Speaker.Text {
			t.Errorf("speaker %q differs from its span %q", q.Speaker.Text, d.Slice(q.Speaker.Span))
		}
	}
}

func TestStageContract(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if s.Name() != "quotes" || len(s.Languages()) != 1 || s.Languages()[0] != "en" {
		t.Errorf("Name %q Languages %v", s.Name(), s.Languages())
	}
	d := &doc.Document{}
	if err := s.Annotate(context.Background(), d); err != nil || d.Quotes == nil || len(d.Quotes) != 0 {
		t.Errorf("empty document: quotes %v, err %v; want an empty layer", d.Quotes, err)
	}
}

func TestDateFromDatesStage(t *testing.T) {
	d := pipeline.NewDocument(&article.Article{Title: "Port reopens", Language: "en", Published: "2020-01-10",
		Body: "The harbour master said on Tuesday that the port would reopen.\n\nShips waited offshore, a pilot said."})
	p := pipeline.New(segment.Stage{}, dates.New(), mustNew(t))
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 2 {
		t.Fatalf("got\n%s", dump(d))
	}
	if d.Quotes[0].Date != "2020-01-07" || d.Quotes[1].Date != "" {
		t.Errorf("dates = %q, %q; want the Tuesday before publication, then none", d.Quotes[0].Date, d.Quotes[1].Date)
	}
}

func mustNew(t *testing.T) *Stage {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestPersonFromAppositive(t *testing.T) {
	// "Oren Talbi" is a person because a noun for a person follows in apposition, so "he"
	// finds him rather than the farther minister.
	check(t, `Minister Paul Berger opened the bridge.

Oren Talbi, a local farmer, watched from the bank.

He said the crossing would save an hour a day.`,
		want{"the crossing would save an hour a day", "Oren Talbi", "said", false})
}

func TestPronounPrefersPreviousSpeaker(t *testing.T) {
	// "she" is the lawyer quoted before, not the judge named in between.
	check(t, `“We will appeal,” said Kim Laine, the club's lawyer.

The ruling by Judge Maria Okoye came after a two-year fight with the city.

“The fight is not over,” she said.`,
		want{"We will appeal", "Kim Laine", "said", true},
		want{"The fight is not over", "Kim Laine", "said", true})
}
