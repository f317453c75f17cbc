package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
)

// decodeDocs reads the JSON Lines output of analyze --json.
func decodeDocs(t *testing.T, out string) []doc.Document {
	t.Helper()
	var ds []doc.Document
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var d doc.Document
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("output line is not a document: %v\n%s", err, line)
		}
		ds = append(ds, d)
	}
	return ds
}

// TestLanguageFlag: --language replaces detection for articles that declare no
// language, a language declared in JSON Lines is always honoured (in ISO 639-1 or 639-3),
// and a bad code is a usage error.
func TestLanguageFlag(t *testing.T) {
	dir := t.TempDir()
	// A results table in English that the trigram statistics alone do not call English.
	table := filepath.Join(dir, "results.txt")
	os.WriteFile(table, []byte("SOCCER - DUTCH FIRST DIVISION RESULTS\n\nAMSTERDAM 1996-08-24\nVitesse Arnhem 2 Heerenveen 0\nWillem II Tilburg 1 Groningen 1\nFortuna Sittard 3 Sparta Rotterdam 1\n"), 0o644)
	code, out, stderr := runCLI(t, "analyze", "--json", "--language", "EN-gb", table)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if d := decodeDocs(t, out)[0]; d.Language != "en" || len(d.Skipped) != 0 {
		t.Errorf("--language en: language %q, skipped %+v; want en and nothing skipped", d.Language, d.Skipped)
	}

	lines := filepath.Join(dir, "news.jsonl")
	os.WriteFile(lines, []byte(
		`{"title": "Quake hits coast", "text": "Two people died when the earthquake struck the coast of Peru on Friday, officials said.", "language": "eng"}`+"\n"+
			`{"title": "Séisme", "text": "Two people died when the earthquake struck the coast of Peru on Friday, officials said.", "language": "fr"}`+"\n"), 0o644)
	code, out, stderr = runCLI(t, "analyze", "--json", "--language", "de", lines)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ds := decodeDocs(t, out)
	if len(ds) != 2 || ds[0].Language != "en" || len(ds[0].Casualties) != 1 {
		t.Errorf("declared eng: %+v", ds)
	}
	if len(ds) == 2 && (ds[1].Language != "fr" || len(ds[1].Casualties) != 0 || len(ds[1].Skipped) == 0) {
		t.Errorf("declared fr: language %q, casualties %v, skipped %v; want fr honoured and English stages skipped", ds[1].Language, ds[1].Casualties, ds[1].Skipped)
	}

	for _, bad := range []string{"english", "e", "12"} {
		if code, _, stderr := runCLI(t, "analyze", "--language", bad, table); code != exitUsage || !strings.Contains(stderr, "--language") {
			t.Errorf("--language %q: exit %d, stderr %q; want a usage error naming the flag", bad, code, stderr)
		}
	}
	if code, _, stderr := runCLI(t, "ingest", "--quiet", "--db", filepath.Join(dir, "x.db"), "--language", "english", table); code != exitUsage || !strings.Contains(stderr, "--language") {
		t.Errorf("ingest --language english: exit %d, stderr %q; want a usage error", code, stderr)
	}
	if code, out, stderr := runCLI(t, "ingest", "--quiet", "--db", filepath.Join(dir, "y.db"), "--language", "en", table); code != exitOK {
		t.Errorf("ingest --language en: exit %d: %s %s", code, out, stderr)
	}
}
