package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
)

// maxRowsPerLayer bounds the rows one article may add to each table, so that a
// malformed document cannot fill the store; the article JSON keeps every annotation.
const maxRowsPerLayer = 10000

// rowsPerInsert is how many rows one INSERT statement writes. Rows go in multi-row
// statements because the cost is mostly per statement: the driver's round trip and,
// for sentences, FTS5 writing out its pending index data at each statement's
// savepoint, which with one statement per sentence made a new index segment per
// sentence.
const rowsPerInsert = 50

// The columns of each table that rows are written to, in the order of the values.
var rowColumns = map[string][]string{
	"sentences": {"article", "idx", "start", "end", "text"},
	"events": {"article", "idx", "sentence", "sentence_idx", "source", "source_text",
		"source_canonical", "target", "target_text", "target_canonical", "code", "base", "root", "quad_class",
		"goldstein", "plover_type", "plover_mode", "modality", "rule", "date", "day", "date_source", "place_name",
		"place_country", "place_admin1", "place_lat", "place_lon", "place_geonameid", "place_source",
		"ev_source_start", "ev_source_end", "ev_trigger_start", "ev_trigger_end", "ev_target_start", "ev_target_end", "added"},
	"casualties": {"article", "idx", "sentence", "kind", "value", "qualifier", "vague", "victims", "place", "date", "text", "start", "end"},
	"incidents":  {"article", "idx", "sentence", "cause", "kind", "place", "date", "casualties", "events", "start", "end"},
	"entities":   {"article", "idx", "sentence", "text", "type", "canonical", "actor", "role", "mention", "start", "end"},
}

// rowWriter writes the rows of one article inside the article's transaction: its
// events, casualty counts, incidents and entities, and the sentences they cite.
type rowWriter struct {
	ctx       context.Context
	tx        *sql.Tx
	article   int64
	added     string
	d         *doc.Document
	sentences map[int]int64 // sentence index → sentences.id
	records   bool          // write each event's record (events.record) too
}

// writeRows writes d's rows for the article stored as articles.seq = article and
// ingested at added (articles.ingested_at), without event records: the rows that
// migration 0003 back-fills, before events.record exists (0011 fills the records).
func writeRows(ctx context.Context, tx *sql.Tx, article int64, added string, d *doc.Document) error {
	return (&rowWriter{ctx: ctx, tx: tx, article: article, added: added, d: d, sentences: map[int]int64{}}).write()
}

// writeRowsRecords is writeRows with each event row's record (appendRecord), as Put
// writes them.
func writeRowsRecords(ctx context.Context, tx *sql.Tx, article int64, added string, d *doc.Document) error {
	return (&rowWriter{ctx: ctx, tx: tx, article: article, added: added, d: d, sentences: map[int]int64{}, records: true}).write()
}

// write writes the rows of w's document.
func (w *rowWriter) write() error {
	d := w.d
	events := d.Events[:min(len(d.Events), maxRowsPerLayer)]
	casualties := d.Casualties[:min(len(d.Casualties), maxRowsPerLayer)]
	incidents := d.Incidents[:min(len(d.Incidents), maxRowsPerLayer)]
	entities := d.Entities[:min(len(d.Entities), maxRowsPerLayer)]

	// The sentences first, in one go, so that the others can point to them.
	var cited []int
	for i := range events {
		cited = append(cited, events[i].Sentence)
	}
	for i := range casualties {
		cited = append(cited, d.SentenceAt(casualties[i].Start))
	}
	for i := range incidents {
		cited = append(cited, incidents[i].Sentence)
	}
	if err := w.writeSentences(cited); err != nil {
		return fmt.Errorf("sentences: %w", err)
	}
	rows := make([][]any, 0, len(events))
	cols := rowColumns["events"]
	if w.records {
		cols = append(cols[:len(cols):len(cols)], "record")
	}
	for i := range events {
		row := w.event(i)
		if w.records {
			row = append(row, w.record(i))
		}
		rows = append(rows, row)
	}
	if _, err := w.insertIDs("events", cols, rows); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	rows = rows[:0]
	for i := range casualties {
		rows = append(rows, w.casualty(i))
	}
	if err := w.insert("casualties", rows); err != nil {
		return fmt.Errorf("casualties: %w", err)
	}
	rows = rows[:0]
	for i := range incidents {
		row, err := w.incident(i)
		if err != nil {
			return fmt.Errorf("incident %d: %w", i, err)
		}
		rows = append(rows, row)
	}
	if err := w.insert("incidents", rows); err != nil {
		return fmt.Errorf("incidents: %w", err)
	}
	rows = rows[:0]
	for i := range entities {
		en := &d.Entities[i]
		rows = append(rows, []any{w.article, i, d.SentenceAt(en.Start), en.Text, en.Type,
			en.Canonical, en.Actor, en.Role, en.Mention, en.Start, en.End})
	}
	if err := w.insert("entities", rows); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	return nil
}

// insert writes rows (values in rowColumns order) to table, rowsPerInsert a statement.
func (w *rowWriter) insert(table string, rows [][]any) error {
	_, err := w.insertIDs(table, rowColumns[table], rows)
	return err
}

