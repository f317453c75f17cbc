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
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM events e`+where, args...).Scan(&total); err != nil {
		return nil, 0, eventsError(f, err)
	}
	out := []store.EventRow{}
	if total == 0 || offset >= total {
		return out, total, nil
	}
	rows, err := tx.QueryContext(ctx, eventSelect+where+eventOrder(f)+` LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, eventsError(f, err)
	}
	defer rows.Close()
	var sc eventScanner
	for rows.Next() {
		var r store.EventRow
		if err := sc.scan(rows, &r); err != nil {
			return nil, 0, fmt.Errorf("store/sqlite: events: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store/sqlite: events: %w", err)
	}
	return out, total, nil
}

// EachEvent calls fn with every event that matches f, in row-ID order, reusing one
// row, so that an export of any size runs in constant memory. The walk reads one
// snapshot of the store.
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
	rows, err := tx.QueryContext(ctx, eventSelect+where+eventOrder(f), args...)
	if err != nil {
		return eventsError(f, err)
	}
	defer rows.Close()
	var (
		sc eventScanner
		r  store.EventRow
	)
	for rows.Next() {
		if err := sc.scan(rows, &r); err != nil {
			return fmt.Errorf("store/sqlite: events: %w", err)
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store/sqlite: events: %w", err)
	}
	return nil
}

// eventsError turns FTS5 rejecting the sentence query into a *store.FilterError.
func eventsError(f store.EventFilter, err error) error {
	if reason, ok := ftsError(err); ok {
		return &store.FilterError{Name: "q", Value: f.Text, Reason: reason}
	}
	return fmt.Errorf("store/sqlite: events: %w", err)
}

// eventSelect reads the columns eventScanner.scan expects, for events aliased e.
const eventSelect = `SELECT e.id, a.id, a.url, a.published, a.source, a.title, a.ingested_at,
	e.idx, e.sentence_idx, coalesce(s.text, ''), coalesce(s.start, 0), coalesce(s.end, 0),
	e.ev_source_start, e.ev_source_end, e.ev_trigger_start, e.ev_trigger_end, e.ev_target_start, e.ev_target_end,
	e.source, e.source_text, e.source_canonical, e.target, e.target_text, e.target_canonical,
	e.code, e.base, e.root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.modality, e.rule,
	e.date, e.date_source,
	e.place_name, coalesce(e.place_country, ''), coalesce(e.place_admin1, ''), coalesce(e.place_lat, 0),
	coalesce(e.place_lon, 0), coalesce(e.place_geonameid, 0), e.place_source
	FROM events e JOIN articles a ON a.seq = e.article LEFT JOIN sentences s ON s.id = e.sentence`

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

// eventScanner scans eventSelect rows, keeping its nullable holders between rows.
type eventScanner struct {
	placeName sql.NullString
}

func (sc *eventScanner) scan(rows *sql.Rows, r *store.EventRow) error {
	ev := &r.Evidence
	var country, admin1 string
	var lat, lon float64
	var gid int
	err := rows.Scan(&r.ID, &r.ArticleID, &r.URL, &r.Published, &r.SourceName, &r.Title, &r.Ingested,
		&r.Index, &r.Sentence, &r.SentenceText, &r.SentenceSpan.Start, &r.SentenceSpan.End,
		&ev.Source.Start, &ev.Source.End, &ev.Trigger.Start, &ev.Trigger.End, &ev.Target.Start, &ev.Target.End,
		&r.Source, &r.SourceText, &r.SourceCanonical, &r.Target, &r.TargetText, &r.TargetCanonical,
		&r.Code, &r.Base, &r.Root, &r.QuadClass, &r.Goldstein, &r.PloverType, &r.PloverMode, &r.Modality, &r.Rule,
		&r.Date, &r.DateSource,
		&sc.placeName, &country, &admin1, &lat, &lon, &gid, &r.PlaceSource)
	if err != nil {
		return err
	}
	r.Place = nil
	if sc.placeName.Valid {
		// A fresh Location per row that has one: rows returned by Events keep theirs.
		r.Place = &doc.Location{Name: sc.placeName.String, Country: country, Admin1: admin1, Lat: lat, Lon: lon, GeonameID: gid}
	}
	return nil
}

// eventWhere builds the WHERE clause of f over events aliased e, with its arguments.
func eventWhere(f store.EventFilter) (string, []any, error) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if f.Source != "" {
		add(`e.source >= ? AND e.source < ?`, f.Source, prefixEnd(f.Source))
	}
	if f.Target != "" {
		add(`e.target >= ? AND e.target < ?`, f.Target, prefixEnd(f.Target))
	}
	if a, b := f.Dyad[0], f.Dyad[1]; a != "" && b != "" {
		add(`((e.source >= ? AND e.source < ? AND e.target >= ? AND e.target < ?) OR
			(e.source >= ? AND e.source < ? AND e.target >= ? AND e.target < ?))`,
			a, prefixEnd(a), b, prefixEnd(b), b, prefixEnd(b), a, prefixEnd(a))
	}
	if len(f.Roots) > 0 {
		add(`e.root IN (`+placeholders(len(f.Roots))+`)`, anys(f.Roots)...)
	}
	if len(f.Codes) > 0 {
		add(`e.code IN (`+placeholders(len(f.Codes))+`)`, anys(f.Codes)...)
	}
	if f.Quad != 0 {
		add(`e.quad_class = ?`, f.Quad)
	}
	if f.Country != "" {
		add(`e.place_country = ?`, f.Country)
	}
	if f.Since != "" {
		add(`e.day >= ?`, f.Since)
	}
	if f.Until != "" {
		add(`e.day <= ?`, f.Until)
	}
	if f.Modality != "" {
		add(`e.modality = ?`, f.Modality)
	}
	if f.Article != "" {
		add(`e.article = (SELECT seq FROM articles WHERE id = ?)`, f.Article)
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
		add(`e.sentence IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)`, match)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
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
