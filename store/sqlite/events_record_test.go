package sqlite

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/storetest"
)

// columnRows reads every event row of s from its columns (eventColumns), as the rows
// were read before records existed.
func columnRows(t *testing.T, s *Store) []store.EventRow {
	t.Helper()
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, eventColumns+` FROM events e`+eventJoin+` ORDER BY e.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	sc := newEventScanner(ctx, tx, 0)
	defer sc.close()
	var out []store.EventRow
	for rows.Next() {
		var r store.EventRow
		if err := sc.scan(rows, &r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// sameRows reports the first difference between rows read from records and from
// columns.
func sameRows(t *testing.T, what string, got, want []store.EventRow) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d", what, len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%s: row %d\n got %+v\nwant %+v", what, i, got[i], want[i])
		}
	}
}

// TestRecordsMatchColumns checks that an event row read from its record, as exports
// and pages read it, is the row its columns hold: after Put of analysed articles,
// after the upgrade of a store written before records (0011's back-fill), for a row
// whose record is missing, and in a page of Events. With NoStoryCounts the rows are
// the same but for the story's counts.
func TestRecordsMatchColumns(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	docs := storetest.Samples(t)
	for _, d := range docs[:12] {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	want := columnRows(t, s)
	if len(want) < 50 {
		t.Fatalf("%d event rows from 12 samples", len(want))
	}
	places, counts := 0, 0
	for _, r := range want {
		if r.Place != nil {
			places++
		}
		if r.StoryMentions > 0 {
			counts++
		}
	}
	if places == 0 || counts == 0 {
		t.Fatalf("%d rows with a place, %d with story counts: the test reads neither", places, counts)
	}
	sameRows(t, "after Put", allEvents(t, s, store.EventFilter{}), want)

	noCounts := make([]store.EventRow, len(want))
	for i, r := range want {
		r.StoryMentions, r.StorySources, r.StoryArticles = 0, 0, 0
		noCounts[i] = r
	}
	sameRows(t, "NoStoryCounts", allEvents(t, s, store.EventFilter{NoStoryCounts: true}), noCounts)

	page, total, err := s.Events(ctx, store.EventFilter{}, store.Page{Limit: 20, Offset: 10})
	if err != nil || total != len(want) {
		t.Fatalf("Events = %d rows of %d, %v; want 20 of %d", len(page), total, err, len(want))
	}
	sameRows(t, "Events page", page, want[10:30])

	// A row without a record (which neither Put nor the migration leaves) is read
	// from its columns.
	if _, err := s.db.Exec(`UPDATE events SET record = NULL WHERE id = ?`, want[7].ID); err != nil {
		t.Fatal(err)
	}
	sameRows(t, "row without a record", allEvents(t, s, store.EventFilter{}), want)
}

// TestMigrateFillsRecords checks that the upgrade of a store written before records
// existed (testdata/v1.db, through every migration) gives every event row its record,
// and that the rows read from them are the rows of the columns.
func TestMigrateFillsRecords(t *testing.T) {
	s := openV1(t)
	var missing int
	if err := s.db.QueryRow(`SELECT count(*) FROM events WHERE record IS NULL`).Scan(&missing); err != nil {
		t.Fatal(err)
	}
	if missing != 0 {
		t.Errorf("%d event rows without a record after the upgrade", missing)
	}
	want := columnRows(t, s)
	if len(want) < 30 {
		t.Fatalf("%d event rows in v1.db", len(want))
	}
	sameRows(t, "upgraded v1.db", allEvents(t, s, store.EventFilter{}), want)
}

// TestCorruptRecord checks that a record that cannot be read is an error naming its
// row, not a crash or a wrong row, in a walk and in a page.
func TestCorruptRecord(t *testing.T) {
	s := openV1(t)
	rows := allEvents(t, s, store.EventFilter{})
	id := rows[len(rows)/2].ID
	for _, rec := range []string{"x'01'", "x'02'", "substr(record, 1, length(record) - 3)"} {
		if _, err := s.db.Exec(`UPDATE events SET record = `+rec+` WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
		err := s.EachEvent(context.Background(), store.EventFilter{}, func(*store.EventRow) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "event row") {
			t.Errorf("EachEvent with record %s = %v; want an error naming the row", rec, err)
		}
		if _, _, err := s.Events(context.Background(), store.EventFilter{}, store.Page{Limit: 1000}); err == nil {
			t.Errorf("Events with record %s: no error", rec)
		}
		// Restore it from the columns, as 0011's back-fill writes it.
		if _, err := s.db.Exec(`UPDATE events SET record = NULL WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
		tx, err := s.db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		if err := backfillRecords(context.Background(), tx); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		sameRows(t, "restored", allEvents(t, s, store.EventFilter{}), rows)
	}
}

// TestEachEventStops checks the walk's two goroutines end with it: an error from fn
// in the second batch, or the context cancelled, ends EachEvent with that error, and
// the store reads on as before.
func TestEachEventStops(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for _, d := range storetest.Samples(t) {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	want := columnRows(t, s)
	if len(want) <= eventBatchRows+10 {
		t.Fatalf("%d event rows: not two batches", len(want))
	}
	errStop := errors.New("stop")
	n := 0
	err := s.EachEvent(ctx, store.EventFilter{}, func(*store.EventRow) error {
		if n++; n == eventBatchRows+10 {
			return errStop
		}
		return nil
	})
	if !errors.Is(err, errStop) || n != eventBatchRows+10 {
		t.Errorf("EachEvent = %v after %d rows; want errStop after %d", err, n, eventBatchRows+10)
	}
	cctx, cancel := context.WithCancel(ctx)
	n = 0
	err = s.EachEvent(cctx, store.EventFilter{}, func(*store.EventRow) error {
		if n++; n == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("EachEvent with the context cancelled = %v after %d rows; want context.Canceled", err, n)
	}
	sameRows(t, "after the stops", allEvents(t, s, store.EventFilter{}), want)
}
