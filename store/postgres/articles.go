package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/story"
)

// DefaultLimit is the page size used when Page.Limit is zero or negative.
const DefaultLimit = 50

// maxRowsPerLayer bounds the rows one article may add to each table, as in SQLite.
const maxRowsPerLayer = 10000

// maxAttempts bounds the tries of one Put: PostgreSQL aborts one of two transactions
// that deadlock (two articles locking the same stories in opposite orders, see
// stories.go) and Put runs the aborted one again.
const maxAttempts = 5

var _ store.Store = (*Store)(nil)

// Put stores d, all layers included, with its event, casualty, incident and entity
// rows and its stories, in one transaction. It reports created=false, and changes
// nothing, when an article with d's ID is already stored (or is being stored by
// another transaction, which Put waits for). d itself is not modified.
func (s *Store) Put(ctx context.Context, d *doc.Document) (created bool, err error) {
	if d == nil {
		return false, errors.New("store/postgres: put: nil document")
	}
	if d.ID == "" {
		return false, errors.New("store/postgres: put: document has no ID")
	}
	c := *d // a shallow copy, so that Normalize leaves the caller's document alone
	c.Normalize()
	js, err := json.Marshal(&c)
	if err != nil {
		return false, fmt.Errorf("store/postgres: put %q: %w", d.ID, err)
	}
	for attempt := 1; ; attempt++ {
		created, err = s.put(ctx, &c, js)
		if code := pgCode(err); (code == "40P01" || code == "40001") && attempt < maxAttempts && ctx.Err() == nil {
			continue // deadlock_detected, serialization_failure: nothing was written
		}
		if err != nil {
			return false, fmt.Errorf("store/postgres: put %q: %w", d.ID, err)
		}
		return created, nil
	}
}

func (s *Store) put(ctx context.Context, c *doc.Document, js []byte) (bool, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	var seq int64
	err = tx.QueryRow(ctx, insertArticle, articleArgs(c, js, time.Now().UTC())...).Scan(&seq)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil // already stored; the deferred rollback ends the transaction
	}
	if err != nil {
		return false, err
	}
	// The event dataset's rows go in the same transaction: never an article without
	// its rows, nor rows without their article.
	var rows rowSet
	if err := rows.add(seq, c); err != nil {
		return false, err
	}
	if err := rows.copy(ctx, tx); err != nil {
		return false, err
	}
	if s.beforeLink != nil {
		s.beforeLink()
	}
	arts := []linkedArticle{{seq: seq, doc: c, units: s.link.units(c)}}
	if err := linkBatch(ctx, tx, s.link.linker, arts, !s.noKeyLocks); err != nil {
		return false, fmt.Errorf("stories: %w", err)
	}
	if err := flushSeries(ctx, tx); err != nil { // the weekly sums of the stories written (migration 0004)
		return false, fmt.Errorf("series sums: %w", err)
	}
	if s.beforeCommit != nil {
		s.beforeCommit()
	}
	if err := tx.Commit(ctx); err != nil {
		return false, err
	}
	return true, nil
}

// insertArticle inserts an article row unless its ID is stored, returning its seq.
const insertArticle = `INSERT INTO articles (id, title, standfirst, published, source, url, author,
	language, origin, text, body_start, doc_json, ingested_at, tsv)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::tsvector)
	ON CONFLICT (id) DO NOTHING RETURNING seq`

// articleArgs are insertArticle's arguments for c, js being its JSON.
func articleArgs(c *doc.Document, js []byte, now time.Time) []any {
	return []any{c.ID, c.Title, c.Standfirst, c.Published, c.Source, c.URL, c.Author,
		c.Language, c.Origin, c.Text, c.BodyStart, string(js), now, articleVector(c.Title, c.Text)}
}

