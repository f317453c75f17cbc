package reader

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
)

// writeFiles creates files (relative path → content) under a new temporary directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadDirectory(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.txt":            "Second file\n\nText of the second file.",
		"a.txt":            "First file\n\nText of the first file.",
		"sub/c.jsonl":      "{\"text\":\"Line one.\"}\nnot json\n{\"text\":\"Line three.\"}\n",
		"sub/d.html":       "<html><head><title>Page</title></head><body><p>Words on a page.</p></body></html>",
		"sub/feed.xml":     `<rss version="2.0"><channel><title>F</title><item><title>Item</title><link>https://f.example/1</link><description>Item text.</description></item></channel></rss>`,
		"z-empty.txt":      " \n",
		".hidden.txt":      "Hidden\n\nMust not be read.",
		".git/config.txt":  "Hidden dir\n\nMust not be read.",
		"sub/.cache/x.txt": "Hidden dir\n\nMust not be read.",
		"A-upper.txt":      "Upper\n\nCapital letters sort before small ones.",
		"sub/notes":        "No extension\n\nSniffed as text.",
	})
	var c collected
	if err := Read(context.Background(), dir, Options{}, c.emit); err != nil {
		t.Fatal(err)
	}
	rel := func(s string) string {
		prefix, rest, _ := strings.Cut(s, " ")
		if rest != "" {
			r, _ := filepath.Rel(dir, rest)
			return prefix + " " + filepath.ToSlash(r)
		}
		if strings.HasPrefix(s, "https:") {
			return s
		}
		r, _ := filepath.Rel(dir, s)
		return filepath.ToSlash(r)
	}
	var got []string
	for _, o := range c.order {
		got = append(got, rel(o))
	}
	want := []string{
		"A-upper.txt", "a.txt", "b.txt",
		"sub/c.jsonl:1", "rejected sub/c.jsonl:2", "sub/c.jsonl:3",
		"sub/d.html", "https://f.example/1", "sub/notes",
		"rejected z-empty.txt",
	}
	if !slices.Equal(got, want) {
		t.Errorf("read order\n%q\nwant\n%q", got, want)
	}
	if a := c.articles[len(c.articles)-1]; a.Title != "No extension" {
		t.Errorf("sniffed file read as %+v", a)
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{"ok.txt": "Fine\n\nA fine article."})

	// A missing source is a rejected input naming the path and the reason; Read goes on.
	missing := filepath.Join(dir, "missing.txt")
	var got error
	err := Read(context.Background(), missing, Options{}, func(_ *article.Article, err error) error { got = err; return nil })
	ie, ok := errors.AsType[*article.InputError](got)
	if err != nil || !ok || ie.Input != missing || !strings.Contains(ie.Reason, "no such file") {
		t.Errorf("missing file: Read = %v, emitted %v; want a rejection naming %s", err, got, missing)
	}

	// An error from emit stops Read and comes back unchanged.
	stop := errors.New("stop")
	if err := Read(context.Background(), dir, Options{}, func(*article.Article, error) error { return stop }); err != stop {
		t.Errorf("emit error: got %v", err)
	}

	// A cancelled context stops Read.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Read(ctx, dir, Options{}, (&collected{}).emit); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

func TestReadRejectsLargeFileBeforeReading(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 6 MiB long, costing no disk, and never read whole.
	if err := f.Truncate(6 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var c collected
	if err := Read(context.Background(), big, Options{}, c.emit); err != nil {
		t.Fatal(err)
	}
	if len(c.errs) != 1 || c.errs[0].Input != big || c.errs[0].Reason != "file is 6291456 bytes, over the 5242880-byte limit" {
		t.Errorf("emitted %q %+v", c.order, c.errs)
	}
	// Read through a stream of unknown size, the limit still holds.
	c = collected{}
	r := &run{ctx: context.Background(), opts: Options{MaxBytes: 10}.withDefaults(), emit: c.emit}
	if err := r.stream("stdin", strings.NewReader("Title\n\nSome body text."), -1); err != nil {
		t.Fatal(err)
	}
	if len(c.errs) != 1 || c.errs[0].Reason != "file is over the 10-byte limit" {
		t.Errorf("stream: emitted %q %+v", c.order, c.errs)
	}
}

func TestReadStdinLikeStream(t *testing.T) {
	var c collected
	r := &run{ctx: context.Background(), opts: Options{}.withDefaults(), emit: c.emit}
	if err := r.stream(stdinName, strings.NewReader("{\"title\":\"A\",\"text\":\"One.\"}\n{\"title\":\"B\",\"text\":\"Two.\"}\n"), -1); err != nil {
		t.Fatal(err)
	}
	if want := []string{"stdin:1", "stdin:2"}; !slices.Equal(c.order, want) {
		t.Errorf("emitted %q, want %q", c.order, want)
	}
}
