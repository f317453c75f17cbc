package ner

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/reader"
	"github.com/tocsin-project/tocsin/segment"
)

var (
	testStageOnce sync.Once
	testStage     *Stage
	testStageErr  error
)

// stage returns the stage with the embedded model, decoded once for all tests.
func stage(t testing.TB) *Stage {
	t.Helper()
	testStageOnce.Do(func() { testStage, testStageErr = New() })
	if testStageErr != nil {
		t.Fatal(testStageErr)
	}
	return testStage
}

// analyze runs the text stage and the entities stage on an article.
func analyze(t testing.TB, a *article.Article) *doc.Document {
	t.Helper()
	if a.Language == "" {
		a.Language = "en"
	}
	p := pipeline.New(segment.Stage{}, stage(t))
	d := pipeline.NewDocument(a)
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func entitySet(d *doc.Document) map[string]int {
	m := map[string]int{}
	for _, e := range d.Entities {
		m[e.Type+" "+e.Text]++
	}
	return m
}

// checkSpans verifies that every entity's text, canonical name and offsets agree.
func checkSpans(t *testing.T, d *doc.Document) {
	t.Helper()
	for _, e := range d.Entities {
		if d.Text[e.Start:e.End] != e.Text || e.Canonical != e.Text {
			t.Errorf("entity %+v: text at its span is %q", e, d.Text[e.Start:e.End])
		}
		if strings.HasSuffix(e.Text, "'s") || strings.HasSuffix(e.Text, "’s") && e.Type != "ORG" {
			t.Errorf("entity %q keeps a possessive", e.Text)
		}
		if strings.ContainsAny(e.Text, "#\n") {
			t.Errorf("entity %q holds a hashtag or crosses a line", e.Text)
		}
	}
}

func TestSeedArticle(t *testing.T) {
	path := sharedtest.Path(t, "seed/kerman-stampede.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := reader.ParseText(path, data)
	if err != nil {
		t.Fatal(err)
	}
	d := analyze(t, a)
	checkSpans(t, d)
	got := entitySet(d)
	for _, want := range []string{
		"PERSON Qasem Soleimani", "PERSON Qassem Soleimani", "PERSON Soleimani", "PERSON Mike Pompeo",
		"PERSON Pompeo", "PERSON Hossein Salami", "PERSON Zeinab", "PERSON Donald Trump", "PERSON Trump",
		"LOCATION Kerman", "LOCATION Iran", "LOCATION Baghdad", "LOCATION Tehran", "LOCATION Iraq",
		"LOCATION United States", "LOCATION US", "LOCATION Middle East", "ORG Quds force",
		"NORP Iranian", "NORP American", "NORP Iranians",
	} {
		if got[want] == 0 {
			t.Errorf("missing %s", want)
		}
	}
	// prose v2's mistakes on this article, and titles or possessives inside names.
	for _, e := range d.Entities {
		switch {
		case strings.Contains(e.Text, "People"), strings.Contains(e.Text, "This"):
			t.Errorf("%s %q: a capitalised common word is not a name", e.Type, e.Text)
		case e.Text == "Quds" || e.Type == "LOCATION" && strings.Contains(e.Text, "Quds"):
			t.Errorf("%s %q: want ORG \"Quds force\"", e.Type, e.Text)
		case (e.Text == "Kerman" || e.Text == "Iran" || e.Text == "Tehran") && e.Type != "LOCATION":
			t.Errorf("%s %q: want LOCATION", e.Type, e.Text)
		case strings.Contains(e.Text, "Soleimani") && e.Type != "PERSON":
			t.Errorf("%s %q: want PERSON", e.Type, e.Text)
		case e.Type == "PERSON" && slices.ContainsFunc(strings.Fields(e.Text), func(w string) bool { return titles[strings.ToLower(w)] }):
			t.Errorf("PERSON %q holds a title", e.Text)
		}
	}
	if n := got["LOCATION Kerman"]; n != 3 {
		t.Errorf("Kerman found %d times as LOCATION, want 3", n)
	}
}

// The seed file read as one body, with its closing line of hashtags left in the text.
func TestSeedHashtagLine(t *testing.T) {
	path := sharedtest.Path(t, "seed/kerman-stampede.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := analyze(t, &article.Article{Body: string(data), Origin: path})
	checkSpans(t, d)
	last := strings.LastIndex(d.Text, "\n#Iran")
	if last < 0 {
		t.Fatal("hashtag line not in the text")
	}
	for _, e := range d.Entities {
		if e.End > last {
			t.Errorf("%s %q found in the hashtag line", e.Type, e.Text)
		}
	}
}

func TestHashtagsNeverEntities(t *testing.T) {
	d := analyze(t, &article.Article{Body: "Crowds marched through Lisbon on Sunday, chanting #FreeOrtiz and waving #Portugal flags.\n\n" +
		"#Lisbon #RafaelOrtiz #Portugal #Protest"})
	checkSpans(t, d)
	for _, e := range d.Entities {
		for _, tk := range d.Tokens {
			if tk.Kind == doc.Hashtag && tk.Start < e.End && e.Start < tk.End {
				t.Errorf("%s %q overlaps hashtag %q", e.Type, e.Text, tk.Text)
			}
		}
	}
	if got := entitySet(d); got["LOCATION Lisbon"] != 1 || len(d.Entities) != 1 {
		t.Errorf("entities = %v, want only LOCATION Lisbon", got)
	}
}

// Sentences written for this test.
func TestOwnSentences(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Prime Minister Anna Kowalski flew to Nairobi on Tuesday to meet officials from the International Monetary Fund.",
			[]string{"PERSON Anna Kowalski", "LOCATION Nairobi", "ORG International Monetary Fund"}},
		{"Mr Dlamini said the Kenyan government would not comment on Ortiz's remarks.",
			[]string{"PERSON Dlamini", "NORP Kenyan", "PERSON Ortiz"}},
		{"Shares in Northwind Energy fell sharply after Rafael Ortiz resigned as chief executive.",
			[]string{"ORG Northwind Energy", "PERSON Rafael Ortiz"}},
		{"Brazilian and Chilean diplomats met in Geneva with envoys from the United Nations.",
			[]string{"NORP Brazilian", "NORP Chilean", "LOCATION Geneva", "ORG United Nations"}},
		{"People in the capital said they had not heard from Gen Tomas Herrera since Friday.",
			[]string{"PERSON Tomas Herrera"}},
		{"Relatives said Yemeni photographer Nabil Hasan al-Quaety was shot in his car in Aden.",
			[]string{"NORP Yemeni", "PERSON Nabil Hasan al-Quaety", "LOCATION Aden"}},
		{"Gunmen shot Nabil Hasan al-Quaety in Aden. Colleagues said threats against al-Quaety had grown.",
			[]string{"PERSON Nabil Hasan al-Quaety", "LOCATION Aden", "PERSON al-Quaety"}},
		// the tagger ends a name and starts another at the next word: one organisation
		{"The spokesman said the Korean People's Army had fired first.",
			[]string{"ORG Korean People's Army"}},
		{"She told The Huffington Post that the plan had failed.",
			[]string{"ORG The Huffington Post"}},
	} {
		d := analyze(t, &article.Article{Body: c.text})
		checkSpans(t, d)
		got := entitySet(d)
		var all []string
		for k := range got {
			all = append(all, k)
		}
		slices.Sort(all)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(all, want) {
			t.Errorf("%q:\n got  %q\n want %q", c.text, all, want)
		}
	}
}

func TestStageInterface(t *testing.T) {
	var _ pipeline.Stage = stage(t)
	var _ pipeline.LanguageBound = stage(t)
	if n := stage(t).Name(); n != "entities" {
		t.Errorf("Name = %q", n)
	}
	if l := stage(t).Languages(); !slices.Equal(l, []string{"en"}) {
		t.Errorf("Languages = %q", l)
	}
	// Tokens without sentences form one sentence; no tokens, no entities.
	text := "Officials in Nairobi confirmed the visit."
	d := &doc.Document{Text: text, Tokens: segment.Tokenize(text)}
	if err := stage(t).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := entitySet(d); got["LOCATION Nairobi"] != 1 {
		t.Errorf("without sentences: %v", got)
	}
	empty := &doc.Document{}
	if err := stage(t).Annotate(context.Background(), empty); err != nil || len(empty.Entities) != 0 || empty.Entities == nil {
		t.Errorf("empty document: %v, %v", empty.Entities, err)
	}
}

func TestEvaluateFixture(t *testing.T) {
	ctx := context.Background()
	m := stage(t).Model()
	r, err := Evaluate(ctx, m, "testdata/tiny.conll", "conll2003")
	if err != nil {
		t.Fatal(err)
	}
	if r.Documents != 2 || r.Sentences != 5 || r.Tokens != 49 || r.Words != 42 {
		t.Errorf("counts: %d documents, %d sentences, %d tokens, %d words; want 2, 5, 49, 42", r.Documents, r.Sentences, r.Tokens, r.Words)
	}
	// Gold: 3 people, 2 organisations, 2 places, 2 nationalities; "World Cup" is MISC,
	// left out. The second document's tags are IOB1.
	for typ, n := range map[string]int{"PERSON": 3, "ORG": 2, "LOCATION": 2, "NORP": 2} {
		if s := r.ByType[typ]; s.TP+s.FN != n {
			t.Errorf("%s: %d gold entities, want %d", typ, s.TP+s.FN, n)
		}
	}
	if f := r.Overall.F1(); f < 0.7 || f > 1 || r.Overall.Precision() > 1 || r.Overall.Recall() > 1 {
		t.Errorf("overall %v: want F1 in [0.7, 1]", r.Overall)
	}
	if r.WordsPerSecond() <= 0 || !strings.Contains(r.String(), "overall") {
		t.Errorf("report: %s", r)
	}

	u, err := Evaluate(ctx, m, "testdata/tiny.iob2", "uner")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(u.Types, []string{"PERSON", "ORG", "LOCATION"}) || u.Overall.TP+u.Overall.FN != 7 {
		t.Errorf("UNER: types %v, %d gold entities; want 3 types, 7 entities", u.Types, u.Overall.TP+u.Overall.FN)
	}
	if _, ok := u.ByType["NORP"]; ok {
		t.Errorf("UNER scores NORP: %v", u.ByType["NORP"])
	}
	if u.Overall.F1() < 0.7 {
		t.Errorf("UNER overall %v", u.Overall)
	}
	if _, err := Evaluate(ctx, m, "testdata/tiny.conll", "brat"); err == nil {
		t.Error("unknown format accepted")
	}
	if _, err := Evaluate(ctx, m, "testdata/missing.conll", "conll2003"); err == nil {
		t.Error("missing file accepted")
	}
}

func TestDecodeIOB(t *testing.T) {
	for _, c := range []struct {
		tags string
		want string
	}{
		{"B-PER I-PER O B-LOC", "[{0 2 PER} {3 4 LOC}]"},
		{"I-PER I-PER O I-LOC", "[{0 2 PER} {3 4 LOC}]"},               // IOB1
		{"I-PER B-PER I-ORG I-ORG", "[{0 1 PER} {1 2 PER} {2 4 ORG}]"}, // IOB1 adjacent, type change
		{"O O", "[]"},
	} {
		spans, err := decodeIOB(strings.Fields(c.tags))
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(spans); got != c.want && !(c.want == "[]" && len(spans) == 0) {
			t.Errorf("%s: got %s, want %s", c.tags, got, c.want)
		}
	}
	if _, err := decodeIOB([]string{"X-PER"}); err == nil {
		t.Error("bad tag accepted")
	}
}

func TestModelRoundTrip(t *testing.T) {
	// The model file's codec: model.bin, read and written again, is the same bytes. (The
	// stage's model comes from model.tables, which keeps the built tables, not the file's
	// data; TestTablesFresh checks that it is the same model.)
	orig, err := ReadModel(bytes.NewReader(modelBin))
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if _, err := orig.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), modelBin) {
		t.Error("re-encoding the embedded model changes it")
	}
	m, err := ReadModel(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("model changes on a round trip")
	}
	if _, err := ReadModel(strings.NewReader("TOCSIN-NER\x01not gzip")); err == nil {
		t.Error("corrupt model accepted")
	}
	if _, err := ReadModel(strings.NewReader("something else")); err == nil {
		t.Error("non-model accepted")
	}
}

