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

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/sqlite"
)

// writeInputs writes an HTML page and a text file into a fresh directory.
func writeInputs(t *testing.T) (html, txt string) {
	t.Helper()
	dir := t.TempDir()
	html = filepath.Join(dir, "a.html")
	txt = filepath.Join(dir, "b.txt")
	page := `<html><head><title>Council opens new bridge</title></head><body><article><h1>Council opens new bridge</h1>
<p>The county council opened the new bridge over the river Wend on Monday, two years after floods destroyed the old one.</p>
<p>Engineers said the bridge would carry four thousand vehicles a day.</p></article></body></html>`
	if err := os.WriteFile(html, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(txt, []byte("Tram line reopens\n\nThe tram line between the station and the harbour reopened on Friday after repairs.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return html, txt
}

// TestMissingPathDoesNotStopBatch: a missing input is named with its reason while the
// inputs after it still go in, and the command exits 1 at the end.
func TestMissingPathDoesNotStopBatch(t *testing.T) {
	html, txt := writeInputs(t)
	missing := filepath.Join(t.TempDir(), "nonexistent")
	for _, order := range [][]string{{html, missing, txt}, {missing, html, txt}} {
		db := filepath.Join(t.TempDir(), "t.db")
		code, out, stderr := runCLI(t, append([]string{"ingest", "--quiet", "--db", db}, order...)...)
		if code != exitInput {
			t.Errorf("ingest %v: exit %d, want %d; stderr %s", order, code, exitInput, stderr)
		}
		if !strings.Contains(out, "new 2,") || !strings.Contains(out, "rejected 1") {
			t.Errorf("ingest %v: summary %s; want 2 new, 1 rejected", order, out)
		}
		if !strings.Contains(out, "rejected "+missing+": ") || !strings.Contains(out, "no such file") {
			t.Errorf("ingest %v: summary does not name %s and why:\n%s", order, missing, out)
		}

		code, out, stderr = runCLI(t, append([]string{"analyze"}, order...)...)
		if code != exitInput {
			t.Errorf("analyze %v: exit %d, want %d", order, code, exitInput)
		}
		if strings.Count(out, "== ") != 2 || !strings.Contains(out, "Council opens new bridge") || !strings.Contains(out, "Tram line reopens") {
			t.Errorf("analyze %v: want both articles, got:\n%s", order, out)
		}
		if !strings.Contains(stderr, missing) || !strings.Contains(stderr, "no such file") {
			t.Errorf("analyze %v: stderr does not name %s and why: %s", order, missing, stderr)
		}
	}
}

// TestServeMissingStore: serving a --db path where no store exists is an error that
// creates nothing, unless --create is given.
func TestServeMissingStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "mistyped", "tocsin.db")
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	// A cancelled context: with --create, serve stops as soon as it has opened the store.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code := run(ctx, e, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"})
	if code != exitInput || !strings.Contains(errb.String(), "--create") || !strings.Contains(errb.String(), db) {
		t.Errorf("exit %d, stderr %q; want 1 and a message naming %s and --create", code, errb.String(), db)
	}
	if _, err := os.Stat(filepath.Dir(db)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("serve created %s: %v", filepath.Dir(db), err)
	}
	// With --create, serve opens a new store and serves it until the context ends,
	// here as soon as it prints where it serves.
	errb.Reset()
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	e.stdout = cancelOnWrite{cancel}
	code = run(ctx, e, []string{"serve", "--create", "--db", db, "--addr", "127.0.0.1:0"})
	if _, err := os.Stat(db); err != nil || code != exitOK {
		t.Errorf("serve --create: exit %d, store %v (stderr %s)", code, err, errb.String())
	}
}

// cancelOnWrite cancels a context on the first write.
type cancelOnWrite struct{ cancel context.CancelFunc }

func (w cancelOnWrite) Write(p []byte) (int, error) { w.cancel(); return len(p), nil }

// TestDateFromFileName: an article whose text gives no date takes the one its file name
// carries, with date_source "filename"; --date only dates what has neither, as "user",
// in analyze and in the store alike.
func TestDateFromFileName(t *testing.T) {
	dir := t.TempDir()
	named := filepath.Join(dir, "politico_2016-08-08_tram-line-reopens.txt")
	plain := filepath.Join(dir, "bridge.txt")
	for path, text := range map[string]string{
		named: "Tram line reopens\n\nThe tram line between the station and the harbour reopened after repairs.\n",
		plain: "Council opens new bridge\n\nThe county council opened the new bridge over the river Wend.\n",
	} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := runCLI(t, "analyze", "--json", "--date", "2020-01-09", named, plain)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := map[string]string{
		"Tram line reopens":        "2016-08-08 filename",
		"Council opens new bridge": "2020-01-09 user",
	}
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var d doc.Document
		if err := dec.Decode(&d); err != nil {
			t.Fatal(err)
		}
		if got := d.Published + " " + d.DateSource; got != want[d.Title] {
			t.Errorf("analyze %q: published and source %q, want %q", d.Title, got, want[d.Title])
		}
	}

	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, stderr := runCLI(t, "ingest", "--quiet", "--db", db, "--date", "2020-01-09", named, plain); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sums, _, err := st.List(context.Background(), store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range sums {
		d, err := st.Get(context.Background(), sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Published + " " + d.DateSource; got != want[d.Title] {
			t.Errorf("stored %q: published and source %q, want %q", d.Title, got, want[d.Title])
		}
	}
}

// TestAnalyzeCountsInWords: one paragraph or sentence is not "1 paragraphs".
func TestAnalyzeCountsInWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "one.txt")
	if err := os.WriteFile(path, []byte("The tram line reopened on Friday after repairs.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "analyze", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "1 paragraph, 1 sentence:") {
		t.Errorf("output does not count in words:\n%s", out)
	}
}
