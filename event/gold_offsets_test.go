package event

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
)

// TestGoldSentenceOffsets: a gold line may give its sentence as character offsets into the
// document text (title, blank line, body) instead of as text, as for a gold set kept in
// the repository without the article's text; both forms find the same sentence, offsets
// count characters (not bytes) past a non-ASCII title, and offsets outside the text are an
// error naming the file.
func TestGoldSentenceOffsets(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"wikinews", "gold"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Title "Protest in Bogotá" is 17 characters (18 bytes); the body starts at 19.
	write("wikinews/articles.jsonl", `{"title": "Protest in Bogotá", "text": "Police arrested ten people. Students marched to the ministry."}`+"\n")
	write("gold/articles.json", `[{"article": "a1", "wikinews_line": 1, "published": "2020-01-02"}]`)
	// "Students marched to the ministry." is characters 47..80.
	write("gold/gold.jsonl", `{"article": "a1", "start": 47, "end": 80, "source": "COLCVL", "target": "COLGOV", "code": "141", "root": "14"}
{"article": "a1", "sentence": "Police arrested ten people.", "source": "COLCOP", "target": "", "code": "173", "root": "17"}
`)
	// annotate splits the text at ". " and codes a protest in the sentence with "marched".
	annotate := func(_ context.Context, d *doc.Document) error {
		start := 0
		for _, part := range strings.SplitAfter(d.Text, ". ") {
			s := doc.Sentence{Text: strings.TrimSpace(part)}
			s.Start, s.End = start, start+len(part)
			d.Sentences = append(d.Sentences, s)
			if strings.Contains(part, "marched") {
				d.Events = append(d.Events, doc.Event{Source: "COLCVL", Target: "COLGOV", Code: "141", Root: "14", Sentence: len(d.Sentences) - 1, Modality: Asserted})
			}
			start += len(part)
		}
		return nil
	}
	r, err := EvaluateGold(context.Background(), annotate, filepath.Join(root, "gold"), "")
	if err != nil {
		t.Fatal(err)
	}
	if r.Gold != 2 || r.Match.TP != 1 || r.Match.FP != 0 || r.Match.FN != 1 {
		t.Errorf("gold %d, match %+v; want 2 gold events, the protest found (1 TP) and the arrest missed (1 FN)", r.Gold, r.Match)
	}
	for _, m := range r.Misses {
		if m.Sentence != "Police arrested ten people." {
			t.Errorf("miss %+v, want only the arrest sentence", m)
		}
	}

	write("gold/gold.jsonl", `{"article": "a1", "start": 47, "end": 800, "code": "141"}`+"\n")
	if _, err := EvaluateGold(context.Background(), annotate, filepath.Join(root, "gold"), ""); err == nil || !strings.Contains(err.Error(), "gold.jsonl") {
		t.Errorf("offsets past the end: err %v, want an error naming gold.jsonl", err)
	}
}
