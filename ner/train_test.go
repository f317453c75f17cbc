package ner

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// unlabelledText is written for this test: a few sentences, repeated so that their words
// pass the clusters' frequency threshold.
const unlabelledText = `Anna Kowalski spoke in Nairobi on Monday. Rafael Ortiz spoke in Lisbon on Friday.
The minister flew to Geneva on Tuesday. The envoy flew to Nairobi on Sunday.
Officials from Northwind Energy met officials from the African Union in Lisbon.

`

func TestTrainTiny(t *testing.T) {
	dir := t.TempDir()
	conll := filepath.Join(dir, "conll2003")
	bench := filepath.Join(dir, "news-bench")
	for _, d := range []string{conll, bench} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	fixture, err := os.ReadFile("testdata/tiny.conll")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(conll, "train.txt"), fixture, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bench, "a.txt"), []byte(strings.Repeat(unlabelledText, 5)), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := TrainConfig{CoNLLDir: conll, Epochs: 8, MinCount: 1, Prune: 0.01}
	var files [2][]byte
	var m *Model
	for i := range files {
		var progress bytes.Buffer
		m, err = Train(context.Background(), cfg, &progress)
		if err != nil {
			t.Fatalf("%v\n%s", err, progress.String())
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		files[i] = b.Bytes()
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("training twice gives different models")
	}
	if !strings.Contains(m.Notes(), "train.txt (conll2003): 2 documents, 49 tokens") {
		t.Errorf("notes: %s", m.Notes())
	}
	// The model fits its training data.
	r, err := Evaluate(context.Background(), m, filepath.Join(conll, "train.txt"), FormatCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	if r.Overall.F1() < 0.9 {
		t.Errorf("training data: %v", r.Overall)
	}
	if _, err := Train(context.Background(), TrainConfig{CoNLLDir: filepath.Join(dir, "none")}, nil); err == nil {
		t.Error("training without data succeeded")
	}
}
