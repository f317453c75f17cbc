package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
)

// openTest opens a store in a fresh temporary directory and closes it with the test.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "tocsin.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// newDoc builds a document whose Text is the title, a blank line, then the body.
func newDoc(id, title, body string) *doc.Document {
	text := title + "\n\n" + body
	start := len(title) + 2
	return &doc.Document{
		ID:         id,
		Title:      title,
		Published:  "2020-01-07",
		Source:     "example.org",
		URL:        "https://example.org/" + id,
		Language:   "en",
		Text:       text,
		BodyStart:  start,
		Paragraphs: []doc.Span{{Start: 0, End: len(title)}, {Start: start, End: len(text)}},
	}
}

// fullDoc builds a document with every layer filled in.
func fullDoc(id string) *doc.Document {
	d := newDoc(id, "Crowds mourn general in Kerman",
		"Tens of thousands gathered in Kerman on Tuesday. At least 56 people were killed in a stampede, state television said.")
	d.Standfirst = "A stampede at the funeral procession"
	d.DateSource = "article"
	d.Author = "A. Writer"
	d.Origin = "rss"
	d.Hashtags = []string{"#Kerman"}
	d.Tokens = []doc.Token{
		{Text: "Crowds", Span: doc.Span{Start: 0, End: 6}, Kind: doc.Word},
		{Text: "mourn", Span: doc.Span{Start: 7, End: 12}, Kind: doc.Word, SpaceBefore: true},
		{Text: "56", Span: doc.Span{Start: 80, End: 82}, Kind: doc.Number, SpaceBefore: true},
	}
	d.Sentences = []doc.Sentence{{Text: "Tens of thousands gathered in Kerman on Tuesday.",
		Span: doc.Span{Start: 32, End: 80}, FirstToken: 0, EndToken: 2, Paragraph: 1}}
	d.Entities = []doc.Entity{{Text: "Kerman", Type: "LOCATION", Canonical: "Kerman",
		Actor: "IRN", Role: "place", Span: doc.Span{Start: 24, End: 30}}}
	d.Places = []doc.Place{{Name: "Kerman", Country: "IRN", Admin1: "Kerman", Lat: 30.28321,
		Lon: 57.07879, GeonameID: 128234, Span: doc.Span{Start: 24, End: 30}}}
	d.Quotes = []doc.Quote{{Text: "At least 56 people were killed", Direct: false, Cue: "said",
		Speaker: doc.Speaker{Text: "state television", Canonical: "IRIB", Actor: "IRNMED",
			Span: doc.Span{Start: 130, End: 146}},
		Date: "2020-01-07", Span: doc.Span{Start: 81, End: 111}}}
	d.Casualties = []doc.Casualty{{Kind: "killed", Value: 56, Qualifier: "at least", Vague: false,
		Victims: "people", Place: "Kerman", Date: "2020-01-07", Text: "At least 56 people were killed",
		Span: doc.Span{Start: 81, End: 111}}}
	d.Dates = []doc.Date{{Text: "Tuesday", Value: "2020-01-07", Resolved: true, Span: doc.Span{Start: 72, End: 79}},
		{Text: "one day", Value: "", Resolved: false, Reason: "no anchor"}}
	d.Events = []doc.Event{{Source: "IRN", Target: "IRNMED", Code: "0241", Root: "02",
		Plover: doc.Plover{Type: "ACCUSE", Mode: "disapprove"}, QuadClass: 3, Goldstein: -2.5,
		Place: &doc.Location{Name: "Kerman", Country: "IRN", Admin1: "IR.29", Lat: 30.28321, Lon: 57.07879, GeonameID: 128234}, PlaceSource: "clause", Date: "2020-01-07", Sentence: 0,
		Evidence: doc.Evidence{Source: doc.Span{Start: 1, End: 2}, Trigger: doc.Span{Start: 3, End: 4},
			Target: doc.Span{Start: 5, End: 6}},
		Rule: "r1", Modality: "asserted"}}
	d.Incidents = []doc.Incident{{Cause: "stampede", Kind: "accident", Casualties: []int{0}, Events: []int{},
		Place: "Kerman", Date: "2020-01-07", Sentence: 1, Span: doc.Span{Start: 126, End: 134}}}
	d.Skipped = []doc.Skip{{Stage: "geo", Reason: "no gazetteer"}}
	return d
}

