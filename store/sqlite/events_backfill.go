package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/tocsin-project/tocsin/doc"
)

// backfills are the Go steps of migrations whose new tables are filled from data
// already stored, keyed by the migration's file name. Each runs in its migration's
// transaction, right after the SQL, so an upgrade is all or nothing.
var backfills = map[string]func(context.Context, *sql.Tx) error{
	"0003_event_speed.sql":   backfillRows,
	"0008_story_counts.sql":  backfillStories,
	"0010_series_weeks.sql":  backfillSeries,
	"0011_event_records.sql": backfillRecords,
}

// backfillBatch is how many stored articles backfillRows decodes at a time.
const backfillBatch = 64

// backfillRows writes the event-dataset rows of every article that has none, from its
// document JSON, a batch of articles at a time: the articles stored before the rows
// existed (schema 1). It runs with 0003 rather than 0002, which made the tables,
// because 0003 added a column that rows are written with; a store that 0002's code
// already filled has rows for every article with events, casualty counts, incidents
// or entities, and only the others, which have nothing to write, are read again.
func backfillRows(ctx context.Context, tx *sql.Tx) error {
	type stored struct {
		seq   int64
		id    string
		js    string
		added string
	}
	const q = `SELECT seq, id, doc_json, ingested_at FROM articles a WHERE seq > ?
		AND NOT EXISTS (SELECT 1 FROM events WHERE article = a.seq)
		AND NOT EXISTS (SELECT 1 FROM entities WHERE article = a.seq)
		AND NOT EXISTS (SELECT 1 FROM casualties WHERE article = a.seq)
		AND NOT EXISTS (SELECT 1 FROM incidents WHERE article = a.seq)
		ORDER BY seq LIMIT ?`
	last := int64(0)
	for {
		rows, err := tx.QueryContext(ctx, q, last, backfillBatch)
		if err != nil {
			return fmt.Errorf("back-fill: %w", err)
		}
		var batch []stored
		for rows.Next() {
			var a stored
			if err := rows.Scan(&a.seq, &a.id, &a.js, &a.added); err != nil {
				rows.Close()
				return fmt.Errorf("back-fill: %w", err)
			}
			batch = append(batch, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("back-fill: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		for _, a := range batch {
			d := new(doc.Document)
			if err := json.Unmarshal([]byte(a.js), d); err != nil {
				return fmt.Errorf("back-fill article %q: decode stored document: %w", a.id, err)
			}
			if err := writeRows(ctx, tx, a.seq, a.added, d); err != nil {
				return fmt.Errorf("back-fill article %q: %w", a.id, err)
			}
			last = a.seq
		}
	}
}
