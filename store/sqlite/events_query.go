package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
)

var _ store.EventStore = (*Store)(nil)

// Events returns one page of the events that match f, in row-ID order, and how many
// match in all. A full-text filter with nothing to search for is a *store.FilterError
// naming "q". A Page.Limit of zero or less means DefaultLimit.
func (s *Store) Events(ctx context.Context, f store.EventFilter, page store.Page) ([]store.EventRow, int, error) {
	where, args, err := eventWhere(f)
	if err != nil {
		return nil, 0, err
	}
	limit, offset := window(page)
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("store/sqlite: events: %w", err)
	}
	defer tx.Rollback()
	// The page's IDs come first, with the count of all matches (a window function, so
	// that one pass over the index finds both), from the index alone where it holds the
	// filtered columns; only those rows are then read in full. (Reading full rows while
	// testing the filter would read one table row for every index entry in the range of,
	// say, an actor-code prefix, most of which another filter then drops.)
	cols, join := recordSelect(f)
	q := cols + `, p.total FROM (SELECT e.id AS id, count(*) OVER () AS total FROM events e` + where +
		eventOrder(f) + ` LIMIT ? OFFSET ?) p JOIN events e ON e.id = p.id` + join + ` ORDER BY e.id`
	rows, err := tx.QueryContext(ctx, q, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, eventsError(f, err)
	}
	defer rows.Close()
	rd := newRecordReader(ctx, tx, !f.NoStoryCounts, 1)
	defer rd.close()
	b := new(eventBatch)
	total := -1
	for rows.Next() {
		if err := rd.read(rows, b); err != nil {
			return nil, 0, fmt.Errorf("store/sqlite: events: %w", err)
		}
		n, _ := rd.vals[rd.n-1].(int64)
		total = int(n)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, eventsError(f, err)
	}
	out := make([]store.EventRow, len(b.rows))
	for i := range b.rows {
		if err := b.rows[i].decode(&out[i]); err != nil {
			return nil, 0, fmt.Errorf("store/sqlite: events: %w", err)
		}
	}
	if total < 0 { // no row on this page: count apart
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM events e`+where, args...).Scan(&total); err != nil {
			return nil, 0, eventsError(f, err)
		}
	}
	return out, total, nil
}

// EachEvent calls fn with every event that matches f, in row-ID order, reusing one
// row, so that an export of any size runs in constant memory. The walk reads one
// snapshot of the store.
//
// It is a pipeline of two goroutines: one steps SQLite through the rows and copies
// each row's record (events.record) into batches of eventBatchRows, the caller's
// decodes them and calls fn, so that on two cores the formatting of an export runs
// beside the reading (about half of its CPU each) rather than after it. At most
// eventBatchesAhead batches are read ahead, which bounds the memory.
func (s *Store) EachEvent(ctx context.Context, f store.EventFilter, fn func(*store.EventRow) error) error {
	where, args, err := eventWhere(f)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store/sqlite: events: %w", err)
	}
	defer tx.Rollback()
	cols, join := recordSelect(f)
	q := cols + ` FROM events e` + join + ` ORDER BY e.id`
	if where != "" { // the matching IDs first, as in Events
		q = cols + ` FROM events e` + join + ` WHERE e.id IN (SELECT e.id FROM events e` + where + `) ORDER BY e.id`
	}
	if !f.NoStoryCounts {
		restore, err := walkCache(ctx, tx)
		if err != nil {
			return fmt.Errorf("store/sqlite: events: %w", err)
		}
		defer restore()
	}
	caller := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan *eventBatch, eventBatchesAhead)
	var readErr error // set before batches is closed
	go func() {
		defer close(batches)
		readErr = readEvents(ctx, tx, q, args, !f.NoStoryCounts, batches)
	}()
	// stop ends the walk early: it stops the reader and waits for it to end, since
	// the transaction it reads in is rolled back on return.
	stop := func(err error) error {
		cancel()
		for range batches {
		}
		return err
	}
	var r store.EventRow
	for b := range batches {
		for i := range b.rows {
			// The caller's context, checked at every row: the reader may have read the
			// rows up to the end before it was cancelled.
			if err := caller.Err(); err != nil {
				return stop(fmt.Errorf("store/sqlite: events: %w", err))
			}
			if err := b.rows[i].decode(&r); err != nil {
				return stop(fmt.Errorf("store/sqlite: events: %w", err))
			}
			if err := fn(&r); err != nil {
				return stop(err)
			}
		}
	}
	if readErr != nil {
		return eventsError(f, readErr)
	}
	return nil
}

// walkCacheKiB is the page cache of a walk that joins the stories' counts, in KiB, in
// a database of walkCacheMinBytes or more. A row whose story is neither the one just
// read nor the next one created seeks it in story_counts at random: at 1M events (a
// 5.2 GB store, 658,897 stories) that table is some 8 MB, which SQLite's default
// cache of 2 MB would read again and again from the file. When the counts were keyed by
// story ID (story_sources, 19 MB), a seek for every row, a gdelt export took 15% less
// CPU with 64 MB (BenchmarkExport, 4 to 6 runs each). In
// the 0.5 GB store of 100,000 events it took some 10% more (the cache's pages are
// allocated as it fills, where a full small cache reuses them), so small stores keep
// the default.
const (
	walkCacheKiB      = 64 << 10
	walkCacheMinBytes = 1 << 30
)

// walkCache sets the page cache of tx's connection to walkCacheKiB for a walk in a
// database of walkCacheMinBytes or more, and returns the function that sets it back.
func walkCache(ctx context.Context, tx *sql.Tx) (restore func(), err error) {
	var pages, size, was int64
	for q, v := range map[string]*int64{`PRAGMA page_count`: &pages, `PRAGMA page_size`: &size, `PRAGMA cache_size`: &was} {
		if err := tx.QueryRowContext(ctx, q).Scan(v); err != nil {
			return nil, err
		}
	}
	if pages*size < walkCacheMinBytes {
		return func() {}, nil
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, walkCacheKiB)); err != nil {
		return nil, err
	}
	return func() {
		// The connection goes back to the pool; its cache shrinks back (failing, it
		// keeps the larger cache, and nothing is lost).
		_, _ = tx.ExecContext(context.Background(), fmt.Sprintf(`PRAGMA cache_size = %d`, was))
	}, nil
}

// eventBatchRows is how many rows EachEvent's reader hands over at a time, and
// eventBatchesAhead how many batches it may read ahead of the caller.
const (
	eventBatchRows    = 256
	eventBatchesAhead = 2
)

// readEvents runs query q, of recordSelect's columns (with the story's counts or
// not), in tx and sends its rows to out in batches of eventBatchRows.
func readEvents(ctx context.Context, tx *sql.Tx, q string, args []any, counts bool, out chan<- *eventBatch) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	rd := newRecordReader(ctx, tx, counts, 0)
	defer rd.close()
	b := newEventBatch()
	send := func() error {
		select {
		case out <- b:
			b = newEventBatch()
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for rows.Next() {
		if err := rd.read(rows, b); err != nil {
			return err
		}
		if len(b.rows) == eventBatchRows {
			if err := send(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(b.rows) > 0 {
		return send()
	}
	return nil
}

// eventBatch is rows read but not yet decoded. Their records are copied into arena,
// one new arena per batch, never reused: the strings of a decoded row are parts of it,
// and a caller may keep a row.
type eventBatch struct {
	rows  []rawEvent
	arena []byte
}

func newEventBatch() *eventBatch {
	return &eventBatch{rows: make([]rawEvent, 0, eventBatchRows), arena: make([]byte, 0, eventBatchRows*512)}
}

// rawEvent is an event row as read: its columns, and its record still encoded.
type rawEvent struct {
	id     int64
	record []byte
	story  string
	counts [3]int // the story's mentions, sources and articles
}

// decode sets r from e.
func (e *rawEvent) decode(r *store.EventRow) error {
	if err := decodeRecord(e.record, r); err != nil {
		return fmt.Errorf("event row %d: %w", e.id, err)
	}
	r.ID = e.id
	r.Story = e.story
	r.StoryMentions, r.StorySources, r.StoryArticles = e.counts[0], e.counts[1], e.counts[2]
	return nil
}

// recordColumns selects what recordReader.read expects, for events aliased e: the
// row's ID, its record and its story; then countColumns, joined with recordJoin: the
// story's counts (GDELT's NumMentions, NumSources, NumArticles), which change as
// reports are linked and so are not part of the record. They are joined by the
// story's creation number (migration 0012), in which order a walk in row-ID order
// mostly meets them.
const (
	recordColumns = `SELECT e.id, e.record, e.story`
	countColumns  = `, coalesce(c.mentions, 0), coalesce(c.sources, 0), coalesce(c.articles, 0)`
	recordJoin    = ` LEFT JOIN story_counts c ON c.seq = e.story_seq`
)

// recordSelect returns the SELECT of recordColumns and the join the rows of f are read
// with: with f.NoStoryCounts, neither countColumns nor story_sources, since its lookup,
// one per row, is about a third of an export's CPU, and each column read costs the
// driver too.
func recordSelect(f store.EventFilter) (cols, join string) {
	if f.NoStoryCounts {
		return recordColumns, ""
	}
	return recordColumns + countColumns, recordJoin
}

// recordReader reads rows of recordColumns, with countColumns or not, into
// eventBatches.
type recordReader struct {
	vals   [7]any // 3 columns, 3 counts and one extra column at most
	dest   [7]any
	rec    sql.RawBytes
	n      int  // the columns of a row
	counts bool // rows have countColumns

	cols *eventScanner // reads a row that has no record from its columns
}

// newRecordReader returns a reader of rows of recordColumns, countColumns when counts,
// and extra (0 or 1) more columns, the last of vals after read.
func newRecordReader(ctx context.Context, tx *sql.Tx, counts bool, extra int) *recordReader {
	n := 3 + extra
	if counts {
		n += 3
	}
	rd := &recordReader{n: n, counts: counts, cols: newEventScanner(ctx, tx, 0)}
	for i := range rd.dest {
		rd.dest[i] = &rd.vals[i]
	}
	rd.dest[1] = &rd.rec
	return rd
}

func (rd *recordReader) close() { rd.cols.close() }

// read reads the current row of rows into b.
func (rd *recordReader) read(rows *sql.Rows, b *eventBatch) error {
	if err := rows.Scan(rd.dest[:rd.n]...); err != nil {
		return err
	}
	v := &rd.vals
	num := func(i int) int64 { n, _ := v[i].(int64); return n }
	e := rawEvent{id: num(0)}
	e.story, _ = v[2].(string)
	if rd.counts {
		e.counts = [3]int{int(num(3)), int(num(4)), int(num(5))}
	}
	start := len(b.arena)
	if rd.rec == nil {
		var err error
		// A row without a record, which Put and migration 0011 never leave: read from
		// its columns.
		if b.arena, err = rd.cols.record(b.arena, e.id); err != nil {
			return fmt.Errorf("event row %d: %w", e.id, err)
		}
	} else {
		b.arena = append(b.arena, rd.rec...)
	}
	e.record = b.arena[start:len(b.arena):len(b.arena)]
	b.rows = append(b.rows, e)
	return nil
}

// eventsError turns FTS5 rejecting the sentence query into a *store.FilterError.
func eventsError(f store.EventFilter, err error) error {
	if reason, ok := ftsError(err); ok {
		return &store.FilterError{Name: "q", Value: f.Text, Reason: reason}
	}
	return fmt.Errorf("store/sqlite: events: %w", err)
}

// eventColumns selects the columns eventScanner.scan expects, for events aliased e
// joined with eventJoin: what a row's record (events.record) is made from, read where
// a row has none (migration 0011's back-fill). The
// article's columns are read once per article (eventScanner.article), not per event;
// its ingest time is the event's copy, e.added.
const eventColumns = `SELECT e.id, e.article, e.added,
	e.idx, e.sentence_idx, coalesce(s.text, ''), coalesce(s.start, 0), coalesce(s.end, 0),
	e.ev_source_start, e.ev_source_end, e.ev_trigger_start, e.ev_trigger_end, e.ev_target_start, e.ev_target_end,
	e.source, e.source_text, e.source_canonical, e.target, e.target_text, e.target_canonical,
	e.code, e.base, e.root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.modality, e.rule,
	e.date, e.date_source,
	e.place_name, e.place_country, e.place_admin1, e.place_lat, e.place_lon, e.place_geonameid, e.place_source,
	coalesce(e.story, ''), coalesce(c.mentions, 0), coalesce(c.sources, 0), coalesce(c.articles, 0)`

// eventJoin brings in the event's sentence and its story's counts.
const eventJoin = ` LEFT JOIN sentences s ON s.id = e.sentence LEFT JOIN story_sources c ON c.story = e.story`

// eventColumnCount is the number of columns of eventColumns.
const eventColumnCount = 42

// eventOrder is the ORDER BY of an events query: row-ID order. When a filter narrows
// the rows through an index, the order is written as an expression so that SQLite
// uses that index and sorts the (few) matches, rather than walking the whole table in
// row-ID order and testing every row.
func eventOrder(f store.EventFilter) string {
	if f.Source != "" || f.Target != "" || f.Dyad[0] != "" || len(f.Roots) > 0 || len(f.Codes) > 0 ||
		f.Country != "" || f.Since != "" || f.Until != "" || f.Article != "" || f.Text != "" {
		return ` ORDER BY e.id + 0`
	}
	return ` ORDER BY e.id`
}

// eventScanner scans rows of eventColumns. It scans every column into an interface
// value, which database/sql hands over as the driver gives it (int64, float64, string
// or nil), and converts them itself: scanning into typed destinations costs
// database/sql a conversion, through strings for an int, per column and row. It also
// keeps the article columns that rows of both kinds show (article).
type eventScanner struct {
	vals [eventColumnCount + 1]any // and one more column, when extra is 1
	dest [eventColumnCount + 1]any
	n    int // the columns of a row

	ctx      context.Context
	tx       *sql.Tx
	meta     *sql.Stmt              // reads an article's columns, prepared on first use
	row      *sql.Stmt              // reads an event row's columns, prepared on first use
	articles map[int64]*articleMeta // by articles.seq; events come in runs of one article
}

// articleMeta is what an event row shows of its article.
type articleMeta struct {
	id, url, published, source, title string
}

// maxCachedArticles bounds eventScanner.articles.
const maxCachedArticles = 1024

// newEventScanner returns a scanner of rows of eventColumns and extra (0 or 1) more
// columns, which scan leaves in vals.
func newEventScanner(ctx context.Context, tx *sql.Tx, extra int) *eventScanner {
	return &eventScanner{ctx: ctx, tx: tx, n: eventColumnCount + extra, articles: map[int64]*articleMeta{}}
}

// close releases the scanner's prepared statements.
func (sc *eventScanner) close() {
	for _, st := range []*sql.Stmt{sc.meta, sc.row} {
		if st != nil {
			st.Close()
		}
	}
}

// record appends the record of event row id, made from its columns, to b.
func (sc *eventScanner) record(b []byte, id int64) ([]byte, error) {
	if sc.row == nil {
		st, err := sc.tx.PrepareContext(sc.ctx, eventColumns+` FROM events e`+eventJoin+` WHERE e.id = ?`)
		if err != nil {
			return b, err
		}
		sc.row = st
	}
	rows, err := sc.row.QueryContext(sc.ctx, id)
	if err != nil {
		return b, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return b, err
		}
		return b, sql.ErrNoRows
	}
	var r store.EventRow
	if err := sc.scan(rows, &r); err != nil {
		return b, err
	}
	return appendRecord(b, &r), rows.Close()
}

// article returns the columns of article seq. Its columns come before the text and
// JSON, so reading them never walks the JSON's overflow pages.
func (sc *eventScanner) article(seq int64) (*articleMeta, error) {
	if m, ok := sc.articles[seq]; ok {
		return m, nil
	}
	if sc.meta == nil {
		st, err := sc.tx.PrepareContext(sc.ctx, `SELECT id, url, published, source, title FROM articles WHERE seq = ?`)
		if err != nil {
			return nil, err
		}
		sc.meta = st
	}
	m := new(articleMeta)
	if err := sc.meta.QueryRowContext(sc.ctx, seq).Scan(&m.id, &m.url, &m.published, &m.source, &m.title); err != nil {
		return nil, fmt.Errorf("article %d: %w", seq, err)
	}
	if len(sc.articles) >= maxCachedArticles {
		clear(sc.articles)
	}
	sc.articles[seq] = m
	return m, nil
}

func (sc *eventScanner) scan(rows *sql.Rows, r *store.EventRow) error {
	if sc.dest[0] == nil {
		for i := range sc.vals {
			sc.dest[i] = &sc.vals[i]
		}
	}
	if err := rows.Scan(sc.dest[:sc.n]...); err != nil {
		return err
	}
	v := &sc.vals
	i := 0
	str := func() string { s, _ := v[i].(string); i++; return s }
	num := func() int { n, _ := v[i].(int64); i++; return int(n) }
	flt := func() float64 {
		f, ok := v[i].(float64)
		if !ok {
			if n, ok := v[i].(int64); ok {
				f = float64(n)
			}
		}
		i++
		return f
	}
	ev := &r.Evidence
	r.ID = int64(num())
	a, err := sc.article(int64(num()))
	if err != nil {
		return err
	}
	r.ArticleID, r.URL, r.Published, r.SourceName, r.Title = a.id, a.url, a.published, a.source, a.title
	r.Ingested = str()
	r.Index, r.Sentence, r.SentenceText = num(), num(), str()
	r.SentenceSpan.Start, r.SentenceSpan.End = num(), num()
	ev.Source.Start, ev.Source.End, ev.Trigger.Start, ev.Trigger.End, ev.Target.Start, ev.Target.End = num(), num(), num(), num(), num(), num()
	r.Source, r.SourceText, r.SourceCanonical, r.Target, r.TargetText, r.TargetCanonical = str(), str(), str(), str(), str(), str()
	r.Code, r.Base, r.Root, r.QuadClass, r.Goldstein = str(), str(), str(), num(), flt()
	r.PloverType, r.PloverMode, r.Modality, r.Rule = str(), str(), str(), str()
	r.Date, r.DateSource = str(), str()
	r.Place = nil
	if v[i] != nil {
		// A fresh Location per row that has one: rows returned by Events keep theirs.
		r.Place = &doc.Location{Name: str(), Country: str(), Admin1: str(), Lat: flt(), Lon: flt(), GeonameID: num()}
	} else {
		i += 6
	}
	r.PlaceSource = str()
	r.Story = str()
	r.StoryMentions, r.StorySources, r.StoryArticles = num(), num(), num()
	if i != eventColumnCount {
		return fmt.Errorf("scanned %d columns of %d", i, eventColumnCount)
	}
	return nil
}

// eventWhere builds the WHERE clause of f over events aliased e, with its arguments.
//
// One filter drives the query through its index, chosen by a fixed order of how few
// rows each kind usually selects: article, sentence text, dyad, source, target,
// country, code, root, date. The columns of the other filters are written with a
// unary + (+e.root), which stops SQLite from using their indexes, so that the choice
// does not rest on the planner's statistics: PRAGMA optimize's sampled statistics led
// it to read every event of a root (50,000 at 1M events) to find an actor's few.
// A filter on a column of the driving index is still tested in the index.
func eventWhere(f store.EventFilter) (string, []any, error) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	drive := driving(f)
	// col is column c of e, usable by an index only when its filter drives or its
	// index is the driving one.
	col := func(c string, usable ...string) string {
		for _, u := range usable {
			if u == drive {
				return "e." + c
			}
		}
		return "+e." + c
	}
	if f.Source != "" {
		c := col("source", "source", "dyad")
		add(c+` >= ? AND `+c+` < ?`, f.Source, prefixEnd(f.Source))
	}
	if f.Target != "" {
		c := col("target", "target", "dyad")
		add(c+` >= ? AND `+c+` < ?`, f.Target, prefixEnd(f.Target))
	}
	if a, b := f.Dyad[0], f.Dyad[1]; a != "" && b != "" {
		src, tgt := col("source", "dyad"), col("target", "dyad")
		add(`((`+src+` >= ? AND `+src+` < ? AND `+tgt+` >= ? AND `+tgt+` < ?) OR
			(`+src+` >= ? AND `+src+` < ? AND `+tgt+` >= ? AND `+tgt+` < ?))`,
			a, prefixEnd(a), b, prefixEnd(b), b, prefixEnd(b), a, prefixEnd(a))
	}
	if len(f.Roots) > 0 {
		add(col("root", "root")+` IN (`+placeholders(len(f.Roots))+`)`, anys(f.Roots)...)
	}
	if len(f.Codes) > 0 {
		add(col("code", "code")+` IN (`+placeholders(len(f.Codes))+`)`, anys(f.Codes)...)
	}
	if f.Quad != 0 {
		add(`+e.quad_class = ?`, f.Quad)
	}
	if f.Country != "" {
		add(col("place_country", "country")+` = ?`, f.Country)
	}
	day := col("day", "country", "root", "date")
	if f.Since != "" {
		add(day+` >= ?`, f.Since)
	}
	if f.Until != "" {
		add(day+` <= ?`, f.Until)
	}
	if f.Modality != "" {
		add(`+e.modality = ?`, f.Modality)
	}
	if f.Article != "" {
		add(col("article", "article")+` = (SELECT seq FROM articles WHERE id = ?)`, f.Article)
	}
	if f.Text != "" {
		match, err := ftsQuery(f.Text)
		if err != nil {
			reason := err.Error()
			if qe, ok := err.(*store.QueryError); ok {
				reason = qe.Reason
			}
			return "", nil, &store.FilterError{Name: "q", Value: f.Text, Reason: reason}
		}
		add(col("sentence", "q")+` IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)`, match)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// driving names the filter of f that drives an events query (see eventWhere), "" for
// none.
func driving(f store.EventFilter) string {
	switch {
	case f.Article != "":
		return "article"
	case f.Text != "":
		return "q"
	case f.Dyad[0] != "":
		return "dyad"
	case f.Source != "":
		return "source"
	case f.Target != "":
		return "target"
	case f.Country != "":
		return "country"
	case len(f.Codes) > 0:
		return "code"
	case len(f.Roots) > 0:
		return "root"
	case f.Since != "" || f.Until != "":
		return "date"
	}
	return ""
}

// prefixEnd is the least string above every string that starts with p, for the
// upper bound of a prefix range that an index can serve (p is ASCII letters and
// digits, so its last byte is below 0x7f).
func prefixEnd(p string) string {
	return p[:len(p)-1] + string(rune(p[len(p)-1]+1))
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