func TestPutGetRoundTrip(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	want := fullDoc("a1")
	created, err := s.Put(ctx, want)
	if err != nil || !created {
		t.Fatalf("Put = %v, %v; want true, nil", created, err)
	}
	got, err := s.Get(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Get differs from Put:\n got %+v\nwant %+v", got, want)
	}
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Errorf("JSON differs:\n got %s\nwant %s", gj, wj)
	}
}

func TestEmptyLayersStayArrays(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := &doc.Document{ID: "bare", Title: "Bare", Text: "Bare"}
	if _, err := s.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	if d.Entities != nil || d.Hashtags != nil {
		t.Error("Put modified the caller's document")
	}
	got, err := s.Get(ctx, "bare")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, layer := range []string{"hashtags", "paragraphs", "sentences", "entities", "places",
		"quotes", "casualties", "dates", "events", "incidents", "skipped"} {
		if !strings.Contains(string(b), `"`+layer+`":[]`) {
			t.Errorf("layer %s is not an empty array in %s", layer, b)
		}
	}
	if strings.Contains(string(b), `"tokens"`) {
		t.Errorf("empty tokens should be omitted: %s", b)
	}
	// The stored JSON itself carries the empty arrays, not null.
	var raw string
	if err := s.db.QueryRow(`SELECT doc_json FROM articles WHERE id = 'bare'`).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(raw, "null") {
		t.Errorf("stored JSON has null layers: %s", raw)
	}
}

func TestPutTwice(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if created, err := s.Put(ctx, newDoc("dup", "First title", "first body")); err != nil || !created {
		t.Fatalf("first Put = %v, %v", created, err)
	}
	created, err := s.Put(ctx, newDoc("dup", "Second title", "second body"))
	if err != nil || created {
		t.Fatalf("second Put = %v, %v; want false, nil", created, err)
	}
	got, err := s.Get(ctx, "dup")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "First title" {
		t.Errorf("second Put changed the article: title %q", got.Title)
	}
	_, total, err := s.List(ctx, store.Page{})
	if err != nil || total != 1 {
		t.Errorf("List total = %d, %v; want 1", total, err)
	}
	if hits, _, _ := s.Search(ctx, "second", store.Page{}); len(hits) != 0 {
		t.Errorf("the rejected duplicate is searchable: %v", hits)
	}
	checkFTS(t, s)
}

func TestPutInvalid(t *testing.T) {
	s := openTest(t)
	if _, err := s.Put(context.Background(), nil); err == nil {
		t.Error("Put(nil) succeeded")
	}
	if _, err := s.Put(context.Background(), &doc.Document{Title: "no id"}); err == nil {
		t.Error("Put without ID succeeded")
	}
}

func TestGetNotFound(t *testing.T) {
	s := openTest(t)
	_, err := s.Get(context.Background(), "missing")
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get = %v; want ErrNotFound", err)
	}
	if !strings.Contains(err.Error(), "missing") {
		t.Errorf("error %q does not name the ID", err)
	}
}

