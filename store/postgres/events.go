package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
)

var _ store.EventStore = (*Store)(nil)

// Events returns one page of the events that match f, in row-ID order, and how many
// match in all, both from one snapshot. A full-text filter with nothing to search for
// is a *store.FilterError naming "q".
func (s *Store) Events(ctx context.Context, f store.EventFilter, page store.Page) ([]store.EventRow, int, error) {
	var a args
	where, err := eventWhere(f, &a)
	if err != nil {
		return nil, 0, err
	}
	limit, offset := window(page)
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("store/postgres: events: %w", err)
	}
	defer tx.Rollback(ctx)
	var total int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM events e`+where, a.planned(f.Text != "")...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store/postgres: events: %w", err)
	}
	// The page's IDs first, from the filter's index, then only those rows in full.
	lim, off := a.add(limit), a.add(offset)
	q := eventSelect + ` WHERE e.id IN (SELECT e.id FROM events e` + where + ` ORDER BY e.id LIMIT ` + lim + ` OFFSET ` + off + `) ORDER BY e.id`
	out := []store.EventRow{}
	err = eachRow(ctx, tx, q, a.planned(f.Text != ""), func(r *store.EventRow) error {
		c := *r
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("store/postgres: events: %w", err)
	}
	return out, total, nil
}

// EachEvent calls fn with every event that matches f, in row-ID order, reusing one
// row; the rows stream from the server as fn takes them, so an export of any size
// runs in constant memory, from one snapshot of the store.
func (s *Store) EachEvent(ctx context.Context, f store.EventFilter, fn func(*store.EventRow) error) error {
	var a args
	where, err := eventWhere(f, &a)
	if err != nil {
		return err
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return fmt.Errorf("store/postgres: events: %w", err)
	}
	defer tx.Rollback(ctx)
	q := eventSelect + ` ORDER BY e.id`
	if where != "" {
		q = eventSelect + ` WHERE e.id IN (SELECT e.id FROM events e` + where + `) ORDER BY e.id`
	}
	var ferr error
	err = eachRow(ctx, tx, q, a.planned(f.Text != ""), func(r *store.EventRow) error {
		ferr = fn(r)
		return ferr
	})
	if ferr != nil {
		return ferr
	}
	if err != nil {
		return fmt.Errorf("store/postgres: events: %w", err)
	}
	return nil
}

// eventSelect reads events aliased e with their sentence, article and story counts.
const eventSelect = `SELECT e.id, a.id, a.url, a.published, a.source, a.title, a.ingested_at,
	e.idx, e.sentence_idx, coalesce(sn.text, ''), coalesce(sn.span_start, 0), coalesce(sn.span_end, 0),
	e.ev_source_start, e.ev_source_end, e.ev_trigger_start, e.ev_trigger_end, e.ev_target_start, e.ev_target_end,
	e.source, e.source_text, e.source_canonical, e.target, e.target_text, e.target_canonical,
	e.code, e.base, e.root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.modality, e.rule,
	e.date, e.date_source,
	e.place_name IS NOT NULL, coalesce(e.place_name, ''), coalesce(e.place_country, ''), coalesce(e.place_admin1, ''),
	coalesce(e.place_lat, 0), coalesce(e.place_lon, 0), coalesce(e.place_geonameid, 0), e.place_source,
	coalesce(e.story, ''), coalesce(st.mentions, 0), coalesce(st.sources, 0), coalesce(st.articles, 0)
	FROM events e
	JOIN articles a ON a.seq = e.article
	LEFT JOIN sentences sn ON sn.article = e.article AND sn.idx = e.sentence_idx
	LEFT JOIN stories st ON st.id = e.story`

// timeLayout is how an event row shows its article's ingest time, as SQLite's does.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// eachRow runs q and calls fn with each event row, reusing one.
func eachRow(ctx context.Context, tx pgx.Tx, q string, a []any, fn func(*store.EventRow) error) error {
	rows, err := tx.Query(ctx, q, a...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		r        store.EventRow
		ingested time.Time
		hasPlace bool
		place    doc.Location
		gid      int64
	)
	ev := &r.Evidence
	for rows.Next() {
		err := rows.Scan(&r.ID, &r.ArticleID, &r.URL, &r.Published, &r.SourceName, &r.Title, &ingested,
			&r.Index, &r.Sentence, &r.SentenceText, &r.SentenceSpan.Start, &r.SentenceSpan.End,
			&ev.Source.Start, &ev.Source.End, &ev.Trigger.Start, &ev.Trigger.End, &ev.Target.Start, &ev.Target.End,
			&r.Source, &r.SourceText, &r.SourceCanonical, &r.Target, &r.TargetText, &r.TargetCanonical,
			&r.Code, &r.Base, &r.Root, &r.QuadClass, &r.Goldstein, &r.PloverType, &r.PloverMode, &r.Modality, &r.Rule,
			&r.Date, &r.DateSource,
			&hasPlace, &place.Name, &place.Country, &place.Admin1, &place.Lat, &place.Lon, &gid, &r.PlaceSource,
			&r.Story, &r.StoryMentions, &r.StorySources, &r.StoryArticles)
		if err != nil {
			return err
		}
		r.Ingested = ingested.UTC().Format(timeLayout)
		r.Place = nil
		if hasPlace {
			// A fresh Location per row that has one: rows returned by Events keep theirs.
			p := place
			p.GeonameID = int(gid)
			r.Place = &p
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// args collects the arguments of a statement and names their placeholders.
type args []any

// planned returns the arguments of a statement to be planned for them, not with
// PostgreSQL's generic plan for its prepared form, when custom is set. A word of the
// full-text filter selects from one sentence to most of them, and the generic plan
// (adopted after five runs) walked every event in ID order for a rare word: on a
// 20,000-event store (tocsin bench store --db) 143-152 ms p50 against 16-41 ms.
// Planning every query instead costs the other filters more than it saves (p50 0.5 ->
// 8 ms for a dyad and dates), so only the text filter gets it.
func (a args) planned(custom bool) []any {
	if !custom {
		return a
	}
	return append([]any{pgx.QueryExecModeExec}, a...)
}

// add appends v and returns its placeholder, $n.
func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// list adds each of vs and returns their placeholders, comma-separated.
func (a *args) list(vs []string) string {
	ps := make([]string, len(vs))
	for i, v := range vs {
		ps[i] = a.add(v)
	}
	return strings.Join(ps, ", ")
}

// eventWhere builds the WHERE clause of f over events aliased e, its arguments added
// to a. An actor-code prefix is a range of the C-collated code, which the indexes
// serve; PostgreSQL's planner picks the index from its statistics.
func eventWhere(f store.EventFilter, a *args) (string, error) {
	var conds []string
	prefix := func(col, p string) string {
		return col + ` >= ` + a.add(p) + ` AND ` + col + ` < ` + a.add(prefixEnd(p))
	}
	if f.Source != "" {
		conds = append(conds, prefix("e.source", f.Source))
	}
	if f.Target != "" {
		conds = append(conds, prefix("e.target", f.Target))
	}
	if x, y := f.Dyad[0], f.Dyad[1]; x != "" && y != "" {
		conds = append(conds, `((`+prefix("e.source", x)+` AND `+prefix("e.target", y)+`) OR (`+
			prefix("e.source", y)+` AND `+prefix("e.target", x)+`))`)
	}
	if len(f.Roots) > 0 {
		conds = append(conds, `e.root IN (`+a.list(f.Roots)+`)`)
	}
	if len(f.Codes) > 0 {
		conds = append(conds, `e.code IN (`+a.list(f.Codes)+`)`)
	}
	if f.Quad != 0 {
		conds = append(conds, `e.quad_class = `+a.add(f.Quad))
	}
	if f.Country != "" {
		conds = append(conds, `e.place_country = `+a.add(f.Country))
	}
	if f.Since != "" {
		conds = append(conds, `e.day >= `+a.add(f.Since))
	}
	if f.Until != "" {
		conds = append(conds, `e.day <= `+a.add(f.Until))
	}
	if f.Modality != "" {
		conds = append(conds, `e.modality = `+a.add(f.Modality))
	}
	if f.Article != "" {
		conds = append(conds, `e.article = (SELECT seq FROM articles WHERE id = `+a.add(f.Article)+`)`)
	}
	if f.Text != "" {
		tsq, err := filterQuery(f.Text)
		if err != nil {
			return "", err
		}
		conds = append(conds, `(e.article, e.sentence_idx) IN (SELECT article, idx FROM sentences WHERE tsv @@ `+a.add(tsq)+`::tsquery)`)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), nil
}

// prefixEnd is the least string above every string that starts with p (p is ASCII
// letters and digits, so its last byte is below 0x7f).
func prefixEnd(p string) string {
	return p[:len(p)-1] + string(rune(p[len(p)-1]+1))
}