// insertIDs writes rows (values in the order of cols) to table, rowsPerInsert a
// statement, and returns each row's ID. A table's INTEGER PRIMARY KEY takes the
// largest ID so far plus one, so the rows of one statement, written under the write
// lock, have consecutive IDs ending at the statement's last insert ID.
func (w *rowWriter) insertIDs(table string, cols []string, rows [][]any) ([]int64, error) {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	var ids []int64
	for len(rows) > 0 {
		n := min(len(rows), rowsPerInsert)
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
		args := make([]any, 0, n*len(cols))
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(one)
			args = append(args, r...)
		}
		res, err := w.tx.ExecContext(w.ctx, b.String(), args...)
		if err != nil {
			return nil, err
		}
		last, err := res.LastInsertId()
		if err != nil {
			return nil, err
		}
		for k := range n {
			ids = append(ids, last-int64(n-1-k))
		}
		rows = rows[n:]
	}
	return ids, nil
}

// writeSentences writes the sentences of the indexes in cited that the document has,
// once each, and records their IDs.
func (w *rowWriter) writeSentences(cited []int) error {
	slices.Sort(cited)
	cited = slices.Compact(cited)
	var rows [][]any
	var idx []int
	for _, i := range cited {
		if i < 0 || i >= len(w.d.Sentences) {
			continue
		}
		s := w.d.Sentences[i]
		rows = append(rows, []any{w.article, i, s.Start, s.End, s.Text})
		idx = append(idx, i)
	}
	ids, err := w.insertIDs("sentences", rowColumns["sentences"], rows)
	if err != nil {
		return err
	}
	for k, id := range ids {
		w.sentences[idx[k]] = id
	}
	return nil
}

// sentence is the sentences row of sentence i, nil when the document has none.
func (w *rowWriter) sentence(i int) any {
	if id, ok := w.sentences[i]; ok {
		return id
	}
	return nil
}

func (w *rowWriter) event(i int) []any {
	e := &w.d.Events[i]
	srcText, srcCanon := w.actor(e.Evidence.Source)
	tgtText, tgtCanon := w.actor(e.Evidence.Target)
	var day any
	if d := store.DayOf(e.Date); d != "" {
		day = d
	}
	var name, country, admin1, lat, lon, gid any
	if p := e.Place; p != nil {
		name, country, admin1, lat, lon, gid = p.Name, p.Country, p.Admin1, p.Lat, p.Lon, p.GeonameID
	}
	ev := e.Evidence
	return []any{w.article, i, w.sentence(e.Sentence), e.Sentence, e.Source, srcText, srcCanon,
		e.Target, tgtText, tgtCanon, e.Code, store.BaseOf(e.Code), e.Root, e.QuadClass, e.Goldstein,
		e.Plover.Type, e.Plover.Mode, e.Modality, e.Rule, e.Date, day, e.DateSource,
		name, country, admin1, lat, lon, gid, e.PlaceSource,
		ev.Source.Start, ev.Source.End, ev.Trigger.Start, ev.Trigger.End, ev.Target.Start, ev.Target.End, w.added}
}

// record is the record (appendRecord) of event i, from the values w.event writes to
// its columns.
func (w *rowWriter) record(i int) []byte {
	e, d := &w.d.Events[i], w.d
	r := store.EventRow{ArticleID: d.ID, URL: d.URL, Published: d.Published, SourceName: d.Source, Title: d.Title,
		Ingested: w.added, Index: i, Sentence: e.Sentence, Evidence: e.Evidence,
		Source: e.Source, Target: e.Target, Code: e.Code, Base: store.BaseOf(e.Code), Root: e.Root,
		QuadClass: e.QuadClass, Goldstein: e.Goldstein, PloverType: e.Plover.Type, PloverMode: e.Plover.Mode,
		Modality: e.Modality, Rule: e.Rule, Date: e.Date, DateSource: e.DateSource, PlaceSource: e.PlaceSource}
	if _, ok := w.sentences[e.Sentence]; ok { // as the sentences row the columns point to
		s := &w.d.Sentences[e.Sentence]
		r.SentenceText, r.SentenceSpan = s.Text, s.Span
	}
	r.SourceText, r.SourceCanonical = w.actor(e.Evidence.Source)
	r.TargetText, r.TargetCanonical = w.actor(e.Evidence.Target)
	if p := e.Place; p != nil {
		r.Place = &doc.Location{Name: p.Name, Country: p.Country, Admin1: p.Admin1, Lat: p.Lat, Lon: p.Lon, GeonameID: p.GeonameID}
	}
	return appendRecord(nil, &r)
}

// actor returns the text at span s, as written, and the canonical name of the entity
// mention that covers it ("" when s is empty or no entity covers it).
func (w *rowWriter) actor(s doc.Span) (text, canonical string) {
	d := w.d
	if s.Start < 0 || s.End <= s.Start || s.End > len(d.Text) {
		return "", ""
	}
	text = d.Text[s.Start:s.End]
	for i := range d.Entities {
		en := &d.Entities[i]
		if en.Start <= s.Start && s.End <= en.End || s.Start <= en.Start && en.End <= s.End {
			return text, en.Canonical
		}
	}
	return text, ""
}

func (w *rowWriter) casualty(i int) []any {
	c := &w.d.Casualties[i]
	return []any{w.article, i, w.sentence(w.d.SentenceAt(c.Start)), c.Kind, c.Value, c.Qualifier, c.Vague,
		c.Victims, c.Place, c.Date, c.Text, c.Start, c.End}
}

func (w *rowWriter) incident(i int) ([]any, error) {
	in := &w.d.Incidents[i]
	cas, err := json.Marshal(nonNil(in.Casualties))
	if err != nil {
		return nil, err
	}
	evs, err := json.Marshal(nonNil(in.Events))
	if err != nil {
		return nil, err
	}
	return []any{w.article, i, w.sentence(in.Sentence), in.Cause, in.Kind, in.Place, in.Date,
		string(cas), string(evs), in.Start, in.End}, nil
}

func nonNil(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}