func TestListPaging(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	const n = 25
	for i := range n {
		if _, err := s.Put(ctx, newDoc(fmt.Sprintf("id%02d", i), fmt.Sprintf("Title %d", i), "body")); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	for off := 0; off < n+10; off += 10 {
		page, total, err := s.List(ctx, store.Page{Limit: 10, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		if total != n {
			t.Errorf("total = %d; want %d", total, n)
		}
		if want := min(10, max(0, n-off)); len(page) != want {
			t.Errorf("offset %d: %d summaries; want %d", off, len(page), want)
		}
		if page == nil {
			t.Errorf("offset %d: nil page; want an empty slice", off)
		}
		for _, sum := range page {
			ids = append(ids, sum.ID)
			if sum.Ingested.IsZero() || sum.Source != "example.org" || sum.Language != "en" {
				t.Errorf("incomplete summary %+v", sum)
			}
		}
	}
	for i, id := range ids {
		if want := fmt.Sprintf("id%02d", n-1-i); id != want {
			t.Fatalf("position %d: %s; want %s (newest first)", i, id, want)
		}
	}
	if all, _, _ := s.List(ctx, store.Page{Limit: 0}); len(all) != n {
		t.Errorf("Limit 0 listed %d; want the default page, %d", len(all), n)
	}
}

// searchDocs stores a small corpus for the search tests.
func searchDocs(t *testing.T, s *Store) {
	t.Helper()
	docs := []*doc.Document{
		newDoc("funeral", "Soleimani funeral draws vast crowds",
			"Mourners filled the streets for Soleimani. The funeral procession for Soleimani moved slowly through Kerman's main square."),
		newDoc("strike", "Oil prices rise",
			"Markets reacted to the U.S. strike that killed the general. Analysts expect prices to stay high for weeks, and traders near the Gulf are nervous; one analyst mentioned Soleimani in passing."),
		newDoc("other", "Local elections postponed",
			"The electoral commission said the vote would be held in March. C++ programmers, 50% of them, voted early."),
	}
	for _, d := range docs {
		if _, err := s.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
}

func ids(hits []store.Hit) []string {
	out := []string{}
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

func TestSearchRankingAndSnippet(t *testing.T) {
	s := openTest(t)
	searchDocs(t, s)
	hits, total, err := s.Search(context.Background(), "Soleimani", store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(hits); total != 2 || !reflect.DeepEqual(got, []string{"funeral", "strike"}) {
		t.Fatalf("hits %v, total %d; want [funeral strike], 2", got, total)
	}
	marked := func(h store.Hit) []string {
		var out []string
		for _, m := range h.Highlights {
			out = append(out, h.Snippet[m.Start:m.End])
		}
		return out
	}
	if got := marked(hits[0]); len(got) == 0 || got[0] != "Soleimani" {
		t.Errorf("snippet %q marks %q; want Soleimani", hits[0].Snippet, got)
	}
	if got := marked(hits[1]); !slices.Equal(got, []string{"Soleimani"}) ||
		!strings.HasPrefix(hits[1].Snippet, SnippetEllipsis) {
		t.Errorf("snippet %q marks %q: want Soleimani inside the text, after an ellipsis", hits[1].Snippet, got)
	}
	if hits[0].Title == "" || hits[0].Ingested.IsZero() {
		t.Errorf("hit lacks its summary: %+v", hits[0])
	}

	page, total, err := s.Search(context.Background(), "Soleimani", store.Page{Limit: 1, Offset: 1})
	if err != nil || total != 2 || !reflect.DeepEqual(ids(page), []string{"strike"}) {
		t.Errorf("second page = %v, %d, %v; want [strike], 2", ids(page), total, err)
	}
}

func TestSearchQueries(t *testing.T) {
	s := openTest(t)
	searchDocs(t, s)
	tests := []struct {
		query string
		want  []string
	}{
		{"Soleimani funeral", []string{"funeral"}},
		{"soleimani FUNERAL", []string{"funeral"}},
		{"U.S. strike", []string{"strike"}},
		{"U.S.", []string{"strike"}},
		{"Kerman's", []string{"funeral"}},
		{"Kerman’s square", []string{"funeral"}},
		{`"funeral procession"`, []string{"funeral"}},
		{`"procession funeral"`, []string{}},
		{`“funeral procession”`, []string{"funeral"}},
		{`"funeral proc"*`, []string{"funeral"}},
		{"Solei*", []string{"funeral", "strike"}},
		{"elect*", []string{"other"}},
		{"elect", []string{}},
		{`"unclosed phrase procession`, []string{}},
		{`"procession for Soleimani`, []string{"funeral"}},
		{"C++", []string{"other"}},
		{"50%", []string{"other"}},
		// OR, -word and lower-case operator words.
		{"prices and", []string{"strike"}},
		{"prices or", []string{}},
		{"prices OR elections", []string{"other", "strike"}},
		{"soleimani OR elections", []string{"other", "funeral", "strike"}}, // bm25: a short text first
		{"soleimani OR elections mourners", []string{"funeral"}},
		{"soleimani -markets", []string{"funeral"}},
		{`soleimani -"U.S. strike"`, []string{"funeral"}},
		{"soleimani -kerm*", []string{"strike"}},
		{"soleimani -markets -mourners", []string{}},
		{"title:oil", []string{}},
		{"al-prices", []string{}},
		{"{prices} [gulf]", []string{"strike"}},
		{"oil — prices", []string{"strike"}},
		{"oil\x00prices", []string{"strike"}},
		{"oil \xffprices", []string{"strike"}},
		{`oil "" prices`, []string{"strike"}},
		{`'oil' prices;`, []string{"strike"}},
		{`oil*prices`, []string{"strike"}}, // the phrase "oil prices"
		{`a"b c"d`, []string{}},
	}
	for _, tt := range tests {
		hits, total, err := s.Search(context.Background(), tt.query, store.Page{})
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		if got := ids(hits); !reflect.DeepEqual(got, tt.want) || total != len(tt.want) {
			t.Errorf("Search(%q) = %v, total %d; want %v", tt.query, got, total, tt.want)
		}
	}
}

// TestSearchRejectedSyntax checks that FTS5 syntax tocsin does not offer is a query
// error saying what a query may use, not a search for the words.
func TestSearchRejectedSyntax(t *testing.T) {
	s := openTest(t)
	searchDocs(t, s)
	for _, q := range []string{"NEAR(iran", "NEAR (prices markets)", "prices AND oil", "prices NOT markets",
		"(oil) prices", "^oil", "+prices", "OR prices", "prices OR", "prices OR OR oil", "-prices", "prices OR -oil"} {
		_, _, err := s.Search(context.Background(), q, store.Page{})
		var qe *store.QueryError
		if !errors.As(err, &qe) || !strings.Contains(qe.Reason, "-word") {
			t.Errorf("Search(%q) = %v; want a *store.QueryError saying what is allowed", q, err)
		}
	}
}

func TestSearchEmptyQuery(t *testing.T) {
	s := openTest(t)
	searchDocs(t, s)
	for _, q := range []string{"", "   ", `""`, "***", "-", `"*"`, "— … !?", "\x00\t"} {
		_, _, err := s.Search(context.Background(), q, store.Page{})
		var qe *store.QueryError
		if !errors.As(err, &qe) {
			t.Errorf("Search(%q) = %v; want a *store.QueryError", q, err)
		} else if qe.Query != q {
			t.Errorf("QueryError.Query = %q; want %q", qe.Query, q)
		}
	}
}

func TestFTSErrorIsQueryError(t *testing.T) {
	s := openTest(t)
	// Bypass the query cleaning to check that what FTS5 rejects maps to QueryError.
	_, _, err := s.search(context.Background(), `prices AND`, store.Page{})
	reason, ok := ftsError(err)
	if !ok || !strings.HasPrefix(reason, "fts5: syntax error") {
		t.Errorf("ftsError(%v) = %q, %v; want an fts5 syntax error", err, reason, ok)
	}
	if _, ok := ftsError(context.Canceled); ok {
		t.Error("ftsError(context.Canceled) reported a query error")
	}
}

func TestOpenTwice(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nested", "dir", "tocsin.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, newDoc("keep", "Kept", "kept body")); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if _, err := s.Get(ctx, "keep"); err != nil {
		t.Errorf("article lost on reopen: %v", err)
	}
	var rows, version int
	err = s.db.QueryRow(`SELECT count(*), max(version) FROM schema_migrations`).Scan(&rows, &version)
	migs, _ := loadMigrations(migrationFS)
	if err != nil || rows != len(migs) || version != len(migs) {
		t.Errorf("schema_migrations: %d rows, version %d, %v; want %d, %[4]d", rows, version, err, len(migs))
	}
}

func TestPragmas(t *testing.T) {
	s := openTest(t)
	var mode string
	var fk, sync, busy int
	for q, dst := range map[string]any{"journal_mode": &mode, "foreign_keys": &fk,
		"synchronous": &sync, "busy_timeout": &busy} {
		if err := s.db.QueryRow("PRAGMA " + q).Scan(dst); err != nil {
			t.Fatal(err)
		}
	}
	if mode != "wal" || fk != 1 || sync != 1 || busy != 10000 {
		t.Errorf("journal_mode %s, foreign_keys %d, synchronous %d, busy_timeout %d", mode, fk, sync, busy)
	}
}

func TestOpenNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tocsin.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO schema_migrations VALUES (999, 'future')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(ctx, path)
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("Open = %v; want ErrSchemaTooNew", err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "999") {
		t.Errorf("error %q should name the path and the version", err)
	}
}

func TestMigrateUpgrade(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	migs, err := loadMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	next := migration{version: len(migs) + 1, name: "next.sql",
		sql: `CREATE TABLE notes (article TEXT NOT NULL REFERENCES articles(id), code TEXT NOT NULL);
		      CREATE INDEX notes_article ON notes(article);`}
	upgraded := append(migs, next)
	for range 2 { // the second run finds nothing to do
		if err := s.migrate(ctx, upgraded); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.Exec(`INSERT INTO notes VALUES ('nope', '010')`); err == nil {
		t.Error("foreign key not enforced")
	}
	// The binary that only knows migs now refuses the database.
	if err := s.migrate(ctx, migs); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("migrate with older list = %v; want ErrSchemaTooNew", err)
	}
	// A failing migration leaves no trace.
	bad := migration{version: next.version + 1, name: "bad.sql", sql: `CREATE TABLE half (x); SELECT nonsense(`}
	if err := s.migrate(ctx, append(upgraded, bad)); err == nil {
		t.Fatal("bad migration applied")
	}
	if v, _ := s.schemaVersion(ctx); v != next.version {
		t.Errorf("version %d after a failed migration; want %d", v, next.version)
	}
	if _, err := s.db.Exec(`SELECT * FROM half`); err == nil {
		t.Error("the failed migration's table exists")
	}
}

func TestLoadMigrations(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	good := fstest.MapFS{"migrations/0002_b.sql": file("B"), "migrations/0001_a.sql": file("A")}
	migs, err := loadMigrations(good)
	if err != nil || len(migs) != 2 || migs[0].sql != "A" || migs[1].version != 2 {
		t.Errorf("loadMigrations = %+v, %v", migs, err)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"gap":      {"migrations/0001_a.sql": file("A"), "migrations/0003_c.sql": file("C")},
		"bad name": {"migrations/first.sql": file("A")},
		"zero":     {"migrations/0000_a.sql": file("A")},
	} {
		if _, err := loadMigrations(fsys); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := loadMigrations(migrationFS); err != nil {
		t.Errorf("embedded migrations: %v", err)
	}
}

func TestOpenErrorNamesPath(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(blocker, "tocsin.db") // parent is a regular file
	_, err := Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("Open = %v; want an error naming %s", err, path)
	}
}

func TestConcurrentPuts(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	const workers, each = 8, 50
	var wg sync.WaitGroup
	errs := make(chan error, workers*each+1)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				id := fmt.Sprintf("w%d-%d", w, i)
				created, err := s.Put(ctx, newDoc(id, "Concurrent "+id, "Protest in the capital."))
				if err == nil && !created {
					err = fmt.Errorf("%s: not created", id)
				}
				if err != nil {
					errs <- err
				}
			}
		})
	}
	// Readers run alongside the writers.
	done := make(chan struct{})
	var readers sync.WaitGroup
	readers.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			if _, _, err := s.Search(ctx, "protest", store.Page{Limit: 5}); err != nil {
				errs <- err
				return
			}
			if _, _, err := s.List(ctx, store.Page{Limit: 5}); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(done)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if _, total, err := s.List(ctx, store.Page{}); err != nil || total != workers*each {
		t.Errorf("List total = %d, %v; want %d", total, err, workers*each)
	}
	if _, total, err := s.Search(ctx, "protest capital", store.Page{}); err != nil || total != workers*each {
		t.Errorf("Search total = %d, %v; want %d", total, err, workers*each)
	}
	checkFTS(t, s)
}

