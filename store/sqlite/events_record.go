package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/bincodec"
	"github.com/tocsin-project/tocsin/store"
)

// An event row's record (events.record, migration 0011) is a copy, in one BLOB, of
// everything the row shows that does not change once the event is stored: its
// article's ID, URL, publication date, outlet and title, its ingest time, position,
// sentence with offsets, evidence offsets, actors, codes, date and place. Exports and
// pages of events read it, with the row's ID and story, instead of the 36 columns, the
// sentence's row and a query per article that those fields are kept in for the
// filters: modernc's SQLite driver costs about as much per column read (a lock and its
// C emulation, twice a column) and per statement as everything else an export does.
// The columns stay the truth for queries; the record is written from the same values
// in the same transaction (writeRowsRecords) and filled by migration 0011 for rows
// written before it, and TestRecordsMatchColumns checks that both read alike.
//
// The layout, in bincodec's fields: a version byte (recordVersion); the article's ID,
// URL, publication date, outlet and title and the ingest time as strings; as varints
// the event's index, its sentence's index, the sentence's start and end, and the
// evidence's source, trigger and target starts and ends; the sentence text; the
// source, source text, canonical source, target, target text, canonical target, code,
// base, root, PLOVER type and mode, modality, rule, date, date source and place source
// as strings; the quad class as a varint; the Goldstein score's float64 bits; then 0
// for no place, or 1 and the place's name, country and admin1, its latitude's and
// longitude's float64 bits and its GeoNames ID as a varint.

// recordVersion is the first byte of a record in the layout above.
const recordVersion = 1

// appendRecord appends the record of r to b: all its fields but ID and the story's.
func appendRecord(b []byte, r *store.EventRow) []byte {
	w := bincodec.Writer{B: append(b, recordVersion)}
	for _, s := range [...]string{r.ArticleID, r.URL, r.Published, r.SourceName, r.Title, r.Ingested} {
		w.String(s)
	}
	ev := &r.Evidence
	for _, n := range [...]int{r.Index, r.Sentence, r.SentenceSpan.Start, r.SentenceSpan.End,
		ev.Source.Start, ev.Source.End, ev.Trigger.Start, ev.Trigger.End, ev.Target.Start, ev.Target.End} {
		w.Varint(int64(n))
	}
	w.String(r.SentenceText)
	for _, s := range [...]string{r.Source, r.SourceText, r.SourceCanonical, r.Target, r.TargetText, r.TargetCanonical,
		r.Code, r.Base, r.Root, r.PloverType, r.PloverMode, r.Modality, r.Rule, r.Date, r.DateSource, r.PlaceSource} {
		w.String(s)
	}
	w.Varint(int64(r.QuadClass))
	w.Uint64(math.Float64bits(r.Goldstein))
	p := r.Place
	if p == nil {
		w.B = append(w.B, 0)
		return w.B
	}
	w.B = append(w.B, 1)
	w.String(p.Name)
	w.String(p.Country)
	w.String(p.Admin1)
	w.Uint64(math.Float64bits(p.Lat))
	w.Uint64(math.Float64bits(p.Lon))
	w.Varint(int64(p.GeonameID))
	return w.B
}

// decodeRecord sets the fields of r that rec, a record, holds: all but ID and the
// story's. Its strings are parts
// of rec, not copies, so rec must not change afterwards. A row with a place gets a
// new doc.Location, so that rows kept by a caller keep theirs.
func decodeRecord(rec []byte, r *store.EventRow) error {
	if len(rec) == 0 {
		return fmt.Errorf("empty export record")
	}
	if rec[0] != recordVersion {
		return fmt.Errorf("export record of version %d, want %d", rec[0], recordVersion)
	}
	rd := bincodec.NewReader(rec, 1)
	num := func() int { return int(rd.Varint()) }
	ev := &r.Evidence
	r.ArticleID, r.URL, r.Published, r.SourceName, r.Title = rd.String(), rd.String(), rd.String(), rd.String(), rd.String()
	r.Ingested = rd.String()
	r.Index, r.Sentence, r.SentenceSpan.Start, r.SentenceSpan.End = num(), num(), num(), num()
	ev.Source.Start, ev.Source.End, ev.Trigger.Start, ev.Trigger.End, ev.Target.Start, ev.Target.End = num(), num(), num(), num(), num(), num()
	r.SentenceText = rd.String()
	r.Source, r.SourceText, r.SourceCanonical = rd.String(), rd.String(), rd.String()
	r.Target, r.TargetText, r.TargetCanonical = rd.String(), rd.String(), rd.String()
	r.Code, r.Base, r.Root = rd.String(), rd.String(), rd.String()
	r.PloverType, r.PloverMode, r.Modality, r.Rule = rd.String(), rd.String(), rd.String(), rd.String()
	r.Date, r.DateSource, r.PlaceSource = rd.String(), rd.String(), rd.String()
	r.QuadClass = num()
	r.Goldstein = math.Float64frombits(rd.Uint64())
	r.Place = nil
	if rd.Byte() == 1 {
		r.Place = &doc.Location{Name: rd.String(), Country: rd.String(), Admin1: rd.String(),
			Lat: math.Float64frombits(rd.Uint64()), Lon: math.Float64frombits(rd.Uint64()), GeonameID: num()}
	}
	return rd.End()
}

// backfillRecordsBatch is how many rows backfillRecords reads at a time.
const backfillRecordsBatch = 1000

// backfillRecords writes the record of every event row that has none, made from its
// columns: the rows stored before migration 0011.
func backfillRecords(ctx context.Context, tx *sql.Tx) error {
	upd, err := tx.PrepareContext(ctx, `UPDATE events SET record = ? WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("back-fill records: %w", err)
	}
	defer upd.Close()
	sc := newEventScanner(ctx, tx, 0)
	defer sc.close()
	q := eventColumns + ` FROM events e` + eventJoin + ` WHERE e.id > ? AND e.record IS NULL ORDER BY e.id LIMIT ?`
	type record struct {
		id  int64
		rec []byte
	}
	var last int64
	for {
		rows, err := tx.QueryContext(ctx, q, last, backfillRecordsBatch)
		if err != nil {
			return fmt.Errorf("back-fill records: %w", err)
		}
		var batch []record
		var r store.EventRow
		for rows.Next() {
			if err := sc.scan(rows, &r); err != nil {
				rows.Close()
				return fmt.Errorf("back-fill records: event row: %w", err)
			}
			batch = append(batch, record{r.ID, appendRecord(nil, &r)})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("back-fill records: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		for _, b := range batch {
			if _, err := upd.ExecContext(ctx, b.rec, b.id); err != nil {
				return fmt.Errorf("back-fill records: event row %d: %w", b.id, err)
			}
		}
		last = batch[len(batch)-1].id
	}
}
