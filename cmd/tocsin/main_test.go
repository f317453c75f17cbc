package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/reader"
	"github.com/tocsin-project/tocsin/samples"
)

// runCLI runs tocsin with args and returns its exit code, stdout and stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string {
		if k == "TOCSIN_DB" {
			return filepath.Join(t.TempDir(), "default.db")
		}
		return ""
	}}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

// TestSeedPipeline runs the whole pipeline over the article the project started from.
func TestSeedPipeline(t *testing.T) {
	seed := sharedtest.Path(t, "seed/kerman-stampede.txt")
	code, out, stderr := runCLI(t, "analyze", "--json", seed)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var d doc.Document
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("output is not one JSON document: %v\n%s", err, out)
	}
	if want := "50 mourners dead after stampede at Qasem Soleimani burial in Iran"; d.Title != want {
		t.Errorf("title = %q, want %q", d.Title, want)
	}
	if got, want := strings.Join(d.Hashtags, " "), "Iran Soleimani Middleeast UnitedStates DonaldTrump"; got != want {
		t.Errorf("hashtags = %q, want %q", got, want)
	}
	if strings.Contains(d.Text, "#") {
		t.Errorf("text still contains a hashtag: %q", d.Text[strings.Index(d.Text, "#"):])
	}
	if d.Language != "en" {
		t.Errorf("language = %q, want en", d.Language)
	}
	if d.Published != "" {
		t.Errorf("published = %q, want empty: the seed has no date", d.Published)
	}
	var sents []string
	for _, s := range d.Sentences {
		if d.Text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence offsets %d-%d do not match its text %q", s.Start, s.End, s.Text)
		}
		sents = append(sents, s.Text)
	}
	hasSentence := func(prefix, suffix string) {
		t.Helper()
		for _, s := range sents {
			if strings.HasPrefix(s, prefix) && strings.HasSuffix(s, suffix) {
				return
			}
		}
		t.Errorf("no sentence %q … %q among:\n%s", prefix, suffix, strings.Join(sents, "\n"))
	}
	// "in Iran.This was": a run-on boundary without a space.
	hasSentence("The burial is the last", "on to the streets in Iran.")
	hasSentence("This was the first time Iran honoured", "Ayatollah Ruhollah Khomeini.")
	// "Maj Gen" has no dots and must not end or start a sentence.
	hasSentence("Top general, Maj Gen Hossein Salami said:", "renewed their threats of revenge.")
	// Both layers the later annotators fill are present, as arrays.
	for _, layer := range []string{`"entities":[`, `"places":[`, `"quotes":[`, `"casualties":[`, `"dates":[`, `"events":[`, `"incidents":[`} {
		if !strings.Contains(out, layer) {
			t.Errorf("JSON lacks layer %s", layer)
		}
	}
	// The stampede is an incident with its two counts, in Kerman, and no actors.
	if len(d.Incidents) != 1 {
		t.Fatalf("incidents %+v, want the stampede alone", d.Incidents)
	}
	inc := d.Incidents[0]
	var counts []string
	for _, ci := range inc.Casualties {
		counts = append(counts, d.Casualties[ci].Kind)
	}
	if inc.Cause != "stampede" || inc.Kind != "accident" || strings.Join(counts, " ") != "killed injured" ||
		inc.Place != "Kerman" || len(inc.Events) != 0 || d.Slice(inc.Span) != "stampede" {
		t.Errorf("incident %+v (counts %v), want the stampede in Kerman, killed and injured, no events", inc, counts)
	}
}