func TestReadsDuringWrite(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.Put(ctx, newDoc("old", "Old", "old body")); err != nil {
		t.Fatal(err)
	}
	// Hold an open write transaction with an uncommitted article.
	unlock, err := s.lockWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`INSERT INTO articles (id, title, standfirst, published, source, url,
		author, language, origin, text, body_start, doc_json, ingested_at)
		VALUES ('new', 'New', '', '', '', '', '', '', '', 'New', 0, '{}', '2099-01-01T00:00:00.000000000Z')`); err != nil {
		t.Fatal(err)
	}

	rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	sums, total, err := s.List(rctx, store.Page{})
	if err != nil || total != 1 || sums[0].ID != "old" {
		t.Errorf("List during a write = %v, %d, %v; want [old], 1", sums, total, err)
	}
	if _, err := s.Get(rctx, "old"); err != nil {
		t.Errorf("Get during a write: %v", err)
	}
	// A Put waits for the write lock and gives up with its context.
	pctx, pcancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer pcancel()
	if _, err := s.Put(pctx, newDoc("blocked", "Blocked", "")); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Put while locked = %v; want DeadlineExceeded", err)
	}
}

func TestPutCancelledBeforeCommit(t *testing.T) {
	s := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	s.beforeCommit = cancel
	_, err := s.Put(ctx, newDoc("half", "Halfway", "uniqhalfway body"))
	s.beforeCommit = nil
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Put = %v; want context.Canceled", err)
	}
	if _, err := s.Get(context.Background(), "half"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get after cancelled Put = %v; want ErrNotFound", err)
	}
	if n := ftsCount(t, s, "uniqhalfway"); n != 0 {
		t.Errorf("FTS has %d rows for the cancelled article", n)
	}
	checkFTS(t, s)
	// The store is still usable.
	if created, err := s.Put(context.Background(), newDoc("half", "Halfway", "uniqhalfway body")); err != nil || !created {
		t.Errorf("Put after cancellation = %v, %v", created, err)
	}
}

