package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
)

// openV1 copies testdata/v1.db, a store written by schema version 1 (see
// testdata/README.md), and opens the copy, which migrates it.
func openV1(t *testing.T) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "v1.db")
	src, err := os.Open("testdata/v1.db")
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// storedDocs returns every document in s.
func storedDocs(t *testing.T, s *Store) []*doc.Document {
	t.Helper()
	ctx := context.Background()
	sums, _, err := s.List(ctx, store.Page{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*doc.Document
	for _, sum := range sums {
		d, err := s.Get(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func allEvents(t *testing.T, s *Store, f store.EventFilter) []store.EventRow {
	t.Helper()
	var out []store.EventRow
	err := s.EachEvent(context.Background(), f, func(r *store.EventRow) error {
		out = append(out, *r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMigrateBackfillsV1Store(t *testing.T) {
	s := openV1(t)
	ctx := context.Background()
	if v, err := s.schemaVersion(ctx); err != nil || v < 2 {
		t.Fatalf("schema version %d, %v; want 2 or more", v, err)
	}
	docs := storedDocs(t, s)
	if len(docs) != 4 {
		t.Fatalf("%d documents in v1.db; want 4", len(docs))
	}
	rows := allEvents(t, s, store.EventFilter{})
	byKey := map[string]store.EventRow{}
	for _, r := range rows {
		byKey[fmt.Sprint(r.ArticleID, "/", r.Index)] = r
	}
	n := 0
	for _, d := range docs {
		for i, e := range d.Events {
			n++
			r, ok := byKey[fmt.Sprint(d.ID, "/", i)]
			if !ok {
				t.Errorf("%s event %d (%s %s→%s) has no row", d.ID, i, e.Code, e.Source, e.Target)
				continue
			}
			if r.Source != e.Source || r.Target != e.Target || r.Code != e.Code || r.Root != e.Root ||
				r.QuadClass != e.QuadClass || r.Goldstein != e.Goldstein || r.Date != e.Date ||
				r.DateSource != e.DateSource || r.Modality != e.Modality || r.Rule != e.Rule ||
				r.PloverType != e.Plover.Type || r.Evidence != e.Evidence || r.URL != d.URL {
				t.Errorf("%s event %d: row %+v\ndoes not match the document's %+v", d.ID, i, r, e)
			}
			if (r.Place == nil) != (e.Place == nil) || r.Place != nil && *r.Place != *e.Place {
				t.Errorf("%s event %d: place %v; want %v", d.ID, i, r.Place, e.Place)
			}
			if want := d.Sentences[e.Sentence].Text; r.SentenceText != want {
				t.Errorf("%s event %d: sentence %q; want %q", d.ID, i, r.SentenceText, want)
			}
			if r.Ingested == "" || !strings.HasPrefix(r.Ingested, "2026-12-07T04:31") {
				t.Errorf("%s event %d: ingest time %q; want the article's, when v1.db was built", d.ID, i, r.Ingested)
			}
			if e.Evidence.Source.Len() > 0 && r.SourceText != d.Slice(e.Evidence.Source) {
				t.Errorf("%s event %d: source as written %q; want %q", d.ID, i, r.SourceText, d.Slice(e.Evidence.Source))
			}
		}
	}
	if n != len(rows) || n < 30 {
		t.Errorf("%d event rows for %d events in the documents", len(rows), n)
	}
	// Casualty counts and entities are rows too, with their sentence.
	var casualties, withSentence int
	if err := s.db.QueryRow(`SELECT count(*), count(sentence) FROM casualties`).Scan(&casualties, &withSentence); err != nil {
		t.Fatal(err)
	}
	wantCas, wantEnt, wantInc := 0, 0, 0
	for _, d := range docs {
		wantCas += len(d.Casualties)
		wantEnt += len(d.Entities)
		wantInc += len(d.Incidents)
	}
	if casualties != wantCas || withSentence != wantCas || wantCas == 0 {
		t.Errorf("%d casualty rows (%d with a sentence); want %d", casualties, withSentence, wantCas)
	}
	for table, want := range map[string]int{"entities": wantEnt, "incidents": wantInc} {
		var got int
		if err := s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&got); err != nil || got != want {
			t.Errorf("%d %s rows, %v; want %d", got, table, err, want)
		}
	}
	// The US drone strike on the Iranian military, in Iraq, is one of them.
	found := false
	for _, r := range rows {
		found = found || r.Source == "USAMIL" && r.Target == "IRNMIL" && r.Root == "19" &&
			r.Place != nil && r.Place.Country == "IRQ"
	}
	if !found {
		t.Error("no USAMIL→IRNMIL root 19 event placed in Iraq among the back-filled rows")
	}
	// Reopening finds nothing to do and keeps the rows as they are.
	path := s.path
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if again := allEvents(t, s2, store.EventFilter{}); len(again) != len(rows) {
		t.Errorf("%d rows after reopening; want %d", len(again), len(rows))
	}
}

// TestEventFilters checks each filter against the same selection made in Go over the
// stored documents.
func TestEventFilters(t *testing.T) {
	s := openV1(t)
	docs := storedDocs(t, s)
	type ev struct {
		d *doc.Document
		i int
	}
	var evs []ev
	for _, d := range docs {
		for i := range d.Events {
			evs = append(evs, ev{d, i})
		}
	}
	pre := strings.HasPrefix
	day := func(e *doc.Event) string { return store.DayOf(e.Date) }
	firstDay := day(&evs[0].d.Events[evs[0].i])
	tests := []struct {
		query string
		want  func(d *doc.Document, e *doc.Event) bool
	}{
		{"source=IRN", func(_ *doc.Document, e *doc.Event) bool { return pre(e.Source, "IRN") }},
		{"target=usa", func(_ *doc.Document, e *doc.Event) bool { return pre(e.Target, "USA") }},
		{"dyad=IRN-USA", func(_ *doc.Document, e *doc.Event) bool {
			return pre(e.Source, "IRN") && pre(e.Target, "USA") || pre(e.Source, "USA") && pre(e.Target, "IRN")
		}},
		{"root=19&root=18", func(_ *doc.Document, e *doc.Event) bool { return e.Root == "19" || e.Root == "18" }},
		{"code=190", func(_ *doc.Document, e *doc.Event) bool { return e.Code == "190" }},
		{"quad=4", func(_ *doc.Document, e *doc.Event) bool { return e.QuadClass == 4 }},
		{"country=IRQ", func(_ *doc.Document, e *doc.Event) bool { return e.Place != nil && e.Place.Country == "IRQ" }},
		{"since=" + firstDay + "&until=" + firstDay, func(_ *doc.Document, e *doc.Event) bool { return day(e) == firstDay }},
		{"since=2020-01-08", func(_ *doc.Document, e *doc.Event) bool { return day(e) != "" && day(e) >= "2020-01-08" }},
		{"modality=asserted&source=USA&root=19", func(_ *doc.Document, e *doc.Event) bool {
			return e.Modality == "asserted" && pre(e.Source, "USA") && e.Root == "19"
		}},
		{"article=" + docs[0].ID, func(d *doc.Document, _ *doc.Event) bool { return d.ID == docs[0].ID }},
		{"q=drone", func(d *doc.Document, e *doc.Event) bool {
			return strings.Contains(strings.ToLower(d.Sentences[e.Sentence].Text), "drone")
		}},
	}
	ctx := context.Background()
	for _, tt := range tests {
		v, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		f, err := store.ParseEventFilter(v)
		if err != nil {
			t.Errorf("%s: %v", tt.query, err)
			continue
		}
		var want []string
		for _, e := range evs {
			if tt.want(e.d, &e.d.Events[e.i]) {
				want = append(want, fmt.Sprint(e.d.ID, "/", e.i))
			}
		}
		var got []string
		for _, r := range allEvents(t, s, f) {
			got = append(got, fmt.Sprint(r.ArticleID, "/", r.Index))
		}
		slices.Sort(want)
		slices.Sort(got)
		if len(want) == 0 || len(want) == len(evs) {
			t.Errorf("%s: selects %d of %d events; the test needs a filter that selects some", tt.query, len(want), len(evs))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: rows %v\nwant %v", tt.query, got, want)
		}
		// Events pages through the same rows and counts them all.
		page, total, err := s.Events(ctx, f, store.Page{Limit: 2, Offset: 1})
		if err != nil || total != len(want) || len(page) != min(2, max(len(want)-1, 0)) {
			t.Errorf("%s: Events page = %d rows, total %d, %v; want total %d", tt.query, len(page), total, err, len(want))
		}
	}
}

func TestEventFilterErrors(t *testing.T) {
	s := openV1(t)
	for query, name := range map[string]string{
		"root=7":                            "root",
		"root=21":                           "root",
		"code=1999x":                        "code",
		"code=999":                          "code",
		"quad=5":                            "quad",
		"country=Iran":                      "country",
		"since=2020-13-01":                  "since",
		"since=2020-02-01&until=2020-01-01": "until",
		"modality=maybe":                    "modality",
		"dyad=IRN":                          "dyad",
		"source=IR-N":                       "source",
		"source=IRN&source=USA":             "source",
		"target=":                           "target",
	} {
		v, _ := url.ParseQuery(query)
		_, err := store.ParseEventFilter(v)
		var fe *store.FilterError
		if !errors.As(err, &fe) || fe.Name != name {
			t.Errorf("ParseEventFilter(%s) = %v; want a FilterError naming %s", query, err, name)
		}
	}
	// A text query with nothing to search for is a filter error too, from the store.
	_, _, err := s.Events(context.Background(), store.EventFilter{Text: "--"}, store.Page{})
	var fe *store.FilterError
	if !errors.As(err, &fe) || fe.Name != "q" {
		t.Errorf("Events(q=--) = %v; want a FilterError naming q", err)
	}
}

// TestPutWritesRows checks that Put writes an article's rows in its transaction: a
// cancelled Put leaves neither the article nor its rows.
func TestPutWritesRows(t *testing.T) {
	s := openTest(t)
	d := fullDoc("kerman")
	d.Events = []doc.Event{{Source: "USAMIL", Target: "IRNMIL", Code: "195", Root: "19", QuadClass: 4,
		Goldstein: -10, Date: "2020-01", Sentence: 0, Modality: "asserted", Rule: "test",
		Place:    &doc.Location{Name: "Kerman", Country: "IRN"},
		Evidence: doc.Evidence{Source: doc.Span{Start: 32, End: 49}}}}
	ctx, cancel := context.WithCancel(context.Background())
	s.beforeCommit = cancel
	if _, err := s.Put(ctx, d); !errors.Is(err, context.Canceled) {
		t.Fatalf("Put = %v; want context.Canceled", err)
	}
	s.beforeCommit = nil
	if rows := allEvents(t, s, store.EventFilter{}); len(rows) != 0 {
		t.Fatalf("%d event rows after a cancelled Put", len(rows))
	}
	if _, err := s.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	rows := allEvents(t, s, store.EventFilter{Since: "2020-01-01", Until: "2020-01-01", Country: "IRN"})
	if len(rows) != 1 {
		t.Fatalf("%d rows; want the one event, whose partial date 2020-01 starts on 2020-01-01", len(rows))
	}
	r := rows[0]
	if r.SourceText != "Tens of thousands" || r.Base != "195" || r.SentenceText != d.Sentences[0].Text || r.Published != "2020-01-07" {
		t.Errorf("row = %+v", r)
	}
	var cas int
	if err := s.db.QueryRow(`SELECT count(*) FROM casualties WHERE kind = 'killed' AND value = 56`).Scan(&cas); err != nil || cas != 1 {
		t.Errorf("%d casualty rows, %v; want 1", cas, err)
	}
}

// TestMigrateFromV2 checks the upgrade of a store at schema 2, whose rows 0002's code
// wrote (here: one event row of the first article) or never wrote (a crash between
// 0002 and 0003): 0003 gives the rows it finds their ingest time and fills in the
// articles that have none, without doubling the others.
func TestMigrateFromV2(t *testing.T) {
	ctx := context.Background()
	s := openV1(t) // at the latest version; its path is reused below
	path := s.path
	docs := storedDocs(t, s)
	s.Close()
	// Rebuild the v1 file and bring it to version 2 only.
	b, err := os.ReadFile("testdata/v1.db")
	if err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	migs, err := loadMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(path)
	db, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		t.Fatal(err)
	}
	v2 := &Store{path: path, db: db, write: make(chan struct{}, 1)}
	if err := v2.migrate(ctx, migs[:2]); err != nil {
		t.Fatal(err)
	}
	var seq int64
	var first string
	if err := db.QueryRow(`SELECT seq, id FROM articles ORDER BY seq LIMIT 1`).Scan(&seq, &first); err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`INSERT INTO events (article, idx, sentence_idx, source, source_text, source_canonical,
		target, target_text, target_canonical, code, base, root, quad_class, goldstein, plover_type, plover_mode,
		modality, rule, date, date_source, place_source, ev_source_start, ev_source_end, ev_trigger_start,
		ev_trigger_end, ev_target_start, ev_target_end)
		VALUES (?, 0, 0, 'IRQ', '', '', '', '', '', '190', '190', '19', 4, -10, 'ASSAULT', '', 'asserted', 'v2', '', '', '', 0, 0, 0, 0, 0, 0)`, seq)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	rows := allEvents(t, s2, store.EventFilter{})
	perArticle := map[string]int{}
	for _, r := range rows {
		perArticle[r.ArticleID]++
		if !strings.HasPrefix(r.Ingested, "20") {
			t.Errorf("row %d has ingest time %q", r.ID, r.Ingested)
		}
	}
	for _, d := range docs {
		want := len(d.Events)
		if d.ID == first {
			want = 1 // its row from version 2 is kept, not doubled
		}
		if perArticle[d.ID] != want {
			t.Errorf("article %s has %d event rows; want %d", d.ID, perArticle[d.ID], want)
		}
	}
}
