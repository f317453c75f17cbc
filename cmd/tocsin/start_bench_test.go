package main

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/tocsin-project/tocsin/internal/cputime"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
)

// These benchmarks run the built command as a user's script does, one process per call,
// and report its CPU time (user + system, from the kernel), start-up included:
//
//	go test ./cmd/tocsin -run '^$' -bench Process -benchtime 5x
//
// Wall time is reported too but is a poor guide on a shared machine.

var builtTocsin = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "tocsin-bench")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "tocsin")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", &buildError{err, string(out)}
	}
	return bin, nil
})

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return "go build: " + e.err.Error() + "\n" + e.out }

// processCPU runs tocsin with args and returns its CPU time.
func processCPU(b *testing.B, args ...string) time.Duration {
	b.Helper()
	bin, err := builtTocsin()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("tocsin %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// BenchmarkProcessShort is `tocsin analyze --json` of one short real article (the seed,
// 537 words), a whole process each time. Target: at most 0.3 s of CPU.
func BenchmarkProcessShort(b *testing.B) {
	seed := sharedtest.Path(b, "seed/kerman-stampede.txt")
	if _, err := builtTocsin(); err != nil {
		b.Fatal(err)
	}
	var cpu time.Duration
	for b.Loop() {
		cpu += processCPU(b, "analyze", "--json", seed)
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkProcessLarge is `tocsin analyze --json` of a JSON Lines file of the first
// news-bench articles that reach 46,000 words, a whole process each time, beside prose
// v2's entity recogniser alone on the same texts (its model load included, as a process
// of its own would pay it). Target: tocsin at least 10× prose's words per CPU second.
func BenchmarkProcessLarge(b *testing.B) {
	texts, words := newsBenchTexts(b, 46000)
	file := filepath.Join(b.TempDir(), "news.jsonl")
	var sb strings.Builder
	for _, t := range texts {
		line, err := json.Marshal(map[string]string{"text": t})
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(line)
		sb.WriteByte('\n')
	}
	if err := os.WriteFile(file, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	proseCPU := proseNER(b, texts)
	if _, err := builtTocsin(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var cpu time.Duration
	for b.Loop() {
		cpu += processCPU(b, "analyze", "--json", file)
	}
	perOp := cpu.Seconds() / float64(b.N)
	b.ReportMetric(perOp, "cpu-s/op")
	b.ReportMetric(float64(words)/perOp, "words/cpu-s")
	b.ReportMetric(float64(words)/proseCPU.Seconds(), "prose-words/cpu-s")
	b.ReportMetric(proseCPU.Seconds()/perOp, "x-prose")
}

// proseNER runs prose's tokenizer, tagger and entity extractor on texts, loading its
// model first, and returns the CPU time this process spent on it.
func proseNER(b *testing.B, texts []string) time.Duration {
	b.Helper()
	start := cputime.Self()
	warm, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false))
	if err != nil {
		b.Fatal(err)
	}
	model := prose.UsingModel(warm.Model)
	for _, t := range texts {
		if _, err := prose.NewDocument(t, model, prose.WithSegmentation(false)); err != nil {
			b.Fatal(err)
		}
	}
	return cputime.Self() - start
}

// newsBenchTexts returns the first news-bench articles (by file name) that together
// reach want words, and their word count.
func newsBenchTexts(b *testing.B, want int) ([]string, int) {
	dir := sharedtest.Path(b, "data/news-bench")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no news-bench articles in %s: %v", dir, err)
	}
	var texts []string
	words := 0
	for _, n := range names {
		if words >= want {
			break
		}
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		words += len(strings.Fields(string(data)))
	}
	if words < want {
		b.Fatalf("news-bench has only %d words", words)
	}
	return texts, words
}
