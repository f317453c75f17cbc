package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/export"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/sqlite"
)

// ingestedSamples ingests the bundled sample articles into a fresh store and returns
// its path.
func ingestedSamples(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "events.db")
	if code, _, stderr := runCLI(t, "ingest", "--quiet", "--db", db, "../../samples/articles.jsonl"); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	return db
}

func TestEventsCommand(t *testing.T) {
	db := ingestedSamples(t)
	code, out, stderr := runCLI(t, "events", "--db", db, "--json", "--dyad", "IRN-USA", "--root", "19", "--root", "18", "--limit", "100")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) == 0 || lines[0] == "" {
		t.Fatalf("no IRN-USA events of roots 18 and 19 in the samples; stderr %s", stderr)
	}
	for _, line := range lines {
		var r store.EventRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		pair := r.Source[:min(3, len(r.Source))] + "-" + r.Target[:min(3, len(r.Target))]
		if pair != "IRN-USA" && pair != "USA-IRN" || r.Root != "19" && r.Root != "18" {
			t.Errorf("row %d (%s→%s %s) does not match the filters", r.ID, r.Source, r.Target, r.Code)
		}
		if r.URL == "" || r.SentenceText == "" || r.ArticleID == "" || r.SourceName == "" {
			t.Errorf("row %d lacks its evidence: %s", r.ID, line)
		}
	}
	if !strings.Contains(stderr, "of "+strconv.Itoa(len(lines))) {
		t.Errorf("stderr %q does not give the total %d", stderr, len(lines))
	}
	// The table and CSV show the same events.
	code, table, _ := runCLI(t, "events", "--db", db, "--dyad", "irn-usa", "--root", "19", "--root", "18", "--limit", "100")
	if code != exitOK || len(strings.Split(strings.TrimSpace(table), "\n")) != len(lines)+1 {
		t.Errorf("table (exit %d):\n%s", code, table)
	}
	code, csvOut, _ := runCLI(t, "events", "--db", db, "--format", "csv", "--dyad", "IRN-USA", "--root", "19", "--root", "18")
	if code != exitOK || !strings.HasPrefix(csvOut, strings.Join(export.CSVHeader(), ",")+"\r\n") {
		t.Errorf("csv (exit %d):\n%.300s", code, csvOut)
	}
}

func TestEventsUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--root", "7"}, `--root "7"`},
		{[]string{"--code", "999"}, `--code "999"`},
		{[]string{"--quad", "0"}, `--quad "0"`},
		{[]string{"--country", "Iran"}, `--country "Iran"`},
		{[]string{"--since", "2020-01-32"}, `--since "2020-01-32"`},
		{[]string{"--since", "2020-02-01", "--until", "2020-01-01"}, `--until "2020-01-01"`},
		{[]string{"--modality", "likely"}, `--modality "likely"`},
		{[]string{"--dyad", "IRN"}, `--dyad "IRN"`},
		{[]string{"--q", "--"}, `--q "--"`},
		{[]string{"--format", "xml"}, `--format "xml"`},
		{[]string{"--limit", "0"}, `--limit 0`},
		{[]string{"IRN"}, `unexpected argument "IRN"`},
	} {
		code, _, stderr := runCLI(t, append([]string{"events", "--db", db}, tt.args...)...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("events %v: exit %d, %q; want exit 2 naming %s", tt.args, code, stderr, tt.want)
		}
	}
	// A --db with no store is bad input, and creates nothing.
	missing := filepath.Join(t.TempDir(), "missing.db")
	for _, cmd := range []string{"events", "export"} {
		code, _, stderr := runCLI(t, cmd, "--db", missing, "--format", "csv")
		if _, err := os.Stat(missing); code != exitInput || !strings.Contains(stderr, "no store") || err == nil {
			t.Errorf("%s on a missing store: exit %d, %q, stat %v; want exit 1 and no file", cmd, code, stderr, err)
		}
	}
}