func TestPutCancelledRandomly(t *testing.T) {
	s := openTest(t)
	body := strings.Repeat("Protesters gathered outside the embassy and police fired tear gas. ", 4000)
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 40
	for i := range n {
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(rng.IntN(2000))*time.Microsecond)
		_, _ = s.Put(ctx, newDoc(fmt.Sprintf("c%d", i), "Clash", fmt.Sprintf("uniq%dx %s", i, body)))
		cancel()
	}
	stored := 0
	for i := range n {
		_, err := s.Get(context.Background(), fmt.Sprintf("c%d", i))
		present := err == nil
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			t.Fatal(err)
		}
		if present {
			stored++
		}
		if n := ftsCount(t, s, fmt.Sprintf("uniq%dx", i)); (n == 1) != present || n > 1 {
			t.Errorf("article c%d present=%v but %d FTS matches", i, present, n)
		}
	}
	t.Logf("%d of %d articles committed before their deadline", stored, n)
	checkFTS(t, s)
}

// TestPutCancelledWhileLinking ends Puts' contexts at random points of articles with
// many events, so that some end while their stories are linked: database/sql then
// rolls the transaction back from another goroutine and closes its statements, and
// Put must report the context's error, not the closed statement the next step met.
func TestPutCancelledWhileLinking(t *testing.T) {
	s := openTest(t)
	actors := []string{"USA", "IRN", "IRQ", "SYR", "TUR", "RUS", "UKR", "ISR"}
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 60
	ended := 0
	for i := range n {
		var body strings.Builder
		var events []doc.Event
		for j := range 30 {
			src, tgt := actors[(i+j)%len(actors)], actors[(i+2*j+1)%len(actors)]
			events = append(events, doc.Event{Source: src, Target: tgt + "MIL", Code: "190", Root: "19",
				QuadClass: 4, Goldstein: -10, Date: fmt.Sprintf("2020-01-%02d", 1+j%28), Sentence: j,
				Modality: "asserted", Rule: "test"})
			fmt.Fprintf(&body, "Forces of %s attacked %s positions near town %d. ", src, tgt, j)
		}
		d := newDoc(fmt.Sprintf("l%d", i), "Clashes", body.String())
		d.Events = events
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(rng.IntN(3000))*time.Microsecond)
		_, err := s.Put(ctx, d)
		cancel()
		if err != nil {
			ended++
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Put of l%d = %v; want its context's DeadlineExceeded", i, err)
			}
		}
	}
	t.Logf("%d of %d Puts ended by their deadline", ended, n)
	checkFTS(t, s)
}