// The full evaluation on CoNLL-2003 valid and Universal NER EWT test (ner/proseeval runs
// prose on the same data).
func TestEvaluateShared(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIP: full evaluation in -short mode")
	}
	ctx := context.Background()
	m := stage(t).Model()
	for _, c := range []struct {
		rel, format string
		minF1       float64
	}{
		{"data/conll2003/valid.txt", FormatCoNLL, 0.90},
		{"data/uner-ewt/en_ewt-ud-test.iob2", FormatUNER, 0.50}, // out of domain: web text
	} {
		path := sharedtest.Path(t, c.rel)
		r, err := Evaluate(ctx, m, path, c.format)
		if err != nil {
			t.Fatal(err)
		}
		t.Log(r)
		if f := r.Overall.F1(); f < c.minF1 {
			t.Errorf("%s: F1 %.4f, want at least %.2f", c.rel, f, c.minF1)
		}
	}
}

// Odd input must not break the stage or give spans outside the text.
func TestOddInput(t *testing.T) {
	long := strings.Repeat("Nairobi Lisbon Geneva ", 3000)
	for _, body := range []string{
		"", "...", "#a #b #c", "ÉCOLE ΑΘΗΝΑ İstanbul Ünal 東京 — “Quoted” ’s 's",
		"ALL CAPS HEADLINE ABOUT KENYA AND PORTUGAL", "http://example.com/Nairobi www.example.org",
		long, "Mr", "Mr.", "Gen Gen Gen", "O'Neill's U.S.-led 9/11 1,200 3.5 A.B.C.",
	} {
		d := analyze(t, &article.Article{Body: body})
		checkSpans(t, d)
		for _, e := range d.Entities {
			if e.Start < 0 || e.End > len(d.Text) || e.Start >= e.End {
				t.Errorf("%q: bad span %+v", body, e)
			}
		}
	}
}