// PutBatch stores docs as Put stores each, in order, but all in one transaction: one
// commit (one WAL flush) and a few round trips for the batch instead of a dozen or more
// for each article. created[i] is docs[i]'s Put result. The story keys of the whole
// batch are locked together, in hash order, before any article is linked, so that two
// batches never deadlock on them. On an error nothing is stored; the caller may put
// the documents one by one to learn which of them the store refuses.
func (s *Store) PutBatch(ctx context.Context, docs []*doc.Document) (created []bool, err error) {
	cs := make([]doc.Document, len(docs))
	js := make([][]byte, len(docs))
	for i, d := range docs {
		if d == nil || d.ID == "" {
			return nil, errors.New("store/postgres: put batch: a document without an ID")
		}
		cs[i] = *d // a shallow copy, so that Normalize leaves the caller's document alone
		cs[i].Normalize()
		if js[i], err = json.Marshal(&cs[i]); err != nil {
			return nil, fmt.Errorf("store/postgres: put %q: %w", d.ID, err)
		}
	}
	for attempt := 1; ; attempt++ {
		created, err = s.putBatch(ctx, cs, js)
		if code := pgCode(err); (code == "40P01" || code == "40001") && attempt < maxAttempts && ctx.Err() == nil {
			continue // deadlock_detected, serialization_failure: nothing was written
		}
		if err != nil {
			return nil, fmt.Errorf("store/postgres: put batch of %d: %w", len(docs), err)
		}
		return created, nil
	}
}

func (s *Store) putBatch(ctx context.Context, cs []doc.Document, js [][]byte) ([]bool, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)
	now := time.Now().UTC()
	b := &pgx.Batch{}
	for i := range cs {
		b.Queue(insertArticle, articleArgs(&cs[i], js[i], now)...)
	}
	created := make([]bool, len(cs))
	seqs := make([]int64, len(cs))
	br := tx.SendBatch(ctx, b)
	for i := range cs {
		err := br.QueryRow().Scan(&seqs[i])
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			br.Close()
			return nil, fmt.Errorf("%s: %w", cs[i].ID, err)
		}
		created[i] = err == nil
	}
	if err := br.Close(); err != nil {
		return nil, err
	}
	var rows rowSet
	var units [][]story.Unit
	for i := range cs {
		if !created[i] {
			units = append(units, nil)
			continue
		}
		if err := rows.add(seqs[i], &cs[i]); err != nil {
			return nil, fmt.Errorf("%s: %w", cs[i].ID, err)
		}
		units = append(units, s.link.units(&cs[i]))
	}
	if err := rows.copy(ctx, tx); err != nil {
		return nil, err
	}
	if s.beforeLink != nil {
		s.beforeLink()
	}
	var arts []linkedArticle
	for i := range cs {
		if created[i] {
			arts = append(arts, linkedArticle{seq: seqs[i], doc: &cs[i], units: units[i]})
		}
	}
	if err := linkBatch(ctx, tx, s.link.linker, arts, !s.noKeyLocks); err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	if err := flushSeries(ctx, tx); err != nil { // the weekly sums of the batch's stories (migration 0004)
		return nil, fmt.Errorf("series sums: %w", err)
	}
	if s.beforeCommit != nil {
		s.beforeCommit()
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, err
	}
	return created, nil
}

// rowSet holds the event dataset's rows of one or more articles, to be written with
// one COPY a table.
type rowSet struct {
	sentences, events, casualties, incidents, entities [][]any
}

