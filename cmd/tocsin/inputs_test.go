package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