func TestExportCommand(t *testing.T) {
	db := ingestedSamples(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "events.tsv")
	code, _, stderr := runCLI(t, "export", "--db", db, "--format", "gdelt", "--out", out, "--country", "IRQ")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != export.GDELTColumns || f[53] != "IZ" {
			t.Errorf("%d columns, ActionGeo_CountryCode %q: %q", len(f), f[min(53, len(f)-1)], line)
		}
	}
	if !strings.Contains(stderr, "wrote "+strconv.Itoa(len(lines))+" events") {
		t.Errorf("stderr %q; want the count %d", stderr, len(lines))
	}
	// An existing file needs --force; with it the file is replaced.
	code, _, stderr = runCLI(t, "export", "--db", db, "--format", "csv", "--out", out)
	if code != exitUsage || !strings.Contains(stderr, "--force") {
		t.Errorf("export over a file: exit %d, %q", code, stderr)
	}
	if code, _, stderr = runCLI(t, "export", "--db", db, "--format", "csv", "--out", out, "--force"); code != exitOK {
		t.Errorf("export --force: exit %d, %s", code, stderr)
	}
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "id,article_id,") {
		t.Errorf("--force did not replace the file: %.100q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("%d files in the output directory; want only the export", len(ents))
	}
	// - is stdout; PLOVER lines have the manual's field names.
	code, stdout, _ := runCLI(t, "export", "--db", db, "--format", "plover", "--root", "19")
	if code != exitOK || !strings.Contains(stdout, `"event":"ASSAULT"`) || !strings.Contains(stdout, `"text_info":`) {
		t.Errorf("plover to stdout: exit %d\n%.300s", code, stdout)
	}
	for _, args := range [][]string{{"--format", "gdelt3"}, {}, {"--format", "csv", "extra"}} {
		if code, _, stderr := runCLI(t, append([]string{"export", "--db", db}, args...)...); code != exitUsage {
			t.Errorf("export %v: exit %d, %s; want 2", args, code, stderr)
		}
	}
}

func TestBenchStore(t *testing.T) {
	code, out, stderr := runCLI(t, "bench", "store", "--events", "3000", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var res benchStoreResult
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		t.Fatalf("last line is not the JSON figures: %v\n%s", err, out)
	}
	if res.Events != 3000 || res.Articles < 150 || res.IngestRowsPS <= 0 || res.QueryP99MS <= 0 ||
		len(res.Queries) != 4 || len(res.ExportRowsPS) != len(export.Formats) {
		t.Errorf("figures %+v", res)
	}
	// Each analyst's read is timed, and found stories (or ran, for one day's alerts).
	for _, kind := range analysisKinds {
		q := res.Analysis[kind]
		if q.N != analysisRuns || q.P99MS <= 0 || (kind != "alerts-day" && q.Rows == 0) {
			t.Errorf("analysis %s: %+v", kind, q)
		}
	}
	// Each story query ran, the one by ID on the IDs the others found.
	for _, kind := range storyKinds {
		if q := res.Stories[kind]; q.N != queriesPerKind || q.P99MS <= 0 || q.Rows == 0 {
			t.Errorf("stories %s: %+v", kind, q)
		}
	}
	// Each query of the mix found something on average: the mix measures real work.
	for kind, q := range res.Queries {
		if q.N != queriesPerKind || q.Rows == 0 {
			t.Errorf("query %s: %+v", kind, q)
		}
	}
	if code, _, _ := runCLI(t, "bench", "store", "--events", "0"); code != exitUsage {
		t.Errorf("--events 0: exit %d; want 2", code)
	}
}

// TestIngestLinksInInputOrder: stories are linked as each report is stored, so ingest
// stores in input order whichever worker finishes first; the same input gives the same
// stories with one worker or several analysing one article at a time.
func TestIngestLinksInInputOrder(t *testing.T) {
	stories := func(workers string) string {
		db := filepath.Join(t.TempDir(), "order.db")
		if code, _, stderr := runCLI(t, "ingest", "--quiet", "--workers", workers, "--batch", "1", "--db", db, "../../samples/articles.jsonl"); code != exitOK {
			t.Fatalf("ingest --workers %s: exit %d: %s", workers, code, stderr)
		}
		code, out, stderr := runCLI(t, "stories", "--db", db, "--format", "json", "--limit", "10000")
		if code != exitOK || out == "" {
			t.Fatalf("stories: exit %d: %s", code, stderr)
		}
		return out
	}
	one := stories("1")
	for range 3 {
		if many := stories("4"); many != one {
			t.Fatalf("stories differ between --workers 1 (%d lines) and --workers 4 (%d lines)", strings.Count(one, "\n"), strings.Count(many, "\n"))
		}
	}
}
