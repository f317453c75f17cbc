package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
)

// maxRowsPerLayer bounds the rows one article may add to each table, so that a
// malformed document cannot fill the store; the article JSON keeps every annotation.
const maxRowsPerLayer = 10000

// rowWriter writes the rows of one article inside the article's transaction: its
// events, casualty counts, incidents and entities, and the sentences they cite.
type rowWriter struct {
	ctx       context.Context
	tx        *sql.Tx
	article   int64
	added     string
	d         *doc.Document
	stmts     map[string]*sql.Stmt
	sentences map[int]int64 // sentence index → sentences.id
}

// writeRows writes d's rows for the article stored as articles.seq = article and
// ingested at added (articles.ingested_at).
func writeRows(ctx context.Context, tx *sql.Tx, article int64, added string, d *doc.Document) error {
	w := &rowWriter{ctx: ctx, tx: tx, article: article, added: added, d: d, stmts: map[string]*sql.Stmt{}, sentences: map[int]int64{}}
	defer func() {
		for _, st := range w.stmts {
			st.Close()
		}
	}()
	for i := range d.Events[:min(len(d.Events), maxRowsPerLayer)] {
		if err := w.event(i); err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
	}
	for i := range d.Casualties[:min(len(d.Casualties), maxRowsPerLayer)] {
		if err := w.casualty(i); err != nil {
			return fmt.Errorf("casualty %d: %w", i, err)
		}
	}
	for i := range d.Incidents[:min(len(d.Incidents), maxRowsPerLayer)] {
		if err := w.incident(i); err != nil {
			return fmt.Errorf("incident %d: %w", i, err)
		}
	}
	for i := range d.Entities[:min(len(d.Entities), maxRowsPerLayer)] {
		if err := w.entity(i); err != nil {
			return fmt.Errorf("entity %d: %w", i, err)
		}
	}
	return nil
}

// The insert statements, by table.
var rowInserts = map[string]string{
	"sentences": `INSERT INTO sentences (article, idx, start, end, text) VALUES (?, ?, ?, ?, ?)`,
	"events": `INSERT INTO events (article, idx, sentence, sentence_idx, source, source_text,
		source_canonical, target, target_text, target_canonical, code, base, root, quad_class,
		goldstein, plover_type, plover_mode, modality, rule, date, day, date_source, place_name,
		place_country, place_admin1, place_lat, place_lon, place_geonameid, place_source,
		ev_source_start, ev_source_end, ev_trigger_start, ev_trigger_end, ev_target_start, ev_target_end, added)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"casualties": `INSERT INTO casualties (article, idx, sentence, kind, value, qualifier, vague,
		victims, place, date, text, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"incidents": `INSERT INTO incidents (article, idx, sentence, cause, kind, place, date,
		casualties, events, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"entities": `INSERT INTO entities (article, idx, sentence, text, type, canonical, actor, role,
		mention, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
}

// exec runs table's insert with args, preparing it on first use in this transaction.
func (w *rowWriter) exec(table string, args ...any) (sql.Result, error) {
	st, ok := w.stmts[table]
	if !ok {
		var err error
		if st, err = w.tx.PrepareContext(w.ctx, rowInserts[table]); err != nil {
			return nil, err
		}
		w.stmts[table] = st
	}
	return st.ExecContext(w.ctx, args...)
}

// sentence returns the sentences row of sentence i, writing it on first use; nil
// when the document has no sentence i.
func (w *rowWriter) sentence(i int) (any, error) {
	if i < 0 || i >= len(w.d.Sentences) {
		return nil, nil
	}
	if id, ok := w.sentences[i]; ok {
		return id, nil
	}
	s := w.d.Sentences[i]
	res, err := w.exec("sentences", w.article, i, s.Start, s.End, s.Text)
	if err != nil {
		return nil, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return nil, err
	}
	w.sentences[i] = id
	return id, nil
}

func (w *rowWriter) event(i int) error {
	e := &w.d.Events[i]
	sent, err := w.sentence(e.Sentence)
	if err != nil {
		return err
	}
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
	_, err = w.exec("events", w.article, i, sent, e.Sentence, e.Source, srcText, srcCanon,
		e.Target, tgtText, tgtCanon, e.Code, store.BaseOf(e.Code), e.Root, e.QuadClass, e.Goldstein,
		e.Plover.Type, e.Plover.Mode, e.Modality, e.Rule, e.Date, day, e.DateSource,
		name, country, admin1, lat, lon, gid, e.PlaceSource,
		ev.Source.Start, ev.Source.End, ev.Trigger.Start, ev.Trigger.End, ev.Target.Start, ev.Target.End, w.added)
	return err
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

func (w *rowWriter) casualty(i int) error {
	c := &w.d.Casualties[i]
	sent, err := w.sentence(w.d.SentenceAt(c.Start))
	if err != nil {
		return err
	}
	_, err = w.exec("casualties", w.article, i, sent, c.Kind, c.Value, c.Qualifier, c.Vague,
		c.Victims, c.Place, c.Date, c.Text, c.Start, c.End)
	return err
}

func (w *rowWriter) incident(i int) error {
	in := &w.d.Incidents[i]
	sent, err := w.sentence(in.Sentence)
	if err != nil {
		return err
	}
	cas, err := json.Marshal(nonNil(in.Casualties))
	if err != nil {
		return err
	}
	evs, err := json.Marshal(nonNil(in.Events))
	if err != nil {
		return err
	}
	_, err = w.exec("incidents", w.article, i, sent, in.Cause, in.Kind, in.Place, in.Date,
		string(cas), string(evs), in.Start, in.End)
	return err
}

func (w *rowWriter) entity(i int) error {
	en := &w.d.Entities[i]
	_, err := w.exec("entities", w.article, i, w.d.SentenceAt(en.Start), en.Text, en.Type,
		en.Canonical, en.Actor, en.Role, en.Mention, en.Start, en.End)
	return err
}

func nonNil(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}