// add adds the rows of d, stored as articles.seq = seq: the sentences its rows cite,
// then its events, casualty counts, incidents and entities.
func (r *rowSet) add(seq int64, d *doc.Document) error {
	events := d.Events[:min(len(d.Events), maxRowsPerLayer)]
	casualties := d.Casualties[:min(len(d.Casualties), maxRowsPerLayer)]
	incidents := d.Incidents[:min(len(d.Incidents), maxRowsPerLayer)]
	entities := d.Entities[:min(len(d.Entities), maxRowsPerLayer)]

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
	slices.Sort(cited)
	cited = slices.Compact(cited)
	for _, i := range cited {
		if i < 0 || i >= len(d.Sentences) {
			continue
		}
		sn := d.Sentences[i]
		r.sentences = append(r.sentences, []any{seq, i, sn.Start, sn.End, sn.Text, sentenceVector(sn.Text)})
	}
	for i := range events {
		r.events = append(r.events, eventRow(seq, d, i))
	}
	for i := range casualties {
		cs := &casualties[i]
		r.casualties = append(r.casualties, []any{seq, i, d.SentenceAt(cs.Start), cs.Kind, cs.Value, cs.Qualifier, cs.Vague,
			cs.Victims, cs.Place, cs.Date, cs.Text, cs.Start, cs.End})
	}
	for i := range incidents {
		in := &incidents[i]
		cas, err := json.Marshal(nonNil(in.Casualties))
		if err != nil {
			return err
		}
		evs, err := json.Marshal(nonNil(in.Events))
		if err != nil {
			return err
		}
		r.incidents = append(r.incidents, []any{seq, i, in.Sentence, in.Cause, in.Kind, in.Place, in.Date,
			string(cas), string(evs), in.Start, in.End})
	}
	for i := range entities {
		en := &entities[i]
		r.entities = append(r.entities, []any{seq, i, d.SentenceAt(en.Start), en.Text, en.Type,
			en.Canonical, en.Actor, en.Role, en.Mention, en.Start, en.End})
	}
	return nil
}

// copy writes the rows, each table in one COPY, in the order they were added (so that
// identity IDs follow it).
func (r *rowSet) copy(ctx context.Context, tx pgx.Tx) error {
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"sentences", []string{"article", "idx", "span_start", "span_end", "text", "tsv"}, r.sentences},
		{"events", eventCopyColumns, r.events},
		{"casualties", []string{"article", "idx", "sentence_idx", "kind", "value",
			"qualifier", "vague", "victims", "place", "date", "text", "span_start", "span_end"}, r.casualties},
		{"incidents", []string{"article", "idx", "sentence_idx", "cause", "kind",
			"place", "date", "casualties", "events", "span_start", "span_end"}, r.incidents},
		{"entities", []string{"article", "idx", "sentence_idx", "text", "type",
			"canonical", "actor", "role", "mention", "span_start", "span_end"}, r.entities},
	} {
		if err := copyRows(ctx, tx, t.table, t.cols, t.rows); err != nil {
			return err
		}
	}
	return nil
}

// copyRows writes rows to table with COPY, in their order (so that identity IDs follow
// it).
func copyRows(ctx context.Context, tx pgx.Tx, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	return nil
}

// eventCopyColumns are the columns of eventRow's values.
var eventCopyColumns = []string{"article", "idx", "sentence_idx", "source", "source_text",
	"source_canonical", "target", "target_text", "target_canonical", "code", "base", "root", "quad_class",
	"goldstein", "plover_type", "plover_mode", "modality", "rule", "date", "day", "date_source", "place_name",
	"place_country", "place_admin1", "place_lat", "place_lon", "place_geonameid", "place_source",
	"ev_source_start", "ev_source_end", "ev_trigger_start", "ev_trigger_end", "ev_target_start", "ev_target_end"}

func eventRow(seq int64, d *doc.Document, i int) []any {
	e := &d.Events[i]
	srcText, srcCanon := actorText(d, e.Evidence.Source)
	tgtText, tgtCanon := actorText(d, e.Evidence.Target)
	var day any
	if dd := store.DayOf(e.Date); dd != "" {
		day = dd
	}
	var name, country, admin1, lat, lon, gid any
	if p := e.Place; p != nil {
		name, country, admin1, lat, lon, gid = p.Name, p.Country, p.Admin1, p.Lat, p.Lon, int64(p.GeonameID)
	}
	ev := e.Evidence
	return []any{seq, i, e.Sentence, e.Source, srcText, srcCanon,
		e.Target, tgtText, tgtCanon, e.Code, store.BaseOf(e.Code), e.Root, e.QuadClass, e.Goldstein,
		e.Plover.Type, e.Plover.Mode, e.Modality, e.Rule, e.Date, day, e.DateSource,
		name, country, admin1, lat, lon, gid, e.PlaceSource,
		ev.Source.Start, ev.Source.End, ev.Trigger.Start, ev.Trigger.End, ev.Target.Start, ev.Target.End}
}