func TestCancelledContext(t *testing.T) {
	s := openTest(t)
	searchDocs(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Get(ctx, "funeral"); err == nil || errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get with a cancelled context = %v", err)
	}
	if _, _, err := s.List(ctx, store.Page{}); !errors.Is(err, context.Canceled) {
		t.Errorf("List with a cancelled context = %v", err)
	}
	if _, _, err := s.Search(ctx, "funeral", store.Page{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Search with a cancelled context = %v", err)
	}
	if _, err := s.Put(ctx, newDoc("late", "Late", "")); !errors.Is(err, context.Canceled) {
		t.Errorf("Put with a cancelled context = %v", err)
	}
}

// ftsCount is the number of articles whose index entry holds token.
func ftsCount(t *testing.T, s *Store, token string) int {
	t.Helper()
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, `"`+token+`"`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// checkFTS runs FTS5's integrity check, which with rank 1 also compares the index
// with the content table.
func checkFTS(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.db.Exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("FTS index out of step with articles: %v", err)
	}
}

func BenchmarkPut(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	base := fullDoc("")
	base.Text += "\n\n" + strings.Repeat("Security forces dispersed the crowd near the governor's office, witnesses said. ", 50)
	b.SetBytes(int64(len(base.Text)))
	for i := 0; b.Loop(); i++ {
		d := *base
		d.ID = fmt.Sprintf("bench-%d", i)
		if _, err := s.Put(ctx, &d); err != nil {
			b.Fatal(err)
		}
	}
}