func TestAnalyzeRejectsBadInput(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "binary.txt")
	os.WriteFile(good, []byte("Floods close schools\n\nHeavy rain closed schools across the valley on Monday. Officials said classes would resume soon."), 0o644)
	os.WriteFile(empty, []byte("  \n"), 0o644)
	os.WriteFile(binary, []byte("\x00\x01\x02\x03binary\x00"), 0o644)
	code, out, stderr := runCLI(t, "analyze", "--json", good, empty, binary)
	if code != exitInput {
		t.Errorf("exit code %d, want %d", code, exitInput)
	}
	if n := strings.Count(out, "\n"); n != 1 {
		t.Errorf("want the good article printed as one JSON line, got %d lines:\n%s", n, out)
	}
	for _, name := range []string{"empty.txt", "binary.txt"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr does not name %s:\n%s", name, stderr)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"analyze"}, {"nosuch"}, {"analyze", "--date", "3 Jan", "x.txt"}, {"bench"}, {"eval", "nosuch", "x"}} {
		if code, _, _ := runCLI(t, args...); code != exitUsage {
			t.Errorf("tocsin %s: exit %d, want %d", strings.Join(args, " "), code, exitUsage)
		}
	}
	if code, _, _ := runCLI(t, "analyze", "/no/such/file.txt"); code != exitInput {
		t.Errorf("missing file: exit %d, want %d", code, exitInput)
	}
}

func TestAnalyzeDateFlag(t *testing.T) {
	f := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(f, []byte("Talks resume\n\nNegotiators met again on Tuesday in Geneva. Both sides called the talks useful."), 0o644)
	code, out, stderr := runCLI(t, "analyze", "--json", "--date", "2020-01-09", f)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var d doc.Document
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Published != "2020-01-09" || d.DateSource != "user" {
		t.Errorf("published %q from %q, want 2020-01-09 from user", d.Published, d.DateSource)
	}
}

func TestIngestCountsNewKnownRejected(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "t.db")
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Bridge reopens\n\nThe river bridge reopened on Monday after repairs, the city said."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.jsonl"), []byte(
		`{"title":"Port strike ends","text":"Dock workers returned to work on Friday after a week-long strike.","published":"2021-03-05"}`+"\n"+
			`{"title": broken`+"\n"+
			`{"title":"Bridge reopens","text":"The river bridge reopened on Monday after repairs, the city said."}`+"\n"), 0o644)
	code, out, stderr := runCLI(t, "ingest", "--db", db, dir)
	if code != exitInput {
		t.Fatalf("exit %d, want %d (one line rejected); stderr %s", code, exitInput, stderr)
	}
	if !strings.Contains(out, "read 4, new 2, already known 1, rejected 1") {
		t.Errorf("summary: %s", out)
	}
	if !strings.Contains(out, "b.jsonl:2") {
		t.Errorf("summary does not name the bad line b.jsonl:2:\n%s", out)
	}
	// Ingesting again adds nothing.
	_, out, _ = runCLI(t, "ingest", "--db", db, filepath.Join(dir, "a.txt"))
	if !strings.Contains(out, "read 1, new 0, already known 1, rejected 0") {
		t.Errorf("re-ingest summary: %s", out)
	}
}

func TestDemoIngestsSamples(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, stderr := runCLI(t, "demo", "--no-serve", "--db", db)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "rejected 0") || strings.Contains(out, "new 0,") {
		t.Errorf("demo summary: %s", out)
	}
}