// actorText returns the text at span sp, as written, and the canonical name of the
// entity mention that covers it ("" when sp is empty or no entity covers it).
func actorText(d *doc.Document, sp doc.Span) (text, canonical string) {
	if sp.Start < 0 || sp.End <= sp.Start || sp.End > len(d.Text) {
		return "", ""
	}
	text = d.Text[sp.Start:sp.End]
	for i := range d.Entities {
		en := &d.Entities[i]
		if en.Start <= sp.Start && sp.End <= en.End || sp.Start <= en.Start && en.End <= sp.End {
			return text, en.Canonical
		}
	}
	return text, ""
}

func nonNil(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

// Get returns the document with the given ID, or an error wrapping store.ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (*doc.Document, error) {
	var js string
	err := s.pool.QueryRow(ctx, `SELECT doc_json FROM articles WHERE id = $1`, id).Scan(&js)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("store/postgres: get %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store/postgres: get %q: %w", id, err)
	}
	d := new(doc.Document)
	if err := json.Unmarshal([]byte(js), d); err != nil {
		return nil, fmt.Errorf("store/postgres: get %q: decode stored document: %w", id, err)
	}
	d.Normalize()
	return d, nil
}

// List returns one page of article summaries, newest ingested first (newest published
// first with Page.ByPublished, undated last), and the number of stored articles.
func (s *Store) List(ctx context.Context, page store.Page) ([]store.Summary, int, error) {
	sums, total, err := s.list(ctx, page)
	if err != nil {
		return nil, 0, fmt.Errorf("store/postgres: list: %w", err)
	}
	return sums, total, nil
}

func (s *Store) list(ctx context.Context, page store.Page) ([]store.Summary, int, error) {
	limit, offset := window(page)
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback(ctx)
	var total int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&total); err != nil {
		return nil, 0, err
	}
	order := `a.ingested_at DESC, a.seq DESC`
	if page.ByPublished {
		// ISO 8601 dates sort as text, and "" (unknown) sorts last in descending order.
		order = `a.published DESC, a.ingested_at DESC, a.seq DESC`
	}
	rows, err := tx.Query(ctx, `SELECT `+summaryColumns+` FROM articles a ORDER BY `+order+` LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	sums := []store.Summary{}
	for rows.Next() {
		var sum store.Summary
		if err := scanSummary(rows, &sum); err != nil {
			return nil, 0, err
		}
		sums = append(sums, sum)
	}
	return sums, total, rows.Err()
}

// readTx begins a read-only transaction on one snapshot, so that a count and its page,
// or an export, agree.
func (s *Store) readTx(ctx context.Context) (pgx.Tx, error) {
	return s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
}

// summaryColumns are the columns of articles, aliased a, that scanSummary reads.
const summaryColumns = `a.id, a.title, a.published, a.source, a.url, a.language, a.ingested_at`

// scanSummary scans summaryColumns into sum, and any further columns into extra.
func scanSummary(rows pgx.Rows, sum *store.Summary, extra ...any) error {
	dest := append([]any{&sum.ID, &sum.Title, &sum.Published, &sum.Source, &sum.URL,
		&sum.Language, &sum.Ingested}, extra...)
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	sum.Ingested = sum.Ingested.UTC()
	return nil
}

// window turns a Page into LIMIT and OFFSET values.
func window(p store.Page) (limit, offset int) {
	limit, offset = p.Limit, p.Offset
	if limit <= 0 {
		limit = DefaultLimit
	}
	if offset < 0 {
		offset = 0
	}
	return limit, offset
}
