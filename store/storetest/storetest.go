// Package storetest is the contract every store backend satisfies, as one suite of
// tests that each backend's package runs against itself (Run): put, get and idempotent
// put, listing, full-text search and its syntax, the event filters, stories and their
// rebuild, and trend totals. What a backend may do its own way (the order of
// equally-good search hits, its ranking function, its limits) is left to the
// backend's own tests.
package storetest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline/standard"
	"github.com/tocsin-project/tocsin/samples"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/story"
	"github.com/tocsin-project/tocsin/trend"
	"github.com/tocsin-project/tocsin/worldmap"
)

// Store is what the suite tests: the interfaces both backends satisfy.
type Store interface {
	store.Store
	store.EventStore
	store.StoryStore
	trend.Store
	trend.Summer
	worldmap.Store
}

// Run runs the contract's tests, each against a new, empty store from open, which
// the backend closes (or not) through t.Cleanup.
func Run(t *testing.T, open func(t *testing.T) Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, Store)
	}{
		{"PutGet", testPutGet},
		{"PutTwice", testPutTwice},
		{"PutInvalid", testPutInvalid},
		{"List", testList},
		{"Search", testSearch},
		{"SearchSyntax", testSearchSyntax},
		{"Events", testEvents},
		{"Stories", testStories},
		{"SeriesSums", testSeriesSums},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

// NewDoc builds a document whose Text is the title, a blank line, then the body.
func NewDoc(id, title, body string) *doc.Document {
	text := title + "\n\n" + body
	start := len(title) + 2
	return &doc.Document{
		ID: id, Title: title, Published: "2020-01-07", Source: "example.org",
		URL: "https://example.org/" + id, Language: "en", Text: text, BodyStart: start,
		Paragraphs: []doc.Span{{Start: 0, End: len(title)}, {Start: start, End: len(text)}},
	}
}

func testPutGet(t *testing.T, s Store) {
	ctx := context.Background()
	docs := Samples(t, 5, 26)
	for _, want := range docs {
		created, err := s.Put(ctx, want)
		if err != nil || !created {
			t.Fatalf("Put(%s) = %v, %v; want true, nil", want.ID, created, err)
		}
		got, err := s.Get(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		w := *want
		w.Normalize()
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(&w)
		if !bytes.Equal(gj, wj) {
			t.Errorf("Get(%s) differs from what was put", want.ID)
		}
	}
	if _, err := s.Get(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(unknown) = %v; want ErrNotFound", err)
	}
}

func testPutTwice(t *testing.T, s Store) {
	ctx := context.Background()
	d := Samples(t, 6)[0]
	if created, err := s.Put(ctx, d); err != nil || !created {
		t.Fatalf("first Put = %v, %v", created, err)
	}
	before, n, err := s.Events(ctx, store.EventFilter{}, store.Page{Limit: 1000})
	if err != nil || n == 0 {
		t.Fatalf("events after the first put: %d, %v", n, err)
	}
	stories, _, err := s.Stories(ctx, store.StoryFilter{}, store.Page{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	changed := *d
	changed.Title = "Changed title, same ID"
	for _, again := range []*doc.Document{d, &changed} {
		if created, err := s.Put(ctx, again); err != nil || created {
			t.Fatalf("second Put = %v, %v; want false, nil", created, err)
		}
	}
	after, _, err := s.Events(ctx, store.EventFilter{}, store.Page{Limit: 1000})
	if err != nil || !reflect.DeepEqual(before, after) {
		t.Errorf("a second put changed the events (%v)", err)
	}
	stories2, _, err := s.Stories(ctx, store.StoryFilter{}, store.Page{Limit: 1000})
	if err != nil || !reflect.DeepEqual(stories, stories2) {
		t.Errorf("a second put changed the stories (%v)", err)
	}
	if got, _ := s.Get(ctx, d.ID); got == nil || got.Title != d.Title {
		t.Errorf("a second put with another title replaced the article")
	}
	if _, total, err := s.List(ctx, store.Page{}); err != nil || total != 1 {
		t.Errorf("List total = %d, %v; want 1", total, err)
	}
}

func testPutInvalid(t *testing.T, s Store) {
	ctx := context.Background()
	if _, err := s.Put(ctx, nil); err == nil {
		t.Error("Put(nil) succeeded")
	}
	if _, err := s.Put(ctx, &doc.Document{Title: "no ID"}); err == nil {
		t.Error("Put without an ID succeeded")
	}
}

func testList(t *testing.T, s Store) {
	ctx := context.Background()
	for _, a := range []struct{ id, published string }{
		{"old", "2016-08-08"}, {"undated", ""}, {"new", "2020-01-07T10:30:00Z"}, {"mid", "2018-03-01"},
	} {
		d := NewDoc(a.id, "Title "+a.id, "body")
		d.Published = a.published
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	sums, total, err := s.List(ctx, store.Page{ByPublished: true})
	if err != nil || total != 4 {
		t.Fatalf("List = %d, %v", total, err)
	}
	if got, want := summaryIDs(sums), []string{"new", "mid", "old", "undated"}; !slices.Equal(got, want) {
		t.Errorf("by publication: %v; want %v", got, want)
	}
	sums, _, err = s.List(ctx, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summaryIDs(sums), []string{"mid", "new", "undated", "old"}; !slices.Equal(got, want) {
		t.Errorf("by ingestion, newest first: %v; want %v", got, want)
	}
	for i := range sums {
		if sums[i].Ingested.IsZero() || sums[i].Ingested.Location().String() != "UTC" {
			t.Errorf("summary %s: ingested %v, want a UTC time", sums[i].ID, sums[i].Ingested)
		}
	}
	page, total, err := s.List(ctx, store.Page{Limit: 2, Offset: 1})
	if err != nil || total != 4 || !slices.Equal(summaryIDs(page), []string{"new", "undated"}) {
		t.Errorf("page 2 of 2: %v, %d, %v", summaryIDs(page), total, err)
	}
}

func summaryIDs(sums []store.Summary) []string {
	out := []string{}
	for _, s := range sums {
		out = append(out, s.ID)
	}
	return out
}

// searchDocs are three short articles the search tests look through.
func searchDocs(t *testing.T, s Store) {
	t.Helper()
	for _, d := range []*doc.Document{
		NewDoc("funeral", "Soleimani funeral draws vast crowds",
			"Mourners filled the streets for Soleimani. The funeral procession for Soleimani moved slowly through Kerman's main square."),
		NewDoc("strike", "Oil prices rise",
			"Markets reacted to the U.S. strike that killed the general. Analysts expect prices to stay high for weeks, and traders near the Gulf are nervous; one analyst mentioned Soleimani in passing."),
		NewDoc("other", "Local elections postponed",
			"The electoral commission said the vote would be held in March. C++ programmers, 50% of them, voted early. Crowds in Tehrān cheered."),
	} {
		if _, err := s.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
}

func testSearch(t *testing.T, s Store) {
	searchDocs(t, s)
	ctx := context.Background()
	// Which articles match; the order of several is each backend's ranking.
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"Soleimani funeral", []string{"funeral"}},
		{"soleimani FUNERAL", []string{"funeral"}},
		{"U.S. strike", []string{"strike"}},
		{"Kerman's", []string{"funeral"}},
		{"Kerman’s square", []string{"funeral"}},
		{`"funeral procession"`, []string{"funeral"}},
		{`"procession funeral"`, []string{}},
		{`“funeral procession”`, []string{"funeral"}},
		{`"funeral proc"*`, []string{"funeral"}},
		{"Solei*", []string{"funeral", "strike"}},
		{"elect*", []string{"other"}},
		{"elect", []string{}},
		{"tehran", []string{"other"}},
		{"C++", []string{"other"}},
		{"50%", []string{"other"}},
		{"prices and", []string{"strike"}},
		{"prices OR elections", []string{"other", "strike"}},
		{"soleimani OR elections mourners", []string{"funeral"}},
		{"soleimani -markets", []string{"funeral"}},
		{`soleimani -"U.S. strike"`, []string{"funeral"}},
		{"soleimani -kerm*", []string{"strike"}},
		{"title:oil", []string{}},
		{"al-prices", []string{}},
		{`oil*prices`, []string{"strike"}},
		{`'oil' prices;`, []string{"strike"}},
		{"square rise", []string{}},
		{`"square oil"`, []string{}},
	} {
		hits, total, err := s.Search(ctx, tt.query, store.Page{})
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		got := hitIDs(hits)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) || total != len(tt.want) {
			t.Errorf("Search(%q) = %v, total %d; want %v", tt.query, got, total, tt.want)
		}
	}
	// A title match ranks above a passing mention; snippets mark the matches.
	hits, total, err := s.Search(ctx, "Soleimani", store.Page{})
	if err != nil || total != 2 || !slices.Equal(hitIDs(hits), []string{"funeral", "strike"}) {
		t.Fatalf("Search(Soleimani) = %v, %d, %v; want [funeral strike]", hitIDs(hits), total, err)
	}
	for _, h := range hits {
		if len(h.Highlights) == 0 {
			t.Errorf("hit %s: no highlight in %q", h.ID, h.Snippet)
		}
		for _, m := range h.Highlights {
			if h.Snippet[m.Start:m.End] != "Soleimani" {
				t.Errorf("hit %s: highlight %q in %q", h.ID, h.Snippet[m.Start:m.End], h.Snippet)
			}
		}
		if h.Title == "" || h.Ingested.IsZero() {
			t.Errorf("hit lacks its summary: %+v", h)
		}
	}
	page, total, err := s.Search(ctx, "Soleimani", store.Page{Limit: 1, Offset: 1})
	if err != nil || total != 2 || !slices.Equal(hitIDs(page), []string{"strike"}) {
		t.Errorf("second page = %v, %d, %v; want [strike], 2", hitIDs(page), total, err)
	}
	hits, _, err = s.Search(ctx, "TEHRAN", store.Page{})
	if err != nil || len(hits) != 1 || len(hits[0].Highlights) != 1 {
		t.Fatalf("Search(TEHRAN) = %v, %v", hits, err)
	}
	if m := hits[0].Highlights[0]; hits[0].Snippet[m.Start:m.End] != "Tehrān" {
		t.Errorf("TEHRAN marks %q; want Tehrān", hits[0].Snippet[m.Start:m.End])
	}
}

func hitIDs(hits []store.Hit) []string {
	out := []string{}
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

func testSearchSyntax(t *testing.T, s Store) {
	searchDocs(t, s)
	ctx := context.Background()
	for _, q := range []string{"NEAR(iran", "prices AND oil", "prices NOT markets", "(oil) prices", "^oil",
		"+prices", "OR prices", "prices OR", "-prices", "prices OR -oil"} {
		_, _, err := s.Search(ctx, q, store.Page{})
		var qe *store.QueryError
		if !errors.As(err, &qe) || !strings.Contains(qe.Reason, "-word") {
			t.Errorf("Search(%q) = %v; want a *store.QueryError saying what is allowed", q, err)
		}
	}
	for _, q := range []string{"", "   ", `""`, "***", "-", "— … !?"} {
		_, _, err := s.Search(ctx, q, store.Page{})
		var qe *store.QueryError
		if !errors.As(err, &qe) || qe.Query != q {
			t.Errorf("Search(%q) = %v; want a *store.QueryError for it", q, err)
		}
	}
	_, _, err := s.Events(ctx, store.EventFilter{Text: "--"}, store.Page{})
	var fe *store.FilterError
	if !errors.As(err, &fe) || fe.Name != "q" {
		t.Errorf("events q=--: %v; want a *store.FilterError naming q", err)
	}
	_, _, err = s.Stories(ctx, store.StoryFilter{Text: "NEAR(x"}, store.Page{})
	if !errors.As(err, &fe) || fe.Name != "q" {
		t.Errorf("stories q=NEAR(x: %v; want a *store.FilterError naming q", err)
	}
}

// testEvents checks each event filter against the documents' own events layers.
func testEvents(t *testing.T, s Store) {
	ctx := context.Background()
	docs := Samples(t, 1, 2, 5, 6, 7, 26)
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	type ev struct {
		d *doc.Document
		e *doc.Event
	}
	var all []ev
	for _, d := range docs {
		for i := range d.Events {
			all = append(all, ev{d, &d.Events[i]})
		}
	}
	sentence := func(x ev) string {
		if x.e.Sentence >= 0 && x.e.Sentence < len(x.d.Sentences) {
			return x.d.Sentences[x.e.Sentence].Text
		}
		return ""
	}
	for _, tt := range []struct {
		name  string
		f     store.EventFilter
		match func(ev) bool
	}{
		{"all", store.EventFilter{}, func(ev) bool { return true }},
		{"source IRN", store.EventFilter{Source: "IRN"}, func(x ev) bool { return strings.HasPrefix(x.e.Source, "IRN") }},
		{"target USA", store.EventFilter{Target: "USA"}, func(x ev) bool { return strings.HasPrefix(x.e.Target, "USA") }},
		{"dyad USA-IRN", store.EventFilter{Dyad: [2]string{"USA", "IRN"}}, func(x ev) bool {
			s, g := x.e.Source, x.e.Target
			return strings.HasPrefix(s, "USA") && strings.HasPrefix(g, "IRN") || strings.HasPrefix(s, "IRN") && strings.HasPrefix(g, "USA")
		}},
		{"root 19", store.EventFilter{Roots: []string{"19"}}, func(x ev) bool { return x.e.Root == "19" }},
		{"quad 4", store.EventFilter{Quad: 4}, func(x ev) bool { return x.e.QuadClass == 4 }},
		{"country IRN", store.EventFilter{Country: "IRN"}, func(x ev) bool { return x.e.Place != nil && x.e.Place.Country == "IRN" }},
		{"since 2020-01-07", store.EventFilter{Since: "2020-01-07"}, func(x ev) bool {
			d := store.DayOf(x.e.Date)
			return d != "" && d >= "2020-01-07"
		}},
		{"until 2020-01-05", store.EventFilter{Until: "2020-01-05"}, func(x ev) bool {
			d := store.DayOf(x.e.Date)
			return d != "" && d <= "2020-01-05"
		}},
		{"article", store.EventFilter{Article: docs[2].ID}, func(x ev) bool { return x.d == docs[2] }},
		{"q stampede", store.EventFilter{Text: "stampede"}, func(x ev) bool {
			return strings.Contains(strings.ToLower(sentence(x)), "stampede")
		}},
	} {
		want := 0
		for _, x := range all {
			if tt.match(x) {
				want++
			}
		}
		rows, total, err := s.Events(ctx, tt.f, store.Page{Limit: 10000})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if total != want || len(rows) != want {
			t.Errorf("%s: %d rows, total %d; want %d", tt.name, len(rows), total, want)
		}
		for i := 1; i < len(rows); i++ {
			if rows[i].ID <= rows[i-1].ID {
				t.Errorf("%s: rows out of ID order", tt.name)
				break
			}
		}
		n := 0
		err = s.EachEvent(ctx, tt.f, func(r *store.EventRow) error {
			if n < len(rows) && !reflect.DeepEqual(*r, rows[n]) {
				t.Errorf("%s: EachEvent row %d differs from Events'", tt.name, n)
			}
			n++
			return nil
		})
		if err != nil || n != want {
			t.Errorf("%s: EachEvent gave %d rows, %v; want %d", tt.name, n, err, want)
		}
	}
	// Every row carries its evidence: the sentence's text at its offsets in the article.
	rows, _, err := s.Events(ctx, store.EventFilter{Article: docs[2].ID}, store.Page{Limit: 10000})
	if err != nil || len(rows) == 0 {
		t.Fatalf("events of %s: %d, %v", docs[2].ID, len(rows), err)
	}
	for _, r := range rows {
		sp := r.SentenceSpan
		if r.SentenceText == "" || docs[2].Text[sp.Start:sp.End] != r.SentenceText || r.URL != docs[2].URL || r.Story == "" {
			t.Errorf("event %d: sentence %q at %v, url %q, story %q", r.ID, r.SentenceText, sp, r.URL, r.Story)
		}
	}
	page, total, err := s.Events(ctx, store.EventFilter{}, store.Page{Limit: 3, Offset: 2})
	all3, _, _ := s.Events(ctx, store.EventFilter{}, store.Page{Limit: 5})
	if err != nil || total != len(all) || len(page) != 3 || len(all3) != 5 || page[0].ID != all3[2].ID {
		t.Errorf("paging: %d of %d (%v)", len(page), total, err)
	}
	errStop := errors.New("stop")
	if err := s.EachEvent(ctx, store.EventFilter{}, func(*store.EventRow) error { return errStop }); !errors.Is(err, errStop) {
		t.Errorf("EachEvent did not return fn's error: %v", err)
	}
}

// testStories ingests three reports of the Kerman stampede and one of the Elazig
// earthquake: one story of the three, stable under a second put and a rebuild.
func testStories(t *testing.T, s Store) {
	ctx := context.Background()
	docs := Samples(t, 5, 6, 7, 26)
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	list, total, err := s.Stories(ctx, store.StoryFilter{Country: "IRN"}, store.Page{Limit: 1000})
	if err != nil || total != len(list) {
		t.Fatalf("stories IRN: %d of %d, %v", len(list), total, err)
	}
	var kerman string
	for _, st := range list {
		if len(st.Articles) == 3 {
			kerman = st.ID
		}
		if st.State != nil {
			t.Errorf("story %s listed with its linking state", st.ID)
		}
	}
	if kerman == "" {
		t.Fatalf("no story of the three Kerman reports among %d", len(list))
	}
	one, err := s.Story(ctx, kerman)
	if err != nil || one.ID != kerman || len(one.Articles) != 3 {
		t.Errorf("Story(%s) = %v, %v", kerman, one, err)
	}
	if _, err := s.Story(ctx, "st-nope"); !errors.Is(err, store.ErrNoStory) {
		t.Errorf("unknown story: %v; want ErrNoStory", err)
	}
	units, err := s.StoryUnits(ctx, kerman, 100)
	arts := map[string]bool{}
	for _, u := range units {
		arts[u.Article.ID] = true
	}
	if err != nil || len(arts) != 3 {
		t.Errorf("units of the Kerman story: %d articles, %v; want 3", len(arts), err)
	}
	q, _, err := s.Stories(ctx, store.StoryFilter{Text: "Elazig"}, store.Page{})
	if err != nil || len(q) == 0 {
		t.Fatalf("q=Elazig: %d stories, %v", len(q), err)
	}
	for _, st := range q {
		if st.Articles[0].ID != docs[3].ID {
			t.Errorf("q=Elazig gave a story of %q", st.Articles[0].Title)
		}
	}
	before, n, err := s.Stories(ctx, store.StoryFilter{}, store.Page{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	rebuilt, err := s.RebuildStories(ctx)
	if err != nil || rebuilt != n {
		t.Fatalf("rebuild: %d stories, %v; want %d", rebuilt, err, n)
	}
	after, _, err := s.Stories(ctx, store.StoryFilter{}, store.Page{Limit: 10000})
	if err != nil || !reflect.DeepEqual(before, after) {
		t.Errorf("rebuild changed the stories (%v)", err)
	}
	// Trend totals count the stories with a coded event, per first day.
	totals, err := s.TrendTotals(ctx, "2000-01-01", "2100-01-01", false)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, st := range before {
		if st.Root != "" && st.Date != "" {
			want[st.Date]++
		}
	}
	if !reflect.DeepEqual(totals, want) {
		t.Errorf("trend totals %v; want %v", totals, want)
	}
	// The map reads each dated story with its place.
	last := ""
	byID := map[string]*story.Story{}
	for _, st := range before {
		last = max(last, st.Date)
		byID[st.ID] = st
	}
	if got, err := s.LastStoryDay(ctx); err != nil || got != last {
		t.Errorf("LastStoryDay = %q, %v; want %q", got, err, last)
	}
	mapped := 0
	err = s.MapStories(ctx, "2000-01-01", "2100-01-01", func(m *worldmap.Story) error {
		mapped++
		st := byID[m.ID]
		switch {
		case st == nil:
			t.Errorf("map story %s is no story", m.ID)
		case m.Day != st.Date || m.Articles != len(st.Articles) || m.HasPlace != (st.Place != nil):
			t.Errorf("map story %+v differs from the story", *m)
		case st.Place != nil && (m.Lat != st.Place.Lat || m.Lon != st.Place.Lon):
			t.Errorf("map story %s at %v,%v; the story's place is at %v,%v", m.ID, m.Lat, m.Lon, st.Place.Lat, st.Place.Lon)
		}
		return nil
	})
	dated := 0
	for _, st := range before {
		if st.Date != "" {
			dated++
		}
	}
	if err != nil || mapped != dated {
		t.Errorf("MapStories gave %d stories, %v; want the %d dated", mapped, err, dated)
	}
}

var (
	samplesOnce sync.Once
	samplesDocs []*doc.Document
	samplesErr  error
)

// Samples returns the bundled sample articles at the given 1-based lines, analysed by
// the standard pipeline once per test binary. Callers must not modify them.
func Samples(t testing.TB, lines ...int) []*doc.Document {
	t.Helper()
	samplesOnce.Do(func() { samplesDocs, samplesErr = analyseSamples() })
	if samplesErr != nil {
		t.Fatal(samplesErr)
	}
	if len(lines) == 0 {
		return samplesDocs
	}
	var out []*doc.Document
	for _, l := range lines {
		out = append(out, samplesDocs[l-1])
	}
	return out
}

func analyseSamples() ([]*doc.Document, error) {
	p, err := standard.New(standard.Options{})
	if err != nil {
		return nil, err
	}
	var docs []*doc.Document
	sc := bufio.NewScanner(bytes.NewReader(samples.JSONL()))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ Title, Text, Published, Source, URL, Language string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, err
		}
		d, err := p.Analyze(context.Background(), &article.Article{Title: a.Title, Body: a.Text,
			Published: a.Published, Source: a.Source, URL: a.URL, Language: a.Language})
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, sc.Err()
}