// TestDictFlags loads a user's PETRARCH verb and actor dictionaries on the command line.
func TestDictFlags(t *testing.T) {
	dir := t.TempDir()
	verbs := filepath.Join(dir, "snub.verbs")
	os.WriteFile(verbs, []byte("--- SNUB [125] ---\nSNUB {SNUBS SNUBBED SNUBBING}\n"), 0o644)
	art := filepath.Join(dir, "a.txt")
	os.WriteFile(art, []byte("Talks stall\n\nIran snubbed Israel on Monday, officials said. Iraq attacked Kuwait."), 0o644)

	events := func(args ...string) map[string]doc.Event {
		t.Helper()
		code, out, stderr := runCLI(t, append([]string{"analyze", "--json", "--date", "2021-05-04"}, args...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var d doc.Document
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		m := map[string]doc.Event{}
		for _, e := range d.Events {
			m[e.Source+"→"+e.Target] = e
		}
		return m
	}
	// The embedded dictionary codes "snub" as a rebuff (111) and the attack as 19x.
	ev := events(art)
	if ev["IRN→ISR"].Code != "111" || ev["IRQ→KWT"].Root != "19" {
		t.Fatalf("embedded dictionaries: got %+v", ev)
	}
	// A user's verb dictionary takes precedence for its verbs.
	ev = events("--dict", verbs, art)
	if got := ev["IRN→ISR"]; got.Code != "125" || !strings.Contains(got.Rule, "snub.verbs") {
		t.Errorf("with --dict: got %+v, want code 125 from snub.verbs", got)
	}
	// With --dict-only the embedded knowledge is gone, actors included: the user gives
	// the countries, and the attack, which only the embedded verbs know, is not coded.
	actors := filepath.Join(dir, "countries.actors")
	os.WriteFile(actors, []byte("IRAN_ [IRN]\nISRAEL_ [ISR]\nIRAQ_ [IRQ]\nKUWAIT_ [KWT]\n"), 0o644)
	ev = events("--dict", "verbs:"+verbs, "--dict", actors, "--dict-only", art)
	if _, ok := ev["IRQ→KWT"]; ok || ev["IRN→ISR"].Code != "125" {
		t.Errorf("with --dict-only: got %+v, want only the snub", ev)
	}
	if code, _, stderr := runCLI(t, "analyze", "--dict", filepath.Join(dir, "missing.txt"), art); code == exitOK || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("a missing dictionary: exit %d, stderr %q", code, stderr)
	}
}

// TestBatchMatchesOneByOne: analysing articles together, stage by stage, gives each the
// same document as analysing it alone, and an invalid article fails alone.
func TestBatchMatchesOneByOne(t *testing.T) {
	ctx := context.Background()
	p, err := newPipeline(nil)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*article.Article
	err = reader.ParseJSONL(ctx, samples.Name, bytes.NewReader(samples.JSONL()), func(a *article.Article, err error) error {
		if err != nil {
			return err
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	arts = arts[:min(len(arts), 12)]
	bad := &article.Article{Origin: "binary.txt", Title: "Scan", Body: "\x00\x01\x02"}
	batch := append(append([]*article.Article{}, arts[:5]...), bad)
	batch = append(batch, arts[5:]...)
	docs, errs := p.AnalyzeBatch(ctx, batch)
	var ie *article.InputError
	if !errors.As(errs[5], &ie) || docs[5] != nil {
		t.Errorf("the binary article: got error %v, want an input error and no document", errs[5])
	}
	for i, a := range arts {
		k := i
		if i >= 5 {
			k++
		}
		if errs[k] != nil {
			t.Fatalf("%s: %v", a.Origin, errs[k])
		}
		alone, err := p.Analyze(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(alone)
		got, _ := json.Marshal(docs[k])
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the batch gave a different document", a.Origin)
		}
		if len(alone.Events)+len(alone.Entities) == 0 {
			t.Errorf("%s: nothing found, so the comparison shows little", a.Origin)
		}
	}
}

// TestCasualtyPlaceIsNotANationality: "three US soldiers" are American, not killed in the
// United States; a named place still counts. (Here because it needs the syntax and
// places layers, which the casualty package's own tests do not run.)
func TestCasualtyPlaceIsNotANationality(t *testing.T) {
	p, err := newPipeline(nil)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"Militants killed three US soldiers on Monday.":          "",
		"Militants killed three US soldiers in Kabul on Monday.": "Kabul",
	} {
		d, err := p.Analyze(context.Background(), &article.Article{Title: "Attack", Body: text, Published: "2020-01-08"})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Casualties) != 1 || d.Casualties[0].Place != want {
			t.Errorf("%s: casualties %+v, want one in %q", text, d.Casualties, want)
		}
	}
}
